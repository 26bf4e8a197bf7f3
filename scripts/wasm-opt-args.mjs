// binaryen's wasm-opt from npm and the flags the build gives it
// (scripts/build.mjs), shared with the measuring aids that make a copy of
// the .wasm with its names (scripts/wasm-profile.mjs).

import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The wasm-opt that `npm ci` installs (binaryen's npm package). */
export const wasmOpt = join(
  dirname(fileURLToPath(import.meta.url)),
  '..',
  'node_modules',
  '.bin',
  process.platform === 'win32' ? 'wasm-opt.cmd' : 'wasm-opt',
);

/**
 * The wasm features rustc enables by default for wasm32-unknown-unknown and
 * that wasm-bindgen's output uses; wasm-opt must be told, or it rejects the
 * module (bulk memory) or rewrites what it does not understand.
 */
export const wasmOptArgs = [
  // Functions that differ only in constants become one with a parameter
  // more, then -Oz twice (a second round still finds some 350 bytes):
  // 1.1 KB of gzip together, for some ten seconds of build.
  // (`--converge` would run the name minifying below more than once.)
  '--merge-similar-functions',
  '-Oz',
  '-Oz',
  '--enable-bulk-memory',
  '--enable-mutable-globals',
  '--enable-nontrapping-float-to-int',
  '--enable-sign-ext',
  '--enable-reference-types',
  '--enable-multivalue',
  // Tool metadata that browsers do not read.
  '--strip-producers',
  '--strip-target-features',
  // Short names for the imports, their module and the exports; the
  // mapping goes to stdout, for the glue (see writeGlue in build.mjs).
  '--minify-imports-and-exports-and-modules',
];
