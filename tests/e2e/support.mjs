// Shared helpers for Mailflow's end-to-end specs: a static server for the built app, Debian's
// Chromium through playwright-core, and ways to hand files to the page as a user would.
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const here = path.dirname(fileURLToPath(import.meta.url));
export const root = path.resolve(here, '../..');
export const dist = process.env.MAILFLOW_DIST || path.join(root, 'dist');
export const output = path.join(here, 'output');
fs.mkdirSync(output, { recursive: true });

const types = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.wasm': 'application/wasm',
  '.css': 'text/css',
  '.csv': 'text/csv',
  '.json': 'application/json',
};

/**
 * Serves a folder on 127.0.0.1 at a free port; resolves to { url, close, requests }. `/fixtures/`
 * serves tests/fixtures too; `headers` are added to every answer (e.g. CORS).
 */
export function serve(dir = dist, { headers = {} } = {}) {
  const requests = [];
  const server = http.createServer((req, res) => {
    const url = new URL(req.url, 'http://x');
    requests.push(url.pathname);
    const mounts = { '/fixtures/': path.join(root, 'tests/fixtures'), '/examples/': path.join(root, 'examples') };
    const mount = Object.keys(mounts).find((m) => url.pathname.startsWith(m));
    const base = mount ? mounts[mount] : dir;
    const rel = mount ? url.pathname.slice(mount.length - 1) : url.pathname;
    let file = path.join(base, decodeURIComponent(rel));
    if (!file.startsWith(base)) { res.writeHead(403).end(); return; }
    if (fs.existsSync(file) && fs.statSync(file).isDirectory()) file = path.join(file, 'index.html');
    if (!fs.existsSync(file)) { res.writeHead(404, headers).end('not found'); return; }
    res.writeHead(200, { 'content-type': types[path.extname(file)] || 'application/octet-stream', ...headers });
    fs.createReadStream(file).pipe(res);
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      resolve({ url: `http://127.0.0.1:${port}/`, requests, close: () => new Promise((r) => { server.closeAllConnections?.(); server.close(r); }) });
    });
  });
}

/** Debian's Chromium, headless, with the flags this machine's closed network needs. */
export function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless: true,
    // --lang: the tests expect English unless they ask for another language.
    args: ['--lang=en-US', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
  });
}

/** Opens the app and waits until it is mounted; fails the test on any page error. */
export async function open(browser, base, query = '', viewport = { width: 1440, height: 1000 }) {
  const context = await browser.newContext({ viewport, acceptDownloads: true });
  const page = await context.newPage();
  page.errors = [];
  page.on('pageerror', (e) => page.errors.push(String(e)));
  page.on('console', (m) => { if (m.type() === 'error') page.errors.push(m.text()); });
  await page.goto(base + query);
  await page.getByTestId('load-sample').waitFor();
  return page;
}

/** Drops files on the page through a real `drop` event carrying a DataTransfer. */
export async function drop(page, files) {
  await page.evaluate((files) => {
    const dt = new DataTransfer();
    for (const f of files) {
      const bytes = Uint8Array.from(atob(f.base64), (c) => c.charCodeAt(0));
      dt.items.add(new File([bytes], f.name));
    }
    const target = document.querySelector('main') || document.body;
    target.dispatchEvent(new DragEvent('dragover', { dataTransfer: dt, bubbles: true, cancelable: true }));
    target.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
  }, files.map((f) => ({ name: f.name, base64: Buffer.from(f.content).toString('base64') })));
}

/** The bundled sample as the generator writes it, and its totals known by construction. */
export function sample() {
  const csvPath = path.join(output, 'sample.csv');
  const jsonPath = path.join(output, 'sample.json');
  if (!fs.existsSync(csvPath) || !fs.existsSync(jsonPath)) {
    throw new Error('run scripts/test (it writes tests/e2e/output/sample.csv with gen-sample first)');
  }
  const csv = fs.readFileSync(csvPath, 'utf8');
  return { csv, totals: JSON.parse(fs.readFileSync(jsonPath, 'utf8')), rows: parseSample(csv) };
}

/** Reads the sample CSV (no quoted fields in it) into row objects, independently of the app. */
export function parseSample(csv) {
  const [head, ...lines] = csv.trim().split('\n');
  const keys = head.split(',');
  return lines.map((l) => Object.fromEntries(l.split(',').map((v, i) => [keys[i], v])));
}

