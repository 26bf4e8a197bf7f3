// No leaks: a thousand cycles of mount and destroy, a thousand mode
// switches on one view, a thousand parses, and a thousand entries into the elderly mode and
// exits through the embed on the demo portal, leave the wasm memory, the JS heap, the DOM node
// count and the event listeners where they were after a warm-up, within the
// bounds below. Measured through the DevTools protocol after a forced
// garbage collection.

import assert from 'node:assert/strict';

import { PORTAL_PAGE, REFERENCE_TEXT, browserTest, open, openWithPackage } from './harness.mjs';

const CYCLES = 1000;
/**
 * The warm-up is as long as the run: until the collector has finalized the
 * handles of destroyed views (whenever it chooses to), the wasm allocator
 * may grow to hold them; after a first thousand it has all it will need,
 * and a second thousand that still grows it is a leak.
 */
const WARM_UP = 1000;

/**
 * Bounds on growth over the cycles. The wasm memory only grows, in 64 KiB
 * pages, when the allocator runs out: a leak of even a few bytes a cycle
 * would need pages. The heap bound leaves room for the engine's own caches
 * (compiled code, inline caches); a leaked view is ~100 KB of heap and
 * ~700 nodes, so a thousand leaked views could not hide under it.
 */
const BOUNDS = { wasmBytes: 0, heapBytes: 1_000_000, nodes: 20, listeners: 0 };

/**
 * Memory and DOM counters after garbage collection. A handle JavaScript
 * dropped gives its Rust side back when its finalizer runs, a task after
 * the collection: hence the pause between two collections.
 */
async function measure(page, cdp) {
  await cdp.send('HeapProfiler.collectGarbage');
  await page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 50)));
  await cdp.send('HeapProfiler.collectGarbage');
  const { metrics } = await cdp.send('Performance.getMetrics');
  const metric = (name) => metrics.find((m) => m.name === name)?.value ?? NaN;
  const counters = await cdp.send('Memory.getDOMCounters');
  const wasmBytes = await page.evaluate(() => window.wasmMemory.buffer.byteLength);
  return {
    wasmBytes,
    heapBytes: metric('JSHeapUsedSize'),
    nodes: counters.nodes,
    listeners: counters.jsEventListeners,
  };
}

function assertFlat(before, after, what, t) {
  t.diagnostic(`${what}: ${Object.keys(BOUNDS).map((key) => `${key} ${before[key]} → ${after[key]}`).join(', ')}`);
  for (const [key, bound] of Object.entries(BOUNDS)) {
    const growth = after[key] - before[key];
    assert.ok(growth <= bound, `${what}: ${key} grew by ${growth} (bound ${bound}); before ${before[key]}, after ${after[key]}`);
  }
}

async function setUp(page) {
  await openWithPackage(page);
  await page.evaluate(async (text) => {
    // The same module instance: init() again returns its exports, whose
    // names the build shortens; the memory is the one that is a Memory.
    const glue = await import('/yilan/pkg/yilan.js');
    window.wasmMemory = Object.values(await glue.default()).find((value) => value instanceof WebAssembly.Memory);
    window.referenceDoc = window.yilan.parseText(text);
  }, REFERENCE_TEXT);
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  return cdp;
}

/**
 * `count` cycles of mount (elderly, a theme, a scale) and destroy, fifty to
 * a task as a page would, so that collected handles are finalized between.
 */
function mountCycles(page, count) {
  return page.evaluate(async (count) => {
    const host = document.querySelector('#view');
    for (let i = 0; i < count; i += 1) {
      const viewer = window.yilan.mount(host, window.referenceDoc, { mode: 'elderly' });
      viewer.setTheme(i % 2 ? 'cream' : 'yellow-on-black');
      viewer.setScale(1.5);
      viewer.destroy();
      if (i % 50 === 49) await new Promise((resolve) => setTimeout(resolve, 0));
    }
    return host.childElementCount;
  }, count);
}

/** `count` switches of mode, theme and scale on the mounted `window.viewer`. */
function switchCycles(page, count) {
  return page.evaluate((count) => {
    for (let i = 0; i < count; i += 1) {
      window.viewer.setMode(i % 2 ? 'standard' : 'elderly');
      window.viewer.setTheme(i % 2 ? 'cream' : 'white-on-black');
      window.viewer.setScale(i % 2 ? 1 : 2);
    }
    return window.viewer.mode;
  }, count);
}

