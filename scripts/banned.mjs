// Code that must stay out of the wasm, and how to find it: shared by the
// size report (scripts/size.mjs) and the package's tests, which fail on it.

import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Code that must stay out of the wasm, found by the function names that
 * wasm-bindgen's output (before wasm-opt strips them) still carries. Core's
 * two-way string search comes with `str::contains`/`find`/`split_once` of a
 * `&str`, and of a char outside ASCII; its slicing panic brings char
 * escaping and its Unicode tables: together some 4.5 KB of gzip. The
 * crate's byte searches (`src/parse/chars.rs`) do those jobs.
 */
export const BANNED = [
  { name: 'core\'s two-way string search', marker: 'StrSearcher' },
  // Also without the search: a char outside ASCII looked up in a `&str`
  // (`"一二三".contains(c)`) brings the slicing panic alone (5 KB of gzip
  // once). `matches!` on the chars does the job.
  { name: 'str slicing\'s panic message', marker: 'slice_error_fail' },
];

/**
 * Each of `BANNED` with whether the built wasm (with its names, under
 * `root`'s target/) carries it; empty when there is no build.
 */
export function bannedIn(root) {
  const named = join(root, 'target', 'yilan-web', 'bindgen', 'yilan_bg.wasm');
  if (!existsSync(named)) return [];
  const sections = WebAssembly.Module.customSections(new WebAssembly.Module(readFileSync(named)), 'name');
  const names = sections.map((section) => Buffer.from(section).toString('latin1')).join('');
  return BANNED.map((entry) => ({ ...entry, found: names.includes(entry.marker) }));
}
