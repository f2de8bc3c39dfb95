//! Interest rates in the three forms lenders quote them.
//!
//! Online lenders print a daily rate (日利率) and call `daily × 360` the
//! "annual rate (simple)"; some contracts use 365 days. Monthly is annual / 12.
//! All conversions are exact decimal arithmetic on percentages.

use super::exact::Ratio;
use super::{EngineError, MAX_ANNUAL_PERCENT};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

/// The form in which the lender quotes the rate.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RateUnit {
    /// 日利率, percent per day.
    DailyPercent,
    /// 月利率, percent per month.
    MonthlyPercent,
    /// 年化利率 (simple), percent per year.
    AnnualPercent,
}

/// Days in the year used to turn a daily rate into an annual one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum DayBasis {
    /// 360 days: the online lenders' convention (default).
    #[default]
    D360,
    /// 365 days: some bank contracts.
    D365,
}

impl DayBasis {
    pub fn days(self) -> Decimal {
        match self {
            Self::D360 => Decimal::from(360),
            Self::D365 => Decimal::from(365),
        }
    }
}

// The scenario format writes the basis as the plain number of days.
impl Serialize for DayBasis {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_u32(match self {
            Self::D360 => 360,
            Self::D365 => 365,
        })
    }
}

impl<'de> Deserialize<'de> for DayBasis {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        match u32::deserialize(d)? {
            360 => Ok(Self::D360),
            365 => Ok(Self::D365),
            other => Err(serde::de::Error::custom(format!(
                "day_basis must be 360 or 365, not {other}"
            ))),
        }
    }
}

/// A rate exactly as the lender quotes it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct QuotedRate {
    /// The number printed by the lender, in percent (0.05 means 0.05 %).
    pub value: Decimal,
    pub unit: RateUnit,
    pub day_basis: DayBasis,
}

const HUNDRED: Decimal = Decimal::ONE_HUNDRED;
const TWELVE: Decimal = Decimal::from_parts(12, 0, 0, false, 0);

impl QuotedRate {
    pub fn new(value: Decimal, unit: RateUnit) -> Self {
        Self { value, unit, day_basis: DayBasis::D360 }
    }

    /// Simple annual rate in percent (年化, 单利). Saturates instead of
    /// overflowing for absurd values, which `validate` refuses anyway.
    pub fn annual_percent(&self) -> Decimal {
        let factor = match self.unit {
            RateUnit::DailyPercent => self.day_basis.days(),
            RateUnit::MonthlyPercent => TWELVE,
            RateUnit::AnnualPercent => Decimal::ONE,
        };
        super::checked::mul(self.value, factor).unwrap_or(if self.value.is_sign_negative() { Decimal::MIN } else { Decimal::MAX })
    }

    /// Monthly rate in percent (月利率).
    pub fn monthly_percent(&self) -> Decimal {
        match self.unit {
            RateUnit::MonthlyPercent => self.value,
            _ => self.annual_percent() / TWELVE,
        }
    }

    /// Daily rate in percent (日利率).
    pub fn daily_percent(&self) -> Decimal {
        match self.unit {
            RateUnit::DailyPercent => self.value,
            _ => self.annual_percent() / self.day_basis.days(),
        }
    }

    /// Monthly rate as a fraction (0.015 for 1.5 %), the `i` of the formulas.
    pub fn monthly_fraction(&self) -> Decimal {
        self.monthly_percent() / HUNDRED
    }

    /// Daily rate as a fraction.
    pub fn daily_fraction(&self) -> Decimal {
        self.daily_percent() / HUNDRED
    }

    /// The monthly rate as an exact ratio (daily × days / 1200, monthly /
    /// 100, annual / 1200), for interest that must round exactly.
    pub fn monthly_ratio(&self) -> Ratio {
        match self.unit {
            RateUnit::DailyPercent => Ratio::new(self.value, 1200).times(self.day_basis.days()),
            RateUnit::MonthlyPercent => Ratio::new(self.value, 100),
            RateUnit::AnnualPercent => Ratio::new(self.value, 1200),
        }
    }

    /// The daily rate as an exact ratio (daily / 100, annual / (100 × basis),
    /// monthly × 12 / (100 × basis)).
    pub fn daily_ratio(&self) -> Ratio {
        let per_year = 100 * if self.day_basis == DayBasis::D365 { 365 } else { 360 };
        match self.unit {
            RateUnit::DailyPercent => Ratio::new(self.value, 100),
            RateUnit::MonthlyPercent => Ratio::new(self.value, per_year).times(TWELVE),
            RateUnit::AnnualPercent => Ratio::new(self.value, per_year),
        }
    }

