// Loading: the file picker, a real drop event, a wrong file and an unrelated CSV (message naming
// the file, earlier data kept), and Clear.
import test from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { hooks, open, drop, sample, thousands, output, tally, addDays } from './support.mjs';

const ctx = await hooks(test);

test('the file picker loads a trace and the summary counts it', async () => {
  const { totals } = sample();
  const page = await open(ctx.browser, ctx.server.url);
  await page.getByTestId('file-input').setInputFiles(path.join(output, 'sample.csv'));
  const summary = page.getByTestId('file-summary');
  await summary.waitFor();
  assert.equal(await summary.getByTestId('rows-read').textContent(), thousands(totals.rows));
  const used = totals.inbound.concat(totals.outbound).reduce((a, b) => a + b, 0) + totals.intra_org;
  assert.equal(await summary.getByTestId('deliveries-used').textContent(), thousands(used));
  assert.equal(await summary.getByTestId('rows-skipped').textContent(), '0');
  assert.match(await summary.textContent(), /Mailflow CSV · UTF-8/);
  assert.deepEqual(page.errors, []);
});

test('a dropped file adds to what is loaded; a photo and an unrelated CSV are named and change nothing', async () => {
  const { rows, totals } = sample();
  const page = await open(ctx.browser, ctx.server.url);
  await drop(page, [{ name: 'mailflow-sample.csv', content: sample().csv }]);
  await page.getByTestId('widget-inbound-volume').waitFor();
  const from = addDays(totals.to, -6);
  const inbound = tally(rows, { from, to: totals.to, direction: 'Inbound' }).total;
  assert.equal(await page.getByTestId('widget-inbound-volume').textContent(), thousands(inbound));

  // One more file, dropped: 5 inbound deliveries on the last day.
  await drop(page, [{ name: 'extra.csv', content: `date,direction,connector,tls,count\n${totals.to},Inbound,,TLS 1.2,5\n` }]);
  await page.getByTestId('file-summary').nth(1).waitFor();
  assert.equal(await page.getByTestId('widget-inbound-volume').textContent(), thousands(inbound + 5));

  // A PNG and an unrelated CSV, dropped together.
  const png = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex');
  await drop(page, [{ name: 'holiday.png', content: png }, { name: 'people.csv', content: 'Name,Age\nBob,3\n' }]);
  const errors = page.getByTestId('file-error');
  await errors.nth(1).waitFor();
  const first = await errors.nth(0).textContent();
  assert.match(first, /holiday\.png/);
  assert.match(first, /PNG image/);
  const second = await errors.nth(1).textContent();
  assert.match(second, /people\.csv/);
  assert.match(second, /line 1/);
  assert.match(second, /"Name", "Age"/);
  assert.equal(await page.getByTestId('widget-inbound-volume').textContent(), thousands(inbound + 5), 'data loaded before stays');
  assert.deepEqual(page.errors, []);
});

test('rows that cannot be used are counted and shown with their lines', async () => {
  const page = await open(ctx.browser, ctx.server.url);
  const text = 'date,direction,tls,count\n2026-03-04,Inbound,TLS 1.2,4\n2026-03-04,Sideways,TLS 1.2,1\nnot a date,Inbound,TLS 1.2,1\n';
  await drop(page, [{ name: 'partly.csv', content: text }]);
  const summary = page.getByTestId('file-summary');
  await summary.waitFor();
  assert.equal(await summary.getByTestId('rows-skipped').textContent(), '2');
  await summary.locator('summary').click();
  const reasons = await summary.locator('details li').allTextContents();
  assert.match(reasons[0], /^line 3: direction "Sideways"/);
  assert.match(reasons[1], /^line 4: date "not a date"/);
});

test('Clear empties the report', async () => {
  const page = await open(ctx.browser, ctx.server.url);
  await page.getByTestId('load-sample').click();
  await page.getByTestId('connector-report').waitFor();
  await page.getByTestId('clear').click();
  await page.getByTestId('connector-report').waitFor({ state: 'detached' });
  assert.equal(await page.getByTestId('file-summary').count(), 0);
  assert.match(await page.getByTestId('widget').textContent(), /No mail flow loaded yet/);
});
