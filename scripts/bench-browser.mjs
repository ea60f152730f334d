// The benchmark's browser half (not a test; scripts/bench runs it after the native half): each
// generated input loaded in headless Chromium through the real page and worker, against a plain
// read of the same file in the same Chromium (4 MB Blob slices), with the renderer's peak memory
// (VmHWM of Chromium's renderer processes, which hold the page and its worker). A fresh browser
// per input and another for its plain read, so that each peak is its own; the worker is started (with a one-line file) before
// the clock starts. Prints MB/s and the browser/native ratio (from
// DIR/native.json, written by the native half).
//   node scripts/bench-browser.mjs DIR [BIG_POSTFIX_FILE]
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { serve, launch, dist } from '../tests/e2e/support.mjs';

const dir = path.resolve(process.argv[2] || 'target/bench');
const big = process.argv[3];
const native = fs.existsSync(path.join(dir, 'native.json')) ? JSON.parse(fs.readFileSync(path.join(dir, 'native.json'), 'utf8')) : {};
const inputs = ['mailflow.csv', 'mailflow-partners.csv', 'enhanced-summary-utf16le.csv', 'postfix-mail.log', 'exim-mainlog'].filter((f) => fs.existsSync(path.join(dir, f)));
// DuckDB-Wasm in the same Chromium (prepared by scripts/bench-duckdb-wasm.sh), for the CSVs.
const duckdbPage = path.join(dir, 'duckdb-wasm', 'page');
const duckdbServer = fs.existsSync(path.join(duckdbPage, 'duckdb.js')) ? await serve(duckdbPage) : null;

/** DuckDB-Wasm's GROUP BY day, direction, connector and TLS on the file, as a user would run it
 * on a dropped file (registered as a browser file, read by DuckDB's CSV reader): seconds. With
 * `warm`, the same query runs first on that smaller file (not timed), so that DuckDB-Wasm's code
 * is compiled and optimised as Mailflow's is after its warm-up. */
async function duckdbWasm(browser, file, warm) {
  const page = await browser.newPage();
  await page.goto(duckdbServer.url);
  await page.waitForFunction(() => document.title === 'ready');
  await page.setInputFiles('#file', file);
  if (warm) {
    await page.evaluate(() => { const i = document.createElement('input'); i.type = 'file'; i.id = 'warm'; document.body.append(i); });
    await page.setInputFiles('#warm', warm);
  }
  return page.evaluate(async () => {
    const duckdb = window.duckdb;
    const db = new duckdb.AsyncDuckDB(new duckdb.VoidLogger(), new Worker('./duckdb-browser-eh.worker.js'));
    await db.instantiate('./duckdb-eh.wasm');
    const conn = await db.connect();
    const query = (name) => `SELECT CAST(date AS DATE) d, direction, connector, tls, sum(count) n FROM read_csv('${name}', header=true, columns={'date':'VARCHAR','direction':'VARCHAR','connector':'VARCHAR','tls':'VARCHAR','count':'BIGINT','remote_host':'VARCHAR','remote_ip':'VARCHAR'}) GROUP BY ALL`;
    const warm = document.getElementById('warm')?.files[0];
    if (warm) {
      await db.registerFileHandle('warm.csv', warm, duckdb.DuckDBDataProtocol.BROWSER_FILEREADER, true);
      await conn.query(query('warm.csv'));
    }
    const f = document.getElementById('file').files[0];
    const t = performance.now();
    await db.registerFileHandle('input.csv', f, duckdb.DuckDBDataProtocol.BROWSER_FILEREADER, true);
    const result = await conn.query(query('input.csv'));
    const seconds = (performance.now() - t) / 1000;
    if (result.numRows === 0) throw new Error('DuckDB-Wasm returned no rows');
    await conn.close();
    await db.terminate();
    return seconds;
  });
}
if (big && fs.existsSync(big)) inputs.push(path.resolve(big));

/** Chooses `file` on the page and returns the seconds, measured in the page as DuckDB-Wasm's are:
 * from the file input's change event to the DOM change that shows the file's summary (or
 * error), the `nth` on the page (after the one-line file that starts the worker: a
 * MutationObserver, so that Playwright's polling is not counted). */
