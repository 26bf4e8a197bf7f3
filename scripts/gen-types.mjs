// Writes js/model.d.ts, the TypeScript types of the document model, from
// schema/document.schema.json (which tests/schema.rs keeps in step with the
// Rust types field for field).
//
//   node scripts/gen-types.mjs           (writes js/model.d.ts)
//   node scripts/gen-types.mjs --check   (exits 1 when the file is stale)
//
// The schema's `$defs` become exported types named in PascalCase (metaField
// → MetaField); objects become interfaces, everything else a type alias.
// The root becomes `DocumentInput` (what parseJson, renderHtml, speechPlan
// and mount accept: only `version` is required) and `Document`, the same
// with every top-level field present, which is what yilan returns.

import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const schemaFile = join(root, 'schema', 'document.schema.json');
const target = join(root, 'js', 'model.d.ts');

/** The widest a doc comment line may be, the ` * ` included. */
const WIDTH = 100;

/** `metaField` → `MetaField`. */
function typeName(def) {
  return def.charAt(0).toUpperCase() + def.slice(1);
}

/** A JSON Schema `type` name → its TypeScript type. */
const PRIMITIVES = {
  string: 'string',
  integer: 'number',
  number: 'number',
  boolean: 'boolean',
  null: 'null',
};

/** A literal type: strings in single quotes, as the rest of the types. */
function literal(value) {
  return typeof value === 'string' ? `'${value.replace(/[\\']/g, '\\$&')}'` : JSON.stringify(value);
}

/** The members of a union a schema node is, or the one type it is. */
function members(node, where) {
  if (node.enum) {
    return node.enum.map(literal);
  }
  if (node.oneOf || node.anyOf) {
    return (node.oneOf ?? node.anyOf).map((branch, i) => typeOf(branch, `${where}[${i}]`));
  }
  return [typeOf(node, where)];
}

/** The TypeScript type of a schema node. */
function typeOf(node, where) {
  if (node.$ref) {
    const match = node.$ref.match(/^#\/\$defs\/(\w+)$/);
    if (!match) {
      throw new Error(`${where}: only local $defs references are supported, got ${node.$ref}`);
    }
    return typeName(match[1]);
  }
  if ('const' in node) {
    return literal(node.const);
  }
  if (node.enum || node.oneOf || node.anyOf) {
    return members(node, where).join(' | ');
  }
  const types = Array.isArray(node.type) ? node.type : [node.type];
  return types
    .map((type) => {
      if (type === 'array') {
        const item = typeOf(node.items ?? {}, `${where}.items`);
        return /[ |&]/.test(item) ? `(${item})[]` : `${item}[]`;
      }
      if (type === 'object') {
        throw new Error(`${where}: an object must be a $defs entry of its own`);
      }
      const primitive = PRIMITIVES[type];
      if (!primitive) {
        throw new Error(`${where}: no TypeScript type for JSON Schema type ${JSON.stringify(type)}`);
      }
      return primitive;
    })
    .join(' | ');
}

/** The bounds a schema states that a type cannot: "1 to 4". */
function bounds(node) {
  const hasMin = typeof node.minimum === 'number';
  const hasMax = typeof node.maximum === 'number';
  if (hasMin && hasMax) {
    return `Range: ${node.minimum} to ${node.maximum}.`;
  }
  if (hasMin) {
    return `At least ${node.minimum}.`;
  }
  if (hasMax) {
    return `At most ${node.maximum}.`;
  }
  return node.pattern ? `Pattern: \`${node.pattern}\`.` : '';
}

/** A doc comment, wrapped, indented by `indent`. */
function comment(text, indent) {
  if (!text) {
    return [];
  }
  const prefix = `${indent} * `;
  const lines = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line && prefix.length + line.length + 1 + word.length > WIDTH) {
      lines.push(line);
      line = word;
    } else {
      line = line ? `${line} ${word}` : word;
    }
  }
  lines.push(line);
  if (lines.length === 1 && indent.length + 7 + lines[0].length <= WIDTH) {
    return [`${indent}/** ${lines[0]} */`];
  }
  return [`${indent}/**`, ...lines.map((l) => `${prefix}${l}`.trimEnd()), `${indent} */`];
}

/** The description of a property, with what the type cannot say. */
function describe(node) {
  const own = [node.description, bounds(node)].filter(Boolean).join(' ');
  if (own || !node.$ref) {
    return own;
  }
  // A property that is only a reference says nothing itself: the referenced
  // definition's description is shown by editors on the type already.
  return '';
}

/** An object definition as an interface. */
function objectInterface(name, node, defs, where) {
  const required = new Set(node.required ?? []);
  const out = [...comment(node.description, ''), `export interface ${name} {`];
  for (const [key, property] of Object.entries(node.properties ?? {})) {
    out.push(...comment(describe(property), '  '));
    const optional = required.has(key) ? '' : '?';
    out.push(`  ${key}${optional}: ${typeOf(property, `${where}.${key}`)};`);
  }
  out.push('}');
  return out;
}

/** A type alias, one member a line when it does not fit on one. */
function alias(name, union) {
  const line = `export type ${name} = ${union.join(' | ')};`;
  if (line.length <= WIDTH || union.length < 2) {
    return [line];
  }
  return [`export type ${name} =`, ...union.map((member, i) => `  | ${member}${i === union.length - 1 ? ';' : ''}`)];
}

/** The whole file's text. */
export function generate(schema) {
  const defs = schema.$defs ?? {};
  const out = [
    '// The document model (model JSON, version 1) as TypeScript types.',
    '// Generated from schema/document.schema.json by scripts/gen-types.mjs:',
    '// do not edit; change the schema (and the Rust types) and run',
    '// `node scripts/gen-types.mjs`. A test fails when this file is stale.',
    '',
  ];
  out.push(
    ...objectInterface('DocumentInput', schema, defs, '$'),
    '',
    ...comment(
      `${schema.title}, as yilan returns it: every top-level field present. ` +
        'Functions that take a document accept a DocumentInput, where only `version` is required.',
      '',
    ),
    'export interface Document extends Required<DocumentInput> {}',
  );
  for (const [def, node] of Object.entries(defs)) {
    out.push('');
    const name = typeName(def);
    if (node.type === 'object') {
      out.push(...objectInterface(name, node, defs, `$defs.${def}`));
    } else {
      out.push(...comment(node.description, ''), ...alias(name, members(node, `$defs.${def}`)));
    }
  }
  return `${out.join('\n')}\n`;
}

const isMain = process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1];
if (isMain) {
  const text = generate(JSON.parse(readFileSync(schemaFile, 'utf8')));
  if (process.argv.includes('--check')) {
    let current = '';
    try {
      current = readFileSync(target, 'utf8');
    } catch {
      // A missing file is stale too.
    }
    if (current !== text) {
      console.error('js/model.d.ts is stale: run `node scripts/gen-types.mjs`');
      process.exit(1);
    }
    console.log('js/model.d.ts is up to date');
  } else {
    writeFileSync(target, text);
    console.log(`wrote ${target}`);
  }
}
