// End-to-end checks of the review's loop on the sample: the follow-up of the January 2026
// conference, the map coloured by pace to the Samagra e-KYC deadline, a note on a trend chart
// and in its SVG, and the "what changed" sentences in both languages. Expected values come
// from the published files and the reports (../shared/context), worked out here independently
// of the app's Rust.
import { before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test, start, stop, watchedPage, ROOT } from './harness.mjs';

let env;
before(async () => { env = await start(); });
after(async () => { await stop(env); });

const DIR = path.join(ROOT, 'public/data/sample');
const manifest = JSON.parse(fs.readFileSync(path.join(DIR, 'manifest.json'), 'utf8'));
const fileOf = (period) => JSON.parse(fs.readFileSync(path.join(DIR, manifest.value_files.find((f) => f.period === period).path), 'utf8'));
/** A district's value of an indicator in a period, or null for a gap. */
function value(indicator, period, slug) {
  const file = fileOf(period);
  const cell = file.values[indicator][file.units.indexOf(slug)];
  if (typeof cell === 'number') return cell;
  return cell && typeof cell.v === 'number' ? cell.v : null;
}
/** Half away from zero on the written digits, as the app displays values. */
const round = (x, d) => Math.sign(x) * Math.round(Math.abs(x) * 10 ** d + 1e-9) / 10 ** d;
const monthNumber = (id) => Number(id.slice(0, 4)) * 12 + Number(id.slice(5, 7)) - 1;
const periods = manifest.periods.map((p) => p.id);
const latest = periods[periods.length - 1];

// The districts the reports say the conference named, point by point.
const NAMED = {
  'mutation-pending': ['morena', 'bhind'],
  'partition-pending': ['anuppur', 'rewa'],
  'demarcation-pending': ['vidisha', 'satna'],
  'khasra-update': ['rewa', 'indore'],
  'encroachment-removal': ['bhind', 'vidisha'],
  'cmh-unattended': ['betul', 'mauganj', 'shahdol', 'bhopal'],
  'anc-four-visits': ['shivpuri', 'ashoknagar'],
};

test('the follow-up of the January 2026 conference names its districts and what became of them', async () => {
  const { page, trouble } = await watchedPage(env);
  await page.goto(env.url(`?view=followup&review=conference-2026-01&period=${latest}&lang=en`));
  await page.waitForSelector('.followup-point[data-indicator=mutation-pending] tr[data-district]');
  assert.match(await page.textContent('#followup-h'), /Collector–Commissioner conference compliance review, 21 January 2026: what followed by October 2026/);
  let improved = 0, notImproved = 0;
  for (const [indicator, districts] of Object.entries(NAMED)) {
    const rows = await page.$$eval(`.followup-point[data-indicator=${indicator}] tbody tr`, (trs) => trs.map((tr) => [tr.dataset.district, tr.dataset.followup, tr.classList.contains('flagged')]));
    assert.deepEqual(rows.map((r) => r[0]), districts, indicator);
    const ind = manifest.indicators.find((i) => i.id === indicator);
    const d = ind.decimals ?? 1;
    for (const [slug, followup, flagged] of rows) {
      const [a, b] = [value(indicator, '2026-01', slug), value(indicator, latest, slug)];
      let want = 'no-data';
      if (a !== null && b !== null) {
        const [x, y] = [round(a, d), round(b, d)];
        const better = ind.direction === 'higher_is_better' ? y > x : y < x;
        want = x === y ? 'unchanged' : better ? 'improved' : 'worsened';
      }
      assert.equal(followup, want, `${indicator} ${slug}: ${a} → ${b}`);
      // Every district here was named for doing badly: the flag marks those no better since
      // (a figure missing then or now is not judged).
      assert.equal(flagged, want === 'worsened' || want === 'unchanged', `${indicator} ${slug} flagged`);
      if (want === 'improved') improved++; else notImproved++;
    }
  }
  assert.ok(improved > 0 && notImproved > 0, `movement both ways (${improved} improved, ${notImproved} not)`);
  // The follow-up is a link of its own in the navigation.
  assert.equal((await page.textContent('.main-nav a[aria-current=page]')).trim(), 'Follow-up');
  await page.click('a.lang-switch');
  await page.waitForFunction(() => document.querySelector('#followup-h')?.textContent.includes('पालन प्रतिवेदन समीक्षा'));
  assert.match(await page.textContent('.followup-summary'), /कमज़ोर प्रदर्शन के लिए नामित \d+ ज़िलों में से \d+ में कम से कम एक बिंदु पर तब से सुधार नहीं हुआ।/);
  assert.deepEqual(trouble.consoleErrors, []);
  assert.deepEqual(trouble.foreignRequests, []);
  await page.close();
});

