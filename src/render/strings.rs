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

    /// The toolbar's words in this locale.
    pub(crate) fn toolbar_words(self) -> &'static ToolbarWords {
        match self {
            Locale::ZhCn => &TOOLBAR_ZH_CN,
            Locale::ZhTw => &TOOLBAR_ZH_TW,
            Locale::En => &TOOLBAR_EN,
        }
    }

    /// A theme's label in this locale.
    pub fn theme_label(self, theme: &crate::theme::Theme) -> &'static str {
        match self {
            Locale::ZhCn => theme.label,
            Locale::ZhTw => theme.label_zh_tw,
            Locale::En => theme.label_en,
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
    /// Shown where the body would be when the document has none (the page's
    /// text was not found), so that a reader is not left before a blank.
    pub no_body: &'static str,
    /// The caption of a table that has none, before its number.
    pub table: &'static str,
    /// The line shown above a table wider than the text column (by the
    /// viewer, which knows the layout).
    pub table_scrolls: &'static str,
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
    no_body: "本页未找到可以显示的正文。",
    table: "表格",
    table_scrolls: "表格较宽，可左右滚动查看",
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
    no_body: "本頁未找到可以顯示的正文。",
    table: "表格",
    table_scrolls: "表格較寬，可左右捲動查看",
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
    no_body: "No body text was found on this page.",
    table: "Table",
    table_scrolls: "A wide table: scroll sideways to see all of it",
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

/// The words of the elderly-mode toolbar (阅读工具), its panels and its
/// announcements, in one language.
#[derive(Debug)]
pub(crate) struct ToolbarWords {
    /// The toolbar's name.
    pub toolbar: &'static str,
    /// The name of the text-size group (字号 − / 当前 / 字号 +).
    pub size: &'static str,
    /// 字号 −: smaller text. Short, because it sits beside the current
    /// size, which says what it makes smaller ("缩小 字号 150% 放大"), and
    /// because the three must fit one line of a 320 px screen.
    pub smaller: &'static str,
    /// 字号 +: larger text.
    pub larger: &'static str,
    /// Before the current size: "字号 " + "150%".
    pub size_now: &'static str,
    /// Said when the text cannot get smaller.
    pub smallest: &'static str,
    /// Said when the text cannot get larger.
    pub largest: &'static str,
    /// 配色: the theme button.
    pub theme: &'static str,
    /// The theme panel's title.
    pub theme_panel: &'static str,
    /// The theme that follows the system's light or dark setting.
    pub theme_auto: &'static str,
    /// Before the chosen theme's name: "配色：" + "黑底黄字".
    pub theme_now: &'static str,
    /// 朗读: read the whole document aloud.
    pub read: &'static str,
    /// 指读: read aloud what the pointer rests on.
    pub point: &'static str,
    /// Shown on a tool that cannot work yet.
    pub unavailable: &'static str,
    /// Said when 朗读 is chosen but cannot work.
    pub read_unavailable: &'static str,
    /// Said when 指读 is chosen but cannot work.
    pub point_unavailable: &'static str,
    /// 语速: opens the speech rate panel.
    pub rate: &'static str,
    /// The speech rate panel's title.
    pub rate_panel: &'static str,
    /// Before the chosen rate's name: "语速：" + "慢".
    pub rate_now: &'static str,
    /// The names of [`crate::prefs::SPEECH_RATE_CHOICES`], slowest first.
    pub rate_choices: [&'static str; 4],
    /// 阅读辅助线: the reading guide.
    pub guide: &'static str,
    pub guide_on: &'static str,
    pub guide_off: &'static str,
    /// 大鼠标: the large cursor.
    pub cursor: &'static str,
    pub cursor_on: &'static str,
    pub cursor_off: &'static str,
    /// 目录: the outline button.
    pub outline: &'static str,
    /// The outline panel's title (not 目录 alone, which a printed table of
    /// contents in the document may already use as its name).
    pub outline_panel: &'static str,
    /// Shown in the outline panel when the document has no sections.
    pub outline_empty: &'static str,
    /// 打印.
    pub print: &'static str,
    /// 工具: on a narrow screen, the button that shows the other tools.
    pub more: &'static str,
    /// The mode toggle's label in standard mode.
    pub enter: &'static str,
    /// The mode toggle's label in elderly mode.
    pub exit: &'static str,
    /// Said when the elderly mode starts.
    pub entered: &'static str,
    /// Said when the elderly mode ends.
    pub exited: &'static str,
    /// The button that closes a panel.
    pub close_panel: &'static str,
    /// Said when 关闭 asked the browser to close the page and it did not
    /// (browsers close only windows a script opened).
    pub cannot_close: &'static str,
    /// Said when 分享 copied the page's address.
    pub link_copied: &'static str,
    /// Said before the page's address when 分享 could neither share nor
    /// copy it.
    pub share_link: &'static str,
    /// Said by 收藏: how to bookmark the page with the keys, with ⌘ on a
    /// Mac, and from the browser's menu (on a touch screen).
    pub bookmark: [&'static str; 3],
}

static TOOLBAR_ZH_CN: ToolbarWords = ToolbarWords {
    toolbar: "阅读工具",
    size: "字号",
    smaller: "缩小",
    larger: "放大",
    size_now: "字号 ",
    smallest: "已是最小字号",
    largest: "已是最大字号",
    theme: "配色",
    theme_panel: "选择配色",
    theme_auto: "跟随系统",
    theme_now: "配色：",
    read: "朗读",
    point: "指读",
    unavailable: "暂不可用",
    read_unavailable: "朗读功能暂不可用",
    point_unavailable: "指读功能暂不可用",
    rate: "语速",
    rate_panel: "朗读语速",
    rate_now: "语速：",
    rate_choices: ["慢", "稍慢", "正常", "快"],
    guide: "阅读辅助线",
    guide_on: "阅读辅助线已打开",
    guide_off: "阅读辅助线已关闭",
    cursor: "大鼠标",
    cursor_on: "大鼠标已打开",
    cursor_off: "大鼠标已关闭",
    outline: "目录",
    outline_panel: "章节目录",
    outline_empty: "本文没有章节标题。",
    print: "打印",
    more: "更多工具",
    enter: "进入老年模式",
    exit: "退出老年模式",
    entered: "已进入老年模式",
    exited: "已退出老年模式",
    close_panel: "收起",
    cannot_close: "此页面无法自行关闭，请在浏览器中关闭此标签页",
    link_copied: "已复制本页链接，可以粘贴发给亲友",
    share_link: "请复制本页链接分享：",
    bookmark: [
        "请同时按键盘上的 Ctrl 和 D 键，把本页加入收藏夹",
        "请同时按键盘上的 ⌘ 和 D 键，把本页加入收藏夹",
        "请打开浏览器的菜单，点“收藏”或“添加书签”",
    ],
};

static TOOLBAR_ZH_TW: ToolbarWords = ToolbarWords {
    toolbar: "閱讀工具",
    size: "字號",
    smaller: "縮小",
    larger: "放大",
    size_now: "字號 ",
    smallest: "已是最小字號",
    largest: "已是最大字號",
    theme: "配色",
    theme_panel: "選擇配色",
    theme_auto: "跟隨系統",
    theme_now: "配色：",
    read: "朗讀",
    point: "指讀",
    unavailable: "暫不可用",
    read_unavailable: "朗讀功能暫不可用",
    point_unavailable: "指讀功能暫不可用",
    rate: "語速",
    rate_panel: "朗讀語速",
    rate_now: "語速：",
    rate_choices: ["慢", "稍慢", "正常", "快"],
    guide: "閱讀輔助線",
    guide_on: "閱讀輔助線已開啟",
    guide_off: "閱讀輔助線已關閉",
    cursor: "大滑鼠",
    cursor_on: "大滑鼠已開啟",
    cursor_off: "大滑鼠已關閉",
    outline: "目錄",
    outline_panel: "章節目錄",
    outline_empty: "本文沒有章節標題。",
    print: "列印",
    more: "更多工具",
    enter: "進入老年模式",
    exit: "退出老年模式",
    entered: "已進入老年模式",
    exited: "已退出老年模式",
    close_panel: "收起",
    cannot_close: "此頁面無法自行關閉，請在瀏覽器中關閉此分頁",
    link_copied: "已複製本頁連結，可以貼上傳給親友",
    share_link: "請複製本頁連結分享：",
    bookmark: [
        "請同時按鍵盤上的 Ctrl 和 D 鍵，將本頁加入書籤",
        "請同時按鍵盤上的 ⌘ 和 D 鍵，將本頁加入書籤",
        "請開啟瀏覽器的選單，點「加入書籤」",
    ],
};

static TOOLBAR_EN: ToolbarWords = ToolbarWords {
    toolbar: "Reading tools",
    size: "Text size",
    smaller: "Smaller",
    larger: "Larger",
    size_now: "Text size ",
    smallest: "The text is at its smallest",
    largest: "The text is at its largest",
    theme: "Colours",
    theme_panel: "Choose colours",
    theme_auto: "As the system",
    theme_now: "Colours: ",
    read: "Read aloud",
    point: "Point to read",
    unavailable: "not available yet",
    read_unavailable: "Reading aloud is not available yet",
    point_unavailable: "Point to read is not available yet",
    rate: "Speed",
    rate_panel: "Reading speed",
    rate_now: "Reading speed: ",
    rate_choices: ["Slow", "Slightly slow", "Normal", "Fast"],
    guide: "Reading guide",
    guide_on: "Reading guide on",
    guide_off: "Reading guide off",
    cursor: "Large pointer",
    cursor_on: "Large pointer on",
    cursor_off: "Large pointer off",
    outline: "Contents",
    outline_panel: "Sections",
    outline_empty: "This document has no section headings.",
    print: "Print",
    more: "More tools",
    enter: "Enter elderly mode",
    exit: "Exit elderly mode",
    entered: "Elderly mode is on",
    exited: "Elderly mode is off",
    close_panel: "Close",
    cannot_close: "This page cannot close itself: please close the tab in your browser",
    link_copied: "The link to this page is copied: paste it to send it on",
    share_link: "Copy this page's link to share it: ",
    bookmark: [
        "Press Ctrl and D together to bookmark this page",
        "Press ⌘ and D together to bookmark this page",
        "Open your browser's menu and choose Bookmark to keep this page",
    ],
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

    #[test]
    fn every_locale_has_every_toolbar_word() {
        for locale in [Locale::ZhCn, Locale::ZhTw, Locale::En] {
            let w = locale.toolbar_words();
            let words = [
                w.toolbar,
                w.size,
                w.smaller,
                w.larger,
                w.size_now,
                w.smallest,
                w.largest,
                w.theme,
                w.theme_panel,
                w.theme_auto,
                w.theme_now,
                w.read,
                w.point,
                w.unavailable,
                w.read_unavailable,
                w.point_unavailable,
                w.rate,
                w.rate_panel,
                w.rate_now,
                w.rate_choices[0],
                w.rate_choices[1],
                w.rate_choices[2],
                w.rate_choices[3],
                w.guide,
                w.guide_on,
                w.guide_off,
                w.cursor,
                w.cursor_on,
                w.cursor_off,
                w.outline,
                w.outline_panel,
                w.outline_empty,
                w.print,
                w.more,
                w.enter,
                w.exit,
                w.entered,
                w.exited,
                w.close_panel,
                w.cannot_close,
                w.link_copied,
                w.share_link,
                w.bookmark[0],
                w.bookmark[1],
                w.bookmark[2],
            ];
            for (n, word) in words.iter().enumerate() {
                assert!(!word.trim().is_empty(), "{locale:?} word {n}");
            }
            assert_ne!(w.enter, w.exit, "{locale:?}: the toggle's label changes");
            assert_ne!(
                w.outline, w.outline_panel,
                "{locale:?}: distinct landmark names"
            );
        }
    }
}
