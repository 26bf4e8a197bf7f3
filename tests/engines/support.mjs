// What the cross-engine tests share: the fixtures they read, opening the
// package or the demo portal in a session, and readers of focus, rings,
// the view's state and axe's findings.

import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

import { root } from '../../scripts/serve.mjs';
import { RULES } from '../browser/axe.mjs';

export const REFERENCE_TEXT = readFileSync(join(root, 'tests', 'fixtures', 'text', '00-linhai-shangpan-full.txt'), 'utf8');
export const TABLES_HTML = readFileSync(join(root, 'tests', 'fixtures', 'html', '03-govcn-zhengce-sanji-yiyuan-long-tables.html'), 'utf8');
const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
export const TITLE = '上盘镇2023年工作总结及2024年工作计划';

/** The blank page with the package loaded as `window.yilan` (after `init()`). */
export async function openWithPackage(s) {
  await s.open('/tests/browser/pages/blank.html');
  await s.run(async () => {
    window.yilan = await import('/yilan/pkg/index.js');
    await window.yilan.default();
  });
}

/** Mounts the reference document in `#view` (elderly mode unless `options` say otherwise). */
export async function mountReference(s, options = {}) {
  await openWithPackage(s);
  await s.run(
    (text, options) => {
      window.viewer = window.yilan.mount(document.querySelector('#view'), window.yilan.parseText(text), options);
    },
    REFERENCE_TEXT,
    { mode: 'elderly', ...options },
  );
  await s.run(() => frames());
}

/** The deepest focused element, through shadow roots: its tool, theme choice, id or tag. */
export function focused(s) {
  return s.run(() => {
    let element = document.activeElement;
    while (element?.shadowRoot?.activeElement) element = element.shadowRoot.activeElement;
    if (!element || element === document.body) return null;
    return element.getAttribute('data-yl-tool') ?? element.getAttribute('data-yl-theme') ?? (element.id || element.tagName.toLowerCase());
  });
}

/** Waits until nothing scrolls any more (a smooth scroll has ended): the window and the embed's view still for a quarter of a second (five seconds at most). */
export function scrollsEnded(s) {
  return s.run(async () => {
    const where = () => `${scrollY} ${document.querySelector('yilan-embed-view')?.scrollTop}`;
    for (let same = 0, last = '', waited = 0; same < 5 && waited < 5000; waited += 50) {
      await sleep(50);
      same = where() === last ? same + 1 : 0;
      last = where();
    }
  });
}

/** The focused element's outline: a ring shows (solid, 2 px or more)? */
export function ring(s) {
  return s.run(() => {
    let element = document.activeElement;
    while (element?.shadowRoot?.activeElement) element = element.shadowRoot.activeElement;
    const style = getComputedStyle(element);
    return { style: style.outlineStyle, wide: parseFloat(style.outlineWidth) >= 2 };
  });
}

/** The view root's mode, theme and scale. */
export function viewState(s) {
  return s.run(() => {
    const root = view().querySelector('.yl-view');
    return { mode: root.dataset.mode, theme: root.dataset.theme, scale: root.dataset.scale };
  });
}

/** Opens the demo portal and enters the mode with a click on its 进入老年模式. */
export async function enterPortal(s) {
  await s.open('/');
  await s.clickOn('#enter-elderly');
  await s.until(() => view()?.querySelector('h1') && !document.querySelector('yilan-embed-view[inert]'));
}

/** axe on `include` (selectors), every rule of the suite's tags; returns what failed or stayed undecided on contrast. */
export async function axeFindings(s, include) {
  await s.run((source) => {
    if (!window.axe) (0, eval)(source);
  }, AXE_SOURCE);
  return s.run(
    async (include, rules) => {
      const results = await window.axe.run({ include: include.map((selector) => [selector]) }, { runOnly: { type: 'rule', values: rules } });
      const list = (items) => items.map((item) => `${item.id}: ${item.nodes.slice(0, 3).map((node) => JSON.stringify(node.target)).join(' ')}`);
      return {
        violations: list(results.violations),
        undecided: list(results.incomplete.filter((item) => item.id.startsWith('color-contrast'))),
        contrastPassed: results.passes.some((item) => item.id === 'color-contrast-enhanced'),
      };
    },
    include,
    RULES,
  );
}
