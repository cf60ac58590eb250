// End-to-end checks of the maps with the real boundaries. The sample's boundary file is
// committed (written by `make sample` from ../shared), so every build has it, with or without
// ../shared: these tests never skip.
import { before, after } from 'node:test';
import assert from 'node:assert/strict';
import { test, start, stop, watchedPage, settled } from './harness.mjs';

let env;
before(async () => { env = await start(); });
after(async () => { await stop(env); });

/** Fill of every district on the geographic map, and the legend's counts by swatch colour. */
async function fillsAndLegend(page) {
  return page.evaluate(() => {
    const fills = {};
    for (const g of document.querySelectorAll('.geo-map g.shape')) {
      const fill = g.querySelector('path, circle')?.getAttribute('fill');
      fills[g.dataset.district] = fill;
    }
    const legend = [...document.querySelectorAll('.legend li')].map((li) => {
      const sw = li.querySelector('.swatch');
      const m = li.textContent.match(/\((\d+)\)\s*$/);
      return { colour: sw.classList.contains('no-data') ? 'url(#no-data)' : getComputedStyle(sw).backgroundColor, count: Number(m[1]) };
    });
    return { fills, legend };
  });
}

const hexToRgb = (h) => `rgb(${parseInt(h.slice(1, 3), 16)}, ${parseInt(h.slice(3, 5), 16)}, ${parseInt(h.slice(5, 7), 16)})`;

test('the geographic map has the 52 districts of the boundary file and the 2023 districts within their parents', async () => {
  const { page, trouble } = await watchedPage(env);
  await page.goto(env.url('?view=map&indicator=mutation-pending&period=2026-01&lang=en'));
  await page.waitForSelector('.geo-map g.shape path');
  assert.equal(await page.locator('.geo-map g.shape:not(.within-parent)').count(), 52);
  const within = await page.$$eval('.geo-map g.within-parent', (gs) => Object.fromEntries(gs.map((g) => [g.dataset.district, g.dataset.within])));
  assert.deepEqual(within, { mauganj: 'rewa', maihar: 'satna', pandhurna: 'chhindwara' });
  assert.match(await page.textContent('.within-notes'), /Mauganj: no separate boundary in this map; shown within Rewa/);
  // Every one of the 55 districts is keyboard-focusable with a name that carries value and rank.
  const labels = await page.$$eval('.geo-map g.shape[tabindex="0"]', (gs) => gs.map((g) => g.getAttribute('aria-label')));
  assert.equal(labels.length, 55);
  for (const l of labels) assert.match(l, /: (.*rank\s\d+\sof\s\d+( \(tied\))?|not reported|suppressed)( \(.+: no separate boundary in this map; shown within .+\))?$/);
  assert.equal(await page.getAttribute('.geo-map', 'role'), 'group');
  assert.deepEqual(trouble.consoleErrors, []);
  assert.deepEqual(trouble.foreignRequests, []);
  await page.close();
});

test('colours follow the chosen classification and the legend counts them', async () => {
  const { page } = await watchedPage(env);
  await page.goto(env.url('?view=map&indicator=public-awareness&period=2026-01&lang=en'));
  await page.waitForSelector('.geo-map g.shape path');
  const seen = new Set();
  for (const method of ['quantile', 'equal', 'natural', 'diverging']) {
    await page.selectOption('select[name=method]', method);
    // The classification is part of the link; the URL is rewritten after the map is recoloured.
    await page.waitForURL(new RegExp(`classes=${method}`));
    await settled(page);
    const { fills, legend } = await fillsAndLegend(page);
    assert.equal(legend.reduce((s, x) => s + x.count, 0), 55, method);
    const byColour = {};
    for (const f of Object.values(fills)) { const c = f.startsWith('#') ? hexToRgb(f) : f; byColour[c] = (byColour[c] || 0) + 1; }
    for (const { colour, count } of legend) assert.equal(byColour[colour] || 0, count, `${method}: ${colour}`);
    seen.add(JSON.stringify(fills));
  }
  assert.ok(seen.size >= 3, 'different methods colour differently');
  // A link with map=tiles shows tiles even at tablet width, and keeps its classification.
  await page.goto(env.url('?view=map&indicator=public-awareness&period=2026-01&map=tiles&classes=equal&lang=en'));
  await page.waitForSelector('.tile-grid a.tile');
  assert.equal(await page.inputValue('select[name=method]'), 'equal');
  await page.close();
});

