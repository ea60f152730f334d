// The self-contained mailflow.html works opened straight from disk: drop a file, see the report,
// with no request leaving the page.
import test from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import fs from 'node:fs';
import { pathToFileURL } from 'node:url';
import { launch, dist, drop, sample } from './support.mjs';

test('mailflow.html from file:// loads a dropped trace and the sample', async () => {
  const file = path.join(dist, 'mailflow.html');
  assert.ok(fs.existsSync(file), 'scripts/test builds it with scripts/single-file.mjs');
  const html = fs.readFileSync(file, 'utf8');
  assert.doesNotMatch(html, /<(script|link)[^>]+(src|href)="(?!data:)/, 'nothing is loaded from elsewhere');
  const browser = await launch();
  try {
    const page = await browser.newPage();
    const errors = [];
    const requests = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    page.on('request', (r) => requests.push(r.url()));
    await page.goto(pathToFileURL(file).href);
    await page.getByTestId('load-sample').waitFor();
    await drop(page, [{ name: 'trace.csv', content: 'date,direction,connector,tls,count\n2026-03-04,Inbound,,TLS 1.2,7\n' }]);
    await page.getByTestId('widget-inbound-volume').waitFor();
    assert.equal(await page.getByTestId('widget-inbound-volume').textContent(), '7');
    await page.getByTestId('load-sample').click();
    await page.getByTestId('file-summary').nth(1).waitFor();
    assert.equal(await page.getByTestId('rows-read').nth(1).textContent(), sample().totals.rows.toLocaleString('en-US'));
    assert.deepEqual(errors, []);
    assert.deepEqual(requests.filter((u) => !u.startsWith('file:') && !u.startsWith('data:') && !u.startsWith('blob:')), []);
  } finally {
    await browser.close();
  }
});

test('mailflow.html from file:// shows the Transit security view, the map and the Partners view', async () => {
  const file = path.join(dist, 'mailflow.html');
  const browser = await launch();
  try {
    const page = await browser.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.goto(`${pathToFileURL(file).href}?view=security`);
    await page.getByTestId('load-sample').click();
    await page.getByTestId('transit-security').waitFor();
    await page.getByTestId('domains-no-tls').locator('tbody tr').first().waitFor();
    await page.getByTestId('view-select').selectOption('map');
    await page.getByTestId('flow-maps').waitFor();
    assert.equal(await page.getByTestId('flow-map').count(), 2);
    await page.getByTestId('partners-table').waitFor();
    assert.ok(await page.getByTestId('partner-row').count() > 5);
    assert.deepEqual(errors, []);
  } finally {
    await browser.close();
  }
});
