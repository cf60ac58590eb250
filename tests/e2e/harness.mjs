// Shared setup for end-to-end tests: serve dist/ under a sub-path, launch Debian's Chromium
// through playwright-core, and record console errors, failed requests and any request that
// leaves the server (the app must make none).
import { chromium } from 'playwright-core';
import { test as nodeTest } from 'node:test';
import { serve } from './server.mjs';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const BASE = '/transparency/samiksha/';
export const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--no-first-run'];

export async function start(root = path.join(ROOT, 'dist'), serverOptions = {}) {
  const server = await serve(root, { base: BASE, ...serverOptions });
  const origin = `http://127.0.0.1:${server.address().port}`;
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium', args: CHROMIUM_ARGS });
  return { server, browser, url: (query = '') => `${origin}${BASE}${query}`, origin, violations: [] };
}

/** Closes the browser and the server, and fails the test file if any page of it broke the
 * Content-Security-Policy the server sends. */
export async function stop({ server, browser, violations }) {
  await browser.close();
  server.close();
  if (violations.length) throw new Error(`Content-Security-Policy violations:\n${violations.join('\n')}`);
}

/** A copy of dist/ in a folder of its own, for a test that changes files or stops the server
 * without touching the others. The caller removes it (`withCopy` does). */
export function copyOfDist() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'samiksha-dist-'));
  fs.cpSync(path.join(ROOT, 'dist'), dir, { recursive: true });
  return dir;
}

/** A copy of dist/, changed by `alter(dir)`, served on its own for `body(env, dir)`; stopped and
 * removed after, whatever happened. */
export async function withCopy(alter, body) {
  const dir = copyOfDist();
  try {
    await alter(dir);
    const own = await start(dir);
    try {
      await body(own, dir);
    } finally {
      await stop(own);
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

// Every Content-Security-Policy violation of this process, whichever server the page was on.
const allViolations = [];

/** `node:test`'s `test`, failing the test itself (not only its file) when a page broke the
 * Content-Security-Policy while it ran. Test files import `test` from here. */
export function test(name, options, fn) {
  if (typeof options === 'function') [options, fn] = [{}, options];
  return nodeTest(name, options, async (t) => {
    const before = allViolations.length;
    await fn(t);
    const during = allViolations.slice(before);
    if (during.length) throw new Error(`Content-Security-Policy violations during this test:\n${during.join('\n')}`);
  });
}

/** Notes, on the page's own clock, when `<html>`'s `data-<name>` first becomes `value`, as
 * `window.__setAt[name]` (an init script runs while the document is still empty: it watches
 * the whole of it). For comparing with the page's resource timings. */
export async function noteWhenSet(page, name, value) {
  await page.addInitScript(([name, value]) => {
    window.__setAt = window.__setAt || {};
    new MutationObserver((_, observer) => {
      if (document.documentElement?.dataset[name] === value && !(name in window.__setAt)) { window.__setAt[name] = performance.now(); observer.disconnect(); }
    }).observe(document, { attributes: true, subtree: true, attributeFilter: [`data-${name}`] });
  }, [name, value]);
}

/** A page that records what went wrong while it was open. */
export async function watchedPage(env, options = {}) {
  // Service workers only where a test asks for them (the offline tests): elsewhere a worker
  // answering from its cache would hide what a test routes or serves.
  const page = await env.browser.newPage({ viewport: { width: 1024, height: 768 }, serviceWorkers: 'block', ...options });
  const trouble = { consoleErrors: [], failedRequests: [], foreignRequests: [], csp: [] };
  // Every page reports Content-Security-Policy violations; `stop` fails the file on any.
  const violation = (v) => { trouble.csp.push(v); env.violations.push(`${page.url()}: ${v}`); allViolations.push(`${page.url()}: ${v}`); };
  await page.exposeFunction('__samikshaCspViolation', violation);
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => window.__samikshaCspViolation(`${e.violatedDirective} blocked ${e.blockedURI || 'inline'} (${e.sourceFile}:${e.lineNumber})`));
  });
  page.on('console', (m) => { if (m.type() === 'error') trouble.consoleErrors.push(m.text()); });
  page.on('pageerror', (e) => trouble.consoleErrors.push(String(e)));
  // A navigation or reload aborts fetches still in flight; that is the browser's doing, not a failure.
  page.on('requestfailed', (r) => { if (r.failure()?.errorText !== 'net::ERR_ABORTED') trouble.failedRequests.push(`${r.url()} ${r.failure()?.errorText}`); });
  page.on('response', (r) => { if (r.status() >= 400) trouble.failedRequests.push(`${r.url()} ${r.status()}`); });
  page.on('request', (r) => { if (!r.url().startsWith(env.origin) && !r.url().startsWith('data:')) trouble.foreignRequests.push(r.url()); });
  // A page that opens on its pre-rendered first view (tools/prerender.mjs) is a copy until the
  // app takes its place: every navigation waits for that, so a test never clicks a copy.
  for (const method of ['goto', 'reload', 'goBack', 'goForward']) {
    const original = page[method].bind(page);
    page[method] = async (...args) => {
      const response = await original(...args);
      await untilAppOwnsPage(page);
      return response;
    };
  }
  return { page, trouble };
}

/** Waits until no pre-rendered copy is shown (the app has taken its place, or the copy is not
 * for this URL, or the loader has stopped and says why). Gives up quietly after 30 s: the test
 * then fails on what it expected, with its own message. */
export async function untilAppOwnsPage(page) {
  await page.waitForFunction(() => {
    const copy = document.getElementById('first-view');
    const shown = copy && !copy.hidden && !document.documentElement.classList.contains('no-first-view');
    return !shown || document.documentElement.dataset.app === 'ready' || document.querySelector('.boot-stopped');
  }, null, { timeout: 30000 }).catch(() => {});
}

/** Waits for the app to have rendered its view's heading. */
export async function ready(page) {
  await page.waitForSelector('#app main h2', { timeout: 30000 });
}

/** Waits for a view to be whole instead of for a fixed time: its heading shown, no "Loading"
 * status left, and two animation frames after that, so effects that measure the laid-out page
 * (map labels, the URL rewrite) have run. */
export async function settled(page) {
  await page.waitForFunction(() => document.documentElement.dataset.app === 'ready' || document.querySelector('.boot-stopped'), null, { timeout: 30000 });
  await page.waitForSelector('main h2 >> visible=true', { timeout: 30000 });
  await page.waitForFunction(() => !document.querySelector('main .status[role=status]')?.textContent.match(/Loading|लोड/), null, { timeout: 20000 });
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
}
