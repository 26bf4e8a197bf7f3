//! JSON text → a value tree (RFC 8259, strict), without serde.
//!
//! It accepts and rejects what serde_json's `from_str::<Value>` does, and
//! words its syntax errors the same way, at the same line and column (a
//! unit test compares the two on broken and random input):
//! - strings: escapes as RFC 8259 has them, surrogate pairs joined, a lone
//!   surrogate and a raw control character refused; a lone surrogate (half
//!   of a character, which `JSON.stringify` writes for a string cut inside
//!   an emoji) is refused in words of its own, at the place of its `\u`
//!   escape and with the path of the string (of its object, for a key),
//!   where serde_json says `unexpected end of hex escape` or `lone leading
//!   surrogate in hex escape` a few bytes on;
//! - numbers: an integer is kept as `u64` or `i64` when it fits (`-0` is a
//!   float, as in serde_json), anything else as `f64`; a number beyond the
//!   `f64` range is refused;
//! - an object keeps every field in input order, a key given twice
//!   included: the model's readers refuse it (serde_json's map would keep
//!   the last value);
//! - nesting is limited to [`MAX_NESTING`] levels, and read with an explicit
//!   stack, so deep input cannot overflow the call stack; the error says
//!   where (the path of the value past the limit) as well as at which line
//!   and column.
//!
//! Strings without escapes, keys included, borrow from the input.

use std::borrow::Cow;

use super::number::{float, whole};
use super::path::{abbreviated, Step};
use super::MAX_NESTING;

/// A JSON number, kept as serde_json keeps it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum Number {
    /// A non-negative integer up to `u64::MAX`.
    Unsigned(u64),
    /// A negative integer down to `i64::MIN`.
    Negative(i64),
    /// Anything else: a fraction, an exponent, `-0`, or an integer too large.
    Float(f64),
}

/// The fields of an object, in input order (a key given twice, twice).
pub(crate) type Fields<'a> = Vec<(Cow<'a, str>, Value<'a>)>;

/// A JSON value; its strings borrow from the input where they can.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Value<'a> {
    Null,
    Bool(bool),
    Number(Number),
    String(Cow<'a, str>),
    Array(Vec<Value<'a>>),
    Object(Fields<'a>),
}

impl<'a> Value<'a> {
    /// The value of `key`, if this is an object that has it.
    pub(crate) fn get(&self, key: &str) -> Option<&Value<'a>> {
        match self {
            Value::Object(fields) => field(fields, key),
            _ => None,
        }
    }
}

/// The value of `key` among `fields` (the first, if it is there twice).
pub(crate) fn field<'f, 'a>(fields: &'f Fields<'a>, key: &str) -> Option<&'f Value<'a>> {
    fields.iter().find(|(k, _)| k == key).map(|(_, v)| v)
}

/// Why the text is not JSON, and where.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct SyntaxError {
    /// serde_json's words for the problem (`trailing comma`).
    pub(crate) what: &'static str,
    /// 1-based line.
    pub(crate) line: usize,
    /// Bytes from the start of the line to the place (0 at the very start).
    pub(crate) column: usize,
    /// For the nesting limit, the path of the array or object that would
    /// nest past it (`title.x.x…`, its middle left out as
    /// [`abbreviated`] does); for half of a character, the path of the
    /// string, or of the object whose key it is in; empty for any other
    /// error.
    pub(crate) path: String,
}

impl SyntaxError {
    /// Whether this is the nesting limit rather than bad syntax.
    pub(crate) fn is_too_deep(&self) -> bool {
        self.what == TOO_DEEP
    }

    /// Whether this is half of a character (a lone surrogate) rather than
    /// bad syntax: in a string ([`HALF_CHARACTER`]) or in a key
    /// ([`HALF_CHARACTER_IN_KEY`]).
    pub(crate) fn is_half_character(&self) -> bool {
        self.what == HALF_CHARACTER || self.what == HALF_CHARACTER_IN_KEY
    }
}

