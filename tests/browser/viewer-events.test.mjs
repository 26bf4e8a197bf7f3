// The viewer's events in Chromium: dispatched on the host element,
// bubbling and composed; the listeners added through a viewer are its own
// (its events only, the DOM's options, removed by destroy()); a reading
// ended by destroy() says so.

import assert from 'node:assert/strict';

import { browserTest, callInPage, openWithPackage } from './harness.mjs';
import { mountReference } from './viewer-helpers.mjs';

browserTest('events bubble out of the host and viewer.removeEventListener stops one', {}, async (page) => {
  await mountReference(page, {});
  const { value, thrown } = await callInPage(page, () => {
    const seen = [];
    const onDocument = (event) => seen.push(`document ${event.type} ${event.detail} ${event.target.id}`);
    document.addEventListener('themechange', onDocument);
    const listener = (event) => seen.push(`viewer ${event.type} ${event.detail}`);
    window.viewer.addEventListener('themechange', listener);
    window.viewer.setTheme('cream');
    window.viewer.removeEventListener('themechange', listener);
    window.viewer.setTheme('standard');
    const once = [];
    window.viewer.addEventListener('scalechange', (event) => once.push(event.detail), { once: true });
    window.viewer.setScale(1.5);
    window.viewer.setScale(1.75);
    document.removeEventListener('themechange', onDocument);
    return { seen, once };
  });
  assert.equal(thrown, undefined, JSON.stringify(thrown));
  assert.deepEqual(value.seen, [
    'viewer themechange cream',
    'document themechange cream view',
    'document themechange standard view',
  ]);
  assert.deepEqual(value.once, [1.5], 'listener options are passed on');
});

browserTest("a viewer's listeners are its own: its events only, gone with destroy()", {}, async (page) => {
  await openWithPackage(page);
  const { value, thrown } = await callInPage(page, () => {
    const { mount, parseText } = window.yilan;
    const host = document.querySelector('#view');
    const doc = parseText('标题\n一、总则\n正文。');
    const seen = [];
    const first = mount(host, doc, { storage: null });
    first.addEventListener('scalechange', (event) => seen.push(`first ${event.detail}`));
    first.destroy();
    const second = mount(host, doc, { storage: null });
    const third = mount(host, doc, { storage: null });
    second.addEventListener('themechange', (event) => seen.push(`second ${event.detail}`));
    third.addEventListener('themechange', (event) => seen.push(`third ${event.detail}`));
    // The host's own listener still hears every view.
    const onHost = (event) => seen.push(`host ${event.detail}`);
    host.addEventListener('themechange', onHost);
    second.setScale(3);
    third.setTheme('cream');
    second.setTheme('standard');
    host.removeEventListener('themechange', onHost);
    let afterDestroy;
    try {
      first.addEventListener('scalechange', () => {});
    } catch (error) {
      afterDestroy = error.code;
    }
    first.removeEventListener('scalechange', () => {});
    // once, a signal, an object with handleEvent, a listener removing
    // itself, the same listener twice, capture told apart, `this`.
    const log = [];
    const twice = (event) => log.push(`twice ${event.detail}`);
    second.addEventListener('scalechange', twice);
    second.addEventListener('scalechange', twice);
    second.addEventListener('scalechange', twice, true);
    second.addEventListener('scalechange', (event) => log.push(`once ${event.detail}`), { once: true });
    const abort = new AbortController();
    second.addEventListener('scalechange', (event) => log.push(`signal ${event.detail}`), { signal: abort.signal });
    second.addEventListener('scalechange', { handleEvent(event) { log.push(`object ${event.detail} ${this.tag}`); }, tag: 'own' });
    const self = function (event) {
      log.push(`self ${event.detail} ${this === host}`);
      second.removeEventListener('scalechange', self);
    };
    second.addEventListener('scalechange', self);
    second.setScale(1.5);
    abort.abort();
    second.removeEventListener('scalechange', twice, { capture: true });
    second.setScale(2);
    second.removeEventListener('scalechange', twice);
    second.setScale(2.5);
    second.destroy();
    third.destroy();
    return { seen, afterDestroy, log, hostLeft: host.children.length };
  });
  assert.equal(thrown, undefined, JSON.stringify(thrown));
  assert.deepEqual(value.seen, ['third cream', 'host cream', 'second standard', 'host standard']);
  assert.equal(value.afterDestroy, 'destroyed');
  assert.deepEqual(value.log, [
    'twice 1.5',
    'twice 1.5',
    'once 1.5',
    'signal 1.5',
    'object 1.5 own',
    'self 1.5 true',
    'twice 2',
    'object 2 own',
    'object 2.5 own',
  ]);
  assert.equal(value.hostLeft, 0, 'both views are gone');
});

browserTest('destroying a view while it reads aloud ends the reading with speechend (stopped)', {}, async (page) => {
  await openWithPackage(page);
  const value = await page.evaluate(async () => {
    const log = [];
    const viewer = window.yilan.mount(document.querySelector('#view'), window.yilan.parseText('标题\n一、总则\n正文。'), {
      storage: null,
      mode: 'elderly',
      speech: { speak: () => new Promise(() => {}), cancel: () => log.push('cancel') },
    });
    for (const type of ['chunkstart', 'chunkend', 'speechend', 'speecherror']) {
      document.addEventListener(type, (event) => log.push(`${type} ${event.detail?.reason ?? event.detail?.index ?? ''}`));
    }
    viewer.speak();
    await new Promise((resolve) => setTimeout(resolve, 50));
    viewer.destroy();
    return log;
  });
  assert.deepEqual(value, ['chunkstart 0', 'cancel', 'speechend stopped']);
});
