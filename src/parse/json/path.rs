//! Where a value sits in model JSON, kept as links to the enclosing places
//! and written out (`body[3].blocks[0].level`) only for an error.

/// A place in the document: each step holds a reference to its parent, so
/// making one costs nothing and no text is built while reading succeeds.
#[derive(Debug, Clone, Copy)]
pub(super) enum Path<'p> {
    /// The document itself (written as the empty path).
    Root,
    /// A block, by its index in the body and in each enclosing section
    /// (`body[3].blocks[0]`); never empty.
    Block(&'p [usize]),
    /// A field of an object.
    Key(&'p Path<'p>, &'p str),
    /// An element of an array.
    Index(&'p Path<'p>, usize),
}

/// A step of a path, written out root first.
pub(super) enum Step<'p> {
    /// The blocks at these indices in the body and its sections.
    Block(&'p [usize]),
    /// A field of an object.
    Key(&'p str),
    /// An element of an array.
    Index(usize),
}

/// How many steps at each end of a long path [`abbreviated`] writes.
pub(super) const ENDS: usize = 8;

impl<'p> Path<'p> {
    /// The field `key` of the object here.
    pub(super) fn key<'q>(&'q self, key: &'q str) -> Path<'q> {
        Path::Key(self, key)
    }

    /// The element `n` of the array here.
    pub(super) fn index(&self, n: usize) -> Path<'_> {
        Path::Index(self, n)
    }

    /// The path as text: `.key` for a plain key, `["odd key"]` otherwise,
    /// `[n]` for an element.
    pub(super) fn text(&self) -> String {
        let mut steps = Vec::new();
        let mut at = *self;
        loop {
            match at {
                Path::Root => break,
                Path::Block(indices) => {
                    steps.push(Step::Block(indices));
                    break;
                }
                Path::Key(parent, key) => {
                    steps.push(Step::Key(key));
                    at = *parent;
                }
                Path::Index(parent, n) => {
                    steps.push(Step::Index(n));
                    at = *parent;
                }
            }
        }
        steps.reverse();
        let mut text = String::new();
        for step in &steps {
            push_step(&mut text, step);
        }
        text
    }
}

/// The path through `steps`, root first, written as [`Path::text`] writes
/// a path; one of more than twice [`ENDS`] steps is written as its first
/// and last [`ENDS`] steps with `…` for those between
/// (`title.x.x.x.x.x.x.x.x….x.x.x.x.x.x.x.x`).
pub(super) fn abbreviated(steps: &[Step<'_>]) -> String {
    let mut text = String::new();
    let cut = steps.len() > 2 * ENDS;
    for (n, step) in steps.iter().enumerate() {
        if cut && (ENDS..steps.len() - ENDS).contains(&n) {
            if n == ENDS {
                text.push('…');
            }
            continue;
        }
        push_step(&mut text, step);
    }
    text
}

fn push_step(text: &mut String, step: &Step<'_>) {
    match step {
        Step::Block(indices) => {
            text.push_str("body");
            for (depth, n) in indices.iter().enumerate() {
                if depth > 0 {
                    text.push_str(".blocks");
                }
                push_index(text, *n);
            }
        }
        Step::Key(key) => push_key(text, key),
        Step::Index(n) => push_index(text, *n),
    }
}

fn push_index(path: &mut String, n: usize) {
    path.push('[');
    path.push_str(&n.to_string());
    path.push(']');
}

/// Appends `.key`, or `["odd key"]` for a key that is not a plain name.
pub(super) fn push_key(path: &mut String, key: &str) {
    let plain = key
        .chars()
        .next()
        .is_some_and(|c| c.is_ascii_alphabetic() || c == '_')
        && key.chars().all(|c| c.is_ascii_alphanumeric() || c == '_');
    if plain {
        if !path.is_empty() {
            path.push('.');
        }
        path.push_str(key);
    } else {
        let mut quoted = String::new();
        crate::json_out::write_str(&mut quoted, key);
        path.push('[');
        path.push_str(&super::read::short(&quoted));
        path.push(']');
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_are_written_root_first() {
        assert_eq!(Path::Root.text(), "");
        assert_eq!(Path::Root.key("title").text(), "title");
        let blocks = [3, 0, 12];
        let block = Path::Block(&blocks);
        assert_eq!(block.text(), "body[3].blocks[0].blocks[12]");
        let rows = block.key("rows");
        let row = rows.index(2);
        let cells = row.key("cells");
        assert_eq!(
            cells.index(0).key("colspan").text(),
            "body[3].blocks[0].blocks[12].rows[2].cells[0].colspan"
        );
        assert_eq!(
            block.key("run_in").text(),
            "body[3].blocks[0].blocks[12].run_in"
        );
        assert_eq!(Path::Root.key("a b").text(), r#"["a b"]"#);
        assert_eq!(Path::Root.key("").text(), r#"[""]"#);
        assert_eq!(Path::Root.key("9a").text(), r#"["9a"]"#);
        let meta = Path::Root.key("meta");
        assert_eq!(meta.index(1).key("odd key").text(), r#"meta[1]["odd key"]"#);
    }

    #[test]
    fn long_paths_keep_their_ends() {
        let steps = |keys: usize| {
            let mut steps = vec![Step::Key("title")];
            steps.extend((0..keys).map(|n| {
                if n % 2 == 0 {
                    Step::Key("x")
                } else {
                    Step::Index(n)
                }
            }));
            steps
        };
        // Up to twice ENDS steps: all of them.
        assert_eq!(abbreviated(&steps(2 * ENDS - 1)).matches('x').count(), ENDS);
        assert!(!abbreviated(&steps(2 * ENDS - 1)).contains('…'));
        assert_eq!(abbreviated(&[]), "");
        assert_eq!(
            abbreviated(&[Step::Index(3), Step::Key("a b")]),
            r#"[3]["a b"]"#
        );
        // One more: the first and last ENDS, the rest as `…`.
        assert_eq!(
            abbreviated(&steps(2 * ENDS)),
            "title.x[1].x[3].x[5].x….x[9].x[11].x[13].x[15]"
        );
        assert_eq!(
            abbreviated(&steps(126)),
            "title.x[1].x[3].x[5].x….x[119].x[121].x[123].x[125]"
        );
    }
}
