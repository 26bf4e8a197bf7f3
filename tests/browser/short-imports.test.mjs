// The build's short import names (scripts/short-imports.mjs): a module
// renamed still instantiates with the renamed glue's functions, and the
// package's .wasm and glue agree on every name.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import test from 'node:test';

import { renameGlue, renameWasm, shortNames } from '../../scripts/short-imports.mjs';
import { root } from '../../scripts/serve.mjs';

const name = (text) => [text.length, ...Buffer.from(text)];
const section = (id, bytes) => [id, bytes.length, ...bytes];

/** A module importing `() -> i32` as `imported` from "./m.js" and a
 * memory, and exporting the function as `run`. */
function module(imported) {
  const importEntries = [
    2, // two imports
    ...name('./m.js'), ...name(imported), 0x00, 0x00, // function of type 0
    ...name('./m.js'), ...name('memory'), 0x02, 0x01, 0x01, 0x02, // memory, 1 to 2 pages
  ];
  return Buffer.from([
    0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00,
    ...section(1, [1, 0x60, 0, 1, 0x7f]), // type 0: () -> i32
    ...section(2, importEntries),
    ...section(7, [1, ...name('run'), 0x00, 0x00]), // export function 0
  ]);
}

test('a renamed module instantiates with the renamed glue', async () => {
  const long = '__wbg_answer_0123456789abcdef';
  const wasm = module(long);
  const names = shortNames(wasm);
  assert.deepEqual([...names.fields], [[long, 'w0'], ['memory', 'w1']]);
  assert.deepEqual([...names.modules], [['./m.js', 'm0']]);

  const renamed = renameWasm(wasm, names);
  assert.deepEqual(
    WebAssembly.Module.imports(new WebAssembly.Module(renamed)).map((i) => `${i.module} ${i.name}`),
    ['m0 w0', 'm0 w1'],
  );
  const glue = [
    'const import0 = {',
    `        ${long}: function() {`,
    '            return 42;',
    '        },',
    '    };',
    'const imports = {',
    '        "./m.js": import0,',
    '    };',
  ].join('\n');
  const renamedGlue = renameGlue(glue, { fields: new Map([[long, 'w0']]), modules: names.modules });
  assert.equal(renamedGlue, glue.replace(long, 'w0').replace('"./m.js"', '"m0"'));

  const w0 = new Function(`${renamedGlue}\nreturn imports.m0.w0;`)();
  const memory = new WebAssembly.Memory({ initial: 1, maximum: 2 });
  const { instance } = await WebAssembly.instantiate(renamed, { m0: { w0, w1: memory } });
  assert.equal(instance.exports.run(), 42);
});

test('a glue that names an import more than once is refused', () => {
  const long = '__wbg_answer_0123456789abcdef';
  const glue = `        ${long}: function() {},\n        other: ${long},`;
  const names = { fields: new Map([[long, 'w0']]), modules: new Map() };
  assert.throws(() => renameGlue(glue, names), /2 times/);
});

test('the package: every import of the .wasm is short and defined by the glue', () => {
  const wasm = readFileSync(join(root, 'pkg', 'yilan_bg.wasm'));
  const glue = readFileSync(join(root, 'pkg', 'yilan.js'), 'utf8');
  const imports = WebAssembly.Module.imports(new WebAssembly.Module(wasm));
  assert.ok(imports.length > 50, `${imports.length} imports`);
  for (const { module: from, name: imported } of imports) {
    assert.equal(from, 'm0');
    assert.match(imported, /^w[0-9a-z]+$/);
    assert.match(glue, new RegExp(`^\\s+${imported}: function`, 'm'), imported);
  }
  assert.doesNotMatch(glue, /^\s+__wbg_\w+_[0-9a-f]{16}: function/m);
  assert.match(glue, /^\s+"m0": import0,$/m);
});
