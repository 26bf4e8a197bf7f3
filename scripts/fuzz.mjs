#!/usr/bin/env node
// Runs each fuzz target of fuzz/ for a bounded time, one after the other,
// on a seed corpus built from tests/fixtures, and prints runs and
// executions per second for each. Not part of `npm test`: see fuzz/README.md.
//
//   node scripts/fuzz.mjs                    # every target, 60 s each
//   node scripts/fuzz.mjs --seconds 600      # ten minutes each
//   node scripts/fuzz.mjs render_json        # one target
//   node scripts/fuzz.mjs --sanitizer address
//
// Exits non-zero when a target finds a crash (the input is in
// fuzz/artifacts/<target>/) or fails to build.

import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { everyBlock as everyBlockDocument, vectors, withVector } from './hostile.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const fuzzDir = join(root, 'fuzz');

/** Each target and the kind of input it reads (which seeds and dictionary). */
const TARGETS = {
  parse_text: 'text',
  parse_json: 'json',
  render_text: 'text',
  render_json: 'json',
  speech_text: 'text',
  parse_html: 'html',
  render_html: 'html',
};

/** The largest input libFuzzer makes, by kind: the HTML fixtures run to 300 KB. */
const MAX_LEN = { text: 16384, json: 16384, html: 65536 };

function usage(message) {
  if (message) console.error(message);
  console.error(`usage: node scripts/fuzz.mjs [--seconds N] [--sanitizer address|none] [target…]
targets: ${Object.keys(TARGETS).join(', ')}`);
  process.exit(2);
}

function parseArgs(argv) {
  const options = {
    seconds: Number(process.env.FUZZ_SECONDS ?? 60),
    // The crate has no unsafe code, so AddressSanitizer finds little and
    // costs half the speed; it stays one flag away.
    sanitizer: process.env.FUZZ_SANITIZER ?? 'none',
    targets: [],
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--seconds') options.seconds = Number(argv[++i]);
    else if (arg === '--sanitizer') options.sanitizer = argv[++i];
    else if (arg === '--help' || arg === '-h') usage();
    else if (arg in TARGETS) options.targets.push(arg);
    else usage(`unknown argument ${arg}`);
  }
  if (!(options.seconds > 0)) usage('--seconds takes a positive number');
  if (!['address', 'none'].includes(options.sanitizer)) usage('--sanitizer is address or none');
  if (options.targets.length === 0) options.targets = Object.keys(TARGETS);
  return options;
}

let cargoEnv = process.env;

function run(command, args, extra = {}) {
  return spawnSync(command, args, { cwd: fuzzDir, env: cargoEnv, encoding: 'utf8', ...extra });
}

/** The host's target triple, under which cargo-fuzz puts its binaries. */
function hostTriple() {
  const info = spawnSync('rustc', ['-vV'], { encoding: 'utf8' }).stdout ?? '';
  const host = info.match(/^host: (\S+)$/m);
  if (!host) {
    console.error('rustc -vV did not name the host');
    process.exit(1);
  }
  return host[1];
}

/**
 * What libFuzzer said about a crash, without the backtrace and the input's
 * bytes: the panic message or the kind of failure, and where the input is.
 */
function crashSummary(output) {
  const lines = output.split('\n');
  const keep = [];
  lines.forEach((line, i) => {
    if (line.includes('panicked at')) keep.push(line, lines[i + 1] ?? '');
    else if (/ERROR: libFuzzer|SUMMARY:|Test unit written to/.test(line)) {
      keep.push(line.trim());
    }
  });
  return keep.join('\n');
}

function ensureCargoFuzz() {
  if (run('cargo', ['fuzz', '--version']).status === 0) return;
  console.log('installing cargo-fuzz from crates.io …');
  const install = run('cargo', ['install', 'cargo-fuzz'], { stdio: 'inherit' });
  if (install.status !== 0) {
    console.error('could not install cargo-fuzz');
    process.exit(1);
  }
}

function writeSeed(dir, content) {
  const name = createHash('sha1').update(content).digest('hex');
  writeFileSync(join(dir, name), content);
}

/**
 * Seeds, rebuilt on every run: the text fixtures, the XSS vectors alone
 * and inside a line of page text; model JSON of the fixtures (the reviewed
 * expectations), a document with every block type, and that document with
 * each vector in every text and URL field; the HTML fixtures, and each
 * vector alone and inside a page's content.
 */
