// A summary written by the command line (`mailflow summarize`) from the e2e fixtures, loaded
// into the page, gives the same export as the raw files dropped on the page, byte for byte.
import test from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { hooks, open, output, root } from './support.mjs';

const ctx = await hooks(test);
const cli = path.join(root, 'target/debug/mailflow');

function fixtureFiles() {
  const dir = (d) => fs.readdirSync(path.join(root, 'tests/fixtures', d)).sort().map((n) => path.join(root, 'tests/fixtures', d, n));
  return [path.join(output, 'sample.csv'), ...dir('logs'), ...dir('exo')];
}

/** Loads files into a fresh page, shows every day and returns the text of Export details. */
async function exportOf(files, name) {
  const page = await open(ctx.browser, ctx.server.url);
  await page.getByTestId('file-input').setInputFiles(files);
  await page.getByTestId('file-summary').nth(files.length - 1).waitFor();
  await page.getByTestId('range-preset').selectOption('all');
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-details').click()]);
  const file = path.join(output, name);
  await download.saveAs(file);
  assert.deepEqual(page.errors, []);
  return fs.readFileSync(file, 'utf8');
}

test('the command line summary loads into the page with the same export as the raw files', async () => {
  assert.ok(fs.existsSync(cli), 'scripts/test builds target/debug/mailflow first');
  const files = fixtureFiles();
  const summary = path.join(output, 'fixtures-summary.csv');
  execFileSync(cli, ['summarize', ...files, '-o', summary], { stdio: ['ignore', 'ignore', 'inherit'] });

  const raw = await exportOf(files, 'export-raw.csv');
  const fromSummary = await exportOf([summary], 'export-summary.csv');
  const lines = raw.trimEnd().split('\r\n');
  assert.ok(lines.length > 100, `the export has rows from every fixture: ${lines.length}`);
  assert.ok(lines.some((l) => l.startsWith('2025-03-04,Inbound,EX01')), 'Exchange Server logs are in it');
  assert.equal(fromSummary, raw);
});
