// The Transit security view: the share of each level per day (verified, encrypted without
// verification, no TLS, not said) over all messages, and the remote domains without TLS and
// without verification with their volumes; numbers known by construction from the sample's rows.
import test from 'node:test';
import assert from 'node:assert/strict';
import { hooks, open, withSample, sample, tally, thousands, addDays } from './support.mjs';

const ctx = await hooks(test);

/** Per remote domain over [from, to] (both directions): messages at `want` and all messages. */
function byDomain(rows, from, to, want) {
  const out = new Map();
  for (const r of rows) {
    if (r.date < from || r.date > to || r.direction === 'Intra-org' || !r.remote_domain) continue;
    const e = out.get(r.remote_domain) || { n: 0, total: 0 };
    e.total += Number(r.count);
    if (want(r)) e.n += Number(r.count);
    out.set(r.remote_domain, e);
  }
  return [...out.entries()].filter(([, e]) => e.n > 0)
    .sort(([a, x], [b, y]) => y.n - x.n || (a < b ? -1 : 1))
    .map(([d, e]) => [d, thousands(e.n), thousands(e.total)]);
}

async function domainRows(page, testid) {
  return page.getByTestId(testid).locator('tbody tr').evaluateAll((rows) =>
    rows.map((r) => [r.querySelector('th').textContent, r.cells[1].textContent, r.cells[3].textContent]));
}

test('each level per day over all messages, in the chart and its table', async () => {
  const { rows, totals } = sample();
  const page = await withSample(ctx);
  await page.getByTestId('view-select').selectOption('security');
  await page.getByTestId('transit-security').waitFor();
  const svg = await page.getByTestId('report-chart').innerHTML();
  assert.match(svg, /All mail flow: transit security per day/);
  for (const name of ['Verified', 'Encrypted, not verified', 'No TLS', 'Not said']) assert.match(svg, new RegExp(`>\\s*${name}\\s*<`), `legend names ${name}`);

  const last = totals.to;
  const day = ['Inbound', 'Outbound'].map((direction) => tally(rows, { from: last, to: last, direction }));
  const sum = (k) => day[0][k] + day[1][k];
  const total = sum('total');
  const want = [sum('verified'), sum('unverified'), sum('No TLS'), total - sum('verified') - sum('unverified') - sum('No TLS')];
  assert.ok(want.every((n) => n > 0), `the sample has every level on its last day: ${want}`);
  const table = page.getByTestId('report-chart-table');
  assert.deepEqual(await table.locator('thead th').allTextContents(), ['Date', 'Verified', 'Encrypted, not verified', 'No TLS', 'Not said', 'Total']);
  const cells = await table.locator('tbody tr').last().locator('th, td').allTextContents();
  assert.equal(cells[0], new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(`${last}T00:00:00Z`)));
  assert.deepEqual(cells.slice(1, 5).map((c) => c.split(' (')[0]), want.map(thousands));
  assert.equal(cells[5], thousands(total));
  assert.match(await page.getByTestId('security-note').textContent(), /Exchange Online and Exchange Server never do/);
  assert.deepEqual(page.errors, []);
});

test('remote domains without TLS and without verification, with their volumes', async () => {
  const { rows, totals } = sample();
  const page = await withSample(ctx, '?view=security');
  await page.getByTestId('transit-security').waitFor();
  const from = addDays(totals.to, -6);
  assert.deepEqual(await domainRows(page, 'domains-no-tls'), byDomain(rows, from, totals.to, (r) => r.tls === 'No TLS'));
  assert.deepEqual(await domainRows(page, 'domains-unverified'), byDomain(rows, from, totals.to, (r) => r.tls !== 'No TLS' && r.verification === 'Not verified'));

  // One connector: only its partners.
  await page.getByTestId('connector-select').selectOption('out:Legacy Logistics Relay');
  await page.waitForFunction(() => document.querySelectorAll('[data-testid=domains-no-tls] tbody tr').length === 2);
  const mine = rows.filter((r) => r.connector === 'Legacy Logistics Relay');
  assert.deepEqual(await domainRows(page, 'domains-no-tls'), byDomain(mine, from, totals.to, (r) => r.tls === 'No TLS'));
  assert.deepEqual(page.errors, []);
});

test('a file without verification shows it all as not said, and no domain table guesses', async () => {
  const page = await open(ctx.browser, ctx.server.url);
  await page.getByTestId('file-input').setInputFiles({
    name: 'trace.csv', mimeType: 'text/csv',
    buffer: Buffer.from('date,direction,connector,tls,count,remote_domain\n2026-03-04,Outbound,,TLS 1.2,9,fabrikam.com\n2026-03-04,Outbound,,No TLS,3,plain.example\n'),
  });
  await page.getByTestId('view-select').selectOption('security');
  await page.getByTestId('transit-security').waitFor();
  await page.getByTestId('range-preset').selectOption('all');
  const cells = await page.getByTestId('report-chart-table').locator('tbody tr').last().locator('td').allTextContents();
  assert.deepEqual(cells, ['0 (0.0%)', '0 (0.0%)', '3 (25.0%)', '9 (75.0%)', '12']);
  assert.deepEqual(await domainRows(page, 'domains-no-tls'), [['plain.example', '3', '3']]);
  assert.equal(await page.getByTestId('domains-unverified').getByTestId('domains-none').count(), 1);
  assert.deepEqual(page.errors, []);
});
