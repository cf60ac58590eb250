// Release build step (run by tools/post-build.mjs): puts the first view into index.html, so the
// map, the heading and the rankings appear as soon as the HTML is parsed, before any wasm runs.
//
// The view is rendered by the app itself, in headless Chromium, from the built files: the same
// components and view models, never a second template that could drift. Two renderings are
// kept, as the app draws them: the wide one (geographic map) and the phone one (squares); the
// stylesheet shows the one that fits the screen. The app then mounts hidden, and when its own
// view is ready it takes the pre-rendered copy's place in one frame (src/first_view.rs).
//
// What it writes:
// - `<div id="first-view">` before the boot note, holding both renderings, with the default
//   dataset's folder and its manifest's SHA-256. boot.js hides the copy when the host serves
//   another manifest, and so does the app, so replaced data is never shown as current;
// - `first-view-<hash>.css`: the rendering's inline styles (square positions and colours) as
//   classes, because a strict CSP (`style-src 'self'`) blocks `style` attributes in HTML;
// - `first.js` in <head> (pinned by SHA-384), with the exact URLs the copy stands for (the
//   app's own canonical URL of its default view, and the short ones that mean the same) and
//   the data files the app fetched for that view before it was ready, which it preloads;
// - the loader's tags moved out of <head> and onto first.js's script: boot.js's script, Trunk's
//   modulepreload of the app's JS and its wasm preload, each with its SHA-384. Fetched from the
//   HTML they shared the slow line with the stylesheets the first paint waits for; first.js,
//   placed just before the stylesheet, asks for all three when it arrives, a round trip after
//   the stylesheet was asked for, so their bytes follow the stylesheet's (see first.js).
import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';
import { sri, nameHash, trunkBuild, targetDir } from './files.mjs';

const { dir, release } = trunkBuild();
const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
if (!release) {
  console.log('prerender: skipped in a debug build (the page starts with its loading note)');
  process.exit(0);
}
if (!fs.existsSync(CHROMIUM)) {
  console.log(`prerender: skipped, no Chromium at ${CHROMIUM} (tools/setup.sh test installs it); the page starts with its loading note`);
  process.exit(0);
}
const { chromium } = await import('playwright-core');
const { serve } = await import('../tests/e2e/server.mjs');
const { CHROMIUM_ARGS, noteWhenSet } = await import('../tests/e2e/harness.mjs');

const BASE = '/prerender/';
const server = await serve(dir, { base: BASE });
const origin = `http://127.0.0.1:${server.address().port}${BASE}`;
const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });

/** Opens `query` at `viewport`, waits for the app to be ready and every file to arrive; gives
 * the page, the URL the app settled on and the data files it fetched before it was ready. */
async function open(query, viewport) {
  const page = await browser.newPage({ viewport, serviceWorkers: 'block' });
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  // When the app said it was ready, on the page's clock.
  await noteWhenSet(page, 'app', 'ready');
  await page.goto(origin + query);
  await page.waitForSelector('html[data-app="ready"] main h2', { timeout: 60000 });
  await page.waitForLoadState('networkidle');
  // The files the first view needed: those asked for before the app was ready. What it reads
  // once its view is shown (the other files of an all-India dataset's periods, for the
  // indicators not shown) is not preloaded: first.js would put it on the slow line beside the
  // wasm (on the generated all-India site, eight files of 62 KB held the first module back from
  // 1.5 to 3.7 s). Timed in the page: the test's own wait for "ready" can come after them.
  const data = await page.evaluate((base) => [...new Set(performance.getEntriesByType('resource')
    .filter((e) => e.startTime < window.__setAt.app)
    .map((e) => new URL(e.name).pathname.slice(base.length))
    .filter((p) => p.startsWith('data/')))], BASE);
  if (!data.length) throw new Error(`prerender: "${query}" was ready before it read any data file`);
  // Names on the map are measured in the frame after layout.
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
  if (errors.length) throw new Error(`prerender: the app failed on "${query}": ${errors.join('; ')}`);
  return { page, search: await page.evaluate(() => location.search), data };
}

/** The app's rendering, ready to sit in static HTML: inline styles become classes (listed in
 * `styles`), and in the second rendering ids get a suffix (with every reference to them) so
 * the page never holds one id twice (src/first_view.rs `PHONE_ID_SUFFIX` reads it back when
 * the app takes the copy's place, to keep keyboard focus where it was). */
