import { chromium } from 'playwright-core';
import { serve } from '../tests/e2e/server.mjs';
const base = '/transparency/samiksha/';
const server = await serve('/work/main/dist', { base });
const origin = `http://127.0.0.1:${server.address().port}${base}`;
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless','--no-sandbox','--disable-gpu','--disable-background-networking','--disable-component-update','--disable-sync','--no-first-run'] });
const ctx = await browser.newContext({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true, deviceScaleFactor: 2 });
const page = await ctx.newPage();
const views = (process.env.VIEWS||'map,map-geo,rankings,charts,charts-trend,charts-divisions,charts-scatter,district,brief,pack,about,methods').split(',');
for (const lang of ['hi','en']) for (const v of views) {
  const q = { 'map-geo': 'view=map&map=geo', 'charts-trend': 'view=charts&chart=trend&district=mauganj', 'charts-divisions':'view=charts&chart=divisions','charts-scatter':'view=charts&chart=scatter', district: 'view=district&district=mauganj' }[v] || `view=${v}`;
  await page.goto(`${origin}?${q}&lang=${lang}`);
  await page.waitForSelector('main h2 >> visible=true', { timeout: 20000 });
  await page.waitForTimeout(500);
  const r = await page.evaluate(() => {
    const de = document.documentElement;
    const over = [];
    for (const el of document.querySelectorAll('main *, header *, nav *, footer *')) {
      const b = el.getBoundingClientRect();
      if (b.width && (b.right > de.clientWidth + 1) && getComputedStyle(el).visibility !== 'hidden') {
        // skip descendants of scroll containers
        let p = el.parentElement, inScroll = false;
        while (p) { const o = getComputedStyle(p).overflowX; if (o === 'auto' || o === 'scroll' || o==='hidden') { inScroll = true; break; } p = p.parentElement; }
        over.push((inScroll ? '[scroll] ' : '') + el.tagName.toLowerCase() + '.' + el.className + ' ' + Math.round(b.right));
      }
    }
    let minLabel = Infinity, labels = 0;
    for (const t of document.querySelectorAll('.shape-label, .tile-name, .tile-rank, svg text')) {
      const b = t.getBoundingClientRect(); if (!b.height) continue;
      const fs = parseFloat(getComputedStyle(t).fontSize);
      // rendered font size in CSS px: for svg text scale by CTM
      let px = fs;
      if (t instanceof SVGTextElement) { const m = t.getScreenCTM(); px = fs * (m ? Math.hypot(m.a, m.b) : 1); }
      labels++; minLabel = Math.min(minLabel, px);
    }
    return { scrollW: de.scrollWidth, clientW: de.clientWidth, over: over.slice(0, 8), nOver: over.length, minLabel: labels ? minLabel.toFixed(1) : '-', labels };
  });
  console.log(lang, v, JSON.stringify(r));
  await page.screenshot({ path: `/tmp/phone/${v}-${lang}.png`, fullPage: true });
}
await browser.close(); server.close();
