// Runs every check and test, in order, and stops at the first failure:
//
//   formatting, clippy (native and wasm32), the API docs (rustdoc, warnings
//   denied), the Rust tests, the wasm tests in Chromium, the package build,
//   the real-browser tests (among them `tsc --noEmit` on a TypeScript
//   consumer and the packed package in a Vite app and a plain page), and
//   the cross-engine tests in Firefox, WebKit and Chromium.
//
//   node scripts/test.mjs                   (what `npm test` runs)
//   node scripts/test.mjs --from browser    (start at the first step whose
//                                            name starts with "browser")
//
// The last line is a summary, `N passed, N failed`, counting each test that
// the Rust and Node test runners report plus each check (format, lint,
// build) as one. Exits non-zero when anything failed.

import { spawn } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

const chromedriver = process.env.CHROMEDRIVER || (existsSync('/usr/bin/chromedriver') ? '/usr/bin/chromedriver' : undefined);

/** The `.test.mjs` files of `tests/<dir>`, in order. */
const testFiles = (dir) =>
  readdirSync(join(root, 'tests', dir))
    .filter((name) => name.endsWith('.test.mjs'))
    .sort()
    .map((name) => join('tests', dir, name));
const browserTests = testFiles('browser');
const engineTests = testFiles('engines');

/**
 * The steps. `kind` says how to count: a `check` is one pass or failure;
 * `cargo-test` and `node-test` count the tests their runner reports.
 */
const steps = [
  { name: 'format', kind: 'check', command: 'cargo', args: ['fmt', '--all', '--check'] },
  {
    name: 'clippy (native)',
    kind: 'check',
    command: 'cargo',
    args: ['clippy', '--all-targets', '--all-features', '--', '-D', 'warnings'],
  },
  {
    name: 'clippy (wasm32)',
    kind: 'check',
    command: 'cargo',
    args: ['clippy', '--target', 'wasm32-unknown-unknown', '--lib', '--test', 'web', '--', '-D', 'warnings'],
  },
  {
    name: 'rustdoc',
    kind: 'check',
    command: 'cargo',
    args: ['doc', '--no-deps', '--all-features'],
    env: { RUSTDOCFLAGS: '-D warnings' },
  },
  { name: 'Rust tests', kind: 'cargo-test', command: 'cargo', args: ['test', '--all-features'] },
  {
    name: 'wasm tests in Chromium',
    kind: 'cargo-test',
    command: 'cargo',
    args: ['test', '--target', 'wasm32-unknown-unknown', '--test', 'web'],
    env: chromedriver ? { CHROMEDRIVER: chromedriver } : {},
  },
  { name: 'package build', kind: 'check', command: 'node', args: [join('scripts', 'build.mjs')] },
  {
    name: 'browser tests',
    kind: 'node-test',
    command: 'node',
    args: ['--test', '--test-reporter=spec', ...browserTests],
  },
  {
    name: 'engine tests',
    kind: 'node-test',
    command: 'node',
    args: ['--test', '--test-reporter=spec', ...engineTests],
  },
];

/** Runs a command, echoing its output, and returns its exit code and output. */
function run(step) {
  return new Promise((resolve) => {
    const child = spawn(step.command, step.args, {
      cwd: root,
      env: { ...process.env, ...step.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk) => {
      process.stdout.write(chunk);
      output += chunk;
    });
    child.stderr.on('data', (chunk) => {
      process.stderr.write(chunk);
      output += chunk;
    });
    child.on('error', (error) => {
      output += `\n${error.message}`;
      console.error(`${step.command} could not start: ${error.message}`);
    });
    child.on('close', (code, signal) => resolve({ code: code ?? (signal ? 1 : 0), output }));
  });
}

/** Sums the counts of every line matching `pattern` (passed, failed groups). */
function sum(output, pattern) {
  let passed = 0;
  let failed = 0;
  for (const match of output.matchAll(pattern)) {
    passed += Number(match.groups.passed ?? 0);
    failed += Number(match.groups.failed ?? 0);
  }
  return { passed, failed };
}

/** What a step's output says about its tests. */
function count(step, code, output) {
  let counts = { passed: 0, failed: 0 };
  if (step.kind === 'cargo-test') {
    counts = sum(output, /^test result: \w+\. (?<passed>\d+) passed; (?<failed>\d+) failed/gm);
  } else if (step.kind === 'node-test') {
    const passed = sum(output, /^(?:#|ℹ) pass (?<passed>\d+)$/gm).passed;
    const failed = sum(output, /^(?:#|ℹ) fail (?<failed>\d+)$/gm).failed;
    counts = { passed, failed };
  } else {
    counts = code === 0 ? { passed: 1, failed: 0 } : { passed: 0, failed: 1 };
  }
  // A runner that failed without reporting a failed test (it did not
  // compile, or crashed) still failed.
  if (code !== 0 && counts.failed === 0) {
    counts.failed = 1;
  }
  return counts;
}

const fromArg = process.argv.indexOf('--from');
const from = fromArg > 0 ? process.argv[fromArg + 1] ?? '' : '';
const first = steps.findIndex((step) => step.name.startsWith(from));
if (first < 0) {
  console.error(`no step named "${from}"; steps: ${steps.map((step) => step.name).join(', ')}`);
  process.exit(2);
}

const total = { passed: 0, failed: 0 };
let stoppedAt = -1;
for (const [index, step] of steps.entries()) {
  if (index < first) {
    continue;
  }
  console.log(`\n=== ${index + 1}/${steps.length} ${step.name}: ${step.command} ${step.args.join(' ')}`);
  const started = Date.now();
  const { code, output } = await run(step);
  const counts = count(step, code, output);
  total.passed += counts.passed;
  total.failed += counts.failed;
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  console.log(`=== ${step.name}: ${code === 0 ? 'ok' : `FAILED (exit ${code})`}, ${counts.passed} passed, ${counts.failed} failed, ${seconds} s`);
  if (code !== 0) {
    stoppedAt = index;
    break;
  }
}

console.log('');
if (stoppedAt >= 0) {
  const skipped = steps.slice(stoppedAt + 1).map((step) => step.name);
  console.log(`stopped at "${steps[stoppedAt].name}"${skipped.length ? `; not run: ${skipped.join(', ')}` : ''}`);
}
console.log(`${total.passed} passed, ${total.failed} failed`);
process.exit(stoppedAt >= 0 || total.failed > 0 ? 1 : 0);