browserTest(`${CYCLES} mounts and destroys leave memory, nodes and listeners flat`, {}, async (page, t) => {
  const cdp = await setUp(page);
  assert.equal(await mountCycles(page, WARM_UP), 0);
  const before = await measure(page, cdp);
  assert.equal(await mountCycles(page, CYCLES), 0, 'each destroy removed its view');
  const after = await measure(page, cdp);
  assertFlat(before, after, `${CYCLES} mount/destroy`, t);
});

browserTest(`${CYCLES} mode, theme and scale switches on one view leave it flat`, {}, async (page, t) => {
  const cdp = await setUp(page);
  await page.evaluate(() => {
    window.viewer = window.yilan.mount(document.querySelector('#view'), window.referenceDoc, {});
  });
  await switchCycles(page, WARM_UP);
  const before = await measure(page, cdp);
  assert.equal(await switchCycles(page, CYCLES), 'standard', 'the last switch, odd, to standard');
  const after = await measure(page, cdp);
  assertFlat(before, after, `${CYCLES} switches`, t);
});

/**
 * `count` times into the elderly mode through the demo portal's own link
 * and out through the view's 退出老年模式, as a reader would.
 */
function enterExitCycles(page, count) {
  return page.evaluate(async (count) => {
    const until = async (ready) => {
      while (!ready()) await new Promise((resolve) => requestAnimationFrame(resolve));
    };
    const view = () => document.querySelector('yilan-embed-view:not([inert]) yilan-view')?.shadowRoot?.querySelector('.yl-view');
    for (let i = 0; i < count; i += 1) {
      document.querySelector('#enter-elderly').click();
      await until(() => view());
      view().querySelector('[data-yl-tool="mode"]').click();
      await until(() => !document.querySelector('yilan-embed-view:not([inert])'));
    }
    return document.querySelectorAll('yilan-embed-view, yilan-view').length;
  }, count);
}

browserTest(`${CYCLES} entries and exits through the embed on the demo portal leave it flat`, {}, async (page, t) => {
  await open(page, PORTAL_PAGE);
  assert.equal(await enterExitCycles(page, 1), 0);
  await page.evaluate(async () => {
    const glue = await import('/yilan/pkg/yilan.js');
    window.wasmMemory = Object.values(await glue.default()).find((value) => value instanceof WebAssembly.Memory);
  });
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  assert.equal(await enterExitCycles(page, WARM_UP), 0);
  const before = await measure(page, cdp);
  assert.equal(await enterExitCycles(page, CYCLES), 0, 'each exit removed the view');
  const after = await measure(page, cdp);
  assertFlat(before, after, `${CYCLES} enter/exit`, t);
});

/**
 * Parses in a run: more than the other cycles, since a document a page
 * kept by mistake would be small in the JS heap (its closures and getters,
 * about 1 KB: the browser keeps the long JSON text outside the heap that is
 * measured), and two thousand of them must not fit under the heap bound.
 */
const PARSES = 3000;

/**
 * `count` parses, each document rendered unread, read, or kept unread until
 * the end of the batch (fifty to a task), then dropped.
 */
function parseCycles(page, count) {
  return page.evaluate(async ([count, text]) => {
    let kept = [];
    let length = 0;
    for (let i = 0; i < count; i += 1) {
      const doc = window.yilan.parseText(`${text}\n${i}`);
      if (i % 3 === 0) length += window.yilan.renderHtml(doc).length;
      else if (i % 3 === 1) length += doc.body.length;
      else kept.push(doc);
      if (i % 50 === 49) {
        kept = [];
        await new Promise((resolve) => setTimeout(resolve, 0));
      }
    }
    return length > 0;
  }, [count, REFERENCE_TEXT]);
}

browserTest(`${PARSES} parses, their documents rendered, read or kept unread, leave memory flat`, {}, async (page, t) => {
  const cdp = await setUp(page);
  assert.ok(await parseCycles(page, PARSES));
  const before = await measure(page, cdp);
  assert.ok(await parseCycles(page, PARSES));
  const after = await measure(page, cdp);
  assertFlat(before, after, `${PARSES} parses`, t);
});

browserTest('the measure sees a leak: views mounted and never destroyed', {}, async (page) => {
  const cdp = await setUp(page);
  const before = await measure(page, cdp);
  await page.evaluate(() => {
    window.kept = [];
    for (let i = 0; i < 20; i += 1) {
      const host = document.createElement('div');
      document.body.append(host);
      window.kept.push(window.yilan.mount(host, window.referenceDoc, {}));
    }
  });
  const after = await measure(page, cdp);
  assert.ok(after.nodes - before.nodes > 20 * 100, `20 views are thousands of nodes: ${after.nodes - before.nodes}`);
  assert.ok(after.listeners > before.listeners, 'and their listeners');
  assert.ok(after.heapBytes > before.heapBytes, 'and heap');
});
