// Short names for what the .wasm and its glue call each other by.
//
// wasm-bindgen names each import after its JS function plus a hash
// (`__wbg_getAttribute_c7b80d4010284561`, some 150 of them, carried by both
// files; the hashes do not compress), the module they come from
// (`./yilan_bg.js`, on every import) and the exports after the Rust items.
// binaryen's wasm-opt renames all of them in the .wasm
// (--minify-imports-and-exports-and-modules) and prints the mapping as
// JSON; `renameGlue` applies that mapping to the glue. Used by
// scripts/build.mjs, which then checks the two files against each other.

/**
 * The glue `js` with the names of `mapping` (wasm-opt's JSON: `imports` as
 * [module, name, short name], `exports` as [name, short name]) and its
 * import modules all called `module`.
 *
 * Each import must be defined in the glue exactly once, as `name: function`,
 * and named nowhere else; each module must be named once, as the key of its
 * imports; the glue must read every export as `wasm.name`. Anything else is
 * refused, so that a wasm-bindgen that writes its glue differently fails the
 * build instead of making a package that cannot load.
 */
export function renameGlue(js, mapping, module) {
  let renamed = js;
  const count = (text) => js.split(text).length - 1;
  const modules = new Set();
  for (const [from, name, short] of mapping.imports) {
    modules.add(from);
    const definition = new RegExp(`^(\\s+)${literal(name)}(: function\\b)`, 'm');
    if (count(name) !== 1 || !definition.test(js)) {
      throw new Error(`the glue names the import ${name} ${count(name)} times; expected its definition only`);
    }
    renamed = renamed.replace(definition, (_, space, rest) => `${space}${short}${rest}`);
  }
  for (const from of modules) {
    const key = new RegExp(`^(\\s+)"${literal(from)}"(: \\w+,)$`, 'm');
    if (count(`"${from}"`) !== 1 || !key.test(js)) {
      throw new Error(`the glue names the import module ${from} ${count(`"${from}"`)} times; expected one key`);
    }
    renamed = renamed.replace(key, (_, space, rest) => `${space}${JSON.stringify(module)}${rest}`);
  }
  const exports = new Map(mapping.exports);
  renamed = renamed.replace(/\bwasm\.([A-Za-z_$][\w$]*)/g, (whole, name) => {
    const short = exports.get(name);
    if (short === undefined) {
      throw new Error(`the glue reads wasm.${name}, which the .wasm does not export`);
    }
    return `wasm.${short}`;
  });
  return renamed;
}

/** `text` matched literally in a regular expression. */
function literal(text) {
  return text.replace(/[.*+?^$()|[\]{}\\/]/g, '\\$&');
}
