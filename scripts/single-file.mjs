// Turns a Trunk release build into one self-contained mailflow.html that works when opened
// straight from disk (file://): styles inline, the JavaScript inline as a module with no imports,
// and the WebAssembly embedded gzip-compressed (base64), unpacked with the browser's
// DecompressionStream and compiled asynchronously. No external requests.
//   node scripts/single-file.mjs [DIST]   (default: dist) → DIST/mailflow.html
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

const dist = path.resolve(process.argv[2] || 'dist');
const rawIndex = fs.readFileSync(path.join(dist, 'index.html'), 'utf8');
// The start-up script may be inline (Trunk's output) or moved out by externalize.mjs.
const startFile = rawIndex.match(/<script type="module" src="\.?\/?([^"]+)"><\/script>/);
const index = startFile
  ? rawIndex.replace(startFile[0], `<script type="module">${fs.readFileSync(path.join(dist, startFile[1]), 'utf8')}</script>`)
  : rawIndex;
const pick = (re, what) => {
  const m = index.match(re);
  if (!m) throw new Error(`single-file: no ${what} in ${dist}/index.html`);
  return m[1];
};
const cssFile = pick(/<link rel="stylesheet" href="\/?([^"]+\.css)"/, 'stylesheet');
const jsFile = pick(/import init, \* as bindings from '\/?([^']+\.js)'/, 'module');
const wasmFile = pick(/module_or_path: '\/?([^']+\.wasm)'/, 'wasm');

const css = fs.readFileSync(path.join(dist, cssFile), 'utf8');
let js = fs.readFileSync(path.join(dist, jsFile), 'utf8');
// An inline module cannot be imported from, so its exports become plain declarations.
js = js.replace(/^export \{[^}]*\};?\s*$/m, '').replace(/^export (class|function|async function|const|let) /gm, '$1 ');
if (/^export /m.test(js)) throw new Error('single-file: an export form this script does not know');
// The loading worker: the same bindings plus a start that waits for the compiled module, as a
// classic worker from a blob: URL (file:// pages can start neither workers from files nor module
// workers from blob: URLs, so import.meta cannot appear in it).
const workerSource = `${js.replace(/import\.meta\.url/g, 'self.location.href')}
self.__mailflowQueue = [];
self.onmessage = (event) => {
  if (event.data && event.data.__wasm) __wbg_init({ module_or_path: event.data.__wasm });
  else self.__mailflowQueue.push(event.data);
};
`;
const wasm = fs.readFileSync(path.join(dist, wasmFile));
const packed = zlib.gzipSync(wasm, { level: 9 }).toString('base64');

const head = index
  .slice(0, index.indexOf('</head>'))
  .replace(/<link rel="stylesheet"[^>]*>/, '')
  .replace(/<script type="module">[\s\S]*?<\/script>/, '')
  .replace(/<link rel="(modulepreload|preload)"[^>]*>/g, '')
  .replace(/<link rel="icon"[^>]*>/, '<link rel="icon" href="data:," />');
const bodyTag = index.match(/<body[^>]*>/);
if (!bodyTag) throw new Error('single-file: no <body> in index.html');
const body = index.slice(bodyTag.index + bodyTag[0].length, index.indexOf('</body>'));
const html = `${head}<style>${css.replace(/<\/style/gi, '<\\/style')}</style>
</head>
${bodyTag[0]}${body}<script type="module">
${js.replace(/<\/script/gi, '<\\/script')}
const packed = "${packed}";
const gz = Uint8Array.from(atob(packed), (c) => c.charCodeAt(0));
const bytes = await new Response(new Blob([gz]).stream().pipeThrough(new DecompressionStream('gzip'))).arrayBuffer();
const compiled = await WebAssembly.compile(bytes);
const workerUrl = URL.createObjectURL(new Blob([${JSON.stringify(workerSource).replace(/<\//g, '<\\/')}], { type: 'text/javascript' }));
window.__mailflowSpawnWorker = (module) => {
  const worker = new Worker(workerUrl);
  worker.postMessage({ __wasm: module instanceof WebAssembly.Module ? module : compiled });
  return worker;
};
await __wbg_init({ module_or_path: compiled });
</script>
</body>
</html>
`;
const out = path.join(dist, 'mailflow.html');
fs.writeFileSync(out, html);
const kb = (n) => `${Math.round(n / 1024)} KiB`;
console.log(`single-file: ${out} ${kb(html.length)} (wasm ${kb(wasm.length)}, gzip+base64 ${kb(packed.length)})`);
