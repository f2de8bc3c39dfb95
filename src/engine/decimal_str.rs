//! Serde for exact decimals as JSON strings.
//!
//! Money and rates travel as strings (`"100000.00"`) so no JSON parser ever
//! turns them into binary floats. Numbers are refused with a message that says
//! what to write instead.

use rust_decimal::Decimal;
use serde::{de, Deserializer, Serializer};
use std::fmt;

pub fn serialize<S: Serializer>(d: &Decimal, s: S) -> Result<S::Ok, S::Error> {
    s.collect_str(d)
}

pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Decimal, D::Error> {
    d.deserialize_any(DecimalString)
}

struct DecimalString;

impl de::Visitor<'_> for DecimalString {
    type Value = Decimal;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a decimal number written as a string, like \"100000.00\"")
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<Decimal, E> {
        parse_plain(v).ok_or_else(|| {
            E::custom(format!("\"{v}\" is not a plain decimal number like \"100000.00\""))
        })
    }
}

/// Parses a plain decimal (`-?digits(.digits)?`), nothing else: no exponent,
/// no separators. Forgiving input parsing lives in `crate::input`.
pub fn parse_plain(v: &str) -> Option<Decimal> {
    let body = v.strip_prefix('-').unwrap_or(v);
    let mut parts = body.splitn(2, '.');
    let int = parts.next().unwrap_or("");
    let frac = parts.next();
    let digits_ok = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    if !digits_ok(int) || frac.is_some_and(|f| !digits_ok(f)) {
        return None;
    }
    plain_decimal(v)
}

/// The 96-bit mantissa's limit (rust_decimal's `OVERFLOW_U96`).
const U96: u128 = 1 << 96;

/// Reads `-?digits` with at most one `.` (at least one digit; the caller has
/// checked) the way rust_decimal's `Decimal::from_str` does, exact where the
/// value fits and else rounded at the first digit that does not fit (half
/// away from zero; tested against it): the app's one decimal reader, so
/// rust_decimal's parser and its error messages (8 KB of code) are in no
/// wasm. `None` when the whole part alone does not fit in 96 bits.
pub fn plain_decimal(s: &str) -> Option<Decimal> {
    let (negative, body) = match s.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, s),
    };
    let mut bytes = body.bytes().filter(|&b| b != b'.').map(|b| u32::from(b - b'0'));
    let point = body.find('.').unwrap_or(body.len());
    let (mut data, mut scale) = (0u128, 0u32);
    let mut rounding = None;
    for (i, digit) in bytes.by_ref().enumerate() {
        let fraction = i >= point;
        let next = data * 10 + u128::from(digit);
        if next >= U96 {
            if !fraction {
                return None;
            }
            rounding = Some(digit);
            break;
        }
        data = next;
        scale += u32::from(fraction);
        if scale >= 28 {
            rounding = bytes.next();
            break;
        }
    }
    if rounding.is_some_and(|d| d >= 5) {
        data += 1;
        if data >= U96 {
            // Rounded up past 96 bits: one digit fewer (none to drop is too large).
            scale = scale.checked_sub(1)?;
            data = (data + 4) / 10;
        }
    }
    Some(Decimal::from_parts(data as u32, (data >> 32) as u32, (data >> 64) as u32, negative, scale))
}

/// The same for `Option<Decimal>` fields.
pub mod option {
    use super::*;

    pub fn serialize<S: Serializer>(d: &Option<Decimal>, s: S) -> Result<S::Ok, S::Error> {
        match d {
            Some(d) => s.collect_str(d),
            None => s.serialize_none(),
        }
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Decimal>, D::Error> {
        struct Opt;
        impl<'de> de::Visitor<'de> for Opt {
            type Value = Option<Decimal>;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("null or a decimal number written as a string")
            }
            fn visit_none<E: de::Error>(self) -> Result<Self::Value, E> {
                Ok(None)
            }
            fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
                Ok(None)
            }
            fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
                super::deserialize(d).map(Some)
            }
        }
        d.deserialize_option(Opt)
    }
}

/// Serialises an optional run of months (`Option<[Decimal; 12]>`) as an
/// array of strings, or null.
pub mod months {
    use super::*;
    use serde::ser::SerializeSeq;

