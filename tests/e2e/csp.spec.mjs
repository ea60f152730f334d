// The served build runs under a strict Content-Security-Policy: no violations, and no request
// other than the app's own files and the sources it was given.
import test from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, dist } from './support.mjs';

const CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; connect-src 'self'";

test('strict CSP: the sample report and a ?src= file, with no violation', async () => {
  const server = await serve(dist, { headers: { 'content-security-policy': CSP } });
  const browser = await launch();
  try {
    const page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
    await page.addInitScript(() => {
      window.__violations = [];
      document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(`${e.violatedDirective} ${e.blockedURI}`));
    });
    const requests = [];
    page.on('request', (r) => requests.push(new URL(r.url())));
    const errors = [];
    page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
    await page.goto(`${server.url}?sample&src=/fixtures/exo/message-trace-ps7.csv`);
    await page.getByTestId('file-summary').nth(1).waitFor();
    await page.getByTestId('view-details').click();
    await page.getByTestId('tls-flyout').waitFor();
    await page.keyboard.press('Escape');
    await page.getByTestId('view-select').selectOption('tls');
    await page.getByTestId('report-chart').waitFor();
    assert.deepEqual(await page.evaluate(() => window.__violations), []);
    assert.deepEqual(errors, []);
    const origin = new URL(server.url).origin;
    const foreign = requests.filter((u) => u.origin !== origin && u.protocol !== 'data:' && u.protocol !== 'blob:');
    assert.deepEqual(foreign.map(String), []);
    const own = [...new Set(requests.map((u) => u.pathname))].sort();
    assert.ok(own.every((p) => p === '/' || /^\/(start|mailflow|main|favicon)-?[\w-]*\.(js|wasm|css|svg)$/.test(p) || p === '/fixtures/exo/message-trace-ps7.csv'), own.join(' '));
  } finally {
    await browser.close();
    await server.close();
  }
});

test('the build works under any path', async () => {
  const server = await serve(dist);
  const browser = await launch();
  try {
    const page = await browser.newPage();
    // The same files served one folder down (the test server maps /portal/tools/ onto dist).
    await page.route('**/portal/tools/**', (route) => route.continue({ url: route.request().url().replace('/portal/tools/', '/') }));
    await page.goto(`${server.url}portal/tools/?sample`);
    await page.getByTestId('widget-chart').waitFor();
  } finally {
    await browser.close();
    await server.close();
  }
});
