// `make report` (a benchmark, not a test): the first tap measured against a plain D3 page in
// one run, and the five figures of the first-tap goals printed beside their goals.
//
// The profile is a phone on a slow line, as the public meets the page: 412×823 touch screen,
// CPU 4× slower, Lighthouse's mobile network (150 ms round trip, 1.6 Mbit/s down) emulated
// through CDP, cache off; both pages are served by the e2e server (brotli by Accept-Encoding, as
// a real host) from one copy of dist/; runs interleaved, medians of ROUNDS (default 7).
//   1. time until the map answers a tap (the map answers: the pre-rendered copy's, once
//      src/first_tap.rs has read its files, or the app's own, whichever is first; a district is
//      tapped, its tooltip shows) ÷ the D3 page's time to its drawn map (goal ≤ 1.5×);
//   2. wasm bytes (as sent) fetched before the map answers (goal ≤ 150 KB), and the whole
//      app's wasm, brotli (goal ≤ 300 KB);
//   3. the first map painted ÷ the D3 page (goal ≤ 0.5×), and Lighthouse's mobile performance
//      score on ?view=map (goal ≥ 95) with its Time to Interactive and Total Blocking Time,
//      under applied throttling (and Lighthouse's simulation beside it; see lighthouseRuns);
//   4. a generated all-India dataset (`make report` makes it first): first map and ready, each
//      ÷ Madhya Pradesh's (goals ≤ 1.5×), as a second dataset of the Madhya Pradesh site (no
//      pre-rendered copy stands for it) and as a site of its own, its first view pre-rendered;
//   5. the wasm's memory after 5,000 recolours of the real app's map ÷ after the first (goal ≤ 2×).
//
// The D3 page (tools/peer/) draws the same boundary file, converted to TopoJSON with the same
// points, coloured from the same period's value file: the work any map page must do; it answers
// a tap as soon as it is drawn. It ends with twiggy's twenty largest items of the release wasm,
// from a `wasm-opt -Oz -g` build of the same wasm-bindgen output (names kept).
// Usage: node tools/report.mjs [dist]; ROUNDS, LH_RUNS (default 5) and RECOLOURS (default 5000).
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { chromium } from 'playwright-core';
import { serve, brotli as compressed } from '../tests/e2e/server.mjs';
import { CHROMIUM_ARGS } from '../tests/e2e/harness.mjs';
import { WASM_OPT_FEATURES, targetDir } from './files.mjs';

const ROOT = path.resolve(import.meta.dirname, '..');
const dist = path.resolve(process.argv[2] || path.join(ROOT, 'dist'));
const work = path.join(ROOT, 'target/report');
const site = path.join(work, 'site');
const ROUNDS = Number(process.env.ROUNDS || 7);
const LH_RUNS = Number(process.env.LH_RUNS || 5);
const RECOLOURS = Number(process.env.RECOLOURS || 5000);
// Lighthouse's mobile profile (a Moto G Power): its screen, and its throttling of the line.
const PHONE = { viewport: { width: 412, height: 823 }, deviceScaleFactor: 1.75, isMobile: true, hasTouch: true };
const LINE = { offline: false, latency: 150, downloadThroughput: (1638.4 * 1024) / 8, uploadThroughput: (675 * 1024) / 8 };
const fmt = (ms) => `${ms.toFixed(0)} ms`;
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
const mb = (n) => `${(n / 1048576).toFixed(1)} MB`;
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const readJson = (file) => JSON.parse(fs.readFileSync(file, 'utf8'));
const brotli = (buf) => compressed(buf).length;

// A map "with data" is a district drawn in a class colour (not the no-data hatching). The
// pre-rendered copy counts only where shown (this URL, this dataset, this width: the narrow
// copy on a phone); the app's own map only once the app is shown.
const districts = (scope) => [`${scope} .geo-map g.shape path:not([fill^="url"])`, `${scope} .tile-grid a.tile:not(.no-data)`];
const COPIES = ['.fv-narrow', '.fv-wide'].map((copy) => `#first-view:not([hidden]) > ${copy}`);
const PROJECT_MAP = [...COPIES.map((copy) => `html:not(.no-first-view) ${copy}`), '#app:not(.app-pending)'].flatMap(districts).join(', ');
const PEER_MAP = '#map path.district[fill]';
// The app has taken over once its own view is mounted (the pre-rendered copy is gone) and its
// map is drawn: what a tap reaches from then on is the app.
const PROJECT_READY = districts('body:not(:has(#first-view)) main').join(', ');
// The map answers a tap once the app's is drawn, or sooner: the pre-rendered copy's, once
// src/first_tap.rs has read the files the tooltip needs (`html[data-map=answers]`).
const PROJECT_ANSWERS = [PROJECT_READY, ...COPIES.flatMap((copy) => districts(`html[data-map=answers] ${copy}`))].join(', ');
const TOOLTIP = '.map-figure .map-tooltip';

