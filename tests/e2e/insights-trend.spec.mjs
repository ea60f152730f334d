// Insights that look at change: a share that rose past its threshold within the window ("No TLS
// rose past 25%", with each half's share) and partners first seen in the window without TLS
// ("New without TLS"), on a file whose numbers are known by construction.
import test from 'node:test';
import assert from 'node:assert/strict';
import { hooks, open } from './support.mjs';

const ctx = await hooks(test);

// Relay, outbound: good.example 100 a day over TLS 1.2 on Mar 1-14; newco.example 60 a day
// without TLS from Mar 11. The last 7 days (Mar 8-14) hold 700 + 240 = 940 messages: 25.5% No TLS;
// halves Mar 8-10 (0%) and Mar 11-14 (240 of 640 = 37.5%).
function csv() {
  const lines = ['date,direction,connector,tls,count,remote_domain'];
  for (let d = 1; d <= 14; d++) {
    const day = `2026-03-${String(d).padStart(2, '0')}`;
    lines.push(`${day},Outbound,Relay,TLS 1.2,100,good.example`);
    if (d >= 11) lines.push(`${day},Outbound,Relay,No TLS,60,newco.example`);
  }
  return lines.join('\n') + '\n';
}

test('a share getting worse and a new partner without TLS are insights with their partners', async () => {
  const page = await open(ctx.browser, ctx.server.url);
  await page.getByTestId('file-input').setInputFiles({ name: 'relay.csv', mimeType: 'text/csv', buffer: Buffer.from(csv()) });
  await page.getByTestId('insights').waitFor();
  const titles = await page.getByTestId('insight-title').allTextContents();
  assert.deepEqual(titles, ['No TLS is over 25%', 'No TLS rose past 25%', 'New without TLS']);
  const rising = page.getByTestId('insight').nth(1);
  assert.equal(await rising.getByTestId('insight-detail').textContent(), '0.0% in the first half of these days, 37.5% in the second.');
  assert.match(await rising.textContent(), /240 of 640 messages with known TLS \(37\.5%\)/);
  const fresh = page.getByTestId('insight').nth(2);
  assert.deepEqual(await fresh.getByTestId('insight-partners').locator('li').allTextContents(), ['newco.example 240']);
  // All data: the window starts with the data, so nothing is called new.
  await page.getByTestId('range-preset').selectOption('all');
  await page.waitForFunction(() => ![...document.querySelectorAll('[data-testid=insight-title]')].some((t) => t.textContent === 'New without TLS'));
  assert.deepEqual(page.errors, []);
});
