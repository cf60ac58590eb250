// End-to-end checks of the charts and the district profile: profiles open from the map and
// the rankings, the scorecard lists every indicator, charts download as SVG, PNG and CSV.
import { before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { test, start, stop, watchedPage } from './harness.mjs';

let env;
before(async () => { env = await start(); });
after(async () => { await stop(env); });

test('a profile opens from the rankings and its scorecard lists every indicator', async () => {
  const { page, trouble } = await watchedPage(env);
  await page.goto(env.url('?view=rankings&indicator=public-awareness&period=2026-01&lang=en'));
  await page.click('table.ranking-table tbody tr[data-district=rewa] th a');
  await page.waitForSelector('.district-view h2[data-district=rewa]');
  await page.waitForSelector('.scorecard tbody tr[data-indicator] svg.sparkline path');
  assert.equal(await page.locator('.scorecard tbody tr[data-indicator]').count(), 32);
  assert.equal(await page.locator('.strengths li').count(), 5);
  assert.equal(await page.locator('.concerns li').count(), 5);
  assert.match(await page.textContent('.composite-rank'), /Composite rank:\s\d+=?\sof\s\d+/);
  // Compare with a second district: kept in the URL, a second set of columns.
  await page.selectOption('select[name=with]', 'mauganj');
  await page.waitForSelector('.scorecard thead th[data-district=mauganj]');
  assert.match(page.url(), /with=mauganj/);
  assert.deepEqual(trouble.consoleErrors, []);
  await page.close();
});

test('a profile opens from the map, with lineage in both languages', async () => {
  const { page } = await watchedPage(env, { viewport: { width: 390, height: 844 } });
  await page.goto(env.url('?view=map&indicator=public-awareness&period=2026-01&lang=hi'));
  await page.click('.tile-grid a.tile[data-district=mauganj]');
  await page.waitForSelector('.district-view h2[data-district=mauganj]');
  assert.match(await page.textContent('.lineage'), /वर्ष 2023 में रीवा से अलग होकर बना/);
  await page.click('a.lang-switch');
  await page.waitForFunction(() => document.querySelector('.lineage')?.textContent.includes('Carved from Rewa in 2023'));
  await page.close();
});

test('every chart type draws with a summary and a data table', async () => {
  const { page, trouble } = await watchedPage(env);
  await page.goto(env.url('?view=charts&indicator=anc-four-visits&period=2026-01&district=shivpuri&lang=en'));
  await page.waitForSelector('.chart-box svg[role=img]');
  assert.match(await page.textContent('.chart-summary'), /^Highest: .+ \(.+\); lowest: .+ \(.+\); state average .+\.$/);
  const bars = await page.$eval('.chart-box svg', (s) => s.getAttribute('aria-label'));
  assert.match(bars, /Pregnant women with four antenatal check-ups/);
  for (const kind of ['trend', 'divisions', 'scatter']) {
    await page.click(`.chart-kinds button[data-chart=${kind}]`);
    await page.waitForSelector(`.chart-kinds button[data-chart=${kind}][aria-pressed=true]`);
    await page.waitForSelector('.chart-box svg[role=img]');
    assert.ok((await page.textContent('.chart-summary')).length > 10, kind);
    assert.ok(await page.locator('.chart-data tbody tr').count() > 0, kind);
  }
  assert.match(await page.textContent('.chart-summary'), /Correlation across \d+ districts: r = −?\d\.\d\d/);
  // The chart kind and the second indicator are in the link.
  assert.match(page.url(), /chart=scatter/);
  await page.selectOption('select[name=second]', 'tap-connections');
  await page.waitForFunction(() => /second=tap-connections/.test(location.search));
  await page.reload();
  await page.waitForSelector('.chart-kinds button[data-chart=scatter][aria-pressed=true]');
  await page.waitForSelector('select[name=second]');
  assert.equal(await page.$eval('select[name=second]', (s) => s.value), 'tap-connections');
  assert.equal(await page.locator('.chart-box svg circle.dot').count() >= 50, true);
  assert.deepEqual(trouble.consoleErrors, []);
  await page.close();
});

test('a chart downloads as SVG, PNG and CSV with title, source and as-of inside', async () => {
  const { page } = await watchedPage(env);
  await page.goto(env.url('?view=charts&indicator=public-awareness&period=2026-01&lang=hi'));
  await page.waitForSelector('.chart-box svg[role=img]');
  const grab = async (label) => {
    const [d] = await Promise.all([page.waitForEvent('download'), page.click(`.chart-tools button:has-text("${label}")`)]);
    return { name: d.suggestedFilename(), bytes: fs.readFileSync(await d.path()) };
  };
  const svg = await grab('SVG');
  assert.equal(svg.name, 'samiksha-public-awareness-2026-01-bars-hi.svg');
  const text = svg.bytes.toString('utf8');
  assert.match(text, /<title>जन जागरूकता स्कोर · जनवरी 2026<\/title>/);
  // The source line wraps over several lines of text inside the picture: read them together.
  const lines = [...text.matchAll(/<text x="8" y="(\d+)"[^>]*>([^<]*)<\/text>/g)].map((m) => ({ y: Number(m[1]), text: m[2] }));
  const height = Number(text.match(/<svg [^>]*height="(\d+)"/)[1]);
  assert.match(lines.map((l) => l.text).join(' '), /स्रोत: .*डेटा की तिथि: 20 नवंबर 2026/);
  assert.ok(lines.every((l) => l.y < height), 'every line of the title and source is inside the picture');
  const png = await grab('PNG');
  assert.equal(png.name, 'samiksha-public-awareness-2026-01-bars-hi.png');
  assert.deepEqual([...png.bytes.subarray(1, 4)], [0x50, 0x4e, 0x47]);
  assert.ok(png.bytes.length > 10000, 'a real picture, not an empty canvas');
  const csv = await grab('CSV');
  assert.match(csv.bytes.toString('utf8'), /^\ufeffजन जागरूकता स्कोर · जनवरी 2026\r\n/);
  await page.close();
});
