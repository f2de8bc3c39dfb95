//! What a field says when its text cannot be read: an example that fits
//! the field — an amount for an amount, a rate in the forms lenders quote
//! for a rate, a number of months for a term (issue 9: "80000" offered
//! as the example for a rate field helped nobody).

use super::phrases::*;
use super::Lang;
use crate::scenario::field::{Kind, Unit};
use crate::scenario::{Field, Rule};

/// A field's examples: what may be typed (a [`Phrase`]), and a
/// figure with decimals written with a point (for the comma question).
struct Example {
    typed: Phrase,
    decimal: &'static str,
}

fn example(field: Field) -> Example {
    let (typed, decimal) = match (field, field.kind()) {
        (Field::RateValue, _) => (EXAMPLE_RATE, "0.04"),
        (Field::PenaltyMultiplier, _) => (EXAMPLE_MULTIPLIER, "1.5"),
        (Field::BufferPercent, _) => (EXAMPLE_PERCENT, "12.5"),
        (_, Kind::Money { .. }) => (EXAMPLE_MONEY, "1234.5"),
        (_, Kind::SignedMoney) => (EXAMPLE_SIGNED_MONEY, "1234.5"),
        (_, Kind::Count { unit: Unit::Months, .. }) => (EXAMPLE_MONTHS, "12"),
        (_, Kind::Count { unit: Unit::Days, .. }) => (EXAMPLE_DAYS, "15"),
        _ => (EXAMPLE_OTHER, "0.5"),
    };
    Example { typed, decimal }
}

/// A figure typed into a text box (what has an example).
pub(super) fn typed_in(kind: Kind) -> bool {
    matches!(kind, Kind::Money { .. } | Kind::SignedMoney | Kind::Percent { .. } | Kind::Count { select: false, .. })
}

impl Lang {
    /// Text that does not read ([`Rule::NotANumber`]), a figure left empty
    /// ([`Rule::Required`]) or a comma that may be a decimal comma
    /// ([`Rule::AmbiguousComma`]), with the field's example.
    pub(super) fn example_rule(self, field: Field, rule: Rule) -> String {
        let ex = example(field);
        let money = matches!(field.kind(), Kind::Money { .. } | Kind::SignedMoney);
        let count = matches!(field.kind(), Kind::Count { .. });
        let template = match rule {
            Rule::AmbiguousComma if money => IS_THE_COMMA_A_DECIMAL,
            Rule::AmbiguousComma if count => A_WHOLE_NUMBER_WITHOUT_A,
            Rule::AmbiguousComma => IS_THE_COMMA_A_DECIMAL_2,
            Rule::Required => REQUIRED_E_G,
            _ => ENTER_A_NUMBER_E_G,
        };
        let filler = if rule == Rule::AmbiguousComma { ex.decimal } else { self.say(ex.typed) };
        super::super::fill(self.say(template), &[filler])
    }
}

#[cfg(test)]
mod tests;
