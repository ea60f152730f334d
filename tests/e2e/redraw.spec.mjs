// A file added to a report with much data in it (here 2,000 partners, 28,000 partner cells): the
// connector report and the Partners view are taken away and drawn again a task apart, rather than
// updated in place in the task that adds the file, and the page keeps its height meanwhile, so
// that a reader scrolled down to the partners stays where they were; the Partners view keeps its
// sort. With little data they are updated in place.
import test from 'node:test';
import assert from 'node:assert/strict';
import { hooks, open, partnersCsv } from './support.mjs';

const ctx = await hooks(test);

test('a file added to much data redraws the views below the widget and keeps the scroll position', { timeout: 300_000 }, async () => {
  const page = await open(ctx.browser, ctx.server.url);
  await page.getByTestId('file-input').setInputFiles(partnersCsv());
  await page.getByTestId('partners-table').waitFor({ timeout: 120_000 });
  await page.evaluate(() => {
    const card = document.querySelector('[data-testid="partners"]');
    card.__first = true;
    card.scrollIntoView();
  });
  await page.getByTestId('partners-sort-name').click();
  const before = await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => resolve(window.scrollY))));
  assert.ok(before > 500, `scrolled down to the partners (${before} px)`);
  // Where the page is scrolled to, every frame, until the views are drawn again.
  await page.evaluate(() => {
    window.__held = [];
    new MutationObserver(() => window.__held.push(document.querySelector('main').style.minHeight)).observe(document.querySelector('main'), { attributes: true });
    window.__lowest = window.scrollY;
    const watch = () => {
      window.__lowest = Math.min(window.__lowest, window.scrollY);
      if (!window.__stop) requestAnimationFrame(watch);
    };
    requestAnimationFrame(watch);
  });
  await page.getByTestId('file-input').setInputFiles({
    name: 'one-day.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from('date,direction,connector,tls,remote_host\n2026-01-01,Inbound,Relay,TLS 1.2,mx.small.example\n'),
  });
  await page.getByTestId('file-summary').nth(1).waitFor();
  await page.getByTestId('partners-table').waitFor();
  await page.getByTestId('partners-to-call').locator('[data-testid="call"], [data-testid="none-to-call"]').first().waitFor();
  const { lowest, redrawn, held, heights } = await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => {
    window.__stop = true;
    resolve({
      lowest: window.__lowest,
      redrawn: !document.querySelector('[data-testid="partners"]').__first,
      held: document.querySelector('main').style.minHeight,
      heights: window.__held,
    });
  })));
  assert.ok(redrawn, 'the Partners view was drawn again, not updated in place');
  assert.ok(heights.some((h) => /^\d+px$/.test(h)), `the page held its height meanwhile (${heights.join(', ')})`);
  assert.equal(await page.locator('th:has([data-testid="partners-sort-name"])').getAttribute('aria-sort'), 'ascending', 'still sorted by name');
  assert.ok(lowest >= before - 5, `the page stayed where it was scrolled (${before} px; at least ${lowest} px meanwhile)`);
  assert.equal(held, '', 'the page takes its own height again once the views are drawn');
  assert.deepEqual(page.errors, []);
});

test('a file added to little data updates the views in place', { timeout: 120_000 }, async () => {
  const page = await open(ctx.browser, ctx.server.url);
  const csv = (day, host) => ({ name: `${host}.csv`, mimeType: 'text/csv', buffer: Buffer.from(`date,direction,connector,tls,remote_host\n${day},Inbound,Relay,TLS 1.2,${host}\n`) });
  await page.getByTestId('file-input').setInputFiles(csv('2026-03-01', 'mx.a.example'));
  await page.getByTestId('partners-table').waitFor();
  await page.evaluate(() => { document.querySelector('[data-testid="partners"]').__first = true; });
  await page.getByTestId('file-input').setInputFiles(csv('2026-03-02', 'mx.b.example'));
  await page.getByTestId('file-summary').nth(1).waitFor();
  await page.getByTestId('partners-table').getByText('mx.b.example').waitFor();
  assert.ok(await page.evaluate(() => document.querySelector('[data-testid="partners"]').__first), 'the same Partners view, updated');
  assert.deepEqual(page.errors, []);
});
