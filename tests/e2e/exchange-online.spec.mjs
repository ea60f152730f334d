// Microsoft's exports as admins have them, dropped on the page: each fixture gives the numbers it
// was built with; a report and a detail export dropped together give connector and TLS together.
import test from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { hooks, open, drop, root, tableText, longDay, tableDay } from './support.mjs';

const ctx = await hooks(test);
const fixture = (name) => fs.readFileSync(path.join(root, 'tests/fixtures/exo', name));
const file = (name) => ({ name, content: fixture(name) });

async function allDates(page) {
  await page.getByTestId('range-preset').selectOption('all');
}

async function reportCounts(page) {
  const text = await page.getByTestId('report-dates').textContent();
  return text.split('(UTC) · ')[1];
}

test('message trace exports: PowerShell 7, then an overlapping Windows PowerShell 5.1 export', async () => {
  const page = await open(ctx.browser, ctx.server.url);
  await drop(page, [file('message-trace-ps7.csv')]);
  await page.getByTestId('connector-report').waitFor();
  await allDates(page);
  assert.equal(await reportCounts(page), '2 inbound · 2 outbound messages');
  const summary = page.getByTestId('file-summary');
  assert.match(await summary.getByTestId('file-format').textContent(), /Exchange Online message trace · UTF-8/);
  assert.match(await summary.getByTestId('file-found').textContent(), /direction from your domains/);
  assert.equal(await page.getByTestId('domains-input').inputValue(), 'contoso.com, contoso.onmicrosoft.com');
  assert.match(await page.getByTestId('intra-org').textContent(), /^1 intra-org/);

  await drop(page, [file('message-trace-ps51-de.csv')]);
  const second = page.getByTestId('file-summary').nth(1);
  await second.waitFor();
  assert.match(await second.getByTestId('file-format').textContent(), /Windows-1252/);
  assert.equal(await second.getByTestId('duplicates').textContent(), '2');
  await page.waitForFunction(() => document.querySelector('[data-testid=report-dates]').textContent.includes('3 inbound'));
  assert.deepEqual(page.errors, []);
});

test('enhanced summary in UTF-16LE without BOM, joined with a German trace detail dropped with it', async () => {
  const page = await open(ctx.browser, ctx.server.url);
  const utf16 = Buffer.from(fixture('enhanced-summary.csv').toString('utf8'), 'utf16le');
  await drop(page, [{ name: 'enhanced.csv', content: utf16 }, file('trace-detail-de.csv')]);
  await page.getByTestId('file-summary').nth(1).waitFor();
  assert.match(await page.getByTestId('file-format').nth(0).textContent(), /enhanced summary report · UTF-16LE/);
  assert.equal(await page.getByTestId('joined').textContent(), '4');
  await allDates(page);
  assert.equal(await reportCounts(page), '2 inbound · 2 outbound messages');
  await page.getByTestId('connector-select').selectOption('out:Outbound to Fabrikam');
  await page.waitForFunction(() => document.querySelectorAll('[data-testid=details-table] tbody tr').length === 1);
  const [row] = await tableText(page);
  assert.deepEqual(row.slice(0, 3), [tableDay('2025-03-04'), 'Outbound', 'Outbound to Fabrikam']);
  assert.deepEqual(row.slice(5), ['2', '0.0%', '0.0%', '0.0%', '50.0%', '50.0%'], 'TLS 1.2 and 1.3 from the detail, connector from the report');
  await page.getByTestId('connector-select').selectOption('in:Fabrikam Partner Inbound');
  await page.waitForFunction(() => document.querySelector('[data-testid=details-table] tbody tr td:nth-child(8)')?.textContent === '100.0%');
});