/** The documented pace projection (docs/methodology.md), written again here from the document. */
function projection(indicator, slug, period) {
  const ind = manifest.indicators.find((i) => i.id === indicator);
  const { value: target, by } = ind.target;
  const d = ind.decimals ?? 1;
  const at = periods.indexOf(period);
  const window = periods.slice(Math.max(0, at - 5), at + 1);
  const points = window.map((p) => [monthNumber(p), value(indicator, p, slug)]).filter((p) => p[1] !== null);
  const now = monthNumber(period);
  const last = points[points.length - 1];
  if (!last || last[0] !== now) return 'no-trend';
  const higher = ind.direction === 'higher_is_better';
  const meets = (v) => (higher ? round(v, d) >= round(target, d) : round(v, d) <= round(target, d));
  if (meets(last[1])) return 'met';
  if (points.length < 3) return 'no-trend';
  const slopes = [];
  for (let i = 0; i < points.length; i++) for (let j = i + 1; j < points.length; j++) slopes.push((points[j][1] - points[i][1]) / (points[j][0] - points[i][0]));
  slopes.sort((a, b) => a - b);
  const n = slopes.length;
  const pace = n % 2 ? slopes[(n - 1) / 2] : (slopes[n / 2 - 1] + slopes[n / 2]) / 2;
  const towards = higher ? pace : -pace;
  if (towards * 6 < 0.5 * 10 ** -d || now > monthNumber(by)) return 'off-track';
  // The first month whose value would display as meeting the target: half a step short of it.
  const half = 0.5 * 10 ** -d;
  const threshold = higher ? round(target, d) - half : round(target, d) + half;
  const needed = Math.max(1, Math.ceil((threshold - last[1]) / pace));
  return now + needed <= monthNumber(by) ? 'on-track' : 'off-track';
}

test('classes=track colours every district by its pace to the e-KYC deadline, as the method says', async () => {
  const { page, trouble } = await watchedPage(env);
  await page.goto(env.url(`?view=map&indicator=samagra-ekyc&period=${latest}&map=geo&classes=track&lang=en`));
  await page.waitForSelector('.geo-map g.shape[data-track]');
  // The pace reads six periods: wait until every district's status has settled.
  const expected = Object.fromEntries(manifest.units.map((u) => [u.slug, projection('samagra-ekyc', u.slug, latest)]));
  await page.waitForFunction((want) => {
    const shapes = [...document.querySelectorAll('.geo-map g.shape')];
    return shapes.length > 0 && shapes.every((g) => g.dataset.track === want[g.dataset.district]);
  }, expected, { timeout: 20000 }).catch(() => {});
  const got = await page.$$eval('.geo-map g.shape', (gs) => Object.fromEntries(gs.map((g) => [g.dataset.district, g.dataset.track])));
  assert.deepEqual(got, expected);
  const kinds = new Set(Object.values(expected));
  assert.ok(kinds.size >= 2, `more than one status (${[...kinds]})`);
  // The legend names each status present with its count, in words.
  const legend = await page.$$eval('.legend li', (lis) => lis.map((li) => li.textContent.trim()));
  const count = (t) => Object.values(expected).filter((x) => x === t).length;
  for (const [word, label] of [['met', 'Target met'], ['on-track', 'On track'], ['off-track', 'Off track']]) {
    if (count(word) > 0) assert.ok(legend.some((l) => l.startsWith(`${label} (${count(word)})`)), `${label} in ${legend}`);
  }
  assert.match(await page.textContent('.legend-title'), /pace to the target of 100\.0% by December 2026/);
  // The rankings say the same in a column of their own.
  await page.goto(env.url(`?view=rankings&indicator=samagra-ekyc&period=${latest}&lang=en`));
  await page.waitForSelector('table.ranking-table tbody tr[data-track]');
  // Until the six periods arrive, paces read "no-trend": wait for every row to settle (the
  // assertions below say which district differs if one never does).
  await page.waitForFunction((want) => {
    const rows = [...document.querySelectorAll('table.ranking-table tbody tr[data-district]')];
    return rows.length > 0 && rows.every((tr) => tr.dataset.track === want[tr.dataset.district]);
  }, expected, { timeout: 20000 }).catch(() => {});
  const rows = await page.$$eval('table.ranking-table tbody tr[data-district]', (trs) => trs.map((tr) => [tr.dataset.district, tr.dataset.track]));
  for (const [slug, track] of rows) assert.equal(track, expected[slug], slug);
  assert.deepEqual(trouble.consoleErrors, []);
  await page.close();
});

