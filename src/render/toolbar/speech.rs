//! The read-aloud controls of the toolbar (朗读, 停止, 指读) when a speech
//! engine may be present, and the words they show and announce.
//!
//! 朗读 is one button whose label says what pressing it does next (朗读,
//! 暂停, 继续), like the mode toggle, so it has no `aria-pressed`; 停止 is
//! shown only while reading; 指读 is an on/off toggle (`aria-pressed`).
//! One note at the end of the row, which both describe, is hidden until
//! there is no voice to read with, when it says why (本浏览器无中文语音):
//! on a line of its own, so that no tool moves.

use crate::render::Locale;

use super::super::writer::HtmlWriter;
use super::{pressed, tool_label, tool_start, Tool};

/// The class of a read-aloud control's label, which changes with the state.
pub const LABEL_CLASS: &str = "yl-tool-label";
/// The id of the note that says why 朗读 and 指读 cannot read.
pub const NOTE_ID: &str = "yl-tb-speech-note";
/// The class on the element whose text is being read aloud.
pub const SPEAKING_CLASS: &str = "yl-speaking";
/// The class added to it while the sentence read is painted in its text
/// (a CSS custom highlight) instead of the element being filled.
pub const SENTENCE_CLASS: &str = "yl-by-sentence";

/// Why the view cannot read aloud.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NoVoice {
    /// The browser has no speech synthesis at all.
    NoEngine,
    /// The browser speaks, but no voice speaks Chinese.
    NoChineseVoice,
    /// The engine failed when asked to speak.
    EngineError,
}

/// What the live region says about reading aloud.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SpeechNotice {
    /// Reading started.
    Started,
    /// Reading paused.
    Paused,
    /// Reading resumed.
    Resumed,
    /// The reader stopped it.
    Stopped,
    /// Everything was read.
    Done,
    /// 指读 is now on or off.
    Point(bool),
    /// Reading is not possible, and why.
    Unavailable(NoVoice),
    /// 朗读 waits for the browser to list its voices.
    Preparing,
}

/// The words of the read-aloud controls in one locale.
#[derive(Debug)]
pub struct SpeechWords {
    /// 朗读's label while reading: pressing it pauses.
    pub pause: &'static str,
    /// 朗读's label while paused: pressing it resumes.
    pub resume: &'static str,
    /// The stop button.
    pub stop: &'static str,
    pub started: &'static str,
    pub paused: &'static str,
    pub resumed: &'static str,
    pub stopped: &'static str,
    pub done: &'static str,
    pub point_on: &'static str,
    pub point_off: &'static str,
    pub preparing: &'static str,
    /// The notes shown on 朗读 and 指读 (short: they sit under the label).
    pub no_engine: &'static str,
    pub no_chinese_voice: &'static str,
    pub engine_error: &'static str,
    /// Said when 朗读 or 指读 is pressed and cannot work.
    pub no_engine_long: &'static str,
    pub no_chinese_voice_long: &'static str,
    pub engine_error_long: &'static str,
}

static ZH_CN: SpeechWords = SpeechWords {
    pause: "暂停",
    resume: "继续",
    stop: "停止",
    started: "开始朗读",
    paused: "已暂停朗读",
    resumed: "继续朗读",
    stopped: "已停止朗读",
    done: "朗读完毕",
    point_on: "指读已打开：点按或选中一段，即朗读这一段",
    point_off: "指读已关闭",
    preparing: "正在准备语音，请稍候",
    no_engine: "本浏览器不支持朗读",
    no_chinese_voice: "本浏览器无中文语音",
    engine_error: "语音出错",
    no_engine_long: "本浏览器不支持朗读，请换用其他浏览器",
    no_chinese_voice_long: "本浏览器无中文语音，无法朗读",
    engine_error_long: "语音出错，朗读已停止",
};

