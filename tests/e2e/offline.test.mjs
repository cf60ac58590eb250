// End-to-end checks of offline use: after one visit every view works with the server gone; a
// newer dataset is offered, never mixed in; a load cut short by a lost connection completes by
// itself when the connection returns. Each test serves its own copy of dist/, so it can stop
// the server or publish a changed dataset without touching the others.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';
import { test, start, stop, watchedPage, copyOfDist, ROOT } from './harness.mjs';

/** Visits once with service workers allowed and waits until the footer says the app is saved. */
async function visitOnce(env, query = '?view=map&lang=en') {
  const { page, trouble } = await watchedPage(env, { serviceWorkers: 'allow' });
  await page.goto(env.url(query));
  await page.waitForSelector('.offline-ready', { timeout: 60000 });
  return { page, trouble };
}

const asOf = (page) => page.locator('.site-footer time').innerText();

/** Publishes a changed dataset into the served copy: a new date, and the newest value file's
 * figures raised by 5. Returns the newest period's id and English label. */
function publishNewer(dir) {
  const data = path.join(dir, 'data/sample');
  const manifest = JSON.parse(fs.readFileSync(path.join(data, 'manifest.json'), 'utf8'));
  const newest = manifest.value_files.at(-1);
  const values = JSON.parse(fs.readFileSync(path.join(data, newest.path), 'utf8'));
  values.values['cmh-satisfactory'] = values.values['cmh-satisfactory'].map((v) => {
    if (typeof v === 'number') return Math.min(100, v + 5);
    return v && typeof v.v === 'number' ? { ...v, v: Math.min(100, v.v + 5) } : v;
  });
  const bytes = Buffer.from(JSON.stringify(values));
  fs.writeFileSync(path.join(data, newest.path), bytes);
  newest.bytes = bytes.length;
  newest.sha256 = crypto.createHash('sha256').update(bytes).digest('hex');
  manifest.updated = '2026-12-01';
  fs.writeFileSync(path.join(data, 'manifest.json'), JSON.stringify(manifest));
  return { id: newest.period, label: manifest.periods.find((p) => p.id === newest.period).label.en, oldest: manifest.periods[0].id };
}