async function capture(page, suffix, styles) {
  const { html, found } = await page.evaluate(({ suffix, known }) => {
    // What a control shows is a property the markup lacks until written back as an attribute.
    for (const input of document.querySelectorAll('#app input')) input.setAttribute('value', input.value);
    const root = document.getElementById('app').cloneNode(true);
    const found = [...known];
    for (const el of root.querySelectorAll('[style]')) {
      const css = el.getAttribute('style');
      let i = found.indexOf(css);
      if (i < 0) i = found.push(css) - 1;
      el.classList.add(`fv-${i}`);
      el.removeAttribute('style');
    }
    if (suffix) {
      for (const el of root.querySelectorAll('[id]')) el.id += suffix;
      for (const el of root.querySelectorAll('a[href^="#"]')) el.setAttribute('href', el.getAttribute('href') + suffix);
      for (const attr of ['for', 'list', 'aria-labelledby', 'aria-describedby', 'aria-controls']) {
        for (const el of root.querySelectorAll(`[${attr}]`)) el.setAttribute(attr, el.getAttribute(attr).split(/\s+/).map((id) => id + suffix).join(' '));
      }
    }
    // Leptos's placeholders mean nothing without the app.
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_COMMENT);
    const comments = [];
    while (walker.nextNode()) comments.push(walker.currentNode);
    for (const c of comments) c.remove();
    return { html: root.innerHTML, found };
  }, { suffix, known: styles });
  styles.splice(0, styles.length, ...found);
  return html;
}

const styles = [];
const wide = await open('', { width: 1024, height: 768 });
const canonical = wide.search;
const wideHtml = await capture(wide.page, '', styles);
await wide.page.close();
// The phone width Lighthouse's mobile profile uses; below 700 px the app draws squares.
const narrow = await open('', { width: 412, height: 915 });
if (narrow.search !== canonical) throw new Error(`prerender: the phone view settled on ${narrow.search}, the wide one on ${canonical}`);
const narrowHtml = await capture(narrow.page, '-p', styles);
await narrow.page.close();

// The URLs this copy stands for: the empty one, the canonical one, and short ones the app
// settles on the same canonical URL from.
const queries = ['', canonical];
for (const q of ['?view=map', '?lang=hi', '?view=map&lang=hi']) {
  const probe = await open(q, { width: 1024, height: 768 });
  if (probe.search === canonical) queries.push(q);
  await probe.page.close();
}
await browser.close();
server.close();

// The default dataset the copy shows, and its manifest's hash.
const catalog = JSON.parse(fs.readFileSync(path.join(dir, 'data/catalog.json'), 'utf8'));
const folder = `data/${catalog.datasets[0].folder}`;
const manifestHash = crypto.createHash('sha256').update(fs.readFileSync(path.join(dir, folder, 'manifest.json'))).digest('hex');
// Only the geographic map needs the boundary file; first.js preloads it only where the map
// opens on that drawing (700 px and wider, or `map=geo`).
const manifest = JSON.parse(fs.readFileSync(path.join(dir, folder, 'manifest.json'), 'utf8'));
const boundaries = manifest.boundaries ? wide.data.filter((p) => p === folder + manifest.boundaries.path) : [];
const preload = wide.data.filter((p) => !boundaries.includes(p));

const css = `/* The pre-rendered first view's inline styles, as classes (written by tools/prerender.mjs). */\n${styles.map((s, i) => `.fv-${i}{${s}}`).join('\n')}\n`;
const cssName = `first-view-${nameHash(css)}.css`;
fs.writeFileSync(path.join(dir, cssName), css);
const first = fs.readFileSync(path.join(dir, 'first.js'));

