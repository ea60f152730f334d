// The report's state lives in the URL and a copied link reproduces the view.
import test from 'node:test';
import assert from 'node:assert/strict';
import { hooks, withSample, tableText } from './support.mjs';

const ctx = await hooks(test);

test('filters round-trip through the URL', async () => {
  const page = await withSample(ctx);
  await page.getByTestId('connector-select').selectOption('out:Woodgrove Bank Secure Mail');
  await page.getByTestId('view-select').selectOption('tls');
  await page.getByTestId('range-from').fill('2026-11-02');
  await page.getByTestId('range-to').fill('2026-11-09');
  await page.waitForFunction(() => location.search.includes('to=2026-11-09'));
  const params = new URL(page.url()).searchParams;
  assert.equal(params.get('from'), '2026-11-02');
  assert.equal(params.get('to'), '2026-11-09');
  assert.equal(params.get('connector'), 'Woodgrove Bank Secure Mail');
  assert.equal(params.get('dir'), 'outbound');
  assert.equal(params.get('view'), 'tls');
  const table = await tableText(page);

  // A copied link (without the sample flag) restores the view once the same data is loaded.
  const link = new URL(page.url());
  link.searchParams.delete('sample');
  const again = await withSample(ctx, link.search);
  assert.equal(await again.getByTestId('connector-select').inputValue(), 'out:Woodgrove Bank Secure Mail');
  assert.equal(await again.getByTestId('view-select').inputValue(), 'tls');
  assert.equal(await again.getByTestId('range-from').inputValue(), '2026-11-02');
  assert.equal(await again.getByTestId('range-to').inputValue(), '2026-11-09');
  assert.deepEqual(await tableText(again), table);
  assert.equal(await again.getByTestId('report-chart').locator('title').count(), 8);
});

test('presets and connector-less choices are kept too', async () => {
  const page = await withSample(ctx, '?range=30&connector=(none)&dir=inbound&view=flow');
  assert.equal(await page.getByTestId('range-preset').inputValue(), '30');
  assert.equal(await page.getByTestId('connector-select').inputValue(), 'none:in');
  const dirs = new Set(await page.getByTestId('details-table').locator('tbody tr td:nth-child(2)').allTextContents());
  assert.deepEqual([...dirs], ['Inbound']);
});
