// End-to-end: the publisher page (publish.html) as an officer uses it. Files go in through its
// labelled inputs (Playwright's setInputFiles), the folder comes out as a download, and the
// download is compared byte for byte with what the command line writes from the same inputs:
// once as CSV files, once as Excel workbooks written here with exceljs (an independent writer,
// periods typed as Excel dates). Problems in a workbook are named by sheet, row and column and
// nothing is offered for download; the page makes no request to another host and breaks no
// rule of the Content-Security-Policy.
import { before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import ExcelJS from 'exceljs';
import { unzipSync } from 'fflate';
import { test, start, stop, watchedPage, ROOT, copyOfDist } from './harness.mjs';
import { targetDir } from '../../tools/files.mjs';

let env;
let cli;
before(async () => {
  // The command line from this checkout (built by the native tests; quick when it is).
  execFileSync('cargo', ['build', '--quiet', '--release', '-p', 'samiksha-publish', '--bin', 'samiksha-publish'], { cwd: ROOT, stdio: 'inherit' });
  cli = path.join(targetDir(), 'release/samiksha-publish');
  env = await start();
});
after(async () => { await stop(env); });

const STATE = path.join(ROOT, 'crates/publish/tests/fixtures/state');
const SHARED = path.resolve(ROOT, process.env.SAMIKSHA_SHARED || '../shared', 'reference');
const temp = () => fs.mkdtempSync(path.join(os.tmpdir(), 'samiksha-publish-e2e-'));

/** Every file under `dir`, by its path from `dir`. */
function tree(dir, prefix = '') {
  const out = {};
  for (const e of fs.readdirSync(path.join(dir, prefix), { withFileTypes: true })) {
    const rel = prefix ? `${prefix}/${e.name}` : e.name;
    if (e.isDirectory()) Object.assign(out, tree(dir, rel));
    else out[rel] = fs.readFileSync(path.join(dir, rel));
  }
  return out;
}

/** The downloaded zip's files under data/, by their path from data/. */
function unzipped(bytes) {
  const out = {};
  for (const [name, body] of Object.entries(unzipSync(new Uint8Array(bytes)))) {
    assert.ok(name.startsWith('data/'), `${name} is outside data/`);
    out[name.slice('data/'.length)] = Buffer.from(body);
  }
  return out;
}

function assertSameFiles(ours, theirs, what) {
  assert.deepEqual(Object.keys(ours).sort(), Object.keys(theirs).sort(), `${what}: the same files`);
  for (const name of Object.keys(theirs)) assert.ok(ours[name].equals(theirs[name]), `${what}: ${name} differs from the command line's`);
}

/** A CSV file's rows (the fixtures quote nothing but the NFHS source does: quotes handled). */
function csvRows(text) {
  const rows = [];
  let row = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { field += '"'; i++; } else if (c === '"') quoted = false; else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { row.push(field); field = ''; } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(field); rows.push(row); row = []; field = '';
    } else field += c;
  }
  if (field !== '' || row.length) { row.push(field); rows.push(row); }
  return rows.filter((r) => r.some((f) => f !== ''));
}

/** A workbook as an officer's would be: one sheet per role, figures typed as numbers, periods
 * typed as months (Excel turns "2023-03" into a date). */
async function workbook(sheets) {
  const book = new ExcelJS.Workbook();
  for (const [name, csvText] of Object.entries(sheets)) {
    const sheet = book.addWorksheet(name);
    const rows = csvRows(csvText.replace(/^\uFEFF/, ''));
    const periodCol = rows[0].indexOf('period');
    rows.forEach((r, i) => {
      sheet.addRow(r.map((v, c) => {
        if (i === 0 || v === '') return v;
        if (c === periodCol && /^\d{4}-\d{2}$/.test(v)) return new Date(Date.UTC(Number(v.slice(0, 4)), Number(v.slice(5)) - 1, 1));
        return String(Number(v)) === v ? Number(v) : v;
      }));
    });
  }
  return Buffer.from(await book.xlsx.writeBuffer());
}

async function openPublisher(lang = 'en') {
  const { page, trouble } = await watchedPage(env);
  await page.goto(env.url(`publish.html?lang=${lang}`));
  await page.waitForSelector('input[data-role="values"]');
  return { page, trouble };
}

/** Gives the page its files (role → { name, buffer }), the id and the checkbox, and builds. */
async function build(page, files, { id, leaveOut = false, periods = '', sheets = {}, extra = {} }) {
  for (const [role, file] of Object.entries(files)) {
    await page.setInputFiles(`input[data-role="${role}"]`, { name: file.name, mimeType: 'application/octet-stream', buffer: file.buffer });
    await page.waitForFunction((r) => document.querySelector(`[data-status="${r}"]`)?.textContent.trim(), role);
  }
  for (const [role, sheet] of Object.entries(sheets)) await page.selectOption(`select[data-sheet-for="${role}"]`, sheet);
  await page.fill('#id', id);
  await page.dispatchEvent('#id', 'change');
  if (leaveOut) await page.check('#allow_unmatched');
  // The options (wide periods, where the boundaries come from) sit in a closed <details>.
  const open = async () => { if (!(await page.$eval('details', (d) => d.open))) await page.click('details summary'); };
  if (periods || Object.keys(extra).length) await open();
  if (periods) {
    await page.fill('#periods', periods);
    await page.dispatchEvent('#periods', 'change');
  }
  for (const [field, value] of Object.entries(extra)) {
    await page.fill(`#${field}`, value);
    await page.dispatchEvent(`#${field}`, 'change');
  }
  await page.click('#build');
  await page.waitForSelector('#download, .problems', { timeout: 120000 });
}