async function timedLoad(page, file, nth = 2) {
  await page.evaluate((nth) => {
    window.__load = {};
    const input = document.querySelector('[data-testid="file-input"]');
    input.addEventListener('change', () => { window.__load.start = performance.now(); }, { capture: true, once: true });
    const seen = () => document.querySelectorAll('[data-testid="file-summary"], [data-testid="file-error"]').length >= nth;
    const watch = new MutationObserver(() => { if (seen()) { window.__load.end = performance.now(); watch.disconnect(); } });
    watch.observe(document.body, { childList: true, subtree: true });
  }, nth);
  await page.getByTestId('file-input').setInputFiles(file);
  await page.locator('[data-testid="file-summary"], [data-testid="file-error"]').nth(nth - 1).waitFor({ timeout: 1_800_000 });
  const { start, end } = await page.evaluate(() => window.__load);
  if (!(end > start)) throw new Error('the load was not timed');
  return (end - start) / 1000;
}

/** Keeps the page's warm-up from running (its idle callbacks never come), for the cold figures. */
const noWarmUp = () => { window.requestIdleCallback = () => 0; };

/** The one-line file that starts the worker before a timed load. */
const oneLine = { name: 'warm-up.csv', mimeType: 'text/csv', buffer: Buffer.from('date,direction,tls,count\n2020-01-01,Inbound,TLS 1.2,1\n') };

/** The largest VmHWM (MB) among Chromium's renderer processes. */
function rendererPeakMb() {
  let peak = 0;
  for (const pid of fs.readdirSync('/proc').filter((p) => /^\d+$/.test(p))) {
    try {
      const cmd = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8');
      if (!cmd.includes('chromium') || !cmd.includes('--type=renderer')) continue;
      const m = fs.readFileSync(`/proc/${pid}/status`, 'utf8').match(/VmHWM:\s+(\d+) kB/);
      if (m) peak = Math.max(peak, Number(m[1]) / 1024);
    } catch { /* the process ended */ }
  }
  return peak;
}

/** A plain read of the file's bytes in 4 MB `Blob` slices, in a browser of its own (so that its
 * renderer peak is its own too): milliseconds and the renderer's peak MB. */
async function plainRead(file) {
  const browser = await launch();
  try {
    const page = await browser.newPage();
    await page.goto(server.url);
    await page.evaluate(() => { const i = document.createElement('input'); i.type = 'file'; i.id = 'bench-read'; i.hidden = true; document.body.append(i); });
    await page.setInputFiles('#bench-read', file);
    const ms = await page.evaluate(async () => {
      const f = document.getElementById('bench-read').files[0];
      const t = performance.now();
      let sum = 0;
      for (let o = 0; o < f.size; o += 4 << 20) sum += (await f.slice(o, o + (4 << 20)).arrayBuffer()).byteLength;
      if (sum !== f.size) throw new Error('short read');
      return performance.now() - t;
    });
    return { ms, peak: rendererPeakMb() };
  } finally {
    await browser.close();
  }
}

