//! The forms issue 9 asked for: Chinese numerals and units, rates as
//! lenders quote them, and the ambiguous comma.

use super::*;
use proptest::prelude::*;
use std::str::FromStr;

fn d(s: &str) -> Decimal {
    Decimal::from_str(s).unwrap()
}

#[test]
fn chinese_amounts() {
    for (raw, want) in [
        ("8万5", "85000"),
        ("8.5万", "85000"),
        ("8万5千", "85000"),
        ("8万50", "80050"),
        ("80k", "80000"),
        ("80K", "80000"),
        ("2.5k", "2500"),
        ("八万", "80000"),
        ("三千五", "3500"),
        ("一万二", "12000"),
        ("一万零五", "10005"),
        ("两千", "2000"),
        ("十万", "100000"),
        ("二十五万", "250000"),
        ("一百二十", "120"),
        ("三千万", "30000000"),
        ("1亿5", "150000000"),
        ("八万元", "80000"),
        ("3千块", "3000"),
        ("¥ 8 万 5", "85000"),
        ("１２，０００", "12000"),
        ("1,234.5", "1234.5"),
        ("12,000", "12000"),
        ("1,234,567.89", "1234567.89"),
        ("１２３４。５", "1234.5"),
    ] {
        assert_eq!(parse_amount(raw), Ok(d(want)), "{raw:?}");
    }
}

#[test]
fn eighty_k_is_never_eighty() {
    // The bug: "80k" showed the figures for 80.
    assert_eq!(parse_amount("80k"), Ok(d("80000")));
    for raw in ["80q", "80kk", "8万万5x", "三四", "3三", "万4", "k"] {
        assert!(parse_amount(raw).is_err(), "{raw:?} is refused, not read in part");
    }
}

#[test]
fn an_ambiguous_comma_is_asked_about() {
    for raw in ["0,04", "12,5", "1,2345", "1,23", "1.000,5", "0,040", "5,", ",5"] {
        assert_eq!(parse_amount(raw), Err(InputError::AmbiguousComma), "{raw:?}");
    }
    assert_eq!(parse_rate("0,04"), Err(InputError::AmbiguousComma));
    assert_eq!(parse_percent("0，04"), Err(InputError::AmbiguousComma));
    assert_eq!(parse_months("1,2"), Err(InputError::AmbiguousComma));
}

#[test]
fn rates_as_lenders_quote_them() {
    let daily = Some(RateUnit::DailyPercent);
    for (raw, want, basis) in [
        ("0.04", "0.04", None),
        ("0.04%", "0.04", None),
        ("万4", "0.04", None),
        ("万四", "0.04", None),
        ("万分之四", "0.04", None),
        ("万分之4", "0.04", None),
        ("万2.5", "0.025", None),
        ("4‱", "0.04", None),
        ("千分之五", "0.5", None),
        ("5‰", "0.5", None),
        ("百分之十八", "18", None),
        ("日息万四", "0.04", daily),
        ("日息0.04%", "0.04", daily),
        ("日利率 0.05 %", "0.05", daily),
        ("日万5", "0.05", daily),
        ("月息1.5%", "1.5", Some(RateUnit::MonthlyPercent)),
        ("年化18%", "18", Some(RateUnit::AnnualPercent)),
        ("年利率 7.2", "7.2", Some(RateUnit::AnnualPercent)),
        ("０．０５％", "0.05", None),
    ] {
        assert_eq!(parse_rate(raw), Ok((d(want), basis)), "{raw:?}");
    }
    for (raw, e) in [
        ("", InputError::Empty),
        ("日息", InputError::Empty),
        ("万", InputError::Empty),
        ("-1", InputError::Negative),
        ("400万", InputError::TooLarge),
        ("x", InputError::NotANumber),
        ("周息1%", InputError::NotANumber),
    ] {
        assert_eq!(parse_rate(raw), Err(e), "{raw:?}");
    }
}

#[test]
fn chinese_terms_and_days() {
    for (raw, want) in [("十二期", 12), ("十期", 10), ("二十四个月", 24), ("两年", 24), ("三年", 36), ("36期", 36)] {
        assert_eq!(parse_months(raw), Ok(want), "{raw:?}");
    }
    assert_eq!(parse_days("十五天"), Ok(15));
    assert_eq!(parse_days("三十日"), Ok(30));
    assert_eq!(parse_percent("1.5倍"), Ok(d("1.5")));
    assert_eq!(parse_percent("百分之十"), Ok(d("10")));
}

#[test]
fn huge_numerals_are_refused_not_panicked_on() {
    let big = "九千九百万亿".repeat(4);
    assert_eq!(parse_amount(&big), Err(InputError::TooLarge));
    assert!(parse_months(&"亿".repeat(3).replace("亿", "1亿")).is_err());
    assert_eq!(parse_rate("万99999999999999999999999999999"), Err(InputError::TooLarge));
}

/// How a whole number is said in Chinese, up to 亿 (the standard form).
fn say(n: u64) -> String {
    const DIGITS: [char; 10] = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
    fn below_wan(n: u64, out: &mut String, mut zero: bool) {
        for (u, name) in [(1000, "千"), (100, "百"), (10, "十"), (1, "")] {
            let digit = (n / u % 10) as usize;
            if digit == 0 {
                zero = !out.is_empty();
                continue;
            }
            if zero {
                out.push('零');
                zero = false;
            }
            out.push(DIGITS[digit]);
            out.push_str(name);
        }
    }
    if n == 0 {
        return "零".into();
    }
    let mut out = String::new();
    let (wan, rest) = (n / 10_000, n % 10_000);
    if wan > 0 {
        below_wan(wan, &mut out, false);
        out.push('万');
    }
    below_wan(rest, &mut out, wan > 0 && rest < 1000);
    out
}

proptest! {
    /// Any whole amount below 1 亿, said in Chinese, reads as itself; so
    /// do its digits, with or without thousands separators.
    #[test]
    fn chinese_numerals_read_as_their_value(n in 0u64..100_000_000) {
        prop_assert_eq!(parse_amount(&say(n)), Ok(Decimal::from(n)), "{}", say(n));
        prop_assert_eq!(parse_amount(&n.to_string()), Ok(Decimal::from(n)));
        let grouped = n.to_string().as_bytes().rchunks(3).rev().map(|c| std::str::from_utf8(c).unwrap()).collect::<Vec<_>>().join(",");
        prop_assert_eq!(parse_amount(&grouped), Ok(Decimal::from(n)), "{}", grouped);
    }

    /// `X万Y` (one digit Y) is X.Y 万, and `X万` is X 万.
    #[test]
    fn wan_shorthand(x in 1u32..10_000, y in 0u32..10) {
        prop_assert_eq!(parse_amount(&format!("{x}万{y}")), Ok(Decimal::from(x * 10_000 + y * 1000)));
        prop_assert_eq!(parse_amount(&format!("{x}k")), Ok(Decimal::from(x * 1000)));
    }

    /// Nothing typed makes the parsers panic.
    #[test]
    fn no_text_panics(s in "[0-9万千百十亿kK一二两三零.,，%‱‰日息月年化分之¥元-]{0,14}") {
        let _ = (parse_amount(&s), parse_rate(&s), parse_months(&s), parse_days(&s), parse_percent(&s), parse_signed_amount(&s));
    }
}
