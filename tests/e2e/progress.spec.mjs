// Each file being read has its own progress bar: bytes and percent, deliveries so far, speed and
// time left; a file dropped behind it waits its turn, then loads. A row is updated in place, so
// that keyboard focus on its Cancel stays.
import test from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
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

/** A server that sends a Mailflow CSV a few rows at a time until the reader goes away: a load
 * that lasts as long as a test needs it to, whatever the machine's speed. */
function trickle() {
  const server = http.createServer((req, res) => {
    res.writeHead(200, { 'content-type': 'text/csv', 'access-control-allow-origin': '*' });
    res.write('date,direction,connector,tls,count\n');
    const rows = '2026-11-20,Inbound,,TLS 1.2,1\n'.repeat(2000);
    const timer = setInterval(() => res.write(rows), 30);
    const stop = setTimeout(() => { clearInterval(timer); res.end(); }, 120_000);
    res.on('close', () => { clearInterval(timer); clearTimeout(stop); });
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve({
    url: `http://127.0.0.1:${server.address().port}/slow.csv`,
    close: () => new Promise((r) => { server.closeAllConnections(); server.close(r); }),
  })));
}

test('a progress row is updated in place: Cancel keeps keyboard focus and Enter on it stops the file', { timeout: 180_000 }, async () => {
  const slow = await trickle();
  try {
    const page = await open(ctx.browser, ctx.server.url, `?src=${encodeURIComponent(slow.url)}`);
    const text = () => page.evaluate(() => document.querySelector('[data-testid="progress-text"]')?.textContent ?? null);
    /** Waits until the row's text is no longer `before` (the row must still be there). */
    const changed = async (before) => (await page.waitForFunction((before) => {
      const t = document.querySelector('[data-testid="progress-text"]')?.textContent;
      if (t === undefined) throw new Error('the progress row went away');
      return t !== before ? t : null;
    }, before, { timeout: 60_000 })).jsonValue();
    await page.waitForFunction(() => /[1-9][\d,]* deliveries/.test(document.querySelector('[data-testid="progress-text"]')?.textContent || ''), null, { timeout: 60_000 });
    await page.getByTestId('cancel').focus();
    await page.evaluate(() => { document.querySelector('[data-testid="progress-row"]').__mark = 'the same row'; });
    // Two progress updates later the row and the focus are where they were.
    await changed(await changed(await text()));
    assert.equal(await page.evaluate(() => document.querySelector('[data-testid="progress-row"]')?.__mark), 'the same row', 'the row was not built again');
    assert.equal(await page.evaluate(() => document.activeElement?.dataset.testid), 'cancel', 'Cancel kept the focus');
    await page.keyboard.press('Enter');
    await page.getByTestId('progress').waitFor({ state: 'detached' });
    assert.match(await page.getByTestId('notice').textContent(), /Stopped reading slow\.csv/);
    assert.deepEqual(page.errors, []);
  } finally {
    await slow.close();
  }
});
