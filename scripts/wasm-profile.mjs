// Where the browser's time goes in one call of the package: Chromium's
// sampling profiler over a loop of the call on a page, with a copy of the
// .wasm that keeps its function names, printed as self time per function.
// A measuring aid, not part of the build; run `node scripts/build.mjs` first.
//
//   node scripts/wasm-profile.mjs [page] [work] [--apart] [--under a,b] [--top 30]
//
//   page     a fixture of tests/fixtures/html by its number or name (02),
//            or `portal` (www/index.html); 02 by default
//   work     parse   parseEncoded of the page's encoding (the default)
//            render  renderHtml of its document
//            encode  encodeDom(document)
//            all     renderHtml(parseDom(document)), as the benchmark
//   --apart  every function kept apart (wasm-opt inlines nothing), so that
//            the parse's stages, which the optimised module inlines into
//            the exported function, show under their own names
//   --under  the share of the time spent under (inclusive) each function
//            whose name contains one of these strings
//
// The copy is wasm-bindgen's output optimised with the build's own flags
// (scripts/wasm-opt-args.mjs) and `-g`; its short import names are checked
// against the build's, so the published glue loads it. Native profiles
// (callgrind, benches/README.md) count instructions; this measures the
// engine, where allocation, string crossings and byte loops weigh
// differently.

import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

import { asPage, launchChromium } from './chromium.mjs';
import { root, startServer } from './serve.mjs';
import { wasmOpt, wasmOptArgs } from './wasm-opt-args.mjs';

const args = process.argv.slice(2);
const option = (name) => {
  const at = args.indexOf(name);
  return at >= 0 ? args[at + 1] : undefined;
};
const positional = args.filter((arg, i) => !arg.startsWith('--') && !['--under', '--top'].includes(args[i - 1]));
const [pageName = '02', work = 'parse'] = positional;
const apart = args.includes('--apart');
const under = option('--under')?.split(',').filter(Boolean) ?? [];
const TOP = Number(option('--top') ?? 30);
const WORKS = ['parse', 'render', 'encode', 'all'];
if (!WORKS.includes(work)) {
  throw new Error(`work must be one of ${WORKS.join(', ')}`);
}

const stage = join(root, 'target', 'yilan-web');
const input = join(stage, 'bindgen', 'yilan_bg.wasm');
const named = join(root, 'target', apart ? 'yilan-profile-apart.wasm' : 'yilan-profile.wasm');
if (!existsSync(input)) {
  throw new Error('no wasm-bindgen output: run `node scripts/build.mjs` first');
}
const made = spawnSync(wasmOpt, [...(apart ? ['--no-inline=*'] : []), ...wasmOptArgs, '-g', input, '-o', named], { encoding: 'utf8' });
if (made.status !== 0) {
  throw new Error(`wasm-opt failed: ${made.stderr}`);
}
if (made.stdout !== readFileSync(join(stage, 'names.json'), 'utf8')) {
  throw new Error('the copy got other short names than the build: rebuild (`node scripts/build.mjs`)');
}

const fixtureDir = join(root, 'tests', 'fixtures', 'html');
const fixture = readdirSync(fixtureDir)
  .filter((name) => name.endsWith('.html'))
  .find((name) => pageName !== 'portal' && name.startsWith(pageName));
if (pageName !== 'portal' && !fixture) {
  throw new Error(`no fixture ${pageName} in tests/fixtures/html`);
}

const server = await startServer({ port: 0, mounts: { '/': join(root, 'www') } });
const browser = await launchChromium();
try {
  const context = await browser.newContext();
  const wasm = readFileSync(named);
  await context.route('**/*', (route) => {
    const url = new URL(route.request().url());
    if (url.origin !== server.url) return route.abort();
    if (url.pathname === '/yilan/pkg/yilan_bg.wasm') {
      return route.fulfill({ contentType: 'application/wasm', body: wasm });
    }
    if (url.pathname === '/profile/page' && fixture) {
      const html = asPage(readFileSync(join(fixtureDir, fixture), 'utf8'));
      return route.fulfill({ contentType: 'text/html; charset=utf-8', body: html });
    }
    if (url.pathname.startsWith('/profile/')) return route.abort();
    return route.continue();
  });
  const page = await context.newPage();
  await page.goto(fixture ? `${server.url}/profile/page` : `${server.url}/`);
  // Loaded, and warmed past the engine's tier-ups.
  await page.evaluate(
    async ({ url, work }) => {
      const yilan = await import(`${url}/yilan/pkg/index.js`);
      await yilan.default();
      const options = { baseUrl: document.baseURI };
      const encoded = yilan.encodeDom(document);
      const doc = yilan.parseEncoded(encoded, options);
      window.profiledWork = {
        parse: () => yilan.parseEncoded(encoded, options),
        render: () => yilan.renderHtml(doc),
        encode: () => yilan.encodeDom(document),
        all: () => yilan.renderHtml(yilan.parseDom(document)),
      }[work];
      const start = performance.now();
      while (performance.now() - start < 1500) window.profiledWork();
    },
    { url: server.url, work },
  );
  const cdp = await context.newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 50 });
  await cdp.send('Profiler.start');
  const runs = await page.evaluate(() => {
    let n = 0;
    const start = performance.now();
    while (performance.now() - start < 4000) {
      window.profiledWork();
      n += 1;
    }
    return n;
  });
  const { profile } = await cdp.send('Profiler.stop');

  const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
  const parent = new Map();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const timeOf = new Map();
  profile.samples.forEach((id, i) => timeOf.set(id, (timeOf.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
  const label = (node) => {
    const { functionName, url, lineNumber, columnNumber } = node.callFrame;
    return functionName || `(${url.split('/').pop() || 'anonymous'}:${lineNumber}:${columnNumber})`;
  };
  let total = 0;
  const self = new Map();
  for (const [id, time] of timeOf) {
    const name = label(nodes.get(id));
    self.set(name, (self.get(name) ?? 0) + time);
    total += time;
  }
  const percent = (time) => `${((100 * time) / total).toFixed(1).padStart(5)} %`;
  console.log(`${fixture ?? 'www/index.html'}, ${work}: ${runs} runs in 4 s, ${((4000 / runs) * 1000).toFixed(1)} µs a run (under the profiler)`);
  console.log(`\nself time, the ${TOP} largest:`);
  for (const [name, time] of [...self].sort((a, b) => b[1] - a[1]).slice(0, TOP)) {
    console.log(`  ${percent(time)}  ${name.length > 110 ? `${name.slice(0, 110)}…` : name}`);
  }
  if (under.length) {
    console.log('\nunder (inclusive):');
    for (const part of under) {
      let time = 0;
      for (const [id, t] of timeOf) {
        for (let at = id; at !== undefined; at = parent.get(at)) {
          if (label(nodes.get(at)).includes(part)) {
            time += t;
            break;
          }
        }
      }
      console.log(`  ${percent(time)}  ${part}`);
    }
  }
} finally {
  await browser.close();
  await server.close();
}
