// The loading worker reads a file through the Blob's byte stream into one reused buffer (a BYOB
// reader); where the browser has no BYOB reader for a Blob it reads the file in slices instead.
// Both give the same summary. (The worker script is served with a few lines in front that count
// the BYOB readers asked for and, for the second page, refuse them as such a browser would.)
import test from 'node:test';
import assert from 'node:assert/strict';
import { hooks, open, postfixLog, partnersCsv, thousands } from './support.mjs';

const ctx = await hooks(test);

/** Loads `file` on a fresh page of `cores` cores whose workers `refuse` BYOB readers or not;
 * returns the summary's text and how many BYOB readers the workers asked for. */
async function load(file, refuse, cores = 1) {
  const page = await open(ctx.browser, ctx.server.url);
  await page.evaluate((n) => Object.defineProperty(Navigator.prototype, 'hardwareConcurrency', { get: () => n }), cores);
  const asked = [];
  page.on('console', (m) => { if (m.text() === 'byob reader asked for') asked.push(1); });
  await page.context().route('**/mailflow-worker.js', async (route) => {
    const response = await route.fetch();
    const patch = `{ const get = ReadableStream.prototype.getReader;
      ReadableStream.prototype.getReader = function (options) {
        if (options && options.mode === 'byob') { console.log('byob reader asked for'); if (${refuse}) throw new TypeError('no BYOB reader here'); }
        return get.call(this, options);
      }; }\n`;
    await route.fulfill({ response, body: patch + (await response.text()) });
  });
  await page.getByTestId('file-input').setInputFiles(file);
  const summary = page.getByTestId('file-summary');
  await summary.waitFor({ timeout: 120_000 });
  assert.deepEqual(page.errors, []);
  const text = await summary.textContent();
  const used = await summary.getByTestId('deliveries-used').textContent();
  await page.context().close();
  return { text, used, asked: asked.length };
}

test('a file reads the same through the Blob stream and, without a BYOB reader, in slices', { timeout: 300_000 }, async () => {
  // 20 MB: several 8 MB pieces, with lines cut at their edges.
  const log = postfixLog('stream-postfix-20mb.log', 20);
  const streamed = await load(log.file, false);
  assert.ok(streamed.asked >= 1, 'the worker read the file through a BYOB reader');
  assert.equal(streamed.used, thousands(log.inbound + log.outbound));
  const sliced = await load(log.file, true);
  assert.ok(sliced.asked >= 1, 'the worker asked for a BYOB reader and was refused');
  assert.equal(sliced.used, thousands(log.inbound + log.outbound));
  assert.equal(sliced.text, streamed.text, 'the same summary either way');
  console.log(`# BYOB readers asked for: ${streamed.asked} (streamed), ${sliced.asked} (refused)`);
});

test('each part of a file read by two workers comes through its own stream, or in slices', { timeout: 300_000 }, async () => {
  // 60 MB: split in two parts, each read from its own place in the file.
  const file = partnersCsv();
  const streamed = await load(file, false, 2);
  assert.equal(streamed.asked, 2, 'one BYOB reader for each part');
  const sliced = await load(file, true, 2);
  assert.equal(sliced.asked, 2, 'both workers asked for a BYOB reader and were refused');
  assert.equal(sliced.text, streamed.text, 'the same summary either way');
  const whole = await load(file, false, 1);
  assert.equal(whole.asked, 1);
  assert.equal(streamed.text, whole.text, 'and the same as one worker reading the whole file');
});
