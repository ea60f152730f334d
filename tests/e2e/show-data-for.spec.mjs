// "Show data for": every choice narrows the report to the right mail.
import test from 'node:test';
import assert from 'node:assert/strict';
import { hooks, withSample, sample, tally, thousands } from './support.mjs';

const ctx = await hooks(test);

test('each Show data for choice shows its own totals', async () => {
  const { rows, totals } = sample();
  const page = await withSample(ctx);
  await page.getByTestId('range-preset').selectOption('all');
  const span = { from: totals.from, to: totals.to };
  const sum = (direction, keep) => tally(rows, { ...span, direction, keep }).total;
  const select = page.getByTestId('connector-select');
  const options = await select.locator('option').evaluateAll((os) => os.map((o) => ({ value: o.value, label: o.textContent })));
  // All, all in, all out, two "without a connector" choices, then every connector grouped by direction.
  assert.deepEqual(options.slice(0, 5).map((o) => o.label), ['All mail flow', 'All inbound mail', 'All outbound mail',
    'From the internet without a connector', 'To the internet without a connector']);
  const groups = await select.locator('optgroup').evaluateAll((gs) => gs.map((g) => [g.label, [...g.children].map((o) => o.textContent)]));
  const named = (dir) => [...new Set(rows.filter((r) => r.direction === dir && r.connector).map((r) => r.connector))].sort();
  assert.deepEqual(groups, [['Inbound connectors', named('Inbound')], ['Outbound connectors', named('Outbound')]]);

  const expect = {
    all: `${thousands(sum('Inbound'))} inbound · ${thousands(sum('Outbound'))} outbound`,
    'all:in': `${thousands(sum('Inbound'))} inbound`,
    'all:out': `${thousands(sum('Outbound'))} outbound`,
    'none:in': `${thousands(sum('Inbound', (r) => !r.connector))} inbound`,
    'none:out': `${thousands(sum('Outbound', (r) => !r.connector))} outbound`,
  };
  for (const dir of ['Inbound', 'Outbound']) {
    for (const name of named(dir)) {
      expect[`${dir === 'Inbound' ? 'in' : 'out'}:${name}`] = `${thousands(sum(dir, (r) => r.connector === name))} ${dir.toLowerCase()}`;
    }
  }
  for (const [value, text] of Object.entries(expect)) {
    await select.selectOption(value);
    await page.waitForFunction(([t]) => document.querySelector('[data-testid=report-dates]')?.textContent.includes(t), [text]);
    const dates = await page.getByTestId('report-dates').textContent();
    assert.ok(dates.endsWith(`${text} messages`), `${value}: ${dates}`);
    const directions = new Set((await page.getByTestId('details-table').locator('tbody tr td:nth-child(2)').allTextContents()));
    if (value.endsWith(':in') || value.startsWith('in:')) assert.deepEqual([...directions], ['Inbound'], value);
    if (value.endsWith(':out') || value.startsWith('out:')) assert.deepEqual([...directions], ['Outbound'], value);
  }
  // The chart names the choice.
  await select.selectOption('out:Legacy Logistics Relay');
  await page.waitForFunction(() => document.querySelector('[data-testid=report-chart] svg')?.getAttribute('aria-label').startsWith('Outbound connector “Legacy Logistics Relay”'));
});

test('insights fire on the connectors built to trip them and name the partners', async () => {
  const page = await withSample(ctx);
  await page.getByTestId('range-preset').selectOption('all');
  const insights = page.getByTestId('insight');
  await insights.nth(1).waitFor();
  assert.equal(await insights.count(), 2);
  assert.equal(await insights.nth(0).getByTestId('insight-title').textContent(), 'TLS 1.0 is above 50%');
  assert.match(await insights.nth(0).getByTestId('insight-subject').textContent(), /Woodgrove Bank Secure Mail/);
  assert.equal(await insights.nth(1).getByTestId('insight-title').textContent(), 'No TLS is over 25%');
  assert.match(await insights.nth(1).getByTestId('insight-subject').textContent(), /Legacy Logistics Relay/);
  assert.match(await insights.nth(1).getByTestId('insight-partners').textContent(), /legacy-logistics\.example/);
  // A connector without problems raises none.
  await page.getByTestId('connector-select').selectOption('in:Fabrikam Partner Inbound');
  await page.getByTestId('no-insights').waitFor();
});