async function download(page) {
  const [dl] = await Promise.all([page.waitForEvent('download'), page.click('#download')]);
  return unzipped(fs.readFileSync(await dl.path()));
}

const file = (dir, name) => ({ name, buffer: fs.readFileSync(path.join(dir, name)) });

/** What the command line writes for the fixture state: import, then the catalogue entry. */
function stateByCli() {
  const data = path.join(temp(), 'data');
  const out = path.join(data, 'uk');
  execFileSync(cli, ['import', '--values', path.join(STATE, 'values.csv'), '--indicators', path.join(STATE, 'indicators.csv'), '--districts', path.join(STATE, 'districts.csv'),
    '--meta', path.join(STATE, 'meta.json'), '--out', out, '--allow-unmatched']);
  execFileSync(cli, ['catalog', '--catalog', path.join(data, 'catalog.json'), '--id', 'uk', '--manifest', path.join(out, 'manifest.json')]);
  return tree(data);
}

test('a state published from CSV files through the page is the command line\'s folder, byte for byte', async () => {
  const expected = stateByCli();
  const { page, trouble } = await openPublisher();
  const files = { districts: file(STATE, 'districts.csv'), indicators: file(STATE, 'indicators.csv'), values: file(STATE, 'values.csv'), meta: file(STATE, 'meta.json') };
  // The meta form is filled from meta.json.
  await build(page, files, { id: 'uk', leaveOut: true });
  assert.equal(await page.inputValue('#title_en'), 'Uttarakhand district review (test fixture)');
  const got = await download(page);
  assertSameFiles(got, expected, 'CSV');
  // The unzipped folder passes the command line's validate with nothing to say.
  const site = temp();
  for (const [name, bytes] of Object.entries(got)) {
    fs.mkdirSync(path.dirname(path.join(site, 'data', name)), { recursive: true });
    fs.writeFileSync(path.join(site, 'data', name), bytes);
  }
  const checked = execFileSync(cli, ['validate', path.join(site, 'data/uk/manifest.json')], { encoding: 'utf8' });
  assert.match(checked, /0 errors, 0 warnings/);
  // The report says what the checkbox left out.
  assert.match(await page.textContent('.built'), /left out 1 district name\(s\) that match no district \(4 rows\)[^"]*"Roorkee"/);
  assert.deepEqual(trouble, { consoleErrors: [], failedRequests: [], foreignRequests: [], csp: [] });
});

test('a targets sheet (a review\'s targets and deadlines) through the page is the command line\'s --targets, byte for byte', async () => {
  const targets = 'indicator,target,target_by\nTAP,90,2024-12\nmutation-pending,50,\n';
  const dir = temp();
  fs.writeFileSync(path.join(dir, 'targets.csv'), targets);
  const data = path.join(temp(), 'data');
  execFileSync(cli, ['import', '--values', path.join(STATE, 'values.csv'), '--indicators', path.join(STATE, 'indicators.csv'), '--districts', path.join(STATE, 'districts.csv'),
    '--meta', path.join(STATE, 'meta.json'), '--targets', path.join(dir, 'targets.csv'), '--out', path.join(data, 'uk'), '--allow-unmatched']);
  execFileSync(cli, ['catalog', '--catalog', path.join(data, 'catalog.json'), '--id', 'uk', '--manifest', path.join(data, 'uk/manifest.json')]);
  const { page, trouble } = await openPublisher('hi');
  const files = { districts: file(STATE, 'districts.csv'), indicators: file(STATE, 'indicators.csv'), values: file(STATE, 'values.csv'), meta: file(STATE, 'meta.json'), targets: { name: 'targets.csv', buffer: Buffer.from(targets) } };
  await build(page, files, { id: 'uk', leaveOut: true });
  const got = await download(page);
  assertSameFiles(got, tree(data), 'targets');
  const tap = JSON.parse(got['uk/manifest.json']).indicators.find((i) => i.id === 'tap-water');
  assert.deepEqual(tap.target, { by: '2024-12', value: 90 });
  assert.deepEqual(trouble, { consoleErrors: [], failedRequests: [], foreignRequests: [], csp: [] });
});

test('the same state from one Excel workbook (a sheet per role, periods typed as dates) gives the same bytes', async () => {
  const expected = stateByCli();
  const book = await workbook({
    Districts: fs.readFileSync(path.join(STATE, 'districts.csv'), 'utf8'),
    Indicators: fs.readFileSync(path.join(STATE, 'indicators.csv'), 'utf8'),
    Values: fs.readFileSync(path.join(STATE, 'values.csv'), 'utf8'),
  });
  const { page, trouble } = await openPublisher('hi');
  const xlsx = { name: 'uttarakhand-march.xlsx', buffer: book };
  await build(page, { districts: xlsx, indicators: xlsx, values: xlsx, meta: file(STATE, 'meta.json') }, { id: 'uk', leaveOut: true });
  // Each role took the sheet named like it.
  for (const [role, sheet] of [['districts', 'Districts'], ['indicators', 'Indicators'], ['values', 'Values']]) {
    assert.equal(await page.$eval(`select[data-sheet-for="${role}"]`, (s) => s.value), sheet);
  }
  assertSameFiles(await download(page), expected, 'xlsx');
  assert.deepEqual(trouble, { consoleErrors: [], failedRequests: [], foreignRequests: [], csp: [] });
});

test('a workbook\'s problems are named by sheet, row and column, in both languages, and nothing is offered', async () => {
  const values = fs.readFileSync(path.join(STATE, 'values.csv'), 'utf8');
  const districts = fs.readFileSync(path.join(STATE, 'districts.csv'), 'utf8');
  const indicators = fs.readFileSync(path.join(STATE, 'indicators.csv'), 'utf8');
  const lines = values.trim().split('\n');
  // Row 3 of the sheet gets a text in the value column.
  const badNumber = [lines[0], lines[1], lines[2].replace(/,[^,]*$/, ',n/a'), ...lines.slice(3)].join('\n');
  const cases = [
    {
      what: 'an unknown district',
      book: { Districts: districts, Indicators: indicators, Values: values },
      leaveOut: false,
      expect: /"Roorkee" \(4 rows, first at march\.xlsx, sheet "Values", row 14, column A \("district"\)\): no district with a similar name/,
      marked: { place: 'march.xlsx, sheet "Values", पंक्ति 14', cell: 'Roorkee' },
    },
    {
      what: 'a text in a number column',
      book: { Districts: districts, Indicators: indicators, Values: badNumber },
      leaveOut: true,
      expect: /1 cell\(s\) are not numbers[^]*march\.xlsx, sheet "Values", row 3, column D \("value"\): "n\/a"/,
      marked: { place: 'march.xlsx, sheet "Values", पंक्ति 3', cell: 'n/a' },
    },
    {
      what: 'a missing sheet',
      book: { Districts: districts, Figures: values, Notes: 'a\n1' },
      leaveOut: true,
      expect: /march\.xlsx: no sheet named "indicators"; choose the sheet that holds the indicators \(the workbook has "Districts", "Figures", "Notes"\)/,
    },
  ];
  for (const c of cases) {
    const { page, trouble } = await openPublisher('hi');
    const xlsx = { name: 'march.xlsx', buffer: await workbook(c.book) };
    await build(page, { districts: xlsx, indicators: xlsx, values: xlsx, meta: file(STATE, 'meta.json') }, {
      id: 'uk',
      leaveOut: c.leaveOut,
      sheets: c.book.Figures ? { values: 'Figures' } : {},
    });
    assert.equal(await page.$('#download'), null, `${c.what}: nothing to download`);
    const text = await page.textContent('.problems');
    assert.match(text, c.expect, c.what);
    // The Hindi page says each problem in Hindi beside the English with its place.
    assert.match(await page.textContent('.problems h3'), /समस्याएँ/, c.what);
    assert.ok(/[\u0900-\u097F]/.test(await page.textContent('.problems li')), `${c.what}: a Hindi line`);
    // On the Hindi page each line the page can say in Hindi comes first in Hindi, the English
    // (with the exact place) beside it.
    const firsts = await page.$$eval('.problems li', (lis) => lis.map((li) => [li.firstElementChild.lang, li.querySelector('.other')?.lang ?? null]));
    assert.ok(firsts.some(([first, other]) => first === 'hi' && other === 'en'), `${c.what}: ${JSON.stringify(firsts)}`);
    assert.ok(firsts.every(([first, other]) => first === 'hi' || other === null), `${c.what}: English first only where there is no Hindi: ${JSON.stringify(firsts)}`);
    // The row a problem names is shown beside it, under its header, the named cell marked.
    if (c.marked) {
      const rows = await page.$$eval('.problems .row-view', (vs) => vs.map((v) => ({ caption: v.querySelector('caption').textContent, marked: v.querySelector('td.at mark')?.textContent, headers: [...v.querySelectorAll('th')].map((th) => th.textContent) })));
      const row = rows.find((r) => r.caption.startsWith(c.marked.place));
      assert.ok(row, `${c.what}: no row view for ${c.marked.place} in ${JSON.stringify(rows)}`);
      assert.equal(row.marked, c.marked.cell, c.what);
      assert.deepEqual(row.headers, ['district', 'indicator', 'period', 'value'], c.what);
    }
    assert.deepEqual(trouble, { consoleErrors: [], failedRequests: [], foreignRequests: [], csp: [] }, c.what);
  }
});

test('the NFHS dataset built through the page, from CSV and from a workbook, is the committed one byte for byte', { skip: !fs.existsSync(SHARED) && `needs ${SHARED} (../shared/reference), which is absent on this machine` }, async () => {
  // The inputs tools/nfhs-mp.sh gives the command line; the committed dataset is that script's
  // output (a native test checks so), and the catalogue the site's.
  const inputs = path.join(ROOT, 'datasets/nfhs-mp');
  const script = fs.readFileSync(path.join(ROOT, 'tools/nfhs-mp.sh'), 'utf8');
  const quoted = (flag) => script.split(`${flag} "`)[1].split('"')[0];
  const districts = fs.readFileSync(path.join(SHARED, 'mp-districts.csv'), 'utf8').split('\n').filter((l) => l.trim()).map((l, i) => {
    l = l.replace(/\r$/, '');
    return `${l},${i === 0 ? 'former_name_hi' : l.split(',')[6] === 'Hoshangabad' ? 'होशंगाबाद' : ''}`;
  }).join('\n') + '\n';
  const expected = { ...Object.fromEntries(Object.entries(tree(path.join(ROOT, 'public/data/nfhs-mp'))).map(([k, v]) => [`nfhs-mp/${k}`, v])), 'catalog.json': fs.readFileSync(path.join(ROOT, 'public/data/catalog.json')) };
  const factsheets = fs.readFileSync(path.join(SHARED, 'nfhs5/mp-district-factsheets.csv'));
  const common = {
    meta: file(inputs, 'meta.json'),
    flags: file(inputs, 'flags.csv'),
    aliases: file(inputs, 'aliases.csv'),
    boundaries: { name: 'mp-districts-2011.topo.json', buffer: fs.readFileSync(path.join(SHARED, 'geo/mp-districts-2011.topo.json')) },
    catalog: { name: 'catalog.json', buffer: fs.readFileSync(path.join(ROOT, 'public/data/catalog.json')) },
  };
  const options = {
    id: 'nfhs-mp',
    leaveOut: true,
    periods: 'nfhs-4=nfhs4_2015_16:flag_nfhs4@2015\nnfhs-5=nfhs5_2019_21:flag_nfhs5@2019',
    extra: { indicator_column: 'indicator_no', boundary_source_en: quoted('--source'), boundary_source_hi: quoted('--source-hi') },
  };
  const csv = { ...common, districts: { name: 'districts.csv', buffer: Buffer.from(districts) }, indicators: file(inputs, 'indicators.csv'), values: { name: 'mp-district-factsheets.csv', buffer: factsheets } };
  const book = await workbook({ Districts: districts, Indicators: fs.readFileSync(path.join(inputs, 'indicators.csv'), 'utf8'), Values: factsheets.toString('utf8') });
  const xlsx = { name: 'nfhs.xlsx', buffer: book };
  for (const [what, files] of [['CSV', csv], ['xlsx', { ...common, districts: xlsx, indicators: xlsx, values: xlsx }]]) {
    const { page, trouble } = await openPublisher();
    await build(page, files, options);
    assert.equal(await page.$('.problems'), null, `${what}: ${await page.textContent('main')}`);
    assertSameFiles(await download(page), expected, what);
    assert.deepEqual(trouble, { consoleErrors: [], failedRequests: [], foreignRequests: [], csp: [] }, what);
  }
});

test('the sample published from its own sheets through the page, as CSV files and as one workbook, is the command line\'s folder byte for byte', async () => {
  // The sample is generated; `samiksha-publish sheets` gives the input sheets an officer would
  // keep for it (a native test imports them back to the committed sample byte for byte).
  const inputs = temp();
  execFileSync(cli, ['sheets', '--manifest', path.join(ROOT, 'public/data/sample/manifest.json'), '--out', inputs]);
  const catalog = path.join(ROOT, 'public/data/catalog.json');
  const geo = path.join(SHARED, 'geo/mp-districts-2011.topo.json');
  const withGeometry = fs.existsSync(geo);
  const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, 'public/data/sample/manifest.json'), 'utf8'));
  const boundarySource = manifest.sources[manifest.sources.length - 1].name;
  let expected;
  if (withGeometry) {
    // With the real boundaries the page rebuilds the committed folder itself.
    expected = { ...Object.fromEntries(Object.entries(tree(path.join(ROOT, 'public/data/sample'))).map(([k, v]) => [`sample/${k}`, v])), 'catalog.json': fs.readFileSync(catalog) };
  } else {
    // Without ../shared: the command line's import and catalogue from the same sheets.
    const data = path.join(temp(), 'data');
    fs.mkdirSync(data, { recursive: true });
    fs.copyFileSync(catalog, path.join(data, 'catalog.json'));
    const args = ['import', '--out', path.join(data, 'sample')];
    for (const role of ['values', 'indicators', 'districts', 'meta', 'flags', 'reviews', 'notes']) args.push(`--${role}`, path.join(inputs, `${role}.${role === 'meta' ? 'json' : 'csv'}`));
    execFileSync(cli, args);
    execFileSync(cli, ['catalog', '--catalog', path.join(data, 'catalog.json'), '--id', 'sample', '--manifest', path.join(data, 'sample/manifest.json')]);
    expected = tree(data);
  }
  const sheetFile = (role) => file(inputs, `${role}.csv`);
  const common = {
    meta: file(inputs, 'meta.json'),
    catalog: { name: 'catalog.json', buffer: fs.readFileSync(catalog) },
    ...(withGeometry ? { boundaries: { name: 'mp-districts-2011.topo.json', buffer: fs.readFileSync(geo) } } : {}),
  };
  const options = { id: 'sample', extra: withGeometry ? { boundary_source_en: boundarySource.en, boundary_source_hi: boundarySource.hi } : {} };
  const roles = ['districts', 'indicators', 'values', 'flags', 'reviews', 'notes'];
  const csv = { ...common, ...Object.fromEntries(roles.map((r) => [r, sheetFile(r)])) };
  const book = await workbook(Object.fromEntries(roles.map((r) => [r[0].toUpperCase() + r.slice(1), fs.readFileSync(path.join(inputs, `${r}.csv`), 'utf8')])));
  const xlsx = { name: 'sample.xlsx', buffer: book };
  for (const [what, files] of [['CSV', csv], ['xlsx', { ...common, ...Object.fromEntries(roles.map((r) => [r, xlsx])) }]]) {
    const { page, trouble } = await openPublisher(what === 'xlsx' ? 'hi' : 'en');
    await build(page, files, options);
    assert.equal(await page.$('.problems'), null, `${what}: ${await page.textContent('main')}`);
    assertSameFiles(await download(page), expected, what);
    assert.deepEqual(trouble, { consoleErrors: [], failedRequests: [], foreignRequests: [], csp: [] }, what);
    await page.close();
  }
});