// ---- the site: dist/ as built, the D3 page, and the generated all-India dataset if made ----
fs.rmSync(site, { recursive: true, force: true });
fs.cpSync(dist, site, { recursive: true });
const catalog = readJson(path.join(site, 'data/catalog.json'));
const mpDir = path.join(site, 'data', catalog.datasets[0].folder);
const mp = readJson(path.join(mpDir, 'manifest.json'));
buildPeer(path.join(site, 'peer'), mpDir, mp);
const india = path.join(work, 'india');
const haveIndia = fs.existsSync(path.join(india, 'manifest.json'));
// The generated dataset's entry in a catalogue: beside Madhya Pradesh's here, alone on its own site below.
const INDIA = { id: 'india', folder: 'india/', title: { en: 'All-India (generated)', hi: 'अखिल भारत (कृत्रिम)' } };
if (haveIndia) {
  fs.cpSync(india, path.join(site, 'data/india'), { recursive: true });
  catalog.datasets.push(INDIA);
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

// ---- one cold load on the phone profile, timed in the page ----
const server = await serve(site, { base: '/samiksha/' });
const origin = `http://127.0.0.1:${server.address().port}/samiksha/`;
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
// The server compresses each file once, on its first request (quality 11 takes seconds for the
// wasm): asked once beforehand, so no run pays for the server's first compression.
for (const f of fs.readdirSync(site, { recursive: true })) {
  if (/\.(wasm|js|css|html|json)$/.test(f)) await fetch(origin + f.split(path.sep).join('/'), { headers: { 'accept-encoding': 'br' } }).then((r) => r.arrayBuffer());
}

// Runs in the page before any of its own code: notes, for each selector, when what it matches
// is painted: the frame in which it first matches, and the moment that frame's rendering work
// is done (a task queued from its animation-frame callback runs only after style, layout and
// paint; a little later when other tasks were queued first, a bias against the page measured).
// `<name>Frame` is the frame's start: a file that arrived after it cannot be part of it.
function watch(marks) {
  window.__marks = {};
  const check = () => {
    for (const [name, selector] of Object.entries(marks)) {
      if (name in window.__marks || !document.querySelector(selector)) continue;
      window.__marks[name] = null;
      requestAnimationFrame(() => {
        window.__marks[`${name}Frame`] = performance.now();
        // Told to the runner at once (a binding's call needs no answer from the page), so the
        // tap is sent the moment the map answers, not after a round trip that waits its turn
        // behind the app's start-up tasks.
        if (name === 'answers') window.__samikshaAnswers?.();
        setTimeout(() => { window.__marks[name] = performance.now(); }, 0);
      });
    }
  };
  new MutationObserver(check).observe(document, { subtree: true, childList: true, attributes: true });
  // The browser's own account of the tap (Event Timing, as INP measures it): when the click
  // came, when its handlers ran, and the paint after them. Entries under 16 ms are not given.
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) {
      if (e.name !== 'click' || 'tapPaint' in window.__marks) continue;
      Object.assign(window.__marks, { tapInput: e.startTime, tapHandled: e.processingStart, tapPaint: e.startTime + e.duration });
    }
  }).observe({ type: 'event', durationThreshold: 16, buffered: true });
}

const marked = (names) => (n) => n.every((k) => typeof window.__marks?.[k] === 'number');

/** Loads `url` cold on the phone profile and waits for `marks`; with `tap`, also taps, the
 * moment the map answers (the copy's or the app's), a point inside the first district shown
 * (as a finger would, through CDP's touch input) and waits for its tooltip: `tip` is when the
 * tooltip is painted. */
