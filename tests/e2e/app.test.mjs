// End-to-end: the release build served from a sub-path, in headless Chromium.
import { before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test, start, stop, watchedPage, ready, ROOT, settled } from './harness.mjs';

let env;
before(async () => { env = await start(); });
after(async () => { await stop(env); });

function assertClean(trouble) {
  assert.deepEqual(trouble.consoleErrors, [], 'console errors');
  assert.deepEqual(trouble.failedRequests, [], 'failed requests');
  assert.deepEqual(trouble.foreignRequests, [], 'requests to other hosts');
}

test('loads from a sub-path in Hindi, switches to English, follows a deep link', async () => {
  const { page, trouble } = await watchedPage(env);
  await page.goto(env.url());
  await ready(page);
  assert.equal(await page.getAttribute('html', 'lang'), 'hi');
  assert.match(await page.textContent('h1'), /मध्यप्रदेश ज़िला समीक्षा/);

  await page.click('a.lang-switch');
  await page.waitForFunction(() => document.documentElement.lang === 'en');
  await page.waitForFunction(() => /Madhya Pradesh district review/.test(document.querySelector('h1').textContent));
  assert.match(page.url(), /lang=en/);
  assert.match(page.url(), /\/transparency\/samiksha\/\?/);

  // A deep link restores exactly that view, also after a reload.
  const deep = '?view=rankings&indicator=mutation-pending&period=2026-01&lang=en';
  await page.goto(env.url(deep));
  await page.waitForSelector('table tbody tr[data-rank]');
  for (let i = 0; i < 2; i++) {
    assert.match(await page.textContent('main h2'), /Mutation cases pending past the time limit · January 2026/);
    assert.equal(await page.inputValue('select[name=indicator]'), 'mutation-pending');
    assert.equal(await page.inputValue('select[name=period]'), '2026-01');
    const worst = await page.$$eval('table tbody tr[data-rank]', (rows) => rows.slice(-2).map((r) => r.dataset.district));
    assert.deepEqual(worst, ['bhind', 'morena']);
    await page.reload();
    await page.waitForSelector('table tbody tr[data-rank]');
  }
  assertClean(trouble);
  await page.close();
});

test('rankings deep link shows the published top and bottom three', async () => {
  const { page, trouble } = await watchedPage(env);
  await page.goto(env.url('?view=rankings&indicator=public-awareness&period=2026-01'));
  await page.waitForSelector('table tbody tr[data-rank]');
  const rows = await page.$$eval('table tbody tr[data-rank]', (rs) => rs.map((r) => [r.dataset.district, Number(r.dataset.rank)]));
  assert.deepEqual(rows.slice(0, 3), [['tikamgarh', 1], ['dhar', 2], ['singrauli', 3]]);
  assert.deepEqual(rows.slice(-3).map((r) => r[0]), ['panna', 'morena', 'bhind']);
  assertClean(trouble);
  await page.close();
});

test('navigation adds history entries and Back returns to the previous view', async () => {
  const { page, trouble } = await watchedPage(env);
  await page.goto(env.url('?view=map&lang=en'));
  await ready(page);
  await page.click('nav.main-nav a[href*="view=rankings"]');
  await page.waitForSelector('table tbody tr[data-rank]');
  assert.match(page.url(), /view=rankings/);
  await page.click('nav.main-nav a[href*="view=about"]');
  await page.waitForSelector('.about-view h2');
  await page.goBack();
  await page.waitForSelector('table tbody tr[data-rank]');
  assert.match(page.url(), /view=rankings/);
  assert.equal(await page.getAttribute('nav.main-nav a[aria-current=page]', 'href').then((h) => h.includes('view=rankings')), true);
  assertClean(trouble);
  await page.close();
});

