//! The viewer's own markup around the rendered view: the elderly-mode
//! toolbar (阅读工具) with the mode toggle (进入老年模式 / 退出老年模式), the
//! theme panel (配色), the speech rate panel (语速, with a speech engine),
//! the outline panel (目录), the polite live region and
//! the reading guide (阅读辅助线); the words it announces; and its
//! stylesheet.
//!
//! Everything is written through [`HtmlWriter`], the view's words come from
//! the locale's table in `strings.rs`, and the browser layer only toggles
//! attributes on what is written here: the toolbar is written once per
//! view, in every mode, and the stylesheet shows what the mode calls for.
//!
//! ```
//! use yilan::prefs::Prefs;
//! use yilan::render::toolbar::{toolbar, ToolbarOptions};
//!
//! let doc = yilan::parse_text("标题\n一、总体情况\n今年以来。");
//! let html = toolbar(&doc, &Prefs::default(), &ToolbarOptions::default());
//! assert!(html.contains("role=\"toolbar\" aria-label=\"阅读工具\""));
//! assert!(html.contains("进入老年模式"));
//! ```

mod outline;
mod speech;
mod style;

pub use outline::{outline, OutlineEntry};
pub use speech::{
    no_voice_note, speech_notice_text, speech_words, NoVoice, SpeechNotice, SpeechWords,
    LABEL_CLASS, NOTE_ID, SENTENCE_CLASS, SPEAKING_CLASS,
};
pub use style::toolbar_stylesheet;

use crate::model::Document;
use crate::prefs::{
    larger_scale, rate_choice, scale_percent, smaller_scale, Cursor, Prefs, SPEECH_RATE_CHOICES,
};
use crate::render::{document_lang, Locale, Mode};
use crate::theme::{self, AUTO};

use super::strings::{ToolbarWords, Ui};
use super::writer::HtmlWriter;

/// The id of the bar (the toolbar row and its panels).
pub const BAR_ID: &str = "yl-tb";
/// The id of the `role="toolbar"` row.
pub const TOOLS_ID: &str = "yl-tb-tools";
/// The id of the theme panel (配色).
pub const THEME_PANEL_ID: &str = "yl-tb-theme";
/// The id of the outline panel (目录).
pub const OUTLINE_PANEL_ID: &str = "yl-tb-outline";
/// The id of the speech rate panel (语速).
pub const RATE_PANEL_ID: &str = "yl-tb-rate";
/// The id of the current text size (当前 150%).
pub const SCALE_STATUS_ID: &str = "yl-tb-scale";
/// The id of the polite live region that announces changes.
pub const LIVE_ID: &str = "yl-tb-live";
/// The id of the reading guide's band.
pub const GUIDE_ID: &str = "yl-tb-guide";
/// The media query under which the toolbar's sheet hides tools by the
/// device: 大鼠标 on a touch screen with no mouse or touchpad (as minified
/// into the sheet; the browser layer watches it to keep the tab stop on a
/// tool that shows).
pub const TOOLS_BY_DEVICE: &str = "(pointer:coarse) and (hover:none) and (not (any-pointer:fine))";

/// A control of the toolbar, named in its `data-yl-tool` attribute.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tool {
    /// 更多工具: on a narrow screen, shows and hides the other tools.
    More,
    /// 字号 −.
    Smaller,
    /// 字号 +.
    Larger,
    /// 配色: opens the theme panel.
    Theme,
    /// 朗读: reads the document aloud; pressed again, pauses or resumes.
    Read,
    /// 停止: stops reading aloud (shown only while reading).
    Stop,
    /// 指读: reads aloud what the pointer rests on.
    Point,
    /// 语速: opens the speech rate panel (with a speech engine only).
    Rate,
    /// 阅读辅助线.
    Guide,
    /// 大鼠标.
    Cursor,
    /// 目录: opens the outline panel.
    Outline,
    /// 打印.
    Print,
    /// 进入老年模式 / 退出老年模式.
    Mode,
}

