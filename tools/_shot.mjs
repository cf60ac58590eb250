// viewport-only phone screenshots, scale 1
import { chromium } from 'playwright-core';
import { serve } from '../tests/e2e/server.mjs';
const base = '/t/';
const server = await serve(process.env.DIST || 'dist', { base });
const origin = `http://127.0.0.1:${server.address().port}${base}`;
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless','--no-sandbox','--disable-gpu','--disable-background-networking','--disable-component-update','--disable-sync','--no-first-run'] });
const [w,h] = (process.env.SIZE||'390x844').split('x').map(Number);
const ctx = await browser.newContext({ viewport: { width: w, height: h }, hasTouch: true, isMobile: w < 500 });
const page = await ctx.newPage();
for (const spec of process.argv.slice(2)) {
  const [name, q, scroll] = spec.split('|');
  await page.goto(`${origin}?${q}`);
  await page.waitForSelector('main h2 >> visible=true', { timeout: 20000 });
  await page.waitForTimeout(500);
  if (scroll) await page.evaluate(s => window.scrollTo(0, +s), scroll);
  await page.screenshot({ path: `/tmp/phone/${name}.png` });
}
await browser.close(); server.close();
