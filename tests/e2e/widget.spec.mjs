// The widget: the last 7 days of the sample, volumes and sentences per direction.
import test from 'node:test';
import assert from 'node:assert/strict';
import { hooks, withSample, sample, tally, addDays, thousands, longDay } from './support.mjs';

const ctx = await hooks(test);

test('widget numbers match the sample over its last 7 days', async () => {
  const { rows, totals } = sample();
  const page = await withSample(ctx);
  const from = addDays(totals.to, -6);
  assert.ok((await page.getByTestId('widget-dates').textContent()).includes(`${longDay('2026-11-14')} – ${longDay('2026-11-20')}`));
  for (const direction of ['Inbound', 'Outbound']) {
    const t = tally(rows, { from, to: totals.to, direction });
    const key = direction.toLowerCase();
    assert.equal(await page.getByTestId(`widget-${key}-volume`).textContent(), thousands(t.total));
    const known = t.total - t.Unknown;
    const modern = ((t['TLS 1.2'] + t['TLS 1.3']) * 100 / known).toFixed(1);
    assert.equal(await page.getByTestId(`widget-${key}-sentence`).textContent(),
      `${modern}% of ${key} mail was protected by TLS 1.2 or newer.`);
  }
  const chart = page.getByTestId('widget-chart');
  assert.equal(await chart.locator('svg[role=img]').count(), 1);
  assert.ok(await chart.locator('title').count() >= 8, 'hover titles on the bar segments');
  assert.deepEqual(page.errors, []);
});
