//! The themes' colours, checked by computing WCAG 2.x contrast from the
//! colour values themselves: every text pair reaches 7:1 and every
//! non-text boundary 3:1, in every theme (the elderly mode's requirement).

use yilan::theme::{
    contrast_ratio, find, hex_contrast, parse_hex, relative_luminance, system_dark, themes, Theme,
    AUTO, NON_TEXT_CONTRAST, TEXT_CONTRAST,
};

fn every_palette() -> Vec<&'static Theme> {
    themes()
        .iter()
        .chain(std::iter::once(system_dark()))
        .collect()
}

#[test]
fn contrast_matches_known_anchors() {
    let ratio = |a, b| hex_contrast(a, b).unwrap();
    assert!((ratio("#000000", "#ffffff") - 21.0).abs() < 1e-9);
    assert!((ratio("#ffffff", "#000000") - 21.0).abs() < 1e-9);
    assert!((ratio("#767676", "#ffffff") - 4.54).abs() < 0.01);
    assert!((ratio("#595959", "#ffffff") - 7.0).abs() < 0.01);
    assert!((ratio("#ffff00", "#000000") - 19.56).abs() < 0.01);
    assert!((ratio("#123456", "#123456") - 1.0).abs() < 1e-9);
    assert!(ratio("#777", "#fff") < 4.5, "#777 on white fails AA");
    assert_eq!(relative_luminance([0, 0, 0]), 0.0);
    assert!((relative_luminance([255, 255, 255]) - 1.0).abs() < 1e-12);
    assert_eq!(
        contrast_ratio([1, 2, 3], [200, 100, 50]),
        contrast_ratio([200, 100, 50], [1, 2, 3])
    );
}

#[test]
fn hex_parsing_accepts_only_colours() {
    assert_eq!(parse_hex("#0b4a8f"), Some([0x0b, 0x4a, 0x8f]));
    assert_eq!(parse_hex("#fff"), Some([255, 255, 255]));
    assert_eq!(parse_hex("#FfFf00"), Some([255, 255, 0]));
    for bad in [
        "", "#", "fff", "#ff", "#fffff", "#ggg000", "#ffffff0", "#ffé000",
    ] {
        assert_eq!(parse_hex(bad), None, "{bad}");
    }
}

#[test]
fn every_theme_reaches_aaa_for_text_and_3_to_1_for_boundaries() {
    let mut failures = Vec::new();
    for theme in every_palette() {
        let pairs = theme.colors.pairs();
        assert!(pairs.len() >= 19);
        for pair in pairs {
            let ratio = hex_contrast(pair.foreground, pair.background)
                .unwrap_or_else(|| panic!("{}: {} is not a colour", theme.id, pair.name));
            if ratio < pair.required {
                failures.push(format!(
                    "{}: {} {} on {} is {ratio:.2}:1, needs {}:1",
                    theme.id, pair.name, pair.foreground, pair.background, pair.required
                ));
            }
        }
    }
    assert!(failures.is_empty(), "{failures:#?}");
}

#[test]
fn pairs_cover_text_and_non_text_roles() {
    let pairs = themes()[0].colors.pairs();
    let text = pairs.iter().filter(|p| p.required == TEXT_CONTRAST).count();
    let ui = pairs
        .iter()
        .filter(|p| p.required == NON_TEXT_CONTRAST)
        .count();
    assert!(
        text >= 13 && ui >= 5,
        "{text} text pairs, {ui} non-text pairs"
    );
    for needed in [
        "text on background",
        "visited link on background",
        "label on surface",
        "button text",
        "speech highlight",
        "search highlight",
        "focus ring on background",
        "border on background",
    ] {
        assert!(pairs.iter().any(|p| p.name == needed), "{needed}");
    }
}

#[test]
fn the_required_themes_exist_with_chinese_labels() {
    let expected = [
        ("standard", "标准"),
        ("yellow-on-black", "黑底黄字"),
        ("white-on-black", "黑底白字"),
        ("black-on-white", "白底黑字"),
        ("cream", "护眼"),
    ];
    assert_eq!(themes()[0].id, "standard", "the default comes first");
    for (id, label) in expected {
        let theme = find(id).unwrap_or_else(|| panic!("{id}"));
        assert_eq!(theme.label, label);
        assert!(!theme.label_en.is_empty() && !theme.label_zh_tw.is_empty());
    }
    let mut ids: Vec<_> = themes().iter().map(|t| t.id).collect();
    ids.sort_unstable();
    ids.dedup();
    assert_eq!(ids.len(), themes().len(), "ids are unique");
    assert!(
        find(AUTO).is_none(),
        "auto means no theme chosen, it is not one"
    );
    assert!(
        find(system_dark().id).is_none(),
        "the dark palette is not offered"
    );
}

#[test]
fn dark_flag_follows_the_background() {
    for theme in every_palette() {
        let bg = parse_hex(theme.colors.background).unwrap();
        assert_eq!(theme.dark, relative_luminance(bg) < 0.2, "{}", theme.id);
    }
}

/// Prints each theme's lowest text contrast (`--nocapture` shows it).
#[test]
fn lowest_text_contrast_per_theme() {
    for theme in every_palette() {
        let (name, lowest) = theme
            .colors
            .pairs()
            .into_iter()
            .filter(|p| p.required == TEXT_CONTRAST)
            .map(|p| (p.name, hex_contrast(p.foreground, p.background).unwrap()))
            .fold(("", f64::INFINITY), |a, b| if b.1 < a.1 { b } else { a });
        println!(
            "{:16} {:10} lowest text contrast {lowest:.2}:1 ({name})",
            theme.id, theme.label
        );
        assert!(lowest >= TEXT_CONTRAST);
    }
}

#[test]
fn scale_steps_snap() {
    use yilan::theme::{scale_step, SCALE_STEPS};
    let steps: Vec<f32> = SCALE_STEPS.iter().map(|s| s.0).collect();
    assert_eq!(steps, [1.0, 1.25, 1.5, 1.75, 2.0, 2.5, 3.0]);
    for (value, name) in SCALE_STEPS {
        assert_eq!(scale_step(value), name);
        assert_eq!(name.parse::<f32>().unwrap(), value);
    }
    assert_eq!(scale_step(2.2), "2");
    assert_eq!(scale_step(2.3), "2.5");
    assert_eq!(scale_step(0.0), "1");
    assert_eq!(scale_step(f32::INFINITY), "1");
    assert_eq!(scale_step(f32::NAN), "1");
    assert_eq!(scale_step(9.0), "3");
}
