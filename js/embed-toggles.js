// Which of a portal page's own elements are its elderly-mode toggles: the
// links and buttons whose label says so (进入老年模式, 关怀版, 长辈版…),
// or the elements the script tag's data-toggle names. Bundled into
// pkg/embed.js by the build.

/**
 * A page's own links, by their words (spaces removed). ENTER_LINK first;
 * ENTER_FALLBACK (无障碍) only when no ENTER_LINK is on the page, since
 * 无障碍 often opens a different accessibility toolbar. Whole labels only,
 * so a news headline that mentions 适老化 is never a toggle.
 */
const ENTER_LINK = /^(进入|進入|切换到?|切換到?|开启|開啟)?(老年|关怀|關懷|长辈|長輩|适老化|適老化)(模式|版|浏览|瀏覽)?$/;
const ENTER_FALLBACK = /^(进入|進入|开启|開啟)?无障碍(模式|版|浏览|阅读)?$/;
/**
 * The page's own links that leave the mode: the mode's words are part of
 * the label, so a dialog's 关闭, a 返回 link or a logout 退出 is never one.
 * They are answered only in the mode (see `onClick`).
 */
const EXIT_LINK = /^(退出|关闭|關閉|返回)(老年|关怀|關懷|长辈|長輩|适老化|適老化|无障碍)(模式|版|浏览|瀏覽)?$|^(返回)?(标准|標準|普通)版$/;
const CONTROLS = 'a, button, [role="button"]';
/** What takes the focus of itself. */
const FOCUSABLE = 'a[href], button, input, select, textarea, [tabindex]';

/** The script tag's data-toggle: the selector of the page's toggles, if it names them. */
let selector = '';
/** Whether 无障碍 links count as toggles (the page has no other). */
let fallback = false;

/** Takes the script tag's data-toggle. */
export function useSelector(toggle) {
  selector = toggle ?? '';
}

/** The label a control shows (its words, or its image's), spaces removed. */
function label(element) {
  const text = element.getAttribute('aria-label') || element.textContent.trim() ||
    element.querySelector('img[alt]')?.alt || element.getAttribute('title') || '';
  return text.length > 40 ? '' : text.replace(/\s+/g, '');
}

/** 'enter', 'exit' or null: what a page's element does, if it is a toggle. */
export function role(element) {
  if (!element || element.closest('yilan-embed, yilan-embed-view')) return null;
  if (selector) {
    let matches = false;
    try {
      matches = element.matches(selector);
    } catch {
      return null;
    }
    if (!matches) return null;
    return EXIT_LINK.test(label(element)) ? 'exit' : 'enter';
  }
  const text = label(element);
  if (EXIT_LINK.test(text)) return 'exit';
  if (ENTER_LINK.test(text) || (fallback && ENTER_FALLBACK.test(text))) return 'enter';
  return null;
}

/** The toggle an event's target is in: `data-toggle`'s element, else a link or button. */
export function control(target) {
  if (!(target instanceof Element)) return null;
  try {
    return target.closest(selector || CONTROLS);
  } catch {
    return null;
  }
}

/** The page's elements that `data-toggle` names and the embed made focusable, being neither focusable nor holding a control. */
export const operable = new WeakSet();

/** The page's own toggles that enter the mode (無障碍 links only when there are no others). */
export function pageToggles() {
  let candidates = [];
  try {
    candidates = [...document.querySelectorAll(selector || CONTROLS)];
  } catch {
    // A `data-toggle` that is no selector names nothing.
  }
  fallback = false;
  let own = candidates.filter((element) => role(element) === 'enter');
  if (!own.length && !selector) {
    fallback = true;
    own = candidates.filter((element) => role(element) === 'enter');
  }
  return own;
}

/**
 * Whether a page's toggle shows, so that the reader can use it: it has a
 * box, within the window's width (not in a part of a page wider than the
 * phone that only scrolling sideways shows); and where the page is shown
 * shrunk (laid out for a desktop, on a phone) it is 24 px high or more on
 * the screen (the least target size of WCAG 2.5.8): a header link in 13 px
 * text, shown at 0.3 of its size, is 5 px high, which no finger hits.
 */
export function shown(element) {
  const boxed = element.checkVisibility ? element.checkVisibility({ visibilityProperty: true }) : element.getClientRects().length > 0;
  if (!boxed) return false;
  const box = element.getBoundingClientRect();
  const scale = window.visualViewport?.scale ?? 1;
  return box.right > 0 && box.left < document.documentElement.clientWidth && (scale >= 1 || box.height * scale >= 24);
}

/**
 * A toggle that neither takes the focus nor holds a control (an <li
 * onclick> the portal named, an <a> with no href) is made one the keyboard
 * reaches; a button to a screen reader, but a list's item, which stays one.
 */
export function makeOperable(element) {
  if (operable.has(element) || element.matches(FOCUSABLE) || element.querySelector(CONTROLS)) return;
  element.tabIndex = 0;
  if (!element.hasAttribute('role') && element.localName !== 'li') element.setAttribute('role', 'button');
  operable.add(element);
}
