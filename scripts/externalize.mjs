// Moves the start-up script Trunk writes inline into index.html into its own file, so that the
// served build runs under a strict Content-Security-Policy (script-src 'self' 'wasm-unsafe-eval',
// no inline script).   node scripts/externalize.mjs [DIST]   (default: dist)
import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';

const dist = path.resolve(process.argv[2] || 'dist');
const file = path.join(dist, 'index.html');
const html = fs.readFileSync(file, 'utf8');
const m = html.match(/<script type="module">([\s\S]*?)<\/script>/);
if (!m) {
  console.log('externalize: no inline script left in index.html');
  process.exit(0);
}
const code = m[1].trim() + '\n';
const name = `start-${crypto.createHash('sha256').update(code).digest('hex').slice(0, 16)}.js`;
fs.writeFileSync(path.join(dist, name), code);
fs.writeFileSync(file, html.replace(m[0], `<script type="module" src="./${name}"></script>`));
console.log(`externalize: ${name}`);
