// The whole journey without a mouse: load a file through the picker, open and close the flyout,
// change "Show data for", the view and the dates, sort the table and export it, with Tab, Enter,
// Escape and the arrow keys only, and a visible focus ring on every element reached.
import test from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { hooks, open, output } from './support.mjs';

const ctx = await hooks(test);

/** Presses Tab until the element with this test id has the focus; every element the focus
 *  passes on the way must show a focus ring. */
async function tabTo(page, testid, { max = 80, back = false } = {}) {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
    const here = await page.evaluate(() => {
      const el = document.activeElement;
      if (!el || el === document.body) return null;
      const style = getComputedStyle(el);
      return { testid: el.dataset.testid, what: `${el.tagName.toLowerCase()} ${el.textContent.trim().slice(0, 30)}`,
        outline: style.outlineStyle, width: parseFloat(style.outlineWidth), visible: el.matches(':focus-visible') };
    });
    if (!here) continue;
    assert.ok(here.outline !== 'none' && here.width >= 2, `${here.what} shows where the focus is: ${JSON.stringify(here)}`);
    if (here.testid === testid) return;
  }
  assert.fail(`${testid} was not reached with ${back ? 'Shift+' : ''}Tab`);
}

const focused = (page) => page.evaluate(() => document.activeElement?.dataset.testid);

test('load, flyout, Show data for, view, dates, sort and export by keyboard alone', async () => {
  const page = await open(ctx.browser, ctx.server.url);
  // Load: the visible button opens the file picker.
  // Playwright takes over the file dialog once something waits for it: wait before the keys.
  const chooser = page.waitForEvent('filechooser');
  await page.locator('body').focus();
  await tabTo(page, 'choose-files');
  await page.keyboard.press('Enter');
  await (await chooser).setFiles(path.join(output, 'sample.csv'));
  await page.getByTestId('widget-chart').waitFor();

  // The flyout opens with Enter, takes the focus, closes with Escape and gives the focus back.
  await tabTo(page, 'view-details');
  await page.keyboard.press('Enter');
  await page.getByTestId('tls-flyout').waitFor();
  assert.ok(await page.getByTestId('tls-flyout').evaluate((el) => el.contains(document.activeElement)), 'the focus moves into the flyout');
  for (const key of ['Tab', 'Tab', 'Tab', 'Tab', 'Tab', 'Tab', 'Shift+Tab', 'Shift+Tab', 'Shift+Tab', 'Shift+Tab', 'Shift+Tab', 'Shift+Tab', 'Shift+Tab']) {
    await page.keyboard.press(key);
    assert.ok(await page.getByTestId('tls-flyout').evaluate((el) => el.contains(document.activeElement)), `the focus stays in the flyout after ${key}`);
  }
  await page.keyboard.press('Escape');
  await page.getByTestId('tls-flyout').waitFor({ state: 'detached' });
  assert.equal(await focused(page), 'view-details', 'the focus returns to the button that opened it');

  // Show data for, the view and the dates: arrow keys on the focused selects.
  await tabTo(page, 'connector-select');
  const before = await page.getByTestId('connector-select').inputValue();
  await page.keyboard.press('ArrowDown');
  await page.waitForFunction((v) => document.querySelector('[data-testid=connector-select]').value !== v, before);
  await tabTo(page, 'view-select');
  await page.keyboard.press('ArrowDown');
  await page.waitForFunction(() => document.querySelector('[data-testid=view-select]').value === 'tls');
  await tabTo(page, 'range-preset');
  await page.keyboard.press('ArrowDown');
  await page.waitForFunction(() => document.querySelector('[data-testid=range-preset]').value === '30');
  await tabTo(page, 'range-from');
  // A date typed into the field, segment by segment (the browser's en-US order).
  await page.keyboard.type('11012026');
  await page.keyboard.press('Tab');
  await page.waitForFunction(() => new URLSearchParams(location.search).get('from') === '2026-11-01');
  assert.equal(await page.getByTestId('range-preset').inputValue(), 'custom');

  // Sort by TLS 1.2, twice: ascending, then descending.
  await tabTo(page, 'sort-tls12');
  await page.keyboard.press('Enter');
  const header = page.getByTestId('sort-tls12').locator('xpath=..');
  await page.waitForFunction(() => document.querySelector('[data-testid=sort-tls12]').parentElement.getAttribute('aria-sort') === 'ascending');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.querySelector('[data-testid=sort-tls12]').parentElement.getAttribute('aria-sort') === 'descending');
  assert.equal(await header.getAttribute('aria-sort'), 'descending');

  // Export the rows shown.
  await tabTo(page, 'export-details', { back: true });
  const [download] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
  assert.match(download.suggestedFilename(), /^mailflow-details-.*\.csv$/);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});
