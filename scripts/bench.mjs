// Browser benchmark: yilan against Mozilla Readability in Chromium, in one
// page each, one run. A benchmark, not a test: nothing here passes or fails.
//
//   npm run build && npm run bench [-- --quick]
//
// Measures, warm, as the median over many batches:
//   - from an HTML string: yilan `parseHtml` + `renderHtml` against
//     `new Readability(new DOMParser().parseFromString(html)).parse()`
//     (both pay the browser's HTML parser), and DOMParser alone, which
//     bounds the ratio any DOMParser-based parse can reach;
//   - from the live page (each fixture loaded as a page, its scripts
//     removed): yilan `parseDom(document)` + `renderHtml` against
//     `new Readability(document.cloneNode(true)).parse()`, and yilan's
//     three steps alone (encodeDom, parseEncoded, renderHtml);
//   - the same for the demo portal page (www/index.html), where yilan
//     also runs the page-text route, `parseText(main.innerText)` + `renderHtml`;
//   - `init()`: fetch, compile and instantiate of the wasm, once, in a fresh
//     page; and `WebAssembly.compile` of the bytes alone;
//   - entering the elderly mode on the portal page: from the click's time
//     stamp to the view in the page, to the first animation frame after it
//     ("frame") and to a task queued from that frame ("paint"); "cold" is
//     the first click on a fresh page (the package loads when the pointer
//     reaches the toggle, just before), "rested" the same with the pointer
//     on the toggle 150 ms before the click, "warm" the first click once it
//     has loaded (and the view, built ahead, waits in the page laid out),
//     "warm ÷4" the same with the processor SLOW_CPU times slower (Chromium's
//     CPU throttling, an old phone), "again" a second entry in the same
//     page, "slow" the cold
//     case again with every request delayed by SLOW_RTT_MS (Chromium's
//     network emulation; the modules and the .wasm then cost round trips);
//     and a returning reader's page load, the mode stored: from the
//     navigation to the first contentful paint (usually the embed's cover
//     over the page, with its status line) and to the view;
//   - text scale and theme switches of a mounted view: the call alone, the
//     call plus the style and layout it causes, and to the next frame; the
//     first switch to each scale step apart from later ones (a font size
//     new to the page has the browser shape the whole text anew).
// Where the package has no `parseHtml`/`parseDom` yet, those rows say so
// and the live page falls back to `parseText(body.innerText)`.
//
// Prints a table; writes target/bench.json.
//
// Times below a millisecond are measured in batches: a batch repeats the
// work until it has taken at least BATCH_MS, and its time per run is one
// sample, so the browser's coarse clock (0.1 ms) does not dominate. Works
// compared with each other (yilan, Readability, DOMParser; the three steps)
// take turns batch by batch, so a change in the machine's speed while they
// are measured does not favour one of them, and each batch starts from a
// collected heap, so none pays for collecting another's garbage.

import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { median, ms, PORTAL, targets, timesFaster } from './bench-targets.mjs';
import { asPage, launchChromium } from './chromium.mjs';
import { root, startServer } from './serve.mjs';

const QUICK = process.argv.includes('--quick');
/** Samples (batches) per measure, and the least time a batch takes. */
const SAMPLES = QUICK ? 7 : 21;
const BATCH_MS = QUICK ? 10 : 25;
/**
 * How long each work runs before it is measured: both engines compile in
 * tiers (V8's JS tiers for Readability, Liftoff then TurboFan for the
 * wasm), and a page's first runs are measured on the first tiers. A
 * second of runs is past the last tier-up on this machine.
 */
const WARM_MS = QUICK ? 300 : 1000;
/** Clicks per toggle measure, and switches per scale/theme measure. */
const CLICKS = QUICK ? 5 : 15;
/** The round trip of the `slow` entry: a mobile network's (Lighthouse's "slow 4G"). */
const SLOW_RTT_MS = 150;
/** How many times slower the processor of the `warm ÷4` entry is (an old phone's). */
const SLOW_CPU = 4;


const fixtureDir = join(root, 'tests', 'fixtures', 'html');
const fixtures = readdirSync(fixtureDir)
  .filter((name) => name.endsWith('.html'))
  .sort()
  .map((name) => ({ name: name.replace(/\.html$/, ''), html: readFileSync(join(fixtureDir, name), 'utf8') }));
const portalHtml = readFileSync(join(root, 'www', 'index.html'), 'utf8');
const readabilitySource = readFileSync(join(root, 'node_modules', '@mozilla', 'readability', 'Readability.js'), 'utf8');