/** Adds days to a YYYY-MM-DD date. */
export function addDays(day, n) {
  const d = new Date(day + 'T00:00:00Z');
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

/** Sums sample rows per TLS label for a direction, over [from, to], with an optional row filter. */
export function tally(rows, { from, to, direction, keep = () => true }) {
  const out = { 'No TLS': 0, 'TLS 1.0': 0, 'TLS 1.1': 0, 'TLS 1.2': 0, 'TLS 1.3': 0, Unknown: 0, total: 0, verified: 0, unverified: 0 };
  for (const r of rows) {
    if (r.date < from || r.date > to || r.direction !== direction || !keep(r)) continue;
    out[r.tls] += Number(r.count);
    out.total += Number(r.count);
    // The sample's verification column: Verified, Not verified, or empty (not said).
    if (r.tls !== 'No TLS' && r.verification === 'Verified') out.verified += Number(r.count);
    if (r.tls !== 'No TLS' && r.verification === 'Not verified') out.unverified += Number(r.count);
  }
  return out;
}

/** `1234567` as `1,234,567`, as the page writes it. */
export const thousands = (n) => n.toLocaleString('en-US');

// Days as CLDR writes them, from Node's own ICU: an oracle apart from the app's ICU4X data.
const utc = (iso) => new Date(`${iso}T00:00:00Z`);
/** A day in a sentence (CLDR's medium date): `Mar 4, 2025`, `04.03.2025`, `4 mrt 2025`. */
export const longDay = (iso, lang = 'en') => new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeZone: 'UTC' }).format(utc(iso));
/** A day in a table cell, in English: `3/4/2025`. */
export const tableDay = (iso) => new Intl.DateTimeFormat('en', { year: 'numeric', month: 'numeric', day: 'numeric', timeZone: 'UTC' }).format(utc(iso));

/** Registers hooks that start the server and browser once for a spec file; returns { server, browser }. */
export async function hooks(node) {
  const ctx = {};
  node.before(async () => {
    ctx.server = await serve();
    ctx.browser = await launch();
  });
  node.after(async () => {
    await ctx.browser?.close();
    await ctx.server?.close();
  });
  return ctx;
}

/** Opens the app with the sample loaded through its button; returns the page. */
export async function withSample(ctx, query = '', viewport) {
  const page = await open(ctx.browser, ctx.server.url, query, viewport);
  await page.getByTestId('load-sample').click();
  await page.getByTestId('widget-chart').waitFor();
  return page;
}

/** The text of every cell of the details table, row by row. */
export async function tableText(page) {
  return page.getByTestId('details-table').locator('tbody tr').evaluateAll((rows) =>
    rows.map((r) => [...r.querySelectorAll('td')].map((td) => td.textContent)));
}

/**
 * Writes a Postfix log of about `megabytes` MB (RFC 3339 stamps) and returns its totals, known by
 * construction and independent of the app: message i comes in from one of five partners with a
 * TLS version by i % 4 for 1-3 recipients, and every second message also goes out to a partner.
 * The file is reused when it is already there.
 */
export function postfixLog(name, megabytes) {
  const file = path.join(output, name);
  const totalsFile = file + '.json';
  const target = megabytes * 1e6;
  if (fs.existsSync(file) && fs.existsSync(totalsFile) && fs.statSync(file).size >= target) {
    return { file, ...JSON.parse(fs.readFileSync(totalsFile, 'utf8')) };
  }
  const partners = ['mail.fabrikam.com[203.0.113.10]', 'mx.contoso.net[198.51.100.20]', 'out.woodgrove.example[192.0.2.30]',
    'smtp.litware.org[203.0.113.40]', 'relay.adatum.example[198.51.100.50]'];
  const versions = ['TLSv1.2', 'TLSv1.3', 'TLSv1', null];
  const fd = fs.openSync(file, 'w');
  const totals = { inbound: 0, outbound: 0, bytes: 0 };
  const start = Date.UTC(2026, 8, 1);
  let chunk = [];
  let size = 0;
  for (let i = 0; size < target; i++) {
    const stamp = new Date(start + i * 997).toISOString().replace('Z', '+00:00');
    const peer = partners[i % 5];
    const pid = 1000 + (i % 50);
    const qid = (0x100000 + i).toString(16).toUpperCase();
    const rcpt = (i % 3) + 1;
    const v = versions[i % 4];
    const lines = [`${stamp} mx1 postfix/smtpd[${pid}]: connect from ${peer}`];
    if (v) lines.push(`${stamp} mx1 postfix/smtpd[${pid}]: Anonymous TLS connection established from ${peer}: ${v} with cipher ECDHE-RSA-AES128-GCM-SHA256 (128/128 bits)`);
    lines.push(`${stamp} mx1 postfix/smtpd[${pid}]: ${qid}: client=${peer}`);
    lines.push(`${stamp} mx1 postfix/qmgr[5]: ${qid}: from=<sender${i % 97}@example.com>, size=${2000 + i % 5000}, nrcpt=${rcpt} (queue active)`);
    lines.push(`${stamp} mx1 postfix/smtpd[${pid}]: disconnect from ${peer}`);
    totals.inbound += rcpt;
    if (i % 2 === 0) {
      const out = partners[(i + 2) % 5];
      lines.push(`${stamp} mx1 postfix/smtp[${pid + 100}]: Verified TLS connection established to ${out}:25: TLSv1.3 with cipher TLS_AES_256_GCM_SHA384 (256/256 bits)`);
      lines.push(`${stamp} mx1 postfix/smtp[${pid + 100}]: ${qid}: to=<user${i % 89}@partner.example>, relay=${out}:25, delay=0.9, delays=0.1/0/0.4/0.4, dsn=2.0.0, status=sent (250 OK)`);
      totals.outbound += 1;
    }
    const text = lines.join('\n') + '\n';
    size += text.length;
    chunk.push(text);
    if (chunk.length >= 2000) {
      fs.writeSync(fd, chunk.join(''));
      chunk = [];
    }
  }
  fs.writeSync(fd, chunk.join(''));
  fs.closeSync(fd);
  totals.bytes = size;
  fs.writeFileSync(totalsFile, JSON.stringify(totals));
  return { file, ...totals };
}

