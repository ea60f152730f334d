// Text from files is untrusted: hostile connector and host names show as text everywhere.
import test from 'node:test';
import assert from 'node:assert/strict';
import { hooks, open, drop } from './support.mjs';

const ctx = await hooks(test);
const IMG = '<img src=x onerror=alert(1)>';
const SCRIPT = '"><script>window.__pwned=1</script>';

test('hostile names stay text in the table, drop-down, insights and charts', async () => {
  const page = await open(ctx.browser, ctx.server.url);
  const dialogs = [];
  page.on('dialog', (d) => { dialogs.push(d.message()); d.dismiss(); });
  const q = (s) => `"${s.replace(/"/g, '""')}"`;
  const csv = ['date,direction,connector,tls,count,remote_host',
    `2026-03-04,Outbound,${q(IMG)},No TLS,80,${q(SCRIPT)}`,
    `2026-03-04,Outbound,${q(IMG)},TLS 1.2,20,mx.ok.example`,
    `2026-03-04,Inbound,${q(SCRIPT)},TLS 1.0,60,${q(IMG)}`,
  ].join('\n') + '\n';
  await drop(page, [{ name: `${IMG}.csv`, content: csv }]);
  await page.getByTestId('details-table').waitFor();

  const connectors = await page.getByTestId('details-table').locator('td.mf-connector').allTextContents();
  assert.deepEqual(connectors.sort(), [SCRIPT, IMG].sort());
  const options = await page.getByTestId('connector-select').locator('optgroup option').allTextContents();
  assert.deepEqual(options.sort(), [SCRIPT, IMG].sort());
  const subjects = await page.getByTestId('insight-subject').allTextContents();
  assert.ok(subjects.some((s) => s.includes(IMG)) && subjects.some((s) => s.includes(SCRIPT)), subjects.join(' | '));
  const partners = await page.getByTestId('insight-partners').allTextContents();
  assert.ok(partners.some((p) => p.includes(SCRIPT)) && partners.some((p) => p.includes(IMG)), partners.join(' | '));
  assert.match(await page.getByTestId('file-summary').textContent(), /<img src=x onerror=alert\(1\)>\.csv/);

  await page.getByTestId('connector-select').selectOption(`out:${IMG}`);
  await page.waitForFunction(() => document.querySelector('[data-testid=report-chart] svg')?.getAttribute('aria-label').includes('onerror'));
  const chartText = await page.getByTestId('report-chart').locator('svg text').allTextContents();
  assert.ok(chartText.some((t) => t.includes(IMG)), 'the chart heading shows the name as text');

  assert.equal(await page.locator('img').count(), 0, 'no element was made from file text');
  assert.equal(await page.locator('main script').count(), 0);
  assert.equal(await page.evaluate(() => window.__pwned), undefined);
  assert.deepEqual(dialogs, []);
  assert.deepEqual(page.errors, []);
});
