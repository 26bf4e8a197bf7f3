// Where the bytes of a .wasm go: sections, and function bodies by name and
// by crate, read from the module's name section. A measuring aid, not part
// of the build.
//
//   node scripts/wasm-top.mjs [file.wasm] [--top 40]
//
// The published pkg/yilan_bg.wasm has no names; build one that keeps them
// from wasm-bindgen's output with the same optimisation:
//
//   node_modules/.bin/wasm-opt -g <the flags of scripts/wasm-opt-args.mjs> \
//     target/yilan-web/bindgen/yilan_bg.wasm -o target/yilan-named.wasm
//
// Sizes are of the raw module; each function's gzip share is estimated by
// compressing the functions of a group together.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

import { root } from './serve.mjs';

const args = process.argv.slice(2);
const topArg = args.indexOf('--top');
const TOP = topArg >= 0 ? Number(args[topArg + 1]) : 40;
const file = args.find((arg, i) => !arg.startsWith('--') && args[i - 1] !== '--top') ?? join(root, 'target', 'yilan-named.wasm');
const bytes = readFileSync(file);

let pos = 8;
function leb() {
  let result = 0;
  let shift = 0;
  for (;;) {
    const byte = bytes[pos];
    pos += 1;
    result += (byte & 0x7f) * 2 ** shift;
    shift += 7;
    if (byte < 0x80) return result;
  }
}
function name() {
  const length = leb();
  const text = bytes.subarray(pos, pos + length).toString('utf8');
  pos += length;
  return text;
}

const SECTION_NAMES = ['custom', 'type', 'import', 'function', 'table', 'memory', 'global', 'export', 'start', 'element', 'code', 'data', 'data count'];
const sections = [];
let importedFunctions = 0;
let bodies = [];
const names = new Map();
while (pos < bytes.length) {
  const id = bytes[pos];
  pos += 1;
  const size = leb();
  const start = pos;
  let label = SECTION_NAMES[id] ?? `section ${id}`;
  if (id === 0) {
    label = `custom "${name()}"`;
    if (label === 'custom "name"') {
      while (pos < start + size) {
        const kind = bytes[pos];
        pos += 1;
        const length = leb();
        const end = pos + length;
        if (kind === 1) {
          const count = leb();
          for (let i = 0; i < count; i += 1) {
            const index = leb();
            names.set(index, name());
          }
        }
        pos = end;
      }
    }
  } else if (id === 2) {
    const count = leb();
    for (let i = 0; i < count; i += 1) {
      name();
      name();
      const kind = bytes[pos];
      pos += 1;
      if (kind === 0) {
        leb();
        importedFunctions += 1;
      } else if (kind === 1) {
        pos += 1;
        const flags = leb();
        leb();
        if (flags & 1) leb();
      } else if (kind === 2) {
        const flags = leb();
        leb();
        if (flags & 1) leb();
      } else {
        pos += 2;
      }
    }
  } else if (id === 10) {
    const count = leb();
    for (let i = 0; i < count; i += 1) {
      const length = leb();
      bodies.push({ index: importedFunctions + i, size: length, data: bytes.subarray(pos, pos + length) });
      pos += length;
    }
  }
  sections.push({ label, size });
  pos = start + size;
}

bodies = bodies.map((body) => ({ ...body, name: names.get(body.index) ?? `func[${body.index}]` }));

/** The crate a function belongs to, from its demangled path. */
function crateOf(fullName) {
  let text = fullName.replace(/^</, '');
  // `<T as Trait>::f` belongs to T's crate; `core::ptr::drop_in_place<T>` to T's.
  const drop = text.match(/^core::ptr::drop_in_place<(.+)>$/);
  if (drop) text = drop[1].replace(/^[&<]+/, '');
  const match = text.match(/^([a-z_][a-z0-9_]*)::/);
  return match ? match[1] : '(other)';
}

const total = bytes.length;
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
console.log(`${file}: ${kb(total)} raw, ${kb(gzipSync(bytes, { level: 9 }).length)} gzip`);
console.log('\nsections:');
for (const section of sections.sort((a, b) => b.size - a.size)) {
  console.log(`  ${section.label.padEnd(28)} ${kb(section.size).padStart(9)}`);
}

const groups = new Map();
for (const body of bodies) {
  const crate = crateOf(body.name);
  const group = groups.get(crate) ?? { size: 0, count: 0, parts: [] };
  group.size += body.size;
  group.count += 1;
  group.parts.push(body.data);
  groups.set(crate, group);
}
console.log('\ncode by crate (gzip: the crate\'s functions compressed alone):');
for (const [crate, group] of [...groups].sort((a, b) => b[1].size - a[1].size)) {
  const gz = gzipSync(Buffer.concat(group.parts), { level: 9 }).length;
  console.log(`  ${crate.padEnd(28)} ${kb(group.size).padStart(9)} ${kb(gz).padStart(9)}  ${String(group.count).padStart(5)} functions`);
}

console.log(`\nlargest ${TOP} functions:`);
for (const body of [...bodies].sort((a, b) => b.size - a.size).slice(0, TOP)) {
  console.log(`  ${kb(body.size).padStart(8)}  ${body.name.length > 150 ? `${body.name.slice(0, 150)}…` : body.name}`);
}