/** Mailflow CSV of about `mb` MB with `hosts` partners over `days` days, and a bad row every
 * 100,003 rows. The default (60 MB, 2,000 partners, 28 days) is read by two workers in
 * parallel.spec; 200 MB over 90 days with 5,000 partners holds 45,000 partner cells (each row's day,
 * partner, direction, connector and TLS follow the row number, and repeat every 45,000 rows). */
export function partnersCsv({ mb = 60, hosts = 2000, days = 28 } = {}) {
  const file = path.join(output, mb === 60 && hosts === 2000 && days === 28 ? 'parallel-60mb.csv' : `partners-${mb}mb-${hosts}-${days}d.csv`);
  if (fs.existsSync(file) && fs.statSync(file).size > mb * 0.9e6) return file;
  fs.mkdirSync(output, { recursive: true });
  const tls = ['TLS 1.2', 'TLS 1.3', 'No TLS', 'TLS 1.0', 'TLS 1.2'];
  const out = fs.openSync(file, 'w');
  let chunk = ['date,direction,connector,tls,count,remote_host'];
  let size = 0;
  const start = Date.UTC(2026, 0, 1);
  for (let i = 0; size < mb * 1e6; i++) {
    const day = new Date(start + (i % days) * 86400000).toISOString().slice(0, 10);
    const h = i % hosts;
    const line = i % 100003 === 77
      ? `${day}T25:99:00Z,Inbound,Relay,TLS 1.2,1,bad.example`
      : `${day}T10:${String(i % 60).padStart(2, '0')}:00.${String(i % 1000).padStart(3, '0')}Z,${i % 2 ? 'Outbound' : 'Inbound'},${i % 3 ? 'Relay ' + (i % 5) : ''},${tls[i % 5]},${1 + (i % 3)},mx${Math.floor(hosts / (1 + h))}.p${h}.example`;
    chunk.push(line);
    size += line.length + 1;
    if (chunk.length >= 100000) { fs.writeSync(out, chunk.join('\n') + '\n'); chunk = []; }
  }
  if (chunk.length) fs.writeSync(out, chunk.join('\n') + '\n');
  fs.closeSync(out);
  return file;
}

/** An enhanced summary report (Exchange Online) of about `mb` MB in UTF-16LE, as the admin center
 * writes it: one row per message, 1–3 recipients each, a different client IP per row, 30 days;
 * subjects in other scripts, and now and then one with doubled quotes and a line break (a cut of
 * the file in parts may fall inside it). Returns the file and how many message-recipient pairs
 * it holds. */