async function load(url, marks, { tap = false } = {}) {
  const ctx = await browser.newContext({ ...PHONE, serviceWorkers: 'block' });
  const page = await ctx.newPage();
  const cdp = await ctx.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  await cdp.send('Network.emulateNetworkConditions', LINE);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  const all = tap ? { ...marks, answers: PROJECT_ANSWERS, tip: TOOLTIP } : marks;
  let answered;
  const answers = new Promise((resolve) => { answered = resolve; });
  if (tap) await page.exposeBinding('__samikshaAnswers', () => answered());
  await page.addInitScript(watch, all);
  await page.goto(url);
  if (tap) {
    await page.waitForFunction(marked(['map']), ['map'], { timeout: 300000, polling: 50 });
    // Where to tap, found once the first map is painted: the first district with data in the
    // tab order that is shown (a tile on a phone, where the map opens on the squares; a shape
    // on a wider screen), scrolled into view, at a point inside it (the middle of a concave
    // district's box can fall outside it). The app takes the copy's place without moving it
    // (tests/e2e/firstview.test.mjs), so the point holds.
    const at = await page.evaluate((sel) => {
      const target = [...document.querySelectorAll(sel)].find((e) => e.getBoundingClientRect().width > 0);
      target.scrollIntoView({ block: 'center' });
      const box = target.getBoundingClientRect();
      for (const [fx, fy] of [[0.5, 0.5], [0.4, 0.5], [0.6, 0.5], [0.5, 0.4], [0.5, 0.6], [0.3, 0.3], [0.7, 0.7]]) {
        const x = box.left + box.width * fx;
        const y = box.top + box.height * fy;
        const hit = document.elementFromPoint(x, y);
        if (hit && (hit === target || target.contains(hit))) return { x, y };
      }
      return { x: box.left + box.width / 2, y: box.top + box.height / 2 };
    }, PROJECT_MAP);
    await Promise.race([answers, new Promise((_, fail) => setTimeout(() => fail(new Error(`${url}: the map did not answer in 300 s`)), 300000))]);
    await page.touchscreen.tap(at.x, at.y);
    await page.waitForFunction(marked(['tip']), ['tip'], { timeout: 60000, polling: 50 });
  }
  await page.waitForFunction(marked(Object.keys(marks)), Object.keys(marks), { timeout: 300000, polling: 50 });
  const result = await page.evaluate(() => {
    const m = window.__marks;
    const entries = [...performance.getEntriesByType('navigation'), ...performance.getEntriesByType('resource')];
    const name = (e) => new URL(e.name).pathname.replace(/^\/samiksha\//, '') || 'index.html';
    const upTo = (t) => entries.filter((e) => e.responseEnd <= t);
    const wasm = (list) => list.filter((e) => name(e).endsWith('.wasm')).reduce((s, e) => s + e.encodedBodySize, 0);
    return {
      marks: m,
      mapFiles: upTo(m.mapFrame).map((e) => [name(e), e.encodedBodySize]),
      wasmBeforeTip: m.tip === undefined ? null : wasm(upTo(m.tip)),
      wasmFiles: m.tip === undefined ? [] : upTo(m.tip).filter((e) => name(e).endsWith('.wasm')).map((e) => [name(e), e.encodedBodySize]),
      allBytes: entries.reduce((s, e) => s + e.encodedBodySize, 0),
      timeline: entries.slice(1).map((e) => [name(e), e.startTime, e.responseEnd, e.encodedBodySize]),
      // The same file fetched twice is paid twice on a slow line.
      twice: Object.entries(entries.reduce((n, e) => ({ ...n, [name(e)]: (n[name(e)] || 0) + 1 }), {})).filter(([, k]) => k > 1).map(([f]) => f),
    };
  });
  await ctx.close();
  return result;
}

const project = [];
const peer = [];
const floor = [];
fs.mkdirSync(path.join(site, 'floor'));
// A heading and one coloured square, no stylesheet, no script: the least any page can paint.
fs.writeFileSync(path.join(site, 'floor/index.html'), '<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>floor</title></head><body><h1>District map</h1><svg id="map" width="200" height="200"><path class="district" fill="#e6550d" d="M0 0h100v100z"/></svg></body></html>');
for (let i = 0; i < ROUNDS; i++) {
  // Interleaved, and alternating the order, so a slow moment hits all alike.
  const runs = [
    async () => project.push(await load(`${origin}?view=map`, { map: PROJECT_MAP, ready: PROJECT_READY }, { tap: true })),
    async () => peer.push(await load(`${origin}peer/`, { map: PEER_MAP })),
    async () => floor.push(await load(`${origin}floor/`, { map: PEER_MAP })),
  ];
  if (i % 2) runs.reverse();
  for (const run of runs) await run();
}
const projectMap = median(project.map((r) => r.marks.map));
const projectReady = median(project.map((r) => r.marks.ready));
const projectTip = median(project.map((r) => r.marks.tip));
const peerMap = median(peer.map((r) => r.marks.map));
const floorMap = median(floor.map((r) => r.marks.map));
const wasmBeforeTip = median(project.map((r) => r.wasmBeforeTip));

let indiaMap = null;
let indiaReady = null;
let indiaTimeline = [];
if (haveIndia) {
  const runs = [];
  for (let i = 0; i < 3; i++) runs.push(await load(`${origin}?view=map&data=india`, { map: PROJECT_MAP, ready: PROJECT_READY }));
  indiaMap = median(runs.map((r) => r.marks.map));
  indiaReady = median(runs.map((r) => r.marks.ready));
  indiaTimeline = runs[0].timeline;
}

// ---- figure 4 again: an all-India site of its own, its first view pre-rendered ----
// Above, the generated dataset is a second dataset of the Madhya Pradesh site: no copy stands
// for it, and its first map is the app's. A site built for all-India has that dataset first in
// its catalogue, and tools/prerender.mjs pre-renders its default view as it does Madhya
// Pradesh's: here from the index.html prerender.mjs started from (kept in target/prerender/),
// in a copy of dist/ whose catalogue names the generated dataset alone.
let indiaSite = null;
const template = path.join(targetDir(), 'prerender', 'index.html');
if (haveIndia && fs.existsSync(template)) {
  const dir = path.join(work, 'site-india');
  fs.rmSync(dir, { recursive: true, force: true });
  fs.cpSync(dist, dir, { recursive: true, filter: (f) => !/\/data\/(?!catalog\.json$)[^/]+/.test(f.slice(dist.length)) });
  fs.cpSync(india, path.join(dir, 'data/india'), { recursive: true });
  fs.writeFileSync(path.join(dir, 'data/catalog.json'), JSON.stringify({ ...catalog, datasets: [INDIA] }));
  fs.copyFileSync(template, path.join(dir, 'index.html'));
  for (const f of fs.readdirSync(dir)) if (/^first-view-[0-9a-f]+\.css$/.test(f)) fs.rmSync(path.join(dir, f));
  execFileSync(process.execPath, [path.join(ROOT, 'tools/prerender.mjs')], { stdio: 'inherit', env: { ...process.env, TRUNK_STAGING_DIR: dir, TRUNK_PROFILE: 'release' } });
  const own = await serve(dir, { base: '/samiksha/' });
  const at = `http://127.0.0.1:${own.address().port}/samiksha/`;
  // Compressed once beforehand, as above: the site's own files and what its first view reads.
  const m = readJson(path.join(dir, 'data/india/manifest.json'));
  const firstFiles = ['data/catalog.json', 'data/india/manifest.json', `data/india/${m.boundaries.path}`, ...m.value_files.filter((f) => m.periods.slice(-2).some((p) => p.id === f.period)).map((f) => `data/india/${f.path}`)];
  for (const f of [...fs.readdirSync(dir).filter((f) => /\.(wasm|js|css|html)$/.test(f)), ...firstFiles]) await fetch(at + f, { headers: { 'accept-encoding': 'br' } }).then((r) => r.arrayBuffer());
  const runs = [];
  for (let i = 0; i < 3; i++) runs.push(await load(`${at}?view=map`, { map: PROJECT_MAP, ready: PROJECT_READY }, { tap: true }));
  indiaSite = {
    map: median(runs.map((r) => r.marks.map)),
    tip: median(runs.map((r) => r.marks.tip)),
    ready: median(runs.map((r) => r.marks.ready)),
    html: fs.statSync(path.join(dir, 'index.html')).size,
    htmlBrotli: brotli(fs.readFileSync(path.join(dir, 'index.html'))),
    timeline: runs[0].timeline,
  };
  own.close();
}

// ---- figure 5: the real app's wasm memory over RECOLOURS recolours of its map ----
// The wasm's memory is the instance's exported memory, caught as the page instantiates it. A
// recolour is a change of indicator or period through the address (history and popstate, as
// the back button does); each waits for the next frame, so every one is drawn.
async function recolourMemory() {
  const ctx = await browser.newContext({ viewport: { width: 1024, height: 768 }, serviceWorkers: 'block' });
  const page = await ctx.newPage();
  await page.addInitScript(() => {
    const keep = (result) => {
      const instance = result.instance ?? result;
      if (instance?.exports?.memory) window.__wasmMemory = instance.exports.memory;
      return result;
    };
    for (const name of ['instantiate', 'instantiateStreaming']) {
      const original = WebAssembly[name];
      WebAssembly[name] = (...args) => original.apply(WebAssembly, args).then(keep);
    }
  });
  await page.goto(`${origin}?view=map`);
  await page.waitForSelector(PROJECT_READY, { timeout: 120000 });
  const ids = mp.indicators.map((i) => i.id).slice(0, 8);
  const periods = mp.periods.map((p) => p.id).slice(-6);
  const result = await page.evaluate(async ({ ids, periods, n }) => {
    const frame = () => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
    const go = (k) => {
      const q = new URLSearchParams(location.search);
      q.set('indicator', ids[k % ids.length]);
      q.set('period', periods[Math.floor(k / ids.length) % periods.length]);
      history.pushState(null, '', `?${q}`);
      dispatchEvent(new PopStateEvent('popstate'));
    };
    const size = () => window.__wasmMemory.buffer.byteLength;
    go(1);
    await frame();
    const first = size();
    const marks = [];
    for (let k = 2; k <= n; k++) {
      go(k);
      await frame();
      if (k % 1000 === 0) marks.push([k, size()]);
    }
    return { first, last: size(), marks, fills: document.querySelectorAll('main .geo-map g.shape path').length };
  }, { ids, periods, n: RECOLOURS });
  await ctx.close();
  return result;
}
const memory = await recolourMemory();
await browser.close();

// ---- Lighthouse, mobile profile (its defaults: this screen, this line, CPU 4×) ----
// Run with applied throttling (`devtools`: the line and the CPU really slowed, as above) and
// with Lighthouse's default simulation (`simulate`, shown beside it). The simulation replays a
// fast unthrottled load at the slow line's speed and counts every request that ended before the
// largest paint in that fast load as holding up the paint: on loopback the preloaded wasm ends
// first, so the simulation charges its 1.9 s of download to a paint that never waited for it
// (the applied runs and figure 3's own timing show it does not).
async function lighthouseRuns(throttlingMethod, runs) {
  const { default: lighthouse } = await import('lighthouse');
  const chromeLauncher = await import('chrome-launcher');
  const scores = [];
  for (let i = 0; i < runs; i++) {
    const chrome = await chromeLauncher.launch({ chromePath: '/usr/bin/chromium', chromeFlags: CHROMIUM_ARGS });
    try {
      const { lhr } = await lighthouse(`${origin}?view=map`, { port: chrome.port, onlyCategories: ['performance'], logLevel: 'error', output: 'json', throttlingMethod });
      const a = (id) => lhr.audits[id]?.numericValue ?? NaN;
      scores.push({ score: Math.round(lhr.categories.performance.score * 100), fcp: a('first-contentful-paint'), lcp: a('largest-contentful-paint'),
        tbt: a('total-blocking-time'), tti: a('interactive'), cls: a('cumulative-layout-shift'), si: a('speed-index') });
    } finally {
      await chrome.kill();
    }
  }
  return scores;
}
const lh = await lighthouseRuns('devtools', LH_RUNS);
const lhSimulated = await lighthouseRuns('simulate', Math.max(1, Math.ceil(LH_RUNS / 2)));
server.close();

// ---- the app's wasm files as shipped (the publisher page's module is not the viewer's) ----
const wasmFiles = [];
(function walk(dir) {
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory() && e.name !== 'publish' && e.name !== 'data') walk(p);
    else if (e.name.endsWith('.wasm')) wasmFiles.push([path.relative(dist, p), fs.statSync(p).size, brotli(fs.readFileSync(p))]);
  }
})(dist);
const appWasmBrotli = wasmFiles.reduce((s, f) => s + f[2], 0);

