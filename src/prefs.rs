//! A reader's preferences (阅读偏好): reading mode, colour theme, text size,
//! reading guide, large cursor, speech rate and point-to-read, kept per site
//! under one versioned storage key.
//!
//! Stored values are read leniently, field by field: a value that is
//! missing, of the wrong type, out of range or unknown (a theme that no
//! longer exists) falls back to its default while the other fields are
//! kept, and nothing here ever fails. What is written is always complete
//! and valid.
//!
//! ```
//! use yilan::prefs::Prefs;
//! use yilan::Mode;
//!
//! let prefs = Prefs::from_json(r#"{"v":1,"mode":"elderly","theme":"gone","scale":"big"}"#);
//! assert_eq!(prefs.mode, Mode::Elderly);
//! assert_eq!(prefs.theme, "auto");
//! assert_eq!(prefs.scale, 1.0);
//! assert_eq!(Prefs::from_json(&prefs.to_json()), prefs);
//! ```

#[cfg(test)]
use serde::Serialize;

use crate::json_out::{write_f32, Object};
use crate::parse::json::value::{self, Fields, Number, Value};
use crate::render::Mode;
use crate::theme::{self, SCALE_STEPS};

/// The storage key (localStorage) of the preferences. The version is part
/// of the key, so a later format can live next to this one.
pub const STORAGE_KEY: &str = "yilan:prefs:v1";

/// The format version written in the stored object (`"v": 1`).
pub const PREFS_VERSION: u32 = 1;

/// Stored text longer than this is not read at all (it is not something
/// this crate wrote): the defaults are used instead.
pub const MAX_STORED_LEN: usize = 4096;

/// The slowest speech rate a reader may choose (half speed).
pub const MIN_SPEECH_RATE: f32 = 0.5;
/// The fastest speech rate a reader may choose (double speed).
pub const MAX_SPEECH_RATE: f32 = 2.0;
/// The speech rate until the reader chooses one: slightly slow, for
/// elderly listeners.
pub const DEFAULT_SPEECH_RATE: f32 = 0.9;
/// The rates of the toolbar's 语速 panel, slowest first: 慢, 稍慢 (the
/// default), 正常, 快, each with its value as the markup writes it (no
/// float formatting in the wasm). A rate set through the API may be
/// another.
pub const SPEECH_RATE_CHOICES: [(f32, &str); 4] = [
    (0.7, "0.7"),
    (DEFAULT_SPEECH_RATE, "0.9"),
    (1.0, "1"),
    (1.3, "1.3"),
];

/// Which of [`SPEECH_RATE_CHOICES`] `rate` is.
pub fn rate_choice(rate: f32) -> Option<usize> {
    SPEECH_RATE_CHOICES
        .iter()
        .position(|(choice, _)| (choice - rate).abs() < 0.005)
}

/// The mouse pointer's size (大鼠标).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Cursor {
    /// The system's own pointer.
    #[default]
    Normal,
    /// 大鼠标: a large pointer in the theme's colours.
    Large,
}

impl Cursor {
    /// The stored and `data-cursor` value: `normal` or `large`.
    pub fn as_str(self) -> &'static str {
        match self {
            Cursor::Normal => "normal",
            Cursor::Large => "large",
        }
    }

    /// The cursor named `normal` or `large`, if it is one.
    pub fn from_name(name: &str) -> Option<Cursor> {
        match name {
            "normal" => Some(Cursor::Normal),
            "large" => Some(Cursor::Large),
            _ => None,
        }
    }
}

