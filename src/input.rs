//! Forgiving parsing of what people type into the page.
//!
//! Borrowers copy figures from lender apps and type on phone keyboards, so
//! `100,000`, `10万`, `8万5`, `三千五`, `80k`, `１００００` (full-width),
//! `¥5,000 `, `0.05%`, `万4`, `日息万分之四`, `十二期` and `3年` all mean
//! what they look like. A comma that is not a thousands separator (`0,04`)
//! could be a decimal comma: it is refused as ambiguous, never guessed.
//! Anything else is refused with an [`InputError`] the page shows at the
//! field. Pure: tested natively.
//!
//! Numbers ([`number`]) mix digits, Chinese numerals and units the way
//! people say them: a unit multiplies what comes before it (`8.5万`,
//! `八万`, `两千`), and one digit after a unit counts in the next lower
//! unit (`8万5` = 85,000, `三千五` = 3,500, `一万二` = 12,000) unless a
//! `零` says otherwise (`一万零五` = 10,005).

use crate::engine::dates::Date;
use crate::engine::RateUnit;
use rust_decimal::Decimal;

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
    /// A comma that is not a thousands separator (`0,04`, `12,5`): a
    /// decimal comma or a typo — the page asks which.
    AmbiguousComma,
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
            Self::AmbiguousComma => "ambiguous_comma",
        }
    }
}

/// Folds full-width characters to ASCII, drops spaces and separators, and
/// checks that every comma separates thousands (`12,000`, `1,234.5`).
fn normalize(raw: &str) -> Result<String, InputError> {
    let folded: String = raw
        .chars()
        .filter_map(|c| match c {
            '０'..='９' => char::from_u32(c as u32 - '０' as u32 + '0' as u32),
            '．' | '。' => Some('.'),
            '％' => Some('%'),
            '－' | '−' => Some('-'),
            '，' => Some(','),
            '、' | '\'' | '_' => None,
            c if c.is_whitespace() => None,
            c => Some(c),
        })
        .collect();
    if !commas_separate_thousands(&folded) {
        return Err(InputError::AmbiguousComma);
    }
    Ok(folded.replace(',', ""))
}

/// Every run of digits, commas and dots with a comma in it reads as
/// thousands: a first group of 1–3 digits not starting with 0, then groups
/// of exactly 3, and no comma after the decimal point.
fn commas_separate_thousands(s: &str) -> bool {
    s.split(|c: char| !(c.is_ascii_digit() || c == ',' || c == '.')).filter(|run| run.contains(',')).all(|run| {
        let whole = run.split('.').next().unwrap_or(run);
        let mut groups = whole.split(',');
        let first = groups.next().unwrap_or("");
        !run[whole.len()..].contains(',')
            && (1..=3).contains(&first.len())
            && !first.starts_with('0')
            && groups.all(|g| g.len() == 3 && g.chars().all(|c| c.is_ascii_digit()))
    })
}

/// Parses plain decimal digits (`12`, `8.5`, `-3`).
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
    crate::engine::decimal_str::plain_decimal(s).ok_or(InputError::TooLarge)
}

/// Arithmetic that refuses to overflow (a panic would kill the page),
/// through the engine's one outlined copy of each checked operation.
fn mul(a: Decimal, b: Decimal) -> Result<Decimal, InputError> {
    crate::engine::checked::mul(a, b).ok_or(InputError::TooLarge)
}

fn add(a: Decimal, b: Decimal) -> Result<Decimal, InputError> {
    crate::engine::checked::add(a, b).ok_or(InputError::TooLarge)
}

fn chinese_digit(c: char) -> Option<u32> {
    Some(match c {
        '零' | '〇' => 0,
        '一' | '壹' => 1,
        '二' | '两' | '贰' => 2,
        '三' | '叁' => 3,
        '四' | '肆' => 4,
        '五' | '伍' => 5,
        '六' | '陆' => 6,
        '七' | '柒' => 7,
        '八' | '捌' => 8,
        '九' | '玖' => 9,
        _ => return None,
    })
}

/// A unit and whether it closes a section (`万`, `亿`) rather than
/// counting inside one (`十`, `百`, `千`, `k`).
fn unit(c: char) -> Option<(Decimal, bool)> {
    Some(match c {
        '十' | '拾' => (Decimal::TEN, false),
        '百' | '佰' => (Decimal::ONE_HUNDRED, false),
        '千' | '仟' | 'k' | 'K' => (Decimal::ONE_THOUSAND, false),
        '万' | '萬' | 'w' | 'W' => (Decimal::from(10_000), true),
        '亿' => (Decimal::from(100_000_000), true),
        _ => return None,
    })
}

