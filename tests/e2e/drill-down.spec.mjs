// Drill-down: a row of the details table opens what is behind it — that day and connector's
// partners with their volume, TLS values and verification — known by construction from the
// sample's rows.
import test from 'node:test';
import assert from 'node:assert/strict';
import { hooks, withSample, sample, thousands, tableDay } from './support.mjs';

const ctx = await hooks(test);

test('a details row opens its day and connector’s partners, TLS mix and volume', async () => {
  const { rows, totals } = sample();
  const page = await withSample(ctx);
  await page.getByTestId('connector-select').selectOption('out:Legacy Logistics Relay');
  await page.waitForFunction(() => document.querySelectorAll('[data-testid=details-table] tbody tr').length === 7);
  const row = page.getByTestId('details-table').locator('tbody tr').filter({ hasText: tableDay(totals.to) });
  const open = row.getByTestId('row-open');
  assert.equal(await open.getAttribute('aria-expanded'), 'false');
  await open.click();
  assert.equal(await open.getAttribute('aria-expanded'), 'true');
  const detail = page.getByTestId('row-detail');
  await detail.waitFor();
  assert.deepEqual(await detail.getByTestId('row-partners').locator('thead th').allTextContents(),
    ['Remote domain', 'Total', 'No TLS', 'TLS 1.0', 'TLS 1.1', 'TLS 1.2', 'TLS 1.3', 'Unknown', 'Verified', 'Encrypted, not verified']);

  const want = new Map();
  for (const r of rows) {
    if (r.date !== totals.to || r.connector !== 'Legacy Logistics Relay') continue;
    const e = want.get(r.remote_domain) || { total: 0, tls: { 'No TLS': 0, 'TLS 1.0': 0, 'TLS 1.1': 0, 'TLS 1.2': 0, 'TLS 1.3': 0, Unknown: 0 }, v: 0, u: 0 };
    const n = Number(r.count);
    e.total += n; e.tls[r.tls] += n;
    if (r.tls !== 'No TLS' && r.verification === 'Verified') e.v += n;
    if (r.tls !== 'No TLS' && r.verification === 'Not verified') e.u += n;
    want.set(r.remote_domain, e);
  }
  const expected = [...want.entries()].sort(([a, x], [b, y]) => y.total - x.total || (a < b ? -1 : 1))
    .map(([d, e]) => [d, e.total, ...Object.values(e.tls), e.v, e.u].map((v) => (typeof v === 'number' ? thousands(v) : v)));
  const got = await detail.getByTestId('row-partners').locator('tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('th, td')].map((c) => c.textContent)));
  assert.deepEqual(got, expected);
  assert.equal(await detail.getByTestId('row-unnamed').count(), 0, 'every message of this connector names its partner');

  await open.click();
  await detail.waitFor({ state: 'detached' });
  assert.deepEqual(page.errors, []);
});
