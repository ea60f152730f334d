// Languages on the standalone page: `?lang=de`, the picker (the report keeps its data and
// filters, and the choice is remembered), the browser's own language, and what Mailflow says
// about a dropped file.
import test from 'node:test';
import assert from 'node:assert/strict';
import { hooks, open, drop, sample, tally, addDays } from './support.mjs';

const ctx = await hooks(test);

const german = (n) => n.toLocaleString('de-DE');

test('?lang=de shows the whole report in German with German numbers and dates', async () => {
  const { rows, totals } = sample();
  const page = await open(ctx.browser, ctx.server.url, '?lang=de&sample');
  await page.getByTestId('widget-chart').waitFor();
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'de');
  assert.equal(await page.locator('.mf-app').getAttribute('lang'), 'de');
  assert.equal(await page.title(), 'Mailflow – TLS- und Connectorbericht zum Nachrichtenfluss');
  assert.equal(await page.getByTestId('load-sample').textContent(), 'Beispiel ansehen');
  assert.equal(await page.getByRole('heading', { level: 2 }).first().textContent(), 'Ausgehender und eingehender Nachrichtenfluss');
  assert.match(await page.getByTestId('widget-dates').textContent(), /^14\.11\.2026 – 20\.11\.2026 \(die letzten 7 Tage/);

  const from = addDays(totals.to, -6);
  const t = tally(rows, { from, to: totals.to, direction: 'Inbound' });
  assert.ok(t.total >= 1000, 'the check needs a thousands separator');
  assert.equal(await page.getByTestId('widget-inbound-volume').textContent(), german(t.total));
  const modern = ((t['TLS 1.2'] + t['TLS 1.3']) * 100 / (t.total - t.Unknown)).toFixed(1).replace('.', ',');
  assert.equal(await page.getByTestId('widget-inbound-sentence').textContent(),
    `${modern}\u00a0% der eingehenden E-Mails waren durch TLS 1.2 oder neuer geschützt.`);
  const legend = await page.getByTestId('widget-chart').locator('svg text').allTextContents();
  assert.ok(legend.some((s) => s.trim() === 'Kein TLS') && legend.some((s) => s.trim() === 'Eingehend'), legend.join('|'));

  // The flyout, the report's controls, insights and table.
  await page.getByTestId('view-details').click();
  const flyout = page.getByTestId('tls-flyout');
  assert.match(await flyout.locator('h2').textContent(), /Bei der Übertragung geschützte Nachrichten/);
  assert.equal(await flyout.getByTestId('flyout-close').getAttribute('aria-label'), 'Schließen');
  assert.match(await page.getByTestId('flyout-table').textContent(), /Gesamt/);
  await page.keyboard.press('Escape');
  const options = await page.getByTestId('connector-select').locator('option').allTextContents();
  assert.deepEqual(options.slice(0, 3), ['Gesamter Nachrichtenfluss', 'Alle eingehenden E-Mails', 'Alle ausgehenden E-Mails']);
  await page.getByTestId('range-preset').selectOption('all');
  await page.getByTestId('insight').first().waitFor();
  const titles = await page.getByTestId('insight-title').allTextContents();
  assert.ok(titles.every((s) => /^(Kein TLS liegt über 25\u00a0%|TLS 1\.0 liegt über 50\u00a0%)$/.test(s)), titles.join('|'));
  assert.match(await page.getByTestId('report-dates').textContent(), /\(UTC\) · Nachrichten: [\d.]+ eingehend · [\d.]+ ausgehend$/);
  const head = await page.getByTestId('details-table').locator('thead th').allTextContents();
  assert.deepEqual(head.slice(0, 3).map((s) => s.replace(/[▲▼]/, '')), ['Datum', 'Richtung', 'Connector']);
  const firstRow = await page.getByTestId('details-table').locator('tbody tr').first().locator('td').allTextContents();
  assert.match(firstRow[0], /^\d\d\.\d\d\.2026$/);
  assert.ok(['Eingehend', 'Ausgehend'].includes(firstRow[1]), firstRow.join('|'));
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('the picker switches language keeping data and filters, and is remembered', async () => {
  const page = await open(ctx.browser, ctx.server.url, '?sample');
  await page.getByTestId('widget-chart').waitFor();
  assert.equal(await page.getByTestId('view-details').textContent(), 'View details');
  await page.getByTestId('view-select').selectOption('tls');
  await page.getByTestId('range-preset').selectOption('30');

  await page.getByTestId('language').selectOption('de');
  await page.getByText('Details anzeigen').waitFor();
  assert.equal(await page.getByTestId('file-summary').count(), 1, 'the loaded file stays');
  assert.equal(await page.getByTestId('view-select').inputValue(), 'tls', 'the view stays');
  assert.equal(await page.getByTestId('range-preset').inputValue(), '30', 'the dates stay');
  assert.match(await page.getByTestId('report-chart').locator('svg').getAttribute('aria-label'), /TLS-Nutzung pro Tag/);
  assert.match(page.url(), /[?&]lang=de/);
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'de');

  // Opened again without the parameter: the choice made here holds.
  await page.goto(ctx.server.url);
  await page.getByTestId('load-sample').waitFor();
  assert.equal(await page.getByTestId('load-sample').textContent(), 'Beispiel ansehen');
  await page.getByTestId('language').selectOption('en');
  await page.locator('.mf-app[lang=en]').waitFor();
  assert.equal(await page.getByTestId('load-sample').textContent(), 'Try the sample');
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test("the browser's language is the default; English when Mailflow does not speak it", async () => {
  for (const [locale, label] of [['de-AT', 'Beispiel ansehen'], ['it-IT', 'Try the sample'], ['en-GB', 'Try the sample']]) {
    const context = await ctx.browser.newContext({ locale });
    const page = await context.newPage();
    await page.goto(ctx.server.url);
    await page.getByTestId('load-sample').waitFor();
    assert.equal(await page.getByTestId('load-sample').textContent(), label, locale);
    assert.equal(await page.getByTestId('language').inputValue(), label === 'Try the sample' ? 'en' : 'de', locale);
    await context.close();
  }
});

// Every language at 1440 and 390 px: the page never scrolls sideways, and no element of the
// report (headings, labels, buttons, table headers, insights) is wider than its own box or the
// page. The widest elements of each language are measured and named when one overflows.
for (const lang of ['en', 'de', 'nl', 'fr', 'es', 'ja']) {
  test(`${lang} fits 1440 and 390 px: no sideways scrolling, no text wider than its box`, async () => {
    for (const width of [1440, 390]) {
      const page = await open(ctx.browser, ctx.server.url, `?lang=${lang}&sample`, { width, height: 800 });
      await page.getByTestId('widget-chart').waitFor();
      await page.getByTestId('range-preset').selectOption('all');
      await page.getByTestId('insight').first().waitFor();
      const measure = () => page.evaluate((width) => {
        const bad = [];
        for (const el of document.querySelectorAll('.mf-app h1, .mf-app h2, .mf-app h3, .mf-app label, .mf-app button, .mf-app select, .mf-app p, .mf-app summary, .mf-app .mf-stat, .mf-app .mf-insight, .mf-app .mf-file, .mf-app .mf-flyout')) {
          const r = el.getBoundingClientRect();
          if (r.width === 0) continue;
          const clipped = el.scrollWidth > el.clientWidth + 1 && getComputedStyle(el).overflowX === 'visible';
          // A wide table scrolls inside its own box; everything else stays on the page.
          const outside = !el.closest('.mf-table-wrap') && (r.right > width + 0.5 || r.left < -0.5);
          if (outside || clipped) bad.push(`${el.tagName.toLowerCase()}.${el.className} "${el.textContent.slice(0, 40)}" ${Math.round(r.left)}..${Math.round(r.right)}`);
        }
        return { scroll: document.documentElement.scrollWidth, bad };
      }, width);
      let m = await measure();
      assert.ok(m.scroll <= width, `${lang} ${width}: the page is ${m.scroll} px wide`);
      assert.deepEqual(m.bad, [], `${lang} ${width}: elements overflow`);
      await page.getByTestId('view-details').click();
      const flyout = page.getByTestId('tls-flyout');
      await flyout.waitFor();
      const { table, panel } = await flyout.evaluate((el) => ({ table: el.querySelector('table').getBoundingClientRect().right, panel: el.getBoundingClientRect().right }));
      assert.ok(table <= panel + 0.5, `${lang} ${width}: the flyout's table (right edge ${table}) stays inside the panel (${panel})`);
      m = await measure();
      assert.deepEqual(m.bad, [], `${lang} ${width}: elements overflow with the flyout open`);
      assert.deepEqual(page.errors, []);
      await page.context().close();
    }
  });
}

test('what Mailflow says about files is German too: a photo, a skipped row, a format name', async () => {
  const page = await open(ctx.browser, ctx.server.url, '?lang=de');
  const png = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex');
  const csv = 'date,direction,tls,count\n2026-03-04,Inbound,TLS 1.2,4\n2026-03-04,Seitwärts,TLS 1.2,1\n';
  await drop(page, [{ name: 'urlaub.png', content: png }, { name: 'mail.csv', content: csv }]);
  await page.getByTestId('file-summary').waitFor();
  const error = await page.getByTestId('file-error').textContent();
  assert.match(error, /^urlaub\.png: Das ist ein PNG-Bild, keine Nachrichtenfluss-Aufzeichnung\. Legen Sie stattdessen/);
  assert.match(error, /Zuvor geladene Daten bleiben unverändert\./);
  assert.match(await page.getByTestId('file-format').textContent(), /Mailflow-CSV · UTF-8/);
  await page.locator('.mf-file__skips summary').click();
  assert.equal(await page.locator('.mf-file__skips li').first().textContent(),
    'Zeile 3: Die Richtung „Seitwärts“ ist weder Inbound noch Outbound noch Intra-org');
  // The same file's messages switch with the picker.
  await page.getByTestId('language').selectOption('en');
  await page.locator('.mf-app[lang=en]').waitFor();
  assert.match(await page.getByTestId('file-error').textContent(), /^urlaub\.png: this is a PNG image, not a mail-flow trace\./);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});
