// End-to-end checks of hardened static hosting: the app starts under the strict
// Content-Security-Policy the server sends (every file here fails on a violation, see
// harness.mjs), says why when it cannot start, refuses app files and data files that differ
// from what was built or published, and says so in the page.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { start, stop, watchedPage, ROOT } from './harness.mjs';
import { CSP } from './server.mjs';

let env;
before(async () => { env = await start(); });
after(async () => { await stop(env); });

/** A copy of dist/ served on its own, so a test can alter files. */
async function withCopy(alter, body) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'samiksha-host-'));
  fs.cpSync(path.join(ROOT, 'dist'), dir, { recursive: true });
  alter(dir);
  const own = await start(dir);
  try {
    await body(own);
  } finally {
    await stop(own);
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

const reason = (page, r) => page.locator(`#boot [data-reason="${r}"]`);

test('the page is served with the strict policy and starts under it', async () => {
  const { page, trouble } = await watchedPage(env);
  const response = await page.goto(env.url('?view=map&lang=en'));
  assert.equal(response.headers()['content-security-policy'], CSP);
  await page.waitForSelector('main h2');
  assert.deepEqual(trouble.csp, []);
  assert.equal(await page.locator('script:not([src])').count(), 0, 'no inline script');
});

test('a blocked wasm file is explained on the page, in both languages', async () => {
  const { page } = await watchedPage(env);
  await page.route('**/*_bg.wasm', (route) => route.abort('blockedbyclient'));
  await page.goto(env.url('?view=map'));
  await reason(page, 'missing').waitFor({ timeout: 10000 });
  const text = await reason(page, 'missing').innerText();
  assert.match(text, /could not be loaded/);
  assert.match(text, /लोड नहीं हो सकीं/);
  assert.equal(await page.locator('#boot').getAttribute('role'), 'alert');
});

test('a browser without WebAssembly is told so', async () => {
  const { page } = await watchedPage(env);
  await page.addInitScript(() => { delete window.WebAssembly; });
  await page.goto(env.url('?view=map'));
  await reason(page, 'no-wasm').waitFor({ timeout: 10000 });
  assert.match(await reason(page, 'no-wasm').innerText(), /cannot run WebAssembly/);
});

test('when the loader never runs, the page says the app has not started', async () => {
  const { page } = await watchedPage(env);
  await page.route('**/boot.js', (route) => route.abort('blockedbyclient'));
  await page.goto(env.url('?view=map'));
  await page.locator('.boot-slow').waitFor({ state: 'visible', timeout: 20000 });
  await page.waitForFunction(() => getComputedStyle(document.querySelector('.boot-slow')).visibility === 'visible', null, { timeout: 20000 });
  assert.match(await page.locator('.boot-slow').innerText(), /has not started/);
});

test('one altered byte in the wasm: the app refuses to run it and says why', () => withCopy((dir) => {
  const wasm = fs.readdirSync(dir).find((f) => f.endsWith('_bg.wasm'));
  const bytes = fs.readFileSync(path.join(dir, wasm));
  bytes[bytes.length - 10] ^= 0x01;
  fs.writeFileSync(path.join(dir, wasm), bytes);
}, async (own) => {
  const { page } = await watchedPage(own);
  await page.goto(own.url('?view=map&lang=en'));
  await reason(page, 'altered').waitFor({ timeout: 10000 });
  assert.match(await reason(page, 'altered').innerText(), /do not match the published build/);
  assert.equal(await page.locator('main').count(), 0, 'the app did not start');
}));

test('one altered figure in a value file: the file is named in the page and none of its figures is shown', () => withCopy((dir) => {
  const data = path.join(dir, 'data/sample');
  const manifest = JSON.parse(fs.readFileSync(path.join(data, 'manifest.json'), 'utf8'));
  const file = manifest.value_files.at(-1).path;
  const text = fs.readFileSync(path.join(data, file), 'utf8');
  // One figure changed after publishing, the manifest's size and SHA-256 left as published.
  const altered = text.replace(/(\d)\.(\d)/, (m, a, b) => `${a}.${(Number(b) + 1) % 10}`);
  assert.notEqual(altered, text);
  fs.writeFileSync(path.join(data, file), altered);
}, async (own) => {
  const { page } = await watchedPage(own);
  await page.goto(own.url('?view=rankings&indicator=mutation-pending&lang=en'));
  const note = page.locator('.refused-file');
  await note.waitFor({ timeout: 15000 });
  assert.match(await note.innerText(), /^values\/[\w-]+\.json does not match what was published/);
  await page.waitForSelector('main .note:has-text("No figures can be shown for this period")');
  assert.equal(await page.locator('.ranking-table tbody tr').count(), 0, 'no figure of the refused file is shown');
  // Other periods still show.
  await page.selectOption('select[name="period"]', { index: 1 });
  await page.waitForSelector('.ranking-table tbody tr[data-district]');
}));
