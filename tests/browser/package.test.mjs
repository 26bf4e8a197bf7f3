// The npm package as published: manifest, files, and types that match the
// exports; the generated model types are up to date; `tsc` accepts a
// consumer that uses every exported name. Runs in Node (no browser), after
// the build.

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';

import { bannedIn } from '../../scripts/banned.mjs';
import { generate } from '../../scripts/gen-types.mjs';
import { root } from '../../scripts/serve.mjs';

const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));

test('the package version is the crate version', () => {
  const cargo = readFileSync(join(root, 'Cargo.toml'), 'utf8');
  const version = cargo.match(/^version = "([^"]+)"/m)?.[1];
  assert.equal(manifest.version, version);
});

test('the package is ESM with types first in every export', () => {
  assert.equal(manifest.type, 'module');
  for (const [entry, target] of Object.entries(manifest.exports)) {
    if (typeof target === 'object') {
      assert.equal(Object.keys(target)[0], 'types', `exports["${entry}"] lists types first`);
    }
  }
});

test('typesVersions gives each typed subpath export its types, for TypeScript without exports maps (moduleResolution node)', () => {
  const typed = Object.entries(manifest.exports)
    .filter(([entry, target]) => entry !== '.' && typeof target === 'object' && target.types)
    .map(([entry, target]) => [entry.slice(2), [target.types.slice(2)]]);
  assert.deepEqual(Object.entries(manifest.typesVersions?.['*'] ?? {}), typed);
  assert.equal(manifest.types, manifest.exports['.'].types, 'the root types');
});

