// End-to-end checks of the pre-rendered first view (tools/prerender.mjs): the map, heading and
// legend are in the HTML the server sends, shown before any script runs; they are the app's
// own rendering (the app, once ready, shows the same fills and sentences, without a layout
// shift); a URL they do not stand for, or data replaced after the build, never shows them;
// and the server compresses what it sends, as a real host does.
import { before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';
import { test, start, stop, watchedPage, settled, ROOT, withCopy, noteWhenSet } from './harness.mjs';

let env;
before(async () => { env = await start(); });
after(async () => { await stop(env); });

const shownCopy = 'html:not(.no-first-view) #first-view:not([hidden])';

/** The districts' fills and accessible sentences on a drawn geographic map under `scope`. */
async function mapOf(page, scope) {
  return page.$$eval(`${scope} .geo-map g.shape`, (gs) => gs.map((g) => [g.dataset.district, g.querySelector('path, circle').getAttribute('fill'), g.getAttribute('aria-label')]).sort());
}

test('the first view is in the HTML: a map with data, its heading and legend, drawn with no script at all', async () => {
  const page = await env.browser.newPage({ viewport: { width: 1024, height: 768 }, javaScriptEnabled: false });
  await page.goto(env.url(''));
  const copy = page.locator('#first-view > .fv-wide');
  assert.ok(await copy.isVisible(), 'the wide copy is shown');
  assert.ok(!(await page.locator('#first-view > .fv-narrow').isVisible()), 'the phone copy is not');
  const districts = await mapOf(page, '#first-view > .fv-wide');
  assert.ok(districts.length >= 52, `every district with a polygon is drawn (${districts.length})`);
  const coloured = districts.filter(([, fill]) => /^#[0-9a-f]{6}$/i.test(fill));
  assert.ok(coloured.length >= 50, `districts carry their class colour (${coloured.length})`);
  assert.match(await copy.locator('h2').innerText(), /अक्टूबर 2026/);
  // The legend counts districts per class, its swatches coloured by the copy's stylesheet.
  const legend = await copy.locator('ul.legend li[data-class]:not([data-class="none"])').allInnerTexts();
  assert.ok(legend.length >= 2 && legend.every((t) => /\(\d+\)/.test(t)), legend.join(' | '));
  const swatch = await copy.locator('ul.legend li[data-class="0"] .swatch').evaluate((s) => getComputedStyle(s).backgroundColor);
  assert.notEqual(swatch, 'rgba(0, 0, 0, 0)');
  // No inline style anywhere in the copy: a strict CSP would block it.
  assert.equal(await page.locator('#first-view [style]').count(), 0);
  await page.close();
});

test('the app takes the copy\'s place with the same figures, in one frame, without a layout shift', async () => {
  const { page, trouble } = await watchedPage(env, { serviceWorkers: 'block' });
  await page.addInitScript(() => {
    window.__shifts = 0;
    window.__shifted = [];
    new PerformanceObserver((l) => {
      for (const e of l.getEntries()) {
        if (e.hadRecentInput) continue;
        window.__shifts += e.value;
        window.__shifted.push(...e.sources.map((x) => `${x.node?.nodeName}.${x.node?.getAttribute?.('class') ?? ''} y ${x.previousRect.y}→${x.currentRect.y}`));
      }
    }).observe({ type: 'layout-shift', buffered: true });
    // The copy's map as parsed, before the app replaces it.
    document.addEventListener('DOMContentLoaded', () => {
      window.__copy = [...document.querySelectorAll('#first-view > .fv-wide .geo-map g.shape')].map((g) => [g.dataset.district, g.querySelector('path, circle').getAttribute('fill'), g.getAttribute('aria-label')]).sort();
      window.__copyHeading = document.querySelector('#first-view > .fv-wide h2')?.textContent;
    });
  });
  await page.goto(env.url(''));
  assert.equal(await page.evaluate(() => document.documentElement.dataset.app), 'ready');
  assert.equal(await page.locator('#first-view').count(), 0, 'the copy is gone');
  assert.equal(await page.locator('#app.app-pending').count(), 0, 'the app is shown');
  const copy = await page.evaluate(() => window.__copy);
  assert.ok(copy.length >= 52);
  assert.deepEqual(await mapOf(page, '#app'), copy, 'the app draws what the copy showed');
  assert.equal(await page.locator('#app main h2').innerText(), await page.evaluate(() => window.__copyHeading));
  // A remount that moved the view would score well above 0.1 (Lighthouse's "good"); a
  // pixel's settling under load is allowed.
  const [shifts, shifted] = await page.evaluate(() => [window.__shifts, window.__shifted]);
  assert.ok(shifts < 0.01, `layout shift ${shifts}: ${shifted.join('; ')}`);
  assert.deepEqual(trouble.consoleErrors, []);
  // The app works: a district opens its profile.
  await page.locator('#app .geo-map g.shape').first().click();
  await page.waitForSelector('#app .district-view, #app main h2');
});

test('on a phone the copy shown is the squares the app draws there', async () => {
  const page = await env.browser.newPage({ viewport: { width: 412, height: 900 }, javaScriptEnabled: false });
  await page.goto(env.url(''));
  assert.ok(await page.locator('#first-view > .fv-narrow').isVisible());
  assert.ok(!(await page.locator('#first-view > .fv-wide').isVisible()));
  const tiles = page.locator('#first-view > .fv-narrow .tile-grid a.tile');
  assert.equal(await tiles.count(), 55);
  // Positions and colours come from the copy's stylesheet, not style attributes.
  const first = await tiles.first().evaluate((a) => [getComputedStyle(a).gridColumnStart, getComputedStyle(a).backgroundColor]);
  assert.notEqual(first[0], 'auto');
  assert.notEqual(first[1], 'rgba(0, 0, 0, 0)');
  // Ids are never repeated across the two renderings.
  const ids = await page.$$eval('#first-view [id]', (els) => els.map((e) => e.id));
  assert.equal(new Set(ids).size, ids.length);
  await page.close();
});

test('before the app is in, a tap on the copy\'s map shows the tooltip the app shows, and the app keeps it open; the next tap there opens the profile', async () => {
  const ctx = await env.browser.newContext({ viewport: { width: 412, height: 823 }, isMobile: true, hasTouch: true, serviceWorkers: 'block' });
  const page = await ctx.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.addInitScript(() => document.addEventListener('securitypolicyviolation', (e) => console.error(`CSP ${e.violatedDirective}`)));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  // The app reads the catalogue first; src/first_tap.rs does not need it. Held, the app waits
  // and the copy is what answers.
  let release;
  const held = new Promise((r) => { release = r; });
  await page.route('**/data/catalog.json', async (route) => { await held; await route.continue(); });
  const requests = [];
  page.on('request', (r) => requests.push(new URL(r.url()).pathname));
  await page.goto(env.url(''));
  await page.waitForSelector('html[data-map=answers]', { timeout: 30000 });
  assert.notEqual(await page.evaluate(() => document.documentElement.dataset.app), 'ready', 'the app is still held back');
  // The last square with data, low on the map: its tooltip opens above it.
  const tile = page.locator('#first-view > .fv-narrow .tile-grid a.tile:not(.no-data)').last();
  const slug = await tile.getAttribute('data-district');
  const before = page.url();
  await tile.tap();
  const tip = page.locator('#first-view .map-figure .map-tooltip');
  await tip.waitFor({ timeout: 5000 });
  assert.equal(page.url(), before, 'a first tap shows the tooltip; it does not open the profile');
  const copyTip = await tip.evaluate((t) => t.innerHTML);
  const name = await tile.locator('.tile-name').innerText();
  assert.ok(copyTip.includes(`<strong>${name}</strong>`), `the tapped district's tooltip: ${copyTip}`);
  assert.match(copyTip, /रैंक/, 'with its value and rank, in the page\'s language');
  assert.ok(copyTip.includes(`data-profile="${slug}"`), 'and a link to its profile');
  // The close button closes it; a tap opens it again.
  await tip.locator('.tooltip-close').tap();
  assert.equal(await tip.count(), 0);
  await tile.tap();
  await tip.waitFor({ timeout: 5000 });
  // The app, let in, takes the copy's place with the same tooltip open.
  release();
  await page.waitForFunction(() => document.documentElement.dataset.app === 'ready', null, { timeout: 30000 });
  const appTip = page.locator('#app .map-figure .map-tooltip');
  await appTip.waitFor({ timeout: 5000 });
  // (Leptos leaves an empty comment where a view may go.)
  assert.equal(await appTip.evaluate((t) => t.innerHTML.replaceAll('<!---->', '')), copyTip, 'the app shows the same tooltip, from the same files');
  // Each value file the copy's map read was fetched once: the app's loader was handed the same
  // bytes. (Not the manifest here: boot.js reads it after the held catalogue, too late for
  // src/first_tap.rs, which then reads it itself.)
  const values = requests.filter((p) => p.includes('/values/'));
  assert.ok(values.length >= 2, values.join(', '));
  assert.deepEqual(values.filter((p, i) => values.indexOf(p) !== i), [], `no value file fetched twice: ${values.join(', ')}`);
  // The finger's tap on the copy still counts in the app: the next tap on that district is the
  // second, and opens its profile.
  await page.locator(`#app .tile-grid a.tile[data-district="${slug}"]`).tap();
  await page.waitForFunction((s) => new URLSearchParams(location.search).get('view') === 'district' && location.search.includes(s), slug, { timeout: 10000 });
  assert.deepEqual(errors, []);
  await ctx.close();
});

test('before the app is in, the wide copy\'s map answers the keyboard, a finger and a click: focus shows the tooltip, Escape closes it, a tap shows it, a click opens the profile', async () => {
  const page = await env.browser.newPage({ viewport: { width: 1024, height: 768 }, hasTouch: true, serviceWorkers: 'block' });
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.addInitScript(() => document.addEventListener('securitypolicyviolation', (e) => console.error(`CSP ${e.violatedDirective}`)));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  // The app is held back for good: the copy is all there is.
  await page.route('**/data/catalog.json', () => {});
  await page.goto(env.url(''));
  await page.waitForSelector('html[data-map=answers]', { timeout: 30000 });
  const shape = page.locator('#first-view > .fv-wide .geo-map g.shape').first();
  const slug = await shape.getAttribute('data-district');
  await shape.focus();
  const tip = page.locator('#first-view > .fv-wide .map-tooltip');
  await tip.waitFor({ timeout: 5000 });
  assert.ok((await tip.innerHTML()).includes(`data-profile="${slug}"`), 'the focused district\'s tooltip');
  await page.keyboard.press('Escape');
  assert.equal(await tip.count(), 0, 'Escape closes it');
  // A finger's tap (which focuses the shape first) shows the tooltip and stays on the page.
  const other = page.locator('#first-view > .fv-wide .geo-map g.shape').nth(5);
  const before = page.url();
  await other.tap();
  await tip.waitFor({ timeout: 5000 });
  assert.ok((await tip.innerHTML()).includes(`data-profile="${await other.getAttribute('data-district')}"`), 'the tapped district\'s tooltip');
  assert.equal(page.url(), before, 'a first tap does not open the profile');
  // A mouse click opens the profile at once, as on the app's map: a page load, the app not in.
  await Promise.all([page.waitForURL((u) => u.searchParams.get('view') === 'district' && u.searchParams.get('district') === slug, { timeout: 10000 }), shape.click()]);
  assert.deepEqual(errors, []);
  await page.close();
});

test('keyboard focus in the copy moves to the same place in the app\'s view when the app takes its place', async () => {
  for (const [viewport, part, focus, expect, tap] of [
    // A district's shape on the wide copy: the app's shape of that district has focus, its tooltip open.
    [{ width: 1024, height: 768 }, '.fv-wide', '.geo-map g.shape[data-district=bhopal]', { district: 'bhopal', tag: 'g' }],
    // The phone's copy suffixes its ids: the app's element with the plain id has focus.
    [{ width: 412, height: 823 }, '.fv-narrow', '#map-p', { id: 'map' }],
    // No id, no district: the link to the other language, by its place among what takes focus.
    [{ width: 412, height: 823 }, '.fv-narrow', '.lang-switch', { className: 'lang-switch' }],
    // After the map, with the copy's tooltip open (its link and button are not counted).
    [{ width: 412, height: 823 }, '.fv-narrow', '.time-play', { className: 'time-play' }, 'tap'],
  ]) {
    const page = await env.browser.newPage({ viewport, serviceWorkers: 'block', hasTouch: true });
    let release;
    const held = new Promise((r) => { release = r; });
    await page.route('**/data/catalog.json', async (route) => { await held; await route.continue(); });
    await page.goto(env.url(''));
    await page.waitForSelector('html[data-map=answers]', { timeout: 30000 });
    if (tap) {
      await page.locator(`#first-view > ${part} .tile-grid a.tile:not(.no-data)`).first().tap();
      await page.locator('#first-view .map-tooltip').waitFor({ timeout: 5000 });
    }
    // A key first, so the focus is the keyboard's.
    await page.keyboard.press('Shift');
    await page.focus(`#first-view > ${part} ${focus}`);
    release();
    await page.waitForFunction(() => document.documentElement.dataset.app === 'ready', null, { timeout: 30000 });
    const active = await page.evaluate(() => {
      const a = document.activeElement;
      return { inApp: !!a.closest('#app'), district: a.dataset?.district, tag: a.tagName.toLowerCase(), id: a.id, className: a.getAttribute('class'), visible: a.matches(':focus-visible') };
    });
    assert.ok(active.inApp, `${focus}: focus is in the app's view: ${JSON.stringify(active)}`);
    for (const [k, v] of Object.entries(expect)) assert.ok(k === 'className' ? active.className.split(' ').includes(v) : active[k] === v, `${focus}: ${k} ${v}, got ${JSON.stringify(active)}`);
    assert.ok(active.visible, `${focus}: the focus ring shows`);
    if (expect.district) {
      const tip = page.locator('#app .map-figure .map-tooltip');
      await tip.waitFor({ timeout: 5000 });
      assert.ok((await tip.innerHTML()).includes(`data-profile="${expect.district}"`), 'the focused district\'s tooltip is open');
    }
    await page.close();
  }
});

test('a tapped square\'s tooltip opens beside it, not over it: on the copy, once handed to the app, and in the app', async () => {
  const ctx = await env.browser.newContext({ viewport: { width: 412, height: 823 }, isMobile: true, hasTouch: true, serviceWorkers: 'block' });
  const page = await ctx.newPage();
  let release;
  const held = new Promise((r) => { release = r; });
  await page.route('**/data/catalog.json', async (route) => { await held; await route.continue(); });
  await page.goto(env.url(''));
  await page.waitForSelector('html[data-map=answers]', { timeout: 30000 });
  /** The tooltip's box against the square's and the figure's: apart from the square, inside the figure. */
  const apart = async (scope, slug) => page.evaluate(([scope, slug]) => {
    const box = (e) => e.getBoundingClientRect();
    const tip = box(document.querySelector(`${scope} .map-figure .map-tooltip`));
    const tile = box(document.querySelector(`${scope} .tile-grid a.tile[data-district="${slug}"]`));
    const figure = box(document.querySelector(`${scope} .map-figure`));
    const overlaps = tip.left < tile.right && tip.right > tile.left && tip.top < tile.bottom && tip.bottom > tile.top;
    const inside = tip.left >= figure.left && tip.right <= figure.right && tip.top >= figure.top && tip.bottom <= figure.bottom;
    return { overlaps, inside, below: tip.top >= tile.bottom };
  }, [scope, slug]);
  const tiles = '#first-view > .fv-narrow .tile-grid a.tile:not(.no-data)';
  const first = page.locator(tiles).first();
  const firstSlug = await first.getAttribute('data-district');
  await first.tap();
  await page.locator('#first-view .map-tooltip').waitFor({ timeout: 5000 });
  assert.deepEqual(await apart('#first-view > .fv-narrow', firstSlug), { overlaps: false, inside: true, below: true }, 'a square in the top row: its tooltip below it');
  release();
  await page.waitForFunction(() => document.documentElement.dataset.app === 'ready', null, { timeout: 30000 });
  await page.locator('#app .map-figure .map-tooltip').waitFor({ timeout: 5000 });
  assert.deepEqual(await apart('#app', firstSlug), { overlaps: false, inside: true, below: true }, 'handed to the app, still below it');
  const last = page.locator('#app .tile-grid a.tile:not(.no-data)').last();
  const lastSlug = await last.getAttribute('data-district');
  await last.tap();
  await page.waitForFunction((s) => document.querySelector('#app .map-tooltip')?.innerHTML.includes(`data-profile="${s}"`), lastSlug, { timeout: 5000 });
  assert.deepEqual(await apart('#app', lastSlug), { overlaps: false, inside: true, below: false }, 'a square in the bottom row: its tooltip above it');
  await ctx.close();
});

test('a tooltip placed above its district by keyboard focus, then moved by the mouse, follows the pointer at its own height', async () => {
  const { page } = await watchedPage(env, { viewport: { width: 1024, height: 768 } });
  await page.goto(env.url('?view=map&lang=en'));
  await settled(page);
  // The lowest shape on the map: its tooltip goes above it, measured from the figure's bottom.
  const low = await page.$$eval('#app .geo-map g.shape', (gs) => gs.map((g) => [g.dataset.district, g.getBoundingClientRect().bottom]).sort((a, b) => b[1] - a[1])[0][0]);
  await page.keyboard.press('Shift');
  await page.focus(`#app .geo-map g.shape[data-district="${low}"]`);
  const tip = page.locator('#app .map-figure .map-tooltip');
  await page.waitForFunction(() => document.querySelector('#app .map-tooltip')?.style.bottom.endsWith('px'), null, { timeout: 5000 });
  const pinnedHeight = (await tip.boundingBox()).height;
  const shape = await page.locator('#app .geo-map g.shape').nth(10).boundingBox();
  await page.mouse.move(shape.x + shape.width / 2, shape.y + shape.height / 2);
  await page.waitForFunction(() => !document.querySelector('#app .map-tooltip')?.style.bottom.endsWith('px'), null, { timeout: 5000 });
  const moved = await tip.boundingBox();
  assert.ok(Math.abs(moved.height - pinnedHeight) < 40, `its own height, not stretched between top and bottom: ${moved.height} against ${pinnedHeight}`);
  // A move within the same district moves the same tooltip, its text unchanged.
  const element = await tip.elementHandle();
  const [text, left] = await tip.evaluate((t) => [t.innerHTML, t.style.left]);
  await page.mouse.move(shape.x + shape.width / 2 + 1, shape.y + shape.height / 2 + 1);
  await page.waitForFunction((x) => document.querySelector('#app .map-tooltip')?.style.left !== x, left, { timeout: 5000 });
  assert.ok(await element.evaluate((t) => t === document.querySelector('#app .map-tooltip')), 'the same element');
  assert.equal(await tip.evaluate((t) => t.innerHTML), text);
  await page.close();
});

test('a URL the copy does not stand for never shows it', async () => {
  for (const query of ['?view=rankings', '?view=map&lang=en', '?data=nfhs-mp', '?view=map&indicator=mutation-pending&period=2026-09&lang=hi']) {
    const { page } = await watchedPage(env);
    // With the app held back, what shows is what the HTML and first.js decided.
    await page.route('**/*_bg.wasm', () => {});
    await page.goto(env.url(query), { waitUntil: 'domcontentloaded' });
    // Parsing can end before the stylesheet is in (first.js stands before it), and nothing is
    // painted until it is: what shows is read once it is.
    await page.waitForFunction(() => [...document.styleSheets].some((s) => s.href?.includes('/style-')));
    assert.ok(!(await page.locator('#first-view').isVisible()), `${query}: the copy is hidden`);
    assert.ok(await page.locator('#boot [data-reason="loading"]').first().isVisible(), `${query}: the loading note shows`);
    await page.close();
  }
});

test('data replaced after the build: the copy is hidden at once and the app shows the current figures', () => withCopy((dir) => {
  // Republish the dataset with a new date: a new manifest, so a new hash.
  const file = path.join(dir, 'data/sample/manifest.json');
  const manifest = JSON.parse(fs.readFileSync(file, 'utf8'));
  assert.notEqual(manifest.updated, '2026-11-23');
  manifest.updated = '2026-11-23';
  fs.writeFileSync(file, JSON.stringify(manifest));
}, async (own) => {
  const held = await watchedPage(own);
  await held.page.route('**/*_bg.wasm', () => {});
  await held.page.goto(own.url(''), { waitUntil: 'domcontentloaded' });
  await held.page.waitForSelector('#first-view[hidden]', { state: 'attached', timeout: 10000 });
  assert.ok(!(await held.page.locator('#first-view').isVisible()), 'the copy of the old data is hidden');
  await held.page.close();

  const { page } = await watchedPage(own);
  await page.goto(own.url(''));
  // The copy was hidden before the app came, so nothing waited for the app: wait for it here.
  await page.waitForSelector('html[data-app=ready]', { state: 'attached', timeout: 30000 });
  assert.equal(await page.locator('#first-view').count(), 0);
  assert.match(await page.locator('#app .site-footer').innerText(), /23 नवंबर 2026/, 'the republished date is shown');
  await page.close();
}));

test('a problem in a value file the copy\'s map read is listed by the app once, as when the app reads the file itself', () => withCopy((dir) => {
  // A flag the manifest does not define in the first view's value file (a warning the reader
  // names; the file is still used), republished properly: the manifest names its new hash, and the copy stands for
  // that manifest, as if the site had been built from it. The copy's map reads the file, and
  // the app takes what it made of it (src/first_tap.rs, \`read_before\`).
  const sha256 = (b) => crypto.createHash('sha256').update(b).digest('hex');
  const valuesFile = path.join(dir, 'data/sample/values/2026-10.json');
  const text = fs.readFileSync(valuesFile, 'utf8');
  assert.ok(text.includes('"flag":"provisional"'));
  const altered = Buffer.from(text.replace('"flag":"provisional"', '"flag":"no-such-flag"'));
  fs.writeFileSync(valuesFile, altered);
  const manifestFile = path.join(dir, 'data/sample/manifest.json');
  const before = fs.readFileSync(manifestFile);
  const manifest = JSON.parse(before);
  const entry = manifest.value_files.find((f) => f.path === 'values/2026-10.json');
  Object.assign(entry, { bytes: altered.length, sha256: sha256(altered) });
  const after = Buffer.from(JSON.stringify(manifest));
  fs.writeFileSync(manifestFile, after);
  const html = path.join(dir, 'index.html');
  const page = fs.readFileSync(html, 'utf8');
  assert.ok(page.includes(`data-manifest-sha256="${sha256(before)}"`));
  fs.writeFileSync(html, page.replaceAll(sha256(before), sha256(after)));
}, async (own) => {
  const { page } = await watchedPage(own);
  await noteWhenSet(page, 'map', 'answers');
  await page.goto(own.url(''));
  assert.ok(await page.evaluate(() => 'map' in (window.__setAt || {})), 'the copy\'s map read the files and answered before the app took its place');
  // Every file asked for has arrived: a second read of the file would have listed its problem again.
  await settled(page);
  await page.waitForSelector('.problems-panel');
  const listed = await page.$$eval('.problem-list li', (lis) => lis.map((li) => li.textContent));
  const named = listed.filter((t) => t.includes('values/2026-10.json'));
  assert.equal(named.length, 1, `the file's one problem, listed once: ${listed.join(' | ')}`);
  assert.match(named[0], /no-such-flag/, named[0]);
  // The file's figures are still shown: the map is drawn from it.
  assert.ok(await page.locator('#app .tile-grid .tile[data-district], #app .geo-map .shape[data-district]').count() >= 50);
  await page.close();
}));

test('the loader, the app\'s JS and its wasm are asked for by first.js while the stylesheet is on its way, each once: the loader\'s checked fetch and import are served from those requests', async () => {
  const html = fs.readFileSync(path.join(ROOT, 'dist/index.html'), 'utf8');
  const head = html.slice(0, html.indexOf('</head>'));
  // Nothing in the HTML asks for them beside the stylesheet: first.js's script only names them.
  assert.ok(!/<link[^>]*(_bg\.wasm|samiksha-[0-9a-f]{12,16}\.js)/.test(head), 'no link in <head> asks for the wasm or the JS');
  assert.ok(!/<script[^>]*src="[^"]*boot\.js"/.test(head), 'no script tag loads boot.js');
  const names = head.match(/<script src="first\.js"[^>]*data-boot="\.\/(boot\.js)" data-boot-integrity="sha384-[^"]+" data-js="\.\/(samiksha-[0-9a-f]{12,16}\.js)" data-js-integrity="sha384-[^"]+" data-wasm="\.\/(samiksha-[0-9a-f]{12,16}_bg\.wasm)" data-wasm-integrity="sha384-[^"]+"/);
  assert.ok(names, 'first.js\'s script names boot.js, the JS and the wasm, each with its hash');
  const files = names.slice(1);
  // Each hash is the built file's.
  for (const [attr, file] of [['boot', files[0]], ['js', files[1]], ['wasm', files[2]]]) {
    assert.equal(head.match(new RegExp(`data-${attr}-integrity="([^"]+)"`))[1], `sha384-${crypto.createHash('sha384').update(fs.readFileSync(path.join(ROOT, 'dist', file))).digest('base64')}`, `${file}'s pin`);
  }
  const style = head.match(/<link rel="stylesheet" href="\.\/(style-[0-9a-f]{12,16}\.css)"/)[1];
  assert.ok(head.indexOf('<script src="first.js"') < head.indexOf(style), 'first.js stands before the stylesheet');
  const { page, trouble } = await watchedPage(env);
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  // The stylesheet held back a second, as a slow line would: first.js does not wait for it.
  await page.route(`**/${style}`, async (route) => {
    await new Promise((later) => setTimeout(later, 1000));
    await route.continue();
  });
  const asked = [];
  page.on('request', (r) => { const name = new URL(r.url()).pathname.split('/').pop(); if (files.includes(name)) asked.push(name); });
  await page.goto(env.url('?view=map&lang=en'));
  await settled(page);
  assert.deepEqual([...asked].sort(), [...files].sort(), 'one request for each');
  const timing = await page.evaluate((all) => Object.fromEntries(all.map((name) => {
    const e = performance.getEntriesByType('resource').find((r) => new URL(r.name).pathname.endsWith(`/${name}`));
    return [name, e && { start: e.startTime, end: e.responseEnd, by: e.initiatorType }];
  })), [style, ...files]);
  for (const name of files) {
    assert.ok(timing[name].start < timing[style].end - 500, `${name} asked for while style.css was on its way (${timing[name].start} < ${timing[style].end} − 500)`);
  }
  assert.equal(timing[files[0]].by, 'script', 'boot.js: loaded by the script first.js inserted');
  // The JS: its one request above is what shows the import was served from the modulepreload.
  assert.equal(timing[files[2]].by, 'link', 'the wasm: asked for by first.js\'s preload link, which boot.js\'s fetch then used');
  assert.deepEqual(trouble.consoleErrors, []);
});

test('the server compresses like a real host: brotli or gzip by Accept-Encoding, the same bytes once decoded', async () => {
  const wasm = fs.readdirSync(path.join(ROOT, 'dist')).find((f) => f.endsWith('_bg.wasm'));
  for (const file of ['', wasm, 'data/sample/manifest.json']) {
    const stored = fs.readFileSync(path.join(ROOT, 'dist', file || 'index.html'));
    const br = await fetch(env.url(file), { headers: { 'accept-encoding': 'br' } });
    assert.equal(br.headers.get('content-encoding'), 'br');
    // fetch decodes it; the length header is what was sent.
    assert.ok(Number(br.headers.get('content-length')) < stored.length / 2, `${file || 'index.html'} is sent compressed`);
    assert.deepEqual(Buffer.from(await br.arrayBuffer()), stored);
    const gz = await fetch(env.url(file), { headers: { 'accept-encoding': 'gzip' } });
    assert.equal(gz.headers.get('content-encoding'), 'gzip');
    assert.deepEqual(Buffer.from(await gz.arrayBuffer()), stored);
    const plain = await fetch(env.url(file), { headers: { 'accept-encoding': 'identity' } });
    assert.equal(plain.headers.get('content-encoding'), null);
    assert.equal(Number(plain.headers.get('content-length')), stored.length);
  }
});
