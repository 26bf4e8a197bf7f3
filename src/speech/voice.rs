//! Choosing a voice for a document among those a speech engine offers.
//!
//! ```
//! use yilan::speech::voice::{choose_voice, pick_voice, VoiceInfo};
//!
//! let voices = [
//!     VoiceInfo { name: "Samantha", lang: "en-US", local: true },
//!     VoiceInfo { name: "美佳", lang: "zh-TW", local: true },
//!     VoiceInfo { name: "晓晓", lang: "zh-CN", local: false },
//!     VoiceInfo { name: "婷婷", lang: "zh_CN", local: true },
//! ];
//! assert_eq!(pick_voice(&voices, "zh-CN"), Some(3));
//! assert_eq!(pick_voice(&voices, "zh-TW"), Some(1));
//! assert_eq!(pick_voice(&voices[..1], "zh-CN"), None);
//! // Asked for by name: taken when it reads Chinese.
//! assert_eq!(choose_voice(&voices, "zh-CN", Some("晓晓")), Some(2));
//! assert_eq!(choose_voice(&voices, "zh-CN", Some("Samantha")), Some(3));
//! ```

/// What matters of one voice.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct VoiceInfo<'a> {
    /// Its name (`Microsoft Xiaoxiao Online`), as a reader or host picks it.
    pub name: &'a str,
    /// Its language tag as the engine gives it (`zh-CN`, `zh_CN`, `cmn-Hans-CN`…).
    pub lang: &'a str,
    /// Spoken on the device (no network, no 15-second cut).
    pub local: bool,
}

/// How well a voice's language fits a document's, best first; `None` for a
/// voice that does not speak Chinese.
fn fit(voice: &str, doc: &str) -> Option<u8> {
    let voice = tag(voice);
    let doc = tag(doc);
    let chinese = |t: &str| {
        let primary = t.split('-').next().unwrap_or("");
        matches!(primary, "zh" | "cmn" | "yue")
    };
    if !chinese(&voice) {
        return None;
    }
    if voice == doc {
        return Some(0);
    }
    // Same script or region family: zh-CN and zh-SG and zh-Hans; zh-TW and
    // zh-HK and zh-Hant.
    if traditional(&voice) == traditional(&doc) {
        return Some(1);
    }
    Some(2)
}

/// A language tag in lower case with hyphens (Android writes `zh_CN`).
fn tag(lang: &str) -> String {
    lang.trim().replace('_', "-").to_ascii_lowercase()
}

/// Whether a (lower-case) tag names traditional characters or a region
/// that writes them; Cantonese voices are counted with them.
fn traditional(tag: &str) -> bool {
    tag.split('-')
        .any(|part| matches!(part, "tw" | "hk" | "mo" | "hant" | "yue"))
}

/// The voice to read a document in language `doc_lang` with: the closest
/// language (the same tag, then the same script, then any Chinese), and
/// among equals a voice on the device before a network one, then the
/// engine's order. `None` when no voice speaks Chinese.
pub fn pick_voice(voices: &[VoiceInfo], doc_lang: &str) -> Option<usize> {
    voices
        .iter()
        .enumerate()
        .filter_map(|(i, v)| fit(v.lang, doc_lang).map(|f| ((f, !v.local, i), i)))
        .min_by_key(|(key, _)| *key)
        .map(|(_, i)| i)
}

/// The voice to read with when the host or reader asked for one by name:
/// that voice when the engine has it and it speaks Chinese, else the one
/// [`pick_voice`] picks.
pub fn choose_voice(voices: &[VoiceInfo], doc_lang: &str, wanted: Option<&str>) -> Option<usize> {
    wanted
        .and_then(|name| {
            voices
                .iter()
                .position(|v| v.name == name && fit(v.lang, doc_lang).is_some())
        })
        .or_else(|| pick_voice(voices, doc_lang))
}

/// The language to set on every utterance: the document's when it is
/// Chinese, else `zh-CN` (the view reads only Chinese documents aloud).
pub fn utterance_lang(doc_lang: &str) -> String {
    if fit(doc_lang, doc_lang).is_some() {
        doc_lang.replace('_', "-")
    } else {
        "zh-CN".to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn v(lang: &str, local: bool) -> VoiceInfo<'_> {
        VoiceInfo {
            name: lang,
            lang,
            local,
        }
    }

    #[test]
    fn a_voice_asked_for_by_name_when_it_speaks_chinese() {
        let named = |name, lang| VoiceInfo {
            name,
            lang,
            local: true,
        };
        let voices = [
            named("English", "en-US"),
            named("晓晓", "zh-CN"),
            named("云希", "zh-CN"),
        ];
        assert_eq!(choose_voice(&voices, "zh-CN", Some("云希")), Some(2));
        assert_eq!(choose_voice(&voices, "zh-CN", None), Some(1));
        assert_eq!(
            choose_voice(&voices, "zh-CN", Some("English")),
            Some(1),
            "a voice that cannot read Chinese is not taken"
        );
        assert_eq!(choose_voice(&voices, "zh-CN", Some("无此语音")), Some(1));
        assert_eq!(choose_voice(&voices[..1], "zh-CN", Some("English")), None);
    }

    #[test]
    fn prefers_the_same_tag_then_the_same_script_then_any_chinese() {
        let voices = [v("zh-HK", true), v("zh-CN", true), v("zh-SG", true)];
        assert_eq!(pick_voice(&voices, "zh-CN"), Some(1));
        assert_eq!(pick_voice(&voices, "zh-TW"), Some(0));
        assert_eq!(
            pick_voice(&voices[2..], "zh-TW"),
            Some(0),
            "any Chinese voice rather than none"
        );
        assert_eq!(pick_voice(&voices, "zh-Hans-CN"), Some(1), "same script");
    }

    #[test]
    fn prefers_a_voice_on_the_device_among_equals() {
        let voices = [v("zh-CN", false), v("zh-CN", true), v("zh-CN", true)];
        assert_eq!(pick_voice(&voices, "zh-CN"), Some(1));
        // A network voice of the right tag still beats a local one of
        // another script.
        let voices = [v("zh-TW", true), v("zh-CN", false)];
        assert_eq!(pick_voice(&voices, "zh-CN"), Some(1));
    }

    #[test]
    fn reads_android_and_mandarin_tags() {
        assert_eq!(pick_voice(&[v("zh_CN", true)], "zh-CN"), Some(0));
        assert_eq!(pick_voice(&[v("ZH-cn", true)], "zh-CN"), Some(0));
        assert_eq!(pick_voice(&[v("cmn-Hans-CN", true)], "zh-CN"), Some(0));
    }

    #[test]
    fn no_chinese_voice_is_none() {
        assert_eq!(pick_voice(&[], "zh-CN"), None);
        let voices = [
            v("en-US", true),
            v("ja-JP", true),
            v("", true),
            v("z", true),
        ];
        assert_eq!(pick_voice(&voices, "zh-CN"), None);
    }

    #[test]
    fn the_utterance_language_is_the_documents_when_chinese() {
        assert_eq!(utterance_lang("zh-TW"), "zh-TW");
        assert_eq!(utterance_lang("zh_CN"), "zh-CN");
        assert_eq!(utterance_lang("en"), "zh-CN");
    }
}
