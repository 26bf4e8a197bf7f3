// Builds the browser package: the crate compiled to wasm32, bound with the
// pinned wasm-bindgen CLI, shrunk with binaryen's wasm-opt from npm (which
// also gives its imports and exports short names), written to pkg/ with its
// JavaScript glue renamed to match (scripts/glue-names.mjs) and minified
// (rolldown's minifier), the stylesheet (pkg/yilan.css) and the embed
// loader, bundled and minified (pkg/embed.js, from js/embed.js and the
// js/embed-*.js it imports). Each step after cargo
// is skipped when its inputs did not change.
//
//   node scripts/build.mjs
//
// Never uses a wasm-opt from PATH: Debian's wasm-opt 108 silently breaks
// wasm-bindgen output (Chromium then fails with "Table.set(): Argument 1 is
// invalid for table").

import { createHash } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { rolldown } from 'rolldown';
import { minifySync } from 'rolldown/utils';

import { renameGlue } from './glue-names.mjs';
import { wasmOpt, wasmOptArgs } from './wasm-opt-args.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const crate = 'yilan';
const rawWasm = join(root, 'target', 'wasm32-unknown-unknown', 'release', `${crate}.wasm`);
const stage = join(root, 'target', 'yilan-web');
const bindgenDir = join(stage, 'bindgen');
const pkg = join(root, 'pkg');

/** wasm-opt's mapping of the names it shortened, kept for the glue. */
const namesFile = join(stage, 'names.json');

/** Runs a command, failing the build if it fails; its result (for a captured stdout). */
function run(command, args, options = {}) {
  console.log(`$ ${[command, ...args].join(' ')}`);
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', ...options });
  if (result.error) {
    throw new Error(`${command} could not start: ${result.error.message}`);
  }
  if (result.status !== 0) {
    throw new Error(`${command} exited with ${result.status ?? result.signal}`);
  }
  return result;
}

function output(command, args) {
  const result = spawnSync(command, args, { cwd: root, encoding: 'utf8' });
  return result.status === 0 ? result.stdout.trim() : null;
}

function hash(...parts) {
  const h = createHash('sha256');
  for (const part of parts) {
    h.update(part);
    h.update('\0');
  }
  return h.digest('hex');
}

function readStamp(name) {
  const file = join(stage, `${name}.stamp`);
  return existsSync(file) ? readFileSync(file, 'utf8') : null;
}

function writeStamp(name, value) {
  writeFileSync(join(stage, `${name}.stamp`), value);
}

/** The wasm-bindgen version pinned in Cargo.toml (`wasm-bindgen = "=X"`). */
function pinnedBindgen() {
  const manifest = readFileSync(join(root, 'Cargo.toml'), 'utf8');
  const match = manifest.match(/^wasm-bindgen = "=([^"]+)"/m);
  if (!match) {
    throw new Error('Cargo.toml must pin wasm-bindgen exactly (wasm-bindgen = "=X.Y.Z")');
  }
  return match[1];
}

function compile() {
  run('cargo', ['build', '--lib', '--target', 'wasm32-unknown-unknown', '--release']);
}

function bind() {
  const want = pinnedBindgen();
  const have = output('wasm-bindgen', ['--version'])?.split(/\s+/)[1];
  if (have !== want) {
    throw new Error(
      `wasm-bindgen CLI ${have ?? 'is missing'}; the crate pins ${want}. ` +
        'Run `bash scripts/setup.sh` to install it.',
    );
  }
  const stamp = hash(readFileSync(rawWasm), want);
  const done = [`${crate}.js`, `${crate}_bg.wasm`].every((f) => existsSync(join(bindgenDir, f)));
  if (done && readStamp('bindgen') === stamp) {
    console.log('wasm-bindgen: input unchanged, skipped');
    return;
  }
  run('wasm-bindgen', ['--target', 'web', '--out-dir', bindgenDir, rawWasm]);
  writeStamp('bindgen', stamp);
}

