//! Geometry of the balance-over-time chart, in exact decimals (no floats),
//! kept apart from the SVG component so it is tested natively.

use crate::engine::Row;
use rust_decimal::Decimal;

/// Drawing area of the chart in SVG user units; the SVG scales to its box.
pub const WIDTH: u32 = 320;
pub const HEIGHT: u32 = 140;

/// One line: the principal still owed at the start (month 0) and after
/// each month.
#[derive(Debug, Clone, PartialEq)]
pub struct Series {
    pub balances: Vec<Decimal>,
}

/// The balance before month 1: the first row's balance plus its principal.
pub fn start_balance(rows: &[Row]) -> Decimal {
    rows.first().map_or(Decimal::ZERO, |r| r.balance + r.principal)
}

impl Series {
    pub fn of(rows: &[Row]) -> Self {
        Self { balances: std::iter::once(start_balance(rows)).chain(rows.iter().map(|r| r.balance)).collect() }
    }

    pub fn max(&self) -> Decimal {
        self.balances.iter().copied().max().unwrap_or(Decimal::ZERO)
    }

    pub fn months(&self) -> usize {
        self.balances.len().saturating_sub(1)
    }
}

/// Scale shared by the lines drawn together so they compare honestly.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Scale {
    pub max_balance: Decimal,
    pub months: usize,
}

impl Scale {
    pub fn fit(series: &[Series]) -> Self {
        Self {
            max_balance: series.iter().map(Series::max).max().unwrap_or(Decimal::ZERO),
            months: series.iter().map(Series::months).max().unwrap_or(0),
        }
    }

    /// SVG `points` for a polyline, one decimal place per coordinate.
    pub fn points(&self, s: &Series) -> String {
        let w = Decimal::from(WIDTH);
        let h = Decimal::from(HEIGHT);
        let months = Decimal::from(self.months.max(1) as u64);
        s.balances
            .iter()
            .enumerate()
            .map(|(i, b)| {
                let x = Decimal::from(i as u64) * w / months;
                let y = if self.max_balance.is_zero() { h } else { h - *b * h / self.max_balance };
                format!("{},{}", x.round_dp(1).normalize(), y.round_dp(1).normalize())
            })
            .collect::<Vec<_>>()
            .join(" ")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::{Method, Schedule};

    #[test]
    fn a_straight_line_for_equal_principal_at_zero_rate() {
        let s = Schedule::build(Decimal::from(1200), Decimal::ZERO, 4, Method::EqualPrincipal).unwrap();
        let series = Series::of(&s.rows);
        assert_eq!(series.balances[0], Decimal::from(1200));
        let scale = Scale::fit(std::slice::from_ref(&series));
        assert_eq!(scale.points(&series), "0,0 80,35 160,70 240,105 320,140");
    }

    #[test]
    fn longer_plans_share_the_time_axis() {
        let a = Series::of(&Schedule::build(Decimal::from(100), Decimal::ZERO, 2, Method::EqualPrincipal).unwrap().rows);
        let b = Series::of(&Schedule::build(Decimal::from(100), Decimal::ZERO, 4, Method::EqualPrincipal).unwrap().rows);
        let scale = Scale::fit(&[a.clone(), b]);
        assert_eq!(scale.months, 4);
        assert_eq!(scale.points(&a), "0,0 80,70 160,140");
        assert_eq!(Scale::fit(&[]).points(&Series { balances: vec![] }), "");
    }
}
