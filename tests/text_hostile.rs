//! Hostile inputs: deep numbering, huge lines, many lines. These must finish
//! and keep the invariants (speed itself is measured in benches, not here).

mod common;

use yilan::model::Block;
use yilan::parse_text;

#[test]
fn sixty_thousand_nested_markers_stay_four_levels_deep() {
    let kinds = [
        "一、甲",
        "（一）乙",
        "1.丙",
        "（1）丁",
        "①戊",
        "第一部分 己",
        "第一章 庚",
    ];
    let mut input = String::new();
    for n in 0..60_000 {
        input.push_str(kinds[n % kinds.len()]);
        input.push('\n');
    }
    let doc = parse_text(&input);
    common::check_levels(&doc).unwrap();
    assert!(!doc.body.is_empty());
}

#[test]
fn a_ten_megabyte_line_is_one_paragraph() {
    let line = "今年以来,全镇经济社会发展稳中有进。".repeat(10 * 1024 * 1024 / 51);
    let doc = parse_text(&line);
    assert_eq!(doc.body.len(), 1);
    let Block::Paragraph(p) = &doc.body[0] else {
        panic!("a paragraph");
    };
    assert_eq!(p.text.len(), line.len());
}

#[test]
fn a_hundred_thousand_short_lines() {
    let mut input = String::new();
    for n in 0..100_000 {
        input.push_str(&format!("（{}）短标题{n}\n", ["一", "二", "三"][n % 3]));
    }
    let doc = parse_text(&input);
    common::check_levels(&doc).unwrap();
}

#[test]
fn many_repeated_heading_like_lines() {
    // Lines that could each start a table of contents.
    let input = "总则\n适用范围\n".repeat(50_000);
    let doc = parse_text(&input);
    common::check_levels(&doc).unwrap();
}

#[test]
fn a_long_enumeration_and_a_long_run_of_labels() {
    let mut text = String::from("总体思路。");
    for n in 1..=99 {
        let numeral = yilan_numeral(n);
        text.push_str(&format!("{numeral}是做好第{n}件事。具体要求如下。"));
    }
    let doc = parse_text(&text);
    assert!(matches!(doc.body.get(1), Some(Block::List(l)) if l.items.len() == 99));
    let labels = "索引号: 1 ".repeat(5_000);
    let doc = parse_text(&labels);
    common::check_levels(&doc).unwrap();
}

fn yilan_numeral(n: u32) -> String {
    let digits = ["", "一", "二", "三", "四", "五", "六", "七", "八", "九"];
    let (tens, ones) = (n / 10, n % 10);
    let mut s = String::new();
    if tens > 1 {
        s.push_str(digits[tens as usize]);
    }
    if tens > 0 {
        s.push('十');
    }
    s.push_str(digits[ones as usize]);
    s
}

/// Prints parse throughput for growing inputs, to spot anything worse than
/// linear. Not a timed assertion: run with
/// `cargo test --release --test text_hostile -- --ignored --nocapture`.
#[test]
#[ignore]
fn print_throughput() {
    let (_, reference) = common::text_fixtures().into_iter().next().unwrap();
    for copies in [10usize, 100, 1000] {
        let input = reference.repeat(copies);
        let start = std::time::Instant::now();
        let doc = parse_text(&input);
        let secs = start.elapsed().as_secs_f64();
        println!(
            "{copies:5} copies, {:6.1} MB: {:.3} s, {:.1} MB/s, {} blocks",
            input.len() as f64 / 1e6,
            secs,
            input.len() as f64 / 1e6 / secs,
            doc.body.len()
        );
    }
    for lines in [10_000usize, 100_000, 400_000] {
        let input = "（一）短标题\n总则\n".repeat(lines / 2);
        let start = std::time::Instant::now();
        parse_text(&input);
        println!(
            "{lines:7} short lines: {:.3} s",
            start.elapsed().as_secs_f64()
        );
    }
}
