// A large Mailflow CSV is read by two workers at once, and gives exactly what one worker gives:
// the same summary (rows, deliveries, skipped rows with their line numbers, dates), the same
// report and the same partners. The workers get the module the page compiled.
import test from 'node:test';
import assert from 'node:assert/strict';
import { hooks, open, tableText, partnersCsv, eximLog } from './support.mjs';

const ctx = await hooks(test);

async function readWith(workers, file) {
  const wasmBefore = ctx.server.requests.filter((r) => r.endsWith('.wasm')).length;
  const page = await open(ctx.browser, ctx.server.url);
  if (workers === 1) {
    // One core: one worker reads the whole file (the page asks navigator.hardwareConcurrency).
    await page.evaluate(() => Object.defineProperty(Navigator.prototype, 'hardwareConcurrency', { get: () => 1 }));
  } else {
    await page.evaluate(() => Object.defineProperty(Navigator.prototype, 'hardwareConcurrency', { get: () => 2 }));
  }
  let started = 0;
  page.on('worker', () => started++);
  await page.getByTestId('file-input').setInputFiles(file);
  await page.getByTestId('file-summary').waitFor({ timeout: 120_000 });
  await page.getByTestId('range-preset').selectOption('all');
  const summary = await page.getByTestId('file-summary').textContent();
  if (await page.locator('.mf-file__skips summary').count()) await page.locator('.mf-file__skips summary').click();
  const skips = await page.locator('.mf-file__skips li').allTextContents().catch(() => []);
  const table = await tableText(page);
  const insights = await page.getByTestId('insights').textContent().catch(() => '');
  const workerCount = started;
  // The page compiled the WebAssembly once and posted the module to each worker: no worker
  // fetched it again.
  const wasmFetches = ctx.server.requests.filter((r) => r.endsWith('.wasm')).length - wasmBefore;
  assert.deepEqual(page.errors, []);
  await page.context().close();
  return { summary, skips, table, insights, workerCount, wasmFetches };
}

test('two workers read a 60 MB CSV exactly as one does', { timeout: 300_000 }, async () => {
  const file = partnersCsv();
  const one = await readWith(1, file);
  const two = await readWith(2, file);
  assert.equal(one.workerCount, 1);
  assert.equal(two.workerCount, 2, 'a helper worker read the second half');
  assert.equal(two.wasmFetches, 1, 'the WebAssembly is fetched by the page only, not by its workers');
  assert.equal(one.workerCount, 1);
  assert.match(one.summary, /rows read/);
  assert.ok(one.skips.length >= 5 && one.skips.every((s) => /^line \d+: /.test(s)), one.skips.join(' | '));
  assert.equal(two.summary, one.summary);
  assert.deepEqual(two.skips, one.skips, 'skipped rows keep the file\'s line numbers');
  assert.deepEqual(two.table, one.table);
  assert.equal(two.insights, one.insights);
});

test('a 60 MB Exim log is read by one worker in the browser, where a second does not pay', { timeout: 300_000 }, async () => {
  // (Natively the command line reads it in parts: tests/cli.rs and split.rs check that the
  // parts hand their TLS evidence over exactly.)
  const two = await readWith(2, eximLog(60));
  assert.equal(two.workerCount, 1, 'no helper for a log');
  assert.match(two.summary, /Exim main log/);
  // The outbound deliveries without X= wait for the X= line near the end, then count No TLS.
  assert.match(two.insights, /No TLS is over 25%/);
});
