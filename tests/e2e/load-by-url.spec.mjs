// Loading by URL: `?src=` (repeatable) and the "Load from URL" field; a 404, a cross-origin server
// without CORS, one with CORS, and content that is no trace each say what happened.
import test from 'node:test';
import assert from 'node:assert/strict';
import { hooks, open, serve, dist } from './support.mjs';

const ctx = await hooks(test);

test('?src= loads each file; a 404 and a page that is no trace are named', async () => {
  const page = await open(ctx.browser, ctx.server.url,
    '?src=/fixtures/exo/message-trace-ps7.csv&src=/fixtures/logs/exim-mainlog&src=/fixtures/nope.csv&src=/');
  await page.getByTestId('file-error').nth(1).waitFor();
  const names = await page.locator('.mf-file__name').allTextContents();
  assert.deepEqual(names, ['message-trace-ps7.csv', 'exim-mainlog', '/fixtures/nope.csv', new URL(ctx.server.url).host]);
  const errors = await page.getByTestId('file-error').allTextContents();
  assert.match(errors[0], /was not found \(HTTP 404\)/);
  assert.match(errors[1], /not a trace Mailflow recognises/);
  assert.deepEqual(page.errors.filter((e) => !/404/.test(e)), []);
});

test('cross-origin: refused without CORS, loaded with it; the URL field works too', async () => {
  const plain = await serve(dist);
  const cors = await serve(dist, { headers: { 'access-control-allow-origin': '*' } });
  try {
    const page = await open(ctx.browser, ctx.server.url, `?src=${plain.url}fixtures/exo/enhanced-summary.csv`);
    await page.getByTestId('file-error').waitFor();
    const host = new URL(plain.url).host;
    assert.match(await page.getByTestId('file-error').textContent(), new RegExp(`the server at ${host} does not allow cross-origin reads.*enable CORS`));

    await page.getByTestId('url-input').fill(`${cors.url}fixtures/exo/enhanced-summary.csv`);
    await page.getByTestId('url-load').click();
    await page.getByTestId('file-summary').waitFor();
    assert.match(await page.getByTestId('file-format').textContent(), /enhanced summary report/);
    assert.deepEqual(plain.requests.filter((r) => !r.startsWith('/fixtures/')), [], 'only the given address was asked for');
  } finally {
    await plain.close();
    await cors.close();
  }
});
