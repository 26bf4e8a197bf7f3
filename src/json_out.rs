//! Model values written as JSON text by hand, byte for byte as serde_json
//! writes them from the `Serialize` derives: same field order, same names,
//! same skipped fields, same string escapes (a test compares the two on
//! every expected output of the parser tests and on generated values).
//!
//! The wasm build hands its results to JavaScript as JSON text and writes
//! it this way: serde's serializers, one per type, and serde_json's number
//! and map machinery are most of the bytes that writing JSON costs there.
//! Natively the derives stay (the command line writes with serde_json).
//!
//! Floats are written by [`write_f32`] only, for the stored preferences:
//! the model and the speech plan hold none.

// Natively only the tests and the stored preferences call this writer.
#![cfg_attr(not(any(test, target_arch = "wasm32")), allow(dead_code))]

mod model;

/// A value that writes itself as JSON text.
pub trait WriteJson {
    /// Appends the JSON text of `self` to `out`.
    fn write_json(&self, out: &mut String);
}

/// The JSON text of `value`.
pub fn to_json<T: WriteJson + ?Sized>(value: &T) -> String {
    let mut out = String::new();
    value.write_json(&mut out);
    out
}

/// Appends `text` as a JSON string: `"` and `\` escaped, control characters
/// as `\n`-style escapes where JSON has one and `\u00XX` otherwise; all
/// else (non-ASCII included) as it is.
pub fn write_str(out: &mut String, text: &str) {
    out.push('"');
    let bytes = text.as_bytes();
    let mut plain_from = 0;
    let mut at = 0;
    while let Some(&byte) = bytes.get(at) {
        // Eight bytes at a time while none needs an escape: most text
        // (Chinese included) has none.
        if crate::words::word_at(bytes, at).is_some_and(|w| !crate::words::has_json_special(w)) {
            at += 8;
            continue;
        }
        let escape = match byte {
            b'"' => "\\\"",
            b'\\' => "\\\\",
            b'\n' => "\\n",
            b'\r' => "\\r",
            b'\t' => "\\t",
            0x08 => "\\b",
            0x0c => "\\f",
            0..=0x1f => "",
            _ => {
                at += 1;
                continue;
            }
        };
        out.push_str(text.get(plain_from..at).unwrap_or_default());
        at += 1;
        plain_from = at;
        if escape.is_empty() {
            out.push_str("\\u00");
            out.push(hex_digit(byte >> 4));
            out.push(hex_digit(byte & 15));
        } else {
            out.push_str(escape);
        }
    }
    out.push_str(text.get(plain_from..).unwrap_or_default());
    out.push('"');
}

/// A lowercase hexadecimal digit for a value below 16.
fn hex_digit(value: u8) -> char {
    char::from_digit(u32::from(value), 16).unwrap_or('0')
}

/// Appends an unsigned integer in decimal.
pub fn write_u32(out: &mut String, value: u32) {
    let mut digits = [0u8; 10];
    let mut len = 0;
    let mut rest = value;
    loop {
        if let Some(slot) = digits.get_mut(len) {
            // `rest % 10` is a digit, so the cast keeps it whole.
            *slot = b'0' + (rest % 10) as u8;
        }
        len += 1;
        rest /= 10;
        if rest == 0 {
            break;
        }
    }
    for digit in digits.iter().take(len).rev() {
        out.push(char::from(*digit));
    }
}

/// Appends an `f32` as serde_json writes one from 0.1 to 2²⁴ (scales and
/// speech rates are 0.5 to 3): the fewest decimals that read back as the
/// same `f32`, and `1.0` for a whole number. Outside that range serde_json
/// may choose an exponent or more digits than the nine places written
/// here; a value that is not finite or beyond ±2³¹ is written as `null`,
/// as serde_json writes a value that is not finite.
pub fn write_f32(out: &mut String, value: f32) {
    let wide = f64::from(value);
    if !wide.is_finite() || wide.abs() >= 2_147_483_648.0 {
        out.push_str("null");
        return;
    }
    if wide < 0.0 {
        out.push('-');
    }
    let magnitude = wide.abs();
    let mut places = 0u32;
    let mut scale = 1.0f64;
    // The closest decimal with the fewest places that reads back as the
    // same f32 (nine always do from 0.1 up); ties go to the even digit, as
    // serde_json breaks them.
    let mut scaled = magnitude.round_ties_even();
    while places < 9 && (scaled / scale) as f32 != magnitude as f32 {
        places += 1;
        scale *= 10.0;
        scaled = (magnitude * scale).round_ties_even();
    }
    // `scaled` is below 2³¹·10⁹ < 2⁶³, a whole number: the cast is exact.
    let scaled = scaled as u64;
    let whole = scaled / 10u64.pow(places);
    let fraction = scaled % 10u64.pow(places);
    write_u64(out, whole);
    out.push('.');
    if places == 0 {
        out.push('0');
        return;
    }
    let mut digits = String::new();
    write_u64(&mut digits, fraction);
    for _ in digits.len()..places as usize {
        out.push('0');
    }
    out.push_str(digits.trim_end_matches('0'));
}

