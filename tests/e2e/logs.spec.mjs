// Mail-server logs as admins have them: a gzipped rotated Postfix set, an Exchange Server tracking
// and protocol log pair, an Exim log with its zone set, a zip, a cut-off gzip, and SMTP TLS reports.
import test from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { hooks, open, drop, root, longDay, tableDay } from './support.mjs';

const ctx = await hooks(test);
const fixture = (dir, name) => fs.readFileSync(path.join(root, 'tests/fixtures', dir, name));
const log = (name) => ({ name, content: fixture('logs', name) });

async function counts(page) {
  await page.getByTestId('range-preset').selectOption('all');
  return (await page.getByTestId('report-dates').textContent()).split('(UTC) · ')[1];
}

/** A minimal zip (stored, no compression) built here so the test needs no zip tool. */
function zip(files) {
  const crcTable = Array.from({ length: 256 }, (_, n) => { let c = n; for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1; return c >>> 0; });
  const crc32 = (buf) => { let c = 0xffffffff; for (const b of buf) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8); return (c ^ 0xffffffff) >>> 0; };
  const locals = []; const centrals = []; let offset = 0;
  for (const [name, data] of files) {
    const n = Buffer.from(name); const crc = crc32(data);
    const local = Buffer.alloc(30); local.writeUInt32LE(0x04034b50, 0); local.writeUInt16LE(20, 4); local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18); local.writeUInt32LE(data.length, 22); local.writeUInt16LE(n.length, 26);
    const central = Buffer.alloc(46); central.writeUInt32LE(0x02014b50, 0); central.writeUInt16LE(20, 4); central.writeUInt16LE(20, 6);
    central.writeUInt32LE(crc, 16); central.writeUInt32LE(data.length, 20); central.writeUInt32LE(data.length, 24); central.writeUInt16LE(n.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, n, data); centrals.push(central, n); offset += 30 + n.length + data.length;
  }
  const dir = Buffer.concat(centrals); const end = Buffer.alloc(22); end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(files.length, 8); end.writeUInt16LE(files.length, 10); end.writeUInt32LE(dir.length, 12); end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, dir, end]);
}

test('a gzipped rotated Postfix set dropped together', async () => {
  const text = fixture('logs', 'postfix-mail.log').toString();
  const cut = text.indexOf('Jan  1');
  const page = await open(ctx.browser, ctx.server.url);
  await drop(page, [
    { name: 'mail.log.1.gz', content: zlib.gzipSync(text.slice(0, cut)) },
    { name: 'mail.log', content: text.slice(cut) },
  ]);
  await page.getByTestId('file-summary').nth(1).waitFor();
  assert.match(await page.getByTestId('file-summary').nth(0).textContent(), /mail\.log\.1\.gz › mail\.log\.1 — Postfix log/);
  assert.match(await page.getByTestId('log-counts').nth(0).textContent(), /^0 failed or deferred .* · 1 local/);
  assert.match(await page.getByTestId('log-counts').nth(1).textContent(), /^2 failed or deferred .* · 2 local/);
  assert.match(await page.getByTestId('log-times').nth(0).textContent(), /The lines carry no year: read from \d{4}/);
  // alice's authenticated submission (3 recipients) is counted apart, not as inbound mail.
  assert.equal(await counts(page), '4 inbound · 5 outbound messages');
  assert.match(await page.getByTestId('submissions').first().textContent(), /^3 authenticated client submissions/);
  const options = await page.getByTestId('connector-select').locator('optgroup option').allTextContents();
  assert.deepEqual(options, ['relay']);
  assert.deepEqual(page.errors, []);
});

test('an Exchange Server tracking log with its protocol logs', async () => {
  const page = await open(ctx.browser, ctx.server.url);
  await drop(page, [log('MSGTRK20250304-1.LOG'), log('RECV20250304-1.LOG'), log('SEND20250304-1.LOG')]);
  await page.getByTestId('file-summary').nth(2).waitFor();
  assert.equal(await counts(page), '6 inbound · 1 outbound messages');
  await page.getByTestId('connector-select').selectOption('out:Outbound to Internet');
  await page.waitForFunction(() => document.querySelector('[data-testid=details-table] tbody tr td:nth-child(10)')?.textContent === '100.0%');
  await page.getByTestId('connector-select').selectOption('in:EX01\\Default Frontend EX01');
  await page.waitForFunction(() => document.querySelector('[data-testid=details-table] tbody tr td:nth-child(8)')?.textContent === '50.0%');
});

test('an Exim log read in another zone, a zip, a cut-off gzip', async () => {
  const page = await open(ctx.browser, ctx.server.url);
  await drop(page, [log('exim-mainlog')]);
  await page.getByTestId('connector-report').waitFor();
  assert.equal(await counts(page), '4 inbound · 5 outbound messages'); // the P=esmtpsa A= arrival is a submission, counted apart
  assert.ok((await page.getByTestId('report-dates').textContent()).startsWith(`${longDay('2025-03-04')} – ${longDay('2025-03-05')}`));
  await page.getByTestId('log-zone').selectOption('60');
  await page.waitForFunction((start) => document.querySelector('[data-testid=report-dates]')?.textContent.startsWith(start), `${longDay('2025-03-04')} – ${longDay('2025-03-04')}`);

  const page2 = await open(ctx.browser, ctx.server.url);
  const archive = zip([['logs/mainlog', fixture('logs', 'exim-mainlog')], ['logs/readme.txt', Buffer.from('not a log')]]);
  const big = Buffer.concat(Array(40).fill(fixture('logs', 'postfix-mail.log')));
  const gz = zlib.gzipSync(big);
  await drop(page2, [{ name: 'logs.zip', content: archive }, { name: 'mail.log.3.gz', content: gz.subarray(0, Math.floor(gz.length * 2 / 3)) }]);
  await page2.getByTestId('file-warning').waitFor();
  const names = await page2.locator('.mf-file__name').allTextContents();
  assert.deepEqual(names, ['logs.zip › logs/mainlog', 'logs.zip › logs/readme.txt', 'mail.log.3.gz › mail.log.3']);
  assert.match(await page2.getByTestId('file-warning').textContent(), /damaged or cut short/);
  assert.equal(await page2.getByTestId('file-error').count(), 1, 'the text file in the zip is named as not a trace');
});

test('SMTP TLS reports get their own panel', async () => {
  const page = await open(ctx.browser, ctx.server.url);
  await drop(page, [
    { name: 'company-x.json.gz', content: zlib.gzipSync(fixture('tlsrpt', 'company-x.json')) },
    { name: 'provider.json', content: fixture('tlsrpt', 'mail-provider.json') },
  ]);
  const panel = page.getByTestId('tls-reports');
  await panel.waitFor();
  const days = await panel.getByTestId('tlsrpt-days').locator('tbody tr').evaluateAll((rs) => rs.map((r) => [...r.children].map((c) => c.textContent)));
  assert.deepEqual(days, [[tableDay('2026-03-04'), '5,326', '303', '94.6%'], [tableDay('2026-03-05'), '900', '0', '100.0%']]);
  const failures = await panel.getByTestId('tlsrpt-failures').locator('tbody td:first-child').allTextContents();
  assert.deepEqual(failures, ['starttls-not-supported', 'certificate-expired', 'validation-failure']);
  assert.equal(await page.getByTestId('connector-report').count(), 0, 'sessions are not deliveries');
});
