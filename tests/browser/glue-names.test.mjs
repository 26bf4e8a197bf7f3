// The short names the build gives the .wasm's imports and exports
// (wasm-opt) and its glue (scripts/glue-names.mjs): the renaming of the
// glue, what it refuses, and the package, whose two files must agree.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import test from 'node:test';

import { renameGlue } from '../../scripts/glue-names.mjs';
import { root } from '../../scripts/serve.mjs';

/** A glue as wasm-bindgen writes it: imports by name, exports read as `wasm.name`. */
const GLUE = [
  'function __wbg_get_imports() {',
  '    const import0 = {',
  '        __proto__: null,',
  '        __wbg_answer_0123456789abcdef: function() {',
  '            return 42;',
  '        },',
  '        __wbg_twice_fedcba9876543210: function(x) {',
  '            return 2 * x;',
  '        },',
  '    };',
  '    return {',
  '        __proto__: null,',
  '        "./m_bg.js": import0,',
  '    };',
  '}',
  'export function run() { return wasm.run() + wasm.__wbindgen_start(); }',
].join('\n');

const MAPPING = {
  imports: [
    ['./m_bg.js', '__wbg_answer_0123456789abcdef', '$'],
    ['./m_bg.js', '__wbg_twice_fedcba9876543210', 'a'],
  ],
  exports: [
    ['run', 'b'],
    ['__wbindgen_start', '$b'],
  ],
};

test('the glue takes the short names of imports, their module and exports', () => {
  const renamed = renameGlue(GLUE, MAPPING, 'a');
  // `$` is a short name wasm-opt gives; in a replacement pattern it would
  // have been read as a group reference.
  assert.match(renamed, /^ {8}\$: function\(\) \{$/m);
  assert.match(renamed, /^ {8}a: function\(x\) \{$/m);
  assert.match(renamed, /^ {8}"a": import0,$/m);
  assert.match(renamed, /return wasm\.b\(\) \+ wasm\.\$b\(\);/);
  assert.doesNotMatch(renamed, /__wbg_answer|__wbg_twice|m_bg|wasm\.run|__wbindgen_start/);
  const imports = new Function(`${renamed.replace(/^export /m, '')}\nreturn __wbg_get_imports();`)();
  assert.equal(imports.a.$(), 42);
  assert.equal(imports.a.a(4), 8);
});

test('a glue written another way is refused, not half renamed', () => {
  const twice = GLUE.replace('return 42;', 'return import0.__wbg_answer_0123456789abcdef;');
  assert.throws(() => renameGlue(twice, MAPPING, 'a'), /names the import __wbg_answer_0123456789abcdef 2 times/);
  const unknownExport = GLUE.replace('wasm.run()', 'wasm.walk()');
  assert.throws(() => renameGlue(unknownExport, MAPPING, 'a'), /reads wasm\.walk, which the \.wasm does not export/);
  const noModuleKey = GLUE.replace('"./m_bg.js": import0,', "'./m_bg.js': import0,");
  assert.throws(() => renameGlue(noModuleKey, MAPPING, 'a'), /module \.\/m_bg\.js/);
});

test('the package: short names in the .wasm, and the glue loads it and works', async () => {
  const bytes = readFileSync(join(root, 'pkg', 'yilan_bg.wasm'));
  const module = new WebAssembly.Module(bytes);
  const imports = WebAssembly.Module.imports(module);
  const exports = WebAssembly.Module.exports(module);
  assert.ok(imports.length > 50, `${imports.length} imports`);
  assert.equal(new Set(imports.map((i) => i.module)).size, 1, 'one module');
  for (const { module: from, name } of [...imports, ...exports.map((e) => ({ module: 'a', name: e.name }))]) {
    assert.ok(from.length <= 2 && name.length <= 3, `${from} ${name}`);
  }
  const glue = readFileSync(join(root, 'pkg', 'yilan.js'), 'utf8');
  assert.doesNotMatch(glue, /__wbg_\w+_[0-9a-f]{16}|yilan_bg\.js"/, 'no long import names left');
  // The package itself, loaded from its files: every import found, every
  // export read under its new name.
  const yilan = await import(pathToFileURL(join(root, 'js', 'index.js')).href);
  await yilan.default(bytes);
  const doc = yilan.parseText('关于开展老年人助餐服务的通知\n一、总体要求\n做好助餐服务。');
  assert.equal(doc.title, '关于开展老年人助餐服务的通知');
  assert.match(yilan.renderHtml(doc), /<h2 id="yl-s1-h"/);
  assert.ok(yilan.themes().length >= 5);
});
