// Takes headless-Chromium screenshots of each view with the bundled sample, at 1440 and 390 px
// wide, in English and German, into tests/e2e/output/screens/. Run after a build: node scripts/screenshots.mjs
import path from 'node:path';
import fs from 'node:fs';
import { serve, launch, open, output } from '../tests/e2e/support.mjs';

const dir = path.join(output, 'screens');
fs.mkdirSync(dir, { recursive: true });
const server = await serve();
const browser = await launch();
try {
  for (const [width, lang] of [[1440, 'en'], [390, 'en'], [1440, 'de'], [390, 'de']]) {
    const page = await open(browser, server.url, `?sample&lang=${lang}`, { width, height: 900 });
    const name = (view) => path.join(dir, `${view}-${width}${lang === 'en' ? '' : `-${lang}`}.png`);
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
    if (page.errors.length) console.error(page.errors);
    await page.context().close();
  }
  console.log(`screenshots in ${dir}`);
} finally {
  await browser.close();
  await server.close();
}
