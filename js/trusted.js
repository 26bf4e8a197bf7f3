// The package's one Trusted Types policy, named "yilan". On a page that
// enforces Trusted Types (`require-trusted-types-for 'script'`), markup
// reaches the DOM only through it, in two places: the view's markup, made
// by the renderer, where every piece of document text is escaped; and
// `parseHtml`'s DOMParser, whose document is inert and never inserted.
// The page allows it with `trusted-types yilan` (see docs).

let policy;

/** `markup` as TrustedHTML of the `yilan` policy, or as is without Trusted Types. */
export function trustedHtml(markup) {
  if (policy === undefined) {
    try {
      policy = globalThis.trustedTypes?.createPolicy('yilan', { createHTML: (input) => input }) ?? null;
    } catch {
      // The page's `trusted-types` list leaves this name out: the sinks
      // then refuse the markup with an error that names the policy.
      policy = null;
    }
  }
  return policy ? policy.createHTML(markup) : markup;
}
