// Several documents rendered with renderHtml into one page, each with its own
// `idPrefix` (a list and a detail, two notices): no id repeats, every id
// reference and every speech chunk stays inside its own view, links made
// from a view's speech plan go to that view's sections (also where two views
// have the same default ids), and axe-core finds no violations (landmarks
// named apart included). The same page with the default ids is also
// checked, to show what the option is for.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { assertNoViolations } from './axe.mjs';
import { REFERENCE_TEXT, attemptsInPage, browserTest, callInPage, linkStylesheet, openWithPackage } from './harness.mjs';
import { root } from '../../scripts/serve.mjs';

/** Documents of the HTML corpus, as their reviewed model JSON. */
const corpus = (slug) => readFileSync(join(root, 'tests', 'expected', 'html', `${slug}.json`), 'utf8');
/** A notice with sections after its addressee and first paragraph (ids yl-s3…). */
const NOTICE = corpus('02-govcn-zhengce-xiaofang-haopai-fujian');
/** A listing: breadcrumb and metadata, no body. */
const LISTING = corpus('04-handan-xxgk-detail-saved.jsp');
/** Another notice laid out as the first, so its section ids are the same (yl-s3…). */
const TABLES = corpus('03-govcn-zhengce-sanji-yiyuan-long-tables');

/**
 * Opens a page with the package and its stylesheet, and renders there, one
 * after the other in `#view`, the reference page (page text) and the given
 * documents of the corpus (model JSON, without their images), with the given
 * id prefixes (none: the default ids).
 */
async function showViews(page, corpusDocs, prefixes) {
  await openWithPackage(page);
  await linkStylesheet(page);
  const { thrown } = await callInPage(
    page,
    (yilan, { text, corpusDocs, prefixes }) => {
      // The pages' images are on the network, which the tests do not reach.
      const withoutImages = (blocks) =>
        blocks.filter((block) => block.type !== 'image').map((block) => (block.type === 'section' ? { ...block, blocks: withoutImages(block.blocks) } : block));
      const model = (json) => {
        const doc = JSON.parse(json);
        return yilan.parseJson({ ...doc, body: withoutImages(doc.body) });
      };
      const docs = [yilan.parseText(text), ...corpusDocs.map(model)];
      const options = (n) => (prefixes ? { idPrefix: prefixes[n] } : {});
      document.querySelector('#view').innerHTML = docs.map((doc, n) => yilan.renderHtml(doc, options(n))).join('');
      window.docs = docs;
    },
    { text: REFERENCE_TEXT, corpusDocs, prefixes },
  );
  assert.equal(thrown, undefined, JSON.stringify(thrown));
}

/** The reference page, a notice and a listing: three titles, landmarks of the same kinds. */
const showThree = (page, prefixes) => showViews(page, [NOTICE, LISTING], prefixes);

const PREFIXES = ['list-', 'detail-', 'other_3-'];

browserTest('three documents rendered into one page with their own idPrefix: no axe violations', {}, async (page) => {
  await showThree(page, PREFIXES);
  const results = await assertNoViolations(page);
  // axe counts repeated ids referenced by ARIA as "needs review", not as a
  // violation: neither may be left.
  assert.deepEqual(
    results.incomplete.map((item) => item.id).filter((id) => id !== 'color-contrast'),
    [],
    'nothing left for review',
  );
  const passed = results.passes.map((item) => item.id);
  for (const rule of ['duplicate-id-aria', 'landmark-unique', 'aria-valid-attr-value']) {
    assert.ok(passed.includes(rule), `${rule} ran and passed`);
  }
});

