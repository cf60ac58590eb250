// End-to-end on a phone (390×844, touch) and the public page's sharing, embedding, time
// control, methods and keyboard paths.
import { before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test, start, stop, watchedPage, ready, ROOT, settled, noteWhenSet } from './harness.mjs';

let env;
before(async () => { env = await start(); });
after(async () => { await stop(env); });

const PHONE = { viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true };
// Every view, and the kinds of map and chart a phone can show.
const VIEWS = [
  'view=map', 'view=map&map=geo', 'view=map&indicator=composite', 'view=rankings', 'view=rankings&indicator=composite&compare=2025-10',
  'view=charts', 'view=charts&chart=trend&district=mauganj', 'view=charts&chart=divisions', 'view=charts&chart=scatter',
  'view=district&district=mauganj', 'view=district&district=rewa&with=mauganj', 'view=brief&indicator=mutation-pending', 'view=brief&indicator=composite',
  'view=pack&points=mutation-pending,public-awareness', 'view=about', 'view=methods',
  // The real NFHS dataset: long indicator names, the other-datasets line, the downloads.
  'data=nfhs-mp&view=map', 'data=nfhs-mp&view=rankings&indicator=stunting', 'data=nfhs-mp&view=about',
];

/** What a phone reader would trip on: a page wider than the screen, district names drawn
 * smaller than 12 px (map labels, tile labels, chart text), as rendered. */
async function phoneTrouble(page) {
  return page.evaluate(() => {
    const de = document.documentElement;
    const problems = [];
    if (de.scrollWidth > de.clientWidth) problems.push(`the page scrolls sideways: ${de.scrollWidth} > ${de.clientWidth}`);
    // No element reaches past the screen's edge unless a scrolling box holds it.
    for (const el of document.body.querySelectorAll('*')) {
      const b = el.getBoundingClientRect();
      if (!b.width || b.right <= de.clientWidth + 1) continue;
      let p = el.parentElement; let held = false;
      while (p) { if (['auto', 'scroll', 'hidden'].includes(getComputedStyle(p).overflowX)) { held = true; break; } p = p.parentElement; }
      if (!held) { problems.push(`${el.tagName.toLowerCase()}.${el.getAttribute('class')} ends at ${Math.round(b.right)}`); break; }
    }
    // A name shown on a square is shown whole.
    for (const t of document.querySelectorAll('.tile-name')) {
      if (getComputedStyle(t).display !== 'none' && t.scrollWidth > t.clientWidth + 1) { problems.push(`"${t.textContent}" is cut off on its square`); break; }
    }
    for (const t of document.querySelectorAll('.shape-label, .tile-name, .tile-rank, svg.chart text')) {
      const b = t.getBoundingClientRect();
      if (!b.height || getComputedStyle(t).display === 'none') continue;
      let px = parseFloat(getComputedStyle(t).fontSize);
      if (t instanceof SVGElement) { const m = t.getScreenCTM(); px *= m ? Math.hypot(m.a, m.b) : 1; }
      if (px < 11.95) { problems.push(`"${t.textContent}" drawn at ${px.toFixed(1)} px`); break; }
    }
    return problems;
  });
}

test('on a phone every view fits the screen, labels are at least 12 px, and axe finds nothing, in both languages', async () => {
  const axe = fs.readFileSync(path.join(ROOT, 'node_modules/axe-core/axe.min.js'), 'utf8');
  const { page, trouble } = await watchedPage(env, PHONE);
  let labelled = 0;
  // Every view is looked at before the test fails, so one run lists every problem.
  const failures = [];
  for (const lang of ['hi', 'en']) {
    for (const q of VIEWS) {
      await page.goto(env.url(`?${q}&lang=${lang}`));
      // Values, the boundary file and any chart in place, and the labels placed.
      await settled(page);
      for (const p of await phoneTrouble(page)) failures.push(`${q} in ${lang}: ${p}`);
      labelled += await page.locator('.shape-label').count();
      await page.evaluate(axe);
      const result = await page.evaluate(async () => await window.axe.run(document, { resultTypes: ['violations'] }));
      const found = result.violations.map((v) => `${v.id} (${v.impact}): ${v.help} (${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')})`);
      for (const f of found) failures.push(`${q} in ${lang}: ${f}`);
    }
  }
  assert.deepEqual(failures, []);
  // The geographic maps were labelled (fewer names, not none).
  assert.ok(labelled > 30, `${labelled} names on the geographic maps`);
  assert.deepEqual(trouble.consoleErrors, []);
  await page.close();
});

