use std::fmt;

/// Why the engine refused an input. Each variant names the field at fault so
/// the page can show the message next to it; `code()` is the stable key the
/// i18n module translates.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EngineError {
    PrincipalNotPositive,
    PrincipalTooLarge,
    RateNegative,
    RateTooHigh,
    MonthsOutOfRange,
    FeeOutOfRange,
    /// More than two decimals: money is counted in fen.
    NotInFen(&'static str),
    AmountNegative(&'static str),
    AmountTooLarge(&'static str),
    BufferOutOfRange,
    /// A count or factor outside its range (`overdue.days`, `penalty.multiplier`).
    OutOfRange(&'static str),
    /// The cash flows have no rate of return the engine can represent.
    NoRateOfReturn,
    /// An intermediate result left the range of exact decimals.
    Overflow,
}

impl EngineError {
    /// The input field this error belongs to.
    pub fn field(&self) -> &'static str {
        match self {
            Self::PrincipalNotPositive | Self::PrincipalTooLarge => "principal",
            Self::RateNegative | Self::RateTooHigh => "rate",
            Self::MonthsOutOfRange => "months",
            Self::FeeOutOfRange => "fee",
            Self::AmountNegative(f) | Self::AmountTooLarge(f) | Self::NotInFen(f) | Self::OutOfRange(f) => f,
            Self::BufferOutOfRange => "buffer_percent",
            Self::NoRateOfReturn | Self::Overflow => "result",
        }
    }

    /// Stable machine-readable key for translation.
    pub fn code(&self) -> &'static str {
        match self {
            Self::PrincipalNotPositive => "principal_not_positive",
            Self::PrincipalTooLarge => "principal_too_large",
            Self::RateNegative => "rate_negative",
            Self::RateTooHigh => "rate_too_high",
            Self::MonthsOutOfRange => "months_out_of_range",
            Self::FeeOutOfRange => "fee_out_of_range",
            Self::NotInFen(_) => "not_in_fen",
            Self::AmountNegative(_) => "amount_negative",
            Self::AmountTooLarge(_) => "amount_too_large",
            Self::BufferOutOfRange => "buffer_out_of_range",
            Self::OutOfRange(_) => "out_of_range",
            Self::NoRateOfReturn => "no_rate_of_return",
            Self::Overflow => "overflow",
        }
    }
}

impl EngineError {
    /// What is wrong, in English, without the field name.
    pub fn message(&self) -> &'static str {
        match self {
            Self::PrincipalNotPositive => "must be more than 0",
            Self::PrincipalTooLarge => "must be at most 1000000000000",
            Self::RateNegative => "must not be negative",
            Self::RateTooHigh => "is above 1000% a year; check the unit (daily, monthly or annual)",
            Self::MonthsOutOfRange => "must be a whole number of months from 1 to 600",
            Self::FeeOutOfRange => "must be at least 0 and less than the principal",
            Self::NotInFen(_) => "must have at most two decimals (fen)",
            Self::AmountNegative(_) => "must not be negative",
            Self::AmountTooLarge(_) => "must be at most 1000000000000",
            Self::BufferOutOfRange => "must be a percentage from 0 to 100",
            Self::OutOfRange(_) => "is out of range",
            Self::NoRateOfReturn => "these payments have no annual rate that can be computed",
            Self::Overflow => "the numbers are too large to compute exactly",
        }
    }
}

impl fmt::Display for EngineError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.field(), self.message())
    }
}

impl std::error::Error for EngineError {}

/// Serialised as its [`EngineError::code`], the stable key.
impl serde::Serialize for EngineError {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.code())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::Infeasible;

    #[test]
    fn an_engine_refusal_in_a_proposal_serialises_as_its_code() {
        let v = serde_json::to_value(Infeasible::Engine { code: EngineError::Overflow }).unwrap();
        assert_eq!(v, serde_json::json!({"reason": "engine", "code": "overflow"}));
        assert_eq!(EngineError::OutOfRange("overdue.days").to_string(), "overdue.days: is out of range");
    }
}
