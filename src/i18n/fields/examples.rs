//! What a field says when its text cannot be read: an example that fits
//! the field — an amount for an amount, a rate in the forms lenders quote
//! for a rate, a number of months for a term (issue 9: "80000" offered
//! as the example for a rate field helped nobody).

use super::Lang;
use crate::scenario::field::{Kind, Unit};
use crate::scenario::{Field, Rule};

/// A field's examples, `[Chinese, English]`: what may be typed, and a
/// figure with decimals written with a point (for the comma question).
struct Example {
    typed: [&'static str; 2],
    decimal: &'static str,
}

fn example(field: Field) -> Example {
    let (typed, decimal) = match (field, field.kind()) {
        (Field::RateValue, _) => (["0.05、万5、日息0.05%、月息1.5% 或 年化18%", "0.05, 万5, 日息0.05%, 月息1.5% or 年化18%"], "0.04"),
        (Field::PenaltyMultiplier, _) => (["1.5 或 1.5倍", "1.5 or 1.5倍"], "1.5"),
        (Field::BufferPercent, _) => (["10 或 10%", "10 or 10%"], "12.5"),
        (_, Kind::Money { .. }) => (["80000、8万 或 8万5", "80000, 8万 or 8万5"], "1234.5"),
        (_, Kind::SignedMoney) => (["6000、-5000 或 1.2万", "6000, -5000 or 1.2万"], "1234.5"),
        (_, Kind::Count { unit: Unit::Months, .. }) => (["12、十二期 或 3年", "12, 十二期 or 3年"], "12"),
        (_, Kind::Count { unit: Unit::Days, .. }) => (["15 或 十五天", "15 or 十五天"], "15"),
        _ => (["100", "100"], "0.5"),
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
            Rule::AmbiguousComma if money => [
                "逗号是小数点还是千位分隔？小数请用点，如 {}；千位每三位一个逗号，如 12,000",
                "is the comma a decimal point? Write decimals with a point ({}), thousands in threes (12,000)",
            ],
            Rule::AmbiguousComma if count => ["请填整数，不用逗号，如 {}", "a whole number without a comma, e.g. {}"],
            Rule::AmbiguousComma => ["逗号是小数点还是千位分隔？小数请用点，如 {}", "is the comma a decimal point? Write it with a point: {}"],
            Rule::Required => ["请填写，如 {}", "required, e.g. {}"],
            _ => ["请输入数字，如 {}", "enter a number, e.g. {}"],
        };
        let filler = if rule == Rule::AmbiguousComma { ex.decimal } else { self.pick(ex.typed) };
        super::super::fill(self.pick(template), &[filler])
    }
}

#[cfg(test)]
mod tests;