/// A reader's preferences.
///
/// # Defaults
/// Standard mode, theme [`theme::AUTO`] (follow the system), scale 1, no
/// reading guide, the normal cursor, speech at [`DEFAULT_SPEECH_RATE`]
/// (0.9), point-to-read off.
#[derive(Debug, Clone, PartialEq)]
pub struct Prefs {
    /// Standard or elderly mode (老年模式).
    pub mode: Mode,
    /// 配色: a theme id from [`theme::themes`], or [`theme::AUTO`].
    pub theme: String,
    /// 字号: one of the steps of [`SCALE_STEPS`], 1 to 3.
    pub scale: f32,
    /// 阅读辅助线: the reading guide is shown.
    pub guide: bool,
    /// 大鼠标: the pointer's size.
    pub cursor: Cursor,
    /// 语速: the speech rate, [`MIN_SPEECH_RATE`] to [`MAX_SPEECH_RATE`].
    pub speech_rate: f32,
    /// 指读: reading aloud what the pointer rests on.
    pub pointer_reading: bool,
}

impl Default for Prefs {
    fn default() -> Self {
        Prefs {
            mode: Mode::Standard,
            theme: theme::AUTO.to_owned(),
            scale: 1.0,
            guide: false,
            cursor: Cursor::Normal,
            speech_rate: DEFAULT_SPEECH_RATE,
            pointer_reading: false,
        }
    }
}

/// The stored form, written in this field order (by hand, as serde_json
/// writes the derive, which a test compares).
#[cfg_attr(test, derive(Serialize))]
#[cfg_attr(test, serde(rename_all = "camelCase"))]
struct Stored<'a> {
    v: u32,
    mode: &'static str,
    theme: &'a str,
    scale: f32,
    guide: bool,
    cursor: &'static str,
    speech_rate: f32,
    pointer_reading: bool,
}

impl Prefs {
    /// Reads stored preferences; `None` (nothing stored) gives the defaults.
    pub fn from_stored(stored: Option<&str>) -> Prefs {
        stored.map(Prefs::from_json).unwrap_or_default()
    }

    /// Reads stored text leniently: each field that is valid is kept, each
    /// that is not takes its default. Text that is not a JSON object (or is
    /// longer than [`MAX_STORED_LEN`]) gives the defaults.
    pub fn from_json(text: &str) -> Prefs {
        let mut prefs = Prefs::default();
        if text.len() > MAX_STORED_LEN {
            return prefs;
        }
        let Ok(Value::Object(fields)) = value::parse(text) else {
            return prefs;
        };
        if let Some(mode) = string(&fields, "mode").and_then(Mode::from_name) {
            prefs.mode = mode;
        }
        if let Some(id) = string(&fields, "theme").filter(|id| is_theme(id)) {
            prefs.theme = id.to_owned();
        }
        if let Some(scale) = number(&fields, "scale").and_then(scale_from) {
            prefs.scale = scale;
        }
        if let Some(guide) = boolean(&fields, "guide") {
            prefs.guide = guide;
        }
        if let Some(cursor) = string(&fields, "cursor").and_then(Cursor::from_name) {
            prefs.cursor = cursor;
        }
        if let Some(rate) = number(&fields, "speechRate").and_then(speech_rate_from) {
            prefs.speech_rate = rate;
        }
        if let Some(on) = boolean(&fields, "pointerReading") {
            prefs.pointer_reading = on;
        }
        prefs
    }

    /// The stored text: a JSON object with every field.
    pub fn to_json(&self) -> String {
        let stored = Stored {
            v: PREFS_VERSION,
            mode: self.mode.as_str(),
            theme: if is_theme(&self.theme) {
                &self.theme
            } else {
                theme::AUTO
            },
            scale: scale_from(f64::from(self.scale)).unwrap_or(1.0),
            guide: self.guide,
            cursor: self.cursor.as_str(),
            speech_rate: speech_rate_from(f64::from(self.speech_rate))
                .unwrap_or(DEFAULT_SPEECH_RATE),
            pointer_reading: self.pointer_reading,
        };
        stored.to_json()
    }
}

