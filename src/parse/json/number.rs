//! JSON numbers as serde_json reads them: digits → `u64`, a whole
//! number text → `f64` the way serde_json computes it.

/// ASCII digits as a `u64`, `None` past `u64::MAX`.
pub(super) fn whole(digits: &[u8]) -> Option<u64> {
    digits.iter().try_fold(0u64, |n, &d| {
        n.checked_mul(10)?
            .checked_add(u64::from(d.wrapping_sub(b'0')))
    })
}

/// A non-negative JSON number (digits, fraction, exponent) as an `f64`,
/// computed as serde_json computes it without its `float_roundtrip`
/// feature: the digits as an integer, scaled once by the power of ten
/// rounded to an `f64` (ordinary decimals come out correctly rounded).
/// `None` when it is beyond the `f64` range.
pub(super) fn float(text: &str) -> Option<f64> {
    let (mantissa, exponent) = match text.find(['e', 'E']) {
        Some(e) => (
            text.get(..e).unwrap_or_default(),
            text.get(e + 1..).unwrap_or_default(),
        ),
        None => (text, ""),
    };
    let mut significand = 0u64;
    // Digits past what a u64 holds only move the decimal point.
    let mut scale: i64 = 0;
    let mut after_point = false;
    let mut full = false;
    for byte in mantissa.bytes() {
        if byte == b'.' {
            after_point = true;
            continue;
        }
        let digit = u64::from(byte.wrapping_sub(b'0'));
        let more = significand
            .checked_mul(10)
            .and_then(|n| n.checked_add(digit));
        match more.filter(|_| !full) {
            Some(n) => {
                significand = n;
                scale -= i64::from(after_point);
            }
            None => {
                full = true;
                scale += i64::from(!after_point);
            }
        }
    }
    let (sign, digits) = match exponent.as_bytes().first() {
        Some(b'-') => (-1, exponent.get(1..).unwrap_or_default()),
        Some(b'+') => (1, exponent.get(1..).unwrap_or_default()),
        _ => (1, exponent),
    };
    // An exponent too long for an i64 is beyond every f64 either way.
    let exp = whole(digits.as_bytes()).map_or(i64::MAX, |e| i64::try_from(e).unwrap_or(i64::MAX));
    let mut exponent = scale.saturating_add(sign * exp);
    let mut f = significand as f64;
    loop {
        if f == 0.0 {
            return Some(f);
        }
        let magnitude = exponent.unsigned_abs();
        if magnitude <= 308 {
            let power = power_of_ten(u32::try_from(magnitude).unwrap_or(308));
            f = if exponent >= 0 { f * power } else { f / power };
            return f.is_finite().then_some(f);
        }
        if exponent > 0 {
            return None;
        }
        f /= 1e308;
        exponent += 308;
    }
}

/// 10ⁿ (n ≤ 308) rounded to the nearest `f64`, ties to even, as a table
/// of literals would hold it: 5ⁿ computed exactly in 32-bit limbs, its top
/// 53 bits rounded, then scaled by 2ⁿ.
pub(super) fn power_of_ten(n: u32) -> f64 {
    // 5³⁰⁸ < 2⁷¹⁶: at most 23 limbs, least significant first.
    let mut limbs: Vec<u32> = vec![1];
    for _ in 0..n {
        let mut carry = 0u64;
        for limb in &mut limbs {
            let product = u64::from(*limb) * 5 + carry;
            // The low 32 bits stay in the limb; the rest carries.
            *limb = product as u32;
            carry = product >> 32;
        }
        if carry > 0 {
            limbs.push(carry as u32);
        }
    }
    // The top three limbs, and whether any bit below them is set.
    let mut top: u128 = 0;
    let mut sticky = false;
    for (depth, limb) in limbs.iter().rev().enumerate() {
        if depth < 3 {
            top = (top << 32) | u128::from(*limb);
        } else {
            sticky |= *limb != 0;
        }
    }
    let bits = 128 - top.leading_zeros();
    let all_bits = bits + 32 * (limbs.len().saturating_sub(3) as u32);
    // The highest set bit to bit 127, then the top 64 bits of that.
    top <<= 128 - bits;
    sticky |= top as u64 != 0;
    let high = (top >> 64) as u64;
    let mut mantissa = high >> 11;
    let rest = high & 0x7ff;
    if rest > 0x400 || (rest == 0x400 && (sticky || mantissa & 1 == 1)) {
        mantissa += 1;
    }
    // 5ⁿ ≈ mantissa · 2^(all_bits − 53); 10ⁿ is that times 2ⁿ, whose
    // exponent stays below 1024 for n ≤ 308.
    let exponent = u64::from(all_bits + n + 1023 - 53);
    mantissa as f64 * f64::from_bits(exponent << 52)
}
