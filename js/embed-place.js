// Where the embed's elements go on a portal page, and how they keep their
// place and size there whatever the page's own styles do (a filter, a
// transform or a zoom on <body> or <html>, rules for every child of
// <body>). Bundled into pkg/embed.js by the build.

/**
 * Adds one of the embed's elements to the page, touching none of the
 * page's own nodes: as the last child of `<body>`; or, where the body
 * would hold its fixed position (a `filter` or `transform` on `<body>`, as
 * a mourning day's grayscale puts there) or shrink it (a `zoom`, as a page
 * scaled to fit its design to a narrower window has), after it, as the
 * last child of `<html>`, where the window holds it (a filter on the root
 * element does not count).
 */
export function append(host) {
  home().append(host);
  unzoom(host);
}

/**
 * The floating button where `<html>` itself holds fixed descendants (a
 * `transform` that scales a page to fit, a `will-change: transform`): no
 * element in the document escapes it, so the button goes to the top layer,
 * where the window holds it (a manual popover: Chromium 114, Firefox 125,
 * Safari 17). Where the browser still puts it elsewhere (WebKit 2.50 puts
 * it at the bottom of the page), it comes back to the document. (The view
 * needs none of it: in the mode the root's transform is set aside, see
 * PAGE_CSS in js/prefetch.js.)
 */
export function lift(host) {
  if (!host.showPopover || unliftable || !host.isConnected || host.matches(':popover-open') || !holdsFixed(document.documentElement)) return;
  host.popover = 'manual';
  host.showPopover();
  const { bottom } = host.getBoundingClientRect();
  unliftable = bottom < 0 || bottom > Math.max(innerHeight, document.documentElement.clientHeight) + 1;
  if (unliftable) host.removeAttribute('popover');
}

let unliftable = false;

/** Where `append` puts an element now: `<body>`, or `<html>` (see `append`). */
export function home() {
  const body = document.body;
  return holdsFixed(body) || zoomOf(body) !== 1 ? document.documentElement : body;
}

/** The CSS `zoom` of `element` (1 where the browser knows none). */
function zoomOf(element) {
  return Number.parseFloat(getComputedStyle(element).zoom) || 1;
}

/**
 * The page's `zoom` undone on the embed's element where it is (on `<html>`,
 * and on `<body>` for the reader's view, which stays in a body that has
 * come to zoom meanwhile): it shows at its own size.
 */
export function unzoom(host) {
  const body = host.parentNode === document.body ? zoomOf(document.body) : 1;
  pin(host, { zoom: String(1 / (zoomOf(document.documentElement) * body)) });
}

/**
 * Whether `element` is the containing block of its fixed descendants (a
 * filter on the root element is not).
 */
function holdsFixed(element) {
  const style = getComputedStyle(element);
  const filters = element === document.documentElement ? [] : ['filter', 'backdropFilter'];
  return [...filters, 'transform', 'translate', 'rotate', 'scale', 'perspective']
    .some((name) => (style[name] ?? 'none') !== 'none')
    || (filters.length ? /filter|transform|perspective|translate|rotate|scale/ : /transform|perspective|translate|rotate|scale/).test(style.willChange)
    || /paint|layout|strict|content/.test(style.contain)
    || (style.containerType ?? 'normal') !== 'normal';
}

/**
 * The box of the embed's own elements, inline and important: a page rule
 * such as 'body > * { width: 1200px }' must not move them. (Setting
 * styles through the CSSOM is allowed under a CSP without 'unsafe-inline'.)
 */
export function pin(element, declarations) {
  for (const [name, value] of Object.entries(declarations)) {
    element.style.setProperty(name, value, 'important');
  }
}

export const BOX = { margin: '0', padding: '0', border: '0', transform: 'none', float: 'none', 'max-width': 'none', 'min-width': '0', 'max-height': 'none' };

/**
 * The view over the page on screen; printed, it is the page (`ON_PAPER`
 * and `PAGE_CSS` in js/prefetch.js, while in the mode only).
 */
export const ON_SCREEN = { position: 'fixed', inset: '0', height: 'auto', overflow: 'auto' };
/** The widget's place: the bottom right corner, no background of its own. */
export const CORNER = { position: 'fixed', right: '16px', bottom: '16px', left: 'auto', top: 'auto', background: 'none', overflow: 'visible' };