test('a month added to the sample on the site from one workbook of its values: only that month\'s file is new, and the manifest changes only where it lists it', async () => {
  const inputs = temp();
  execFileSync(cli, ['sheets', '--manifest', path.join(ROOT, 'public/data/sample/manifest.json'), '--out', inputs]);
  const before = JSON.parse(fs.readFileSync(path.join(ROOT, 'public/data/sample/manifest.json'), 'utf8'));
  const last = before.periods[before.periods.length - 1].id;
  const [y, m] = last.split('-').map(Number);
  const next = m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
  // The next month's values: the last month's rows again under the next month (gaps and flags as
  // they were), as the departments would send them.
  const [header, ...rows] = fs.readFileSync(path.join(inputs, 'values.csv'), 'utf8').trim().split('\n');
  const month = rows.filter((r) => r.split(',')[2] === last).map((r) => r.replace(`,${last},`, `,${next},`));
  assert.ok(month.length > 1000, `${month.length} rows for ${next}`);
  const book = await workbook({ Values: `${header}\n${month.join('\n')}\n` });
  const published = { ...Object.fromEntries(Object.entries(tree(path.join(ROOT, 'public/data/sample'))).map(([k, v]) => [`sample/${k}`, v])), 'catalog.json': fs.readFileSync(path.join(ROOT, 'public/data/catalog.json')) };
  const { page, trouble } = await openPublisher();
  await page.waitForSelector('#site-dataset option[value="sample"]', { state: 'attached' });
  await page.selectOption('#site-dataset', 'sample');
  await page.waitForFunction(() => document.querySelector('#id').value === 'sample');
  await build(page, { values: { name: `sample-${next}.xlsx`, buffer: book } }, { id: 'sample' });
  assert.equal(await page.$('.problems'), null, await page.textContent('main'));
  const added = await download(page);
  assert.deepEqual(Object.keys(added).filter((k) => !(k in published)), [`sample/values/${next}.json`]);
  // The download holds the new and changed files (the kept ones stay on the site as they are).
  const changed = Object.keys(added).filter((k) => k in published && !published[k].equals(added[k])).sort();
  assert.deepEqual(changed, ['sample/all-values.csv', 'sample/datapackage.json', 'sample/manifest.json']);
  // The manifest lists the new month and its file and the new download, and nothing else in it
  // changed: departments and flags in their order, reviews, notes, headlines, bands, sources.
  const after = JSON.parse(added['sample/manifest.json']);
  assert.deepEqual(after.periods.map((p) => p.id), [...before.periods.map((p) => p.id), next]);
  assert.deepEqual(after.value_files.slice(0, -1), before.value_files);
  assert.equal(after.value_files[after.value_files.length - 1].path, `values/${next}.json`);
  const rest = (mf) => { const { periods, value_files, download: _, ...other } = mf; return other; };
  assert.deepEqual(rest(after), rest(before));
  assert.deepEqual(trouble, { consoleErrors: [], failedRequests: [], foreignRequests: [], csp: [] });
});