/// A number being read left to right.
#[derive(Default)]
struct Numeral {
    /// Sections closed by `万` or `亿`.
    total: Decimal,
    /// The part below `万` so far (三千 of 三千五).
    section: Decimal,
    /// A number not yet followed by a unit, and whether it is one digit.
    pending: Option<(Decimal, bool)>,
    /// The last unit, for the digit after it (`三千五`).
    last_unit: Option<Decimal>,
    /// A `零` since the last unit: the digit after it counts as itself.
    zero: bool,
}

impl Numeral {
    fn digits(&mut self, n: Decimal, single: bool) -> Result<(), InputError> {
        if self.pending.replace((n, single)).is_some() {
            return Err(InputError::NotANumber); // 三四, 3三
        }
        Ok(())
    }

    fn unit(&mut self, u: Decimal, closes_section: bool) -> Result<(), InputError> {
        let before = self.pending.take().map(|(n, _)| n);
        if closes_section {
            let n = add(self.section, before.unwrap_or_default())?;
            if n.is_zero() && (before.is_none() && self.total.is_zero()) {
                return Err(InputError::NotANumber); // 万4 is not an amount
            }
            self.total = if u == Decimal::from(10_000) { add(self.total, mul(n, u)?)? } else { mul(add(self.total, n)?, u)? };
            self.section = Decimal::ZERO;
        } else {
            // 十二 = 12: a 十 with nothing before it is one ten.
            let n = before.or((u == Decimal::TEN).then_some(Decimal::ONE)).ok_or(InputError::NotANumber)?;
            self.section = add(self.section, mul(n, u)?)?;
        }
        self.last_unit = Some(u);
        self.zero = false;
        Ok(())
    }

    fn value(self) -> Result<Decimal, InputError> {
        let tail = match (self.pending, self.last_unit) {
            // 三千五 = 3,500: one digit after a unit counts in the next lower one.
            (Some((n, true)), Some(u)) if !self.zero => mul(n, u / Decimal::TEN)?,
            (Some((n, _)), _) => n,
            (None, _) => Decimal::ZERO,
        };
        add(add(self.total, self.section)?, tail)
    }
}

/// A non-negative number in digits, Chinese numerals and units (see the
/// module docs): `80000`, `8.5万`, `8万5`, `八万`, `三千五`, `十二`, `80k`.
fn number(s: &str) -> Result<Decimal, InputError> {
    if s.chars().all(|c| unit(c).is_some_and(|(u, _)| u != Decimal::TEN)) {
        return Err(InputError::Empty); // nothing but a unit: nothing typed yet
    }
    let mut n = Numeral::default();
    let mut rest = s;
    while let Some(c) = rest.chars().next() {
        if c.is_ascii_digit() || c == '.' {
            let end = rest.find(|c: char| !(c.is_ascii_digit() || c == '.')).unwrap_or(rest.len());
            n.digits(decimal(&rest[..end])?, end == 1)?;
            rest = &rest[end..];
            continue;
        }
        match (chinese_digit(c), unit(c)) {
            (Some(0), _) => n.zero = true,
            (Some(d), _) => n.digits(d.into(), true)?,
            (None, Some((u, closes))) => n.unit(u, closes)?,
            (None, None) => return Err(InputError::NotANumber),
        }
        rest = &rest[c.len_utf8()..];
    }
    n.value()
}

/// A number that may start with a minus sign.
fn signed_number(s: &str) -> Result<Decimal, InputError> {
    match s.strip_prefix('-') {
        Some(rest) => number(rest).map(|v| -v),
        None => number(s),
    }
}

fn not_negative(v: Decimal) -> Result<Decimal, InputError> {
    if v.is_sign_negative() && !v.is_zero() {
        Err(InputError::Negative)
    } else {
        Ok(v.normalize())
    }
}

/// Money: `100000`, `100,000`, `10万`, `8万5`, `1.5万元`, `八万`, `80k`,
/// `¥5,000`, `１００００`. Non-negative, at most two decimals.
pub fn parse_amount(raw: &str) -> Result<Decimal, InputError> {
    let s = normalize(raw)?;
    let s = s.trim_start_matches(['¥', '￥']);
    let s = s.strip_suffix('元').or_else(|| s.strip_suffix('块')).unwrap_or(s);
    let v = not_negative(signed_number(s.trim_start_matches(['¥', '￥']))?)?;
    if v.scale() > 2 {
        return Err(InputError::TooPrecise);
    }
    if v > crate::engine::MAX_AMOUNT {
        return Err(InputError::TooLarge);
    }
    Ok(v)
}

/// No rate or share is a million percent; past that it is a typo.
fn at_most_a_million(v: Decimal) -> Result<Decimal, InputError> {
    if v > Decimal::from(1_000_000) {
        Err(InputError::TooLarge)
    } else {
        Ok(v)
    }
}

