// End-to-end checks of briefing on tablets: the deck (keys, swipes, the URL, honest ties,
// fitting the screen), the printed pack (A4 PDF), printing the other views, and touch taps on
// the map.
import { before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { test, start, stop, watchedPage } from './harness.mjs';

let env;
before(async () => { env = await start(); });
after(async () => { await stop(env); });

const POINTS = ['mutation-pending', 'cmh-satisfactory', 'khasra-update', 'rcms-disposal', 'encroachment-removal'];

/** The ranking the rankings view shows (built by the core), best first. */
async function ranking(page, id) {
  await page.goto(env.url(`?view=rankings&indicator=${id}&lang=en`));
  await page.waitForSelector('.ranking-table tbody tr');
  return page.$$eval('.ranking-table tbody tr', (trs) => trs.map((tr) => ({ district: tr.dataset.district, rank: Number(tr.dataset.rank) })));
}

/** What the top and bottom ends must list: three each, plus every district tied at the edge. */
function ends(rows) {
  const n = rows.length;
  const top = [...rows.slice(0, 3), ...rows.slice(3).filter((r) => r.rank === rows[2].rank)];
  const bottom = [...rows.slice(n - 3), ...rows.slice(0, n - 3).filter((r) => r.rank === rows[n - 3].rank)];
  return { top, bottom };
}

/** A horizontal finger swipe over the slide, through Chromium's touch input. */
async function swipe(page, dx) {
  const cdp = await page.context().newCDPSession(page);
  const y = 400;
  const x0 = dx < 0 ? 700 : 300;
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [{ x: x0, y }] });
  for (let k = 1; k <= 5; k++) await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: [{ x: x0 + (dx * k) / 5, y }] });
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
  await cdp.detach();
}

const shown = (page) => page.$eval('[data-slide]:not([hidden])', (s) => s.dataset.slide);
const indicatorInUrl = (page) => new URL(page.url()).searchParams.get('indicator');

test('a points= deck steps through every slide by keys and swipes, and each slide names the core ranking\'s top and bottom three with ties', async () => {
  const { page, trouble } = await watchedPage(env, { hasTouch: true });
  const expected = {};
  for (const id of [...POINTS, 'composite']) expected[id] = ends(await ranking(page, id));

  await page.goto(env.url(`?view=brief&points=${POINTS.join(',')}&lang=en`));
  await page.waitForSelector('[data-slide="title"]:not([hidden])');
  const order = await page.$$eval('[data-slide]', (s) => s.map((x) => x.dataset.slide));
  assert.deepEqual(order, ['title', 'changes', ...POINTS, 'composite'], 'every slide of the deck is in the page, in the order the link names');
  await page.waitForSelector('[data-slide="composite"] .end-top li[data-district]', { state: 'attached' });

  const forward = ['ArrowRight', 'swipe', 'PageDown', 'Space', 'swipe', 'ArrowRight'];
  for (let k = 1; k < order.length; k++) {
    const move = forward[(k - 1) % forward.length];
    if (move === 'swipe') await swipe(page, -320);
    else await page.keyboard.press(move);
    await page.waitForSelector(`[data-slide="${order[k]}"]:not([hidden])`);
    assert.equal(await page.locator('[data-slide]:not([hidden])').count(), 1, 'one slide shows at a time');
    if (order[k] === 'changes') {
      assert.equal(new URL(page.url()).searchParams.get('slide'), 'changes', 'the URL names the second slide');
      assert.equal(indicatorInUrl(page), null);
    } else {
      assert.equal(indicatorInUrl(page), order[k], 'the URL names the current slide');
    }
    assert.equal(await page.locator('.deck-counter').innerText(), `Slide ${k + 1} of ${order.length}`);
  }
  // Past the end nothing moves; then back by swipe, PageUp and the arrow key.
  await page.keyboard.press('ArrowRight');
  assert.equal(await shown(page), 'composite');
  await swipe(page, 320);
  await page.waitForSelector(`[data-slide="${order.at(-2)}"]:not([hidden])`);
  await page.keyboard.press('PageUp');
  await page.waitForSelector(`[data-slide="${order.at(-3)}"]:not([hidden])`);
  await page.keyboard.press('ArrowLeft');
  await page.waitForSelector(`[data-slide="${order.at(-4)}"]:not([hidden])`);

  for (const id of [...POINTS, 'composite']) {
    const read = (end) => page.$$eval(`[data-slide="${id}"] .end-${end} li[data-district]`, (lis) => lis.map((li) => ({ district: li.dataset.district, rank: Number(li.dataset.rank) })));
    assert.deepEqual(await read('top'), expected[id].top, `${id}: top three and ties`);
    assert.deepEqual(await read('bottom'), expected[id].bottom, `${id}: bottom three and ties`);
  }
  // The sample's mutation pendency has five districts tied at rank 1: the slide says so.
  const more = await page.locator('[data-slide="mutation-pending"] .end-top .more-tied summary').textContent();
  assert.equal(more, `+${expected['mutation-pending'].top.length - 3} more tied at rank 1`);

  // The contents list jumps to any point; the deck's link opens on the slide it names.
  await page.click('.deck-contents summary');
  await page.click(`.deck-contents li:nth-child(4) button`);
  await page.waitForSelector(`[data-slide="${order[3]}"]:not([hidden])`);
  await page.goto(env.url(`?view=brief&points=${POINTS.join(',')}&indicator=${POINTS[2]}&lang=en`));
  await page.waitForSelector(`[data-slide="${POINTS[2]}"]:not([hidden])`);
  assert.deepEqual(trouble.consoleErrors, []);
});

