//! The fields of a [`Document`] and of a [`Section`] without their blocks.
//!
//! Blocks are read one by one in `read.rs`, with an explicit stack; these
//! mirrors read the other fields, with the same names, defaults and
//! messages, and take the block list only as present or absent. Under test
//! they also have serde's derived readers (the reference the hand-written
//! ones are compared with), and unit tests check that those agree with the
//! model's own.

#[cfg(test)]
use serde::Deserialize;

use crate::error::Diagnostic;
use crate::model::{Action, Crumb, Document, MetaField, Section};

/// A block list, only checked for presence (its blocks are read elsewhere).
#[derive(Default)]
pub(super) struct Present;

#[cfg(test)]
impl<'de> Deserialize<'de> for Present {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        serde::de::IgnoredAny::deserialize(deserializer).map(|_| Present)
    }
}

/// [`Document`] with `body` only checked for presence.
#[cfg_attr(test, derive(Deserialize))]
#[cfg_attr(test, serde(rename_all = "camelCase", deny_unknown_fields))]
pub(super) struct DocumentHead {
    pub(super) version: u32,
    #[cfg_attr(test, serde(default = "default_lang"))]
    pub(super) lang: String,
    pub(super) title: Option<String>,
    #[cfg_attr(test, serde(default))]
    pub(super) breadcrumb: Vec<Crumb>,
    #[cfg_attr(test, serde(default))]
    pub(super) meta: Vec<MetaField>,
    #[cfg_attr(test, serde(default))]
    pub(super) body: Present,
    #[cfg_attr(test, serde(default))]
    pub(super) actions: Vec<Action>,
    #[cfg_attr(test, serde(default))]
    pub(super) diagnostics: Vec<Diagnostic>,
}

#[cfg(test)]
fn default_lang() -> String {
    Document::default().lang
}

impl DocumentHead {
    /// The document, with `body` as given.
    pub(super) fn with_body(self, body: Vec<crate::model::Block>) -> Document {
        let Present = self.body;
        Document {
            version: self.version,
            lang: self.lang,
            title: self.title,
            breadcrumb: self.breadcrumb,
            meta: self.meta,
            body,
            actions: self.actions,
            diagnostics: self.diagnostics,
        }
    }
}

/// [`Section`] with `blocks` only checked for presence (it is required).
#[cfg_attr(test, derive(Deserialize))]
#[cfg_attr(test, serde(rename_all = "camelCase", deny_unknown_fields))]
pub(super) struct SectionHead {
    pub(super) level: u8,
    pub(super) marker: String,
    pub(super) heading: String,
    #[cfg_attr(test, serde(default))]
    pub(super) run_in: bool,
    pub(super) blocks: Present,
}

impl SectionHead {
    /// The section, its blocks still empty.
    pub(super) fn section(self) -> Section {
        let Present = self.blocks;
        Section {
            level: self.level,
            marker: self.marker,
            heading: self.heading,
            run_in: self.run_in,
            blocks: Vec::new(),
        }
    }
}

#[cfg(test)]
mod tests {
    use serde::de::DeserializeOwned;

    use super::*;

    /// serde's message for `input`, read as `T`.
    fn message<T: DeserializeOwned>(input: &str) -> String {
        match serde_json::from_str::<T>(input) {
            Ok(_) => "ok".to_owned(),
            Err(e) => e.to_string(),
        }
    }

    /// Same field names in the same order (serde lists them when it meets
    /// an unknown one), same required fields, same types.
    #[test]
    fn the_document_head_reads_as_the_document_does() {
        for input in [
            r#"{"?": 1}"#,
            r#"{}"#,
            r#"{"version": 1}"#,
            r#"{"version": 1, "body": []}"#,
            r#"{"version": 1, "title": 3}"#,
            r#"{"version": 1, "lang": null}"#,
            r#"{"version": 1, "breadcrumb": [{"label": 1}]}"#,
            r#"{"version": 1, "meta": [{"key": "nope", "label": "", "value": ""}]}"#,
            r#"{"version": 1, "actions": ["print", "nope"]}"#,
            r#"{"version": 1, "diagnostics": [{}]}"#,
            r#"{"version": -1}"#,
        ] {
            assert_eq!(
                message::<DocumentHead>(input),
                message::<Document>(input),
                "{input}"
            );
        }
        let head: DocumentHead = serde_json::from_str(
            r#"{"version": 1, "title": "通知", "meta": [{"key": "docNo", "label": "文号", "value": "1号"}], "actions": ["print"]}"#,
        )
        .unwrap();
        let doc: Document = serde_json::from_str(
            r#"{"version": 1, "title": "通知", "meta": [{"key": "docNo", "label": "文号", "value": "1号"}], "actions": ["print"]}"#,
        )
        .unwrap();
        assert_eq!(head.with_body(Vec::new()), doc);
    }

    #[test]
    fn the_section_head_reads_as_the_section_does() {
        for input in [
            r#"{"?": 1}"#,
            r#"{}"#,
            r#"{"level": 1, "marker": "一、", "heading": "h"}"#,
            r#"{"level": 256, "marker": "", "heading": "h", "blocks": []}"#,
            r#"{"level": 1, "marker": "", "heading": "h", "runIn": 1, "blocks": []}"#,
            r#"{"level": 1, "marker": 2, "heading": "h", "blocks": []}"#,
        ] {
            assert_eq!(
                message::<SectionHead>(input),
                message::<Section>(input),
                "{input}"
            );
        }
        let input =
            r#"{"level": 2, "marker": "（一）", "heading": "h。", "runIn": true, "blocks": []}"#;
        let head: SectionHead = serde_json::from_str(input).unwrap();
        assert_eq!(
            head.section(),
            serde_json::from_str::<Section>(input).unwrap()
        );
    }
}