// ---- the figures ----
const verdict = (ok) => (ok === null ? 'not measured' : ok ? 'met' : 'NOT met');
console.log(`\nFirst tap, measured ${ROUNDS}× each, interleaved (412×823 touch, CPU 4× slower, 150 ms and 1.6 Mbit/s, cache off, brotli)\n`);
console.log('Files fetched before the first map (one Samiksha run, bytes as sent):');
for (const [f, n] of project[0].mapFiles) console.log(`  ${f.padEnd(48)} ${kb(n).padStart(10)}`);
console.log(`  ${'(all fetched by the time the map answered)'.padEnd(48)} ${kb(median(project.map((r) => r.allBytes))).padStart(10)}`);
console.log('Wasm fetched before the map answered a tap (one Samiksha run):');
for (const [f, n] of project[0].wasmFiles) console.log(`  ${f.padEnd(48)} ${kb(n).padStart(10)}`);
console.log('Where the time goes (one Samiksha run): each request, when it was asked for and when its last byte came');
for (const [f, from, to, n] of project[0].timeline) console.log(`  ${f.padEnd(48)} ${fmt(from).padStart(8)} → ${fmt(to).padStart(8)} ${kb(n).padStart(10)}`);
console.log(`  first map ${fmt(project[0].marks.map)}, the map answers ${fmt(project[0].marks.answers)}, the tooltip shown ${fmt(project[0].marks.tip)}, the app ready ${fmt(project[0].marks.ready)}`);
const tapTimes = project.filter((r) => typeof r.marks.tapPaint === 'number');
if (tapTimes.length) {
  console.log(`The tap as the browser times it (Event Timing, medians of ${tapTimes.length}): tapped at ${fmt(median(tapTimes.map((r) => r.marks.tapInput)))}, handled at ${fmt(median(tapTimes.map((r) => r.marks.tapHandled)))}, the tooltip painted by ${fmt(median(tapTimes.map((r) => r.marks.tapPaint)))} (goal 1 counts the later mark above: a task queued after that paint, behind the app's start-up tasks)`);
}
if (haveIndia) {
  console.log('Where the time goes on the generated all-India dataset (one run):');
  for (const [f, from, to, n] of indiaTimeline) console.log(`  ${f.padEnd(48)} ${fmt(from).padStart(8)} → ${fmt(to).padStart(8)} ${kb(n).padStart(10)}`);
}
if (indiaSite) {
  console.log('Where the time goes on the all-India site of its own, pre-rendered (one run):');
  for (const [f, from, to, n] of indiaSite.timeline) console.log(`  ${f.padEnd(48)} ${fmt(from).padStart(8)} → ${fmt(to).padStart(8)} ${kb(n).padStart(10)}`);
}
console.log(`Files fetched more than once in a Samiksha run: ${project[0].twice.join(', ') || 'none'}`);
console.log('The app\'s wasm as shipped (raw, brotli quality 11):');
for (const [f, raw, br] of wasmFiles) console.log(`  ${f.padEnd(48)} ${String(raw).padStart(10)} bytes ${kb(br).padStart(10)}`);
console.log('Files fetched before the first map (one D3 run):');
for (const [f, n] of peer[0].mapFiles) console.log(`  ${f.padEnd(48)} ${kb(n).padStart(10)}`);

