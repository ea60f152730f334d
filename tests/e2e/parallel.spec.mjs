// A large Mailflow CSV, and a large enhanced summary in UTF-16LE, are read by two workers at once,
// and give exactly what one worker gives: the same summary (rows, deliveries, skipped rows with
// their line numbers, dates), the same report and the same partners. The workers get the module
// the page compiled.
import test from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { hooks, open, tableText, partnersCsv, eximLog, enhancedSummary, output } from './support.mjs';

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
  // The page marks a file put together from its parts, and one read again in one pass.
  const marks = await page.evaluate(() => ['mailflow-read-in-parts', 'mailflow-read-again-in-one-pass'].map((n) => performance.getEntriesByName(n).length));
  // The page compiled the WebAssembly once and posted the module to each worker: no worker
  // fetched it again.
  const wasmFetches = ctx.server.requests.filter((r) => r.endsWith('.wasm')).length - wasmBefore;
  assert.deepEqual(page.errors, []);
  await page.context().close();
  return { summary, skips, table, insights, workerCount, wasmFetches, marks };
}

test('two workers read a 60 MB CSV exactly as one does', { timeout: 300_000 }, async () => {
  const file = partnersCsv();
  const one = await readWith(1, file);
  const two = await readWith(2, file);
  assert.equal(one.workerCount, 1);
  assert.equal(two.workerCount, 2, 'a helper worker read the second half');
  assert.deepEqual(two.marks, [1, 0], 'put together from its parts, not read again');
  assert.deepEqual(one.marks, [0, 0]);
  assert.equal(two.wasmFetches, 1, 'the WebAssembly is fetched by the page only, not by its workers');
  assert.equal(one.workerCount, 1);
  assert.match(one.summary, /rows read/);
  assert.ok(one.skips.length >= 5 && one.skips.every((s) => /^line \d+: /.test(s)), one.skips.join(' | '));
  assert.equal(two.summary, one.summary);
  assert.deepEqual(two.skips, one.skips, 'skipped rows keep the file\'s line numbers');
  assert.deepEqual(two.table, one.table);
  assert.equal(two.insights, one.insights);
});

test('two workers read a 60 MB enhanced summary (UTF-16LE, quoted line breaks) exactly as one does', { timeout: 300_000 }, async () => {
  const { file, pairs } = enhancedSummary(60);
  const one = await readWith(1, file);
  const two = await readWith(2, file);
  assert.equal(one.workerCount, 1);
  assert.equal(two.workerCount, 2, 'a helper worker read the second half');
  assert.deepEqual(two.marks, [1, 0], 'put together from its parts, not read again');
  assert.match(one.summary, /enhanced summary/i);
  assert.ok(one.summary.includes(pairs.toLocaleString('en-US')), `${pairs} pairs in: ${one.summary}`);
  assert.equal(two.summary, one.summary);
  assert.deepEqual(two.table, one.table);
  assert.equal(two.insights, one.insights);
});

test('a file whose middle falls inside a quoted line break is read again in one pass, as one worker reads it', { timeout: 300_000 }, async () => {
  // A 52 MB CSV whose middle is a quoted note of 150,000 lines (a column Mailflow does not
  // read): the second part begins inside it, so the parts do not chain.
  const file = path.join(output, 'quoted-middle-52mb.csv');
  if (!fs.existsSync(file)) {
    fs.mkdirSync(output, { recursive: true });
    const rows = (from, n) => Array.from({ length: n }, (_, k) => {
      const i = from + k;
      return `2026-01-${String(1 + (i % 28)).padStart(2, '0')}T10:00:00Z,${i % 2 ? 'Outbound' : 'Inbound'},Relay ${i % 4},${['TLS 1.2', 'No TLS', 'TLS 1.3'][i % 3]},1,mx.p${i % 700}.example,\n`;
    }).join('');
    const half = rows(0, 400_000);
    const note = `2026-01-05T10:00:00Z,Inbound,Relay 1,TLS 1.2,1,mx.note.example,"${'a line of the note\n'.repeat(150_000)}"\n`;
    fs.writeFileSync(file, 'date,direction,connector,tls,count,remote_host,note\n' + half + note + rows(400_000, 400_000));
  }
  assert.ok(fs.statSync(file).size >= 48 << 20);
  const one = await readWith(1, file);
  const two = await readWith(2, file);
  assert.equal(two.workerCount, 2, 'a helper worker started');
  assert.deepEqual(two.marks, [0, 1], 'read again in one pass');
  assert.match(one.summary, /800,001/);
  assert.equal(two.summary, one.summary);
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