impl Tool {
    /// Every tool, in toolbar order.
    pub const ALL: [Tool; 13] = [
        Tool::More,
        Tool::Smaller,
        Tool::Larger,
        Tool::Theme,
        Tool::Read,
        Tool::Stop,
        Tool::Point,
        Tool::Rate,
        Tool::Guide,
        Tool::Cursor,
        Tool::Outline,
        Tool::Print,
        Tool::Mode,
    ];

    /// The `data-yl-tool` value.
    pub fn as_str(self) -> &'static str {
        match self {
            Tool::More => "more",
            Tool::Smaller => "smaller",
            Tool::Larger => "larger",
            Tool::Theme => "theme",
            Tool::Read => "read",
            Tool::Stop => "stop",
            Tool::Point => "point",
            Tool::Rate => "rate",
            Tool::Guide => "guide",
            Tool::Cursor => "cursor",
            Tool::Outline => "outline",
            Tool::Print => "print",
            Tool::Mode => "mode",
        }
    }

    /// The tool named `name`, if it is one.
    pub fn from_name(name: &str) -> Option<Tool> {
        Tool::ALL.into_iter().find(|tool| tool.as_str() == name)
    }

    /// Whether the tool shows only in elderly mode (all but the toggle).
    pub fn elderly_only(self) -> bool {
        self != Tool::Mode
    }
}

/// How to write the toolbar.
///
/// # Defaults
/// Locale zh-CN; no speech engine (朗读 and 指读 say they are unavailable).
/// The viewer in a browser sets `speech`, and says later, when it finds no
/// voice, that reading is not possible and why.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct ToolbarOptions {
    /// The language of the toolbar's words.
    pub locale: Locale,
    /// Whether a speech engine can read aloud; without one, 朗读 and 指读
    /// show and announce that they are not available.
    pub speech: bool,
}

/// What the live region says after a change.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Notice<'a> {
    /// The mode is now this one (已进入老年模式 / 已退出老年模式).
    Mode(Mode),
    /// The text size is now this step (字号 150%).
    Scale(f32),
    /// 字号 − at the smallest step.
    Smallest,
    /// 字号 + at the largest step.
    Largest,
    /// The theme with this id (or [`AUTO`]) is now shown.
    Theme(&'a str),
    /// Reading aloud is now at this rate.
    Rate(f32),
    /// The reading guide is now on or off.
    Guide(bool),
    /// The cursor is now this size.
    Cursor(Cursor),
    /// 朗读 was chosen without a speech engine.
    ReadUnavailable,
    /// 指读 was chosen without a speech engine.
    PointUnavailable,
    /// Reading aloud started, paused, stopped…, or cannot work.
    Speech(SpeechNotice),
    /// 关闭 asked the browser to close the page, which it refused.
    CannotClose,
    /// 分享 copied the page's address.
    LinkCopied,
    /// 分享 could neither share nor copy this address: it is shown.
    ShareLink(&'a str),
    /// 收藏: how to bookmark the page, since no script may.
    Bookmark(Bookmarking),
}

/// How a reader adds a bookmark.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Bookmarking {
    /// Ctrl+D.
    Keys,
    /// ⌘+D.
    MacKeys,
    /// From the browser's menu (phones and tablets have no keys for it).
    Menu,
}

/// The sentence the live region says for `notice`.
pub fn notice_text(locale: Locale, notice: Notice) -> String {
    let w = locale.toolbar_words();
    match notice {
        Notice::Mode(Mode::Elderly) => w.entered.to_owned(),
        Notice::Mode(Mode::Standard) => w.exited.to_owned(),
        Notice::Scale(scale) => scale_status(locale, scale),
        Notice::Smallest => w.smallest.to_owned(),
        Notice::Largest => w.largest.to_owned(),
        Notice::Theme(id) => [w.theme_now, theme_label(locale, id)].concat(),
        Notice::Rate(rate) => match rate_label(locale, rate) {
            Some(label) => [w.rate_now, label].concat(),
            None => format!("{}{}%", w.rate_now, (rate * 100.0).round() as i32),
        },
        Notice::Guide(true) => w.guide_on.to_owned(),
        Notice::Guide(false) => w.guide_off.to_owned(),
        Notice::Cursor(Cursor::Large) => w.cursor_on.to_owned(),
        Notice::Cursor(Cursor::Normal) => w.cursor_off.to_owned(),
        Notice::ReadUnavailable => w.read_unavailable.to_owned(),
        Notice::PointUnavailable => w.point_unavailable.to_owned(),
        Notice::Speech(notice) => speech_notice_text(locale, notice).to_owned(),
        Notice::CannotClose => w.cannot_close.to_owned(),
        Notice::LinkCopied => w.link_copied.to_owned(),
        Notice::ShareLink(url) => [w.share_link, url].concat(),
        Notice::Bookmark(how) => {
            let [keys, mac_keys, menu] = w.bookmark;
            match how {
                Bookmarking::Keys => keys,
                Bookmarking::MacKeys => mac_keys,
                Bookmarking::Menu => menu,
            }
            .to_owned()
        }
    }
}

