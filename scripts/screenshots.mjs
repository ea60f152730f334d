// Takes headless-Chromium screenshots of each view with the bundled sample, at 1440 and 390 px
// wide, into tests/e2e/output/screens/. Run after a build: node scripts/screenshots.mjs
import path from 'node:path';
import fs from 'node:fs';
import { serve, launch, open, output } from '../tests/e2e/support.mjs';

const dir = path.join(output, 'screens');
fs.mkdirSync(dir, { recursive: true });
const server = await serve();
const browser = await launch();
try {
  for (const width of [1440, 390]) {
    const page = await open(browser, server.url, '?sample', { width, height: 900 });
    await page.getByTestId('widget-chart').waitFor();
    await page.screenshot({ path: path.join(dir, `app-${width}.png`), fullPage: true });
    await page.getByTestId('view-details').click();
    await page.getByTestId('tls-flyout').waitFor();
    await page.screenshot({ path: path.join(dir, `flyout-${width}.png`) });
    await page.keyboard.press('Escape');
    await page.getByTestId('view-select').selectOption('tls');
    await page.getByTestId('range-preset').selectOption('30');
    const report = page.getByTestId('connector-report');
    await report.screenshot({ path: path.join(dir, `report-tls-${width}.png`) });
    if (page.errors.length) console.error(page.errors);
    await page.context().close();
  }
  console.log(`screenshots in ${dir}`);
} finally {
  await browser.close();
  await server.close();
}
