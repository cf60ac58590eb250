// Screenshots of every view at tablet and phone sizes in both languages, for a person to look
// at (not a test). Usage: node tools/screenshots.mjs [dist] [outdir]
import { chromium } from 'playwright-core';
import { serve } from '../tests/e2e/server.mjs';
import fs from 'node:fs';

const dist = process.argv[2] || 'dist';
const out = process.argv[3] || 'target/screenshots';
fs.mkdirSync(out, { recursive: true });
const base = '/transparency/samiksha/';
const server = await serve(dist, { base });
const origin = `http://127.0.0.1:${server.address().port}${base}`;
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
});
const sizes = { 'tablet-landscape': [1024, 768], 'tablet-portrait': [768, 1024], phone: [390, 844] };
const views = (process.env.VIEWS || 'home,first-view,map,map-geo,map-track,rankings,charts,charts-trend,charts-slope,charts-ranks,district,brief,brief-changes,brief-composite,pack,followup,about,methods').split(',');
// The review loop's views, each at the latest period (what followed needs a later one).
const loopUrls = {
  'map-track': 'view=map&indicator=samagra-ekyc&period=2026-10&classes=track',
  'charts-slope': 'view=charts&chart=slope&indicator=cmh-unattended&period=2026-10',
  'charts-ranks': 'view=charts&chart=ranks&indicator=public-awareness&period=2026-10&district=bhind&with=tikamgarh',
  'brief-changes': 'view=brief&period=2026-10&slide=changes',
  followup: 'view=followup&review=conference-2026-01&period=2026-10',
};
for (const [name, [width, height]] of Object.entries(sizes)) {
  // A phone is a touch screen; tablets here are too.
  const page = await browser.newPage({ viewport: { width, height }, hasTouch: true, isMobile: width < 500 });
  for (const lang of ['hi', 'en']) {
    for (const view of views) {
      const extra = { 'nfhs-map-geo': '&map=geo', 'nfhs-district': '&district=rewa', district: '&district=mauganj', pack: '&points=mutation-pending,public-awareness', 'map-geo': '&map=geo', 'charts-trend': '&chart=trend&district=mauganj' }[view] || '';
      // The deck's closing slide is its own picture.
      // nfhs-<view>: the same view of the real NFHS dataset (?data=nfhs-mp).
      const nfhs = view.startsWith('nfhs-');
      const plain = view.replace(/^nfhs-/, '');
      const [shown, indicator] = plain === 'brief-composite' ? ['brief', 'composite'] : [plain.replace(/-(geo|trend)$/, ''), nfhs ? 'stunting' : 'public-awareness'];
      const data = nfhs ? 'data=nfhs-mp&' : '';
      const period = nfhs ? 'nfhs-5' : '2026-01';
      const extraFor = nfhs ? (extra.includes('mauganj') ? extra.replace('mauganj', 'rewa') : extra) : extra;
      // home: the URL a reader types (the pre-rendered first view, then the app in its place);
      // first-view: that copy alone, the app held back, as a slow line shows it.
      if (view === 'home' || view === 'first-view') {
        const held = view === 'first-view';
        if (held) await page.route('**/*_bg.wasm', () => {});
        await page.goto(`${origin}${lang === 'hi' ? '' : '?lang=en'}`);
        if (held) {
          await page.waitForTimeout(500);
          await page.unroute('**/*_bg.wasm');
        } else {
          await page.waitForSelector('html[data-app="ready"]', { timeout: 20000 });
        }
        await page.screenshot({ path: `${out}/${view}-${lang}-${name}.png`, fullPage: process.env.FULL === '1' });
        continue;
      }
      const query = loopUrls[view] ? `${loopUrls[view]}&lang=${lang}` : `${data}view=${shown}&indicator=${indicator}&period=${period}&lang=${lang}${extraFor}`;
      await page.goto(`${origin}?${query}`);
      await page.waitForSelector('html[data-app="ready"] #app main h2 >> visible=true', { timeout: 20000 });
      await page.waitForTimeout(300);
      await page.screenshot({ path: `${out}/${view}-${lang}-${name}.png`, fullPage: process.env.FULL === '1' });
    }
  }
  await page.close();
}
await browser.close();
server.close();
console.log(`screenshots in ${out}/`);