    pub fn serialize<S: Serializer>(v: &Option<[Decimal; 12]>, s: S) -> Result<S::Ok, S::Error> {
        let Some(months) = v else {
            return s.serialize_none();
        };
        let mut seq = s.serialize_seq(Some(months.len()))?;
        for d in months {
            seq.serialize_element(&d.to_string())?;
        }
        seq.end()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;

    /// What the readers used before `plain_decimal`: rust_decimal's parser.
    fn rust_decimal(s: &str) -> Option<[u8; 16]> {
        Decimal::from_str_exact(s).or_else(|_| Decimal::from_str(s)).ok().map(|d| d.serialize())
    }

    #[test]
    fn plain_decimals_read_as_rust_decimal_reads_them() {
        let max = "79228162514264337593543950335"; // 2^96 - 1
        let over = "79228162514264337593543950336";
        let mut cases: Vec<String> = [
            "0", "-0", "0.0", "-0.000", "7", "12.", ".5", "-.5", "00012.3400", "100000.50", max, over, "792281625142643375935439503350",
            "1.0000000000000000000000000005", "1.00000000000000000000000000049", "1.00000000000000000000000000050",
            "0.00000000000000000000000000049", "0.000000000000000000000000000051", "0.1234567890123456789012345678901234",
            "7.9228162514264337593543950335", "7.92281625142643375935439503355", "79228162514264337593543950335.5",
            "79228162514264337593543950335.4", "7922816251426433759354395033.55", "9999999999999999999999999999.9",
            "99999999999999999999999999999.5", "-9.99999999999999999999999999995", "0.99999999999999999999999999995",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect();
        for s in [max, over] {
            for cut in 0..=s.len() {
                cases.push(format!("{}.{}", &s[..cut], &s[cut..]));
                cases.push(format!("-{}.{}9", &s[..cut], &s[cut..]));
                cases.push(format!("{}.{}5", &s[..cut], &s[cut..]));
                cases.push(format!("{}.{}4", &s[..cut], &s[cut..]));
            }
        }
        for s in cases.iter().filter(|s| s.bytes().any(|b| b.is_ascii_digit())) {
            assert_eq!(plain_decimal(s).map(|d| d.serialize()), rust_decimal(s), "{s}");
        }
    }

    proptest::proptest! {
        #[test]
        fn random_plain_decimals_read_as_rust_decimal_reads_them(
            negative: bool,
            digits in "[0-9]{1,40}",
            point in proptest::option::of(0usize..=40),
        ) {
            let mut s = if negative { "-".to_string() } else { String::new() };
            match point {
                Some(p) => {
                    let p = p.min(digits.len());
                    s.push_str(&digits[..p]);
                    s.push('.');
                    s.push_str(&digits[p..]);
                }
                None => s.push_str(&digits),
            }
            proptest::prop_assert_eq!(plain_decimal(&s).map(|d| d.serialize()), rust_decimal(&s), "{}", s);
        }
    }

    proptest::proptest! {
        /// `parse_plain` takes exactly `-?digits(.digits)?` and reads it as
        /// rust_decimal does; anything else (signs, exponents, separators,
        /// stray dots) is refused.
        #[test]
        fn parse_plain_reads_plain_decimals_as_rust_decimal(s in "[-+]?[0-9]{0,32}[._e,]?[0-9]{0,32}[.e]?[0-9]{0,2}") {
            let body = s.strip_prefix('-').unwrap_or(&s);
            let (int, frac) = body.split_once('.').map_or((body, None), |(i, f)| (i, Some(f)));
            let digits = |p: &str| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit());
            let plain = digits(int) && frac.is_none_or(digits);
            let want = if plain { rust_decimal(&s) } else { None };
            proptest::prop_assert_eq!(parse_plain(&s).map(|d| d.serialize()), want, "{}", s);
        }
    }

    #[test]
    fn plain_decimals_only() {
        assert_eq!(parse_plain("100000.00"), Some(Decimal::new(10000000, 2)));
        assert_eq!(parse_plain("-0.5"), Some(Decimal::new(-5, 1)));
        for bad in ["", "1e5", "1,000", " 1", "1.", ".5", "abc", "--1", "1.2.3", "+1"] {
            assert_eq!(parse_plain(bad), None, "{bad:?}");
        }
    }

    #[test]
    fn numbers_are_refused_with_a_hint() {
        #[derive(serde::Deserialize, Debug)]
        struct T {
            #[serde(with = "super")]
            #[allow(dead_code)]
            v: Decimal,
        }
        let err = serde_json::from_str::<T>(r#"{"v": 1.5}"#).unwrap_err().to_string();
        assert!(err.contains("written as a string"), "{err}");
        let err = serde_json::from_str::<T>(r#"{"v": "1.5x"}"#).unwrap_err().to_string();
        assert!(err.contains("not a plain decimal"), "{err}");
    }
}