test('the tile map has all 55 districts, reachable by keyboard, and Enter opens a profile', async () => {
  const { page, trouble } = await watchedPage(env);
  await page.goto(env.url('?view=map&indicator=public-awareness&period=2026-01&lang=en'));
  await page.waitForSelector('.map-tools');
  // At tablet width the geographic map is the default when a boundary file exists.
  if (await page.locator('.segmented button:has-text("Equal squares"):not([disabled])').count()) {
    await page.click('.segmented button:has-text("Equal squares")');
  }
  await page.waitForSelector('.tile-grid a.tile');
  assert.equal(await page.locator('.tile-grid a.tile[data-district]').count(), 55);
  assert.ok((await page.getAttribute('.tile-grid[role=group]', 'aria-label')).length > 10);
  // Tab on from the finder (below the map): past the page's last links and round to the top,
  // focus reaches a district tile. Counted today: 21 stops; the bound leaves room for a link
  // or two more, not for a trap.
  await page.focus('input[name=find]');
  let focused;
  for (let i = 0; i < 30 && !focused; i++) {
    await page.keyboard.press('Tab');
    focused = await page.evaluate(() => document.activeElement?.dataset?.district);
  }
  assert.ok(focused, 'a district tile takes focus');
  await page.keyboard.press('Enter');
  await page.waitForSelector('.district-view h2[data-district]');
  assert.match(page.url(), new RegExp(`view=district.*district=${focused}`));
  assert.equal(await page.locator('.scorecard tbody tr[data-indicator]').count(), 32);
  assertClean(trouble);
  await page.close();
});

test('a broken manifest shows what failed instead of a blank page', async () => {
  const { page, trouble } = await watchedPage(env);
  await page.route('**/data/sample/manifest.json', (route) => route.fulfill({ status: 200, contentType: 'application/json', body: '{"format": "samiksha/1", "title": ' }));
  await page.goto(env.url('?lang=en'));
  await page.waitForSelector('.load-failed');
  const text = await page.textContent('.load-failed');
  assert.match(text, /could not be loaded/);
  assert.match(text, /manifest\.json/);
  assert.match(text, /not valid JSON/);
  assert.deepEqual(trouble.consoleErrors, []);
  await page.close();
});

test('a broken value file is reported by name while everything else still shows', async () => {
  const { page, trouble } = await watchedPage(env);
  await page.route('**/data/sample/values/2025-12.json', (route) => route.fulfill({ status: 200, contentType: 'application/json', body: '\u0000garbage' }));
  await page.goto(env.url('?view=rankings&indicator=public-awareness&period=2026-01&lang=en'));
  await page.waitForSelector('table tbody tr[data-rank]');
  await page.waitForSelector('.problems-panel');
  await page.click('.problems-panel summary');
  const text = await page.textContent('.problems-panel');
  assert.match(text, /values\/2025-12\.json/);
  assert.match(text, /not valid JSON/);
  // January's ranking is intact; only "change since" lacks its previous period.
  assert.equal(await page.locator('table tbody tr[data-rank]').count() >= 50, true);
  assert.deepEqual(trouble.consoleErrors, []);
  await page.close();
});

test('no page of the app has serious accessibility violations (axe-core)', async () => {
  const axe = fs.readFileSync(path.join(ROOT, 'node_modules/axe-core/axe.min.js'), 'utf8');
  const { page } = await watchedPage(env);
  for (const lang of ['hi', 'en']) {
    for (const view of ['map', 'rankings', 'charts', 'district', 'brief', 'pack', 'about']) {
      await page.goto(env.url(`?view=${view}&district=mauganj&lang=${lang}`));
      await settled(page);
      // Evaluated through the debugging protocol: a <script> element would break the page's CSP.
      await page.evaluate(axe);
      const result = await page.evaluate(async () => await window.axe.run(document, { resultTypes: ['violations'] }));
      const serious = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
        .map((v) => `${v.id}: ${v.help} (${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')})`);
      assert.deepEqual(serious, [], `${view} in ${lang}`);
    }
  }
  await page.close();
});
