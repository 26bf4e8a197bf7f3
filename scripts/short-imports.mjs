// Short names for the imports of the bound module. wasm-bindgen names each
// import after its JS function plus a hash
// (`__wbg_getAttribute_c7b80d4010284561`): some thirty bytes, carried by
// both the .wasm and the glue, for each of some 150 imports, and the hashes
// do not compress; each import also names its module (`./yilan_bg.js`).
// The build renames them in both files to `w0`, `w1`, … and the module to
// `m0` (in the order of the bound module's imports); nothing else in the
// glue names them. Used by scripts/build.mjs.

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

/**
 * The short names for the imports of the bound module: `fields` for each
 * import by its name, `modules` for each module it imports from (the
 * glue, `./yilan_bg.js`, named on every import).
 */
export function shortNames(boundWasm) {
  const section = sections(boundWasm).find((s) => s.id === 2);
  const fields = new Map();
  const modules = new Map();
  for (const { module, name } of section ? imports(section.body) : []) {
    if (!fields.has(name)) fields.set(name, `w${fields.size.toString(36)}`);
    if (!modules.has(module)) modules.set(module, `m${modules.size.toString(36)}`);
  }
  return { fields, modules };
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
          writeName(names.modules.get(module) ?? module),
          writeName(names.fields.get(name) ?? name),
          descriptor,
        ]),
      ]);
    }
    parts.push(Buffer.from([id]), writeLeb(out.length), out);
  }
  return Buffer.concat(parts);
}

/**
 * The glue with its import functions and modules renamed by `names`; each
 * function must be defined exactly once (`name: function`) and named
 * nowhere else, each module named once, as the key of its functions.
 */
export function renameGlue(js, names) {
  let renamed = js;
  const once = (name, pattern, replacement) => {
    const uses = js.split(name).length - 1;
    if (uses !== 1 || !pattern.test(js)) {
      throw new Error(`the glue names the import ${name} ${uses} times; expected its definition only`);
    }
    renamed = renamed.replace(pattern, replacement);
  };
  for (const [name, short] of names.fields) {
    once(name, new RegExp(`^(\\s+)${escape(name)}(: function)`, 'm'), `$1${short}$2`);
  }
  for (const [module, short] of names.modules) {
    once(module, new RegExp(`^(\\s+)"${escape(module)}"(: \\w+,)$`, 'm'), `$1"${short}"$2`);
  }
  return renamed;
}

/** `text` matched literally in a regular expression. */
function escape(text) {
  return text.replace(/[.*+?^$()|[\]{}\\/]/g, '\\$&');
}
