//! Writes standalone pages of the reference document in every mode, theme
//! and scale to `target/yilan-preview/`, for looking at in a browser:
//! `cargo test --test render_preview -- --ignored`.

mod common;

use std::path::PathBuf;

use yilan::render::{standalone, Mode, RenderOptions};
use yilan::theme;

#[test]
#[ignore = "writes preview pages for a browser; run on demand"]
fn write_preview_pages() {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("target/yilan-preview");
    std::fs::create_dir_all(&dir).unwrap();
    let mut docs = vec![("reference", common::reference_document())];
    for (name, doc) in common::small_documents() {
        let stem = name.trim_start_matches("render/").trim_end_matches(".html");
        docs.push((stem, doc));
    }
    let theme_ids = std::iter::once(theme::AUTO).chain(theme::themes().iter().map(|t| t.id));
    for theme_id in theme_ids {
        for (mode, mode_name) in [(Mode::Standard, "standard"), (Mode::Elderly, "elderly")] {
            for (scale, scale_name) in theme::SCALE_STEPS {
                let options = RenderOptions {
                    mode,
                    theme: theme_id.to_owned(),
                    scale,
                    ..RenderOptions::default()
                };
                for (stem, doc) in &docs {
                    let file = dir.join(format!("{stem}-{mode_name}-{theme_id}-{scale_name}.html"));
                    std::fs::write(&file, standalone(doc, &options)).unwrap();
                }
            }
        }
    }
    assert!(dir.join("reference-elderly-cream-3.html").exists());
}
