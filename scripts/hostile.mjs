// Hostile input for the fuzz seeds and the browser's XSS test: the vectors
// of tests/fixtures/security/xss-vectors.json and where they go in a
// document model.

import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/** The XSS vectors of tests/fixtures/security. */
export function vectors() {
  return JSON.parse(readFileSync(join(root, 'tests/fixtures/security/xss-vectors.json'), 'utf8'));
}

/** A document with every block type, enum value and optional field. */
export function everyBlock() {
  return JSON.parse(readFileSync(join(root, 'fuzz/seeds/every-block.json'), 'utf8'));
}

/** Fields of model JSON that hold text or a URL. */
export const STRING_FIELDS = new Set([
  'lang', 'title', 'label', 'href', 'value', 'marker', 'heading', 'text', 'lead', 'caption',
  'name', 'fileType', 'date', 'page', 'src', 'alt',
]);

/**
 * A copy of `value` with every text and URL field set to `vector`, still a
 * valid document: a paragraph's `text` stays its inlines' texts joined.
 */
export function withVector(value, vector) {
  if (Array.isArray(value)) return value.map((v) => withVector(v, vector));
  if (value === null || typeof value !== 'object') return value;
  const out = {};
  for (const [key, v] of Object.entries(value)) {
    if (STRING_FIELDS.has(key) && typeof v === 'string') out[key] = vector;
    else if (key === 'organisations') out[key] = v.map(() => vector);
    else out[key] = withVector(v, vector);
  }
  if (Array.isArray(out.inlines) && out.inlines.length > 0) {
    out.text = out.inlines.map((inline) => inline.text).join('');
  }
  return out;
}
