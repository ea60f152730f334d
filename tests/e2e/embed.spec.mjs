// Embedding: two instances through the JavaScript API on a portal page with its own styles, and
// the iframe protocol with its origin allow-list.
import test from 'node:test';
import assert from 'node:assert/strict';
import { hooks, serve, dist } from './support.mjs';

const ctx = await hooks(test);

/** Opens the example portal page with its two instances mounted; returns the page and its errors. */
async function portal() {
  const page = await ctx.browser.newPage({ viewport: { width: 1300, height: 900 } });
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(`${ctx.server.url}examples/embed.html`);
  await page.waitForFunction(() => window.hostReady === true);
  return { page, errors };
}

test('JavaScript API: two independent instances, scoped styles, events, unmount cleans up', async () => {
  const { page, errors } = await portal();
  const a = page.locator('#tenant-a');
  const b = page.locator('#tenant-b');
  await a.getByTestId('file-summary').waitFor();
  assert.equal(await b.getByTestId('file-summary').count(), 0, 'B has nothing: instances do not share data');
  await page.waitForFunction(() => /2 inbound · 2 outbound/.test(document.querySelector('#tenant-a [data-testid=report-dates]')?.textContent));

  // The host hands B a file's bytes; B's options (TLS view) hold, A is untouched.
  await page.evaluate(async () => {
    const text = 'date,direction,connector,tls,count\n2026-03-04,Outbound,To Fabrikam,TLS 1.0,9\n';
    await window.instances.b.load(new TextEncoder().encode(text).buffer, 'from-host.csv');
  });
  await b.getByTestId('file-summary').waitFor();
  assert.equal(await b.getByTestId('view-select').inputValue(), 'tls');

  // Languages per instance: B was mounted with language 'de', A follows the host page (lang="en").
  assert.equal(await b.locator('.mf-app').getAttribute('lang'), 'de');
  assert.equal(await a.locator('.mf-app').getAttribute('lang'), 'en');
  assert.equal(await b.locator('.mf-report-title').textContent(), 'Connectorbericht');
  assert.equal(await a.locator('.mf-report-title').textContent(), 'Connector report');
  assert.equal(await b.getByTestId('widget-outbound-volume').textContent(), '9');
  assert.match(await b.getByTestId('widget-outbound-sentence').textContent(), /^0,0\u00a0% der ausgehenden E-Mails/);
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'en', "the host page's own lang is left alone");
  assert.equal(await b.getByTestId('language').count(), 0, 'the host chooses the language, no picker');
  // setLanguage switches one instance in place, keeping its data; an unknown language changes nothing.
  assert.equal(await page.evaluate(() => window.instances.b.setLanguage('it')), false);
  assert.equal(await page.evaluate(() => window.instances.b.setLanguage('en-GB')), true);
  await b.locator('.mf-app[lang=en]').waitFor();
  assert.equal(await b.locator('.mf-report-title').textContent(), 'Connector report');
  assert.equal(await b.getByTestId('file-summary').count(), 1);
  await page.evaluate(() => window.instances.b.setLanguage('de'));
  await b.locator('.mf-app[lang=de]').waitFor();
  assert.equal(await a.getByTestId('view-select').inputValue(), 'flow');
  assert.equal(await a.getByTestId('file-summary').count(), 1);

  // setFilter and the events the host sees.
  await page.evaluate(() => window.instances.a.setFilter({ dir: 'inbound', view: 'tls' }));
  await page.waitForFunction(() => document.querySelector('#tenant-a [data-testid=view-select]').value === 'tls');
  const events = await page.evaluate(() => window.events.map((e) => `${e.who}:${e.name}`));
  assert.ok(events.includes('a:filterchange') && events.includes('b:loaded'), events.join(' '));
  const last = await page.evaluate(() => window.events.filter((e) => e.who === 'a' && e.name === 'filterchange').at(-1).detail);
  assert.equal(last.dir, 'inbound');
  assert.equal(page.url().includes('view='), false, 'embedded instances leave the page URL alone');

  // Styles: the portal's h2 colour stays; Mailflow's fonts inside stay its own.
  const portalH2 = await page.locator('.portal-panel > h2').first().evaluate((el) => getComputedStyle(el).color);
  assert.equal(portalH2, 'rgb(128, 0, 0)');
  const bodyFont = await page.evaluate(() => getComputedStyle(document.body).fontFamily);
  assert.match(bodyFont, /Georgia/);
  const appFont = await a.locator('.mf-app').evaluate((el) => getComputedStyle(el).fontFamily);
  assert.doesNotMatch(appFont, /Georgia/);
  const appH2 = await a.locator('.mf-report-title').evaluate((el) => ({ color: getComputedStyle(el).color, font: getComputedStyle(el).fontFamily }));
  assert.notEqual(appH2.color, 'rgb(128, 0, 0)', "the portal's h2 colour does not reach Mailflow's headings");
  assert.doesNotMatch(appH2.font, /Georgia/);

  // Unmount leaves no nodes behind and ends its loading worker; a dropped file no longer reaches it.
  assert.equal(page.workers().length, 2, 'each instance loads in its own worker');
  const closed = new Promise((resolve) => page.workers().forEach((w) => w.once('close', resolve)));
  await page.evaluate(() => window.instances.a.unmount());
  assert.equal(await a.locator('*').count(), 0);
  await closed;
  assert.equal(page.workers().length, 1, 'A\'s worker was ended, B\'s lives on');
  const rejected = await page.evaluate(() => window.instances.a.load('x', 'late.csv').then(() => 'loaded', (e) => String(e)));
  assert.match(rejected, /unmounted/);
  assert.equal(await b.getByTestId('file-summary').count(), 1, 'B lives on');
  assert.deepEqual(errors, []);
  await page.close();
});

