// The documents the parses return: plain objects whose fields are read from
// the parse's model JSON when first used. Whatever is done to one (read,
// assigned, deleted, redefined, frozen, copied), the calls that take a
// document see it as a plain object with the same data would be seen.

import assert from 'node:assert/strict';
import test from 'node:test';
import { inspect, isDeepStrictEqual } from 'node:util';

import { REFERENCE_TEXT, browserTest, openWithPackage, packageInNode } from './harness.mjs';

const NO_OPTIONS = {};

const FIELDS = ['version', 'lang', 'title', 'breadcrumb', 'meta', 'body', 'actions', 'diagnostics'];

browserTest('a parsed document has its fields before any is read, and reads as its model JSON', NO_OPTIONS, async (page) => {
  await openWithPackage(page);
  const seen = await page.evaluate(async (text) => {
    const { parseText } = window.yilan;
    // The wasm binding's own output: the model JSON text the entry's document is made of.
    const raw = (await import('/yilan/pkg/yilan.js')).parseText(text);
    const doc = parseText(text);
    const keys = Object.keys(doc);
    const proto = Object.getPrototypeOf(doc) === Object.prototype;
    const has = 'title' in doc && Object.hasOwn(doc, 'diagnostics');
    // The same text read three ways: a field, JSON.stringify, structuredClone.
    const byField = parseText(text);
    const title = byField.title;
    const descriptor = Object.getOwnPropertyDescriptor(byField, 'body');
    return {
      raw,
      keys,
      proto,
      has,
      stringified: JSON.stringify(doc),
      byField: JSON.stringify(byField),
      cloned: JSON.stringify(structuredClone(parseText(text))),
      spread: JSON.stringify({ ...parseText(text) }),
      title,
      bodyIsData: 'value' in descriptor && descriptor.writable && descriptor.enumerable,
      keysAfter: Object.keys(byField),
    };
  }, REFERENCE_TEXT);
  // Every field of the model JSON, in its order, and nothing else.
  assert.deepEqual(Object.keys(JSON.parse(seen.raw)), FIELDS);
  assert.equal(seen.stringified, seen.raw);
  assert.deepEqual(seen.keys, FIELDS);
  assert.deepEqual(seen.keysAfter, FIELDS);
  assert.ok(seen.proto && seen.has);
  const model = JSON.parse(seen.stringified);
  assert.equal(model.version, 1);
  assert.equal(model.title, seen.title);
  assert.ok(model.body.length > 0 && model.meta.length > 0, 'the reference page has metadata and a body');
  assert.equal(seen.byField, seen.stringified);
  assert.equal(seen.cloned, seen.stringified);
  assert.equal(seen.spread, seen.stringified);
  assert.ok(seen.bodyIsData, 'once read, the fields are data properties');
});

browserTest('a parsed document renders, reads aloud and mounts as the same data in a plain object', NO_OPTIONS, async (page) => {
  await openWithPackage(page);
  const same = await page.evaluate((text) => {
    const { mount, parseJson, parseText, renderHtml, speechPlan } = window.yilan;
    const plain = () => JSON.parse(JSON.stringify(parseText(text)));
    const options = { mode: 'elderly', theme: 'cream', scale: 1.5 };
    const host = document.createElement('div');
    document.body.append(host);
    const viewer = mount(host, parseText(text), { storage: null });
    const mounted = host.querySelector('yilan-view').shadowRoot.querySelector('h1')?.textContent;
    viewer.destroy();
    // An unread document after another parse (no longer the last one made).
    const older = parseText(text);
    parseText('通知\n\n一、总则\n正文。');
    return {
      render: renderHtml(parseText(text), options) === renderHtml(plain(), options),
      speech: JSON.stringify(speechPlan(parseText(text))) === JSON.stringify(speechPlan(plain())),
      parseJson: JSON.stringify(parseJson(parseText(text))) === JSON.stringify(plain()),
      olderRender: renderHtml(older) === renderHtml(plain()),
      mounted,
      title: plain().title,
    };
  }, REFERENCE_TEXT);
  assert.deepEqual(
    { ...same, mounted: undefined, title: undefined },
    { render: true, speech: true, parseJson: true, olderRender: true, mounted: undefined, title: undefined },
  );
  assert.ok(same.title, 'the reference page has a title');
  assert.equal(same.mounted, same.title);
});