/// A share in percent or a multiplier: `0.05`, `0.05%`, `18 %`, `1.5倍`,
/// `百分之十`. Non-negative.
pub fn parse_percent(raw: &str) -> Result<Decimal, InputError> {
    let s = normalize(raw)?;
    let s = s.strip_suffix(['%', '倍']).unwrap_or(&s);
    let v = match s.strip_prefix("百分之") {
        Some(n) => number(n)?,
        None => signed_number(s)?,
    };
    at_most_a_million(not_negative(v)?)
}

/// The basis a rate names before its figure: 日息, 月息, 年化 and the like.
const RATE_BASES: [(&str, RateUnit); 12] = [
    ("日利率", RateUnit::DailyPercent),
    ("日息", RateUnit::DailyPercent),
    ("日", RateUnit::DailyPercent),
    ("月利率", RateUnit::MonthlyPercent),
    ("月息", RateUnit::MonthlyPercent),
    ("月", RateUnit::MonthlyPercent),
    ("年化利率", RateUnit::AnnualPercent),
    ("年化", RateUnit::AnnualPercent),
    ("年利率", RateUnit::AnnualPercent),
    ("年息", RateUnit::AnnualPercent),
    ("年", RateUnit::AnnualPercent),
    ("APR", RateUnit::AnnualPercent),
];

/// A rate as lenders quote it, in percent: `0.04`, `0.04%`, `万4` and
/// `万分之四` (both 0.04 %), `4‱`, `千分之五` / `5‰` (0.5 %),
/// `百分之十八`; it may name its basis first (`日息万四`, `月息1.5%`,
/// `年化18%`), which is returned with it. Non-negative.
pub fn parse_rate(raw: &str) -> Result<(Decimal, Option<RateUnit>), InputError> {
    let s = normalize(raw)?;
    let (basis, s) = match RATE_BASES.iter().find(|(name, _)| s.starts_with(name)) {
        Some((name, unit)) => (Some(*unit), &s[name.len()..]),
        None => (None, s.as_str()),
    };
    let per_ten_thousand = s.strip_prefix("万分之").or_else(|| s.strip_prefix('万')).or_else(|| s.strip_suffix('‱'));
    let per_thousand = s.strip_prefix("千分之").or_else(|| s.strip_suffix('‰'));
    let v = if let Some(n) = per_ten_thousand {
        number(n)? / Decimal::ONE_HUNDRED
    } else if let Some(n) = per_thousand {
        number(n)? / Decimal::TEN
    } else if let Some(n) = s.strip_prefix("百分之") {
        number(n)?
    } else {
        signed_number(s.strip_suffix('%').unwrap_or(s))?
    };
    Ok((at_most_a_million(not_negative(v)?)?, basis))
}

/// A term: `12`, `12个月`, `12期`, `十二期`, `3年` (= 36 months), `两年`.
pub fn parse_months(raw: &str) -> Result<u32, InputError> {
    let s = normalize(raw)?;
    let (s, per) = if let Some(v) = s.strip_suffix('年') {
        (v, 12)
    } else {
        let v = s.strip_suffix("个月").or_else(|| s.strip_suffix('月')).or_else(|| s.strip_suffix('期'));
        (v.unwrap_or(&s), 1)
    };
    let v = not_negative(signed_number(s)?)?;
    let months = mul(v, Decimal::from(per))?;
    if !months.fract().is_zero() {
        return Err(InputError::NotWholeMonths);
    }
    u32::try_from(months.mantissa() / 10i128.pow(months.scale())).map_err(|_| InputError::TooLarge)
}

/// Money that may be negative (a month of loss in a forecast): `-5000`, `-1.2万`.
pub fn parse_signed_amount(raw: &str) -> Result<Decimal, InputError> {
    let s = normalize(raw)?;
    match s.strip_prefix('-') {
        Some(rest) => parse_amount(rest).map(|v| -v),
        None => parse_amount(&s),
    }
}

/// A whole number of days: `15`, `15天`, `十五日`.
pub fn parse_days(raw: &str) -> Result<u32, InputError> {
    let s = normalize(raw)?;
    let s = s.strip_suffix('天').or_else(|| s.strip_suffix('日')).unwrap_or(&s).to_string();
    parse_months(&s).map_err(|e| if e == InputError::NotWholeMonths { InputError::NotANumber } else { e })
}

/// Text with nothing in it but spaces.
pub fn is_blank(raw: &str) -> bool {
    raw.chars().all(char::is_whitespace)
}

/// An optional field: empty means "not given".
pub fn optional<T>(raw: &str, parse: fn(&str) -> Result<T, InputError>) -> Result<Option<T>, InputError> {
    if is_blank(raw) {
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
        let s = normalize(s).map_err(|_| InputError::NotADate)?.replace(['/', '.'], "-");
        Date::parse(&s).ok_or(InputError::NotADate)
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;

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

#[cfg(test)]
mod chinese_tests;