test('every published file and export target exists after the build', () => {
  for (const file of manifest.files) {
    assert.ok(existsSync(join(root, file)), `files: ${file}`);
  }
  const targets = Object.values(manifest.exports).flatMap((t) => (typeof t === 'string' ? [t] : Object.values(t)));
  for (const target of targets) {
    assert.ok(existsSync(join(root, target)), `exports: ${target}`);
    const published = manifest.files.some((file) => target.replace(/^\.\//, '').startsWith(file)) || target === './package.json';
    assert.ok(published, `${target} is in files`);
  }
});

test('the types declare exactly what the entry exports', async () => {
  const entry = await import('../../pkg/index.js');
  const types = readFileSync(join(root, 'js', 'index.d.ts'), 'utf8');
  const declared = [...types.matchAll(/^export (?:default )?(?:function|class) (\w+)/gm)].map((m) => m[1]);
  const exported = Object.keys(entry).map((name) => (name === 'default' ? entry.default.name : name));
  assert.deepEqual([...declared].sort(), [...exported].sort());
});

test('the types of the element module declare exactly what it exports', async () => {
  const element = await import('../../pkg/element.js');
  const types = readFileSync(join(root, 'js', 'element.d.ts'), 'utf8');
  const declared = [...types.matchAll(/^export (?:const|class|function) (\w+)/gm)].map((m) => m[1]);
  assert.deepEqual(declared.sort(), Object.keys(element).sort());
});

test('the wasm carries none of the code kept out of it (core\'s two-way search, str slicing\'s panic)', (t) => {
  const found = bannedIn(root);
  if (!found.length) {
    t.skip('no build with names in target/ (npm run build first)');
    return;
  }
  assert.deepEqual(found.filter((entry) => entry.found).map((entry) => entry.name), []);
});

test('the published files are what users need, and only that', () => {
  for (const file of manifest.files) {
    assert.match(file, /^(js|pkg|schema)\/|^docs\/(\w+\.md|screenshots\/)|^(CHANGELOG\.md|LICENSE-MIT|LICENSE-APACHE)$/, `${file} is for users`);
  }
  // The licences the manifest names, and every page and picture the README
  // links to (the README is what npm shows).
  assert.equal(manifest.license, 'MIT OR Apache-2.0');
  for (const file of ['LICENSE-MIT', 'LICENSE-APACHE']) assert.ok(manifest.files.includes(file), file);
  const readme = readFileSync(join(root, 'README.md'), 'utf8');
  for (const [, target] of readme.matchAll(/\]\(((?:docs|LICENSE|CHANGELOG)[^)#]*)/g)) {
    assert.ok(manifest.files.includes(target), `the README links to ${target}: published`);
  }
  for (const sourceDir of ['src', 'tests', 'scripts', 'www', 'target', 'benches', 'fuzz']) {
    assert.ok(!manifest.files.some((file) => file.startsWith(`${sourceDir}/`) || file === sourceDir), `${sourceDir} is not published`);
  }
});

test('modules that define something on import are marked as side effects', () => {
  for (const module of ['./pkg/element.js', './pkg/embed.js']) {
    assert.ok(manifest.sideEffects.includes(module), `sideEffects lists ${module}`);
  }
  assert.ok(!manifest.sideEffects.some((entry) => entry.includes('index')), 'the API entry is free of side effects');
});

test('js/model.d.ts is generated from the schema and up to date', () => {
  const schema = JSON.parse(readFileSync(join(root, 'schema', 'document.schema.json'), 'utf8'));
  const current = readFileSync(join(root, 'js', 'model.d.ts'), 'utf8');
  assert.equal(current, generate(schema), 'js/model.d.ts is stale: run `node scripts/gen-types.mjs`');
  // The generator follows the schema: a new field would appear.
  schema.$defs.crumb.properties.rel = { description: 'A new field.', type: 'string' };
  assert.match(generate(schema), /\n {2}rel\?: string;\n/);
});

/** Every name a .d.ts file exports by declaration (not `export *`). */
function exportedNames(file) {
  const text = readFileSync(join(root, 'js', file), 'utf8');
  return [...text.matchAll(/^export (?:default )?(?:declare )?(?:function|class|interface|type|const) (\w+)/gm)].map(
    (m) => m[1],
  );
}

test('the TypeScript consumer uses every exported name', () => {
  const consumer = readFileSync(join(root, 'tests', 'consumer', 'consumer.ts'), 'utf8');
  // Every published .d.ts (embed.d.ts exports nothing).
  const files = readdirSync(join(root, 'js')).filter((file) => file.endsWith('.d.ts'));
  assert.deepEqual(files.sort(), ['element.d.ts', 'embed.d.ts', 'index.d.ts', 'model.d.ts', 'options.d.ts']);
  const names = files.flatMap(exportedNames);
  assert.ok(names.length > 40, `found ${names.length} exported names`);
  const unused = names.filter((name) => !new RegExp(`\\b${name}\\b`).test(consumer));
  assert.deepEqual(unused, [], 'names the consumer does not use');
  assert.match(consumer, /^import 'yilan\/embed';$/m, 'the consumer imports the embed module');
});

test('tsc --noEmit accepts the consumer, with the strictest options', () => {
  const tsc = join(root, 'node_modules', '.bin', 'tsc');
  const result = spawnSync(tsc, ['--noEmit', '-p', join('tests', 'consumer')], { cwd: root, encoding: 'utf8' });
  assert.equal(result.error, undefined, `tsc could not start (run npm ci): ${result.error?.message}`);
  assert.equal(result.status, 0, `tsc reported:\n${result.stdout}${result.stderr}`);
});

test('before init() every call says to load the module first; in Node, init() without the bytes says to pass them', async () => {
  // A module instance of its own, which no other test has loaded.
  const yilan = await import(`../../pkg/index.js?before-init`);
  const calls = {
    parseText: () => yilan.parseText('x'),
    parseJson: () => yilan.parseJson('{}'),
    parseEncoded: () => yilan.parseEncoded('\u00061'),
    parseHtml: () => yilan.parseHtml('<p>x</p>'),
    parseDom: () => yilan.parseDom({ nodeType: 9 }),
    renderHtml: () => yilan.renderHtml('{}'),
    speechPlan: () => yilan.speechPlan('{}'),
    mount: () => yilan.mount({}, '{}'),
    preferences: () => yilan.preferences(),
    stylesheet: () => yilan.stylesheet(),
    themes: () => yilan.themes(),
  };
  for (const [name, call] of Object.entries(calls)) {
    assert.throws(call, { name: 'YilanError', code: 'uninitialized', message: /call init\(\)/ }, name);
  }
  await assert.rejects(yilan.default(), { name: 'YilanError', code: 'unsupported', message: /pass the \.wasm's bytes/ });
  // The way to the bytes it suggests holds from any working directory (a
  // workspace's package, a script run from a folder of its own), as a path
  // relative to node_modules does not.
  await assert.rejects(yilan.default(), { message: /init\(readFileSync\(new URL\('yilan_bg\.wasm', import\.meta\.resolve\('yilan'\)\)\)\)/ });
  assert.equal(
    readFileSync(new URL('yilan_bg.wasm', import.meta.resolve('yilan'))).equals(readFileSync(join(root, 'pkg', 'yilan_bg.wasm'))),
    true,
  );
  await yilan.default(readFileSync(join(root, 'pkg', 'yilan_bg.wasm')));
  assert.equal(yilan.themes().length > 0, true);
});