// ---------------------------------------------------------------------------
// In-page code (runs in Chromium)

/** Installs the measuring helpers and Readability in the page. */
async function prepare(page, server) {
  await page.addScriptTag({ content: readabilitySource });
  await page.evaluate(
    async ({ url, SAMPLES, BATCH_MS, WARM_MS }) => {
      const yilan = await import(`${url}/yilan/pkg/index.js`);
      await yilan.default();
      window.yilan = yilan;
      /** Runs per batch for `work`, warmed up: enough for a batch to take BATCH_MS. */
      const calibrate = (work) => {
        const warm = performance.now();
        do work();
        while (performance.now() - warm < WARM_MS);
        let runs = 1;
        for (;;) {
          const start = performance.now();
          for (let i = 0; i < runs; i += 1) work();
          const took = performance.now() - start;
          if (took >= BATCH_MS || runs >= 1 << 16) return runs;
          runs = took > 0 ? Math.min(runs * 8, Math.ceil((runs * BATCH_MS) / took)) : runs * 8;
        }
      };
      /**
       * Median time per run of each of `works` (an object of functions),
       * over SAMPLES batches of at least BATCH_MS each. The works take
       * turns batch by batch, so a change in the machine's speed during
       * the measure falls on all of them alike and their ratios hold.
       */
      window.timeAll = (works) => {
        const names = Object.keys(works);
        const runs = Object.fromEntries(names.map((name) => [name, calibrate(works[name])]));
        const samples = Object.fromEntries(names.map((name) => [name, []]));
        for (let s = 0; s < SAMPLES; s += 1) {
          for (const name of names) {
            const work = works[name];
            // Each batch starts from a collected heap: one work's garbage
            // (Readability's cloned documents) is not collected in the
            // time of the next.
            window.gc?.();
            const start = performance.now();
            for (let i = 0; i < runs[name]; i += 1) work();
            samples[name].push((performance.now() - start) / runs[name]);
          }
        }
        return Object.fromEntries(
          names.map((name) => {
            const sorted = samples[name].sort((a, b) => a - b);
            return [name, { median: sorted[Math.floor(sorted.length / 2)], min: sorted[0], max: sorted[sorted.length - 1], runsPerBatch: runs[name] }];
          }),
        );
      };
      /** Whether the package reads HTML (the string and the live page). */
      window.yilanCan = () => {
        const can = { parseHtml: false, parseDom: typeof yilan.parseDom === 'function' };
        try {
          yilan.parseHtml('<p>x</p>');
          can.parseHtml = true;
        } catch {
          can.parseHtml = false;
        }
        return can;
      };
    },
    { url: server.url, SAMPLES, BATCH_MS, WARM_MS },
  );
}

/** Times both libraries from an HTML string. */
function fromString(html) {
  const { parseHtml, renderHtml } = window.yilan;
  const can = window.yilanCan();
  const { readability, domParser, yilan = null } = window.timeAll({
    readability: () => new Readability(new DOMParser().parseFromString(html, 'text/html')).parse(),
    // The browser's parse alone, which both pay: Readability ÷ this bounds
    // the ratio any library that starts from DOMParser can reach.
    domParser: () => new DOMParser().parseFromString(html, 'text/html'),
    ...(can.parseHtml ? { yilan: () => renderHtml(parseHtml(html)) } : {}),
  });
  // Without timing: what each one found, to see both did real work.
  const article = new Readability(new DOMParser().parseFromString(html, 'text/html')).parse();
  const doc = can.parseHtml ? parseHtml(html) : null;
  return {
    readability,
    yilan,
    domParser,
    found: { readabilityChars: article?.textContent?.length ?? 0, yilanBlocks: doc ? doc.body.length : null },
  };
}