test('on a phone the map and its legend are above the fold', async () => {
  const { page } = await watchedPage(env, PHONE);
  for (const lang of ['hi', 'en']) {
    for (const map of ['tiles', 'geo']) {
      await page.goto(env.url(`?view=map&map=${map}&indicator=mutation-pending&lang=${lang}`));
      await page.waitForSelector(map === 'geo' ? '.geo-map .shape path[fill^="#"]' : '.tile-grid a.tile');
      const box = await page.evaluate(() => {
        const m = document.querySelector('.geo-map, .tile-grid').getBoundingClientRect();
        const l = document.querySelector('.map-figure figcaption').getBoundingClientRect();
        return { mapTop: m.top, mapBottom: m.bottom, mapWidth: m.width, legendTop: l.top };
      });
      assert.ok(box.mapBottom <= 844, `${map} in ${lang}: the map ends at ${box.mapBottom}`);
      assert.ok(box.mapWidth >= 340, `${map} in ${lang}: the map is ${box.mapWidth} px wide`);
      assert.ok(box.legendTop < 844, `${map} in ${lang}: the legend starts at ${box.legendTop}`);
    }
  }
  await page.close();
});

test('a phone\'s map opens on the squares without the boundary file and asks for it once shown; a map that opens geographic has it before', async () => {
  const WIDE = { viewport: { width: 1024, height: 768 } };
  // [screen, address, whether the map opens on the geographic drawing]; a repeated key counts
  // by its last value, in first.js's preload as in the app.
  for (const [options, query, geoFirst] of [[PHONE, '', false], [WIDE, '', true], [PHONE, '&map=geo', true], [WIDE, '&map=tiles', false], [WIDE, '&map=geo&map=tiles', false]]) {
    const { page, trouble } = await watchedPage(env, options);
    // When the page was marked ready, and when the boundary file was asked for, both on the
    // page's own clock.
    await noteWhenSet(page, 'app', 'ready');
    const asked = () => page.evaluate(() => performance.getEntriesByType('resource').filter((e) => e.name.endsWith('/boundaries.json')).map((e) => e.startTime - window.__setAt.app));
    await page.goto(env.url(`?view=map&lang=en${query}`));
    await page.waitForFunction(() => window.__setAt?.app);
    const what = `${options.viewport.width} px${query}`;
    if (geoFirst) {
      const before = await asked();
      assert.ok(before.length === 1 && before[0] < 0, `${what}: the boundary file is asked for before the page is ready: ${before}`);
      assert.ok(await page.locator('main .geo-map g.shape').count() > 50, `${what}: the map opens geographic`);
    } else {
      assert.ok(await page.locator('main .tile-grid a.tile').count() > 50, `${what}: the map opens on the squares`);
      // Asked for once the squares are shown (first.js did not ask early), and only then.
      await page.waitForFunction(() => performance.getEntriesByType('resource').some((e) => e.name.endsWith('/boundaries.json')));
      const after = await asked();
      assert.ok(after.length === 1 && after[0] >= 0, `${what}: asked for once, after the squares were shown: ${after}`);
      // A square's accessible name says what it shows (name, rank), then its whole sentence.
      const square = page.locator('main .tile-grid a.tile[data-district=bhopal]');
      const [label, sentence, rank] = [await square.getAttribute('aria-label'), await square.getAttribute('title'), await square.locator('.tile-rank').innerText()];
      assert.equal(label, `Bhopal ${rank} — ${sentence}`);
      assert.match(sentence, /^Bhopal: .*rank\s\d+\sof\s\d+/);
      // The geographic map's button (the first of the two) shows it, with no second request.
      await page.locator('main .map-tools fieldset.segmented button').first().click();
      await page.locator('main .geo-map g.shape').first().waitFor();
      assert.equal((await asked()).length, 1, `${what}: not asked for again`);
    }
    assert.deepEqual(trouble.consoleErrors, []);
    await page.close();
  }
});

