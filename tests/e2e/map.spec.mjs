// The mail-flow map: per direction, partners → connectors → TLS outcome, each band's number on
// hover and in the table under it, known by construction from the sample's rows; it downloads and
// lives in the URL like the other views.
import test from 'node:test';
import assert from 'node:assert/strict';
import { hooks, withSample, sample, thousands, addDays } from './support.mjs';

const ctx = await hooks(test);

const OUTCOME = { 'TLS 1.2': 'TLS 1.2+', 'TLS 1.3': 'TLS 1.2+', 'TLS 1.0': 'TLS 1.0/1.1', 'TLS 1.1': 'TLS 1.0/1.1', 'No TLS': 'No TLS', Unknown: 'Unknown' };

function bands(rows, from, to, direction) {
  const out = new Map();
  const add = (k, n) => out.set(k, (out.get(k) || 0) + n);
  for (const r of rows) {
    if (r.date < from || r.date > to || r.direction !== direction) continue;
    const conn = r.connector || 'No connector';
    add(`${r.remote_domain || 'Not named by the source'} → ${conn}`, Number(r.count));
    add(`${conn} → ${OUTCOME[r.tls]}`, Number(r.count));
  }
  return out;
}

test('each direction’s map has every band with its number, on hover and in its table', async () => {
  const { rows, totals } = sample();
  const page = await withSample(ctx, '?view=map');
  await page.getByTestId('flow-maps').waitFor();
  assert.equal(await page.getByTestId('view-select').inputValue(), 'map');
  const from = addDays(totals.to, -6);
  for (const [key, direction] of [['inbound', 'Inbound'], ['outbound', 'Outbound']]) {
    const fig = page.getByTestId(`flow-map-${key}`);
    const svg = await fig.getByTestId('flow-map').innerHTML();
    assert.match(svg, new RegExp(`aria-label="${direction} mail-flow map: All mail flow"`));
    const got = await fig.getByTestId('flow-map-table').locator('tbody tr').evaluateAll((trs) =>
      trs.map((tr) => [...tr.querySelectorAll('th, td')].map((c) => c.textContent)));
    const want = bands(rows, from, totals.to, direction);
    assert.deepEqual(new Map(got.map(([a, b, n]) => [`${a} → ${b}`, n])), new Map([...want].map(([k, n]) => [k, thousands(n)])), direction);
    for (const [k, n] of want) {
      assert.ok(svg.includes(`<title>${k}: ${thousands(n)} message${n === 1 ? '' : 's'}</title>`), `${direction}: hover for ${k}`);
    }
  }
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('flow-map-outbound').getByTestId('map-svg').click()]);
  assert.match(download.suggestedFilename(), /^mailflow-.*-mail-flow-map-outbound\.svg$/);
  assert.deepEqual(page.errors, []);
});

test('the map follows Show data for: one connector, one direction', async () => {
  const page = await withSample(ctx, '?view=map');
  await page.getByTestId('flow-maps').waitFor();
  await page.getByTestId('connector-select').selectOption('out:Woodgrove Bank Secure Mail');
  await page.waitForFunction(() => document.querySelectorAll('[data-testid=flow-map]').length === 1);
  const rows = await page.getByTestId('flow-map-table').locator('tbody tr th').allTextContents();
  assert.deepEqual([...new Set(rows)].sort(), ['Woodgrove Bank Secure Mail', 'woodgrovebank.com']);
  assert.deepEqual(page.errors, []);
});
