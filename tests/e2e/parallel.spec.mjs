// A large Mailflow CSV is read by two workers at once, and gives exactly what one worker gives:
// the same summary (rows, deliveries, skipped rows with their line numbers, dates), the same
// report and the same partners. The workers get the module the page compiled.
import test from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { hooks, open, output, tableText } from './support.mjs';

const ctx = await hooks(test);

/** About 60 MB of Mailflow CSV with 2,000 partners and a bad row every 100,003 rows. */
function bigCsv() {
  const file = path.join(output, 'parallel-60mb.csv');
  if (fs.existsSync(file) && fs.statSync(file).size > 55e6) return file;
  const tls = ['TLS 1.2', 'TLS 1.3', 'No TLS', 'TLS 1.0', 'TLS 1.2'];
  const lines = ['date,direction,connector,tls,count,remote_host'];
  let size = 0;
  for (let i = 0; size < 60e6; i++) {
    const day = String(1 + (i % 28)).padStart(2, '0');
    const line = i % 100003 === 77
      ? `2026-02-${day}T25:99:00Z,Inbound,Relay,TLS 1.2,1,bad.example`
      : `2026-02-${day}T10:${String(i % 60).padStart(2, '0')}:00.${String(i % 1000).padStart(3, '0')}Z,${i % 2 ? 'Outbound' : 'Inbound'},${i % 3 ? 'Relay ' + (i % 5) : ''},${tls[i % 5]},${1 + (i % 3)},mx${Math.floor(2000 / (1 + (i % 2000)))}.p${i % 2000}.example`;
    lines.push(line);
    size += line.length + 1;
  }
  fs.writeFileSync(file, lines.join('\n') + '\n');
  return file;
}

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
  await page.locator('.mf-file__skips summary').click();
  const skips = await page.locator('.mf-file__skips li').allTextContents();
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
  const file = bigCsv();
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
