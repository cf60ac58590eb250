// End-to-end: several datasets on one site (data/catalog.json and ?data=<id>), the real NFHS
// dataset shown beside the sample, and the whole-dataset download.
import { before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';
import { test, start, stop, watchedPage, ready, noteWhenSet, ROOT, withCopy } from './harness.mjs';

let env;
before(async () => { env = await start(); });
after(async () => { await stop(env); });

const NFHS = path.join(ROOT, 'dist/data/nfhs-mp');

/** The NFHS-5 values of one indicator from the dataset's own long CSV (the file the About view
 * offers, which a native test checks against the survey's source CSV). */
function values(indicator, period = 'nfhs-5') {
  const rows = fs.readFileSync(path.join(NFHS, 'all-values.csv'), 'utf8').trim().split('\n').slice(1).map((l) => l.split(','));
  return rows.filter((r) => r[0] === period && r[2] === indicator && r[3] !== '').map((r) => ({ district: r[1], value: Number(r[3]) }));
}

/** The districts the rankings table shows first and last. */
async function ends(page) {
  return page.$$eval('table.ranking-table tbody tr[data-rank]', (rows) => {
    const ranked = rows.map((r) => ({ district: r.dataset.district, rank: Number(r.dataset.rank) })).filter((r) => r.rank > 0);
    const top = Math.min(...ranked.map((r) => r.rank));
    const bottom = Math.max(...ranked.map((r) => r.rank));
    return { first: ranked.filter((r) => r.rank === top).map((r) => r.district).sort(), last: ranked.filter((r) => r.rank === bottom).map((r) => r.district).sort() };
  });
}

test('?data=nfhs-mp ranks a lower-is-better and a higher-is-better indicator as the survey says', async () => {
  const { page, trouble } = await watchedPage(env);
  for (const [indicator, better] of [['stunting', 'lower'], ['full-immunisation', 'higher']]) {
    const v = values(indicator);
    assert.ok(v.length >= 45, `${indicator}: ${v.length} districts with a value`);
    const best = better === 'lower' ? Math.min(...v.map((x) => x.value)) : Math.max(...v.map((x) => x.value));
    const worst = better === 'lower' ? Math.max(...v.map((x) => x.value)) : Math.min(...v.map((x) => x.value));
    await page.goto(env.url(`?data=nfhs-mp&view=rankings&indicator=${indicator}&period=nfhs-5&lang=en`));
    await ready(page);
    await page.waitForSelector('table.ranking-table tbody tr[data-rank="1"]');
    const shown = await ends(page);
    assert.deepEqual(shown.first, v.filter((x) => x.value === best).map((x) => x.district).sort(), indicator);
    assert.deepEqual(shown.last, v.filter((x) => x.value === worst).map((x) => x.district).sort(), indicator);
  }
  // Districts created after the survey did not exist then; values in brackets keep their flag.
  await page.goto(env.url('?data=nfhs-mp&view=district&district=mauganj&indicator=stunting&period=nfhs-5&lang=en'));
  await ready(page);
  assert.match(await page.textContent('main'), /did not exist/i);
  assert.deepEqual(trouble, { consoleErrors: [], failedRequests: [], foreignRequests: [], csp: [] });
});

test('every view of ?data=nfhs-mp shows the NFHS data in both languages, and every link keeps the dataset', async () => {
  const { page, trouble } = await watchedPage(env);
  for (const lang of ['hi', 'en']) {
    for (const view of ['map', 'rankings', 'charts', 'district&district=rewa', 'brief', 'about', 'methods']) {
      await page.goto(env.url(`?data=nfhs-mp&view=${view}&lang=${lang}`));
      await ready(page);
      // The header names this dataset; the URL still names it after the app corrects it.
      // (The deck has no site header.)
      if (!view.startsWith('brief')) assert.match(await page.textContent('h1.dataset-title'), lang === 'hi' ? /एनएफएचएस/ : /NFHS/, `${view} ${lang}`);
      assert.match(page.url(), /[?&]data=nfhs-mp(&|$)/, `${view} ${lang}`);
      // Every in-app link: navigation, language, district names, methods, deck and share.
      const hrefs = await page.$$eval('a[href^="?"]:not(nav.other-datasets a)', (as) => as.map((a) => a.getAttribute('href')));
      assert.ok(hrefs.length >= (view === "brief" ? 1 : 7), `${view} ${lang}: ${hrefs.length} links`);
      for (const h of hrefs) assert.match(h, /[?&]data=nfhs-mp(&|$)/, `${view} ${lang}: ${h}`);
      // A Hindi page shows the periods in Hindi (labels from the import's meta.json).
      if (lang === 'hi' && view === 'rankings') assert.match(await page.textContent('main'), /एनएफएचएस-5 \(2019–21\)/);
    }
  }
  // The page's title and description come from the dataset shown.
  await page.goto(env.url('?data=nfhs-mp&view=map&lang=en'));
  await ready(page);
  assert.match(await page.title(), /NFHS-5 and NFHS-4/);
  assert.match(await page.getAttribute('meta[name=description]', 'content'), /National Family Health Survey/);
  // The geographic map draws the real boundary file.
  await page.goto(env.url('?data=nfhs-mp&view=map&map=geo&indicator=stunting&lang=en'));
  await page.waitForSelector('svg.geo-map g.shape[data-district="rewa"]', { timeout: 30000 });
  assert.deepEqual(trouble, { consoleErrors: [], failedRequests: [], foreignRequests: [], csp: [] });
});

test('the header offers the other dataset; an unknown ?data= shows the first and says so', async () => {
  const { page, trouble } = await watchedPage(env);
  await page.goto(env.url('?view=rankings&lang=en'));
  await ready(page);
  const link = page.locator('nav.other-datasets a[data-dataset="nfhs-mp"]');
  assert.equal(await link.getAttribute('href'), '?data=nfhs-mp&view=rankings&lang=en');
  await link.click();
  await page.waitForFunction(() => /NFHS/.test(document.querySelector('h1.dataset-title')?.textContent || ''));
  assert.equal(await page.locator('nav.other-datasets a[data-dataset="sample"]').getAttribute('href'), '?view=rankings&lang=en');

  await page.goto(env.url('?data=gone&view=rankings&lang=en'));
  await ready(page);
  assert.match(await page.textContent('h1.dataset-title'), /sample/i);
  assert.doesNotMatch(page.url(), /data=/);
  assert.match(await page.textContent('body'), /unknown dataset "gone"/);
  assert.deepEqual(trouble, { consoleErrors: [], failedRequests: [], foreignRequests: [], csp: [] });
});

test('About offers every value as one CSV, verified by the manifest, and the methodology', async () => {
  const { page, trouble } = await watchedPage(env);
  for (const [q, dir] of [['', 'data/sample/'], ['data=nfhs-mp&', 'data/nfhs-mp/']]) {
    await page.goto(env.url(`?${q}view=about&lang=en`));
    await ready(page);
    const a = page.locator('a[data-download="values"]');
    assert.equal(await a.getAttribute('href'), `${dir}all-values.csv`);
    assert.match(await a.textContent(), /Every value of this dataset \(CSV, [\d.,]+ (MB|KB)\)/);
    const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, 'dist', dir, 'manifest.json'), 'utf8'));
    const body = await page.evaluate(async (href) => Array.from(new Uint8Array(await (await fetch(href)).arrayBuffer())), `${dir}all-values.csv`);
    assert.equal(crypto.createHash('sha256').update(Buffer.from(body)).digest('hex'), manifest.download.sha256);
    const method = await page.evaluate(async () => (await fetch(document.querySelector('a[data-download="methodology"]').getAttribute('href'))).text());
    assert.match(method, /^# /);
  }
  assert.deepEqual(trouble, { consoleErrors: [], failedRequests: [], foreignRequests: [], csp: [] });
});

