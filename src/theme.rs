//! Colour themes as data, the font-scale steps, and the WCAG 2.x contrast
//! computation.
//!
//! The stylesheet's theme blocks are generated from these values
//! (`render::stylesheet`), so the colours a test checks are the colours a
//! reader sees. Every theme is meant for the elderly mode (老年模式), where
//! every text colour on its background reaches 7:1 (WCAG 2.2 1.4.6, AAA) and
//! every non-text boundary (control borders, the focus ring) 3:1 (1.4.11).

/// A colour as `#rrggbb`.
pub type Hex = &'static str;

/// Every colour a theme sets. Each role is one CSS custom property
/// ([`Palette::roles`] gives the names).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Palette {
    /// The page background.
    pub background: Hex,
    /// Body text.
    pub text: Hex,
    /// Headings and the title.
    pub heading: Hex,
    /// Links (always underlined as well).
    pub link: Hex,
    /// Visited links.
    pub visited: Hex,
    /// Metadata labels (索引号, 成文日期, …), the breadcrumb, captions.
    pub label: Hex,
    /// The background of boxes: the metadata block, table headers, the
    /// toolbar.
    pub surface: Hex,
    /// Button background.
    pub button_background: Hex,
    /// Button text.
    pub button_text: Hex,
    /// Borders of buttons, tables and boxes (non-text: 3:1).
    pub border: Hex,
    /// The focus ring (non-text: 3:1).
    pub focus: Hex,
    /// Accent lines under the title and beside headings (non-text: 3:1).
    pub accent: Hex,
    /// Background of the sentence being read aloud.
    pub speech_background: Hex,
    /// Text of the sentence being read aloud.
    pub speech_text: Hex,
    /// Background of a search match.
    pub mark_background: Hex,
    /// Text of a search match.
    pub mark_text: Hex,
}

/// A colour theme.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Theme {
    /// Stable id, used in `data-theme` and in stored preferences.
    pub id: &'static str,
    /// Chinese label (简体).
    pub label: &'static str,
    /// Chinese label (繁體).
    pub label_zh_tw: &'static str,
    /// English label.
    pub label_en: &'static str,
    /// Whether the background is dark (sets `color-scheme`, so scroll bars
    /// and native controls match).
    pub dark: bool,
    /// The colours.
    pub colors: Palette,
}

/// The `data-theme` value that means "no theme chosen": the standard theme,
/// or [`system_dark`] when the operating system prefers a dark scheme
/// (`prefers-color-scheme: dark`). A theme the reader chose is never
/// changed by the system's preference.
pub const AUTO: &str = "auto";

/// The themes a reader can choose, the default first.
pub fn themes() -> &'static [Theme] {
    &THEMES
}

/// The theme with this id, if any.
pub fn find(id: &str) -> Option<&'static Theme> {
    THEMES.iter().find(|theme| theme.id == id)
}

/// The standard theme's dark palette, used for [`AUTO`] when the system
/// prefers a dark scheme.
pub fn system_dark() -> &'static Theme {
    &SYSTEM_DARK
}

