//! Forgiving parsing of what people type into the page.
//!
//! Borrowers copy figures from lender apps and type on phone keyboards, so
//! `100,000`, `10万`, `１００００` (full-width), `¥5,000 `, `0.05%` and `3年`
//! all mean what they look like. Anything else is refused with an
//! [`InputError`] the page shows at the field. Pure: tested natively.

use crate::engine::dates::Date;
use rust_decimal::Decimal;
use std::str::FromStr;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum InputError {
    Empty,
    NotANumber,
    Negative,
    /// More than two decimals in a money amount.
    TooPrecise,
    TooLarge,
    NotWholeMonths,
    /// Not a calendar date `YYYY-MM-DD`.
    NotADate,
}

impl InputError {
    pub fn code(&self) -> &'static str {
        match self {
            Self::Empty => "empty",
            Self::NotANumber => "not_a_number",
            Self::Negative => "negative",
            Self::TooPrecise => "too_precise",
            Self::TooLarge => "too_large",
            Self::NotWholeMonths => "not_whole_months",
            Self::NotADate => "not_a_date",
        }
    }
}

/// Folds full-width characters to ASCII and drops spaces and thousands
/// separators (`,` `，` and the thin/ideographic spaces).
fn normalize(raw: &str) -> String {
    raw.chars()
        .filter_map(|c| match c {
            '０'..='９' => char::from_u32(c as u32 - '０' as u32 + '0' as u32),
            '．' | '。' => Some('.'),
            '％' => Some('%'),
            '－' | '−' => Some('-'),
            ',' | '，' | '、' | '\'' | '_' => None,
            c if c.is_whitespace() => None,
            c => Some(c),
        })
        .collect()
}

/// Parses a decimal after normalising; the string may still carry a unit
/// suffix that the caller has stripped.
fn decimal(s: &str) -> Result<Decimal, InputError> {
    if s.is_empty() {
        return Err(InputError::Empty);
    }
    let ok = s.strip_prefix('-').unwrap_or(s);
    let mut dots = 0;
    if ok.is_empty()
        || !ok.chars().all(|c| {
            dots += (c == '.') as u32;
            c.is_ascii_digit() || c == '.'
        })
        || dots > 1
        || ok == "."
    {
        return Err(InputError::NotANumber);
    }
    // Too many digits for an exact decimal is a typo, not a loan.
    Decimal::from_str_exact(s).or_else(|_| Decimal::from_str(s)).map_err(|_| InputError::TooLarge)
}

/// Money: `100000`, `100,000`, `10万`, `1.5万元`, `¥5,000`, `１００００`.
/// Non-negative, at most two decimals after applying 万/亿.
pub fn parse_amount(raw: &str) -> Result<Decimal, InputError> {
    let s = normalize(raw);
    let s = s.trim_start_matches(['¥', '￥']);
    let s = s.strip_suffix('元').unwrap_or(s);
    let (s, factor) = if let Some(v) = s.strip_suffix('万').or_else(|| s.strip_suffix(['w', 'W'])) {
        (v, Decimal::from(10_000))
    } else if let Some(v) = s.strip_suffix('亿') {
        (v, Decimal::from(100_000_000))
    } else {
        (s, Decimal::ONE)
    };
    let v = decimal(s.trim_start_matches(['¥', '￥']))?;
    let v = v.checked_mul(factor).ok_or(InputError::TooLarge)?.normalize();
    if v.is_sign_negative() && !v.is_zero() {
        return Err(InputError::Negative);
    }
    if v.scale() > 2 {
        return Err(InputError::TooPrecise);
    }
    if v > crate::engine::MAX_AMOUNT {
        return Err(InputError::TooLarge);
    }
    Ok(v)
}

/// A rate or share in percent: `0.05`, `0.05%`, `18 %`. Non-negative.
pub fn parse_percent(raw: &str) -> Result<Decimal, InputError> {
    let s = normalize(raw);
    let s = s.strip_suffix('%').unwrap_or(&s);
    let v = decimal(s)?;
    if v.is_sign_negative() && !v.is_zero() {
        return Err(InputError::Negative);
    }
    // No rate or share is a million percent; past that it is a typo.
    if v > Decimal::from(1_000_000) {
        return Err(InputError::TooLarge);
    }
    Ok(v.normalize())
}

/// A term: `12`, `12个月`, `12期`, `3年` (= 36 months).
pub fn parse_months(raw: &str) -> Result<u32, InputError> {
    let s = normalize(raw);
    let (s, per) = if let Some(v) = s.strip_suffix('年') {
        (v, 12)
    } else {
        let v = s.strip_suffix("个月").or_else(|| s.strip_suffix('月')).or_else(|| s.strip_suffix('期'));
        (v.unwrap_or(&s), 1)
    };
    let v = decimal(s)?;
    if v.is_sign_negative() && !v.is_zero() {
        return Err(InputError::Negative);
    }
    let months = v.checked_mul(Decimal::from(per)).ok_or(InputError::TooLarge)?;
    if !months.fract().is_zero() {
        return Err(InputError::NotWholeMonths);
    }
    u32::try_from(months.mantissa() / 10i128.pow(months.scale())).map_err(|_| InputError::TooLarge)
}

/// Money that may be negative (a month of loss in a forecast): `-5000`, `-1.2万`.
pub fn parse_signed_amount(raw: &str) -> Result<Decimal, InputError> {
    let s = normalize(raw);
    match s.strip_prefix('-') {
        Some(rest) => parse_amount(rest).map(|v| -v),
        None => parse_amount(&s),
    }
}

