// Takes headless-Chromium screenshots of each view (widget, flyout, the report's TLS usage, Transit
// security and map views, a details row opened, the Partners view with a partner opened) with the bundled sample, at 1440 and 390 px
// wide, in every language, light and dark, into tests/e2e/output/screens/. Run after a build: node scripts/screenshots.mjs
import path from 'node:path';
import fs from 'node:fs';
import { serve, launch, open, output } from '../tests/e2e/support.mjs';

const dir = path.join(output, 'screens');
fs.mkdirSync(dir, { recursive: true });
const server = await serve();
const browser = await launch();
try {
  const only = process.argv.slice(2);
  const cases = [];
  for (const lang of ['en', 'de', 'nl', 'fr', 'es', 'ja']) for (const width of [1440, 390]) for (const scheme of ['light', 'dark']) cases.push([width, lang, scheme]);
  for (const [width, lang, scheme] of cases.filter(([, l]) => only.length === 0 || only.includes(l))) {
    const page = await open(browser, server.url, `?sample&lang=${lang}`, { width, height: 900 });
    await page.emulateMedia({ colorScheme: scheme });
    const name = (view) => path.join(dir, `${view}-${width}-${lang}${scheme === 'dark' ? '-dark' : ''}.png`);
    await page.getByTestId('widget-chart').waitFor();
    await page.screenshot({ path: name('app'), fullPage: true });
    await page.getByTestId('view-details').click();
    await page.getByTestId('tls-flyout').waitFor();
    await page.screenshot({ path: name('flyout') });
    await page.keyboard.press('Escape');
    await page.getByTestId('view-select').selectOption('tls');
    await page.getByTestId('range-preset').selectOption('30');
    const report = page.getByTestId('connector-report');
    await report.screenshot({ path: name('report-tls') });
    await page.getByTestId('view-select').selectOption('security');
    await page.getByTestId('transit-security').waitFor();
    await report.screenshot({ path: name('report-security') });
    await page.getByTestId('view-select').selectOption('map');
    await page.getByTestId('flow-maps').waitFor();
    await page.getByTestId('flow-maps').screenshot({ path: name('report-map') });
    await page.getByTestId('details-table').getByTestId('row-open').first().click();
    await page.getByTestId('row-detail').waitFor();
    await page.getByTestId('partner-name').first().click();
    await page.getByTestId('partner-detail').waitFor();
    await page.getByTestId('partners').screenshot({ path: name('partners') });
    if (page.errors.length) console.error(page.errors);
    await page.context().close();
  }
  console.log(`screenshots in ${dir}`);
} finally {
  await browser.close();
  await server.close();
}
