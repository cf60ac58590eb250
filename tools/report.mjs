// `make report` (a benchmark, not a test): the first view measured against a plain D3 page in
// one run, and the five figures of the first-view goals printed beside their goals.
//
// Both pages are served by the e2e server (brotli by Accept-Encoding, as a real host) from one
// copy of dist/, at 1024×768 with a 4× CPU throttle and the cache off, runs interleaved:
//   1. time to the first map with data, Samiksha ÷ the D3 page (goal ≤ 0.5);
//   2. bytes (as sent, brotli) of everything fetched before the first map (goal ≤ 100 KB);
//   3. Lighthouse's mobile performance score on ?view=map, run here with no network (goal ≥ 95);
//   4. recolouring the geographic map at 55 and 785 districts (goals ≤ 16 and ≤ 50 ms), read
//      from the browser benchmark's output, which `make report` runs first;
//   5. the first map of a generated all-India dataset against Madhya Pradesh's (goal ≤ 1.5×).
//
// The D3 page (tools/peer/) draws the same boundary file, converted to TopoJSON with the same
// points, coloured from the same period's value file: the work any map page must do.
// Three more pages show where the floor of figure 1 lies on this machine (buildFloors).
// It ends with twiggy's ten largest items of the release wasm, from a `wasm-opt -Oz -g` build of
// the same wasm-bindgen output (names kept, so the items say what they are).
// Usage: node tools/report.mjs [dist]; ROUNDS (default 11) and LH_RUNS (default 5) set the runs.
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { chromium } from 'playwright-core';
import { serve } from '../tests/e2e/server.mjs';
import { CHROMIUM_ARGS } from '../tests/e2e/harness.mjs';

const ROOT = path.resolve(import.meta.dirname, '..');
const dist = path.resolve(process.argv[2] || path.join(ROOT, 'dist'));
const work = path.join(ROOT, 'target/report');
const site = path.join(work, 'site');
const ROUNDS = Number(process.env.ROUNDS || 11);
const LH_RUNS = Number(process.env.LH_RUNS || 5);
const VIEWPORT = { width: 1024, height: 768 };
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const readJson = (file) => JSON.parse(fs.readFileSync(file, 'utf8'));

// A map "with data" is a district drawn in a class colour (not the no-data hatching).
// The pre-rendered copy counts only where shown (this URL, this dataset, this width); the
// app's own map only once the app is shown.
const PROJECT_MAP = ['html:not(.no-first-view) #first-view:not([hidden]) > .fv-wide', '#app:not(.app-pending)']
  .flatMap((scope) => [`${scope} .geo-map g.shape path:not([fill^="url"])`, `${scope} .tile-grid a.tile:not(.no-data)`]).join(', ');
const PEER_MAP = '#map path.district[fill]';
const MAP_ONLY = '#map-only .geo-map g.shape path:not([fill^="url"])';
// The app has taken over once its own view is mounted (the pre-rendered copy is gone) and its
// map is drawn; without a pre-rendered copy this is the first map.
const PROJECT_READY = ['body:not(:has(#first-view)) main .geo-map g.shape path:not([fill^="url"])', 'body:not(:has(#first-view)) main .tile-grid a.tile:not(.no-data)'].join(', ');

// ---- the site: dist/ as built, the D3 page, and the generated all-India dataset if made ----
fs.rmSync(site, { recursive: true, force: true });
fs.cpSync(dist, site, { recursive: true });
const catalog = readJson(path.join(site, 'data/catalog.json'));
const mpDir = path.join(site, 'data', catalog.datasets[0].folder);
const mp = readJson(path.join(mpDir, 'manifest.json'));
buildPeer(path.join(site, 'peer'), mpDir, mp);
const haveMapOnly = buildFloors(site);
const india = path.join(work, 'india');
const haveIndia = fs.existsSync(path.join(india, 'manifest.json'));
if (haveIndia) {
  fs.cpSync(india, path.join(site, 'data/india'), { recursive: true });
  catalog.datasets.push({ id: 'india', folder: 'india/', title: { en: 'All-India (generated)', hi: 'अखिल भारत (कृत्रिम)' } });
  fs.writeFileSync(path.join(site, 'data/catalog.json'), JSON.stringify(catalog));
}

