//! The renderer's own words (当前位置, 文档信息, 打印, …) per interface
//! language. The document's text is never translated; only what the view
//! adds around it.

use crate::model::Action;

use super::writer::HtmlWriter;

/// The interface language of the view's own words.
///
/// # Defaults
/// [`Locale::ZhCn`] (简体中文).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
#[non_exhaustive]
pub enum Locale {
    /// 简体中文
    #[default]
    ZhCn,
    /// 繁體中文
    ZhTw,
    /// English
    En,
}

impl Locale {
    /// The locale for a BCP 47 tag: `zh-TW`, `zh-HK`, `zh-MO` and `zh-Hant…`
    /// give [`Locale::ZhTw`], `en…` gives [`Locale::En`], anything else
    /// [`Locale::ZhCn`].
    pub fn from_tag(tag: &str) -> Locale {
        let tag = tag.to_ascii_lowercase().replace('_', "-");
        let traditional = ["zh-tw", "zh-hk", "zh-mo", "zh-hant"];
        if traditional.iter().any(|prefix| tag.starts_with(prefix)) {
            Locale::ZhTw
        } else if tag == "en" || tag.starts_with("en-") {
            Locale::En
        } else {
            Locale::ZhCn
        }
    }

    /// The BCP 47 tag of the locale.
    pub fn tag(self) -> &'static str {
        match self {
            Locale::ZhCn => "zh-CN",
            Locale::ZhTw => "zh-TW",
            Locale::En => "en",
        }
    }

    /// The view's words in this locale.
    pub(crate) fn strings(self) -> &'static Strings {
        match self {
            Locale::ZhCn => &ZH_CN,
            Locale::ZhTw => &ZH_TW,
            Locale::En => &EN,
        }
    }
}

/// The view's words for one document: the words, and the language to mark
/// them with when it is not the document's (an English interface over a
/// Chinese document; WCAG 3.1.2).
#[derive(Debug, Clone, Copy)]
pub(crate) struct Ui {
    pub words: &'static Strings,
    pub lang: Option<&'static str>,
}

impl Ui {
    /// The words of `locale` for a document in `doc_lang`.
    pub fn new(locale: Locale, doc_lang: &str) -> Ui {
        let tag = locale.tag();
        Ui {
            words: locale.strings(),
            lang: (!doc_lang.eq_ignore_ascii_case(tag)).then_some(tag),
        }
    }

    /// Writes ` lang="…"` when the words' language differs from the
    /// document's; for an element that holds only the view's words.
    pub fn lang_attr(&self, w: &mut HtmlWriter) {
        if let Some(lang) = self.lang {
            w.attr("lang", lang);
        }
    }

    /// Writes one of the view's words inside the document's text, in a span
    /// that names its language when it differs.
    pub fn word(&self, w: &mut HtmlWriter, word: &'static str) {
        match self.lang {
            Some(_) => {
                w.markup("<span");
                self.lang_attr(w);
                w.markup(">");
                w.text(word);
                w.markup("</span>");
            }
            None => w.text(word),
        }
    }
}

/// The view's own words in one language.
#[derive(Debug)]
pub(crate) struct Strings {
    /// The breadcrumb's name (当前位置).
    pub breadcrumb: &'static str,
    /// The visible label before the breadcrumb, with its punctuation.
    pub breadcrumb_visible: &'static str,
    /// The metadata block's heading.
    pub meta: &'static str,
    /// Said by screen readers for an empty metadata value (shown as "—").
    pub empty_value: &'static str,
    /// The title shown when the document has none.
    pub untitled: &'static str,
    /// The heading shown for a section whose heading is empty.
    pub untitled_section: &'static str,
    /// The caption of a table that has none, before its number.
    pub table: &'static str,
    /// The name of the contents list when the page gives none.
    pub contents: &'static str,
    /// The name of the group of page actions.
    pub actions: &'static str,
    /// Brackets around an attachment's file type.
    pub file_type_open: &'static str,
    pub file_type_close: &'static str,
    /// The word after the file type ("PDF 文件").
    pub file_type_word: &'static str,
    pub print: &'static str,
    pub close: &'static str,
    pub share: &'static str,
    pub bookmark: &'static str,
}

