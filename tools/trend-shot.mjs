// Screenshot of one chart kind (for looking, not a test): node tools/trend-shot.mjs "<query>" <kind> out.png
import { start, stop, watchedPage } from '../tests/e2e/harness.mjs';
const [,, query, kind, out] = process.argv;
const env = await start();
const { page, trouble } = await watchedPage(env);
await page.goto(env.url(query));
await page.click(`.chart-kinds button[data-chart=${kind}]`);
await page.waitForTimeout(1500);
await page.evaluate(() => document.querySelector('.chart-figure').scrollIntoView());
await page.screenshot({ path: out });
console.log(trouble.consoleErrors.join('\n') || 'no console errors');
await stop(env);
