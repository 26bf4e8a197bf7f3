// Mounts the reference document on a page that enforces Trusted Types and
// reports in window.ttResult: the error if any, every CSP violation, and
// what the page holds afterwards; and what `parseHtml`, whose DOMParser
// takes its markup through the same policy, gives or throws. The page's CSP names the policies it
// allows: `yilan` (trusted-types.html) or another one only
// (trusted-types-refused.html).
import init, { mount, parseHtml, parseText } from '/yilan/pkg/index.js';

const violations = [];
document.addEventListener('securitypolicyviolation', (event) => {
  violations.push(`${event.violatedDirective} ${event.blockedURI}`);
});

const host = document.querySelector('#view');
let error = null;
let viewer = null;
try {
  await init();
  const text = await (await fetch('/tests/fixtures/text/00-linhai-shangpan-full.txt')).text();
  viewer = mount(host, parseText(text), { mode: 'elderly' });
  viewer.setTheme('cream');
} catch (thrown) {
  error = { name: thrown.name, code: thrown.code ?? null, message: thrown.message };
}
let parsed = null;
try {
  parsed = { title: parseHtml('<h1>关于做好防汛工作的通知</h1><p>一、正文。</p>').title };
} catch (thrown) {
  parsed = { error: { name: thrown.name, code: thrown.code ?? null, message: thrown.message } };
}
// A frame for the violation reports to arrive.
await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 100)));
const root = document.querySelector('yilan-view')?.shadowRoot?.querySelector('.yl-view');
window.ttResult = {
  error,
  parsed,
  violations,
  views: document.querySelectorAll('yilan-view').length,
  hostChildren: host.childElementCount,
  title: root?.querySelector('h1')?.textContent ?? null,
  tools: root?.querySelectorAll('[data-yl-tool]').length ?? 0,
  theme: root?.getAttribute('data-theme') ?? null,
};
