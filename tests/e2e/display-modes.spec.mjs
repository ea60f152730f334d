// The page under the display settings people use: Windows high contrast (forced colours),
// reduced motion, and zoom to 200% and 400% (reflow: at 320 CSS px nothing needs sideways
// scrolling except a data table inside its own scroller).
import test from 'node:test';
import assert from 'node:assert/strict';
import { hooks, open } from './support.mjs';

const ctx = await hooks(test);

test('forced colours: system colours on controls, the charts keep their patterns', async () => {
  const page = await open(ctx.browser, ctx.server.url, '?sample');
  await page.emulateMedia({ forcedColors: 'active' });
  await page.getByTestId('widget-chart').waitFor();
  const chart = await page.getByTestId('widget-chart').evaluate((el) => {
    const svg = el.querySelector('svg');
    return { adjust: getComputedStyle(svg).forcedColorAdjust, hatched: svg.querySelectorAll('rect[fill^="url(#mf-none-"]').length };
  });
  assert.equal(chart.adjust, 'none', 'the chart keeps its colours and patterns');
  assert.ok(chart.hatched >= 1, 'No TLS is hatched, not only coloured');
  const button = await page.getByTestId('load-sample').evaluate((el) => getComputedStyle(el).borderTopStyle);
  assert.equal(button, 'solid', 'buttons keep a visible border');
  await page.getByTestId('view-details').focus();
  const ring = await page.getByTestId('view-details').evaluate((el) => getComputedStyle(el).outlineStyle);
  assert.notEqual(ring, 'none');
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('reduced motion: nothing animates while the flyout opens and the report changes', async () => {
  const page = await open(ctx.browser, ctx.server.url, '?sample');
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await page.getByTestId('widget-chart').waitFor();
  // Mailflow has no motion of its own today; a transition a host page (or a later change) gives
  // the buttons must still be stopped.
  await page.addStyleTag({ content: '.mf-app .mf-button { transition: background 400ms ease; }' });
  assert.equal(await page.getByTestId('load-sample').evaluate((el) => getComputedStyle(el).transitionDuration), '0s');
  await page.emulateMedia({ reducedMotion: 'no-preference' });
  assert.equal(await page.getByTestId('load-sample').evaluate((el) => getComputedStyle(el).transitionDuration), '0.4s', 'the check can see a transition');
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await page.getByTestId('view-details').click();
  await page.getByTestId('tls-flyout').waitFor();
  assert.equal(await page.evaluate(() => document.getAnimations().length), 0);
  const durations = await page.evaluate(() => [...document.querySelectorAll('.mf-app *')].map((el) => getComputedStyle(el).transitionDuration).filter((d) => d !== '0s'));
  assert.deepEqual(durations, []);
  await page.context().close();
});

for (const zoom of [2, 4]) {
  test(`${zoom * 100}% zoom: the report reflows into ${1280 / zoom} CSS px`, async () => {
    const width = 1280 / zoom;
    const context = await ctx.browser.newContext({ viewport: { width, height: 1024 / zoom }, deviceScaleFactor: zoom });
    const page = await context.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.goto(`${ctx.server.url}?sample`);
    await page.getByTestId('widget-chart').waitFor();
    const overflow = () => page.evaluate(() => {
      const root = document.documentElement.scrollWidth;
      // Elements that stick out of the page, other than the content of a scrolling table box.
      const out = [...document.querySelectorAll('.mf-app *')].filter((el) => {
        const r = el.getBoundingClientRect();
        return r.width > 0 && r.right > innerWidth + 0.5 && !el.closest('.mf-table-wrap');
      }).map((el) => `${el.tagName.toLowerCase()}.${el.className}`);
      return { root, out: out.slice(0, 6) };
    });
    let m = await overflow();
    assert.ok(m.root <= width, `the page is ${m.root} px wide in ${width}: ${m.out.join(', ')}`);
    assert.deepEqual(m.out, []);
    await page.getByTestId('view-details').click();
    await page.getByTestId('tls-flyout').waitFor();
    m = await overflow();
    assert.deepEqual(m.out, [], 'the flyout reflows too');
    assert.deepEqual(errors, []);
    await context.close();
  });
}