function optimise() {
  if (!existsSync(wasmOpt)) {
    throw new Error('node_modules/.bin/wasm-opt is missing: run `npm ci` (binaryen is a devDependency).');
  }
  const input = join(bindgenDir, `${crate}_bg.wasm`);
  const target = join(pkg, `${crate}_bg.wasm`);
  const version = output(wasmOpt, ['--version']) ?? '';
  const stamp = hash(readFileSync(input), version, wasmOptArgs.join(' '));
  const previous = readStamp('wasm-opt');
  // The stamp records the output's hash too, so a pkg/ file changed or
  // removed by hand is rebuilt.
  if (existsSync(target) && existsSync(namesFile) && previous === `${stamp} ${hash(readFileSync(target))}`) {
    console.log('wasm-opt: input unchanged, skipped');
    return;
  }
  const { stdout } = run(wasmOpt, [...wasmOptArgs, input, '-o', target], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
  writeFileSync(namesFile, stdout);
  writeStamp('wasm-opt', `${stamp} ${hash(readFileSync(target))}`);
}

/**
 * Writes wasm-bindgen's JavaScript glue into pkg/ with the short names
 * wasm-opt gave the .wasm, minified: the glue is generated (nobody edits or
 * reads it; the package's types are js/index.d.ts, so wasm-bindgen's own
 * .d.ts files, which name the long names, are not copied), and its doc
 * comments, hashed import names and long local names were most of what it
 * weighed.
 */
function writeGlue() {
  const target = join(pkg, `${crate}.js`);
  const content = glue(readFileSync(join(bindgenDir, `${crate}.js`), 'utf8'));
  if (!existsSync(target) || readFileSync(target, 'utf8') !== content) {
    writeFileSync(target, content);
  }
}

/** The glue renamed to the .wasm's short names, checked against it, minified. */
function glue(js) {
  const wasm = new WebAssembly.Module(readFileSync(join(pkg, `${crate}_bg.wasm`)));
  const imports = WebAssembly.Module.imports(wasm);
  const modules = [...new Set(imports.map((i) => i.module))];
  if (modules.length !== 1) {
    throw new Error(`the .wasm imports from ${modules.length} modules; expected one`);
  }
  const mapping = JSON.parse(readFileSync(namesFile, 'utf8'));
  // The mapping must cover exactly what the .wasm names.
  const short = (list) => list.map((entry) => entry.at(-1)).sort().join(' ');
  if (short(mapping.imports) !== imports.map((i) => i.name).sort().join(' ')
    || short(mapping.exports) !== WebAssembly.Module.exports(wasm).map((e) => e.name).sort().join(' ')) {
    throw new Error('wasm-opt\'s name mapping does not match the .wasm it wrote');
  }
  const renamed = renameGlue(js, mapping, modules[0]);
  const minified = minifySync(`${crate}.js`, renamed, { compress: true, mangle: true, module: true });
  if (minified.errors?.length) {
    throw new Error(`minifying the glue: ${minified.errors.map((e) => e.message).join('; ')}`);
  }
  return minified.code;
}

function sizes(files) {
  const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
  console.log('\nsize (raw / gzip / brotli):');
  for (const file of files) {
    const data = readFileSync(file);
    const gzip = gzipSync(data, { level: 9 }).length;
    const brotli = brotliCompressSync(data, {
      params: { [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY },
    }).length;
    console.log(`  ${relative(root, file).padEnd(22)} ${kb(data.length).padStart(9)} / ${kb(gzip).padStart(9)} / ${kb(brotli).padStart(9)}`);
  }
}

/**
 * Writes pkg/yilan.css: the stylesheet the crate builds (its layout plus the
 * theme blocks generated from the theme data), taken from the fresh package
 * itself so the file and the wasm never disagree.
 */
async function writeStylesheet() {
  const yilan = await import(pathToFileURL(join(root, 'js', 'index.js')).href);
  await yilan.default(readFileSync(join(pkg, `${crate}_bg.wasm`)));
  const target = join(pkg, `${crate}.css`);
  const css = yilan.stylesheet();
  if (!existsSync(target) || readFileSync(target, 'utf8') !== css) {
    writeFileSync(target, css);
  }
}

/**
 * The package's JavaScript modules, written minified from js/ into pkg/:
 * the embed, which portals load on every page view, and the modules a
 * reader's first entry loads (the entry, its DOM encoder and Trusted Types
 * policy, the embed's prefetch, the custom element). Their comments and
 * long names are for readers of the source. The sources name the package's
 * files as `../pkg/…` (so that they run from js/); in pkg/ those paths
 * become `./…`, so that the published files work from a folder of any name.
 */
const MODULES = ['embed', 'index', 'dom-events', 'trusted', 'prefetch', 'element'];

/**
 * The embed as one file: its own modules (js/embed-*.js) bundled into it,
 * so that a page view fetches one file; the package's files it loads
 * (`../pkg/…`) stay separate.
 */
async function bundled(name) {
  const bundle = await rolldown({ input: join(root, 'js', `${name}.js`), external: [/^\.\.\/pkg\//], logLevel: 'warn' });
  try {
    const { output } = await bundle.generate({ format: 'esm' });
    if (output.length !== 1) throw new Error(`bundling js/${name}.js gave ${output.length} files`);
    return output[0].code;
  } finally {
    await bundle.close();
  }
}

async function writeModules() {
  for (const name of MODULES) {
    // (Only the embed is bundled: the others are the package's own files.)
    const code = name === 'embed' ? await bundled(name) : readFileSync(join(root, 'js', `${name}.js`), 'utf8');
    const source = code.replaceAll(/(['"])\.\.\/pkg\//g, '$1./');
    // The API's functions and classes keep their names (`init.name`, stack
    // traces); the embed, which exports nothing, need not.
    const names = name === 'embed' ? {} : { keepNames: { function: true, class: true } };
    const minified = minifySync(`${name}.js`, source, { compress: names, mangle: names, module: true });
    if (minified.errors?.length) {
      throw new Error(`minifying js/${name}.js: ${minified.errors.map((e) => e.message).join('; ')}`);
    }
    const target = join(pkg, `${name}.js`);
    if (!existsSync(target) || readFileSync(target, 'utf8') !== minified.code) {
      writeFileSync(target, minified.code);
    }
  }
}

try {
  mkdirSync(stage, { recursive: true });
  mkdirSync(pkg, { recursive: true });
  compile();
  bind();
  optimise();
  writeGlue();
  await writeStylesheet();
  await writeModules();
  sizes(
    [`pkg/${crate}_bg.wasm`, `pkg/${crate}.js`, 'pkg/index.js', `pkg/${crate}.css`, 'pkg/embed.js']
      .map((file) => join(root, file))
      .filter(existsSync),
  );
} catch (error) {
  console.error(`build failed: ${error.message}`);
  process.exit(1);
}
