// Drives Mailflow in an iframe: waits for "ready", sends a file's bytes and a filter, sizes the
// frame to the height Mailflow reports, and keeps every answer in window.messages.
const frame = document.getElementById('mailflow');
const app = new URL('../index.html', import.meta.url);
app.search = new URLSearchParams({ embed: 'iframe', origins: location.origin, lang: 'de' }).toString();
window.messages = [];
window.addEventListener('message', async (ev) => {
  if (ev.source !== frame.contentWindow || ev.origin !== app.origin) return;
  window.messages.push(ev.data);
  if (ev.data.type === 'height') frame.style.height = `${ev.data.height + 40}px`;
  if (ev.data.type === 'ready') {
    const bytes = await (await fetch('../fixtures/exo/enhanced-summary.csv')).arrayBuffer();
    frame.contentWindow.postMessage({ type: 'load', name: 'enhanced-summary.csv', data: bytes }, app.origin, [bytes]);
    frame.contentWindow.postMessage({ type: 'filter', filter: { range: 'all', view: 'tls' } }, app.origin);
  }
});
frame.src = app.href;
