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
// The loading worker runs the same WebAssembly; the page starts it through this function and
// posts it the module the page already compiled (wasm_bindgen::module()), so that no worker
// fetches or compiles the WebAssembly again.
const spawn = `window.__mailflowSpawnWorker = (module) => {
  const worker = new Worker(new URL('./mailflow-worker.js', import.meta.url), { type: 'module' });
  worker.postMessage({ __wasm: module });
  return worker;
};\n`;
const code = spawn + m[1].trim() + '\n';
const name = `start-${crypto.createHash('sha256').update(code).digest('hex').slice(0, 16)}.js`;
fs.writeFileSync(path.join(dist, name), code);
fs.writeFileSync(file, html.replace(m[0], `<script type="module" src="./${name}"></script>`));
console.log(`externalize: ${name}`);

// The JavaScript API for host pages, next to the files it needs.
const js = code.match(/from '\.?\/?([^']+\.js)'/)[1];
const wasm = code.match(/module_or_path: '\.?\/?([^']+\.wasm)'/)[1];
const css = html.match(/<link rel="stylesheet" href="\.?\/?([^"]+\.css)"/)[1];
fs.writeFileSync(path.join(dist, 'mailflow-embed.js'), `// Mailflow for host pages: Mailflow.mount(element, options) -> instance (load, setFilter, setLanguage, on, unmount).
// Load it as a module: <script type="module" src="mailflow-embed.js"></script>, then call window.Mailflow.mount,
// or import { mount } from this file. Everything stays in the browser.
import init, { mount as mountWasm } from './${js}';
window.__mailflowEmbedded = true;
${spawn.trim()}
const here = import.meta.url;
if (!document.querySelector('link[data-mailflow-css]')) {
  const link = document.createElement('link');
  link.rel = 'stylesheet';
  link.href = new URL('./${css}', here).href;
  link.dataset.mailflowCss = '';
  document.head.append(link);
}
const ready = init({ module_or_path: new URL('./${wasm}', here) });
export async function mount(element, options = {}) {
  await ready;
  return mountWasm(element, options);
}
export const Mailflow = { mount, ready };
window.Mailflow = Mailflow;
window.dispatchEvent(new CustomEvent('mailflow:ready'));
`);
console.log('externalize: mailflow-embed.js');

// The loading worker: waits for the compiled module the page posts first (or fetches the
// WebAssembly itself when none comes), queues messages until it is ready, then the app's worker
// code (src/worker.rs) takes over.
fs.writeFileSync(path.join(dist, 'mailflow-worker.js'), `// Mailflow's loading worker: the same WebAssembly as the page, run in a worker scope.
import init from './${js}';
self.__mailflowQueue = [];
self.onmessage = (event) => {
  if (event.data && '__wasm' in event.data) {
    init({ module_or_path: event.data.__wasm instanceof WebAssembly.Module ? event.data.__wasm : new URL('./${wasm}', import.meta.url) });
  } else {
    self.__mailflowQueue.push(event.data);
  }
};
`);
console.log('externalize: mailflow-worker.js');
