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

use crate::versioned::{ErrorKind, ReadError};
use rust_decimal::Decimal;
use crate::versioned::json::{Map, Value};
use std::str::FromStr;

fn err(kind: ErrorKind, path: impl Into<String>, message: &str) -> ReadError {
    ReadError::new(kind, path, message)
}

fn missing(path: String) -> ReadError {
    err(ErrorKind::Version, path, "missing: this is not a version 0 (pre-release) document")
}

/// A JSON number as an exact decimal string (through its shortest form).
fn decimal(v: Value, path: String) -> Result<Value, ReadError> {
    match v {
        Value::Number(n) => {
            let s = n.to_string();
            let d = if s.contains(['e', 'E']) { Decimal::from_scientific(&s) } else { Decimal::from_str(&s) };
            d.map(|d| Value::String(d.to_string())).map_err(|_| err(ErrorKind::Field, path, "number out of range"))
        }
        // Some pre-release builds already wrote strings.
        Value::String(s) => Ok(Value::String(s)),
        _ => Err(err(ErrorKind::Field, path, "must be a number")),
    }
}

fn take(obj: &mut Map, key: &str, path: &str) -> Result<Value, ReadError> {
    obj.remove(key).ok_or_else(|| missing(format!("{path}.{key}")))
}

fn loan(v: Value, i: usize) -> Result<Value, ReadError> {
    let path = format!("loans[{i}]");
    let Value::Object(mut obj) = v else {
        return Err(err(ErrorKind::Field, path, "must be an object"));
    };
    let principal = decimal(take(&mut obj, "amount", &path)?, format!("{path}.amount"))?;
    let value = decimal(take(&mut obj, "rate", &path)?, format!("{path}.rate"))?;
    let unit = match take(&mut obj, "rate_unit", &path)?.as_str() {
        Some("daily") => "daily_percent",
        Some("monthly") => "monthly_percent",
        Some("annual") => "annual_percent",
        _ => return Err(err(ErrorKind::Field, format!("{path}.rate_unit"), "must be daily, monthly or annual")),
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
        obj.insert("upfront_fee".into(), decimal(fee, format!("{path}.fee"))?);
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
            obj.insert(new.into(), decimal(v, format!("budget.{old}"))?);
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
    use crate::scenario::{ErrorKind, Scenario};

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
}