test('extended report, admin-center connector report export and connector settings', async () => {
  const page = await open(ctx.browser, ctx.server.url);
  await drop(page, [file('extended-report.csv')]);
  await page.getByTestId('connector-report').waitFor();
  await allDates(page);
  assert.equal(await reportCounts(page), '1 inbound · 2 outbound messages');

  const page2 = await open(ctx.browser, ctx.server.url);
  await drop(page2, [file('connector-report-export.csv'), file('inbound-connectors.csv'), file('outbound-connectors.csv')]);
  await page2.getByTestId('file-summary').nth(2).waitFor();
  await allDates(page2);
  assert.equal(await reportCounts(page2), '48 inbound · 10 outbound messages');
  const rows = await tableText(page2);
  const fabrikam = rows.find((r) => r[2] === 'Fabrikam Partner Inbound');
  assert.deepEqual(fabrikam.slice(3, 6), ['Partner', 'True', '8']);
  assert.equal(fabrikam[7], '25.0%');
  const out = rows.find((r) => r[2] === 'Outbound to Fabrikam');
  assert.deepEqual(out.slice(3, 5), ['Partner', 'True'], 'TlsSettings set: forced TLS');
});

test('an unrecognised CSV can be mapped, and the mapping is remembered', async () => {
  const page = await open(ctx.browser, ctx.server.url);
  const csv = 'When;Which way;Relay;Cipher suite\n2026-03-04 10:00;in;;TLSv1.2\n2026-03-04 11:00;out;Smart host;TLSv1.0\n';
  await drop(page, [{ name: 'gateway.csv', content: csv }]);
  const panel = page.getByTestId('mapping-panel');
  await panel.waitFor();
  assert.equal(await panel.getByTestId('mapping-preview').locator('tbody tr').count(), 2);
  assert.equal(await panel.getByTestId('map-date').inputValue(), '0', 'guessed from the header');
  assert.equal(await panel.getByTestId('map-tls').inputValue(), '3');
  await panel.getByTestId('map-connector').selectOption('2');
  await panel.getByTestId('apply-mapping').click();
  await page.getByTestId('file-summary').waitFor();
  assert.match(await page.getByTestId('file-format').textContent(), /CSV read with your column mapping/);
  await allDates(page);
  assert.equal(await reportCounts(page), '1 inbound · 1 outbound messages');

  await drop(page, [{ name: 'gateway-2.csv', content: csv.replace(/2026-03-04/g, '2026-03-05') }]);
  await page.getByTestId('file-summary').nth(1).waitFor();
  assert.match(await page.getByTestId('file-format').nth(1).textContent(), /column mapping/);
  assert.equal(await page.getByTestId('file-error').count(), 0);
});

test('ambiguous dates can be read the other way, and your domains can be edited', async () => {
  const page = await open(ctx.browser, ctx.server.url);
  await drop(page, [file('trace-detail-de.csv')]);
  await page.getByTestId('connector-report').waitFor();
  await allDates(page);
  assert.match(await page.getByTestId('date-order').textContent(), /day first .*could be read either way/);
  assert.ok((await page.getByTestId('report-dates').textContent()).startsWith(`${longDay('2025-03-04')} – ${longDay('2025-03-05')}`));
  await page.getByTestId('switch-date-order').click();
  await page.waitForFunction((start) => document.querySelector('[data-testid=report-dates]')?.textContent.startsWith(start), `${longDay('2025-04-03')} – ${longDay('2025-05-03')}`);

  await page.getByTestId('domains-input').fill('fabrikam.com');
  await page.getByTestId('domains-save').click();
  await page.getByTestId('unplaced').waitFor();
  assert.match(await page.getByTestId('unplaced').textContent(), /^ ?1 delivery could not be placed/);
  assert.equal(await page.evaluate(() => localStorage.getItem('mailflow.domains')), 'fabrikam.com');
  await page.getByTestId('domains-reset').click();
  await page.getByTestId('unplaced').waitFor({ state: 'detached' });
});

test("the message-trace page's summary export", async () => {
  const page = await open(ctx.browser, ctx.server.url);
  await drop(page, [file('message-trace-summary.csv')]);
  await page.getByTestId('connector-report').waitFor();
  await allDates(page);
  assert.equal(await reportCounts(page), '2 inbound · 1 outbound messages');
});
