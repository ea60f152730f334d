// A generated Postfix log of several hundred MB loads through the worker, piece by piece, and the
// page shows exactly the deliveries it was built with.
import test from 'node:test';
import assert from 'node:assert/strict';
import { hooks, open, postfixLog, thousands } from './support.mjs';

const ctx = await hooks(test);
const MB = Number(process.env.MAILFLOW_LARGE_MB || 300);

test(`a ${MB} MB Postfix log loads and its totals are exact`, { timeout: 600_000 }, async () => {
  const log = postfixLog(`large-postfix-${MB}mb.log`, MB);
  const page = await open(ctx.browser, ctx.server.url);
  const t0 = Date.now();
  await page.getByTestId('file-input').setInputFiles(log.file);
  const summary = page.getByTestId('file-summary');
  await summary.waitFor({ timeout: 540_000 });
  const seconds = (Date.now() - t0) / 1000;
  console.log(`# ${(log.bytes / 1e6).toFixed(0)} MB in ${seconds.toFixed(1)} s: ${(log.bytes / 1e6 / seconds).toFixed(0)} MB/s`);
  assert.equal(await summary.getByTestId('deliveries-used').textContent(), thousands(log.inbound + log.outbound));
  assert.match(await summary.textContent(), new RegExp(`\\(${thousands(log.inbound)} inbound, ${thousands(log.outbound)} outbound\\)`));
  assert.equal(page.workers().length, 1, 'the file was read in the loading worker');
  assert.deepEqual(page.errors, []);
});
