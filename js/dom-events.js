// The browser's half of yilan's HTML front end: one walk over a parsed DOM
// (a DOMParser document or the live page) that encodes the node events for
// wasm in a single string, handed over in one call.
//
// Encoding (version 1; the Rust decoder is src/parse/html/events.rs):
//   header  U+0006 "1"
//   open    U+0001 tag, then per kept attribute (in the element's order)
//           U+0002 name U+0003 value
//   text    U+0005 text
//   close   U+0004
// Characters U+0000 to U+0006 inside text and values become U+FFFD.
//
// The walk follows firstChild / nextSibling / parentNode links, so no stack
// grows with the depth of the page. Skipped elements (script, style, …) are
// not entered; comments are left out. Everything else is decided in Rust.

// BEGIN filter.json (a copy of src/parse/html/filter.json; a test keeps them equal)
const FILTER = {
  "version": 1,
  "skip": [
    "script", "style", "noscript", "template", "link", "frameset", "applet", "canvas",
    "svg", "math", "audio", "video", "source", "track", "map", "select",
    "option", "optgroup", "textarea", "datalist", "dialog"
  ],
  "attrs": [
    "id", "class", "href", "src", "alt", "title", "colspan", "rowspan", "scope",
    "align", "style", "hidden", "aria-hidden", "role", "name", "content",
    "data-src", "data-original", "data", "start", "onclick", "type", "value"
  ],
  "style": ["font-weight", "text-align", "display", "visibility"]
};
// END filter.json

// The DOM's own accessors, taken from the prototypes once: a page can
// shadow the properties of its elements by name ("DOM clobbering": in
// <form><input name="nextSibling"></form>, form.nextSibling is the input),
// which would send a walk by properties in circles. Without the DOM's
// classes (another DOM implementation), the properties are read as is.
function accessor(proto, name) {
  const getter = proto && Object.getOwnPropertyDescriptor(proto, name)?.get;
  return getter ? (node) => getter.call(node) : (node) => node[name];
}
const NODE = globalThis.Node?.prototype;
const ELEMENT = globalThis.Element?.prototype;
const nodeTypeOf = accessor(NODE, 'nodeType');
const firstChildOf = accessor(NODE, 'firstChild');
const nextSiblingOf = accessor(NODE, 'nextSibling');
const parentNodeOf = accessor(NODE, 'parentNode');
const localNameOf = accessor(ELEMENT, 'localName');
const attributesOf = accessor(ELEMENT, 'attributes');
const documentElementOf = accessor(globalThis.Document?.prototype, 'documentElement');
const dataOf = accessor(globalThis.CharacterData?.prototype, 'data');
const getAttribute = ELEMENT?.getAttribute ?? function getAttribute(name) {
  return this.getAttribute(name);
};
// Both or neither: with them, attributes are read by name (see openTag).
const hasAttributes = ELEMENT?.getAttributeNames && ELEMENT?.hasAttributes;
const getAttributeNames = ELEMENT?.getAttributeNames;

const SKIP = new Set(FILTER.skip);
const KEPT_DECLARATION = new RegExp(`(?:^|;)\\s*(${FILTER.style.join('|')})\\s*:([^;]*)`, 'gi');
const HAS_SEPARATOR = /[\u0000-\u0006]/;
const SEPARATORS = /[\u0000-\u0006]/g;

function clean(s) {
  return HAS_SEPARATOR.test(s) ? s.replace(SEPARATORS, '\uFFFD') : s;
}

/**
 * The style attribute reduced to the kept properties (`prop:value;…`): per
 * `;`-separated declaration, the name before its first `:` trimmed and
 * lower-cased, kept when in the table, with its value trimmed. One regular
 * expression finds exactly those declarations (`\s` is what `trim` trims),
 * so the long styles of Word's exports are not split piece by piece.
 */
function reduceStyle(style) {
  let out = '';
  KEPT_DECLARATION.lastIndex = 0;
  for (let m = KEPT_DECLARATION.exec(style); m; m = KEPT_DECLARATION.exec(style)) {
    out += (out ? ';' : '') + m[1].toLowerCase() + ':' + clean(m[2].trim());
  }
  return out;
}

