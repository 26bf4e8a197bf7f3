//! Attachments: the note that lists them (附件：1.…), the heading of one
//! printed in full after the document (附件1 某某办法), and the file types a
//! listed attachment may have.

use super::is_digit;
use crate::parse::chars::{self, TrimSpace};
use crate::parse::lines::{char_count_upto, compact, is_space};
use crate::parse::meta;
use crate::parse::numbering::MarkerKind;

/// Labels of an attachment note (附件说明).
/// (Longest first: the first that begins a line is its label.)
const ATTACHMENT_LABELS: &[&str] = &[
    "附件下载",
    "附件列表",
    "相关附件",
    "相关文件",
    "附件",
    "附 件",
    "附　件",
];

/// An attachment note (附件：1.…): the label as written and the byte offset
/// of the first item's text (which may be empty).
pub fn attachment(text: &str) -> Option<(String, usize)> {
    let after = ATTACHMENT_LABELS
        .iter()
        .find_map(|label| text.strip_prefix(label))?;
    let after_digits = after.trim_start_matches(|c: char| c.is_ascii_digit());
    let mut chars = after_digits.chars();
    chars.next().filter(|c| meta::is_colon(*c))?;
    let label = text.get(..text.len() - after_digits.len())?;
    let start = text.len() - chars::trim_start_space(chars.as_str()).len();
    Some((compact(label), start))
}

/// The heading of an attachment printed in full after the document
/// (附件1, 附件 2：, 附件一 某某办法): the label (附件1, spaces removed)
/// and the title on the same line (empty when it is on the next).
pub fn appendix_heading(text: &str) -> Option<(String, &str)> {
    if char_count_upto(text, 60) > 60 || chars::has_char(text, '。') {
        return None;
    }
    let after = ATTACHMENT_LABELS
        .iter()
        .find_map(|label| text.strip_prefix(label))?;
    let after = chars::trim_start_space(after);
    let numeral = |c: char| {
        is_digit(c)
            || matches!(
                c,
                '一' | '二' | '三' | '四' | '五' | '六' | '七' | '八' | '九' | '十'
            )
    };
    let rest = after.trim_start_matches(numeral);
    let number = after.get(..after.len() - rest.len())?;
    if number.is_empty() || number.chars().count() > 3 {
        return None;
    }
    let rest = rest.trim_start_matches(|c: char| meta::is_colon(c) || is_space(c));
    // A file (附件1：某某办法.pdf) is listed, not printed here.
    if file_type(rest).is_some() {
        return None;
    }
    Some((format!("附件{number}"), rest.trim_space()))
}

/// File types an attachment name may end with.
const FILE_TYPES: &[&str] = &[
    "pdf", "doc", "docx", "xls", "xlsx", "wps", "et", "ofd", "zip", "rar", "7z", "jpg", "jpeg",
    "png", "txt", "ppt", "pptx", "csv",
];

/// The file type of an attachment name or link, lower case.
pub fn file_type(name: &str) -> Option<String> {
    let (_, ext) = chars::rsplit_once_byte(name, b'.')?;
    let ext = ext.trim_space().to_ascii_lowercase();
    FILE_TYPES.contains(&ext.as_str()).then_some(ext)
}

/// Whether a marker kind can number attachments (1. 2. or （1）（2）).
pub fn numbers_attachments(kind: MarkerKind) -> bool {
    matches!(kind, MarkerKind::Arabic | MarkerKind::ArabicParen)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn appendix_headings() {
        assert_eq!(appendix_heading("附件1"), Some(("附件1".to_owned(), "")));
        assert_eq!(appendix_heading("附件 2："), Some(("附件2".to_owned(), "")));
        assert_eq!(
            appendix_heading("附件一　某某办法"),
            Some(("附件一".to_owned(), "某某办法"))
        );
        assert_eq!(
            appendix_heading("附件３：申请表"),
            Some(("附件３".to_owned(), "申请表"))
        );
        for not in [
            "附件：1.某某办法",
            "附件1：某某办法.pdf",
            "附件",
            "附件下载",
            "附件1所列单位要按时报送。",
        ] {
            assert_eq!(appendix_heading(not), None, "{not}");
        }
    }

    #[test]
    fn attachments() {
        let (label, start) = attachment("附件：1.名单.xlsx").unwrap();
        assert_eq!(label, "附件");
        assert_eq!(&"附件：1.名单.xlsx"[start..], "1.名单.xlsx");
        assert_eq!(file_type("名单.XLSX").as_deref(), Some("xlsx"));
        assert!(attachment("附件是指").is_none());
    }
}