test('the 700 px rule agrees everywhere it is written: at 699 px the copy, first.js and the app all take the squares, at 700 px the geographic map', async () => {
  for (const [width, geographic] of [[699, false], [700, true]]) {
    const { page, trouble } = await watchedPage(env, { viewport: { width, height: 900 } });
    await page.addInitScript(() => {
      new MutationObserver(() => { if (document.documentElement?.dataset.app === 'ready' && !window.__readyAt) window.__readyAt = performance.now(); })
        .observe(document, { subtree: true, attributes: true, attributeFilter: ['data-app'] });
      // Which pre-rendered copy the stylesheet shows, read once the document is parsed and the
      // stylesheet is in (first.js stands before it, so parsing can end first), before the app
      // can take the copy's place.
      let parsed = false;
      let styled = false;
      const read = () => {
        if (!parsed || !styled || window.__copy) return;
        window.__copy = [...document.querySelectorAll('#first-view > div')].filter((d) => getComputedStyle(d).display !== 'none').map((d) => d.className);
      };
      document.addEventListener('DOMContentLoaded', () => { parsed = true; read(); });
      // A stylesheet's load does not bubble; a listener on the way down sees it.
      document.addEventListener('load', (event) => {
        if (event.target.matches?.('link[rel=stylesheet][href*="style-"]')) { styled = true; read(); }
      }, true);
    });
    // An address the copy stands for (the default language).
    await page.goto(env.url('?view=map'));
    // The pre-rendered copy the stylesheet shows at this width (style.css's media queries).
    const copy = await page.evaluate(() => window.__copy);
    assert.deepEqual(copy, [geographic ? 'fv-wide' : 'fv-narrow'], `${width} px: the copy shown`);
    await page.waitForFunction(() => window.__readyAt);
    // first.js's preload and the app's own request: before the page is ready only where the
    // map opens geographic.
    const early = await page.evaluate(() => performance.getEntriesByType('resource').some((e) => e.name.endsWith('/boundaries.json') && e.startTime < window.__readyAt));
    assert.equal(early, geographic, `${width} px: the boundary file asked for before ready`);
    if (geographic) {
      const by = await page.evaluate(() => performance.getEntriesByType('resource').find((e) => e.name.endsWith('/boundaries.json')).initiatorType);
      assert.equal(by, 'link', `${width} px: asked for early by first.js's preload`);
    }
    // The app's own drawing (`default_map_kind`).
    assert.equal(await page.locator('main .geo-map g.shape').count() > 50, geographic, `${width} px: the app opens geographic`);
    assert.equal(await page.locator('main .tile-grid a.tile').count() > 50, !geographic, `${width} px: the app opens on the squares`);
    assert.deepEqual(trouble.consoleErrors, []);
    await page.close();
  }
});

test('on a tablet the squares carry the names that fit, whole, and a phone shows ranks only', async () => {
  for (const [width, height, least] of [[1024, 768, 30], [768, 1024, 20], [390, 844, 0]]) {
    const { page } = await watchedPage(env, { viewport: { width, height }, hasTouch: true });
    for (const lang of ['hi', 'en']) {
      await page.goto(env.url(`?view=map&map=tiles&indicator=mutation-pending&lang=${lang}`));
      await page.waitForSelector('.tile-grid a.tile');
      const { shown, cut } = await page.evaluate(() => {
        const names = [...document.querySelectorAll('.tile-name')].filter((t) => getComputedStyle(t).display !== 'none');
        return { shown: names.length, cut: names.filter((t) => t.scrollWidth > t.clientWidth + 1).map((t) => t.textContent) };
      });
      assert.deepEqual(cut, [], `${width} px, ${lang}: names cut off`);
      assert.ok(shown >= least, `${width} px, ${lang}: ${shown} names shown`);
      // Every square shows its rank.
      assert.equal(await page.locator('.tile-rank:visible').count(), 55);
    }
    await page.close();
  }
});