impl Stored<'_> {
    fn to_json(&self) -> String {
        let mut out = String::new();
        let mut object = Object::start(&mut out);
        object
            .field("v", &self.v)
            .field("mode", self.mode)
            .field("theme", self.theme);
        write_f32(object.key("scale"), self.scale);
        object
            .field("guide", &self.guide)
            .field("cursor", self.cursor);
        write_f32(object.key("speechRate"), self.speech_rate);
        object.field("pointerReading", &self.pointer_reading).end();
        out
    }
}

/// Whether `id` names a theme a reader can choose, or [`theme::AUTO`].
pub fn is_theme(id: &str) -> bool {
    id == theme::AUTO || theme::find(id).is_some()
}

/// The scale step for a value from 1 to 3 (snapped to the nearest step);
/// `None` outside that range or for a value that is not a number.
pub fn scale_from(value: f64) -> Option<f32> {
    let (smallest, largest) = scale_range();
    if !(f64::from(smallest)..=f64::from(largest)).contains(&value) {
        return None;
    }
    let name = theme::scale_step(value as f32);
    SCALE_STEPS
        .iter()
        .find(|(_, step_name)| *step_name == name)
        .map(|(step, _)| *step)
}

/// The speech rate for a value from [`MIN_SPEECH_RATE`] to
/// [`MAX_SPEECH_RATE`]; `None` outside that range.
pub fn speech_rate_from(value: f64) -> Option<f32> {
    (f64::from(MIN_SPEECH_RATE)..=f64::from(MAX_SPEECH_RATE))
        .contains(&value)
        .then_some(value as f32)
}

/// The smallest and largest scale steps (1 and 3).
pub fn scale_range() -> (f32, f32) {
    let smallest = SCALE_STEPS.first().map_or(1.0, |step| step.0);
    let largest = SCALE_STEPS.last().map_or(1.0, |step| step.0);
    (smallest, largest)
}

/// The next larger step after `scale` (字号 +), `None` at the largest.
pub fn larger_scale(scale: f32) -> Option<f32> {
    SCALE_STEPS
        .iter()
        .map(|step| step.0)
        .find(|&step| step > scale + 0.001)
}

/// The next smaller step before `scale` (字号 −), `None` at the smallest.
pub fn smaller_scale(scale: f32) -> Option<f32> {
    SCALE_STEPS
        .iter()
        .rev()
        .map(|step| step.0)
        .find(|&step| step < scale - 0.001)
}

/// The scale as a whole percentage (1.5 → 150).
pub fn scale_percent(scale: f32) -> u32 {
    if scale.is_finite() && scale > 0.0 {
        (scale * 100.0).round() as u32
    } else {
        100
    }
}

/// The value of `key`: the last, if it is there twice (as serde_json
/// reads an object).
fn last<'f, 'a>(fields: &'f Fields<'a>, key: &str) -> Option<&'f Value<'a>> {
    fields.iter().rev().find(|(k, _)| k == key).map(|(_, v)| v)
}

fn string<'a>(fields: &'a Fields<'_>, key: &str) -> Option<&'a str> {
    match last(fields, key) {
        Some(Value::String(text)) => Some(text),
        _ => None,
    }
}

fn number(fields: &Fields<'_>, key: &str) -> Option<f64> {
    match last(fields, key) {
        Some(Value::Number(Number::Unsigned(n))) => Some(*n as f64),
        Some(Value::Number(Number::Negative(n))) => Some(*n as f64),
        Some(Value::Number(Number::Float(f))) => Some(*f),
        _ => None,
    }
}

