// The flags the build gives binaryen's wasm-opt (scripts/build.mjs), shared
// with the measuring aids that make a copy of the .wasm with its names
// (scripts/wasm-profile.mjs).

/**
 * The wasm features rustc enables by default for wasm32-unknown-unknown and
 * that wasm-bindgen's output uses; wasm-opt must be told, or it rejects the
 * module (bulk memory) or rewrites what it does not understand.
 */
export const wasmOptArgs = [
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