browserTest('changes to a parsed document, before or after a read, are what the calls see', NO_OPTIONS, async (page) => {
  await openWithPackage(page);
  const seen = await page.evaluate((text) => {
    const { parseText, renderHtml } = window.yilan;
    const plain = () => JSON.parse(JSON.stringify(parseText(text)));
    const error = (doc) => {
      try {
        renderHtml(doc);
        return null;
      } catch (e) {
        return `${e.code} ${e.path}`;
      }
    };
    const expected = (change) => {
      const doc = plain();
      change(doc);
      return renderHtml(doc);
    };
    const results = {};
    const cases = {
      assigned: (doc) => {
        doc.title = '改过的标题';
      },
      deleted: (doc) => {
        delete doc.title;
      },
      redefined: (doc) => {
        Object.defineProperty(doc, 'title', { value: '另一个标题', enumerable: true, configurable: true, writable: true });
      },
      assignedBody: (doc) => {
        doc.body = [{ type: 'paragraph', text: '只有一段。' }];
      },
      pushed: (doc) => {
        doc.body.push({ type: 'paragraph', text: '加上的一段。' });
      },
      metaChanged: (doc) => {
        doc.meta[0].value = '改过的值';
      },
      prototype: (doc) => {
        Object.setPrototypeOf(doc, { toJSON: () => ({ version: 1, title: '原型的标题' }) });
      },
      // As a framework's reactive wrapper would assign (the proxy is the receiver).
      throughProxy: (doc) => {
        new Proxy(doc, {}).title = '代理改的标题';
      },
    };
    for (const [name, change] of Object.entries(cases)) {
      const doc = parseText(text);
      change(doc);
      const got = renderHtml(doc);
      results[name] = { same: got === expected(change), changed: got !== renderHtml(plain()) };
    }
    // A field added: refused as for a plain object (no such field).
    const added = parseText(text);
    added.colour = 'red';
    const addedPlain = plain();
    addedPlain.colour = 'red';
    results.added = { thrown: error(added), plain: error(addedPlain) };
    // Assigned through an object that inherits from it: the document is untouched.
    const parent = parseText(text);
    const child = Object.create(parent);
    child.title = '子对象的标题';
    results.inherited = {
      childOwn: Object.hasOwn(child, 'title'),
      parentSame: renderHtml(parent) === renderHtml(plain()),
      parentTitle: parent.title === plain().title,
    };
    return results;
  }, REFERENCE_TEXT);
  for (const name of ['assigned', 'deleted', 'redefined', 'assignedBody', 'pushed', 'metaChanged', 'prototype', 'throughProxy']) {
    assert.deepEqual(seen[name], { same: true, changed: true }, name);
  }
  assert.equal(seen.added.thrown, seen.added.plain);
  assert.match(seen.added.thrown ?? '', /^shape/);
  assert.deepEqual(seen.inherited, { childOwn: true, parentSame: true, parentTitle: true });
});

browserTest('a parsed document frozen or sealed behaves as a frozen or sealed plain object', NO_OPTIONS, async (page) => {
  await openWithPackage(page);
  const seen = await page.evaluate((text) => {
    'use strict';
    const { parseText, renderHtml } = window.yilan;
    const plainView = renderHtml(JSON.parse(JSON.stringify(parseText(text))));
    const assign = (doc, title) => {
      try {
        doc.title = title;
        return 'assigned';
      } catch (e) {
        return e instanceof TypeError ? 'TypeError' : String(e);
      }
    };
    const remove = (doc) => {
      try {
        delete doc.title;
        return 'deleted';
      } catch (e) {
        return e instanceof TypeError ? 'TypeError' : String(e);
      }
    };
    // Frozen before any field is read.
    const frozen = Object.freeze(parseText(text));
    const frozenAssign = assign(frozen, '改不了');
    // Sealed after a read: its fields stay writable.
    const sealed = parseText(text);
    void sealed.version;
    Object.seal(sealed);
    const sealedAssign = assign(sealed, '封住的也能改');
    // Sealed before any read: indistinguishable from frozen (every field is
    // still an accessor), and kept read-only as a frozen one.
    const sealedUnread = Object.seal(parseText(text));
    return {
      frozen: [Object.isFrozen(frozen), frozenAssign, remove(frozen), frozen.title !== '改不了', renderHtml(frozen) === plainView],
      frozenTitle: typeof frozen.title === 'string' && frozen.title.length > 0,
      sealed: [sealedAssign, sealed.title, renderHtml(sealed).includes('封住的也能改'), remove(sealed), Object.keys(sealed).length],
      sealedUnread: [assign(sealedUnread, '改不了'), remove(sealedUnread), renderHtml(sealedUnread) === plainView],
    };
  }, REFERENCE_TEXT);
  assert.deepEqual(seen, {
    frozen: [true, 'TypeError', 'TypeError', true, true],
    frozenTitle: true,
    sealed: ['assigned', '封住的也能改', true, 'TypeError', FIELDS.length],
    sealedUnread: ['TypeError', 'TypeError', true],
  });
});

test('in Node, a parsed document prints and compares as its data', async () => {
  const { parseText, renderHtml } = await packageInNode();
  const plain = JSON.parse(JSON.stringify(parseText(REFERENCE_TEXT)));
  const doc = parseText(REFERENCE_TEXT);
  // Printed unread, at the top and nested (console.log's depth of 2 counts from the top).
  assert.equal(inspect(doc), inspect(plain));
  assert.equal(inspect({ in: { doc } }, { depth: 3 }), inspect({ in: { doc: plain } }, { depth: 3 }));
  assert.equal(inspect(parseText(REFERENCE_TEXT), { depth: null }), inspect(plain, { depth: null }));
  assert.doesNotMatch(inspect(parseText(REFERENCE_TEXT)), /Getter/);
  assert.ok(isDeepStrictEqual(parseText(REFERENCE_TEXT), plain));
  assert.deepEqual(Object.keys(parseText(REFERENCE_TEXT)), FIELDS);
  // Printing reads a document; read or unread, it renders as its data.
  assert.equal(renderHtml(doc), renderHtml(plain));
  const unread = parseText(REFERENCE_TEXT);
  assert.equal(renderHtml(unread), renderHtml(plain));
});