test('a ?data= link\'s catalogue and manifest are asked for by the loader while the wasm downloads, once each, and the app uses them', async () => {
  const { page, trouble } = await watchedPage(env);
  const seen = [];
  // The app's check for a newer dataset, once the view is shown, asks the server past every
  // cache (`?fresh=`): that one is not a second reading.
  page.on('request', (r) => { if (!new URL(r.url()).searchParams.has('fresh')) seen.push(`asked ${new URL(r.url()).pathname.replace(/.*\/samiksha\//, '')}`); });
  // The wasm held back a second and a half: anything asked for meanwhile was asked by the loader.
  await page.route('**/samiksha-*_bg.wasm', async (route) => {
    await new Promise((r) => setTimeout(r, 1500));
    seen.push('wasm served');
    await route.continue();
  });
  await page.goto(env.url('?data=nfhs-mp&view=map&lang=en'));
  await page.waitForSelector('html[data-app="ready"] main .geo-map g.shape path');
  const served = seen.indexOf('wasm served');
  const before = seen.slice(0, served);
  assert.ok(before.includes('asked data/catalog.json'), `the catalogue before the wasm: ${before}`);
  assert.ok(before.includes('asked data/nfhs-mp/manifest.json'), `the named dataset's manifest before the wasm: ${before}`);
  assert.ok(!before.includes('asked data/sample/manifest.json'), 'not the default dataset\'s');
  // Neither is asked for again (the app took the loader's bytes).
  const untilShown = seen.filter((s) => /catalog\.json|manifest\.json/.test(s));
  assert.deepEqual(untilShown, ['asked data/catalog.json', 'asked data/nfhs-mp/manifest.json']);
  assert.deepEqual(trouble.consoleErrors, []);
  await page.close();
});

