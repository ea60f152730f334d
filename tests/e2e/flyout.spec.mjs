// The "Message protected in transit (by TLS)" flyout: a proper dialog opened from View details.
import test from 'node:test';
import assert from 'node:assert/strict';
import { hooks, withSample, sample, tally, addDays, thousands } from './support.mjs';

const ctx = await hooks(test);

test('keyboard: focus moves in, Tab stays inside, Escape closes and focus returns', async () => {
  const { rows, totals } = sample();
  const page = await withSample(ctx);
  await page.getByTestId('view-details').focus();
  await page.keyboard.press('Enter');
  const flyout = page.getByTestId('tls-flyout');
  await flyout.waitFor();
  assert.equal(await flyout.getAttribute('role'), 'dialog');
  assert.equal(await flyout.getAttribute('aria-modal'), 'true');
  await page.waitForFunction(() => document.activeElement?.dataset.testid === 'flyout-close');

  // Counts per TLS version for the widget's 7 days.
  const from = addDays(totals.to, -6);
  const inbound = tally(rows, { from, to: totals.to, direction: 'Inbound' });
  const cells = await flyout.getByTestId('flyout-table').locator('tbody tr').evaluateAll((trs) =>
    trs.map((tr) => [tr.children[0].textContent.trim(), ...[...tr.querySelectorAll('td span')].map((c) => c.textContent.trim())]));
  const noTls = cells.find((r) => r[0] === 'No TLS');
  assert.equal(noTls[1], thousands(inbound['No TLS']));
  assert.equal(noTls[2], `${(inbound['No TLS'] * 100 / (inbound.total - inbound.Unknown)).toFixed(1)}%`);
  assert.ok(cells.some((r) => r[0] === 'TLS 1.3'));

  // Tab cycles inside the dialog.
  for (let i = 0; i < 4; i++) {
    await page.keyboard.press('Tab');
    assert.ok(await page.evaluate(() => !!document.activeElement.closest('[data-testid=tls-flyout]')), `tab ${i} stays inside`);
  }
  await page.keyboard.press('Escape');
  await flyout.waitFor({ state: 'detached' });
  assert.equal(await page.evaluate(() => document.activeElement?.dataset.testid), 'view-details');
});

test('the close button closes it; the Connector report link opens the report for the same dates', async () => {
  const { totals } = sample();
  const page = await withSample(ctx);
  await page.getByTestId('view-details').click();
  await page.getByTestId('flyout-close').click();
  await page.getByTestId('tls-flyout').waitFor({ state: 'detached' });

  await page.getByTestId('range-preset').selectOption('all');
  await page.getByTestId('view-details').click();
  await page.getByTestId('open-connector-report').click();
  await page.getByTestId('tls-flyout').waitFor({ state: 'detached' });
  assert.equal(await page.getByTestId('range-from').inputValue(), addDays(totals.to, -6));
  assert.equal(await page.getByTestId('range-to').inputValue(), totals.to);
});
