// Short names for the imports of the bound module. wasm-bindgen names each
// import after its JS function plus a hash
// (`__wbg_getAttribute_c7b80d4010284561`): some thirty bytes, carried by
// both the .wasm and the glue, for each of some 150 imports, and the hashes
// do not compress. The build renames them in both files to `w0`, `w1`, …
// (in the order of the bound module's imports); nothing else in the glue
// names them. Used by scripts/build.mjs.

/** Reads an unsigned LEB128 number at `at`: [value, next position]. */
function leb(bytes, at) {
  let result = 0;
  let shift = 0;
  for (;;) {
    const byte = bytes[at];
    at += 1;
    result += (byte & 0x7f) * 2 ** shift;
    shift += 7;
    if (byte < 0x80) return [result, at];
  }
}

function writeLeb(n) {
  const out = [];
  do {
    let byte = n % 128;
    n = Math.floor(n / 128);
    if (n > 0) byte |= 0x80;
    out.push(byte);
  } while (n > 0);
  return Buffer.from(out);
}

function writeName(text) {
  const bytes = Buffer.from(text, 'utf8');
  return Buffer.concat([writeLeb(bytes.length), bytes]);
}

/** Where an import descriptor of `kind` starting at `at` ends. */
function skipDescriptor(bytes, kind, at) {
  const limits = (p) => {
    let flags;
    [flags, p] = leb(bytes, p);
    [, p] = leb(bytes, p);
    if (flags & 1) [, p] = leb(bytes, p);
    return p;
  };
  switch (kind) {
    case 0: // function: its type index
      return leb(bytes, at)[1];
    case 1: // table: element type, limits
      return limits(at + 1);
    case 2: // memory: limits
      return limits(at);
    case 3: // global: value type, mutability
      return at + 2;
    case 4: // tag: attribute, type index
      return leb(bytes, at + 1)[1];
    default:
      throw new Error(`import of unknown kind ${kind}`);
  }
}

/** The sections of `wasm`: id and contents. */
function sections(wasm) {
  const list = [];
  let at = 8;
  while (at < wasm.length) {
    const id = wasm[at];
    const [size, body] = leb(wasm, at + 1);
    list.push({ id, body: wasm.subarray(body, body + size) });
    at = body + size;
  }
  return list;
}

/** The imports in an import section's contents. */
function imports(body) {
  const list = [];
  let [count, at] = leb(body, 0);
  for (; count > 0; count -= 1) {
    const read = () => {
      const [length, start] = leb(body, at);
      at = start + length;
      return body.subarray(start, at).toString('utf8');
    };
    const module = read();
    const name = read();
    const kind = body[at];
    const end = skipDescriptor(body, kind, at + 1);
    list.push({ module, name, descriptor: body.subarray(at, end) });
    at = end;
  }
  return list;
}

/** The short name of each import of the bound module, by its name. */
export function shortNames(boundWasm) {
  const section = sections(boundWasm).find((s) => s.id === 2);
  const names = new Map();
  for (const { name } of section ? imports(section.body) : []) {
    if (!names.has(name)) names.set(name, `w${names.size.toString(36)}`);
  }
  return names;
}

/** `wasm` with its imports renamed by `names`. */
export function renameWasm(wasm, names) {
  const parts = [wasm.subarray(0, 8)];
  for (const { id, body } of sections(wasm)) {
    let out = body;
    if (id === 2) {
      const list = imports(body);
      out = Buffer.concat([
        writeLeb(list.length),
        ...list.flatMap(({ module, name, descriptor }) => [
          writeName(module),
          writeName(names.get(name) ?? name),
          descriptor,
        ]),
      ]);
    }
    parts.push(Buffer.from([id]), writeLeb(out.length), out);
  }
  return Buffer.concat(parts);
}

/**
 * The glue with its import functions renamed by `names`; each must be
 * defined exactly once (`name: function`) and named nowhere else.
 */
export function renameGlue(js, names) {
  let renamed = js;
  for (const [name, short] of names) {
    const uses = js.split(name).length - 1;
    const definition = new RegExp(`^(\\s+)${name}(: function)`, 'm');
    if (uses !== 1 || !definition.test(js)) {
      throw new Error(`the glue names the import ${name} ${uses} times; expected its definition only`);
    }
    renamed = renamed.replace(definition, `$1${short}$2`);
  }
  return renamed;
}