/// The current text size as shown between 字号 − and 字号 + ("字号 150%").
pub fn scale_status(locale: Locale, scale: f32) -> String {
    format!(
        "{}{}%",
        locale.toolbar_words().size_now,
        scale_percent(scale)
    )
}

/// The label of a theme id in `locale`; [`AUTO`] (and an unknown id, which
/// shows as [`AUTO`]) is "跟随系统".
pub fn theme_label(locale: Locale, id: &str) -> &'static str {
    match theme::find(id) {
        Some(found) => locale.theme_label(found),
        None => locale.toolbar_words().theme_auto,
    }
}

/// The name of a speech rate of the 语速 panel in `locale`; `None` for a
/// rate that is none of [`SPEECH_RATE_CHOICES`].
pub fn rate_label(locale: Locale, rate: f32) -> Option<&'static str> {
    let at = rate_choice(rate)?;
    locale.toolbar_words().rate_choices.get(at).copied()
}

/// The `data-yl-theme` values of the theme panel, in order: [`AUTO`], then
/// every theme.
pub fn theme_choices() -> impl Iterator<Item = &'static str> {
    std::iter::once(AUTO).chain(theme::themes().iter().map(|t| t.id))
}

/// Writes the bar that goes first inside the view's root: the
/// `role="toolbar"` row (every tool, each elderly-only one marked
/// `data-yl-elderly`), then the theme and outline panels, closed.
///
/// The row has one tab stop (roving tabindex): the first tool shown in the
/// mode of `prefs` that is not disabled (放大 at 100%). Pressed and disabled states follow `prefs`.
pub fn toolbar(doc: &Document, prefs: &Prefs, options: &ToolbarOptions) -> String {
    let ui = Ui::new(options.locale, document_lang(doc));
    let w = options.locale.toolbar_words();
    let mut out = HtmlWriter::with_capacity(4096);
    out.open("div");
    out.attr("id", BAR_ID);
    out.markup(" class=\"yl-toolbar\"");
    ui.lang_attr(&mut out);
    out.markup(">\n");
    write_tools(&mut out, prefs, options, w);
    write_theme_panel(&mut out, prefs, options.locale, w);
    if options.speech {
        write_rate_panel(&mut out, prefs, w);
    }
    outline::write_outline_panel(&mut out, doc, &ui, w);
    out.markup("</div>\n");
    out.finish()
}

/// Writes what goes last inside the view's root: the polite live region
/// (empty until something changes) and the reading guide's band (hidden
/// from assistive technology; shown by the stylesheet when
/// `data-guide="on"`).
pub fn view_end(doc: &Document, options: &ToolbarOptions) -> String {
    let ui = Ui::new(options.locale, document_lang(doc));
    let mut out = HtmlWriter::with_capacity(256);
    out.open("div");
    out.attr("id", LIVE_ID);
    out.markup(
        " class=\"yl-visually-hidden\" role=\"status\" aria-live=\"polite\" aria-atomic=\"true\"",
    );
    ui.lang_attr(&mut out);
    out.markup("></div>\n");
    out.open("div");
    out.attr("id", GUIDE_ID);
    out.markup(" class=\"yl-guide\" aria-hidden=\"true\"></div>\n");
    out.finish()
}