export function enhancedSummary(mb = 120) {
  const file = path.join(output, `enhanced-summary-v2-${mb}mb.csv`);
  const totalsFile = file + '.json';
  if (fs.existsSync(file) && fs.existsSync(totalsFile)) return { file, ...JSON.parse(fs.readFileSync(totalsFile, 'utf8')) };
  fs.mkdirSync(output, { recursive: true });
  const out = fs.openSync(file, 'w');
  const write = (text) => fs.writeSync(out, Buffer.from(text, 'utf16le'));
  fs.writeSync(out, Buffer.from([0xff, 0xfe]));
  write('"origin_timestamp_utc","sender_address","recipient_status","message_subject","total_bytes","message_id","network_message_id","original_client_ip","directionality","connector_id","delivery_priority"\r\n');
  const start = Date.UTC(2026, 5, 1);
  let size = 2, pairs = 0, chunk = [];
  for (let i = 0; size < mb * 1e6; i++) {
    const inbound = i % 3 !== 0;
    const rcpts = 1 + (i % 3);
    pairs += rcpts;
    const status = Array.from({ length: rcpts }, (_, r) => `user${(i + r) % 5000}@${inbound ? 'contoso.com' : `partner${i % 4000}.example`}##Receive, ${inbound ? 'Deliver' : 'Send'}`).join(';');
    const stamp = new Date(start + (i % 30) * 86400000 + (i % 86400) * 1000).toISOString();
    const line = `"${stamp}","${inbound ? `a${i % 900}@partner${i % 4000}.example` : 'alice@contoso.com'}","${status}","${i % 4999 === 3 ? `Re: ""Angebot"" für Q${i % 4}\r\nzweite Zeile` : i % 7 === 1 ? `件名 ${i} – naïve café` : `Subject ${i}`}","${2000 + (i % 90000)}","<m${i}@mail.example>","${i.toString(16).padStart(32, '0')}","${10 + (i >> 16) % 200}.${(i >> 8) % 256}.${i % 256}.${i % 7}","${inbound ? 'Incoming' : 'Originating'}","${inbound ? (i % 5 ? '' : 'Partner inbound') : 'Outbound to partners'}","Normal"\r\n`;
    chunk.push(line);
    size += line.length * 2;
    if (chunk.length >= 20000) { write(chunk.join('')); chunk = []; }
  }
  if (chunk.length) write(chunk.join(''));
  fs.closeSync(out);
  fs.writeFileSync(totalsFile, JSON.stringify({ pairs }));
  return { file, pairs };
}

/** An Exim main log of about `mb` MB (48 MB or more is read in parts): deliveries to 500
 * partners, most outbound without `X=` until the first `X=` line near the end (so that one pass
 * holds them and then counts them No TLS), arrivals with and without TLS. */
export function eximLog(mb = 60) {
  const file = path.join(output, `exim-${mb}mb.log`);
  if (fs.existsSync(file) && fs.statSync(file).size > mb * 0.9e6) return file;
  fs.mkdirSync(output, { recursive: true });
  const out = fs.openSync(file, 'w');
  const start = Date.UTC(2026, 0, 1);
  const lines = Math.round((mb * 1e6) / 120);
  let chunk = [];
  for (let i = 0; i < lines; i++) {
    const t = new Date(start + i * 1000).toISOString().replace('T', ' ').slice(0, 19);
    const id = `1t${(i % 0xffff).toString(16).padStart(4, '0')}-${(i % 0xffffff).toString(16).toUpperCase().padStart(6, '0')}-${(i % 0xff).toString(16).toUpperCase().padStart(2, '0')}`;
    const p = i % 500;
    let line;
    if (i === lines - 10) line = `${t} ${id} => late@tls.example R=dnslookup T=remote_smtp H=mx.tls.example [192.0.2.9] X=TLS1.3:TLS_AES_256_GCM_SHA384:256 C="250 OK"`;
    else if (i % 3 === 0) line = `${t} ${id} => u${i}@p${p}.example R=dnslookup T=remote_smtp H=mx.p${p}.example [198.18.${p >> 8}.${p & 255}] C="250 OK"`;
    else if (i % 3 === 1) line = `${t} ${id} <= a${i}@q${p}.example H=mx.q${p}.example [198.19.${p >> 8}.${p & 255}] P=esmtps X=TLS1.2:ECDHE-RSA-AES256-GCM-SHA384:256 S=1000 id=m${i}@q.example`;
    else line = `${t} ${id} <= b${i}@r${p}.example H=mx.r${p}.example [198.20.${p >> 8}.${p & 255}] P=esmtp S=900 id=n${i}@r.example`;
    chunk.push(line);
    if (chunk.length >= 100000) { fs.writeSync(out, chunk.join('\n') + '\n'); chunk = []; }
  }
  if (chunk.length) fs.writeSync(out, chunk.join('\n') + '\n');
  fs.closeSync(out);
  return file;
}