test('keyboard reaches the districts, Enter opens a profile, zoom and finder work', async () => {
  const { page } = await watchedPage(env);
  await page.goto(env.url('?view=map&indicator=public-awareness&period=2026-01&lang=en'));
  await page.waitForSelector('.geo-map g.shape path');
  const before = await page.getAttribute('.geo-map', 'viewBox');
  await page.click('.zoom button:has-text("Chambal")');
  assert.notEqual(await page.getAttribute('.geo-map', 'viewBox'), before);
  await page.fill('input[name=find]', 'Harda');
  await page.dispatchEvent('input[name=find]', 'change');
  await page.waitForSelector('.geo-map path.found');
  assert.equal(await page.$eval('.geo-map path.found', (p) => p.closest('g').dataset.district), 'harda');
  // Keyboard focus (a key pressed last) shows the tooltip; focus a press gave does not.
  await page.keyboard.press('Shift');
  await page.focus('.geo-map g.shape[data-district=bhopal]');
  await page.waitForSelector('.map-tooltip');
  assert.match(await page.textContent('.map-tooltip'), /Bhopal/);
  await page.keyboard.press('Escape');
  await page.waitForSelector('.map-tooltip', { state: 'detached' });
  await page.focus('.geo-map g.shape[data-district=bhopal]');
  await page.keyboard.press('Enter');
  await page.waitForSelector('.district-view h2[data-district=bhopal]');
  await page.close();
});

test('on a touch tablet a tap on a district shows its tooltip and a second tap opens the profile', async () => {
  const { page } = await watchedPage(env, { viewport: { width: 1024, height: 768 }, hasTouch: true, isMobile: true });
  await page.goto(env.url('?view=map&indicator=public-awareness&period=2026-01&lang=en'));
  await settled(page);
  const shape = page.locator('.geo-map g.shape[data-district=harda]');
  const before = page.url();
  // The tap focuses the shape before its click: that focus must not count as a first look.
  await shape.tap();
  await page.waitForSelector('.map-tooltip');
  assert.match(await page.textContent('.map-tooltip'), /Harda/);
  assert.equal(page.url(), before, 'the first tap does not open the profile');
  await shape.tap();
  await page.waitForSelector('.district-view h2[data-district=harda]');
  await page.close();
});

test('the tile map has all 55 districts and is the default on a phone', async () => {
  const { page } = await watchedPage(env, { viewport: { width: 390, height: 844 } });
  await page.goto(env.url('?view=map&indicator=public-awareness&period=2026-01&lang=hi'));
  await page.waitForSelector('.tile-grid a.tile');
  assert.equal(await page.locator('.tile-grid a.tile[data-district]').count(), 55);
  await page.click('.segmented button:has-text("भौगोलिक")');
  await page.waitForSelector('.geo-map g.shape path');
  await page.close();
});

test('a table of the same values is one control away', async () => {
  const { page } = await watchedPage(env);
  await page.goto(env.url('?view=map&indicator=public-awareness&period=2026-01&lang=en'));
  await page.click('.values-table summary');
  // The rows are built when the table opens.
  await page.waitForSelector('.values-table tbody tr');
  const rows = await page.$$eval('.values-table tbody tr', (rs) => rs.map((r) => r.dataset.district));
  assert.equal(rows.length, 55);
  assert.deepEqual(rows.slice(0, 3), ['tikamgarh', 'dhar', 'singrauli']);
  await page.close();
});