test('the monthly routine: the last download and one month\'s workbook give only that month\'s file and the files that list it', async () => {
  const { page, trouble } = await openPublisher();
  const state = { districts: file(STATE, 'districts.csv'), indicators: file(STATE, 'indicators.csv'), values: file(STATE, 'values.csv'), meta: file(STATE, 'meta.json') };
  await build(page, state, { id: 'uk', leaveOut: true });
  const [dl] = await Promise.all([page.waitForEvent('download'), page.click('#download')]);
  const lastZip = fs.readFileSync(await dl.path());
  const published = unzipped(lastZip);
  await page.close();

  // April's values only, as a workbook; the id and the form come from the last download.
  const book = await aprilWorkbook();
  const next = await openPublisher('hi');
  await next.page.setInputFiles('input[data-role="current"]', { name: 'samiksha-uk.zip', mimeType: 'application/zip', buffer: lastZip });
  await next.page.waitForFunction(() => document.querySelector('#id').value === 'uk');
  assert.equal(await next.page.inputValue('#title_en'), 'Uttarakhand district review (test fixture)');
  await build(next.page, { districts: file(STATE, 'districts.csv'), indicators: file(STATE, 'indicators.csv'), values: { name: 'april.xlsx', buffer: book } }, { id: 'uk' });
  assertMonthAdded(published, await download(next.page));
  assert.deepEqual(trouble, { consoleErrors: [], failedRequests: [], foreignRequests: [], csp: [] });
  assert.deepEqual(next.trouble, { consoleErrors: [], failedRequests: [], foreignRequests: [], csp: [] });
});

