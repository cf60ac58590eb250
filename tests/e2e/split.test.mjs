// Load by view (tools/split.mjs; src/lib.rs `app_module`, src/app.rs `mod later`): the
// pre-rendered map answers from the first wasm module alone, without the framework; the app is a
// second module and the other views a third, with the code those two share in a fourth; each is
// fetched when first needed, checked by its SHA-384, and said in the reader's language when it
// cannot be had.
import { before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';
import { test, start, stop, watchedPage, settled, noteWhenSet, ROOT } from './harness.mjs';

let env;
before(async () => { env = await start(); });
after(async () => { await stop(env); });

const DIST = path.join(ROOT, 'dist');
const VIEWS_MODULE = '**/views-*.wasm';
const APP_MODULE = '**/app-*.wasm';
const isViewsModule = (url) => /\/views-[0-9a-f]{16}\.wasm$/.test(new URL(url).pathname);
const isAppModule = (url) => /\/(app|shared)-[0-9a-f]{16}\.wasm$/.test(new URL(url).pathname);

test('the build has four wasm modules, and the app\'s one JS file fetches the three beside the first by their hashes', () => {
  const files = fs.readdirSync(DIST);
  const wasm = files.filter((f) => f.endsWith('.wasm'));
  for (const module of ['app', 'shared', 'views']) {
    assert.equal(wasm.filter((f) => new RegExp(`^${module}-[0-9a-f]{16}\\.wasm$`).test(f)).length, 1, `one ${module} module in ${wasm}`);
  }
  assert.equal(wasm.filter((f) => /^samiksha-[0-9a-f]{12,16}_bg\.wasm$/.test(f)).length, 1, `one main module in ${wasm}`);
  assert.equal(wasm.length, 4, `no other module in ${wasm}`);
  // The link and the snippets are bundled into the app's JS: no request of their own.
  const js = files.filter((f) => /^samiksha-[0-9a-f]{12,16}\.js$/.test(f));
  assert.equal(js.length, 1, `one app JS in ${files}`);
  assert.ok(!files.includes('snippets'), 'no snippets folder');
  const html = fs.readFileSync(path.join(DIST, 'index.html'), 'utf8');
  // The one JS is named, with its hash, on first.js's script, which asks for it through a
  // modulepreload; no static link asks for it or for a snippet.
  assert.deepEqual([...html.matchAll(/data-js="([^"]+)" data-js-integrity="sha384-[^"]+"/g)].map((m) => m[1]), [`./${js[0]}`]);
  assert.ok(!/rel="modulepreload"/.test(html), 'no modulepreload link in index.html');
  assert.ok(!/snippets\//.test(html), 'no snippet is named in index.html');
  // The first module holds no framework: the source paths the framework's crates leave in a
  // module (their panic locations) are in the shared one, not in the first (a build that pulled
  // the app back into it had three).
  const framework = /leptos|reactive_graph|tachys/g;
  const first = fs.readFileSync(path.join(DIST, wasm.find((f) => f.startsWith('samiksha-')))).toString('latin1');
  assert.deepEqual(first.match(framework), null, 'no framework path in the first module');
  assert.ok(fs.readFileSync(path.join(DIST, wasm.find((f) => f.startsWith('shared-')))).toString('latin1').match(framework), 'the framework\'s paths are in the shared module (the check above can see them)');
  // Each fetched by its name with the SHA-384 of its bytes, so another file is refused.
  const app = fs.readFileSync(path.join(DIST, js[0]), 'utf8');
  for (const module of wasm.filter((f) => !f.startsWith('samiksha-'))) {
    const sri = `sha384-${crypto.createHash('sha384').update(fs.readFileSync(path.join(DIST, module))).digest('base64')}`;
    assert.ok(app.includes(`"./${module}"`) && app.includes(sri), `the app JS names ${module} and its SHA-384`);
  }
});

test('the pre-rendered map answers a tap before the app\'s modules are asked for', async () => {
  const ctx = await env.browser.newContext({ viewport: { width: 412, height: 823 }, isMobile: true, hasTouch: true, serviceWorkers: 'block' });
  const page = await ctx.newPage();
  const asked = [];
  page.on('request', (r) => { if (isAppModule(r.url()) || isViewsModule(r.url())) asked.push(r.url()); });
  // When the copy's map began to answer, on the page's clock.
  await noteWhenSet(page, 'map', 'answers');
  // Held: the app's module is asked for once the copy answers, but does not arrive before the
  // test has tapped.
  let release;
  const held = new Promise((r) => { release = r; });
  await page.route(APP_MODULE, async (route) => { await held; await route.continue(); });
  await page.goto(env.url(''));
  await page.waitForSelector('html[data-map=answers]', { timeout: 30000 });
  await page.locator('#first-view > .fv-narrow .tile-grid a.tile:not(.no-data)').first().tap();
  await page.locator('#first-view .map-figure .map-tooltip').waitFor({ timeout: 5000 });
  release();
  await page.waitForFunction(() => document.documentElement.dataset.app === 'ready', null, { timeout: 30000 });
  const appModules = asked.filter(isAppModule).map((u) => new URL(u).pathname.split('/').pop().split('-')[0]);
  assert.deepEqual(appModules.sort(), ['app', 'shared'], `the app's module and the shared one, once each: ${asked}`);
  assert.ok(!asked.some(isViewsModule), 'the other views\' module is not asked for by the map, in the copy or the app');
  const [answersAt, starts] = await page.evaluate(() => [window.__setAt.map,
    performance.getEntriesByType('resource').filter((e) => /\/(app|shared)-[0-9a-f]{16}\.wasm$/.test(e.name)).map((e) => e.startTime)]);
  assert.equal(starts.length, 2, `both modules' requests are timed: ${starts}`);
  const askedAt = Math.min(...starts);
  assert.ok(Number.isFinite(answersAt) && answersAt > 0 && askedAt >= answersAt, `the app's modules were asked for (${askedAt} ms) once the copy answered (${answersAt} ms)`);
  await ctx.close();
});

test('when the app\'s module cannot be fetched, the copy still answers and the boot note says why, in both languages', async () => {
  for (const [query, copy] of [['', 'shown'], ['?view=rankings&lang=en', 'none']]) {
    const ctx = await env.browser.newContext({ viewport: { width: 412, height: 823 }, isMobile: true, hasTouch: true, serviceWorkers: 'block' });
    const page = await ctx.newPage();
    await page.route(APP_MODULE, (route) => route.abort('connectionfailed'));
    await page.goto(env.url(query));
    const note = page.locator('#boot.boot-stopped[role=alert] [data-reason=missing]');
    await note.waitFor({ timeout: 30000 });
    assert.match(await note.innerText(), /could not be loaded/);
    assert.match(await note.innerText(), /लोड नहीं हो सकीं/);
    assert.equal(await page.locator('#boot [data-reason]:not([hidden])').count(), 1, `${query}: only the reason is shown`);
    assert.equal(await page.locator('#app').count(), 0, `${query}: no empty app`);
    if (copy === 'shown') {
      // The copy stays, and its map still answers a tap.
      await page.waitForSelector('html[data-map=answers]', { timeout: 30000 });
      await page.locator('#first-view > .fv-narrow .tile-grid a.tile:not(.no-data)').first().tap();
      await page.locator('#first-view .map-figure .map-tooltip').waitFor({ timeout: 5000 });
      assert.ok(await page.locator('#first-view').isVisible(), 'the copy is still shown');
    }
    await ctx.close();
  }
});

test('an app module that differs from the build is refused, not run, and the note says the files do not match the build', async () => {
  const { page, trouble } = await watchedPage(env);
  await page.route(APP_MODULE, async (route) => {
    const response = await route.fetch();
    // Still a valid module (a custom section appended), so only the hash can refuse it.
    const body = Buffer.concat([Buffer.from(await response.body()), Buffer.from([0, 5, 4, ...Buffer.from('test')])]);
    await route.fulfill({ response, body });
  });
  await page.goto(env.url('?view=rankings&lang=en'));
  await page.locator('#boot.boot-stopped[role=alert] [data-reason=altered]:not([hidden])').waitFor({ timeout: 30000 });
  assert.ok(await page.locator('#boot [data-reason=missing]').isHidden(), 'not said to be missing');
  assert.equal(await page.locator('#app').count(), 0, 'no app from an altered module');
  assert.notEqual(await page.evaluate(() => document.documentElement.dataset.app), 'ready');
  assert.ok(trouble.consoleErrors.some((e) => /integrity|digest/i.test(e)), `refused by its hash: ${trouble.consoleErrors.join(' | ')}`);
  await page.close();
});

test('an app module that could not be fetched is asked for again when the connection returns, and the app starts', async () => {
  const ctx = await env.browser.newContext({ viewport: { width: 412, height: 823 }, isMobile: true, hasTouch: true, serviceWorkers: 'block' });
  const page = await ctx.newPage();
  await page.route(APP_MODULE, (route) => route.abort('internetdisconnected'));
  await page.goto(env.url(''));
  const note = page.locator('#boot.boot-stopped[role=alert] [data-reason=missing]:not([hidden])');
  await note.waitFor({ timeout: 30000 });
  // Said above the copy, where a phone's reader sees it.
  assert.ok(await page.evaluate(() => document.getElementById('boot').nextElementSibling?.id === 'first-view'), 'the note is above the copy');
  await page.unroute(APP_MODULE);
  await ctx.setOffline(true);
  await ctx.setOffline(false);
  await page.waitForFunction(() => document.documentElement.dataset.app === 'ready', null, { timeout: 30000 });
  assert.ok(await page.locator('#app main .tile-grid a.tile').count() > 50, 'the app\'s map is shown');
  assert.equal(await page.locator('#boot').count(), 0, 'the note went with the copy');
  await ctx.close();
});

test('an address naming another view asks for the views\' module beside the app\'s, not after it', async () => {
  const { page } = await watchedPage(env);
  const asked = [];
  page.on('request', (r) => { if (isViewsModule(r.url())) asked.push(r.url()); });
  // The app's module held: the views' module is asked for without it.
  let release;
  const held = new Promise((r) => { release = r; });
  await page.route(APP_MODULE, async (route) => { await held; await route.continue(); });
  const loaded = page.goto(env.url('?view=rankings&lang=en'));
  await page.waitForEvent('request', { predicate: (r) => isViewsModule(r.url()), timeout: 30000 });
  release();
  await loaded;
  await settled(page);
  assert.ok(await page.locator('main table tbody tr').count() > 10, 'the rankings table is shown');
  assert.equal(asked.length, 1, `the views' module was fetched once: ${asked}`);
  await page.close();
});

test('the map answers a tap before the other views\' module is asked for; the first other view fetches it once, and the rest reuse it', async () => {
  const { page, trouble } = await watchedPage(env);
  const asked = [];
  page.on('request', (r) => { if (isViewsModule(r.url())) asked.push(r.url()); });
  await page.goto(env.url('?view=map&lang=en'));
  await settled(page);
  await page.focus('main .geo-map g.shape[data-district=bhopal]');
  await page.waitForSelector('main .map-tooltip');
  assert.deepEqual(asked, [], 'the map needs only the first module and the app\'s');

  await page.click('nav a[href*="view=rankings"]');
  await settled(page);
  assert.ok(await page.locator('main table tbody tr').count() > 10, 'the rankings table is shown');
  assert.equal(asked.length, 1, 'the views module was fetched once');
  // Each view's own content, and no alert, from the one module fetched.
  for (const [view, own] of [['charts', 'main .charts-view .chart-box svg'], ['district', 'main .district-view'], ['about', 'main .about-view']]) {
    await page.click(`nav a[href*="view=${view}"]`);
    await settled(page);
    assert.ok(await page.locator(own).count() > 0, `${view} shows its own content`);
    assert.equal(await page.locator('main [role=alert]').count(), 0, `${view}: no alert`);
  }
  assert.equal(asked.length, 1, 'no view fetched it again');
  assert.deepEqual(trouble.consoleErrors, []);
  assert.deepEqual(trouble.failedRequests, []);
  assert.deepEqual(trouble.foreignRequests, []);
  await page.close();
});

test('when the other views\' module cannot be fetched, the view says so in the reader\'s language, the map still works, and choosing the view again loads it', async () => {
  const { page } = await watchedPage(env);
  await page.route(VIEWS_MODULE, (route) => route.abort('connectionfailed'));
  await page.goto(env.url('?view=map&lang=en'));
  await settled(page);
  await page.click('nav a[href*="view=rankings"]');
  const alert = page.locator('main h2[role="alert"]');
  await alert.waitFor({ timeout: 15000 });
  assert.match(await alert.innerText(), /This view could not be loaded/);
  assert.ok(await page.locator('.site-header').count(), 'the header is still there');
  await page.click('.lang-switch');
  await page.waitForSelector('main h2[role="alert"]:text("यह पेज लोड नहीं हो सका")');
  // The map is in the app's module: it still draws and answers.
  await page.click('nav a[href*="view=map"]');
  await settled(page);
  // Keyboard focus (a key pressed last, after the clicks above) shows the tooltip.
  await page.keyboard.press('Shift');
  await page.focus('main .geo-map g.shape[data-district=bhopal]');
  await page.waitForSelector('main .map-tooltip');
  // The line is back: choosing the view again fetches the module (a failure is not kept)…
  await page.unroute(VIEWS_MODULE);
  await page.route(VIEWS_MODULE, (route) => route.abort('connectionfailed'));
  await page.click('nav a[href*="view=rankings"]');
  await alert.waitFor({ timeout: 15000 });
  // …and so does its button, on the view itself.
  await page.unroute(VIEWS_MODULE);
  await page.click('main .load-failed button');
  await settled(page);
  assert.ok(await page.locator('main table tbody tr').count() > 10, 'the rankings table is shown');
  assert.equal(await page.locator('main [role=alert]').count(), 0);
  await page.close();
});

test('a views module that differs from the build is refused, not run, and the alert says the files do not match the build', async () => {
  const { page } = await watchedPage(env);
  await page.route(VIEWS_MODULE, async (route) => {
    const response = await route.fetch();
    // Still a valid module (a custom section appended: id 0, 5 bytes, the name "test"), so
    // only the hash can refuse it.
    const body = Buffer.concat([Buffer.from(await response.body()), Buffer.from([0, 5, 4, ...Buffer.from('test')])]);
    await route.fulfill({ response, body });
  });
  await page.goto(env.url('?view=rankings&lang=en'));
  const alert = page.locator('main h2[role="alert"]');
  await alert.waitFor({ timeout: 15000 });
  assert.match(await alert.innerText(), /do not match the published build/);
  assert.doesNotMatch(await alert.innerText(), /Check the connection/);
  assert.equal(await page.locator('main table').count(), 0, 'no rankings from an altered module');
  await page.close();
});

test('a first visit to another view is ready only once its module is in and the view shown', async () => {
  const { page } = await watchedPage(env);
  let served = false;
  await page.route(VIEWS_MODULE, async (route) => {
    await new Promise((r) => setTimeout(r, 1500));
    served = true;
    await route.continue();
  });
  await page.goto(env.url('?view=rankings&lang=en'));
  await page.waitForSelector('main .status[role=status]:text("Loading this view")');
  await page.waitForSelector('html[data-app="ready"]', { timeout: 30000 });
  assert.ok(served, 'ready waited for the module');
  assert.ok(await page.locator('main table tbody tr').count() > 10, 'the rankings table is there when the page says it is ready');
  await page.close();
});