const attr = (v) => JSON.stringify(v).replaceAll('&', '&amp;').replaceAll("'", '&#39;');
const index = path.join(dir, 'index.html');
let html = fs.readFileSync(index, 'utf8');
// Kept as it was before this step (in target/, never in the build) when Trunk runs it, so
// `make report` can pre-render a site of another default dataset from the same build
// (tools/report.mjs runs this step again on that site, without Trunk's TRUNK_DIST_DIR).
if (process.env.TRUNK_DIST_DIR) {
  const kept = path.join(targetDir(), 'prerender');
  fs.mkdirSync(kept, { recursive: true });
  fs.writeFileSync(path.join(kept, 'index.html'), html);
}
// The loader's three tags, as Trunk, split.mjs and minify.mjs left them (boot.js is minified and
// final here; offline-hook.mjs checks the pin below against it), move onto first.js's script.
// In <head> they were fetched at once and shared the slow line with the stylesheets the first
// paint waits for (9 KB beside 8 KB; `make report`'s profile: the first map 751 → 663 ms,
// medians of 9, the tap no later). The wasm's preload was moved for the same reason before
// (690 → 818 ms with it in <head>). boot.js's fetch and import are served from first.js's
// preload and modulepreload, with the same hashes.
const bootTag = html.match(/\n?\s*<script type="module" src="([^"]*boot\.js)" data-js="([^"]+)" data-wasm="([^"]+)"><\/script>/);
const jsLink = bootTag && html.match(new RegExp(`\\n?\\s*<link rel="modulepreload" href="${bootTag[2].replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}"[^>]*integrity="([^"]+)"[^>]*>`));
const wasmLink = bootTag && html.match(/\n?\s*<link rel="preload" href="([^"]+\.wasm)"[^>]*integrity="([^"]+)"[^>]*>/);
if (!bootTag || !jsLink || !wasmLink || wasmLink[1] !== bootTag[3]) throw new Error('prerender: index.html lacks boot.js\'s script, the app JS\'s modulepreload or the wasm\'s preload');
const loader = `data-boot="${bootTag[1]}" data-boot-integrity="${sri(fs.readFileSync(path.join(dir, 'boot.js')))}" data-js="${bootTag[2]}" data-js-integrity="${jsLink[1]}" data-wasm="${bootTag[3]}" data-wasm-integrity="${wasmLink[2]}"`;
html = html.replace(bootTag[0], '').replace(jsLink[0], '').replace(wasmLink[0], '');
// first.js goes just before Trunk's stylesheet, the copy's own small stylesheet at the end of
// <head>. After the stylesheet, first.js ran only once the stylesheet was in (a classic script
// waits for the stylesheets before it) and held the parser for its 45 ms there, on the first
// map's path; before it, it runs while the stylesheet is still on its way (`make report`'s
// profile, medians of 21 interleaved: the first map 705 → 669 ms, the tooltip of the first tap
// 1,715 → 1,662 ms, the stylesheet 494 → 507 ms).
const script = `<script src="first.js" integrity="${sri(first)}" ${loader} data-queries='${attr(queries)}' data-preload='${attr(preload)}' data-preload-map='${attr(boundaries)}'></script>
  `;
const stylesheet = html.match(/<link rel="stylesheet" href="[^"]*style-[0-9a-f]+\.css"/);
if (!stylesheet) throw new Error('prerender: index.html has no stylesheet link from Trunk');
const head = `<link rel="stylesheet" href="${cssName}" integrity="${sri(css)}">
</head>`;
// The phone's copy first: the page paints as its bytes arrive, and the wide copy (the
// geographic map's paths, 15 of the page's 18 KB brotli) ahead of it held the phone's first map
// back by the time those bytes take on a slow line; the wide copy waits behind 3 KB instead.
// (Which one shows is the stylesheet's media query; the order is not the tab order of either.)
const body = `<div id="first-view" data-dataset="${folder}" data-manifest-sha256="${manifestHash}" aria-busy="true">
    <div class="fv-narrow">${narrowHtml}</div>
    <div class="fv-wide">${wideHtml}</div>
  </div>
  <div id="boot"`;
if (!html.includes('</head>') || !html.includes('<div id="boot"')) throw new Error('prerender: index.html has no </head> or boot note');
// Replaced through functions: a string replacement would read `$&` and its kind in the
// dataset's text or the JSON attributes as patterns.
html = html.replace(stylesheet[0], () => script + stylesheet[0]).replace('</head>', () => head).replace('<div id="boot"', () => body);
fs.writeFileSync(index, html);
console.log(`prerender: first view of ${folder} for ${queries.map((q) => q || '(no query)').join(', ')}; ${(wideHtml.length / 1024).toFixed(0)} + ${(narrowHtml.length / 1024).toFixed(0)} KB of HTML, ${styles.length} style classes; preloads ${[...preload, ...boundaries].join(', ')}`);
