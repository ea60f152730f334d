// Trends: the widget and the connector report say how each direction changed against the period
// of the same length before (volume in percent, TLS 1.2+ share in points), with an arrow and
// words; numbers known by construction from the sample's rows.
import test from 'node:test';
import assert from 'node:assert/strict';
import { hooks, withSample, sample, tally, addDays } from './support.mjs';

const ctx = await hooks(test);

/** The words the page should show for one direction, computed apart from the app. */
function expected(rows, from, to, direction) {
  const days = (Date.parse(to) - Date.parse(from)) / 864e5 + 1;
  const now = tally(rows, { from, to, direction });
  const before = tally(rows, { from: addDays(from, -days), to: addDays(from, -1), direction });
  if (before.total === 0) return `no mail in the ${days} days before`;
  const change = ((now.total - before.total) * 100) / before.total;
  const modern = (t) => ((t['TLS 1.2'] + t['TLS 1.3']) * 100) / (t.total - t.Unknown);
  const [a, b] = [modern(before), modern(now)];
  const volume = Math.abs(change) < 0.05 ? `= as many messages as the ${days} days before`
    : `${change > 0 ? '↑' : '↓'} ${Math.abs(change).toFixed(1)}% ${change > 0 ? 'more' : 'fewer'} messages than the ${days} days before`;
  const p = b - a;
  const share = Math.abs(p) < 0.05 ? `TLS 1.2+ unchanged (${b.toFixed(1)}%)` : `TLS 1.2+ ${p > 0 ? '↑' : '↓'} ${Math.abs(p).toFixed(1)} points (${a.toFixed(1)}% → ${b.toFixed(1)}%)`;
  return `${volume} · ${share}`;
}

test('the widget says how each direction changed against the week before', async () => {
  const { rows, totals } = sample();
  const page = await withSample(ctx);
  const from = addDays(totals.to, -6);
  for (const [key, direction] of [['inbound', 'Inbound'], ['outbound', 'Outbound']]) {
    assert.equal(await page.getByTestId(`widget-${key}-trend`).textContent(), expected(rows, from, totals.to, direction), direction);
  }
  assert.deepEqual(page.errors, []);
});

test('the connector report says it for its choice and dates, and when there is nothing before', async () => {
  const { rows, totals } = sample();
  const page = await withSample(ctx);
  const from = addDays(totals.to, -6);
  const lines = page.getByTestId('report-trend-direction');
  await lines.first().waitFor();
  assert.deepEqual(await lines.allTextContents(), ['Inbound', 'Outbound'].map((d) => `${d}: ${expected(rows, from, totals.to, d)}`));
  await page.getByTestId('connector-select').selectOption('out:Woodgrove Bank Secure Mail');
  await page.waitForFunction(() => document.querySelectorAll('[data-testid=report-trend-direction]').length === 1);
  const woodgrove = rows.filter((r) => r.connector === 'Woodgrove Bank Secure Mail');
  assert.deepEqual(await lines.allTextContents(), [`Outbound: ${expected(woodgrove, from, totals.to, 'Outbound')}`]);
  await page.getByTestId('range-preset').selectOption('30');
  await page.waitForFunction(() => /no mail in the 30 days before/.test(document.querySelector('[data-testid=report-trend]')?.textContent));
  assert.deepEqual(page.errors, []);
});