/** Times both libraries from the live page; `route` picks yilan's way in. */
function fromLive(route) {
  const { parseDom, parseText, renderHtml } = window.yilan;
  const readabilityWork = () => new Readability(document.cloneNode(true)).parse();
  /** Readability and yilan's `work`, taking turns. */
  const both = (work) => {
    const times = window.timeAll({ readability: readabilityWork, yilan: work });
    return [times.readability, times.yilan];
  };
  let readability;
  let yilan;
  let how;
  if (route === 'innerText') {
    const main = document.querySelector('main') ?? document.body;
    how = `parseText(${main.localName}.innerText)`;
    [readability, yilan] = both(() => renderHtml(parseText(main.innerText)));
  } else if (typeof parseDom === 'function') {
    how = 'parseDom(document)';
    [readability, yilan] = both(() => renderHtml(parseDom(document)));
    // yilan's three steps on their own: the walk (JS), the parse (wasm) and
    // the render (wasm, from the model object).
    const { encodeDom, parseEncoded } = window.yilan;
    const options = { baseUrl: document.baseURI };
    const encoded = encodeDom(document);
    const doc = parseEncoded(encoded, options);
    const steps = window.timeAll({
      encodeDom: () => encodeDom(document),
      parseEncoded: () => parseEncoded(encoded, options),
      renderHtml: () => renderHtml(doc),
    });
    const parts = Object.fromEntries(Object.entries(steps).map(([name, time]) => [name, time.median]));
    return { readability, yilan, how, parts };
  } else {
    how = 'parseText(body.innerText) (no parseDom)';
    [readability, yilan] = both(() => renderHtml(parseText(document.body.innerText)));
  }
  return { readability, yilan, how };
}

/**
 * Scale and theme switches of a view mounted in this page. `scale, new`:
 * the first switch to each scale step the page has not shown yet (the
 * browser then shapes the whole text, and measures its glyphs, at a font
 * size new to it); `scale`: switches to steps shown before, `count` of them;
 * `theme`: `count` theme switches.
 */
async function switches(count) {
  const { mount, parseText, themes } = window.yilan;
  const host = document.createElement('main');
  document.body.append(host);
  const viewer = mount(host, parseText(document.querySelector('main').innerText), { mode: 'elderly' });
  const frame = () => new Promise((resolve) => requestAnimationFrame(() => resolve(performance.now())));
  const view = host.shadowRoot?.querySelector('.yl-view') ?? host;
  const median = (list) => [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)];
  /** Times switching to each of `values` in turn (`set`), median of each part. */
  const timeSwitches = async (values, set) => {
    const call = [];
    const layout = [];
    const toFrame = [];
    for (const value of values) {
      await frame();
      const start = performance.now();
      set(value);
      const called = performance.now();
      view.getBoundingClientRect();
      getComputedStyle(view).color;
      const laidOut = performance.now();
      const painted = await frame();
      call.push(called - start);
      layout.push(laidOut - start);
      toFrame.push(painted - start);
    }
    return { call: median(call), layout: median(layout), frame: median(toFrame), switches: values.length };
  };
  // Every step above the mounted one (1), each a font size new to the view:
  // the steps the view's stylesheet has rules for.
  const steps = [...new Set([...window.yilan.stylesheet().matchAll(/data-scale="([\d.]+)"/g)].map((m) => Number(m[1])))]
    .filter((step) => step > 1)
    .sort((a, b) => a - b);
  const setScale = (value) => viewer.setScale(value);
  const result = {};
  result['scale, new'] = await timeSwitches(steps, setScale);
  const again = Array.from({ length: count }, (_, i) => [...steps, 1][i % (steps.length + 1)]);
  result.scale = await timeSwitches(again, setScale);
  const ids = themes().map((theme) => theme.id);
  result.theme = await timeSwitches(
    Array.from({ length: count }, (_, i) => ids[i % ids.length]),
    (value) => viewer.setTheme(value),
  );
  viewer.destroy();
  host.remove();
  return result;
}

/**
 * Installed before the portal's scripts: times each entry into the view,
 * from the click's time stamp (`toggleTimes`), and for a returning reader's
 * page load (the mode stored) from the navigation's start, with the page's
 * first paint (`visit`).
 */
const ENTRY_PROBE = () => {
  /**
   * When the view is shown under `target` (put in, or a view staged ahead,
   * inert, made visible): `done({ inserted, frame, paint })`, in ms after `from`.
   */
  const whenShown = (target, options, from, done) => {
    const observer = new MutationObserver(() => {
      if (!document.querySelector('#yilan-reader, yilan-embed-view:not([inert])')) return;
      observer.disconnect();
      const inserted = performance.now() - from;
      requestAnimationFrame(() => {
        const frame = performance.now() - from;
        setTimeout(() => done({ inserted, frame, paint: performance.now() - from }), 0);
      });
    });
    observer.observe(target, options);
  };
  window.toggleTimes = [];
  // On the window, in the capture phase, registered first: the embed stops
  // the click from going further once it has seen it.
  window.addEventListener(
    'click',
    (event) => {
      if (event.target.id !== 'enter-elderly') return;
      whenShown(document.body, { childList: true, subtree: true, attributes: true, attributeFilter: ['inert'] }, event.timeStamp, (times) =>
        window.toggleTimes.push(times),
      );
    },
    true,
  );
  window.visit = {};
  let stored = null;
  try {
    stored = localStorage.getItem('yilan:prefs:v1');
  } catch {}
  if (!stored?.includes('"mode":"elderly"')) return;
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) if (entry.name === 'first-contentful-paint') window.visit.page = entry.startTime;
  }).observe({ type: 'paint', buffered: true });
  whenShown(document, { childList: true, subtree: true }, 0, (times) => Object.assign(window.visit, times));
};

