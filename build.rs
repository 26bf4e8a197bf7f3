//! Writes to `OUT_DIR` what `src/` includes: minified copies of the
//! hand-written stylesheets in `assets/` (the comments and layout are for
//! the people editing the sheets, not for the readers downloading them),
//! and the HTML filter table `src/parse/html/filter.json` as Rust constants
//! (read once here, not at every page's first use).

use std::path::Path;

#[path = "build/css_min.rs"]
mod css_min;
#[path = "build/filter_table.rs"]
mod filter_table;

const SHEETS: [&str; 3] = ["yilan.css", "yilan-media.css", "yilan-toolbar.css"];

const FILTER: &str = "src/parse/html/filter.json";

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let out = std::env::var("OUT_DIR")?;
    println!("cargo::rerun-if-changed=build/css_min.rs");
    for name in SHEETS {
        let source = Path::new("assets").join(name);
        println!("cargo::rerun-if-changed={}", source.display());
        let css = std::fs::read_to_string(&source)?;
        std::fs::write(Path::new(&out).join(name), css_min::minify(&css))?;
    }
    println!("cargo::rerun-if-changed=build/filter_table.rs");
    println!("cargo::rerun-if-changed={FILTER}");
    let table = filter_table::read(&std::fs::read_to_string(FILTER)?)
        .map_err(|e| format!("{FILTER}: {e}"))?;
    std::fs::write(
        Path::new(&out).join("filter_table.rs"),
        filter_table::generate(&table),
    )?;
    Ok(())
}