function buildSeeds() {
  const seeds = join(fuzzDir, 'corpus', 'seeds');
  rmSync(seeds, { recursive: true, force: true });
  const text = join(seeds, 'text');
  const json = join(seeds, 'json');
  const html = join(seeds, 'html');
  for (const dir of [text, json, html]) mkdirSync(dir, { recursive: true });
  const htmlFixtures = join(root, 'tests/fixtures/html');
  for (const file of readdirSync(htmlFixtures).filter((f) => f.endsWith('.html'))) {
    writeSeed(html, readFileSync(join(htmlFixtures, file)));
  }
  for (const vector of vectors()) {
    writeSeed(html, `<div id="zoom"><p>一、总体情况</p><p>${vector}</p></div>`);
    writeSeed(html, vector);
  }
  const textFixtures = join(root, 'tests/fixtures/text');
  for (const file of readdirSync(textFixtures).filter((f) => f.endsWith('.txt'))) {
    writeSeed(text, readFileSync(join(textFixtures, file)));
  }
  for (const vector of vectors()) {
    writeSeed(text, vector);
    writeSeed(text, `一、总体情况\n${vector}\n索引号：${vector}\n`);
  }
  const expected = join(root, 'tests/expected/text');
  for (const file of readdirSync(expected).filter((f) => f.endsWith('.json'))) {
    writeSeed(json, readFileSync(join(expected, file)));
  }
  const everyBlock = everyBlockDocument();
  writeSeed(json, JSON.stringify(everyBlock, null, 2));
  for (const vector of vectors()) {
    writeSeed(json, JSON.stringify(withVector(everyBlock, vector)));
  }
  return { text, json, html };
}

/** libFuzzer's last `#N DONE … exec/s: E` or `Done N runs in S second(s)`. */
function figures(output) {
  const done = [...output.matchAll(/Done (\d+) runs in (\d+) second/g)].pop();
  const rate = [...output.matchAll(/exec\/s: (\d+)/g)].pop();
  const cov = [...output.matchAll(/cov: (\d+)/g)].pop();
  const units = output.match(/stat::number_of_executed_units:\s*(\d+)/);
  return {
    runs: done ? Number(done[1]) : units ? Number(units[1]) : null,
    seconds: done ? Number(done[2]) : null,
    execsPerSecond: rate ? Number(rate[1]) : null,
    coverage: cov ? Number(cov[1]) : null,
  };
}

function main() {
  const options = parseArgs(process.argv.slice(2));
  // The sanitizer needs rustc's -Zsanitizer; RUSTC_BOOTSTRAP lets the stable
  // compiler take it. Without a sanitizer every flag cargo-fuzz passes is stable.
  if (options.sanitizer !== 'none') cargoEnv = { ...process.env, RUSTC_BOOTSTRAP: '1' };
  ensureCargoFuzz();
  const seeds = buildSeeds();
  const sanitizer = ['--sanitizer', options.sanitizer];
  console.log(`building the fuzz targets, sanitizer ${options.sanitizer} …`);
  const build = run('cargo', ['fuzz', 'build', ...sanitizer], { stdio: 'inherit' });
  if (build.status !== 0) {
    console.error('the fuzz targets did not build');
    process.exit(1);
  }
  const results = [];
  for (const target of options.targets) {
    const kind = TARGETS[target];
    const corpus = join(fuzzDir, 'corpus', target);
    mkdirSync(corpus, { recursive: true });
    console.log(`\n== ${target}: ${options.seconds} s`);
    const artifacts = join(fuzzDir, 'artifacts', target);
    mkdirSync(artifacts, { recursive: true });
    // The binary cargo-fuzz built, run directly: `cargo fuzz run` would build
    // again before each target, picking up any edit made meanwhile.
    const fuzz = run(
      join(fuzzDir, 'target', hostTriple(), 'release', target),
      [
        `-artifact_prefix=${artifacts}/`,
        `-max_total_time=${options.seconds}`,
        `-max_len=${MAX_LEN[kind]}`,
        `-dict=${join(fuzzDir, 'dicts', `${kind}.dict`)}`,
        // A pathologically slow input is a finding too (no quadratic time).
        '-timeout=10',
        '-print_final_stats=1',
        corpus,
        seeds[kind],
      ],
      { maxBuffer: 1 << 30 },
    );
    const output = `${fuzz.stdout}${fuzz.stderr}`;
    writeFileSync(join(fuzzDir, 'corpus', `${target}.log`), output);
    // A signal from outside (a stopped session, Ctrl-C) is not a finding.
    const interrupted = /libFuzzer: run interrupted/.test(output);
    const found = fuzz.status !== 0 && !interrupted;
    if (found) console.log(crashSummary(output));
    const f = figures(output);
    results.push({ target, found, interrupted, ...f });
    console.log(
      `${found ? 'FOUND a crash' : interrupted ? 'interrupted' : 'no crash'}: ${f.runs ?? '?'} runs in ${f.seconds ?? '?'} s, ` +
        `${f.execsPerSecond ?? '?'} exec/s, coverage ${f.coverage ?? '?'}`,
    );
  }
  console.log('\ntarget        runs        exec/s  result');
  for (const r of results) {
    console.log(
      `${r.target.padEnd(13)} ${String(r.runs ?? '?').padStart(10)} ${String(r.execsPerSecond ?? '?').padStart(8)}  ` +
        (r.found ? `crash, see fuzz/artifacts/${r.target}/` : r.interrupted ? 'interrupted' : 'ok'),
    );
  }
  process.exit(results.some((r) => r.found || r.interrupted) ? 1 : 0);
}

main();
