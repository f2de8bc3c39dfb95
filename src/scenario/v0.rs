//! The pre-release format, version 0, and its migration to version 1.
//!
//! Version 0 is what development builds wrote before version 1 was
//! published: money and rates as JSON numbers, and older field names. The
//! table is in `tests/fixtures/migration/README.md`. In short, per loan:
//! `amount` → `principal`, `rate` + `rate_unit` (+ `days_per_year`) →
//! `rate {value, unit, day_basis}`, `term_months` → `months`, `fee` →
//! `upfront_fee`; in the budget: `monthly_income` → `income`,
//! `monthly_expenses` → `expenses`, `other_debts` → `other_obligations`.
//! Fields the migration does not know are left in place, so version 1's
//! strict reading names them.

use crate::engine::{checked, decimal_str};
use crate::versioned::{ErrorKind, ReadError};
use rust_decimal::Decimal;
use crate::versioned::json::{Map, Value};

fn err(kind: ErrorKind, path: impl Into<String>, message: &str) -> ReadError {
    ReadError::new(kind, path, message)
}

fn missing(path: String) -> ReadError {
    err(ErrorKind::Version, path, "missing: this is not a version 0 (pre-release) document")
}

/// `path.key`, the place of a field (written out only for an error).
fn field(path: &str, key: &str) -> String {
    format!("{path}.{key}")
}

/// A JSON number at `path.key` as an exact decimal string (through its shortest form).
fn decimal(v: Value, path: &str, key: &str) -> Result<Value, ReadError> {
    match v {
        Value::Number(n) => {
            let d = number_decimal(&n.to_string());
            d.map(|d| Value::String(d.to_string())).ok_or_else(|| err(ErrorKind::Field, field(path, key), "number out of range"))
        }
        // Some pre-release builds already wrote strings.
        Value::String(s) => Ok(Value::String(s)),
        _ => Err(err(ErrorKind::Field, field(path, key), "must be a number")),
    }
}

/// A JSON number's shortest text (`12`, `0.05`, `1.5e-7`, `1e+21`) as the
/// decimal rust_decimal's `from_str` / `from_scientific` read from it (tested
/// against them), through the app's one decimal reader: an exponent moves the
/// point, or multiplies by powers of ten as `from_scientific` does (at most
/// 10^19 a step, trailing zeros then dropped).
fn number_decimal(s: &str) -> Option<Decimal> {
    let Some((base, exp)) = s.split_once(['e', 'E']) else {
        return decimal_str::parse_plain(s);
    };
    let mut d = decimal_str::parse_plain(base)?;
    let scale = d.scale();
    if let Some(down) = exp.strip_prefix('-') {
        d.set_scale(scale.checked_add(down.parse().ok()?)?).ok()?;
        return Some(d);
    }
    let up: u32 = exp.parse().ok()?;
    if up <= scale {
        d.set_scale(scale - up).ok()?;
        return Some(d);
    }
    if up > Decimal::MAX_SCALE {
        return None;
    }
    let mut left = up;
    while left > 0 {
        let step = left.min(19);
        d = checked::mul(d, Decimal::from(10u64.pow(step)))?;
        left -= step;
    }
    Some(d.normalize())
}

fn take(obj: &mut Map, key: &str, path: &str) -> Result<Value, ReadError> {
    obj.remove(key).ok_or_else(|| missing(field(path, key)))
}

fn loan(v: Value, i: usize) -> Result<Value, ReadError> {
    let path = format!("loans[{i}]");
    let Value::Object(mut obj) = v else {
        return Err(err(ErrorKind::Field, path, "must be an object"));
    };
    let principal = decimal(take(&mut obj, "amount", &path)?, &path, "amount")?;
    let value = decimal(take(&mut obj, "rate", &path)?, &path, "rate")?;
    let unit = match take(&mut obj, "rate_unit", &path)?.as_str() {
        Some("daily") => "daily_percent",
        Some("monthly") => "monthly_percent",
        Some("annual") => "annual_percent",
        _ => return Err(err(ErrorKind::Field, field(&path, "rate_unit"), "must be daily, monthly or annual")),
    };
    let mut rate = Map::new();
    rate.insert("value".into(), value);
    rate.insert("unit".into(), Value::String(unit.into()));
    if let Some(days) = obj.remove("days_per_year") {
        rate.insert("day_basis".into(), days);
    }
    let months = take(&mut obj, "term_months", &path)?;
    obj.insert("principal".into(), principal);
    obj.insert("rate".into(), Value::Object(rate));
    obj.insert("months".into(), months);
    if let Some(fee) = obj.remove("fee") {
        obj.insert("upfront_fee".into(), decimal(fee, &path, "fee")?);
    }
    Ok(Value::Object(obj))
}

fn budget(v: Value) -> Result<Value, ReadError> {
    let Value::Object(mut obj) = v else {
        return Err(err(ErrorKind::Field, "budget", "must be an object"));
    };
    for (old, new) in [
        ("monthly_income", "income"),
        ("monthly_expenses", "expenses"),
        ("other_debts", "other_obligations"),
        ("buffer_percent", "buffer_percent"),
    ] {
        if let Some(v) = obj.remove(old) {
            obj.insert(new.into(), decimal(v, "budget", old)?);
        }
    }
    Ok(Value::Object(obj))
}