fn write_tools(out: &mut HtmlWriter, prefs: &Prefs, options: &ToolbarOptions, w: &ToolbarWords) {
    let elderly = prefs.mode == Mode::Elderly;
    out.open("div");
    out.attr("id", TOOLS_ID);
    out.markup(" class=\"yl-tools\" role=\"toolbar\"");
    out.attr("aria-label", w.toolbar);
    out.markup(">\n");
    // Shown by the stylesheet only where the row would not fit in two
    // lines; the other tools then show once it is expanded.
    tool_start(out, Tool::More, false);
    out.markup(" aria-expanded=\"false\"");
    tool_label(out, w.more);
    out.markup("<div class=\"yl-tool-group\" role=\"group\" data-yl-elderly");
    out.attr("aria-label", w.size);
    out.markup(">\n");
    // The one tab stop: the first tool the mode shows that can be used (at
    // 100% 缩小 cannot, so a screen reader's first words are not a control
    // that does nothing).
    let can_shrink = smaller_scale(prefs.scale).is_some();
    tool_start(out, Tool::Smaller, elderly && can_shrink);
    if !can_shrink {
        out.markup(" aria-disabled=\"true\"");
    }
    out.attr("aria-describedby", SCALE_STATUS_ID);
    tool_label(out, w.smaller);
    out.open("span");
    out.attr("id", SCALE_STATUS_ID);
    out.markup(" class=\"yl-scale-status\">");
    out.text(&scale_status(options.locale, prefs.scale));
    out.markup("</span>\n");
    tool_start(out, Tool::Larger, elderly && !can_shrink);
    if larger_scale(prefs.scale).is_none() {
        out.markup(" aria-disabled=\"true\"");
    }
    out.attr("aria-describedby", SCALE_STATUS_ID);
    tool_label(out, w.larger);
    out.markup("</div>\n");

    tool_start(out, Tool::Theme, false);
    out.markup(" aria-expanded=\"false\"");
    out.attr("aria-controls", THEME_PANEL_ID);
    tool_label(out, w.theme);

    if options.speech {
        speech::write_speech_tools(out, w.read, w.point, options.locale, prefs.pointer_reading);
        tool_start(out, Tool::Rate, false);
        out.markup(" aria-expanded=\"false\"");
        out.attr("aria-controls", RATE_PANEL_ID);
        tool_label(out, w.rate);
    } else {
        for (tool, label) in [(Tool::Read, w.read), (Tool::Point, w.point)] {
            tool_start(out, tool, false);
            // Still focusable and announced when chosen, so a reader
            // learns why nothing is read rather than meeting silence.
            out.markup(" aria-disabled=\"true\"");
            speech::described(out);
            tool_label(out, label);
        }
    }

    tool_start(out, Tool::Guide, false);
    pressed(out, prefs.guide);
    tool_label(out, w.guide);
    tool_start(out, Tool::Cursor, false);
    pressed(out, prefs.cursor == Cursor::Large);
    tool_label(out, w.cursor);

    tool_start(out, Tool::Outline, false);
    out.markup(" aria-expanded=\"false\"");
    out.attr("aria-controls", OUTLINE_PANEL_ID);
    tool_label(out, w.outline);
    tool_start(out, Tool::Print, false);
    tool_label(out, w.print);

    // A button whose label changes with the mode, so no aria-pressed (WAI-ARIA
    // APG: a toggle changes its label or its pressed state, never both).
    tool_start(out, Tool::Mode, !elderly);
    out.markup("><span class=\"yl-when-standard\">");
    out.text(w.enter);
    out.markup("</span><span class=\"yl-when-elderly\">");
    out.text(w.exit);
    out.markup("</span></button>\n");
    // Last in the row, on a line of its own (folded with the tools).
    speech::write_note(out, (!options.speech).then_some(w.unavailable));
    out.markup("</div>\n");
}