test('the document title names the view, the indicator, the period and the district, in the reader\'s language', async () => {
  const { page } = await watchedPage(env);
  const cases = [
    ['?view=map&indicator=public-awareness&period=2026-01&lang=en', /^Map · Public awareness[^·]* · January 2026 — .+ · Samiksha$/],
    ['?view=rankings&indicator=composite&period=2026-01&district=rewa&lang=en', /^Rankings · Composite index[^·]* · January 2026 · Rewa — /],
    ['?view=charts&indicator=public-awareness&period=2026-01&lang=hi', /^चार्ट · .+ · जनवरी 2026 — .+ · समीक्षा$/],
    ['?view=district&district=mauganj&period=2026-01&lang=hi', /^ज़िले · मऊगंज · जनवरी 2026 — /],
    ['?view=about&lang=en', /^About the data — /],
    ['?view=methods&lang=hi', /^विधि — /],
  ];
  for (const [q, expected] of cases) {
    await page.goto(env.url(q));
    await ready(page);
    await page.waitForFunction((re) => new RegExp(re).test(document.title), expected.source, { timeout: 10000 }).catch(() => {});
    assert.match(await page.title(), expected, q);
  }
  // Choosing another period changes the title with the URL.
  await page.goto(env.url('?view=map&indicator=public-awareness&period=2026-01&lang=en'));
  await page.waitForSelector('.tile-grid a.tile, .geo-map .shape');
  await page.selectOption('select[name=period]', '2025-10');
  await page.waitForFunction(() => document.title.includes('October 2025'));
  await page.close();
});

test('Share copies the link and says so; where the clipboard is refused the link is shown to copy', async () => {
  const context = await env.browser.newContext({ viewport: { width: 1024, height: 768 }, serviceWorkers: 'block' });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: env.origin });
  const page = await context.newPage();
  await page.goto(env.url('?view=rankings&indicator=public-awareness&period=2026-01&lang=en'));
  await ready(page);
  // Headless Chromium on Linux has no share sheet: the fallback is what runs.
  assert.equal(await page.evaluate(() => typeof navigator.share), 'undefined');
  await page.click('.share-bar button.share');
  await page.waitForSelector('.share-status:text("Link copied")');
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  assert.equal(copied, page.url());
  assert.match(copied, /view=rankings&indicator=public-awareness&period=2026-01/);
  // A new view is a new link: the confirmation goes.
  await page.selectOption('select[name=period]', '2025-10');
  await page.waitForFunction(() => !document.querySelector('.share-status')?.textContent);
  await context.close();

  const refused = await env.browser.newContext({ viewport: { width: 1024, height: 768 }, serviceWorkers: 'block' });
  const page2 = await refused.newPage();
  await page2.addInitScript(() => { Object.defineProperty(navigator, 'clipboard', { value: { writeText: () => Promise.reject(new Error('denied')) } }); });
  await page2.goto(env.url('?view=map&indicator=public-awareness&period=2026-01&lang=hi'));
  await ready(page2);
  await page2.click('.share-bar button.share');
  const field = page2.locator('.copy-by-hand input');
  await field.waitFor();
  assert.equal(await field.inputValue(), page2.url());
  assert.match(await page2.textContent('.copy-by-hand'), /यह लिंक कॉपी करें/);
  await refused.close();
});

test('Embed gives an iframe of the current view, and the embedded view keeps the source, the date and a link to the full page', async () => {
  const { page, trouble } = await watchedPage(env);
  await page.goto(env.url('?view=rankings&indicator=public-awareness&period=2026-01&lang=en'));
  await ready(page);
  await page.click('.share-bar button.embed');
  const code = await page.inputValue('#embed-code');
  const src = code.match(/<iframe src="([^"]+)" title="([^"]+)"/);
  assert.ok(src, code);
  const embedded = src[1].replace(/&amp;/g, '&');
  assert.match(embedded, /view=rankings&indicator=public-awareness&period=2026-01&embed=1&lang=en$/);
  assert.match(src[2], /^Rankings · Public awareness/);

  await page.goto(embedded);
  await page.waitForSelector('table.ranking-table tbody tr');
  for (const gone of ['.site-header', '.main-nav', '.site-footer', '.share-bar']) assert.equal(await page.locator(gone).count(), 0, gone);
  const footer = await page.textContent('.embed-footer');
  assert.match(footer, /Source: .+/);
  assert.match(footer, /Data as of .*20\d\d/);
  const full = await page.getAttribute('.embed-footer a', 'href');
  assert.equal(full, '?view=rankings&indicator=public-awareness&period=2026-01&lang=en');
  assert.equal(await page.getAttribute('.embed-footer a', 'target'), '_blank');
  // Choices made inside the embed stay embedded.
  await page.selectOption('select[name=period]', '2025-10');
  await page.waitForFunction(() => location.search.includes('period=2025-10') && location.search.includes('embed=1'));
  assert.deepEqual(trouble.consoleErrors, []);
  await page.close();
});

