// Mounts the reference document under the page's strict CSP (no inline
// script or style) and reports what happened in window.cspResult.
import init, { mount, parseText } from '/yilan/pkg/index.js';

const violations = [];
document.addEventListener('securitypolicyviolation', (event) => {
  violations.push(`${event.violatedDirective} ${event.blockedURI}`);
});

try {
  await init();
  const text = await (await fetch('/tests/fixtures/text/00-linhai-shangpan-full.txt')).text();
  const viewer = mount(document.querySelector('#view'), parseText(text), { mode: 'elderly', theme: 'yellow-on-black' });
  const root = document.querySelector('yilan-view').shadowRoot.querySelector('.yl-view');
  root.querySelector('[data-yl-tool="cursor"]').click();
  root.querySelector('[data-yl-tool="guide"]').click();
  // Give the browser a frame to load the cursor image and report.
  await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 100)));
  window.cspResult = {
    error: null,
    violations,
    fontSize: getComputedStyle(root.querySelector('.yl-body p')).fontSize,
    theme: getComputedStyle(root).backgroundColor,
    cursor: getComputedStyle(root.querySelector('.yl-body p')).cursor,
    mode: viewer.mode,
  };
} catch (error) {
  window.cspResult = { error: `${error.name} ${error.code ?? ''} ${error.message}`, violations };
}
