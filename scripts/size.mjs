// Size report of the browser package: raw, gzip and brotli bytes of each
// file a page loads, their total, and the embed loader alone; checked
// against the budget below. Exits non-zero when a budget is exceeded.
// Not part of `npm test`: a size is a target, not a correctness property.
//
//   npm run build && npm run size
//
// Writes target/size.json (the same figures, for tracking).

import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { bannedIn } from './banned.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/**
 * The budget, in bytes of gzip (level 9). `total` covers every file of the
 * package a page loads (the `package` rows); `embed` the loader a portal
 * puts on every page, alone. `aim` is reported, not enforced.
 */
const BUDGET = {
  total: { gzip: 100 * 1024, aim: 60 * 1024 },
  embed: { gzip: 5 * 1024 },
};

/** The files measured: `package` rows add up to the total. */
const FILES = [
  { file: 'pkg/yilan_bg.wasm', role: 'package', what: 'wasm' },
  { file: 'pkg/yilan.js', role: 'package', what: 'JS glue (wasm-bindgen)' },
  { file: 'pkg/index.js', role: 'package', what: 'JS entry' },
  { file: 'pkg/trusted.js', role: 'package', what: 'Trusted Types policy' },
  { file: 'pkg/prefetch.js', role: 'package', what: 'embed prefetch', optional: true },
  { file: 'pkg/dom-events.js', role: 'package', what: 'DOM encoder', optional: true },
  { file: 'pkg/element.js', role: 'package', what: 'custom element', optional: true },
  { file: 'pkg/yilan.css', role: 'package', what: 'CSS' },
  { file: 'pkg/embed.js', role: 'embed', what: 'embed loader', optional: true },
];

function measure(data) {
  return {
    raw: data.length,
    gzip: gzipSync(data, { level: 9 }).length,
    brotli: brotliCompressSync(data, {
      params: { [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY },
    }).length,
  };
}

const kb = (n) => `${(n / 1024).toFixed(1)} KB`;

const rows = [];
for (const entry of FILES) {
  const path = join(root, entry.file);
  if (!existsSync(path)) {
    if (entry.optional) continue;
    console.error(`size: ${entry.file} is missing; run \`npm run build\` first`);
    process.exit(2);
  }
  rows.push({ ...entry, ...measure(readFileSync(path)) });
}

const sum = (key) => rows.filter((r) => r.role === 'package').reduce((n, r) => n + r[key], 0);
const total = { raw: sum('raw'), gzip: sum('gzip'), brotli: sum('brotli') };
const embed = rows.find((r) => r.role === 'embed') ?? null;

const checks = [
  { name: 'total (package) gzip', value: total.gzip, limit: BUDGET.total.gzip },
];
if (embed) {
  checks.push({ name: 'embed loader gzip', value: embed.gzip, limit: BUDGET.embed.gzip });
}
for (const check of checks) check.ok = check.value <= check.limit;

const banned = bannedIn(root);

const line = (name, what, r) =>
  `${name.padEnd(20)} ${what.padEnd(24)} ${kb(r.raw).padStart(9)} ${kb(r.gzip).padStart(9)} ${kb(r.brotli).padStart(9)}`;
console.log(`${'file'.padEnd(20)} ${''.padEnd(24)} ${'raw'.padStart(9)} ${'gzip'.padStart(9)} ${'brotli'.padStart(9)}`);
for (const r of rows.filter((row) => row.role === 'package')) console.log(line(r.file, r.what, r));
console.log(line('total', 'wasm + JS + CSS', total));
if (embed) console.log(line(embed.file, embed.what, embed));
else console.log('pkg/embed.js         (not present: the embed loader is not measured)');
console.log('\nbudget (gzip):');
for (const check of checks) {
  console.log(`  ${check.name.padEnd(22)} ${kb(check.value).padStart(9)} of ${kb(check.limit).padStart(9)}  ${check.ok ? 'ok' : 'OVER'}`);
}
console.log(`  ${'aim for the total'.padEnd(22)} ${kb(total.gzip).padStart(9)} of ${kb(BUDGET.total.aim).padStart(9)}  ${total.gzip <= BUDGET.total.aim ? 'reached' : 'not reached'}`);
if (banned.length) {
  console.log('\nkept out of the wasm:');
  for (const entry of banned) console.log(`  ${entry.name.padEnd(34)} ${entry.found ? 'IN THE WASM' : 'ok'}`);
} else {
  console.log('\n(target/yilan-web/bindgen/yilan_bg.wasm not found: what is kept out of the wasm is not checked)');
}

mkdirSync(join(root, 'target'), { recursive: true });
writeFileSync(
  join(root, 'target', 'size.json'),
  `${JSON.stringify({ date: new Date().toISOString(), budget: BUDGET, files: rows, total, checks, banned }, null, 2)}\n`,
);
console.log('\nwritten: target/size.json');

const over = checks.some((check) => !check.ok);
const carried = banned.some((entry) => entry.found);
if (over) console.error('size: over budget');
if (carried) console.error('size: the wasm carries code kept out of it (see above)');
if (over || carried) process.exit(1);