test('the embed code works on a page of a site the host lets embed it', async () => {
  // The host has set `frame-ancestors` as docs/hosting.md says for embedding.
  const host = await start(undefined, { frameAncestors: "'self'" });
  try {
    const { page, trouble } = await watchedPage(host);
    await page.goto(host.url('?view=map&map=tiles&indicator=mutation-pending&period=2026-01&lang=hi'));
    await page.waitForSelector('.tile-grid a.tile');
    await page.click('.share-bar button.embed');
    const code = await page.inputValue('#embed-code');
    // Another page of the site, holding nothing but the pasted code.
    await page.goto(host.url('?view=about&lang=hi'));
    await page.waitForSelector('main h2');
    await page.evaluate((html) => { document.body.innerHTML = html; }, code);
    const frame = page.frameLocator('iframe');
    await frame.locator('.tile-grid a.tile:not(.no-data)').first().waitFor({ timeout: 20000 });
    assert.equal(await frame.locator('.site-header').count(), 0);
    assert.match(await frame.locator('.embed-footer').innerText(), /स्रोत/);
    assert.match(await frame.locator('.embed-footer').innerText(), /केवल उदाहरण/, 'the dataset notice travels with the embed');
    assert.deepEqual(trouble.consoleErrors, []);
  } finally {
    await stop(host);
  }
});

test('the time control steps the period, plays through with fixed colours, and works from the keyboard', async () => {
  const { page } = await watchedPage(env);
  await page.goto(env.url('?view=map&map=tiles&indicator=mutation-pending&period=2026-01&lang=en'));
  await page.waitForSelector('.tile-grid a.tile:not(.no-data)');
  const period = () => new URL(page.url()).searchParams.get('period');
  await page.click('.time-control [data-step=back]');
  await page.waitForFunction(() => new URL(location.href).searchParams.get('period') !== '2026-01');
  const back = period();
  assert.ok(back < '2026-01', back);
  assert.match(await page.textContent('.time-label'), /20\d\d/);
  await page.click('.time-control [data-step=on]');
  await page.waitForFunction(() => new URL(location.href).searchParams.get('period') === '2026-01');
  // Back in history undoes a step.
  await page.goBack();
  await page.waitForFunction((p) => new URL(location.href).searchParams.get('period') === p, back);

  // The slider moves with the arrow keys.
  await page.focus('.time-slider');
  await page.keyboard.press('ArrowLeft');
  await page.waitForFunction((p) => new URL(location.href).searchParams.get('period') < p, back);
  assert.ok(await page.getAttribute('.time-slider', 'aria-valuetext'));

  // Playing fixes the colours over every period and steps on by itself.
  const before = period();
  await page.click('.time-control .time-play');
  await page.waitForFunction(() => new URL(location.href).searchParams.get('scale') === 'all');
  assert.equal(await page.textContent('.time-control .time-play'), 'Pause');
  await page.waitForFunction((p) => new URL(location.href).searchParams.get('period') > p, before, { timeout: 8000 });
  const legend = async () => page.$$eval('.legend li[data-class]:not([data-class=none])', (xs) => xs.map((x) => x.textContent.replace(/\(\d+\)\s*$/, '').trim()));
  const classesNow = await legend();
  await page.waitForFunction((p) => new URL(location.href).searchParams.get('period') > p, period(), { timeout: 8000 });
  assert.deepEqual(await legend(), classesNow, 'the classes stay while playing');
  assert.match(await page.textContent('.legend-note'), /every period/);
  await page.click('.time-control .time-play');
  assert.equal(await page.textContent('.time-control .time-play'), 'Play');

  // The ranked bars have the same control.
  await page.goto(env.url('?view=charts&chart=bars&indicator=mutation-pending&period=2026-01&lang=hi'));
  await page.waitForSelector('svg.chart');
  await page.click('.time-control [data-step=back]');
  await page.waitForFunction(() => new URL(location.href).searchParams.get('period') !== '2026-01');
  await page.close();
});

