// Measures, in Chromium, parseHtml on the largest HTML fixture (03, about
// 300 KB of Word-exported tables) and its three steps: the browser's
// DOMParser, the encoding walk (encodeDom) and the one wasm call
// (parseEncoded). Also how long parseDom takes on the same page live. A
// benchmark, not a test: nothing here passes or fails.
//
//   npm run build && node scripts/measure-parse-html.mjs [--runs 50]
//
// Each figure is the median of the runs after five warm-up runs, timed with
// performance.now() in the page.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

import { launchChromium } from './chromium.mjs';
import { root, startServer } from './serve.mjs';

const runsArg = process.argv.indexOf('--runs');
const RUNS = runsArg > 0 ? Number(process.argv[runsArg + 1]) : 50;
const FIXTURE = join(root, 'tests', 'fixtures', 'html', '03-govcn-zhengce-sanji-yiyuan-long-tables.html');
const BASE = 'http://www.gov.cn/zhengce/content/2019-01/30/content_5362266.htm';

const server = await startServer({ port: 0, mounts: { '/tests/': join(root, 'tests') } });
const browser = await launchChromium();
const page = await browser.newPage();
await page.goto(`${server.url}/tests/browser/pages/blank.html`);
const html = readFileSync(FIXTURE, 'utf8');
const result = await page.evaluate(
  async ([source, baseUrl, runs]) => {
    const yilan = await import('/yilan/pkg/index.js');
    await yilan.default();
    const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
    const times = { parseHtml: [], domParser: [], encodeDom: [], parseEncoded: [], parseDomLive: [] };
    const live = document.createElement('div');
    live.hidden = true;
    live.innerHTML = new DOMParser().parseFromString(source, 'text/html').body.innerHTML;
    document.body.append(live);
    for (let i = 0; i < runs + 5; i += 1) {
      const keep = i >= 5;
      let t = performance.now();
      yilan.parseHtml(source, { baseUrl });
      const whole = performance.now() - t;
      t = performance.now();
      const doc = new DOMParser().parseFromString(source, 'text/html');
      const parsed = performance.now() - t;
      t = performance.now();
      const encoded = yilan.encodeDom(doc);
      const walked = performance.now() - t;
      t = performance.now();
      yilan.parseEncoded(encoded, { baseUrl });
      const read = performance.now() - t;
      t = performance.now();
      yilan.parseDom(live, { baseUrl });
      const liveTime = performance.now() - t;
      if (keep) {
        times.parseHtml.push(whole);
        times.domParser.push(parsed);
        times.encodeDom.push(walked);
        times.parseEncoded.push(read);
        times.parseDomLive.push(liveTime);
      }
    }
    const encodedLength = yilan.encodeDom(new DOMParser().parseFromString(source, 'text/html')).length;
    return { medians: Object.fromEntries(Object.entries(times).map(([k, v]) => [k, median(v)])), encodedLength };
  },
  [html, BASE, RUNS],
);
const version = browser.version();
await browser.close();
await server.close();

console.log(`parseHtml of fixture 03 (${(Buffer.byteLength(html) / 1024).toFixed(0)} KB), Chromium ${version}, median of ${RUNS} warm runs:`);
for (const [name, ms] of Object.entries(result.medians)) {
  console.log(`  ${name.padEnd(13)} ${ms.toFixed(2).padStart(7)} ms`);
}
console.log(`  (encoding: ${(result.encodedLength / 1024).toFixed(0)} K chars)`);
const loader = readFileSync(join(root, 'pkg', 'embed.js'));
console.log(`\nembed loader pkg/embed.js: ${(loader.length / 1024).toFixed(1)} KB raw, ${(gzipSync(loader, { level: 9 }).length / 1024).toFixed(1)} KB gzip -9`);