/** The attributes the table keeps. */
const KEPT = new Set(FILTER.attrs);

/**
 * An attribute's piece. Pages repeat a few styles many times (the 300 KB
 * page: 1,347 style attributes, 50 different), so each different style is
 * reduced once per walk (`styles`: the raw value → its piece).
 */
function attrPiece(name, raw, styles) {
  if (name !== 'style') return '\u0002' + name + '\u0003' + clean(raw);
  let piece = styles.get(raw);
  if (piece === undefined) {
    const value = reduceStyle(raw);
    piece = value ? '\u0002style\u0003' + value : '';
    styles.set(raw, piece);
  }
  return piece;
}

// The kept attributes go in the element's own order: the decoder puts them
// in the table's (and keeps the first of a name, which a DOM has once).
function openTag(el, name, opens, styles) {
  // One string per tag name and walk: most elements are only their open
  // piece, and the join copies a flat string faster than a fresh pair.
  let out = opens.get(name);
  if (out === undefined) {
    out = '\u0001' + clean(name);
    opens.set(name, out);
  }
  if (hasAttributes) {
    // Most elements carry no attributes; the rest are read by name, which
    // spares the browser making an Attr object per attribute.
    if (!hasAttributes.call(el)) return out;
    const names = getAttributeNames.call(el);
    for (let i = 0; i < names.length; i += 1) {
      if (KEPT.has(names[i])) out += attrPiece(names[i], getAttribute.call(el, names[i]), styles);
    }
    return out;
  }
  const list = attributesOf(el);
  if (!list) {
    // A DOM without the attribute list: ask for each kept name.
    for (const name of FILTER.attrs) {
      const value = getAttribute.call(el, name);
      if (value !== null) out += attrPiece(name, value, styles);
    }
    return out;
  }
  for (let i = 0; i < list.length; i += 1) {
    if (KEPT.has(list[i].name)) out += attrPiece(list[i].name, list[i].value, styles);
  }
  return out;
}

/**
 * A `YilanError` as the binding throws them: an Error with a stable `code`
 * (and a `path`, an option's name; a `cause`). Here, in the module the
 * package's others all import, so that it is written once.
 */
export function yilanError(code, message, path, cause) {
  const error = new Error(message, cause === undefined ? undefined : { cause });
  error.name = 'YilanError';
  error.code = code;
  if (path !== undefined) error.path = path;
  return error;
}

/**
 * Encodes the events of `root` (a Document or an Element) for
 * `parseEncoded` in wasm. For a document the walk starts at its
 * `documentElement`; an element is itself the first event.
 * @param {Document|Element} root
 * @returns {string}
 */
export function encodeDom(root) {
  let rootType;
  try {
    rootType = nodeTypeOf(root);
  } catch {
    // Not a node at all (the DOM's own getter refuses it).
  }
  if (rootType !== 1 && rootType !== 9) {
    throw yilanError('argument', 'encodeDom(root): root must be a Document or an Element', 'root');
  }
  const start = rootType === 9 ? documentElementOf(root) : root;
  const parts = ['\u00061'];
  const opens = new Map();
  const styles = new Map();
  if (!start) return parts[0];
  let node = start;
  for (;;) {
    let entered = false;
    const type = nodeTypeOf(node);
    if (type === 1) {
      const name = localNameOf(node);
      if (!SKIP.has(name)) {
        parts.push(openTag(node, name, opens, styles));
        const first = firstChildOf(node);
        if (first) {
          node = first;
          entered = true;
        } else {
          parts.push('\u0004');
        }
      }
    } else if (type === 3 || type === 4) {
      parts.push('\u0005', clean(dataOf(node)));
    }
    if (entered) continue;
    // Up until a node has a next sibling, closing each element left.
    for (;;) {
      if (node === start) return parts.join('');
      const next = nextSiblingOf(node);
      if (next) {
        node = next;
        break;
      }
      node = parentNodeOf(node);
      parts.push('\u0004');
    }
  }
}
