// End-to-end checks of hardened static hosting: the app starts under the strict
// Content-Security-Policy the server sends (every file here fails on a violation, see
// harness.mjs), says why when it cannot start, refuses app files and data files that differ
// from what was built or published, and says so in the page.
import { before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test, start, stop, watchedPage, ROOT, settled, withCopy } from './harness.mjs';
import { CSP } from './server.mjs';

let env;
before(async () => { env = await start(); });
after(async () => { await stop(env); });

const reason = (page, r) => page.locator(`#boot [data-reason="${r}"]`);

test('the page is served with the strict policy and starts under it', async () => {
  const { page, trouble } = await watchedPage(env);
  const response = await page.goto(env.url('?view=map&lang=en'));
  assert.equal(response.headers()['content-security-policy'], CSP);
  await page.waitForSelector('main h2');
  assert.deepEqual(trouble.csp, []);
  assert.equal(await page.locator('script:not([src])').count(), 0, 'no inline script');
});

test('a blocked wasm file is explained on the page, in both languages', async () => {
  const { page } = await watchedPage(env);
  await page.route('**/*_bg.wasm', (route) => route.abort('blockedbyclient'));
  await page.goto(env.url('?view=map'));
  await reason(page, 'missing').waitFor({ timeout: 10000 });
  const text = await reason(page, 'missing').innerText();
  assert.match(text, /could not be loaded/);
  assert.match(text, /लोड नहीं हो सकीं/);
  assert.equal(await page.locator('#boot').getAttribute('role'), 'alert');
});

test('a browser without WebAssembly is told so', async () => {
  const { page } = await watchedPage(env);
  await page.addInitScript(() => { delete window.WebAssembly; });
  await page.goto(env.url('?view=map'));
  await reason(page, 'no-wasm').waitFor({ timeout: 10000 });
  assert.match(await reason(page, 'no-wasm').innerText(), /cannot run WebAssembly/);
});

test('an exception while starting (the wasm verified, then failing to instantiate) is explained, in both languages', async () => {
  const { page, trouble } = await watchedPage(env);
  // What a device out of memory, or a browser refusing the module at start, does.
  await page.addInitScript(() => {
    const refuse = () => Promise.reject(new RangeError('WebAssembly.instantiate(): Out of memory'));
    WebAssembly.instantiate = refuse;
    WebAssembly.instantiateStreaming = refuse;
  });
  await page.goto(env.url('?view=map'));
  await reason(page, 'start').waitFor({ timeout: 10000 });
  const text = await reason(page, 'start').innerText();
  assert.match(text, /stopped while starting/);
  assert.match(text, /शुरू होते समय रुक गई/);
  assert.equal(await page.locator('#boot').getAttribute('role'), 'alert');
  // The reason is logged for whoever looks at the console.
  assert.ok(trouble.consoleErrors.some((e) => /Out of memory/.test(e)), trouble.consoleErrors.join('\n'));
});

test('when no loader runs (first.js, which starts boot.js, blocked), the page says the app has not started', async () => {
  const { page } = await watchedPage(env);
  await page.route('**/first.js', (route) => route.abort('blockedbyclient'));
  await page.goto(env.url('?view=map'));
  await page.locator('.boot-slow').waitFor({ state: 'visible', timeout: 20000 });
  await page.waitForFunction(() => getComputedStyle(document.querySelector('.boot-slow')).visibility === 'visible', null, { timeout: 20000 });
  assert.match(await page.locator('.boot-slow').innerText(), /has not started/);
});

test('when boot.js cannot be had, first.js says the app\'s files could not be loaded', async () => {
  const { page } = await watchedPage(env);
  await page.route('**/boot.js', (route) => route.abort('connectionrefused'));
  await page.goto(env.url('?view=map&lang=en'));
  await reason(page, 'missing').waitFor({ timeout: 10000 });
  assert.match(await reason(page, 'missing').innerText(), /could not be loaded/);
  assert.equal(await page.locator('#boot').getAttribute('role'), 'alert');
  assert.ok(!(await page.locator('.boot-slow').isVisible()), 'not the "has not started" note');
});

// A comment added at the end of a script: the same program, other bytes.
const commented = (pick) => (dir) => {
  const file = fs.readdirSync(dir).find(pick);
  fs.writeFileSync(path.join(dir, file), `${fs.readFileSync(path.join(dir, file), 'utf8')}\n//x`);
};
const altered = [
  ['the loader (boot.js)', commented((f) => f === 'boot.js')],
  ['the app\'s JavaScript', commented((f) => /^samiksha-[0-9a-f]{12,16}\.js$/.test(f))],
  ['the wasm', (dir) => {
    const wasm = fs.readdirSync(dir).find((f) => f.endsWith('_bg.wasm'));
    const bytes = fs.readFileSync(path.join(dir, wasm));
    bytes[bytes.length - 10] ^= 0x01;
    fs.writeFileSync(path.join(dir, wasm), bytes);
  }],
];
for (const [what, alter] of altered) {
  test(`one altered byte in ${what}: the app refuses to run it and says why`, () => withCopy(alter, async (own) => {
    const { page } = await watchedPage(own);
    await page.goto(own.url('?view=map&lang=en'));
    await reason(page, 'altered').waitFor({ timeout: 10000 });
    assert.match(await reason(page, 'altered').innerText(), /do not match the published build/);
    assert.equal(await page.locator('#app').count(), 0, 'the app did not start (it mounts into #app)');
  }));
}

