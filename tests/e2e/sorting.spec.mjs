// The details table sorts by any column, both ways.
import test from 'node:test';
import assert from 'node:assert/strict';
import { hooks, withSample } from './support.mjs';

const ctx = await hooks(test);

const column = (page, n) => page.getByTestId('details-table').locator(`tbody tr td:nth-child(${n})`).allTextContents();
const num = (s) => (s === '–' ? -1 : Number(s.replace(/[,%]/g, '')));

test('sorting by volume, connector and a TLS share', async () => {
  const page = await withSample(ctx);
  const table = page.getByTestId('details-table');
  const dates = await column(page, 1);
  assert.deepEqual(dates, [...dates].sort(), 'dates ascending by default');

  await table.getByTestId('sort-volume').click();
  let v = (await column(page, 6)).map(num);
  assert.deepEqual(v, [...v].sort((a, b) => a - b));
  await table.getByTestId('sort-volume').click();
  v = (await column(page, 6)).map(num);
  assert.deepEqual(v, [...v].sort((a, b) => b - a));
  assert.equal(await table.locator('th[aria-sort=descending]').textContent(), 'Volume▼');

  await table.getByTestId('sort-tls10').click();
  const s = (await column(page, 8)).map(num);
  assert.deepEqual(s, [...s].sort((a, b) => a - b));

  await table.getByTestId('sort-connector').click();
  const named = (await table.locator('tbody tr td.mf-connector').allTextContents()).map((x) => x.toLowerCase());
  assert.deepEqual(named, [...named].sort());
});