/** The D3 page's folder: its HTML, script and style from tools/peer/, D3 and topojson-client
 * from npm, the boundary file as TopoJSON and the latest period's value file. */
function buildPeer(out, dataDir, manifest) {
  fs.mkdirSync(out, { recursive: true });
  for (const f of fs.readdirSync(path.join(ROOT, 'tools/peer'))) fs.copyFileSync(path.join(ROOT, 'tools/peer', f), path.join(out, f));
  fs.copyFileSync(path.join(ROOT, 'node_modules/d3/dist/d3.min.js'), path.join(out, 'd3.min.js'));
  fs.copyFileSync(path.join(ROOT, 'node_modules/topojson-client/dist/topojson-client.min.js'), path.join(out, 'topojson-client.min.js'));
  // Rings are [x0, y0, dx1, dy1, …] in pixels: exactly a quantised, delta-encoded TopoJSON arc.
  const b = readJson(path.join(dataDir, manifest.boundaries.path));
  const arcs = [];
  const geometries = b.units.map((u) => ({
    type: 'Polygon',
    id: u.unit,
    arcs: u.rings.map((ring) => {
      const arc = [];
      for (let i = 0; i + 1 < ring.length; i += 2) arc.push([ring[i], ring[i + 1]]);
      arcs.push(arc);
      return [arcs.length - 1];
    }),
  }));
  const topo = { type: 'Topology', width: b.width, height: b.height, transform: { scale: [1, 1], translate: [0, 0] },
    objects: { districts: { type: 'GeometryCollection', geometries } }, arcs };
  fs.writeFileSync(path.join(out, 'map.topo.json'), JSON.stringify(topo));
  const latest = manifest.periods.at(-1).id;
  const file = manifest.value_files.find((f) => f.period === latest);
  fs.copyFileSync(path.join(dataDir, file.path), path.join(out, 'values.json'));
}

/** Two pages that show where the floor of figure 1 lies on this machine, timed like the others:
 * `floor/`, a heading and one coloured square with no stylesheet and no script (the least any
 * page can paint), and `map-only/`, the pre-rendered map alone: its paths and Hindi labels as
 * index.html holds them, with nothing around them, no stylesheet and no script (the least a page
 * showing this map can paint), and `map-styled/`, that map with the app's stylesheets. Returns whether index.html held a map to take. */
function buildFloors(root) {
  const page = (lang, body) => `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>floor</title></head><body>${body}</body></html>`;
  fs.mkdirSync(path.join(root, 'floor'));
  fs.writeFileSync(path.join(root, 'floor/index.html'), page('en', '<h1>District map</h1><svg id="map" width="200" height="200"><path class="district" fill="#e6550d" d="M0 0h100v100z"/></svg>'));
  const html = fs.readFileSync(path.join(root, 'index.html'), 'utf8');
  const wide = html.indexOf('<div class="fv-wide">');
  const start = html.indexOf('<figure class="map-figure"', wide);
  const end = html.indexOf('</svg>', start);
  if (wide < 0 || start < 0 || end < 0) return false;
  const map = `<main id="map-only">${html.slice(start, end)}</svg></figure></main>`;
  fs.mkdirSync(path.join(root, 'map-only'));
  fs.writeFileSync(path.join(root, 'map-only/index.html'), page('hi', map));
  // The same with the stylesheets index.html links (as it links them), so the map looks as it does in the app.
  const sheets = html.slice(0, html.indexOf('</head>')).match(/<link rel="stylesheet"[^>]*>/g) ?? [];
  fs.mkdirSync(path.join(root, 'map-styled'));
  fs.writeFileSync(path.join(root, 'map-styled/index.html'), page('hi', map).replace('</head>', `${sheets.join('').replace(/href="(\.\/)?/g, 'href="../')}</head>`));
  return true;
}