test('a department= deck holds that department\'s points, and the deck is in the navigation in both languages', async () => {
  const { page } = await watchedPage(env);
  await page.goto(env.url('?view=brief&department=revenue&lang=hi'));
  await page.waitForSelector('[data-slide="title"]:not([hidden])');
  const order = await page.$$eval('[data-slide]', (s) => s.map((x) => x.dataset.slide));
  assert.deepEqual(order.slice(0, 4), ['title', 'changes', 'mutation-pending', 'partition-pending']);
  assert.ok(order.length > 4 && order.length < 35 && order.at(-1) === 'composite', order.join(','));
  for (const [lang, label] of [['hi', 'ब्रीफ़िंग'], ['en', 'Briefing']]) {
    await page.goto(env.url(`?view=map&lang=${lang}`));
    await page.click(`.main-nav a:text-is("${label}")`);
    await page.waitForSelector('[data-slide]:not([hidden])');
    assert.equal(new URL(page.url()).searchParams.get('view'), 'brief');
  }
});

for (const [width, height] of [[1024, 768], [768, 1024]]) {
  test(`every slide fits ${width}×${height} in both languages: no scrolling, names of at least 24 px, targets of at least 44 px`, async () => {
    const { page } = await watchedPage(env, { viewport: { width, height } });
    for (const lang of ['en', 'hi']) {
      await page.goto(env.url(`?view=brief&lang=${lang}`));
      await page.waitForSelector('[data-slide="title"]:not([hidden])');
      await page.waitForSelector('[data-slide="composite"] .end-top li[data-district]', { state: 'attached' });
      const total = await page.locator('[data-slide]').count();
      for (let k = 0; k < total; k++) {
        const m = await page.evaluate(() => {
          const slides = document.querySelector('.slides');
          const slide = document.querySelector('[data-slide]:not([hidden])');
          const names = [...slide.querySelectorAll('.entry-name')].filter((n) => n.offsetParent).map((n) => parseFloat(getComputedStyle(n).fontSize));
          const buttons = [...document.querySelectorAll('.deck-nav button, .deck-bar a, .deck-bar button, .deck-bar summary')].map((b) => b.getBoundingClientRect().height);
          return {
            id: slide.dataset.slide, over: slides.scrollHeight - slides.clientHeight, sideways: document.documentElement.scrollWidth - window.innerWidth,
            smallest: Math.min(...names, 99), target: Math.min(...buttons),
          };
        });
        assert.ok(m.over <= 1, `${lang} ${m.id}: the slide overflows by ${m.over}px`);
        assert.ok(m.sideways <= 0, `${lang} ${m.id}: the page scrolls sideways by ${m.sideways}px`);
        assert.ok(m.smallest >= 24, `${lang} ${m.id}: a district name is ${m.smallest}px`);
        assert.ok(m.target >= 44, `${lang} ${m.id}: a control is ${m.target}px tall`);
        await page.keyboard.press('ArrowRight');
      }
    }
  });
}

for (const [width, height] of [[390, 844], [768, 1024]]) test(`at ${width}×${height} the deck bar is one row in both languages, and each of its controls is in view when focused`, async () => {
  const { page } = await watchedPage(env, { viewport: { width, height } });
  for (const lang of ['hi', 'en']) {
    await page.goto(env.url(`?view=brief&lang=${lang}`));
    await page.waitForSelector('[data-slide="title"]:not([hidden])');
    const bar = await page.evaluate(() => {
      const bar = document.querySelector('.deck-bar');
      const middles = [...bar.children].filter((c) => c.offsetParent).map((c) => { const r = c.getBoundingClientRect(); return r.top + r.height / 2; });
      return { spread: Math.max(...middles) - Math.min(...middles), height: bar.getBoundingClientRect().height, count: middles.length };
    });
    assert.ok(bar.count >= 5, `${lang}: the bar shows ${bar.count} items`);
    assert.ok(bar.spread <= 2 && bar.height <= 64, `${lang}: the bar takes ${bar.height}px (its items' middles ${bar.spread}px apart)`);
    // Tabbing through the bar brings each control into view.
    await page.focus('.deck-leave');
    const seen = [];
    for (let k = 0; k < 6; k++) {
      const f = await page.evaluate(() => {
        const el = document.activeElement;
        if (!el.closest('.deck-bar')) return null;
        const b = el.getBoundingClientRect();
        return { name: el.className || el.parentElement.className, left: b.left, right: b.right };
      });
      if (!f) break;
      seen.push(f.name);
      assert.ok(f.left >= 0 && f.right <= width, `${lang} ${f.name}: focused at ${f.left}–${f.right}px, outside the screen`);
      await page.keyboard.press('Tab');
    }
    assert.ok(['deck-lang', 'deck-print'].every((c) => seen.includes(c)), `${lang}: tabbing reached ${seen.join(', ')}`);
  }
});