// ---------------------------------------------------------------------------
// Driver (runs in Node)

const server = await startServer({ port: 0, mounts: { '/': join(root, 'www') } });
// `--expose-gc`: the in-page `gc()` that clears the heap before each batch.
const browser = await launchChromium(['--js-flags=--expose-gc']);
const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
// Fixture pages are served from memory under /bench/; nothing else off the
// server loads (a saved page's images and styles would only add noise).
await context.route('**/*', (route) => {
  const url = new URL(route.request().url());
  if (url.origin !== server.url) return route.abort();
  const match = url.pathname.match(/^\/bench\/fixture\/(.+)$/);
  if (match) {
    const fixture = fixtures.find((f) => f.name === decodeURIComponent(match[1]));
    if (!fixture) return route.abort();
    return route.fulfill({ contentType: 'text/html; charset=utf-8', body: asPage(fixture.html) });
  }
  if (url.pathname === '/bench/blank') {
    return route.fulfill({ contentType: 'text/html; charset=utf-8', body: '<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>bench</title></head><body><main></main></body></html>' });
  }
  return route.continue();
});
const page = await context.newPage();
page.on('pageerror', (error) => console.error(`page error: ${error.message}`));

const results = { date: new Date().toISOString(), chromium: browser.version(), quick: QUICK, samples: SAMPLES, batchMs: BATCH_MS, warmMs: WARM_MS };