const THEMES: [Theme; 5] = [
    Theme {
        id: "standard",
        label: "标准",
        label_zh_tw: "標準",
        label_en: "Standard",
        dark: false,
        colors: Palette {
            background: "#ffffff",
            text: "#1f1f1f",
            heading: "#12355b",
            link: "#0b4a8f",
            visited: "#5b2d86",
            label: "#4a4a4a",
            surface: "#f3f5f8",
            button_background: "#f3f5f8",
            button_text: "#12355b",
            border: "#5d6b7a",
            focus: "#1a5fb4",
            accent: "#a61b1b",
            speech_background: "#ffe98a",
            speech_text: "#1f1f1f",
            mark_background: "#ffc98f",
            mark_text: "#1f1f1f",
        },
    },
    Theme {
        id: "yellow-on-black",
        label: "黑底黄字",
        label_zh_tw: "黑底黃字",
        label_en: "Yellow on black",
        dark: true,
        colors: Palette {
            background: "#000000",
            text: "#ffff00",
            heading: "#ffff00",
            link: "#7fe3ff",
            visited: "#f0b8ff",
            label: "#ffe866",
            surface: "#1a1a1a",
            button_background: "#000000",
            button_text: "#ffff00",
            border: "#ffff00",
            focus: "#00ffff",
            accent: "#ffff00",
            speech_background: "#ffff00",
            speech_text: "#000000",
            mark_background: "#00ffff",
            mark_text: "#000000",
        },
    },
    Theme {
        id: "white-on-black",
        label: "黑底白字",
        label_zh_tw: "黑底白字",
        label_en: "White on black",
        dark: true,
        colors: Palette {
            background: "#000000",
            text: "#ffffff",
            heading: "#ffffff",
            link: "#9ad2ff",
            visited: "#dcb8ff",
            label: "#e0e0e0",
            surface: "#1a1a1a",
            button_background: "#000000",
            button_text: "#ffffff",
            border: "#ffffff",
            focus: "#ffff00",
            accent: "#ffffff",
            speech_background: "#ffff00",
            speech_text: "#000000",
            mark_background: "#7fe3ff",
            mark_text: "#000000",
        },
    },
    Theme {
        id: "black-on-white",
        label: "白底黑字",
        label_zh_tw: "白底黑字",
        label_en: "Black on white",
        dark: false,
        colors: Palette {
            background: "#ffffff",
            text: "#000000",
            heading: "#000000",
            link: "#0000c8",
            visited: "#551a8b",
            label: "#262626",
            surface: "#f0f0f0",
            button_background: "#ffffff",
            button_text: "#000000",
            border: "#000000",
            focus: "#0000c8",
            accent: "#000000",
            speech_background: "#ffff00",
            speech_text: "#000000",
            mark_background: "#9fe0ff",
            mark_text: "#000000",
        },
    },
    Theme {
        id: "cream",
        label: "护眼",
        label_zh_tw: "護眼",
        label_en: "Cream",
        dark: false,
        colors: Palette {
            background: "#f7f0dc",
            text: "#2b2216",
            heading: "#3b2a12",
            link: "#1a4170",
            visited: "#5e2f6e",
            label: "#4f4030",
            surface: "#efe4c6",
            button_background: "#efe4c6",
            button_text: "#3b2a12",
            border: "#7d6445",
            focus: "#9b3a0c",
            accent: "#8a5a2b",
            speech_background: "#ffd866",
            speech_text: "#2b2216",
            mark_background: "#bfe3f5",
            mark_text: "#2b2216",
        },
    },
];

const SYSTEM_DARK: Theme = Theme {
    id: "standard-dark",
    label: "标准（深色）",
    label_zh_tw: "標準（深色）",
    label_en: "Standard (dark)",
    dark: true,
    colors: Palette {
        background: "#15181c",
        text: "#e6e6e6",
        heading: "#f2f2f2",
        link: "#8cc8ff",
        visited: "#d7b4ff",
        label: "#c8c8c8",
        surface: "#22272e",
        button_background: "#22272e",
        button_text: "#f2f2f2",
        border: "#8b96a3",
        focus: "#ffd166",
        accent: "#ff8a80",
        speech_background: "#ffe98a",
        speech_text: "#111111",
        mark_background: "#ffc98f",
        mark_text: "#111111",
    },
};

/// A foreground colour role drawn on a background role, with the contrast
/// it must reach.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Pair {
    /// `"link on surface"`: names the roles, for messages.
    pub name: &'static str,
    /// The colour drawn.
    pub foreground: Hex,
    /// The colour it is drawn on.
    pub background: Hex,
    /// 7.0 for text (1.4.6), 3.0 for non-text boundaries (1.4.11).
    pub required: f64,
}

/// Contrast WCAG 1.4.6 (AAA) asks of text.
pub const TEXT_CONTRAST: f64 = 7.0;
/// Contrast WCAG 1.4.11 asks of user-interface boundaries and focus rings.
pub const NON_TEXT_CONTRAST: f64 = 3.0;

