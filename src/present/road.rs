//! The road to debt-free as the page shows it (issue 12): the strategies
//! side by side, when month k of the road falls, the default budget, and
//! the stacked balance chart's geometry in whole fen and tenths (no floats,
//! no decimals: each position is the exact value rounded half to even),
//! kept apart from the SVG so it is tested natively.
//!
//! Month k of the road falls on the earliest `next_due_date` of the loans
//! (rolled past today as the evaluation's dates are) + (k − 1) months, shown to the month (`2027-08`): loans fall due on
//! different days, so the month is what all their dates share.

use crate::engine::allocation::forecast_surplus;
use crate::engine::dates::Date;
use crate::engine::payoff::{PayoffPlan, ShortMonth};
use crate::engine::PayoffKind;
use crate::scenario::evaluate::{road_on, Analysed, FigureReason};
use crate::scenario::road::Road;
use crate::scenario::{Evaluation, Scenario};
use rust_decimal::Decimal;

/// The strategies in the order the page lists them.
pub const KINDS: [PayoffKind; 4] = [PayoffKind::Avalanche, PayoffKind::Snowball, PayoffKind::ProRata, PayoffKind::Custom];

/// A strategy's code on the page's attributes (as the document writes it).
pub fn code(kind: PayoffKind) -> &'static str {
    match kind {
        PayoffKind::Avalanche => "avalanche",
        PayoffKind::Snowball => "snowball",
        PayoffKind::ProRata => "pro_rata",
        PayoffKind::Custom => "custom",
    }
}

/// A loan the road to debt-free leaves out (its index in the scenario), and why.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LeftOut {
    pub loan: usize,
    pub reason: FigureReason,
}

/// The road as its section shows it: the payoff, and every loan it leaves
/// out, so the debt-free date is never read as covering a loan it does not.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct RoadShown {
    pub road: Road,
    pub left_out: Vec<LeftOut>,
}

impl RoadShown {
    /// The road of `s` from its evaluation `e` and the debts it analysed: a
    /// loan whose terms could not be computed is left out for its own
    /// error's reason, one the payoff refused for the payoff's.
    pub fn of(s: &Scenario, e: &Evaluation, analysed: &Analysed) -> Self {
        let (road, refused) = road_on(s, analysed);
        // Plain loops, not iterator chains: each adapter is code of its own in the road's chunk.
        let mut left_out = Vec::new();
        for i in 0..s.loans.len() {
            let mut reason = None;
            for (j, f) in &refused {
                if *j == i {
                    reason = Some(f.reason);
                    break;
                }
            }
            if reason.is_none() && !analysed.index.iter().any(|&k| k == i) {
                reason = Some(e.loans.get(i).and_then(|l| l.errors.first()).map_or(FigureReason::Input, |f| f.reason));
            }
            if let Some(reason) = reason {
                left_out.push(LeftOut { loan: i, reason });
            }
        }
        Self { road, left_out }
    }
}

/// When the months of the road fall.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct RoadMonths {
    first: Option<Date>,
}

impl RoadMonths {
    /// Month 1 on the earliest next due date of `s`'s loans as the page
    /// dates them on `today` (none: no dates).
    pub fn of(s: &Scenario, today: Option<Date>) -> Self {
        Self { first: s.next_due_dates_on(today).into_iter().flatten().min() }
    }

    /// The month `k` (1-based) falls in, as `2027-08`.
    pub fn label(self, k: u32) -> Option<String> {
        let d = self.first?.add_months(i32::try_from(k).ok()? - 1)?;
        Some(format!("{:04}-{:02}", d.year(), d.month()))
    }
}

/// One strategy's column in the side by side.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StrategyFigures {
    pub kind: PayoffKind,
    pub debt_free_month: Option<u32>,
    pub total_interest: Decimal,
    pub total_paid: Decimal,
    /// Interest beyond the cheapest plan that ends (`None` when this one never does).
    pub over_best: Option<Decimal>,
    pub first_short: Option<ShortMonth>,
    /// What is still owed after the last month simulated, when the plan
    /// never ends: what the page says instead of its totals, which count
    /// only the months simulated (review w14 S5: "共还 ¥300,000" beside
    /// "总利息 ¥2,289,600" read as an error).
    pub owed_after: Option<Decimal>,
}

