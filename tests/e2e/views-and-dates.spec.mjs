// "View data by" (Mail flow, TLS usage) and the dates: presets, a custom range, and empty states.
import test from 'node:test';
import assert from 'node:assert/strict';
import { hooks, withSample, sample, addDays, longDay, tableDay } from './support.mjs';

const ctx = await hooks(test);

const titles = (page) => page.getByTestId('report-chart').locator('title').allTextContents();

test('both views draw the chart for every day', async () => {
  const page = await withSample(ctx);
  let t = await titles(page);
  assert.equal(t.length, 14, 'mail flow: a column per day and direction');
  assert.ok(t.some((x) => / — Inbound: [\d,]+ messages$/.test(x)));
  await page.getByTestId('view-select').selectOption('tls');
  await page.waitForFunction(() => document.querySelector('[data-testid=report-chart] svg')?.getAttribute('aria-label').includes('TLS usage'));
  t = await titles(page);
  assert.equal(t.length, 7, 'TLS usage: one stacked column per day');
  assert.match(t[0], /messages with known TLS/);
  assert.match(t[0], /TLS 1\.2: [\d,]+ \(\d+\.\d%\)/);
});

test('every preset and a custom range', async () => {
  const { totals } = sample();
  const page = await withSample(ctx);
  const preset = page.getByTestId('range-preset');
  const from = page.getByTestId('range-from');
  const to = page.getByTestId('range-to');
  for (const [value, days] of [['7', 7], ['30', 30], ['90', 90]]) {
    await preset.selectOption(value);
    await page.waitForFunction(([d]) => document.querySelector('[data-testid=range-from]').value === d, [addDays(totals.to, 1 - days)]);
    assert.equal(await to.inputValue(), totals.to);
  }
  // 90 days reach before the data: every day still has a slot, no 30-day cap.
  assert.equal((await titles(page)).length, 180);
  await preset.selectOption('all');
  await page.waitForFunction(([d]) => document.querySelector('[data-testid=range-from]').value === d, [totals.from]);
  assert.equal((await titles(page)).length, 60);

  await from.fill('2026-11-01');
  await to.fill('2026-11-03');
  await page.waitForFunction((start) => document.querySelector('[data-testid=report-dates]')?.textContent.startsWith(start), `${longDay('2026-11-01')} – ${longDay('2026-11-03')}`);
  assert.equal(await preset.inputValue(), 'custom');
  assert.equal((await titles(page)).length, 6);
  const dates = await page.getByTestId('details-table').locator('tbody tr td:first-child').allTextContents();
  assert.deepEqual([...new Set(dates)], ['2026-11-01', '2026-11-02', '2026-11-03'].map(tableDay));
});

test('a start after the end, and dates outside the data, say so instead of drawing nothing', async () => {
  const page = await withSample(ctx);
  await page.getByTestId('range-to').fill('2026-11-02');
  await page.getByTestId('range-from').fill('2026-11-10');
  await page.getByTestId('report-empty').waitFor();
  assert.match(await page.getByTestId('report-empty').textContent(), /start date .* is after the end date/);
  await page.getByTestId('range-from').fill('2025-01-01');
  await page.getByTestId('range-to').fill('2025-01-31');
  await page.waitForFunction(() => /No mail in these dates/.test(document.querySelector('[data-testid=report-empty]')?.textContent));
  assert.ok((await page.getByTestId('report-empty').textContent()).includes(`covers ${longDay('2026-10-22')} to ${longDay('2026-11-20')}`));
  assert.equal(await page.getByTestId('details-empty').count(), 1);
  assert.deepEqual(page.errors, []);
});