test('a period split into files by indicator group: the first view waits for the shown indicator\'s file of each period it shows, and the others are read once it is shown', async () => {
  // A generated dataset (crates/core/examples/synth_site.rs: 200 indicators, four files a
  // period, as an all-India dataset is published) beside the sample, in a copy of the build.
  const { execFileSync } = await import('node:child_process');
  const addGenerated = (dir) => {
    execFileSync('cargo', ['run', '-q', '--release', '-p', 'samiksha-core', '--example', 'synth_site', '--features', 'synth', '--', path.join(dir, 'data/synth'), '55', '200', '3'], { cwd: ROOT, stdio: 'inherit' });
    const catalog = JSON.parse(fs.readFileSync(path.join(dir, 'data/catalog.json'), 'utf8'));
    catalog.datasets.push({ id: 'synth', folder: 'synth/', title: { en: 'Generated', hi: 'कृत्रिम' } });
    fs.writeFileSync(path.join(dir, 'data/catalog.json'), JSON.stringify(catalog));
  };
  await withCopy(addGenerated, async (own) => {
    const { page, trouble } = await watchedPage(own, { viewport: { width: 412, height: 823 } });
    // When the app said its first view was ready, on the page's clock.
    await noteWhenSet(page, 'app', 'ready');
    await page.goto(own.url('?data=synth&view=map&lang=en'));
    await page.waitForSelector('html[data-app=ready] main .tile-grid a.tile:not(.no-data)');
    const valueFiles = () => page.evaluate(() => performance.getEntriesByType('resource')
      .filter((e) => /\/data\/synth\/values\//.test(e.name))
      .map((e) => [e.name.replace(/.*\/values\//, ''), e.startTime < window.__setAt.app ? 'before' : 'after']));
    // The two periods shown (the latest and the one before), four files each, in the end.
    await page.waitForFunction(() => performance.getEntriesByType('resource').filter((e) => /\/data\/synth\/values\//.test(e.name)).length >= 8, null, { timeout: 30000 });
    const files = await valueFiles();
    const before = files.filter(([, when]) => when === 'before').map(([f]) => f).sort();
    const after = files.filter(([, when]) => when === 'after').map(([f]) => f).sort();
    assert.equal(before.length, 2, `one file of each period shown before the view was ready: ${before}`);
    assert.notEqual(before[0].split('/')[0], before[1].split('/')[0], `one of each period: ${before}`);
    assert.equal(after.length, 6, `the other three of each once it was shown: ${after}`);
    assert.deepEqual([...new Set([...before, ...after])].length, 8, 'each file read once');
    assert.deepEqual(trouble.failedRequests, []);
    assert.deepEqual(trouble.consoleErrors, []);
    await page.close();
  });
});
