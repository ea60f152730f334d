// Trust on real files: what the load summary says about logs that do not log TLS, and how a
// defect in Mailflow is reported (not as running out of memory).
import test from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { hooks, open, drop, root, postfixLog } from './support.mjs';

const ctx = await hooks(test);
const realShape = (name) => ({ name, content: fs.readFileSync(path.join(root, 'tests/fixtures/real-shapes', name)) });

/** The flyout's count of one TLS row for inbound mail, over all the data. */
async function inboundCount(page, label) {
  await page.getByTestId('range-preset').selectOption('all');
  await page.getByTestId('view-details').click();
  const flyout = page.getByTestId('tls-flyout');
  await flyout.waitFor();
  const rows = await flyout.getByTestId('flyout-table').locator('tbody tr').evaluateAll((trs) =>
    trs.map((tr) => [tr.children[0].textContent.trim(), ...[...tr.querySelectorAll('td span')].map((c) => c.textContent.trim())]));
  await page.getByTestId('flyout-close').click();
  await flyout.waitFor({ state: 'detached' });
  return rows.find((r) => r[0] === label)?.[1];
}

test('a Postfix log without TLS lines counts Unknown, says why, and the admin can say it logs TLS', async () => {
  const page = await open(ctx.browser, ctx.server.url);
  await drop(page, [realShape('postfix-tls-not-logged.log')]);
  const note = page.getByTestId('tls-unlogged');
  await note.waitFor();
  const text = await note.textContent();
  assert.match(text, /^6 inbound and 3 outbound deliveries count as Unknown TLS, not No TLS/);
  assert.match(text, /smtpd_tls_loglevel = 1 and smtp_tls_loglevel = 1/);
  assert.match(await page.getByTestId('other-lines').textContent(), /^\d+ lines were not deliveries/);
  assert.equal(await inboundCount(page, 'No TLS'), '0');

  await page.getByTestId('tls-logged-switch').click();
  await page.waitForFunction(() => document.querySelector('[data-testid=tls-unlogged]')?.textContent.includes('as you said'));
  assert.equal(await inboundCount(page, 'No TLS'), '6');
  // And back.
  await page.getByTestId('tls-logged-switch').click();
  await page.waitForFunction(() => document.querySelector('[data-testid=tls-unlogged]')?.textContent.includes('count as Unknown TLS'));
  assert.deepEqual(page.errors, []);
});

test('submissions are counted apart with their TLS versions', async () => {
  const page = await open(ctx.browser, ctx.server.url);
  await drop(page, [realShape('postfix-submission.log')]);
  const line = page.getByTestId('submissions');
  await line.waitFor();
  assert.match(await line.textContent(), /^5 authenticated client submissions \(SMTP AUTH\), counted apart from inbound mail flow: /);
  assert.deepEqual(page.errors, []);
});

test('a panic in the loading worker is reported as a defect with details to copy, and loading goes on', async () => {
  const { file } = postfixLog('large-postfix-300mb.log', 300); // shared with the other large-file specs
  const page = await open(ctx.browser, ctx.server.url);
  const started = page.waitForEvent('worker');
  await page.getByTestId('file-input').setInputFiles(file);
  const worker = await started;
  // Wait until the worker is reading (deliveries counted), so that the drill reaches its code.
  await page.waitForFunction(() => /[1-9][\d,]* deliveries/.test(document.querySelector('[data-testid=progress]')?.textContent || ''));
  // The drill message makes the worker's code panic, as a defect would.
  // ToWorker::DefectDrill, which postcard writes as the single byte 5 (wire.rs checks it).
  await worker.evaluate(() => self.onmessage(new MessageEvent('message', { data: { msg: new Uint8Array([5]) } }))).catch(() => {});
  const card = page.getByTestId('file-error');
  await card.waitFor();
  const said = await card.textContent();
  assert.match(said, /large-postfix-300mb\.log: Mailflow hit a defect while reading this file: a bug in Mailflow/);
  assert.doesNotMatch(said, /memory/);
  const details = page.getByTestId('defect-details');
  await details.locator('summary').click();
  const copied = await details.locator('pre').textContent();
  assert.match(copied, /^Mailflow \d+\.\d+\.\d+ \(worker\)\npanicked at src\/worker\.rs:\d+:\d+:\ndefect drill/);
  assert.match(copied, /File: large-postfix-300mb\.log$/);

  // A new worker reads the next file.
  await drop(page, [realShape('postfix-submission.log')]);
  await page.getByTestId('file-summary').waitFor();
  assert.deepEqual(page.errors.filter((e) => !/unreachable|RuntimeError|panicked|defect drill/.test(e)), []);
});

test('a UTF-16 file cut inside a character says so, and its cut last line is not counted', async () => {
  // A UTF-16LE export one byte short of whole characters (an odd byte over), cut in its last
  // row: that row's count (37) would have counted with its cut IP address.
  let csv = 'date,direction,connector,tls,count,remote_host,remote_ip\n';
  for (let i = 0; i < 300; i++) csv += `2026-03-04T10:00:${String(i % 60).padStart(2, '0')}Z,Inbound,Relä Süd,TLS 1.2,2,mx${i}.fabrikam.example,198.51.100.${i % 250}\n`;
  csv += '2026-03-04T11:00:00Z,Inbound,Relä Süd,TLS 1.2,37,mx.müller.example,198.51.100.77\n';
  const whole = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(csv, 'utf16le')]);
  const page = await open(ctx.browser, ctx.server.url);
  await drop(page, [{ name: 'trace-utf16.csv', content: whole.subarray(0, whole.length - 5) }]);
  const warning = page.getByTestId('file-warning');
  await warning.waitFor();
  assert.match(await warning.textContent(), /ends in the middle of a character.*last line.*not read/);
  assert.equal(await page.getByTestId('deliveries-used').textContent(), '600');
  assert.deepEqual(page.errors, []);
});