test('the monthly routine from the site itself: a dataset published here (in a folder not named like its id) is fetched by its manifest, and a month is added there from its values alone', async () => {
  // A copy of the site with the fixture state published on it as "uk" in data/uttarakhand/,
  // beside the others: the catalogue, not the id, says where a dataset is.
  const site = copyOfDist();
  execFileSync(cli, ['import', '--values', path.join(STATE, 'values.csv'), '--indicators', path.join(STATE, 'indicators.csv'), '--districts', path.join(STATE, 'districts.csv'),
    '--meta', path.join(STATE, 'meta.json'), '--out', path.join(site, 'data/uttarakhand'), '--allow-unmatched']);
  execFileSync(cli, ['catalog', '--catalog', path.join(site, 'data/catalog.json'), '--id', 'uk', '--manifest', path.join(site, 'data/uttarakhand/manifest.json')]);
  const published = tree(path.join(site, 'data'));
  const own = await start(site);
  try {
    const { page, trouble } = await watchedPage(own);
    await page.goto(own.url('publish.html?lang=en'));
    await page.waitForSelector('#site-dataset option[value="uk"]', { state: 'attached' });
    await page.selectOption('#site-dataset', 'uk');
    await page.waitForFunction(() => document.querySelector('#id').value === 'uk');
    const april = aprilRows();
    // Only the month's values: the district list and the indicator sheet (its keys, TAP and MUT,
    // kept in the manifest) come from the published dataset, and the page says so.
    for (const role of ['districts', 'indicators']) {
      assert.match(await page.textContent(`[data-rebuilt="${role}"]`), /from the published dataset/);
    }
    await build(page, { values: { name: 'april.csv', buffer: Buffer.from(`district,indicator,period,value\n${april.join('\n')}\n`) } }, { id: 'uk' });
    assert.match(await page.textContent('main'), /samiksha-publish sheets --manifest data\/uttarakhand\/manifest\.json --out sheets/);
    const added = await download(page);
    assert.deepEqual(Object.keys(added).filter((k) => !(k in published)), ['uttarakhand/values/2024-04.json']);
    const changed = Object.keys(added).filter((k) => k in published && !published[k].equals(added[k])).sort();
    assert.deepEqual(changed, ['uttarakhand/all-values.csv', 'uttarakhand/datapackage.json', 'uttarakhand/manifest.json']);
    // The site's catalogue comes back with its other datasets still listed, uk where it was.
    assert.deepEqual(JSON.parse(added['catalog.json']).datasets.map((d) => [d.id, d.folder]), JSON.parse(published['catalog.json']).datasets.map((d) => [d.id, d.folder]));
    assert.ok(JSON.parse(added['catalog.json']).datasets.some((d) => d.id === 'uk' && d.folder === 'uttarakhand/'));
    assert.deepEqual(trouble, { consoleErrors: [], failedRequests: [], foreignRequests: [], csp: [] });
  } finally {
    await stop(own);
    fs.rmSync(site, { recursive: true, force: true });
  }
});