impl Strings {
    /// The label of an action button.
    pub fn action(&self, action: Action) -> &'static str {
        match action {
            Action::Print => self.print,
            Action::Close => self.close,
            Action::Share => self.share,
            Action::Bookmark => self.bookmark,
        }
    }
}

static ZH_CN: Strings = Strings {
    breadcrumb: "当前位置",
    breadcrumb_visible: "当前位置：",
    meta: "文档信息",
    empty_value: "未填写",
    untitled: "无标题文档",
    untitled_section: "（无标题）",
    table: "表格",
    contents: "目录",
    actions: "页面操作",
    file_type_open: "（",
    file_type_close: "）",
    file_type_word: " 文件",
    print: "打印",
    close: "关闭",
    share: "分享",
    bookmark: "收藏",
};

static ZH_TW: Strings = Strings {
    breadcrumb: "目前位置",
    breadcrumb_visible: "目前位置：",
    meta: "文件資訊",
    empty_value: "未填寫",
    untitled: "無標題文件",
    untitled_section: "（無標題）",
    table: "表格",
    contents: "目錄",
    actions: "頁面操作",
    file_type_open: "（",
    file_type_close: "）",
    file_type_word: " 檔案",
    print: "列印",
    close: "關閉",
    share: "分享",
    bookmark: "收藏",
};

static EN: Strings = Strings {
    breadcrumb: "You are here",
    breadcrumb_visible: "You are here: ",
    meta: "Document information",
    empty_value: "not given",
    untitled: "Untitled document",
    untitled_section: "(untitled)",
    table: "Table",
    contents: "Contents",
    actions: "Page actions",
    file_type_open: " (",
    file_type_close: ")",
    file_type_word: " file",
    print: "Print",
    close: "Close",
    share: "Share",
    bookmark: "Bookmark",
};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags_map_to_locales() {
        assert_eq!(Locale::from_tag("zh-CN"), Locale::ZhCn);
        assert_eq!(Locale::from_tag("zh"), Locale::ZhCn);
        assert_eq!(Locale::from_tag("zh-Hans-CN"), Locale::ZhCn);
        assert_eq!(Locale::from_tag("zh-TW"), Locale::ZhTw);
        assert_eq!(Locale::from_tag("zh_HK"), Locale::ZhTw);
        assert_eq!(Locale::from_tag("zh-Hant"), Locale::ZhTw);
        assert_eq!(Locale::from_tag("en-GB"), Locale::En);
        assert_eq!(Locale::from_tag("enx"), Locale::ZhCn);
        assert_eq!(Locale::from_tag(""), Locale::ZhCn);
    }

    #[test]
    fn words_are_marked_only_in_another_language() {
        assert_eq!(Ui::new(Locale::ZhCn, "zh-CN").lang, None);
        assert_eq!(Ui::new(Locale::ZhCn, "zh-cn").lang, None);
        assert_eq!(Ui::new(Locale::En, "zh-CN").lang, Some("en"));
        assert_eq!(Ui::new(Locale::ZhTw, "zh-CN").lang, Some("zh-TW"));
        let mut w = HtmlWriter::new();
        Ui::new(Locale::En, "zh-CN").word(&mut w, "Table");
        assert_eq!(w.finish(), "<span lang=\"en\">Table</span>");
    }

    #[test]
    fn every_locale_names_every_action() {
        for locale in [Locale::ZhCn, Locale::ZhTw, Locale::En] {
            let s = locale.strings();
            for action in [
                Action::Print,
                Action::Close,
                Action::Share,
                Action::Bookmark,
            ] {
                assert!(!s.action(action).is_empty(), "{locale:?} {action:?}");
            }
        }
    }
}
