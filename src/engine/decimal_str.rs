//! Serde for exact decimals as JSON strings.
//!
//! Money and rates travel as strings (`"100000.00"`) so no JSON parser ever
//! turns them into binary floats. Numbers are refused with a message that says
//! what to write instead.

use rust_decimal::Decimal;
use serde::{de, Deserializer, Serializer};
use std::fmt;
use std::str::FromStr;

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
    Decimal::from_str_exact(v).ok().or_else(|| Decimal::from_str(v).ok())
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
