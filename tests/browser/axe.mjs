// The axe-core rule set every accessibility test uses, and the check: every
// WCAG 2.x A, AA and AAA rule axe has (color-contrast-enhanced included) and
// its best practices, experimental rules too; zero violations, and no
// contrast left undecided.

import assert from 'node:assert/strict';
import { createRequire } from 'node:module';

import { AxeBuilder } from '@axe-core/playwright';

const require = createRequire(import.meta.url);
const axe = require('axe-core');

/** The tags whose rules must all pass. */
export const TAGS = ['wcag2a', 'wcag2aa', 'wcag2aaa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];

/**
 * Every rule carrying one of TAGS, experimental ones included: selecting by
 * tag would leave those out, and would depend on which rules axe enables by
 * default.
 */
export const RULES = axe
  .getRules()
  .filter((rule) => rule.tags.some((tag) => TAGS.includes(tag)))
  .map((rule) => rule.ruleId);

/**
 * Whether the element axe names by `target` (a selector per shadow root)
 * is, in the same shadow root, covered where axe looked by an element
 * matching `selector` (`covered`), or else inside one.
 */
function elementIs(page, target, selector, covered) {
  return page.evaluate(
    ([parts, selector, covered]) => {
      let scope = document;
      let element = null;
      for (const part of parts) {
        element = scope.querySelector(part);
        scope = element?.shadowRoot ?? scope;
      }
      if (!element) return false;
      if (!covered) return Boolean(element.closest(selector));
      const root = element.getRootNode();
      const rect = element.getBoundingClientRect();
      const x = rect.left + Math.min(rect.width, 20) / 2;
      const y = rect.top + rect.height / 2;
      return Boolean(root.elementFromPoint(x, y)?.closest(selector));
    },
    [target, selector, covered],
  );
}

/**
 * Whether axe left `node` undecided only because it is partly hidden (by
 * an overlap or the edge of a scroller), and it is inside `selector`.
 */
function partlyHidden(page, node, selector) {
  const keys = node.any.map((check) => check.data?.messageKey ?? '');
  if (!keys.length || !keys.every((key) => /overlap|obscur/i.test(key))) return false;
  return elementIs(page, node.target.flat(), selector, false);
}

/**
 * Runs axe and fails with a readable list of whatever it found.
 *
 * `overlay`: a selector of something open over the text (a drop-down
 * panel). Text it covers is text axe cannot judge, and is allowed to stay
 * undecided, but only where the panel really covers it.
 *
 * `include`: selectors of what to check (by default the whole page), for
 * the embed's own elements on a page whose own markup is not ours.
 *
 * `partlyHiddenIn`: a selector (in the view's shadow root) of something
 * whose text axe sees partly hidden as it scrolls to it, by header rows
 * that stay on screen or by the edge of a region that scrolls sideways.
 * Its text may stay undecided for that reason alone; the caller proves its
 * contrast otherwise.
 */
export async function assertNoViolations(page, { overlay, include = [], partlyHiddenIn } = {}) {
  const builder = new AxeBuilder({ page }).withRules(RULES);
  for (const selector of include) builder.include(selector);
  const results = await builder.analyze();
  const described = (items) =>
    items.map((item) => `${item.id} (${item.impact}): ${item.help}\n    ${item.nodes.slice(0, 5).map((n) => n.target.join(' ')).join('\n    ')}`);
  assert.deepEqual(described(results.violations), [], 'axe violations');
  // Contrast that axe could not decide is not contrast proven.
  const undecided = [];
  for (const item of results.incomplete.filter((entry) => entry.id.startsWith('color-contrast'))) {
    const nodes = [];
    for (const node of item.nodes) {
      const overlapped = node.any.some((check) => check.data?.messageKey === 'bgOverlap');
      // (A target in a shadow root is one array of selectors, outermost first.)
      if (overlay && overlapped && (await elementIs(page, node.target.flat(), overlay, true))) continue;
      if (partlyHiddenIn && (await partlyHidden(page, node, partlyHiddenIn))) continue;
      nodes.push(node);
    }
    if (nodes.length) undecided.push({ ...item, nodes });
  }
  assert.deepEqual(described(undecided), [], 'contrast axe could not decide');
  const passed = results.passes.map((item) => item.id);
  assert.ok(passed.includes('color-contrast-enhanced'), 'color-contrast-enhanced ran and passed');
  return results;
}
