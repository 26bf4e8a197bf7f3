// Accessibility of the reading view, in Chromium: the reference document
// rendered in standard mode and in elderly mode with every theme at scales
// 1, 2 and 3 must have zero axe-core violations under every WCAG 2.x A, AA
// and AAA rule axe has (color-contrast-enhanced included) and its best
// practices; at 320 CSS px and scale 3 nothing scrolls sideways (WCAG 1.4.10).

import assert from 'node:assert/strict';
import { test } from 'node:test';

import { RULES, assertNoViolations } from './axe.mjs';
import { REFERENCE_TEXT, browserTest, callInPage, linkStylesheet, openWithPackage, packageInNode } from './harness.mjs';

const SCALES = [1, 2, 3];

test('the axe rule set covers enhanced contrast', () => {
  assert.ok(RULES.includes('color-contrast-enhanced'));
  assert.ok(RULES.includes('color-contrast'));
  assert.ok(RULES.includes('target-size'));
});

/** The theme list, read from the package in a browser. */
async function themeIds(page) {
  const { value, thrown } = await callInPage(page, (yilan) => yilan.themes());
  assert.equal(thrown, undefined, `themes() failed: ${JSON.stringify(thrown)}`);
  return value.map((theme) => theme.id);
}

/**
 * Shows the reference document in the page's `<main>` with the package's
 * stylesheet, as a host page would, and checks that it really is there.
 */
async function showReference(page, options) {
  await openWithPackage(page);
  await linkStylesheet(page);
  const { thrown } = await callInPage(
    page,
    (yilan, [text, opts]) => {
      document.querySelector('#view').innerHTML = yilan.renderHtml(yilan.parseText(text), opts);
    },
    [REFERENCE_TEXT, options],
  );
  assert.equal(thrown, undefined, `rendering failed: ${JSON.stringify(thrown)}`);
  const shown = await page.evaluate(() => {
    const view = document.querySelector('#view');
    const paragraph = view.querySelector('p');
    return {
      h1: view.querySelectorAll('h1').length,
      text: view.textContent.length,
      rules: [...document.styleSheets].reduce((n, sheet) => n + sheet.cssRules.length, 0),
      fontSize: paragraph ? parseFloat(getComputedStyle(paragraph).fontSize) : 0,
    };
  });
  assert.equal(shown.h1, 1, 'one <h1>');
  assert.ok(shown.text > REFERENCE_TEXT.length / 2, `the body is shown (${shown.text} characters)`);
  assert.ok(shown.rules > 0, 'the stylesheet has rules');
  if (options.mode === 'elderly') {
    // Elderly mode: body text at least 20 px, times the scale step.
    assert.ok(shown.fontSize >= 20 * options.scale - 0.5, `paragraph font size ${shown.fontSize}px at scale ${options.scale}`);
  }
}

browserTest('standard mode: no axe violations', {}, async (page) => {
  await showReference(page, { mode: 'standard', theme: 'standard', scale: 1 });
  await assertNoViolations(page);
});

// With no theme chosen ('auto'), the view follows the system's colour
// scheme and contrast preference.
for (const [label, context] of [
  ['light', { colorScheme: 'light' }],
  ['dark', { colorScheme: 'dark' }],
  ['more contrast', { contrast: 'more' }],
  ['dark, more contrast', { colorScheme: 'dark', contrast: 'more' }],
]) {
  for (const mode of ['standard', 'elderly']) {
    browserTest(`${mode} mode, automatic theme, system ${label}: no axe violations`, context, async (page) => {
      await showReference(page, { mode, scale: 1 });
      await assertNoViolations(page);
    });
  }
}

// The themes, read from the package itself (run in Node) so that every theme
// it ships gets its own tests; if that fails, the failure is a test too.
let THEMES = [];
try {
  THEMES = (await packageInNode()).themes().map((theme) => theme.id);
} catch (error) {
  test('themes() lists the themes to check', () => {
    throw error;
  });
}

browserTest('elderly mode: the browser lists the same themes', {}, async (page) => {
  await openWithPackage(page);
  assert.deepEqual(await themeIds(page), THEMES);
  assert.ok(THEMES.length >= 5, `at least five themes: ${THEMES.join(', ')}`);
});

for (const theme of THEMES) {
  for (const scale of SCALES) {
    browserTest(`elderly mode, theme ${theme}, scale ${scale}: no axe violations`, {}, async (page) => {
      await showReference(page, { mode: 'elderly', theme, scale });
      await assertNoViolations(page);
    });
  }
}

browserTest('elderly mode: every theme has its own text and background colours', {}, async (page) => {
  await openWithPackage(page);
  const ids = await themeIds(page);
  const seen = new Map();
  for (const theme of ids) {
    await showReference(page, { mode: 'elderly', theme, scale: 1 });
    const colours = await page.evaluate(() => {
      const paragraph = document.querySelector('#view p');
      let element = paragraph;
      let background = 'rgba(0, 0, 0, 0)';
      while (element && background === 'rgba(0, 0, 0, 0)') {
        background = getComputedStyle(element).backgroundColor;
        element = element.parentElement;
      }
      return `${getComputedStyle(paragraph).color} on ${background}`;
    });
    assert.ok(!seen.has(colours), `${theme} looks like ${seen.get(colours)}: ${colours}`);
    seen.set(colours, theme);
  }
});

for (const mode of ['standard', 'elderly']) {
  browserTest(`${mode} mode at 320 px and scale 3: no horizontal scrolling`, { viewport: { width: 320, height: 640 } }, async (page) => {
    await showReference(page, { mode, theme: 'standard', scale: 3 });
    const { scrollWidth, clientWidth, innerWidth } = await page.evaluate(() => ({
      scrollWidth: document.documentElement.scrollWidth,
      clientWidth: document.documentElement.clientWidth,
      innerWidth: window.innerWidth,
    }));
    assert.equal(innerWidth, 320);
    assert.ok(scrollWidth <= clientWidth, `the page is ${scrollWidth}px wide in a ${clientWidth}px viewport`);
  });
}