test('one altered figure in a value file: the file is named in the page and none of its figures is shown', () => withCopy((dir) => {
  const data = path.join(dir, 'data/sample');
  const manifest = JSON.parse(fs.readFileSync(path.join(data, 'manifest.json'), 'utf8'));
  const file = manifest.value_files.at(-1).path;
  const text = fs.readFileSync(path.join(data, file), 'utf8');
  // One figure changed after publishing, the manifest's size and SHA-256 left as published.
  const altered = text.replace(/(\d)\.(\d)/, (m, a, b) => `${a}.${(Number(b) + 1) % 10}`);
  assert.notEqual(altered, text);
  fs.writeFileSync(path.join(data, file), altered);
}, async (own) => {
  const { page } = await watchedPage(own);
  await page.goto(own.url('?view=rankings&indicator=mutation-pending&lang=en'));
  const note = page.locator('.refused-file');
  await note.waitFor({ timeout: 15000 });
  assert.match(await note.innerText(), /^values\/[\w-]+\.json does not match what was published/);
  await page.waitForSelector('main .note:has-text("No figures can be shown for this period")');
  assert.equal(await page.locator('.ranking-table tbody tr').count(), 0, 'no figure of the refused file is shown');
  // Other periods still show.
  await page.selectOption('select[name="period"]', { index: 1 });
  await page.waitForSelector('.ranking-table tbody tr[data-district]');
}));

test('a server that never answers the manifest gets a clear message, not endless loading', async () => {
  const { page } = await watchedPage(env);
  await page.route('**/manifest.json', () => {});
  await page.goto(env.url('?view=map&lang=en'));
  await page.waitForSelector('.no-connection', { timeout: 45000 });
  assert.match(await page.locator('.no-connection').innerText(), /did not answer in time/);
});

// Text a hostile or careless publisher could put in any text field of a dataset.
const HOSTILE = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script>]]>\u0000\u202E=HYPERLINK("x") ';

function hostileManifest(dir) {
  const file = path.join(dir, 'data/sample/manifest.json');
  const m = JSON.parse(fs.readFileSync(file, 'utf8'));
  const poison = (v) => {
    if (Array.isArray(v)) return v.forEach(poison);
    if (v && typeof v === 'object') {
      if (typeof v.en === 'string' && typeof v.hi === 'string') {
        v.en = HOSTILE + v.en;
        v.hi = HOSTILE + v.hi;
        return;
      }
      Object.values(v).forEach(poison);
    }
  };
  poison(m);
  m.licence.url = 'javascript:window.__pwned=3';
  for (const s of m.sources) s.url = 'javascript:window.__pwned=4';
  fs.writeFileSync(file, JSON.stringify(m));
}

