// End-to-end checks of the rankings page: composite, table tools, explanation, CSV download.
import { before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { test, start, stop, watchedPage } from './harness.mjs';

let env;
before(async () => { env = await start(); });
after(async () => { await stop(env); });

const rows = (page) => page.$$eval('table.ranking-table tbody tr[data-rank]', (rs) => rs.map((r) => [r.dataset.district, Number(r.dataset.rank)]));

test('the composite ranks districts and explains the selected one', async () => {
  const { page, trouble } = await watchedPage(env);
  await page.goto(env.url('?view=rankings&indicator=composite&period=2026-01&district=bhind&lang=en'));
  await page.waitForSelector('table.ranking-table tbody tr[data-rank]');
  const r = await rows(page);
  assert.equal(r[0][1], 1);
  for (let i = 1; i < r.length; i++) assert.ok(r[i][1] >= r[i - 1][1], 'ranks ascend');
  const panel = await page.textContent('.explain-panel');
  assert.match(panel, /Bhind/);
  assert.match(panel, /Overall score = \(.+\) ÷ [\d.]+ = [\d.]+; rank\s\d+\sof\s\d+\./);
  // The sample weighs every department the same, so no comparison of weightings is shown.
  assert.equal(await page.locator('.sensitivity').count(), 0);
  assert.deepEqual(trouble.consoleErrors, []);
  await page.close();
});

test('search, division filter and sorting change the rows shown, not the ranks', async () => {
  const { page } = await watchedPage(env);
  await page.goto(env.url('?view=rankings&indicator=public-awareness&period=2026-01&lang=en'));
  await page.waitForSelector('table.ranking-table tbody tr[data-rank]');
  const all = await rows(page);
  await page.fill('input[name=q]', 'bh');
  await page.waitForFunction(() => document.querySelectorAll('table.ranking-table tbody tr').length < 10);
  const found = await rows(page);
  assert.deepEqual(found.map((x) => x[0]).sort(), ['bhind', 'bhopal']);
  for (const [d, rank] of found) assert.equal(rank, all.find((x) => x[0] === d)[1]);
  // Hindi names match too, whatever the interface language.
  await page.fill('input[name=q]', 'भिंड');
  await page.waitForFunction(() => document.querySelectorAll('table.ranking-table tbody tr').length === 1);
  await page.fill('input[name=q]', '');
  await page.selectOption('select[name=division]', 'chambal');
  await page.waitForFunction(() => document.querySelectorAll('table.ranking-table tbody tr').length === 3);
  assert.deepEqual((await rows(page)).map((x) => x[0]).sort(), ['bhind', 'morena', 'sheopur']);
  await page.selectOption('select[name=division]', '');
  // The table starts in rank order; one click on Rank reverses it.
  assert.equal(await page.getAttribute('th[aria-sort]', 'aria-sort'), 'ascending');
  await page.click('th button.sort:has-text("Rank")');
  await page.waitForFunction(() => document.querySelector('table.ranking-table tbody tr').dataset.district === 'bhind');
  assert.equal(await page.getAttribute('th[aria-sort]', 'aria-sort'), 'descending');
  // Search, filter and sort are part of the link: a reload shows the same rows in the same order.
  await page.selectOption('select[name=division]', 'chambal');
  await page.fill('input[name=q]', 'o');
  await page.waitForFunction(() => document.querySelectorAll('table.ranking-table tbody tr').length === 2);
  assert.match(page.url(), /sort=rank-desc/);
  assert.match(page.url(), /q=o/);
  assert.match(page.url(), /division=chambal/);
  const before = await rows(page);
  await page.reload();
  await page.waitForSelector('table.ranking-table tbody tr[data-rank]');
  assert.deepEqual(await rows(page), before);
  assert.equal(await page.inputValue('input[name=q]'), 'o');
  await page.close();
});

test('the table downloads as UTF-8 CSV with Hindi names, title, source and as-of date', async () => {
  const { page } = await watchedPage(env);
  await page.goto(env.url('?view=rankings&indicator=public-awareness&period=2026-01&lang=hi'));
  await page.waitForSelector('table.ranking-table tbody tr[data-rank]');
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('button.download')]);
  assert.equal(download.suggestedFilename(), 'samiksha-public-awareness-2026-01-hi.csv');
  const text = fs.readFileSync(await download.path(), 'utf8');
  assert.ok(text.startsWith('\ufeff'), 'byte-order mark for Excel');
  const lines = text.replace(/^\ufeff/, '').split('\r\n');
  assert.match(lines[0], /जन जागरूकता स्कोर · जनवरी 2026/);
  assert.match(lines[1], /^"?स्रोत: .*डेटा की तिथि: 20 नवंबर 2026/);
  assert.match(lines[2], /^रैंक,ज़िला,संभाग/);
  assert.match(lines[3], /^1,टीकमगढ़,सागर,/);
  assert.equal(lines.filter((l) => /^\d/.test(l)).length, await page.locator('table.ranking-table tbody tr').count());
  await page.close();
});

test('improvement since an earlier period is ranked and kept in the URL', async () => {
  const { page } = await watchedPage(env);
  await page.goto(env.url('?view=rankings&indicator=mutation-pending&period=2026-01&lang=en'));
  await page.waitForSelector('select[name=compare]');
  await page.selectOption('select[name=compare]', '2025-01');
  await page.waitForSelector('table.improvement-table tbody tr[data-rank]');
  assert.match(page.url(), /compare=2025-01/);
  const gains = await page.$$eval('table.improvement-table tbody tr', (rs) => rs.map((r) => Number(r.cells[4].textContent.replace('+', '').replace('−', '-'))));
  for (let i = 1; i < gains.length; i++) assert.ok(gains[i] <= gains[i - 1], 'largest improvement first');
  await page.close();
});
