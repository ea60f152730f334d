// axe-core finds no WCAG 2.2 A/AA violation in any state of the page: empty, loaded report,
// flyout open, column-mapping panel, error cards, the TLS-reports panel and progress bars, in the
// light and the dark theme, in English and Japanese.
import test from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { hooks, open, drop, root, postfixLog } from './support.mjs';

const ctx = await hooks(test);
const fixture = (dir, name) => fs.readFileSync(path.join(root, 'tests/fixtures', dir, name));
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'];

/** Runs axe on the page and keeps each violation with the state, its nodes and why. */
async function check(page, state) {
  const { violations } = await new AxeBuilder({ page }).withTags(TAGS).analyze();
  page.violations = (page.violations || []).concat(violations.map((v) =>
    `${state}: ${v.id} (${v.impact}): ${v.help}\n${v.nodes.slice(0, 4).map((n) => `    ${n.target.join(' ')}: ${n.failureSummary.replace(/\n/g, ' ')}`).join('\n')}`));
}

/** Fails with every violation found in every state checked on the page. */
function noViolations(page) {
  assert.deepEqual(page.violations || [], [], (page.violations || []).join('\n'));
}

for (const lang of ['en', 'ja']) {
  for (const theme of ['light', 'dark']) {
    test(`${lang}, ${theme}: empty page, report, flyout, mapping panel, error cards, TLS reports`, async () => {
      const page = await open(ctx.browser, ctx.server.url, `?lang=${lang}`);
      if (theme === 'dark') await page.emulateMedia({ colorScheme: 'dark' });
      await check(page, 'empty page');

      await page.getByTestId('load-sample').click();
      await page.getByTestId('widget-chart').waitFor();
      await page.getByTestId('insight').first().waitFor();
      await check(page, 'loaded report');

      await page.getByTestId('view-details').click();
      await page.getByTestId('tls-flyout').waitFor();
      await check(page, 'flyout open');
      await page.keyboard.press('Escape');
      await page.getByTestId('tls-flyout').waitFor({ state: 'detached' });

      const png = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex');
      const csv = 'When;Which way;Relay;Cipher suite\n2026-03-04 10:00;in;;TLSv1.2\n2026-03-04 11:00;out;Smart host;TLSv1.0\n';
      await drop(page, [{ name: 'holiday.png', content: png }, { name: 'gateway.csv', content: csv },
        { name: 'provider.json', content: fixture('tlsrpt', 'mail-provider.json') }]);
      await page.getByTestId('mapping-panel').waitFor();
      await page.getByTestId('tls-reports').waitFor();
      await page.getByTestId('file-error').filter({ hasText: 'holiday.png' }).waitFor();
      await check(page, 'mapping panel, error card and TLS reports');
      noViolations(page);
      assert.deepEqual(page.errors, []);
      await page.context().close();
    });
  }
}

test('progress bars while a big file is read', { timeout: 300_000 }, async () => {
  const log = postfixLog('large-postfix-300mb.log', 300);
  const page = await open(ctx.browser, ctx.server.url);
  await page.getByTestId('file-input').setInputFiles(log.file);
  await page.getByTestId('progress-row').first().waitFor();
  await check(page, 'progress bars');
  noViolations(page);
  await page.context().close();
});
