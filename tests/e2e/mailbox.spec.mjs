// SMTP TLS reports straight from the mailbox: an .mbox exported from a mail client with 1,000
// report e-mails (ten of them mailed twice) and a DMARC report among them loads with a progress
// bar, each report counted once; a DMARC report dropped alone is named as one.
import test from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { hooks, open, drop, output } from './support.mjs';

const ctx = await hooks(test);

const lines76 = (b64) => b64.match(/.{1,76}/g).join('\n');
const day = (i) => `2026-03-${String(1 + (i % 28)).padStart(2, '0')}`;

/** One report e-mail shaped like a provider's (multipart/report, a gzip attachment in base64),
 *  with a long text part as real ones carry (HTML and legal text), so the mailbox is big enough
 *  for its progress bar to show. */
function reportMail(i) {
  const report = {
    'organization-name': 'Mail Provider Example', 'report-id': `r-${i}@mail-provider.example`,
    'date-range': { 'start-datetime': `${day(i)}T00:00:00Z`, 'end-datetime': `${day(i)}T23:59:59Z` },
    'contact-info': 'tls-reports@mail-provider.example',
    policies: [{ policy: { 'policy-type': 'sts', 'policy-domain': 'mailflow.example' },
      summary: { 'total-successful-session-count': 100 + (i % 7), 'total-failure-session-count': i % 3 },
      'failure-details': i % 3 ? [{ 'result-type': 'starttls-not-supported', 'failed-session-count': i % 3 }] : [] }],
  };
  const gz = zlib.gzipSync(Buffer.from(JSON.stringify(report))).toString('base64');
  const filler = 'This is an aggregate TLS report. From now on, reports arrive daily.\n'.repeat(600);
  return [
    'From: noreply-smtp-tls-reporting@mail-provider.example', 'To: tls@mailflow.example',
    `Subject: Report Domain: mailflow.example Submitter: mail-provider.example Report-ID: <r-${i}>`,
    `Date: ${new Date(`${day(i)}T12:00:00Z`).toUTCString()}`, 'MIME-Version: 1.0',
    'Content-Type: multipart/report; boundary="b0"; report-type=tlsrpt', '',
    '--b0', 'Content-Type: text/plain; charset="UTF-8"', '', filler.replace(/^From /gm, '>From '),
    '--b0', 'Content-Type: application/tlsrpt+gzip;', `\tname="mail-provider.example!mailflow.example!${i}.json.gz"`,
    'Content-Transfer-Encoding: base64', '', lines76(gz), '', '--b0--', '',
  ].join('\n');
}

function dmarcMail() {
  const xml = '<?xml version="1.0"?><feedback><report_metadata><org_name>mail-provider.example</org_name></report_metadata><policy_published><domain>mailflow.example</domain></policy_published></feedback>';
  return ['From: dmarc@mail-provider.example', 'Subject: Report domain: mailflow.example', 'Date: Tue, 10 Mar 2026 03:53:20 +0000',
    'MIME-Version: 1.0', 'Content-Type: application/gzip; name="dmarc.xml.gz"', 'Content-Transfer-Encoding: base64', '',
    lines76(zlib.gzipSync(Buffer.from(xml)).toString('base64')), ''].join('\n');
}

test('an .mbox of 1,000 TLS report e-mails loads with a progress bar, each report once', { timeout: 120_000 }, async () => {
  const order = [...Array(1000).keys(), ...Array(10).keys()];
  const mails = order.map(reportMail);
  mails.splice(500, 0, dmarcMail());
  const file = path.join(output, 'tls-reports.mbox');
  fs.writeFileSync(file, mails.map((m) => `From noreply@mail-provider.example Tue Mar 10 10:53:20 2026\n${m}`).join('\n'));
  let success = 0, failure = 0;
  for (let i = 0; i < 1000; i++) { success += 100 + (i % 7); failure += i % 3; }

  const page = await open(ctx.browser, ctx.server.url);
  await page.evaluate(() => {
    window.sawProgress = false;
    new MutationObserver(() => { if (document.querySelector('[data-testid=progress-row] progress')) window.sawProgress = true; })
      .observe(document.body, { subtree: true, childList: true });
  });
  await page.getByTestId('file-input').setInputFiles(file);
  const panel = page.getByTestId('tls-reports');
  await panel.waitFor();
  assert.ok(await page.evaluate(() => window.sawProgress), 'a progress bar was shown while the mailbox was read');
  assert.ok(fs.statSync(file).size > 40e6, 'the mailbox is tens of megabytes');
  const orgs = await panel.getByTestId('tlsrpt-organizations').locator('tbody tr').evaluateAll((rs) => rs.map((r) => [...r.children].map((c) => c.textContent)));
  assert.deepEqual(orgs.map((r) => r.slice(0, 3)), [['Mail Provider Example', success.toLocaleString('en-US'), failure.toLocaleString('en-US')]], 'ten reports mailed twice count once');
  assert.equal(await panel.getByTestId('tlsrpt-days').locator('tbody tr').count(), 28);
  assert.equal(await page.getByTestId('file-error').count(), 0);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('a DMARC report dropped by mistake is named as one', async () => {
  const page = await open(ctx.browser, ctx.server.url);
  const xml = '<?xml version="1.0" encoding="UTF-8" ?>\n<feedback>\n  <report_metadata>\n    <org_name>mail-provider.example</org_name>\n  </report_metadata>\n</feedback>\n';
  await drop(page, [{ name: 'mail-provider.example!mailflow.example!1773014400!1773100799.xml.gz', content: zlib.gzipSync(Buffer.from(xml)) },
    { name: 'dmarc.eml', content: dmarcMail() }]);
  await page.getByTestId('file-error').nth(1).waitFor();
  const errors = await page.getByTestId('file-error').allTextContents();
  assert.match(errors[0], /\.xml\.gz › .*: this is a DMARC aggregate report, not an SMTP TLS report: Mailflow reads TLS reports \(RFC 8460\), not DMARC\./);
  assert.match(errors[1], /^dmarc\.eml: 1 DMARC aggregate report is in it and no SMTP TLS report/);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('the same TLS report e-mail saved as UTF-16 loads its report', async () => {
  const eml = fs.readFileSync(path.join(path.dirname(new URL(import.meta.url).pathname), '..', 'fixtures', 'real-shapes', 'tlsrpt-google-shape.eml'), 'utf8');
  const page = await open(ctx.browser, ctx.server.url);
  await drop(page, [{ name: 'report-utf16.eml', content: Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(eml, 'utf16le')]) }]);
  const panel = page.getByTestId('tls-reports');
  await panel.waitFor();
  assert.equal(await page.getByTestId('file-error').count(), 0);
  const orgs = await panel.getByTestId('tlsrpt-organizations').locator('tbody tr').evaluateAll((rs) => rs.map((r) => r.children[0].textContent));
  assert.deepEqual(orgs, ['Mail Provider Example']);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});
