// The page stays responsive while a big file loads: the Long Tasks API sees no main-thread task
// over 50 ms until the result arrives (the one task that adds the result and draws the report is
// measured and reported apart).
import test from 'node:test';
import assert from 'node:assert/strict';
import { hooks, open, postfixLog } from './support.mjs';

const ctx = await hooks(test);

test('no main-thread task over 50 ms while a 300 MB log is read', { timeout: 300_000 }, async () => {
  const log = postfixLog('large-postfix-300mb.log', 300);
  const page = await open(ctx.browser, ctx.server.url);
  await page.evaluate(() => {
    window.__long = [];
    new PerformanceObserver((list) => window.__long.push(...list.getEntries().map((e) => ({ start: e.startTime, duration: e.duration }))))
      .observe({ type: 'longtask' });
    window.__landed = null;
    new MutationObserver(() => {
      if (window.__landed === null && document.querySelector('[data-testid="file-summary"]')) window.__landed = performance.now();
    }).observe(document.body, { childList: true, subtree: true });
  });
  const started = await page.evaluate(() => performance.now());
  await page.getByTestId('file-input').setInputFiles(log.file);
  await page.getByTestId('file-summary').waitFor({ timeout: 240_000 });
  const { long, landed } = await page.evaluate(() => ({ long: window.__long, landed: window.__landed }));
  const during = long.filter((t) => t.start >= started && t.start + t.duration < landed - 1);
  const last = long.filter((t) => t.start <= landed && t.start + t.duration >= landed - 1);
  console.log(`# read for ${((landed - started) / 1000).toFixed(1)} s; long tasks while reading: ${during.length}; the task that added the result: ${last.map((t) => t.duration.toFixed(0) + ' ms').join(', ') || 'under 50 ms'}`);
  assert.equal(page.workers().length, 1, 'the file was read in the loading worker');
  assert.deepEqual(during, [], 'no task over 50 ms while the file was read');
  assert.ok(landed - started > 1000, 'the file took long enough to make the check mean something');
  assert.deepEqual(page.errors, []);
});