/** Runs `body` against a server of its own copy of dist/, cleaning up whatever happens. */
async function withCopy(body) {
  const dir = copyOfDist();
  const env = await start(dir);
  try {
    await body(env, dir);
  } finally {
    env.server.closeAllConnections();
    await stop(env);
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

test('after one visit, the map, rankings, a district profile and the briefing work with no network', () => withCopy(async (env) => {
  const { page } = await visitOnce(env);
  assert.match(await page.locator('.offline-ready').innerText(), /^Available offline · data as of \d+ \w+ \d{4}$/);
  // The tablet can add the app to its home screen: a web app manifest with names, icons and
  // its own folder as scope.
  const manifest = await page.evaluate(async () => {
    const href = document.querySelector('link[rel="manifest"]').href;
    const m = await (await fetch(href)).json();
    const icons = await Promise.all(m.icons.map(async (i) => (await fetch(new URL(i.src, href))).ok));
    return { ...m, iconsOk: icons.every(Boolean), scopeUrl: new URL(m.scope, href).href };
  });
  assert.equal(manifest.display, 'standalone');
  assert.match(manifest.name, /समीक्षा/);
  assert.match(manifest.name, /Samiksha/);
  assert.ok(manifest.iconsOk && manifest.icons.some((i) => i.sizes === '512x512'));
  assert.equal(manifest.scopeUrl, env.url(''));
  const scope = await page.evaluate(async () => (await navigator.serviceWorker.getRegistration()).scope);
  assert.equal(scope, env.url(''), "the worker's scope is the app's own folder");
  // The server goes away and the device goes offline.
  await page.context().setOffline(true);
  await page.reload();
  await page.waitForSelector('main h2');
  await page.waitForSelector('.tile[data-district="rewa"]:not(.no-data), .geo-map g.shape path[fill^="#"]');
  assert.match(await page.locator('.offline-bar').innerText(), /offline/);
  for (const [query, ready] of [
    ['?view=rankings&indicator=cmh-satisfactory&lang=en', '.ranking-table tbody tr[data-district]'],
    ['?view=district&district=rewa&lang=hi', 'main td.num'],
    ['?view=brief&points=mutation-pending,khasra-update&indicator=khasra-update&lang=en', '[data-slide="khasra-update"]:not([hidden]) .end-top li[data-district]'],
  ]) {
    await page.goto(env.url(query));
    await page.waitForSelector(ready);
  }
  assert.equal(await page.locator('[data-slide="khasra-update"]:not([hidden]) .end-bottom li[data-district]').count() >= 3, true);
}));

test('a second dataset of the catalogue is saved whole on its first visit and works with no network', () => withCopy(async (env) => {
  const { page } = await visitOnce(env, '?data=nfhs-mp&view=map&lang=en');
  await page.context().setOffline(true);
  for (const [query, ready] of [
    ['?data=nfhs-mp&view=rankings&indicator=stunting&period=nfhs-4&lang=en', '.ranking-table tbody tr[data-rank="1"]'],
    ['?data=nfhs-mp&view=rankings&indicator=stunting&period=nfhs-5&lang=hi', '.ranking-table tbody tr[data-rank="1"]'],
    ['?data=nfhs-mp&view=map&map=geo&lang=en', '.geo-map g.shape path[fill^="#"]'],
    // The default dataset, saved when the worker was installed.
    ['?view=rankings&indicator=cmh-satisfactory&lang=en', '.ranking-table tbody tr[data-district]'],
  ]) {
    await page.goto(env.url(query));
    await page.waitForSelector(ready);
  }
  assert.match(await page.textContent('h1.dataset-title'), /sample/);
}));

test('a newer dataset on the server is offered, not mixed in, and replaces the saved one whole when the reader switches', () => withCopy(async (env, dir) => {
  const { page } = await visitOnce(env, '?view=rankings&indicator=cmh-satisfactory&lang=en');
  const oldDate = await asOf(page);
  // The worst district's row: its figure is well below 100, so raising it shows.
  const firstValue = () => page.locator('.ranking-table tbody tr').last().innerText();
  const oldValue = await firstValue();

  publishNewer(dir);

  await page.reload();
  await page.waitForSelector('.update-bar');
  assert.match(await page.locator('.update-bar').innerText(), /newer dataset[\s\S]*1 December 2026/);
  // Until the reader switches, the saved version is shown whole: its date and its figures.
  assert.equal(await asOf(page), oldDate);
  await page.waitForSelector('.ranking-table tbody tr');
  assert.equal(await firstValue(), oldValue);

  await Promise.all([page.waitForEvent('load'), page.click('.switch-dataset')]);
  await page.waitForSelector('.ranking-table tbody tr');
  assert.equal(await asOf(page), '1 December 2026');
  assert.notEqual(await firstValue(), oldValue);
  assert.equal(await page.locator('.update-bar').count(), 0);
  const caches = await page.evaluate(() => caches.keys());
  assert.equal(caches.filter((k) => k.startsWith('samiksha-data-')).length, 1, `one dataset saved: ${caches}`);
}));

test('a page keeps the dataset it started with when another tab switches, and never mixes the two', () => withCopy(async (env, dir) => {
  // Two tabs of one browser profile share the worker and its caches.
  const profile = await env.browser.newContext({ viewport: { width: 1024, height: 768 }, serviceWorkers: 'allow' });
  const a = await profile.newPage();
  await a.goto(env.url('?view=rankings&indicator=cmh-satisfactory&lang=en'));
  await a.waitForSelector('.offline-ready', { timeout: 60000 });
  // The worst district's value (its change column waits for the period before, so is left out).
  const worst = (page) => page.locator('.ranking-table tbody tr').last().locator('td.lead').innerText();
  const oldValue = await worst(a);
  // A second tab on the oldest period: the newest period's file is not asked for yet.
  const manifest = JSON.parse(fs.readFileSync(path.join(dir, 'data/sample/manifest.json'), 'utf8'));
  const b = await profile.newPage();
  await b.goto(env.url(`?view=rankings&indicator=cmh-satisfactory&period=${manifest.periods[0].id}&lang=en`));
  await b.waitForSelector('.ranking-table tbody tr');

  const newest = publishNewer(dir);
  await a.reload();
  await a.waitForSelector('.update-bar');
  await Promise.all([a.waitForEvent('load'), a.click('.switch-dataset')]);
  await a.waitForSelector('.ranking-table tbody tr');
  assert.equal(await asOf(a), '1 December 2026');
  assert.notEqual(await worst(a), oldValue);

  // The other tab, still reading the old manifest, now asks for the newest period: it gets the
  // old version's file (which matches its manifest), not the new one.
  await b.selectOption('select[name=period]', newest.id);
  await b.waitForFunction((label) => document.querySelector('.ranking-table caption')?.textContent.includes(label), newest.label);
  assert.equal(await worst(b), oldValue);
  assert.equal(await b.locator('.refused-file').count(), 0, 'no file refused as differing from its manifest');
  // Reloaded, it reads the new version, and the old one is no longer kept.
  await b.reload();
  await b.waitForSelector('.ranking-table tbody tr');
  assert.equal(await asOf(b), '1 December 2026');
  const caches = await b.evaluate(() => caches.keys());
  assert.equal(caches.filter((k) => k.startsWith('samiksha-data-')).length, 1, `one dataset saved: ${caches}`);
  await profile.close();
}));

test('a load cut short by a lost connection says so in the page and completes when the connection returns', () => withCopy(async (env) => {
  const { page, trouble } = await watchedPage(env);
  const cut = (route) => route.abort('internetdisconnected');
  await page.route('**/data/**', cut);
  await page.goto(env.url('?view=rankings&indicator=cmh-satisfactory&lang=en'));
  await page.waitForSelector('.no-connection');
  assert.match(await page.locator('.no-connection').innerText(), /No connection/);
  assert.equal(await page.locator('.problems-panel').count(), 0, 'a lost connection is not a data problem');
  await page.unroute('**/data/**', cut);
  await page.context().setOffline(true);
  await page.context().setOffline(false);
  await page.waitForSelector('.ranking-table tbody tr[data-district]', { timeout: 15000 });
  assert.equal(await page.locator('.no-connection').count(), 0);
  assert.deepEqual(trouble.consoleErrors.filter((e) => !/ERR_INTERNET_DISCONNECTED|Failed to load resource/.test(e)), []);
}));

test('the publishing page is kept only once it is opened, then opens and builds with no network', () => withCopy(async (env) => {
  const { page } = await visitOnce(env);
  const kept = () => page.evaluate(async () => {
    for (const name of await caches.keys()) {
      if (await (await caches.open(name)).match(new URL('publish.html', location.href).href)) return true;
    }
    return false;
  });
  // A reader of the viewer does not download the publisher's wasm.
  assert.equal(await kept(), false, 'the viewer alone does not save the publishing page');
  await page.goto(env.url('publish.html?lang=en'));
  await page.waitForSelector('input[data-role="values"]');
  for (let i = 0; i < 100 && !(await kept()); i++) await page.waitForTimeout(100);
  assert.equal(await kept(), true, 'the publishing page asked to be kept');
  await page.context().setOffline(true);
  await page.reload();
  await page.waitForSelector('input[data-role="values"]');
  const state = path.join(ROOT, 'crates/publish/tests/fixtures/state');
  for (const role of ['districts', 'indicators', 'values', 'meta']) {
    await page.setInputFiles(`input[data-role="${role}"]`, path.join(state, role === 'meta' ? 'meta.json' : `${role}.csv`));
    await page.waitForFunction((r) => document.querySelector(`[data-status="${r}"]`)?.textContent.trim(), role);
  }
  await page.fill('#id', 'uk');
  await page.dispatchEvent('#id', 'change');
  await page.check('#allow_unmatched');
  await page.click('#build');
  await page.waitForSelector('#download');
}));
