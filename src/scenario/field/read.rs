//! Reading typed text into a field, beyond its kind's own rules: an
//! optional field left empty means "none" (issue 9: clearing 已逾期天数
//! said "请填写" and froze every result), and a rate that names its basis
//! (`日息万四`, `月息1.5%`) sets the loan's rate unit too.

use super::{At, Choice, Field, Rule, Value};
use crate::engine::RateUnit;
use crate::input;
use crate::scenario::Scenario;
use rust_decimal::Decimal;

/// What typed text says: the field's value, and the rate unit it names.
#[derive(Debug, Clone, PartialEq)]
pub struct Reading {
    pub value: Value,
    pub rate_unit: Option<RateUnit>,
}

impl Field {
    /// What an empty input means for `at` in `s`: none (no overdue, no
    /// fee, no buffer) or, for the penalty, the lender's usual one;
    /// `None` when the field needs a value.
    pub fn blank(self, s: &Scenario, at: At) -> Option<Value> {
        let zero = Some(Value::Number(Some(Decimal::ZERO)));
        match self {
            Field::OverdueDays => Some(Value::Count(0)),
            Field::UpfrontFee | Field::OverduePrincipal | Field::OverdueInterest | Field::OtherObligations => zero,
            Field::BufferPercent => zero,
            Field::PenaltyMultiplier => {
                let lender = s.loans.get(at.idx[0] as usize)?.lender;
                Some(Value::Number(Some(lender.penalty().multiplier)))
            }
            _ => None,
        }
    }
}

impl At {
    /// Reads typed text for this place of `s`.
    pub fn read(self, s: &Scenario, text: &str) -> Result<Reading, Rule> {
        let plain = |value| Reading { value, rate_unit: None };
        if input::is_blank(text) {
            if let Some(v) = self.field.blank(s, self) {
                return Ok(plain(v));
            }
        }
        if self.field == Field::RateValue {
            let (v, rate_unit) = input::parse_rate(text)?;
            return Ok(Reading { value: Value::Number(Some(v)), rate_unit });
        }
        self.field.kind().read(text).map(plain)
    }

    /// Sets what was read; a rate's named unit goes to the loan's unit.
    pub(super) fn set_reading(self, s: &mut Scenario, r: Reading) {
        if let Some(unit) = r.rate_unit {
            At { field: Field::RateUnit, idx: self.idx }.set(s, Value::Choice(Choice::RateUnit(unit)));
        }
        self.set(s, r.value);
    }
}

#[cfg(test)]
mod tests;
