// Export details: the exact header, the rows of the current filter as counts, and the file loads
// back into the same table.
import test from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { hooks, withSample, open, sample, tableText, output, addDays } from './support.mjs';

const ctx = await hooks(test);
const HEADER = 'Date,Direction,Connector,Connector type,Forced TLS,Volume,No TLS,TLS 1.0,TLS 1.1,TLS 1.2,TLS 1.3,Unknown,Verified,Not verified';

test('export header and contents, then the export loads back to the same table', async () => {
  const { rows, totals } = sample();
  const page = await withSample(ctx);
  await page.getByTestId('connector-select').selectOption('all:out');
  await page.waitForFunction(() => document.querySelector('[data-testid=report-dates]')?.textContent.includes('outbound messages'));
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-details').click()]);
  const from = addDays(totals.to, -6);
  assert.equal(download.suggestedFilename(), `mailflow-details-${from}-${totals.to}.csv`);
  const file = path.join(output, 'export.csv');
  await download.saveAs(file);
  const lines = fs.readFileSync(file, 'utf8').trimEnd().split('\r\n');
  assert.equal(lines[0], HEADER);

  // Independently: group the sample's outbound rows of these days by date and connector.
  const want = new Map();
  for (const r of rows) {
    if (r.direction !== 'Outbound' || r.date < from || r.date > totals.to) continue;
    const key = `${r.date},Outbound,${r.connector}`;
    const e = want.get(key) || { type: r.connector_type, forced: r.forced_tls, n: { 'No TLS': 0, 'TLS 1.0': 0, 'TLS 1.1': 0, 'TLS 1.2': 0, 'TLS 1.3': 0, Unknown: 0 }, checked: [0, 0] };
    e.n[r.tls] += Number(r.count);
    if (r.tls !== 'No TLS' && r.verification === 'Verified') e.checked[0] += Number(r.count);
    if (r.tls !== 'No TLS' && r.verification === 'Not verified') e.checked[1] += Number(r.count);
    want.set(key, e);
  }
  const expected = [...want.entries()]
    .sort(([a], [b]) => {
      const [da, , ca] = a.split(','); const [db, , cb] = b.split(',');
      return da < db ? -1 : da > db ? 1 : (ca === '') !== (cb === '') ? (ca === '' ? -1 : 1) : ca < cb ? -1 : ca > cb ? 1 : 0;
    })
    .map(([key, e]) => {
      const counts = Object.values(e.n);
      return `${key},${e.type},${e.forced},${counts.reduce((a, b) => a + b, 0)},${counts.join(',')},${e.checked.join(',')}`;
    });
  assert.deepEqual(lines.slice(1), expected);

  const before = await tableText(page);
  const fresh = await open(ctx.browser, ctx.server.url);
  await fresh.getByTestId('file-input').setInputFiles(file);
  await fresh.getByTestId('details-table').waitFor();
  assert.match(await fresh.getByTestId('file-summary').textContent(), /Mailflow report export \(CSV\)/);
  assert.deepEqual(await tableText(fresh), before);
});

test('each chart downloads as SVG and PNG', async () => {
  const page = await withSample(ctx);
  const [svg] = await Promise.all([page.waitForEvent('download'), page.getByTestId('chart-svg').click()]);
  assert.match(svg.suggestedFilename(), /^mailflow-.*-mail-flow\.svg$/);
  const svgText = fs.readFileSync(await svg.path(), 'utf8');
  assert.match(svgText, /^<svg role="img"/);
  const [png] = await Promise.all([page.waitForEvent('download'), page.getByTestId('chart-png').click()]);
  assert.match(png.suggestedFilename(), /\.png$/);
  const bytes = fs.readFileSync(await png.path());
  assert.equal(bytes.subarray(1, 4).toString(), 'PNG');
  assert.ok(bytes.length > 5000, `a real picture (${bytes.length} bytes)`);
  const [widget] = await Promise.all([page.waitForEvent('download'), page.getByTestId('widget-chart-svg').click()]);
  assert.match(widget.suggestedFilename(), /^mailflow-tls-2026-11-14-2026-11-20\.svg$/);
  await page.getByTestId('view-details').click();
  const [flyout] = await Promise.all([page.waitForEvent('download'), page.getByTestId('flyout-chart-png').click()]);
  assert.match(flyout.suggestedFilename(), /^mailflow-tls-.*\.png$/);
});
