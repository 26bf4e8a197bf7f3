// Scaling in the browser: how the package's calls grow with the input, in
// Chromium, on the generated disclosure pages of 100 KB, 1 MB and 10 MB
// that the native benchmark makes (benches/support/corpus.rs). A
// benchmark, not a test: nothing here passes or fails.
//
//   npm run build && npm run bench:scaling [-- --rounds N] [-- --quick] [-- parseText,renderHtml]
//
// The inputs are written by the native benchmark binary
// (`YILAN_BENCH_WRITE`, feature `html` for the pages' HTML) into
// target/bench-inputs/ the first time, and read from there after.
//
// As the native `YILAN_BENCH_SCALING` does (benches/README.md, "Scaling"),
// each round times the three sizes in turns, 100 KB a hundred times, 1 MB
// ten times and 10 MB once, the order rotating from round to round, and the
// ratios are taken within a round, so a change in the machine's speed falls
// on the three alike. Printed per call: the median time per run of each
// size, and the median (and range) over the rounds of the time ratio from
// one size to the next, next to the ratio of the bytes it reads. Each batch
// starts from a collected heap.
//
// The calls, as a page makes them:
//   - parseText(text): the page text, in and out of wasm as strings;
//     each run of a parse ends with a parse of an empty text (some 13 µs),
//     which drops the document made, so that the run pays for freeing it
//     as a native run does, and no run frees another size's (the binding
//     keeps the last parse's document until the next parse);
//   - parseJson(json): the model JSON of that text's document, a space
//     before it (the very text of the last parse's document would be taken
//     as that document, unread);
//   - renderHtml(doc) and speechPlan(doc): the document the last parse
//     returned, untouched (the embed's case: no JSON is read again), so the
//     render or the plan and its result crossing back;
//   - parseHtml(html): the generated page's HTML, through the browser's
//     DOMParser, the walk and the wasm parse;
//   - encodeDom(document): the DOM walk (JavaScript) over a DOMParser
//     document of that HTML;
//   - parseEncoded(encoding): the wasm parse of that walk's encoding;
//   - TextDecoder: the browser decoding renderHtml's output (its UTF-8) into
//     a string, alone, the share of renderHtml that is the browser's own.
//
// Prints a table; writes target/bench-scaling.json.

import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { median, ms, SCALING, scalingSteps } from './bench-targets.mjs';
import { launchChromium } from './chromium.mjs';
import { root, startServer } from './serve.mjs';

const args = process.argv.slice(2);
const QUICK = args.includes('--quick');
const roundsAt = args.indexOf('--rounds');
const ROUNDS = roundsAt >= 0 ? Number(args[roundsAt + 1]) : QUICK ? 5 : 11;
const CALLS = ['parseText', 'parseJson', 'renderHtml', 'speechPlan', 'parseHtml', 'encodeDom', 'parseEncoded', 'TextDecoder'];
const picked = args.find((arg, i) => !arg.startsWith('--') && args[i - 1] !== '--rounds');
const calls = picked ? picked.split(',') : CALLS;
for (const call of calls) {
  if (!CALLS.includes(call)) {
    console.error(`unknown call ${call}; one of ${CALLS.join(', ')}`);
    process.exit(2);
  }
}
if (!(ROUNDS >= 1)) {
  console.error('--rounds needs a number of rounds');
  process.exit(2);
}
/** The generated inputs, smallest first, and the runs of each per batch. */
const SIZES = [
  { id: '100KB', label: '100 KB', runs: 100 },
  { id: '1MB', label: '1 MB', runs: 10 },
  { id: '10MB', label: '10 MB', runs: 1 },
];
/** How long each size's call runs before the rounds (the engines' tiers). */
const WARM_MS = QUICK ? 300 : 1000;

const inputs = join(root, 'target', 'bench-inputs');
if (!SIZES.every((size) => existsSync(join(inputs, `generated--${size.id}.html`)))) {
  console.log(`writing the generated inputs to ${inputs} (the native benchmark binary)`);
  mkdirSync(inputs, { recursive: true });
  const made = spawnSync('cargo', ['bench', '--features', 'html', '--bench', 'pipeline'], {
    cwd: root,
    env: { ...process.env, YILAN_BENCH_WRITE: inputs },
    stdio: 'inherit',
  });
  if (made.status !== 0) {
    console.error('could not write the inputs');
    process.exit(1);
  }
}

const server = await startServer({ port: 0, mounts: { '/inputs/': inputs, '/': join(root, 'www') } });
const browser = await launchChromium(['--js-flags=--expose-gc']);
const page = await browser.newPage();
page.on('pageerror', (error) => console.error(`page error: ${error.message}`));
await page.goto(`${server.url}/portal.css`);
await page.evaluate(
  async ({ url, sizes }) => {
    const yilan = await import(`${url}/yilan/pkg/index.js`);
    await yilan.default();
    window.yilan = yilan;
    /** The UTF-8 bytes of `text`: what a call reads, counted. */
    const utf8 = (text) => new TextEncoder().encode(text).length;
    window.utf8 = utf8;
    window.inputs = await Promise.all(
      sizes.map(async (id) => {
        const text = await (await fetch(`${url}/inputs/generated--${id}--00.txt`)).text();
        const html = await (await fetch(`${url}/inputs/generated--${id}.html`)).text();
        return { text, html, textBytes: utf8(text), htmlBytes: utf8(html) };
      }),
    );
  },
  { url: server.url, sizes: SIZES.map((size) => size.id) },
);