/// A `\u` escape that is half of a character: a lone surrogate.
pub(crate) const HALF_CHARACTER: &str = "half of a character (a lone surrogate)";
/// [`HALF_CHARACTER`] in a key.
pub(crate) const HALF_CHARACTER_IN_KEY: &str = "a key with half of a character (a lone surrogate)";

const TOO_DEEP: &str = "recursion limit exceeded";
const EOF_VALUE: &str = "EOF while parsing a value";
const EOF_LIST: &str = "EOF while parsing a list";
const EOF_OBJECT: &str = "EOF while parsing an object";
const EOF_STRING: &str = "EOF while parsing a string";
const EXPECTED_VALUE: &str = "expected value";
const EXPECTED_IDENT: &str = "expected ident";
const EXPECTED_COLON: &str = "expected `:`";
const LIST_COMMA_OR_END: &str = "expected `,` or `]`";
const OBJECT_COMMA_OR_END: &str = "expected `,` or `}`";
const KEY_NOT_STRING: &str = "key must be a string";
const TRAILING_COMMA: &str = "trailing comma";
const TRAILING: &str = "trailing characters";
const INVALID_NUMBER: &str = "invalid number";
const OUT_OF_RANGE: &str = "number out of range";
const INVALID_ESCAPE: &str = "invalid escape";
const CONTROL: &str = "control character (\\u0000-\\u001F) found while parsing a string";

type Result<T> = std::result::Result<T, SyntaxError>;

/// Reads `input` as one JSON value, surrounded by whitespace at most.
pub(crate) fn parse(input: &str) -> Result<Value<'_>> {
    Reader {
        text: input,
        bytes: input.as_bytes(),
        at: 0,
    }
    .document()
}

/// A container being read.
enum Open<'a> {
    Array(Vec<Value<'a>>),
    /// The fields so far and the key whose value is being read.
    Object(Fields<'a>, Cow<'a, str>),
}

struct Reader<'a> {
    text: &'a str,
    bytes: &'a [u8],
    /// The next byte to read.
    at: usize,
}