test('hostile text in every field of a dataset is shown as text: no script runs, no link but http(s), exports stay well-formed', () => withCopy(hostileManifest, async (own) => {
  const { page } = await watchedPage(own);
  const dialogs = [];
  page.on('dialog', (d) => { dialogs.push(d.message()); d.dismiss(); });
  for (const lang of ['en', 'hi']) {
    for (const view of ['map', 'rankings', 'charts', 'district&district=rewa', 'brief&indicator=mutation-pending', 'pack&points=mutation-pending', 'about']) {
      await page.goto(own.url(`?view=${view}&lang=${lang}`));
      await settled(page);
      const seen = await page.evaluate(() => ({
        pwned: window.__pwned,
        injected: document.querySelectorAll('main img, main script, footer img').length,
        links: [...document.querySelectorAll('a[href]')].map((a) => a.href),
        shownAsText: document.body.innerText.includes('<img src=x'),
        title: document.title,
      }));
      assert.equal(seen.pwned, undefined, `${view} ${lang}: script ran`);
      assert.equal(seen.injected, 0, `${view} ${lang}: markup from the dataset became elements`);
      for (const href of seen.links) assert.match(href, /^https?:\/\//, `${view} ${lang}: link ${href}`);
      assert.ok(seen.shownAsText, `${view} ${lang}: the text is shown as text`);
      // The document title names the subject or district, poisoned too: its markup is there as
      // characters, neither run nor stripped.
      if (view !== 'about') assert.ok(seen.title.includes('<img src=x onerror='), `${view} ${lang}: title ${JSON.stringify(seen.title)}`);
    }
  }
  // Exports: the SVG parses as XML, the CSV has no cell a spreadsheet would run.
  await page.goto(own.url('?view=charts&indicator=mutation-pending&lang=en'));
  await page.waitForSelector('.chart-box svg[role=img]');
  const grab = async (label) => {
    const [d] = await Promise.all([page.waitForEvent('download'), page.click(`.chart-tools button:has-text("${label}")`)]);
    return fs.readFileSync(await d.path()).toString('utf8');
  };
  const svg = await grab('SVG');
  const parsed = await page.evaluate((s) => {
    const doc = new DOMParser().parseFromString(s, 'image/svg+xml');
    return { error: doc.querySelector('parsererror')?.textContent || null, scripts: doc.querySelectorAll('script, img').length };
  }, svg);
  assert.equal(parsed.error, null);
  assert.equal(parsed.scripts, 0);
  const png = await grab('PNG');
  assert.ok(png.length > 1000, 'the PNG arrives');
  const csv = await grab('CSV');
  for (const line of csv.replace(/^\ufeff/, '').split('\r\n')) {
    for (const cell of line.split(',')) assert.ok(!/^"?[=+@]/.test(cell), `formula cell: ${cell}`);
  }
  assert.deepEqual(dialogs, []);
}));

test('a data file the site\'s policy forbids is named with that reason, not waited for as a lost connection', async () => {
  // Not a watched page: this test breaks the policy on purpose.
  const page = await env.browser.newPage({ viewport: { width: 1024, height: 768 }, serviceWorkers: 'block' });
  const dist = path.join(ROOT, 'dist');
  const allowed = fs.readdirSync(dist).filter((f) => /\.(js|wasm)$/.test(f)).map((f) => env.url(f));
  allowed.push(env.url('data/catalog.json'));
  await page.route((url) => url.pathname === new URL(env.url()).pathname && url.search.includes('policy-test'), async (route) => {
    const response = await route.fetch();
    const headers = response.headers();
    // A second policy beside the site's: both apply, so it can only forbid more. The app's
    // files and the catalogue are listed; the dataset's manifest is not.
    headers['content-security-policy'] = `${headers['content-security-policy']}, connect-src ${allowed.join(' ')}`;
    await route.fulfill({ response, headers });
  });
  await page.goto(env.url('?view=rankings&lang=en&policy-test=1'));
  await page.waitForFunction(() => document.body.innerText.includes('Content Security Policy'), null, { timeout: 30000 });
  assert.equal(await page.locator('.no-connection').count(), 0, 'not said to be a lost connection');
  assert.match(await page.textContent('body'), /manifest\.json/);
  await page.goto(env.url('?view=rankings&lang=hi&policy-test=1'));
  await page.waitForFunction(() => document.body.innerText.includes('सुरक्षा नीति'), null, { timeout: 30000 });
  await page.close();
});

test('dataset text that is one long word wraps instead of widening the page', () => withCopy((dir) => {
  const file = path.join(dir, 'data/sample/manifest.json');
  const m = JSON.parse(fs.readFileSync(file, 'utf8'));
  const long = (s) => s.replace(/\s+/g, '').repeat(12);
  for (const u of m.units.slice(0, 5)) { u.name.en = long(u.name.en); u.name.hi = long(u.name.hi); }
  for (const i of m.indicators) { i.name.en = long(i.name.en); i.name.hi = long(i.name.hi); }
  m.title.en = long(m.title.en);
  m.title.hi = long(m.title.hi);
  fs.writeFileSync(file, JSON.stringify(m));
}, async (own) => {
  const { page } = await watchedPage(own, { viewport: { width: 1280, height: 800 } });
  for (const lang of ['en', 'hi']) {
    for (const view of ['rankings', 'map', 'district&district=' + 'rewa', 'about']) {
      await page.goto(own.url(`?view=${view}&indicator=public-awareness&lang=${lang}`));
      await settled(page);
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      assert.ok(width <= 1280, `${view} ${lang}: the page is ${width} px wide in a 1280 px window`);
    }
  }
  await page.close();
}));

test('a dataset without a boundary file, on a phone: the note saying so is there when the view is first shown, and the geographic map is not offered', () => withCopy((dir) => {
  const file = path.join(dir, 'data/sample/manifest.json');
  const manifest = JSON.parse(fs.readFileSync(file, 'utf8'));
  assert.ok(manifest.boundaries, 'the sample publishes a boundary file');
  delete manifest.boundaries;
  fs.writeFileSync(file, JSON.stringify(manifest));
}, async (own) => {
  const { page, trouble } = await watchedPage(own, { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  // What the page holds at the moment it is marked ready.
  await page.addInitScript(() => {
    new MutationObserver(() => {
      if (document.documentElement?.dataset.app !== 'ready' || window.__atReady) return;
      window.__atReady = { note: document.querySelector('main .note[role=note]')?.textContent ?? null, squares: document.querySelectorAll('main .tile-grid a.tile').length };
    }).observe(document, { subtree: true, attributes: true, attributeFilter: ['data-app'] });
  });
  await page.goto(own.url('?view=map&lang=en'));
  await page.waitForFunction(() => window.__atReady);
  const atReady = await page.evaluate(() => window.__atReady);
  assert.match(atReady.note || '', /No boundary file was published/);
  assert.ok(atReady.squares > 50, 'the squares are shown');
  assert.ok(await page.locator('main .map-tools fieldset.segmented button').first().isDisabled(), 'the geographic map is not offered');
  assert.deepEqual(trouble.consoleErrors, []);
}));