impl StrategyFigures {
    /// Every plan of the road, each with its distance to the cheapest.
    pub fn all(road: &Road) -> Vec<Self> {
        let plans = road.payoff.as_deref().unwrap_or_default();
        // Plain loops, not iterator chains: each adapter is code of its own in the road's chunk.
        let mut best: Option<Decimal> = None;
        for p in plans {
            if p.debt_free_month.is_some() && best.is_none_or(|b| p.total_interest < b) {
                best = Some(p.total_interest);
            }
        }
        let mut all = Vec::with_capacity(plans.len());
        for p in plans {
            all.push(Self {
                kind: p.strategy,
                debt_free_month: p.debt_free_month,
                total_interest: p.total_interest,
                total_paid: p.total_paid,
                over_best: best.filter(|_| p.debt_free_month.is_some()).map(|b| p.total_interest - b),
                first_short: p.short_months.first().copied(),
                owed_after: if p.debt_free_month.is_some() { None } else { p.timeline.last().map(|m| m.balance) },
            });
        }
        all
    }
}

/// What the budget is when none is entered.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DefaultBudget {
    Flat(Decimal),
    /// The forecast's surplus, lowest and highest month (never below 0).
    Range(Decimal, Decimal),
}

impl DefaultBudget {
    pub fn of(s: &Scenario) -> Self {
        let b = s.budget.budget();
        match s.budget.forecast {
            Some(f) => {
                let months = forecast_surplus(&b, &f).map(|m| m.max(Decimal::ZERO));
                let (lo, hi) = (months.iter().min().copied(), months.iter().max().copied());
                Self::Range(lo.unwrap_or_default(), hi.unwrap_or_default())
            }
            None => Self::Flat(b.disposable().max(Decimal::ZERO)),
        }
    }
}

/// The chart's table: [`balances`] with each month's total owed at the end.
pub fn balances_with_total(plan: &PayoffPlan) -> Vec<Vec<Decimal>> {
    let mut rows = balances(plan);
    for row in &mut rows {
        let total = row.iter().sum();
        row.push(total);
    }
    rows
}

/// Every loan's balance after each month of `plan`, month 0 (now) first.
pub fn balances(plan: &PayoffPlan) -> Vec<Vec<Decimal>> {
    // Plain loops, not iterator chains: each adapter is code of its own in the road's chunk.
    let mut rows = Vec::with_capacity(plan.timeline.len() + 1);
    let mut now = Vec::with_capacity(plan.loans.len());
    for l in &plan.loans {
        now.push(l.owed_now);
    }
    rows.push(now);
    for m in &plan.timeline {
        let mut row = Vec::with_capacity(m.loans.len());
        for l in &m.loans {
            row.push(l.balance);
        }
        rows.push(row);
    }
    rows
}

/// The chart's box in SVG user units, and the plot area inside it.
pub const CHART_W: u32 = 640;
pub const CHART_H: u32 = 340;
pub const PLOT_LEFT: u32 = 118;
pub const PLOT_TOP: u32 = 12;
pub const PLOT_RIGHT: u32 = 628;
pub const PLOT_BOTTOM: u32 = 290;
/// The plot's left edge when the money axis reaches seven digits: its
/// labels ("¥4,000,000") are wider than [`PLOT_LEFT`] leaves them at a
/// phone's font size (they began left of the chart at 375 px).
pub const WIDE_LEFT: u32 = 150;

/// The plot's left edge for y ticks `step` yuan apart (the top tick is 4 steps).
pub fn plot_left(step: i64) -> u32 {
    if step >= 250_000 { WIDE_LEFT } else { PLOT_LEFT }
}

/// A position in SVG user units, in tenths (one place, as the chart
/// prints it). `exact`: no place was rounded away, so an integer prints
/// without a point ("290"); else the place is printed even when it is 0
/// ("204.0"), as a decimal rounded to one place prints.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct At {
    pub tenths: i64,
    pub exact: bool,
}

impl At {
    /// `whole ± n / d` tenths (n ≥ 0, d > 0; `whole` in units), rounded to
    /// a tenth half to even, as `Decimal::round_dp` rounds. In 128 bits:
    /// plot units × fen exceed 64 on the largest roads.
    fn of(whole: i64, sign: i64, n: i128, d: i128) -> Self {
        let (q, r) = (n / d, n % d);
        let up = 2 * r > d || (2 * r == d && q % 2 == 1);
        Self { tenths: whole * 10 + sign * (q as i64 + i64::from(up)), exact: r == 0 && q % 10 == 0 }
    }

    /// Moved by `units` (a label beside its line).
    pub fn plus(self, units: i64) -> Self {
        Self { tenths: self.tenths + units * 10, ..self }
    }

    /// Trailing zeros dropped: "12" for 12.0.
    fn short(self) -> Self {
        Self { exact: self.exact || self.tenths % 10 == 0, ..self }
    }