const server = await serve(dist);
console.log(`\nBrowser (headless Chromium ${execFileSync('/usr/bin/chromium', ['--version'], { stdio: ['ignore', 'pipe', 'ignore'] }).toString().trim().replace(/^Chromium /, '')}, page + loading worker)`);
console.log(`${'input'.padEnd(30)} ${'MB'.padStart(8)} ${'read MB/s'.padStart(10)} ${'MB/s'.padStart(8)} ${'deliveries/s'.padStart(13)} ${'peak MB'.padStart(8)} ${'vs native'.padStart(10)}`);
for (const input of inputs) {
  const file = path.isAbsolute(input) ? input : path.join(dir, input);
  const mb = fs.statSync(file).size / 1e6;
  const { ms: readMs, peak: readPeak } = await plainRead(file);
  const browser = await launch();
  let seconds = 0;
  let peak = 0;
  let cores = 1;
  try {
    const page = await browser.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.addInitScript(noWarmUp);
    await page.goto(server.url);
    await page.getByTestId('load-sample').waitFor();
    // Start the worker first (it compiles the WebAssembly once, about a second): a one-line file.
    const warm = Date.now();
    await page.getByTestId('file-input').setInputFiles(oneLine);
    await page.getByTestId('file-summary').waitFor();
    const warmMs = Date.now() - warm;
    seconds = await timedLoad(page, file);
    const error = await page.locator('[data-testid="file-error"]').count() ? await page.getByTestId('file-error').textContent() : null;
    const deliveries = Number((await page.getByTestId('deliveries-used').nth(1).textContent().catch(() => '0')).replace(/,/g, ''));
    peak = rendererPeakMb();
    const n = native[path.basename(file)];
    const ratio = n ? `${((mb / seconds) / (n.mb / n.seconds)).toFixed(2)}x` : '-';
    console.log(`${path.basename(file).padEnd(30)} ${mb.toFixed(0).padStart(8)} ${(mb / (readMs / 1000)).toFixed(0).padStart(10)} ${(mb / seconds).toFixed(0).padStart(8)} ${(deliveries / seconds).toFixed(0).padStart(13)} ${peak.toFixed(0).padStart(8)} ${ratio.padStart(10)}`);
    console.log(`  the plain read alone, in a browser of its own: renderer peak ${readPeak.toFixed(0)} MB`);
    if (error || errors.length) console.log(`  problem: ${error || errors.join('; ')}`);
    if (duckdbServer && file.endsWith('.csv') && !file.includes('enhanced')) {
      try {
        const d = await duckdbWasm(browser, file);
        console.log(`  DuckDB-Wasm (same Chromium, same file) GROUP BY: ${d.toFixed(2)} s = ${(mb / d).toFixed(0)} MB/s; Mailflow / DuckDB-Wasm (throughput): ${(d / seconds).toFixed(2)}`);
      } catch (e) {
        console.log(`  DuckDB-Wasm: failed (${String(e).split('\n')[0]})`);
      }
    }
    if (duckdbServer && file.endsWith('.csv') && !file.includes('enhanced')) {
      // Both warmed up: Mailflow on a page left idle until its warm-up ended (and a second
      // more, for the browser's compiling to end), DuckDB-Wasm after the same query on the
      // file's first 8 MB.
      const head = path.join(os.tmpdir(), `mailflow-bench-warm-${process.pid}.csv`);
      const idle = await browser.newPage();
      try {
        const fd = fs.openSync(file, 'r');
        const buffer = Buffer.alloc(8 << 20);
        const n = fs.readSync(fd, buffer, 0, buffer.length, 0);
        fs.closeSync(fd);
        fs.writeFileSync(head, buffer.subarray(0, buffer.subarray(0, n).lastIndexOf(10) + 1));
        await idle.goto(server.url);
        await idle.waitForFunction(() => performance.getEntriesByName('mailflow-warmed-up').length > 0, null, { timeout: 60_000 });
        await idle.waitForTimeout(1000);
        // The worker is started with the one-line file, as for the cold figure.
        await idle.getByTestId('file-input').setInputFiles(oneLine);
        await idle.getByTestId('file-summary').waitFor();
        const w = await timedLoad(idle, file, 2);
        const dw = await duckdbWasm(browser, file, head);
        console.log(`  both warmed up: Mailflow ${(mb / w).toFixed(0)} MB/s, DuckDB-Wasm ${(mb / dw).toFixed(0)} MB/s; Mailflow / DuckDB-Wasm: ${(dw / w).toFixed(2)}`);
      } catch (e) {
        console.log(`  both warmed up: failed (${String(e).split('\n')[0]})`);
      } finally {
        fs.rmSync(head, { force: true });
        await idle.close();
      }
    }
    cores = await page.evaluate(() => Math.min(4, navigator.hardwareConcurrency || 1));
    if (input === inputs[0]) console.log(`  (starting the worker and loading a one-line file first took ${warmMs} ms; not counted above)`);
  } catch (e) {
    console.log(`${path.basename(file).padEnd(30)} ${mb.toFixed(0).padStart(8)} failed: ${String(e).split('\n')[0]}`);
  } finally {
    await browser.close();
  }
  if (file.endsWith('.csv') && seconds) {
    // The same file with one worker (the page told it has one core), in a browser of its own
    // (so that its renderer peak is its own), for the gain of the other workers.
    const solo = await launch();
    try {
      const one = await solo.newPage();
      await one.addInitScript(noWarmUp);
      await one.goto(server.url);
      await one.evaluate(() => Object.defineProperty(Navigator.prototype, 'hardwareConcurrency', { get: () => 1 }));
      await one.getByTestId('file-input').setInputFiles(oneLine);
      await one.getByTestId('file-summary').waitFor();
      const s1 = await timedLoad(one, file);
      console.log(`  one worker: ${(mb / s1).toFixed(0)} MB/s, renderer peak ${rendererPeakMb().toFixed(0)} MB; ${cores} workers (one per core): ${(mb / seconds).toFixed(0)} MB/s (${(s1 / seconds).toFixed(2)}x), ${peak.toFixed(0)} MB`);
    } finally {
      await solo.close();
    }
  }
}
await server.close();
await duckdbServer?.close();