    /// Rejects negative rates and rates above [`MAX_ANNUAL_PERCENT`].
    pub fn validate(&self) -> Result<(), EngineError> {
        if self.value.is_sign_negative() && !self.value.is_zero() {
            return Err(EngineError::RateNegative);
        }
        // Compare before multiplying so an absurd value cannot overflow.
        let limit = match self.unit {
            RateUnit::DailyPercent => MAX_ANNUAL_PERCENT / self.day_basis.days(),
            RateUnit::MonthlyPercent => MAX_ANNUAL_PERCENT / TWELVE,
            RateUnit::AnnualPercent => MAX_ANNUAL_PERCENT,
        };
        if self.value > limit {
            return Err(EngineError::RateTooHigh);
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;

    fn d(s: &str) -> Decimal {
        Decimal::from_str(s).unwrap()
    }

    #[test]
    fn daily_rate_conversions_match_domain_conventions() {
        let r = QuotedRate::new(d("0.05"), RateUnit::DailyPercent);
        assert_eq!(r.annual_percent(), d("18"));
        assert_eq!(r.monthly_percent(), d("1.5"));
        assert_eq!(r.monthly_fraction(), d("0.015"));
        let r365 = QuotedRate { day_basis: DayBasis::D365, ..r };
        assert_eq!(r365.annual_percent(), d("18.25"));
        assert_eq!(r365.daily_percent(), d("0.05"));
    }

    #[test]
    fn monthly_and_annual_round_trip() {
        let m = QuotedRate::new(d("1.5"), RateUnit::MonthlyPercent);
        assert_eq!(m.annual_percent(), d("18"));
        assert_eq!(m.daily_percent(), d("0.05"));
        let a = QuotedRate::new(d("18"), RateUnit::AnnualPercent);
        assert_eq!(a.monthly_fraction(), d("0.015"));
        assert_eq!(a.daily_percent(), d("0.05"));
    }

    #[test]
    fn exact_ratios_equal_the_fractions() {
        let r = QuotedRate::new(d("0.05"), RateUnit::DailyPercent);
        assert_eq!(r.monthly_ratio().approx(), d("0.015"));
        assert_eq!(r.daily_ratio().approx(), d("0.0005"));
        let a = QuotedRate::new(d("4.9"), RateUnit::AnnualPercent);
        assert_eq!(a.monthly_ratio(), Ratio::new(d("4.9"), 1200));
        assert_eq!(a.monthly_ratio().approx(), a.monthly_fraction());
        let m = QuotedRate { value: d("1.5"), unit: RateUnit::MonthlyPercent, day_basis: DayBasis::D365 };
        assert_eq!(m.daily_ratio(), Ratio::new(d("18.0"), 36500));
        assert_eq!(m.daily_ratio().approx(), m.daily_fraction());
    }

    #[test]
    fn validation_limits() {
        assert_eq!(QuotedRate::new(d("-0.01"), RateUnit::AnnualPercent).validate(), Err(EngineError::RateNegative));
        assert!(QuotedRate::new(d("0"), RateUnit::AnnualPercent).validate().is_ok());
        assert!(QuotedRate::new(d("1000"), RateUnit::AnnualPercent).validate().is_ok());
        assert_eq!(QuotedRate::new(d("1000.01"), RateUnit::AnnualPercent).validate(), Err(EngineError::RateTooHigh));
        assert_eq!(QuotedRate::new(d("5"), RateUnit::DailyPercent).validate(), Err(EngineError::RateTooHigh));
        assert_eq!(QuotedRate::new(Decimal::MAX, RateUnit::DailyPercent).validate(), Err(EngineError::RateTooHigh));
    }

    #[test]
    fn absurd_values_saturate_instead_of_panicking() {
        let r = QuotedRate::new(Decimal::MAX, RateUnit::DailyPercent);
        assert_eq!(r.annual_percent(), Decimal::MAX);
        let _ = (r.monthly_percent(), r.daily_percent(), r.monthly_fraction());
        let r = QuotedRate::new(Decimal::MIN, RateUnit::MonthlyPercent);
        assert_eq!(r.annual_percent(), Decimal::MIN);
    }

    #[test]
    fn day_basis_serde_is_a_number() {
        assert_eq!(serde_json::to_string(&DayBasis::D365).unwrap(), "365");
        assert_eq!(serde_json::from_str::<DayBasis>("360").unwrap(), DayBasis::D360);
        let err = serde_json::from_str::<DayBasis>("366").unwrap_err().to_string();
        assert!(err.contains("360 or 365"), "{err}");
    }
}