/**
 * Times `call` on the three sizes in turns; returns each size's times per
 * run (one per round) and the bytes the call reads.
 */
function timeCall({ call, runs, rounds, warmMs }) {
  const { parseText, parseJson, renderHtml, speechPlan, parseHtml, encodeDom, parseEncoded } = window.yilan;
  const { utf8 } = window;
  // The binding keeps the document of the last parse (for the render or
  // the mount that usually follows) until the next parse replaces it. A
  // parse's run ends with an empty text parsed, so that each run drops the
  // document it made (as a native run does) and none drops another size's.
  const dropped = (parse) => () => {
    parse();
    parseText('');
  };
  // What each size's runs read, made outside the timing, and the work.
  const works = window.inputs.map((input) => {
    switch (call) {
      case 'parseText':
        return { bytes: input.textBytes, work: dropped(() => parseText(input.text)) };
      case 'parseJson': {
        // A space first: not the very text the last parse handed over,
        // which the binding would take as that parse's document, unread.
        const json = ` ${JSON.stringify(parseText(input.text))}`;
        return { bytes: utf8(json), work: dropped(() => parseJson(json)) };
      }
      case 'renderHtml':
      case 'speechPlan': {
        const fn = call === 'renderHtml' ? renderHtml : speechPlan;
        // The document must be the last parse's for the runs to take it as
        // it is: parsed again (untimed) before each batch.
        let doc = null;
        return {
          bytes: input.textBytes,
          before: () => {
            doc = parseText(input.text);
          },
          work: () => fn(doc),
        };
      }
      case 'parseHtml':
        return { bytes: input.htmlBytes, work: dropped(() => parseHtml(input.html)) };
      case 'encodeDom': {
        const dom = new DOMParser().parseFromString(input.html, 'text/html');
        return { bytes: input.htmlBytes, work: () => encodeDom(dom) };
      }
      case 'parseEncoded': {
        const encoding = encodeDom(new DOMParser().parseFromString(input.html, 'text/html'));
        return { bytes: utf8(encoding), work: dropped(() => parseEncoded(encoding, {})) };
      }
      case 'TextDecoder': {
        const bytes = new TextEncoder().encode(renderHtml(parseText(input.text)));
        const decoder = new TextDecoder();
        return { bytes: bytes.length, work: () => decoder.decode(bytes) };
      }
      default:
        throw new Error(`unknown call ${call}`);
    }
  });
  for (const { before, work } of works) {
    before?.();
    const start = performance.now();
    do work();
    while (performance.now() - start < warmMs);
  }
  const times = works.map(() => []);
  for (let round = 0; round < rounds; round += 1) {
    for (let k = 0; k < works.length; k += 1) {
      const i = (k + round) % works.length;
      const { before, work } = works[i];
      before?.();
      window.gc();
      const start = performance.now();
      for (let n = 0; n < runs[i]; n += 1) work();
      times[i].push((performance.now() - start) / runs[i]);
    }
  }
  return { times, bytes: works.map((w) => w.bytes) };
}

const times = (value) => `${value.toFixed(2)}×`;

const results = { date: new Date().toISOString(), chromium: browser.version(), rounds: ROUNDS, warmMs: WARM_MS, calls: {} };
console.log(`Chromium ${browser.version()}, ${ROUNDS} rounds; time per run (median), and the time ratio from one size to the next (median over the rounds, range) against the ratio of the bytes read`);
for (const call of calls) {
  const { times: runTimes, bytes } = await page.evaluate(timeCall, {
    call,
    runs: SIZES.map((size) => size.runs),
    rounds: ROUNDS,
    warmMs: WARM_MS,
  });
  const steps = scalingSteps(
    SIZES.map((size) => size.id),
    runTimes,
    bytes,
  );
  results.calls[call] = {
    sizes: SIZES.map((size, i) => ({ id: size.id, bytes: bytes[i], median: median(runTimes[i]), mbPerS: bytes[i] / 1e3 / median(runTimes[i]) })),
    steps,
  };
  console.log(call);
  SIZES.forEach((size, i) => {
    const row = results.calls[call].sizes[i];
    console.log(`  ${size.label.padEnd(8)} ${ms(row.median).padStart(12)} ${row.mbPerS.toFixed(1).padStart(8)} MB/s`);
  });
  steps.forEach((step, i) => {
    const [from, to] = [SIZES[i].label, SIZES[i + 1].label];
    const verdict = step.met ? 'within' : 'OVER';
    console.log(`  ${`${from} → ${to}`.padEnd(17)} ${times(step.time)} for ${times(step.bytes)} the bytes (rounds ${times(step.min)}–${times(step.max)}): ${verdict} ${SCALING}× the bytes' growth`);
  });
}

mkdirSync(join(root, 'target'), { recursive: true });
writeFileSync(join(root, 'target', 'bench-scaling.json'), `${JSON.stringify(results, null, 2)}\n`);
console.log('written: target/bench-scaling.json');
await browser.close();
await server.close();
