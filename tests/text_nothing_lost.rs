//! Nothing is lost: every line of every text fixture, less the chrome the
//! parser reported, is in the document (whitespace, pipes, label colons and
//! bullets aside), and body lines come in input order.

mod common;

use common::{model_text, norm, text_fixtures};
use yilan::model::{Block, Document};
use yilan::parse::lines::Trace;
use yilan::parse::text::parse_text_traced;

/// Lines the parser moves on purpose: (fixture, line, why).
const MOVED: &[(&str, u32, &str)] = &[(
    "19-mouding-huanjing-yingjiyuan",
    25,
    "the signature date printed (damaged) after the note goes back into the signature",
)];

/// Every problem found: lines whose text is missing, lines out of order, and
/// chrome hits that are not in their line. Lines in [`MOVED`] may be out of
/// order; `moved` counts them.
fn audit(slug: &str, input: &str, doc: &Document, trace: &Trace) -> Vec<String> {
    audit_counting(slug, input, doc, trace, &mut 0)
}

fn audit_counting(
    slug: &str,
    input: &str,
    doc: &Document,
    trace: &Trace,
    moved: &mut usize,
) -> Vec<String> {
    let (head, body) = model_text(doc);
    let mut problems = Vec::new();
    let mut cursor = 0usize;
    for (n, raw) in input.split('\n').enumerate() {
        let number = u32::try_from(n + 1).unwrap();
        let mut rest = raw.to_owned();
        for hit in trace.chrome.iter().filter(|h| h.line == number) {
            match rest.find(&hit.text) {
                Some(at) => rest.replace_range(at..at + hit.text.len(), " "),
                None => problems.push(format!(
                    "line {number}: chrome {:?} is not in the line",
                    hit.text
                )),
            }
        }
        let want = norm(&rest);
        if want.is_empty() {
            continue;
        }
        if in_head(&head, &want, doc) {
            continue;
        }
        if let Some(at) = body.get(cursor..).and_then(|b| b.find(&want)) {
            cursor += at + want.len();
        } else if body.contains(&want) {
            let allowed = MOVED.iter().any(|(s, l, _)| *s == slug && *l == number);
            *moved += usize::from(allowed);
            if !allowed {
                problems.push(format!("line {number}: out of order: {want}"));
            }
        } else {
            problems.push(format!("line {number}: lost: {want}"));
        }
    }
    problems
}

/// Whether `want` is in the head: whole, or field by field (a line of
/// several fields whose values were completed from elsewhere, such as an
/// empty 文号 filled from the number printed under the title).
fn in_head(head: &str, want: &str, doc: &Document) -> bool {
    if head.contains(want) {
        return true;
    }
    let labels: Vec<String> = doc.meta.iter().map(|m| norm(&m.label)).collect();
    let mut cuts = vec![0];
    let mut pos = 0;
    while pos < want.len() {
        let tail = &want[pos..];
        match labels
            .iter()
            .filter(|l| !l.is_empty() && tail.starts_with(l.as_str()))
            .max_by_key(|l| l.len())
        {
            Some(l) => {
                if pos > 0 {
                    cuts.push(pos);
                }
                pos += l.len();
            }
            None => pos += tail.chars().next().map_or(1, char::len_utf8),
        }
    }
    cuts.push(want.len());
    cuts.len() > 2 && cuts.windows(2).all(|w| head.contains(&want[w[0]..w[1]]))
}

#[test]
fn every_fixture_keeps_all_its_text() {
    let mut report = Vec::new();
    let mut moved = 0;
    for (slug, input) in text_fixtures() {
        let (doc, trace) = parse_text_traced(&input);
        for p in audit_counting(&slug, &input, &doc, &trace, &mut moved) {
            report.push(format!("{slug}: {p}"));
        }
    }
    assert_eq!(
        moved,
        MOVED.len(),
        "every allowed move happens (none is stale)"
    );
    assert!(
        report.is_empty(),
        "text lost or moved:\n{}",
        report.join("\n")
    );
}

#[test]
fn the_audit_notices_a_lost_paragraph_and_a_lost_field() {
    let (slug, input) = text_fixtures().into_iter().next().unwrap();
    let (mut doc, trace) = parse_text_traced(&input);
    assert!(audit(&slug, &input, &doc, &trace).is_empty());
    // Drop the last paragraph of the first section.
    let Some(Block::Section(s)) = doc.body.first_mut() else {
        panic!("the reference document starts with a section");
    };
    let dropped = s.blocks.remove(0);
    assert!(matches!(dropped, Block::Paragraph(_)));
    let problems = audit(&slug, &input, &doc, &trace);
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert!(problems[0].contains("lost"), "{problems:?}");
    // Drop one metadata field.
    let (mut doc, trace) = parse_text_traced(&input);
    doc.meta.remove(0);
    assert!(!audit(&slug, &input, &doc, &trace).is_empty());
    // Claim chrome that is not there.
    let (doc, mut trace) = parse_text_traced(&input);
    trace.chrome.push(yilan::parse::lines::ChromeHit {
        line: 14,
        text: "不存在的文字".into(),
    });
    assert!(!audit(&slug, &input, &doc, &trace).is_empty());
}

#[test]
fn chrome_is_only_what_the_tables_match() {
    // Every chrome hit of every fixture is one of the known kinds of chrome.
    let known = |t: &str| {
        let c = norm(t);
        c.is_empty()
            || c.starts_with("当前位置")
            || c == ">"
            || c == ">>"
            || yilan::parse::chrome::whole_line(t).is_some()
            || yilan::parse::chrome::is_nav_line(t)
            || matches!(
                yilan::parse::meta::lookup(t),
                Some(yilan::parse::meta::LabelKind::Chrome)
            )
    };
    for (slug, input) in text_fixtures() {
        let (_, trace) = parse_text_traced(&input);
        for hit in &trace.chrome {
            // The one banner line is checked by its expected file.
            if slug.starts_with("19-") && hit.line == 1 {
                assert_eq!(hit.text, "牟定县人民政府");
                continue;
            }
            assert!(known(&hit.text), "{slug}: unexpected chrome {hit:?}");
        }
    }
}