fn write_u64(out: &mut String, value: u64) {
    let high = value / 1_000_000_000;
    let low = (value % 1_000_000_000) as u32;
    if high == 0 {
        write_u32(out, low);
        return;
    }
    // `high` < 2⁶⁴ / 10⁹ < 2³⁵; the values written here stay below 2³² · 10⁹.
    write_u32(out, u32::try_from(high).unwrap_or(u32::MAX));
    let mut rest = String::new();
    write_u32(&mut rest, low);
    for _ in rest.len()..9 {
        out.push('0');
    }
    out.push_str(&rest);
}

/// An object being written: `{`, then `"key":value` pairs with commas.
pub struct Object<'a> {
    out: &'a mut String,
    first: bool,
}

impl<'a> Object<'a> {
    /// Starts an object.
    pub fn start(out: &'a mut String) -> Self {
        out.push('{');
        Object { out, first: true }
    }

    /// Writes `"key":` (and the comma before it) and returns where the
    /// value goes.
    pub fn key(&mut self, key: &str) -> &mut String {
        if !self.first {
            self.out.push(',');
        }
        self.first = false;
        write_str(self.out, key);
        self.out.push(':');
        self.out
    }

    /// A field whose value writes itself.
    pub fn field<T: WriteJson + ?Sized>(&mut self, key: &str, value: &T) -> &mut Self {
        value.write_json(self.key(key));
        self
    }

    /// A field left out when it is `None` (`skip_serializing_if`).
    pub fn some<T: WriteJson>(&mut self, key: &str, value: Option<&T>) -> &mut Self {
        if let Some(value) = value {
            self.field(key, value);
        }
        self
    }

    /// A field left out when its list is empty.
    pub fn nonempty<T: WriteJson>(&mut self, key: &str, value: &[T]) -> &mut Self {
        if !value.is_empty() {
            self.field(key, value);
        }
        self
    }

    /// A field left out when it is `false`.
    pub fn flag(&mut self, key: &str, value: bool) -> &mut Self {
        if value {
            self.field(key, &value);
        }
        self
    }

    /// Closes the object.
    pub fn end(&mut self) {
        self.out.push('}');
    }
}

impl WriteJson for str {
    fn write_json(&self, out: &mut String) {
        write_str(out, self);
    }
}

impl WriteJson for String {
    fn write_json(&self, out: &mut String) {
        write_str(out, self);
    }
}

impl WriteJson for bool {
    fn write_json(&self, out: &mut String) {
        out.push_str(if *self { "true" } else { "false" });
    }
}

impl WriteJson for u32 {
    fn write_json(&self, out: &mut String) {
        write_u32(out, *self);
    }
}

impl WriteJson for u8 {
    fn write_json(&self, out: &mut String) {
        write_u32(out, u32::from(*self));
    }
}

impl<T: WriteJson> WriteJson for Option<T> {
    fn write_json(&self, out: &mut String) {
        match self {
            Some(value) => value.write_json(out),
            None => out.push_str("null"),
        }
    }
}

impl<T: WriteJson> WriteJson for [T] {
    fn write_json(&self, out: &mut String) {
        out.push('[');
        for (i, item) in self.iter().enumerate() {
            if i > 0 {
                out.push(',');
            }
            item.write_json(out);
        }
        out.push(']');
    }
}

impl<T: WriteJson> WriteJson for Vec<T> {
    fn write_json(&self, out: &mut String) {
        self.as_slice().write_json(out);
    }
}

#[cfg(test)]
#[path = "json_out/tests.rs"]
mod tests;