/// A whole number of days: `15`, `15天`, `15日`.
pub fn parse_days(raw: &str) -> Result<u32, InputError> {
    let s = normalize(raw);
    let s = s.strip_suffix('天').or_else(|| s.strip_suffix('日')).unwrap_or(&s).to_string();
    parse_months(&s).map_err(|e| if e == InputError::NotWholeMonths { InputError::NotANumber } else { e })
}

/// An optional field: empty means "not given".
pub fn optional<T>(raw: &str, parse: fn(&str) -> Result<T, InputError>) -> Result<Option<T>, InputError> {
    if normalize(raw).is_empty() {
        Ok(None)
    } else {
        parse(raw).map(Some)
    }
}

pub fn parse_optional_amount(raw: &str) -> Result<Option<Decimal>, InputError> {
    optional(raw, parse_amount)
}

/// An optional date as `<input type="date">` gives it (`2026-12-15`);
/// `2026/12/15` and `2026.12.15` are read too.
pub fn parse_optional_date(raw: &str) -> Result<Option<Date>, InputError> {
    optional(raw, |s| {
        let s = normalize(s).replace(['/', '.'], "-");
        Date::parse(&s).ok_or(InputError::NotADate)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Decimal {
        Decimal::from_str(s).unwrap()
    }

    #[test]
    fn amounts_people_type() {
        for (raw, want) in [
            ("100000", "100000"),
            ("100,000", "100000"),
            ("100，000.50", "100000.5"),
            ("10万", "100000"),
            ("1.5万元", "15000"),
            ("10w", "100000"),
            ("１００００", "10000"),
            ("  5000  ", "5000"),
            ("¥5,000", "5000"),
            ("￥ 12,345.67", "12345.67"),
            ("0", "0"),
            ("2亿", "200000000"),
            ("１２．５", "12.5"),
        ] {
            assert_eq!(parse_amount(raw), Ok(d(want)), "{raw:?}");
        }
    }

    #[test]
    fn amounts_refused() {
        assert_eq!(parse_amount(""), Err(InputError::Empty));
        assert_eq!(parse_amount("   "), Err(InputError::Empty));
        assert_eq!(parse_amount("abc"), Err(InputError::NotANumber));
        assert_eq!(parse_amount("1.2.3"), Err(InputError::NotANumber));
        assert_eq!(parse_amount("1e5"), Err(InputError::NotANumber));
        assert_eq!(parse_amount("-5"), Err(InputError::Negative));
        assert_eq!(parse_amount("1.005"), Err(InputError::TooPrecise));
        assert_eq!(parse_amount("100000000000000000000"), Err(InputError::TooLarge));
        assert_eq!(parse_amount("99999999999999999999999999999999"), Err(InputError::TooLarge));
        assert_eq!(parse_amount("万"), Err(InputError::Empty));
        assert_eq!(parse_amount("."), Err(InputError::NotANumber));
    }

    #[test]
    fn percents() {
        assert_eq!(parse_percent("0.05%"), Ok(d("0.05")));
        assert_eq!(parse_percent(" 18 ％"), Ok(d("18")));
        assert_eq!(parse_percent("０.０５"), Ok(d("0.05")));
        assert_eq!(parse_percent("-1"), Err(InputError::Negative));
        assert_eq!(parse_percent("%"), Err(InputError::Empty));
        assert_eq!(parse_percent("79228162514264337593543950335"), Err(InputError::TooLarge));
    }

    #[test]
    fn months() {
        assert_eq!(parse_months("12"), Ok(12));
        assert_eq!(parse_months("12个月"), Ok(12));
        assert_eq!(parse_months("24期"), Ok(24));
        assert_eq!(parse_months("3年"), Ok(36));
        assert_eq!(parse_months("1.5年"), Ok(18));
        assert_eq!(parse_months("１２"), Ok(12));
        assert_eq!(parse_months("12.5"), Err(InputError::NotWholeMonths));
        assert_eq!(parse_months("-1"), Err(InputError::Negative));
        assert_eq!(parse_months("99999999999"), Err(InputError::TooLarge));
        assert_eq!(parse_months("79228162514264337593543950335年"), Err(InputError::TooLarge));
    }

    #[test]
    fn signed_amounts() {
        assert_eq!(parse_signed_amount("-1.2万"), Ok(d("-12000")));
        assert_eq!(parse_signed_amount("－５００"), Ok(d("-500")));
        assert_eq!(parse_signed_amount("8,000"), Ok(d("8000")));
        assert_eq!(parse_signed_amount("--5"), Err(InputError::Negative));
    }

    #[test]
    fn days_dates_and_optional_fields() {
        assert_eq!(parse_days("15"), Ok(15));
        assert_eq!(parse_days("１５天"), Ok(15));
        assert_eq!(parse_days("1.5"), Err(InputError::NotANumber));
        assert_eq!(parse_optional_amount("  "), Ok(None));
        assert_eq!(parse_optional_amount("5000"), Ok(Some(d("5000"))));
        assert_eq!(parse_optional_amount("x"), Err(InputError::NotANumber));
        assert_eq!(parse_optional_date(""), Ok(None));
        assert_eq!(parse_optional_date("2026/12/15").map(|d| d.map(|d| d.to_string())), Ok(Some("2026-12-15".into())));
        assert_eq!(parse_optional_date("2026-02-30"), Err(InputError::NotADate));
    }
}