test('the preview opens the built dataset in the viewer from memory: map, rankings and a district profile, before anything is uploaded', async () => {
  const { page, trouble } = await watchedPage(env, { serviceWorkers: 'allow' });
  await page.goto(env.url('publish.html?lang=en'));
  await page.waitForSelector('input[data-role="values"]');
  await page.evaluate(() => navigator.serviceWorker.ready);
  const state = { districts: file(STATE, 'districts.csv'), indicators: file(STATE, 'indicators.csv'), values: file(STATE, 'values.csv'), meta: file(STATE, 'meta.json') };
  await build(page, state, { id: 'uk', leaveOut: true });
  const [tab] = await Promise.all([page.context().waitForEvent('page'), page.click('#preview')]);
  await tab.waitForSelector('#app main h2', { timeout: 30000 });
  assert.match(new URL(tab.url()).search, /data=preview/);
  // The dataset shown is the one built in memory: its title and its districts, none of the sample's.
  await tab.waitForFunction(() => document.querySelector('header')?.textContent.includes('Uttarakhand district review (test fixture)'));
  for (const [query, ready] of [['view=rankings', 'table.ranking-table tbody tr[data-district="dehradun"]'], ['view=district&district=haridwar', '.district-view h2[data-district="haridwar"]']]) {
    await tab.goto(env.url(`?data=preview&${query}&lang=en`));
    await tab.waitForSelector(ready, { timeout: 30000 });
  }
  assert.equal(await tab.locator('[data-district="bhopal"]').count(), 0);
  // Nothing of the preview reaches the site: the same tab without ?data=preview lists no
  // preview, and the catalogue the server holds is unchanged.
  await tab.goto(env.url('?lang=en'));
  await tab.waitForSelector('#app main h2');
  assert.equal(await tab.locator('text=Preview:').count(), 0);
  assert.deepEqual(JSON.parse(await (await fetch(env.url('data/catalog.json'))).text()).datasets.map((d) => d.id), ['sample', 'nfhs-mp']);
  assert.deepEqual(trouble, { consoleErrors: [], failedRequests: [], foreignRequests: [], csp: [] });
});

