// The host page's script: two independent Mailflow instances, one loaded by URL, one (in German)
// by the host handing over a file's bytes; events logged so the page (and its tests) can see them.
import { mount } from '../mailflow-embed.js';

window.events = [];
const log = (who) => (name) => (detail) => window.events.push({ who, name, detail });

const a = await mount(document.getElementById('tenant-a'), { sources: ['../fixtures/exo/message-trace-ps7.csv'], range: 'all' });
for (const e of ['loaded', 'error', 'filterchange']) a.on(e, log('a')(e));
const b = await mount(document.getElementById('tenant-b'), { view: 'tls', theme: 'dark', language: 'de' });
for (const e of ['loaded', 'error', 'filterchange']) b.on(e, log('b')(e));
window.instances = { a, b };
window.hostReady = true;
