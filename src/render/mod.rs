//! Document + options → semantic HTML. `escape.rs` is the only place that escapes.

use crate::model::Document;

/// Reading mode of the view.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Mode {
    /// The clean reading view (WCAG 2.2 AA).
    #[default]
    Standard,
    /// 老年模式: larger text, AAA contrast, the elderly toolbar.
    Elderly,
}

/// How to render.
///
/// # Defaults
/// Standard mode, the `standard` theme, scale 1.
#[derive(Debug, Clone, PartialEq)]
pub struct RenderOptions {
    pub mode: Mode,
    /// A theme id from [`crate::theme::themes`].
    pub theme: String,
    /// Text scale step: 1, 1.25, 1.5, 1.75, 2, 2.5 or 3.
    pub scale: f32,
}

impl Default for RenderOptions {
    fn default() -> Self {
        RenderOptions {
            mode: Mode::Standard,
            theme: "standard".to_owned(),
            scale: 1.0,
        }
    }
}

/// Renders the document as an HTML fragment (an `<article>`).
pub fn render(_doc: &Document, _options: &RenderOptions) -> String {
    String::new()
}
