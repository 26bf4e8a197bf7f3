//! Writes minified copies of the hand-written stylesheets in `assets/` to
//! `OUT_DIR`, where `src/render` includes them: the comments and layout are
//! for the people editing the sheets, not for the readers downloading them.

use std::path::Path;

#[path = "build/css_min.rs"]
mod css_min;

const SHEETS: [&str; 3] = ["yilan.css", "yilan-media.css", "yilan-toolbar.css"];

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let out = std::env::var("OUT_DIR")?;
    println!("cargo::rerun-if-changed=build/css_min.rs");
    for name in SHEETS {
        let source = Path::new("assets").join(name);
        println!("cargo::rerun-if-changed={}", source.display());
        let css = std::fs::read_to_string(&source)?;
        std::fs::write(Path::new(&out).join(name), css_min::minify(&css))?;
    }
    Ok(())
}