/**
 * Puts a folder in memory in place of the browser's folder picker (the File System Access API
 * cannot be driven headless): `site/` holding `files` (path → bytes); the first choice is
 * cancelled when `cancelFirst`. Each written file records when it was closed (`__closed`).
 */
async function memoryFolder(page, { files = {}, cancelFirst = false } = {}) {
  const given = Object.fromEntries(Object.entries(files).map(([k, v]) => [k, Array.from(v)]));
  await page.addInitScript(({ given, cancelFirst }) => {
    const closed = [];
    const file = (name, bytes = null) => {
      const h = { kind: 'file', name, bytes };
      h.getFile = async () => new File([h.bytes], name);
      h.createWritable = async () => {
        const parts = [];
        return {
          async write(d) { parts.push(new Uint8Array(d)); },
          async close() {
            const all = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
            let at = 0;
            for (const p of parts) { all.set(p, at); at += p.length; }
            h.bytes = all;
            closed.push(name);
          },
        };
      };
      return h;
    };
    const dir = (name) => {
      const entries = new Map();
      const get = (make) => async (n, o = {}) => {
        if (!entries.has(n)) {
          if (!o.create) throw new DOMException(n, 'NotFoundError');
          entries.set(n, make(n));
        }
        return entries.get(n);
      };
      return { kind: 'directory', name, entries, getDirectoryHandle: get(dir), getFileHandle: get(file) };
    };
    const site = dir('site');
    for (const [p, bytes] of Object.entries(given)) {
      const parts = p.split('/');
      let d = site;
      for (const part of parts.slice(0, -1)) {
        if (!d.entries.has(part)) d.entries.set(part, dir(part));
        d = d.entries.get(part);
      }
      d.entries.set(parts.at(-1), file(parts.at(-1), new Uint8Array(bytes)));
    }
    let picks = 0;
    window.showDirectoryPicker = async (options) => {
      picks += 1;
      window.__picks = picks;
      if (cancelFirst && picks === 1) throw new DOMException('closed', 'AbortError');
      window.__mode = options?.mode;
      return site;
    };
    window.__site = site;
    window.__closed = closed;
  }, { given, cancelFirst });
}

/** April's rows of the fixture state (March's, one district short): one month to add. */
function aprilRows() {
  return fs.readFileSync(path.join(STATE, 'values.csv'), 'utf8').split('\n').filter((l) => l.includes(',2024-03,') && !l.startsWith('Roorkee')).map((l) => l.replace(',2024-03,', ',2024-04,'));
}

/** April's values as a workbook. */
async function aprilWorkbook() {
  return workbook({ Values: `district,indicator,period,value\n${aprilRows().join('\n')}\n` });
}

/** After a month is added to what was published: only its file is new, only the files that
 * list it changed, and the kept files are listed with the sizes and hashes they had. */
function assertMonthAdded(published, added) {
  assert.deepEqual(Object.keys(added).filter((k) => !(k in published)), ['uk/values/2024-04.json']);
  const changed = Object.keys(published).filter((k) => !published[k].equals(added[k])).sort();
  assert.deepEqual(changed, ['uk/all-values.csv', 'uk/datapackage.json', 'uk/manifest.json']);
  const manifest = JSON.parse(added['uk/manifest.json']);
  assert.deepEqual(manifest.periods.map((p) => p.id), ['2023-03', '2024-03', '2024-04']);
  const old = JSON.parse(published['uk/manifest.json']);
  for (const f of old.value_files) assert.deepEqual(manifest.value_files.find((n) => n.path === f.path), f);
}

