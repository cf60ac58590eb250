import { chromium } from 'playwright-core';
import { serve } from '../tests/e2e/server.mjs';
const server = await serve('dist', { base: '/t/' });
const origin = `http://127.0.0.1:${server.address().port}/t/`;
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless','--no-sandbox','--disable-gpu'] });
const page = await (await browser.newContext({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true })).newPage();
await page.goto(`${origin}?view=pack&lang=en`); await page.waitForSelector('main h2'); await page.waitForTimeout(500);
console.log(await page.evaluate(() => { const out=[]; for (const el of document.querySelectorAll('body, body *')) { if (el.scrollWidth > el.clientWidth + 1 && el.clientWidth) out.push(el.tagName+'.'+el.className+' '+el.scrollWidth+'>'+el.clientWidth); } return out.slice(0,10); }));
await browser.close(); server.close();