// ---- one cold load, throttled, timed in the page ----
const server = await serve(site, { base: '/samiksha/' });
const origin = `http://127.0.0.1:${server.address().port}/samiksha/`;
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });

// Runs in the page before any of its own code: notes, for each selector, the frame in which it
// first matches. `<name>Frame` is when that frame starts (its animation-frame callbacks run
// before its style, layout and paint); `<name>` is when the frame's rendering work is done (a
// task queued from the callback runs only after it), i.e. when what matched is painted, or a
// little later when other tasks were queued first (a bias against the page measured). The
// times use the second: a page whose layout is slow pays for it here. The bytes use the first:
// a file that arrives after the frame started cannot be part of it.
function watch(marks) {
  window.__marks = {};
  const check = () => {
    for (const [name, selector] of Object.entries(marks)) {
      if (name in window.__marks || !document.querySelector(selector)) continue;
      window.__marks[name] = null;
      requestAnimationFrame(() => {
        window.__marks[`${name}Frame`] = performance.now();
        setTimeout(() => { window.__marks[name] = performance.now(); }, 0);
      });
    }
  };
  new MutationObserver(check).observe(document, { subtree: true, childList: true, attributes: true });
}

async function load(url, marks) {
  const ctx = await browser.newContext({ viewport: VIEWPORT, serviceWorkers: 'block' });
  const page = await ctx.newPage();
  const cdp = await ctx.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  await page.addInitScript(watch, marks);
  await page.goto(url);
  const names = Object.keys(marks);
  await page.waitForFunction((n) => n.every((k) => typeof window.__marks?.[k] === 'number' && typeof window.__marks?.[`${k}Frame`] === 'number'), names, { timeout: 180000 });
  const result = await page.evaluate(() => {
    const t = window.__marks.mapFrame;
    const entries = [...performance.getEntriesByType('navigation'), ...performance.getEntriesByType('resource')];
    // Everything whose last byte arrived before the first map was drawn.
    const before = entries.filter((e) => e.responseEnd <= t);
    return {
      marks: window.__marks,
      bytes: before.reduce((s, e) => s + e.encodedBodySize, 0),
      files: before.map((e) => [new URL(e.name).pathname.replace(/^\/samiksha\//, '') || 'index.html', e.encodedBodySize]),
      allBytes: entries.reduce((s, e) => s + e.encodedBodySize, 0),
    };
  });
  await ctx.close();
  return result;
}

const project = [];
const peer = [];
const floor = [];
const mapOnly = [];
const mapStyled = [];
for (let i = 0; i < ROUNDS; i++) {
  // Interleaved, and alternating the order, so a slow moment hits all alike.
  const runs = [
    async () => project.push(await load(`${origin}?view=map`, { map: PROJECT_MAP, ready: PROJECT_READY })),
    async () => peer.push(await load(`${origin}peer/`, { map: PEER_MAP })),
    async () => floor.push(await load(`${origin}floor/`, { map: PEER_MAP })),
    ...(haveMapOnly ? [
      async () => mapOnly.push(await load(`${origin}map-only/`, { map: MAP_ONLY })),
      async () => mapStyled.push(await load(`${origin}map-styled/`, { map: MAP_ONLY })),
    ] : []),
  ];
  if (i % 2) runs.reverse();
  for (const run of runs) await run();
}
const projectMap = median(project.map((r) => r.marks.map));
const projectReady = median(project.map((r) => r.marks.ready));
const peerMap = median(peer.map((r) => r.marks.map));
const floorMap = median(floor.map((r) => r.marks.map));
const mapOnlyMap = haveMapOnly ? median(mapOnly.map((r) => r.marks.map)) : null;
const mapStyledMap = haveMapOnly ? median(mapStyled.map((r) => r.marks.map)) : null;
// The frames' starts, for comparison with earlier reports, which timed those.
const projectFrame = median(project.map((r) => r.marks.mapFrame));
const peerFrame = median(peer.map((r) => r.marks.mapFrame));
const projectBytes = median(project.map((r) => r.bytes));
const peerBytes = median(peer.map((r) => r.bytes));

let indiaMap = null;
let indiaReady = null;
if (haveIndia) {
  const runs = [];
  for (let i = 0; i < 3; i++) runs.push(await load(`${origin}?view=map&data=india`, { map: PROJECT_MAP, ready: PROJECT_READY }));
  indiaMap = median(runs.map((r) => r.marks.map));
  indiaReady = median(runs.map((r) => r.marks.ready));
}
await browser.close();

// ---- Lighthouse, mobile profile (its defaults), run here with no network ----
async function lighthouseRuns() {
  const { default: lighthouse } = await import('lighthouse');
  const chromeLauncher = await import('chrome-launcher');
  const scores = [];
  for (let i = 0; i < LH_RUNS; i++) {
    const chrome = await chromeLauncher.launch({ chromePath: '/usr/bin/chromium', chromeFlags: CHROMIUM_ARGS });
    try {
      const { lhr } = await lighthouse(`${origin}?view=map`, { port: chrome.port, onlyCategories: ['performance'], logLevel: 'error', output: 'json' });
      const a = (id) => lhr.audits[id].numericValue;
      scores.push({ score: Math.round(lhr.categories.performance.score * 100), fcp: a('first-contentful-paint'), lcp: a('largest-contentful-paint'),
        tbt: a('total-blocking-time'), cls: a('cumulative-layout-shift'), si: a('speed-index') });
    } finally {
      await chrome.kill();
    }
  }
  return scores;
}
const lh = await lighthouseRuns();
server.close();

// ---- the recolour benchmark's output (written by `make report` before this script) ----
const benchFile = path.join(work, 'bench.txt');
const bench = fs.existsSync(benchFile) ? fs.readFileSync(benchFile, 'utf8') : '';
const recolour = (n) => {
  const m = bench.match(new RegExp(`recolour the geographic map[^\\n]*\\(${n} districts\\): median ([0-9.]+) ms`));
  return m ? Number(m[1]) : null;
};
const geometryKept = /recolour[^\n]*geometry built once/.test(bench);

// ---- the figures ----
const fmt = (ms) => `${ms.toFixed(0)} ms`;
const verdict = (ok) => (ok === null ? 'not measured' : ok ? 'met' : 'NOT met');
console.log(`\nFirst view, measured ${ROUNDS}× each, interleaved (1024×768, CPU 4× slower, cache off, brotli, loopback)\n`);
console.log('Files fetched before the first map (one Samiksha run, bytes as sent):');
for (const [f, n] of project[0].files) console.log(`  ${f.padEnd(48)} ${kb(n).padStart(10)}`);
console.log(`  ${'(all fetched by the time the app was ready)'.padEnd(48)} ${kb(median(project.map((r) => r.allBytes))).padStart(10)}`);
console.log('Files fetched before the first map (one D3 run):');
for (const [f, n] of peer[0].files) console.log(`  ${f.padEnd(48)} ${kb(n).padStart(10)}`);

const lhMedian = (k) => median(lh.map((r) => r[k]));
const rows = [
  ['1. first map with data, Samiksha ÷ D3 page', `${(projectMap / peerMap).toFixed(2)} (painted: ${fmt(projectMap)} ÷ ${fmt(peerMap)}; that frame's start: ${fmt(projectFrame)} ÷ ${fmt(peerFrame)}, ${(projectFrame / peerFrame).toFixed(2)}; the app ready at ${fmt(projectReady)}, ${(projectReady / peerMap).toFixed(2)}×)`, '≤ 0.5', projectMap / peerMap <= 0.5],
  ['2. bytes before the first map (brotli)', `${kb(projectBytes)} (D3 page ${kb(peerBytes)})`, '≤ 100 KB', projectBytes <= 100 * 1024],
  ['3. Lighthouse mobile performance, ?view=map', `${lhMedian('score')} (median of ${lh.length}: ${lh.map((r) => r.score).join(', ')}; LCP ${(lhMedian('lcp') / 1000).toFixed(1)} s, FCP ${(lhMedian('fcp') / 1000).toFixed(1)} s, TBT ${fmt(lhMedian('tbt'))}, CLS ${lhMedian('cls').toFixed(3)}, SI ${(lhMedian('si') / 1000).toFixed(1)} s)`, '≥ 95', lhMedian('score') >= 95],
  ['4. recolour the geographic map, 55 districts', recolour(55) === null ? 'no benchmark output' : `${recolour(55).toFixed(1)} ms${geometryKept ? ', geometry built once' : ''}`, '≤ 16 ms', recolour(55) === null ? null : recolour(55) <= 16],
  ['   … and 785 generated districts', recolour(785) === null ? 'no benchmark output' : `${recolour(785).toFixed(1)} ms`, '≤ 50 ms', recolour(785) === null ? null : recolour(785) <= 50],
  ['5. all-India generated dataset, first map ÷ MP', indiaMap === null ? 'not generated' : `${(indiaMap / projectMap).toFixed(2)} (${fmt(indiaMap)} ÷ ${fmt(projectMap)}); app ready ${(indiaReady / projectReady).toFixed(2)}× (${fmt(indiaReady)} ÷ ${fmt(projectReady)})`, '≤ 1.5×', indiaMap === null ? null : indiaMap / projectMap <= 1.5],
];
console.log('\nFigure'.padEnd(50) + 'Measured'.padEnd(0));
for (const [name, value, goal, ok] of rows) console.log(`${name.padEnd(48)} ${value}\n${''.padEnd(48)} goal ${goal}: ${verdict(ok)}`);
// Where figure 1's floor lies here: pages that cannot be made lighter, over the same D3 page.
console.log(`\nThe floor of figure 1 on this machine, painted, over the D3 page's ${fmt(peerMap)}:`);
console.log(`  a heading and one square, no stylesheet, no script      ${(floorMap / peerMap).toFixed(2)} (${fmt(floorMap)})`);
const floorRow = (ms) => (ms === null ? 'no pre-rendered map in index.html' : `${(ms / peerMap).toFixed(2)} (${fmt(ms)})`);
console.log(`  the pre-rendered map alone, no stylesheet, no script    ${floorRow(mapOnlyMap)}`);
console.log(`  the same map with the app's two stylesheets, no script  ${floorRow(mapStyledMap)}`);

// ---- where the wasm's bytes go: twiggy on the same build with its names kept ----
const bindgen = path.join(ROOT, 'target/wasm-bindgen/release/samiksha_bg.wasm');
const named = path.join(work, 'samiksha-named.wasm');
try {
  // The release build's own wasm-opt features (index.html's data-wasm-opt-params), so the two never differ.
  const params = fs.readFileSync(path.join(ROOT, 'index.html'), 'utf8').match(/data-wasm-opt-params="([^"]*)"/)?.[1].split(/\s+/).filter(Boolean) ?? [];
  execFileSync(path.join(ROOT, 'node_modules/.bin/wasm-opt'), ['-Oz', '-g', ...params, bindgen, '-o', named]);
  console.log(`\nThe wasm's ten largest items (twiggy top, on a wasm-opt -Oz -g build; the shipped file drops the names section):`);
  console.log(execFileSync('twiggy', ['top', '-n', '10', named], { encoding: 'utf8' }));
} catch (e) {
  console.log(`\ntwiggy: not run (${e.message.split('\n')[0]}); \`cargo install twiggy\` and run again`);
}