static ZH_TW: SpeechWords = SpeechWords {
    pause: "暫停",
    resume: "繼續",
    stop: "停止",
    started: "開始朗讀",
    paused: "已暫停朗讀",
    resumed: "繼續朗讀",
    stopped: "已停止朗讀",
    done: "朗讀完畢",
    point_on: "指讀已開啟：點按或選取一段，即朗讀這一段",
    point_off: "指讀已關閉",
    preparing: "正在準備語音，請稍候",
    no_engine: "本瀏覽器不支援朗讀",
    no_chinese_voice: "本瀏覽器無中文語音",
    engine_error: "語音出錯",
    no_engine_long: "本瀏覽器不支援朗讀，請改用其他瀏覽器",
    no_chinese_voice_long: "本瀏覽器無中文語音，無法朗讀",
    engine_error_long: "語音出錯，朗讀已停止",
};

static EN: SpeechWords = SpeechWords {
    pause: "Pause",
    resume: "Resume",
    stop: "Stop",
    started: "Reading aloud",
    paused: "Reading paused",
    resumed: "Reading resumed",
    stopped: "Reading stopped",
    done: "Finished reading",
    point_on: "Point to read on: tap or focus a paragraph to hear it",
    point_off: "Point to read off",
    preparing: "Getting the voice ready, one moment",
    no_engine: "this browser cannot speak",
    no_chinese_voice: "no Chinese voice",
    engine_error: "voice error",
    no_engine_long: "This browser cannot read aloud",
    no_chinese_voice_long: "This browser has no Chinese voice to read with",
    engine_error_long: "The voice failed; reading stopped",
};

/// The read-aloud words of `locale`.
pub fn speech_words(locale: Locale) -> &'static SpeechWords {
    match locale {
        Locale::ZhCn => &ZH_CN,
        Locale::ZhTw => &ZH_TW,
        Locale::En => &EN,
    }
}

/// The short note shown on 朗读 and 指读 for `why`.
pub fn no_voice_note(locale: Locale, why: NoVoice) -> &'static str {
    let w = speech_words(locale);
    match why {
        NoVoice::NoEngine => w.no_engine,
        NoVoice::NoChineseVoice => w.no_chinese_voice,
        NoVoice::EngineError => w.engine_error,
    }
}

/// The sentence the live region says for `notice`.
pub fn speech_notice_text(locale: Locale, notice: SpeechNotice) -> &'static str {
    let w = speech_words(locale);
    match notice {
        SpeechNotice::Started => w.started,
        SpeechNotice::Paused => w.paused,
        SpeechNotice::Resumed => w.resumed,
        SpeechNotice::Stopped => w.stopped,
        SpeechNotice::Done => w.done,
        SpeechNotice::Point(true) => w.point_on,
        SpeechNotice::Point(false) => w.point_off,
        SpeechNotice::Preparing => w.preparing,
        SpeechNotice::Unavailable(NoVoice::NoEngine) => w.no_engine_long,
        SpeechNotice::Unavailable(NoVoice::NoChineseVoice) => w.no_chinese_voice_long,
        SpeechNotice::Unavailable(NoVoice::EngineError) => w.engine_error_long,
    }
}

/// Writes 朗读, 停止 (hidden) and 指读 for a view that may read aloud.
pub(super) fn write_speech_tools(
    out: &mut HtmlWriter,
    read: &str,
    point: &str,
    locale: Locale,
    pointer_reading: bool,
) {
    tool_start(out, Tool::Read, false);
    described(out);
    label(out, read);
    tool_start(out, Tool::Stop, false);
    out.markup(" hidden");
    tool_label(out, speech_words(locale).stop);
    tool_start(out, Tool::Point, false);
    pressed(out, pointer_reading);
    described(out);
    label(out, point);
}

/// A read-aloud control's description: the note, when it says something.
pub(super) fn described(out: &mut HtmlWriter) {
    out.attr("aria-describedby", NOTE_ID);
}

fn label(out: &mut HtmlWriter, label: &str) {
    out.markup("><span class=\"");
    out.markup(LABEL_CLASS);
    out.markup("\">");
    out.text(label);
    out.markup("</span></button>\n");
}

/// The note that says why 朗读 and 指读 cannot read: `text`, or hidden and
/// empty until the view knows.
pub(super) fn write_note(out: &mut HtmlWriter, text: Option<&str>) {
    out.open("p");
    out.attr("id", NOTE_ID);
    out.markup(" class=\"yl-speech-note\" data-yl-elderly");
    match text {
        Some(text) => {
            out.markup(">");
            out.text(text);
        }
        None => out.markup(" hidden>"),
    }
    out.markup("</p>\n");
}
