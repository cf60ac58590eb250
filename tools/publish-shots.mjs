// Screenshots of the publishing page for docs/publishing.md (docs/img/publish-*.png), taken in
// headless Chromium at 1024×768 from dist/ with the fixture state's files: run after
// `make dist` with `node tools/publish-shots.mjs`. Pass `hi` to take them in Hindi.
import { chromium } from 'playwright-core';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve } from '../tests/e2e/server.mjs';
import { CHROMIUM_ARGS } from '../tests/e2e/harness.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const lang = process.argv[2] === 'hi' ? 'hi' : 'en';
const out = (name) => path.join(root, 'docs/img', `publish-${name}${lang === 'hi' ? '.hi' : ''}.png`);
const state = path.join(root, 'crates/publish/tests/fixtures/state');
const server = await serve(path.join(root, 'dist'), { base: '/samiksha/' });
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium', args: CHROMIUM_ARGS });
try {
  const page = await browser.newPage({ viewport: { width: 1024, height: 768 } });
  await page.goto(`http://127.0.0.1:${server.address().port}/samiksha/publish.html?lang=${lang}`);
  await page.waitForSelector('input[data-role="values"]');
  for (const [role, file] of [['districts', 'districts.csv'], ['indicators', 'indicators.csv'], ['values', 'values.csv'], ['meta', 'meta.json']]) {
    await page.setInputFiles(`input[data-role="${role}"]`, path.join(state, file));
    await page.waitForFunction((r) => document.querySelector(`[data-status="${r}"]`)?.textContent.trim(), role);
  }
  await page.fill('#id', 'uk-review');
  await page.dispatchEvent('#id', 'change');
  await page.locator('#step-files').scrollIntoViewIfNeeded();
  await page.evaluate(() => document.getElementById('step-files').scrollIntoView());
  await page.screenshot({ path: out('1-files') });
  await page.evaluate(() => document.getElementById('step-meta').scrollIntoView());
  await page.screenshot({ path: out('2-about') });
  await page.click('#build');
  await page.waitForSelector('.problems');
  await page.evaluate(() => document.getElementById('step-options').scrollIntoView());
  await page.screenshot({ path: out('3-problems') });
  await page.check('#allow_unmatched');
  await page.click('#build');
  await page.waitForSelector('#download');
  await page.evaluate(() => document.getElementById('step-check').scrollIntoView());
  await page.screenshot({ path: out('4-built') });
  console.log(`publish-shots: docs/img/publish-*${lang === 'hi' ? '.hi' : ''}.png`);
} finally {
  await browser.close();
  server.close();
}