impl<'a> Reader<'a> {
    // Called for every byte of structure: worth inlining even where the
    // build optimises for size.
    #[inline(always)]
    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.at).copied()
    }

    /// Moves past the bytes from here for which `keep` holds; how many.
    #[inline(always)]
    fn skip_while(&mut self, keep: impl Fn(u8) -> bool) -> usize {
        let rest = self.bytes.get(self.at..).unwrap_or_default();
        let n = rest.iter().position(|&b| !keep(b)).unwrap_or(rest.len());
        self.at += n;
        n
    }

    /// An error at the byte just read (serde_json's `error`).
    fn error(&self, what: &'static str) -> SyntaxError {
        self.error_at(self.at, what)
    }

    /// An error at the byte about to be read (serde_json's `peek_error`).
    fn peek_error(&self, what: &'static str) -> SyntaxError {
        self.error_at((self.at + 1).min(self.bytes.len()), what)
    }

    fn error_at(&self, end: usize, what: &'static str) -> SyntaxError {
        let before = self.bytes.get(..end).unwrap_or(self.bytes);
        let line_start = before
            .iter()
            .rposition(|&b| b == b'\n')
            .map_or(0, |newline| newline + 1);
        SyntaxError {
            what,
            line: 1 + before.iter().filter(|&&b| b == b'\n').count(),
            column: end - line_start,
            path: String::new(),
        }
    }

    /// Skips whitespace; the next byte, if any.
    fn skip_space(&mut self) -> Option<u8> {
        self.skip_while(|b| matches!(b, b' ' | b'\n' | b'\t' | b'\r'));
        self.peek()
    }

    fn document(mut self) -> Result<Value<'a>> {
        let mut stack: Vec<Open<'a>> = Vec::new();
        'value: loop {
            let mut value = match self.skip_space() {
                None => return Err(self.peek_error(EOF_VALUE)),
                Some(open @ (b'[' | b'{')) => {
                    if stack.len() >= MAX_NESTING {
                        let mut error = self.peek_error(TOO_DEEP);
                        error.path = place(&stack);
                        return Err(error);
                    }
                    self.at += 1;
                    let empty = if open == b'[' {
                        self.open_array()?
                    } else {
                        self.open_object()?
                    };
                    match empty {
                        Some(value) => value,
                        None => {
                            let open = if open == b'[' {
                                Open::Array(Vec::new())
                            } else {
                                // (Its object is not on the stack yet.)
                                Open::Object(Vec::new(), self.key().map_err(|e| placed(e, &stack))?)
                            };
                            stack.push(open);
                            continue 'value;
                        }
                    }
                }
                Some(first) => self.scalar(first).map_err(|e| placed(e, &stack))?,
            };
            // The value is complete: put it in its container, then close
            // every container that ends here.
            loop {
                match stack.last_mut() {
                    None => {
                        return match self.skip_space() {
                            None => Ok(value),
                            Some(_) => Err(self.peek_error(TRAILING)),
                        };
                    }
                    Some(Open::Array(items)) => {
                        items.push(value);
                        match self.skip_space() {
                            Some(b',') => {
                                self.at += 1;
                                match self.skip_space() {
                                    Some(b']') => return Err(self.peek_error(TRAILING_COMMA)),
                                    None => return Err(self.peek_error(EOF_VALUE)),
                                    Some(_) => continue 'value,
                                }
                            }
                            Some(b']') => self.at += 1,
                            None => return Err(self.peek_error(EOF_LIST)),
                            Some(_) => return Err(self.peek_error(LIST_COMMA_OR_END)),
                        }
                    }
                    Some(Open::Object(fields, key)) => {
                        fields.push((std::mem::take(key), value));
                        match self.skip_space() {
                            Some(b',') => {
                                self.at += 1;
                                match self.skip_space() {
                                    Some(b'"') => match self.key() {
                                        Ok(next) => {
                                            *key = next;
                                            continue 'value;
                                        }
                                        // Placed by the containers around
                                        // this object, whose own key is
                                        // the one being read.
                                        Err(e) => {
                                            let around =
                                                stack.split_last().map_or(&[][..], |s| s.1);
                                            return Err(placed(e, around));
                                        }
                                    },
                                    Some(b'}') => return Err(self.peek_error(TRAILING_COMMA)),
                                    None => return Err(self.peek_error(EOF_VALUE)),
                                    Some(_) => return Err(self.peek_error(KEY_NOT_STRING)),
                                }
                            }
                            Some(b'}') => self.at += 1,
                            None => return Err(self.peek_error(EOF_OBJECT)),
                            Some(_) => return Err(self.peek_error(OBJECT_COMMA_OR_END)),
                        }
                    }
                }
                value = match stack.pop() {
                    Some(Open::Array(items)) => Value::Array(items),
                    Some(Open::Object(fields, _)) => Value::Object(fields),
                    None => return Err(self.peek_error(EOF_VALUE)),
                };
            }
        }
    }

    /// After `[`: the empty array, or `None` when a first element follows.
    fn open_array(&mut self) -> Result<Option<Value<'a>>> {
        match self.skip_space() {
            Some(b']') => {
                self.at += 1;
                Ok(Some(Value::Array(Vec::new())))
            }
            None => Err(self.peek_error(EOF_LIST)),
            Some(_) => Ok(None),
        }
    }

    /// After `{`: the empty object, or `None` when a first key follows.
    fn open_object(&mut self) -> Result<Option<Value<'a>>> {
        match self.skip_space() {
            Some(b'}') => {
                self.at += 1;
                Ok(Some(Value::Object(Vec::new())))
            }
            Some(b'"') => Ok(None),
            None => Err(self.peek_error(EOF_OBJECT)),
            Some(_) => Err(self.peek_error(KEY_NOT_STRING)),
        }
    }

    /// A key and its colon, the key's opening quote next.
    fn key(&mut self) -> Result<Cow<'a, str>> {
        self.at += 1;
        let key = self.string().map_err(|mut e| {
            if e.what == HALF_CHARACTER {
                e.what = HALF_CHARACTER_IN_KEY;
            }
            e
        })?;
        match self.skip_space() {
            Some(b':') => {
                self.at += 1;
                Ok(key)
            }
            Some(_) => Err(self.peek_error(EXPECTED_COLON)),
            None => Err(self.peek_error(EOF_OBJECT)),
        }
    }

    /// A value that is not a container, `first` its first byte (unread).
    fn scalar(&mut self, first: u8) -> Result<Value<'a>> {
        match first {
            b'"' => {
                self.at += 1;
                self.string().map(Value::String)
            }
            b'n' => self.word(b"null").map(|()| Value::Null),
            b't' => self.word(b"true").map(|()| Value::Bool(true)),
            b'f' => self.word(b"false").map(|()| Value::Bool(false)),
            b'-' | b'0'..=b'9' => self.number().map(Value::Number),
            _ => Err(self.peek_error(EXPECTED_VALUE)),
        }
    }

    fn word(&mut self, word: &[u8]) -> Result<()> {
        for expected in word {
            let Some(byte) = self.peek() else {
                return Err(self.error(EOF_VALUE));
            };
            self.at += 1;
            if byte != *expected {
                return Err(self.error(EXPECTED_IDENT));
            }
        }
        Ok(())
    }

    /// The next byte, read; an error at the end of the input.
    fn next_or(&mut self, what: &'static str) -> Result<u8> {
        let byte = self.peek().ok_or_else(|| self.error(what))?;
        self.at += 1;
        Ok(byte)
    }

    fn digits(&mut self) -> usize {
        self.skip_while(|b| b.is_ascii_digit())
    }

    /// A number, checked as serde_json checks it, its first byte next.
    fn number(&mut self) -> Result<Number> {
        let start = self.at;
        let negative = self.peek() == Some(b'-');
        if negative {
            self.at += 1;
        }
        match self.next_or(EOF_VALUE)? {
            b'0' => {
                if self.peek().is_some_and(|b| b.is_ascii_digit()) {
                    return Err(self.peek_error(INVALID_NUMBER));
                }
            }
            b'1'..=b'9' => {
                self.digits();
            }
            _ => return Err(self.error(INVALID_NUMBER)),
        }
        let whole_end = self.at;
        let mut integer = true;
        if self.peek() == Some(b'.') {
            integer = false;
            self.at += 1;
            if self.digits() == 0 {
                return Err(match self.peek() {
                    Some(_) => self.peek_error(INVALID_NUMBER),
                    None => self.peek_error(EOF_VALUE),
                });
            }
        }
        if matches!(self.peek(), Some(b'e' | b'E')) {
            integer = false;
            self.at += 1;
            if matches!(self.peek(), Some(b'+' | b'-')) {
                self.at += 1;
            }
            if !self.next_or(EOF_VALUE)?.is_ascii_digit() {
                return Err(self.error(INVALID_NUMBER));
            }
            self.digits();
        }
        let digits_from = start + usize::from(negative);
        if integer {
            if let Some(n) = whole(self.bytes.get(digits_from..whole_end).unwrap_or_default()) {
                match (negative, n) {
                    (false, n) => return Ok(Number::Unsigned(n)),
                    // `-0` and below `i64::MIN` are floats in serde_json.
                    (true, 1..=9_223_372_036_854_775_808) => {
                        return Ok(Number::Negative(0i64.wrapping_sub_unsigned(n)));
                    }
                    (true, _) => {}
                }
            }
        }
        let text = self.text.get(digits_from..self.at).unwrap_or_default();
        let magnitude = float(text).ok_or_else(|| self.error(OUT_OF_RANGE))?;
        Ok(Number::Float(if negative { -magnitude } else { magnitude }))
    }

    /// The rest of a string, its opening quote read.
    fn string(&mut self) -> Result<Cow<'a, str>> {
        let mut start = self.at;
        let mut owned: Option<String> = None;
        loop {
            self.at += plain_run(self.bytes.get(self.at..).unwrap_or_default());
            // Quotes, backslashes and control characters are ASCII, so the
            // cuts fall between characters.
            let run = self.text.get(start..self.at).unwrap_or_default();
            match self.peek() {
                None => return Err(self.error(EOF_STRING)),
                Some(b'"') => {
                    self.at += 1;
                    return Ok(match owned {
                        None => Cow::Borrowed(run),
                        Some(mut text) => {
                            text.push_str(run);
                            Cow::Owned(text)
                        }
                    });
                }
                Some(b'\\') => {
                    let text = owned.get_or_insert_with(String::new);
                    text.push_str(run);
                    self.at += 1;
                    self.escape(text)?;
                    start = self.at;
                }
                Some(_) => {
                    self.at += 1;
                    return Err(self.error(CONTROL));
                }
            }
        }
    }

    /// One escape, its backslash read.
    fn escape(&mut self, out: &mut String) -> Result<()> {
        let c = match self.next_or(EOF_STRING)? {
            b'"' => '"',
            b'\\' => '\\',
            b'/' => '/',
            b'b' => '\u{8}',
            b'f' => '\u{c}',
            b'n' => '\n',
            b'r' => '\r',
            b't' => '\t',
            b'u' => return self.unicode_escape(out),
            _ => return Err(self.error(INVALID_ESCAPE)),
        };
        out.push(c);
        Ok(())
    }

    /// A `\u` escape (and the low half of a surrogate pair), `\u` read.
    /// Half of a character is an error at the escape's backslash; text
    /// that ends inside the escape or the one after it, or has no hex
    /// digits there, is an error where serde_json has it.
    fn unicode_escape(&mut self, out: &mut String) -> Result<()> {
        // Just past the backslash: where an error at it is placed.
        let escape = self.at - 1;
        let half = |reader: &Self| Err(reader.error_at(escape, HALF_CHARACTER));
        let high = self.hex4()?;
        if (0xDC00..=0xDFFF).contains(&high) {
            return half(self);
        }
        if !(0xD800..=0xDBFF).contains(&high) {
            out.extend(char::from_u32(high));
            return Ok(());
        }
        for expected in [b'\\', b'u'] {
            if self.peek().ok_or_else(|| self.error(EOF_STRING))? != expected {
                return half(self);
            }
            self.at += 1;
        }
        let low = self.hex4()?;
        if !(0xDC00..=0xDFFF).contains(&low) {
            return half(self);
        }
        out.extend(char::from_u32(
            0x1_0000 + ((high - 0xD800) << 10) + (low - 0xDC00),
        ));
        Ok(())
    }

    /// Four hex digits.
    fn hex4(&mut self) -> Result<u32> {
        let Some(digits) = self.bytes.get(self.at..self.at + 4) else {
            self.at = self.bytes.len();
            return Err(self.error(EOF_STRING));
        };
        self.at += 4;
        digits
            .iter()
            .try_fold(0u32, |n, &d| {
                char::from(d).to_digit(16).map(|digit| n * 16 + digit)
            })
            .ok_or_else(|| self.error(INVALID_ESCAPE))
    }
}