const lhMedian = (k, runs = lh) => median(runs.map((r) => r[k]));
const secs = (ms) => `${(ms / 1000).toFixed(1)} s`;
const rows = [
  ['1. map answers a tap ÷ D3 page drawn', `${(projectTip / peerMap).toFixed(2)}× (${fmt(projectTip)} ÷ ${fmt(peerMap)}; the map answers at ${fmt(median(project.map((r) => r.marks.answers)))}, the app ready at ${fmt(projectReady)})`, '≤ 1.5×', projectTip / peerMap <= 1.5],
  ['2. wasm fetched before the map answers', `${kb(wasmBeforeTip)} as sent`, '≤ 150 KB', wasmBeforeTip <= 150 * 1024],
  ['   … the whole app\'s wasm, brotli', `${kb(appWasmBrotli)} (${wasmFiles.length} file${wasmFiles.length === 1 ? '' : 's'})`, '≤ 300 KB', appWasmBrotli <= 300 * 1024],
  ['3. first map painted ÷ D3 page', `${(projectMap / peerMap).toFixed(2)}× (${fmt(projectMap)} ÷ ${fmt(peerMap)})`, '≤ 0.5×', projectMap / peerMap <= 0.5],
  ['   … Lighthouse mobile performance, ?view=map', `${lhMedian('score')} applied throttling (median of ${lh.length}: ${lh.map((r) => r.score).join(', ')}; TTI ${secs(lhMedian('tti'))}, TBT ${fmt(lhMedian('tbt'))}, LCP ${secs(lhMedian('lcp'))}, FCP ${secs(lhMedian('fcp'))}, SI ${secs(lhMedian('si'))}, CLS ${lhMedian('cls').toFixed(3)}); simulated ${lhMedian('score', lhSimulated)} (${lhSimulated.map((r) => r.score).join(', ')}; TTI ${secs(lhMedian('tti', lhSimulated))}, TBT ${fmt(lhMedian('tbt', lhSimulated))}, LCP ${secs(lhMedian('lcp', lhSimulated))})`, '≥ 95', lhMedian('score') >= 95],
  ['4. all-India generated, first map ÷ MP', indiaMap === null ? 'not generated' : `${(indiaMap / projectMap).toFixed(2)}× (${fmt(indiaMap)} ÷ ${fmt(projectMap)})`, '≤ 1.5×', indiaMap === null ? null : indiaMap / projectMap <= 1.5],
  ['   … ready ÷ MP', indiaReady === null ? 'not generated' : `${(indiaReady / projectReady).toFixed(2)}× (${fmt(indiaReady)} ÷ ${fmt(projectReady)})`, '≤ 1.5×', indiaReady === null ? null : indiaReady / projectReady <= 1.5],
  ['   … as a site of its own (pre-rendered), first map ÷ MP', indiaSite === null ? 'not measured' : `${(indiaSite.map / projectMap).toFixed(2)}× (${fmt(indiaSite.map)} ÷ ${fmt(projectMap)}; index.html ${kb(indiaSite.html)}, ${kb(indiaSite.htmlBrotli)} brotli)`, '≤ 1.5×', indiaSite === null ? null : indiaSite.map / projectMap <= 1.5],
  ['   … as a site of its own, ready ÷ MP', indiaSite === null ? 'not measured' : `${(indiaSite.ready / projectReady).toFixed(2)}× (${fmt(indiaSite.ready)} ÷ ${fmt(projectReady)}; its map answers a tap by ${fmt(indiaSite.tip)}, ${(indiaSite.tip / peerMap).toFixed(2)}× the D3 page)`, '≤ 1.5×', indiaSite === null ? null : indiaSite.ready / projectReady <= 1.5],
  [`5. wasm memory after ${RECOLOURS.toLocaleString('en-IN')} recolours ÷ after the first`, `${(memory.last / memory.first).toFixed(2)}× (${mb(memory.last)} ÷ ${mb(memory.first)}; ${memory.marks.map(([k, b]) => `${k}: ${mb(b)}`).join(', ')})`, '≤ 2×', memory.last / memory.first <= 2],
];
console.log('');
for (const [name, value, goal, ok] of rows) console.log(`${name.padEnd(50)} ${value}\n${''.padEnd(50)} goal ${goal}: ${verdict(ok)}`);
console.log(`\nThe floor on this machine: a heading and one square, no stylesheet, no script, painted at ${(floorMap / peerMap).toFixed(2)}× the D3 page (${fmt(floorMap)}).`);