test('JavaScript API: the Transit security view, the map and the Partners view work inside an instance', async () => {
  const { page, errors } = await portal();
  const a = page.locator('#tenant-a');
  await a.getByTestId('file-summary').waitFor();
  await page.evaluate(() => window.instances.a.setFilter({ view: 'security' }));
  await a.getByTestId('transit-security').waitFor();
  await page.evaluate(() => window.instances.a.setFilter({ view: 'map' }));
  await a.getByTestId('flow-maps').waitFor();
  assert.ok(await a.getByTestId('flow-map').count() >= 1);
  await a.getByTestId('partners-table').waitFor();
  assert.ok(await a.getByTestId('partner-row').count() >= 1);
  assert.equal(await page.locator('#tenant-b').getByTestId('partners').count(), 0, 'the other instance has no data and no Partners view');
  assert.equal(page.url().includes('view='), false);
  assert.deepEqual(errors, []);
  await page.close();
});

test('iframe: files and filters by postMessage from allowed origins only; height reported', async () => {
  const page = await ctx.browser.newPage();
  await page.goto(`${ctx.server.url}examples/iframe-host.html`);
  await page.waitForFunction(() => window.messages.some((m) => m.type === 'loaded'));
  const types = await page.evaluate(() => window.messages.map((m) => m.type));
  assert.ok(types.includes('ready') && types.includes('height') && types.includes('filterchange'), types.join(' '));
  const frame = page.frameLocator('#mailflow');
  await frame.getByTestId('file-summary').waitFor();
  assert.equal(await frame.getByTestId('view-select').inputValue(), 'tls');
  assert.equal(await frame.locator('html').getAttribute('lang'), 'de', 'the frame speaks the language of its lang parameter');
  assert.equal(await frame.getByTestId('view-details').textContent(), 'Details anzeigen');
  const height = await page.evaluate(() => parseInt(document.getElementById('mailflow').style.height, 10));
  assert.ok(height > 400, `the frame was sized to its content (${height}px)`);

  // A frame that only trusts another origin ignores this page's messages.
  const other = await serve(dist);
  try {
    await page.evaluate((src) => {
      const f = document.createElement('iframe');
      f.id = 'stranger';
      f.src = `${src}?embed=iframe&origins=https://portal.example`;
      document.body.append(f);
      return new Promise((r) => f.addEventListener('load', r));
    }, other.url);
    const stranger = page.frameLocator('#stranger');
    await stranger.getByTestId('load-sample').waitFor();
    await page.evaluate(() => document.getElementById('stranger').contentWindow.postMessage({ type: 'load', name: 'x.csv', data: 'date,direction,tls\n2026-01-01,Inbound,TLS 1.2\n' }, '*'));
    await stranger.locator('body[data-ignored-messages="1"]').waitFor();
    assert.equal(await stranger.getByTestId('file-summary').count(), 0);
  } finally {
    await other.close();
  }
  await page.close();
});