impl Palette {
    /// Every role with the CSS custom property that carries it.
    pub fn roles(&self) -> [(&'static str, Hex); 16] {
        [
            ("--yl-bg", self.background),
            ("--yl-text", self.text),
            ("--yl-heading", self.heading),
            ("--yl-link", self.link),
            ("--yl-visited", self.visited),
            ("--yl-label", self.label),
            ("--yl-surface", self.surface),
            ("--yl-button-bg", self.button_background),
            ("--yl-button-text", self.button_text),
            ("--yl-border", self.border),
            ("--yl-focus", self.focus),
            ("--yl-accent", self.accent),
            ("--yl-speech-bg", self.speech_background),
            ("--yl-speech-text", self.speech_text),
            ("--yl-mark-bg", self.mark_background),
            ("--yl-mark-text", self.mark_text),
        ]
    }

    /// Every pair of colours the stylesheet draws one on the other: text
    /// pairs need [`TEXT_CONTRAST`], boundaries [`NON_TEXT_CONTRAST`].
    pub fn pairs(&self) -> Vec<Pair> {
        let text = |name, foreground, background| Pair {
            name,
            foreground,
            background,
            required: TEXT_CONTRAST,
        };
        let ui = |name, foreground, background| Pair {
            name,
            foreground,
            background,
            required: NON_TEXT_CONTRAST,
        };
        let p = self;
        vec![
            text("text on background", p.text, p.background),
            text("heading on background", p.heading, p.background),
            text("link on background", p.link, p.background),
            text("visited link on background", p.visited, p.background),
            text("label on background", p.label, p.background),
            text("text on surface", p.text, p.surface),
            text("heading on surface", p.heading, p.surface),
            text("label on surface", p.label, p.surface),
            text("link on surface", p.link, p.surface),
            text("visited link on surface", p.visited, p.surface),
            text("button text", p.button_text, p.button_background),
            text("speech highlight", p.speech_text, p.speech_background),
            text("search highlight", p.mark_text, p.mark_background),
            ui("border on background", p.border, p.background),
            ui("border on surface", p.border, p.surface),
            ui("border on button", p.border, p.button_background),
            ui("focus ring on background", p.focus, p.background),
            ui("focus ring on surface", p.focus, p.surface),
            ui("accent on background", p.accent, p.background),
        ]
    }
}

/// The scale steps of the elderly mode's text size (1× to 3×), with the
/// `data-scale` value the stylesheet knows.
pub const SCALE_STEPS: [(f32, &str); 7] = [
    (1.0, "1"),
    (1.25, "1.25"),
    (1.5, "1.5"),
    (1.75, "1.75"),
    (2.0, "2"),
    (2.5, "2.5"),
    (3.0, "3"),
];

/// The step nearest to `scale`, as its `data-scale` value; 1 for a value
/// that is not a number.
pub fn scale_step(scale: f32) -> &'static str {
    let mut best = ("1", f32::INFINITY);
    if scale.is_finite() {
        for (step, name) in SCALE_STEPS {
            let distance = (step - scale).abs();
            if distance < best.1 {
                best = (name, distance);
            }
        }
    }
    best.0
}

/// Parses `#rrggbb` (or `#rgb`) into its channels.
pub fn parse_hex(hex: &str) -> Option<[u8; 3]> {
    let digits = hex.strip_prefix('#')?;
    let value = |s: &str| u8::from_str_radix(s, 16).ok();
    match digits.len() {
        6 => Some([
            value(digits.get(0..2)?)?,
            value(digits.get(2..4)?)?,
            value(digits.get(4..6)?)?,
        ]),
        3 => {
            let mut rgb = [0u8; 3];
            for (slot, c) in rgb.iter_mut().zip(digits.chars()) {
                let nibble = u8::try_from(c.to_digit(16)?).ok()?;
                *slot = nibble * 17;
            }
            Some(rgb)
        }
        _ => None,
    }
}

/// WCAG 2.x relative luminance of an sRGB colour (0 for black, 1 for white).
pub fn relative_luminance(rgb: [u8; 3]) -> f64 {
    let channel = |c: u8| {
        let c = f64::from(c) / 255.0;
        if c <= 0.04045 {
            c / 12.92
        } else {
            ((c + 0.055) / 1.055).powf(2.4)
        }
    };
    0.2126 * channel(rgb[0]) + 0.7152 * channel(rgb[1]) + 0.0722 * channel(rgb[2])
}

/// WCAG 2.x contrast ratio of two colours, 1 to 21, order-independent.
pub fn contrast_ratio(a: [u8; 3], b: [u8; 3]) -> f64 {
    let (la, lb) = (relative_luminance(a), relative_luminance(b));
    let (lighter, darker) = if la >= lb { (la, lb) } else { (lb, la) };
    (lighter + 0.05) / (darker + 0.05)
}

/// The contrast of two `#rrggbb` colours, `None` if either is malformed.
pub fn hex_contrast(a: &str, b: &str) -> Option<f64> {
    Some(contrast_ratio(parse_hex(a)?, parse_hex(b)?))
}