/// Writes `<button …` of a tool up to its attributes; `stop` makes it the
/// toolbar's tab stop.
fn tool_start(out: &mut HtmlWriter, tool: Tool, stop: bool) {
    out.markup("<button type=\"button\" class=\"yl-tool\"");
    out.attr("data-yl-tool", tool.as_str());
    if tool.elderly_only() {
        out.markup(" data-yl-elderly");
    }
    out.markup(if stop {
        " tabindex=\"0\""
    } else {
        " tabindex=\"-1\""
    });
}

fn tool_label(out: &mut HtmlWriter, label: &str) {
    out.markup(">");
    out.text(label);
    out.markup("</button>\n");
}

fn pressed(out: &mut HtmlWriter, on: bool) {
    out.markup(if on {
        " aria-pressed=\"true\""
    } else {
        " aria-pressed=\"false\""
    });
}

/// 配色: one button per theme, painted in that theme's own colours, the
/// current one pressed.
fn write_theme_panel(out: &mut HtmlWriter, prefs: &Prefs, locale: Locale, w: &ToolbarWords) {
    let current = if crate::prefs::is_theme(&prefs.theme) {
        prefs.theme.as_str()
    } else {
        AUTO
    };
    let panel = ChoicePanel {
        id: THEME_PANEL_ID,
        title_id: "yl-tb-theme-title",
        title: w.theme_panel,
        list_class: "yl-theme-options",
        class: "yl-theme-option",
        attr: "data-yl-theme",
    };
    let choices = theme_choices().map(|id| (id, theme_label(locale, id), id == current));
    write_choice_panel(out, &panel, choices, w);
}

/// 语速: one button per rate of [`SPEECH_RATE_CHOICES`], the current one
/// pressed (none, for a rate set through the API that is none of them).
fn write_rate_panel(out: &mut HtmlWriter, prefs: &Prefs, w: &ToolbarWords) {
    let current = rate_choice(prefs.speech_rate);
    let panel = ChoicePanel {
        id: RATE_PANEL_ID,
        title_id: "yl-tb-rate-title",
        title: w.rate_panel,
        list_class: "yl-choices",
        class: "yl-choice",
        attr: "data-yl-rate",
    };
    let choices = SPEECH_RATE_CHOICES
        .iter()
        .zip(w.rate_choices)
        .enumerate()
        .map(|(at, ((_, value), label))| (*value, label, current == Some(at)));
    write_choice_panel(out, &panel, choices, w);
}

/// A panel of choices (配色, 语速), written by [`write_choice_panel`].
struct ChoicePanel {
    id: &'static str,
    title_id: &'static str,
    title: &'static str,
    /// The class of the row of choices, and of each choice.
    list_class: &'static str,
    class: &'static str,
    /// The attribute that holds a choice's value.
    attr: &'static str,
}

/// A titled group of buttons, one per `(value, label, pressed)` choice,
/// then 收起.
fn write_choice_panel<'a>(
    out: &mut HtmlWriter,
    panel: &ChoicePanel,
    choices: impl Iterator<Item = (&'a str, &'a str, bool)>,
    w: &ToolbarWords,
) {
    out.open("div");
    out.attr("id", panel.id);
    out.markup(" class=\"yl-panel\" role=\"group\" data-yl-elderly hidden");
    out.attr("aria-labelledby", panel.title_id);
    out.markup(">\n<p");
    out.attr("id", panel.title_id);
    out.markup(" class=\"yl-panel-title\">");
    out.text(panel.title);
    out.markup("</p>\n<div");
    out.attr("class", panel.list_class);
    out.markup(">\n");
    for (value, label, on) in choices {
        out.markup("<button type=\"button\"");
        out.attr("class", panel.class);
        out.attr(panel.attr, value);
        pressed(out, on);
        out.markup(">");
        out.text(label);
        out.markup("</button>\n");
    }
    out.markup("</div>\n");
    close_button(out, w);
    out.markup("</div>\n");
}

pub(super) fn close_button(out: &mut HtmlWriter, w: &ToolbarWords) {
    out.markup("<button type=\"button\" class=\"yl-panel-close\" data-yl-close>");
    out.text(w.close_panel);
    out.markup("</button>\n");
}

#[cfg(test)]
mod sheet_tests;
#[cfg(test)]
mod tests;