// ---- where the wasm's bytes go: twiggy on the same build with its names kept ----
// tools/split.mjs keeps each module as wasm-bindgen and the splitter left it, before wasm-opt.
const split = path.join(targetDir(), 'split', 'wasm-release');
// main.wasm (the first module: the core, the copy's answers, the loader), split_app.wasm (the
// app and its map view), split_views.wasm (the other views), chunk_<n>.wasm (what those two share).
const what = (f) => ({ 'main.wasm': 'the first module (the core, the copy\'s answers, the loader)', 'split_app.wasm': 'the app\'s module (the shell and the map view)', 'split_views.wasm': 'the other views\' module' })[f] || `${f} (what the app and the other views share)`;
for (const module of fs.existsSync(split) ? fs.readdirSync(split).filter((f) => f.endsWith('.wasm')).sort() : ['main.wasm']) {
  const named = path.join(work, module.replace(/\.wasm$/, '-named.wasm'));
  try {
    execFileSync(path.join(ROOT, 'node_modules/.bin/wasm-opt'), ['-Oz', '-g', ...WASM_OPT_FEATURES, path.join(split, module), '-o', named]);
    console.log(`\nThe twenty largest items of ${what(module)} (twiggy top, on a wasm-opt -Oz -g build; the shipped file drops the names section):`);
    console.log(execFileSync('twiggy', ['top', '-n', '20', named], { encoding: 'utf8' }));
  } catch (e) {
    console.log(`\ntwiggy: not run on ${module} (${e.message.split('\n')[0]}); \`cargo install twiggy\` and run again`);
  }
}