/// `error` with the path of the string it is in, when it is half of a
/// character; the string is read inside the containers `stack`.
#[cold]
#[inline(never)]
fn placed(mut error: SyntaxError, stack: &[Open<'_>]) -> SyntaxError {
    if error.is_half_character() {
        error.path = place(stack);
    }
    error
}

/// The path of the value about to be read inside the containers `stack`
/// (the root first), abbreviated: the element of an array is the next
/// index, the value of an object is its key's.
#[cold]
#[inline(never)]
fn place(stack: &[Open<'_>]) -> String {
    let steps: Vec<Step<'_>> = stack
        .iter()
        .map(|open| match open {
            Open::Array(items) => Step::Index(items.len()),
            Open::Object(_, key) => Step::Key(key),
        })
        .collect();
    abbreviated(&steps)
}

/// How many bytes at the start of `bytes` a string takes as they are: up
/// to the first quote, backslash or control character. Eight bytes at a
/// time, as one word each, since string text is most of model JSON.
fn plain_run(bytes: &[u8]) -> usize {
    let plain = crate::words::clear_words(bytes, crate::words::has_json_special);
    let rest = bytes.get(plain..).unwrap_or_default();
    plain
        + rest
            .iter()
            .position(|&b| b == b'"' || b == b'\\' || b < 0x20)
            .unwrap_or(rest.len())
}

#[cfg(test)]
mod tests;