browserTest('three documents rendered into one page: ids, references and speech targets stay in their own view', {}, async (page) => {
  await showThree(page, PREFIXES);
  const found = await page.evaluate((prefixes) => {
    const views = [...document.querySelectorAll('#view > article')];
    const ids = [...document.querySelectorAll('[id]')].map((element) => element.id).filter((id) => id !== 'view');
    const outside = [];
    const foreign = [];
    views.forEach((view, n) => {
      for (const element of view.querySelectorAll('[id]')) {
        if (!element.id.startsWith(prefixes[n])) foreign.push(element.id);
      }
      for (const element of [view, ...view.querySelectorAll('[aria-labelledby]')]) {
        for (const id of element.getAttribute('aria-labelledby').split(' ')) {
          if (document.getElementById(id)?.closest('article') !== view) outside.push(id);
        }
      }
      const plan = window.yilan.speechPlan(window.docs[n], { idPrefix: prefixes[n], includeMeta: true, includeBreadcrumb: true });
      for (const chunk of plan) {
        if (document.getElementById(chunk.target)?.closest('article') !== view) outside.push(chunk.target);
      }
    });
    const names = views.map((view) => view.querySelector('.yl-meta').getAttribute('aria-labelledby'));
    return { views: views.length, ids: ids.length, unique: new Set(ids).size, outside, foreign, names };
  }, PREFIXES);
  assert.equal(found.views, 3);
  assert.ok(found.ids > 100, `${found.ids} ids`);
  assert.equal(found.unique, found.ids, 'no id repeats');
  assert.deepEqual(found.foreign, [], 'every id has its view\'s prefix');
  assert.deepEqual(found.outside, [], 'every reference and speech target is in its own view');
  assert.deepEqual(found.names, ['list-meta-h list-title', 'detail-meta-h detail-title', 'other_3-meta-h other_3-title']);
});

browserTest('links to the sections of each view, made from its speech plan, go to that view\'s sections', {}, async (page) => {
  // Two notices whose sections have the same default ids (yl-s3, yl-s4…).
  await showViews(page, [NOTICE, TABLES], PREFIXES);
  // An outline of each view, as a page might make one.
  const links = await page.evaluate((prefixes) => {
    const nav = document.createElement('nav');
    nav.setAttribute('aria-label', 'outlines');
    const links = [];
    window.docs.forEach((doc, n) => {
      for (const chunk of window.yilan.speechPlan(doc, { idPrefix: prefixes[n] }).filter((c) => c.kind === 'heading')) {
        const link = document.createElement('a');
        link.href = `#${chunk.target}`;
        link.textContent = chunk.display;
        nav.append(link);
        links.push({ view: n, href: link.getAttribute('href'), heading: chunk.display });
      }
    });
    document.body.prepend(nav);
    return links;
  }, PREFIXES);
  for (const view of [0, 1, 2]) {
    assert.ok(links.filter((link) => link.view === view).length >= 2, `view ${view} has sections`);
  }
  // Without their prefixes, the two notices' links would be the same.
  const unprefixed = (view) => new Set(links.filter((link) => link.view === view).map((link) => link.href.replace(PREFIXES[view], '')));
  assert.ok([...unprefixed(1)].some((href) => unprefixed(2).has(href)), 'the notices share default section ids');
  for (const link of links) {
    await page.click(`a[href="${link.href}"]`);
    const target = await page.evaluate(() => {
      const section = document.querySelector(':target');
      const views = [...document.querySelectorAll('#view > article')];
      return { view: views.indexOf(section?.closest('article')), heading: section?.querySelector('h2, h3, h4, h5, h6')?.textContent };
    });
    assert.deepEqual(target, { view: link.view, heading: link.heading }, link.href);
  }
});

browserTest('the same three documents with the default ids repeat them: what idPrefix is for', {}, async (page) => {
  await showThree(page, null);
  const repeated = await page.evaluate(() => {
    const ids = [...document.querySelectorAll('#view [id]')].map((element) => element.id);
    return ids.length - new Set(ids).size;
  });
  assert.ok(repeated > 10, `${repeated} ids repeated`);
});

browserTest('renderHtml and speechPlan refuse an idPrefix that cannot start an id', {}, async (page) => {
  await openWithPackage(page);
  const errors = await attemptsInPage(page, (yilan, attempt) => {
    const doc = { version: 1, title: '通知' };
    return ['', '2news', 'news prefix', 'a"b', 'x'.repeat(33), 7]
      .map((idPrefix) => attempt(() => yilan.renderHtml(doc, { idPrefix })))
      .concat([attempt(() => yilan.speechPlan(doc, { idPrefix: '-' })), attempt(() => yilan.renderHtml(doc, { idPrefix: 'x'.repeat(32) }))]);
  });
  const refused = ['YilanError', 'argument', 'idPrefix', 'idPrefix must be 1 to 32 ASCII letters, digits, "-" or "_", starting with a letter'];
  assert.deepEqual(errors, [
    refused,
    refused,
    refused,
    refused,
    refused,
    ['YilanError', 'argument', 'idPrefix', 'invalid type: number, expected a string'],
    refused,
    'no error',
  ]);
});
