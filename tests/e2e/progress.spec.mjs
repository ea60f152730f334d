// Each file being read has its own progress bar: bytes and percent, deliveries so far, speed and
// time left; a file dropped behind it waits its turn, then loads. A row is updated in place, so
// that keyboard focus on its Cancel stays.
import test from 'node:test';
import assert from 'node:assert/strict';
import { hooks, open, postfixLog, drop } from './support.mjs';

const ctx = await hooks(test);

test('a big file shows its progress while it is read, and the next file waits its turn', { timeout: 300_000 }, async () => {
  const log = postfixLog('large-postfix-300mb.log', 300);
  const page = await open(ctx.browser, ctx.server.url);
  await page.getByTestId('file-input').setInputFiles(log.file);
  await drop(page, [{ name: 'after.csv', content: 'date,direction,connector,tls,count\n2026-09-01,Inbound,,TLS 1.2,7\n' }]);
  const rows = page.getByTestId('progress-row');
  // The second file waits while the first is read.
  await page.waitForFunction(() => document.querySelectorAll('[data-testid="progress-row"]').length === 2);
  assert.equal(await rows.nth(1).getByTestId('progress-text').textContent(), 'waiting');
  assert.match(await rows.nth(1).textContent(), /after\.csv/);
  // Mid-way: percent, MB read of the size, deliveries counted, speed and time left.
  const text = await page.waitForFunction(() => {
    const t = document.querySelector('[data-testid="progress-text"]')?.textContent || '';
    const m = t.match(/^(\d+)% · ([\d.]+)\u00a0MB of ([\d.]+)\u00a0MB · ([\d,]+) deliveries · (\d+)\u00a0MB\/s · (\d+) s left$/);
    return m && Number(m[1]) > 0 && Number(m[1]) < 100 && Number(m[4].replace(/,/g, '')) > 0 ? t : null;
  }, null, { timeout: 120_000 });
  const [, pct, read, total] = (await text.jsonValue()).match(/^(\d+)% · ([\d.]+)\u00a0MB of ([\d.]+)\u00a0MB/);
  assert.equal(Number(total), Number((log.bytes / 1e6).toFixed(1)), 'the size is the file\'s');
  // The percent is floored and the megabytes rounded to 0.1: they may differ by just over 1.
  assert.ok(Math.abs(Number(read) / Number(total) * 100 - Number(pct)) <= 1.1, 'percent matches the bytes read');
  const value = await rows.first().locator('progress').getAttribute('value');
  assert.ok(Number(value) > 0 && Number(value) < 100, `the bar is part-filled (${value})`);
  // Both land, in order, and the bars go away.
  await page.getByTestId('file-summary').nth(1).waitFor({ timeout: 240_000 });
  await page.getByTestId('progress').waitFor({ state: 'detached' });
  assert.match(await page.getByTestId('file-summary').nth(0).textContent(), /large-postfix-300mb\.log/);
  assert.match(await page.getByTestId('file-summary').nth(1).textContent(), /after\.csv/);
  assert.deepEqual(page.errors, []);
});

test('a progress row is updated in place: Cancel keeps keyboard focus and Enter on it stops the file', { timeout: 300_000 }, async () => {
  const log = postfixLog('large-postfix-300mb.log', 300);
  const page = await open(ctx.browser, ctx.server.url);
  await page.getByTestId('file-input').setInputFiles(log.file);
  const first = await (await page.waitForFunction(() => {
    const t = document.querySelector('[data-testid="progress-text"]')?.textContent || '';
    return /[1-9][\d,]* deliveries/.test(t) ? t : null;
  }, null, { timeout: 120_000 })).jsonValue();
  await page.getByTestId('cancel').focus();
  await page.evaluate(() => { document.querySelector('[data-testid="progress-row"]').__mark = 'the same row'; });
  // Two progress messages later (the text moved on twice), the row and the focus are where they were.
  const second = await (await page.waitForFunction((before) => {
    const t = document.querySelector('[data-testid="progress-text"]')?.textContent || '';
    return t !== before ? t : null;
  }, first, { timeout: 60_000 })).jsonValue();
  await page.waitForFunction((before) => (document.querySelector('[data-testid="progress-text"]')?.textContent || '') !== before, second, { timeout: 60_000 });
  assert.equal(await page.evaluate(() => document.querySelector('[data-testid="progress-row"]').__mark), 'the same row', 'the row was not built again');
  assert.equal(await page.evaluate(() => document.activeElement?.dataset.testid), 'cancel', 'Cancel kept the focus');
  await page.keyboard.press('Enter');
  await page.getByTestId('progress').waitFor({ state: 'detached' });
  assert.match(await page.getByTestId('notice').textContent(), /Stopped reading large-postfix-300mb\.log/);
  assert.deepEqual(page.errors, []);
});