    /// Written onto `out`: "12", "12.5", or "12.0" when a place was rounded away.
    pub fn push(self, out: &mut String) {
        out.push_str(&(self.tenths / 10).to_string());
        if !(self.exact && self.tenths % 10 == 0) {
            out.push('.');
            out.push(char::from(b'0' + (self.tenths % 10) as u8));
        }
    }

    pub fn text(self) -> String {
        let mut out = String::new();
        self.push(&mut out);
        out
    }
}

/// A tick on an axis: its value and its position.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Tick<T> {
    pub value: T,
    pub at: At,
}

impl<T> Tick<T> {
    /// Where a y tick's label sits: its text's baseline 9 units below the
    /// gridline centres the label on it.
    pub fn label_at(&self) -> At {
        self.at.plus(9)
    }
}

/// The stacked areas (first loan at the bottom) and the axes' ticks.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StackChart {
    /// One SVG `points` per loan.
    pub layers: Vec<String>,
    /// Values in yuan.
    pub y_ticks: Vec<Tick<i64>>,
    pub x_ticks: Vec<Tick<u32>>,
    /// The plot's left edge ([`plot_left`]).
    pub left: u32,
}

impl StackChart {
    /// In whole fen and tenths of a unit (no decimal arithmetic): the
    /// balances are amounts in fen, and every position is the exact value
    /// rounded to one place.
    pub fn of(plan: &PayoffPlan) -> Self {
        let mut rows: Vec<Vec<i64>> = Vec::new();
        let mut most = 0;
        for r in balances(plan) {
            let mut row = Vec::with_capacity(r.len());
            for b in r {
                row.push(fen_of(b));
            }
            most = most.max(row.iter().sum());
            rows.push(row);
        }
        let step = nice_step(most, 4);
        let months = rows.len().saturating_sub(1).max(1) as u32;
        let plot_left = plot_left(step);
        let (left, width) = (i64::from(plot_left), i64::from(PLOT_RIGHT - plot_left));
        let (lower, height) = (i64::from(PLOT_BOTTOM), i64::from(PLOT_BOTTOM - PLOT_TOP));
        // In tenths: x = left + width·t / months; y = lower − height·v / (4·step), v = fen / 100.
        let x = |t: u32| At::of(left, 1, i128::from(10 * width * i64::from(t)), i128::from(months));
        let y = |fen: i64| At::of(lower, -1, i128::from(height) * i128::from(fen), i128::from(40 * step));
        // Each layer's upper edge left to right, then its lower edge back,
        // written straight into its `points` (no string per point).
        let layers = (0..plan.loans.len())
            .map(|j| {
                let mut points = String::new();
                let upper_edge = (0..rows.len()).map(|t| (t, j + 1));
                for (t, below) in upper_edge.chain((0..rows.len()).rev().map(|t| (t, j))) {
                    if !points.is_empty() {
                        points.push(' ');
                    }
                    x(t as u32).short().push(&mut points);
                    points.push(',');
                    y(rows[t][..below].iter().sum()).short().push(&mut points);
                }
                points
            })
            .collect();
        let y_ticks = (0..=4).map(|i| Tick { value: step * i, at: y(step * i * 100) }).collect();
        let every = month_step(months);
        let x_ticks = (1..=months / every).map(|i| i * every).map(|m| Tick { value: m, at: x(m) }).collect();
        Self { layers, y_ticks, x_ticks, left: plot_left }
    }
}

/// An amount in whole fen (the plan's amounts are whole fen).
fn fen_of(v: Decimal) -> i64 {
    let v = crate::engine::fen(v);
    let (m, s) = (v.mantissa(), v.scale());
    (m * 10i128.pow(2 - s.min(2))) as i64
}

/// The smallest 1, 2 or 5 × 10ⁿ yuan with `max` fen ≤ `ticks` steps (1 for nothing).
pub fn nice_step(max: i64, ticks: u32) -> i64 {
    let mut unit: i64 = 1;
    while unit < 1_000_000_000_000_000_000 {
        for m in [1, 2, 5] {
            let step = unit * m;
            if i128::from(max) <= i128::from(step) * i128::from(ticks) * 100 {
                return step;
            }
        }
        unit *= 10;
    }
    unit
}

/// Months between the month axis's ticks: at most six ticks.
fn month_step(months: u32) -> u32 {
    // At most 4 labels: a date label ("2028-11") is about 100 units wide at a
    // phone's font size, and 6 ran together at 375 px (review, wave 13).
    [1, 2, 3, 6, 12, 24, 60, 120, 240].into_iter().find(|s| months / s <= 4).unwrap_or(240)
}

#[cfg(test)]
mod tests;
