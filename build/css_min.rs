//! A conservative CSS minifier for the hand-written stylesheets: comments
//! dropped, whitespace runs collapsed, and a space removed only where CSS
//! gives it no meaning (next to `{`, `}`, `;`, `,`, after `:` and `(`, before
//! `)`), plus the `;` before a `}`. Strings are copied as written. Spaces
//! that matter stay: the descendant combinator (`.a :is(b)`), between
//! values (`0 calc(…)`, `a + b` in `calc`), before `(` (`and (…)`).

/// Characters after which a following space means nothing.
const TIGHT_AFTER: &[char] = &['{', '}', ';', ',', ':', '('];

/// Characters before which a preceding space means nothing.
const TIGHT_BEFORE: &[char] = &['{', '}', ';', ',', ')'];

/// `css` minified as described in the module documentation. An unclosed
/// comment or string runs to the end, as in a browser.
pub fn minify(css: &str) -> String {
    let mut out = String::with_capacity(css.len());
    let mut space = false;
    let mut chars = css.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '/' && chars.peek() == Some(&'*') {
            chars.next();
            let mut star = false;
            for d in chars.by_ref() {
                if star && d == '/' {
                    break;
                }
                star = d == '*';
            }
            // A comment separates tokens as whitespace does.
            space = true;
            continue;
        }
        if c.is_whitespace() {
            space = true;
            continue;
        }
        if space && needs_space(out.chars().last(), c) {
            out.push(' ');
        }
        space = false;
        if c == '}' && out.ends_with(';') {
            out.pop();
        }
        out.push(c);
        if c == '"' || c == '\'' {
            copy_string(&mut chars, c, &mut out);
        }
    }
    out
}

fn needs_space(last: Option<char>, next: char) -> bool {
    match last {
        None => false,
        Some(last) => !TIGHT_AFTER.contains(&last) && !TIGHT_BEFORE.contains(&next),
    }
}

/// Copies the rest of a string opened by `quote`, escapes included.
fn copy_string(chars: &mut impl Iterator<Item = char>, quote: char, out: &mut String) {
    while let Some(d) = chars.next() {
        out.push(d);
        if d == '\\' {
            if let Some(escaped) = chars.next() {
                out.push(escaped);
            }
        } else if d == quote {
            break;
        }
    }
}