/// Rewrites a version 0 document as version 1 (not yet validated).
pub(super) fn to_v1(doc: Value) -> Result<Value, ReadError> {
    let Value::Object(mut obj) = doc else {
        return Err(err(ErrorKind::Version, "", "not a version 0 document"));
    };
    let loans = match obj.remove("loans") {
        Some(Value::Array(loans)) => loans.into_iter().enumerate().map(|(i, l)| loan(l, i)).collect::<Result<Vec<_>, _>>()?,
        Some(_) => return Err(err(ErrorKind::Field, "loans", "must be a list")),
        None => return Err(missing("loans".into())),
    };
    obj.insert("loans".into(), Value::Array(loans));
    if let Some(b) = obj.remove("budget") {
        obj.insert("budget".into(), budget(b)?);
    }
    obj.insert("version".into(), Value::from(1));
    Ok(Value::Object(obj))
}

#[cfg(test)]
mod tests {
    use super::number_decimal;
    use crate::scenario::{ErrorKind, Scenario};
    use crate::versioned::json::Number;
    use rust_decimal::Decimal;

    const V0: &str = include_str!("../../tests/fixtures/migration/v0-mybank.json");
    const V1: &str = include_str!("../../tests/fixtures/migration/v0-mybank.expected.json");

    #[test]
    fn the_v0_fixture_migrates_to_its_v1_twin() {
        let migrated = Scenario::from_json(V0).unwrap();
        assert_eq!(migrated, Scenario::from_json(V1).unwrap());
        assert_eq!(migrated.version, 1);
        assert_eq!(migrated.loans[1].principal.to_string(), "20000.5");
        assert_eq!(migrated.loans[0].rate.value.to_string(), "0.05");
        // Written back, it is a plain current-version document.
        assert_eq!(Scenario::from_json(&migrated.to_json()).unwrap(), migrated);
        assert!(migrated.to_json().contains("\"version\": 1"));
    }

    #[test]
    fn v0_faults_name_the_field() {
        let e = Scenario::from_json(&V0.replacen("\"amount\": 100000", "\"amount\": \"lots\"", 1)).unwrap_err();
        assert_eq!(e.path(), "loans[0].principal");
        let e = Scenario::from_json(&V0.replacen("\"amount\": 100000", "\"amount\": true", 1)).unwrap_err();
        assert_eq!((e.kind(), e.path().as_str()), (ErrorKind::Field, "loans[0].amount"));
        let e = Scenario::from_json(&V0.replacen("\"term_months\": 12", "\"terms\": 12", 1)).unwrap_err();
        assert_eq!((e.kind(), e.path().as_str()), (ErrorKind::Version, "loans[0].term_months"));
        let e = Scenario::from_json(&V0.replacen("\"daily\"", "\"weekly\"", 1)).unwrap_err();
        assert_eq!(e.path(), "loans[0].rate_unit");
        let e = Scenario::from_json(&V0.replacen("\"other_debts\"", "\"other_debtz\"", 1)).unwrap_err();
        assert_eq!(e.path(), "budget.other_debtz");
        let e = Scenario::from_json(&V0.replacen("\"amount\": 5000", "\"amount\": 0", 1)).unwrap_err();
        assert_eq!((e.kind(), e.path().as_str()), (ErrorKind::Invalid, "loans[2].principal"));
    }

    /// What `decimal` used before `number_decimal`: rust_decimal's parsers.
    fn rust_decimal(s: &str) -> Option<String> {
        use std::str::FromStr;
        let d = if s.contains(['e', 'E']) { Decimal::from_scientific(s) } else { Decimal::from_str(s) };
        d.ok().map(|d| format!("{d} {:?}", d.serialize()))
    }

    fn same_as_rust_decimal(n: Number) {
        let s = n.to_string();
        assert_eq!(number_decimal(&s).map(|d| format!("{d} {:?}", d.serialize())), rust_decimal(&s), "{s}");
    }

    #[test]
    fn numbers_at_the_edges_read_as_rust_decimal_reads_them() {
        for x in [0.0, -0.0, 0.1, 1e21, 1.5e-7, 5e-324, 1e-28, 1e-29, 1.2345e-20, 7.9e28, 7.92e28, 8e28, 1e300, f64::MAX, 123456789.125] {
            same_as_rust_decimal(Number::Float(x));
            same_as_rust_decimal(Number::Float(-x));
        }
        for s in ["1e5", "1.5E+3", "2.50e2", "1e-0", "1e+28", "1e29", "1.2e-28", "12e-28", "-3e19", "9.99e20", "1e", "e5", "1e--2", "1e1.5"] {
            assert_eq!(number_decimal(s).map(|d| format!("{d} {:?}", d.serialize())), rust_decimal(s), "{s}");
        }
        same_as_rust_decimal(Number::PosInt(u64::MAX));
        same_as_rust_decimal(Number::NegInt(i64::MIN));
    }

    proptest::proptest! {
        /// Every JSON number a version 0 document can hold reads as before.
        #[test]
        fn numbers_read_as_rust_decimal_reads_them(
            x in proptest::num::f64::NORMAL | proptest::num::f64::SUBNORMAL | proptest::num::f64::ZERO,
            mantissa in 0u64..10_000_000,
            exp in -40i32..40,
            i: i64,
        ) {
            same_as_rust_decimal(Number::Float(x));
            same_as_rust_decimal(Number::Float(mantissa as f64 * 10f64.powi(exp)));
            same_as_rust_decimal(if i < 0 { Number::NegInt(i) } else { Number::PosInt(i as u64) });
        }
    }
}