test('the printed pack is A4 with a cover and one page per point, each with its title and six districts', async () => {
  const { page } = await watchedPage(env);
  const points = POINTS.slice(0, 3);
  await page.goto(env.url(`?view=pack&points=${points.join(',')}&lang=en`));
  await page.waitForSelector('[data-point="composite"] .pack-table tr[data-district]');
  const sections = await page.$$eval('.pack-point', (ss) => ss.map((s) => ({
    id: s.dataset.point,
    title: s.querySelector('h2').textContent,
    six: [...s.querySelectorAll('.end > ol > li.entry .entry-name')].map((n) => n.textContent),
  })));
  assert.deepEqual(sections.map((s) => s.id), [...points, 'composite']);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'samiksha-pack-'));
  const pdf = path.join(dir, 'pack.pdf');
  await page.pdf({ path: pdf, format: 'A4' });
  const info = execFileSync('pdfinfo', [pdf], { encoding: 'utf8' });
  assert.match(info, /Page size:.*\(A4\)/);
  assert.equal(Number(info.match(/Pages:\s+(\d+)/)[1]), 1 + points.length + 1, 'a cover, then one page per point and the composite');
  for (let k = 0; k < sections.length; k++) {
    const text = execFileSync('pdftotext', ['-f', String(k + 2), '-l', String(k + 2), '-layout', pdf, '-'], { encoding: 'utf8' });
    assert.ok(text.includes(sections[k].title), `page ${k + 2} has "${sections[k].title}"`);
    assert.equal(sections[k].six.length, 6);
    for (const name of sections[k].six) assert.ok(text.includes(name), `page ${k + 2} names ${name}`);
    assert.match(text, new RegExp(`\\b${k + 2}\\s*/\\s*${sections.length + 1}\\b`), `page ${k + 2} is numbered`);
  }
  const cover = execFileSync('pdftotext', ['-f', '1', '-l', '1', pdf, '-'], { encoding: 'utf8' });
  for (const word of ['Briefing pack', 'Data as of', 'Licence', 'Source:', 'Publisher']) assert.ok(cover.includes(word), `the cover has "${word}"`);
  // On screen the pack offers Print and the way back; in print there are no controls.
  await page.emulateMedia({ media: 'print' });
  assert.equal(await page.locator('button:visible, select:visible, input:visible').count(), 0);
  fs.rmSync(dir, { recursive: true });
});

test('the other views print without navigation or form controls, under a title block', async () => {
  const { page } = await watchedPage(env);
  for (const view of ['map', 'rankings', 'charts', 'district&district=rewa', 'about']) {
    await page.goto(env.url(`?view=${view}&lang=en`));
    await page.waitForSelector('main h2');
    await page.emulateMedia({ media: 'print' });
    assert.equal(await page.locator('button:visible, select:visible, input:visible, .main-nav:visible').count(), 0, `${view}: controls in print`);
    const title = await page.locator('.print-title').innerText();
    assert.match(title, /Data as of/, `${view}: title block`);
    await page.emulateMedia({ media: 'screen' });
  }
});

test('on a touch screen the first tap on a district shows its value and rank, the second opens its profile', async () => {
  const { page } = await watchedPage(env, { hasTouch: true, isMobile: true, viewport: { width: 1024, height: 768 } });
  await page.goto(env.url('?view=map&map=tiles&indicator=mutation-pending&lang=en'));
  await page.waitForSelector('.tile[data-district="rewa"]');
  await page.tap('.tile[data-district="rewa"]');
  const tip = page.locator('.map-tooltip');
  await tip.waitFor();
  assert.match(await tip.innerText(), /Rewa[\s\S]*rank\s\d+\sof\s\d+/);
  assert.equal(new URL(page.url()).searchParams.get('view'), 'map', 'the first tap does not leave the map');
  assert.equal(await tip.locator('a').getAttribute('href').then((h) => new URLSearchParams(h.split('?')[1]).get('district')), 'rewa');
  await page.tap('.tile[data-district="rewa"]');
  await page.waitForFunction(() => new URL(location.href).searchParams.get('view') === 'district');
  assert.equal(new URL(page.url()).searchParams.get('district'), 'rewa');
});
