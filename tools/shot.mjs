// One screenshot of one view, for looking at a change: node tools/shot.mjs "<query>" out.png [width] [height] [full=1]
// SCROLL=<css selector> scrolls that element into view first. Prints any console errors.
import { chromium } from 'playwright-core';
import { serve } from '../tests/e2e/server.mjs';
const [,, query, out, w='1024', h='768', full='0'] = process.argv;
const server = await serve(process.env.DIST || 'dist', { base: '/s/' });
const b = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless','--no-sandbox','--disable-gpu','--disable-background-networking','--disable-component-update','--disable-sync','--no-first-run'] });
const p = await b.newPage({ viewport: { width: +w, height: +h } });
const errs = []; p.on('console', m => m.type() === 'error' && errs.push(m.text())); p.on('pageerror', e => errs.push(String(e)));
await p.goto(`http://127.0.0.1:${server.address().port}/s/${query}`);
await p.waitForSelector('main h2 >> visible=true'); await p.waitForTimeout(500);
if (process.env.SCROLL) await p.evaluate((s) => document.querySelector(s)?.scrollIntoView(), process.env.SCROLL);
await p.screenshot({ path: out, fullPage: full === '1' });
console.log(errs.join('\n') || 'no console errors');
await b.close(); server.close();
