//! The size limit on page input: page text (and page HTML) never fails, so
//! input beyond the limit is cut, not refused, and the cut is reported as a
//! [`DiagnosticCode::Truncated`] diagnostic.

use super::chars;
use crate::error::{Diagnostic, DiagnosticCode};

/// The default limit on page input: 16 MiB, like model JSON's
/// ([`crate::parse::json::DEFAULT_MAX_BYTES`]), some thousand times the
/// text of the largest page among the test fixtures. It bounds the time and
/// memory one call can take; lower it where that matters.
pub const DEFAULT_MAX_BYTES: usize = 16 * 1024 * 1024;

/// `input` cut to at most `max_bytes` bytes, with the diagnostic that says
/// so, or `input` itself when it fits.
///
/// The cut falls after the last line break within the limit, so that no
/// line is read half; when the first line alone is longer than the limit,
/// it falls at the last character boundary within the limit.
pub fn truncate(input: &str, max_bytes: usize) -> (&str, Option<Diagnostic>) {
    if input.len() <= max_bytes {
        return (input, None);
    }
    let mut end = max_bytes;
    while !input.is_char_boundary(end) {
        end -= 1;
    }
    let within = input.get(..end).unwrap_or_default();
    let (kept, whole_lines) = match chars::rfind_byte(within, b'\n') {
        Some(newline) => (within.get(..=newline).unwrap_or(within), true),
        None => (within, false),
    };
    let lines_kept = kept.matches('\n').count();
    let first_unread = u32::try_from(lines_kept.saturating_add(1)).unwrap_or(u32::MAX);
    let message = if whole_lines {
        format!(
            "the input is {} bytes, more than the limit of {max_bytes}: only its first {} bytes \
             (lines 1 to {lines_kept}) were read",
            input.len(),
            kept.len(),
        )
    } else {
        format!(
            "the input is {} bytes, more than the limit of {max_bytes}: only the first {} bytes \
             of its first line were read",
            input.len(),
            kept.len(),
        )
    };
    let diagnostic = Diagnostic::new(DiagnosticCode::Truncated, message, Some(first_unread));
    (kept, Some(diagnostic))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn input_within_the_limit_is_untouched() {
        assert_eq!(truncate("一、总则\n正文", 100), ("一、总则\n正文", None));
        assert_eq!(truncate("", 0), ("", None));
        assert_eq!(truncate("abc", 3), ("abc", None));
    }

    #[test]
    fn the_cut_falls_after_a_line_break() {
        // 一、总则 is 12 bytes; the limit falls inside the second line.
        let (kept, diagnostic) = truncate("一、总则\n第二行\n第三行", 20);
        assert_eq!(kept, "一、总则\n");
        let diagnostic = diagnostic.unwrap();
        assert_eq!(diagnostic.code, DiagnosticCode::Truncated);
        assert_eq!(diagnostic.line, Some(2));
        assert_eq!(
            diagnostic.message,
            "the input is 32 bytes, more than the limit of 20: only its first 13 bytes \
             (lines 1 to 1) were read"
        );
    }

    #[test]
    fn a_long_first_line_is_cut_at_a_character_boundary() {
        // Each 字 is 3 bytes: 10 bytes hold three of them.
        let (kept, diagnostic) = truncate("字字字字字", 10);
        assert_eq!(kept, "字字字");
        let diagnostic = diagnostic.unwrap();
        assert_eq!(diagnostic.line, Some(1));
        assert!(diagnostic
            .message
            .ends_with("only the first 9 bytes of its first line were read"));
        assert_eq!(truncate("字", 2).0, "");
        assert_eq!(truncate("字", 0).0, "");
    }
}
