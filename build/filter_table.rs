//! Turns `src/parse/html/filter.json` (the filter table the browser's walker
//! carries a copy of) into Rust constants, so the library reads the table
//! with no JSON reader at run time.
//!
//! The table is small and fixed in shape: an object with `version` (a
//! non-negative integer) and the string lists `skip`, `attrs` and `style`.
//! The reader here takes exactly that JSON subset and rejects anything
//! else, so a malformed table fails the build instead of filtering nothing.

use std::fmt::Write as _;

/// The table as read.
#[derive(Debug, Default)]
pub struct Table {
    /// Version of the table and of the encoding.
    pub version: u32,
    /// Elements skipped with their whole subtree.
    pub skip: Vec<String>,
    /// Attributes kept, in the order they are emitted.
    pub attrs: Vec<String>,
    /// Style properties kept.
    pub style: Vec<String>,
}

/// A JSON value of the subset the table uses.
enum Value {
    Number(u32),
    Strings(Vec<String>),
}

struct Reader<'a> {
    bytes: &'a [u8],
    pos: usize,
}

impl Reader<'_> {
    fn space(&mut self) {
        while matches!(self.bytes.get(self.pos), Some(b' ' | b'\t' | b'\n' | b'\r')) {
            self.pos += 1;
        }
    }

    fn expect(&mut self, byte: u8) -> Result<(), String> {
        self.space();
        if self.bytes.get(self.pos) == Some(&byte) {
            self.pos += 1;
            Ok(())
        } else {
            Err(format!("expected '{}' at byte {}", byte as char, self.pos))
        }
    }

    /// Whether the next non-space byte is `byte` (consumed if so).
    fn eat(&mut self, byte: u8) -> bool {
        self.space();
        let found = self.bytes.get(self.pos) == Some(&byte);
        if found {
            self.pos += 1;
        }
        found
    }

    fn string(&mut self) -> Result<String, String> {
        self.expect(b'"')?;
        let mut out = Vec::new();
        loop {
            let Some(&b) = self.bytes.get(self.pos) else {
                return Err("unterminated string".into());
            };
            self.pos += 1;
            match b {
                b'"' => break,
                b'\\' => {
                    let Some(&e) = self.bytes.get(self.pos) else {
                        return Err("unterminated escape".into());
                    };
                    self.pos += 1;
                    match e {
                        b'"' | b'\\' | b'/' => out.push(e),
                        _ => return Err(format!("unsupported escape at byte {}", self.pos)),
                    }
                }
                0..=0x1f => return Err(format!("control character at byte {}", self.pos)),
                _ => out.push(b),
            }
        }
        String::from_utf8(out).map_err(|e| e.to_string())
    }

    fn value(&mut self) -> Result<Value, String> {
        self.space();
        if self.eat(b'[') {
            let mut list = Vec::new();
            if !self.eat(b']') {
                loop {
                    list.push(self.string()?);
                    if self.eat(b']') {
                        break;
                    }
                    self.expect(b',')?;
                }
            }
            return Ok(Value::Strings(list));
        }
        let start = self.pos;
        while self.bytes.get(self.pos).is_some_and(u8::is_ascii_digit) {
            self.pos += 1;
        }
        let digits = std::str::from_utf8(self.bytes.get(start..self.pos).unwrap_or_default())
            .map_err(|e| e.to_string())?;
        digits
            .parse()
            .map(Value::Number)
            .map_err(|_| format!("expected a list or a number at byte {start}"))
    }
}

/// Reads the table, or says what is wrong with it.
pub fn read(json: &str) -> Result<Table, String> {
    let mut r = Reader {
        bytes: json.as_bytes(),
        pos: 0,
    };
    let mut table = Table::default();
    let mut seen = Vec::new();
    r.expect(b'{')?;
    loop {
        let key = r.string()?;
        r.expect(b':')?;
        let value = r.value()?;
        match (key.as_str(), value) {
            ("version", Value::Number(v)) => table.version = v,
            ("skip", Value::Strings(v)) => table.skip = v,
            ("attrs", Value::Strings(v)) => table.attrs = v,
            ("style", Value::Strings(v)) => table.style = v,
            _ => return Err(format!("unexpected key or value type: {key}")),
        }
        if seen.contains(&key) {
            return Err(format!("duplicate key {key}"));
        }
        seen.push(key);
        if r.eat(b'}') {
            break;
        }
        r.expect(b',')?;
    }
    r.space();
    if r.pos != json.len() {
        return Err(format!("trailing text at byte {}", r.pos));
    }
    if seen.len() != 4 {
        return Err("the table needs version, skip, attrs and style".into());
    }
    Ok(table)
}

/// The Rust source of the table's constants, and of two lookups written
/// as `match`es, which the compiler turns into a switch on the length and
/// a few comparisons.
pub fn generate(table: &Table) -> String {
    let list = |names: &[String]| {
        let quoted: Vec<String> = names.iter().map(|n| format!("{n:?}")).collect();
        format!("&[{}]", quoted.join(", "))
    };
    let mut out = String::from("// Generated by build.rs from src/parse/html/filter.json.\n");
    let _ = writeln!(out, "const VERSION: u32 = {};", table.version);
    let _ = writeln!(out, "const SKIP: &[&str] = {};", list(&table.skip));
    let _ = writeln!(out, "const ATTRS: &[&str] = {};", list(&table.attrs));
    let _ = writeln!(out, "const STYLE: &[&str] = {};", list(&table.style));
    let skip: Vec<String> = table.skip.iter().map(|n| format!("b{n:?}")).collect();
    let _ = writeln!(
        out,
        "/// Whether `tag` (lower case) is one of [`SKIP`].\n\
         fn skip_listed(tag: &[u8]) -> bool {{\n    matches!(tag, {})\n}}",
        skip.join(" | ")
    );
    let arms: Vec<String> = table
        .attrs
        .iter()
        .enumerate()
        .map(|(i, n)| format!("        b{n:?} => Some({i}),"))
        .collect();
    let longest = table.attrs.iter().map(String::len).max().unwrap_or(0);
    let _ = writeln!(
        out,
        "/// Longest name in [`ATTRS`].\nconst ATTR_MAX: usize = {longest};\n\
         /// The index in [`ATTRS`] of `name` (lower case).\n\
         fn attr_listed(name: &[u8]) -> Option<usize> {{\n    match name {{\n{}\n        _ => None,\n    }}\n}}",
        arms.join("\n")
    );
    out
}
