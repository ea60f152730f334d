// While the page is idle it reads made-up Mailflow and Exchange Online CSVs, in short tasks, so
// that the browser has compiled the parsers before the first real file (an 8 MB CSV then loaded
// in 64-78% of the time here); a file chosen while it runs stops it, so that the cores are the
// file's.
import test from 'node:test';
import assert from 'node:assert/strict';
import { hooks, open } from './support.mjs';

const ctx = await hooks(test);

const marks = (page) => page.evaluate(() => Object.fromEntries(['mailflow-warm-up', 'mailflow-warmed-up'].map((n) => [n, performance.getEntriesByName(n)[0]?.startTime ?? null])));

test('an idle page warms the parsers up in tasks under 50 ms', { timeout: 120_000 }, async () => {
  const page = await open(ctx.browser, ctx.server.url);
  await page.evaluate(() => {
    window.__long = [];
    new PerformanceObserver((list) => window.__long.push(...list.getEntries().map((e) => ({ start: e.startTime, duration: e.duration }))))
      .observe({ type: 'longtask', buffered: true });
  });
  await page.waitForFunction(() => performance.getEntriesByName('mailflow-warmed-up').length > 0, null, { timeout: 60_000 });
  const m = await marks(page);
  const long = await page.evaluate(() => window.__long);
  const during = long.filter((t) => t.start + t.duration >= m['mailflow-warm-up'] && t.start <= m['mailflow-warmed-up']);
  console.log(`# warmed up in ${(m['mailflow-warmed-up'] - m['mailflow-warm-up']).toFixed(0)} ms; tasks over 50 ms meanwhile: ${during.map((t) => t.duration.toFixed(0)).join(', ') || 'none'}`);
  assert.ok(m['mailflow-warm-up'] < m['mailflow-warmed-up']);
  assert.deepEqual(during, [], 'no task over 50 ms while warming up');
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('a file chosen while the warm-up runs stops it and loads as usual', { timeout: 120_000 }, async () => {
  const page = await open(ctx.browser, ctx.server.url);
  await page.waitForFunction(() => performance.getEntriesByName('mailflow-warm-up').length > 0, null, { timeout: 60_000 });
  assert.equal((await marks(page))['mailflow-warmed-up'], null, 'the warm-up had not ended when the file was chosen');
  await page.getByTestId('file-input').setInputFiles({ name: 'first.csv', mimeType: 'text/csv', buffer: Buffer.from('date,direction,tls,count\n2026-11-20,Inbound,TLS 1.2,7\n') });
  await page.getByTestId('file-summary').waitFor();
  assert.match(await page.getByTestId('file-summary').textContent(), /7/);
  // Long enough for a warm-up that went on to end (it takes under a second here).
  await page.waitForTimeout(3000);
  assert.equal((await marks(page))['mailflow-warmed-up'], null, 'the warm-up stopped when the file was chosen');
  assert.deepEqual(page.errors, []);
  await page.context().close();
});