test('keyboard: a skip link reaches the map; the finder takes part of a name in either script; Explain buttons are named for their district', async () => {
  const { page } = await watchedPage(env);
  await page.goto(env.url('?view=map&map=geo&indicator=mutation-pending&lang=en'));
  await page.waitForSelector('.geo-map .shape path[fill^="#"]');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement.textContent), 'Skip to the map');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Tab');
  assert.ok(await page.evaluate(() => document.activeElement.matches('.geo-map .shape')), 'the next stop is a district');

  for (const [lang, part, slug] of [['en', 'arsingh', 'narsinghpur'], ['hi', 'नरसिं', 'narsinghpur'], ['hi', 'ग्वालि', 'gwalior']]) {
    await page.goto(env.url(`?view=map&map=geo&indicator=mutation-pending&lang=${lang}`));
    await page.waitForSelector('.geo-map .shape path[fill^="#"]');
    await page.fill('input[name=find]', part);
    await page.press('input[name=find]', 'Enter');
    await page.waitForSelector(`.geo-map .shape[data-district=${slug}] path.found`);
  }

  await page.goto(env.url('?view=rankings&indicator=mutation-pending&lang=en'));
  await page.waitForSelector('table.ranking-table tbody tr');
  const names = await page.$$eval('button.explain', (bs) => bs.map((b) => b.getAttribute('aria-label')));
  assert.ok(names.length > 50);
  assert.equal(new Set(names).size, names.length, 'every Explain button has its own name');
  assert.ok(names.every((n) => n.startsWith('Explain ')), names[0]);
  await page.close();
});

test('methods: rendered in both languages, linked from composite figures, and the profile explains its composite rank', async () => {
  const { page, trouble } = await watchedPage(env);
  await page.goto(env.url('?view=district&district=rewa&lang=en'));
  await page.waitForSelector('.composite-rank');
  assert.match(await page.textContent('.district-view'), /The composite rank orders districts by the weighted mean/);
  await page.click('.method-link a');
  await page.waitForSelector('.methods-view h3#composite');
  assert.match(page.url(), /view=methods.*#composite$/);
  assert.match(await page.textContent('.methods-view h2'), /How Samiksha ranks districts/);
  // The worked example's tables are in the page.
  assert.ok(await page.locator('.methods-view table.doc-table').count() >= 2);
  const top = await page.evaluate(() => document.getElementById('composite').getBoundingClientRect().top);
  assert.ok(top < 200, `scrolled to the section (${top})`);
  await page.click('.lang-switch');
  await page.waitForSelector('.methods-view h2:text("समीक्षा ज़िलों को रैंक कैसे देती है")');
  for (const q of ['view=map&indicator=composite', 'view=rankings&indicator=composite', 'view=charts&indicator=composite']) {
    await page.goto(env.url(`?${q}&lang=hi`));
    await page.waitForSelector('.method-link a');
    assert.match(await page.getAttribute('.method-link a', 'href'), /view=methods.*#composite$/);
  }
  await page.goto(env.url('?view=map&indicator=mutation-pending&lang=hi'));
  await ready(page);
  assert.equal(await page.locator('.method-link').count(), 0, 'no composite, no link');
  // A shortened link to a section still opens at the section after the app completes the address.
  await page.goto(env.url('?view=methods#example'));
  await page.waitForSelector('.methods-view h3#example');
  await page.waitForFunction(() => location.search.includes('lang=hi') && location.hash === '#example');
  await page.waitForFunction(() => document.getElementById('example').getBoundingClientRect().top < 200);
  assert.deepEqual(trouble.consoleErrors, []);
  await page.close();
});

test('methods: the methodology is a file beside the app; when it cannot be read the view says so in the reader\'s language, and the rest of the page stays', async () => {
  const { page } = await watchedPage(env);
  await page.route('**/methodology*.md', (route) => route.abort('connectionfailed'));
  await page.goto(env.url('?view=methods&lang=en'));
  const alert = page.locator('.methods-view h2#methods-h[role="alert"]');
  await alert.waitFor({ timeout: 15000 });
  assert.match(await alert.innerText(), /methodology could not be loaded/);
  assert.ok(await page.locator('.site-header').count(), 'the header is still there');
  await page.click('.lang-switch');
  await page.waitForSelector('.methods-view h2#methods-h[role="alert"]:text("विधि लोड नहीं हो सकी")');
  // Once the file can be read, opening the view again shows it.
  await page.unroute('**/methodology*.md');
  await page.goto(env.url('?view=methods&lang=hi'));
  await page.waitForSelector('.methods-view h2:text("समीक्षा ज़िलों को रैंक कैसे देती है")');
  await page.close();
});
