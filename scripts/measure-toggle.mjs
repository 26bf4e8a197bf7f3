// Measures, in Chromium, the time from a click on the demo portal's
// 进入老年模式 link to the elderly view on screen, and prints the package's
// sizes. A benchmark, not a test: nothing here passes or fails.
//
//   npm run build && node scripts/measure-toggle.mjs [--runs 20]
//
// Times are from the click event's own time stamp (the input) to:
//   frame: the first animation frame after the view is in the page (the
//          frame that paints it starts);
//   paint: a task queued from that frame, which runs once it is painted.
// "first" clicks load a fresh page each run: the embed fetches and compiles
// the package when the pointer reaches the link (page.click moves it there
// just before clicking), so this includes most of that load; "again"
// clicks leave and re-enter the view in the same page.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';

import { root, startServer } from './serve.mjs';

const runsArg = process.argv.indexOf('--runs');
const RUNS = runsArg > 0 ? Number(process.argv[runsArg + 1]) : 20;

/** Installed before the page's scripts: times the next entry. */
const PROBE = () => {
  window.toggleTimes = [];
  // On the window and capturing, registered before the page's scripts: the
  // embed answers the page's toggle links itself, so they reach no later
  // listener.
  window.addEventListener(
    'click',
    (event) => {
      if (event.target.id !== 'enter-elderly') return;
      const clicked = event.timeStamp;
      const observer = new MutationObserver(() => {
        if (!document.querySelector('yilan-view')) return;
        observer.disconnect();
        const inserted = performance.now();
        requestAnimationFrame(() => {
          const frame = performance.now();
          setTimeout(() => {
            window.toggleTimes.push({ inserted: inserted - clicked, frame: frame - clicked, paint: performance.now() - clicked });
          }, 0);
        });
      });
      observer.observe(document.body, { childList: true });
    },
    true,
  );
};

function stats(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
  return { median: at(0.5), p90: at(0.9), min: sorted[0], max: sorted[sorted.length - 1] };
}

function report(label, samples) {
  for (const key of ['inserted', 'frame', 'paint']) {
    const s = stats(samples.map((sample) => sample[key]));
    console.log(
      `  ${label.padEnd(6)} ${key.padEnd(9)} median ${s.median.toFixed(1).padStart(6)} ms   p90 ${s.p90.toFixed(1).padStart(6)} ms   min ${s.min.toFixed(1).padStart(6)}   max ${s.max.toFixed(1).padStart(6)}`,
    );
  }
}

const server = await startServer({ port: 0, mounts: { '/': join(root, 'www') } });
const browser = await chromium.launch({
  executablePath: process.env.CHROME_PATH || '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu'],
});
const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
await context.addInitScript(PROBE);
const page = await context.newPage();

const first = [];
const again = [];
for (let run = 0; run < RUNS; run += 1) {
  // Start each run outside the elderly mode.
  await page.goto(`${server.url}/`, { waitUntil: 'networkidle' });
  await page.evaluate(() => localStorage.clear());
  await page.goto(`${server.url}/`, { waitUntil: 'networkidle' });
  await page.waitForTimeout(200);
  await page.click('#enter-elderly');
  await page.waitForFunction(() => window.toggleTimes.length === 1);
  first.push(...(await page.evaluate(() => window.toggleTimes.splice(0))));
  await page.click('[data-yl-tool="mode"]');
  await page.waitForFunction(() => !document.querySelector('yilan-view'));
  await page.click('#enter-elderly');
  await page.waitForFunction(() => window.toggleTimes.length === 1);
  again.push(...(await page.evaluate(() => window.toggleTimes.splice(0))));
}
await browser.close();
await server.close();

console.log(`click on 进入老年模式 → elderly view, Chromium ${browser.version()}, ${RUNS} runs each`);
report('first', first);
report('again', again);

console.log('\npackage size (raw / gzip -9):');
for (const file of ['pkg/yilan_bg.wasm', 'pkg/yilan.js', 'js/index.js', 'js/dom-events.js', 'js/embed.js', 'pkg/yilan.css']) {
  const data = readFileSync(join(root, file));
  const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
  console.log(`  ${file.padEnd(20)} ${kb(data.length).padStart(9)} / ${kb(gzipSync(data, { level: 9 }).length).padStart(9)}`);
}