// init(): a fresh page each time, the wasm fetched from the local server,
// in a context of its own: the fixture routing below passes every request
// through the driver, which would add its own delay to the fetch.
const initContext = await browser.newContext();
const initPage = await initContext.newPage();
const inits = [];
for (let i = 0; i < (QUICK ? 5 : 9); i += 1) {
  await initPage.goto(`${server.url}/portal.css`);
  inits.push(
    await initPage.evaluate(async (url) => {
      const start = performance.now();
      const yilan = await import(`${url}/yilan/pkg/index.js`);
      const imported = performance.now();
      await yilan.default();
      const done = performance.now();
      const wasm = performance.getEntriesByType('resource').find((entry) => entry.name.endsWith('.wasm'));
      return {
        imported: imported - start,
        init: done - imported,
        untilRequest: wasm.requestStart - imported,
        fetch: wasm.responseEnd - wasm.requestStart,
        afterFetch: done - wasm.responseEnd,
      };
    }, server.url),
  );
}
const compile = await initPage.evaluate(async (url) => {
  const bytes = await (await fetch(`${url}/yilan/pkg/yilan_bg.wasm`)).arrayBuffer();
  const times = [];
  for (let i = 0; i < 9; i += 1) {
    const start = performance.now();
    await WebAssembly.compile(bytes);
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return times[4];
}, server.url);
await initContext.close();
const initPart = (key) => median(inits.map((row) => row[key]));
results.init = {
  fetchCompileInstantiate: initPart('init'),
  importModules: initPart('imported'),
  untilRequest: initPart('untilRequest'),
  fetch: initPart('fetch'),
  afterFetch: initPart('afterFetch'),
  compileOnly: compile,
};

// From an HTML string, in one blank page.
await page.goto(`${server.url}/bench/blank`);
await prepare(page, server);
results.can = await page.evaluate(() => window.yilanCan());
results.string = {};
for (const fixture of [...fixtures, { name: PORTAL, html: portalHtml }]) {
  results.string[fixture.name] = { bytes: Buffer.byteLength(fixture.html), ...(await page.evaluate(fromString, fixture.html)) };
}

// From the live page: each fixture as a page.
results.live = {};
for (const fixture of fixtures) {
  await page.goto(`${server.url}/bench/fixture/${encodeURIComponent(fixture.name)}`);
  await prepare(page, server);
  results.live[fixture.name] = { bytes: Buffer.byteLength(fixture.html), ...(await page.evaluate(fromLive, 'dom')) };
}

// The portal page, live; then the view's switches in it.
await page.goto(`${server.url}/`, { waitUntil: 'networkidle' });
await page.evaluate(() => localStorage.clear());
await page.goto(`${server.url}/`, { waitUntil: 'networkidle' });
await prepare(page, server);
results.live[PORTAL] = { bytes: Buffer.byteLength(portalHtml), ...(await page.evaluate(fromLive, 'dom')) };
results.live['portal, page text'] = { bytes: Buffer.byteLength(portalHtml), ...(await page.evaluate(fromLive, 'innerText')) };
results.switches = await page.evaluate(switches, CLICKS);
await page.close();

// Entering the elderly mode on the portal page, with the probe installed,
// in a context of its own: the fixture routing would pass every module and
// the .wasm through the driver, adding its delay to the cold entry.
const toggleContext = await browser.newContext({ viewport: { width: 1280, height: 800 } });
const togglePage = await toggleContext.newPage();
await togglePage.addInitScript(ENTRY_PROBE);
const toggles = { cold: [], rested: [], warm: [], 'warm ÷4': [], again: [], slow: [] };
const visits = [];
const toggleNetwork = await toggleContext.newCDPSession(togglePage);
/** Delays every request of the page by `latency` ms (0: no delay). */
async function emulateLatency(latency) {
  if (latency) await toggleNetwork.send('Network.enable');
  await toggleNetwork.send('Network.emulateNetworkConditions', { offline: false, latency, downloadThroughput: -1, uploadThroughput: -1 });
  if (!latency) await toggleNetwork.send('Network.disable');
}
/** How long the pointer rests on the toggle before the click in the `rested` case. */
const REST_MS = 150;
const VIEW = '#yilan-reader, yilan-embed-view:not([inert])';
async function freshPortal() {
  await togglePage.goto(`${server.url}/`, { waitUntil: 'networkidle' });
  await togglePage.evaluate(() => localStorage.clear());
  await togglePage.goto(`${server.url}/`, { waitUntil: 'networkidle' });
  await togglePage.waitForTimeout(100);
}
async function enterAndTime(into) {
  await togglePage.click('#enter-elderly');
  await togglePage.waitForFunction(() => window.toggleTimes.length === 1);
  into.push(...(await togglePage.evaluate(() => window.toggleTimes.splice(0))));
}
/**
 * A warm entry on a fresh portal page, the processor `slowdown` times
 * slower (Chromium's CPU throttling; 1: as it is): the pointer rests on the
 * toggle until the package is in and the view built ahead waits in the
 * page (or, where none is staged, a moment after the wasm came), then
 * clicks.
 */
async function warmEntry(into, slowdown) {
  await freshPortal();
  await toggleNetwork.send('Emulation.setCPUThrottlingRate', { rate: slowdown });
  await togglePage.hover('#enter-elderly');
  await togglePage.waitForFunction(() => performance.getEntriesByType('resource').some((entry) => entry.name.endsWith('.wasm') && entry.responseEnd > 0));
  await togglePage.waitForSelector('yilan-embed-view[inert]', { state: 'attached', timeout: 5000 }).catch(() => {});
  await togglePage.waitForTimeout(300);
  await enterAndTime(into);
  await toggleNetwork.send('Emulation.setCPUThrottlingRate', { rate: 1 });
}
for (let run = 0; run < CLICKS; run += 1) {
  await freshPortal();
  await enterAndTime(toggles.cold);
  await togglePage.click('[data-yl-tool="mode"]');
  await togglePage.waitForFunction((view) => !document.querySelector(view), VIEW);
  await enterAndTime(toggles.again);
  await freshPortal();
  // A reader's pointer reaches the toggle a moment before the click.
  await togglePage.hover('#enter-elderly');
  await togglePage.waitForTimeout(REST_MS);
  await enterAndTime(toggles.rested);
  await warmEntry(toggles.warm, 1);
  await warmEntry(toggles['warm ÷4'], SLOW_CPU);
  // The reader comes back to the page with the mode stored: the embed shows the view unasked.
  await togglePage.goto(`${server.url}/`);
  await togglePage.waitForFunction(() => window.visit.paint !== undefined);
  visits.push(await togglePage.evaluate(() => window.visit));
  await emulateLatency(SLOW_RTT_MS);
  await freshPortal();
  await enterAndTime(toggles.slow);
  await emulateLatency(0);
}
const summarise = (samples) => Object.fromEntries(['inserted', 'frame', 'paint'].map((key) => [key, median(samples.map((s) => s[key]))]));
results.toggle = Object.fromEntries(Object.entries(toggles).map(([name, samples]) => [name, summarise(samples)]));
results.returning = Object.fromEntries(['page', 'inserted', 'frame', 'paint'].map((key) => [key, median(visits.map((v) => v[key]))]));

await browser.close();
await server.close();

// ---------------------------------------------------------------------------
// Report

const ratio = (row) => (row.yilan ? `${timesFaster(row).toFixed(1)}×` : '—');
const kb = (bytes) => `${(bytes / 1024).toFixed(0)} KB`;

console.log(`Chromium ${results.chromium}; medians of ${SAMPLES} batches (≥ ${BATCH_MS} ms each)`);
console.log(`package: parseHtml ${results.can.parseHtml ? 'yes' : 'no'}, parseDom ${results.can.parseDom ? 'yes' : 'no'}`);
for (const [title, table] of [
  ['from an HTML string (both include DOMParser)', results.string],
  ['from the live page (Readability clones the document)', results.live],
]) {
  console.log(`\n${title}`);
  console.log(`  ${'page'.padEnd(46)} ${'size'.padStart(7)} ${'yilan'.padStart(10)} ${'Readability'.padStart(12)} ${'R / yilan'.padStart(10)}`);
  for (const [name, row] of Object.entries(table)) {
    console.log(`  ${name.padEnd(46)} ${kb(row.bytes).padStart(7)} ${ms(row.yilan?.median).padStart(10)} ${ms(row.readability.median).padStart(12)} ${ratio(row).padStart(10)}${row.how ? `   ${row.how}` : ''}`);
    if (row.domParser) {
      const bound = row.readability.median / row.domParser.median;
      console.log(`  ${''.padEnd(46)} ${''.padStart(7)} DOMParser alone ${ms(row.domParser.median)}: no DOMParser-based parse can beat ${bound.toFixed(1)}×`);
    }
    if (row.parts) {
      console.log(`  ${''.padEnd(46)} ${''.padStart(7)} encodeDom ${ms(row.parts.encodeDom)} + parseEncoded ${ms(row.parts.parseEncoded)} + renderHtml ${ms(row.parts.renderHtml)}`);
    }
  }
}
console.log(`\ninit(): fetch + compile + instantiate ${ms(results.init.fetchCompileInstantiate)} (median of ${inits.length} fresh pages); WebAssembly.compile alone ${ms(results.init.compileOnly)}`);
console.log(`  of which: to the request ${ms(results.init.untilRequest)}, the fetch ${ms(results.init.fetch)}, after the response (compile, instantiate, start) ${ms(results.init.afterFetch)}; importing the modules before it ${ms(results.init.importModules)}`);
console.log(`\nentering the elderly mode on the portal page (click → …; slow: cold, ${SLOW_RTT_MS} ms per request), median:`);
for (const [name, row] of Object.entries(results.toggle)) {
  console.log(`  ${name.padEnd(8)} view in ${ms(row.inserted).padStart(9)}   next frame ${ms(row.frame).padStart(9)}   painted ${ms(row.paint).padStart(9)}`);
}
const back = results.returning;
console.log(`  a returning reader (the mode stored), from the navigation: first contentful paint ${ms(back.page)}, view in ${ms(back.inserted)}, next frame ${ms(back.frame)}, painted ${ms(back.paint)}`);
console.log('\nswitches in a mounted elderly view, median (scale, new: the first switch to each step, a font size new to the page):');
for (const [name, row] of Object.entries(results.switches)) {
  console.log(`  ${name.padEnd(10)} call ${ms(row.call).padStart(9)}   + style/layout ${ms(row.layout).padStart(9)}   next frame ${ms(row.frame).padStart(9)}   (${row.switches} switches)`);
}

results.targets = targets(results, fixtures.map((fixture) => fixture.name));
console.log('\ntargets (reported, not enforced: one run on a shared machine is no verdict; the size budget is `npm run size`):');
for (const target of results.targets) {
  console.log(`  ${target.met ? 'met   ' : 'MISSED'}  ${target.what}: ${target.got}`);
}

mkdirSync(join(root, 'target'), { recursive: true });
writeFileSync(join(root, 'target', 'bench.json'), `${JSON.stringify(results, null, 2)}\n`);
console.log('\nwritten: target/bench.json');