test('a note on the data marks its period on the trend chart, in its SVG and beside the table', async () => {
  const { page } = await watchedPage(env);
  await page.goto(env.url(`?view=charts&chart=trend&indicator=cmh-unattended&period=${latest}&lang=en`));
  await page.waitForSelector('.chart-box svg[role=img]');
  await page.waitForSelector('.chart-notes li');
  assert.match(await page.textContent('.chart-notes'), /Note 1 — April 2026: Illustrative note: the complaints portal was down/);
  assert.match(await page.innerHTML('.chart-box'), />\s*Note 1\s*</);
  const [d] = await Promise.all([page.waitForEvent('download'), page.click('.chart-tools button:has-text("SVG")')]);
  const svg = fs.readFileSync(await d.path(), 'utf8');
  assert.match(svg, />\s*Note 1\s*</);
  assert.match(svg.replace(/\s*<\/text>\s*<text[^>]*>\s*/g, ' '), /complaints portal was down/);
  // The same note beside the values of that month.
  await page.goto(env.url('?view=rankings&indicator=cmh-unattended&period=2026-04&lang=hi'));
  await page.waitForSelector('.data-notes');
  assert.match(await page.textContent('.data-notes'), /अप्रैल 2026: उदाहरण हेतु टिप्पणी/);
  await page.close();
});

test('what changed is told in whole sentences in both languages', async () => {
  const { page } = await watchedPage(env);
  await page.goto(env.url(`?view=rankings&indicator=public-awareness&period=${latest}&lang=en`));
  await page.waitForSelector('.what-changed li', { state: 'attached' });
  assert.equal(await page.textContent('.what-changed summary'), 'What changed since September 2026');
  // Folded under its summary line; a tap opens it.
  await page.click('.what-changed summary');
  await page.waitForSelector('.what-changed li');
  const en = await page.$$eval('.what-changed li', (lis) => lis.map((l) => l.textContent));
  assert.ok(en.some((s) => /^(New in the top three of Public awareness: .+\.|The top three and the bottom three of Public awareness are the same as in September 2026\.)$/.test(s)), en.join('\n'));
  assert.ok(en.some((s) => /^The state averages that moved most: .+(better|worse)/.test(s)), en.join('\n'));
  assert.ok(en.every((s) => /[.।]$/.test(s)), 'each is a whole sentence');
  await page.click('a.lang-switch');
  await page.waitForFunction(() => document.querySelector('.what-changed summary')?.textContent === 'सितंबर 2026 से क्या बदला');
  const hi = await page.$$eval('.what-changed li', (lis) => lis.map((l) => l.textContent));
  assert.equal(hi.length, en.length);
  assert.ok(hi.some((s) => s.startsWith('सबसे अधिक बदले राज्य औसत: ')), hi.join('\n'));
  await page.close();
});

test('the briefing opens a named point with the review and what followed', async () => {
  const { page } = await watchedPage(env);
  // The deck's second slide says what changed, in both languages.
  await page.goto(env.url(`?view=brief&period=${latest}&slide=changes&lang=en`));
  await page.waitForSelector('section.slide[data-slide=changes]:not([hidden]) .slide-changes li');
  assert.equal(await page.textContent('section.slide[data-slide=changes] h2'), 'What changed since September 2026');
  assert.match(await page.textContent('section.slide[data-slide=changes] .slide-changes'), /Top or bottom three changed on \d+ of 32 points: /);
  await page.click('.deck-lang');
  await page.waitForFunction(() => document.querySelector('section.slide[data-slide=changes] h2')?.textContent === 'सितंबर 2026 से क्या बदला');
  await page.goto(env.url(`?view=brief&indicator=mutation-pending&period=${latest}&lang=en`));
  await page.waitForSelector('section.slide[data-slide=mutation-pending] .slide-loop li');
  const line = await page.textContent('section.slide[data-slide=mutation-pending] .slide-loop li');
  assert.match(line, /^Named at the Collector–Commissioner conference compliance review \(21 January 2026\): Morena \((Improved|Worsened|Unchanged)\) and Bhind \((Improved|Worsened|Unchanged)\)\.$/);
  await page.goto(env.url(`?view=brief&indicator=samagra-ekyc&period=${latest}&lang=en`));
  await page.waitForFunction(() => /Target 100\.0% by December 2026, at the present pace, of \d+ districts: off track \d+/.test(document.querySelector('section.slide[data-slide=samagra-ekyc] .slide-loop')?.textContent ?? ''), null, { timeout: 20000 });
  await page.close();
});