test('the monthly routine from the site\'s folder on this computer: the dataset is read from the folder, and a month is added', async () => {
  const { page, trouble } = await openPublisher();
  const state = { districts: file(STATE, 'districts.csv'), indicators: file(STATE, 'indicators.csv'), values: file(STATE, 'values.csv'), meta: file(STATE, 'meta.json') };
  await build(page, state, { id: 'uk', leaveOut: true });
  const published = await download(page);
  await page.close();
  // The site's folder holds what was published, under data/.
  const next = await watchedPage(env);
  await memoryFolder(next.page, { files: Object.fromEntries(Object.entries(published).map(([k, v]) => [`data/${k}`, v])) });
  await next.page.goto(env.url('publish.html?lang=hi'));
  await next.page.waitForSelector('input[data-role="values"]');
  await next.page.click('#site-folder');
  await next.page.waitForFunction(() => document.querySelector('#id').value === 'uk');
  assert.match(await next.page.textContent('[data-status="current"]'), /data\/uk\//);
  assert.equal(await next.page.inputValue('#title_en'), 'Uttarakhand district review (test fixture)');
  await build(next.page, { districts: file(STATE, 'districts.csv'), indicators: file(STATE, 'indicators.csv'), values: { name: 'april.xlsx', buffer: await aprilWorkbook() } }, { id: 'uk' });
  assertMonthAdded(published, await download(next.page));
  // The Hindi page's report says what was read and kept in Hindi first, the English beside it,
  // each marked with its language.
  const report = await next.page.$$eval('.report li', (lis) => lis.map((li) => [...li.children].map((s) => [s.lang, s.textContent])));
  const said = (re) => report.find((parts) => parts[0][0] === 'hi' && re.test(parts[0][1]) && parts[1]?.[0] === 'en');
  assert.ok(said(/^पढ़ी गई पंक्तियाँ: \d+; मान: \d+ \(ज़िले: \d+, संकेतक: \d+, अवधियाँ: \d+\)$/), JSON.stringify(report));
  assert.ok(said(/^पहले से प्रकाशित अवधियाँ जैसी थीं वैसी रखी गईं \(2\): 2023-03, 2024-03$/), JSON.stringify(report));
  assert.deepEqual(trouble, { consoleErrors: [], failedRequests: [], foreignRequests: [], csp: [] });
  assert.deepEqual(next.trouble, { consoleErrors: [], failedRequests: [], foreignRequests: [], csp: [] });
});

test('where the browser can write into a folder, the built files go straight into the site\'s data/, the manifest and the catalogue last', async () => {
  const { page, trouble } = await watchedPage(env);
  await memoryFolder(page, { cancelFirst: true });
  await page.goto(env.url('publish.html?lang=en'));
  await page.waitForSelector('input[data-role="values"]');
  const files = { districts: file(STATE, 'districts.csv'), indicators: file(STATE, 'indicators.csv'), values: file(STATE, 'values.csv'), meta: file(STATE, 'meta.json') };
  await build(page, files, { id: 'uk', leaveOut: true });
  // Cancelled: the picker was asked and refused; nothing written, nothing said.
  await page.click('#write-folder');
  await page.waitForFunction(() => window.__picks === 1);
  assert.deepEqual(await page.evaluate(() => [window.__site.entries.size, window.__closed.length, document.querySelector('#written').textContent]), [0, 0, '']);
  await page.click('#write-folder');
  await page.waitForFunction(() => document.querySelector('#written').textContent.trim() !== '');
  const said = await page.textContent('#written');
  const written = await page.evaluate(() => {
    const out = {};
    const walk = (d, prefix) => {
      for (const [n, e] of d.entries) {
        if (e.kind === 'directory') walk(e, `${prefix}${n}/`);
        else out[`${prefix}${n}`] = Array.from(e.bytes);
      }
    };
    walk(window.__site, '');
    return { files: out, closed: window.__closed, mode: window.__mode };
  });
  assert.equal(written.mode, 'readwrite');
  const inData = {};
  for (const [name, bytes] of Object.entries(written.files)) {
    assert.ok(name.startsWith('data/'), `${name} was written outside data/`);
    inData[name.slice('data/'.length)] = Buffer.from(bytes);
  }
  // The same files as the zip, byte for byte, and so as the command line's.
  assertSameFiles(inData, stateByCli(), 'written into a folder');
  assertSameFiles(inData, await download(page), 'written against the zip');
  assert.match(said, new RegExp(`${Object.keys(inData).length} files written under data/ in the folder “site”`));
  // Each file written once, the catalogue last and the manifest just before it: a reader never
  // meets a listed file missing.
  assert.equal(written.closed.length, Object.keys(inData).length);
  assert.deepEqual(written.closed.slice(-2), ['manifest.json', 'catalog.json']);
  assert.deepEqual(trouble, { consoleErrors: [], failedRequests: [], foreignRequests: [], csp: [] });
});