fn boolean(fields: &Fields<'_>, key: &str) -> Option<bool> {
    match last(fields, key) {
        Some(Value::Bool(b)) => Some(*b),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_rate_choices_are_written_as_they_are_and_hold_the_default() {
        for (rate, written) in SPEECH_RATE_CHOICES {
            assert_eq!(written.parse::<f32>(), Ok(rate));
            assert_eq!(speech_rate_from(f64::from(rate)), Some(rate));
        }
        assert!(
            SPEECH_RATE_CHOICES.windows(2).all(|w| w[0].0 < w[1].0),
            "slowest first"
        );
        assert_eq!(rate_choice(DEFAULT_SPEECH_RATE), Some(1));
        assert_eq!(rate_choice(1.5), None);
    }

    use super::*;

    #[test]
    fn defaults_when_nothing_or_nonsense_is_stored() {
        let defaults = Prefs::default();
        assert_eq!(Prefs::from_stored(None), defaults);
        for text in [
            "",
            "null",
            "[]",
            "42",
            "\"elderly\"",
            "{",
            "{\"mode\":",
            "not json at all",
            "\u{feff}{}",
        ] {
            assert_eq!(Prefs::from_json(text), defaults, "{text:?}");
        }
        let huge = format!("{{\"mode\":\"elderly\",\"pad\":\"{}\"}}", "x".repeat(5000));
        assert_eq!(Prefs::from_json(&huge), defaults, "over the size limit");
    }

    #[test]
    fn every_field_is_read() {
        let prefs = Prefs::from_json(
            r#"{"v":1,"mode":"elderly","theme":"yellow-on-black","scale":2.5,"guide":true,
               "cursor":"large","speechRate":0.75,"pointerReading":true}"#,
        );
        assert_eq!(
            prefs,
            Prefs {
                mode: Mode::Elderly,
                theme: "yellow-on-black".into(),
                scale: 2.5,
                guide: true,
                cursor: Cursor::Large,
                speech_rate: 0.75,
                pointer_reading: true,
            }
        );
    }

    #[test]
    fn a_bad_field_falls_back_alone() {
        let base = r#""mode":"elderly","theme":"cream","scale":1.5,"guide":true,"cursor":"large","speechRate":1.25,"pointerReading":true"#;
        let good = Prefs::from_json(&format!("{{{base}}}"));
        assert_eq!(good.mode, Mode::Elderly);
        // Each corruption, appended after the good value (the last key
        // wins in serde_json), resets exactly its own field.
        type Reset = fn(&mut Prefs);
        let cases: [(&str, Reset); 14] = [
            (r#""mode":"large""#, |p| p.mode = Mode::Standard),
            (r#""mode":1"#, |p| p.mode = Mode::Standard),
            (r#""theme":"purple""#, |p| p.theme = "auto".into()),
            (r#""theme":null"#, |p| p.theme = "auto".into()),
            (r#""scale":0.5"#, |p| p.scale = 1.0),
            (r#""scale":30"#, |p| p.scale = 1.0),
            (r#""scale":"2""#, |p| p.scale = 1.0),
            (r#""guide":"yes""#, |p| p.guide = false),
            (r#""guide":1"#, |p| p.guide = false),
            (r#""cursor":true"#, |p| p.cursor = Cursor::Normal),
            (r#""cursor":"huge""#, |p| p.cursor = Cursor::Normal),
            (r#""speechRate":9"#, |p| p.speech_rate = DEFAULT_SPEECH_RATE),
            (r#""speechRate":-1"#, |p| {
                p.speech_rate = DEFAULT_SPEECH_RATE
            }),
            (r#""pointerReading":"on""#, |p| p.pointer_reading = false),
        ];
        for (corruption, reset) in cases {
            let mut expected = good.clone();
            reset(&mut expected);
            let read = Prefs::from_json(&format!("{{{base},{corruption}}}"));
            assert_eq!(read, expected, "{corruption}");
        }
    }

    #[test]
    fn scale_snaps_to_a_step_within_the_range() {
        assert_eq!(scale_from(1.0), Some(1.0));
        assert_eq!(scale_from(1.6), Some(1.5));
        assert_eq!(scale_from(2.3), Some(2.5));
        assert_eq!(scale_from(3.0), Some(3.0));
        assert_eq!(scale_from(3.01), None);
        assert_eq!(scale_from(0.99), None);
        assert_eq!(scale_from(f64::NAN), None);
        assert_eq!(scale_from(f64::INFINITY), None);
        assert_eq!(Prefs::from_json(r#"{"scale":1.3}"#).scale, 1.25);
    }

    #[test]
    fn unknown_fields_and_versions_do_not_matter() {
        let prefs = Prefs::from_json(r#"{"v":7,"mode":"elderly","future":{"x":[1,2]}}"#);
        assert_eq!(prefs.mode, Mode::Elderly);
        let prefs = Prefs::from_json(r#"{"mode":"elderly"}"#);
        assert_eq!(prefs.mode, Mode::Elderly);
    }

    #[test]
    fn written_text_is_what_serde_json_writes() {
        let mut count = 0;
        for (step, _) in SCALE_STEPS {
            for rate in (500..=2000).step_by(7).map(|n| n as f32 / 1000.0) {
                for (on, cursor) in [(false, Cursor::Normal), (true, Cursor::Large)] {
                    let stored = Stored {
                        v: PREFS_VERSION,
                        mode: if on { "elderly" } else { "standard" },
                        theme: "cream\"\\",
                        scale: step,
                        guide: on,
                        cursor: cursor.as_str(),
                        speech_rate: rate,
                        pointer_reading: !on,
                    };
                    assert_eq!(stored.to_json(), serde_json::to_string(&stored).unwrap());
                    count += 1;
                }
            }
        }
        assert!(count > 2000, "{count}");
    }

    #[test]
    fn written_text_is_complete_and_reads_back() {
        let prefs = Prefs {
            mode: Mode::Elderly,
            theme: "white-on-black".into(),
            scale: 1.75,
            guide: true,
            cursor: Cursor::Large,
            speech_rate: 1.5,
            pointer_reading: false,
        };
        let text = prefs.to_json();
        assert_eq!(
            text,
            r#"{"v":1,"mode":"elderly","theme":"white-on-black","scale":1.75,"guide":true,"cursor":"large","speechRate":1.5,"pointerReading":false}"#
        );
        assert_eq!(Prefs::from_json(&text), prefs);
        assert_eq!(
            Prefs::default().to_json(),
            r#"{"v":1,"mode":"standard","theme":"auto","scale":1.0,"guide":false,"cursor":"normal","speechRate":0.9,"pointerReading":false}"#
        );
    }

    #[test]
    fn invalid_values_are_never_written() {
        let prefs = Prefs {
            theme: "<script>".into(),
            scale: f32::NAN,
            speech_rate: 40.0,
            ..Prefs::default()
        };
        let read = Prefs::from_json(&prefs.to_json());
        assert_eq!(read, Prefs::default());
    }

    #[test]
    fn every_theme_and_auto_is_a_theme() {
        assert!(is_theme("auto"));
        for t in theme::themes() {
            assert!(is_theme(t.id));
        }
        assert!(
            !is_theme("standard-dark"),
            "the system palette is not chosen"
        );
        assert!(!is_theme(""));
    }

    #[test]
    fn scale_steps_up_and_down_within_bounds() {
        let mut up = vec![1.0];
        while let Some(next) = larger_scale(*up.last().unwrap()) {
            up.push(next);
        }
        assert_eq!(up, [1.0, 1.25, 1.5, 1.75, 2.0, 2.5, 3.0]);
        let mut down = vec![3.0];
        while let Some(next) = smaller_scale(*down.last().unwrap()) {
            down.push(next);
        }
        assert_eq!(down, [3.0, 2.5, 2.0, 1.75, 1.5, 1.25, 1.0]);
        assert_eq!(larger_scale(3.0), None);
        assert_eq!(smaller_scale(1.0), None);
        assert_eq!(scale_range(), (1.0, 3.0));
        assert_eq!(scale_percent(1.75), 175);
        assert_eq!(scale_percent(f32::NAN), 100);
    }
}
