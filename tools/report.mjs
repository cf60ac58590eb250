// Size and speed report (not a test): raw, gzip and brotli sizes of the wasm and of everything
// the first view loads, and the median time from navigation to the first rendered map or table
// in headless Chromium over 5 runs. Usage: node tools/report.mjs [dist]
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { chromium } from 'playwright-core';
import { serve } from '../tests/e2e/server.mjs';
import { CHROMIUM_ARGS } from '../tests/e2e/harness.mjs';

const dist = path.resolve(process.argv[2] || 'dist');
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
const sizes = (buf) => ({
  raw: buf.length,
  gzip: zlib.gzipSync(buf, { level: 9 }).length,
  brotli: zlib.brotliCompressSync(buf, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
});
const row = (label, s) => console.log(`${label.padEnd(44)} ${kb(s.raw).padStart(10)} ${kb(s.gzip).padStart(10)} ${kb(s.brotli).padStart(10)}`);

const base = '/samiksha/';
const server = await serve(dist, { base });
const origin = `http://127.0.0.1:${server.address().port}`;
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });

// Record what the first view actually fetches, so the report follows the app, not a guess.
const page = await browser.newPage({ viewport: { width: 1024, height: 768 } });
const fetched = new Set();
page.on('request', (r) => fetched.add(new URL(r.url()).pathname.slice(base.length) || 'index.html'));
await page.goto(`${origin}${base}?view=map`);
await page.waitForSelector('.tile-grid a.tile, .geo-map g.shape path');
await page.waitForLoadState('networkidle');
await page.close();

console.log(`\nSizes of the first view (${dist})`);
console.log(`${'file'.padEnd(44)} ${'raw'.padStart(10)} ${'gzip'.padStart(10)} ${'brotli'.padStart(10)}`);
const total = { raw: 0, gzip: 0, brotli: 0 };
for (const f of [...fetched].sort()) {
  const file = path.join(dist, f);
  if (!fs.existsSync(file) || fs.statSync(file).isDirectory()) continue;
  const s = sizes(fs.readFileSync(file));
  row(f, s);
  for (const k of Object.keys(total)) total[k] += s[k];
}
row('TOTAL first view', total);
const wasm = fs.readdirSync(dist).find((f) => f.endsWith('.wasm'));
row(`wasm alone (${wasm})`, sizes(fs.readFileSync(path.join(dist, wasm))));

// Time to first map or table: navigation start to the first tile or table row in the DOM.
const times = [];
for (let i = 0; i < 5; i++) {
  const ctx = await browser.newContext({ viewport: { width: 1024, height: 768 } });
  const p = await ctx.newPage();
  await p.goto(`${origin}${base}?view=map`);
  await p.waitForSelector('.tile-grid a.tile, .geo-map g.shape path');
  times.push(await p.evaluate(() => performance.now()));
  await ctx.close();
}
times.sort((a, b) => a - b);
console.log(`\nTime from navigation to first rendered map (5 cold runs, localhost): median ${times[2].toFixed(0)} ms (min ${times[0].toFixed(0)}, max ${times[4].toFixed(0)})`);
await browser.close();
server.close();
