//! The road to debt-free across all lenders (还清路线): month by month,
//! one budget, several loans, four ways to use what is left over.
//!
//! The model (issue 12; the README states it):
//! * **30/360 from what is owed now.** Each debt owes principal (the
//!   remaining and the overdue principal, which bear interest) and unpaid
//!   interest (overdue interest, which bears none). Each month interest = principal
//!   × monthly rate, rounded to the fen (simple interest: unpaid interest
//!   bears none, so a 到期一次 loan costs what its contract says). Penalty
//!   interest and compounding are not added: the figures are a floor, like
//!   [`super::overdue`]'s.
//! * **A payment** settles the month's minimum interest first, as lenders
//!   apply an instalment, and anything beyond the minimum repays principal
//!   first, so every extra yuan stops interest at the debt's contract rate
//!   and a 到期一次 loan's accrued interest stays due at its maturity.
//! * **Minimum** of a debt in month k = its contract instalment k plus any
//!   arrears (the overdue amount in month 1; the unpaid part of an earlier
//!   short month's minimum later), or everything it owes when smaller. From
//!   the contract's last month on, everything it owes is due. So a
//!   先息后本 loan's minimum is its monthly interest and then the balloon,
//!   a 到期一次 loan's is nothing until its maturity and then all of it, and
//!   a loan that has been paid down keeps its instalment and ends early.
//!   Contract instalments are the 30/360 schedule of the remaining term
//!   ([`PayoffDebt::of`]).
//! * **Every minimum first**, then the rest of the month's budget (the
//!   surplus) to the target. A paid-off loan's minimum is simply no longer
//!   due, so the same budget leaves a larger surplus (the roll-over);
//!   minimums are never diverted to another loan.
//!   - avalanche: the highest true cost first — the contract rate of
//!     principal (after the minimums no debt is in arrears, so that is what
//!     a yuan stops), and accrued interest, which bears none, last;
//!   - snowball: the smallest amount owed at the start of the month first;
//!   - pro rata: the surplus split by the amount each debt owes at the
//!     start of the month, exact to the fen (largest remainders), a debt's
//!     share capped at what it owes and the excess split again;
//!   - custom: the user's order (debts not named follow in input order).
//!
//!   Ties keep the input order.
//! * **Short month**: when the budget is below the sum of the minimums,
//!   the month is reported with its shortfall and never counted as
//!   fitting. The budget then pays minimums in the strategy's order —
//!   avalanche by the **penalty rate** (what an unpaid minimum costs once
//!   overdue: this is where an overdue loan's penalty rate counts), snowball
//!   and custom as above, pro rata in proportion to the minimums — and
//!   what is unpaid becomes arrears due the next month.
//! * Stop when everything is repaid (`debt_free_month`) or after
//!   [`MAX_MONTHS`] months (`None`: never at this budget).
//!
//! The budget is a flat amount or a 12-month forecast repeated (month 1 =
//! the forecast's first entry), a negative month leaving nothing for debt.

use super::allocation::pro_rata;
use super::exact::mul_fen;
use super::prepay::{in_fen, money_ok};
use super::{decimal_str, fen, Date, Debt, EngineError, MAX_MONTHS};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use std::fmt;

/// A debt as the payoff sees it; [`PayoffDebt::of`] builds it from a loan.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PayoffDebt {
    pub id: String,
    /// Principal owed now (remaining + overdue); bears interest.
    pub principal: Decimal,
    /// Interest owed now and unpaid (overdue contract interest); bears none.
    pub interest: Decimal,
    /// Contract rate a month, a fraction: accrues interest and orders the avalanche.
    pub monthly_rate: Decimal,
    /// What an unpaid amount costs a month once overdue (contract rate ×
    /// penalty multiplier), a fraction: orders the avalanche in a short month.
    pub penalty_rate: Decimal,
    /// Contract instalments from month 1 (the remaining schedule's payments).
    pub instalments: Vec<Decimal>,
    /// Arrears due in month 1 on top of its instalment.
    pub overdue_due_now: Decimal,
}

impl PayoffDebt {
    /// The payoff view of `debt`: owed now, the 30/360 contract instalments
    /// of its remaining term, its arrears due in month 1, and its penalty rate.
    pub fn of(debt: &Debt) -> Result<Self, EngineError> {
        let contract = debt.loan.schedule()?;
        let i = debt.loan.rate.monthly_fraction();
        Ok(Self {
            id: debt.id.clone(),
            principal: debt.loan.principal + debt.overdue.principal,
            interest: debt.overdue.interest,
            monthly_rate: i,
            penalty_rate: i * debt.penalty.multiplier,
            instalments: contract.payments(),
            overdue_due_now: debt.overdue.amount(),
        })
    }

    /// Everything owed now.
    pub fn owed(&self) -> Decimal {
        self.principal + self.interest
    }

    fn validate(&self) -> Result<(), EngineError> {
        money_ok(self.principal, "principal")?;
        money_ok(self.interest, "interest")?;
        money_ok(self.overdue_due_now, "overdue_due_now")?;
        for rate in [self.monthly_rate, self.penalty_rate] {
            if rate < Decimal::ZERO {
                return Err(EngineError::RateNegative);
            }
        }
        if self.monthly_rate > Decimal::ONE {
            return Err(EngineError::RateTooHigh);
        }
        if self.instalments.len() > MAX_MONTHS as usize {
            return Err(EngineError::MonthsOutOfRange);
        }
        self.instalments.iter().try_for_each(|v| money_ok(*v, "instalments"))
    }
}

/// The money available for all debts each month.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PayoffBudget {
    /// The same amount every month.
    Flat(Decimal),
    /// Twelve months (month 1 = entry 0), repeated.
    Forecast([Decimal; 12]),
}

impl PayoffBudget {
    /// The budget of month `k` (1-based), in fen, never negative.
    pub fn month(&self, k: u32) -> Decimal {
        let v = match self {
            Self::Flat(v) => *v,
            Self::Forecast(f) => f[(k.max(1) as usize - 1) % 12],
        };
        fen(v).max(Decimal::ZERO)
    }
}

/// The strategy's name, as the scenario and the evaluator write it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PayoffKind {
    Avalanche,
    Snowball,
    ProRata,
    Custom,
}

/// How the surplus is targeted.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PayoffStrategy {
    Avalanche,
    Snowball,
    ProRata,
    /// Debt ids, first target first.
    Custom(Vec<String>),
}

impl PayoffStrategy {
    pub fn kind(&self) -> PayoffKind {
        match self {
            Self::Avalanche => PayoffKind::Avalanche,
            Self::Snowball => PayoffKind::Snowball,
            Self::ProRata => PayoffKind::ProRata,
            Self::Custom(_) => PayoffKind::Custom,
        }
    }
}

/// Why no payoff could be computed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PayoffError {
    /// `debts[index]` has an invalid field (the error names it).
    Debt { index: usize, error: EngineError },
    /// The custom order names a debt that does not exist.
    UnknownLoan(String),
}

impl PayoffError {
    pub fn code(&self) -> &'static str {
        match self {
            Self::Debt { error, .. } => error.code(),
            Self::UnknownLoan(_) => "unknown_loan_in_order",
        }
    }
}

impl fmt::Display for PayoffError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Debt { index, error } => write!(f, "debts[{index}].{error}"),
            Self::UnknownLoan(id) => write!(f, "order: no loan has the id \"{id}\""),
        }
    }
}

impl std::error::Error for PayoffError {}

/// A month whose budget does not cover the minimums.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct ShortMonth {
    pub month: u32,
    /// Sum of the minimums − the budget.
    #[serde(with = "decimal_str")]
    pub shortfall: Decimal,
}

/// When one debt is repaid.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct LoanPayoff {
    pub id: String,
    /// `None`: not within [`MAX_MONTHS`]; 0: nothing was owed.
    pub paid_off_month: Option<u32>,
    /// Owed at the start (for a chart's first point).
    #[serde(skip)]
    pub owed_now: Decimal,
}

/// One debt in one month (for the stacked chart and the calendar).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct LoanMonth {
    /// Its minimum this month.
    pub due: Decimal,
    pub paid: Decimal,
    /// Owed at the end of the month.
    pub balance: Decimal,
    /// Of which unpaid interest (the rest is principal).
    pub interest: Decimal,
}

/// One month of the plan, all debts together.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PayoffMonth {
    pub month: u32,
    #[serde(with = "decimal_str")]
    pub paid: Decimal,
    /// Owed by all debts at the end of the month.
    #[serde(with = "decimal_str")]
    pub balance: Decimal,
    /// Each debt, in input order.
    #[serde(skip)]
    pub loans: Vec<LoanMonth>,
}

/// One strategy played out. Serialises to one entry of the evaluator's `payoff`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PayoffPlan {
    pub strategy: PayoffKind,
    /// `None`: not debt-free within [`MAX_MONTHS`] months at this budget.
    pub debt_free_month: Option<u32>,
    #[serde(with = "decimal_str")]
    pub total_interest: Decimal,
    #[serde(with = "decimal_str")]
    pub total_paid: Decimal,
    pub short_months: Vec<ShortMonth>,
    pub loans: Vec<LoanPayoff>,
    pub timeline: Vec<PayoffMonth>,
}

/// One payment of a plan on its calendar date.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PlanDue {
    /// Index of the debt, in input order.
    pub loan: usize,
    pub month: u32,
    pub date: Date,
    pub amount: Decimal,
}

impl PayoffPlan {
    /// Every payment with its date: debt j's month-k payment falls due on
    /// `first_due[j]` + (k − 1) months (month-end clamped). Debts without a
    /// date, and months that pay a debt nothing, have no entry. Sorted by date.
    pub fn dues(&self, first_due: &[Option<Date>]) -> Vec<PlanDue> {
        let mut out = Vec::new();
        for m in &self.timeline {
            for (loan, lm) in m.loans.iter().enumerate() {
                let first = first_due.get(loan).copied().flatten();
                let date = first.and_then(|f| f.add_months(i32::try_from(m.month).ok()? - 1));
                if let (Some(date), true) = (date, lm.paid > Decimal::ZERO) {
                    out.push(PlanDue { loan, month: m.month, date, amount: lm.paid });
                }
            }
        }
        out.sort_by_key(|d| (d.date, d.loan));
        out
    }
}

/// Avalanche, snowball and pro rata, and custom when `custom_order` is
/// given: the evaluator's `payoff` list.
pub fn payoff_plans(debts: &[PayoffDebt], budget: &PayoffBudget, custom_order: Option<&[String]>) -> Result<Vec<PayoffPlan>, PayoffError> {
    let mut strategies = vec![PayoffStrategy::Avalanche, PayoffStrategy::Snowball, PayoffStrategy::ProRata];
    strategies.extend(custom_order.map(|o| PayoffStrategy::Custom(o.to_vec())));
    strategies.iter().map(|s| payoff(debts, budget, s)).collect()
}

/// Plays `strategy` out month by month (see the module docs).
pub fn payoff(debts: &[PayoffDebt], budget: &PayoffBudget, strategy: &PayoffStrategy) -> Result<PayoffPlan, PayoffError> {
    for (index, d) in debts.iter().enumerate() {
        d.validate().map_err(|error| PayoffError::Debt { index, error })?;
    }
    let order = match strategy {
        PayoffStrategy::Custom(ids) => Some(custom_order(debts, ids)?),
        _ => None,
    };
    Ok(Run::new(debts, strategy.kind(), order).play(budget))
}

/// Indices in the user's order, then those not named, in input order.
fn custom_order(debts: &[PayoffDebt], ids: &[String]) -> Result<Vec<usize>, PayoffError> {
    let mut order = Vec::with_capacity(debts.len());
    for id in ids {
        let i = debts.iter().position(|d| &d.id == id).ok_or_else(|| PayoffError::UnknownLoan(id.clone()))?;
        if !order.contains(&i) {
            order.push(i);
        }
    }
    order.extend((0..debts.len()).filter(|i| !order.contains(i)).collect::<Vec<_>>());
    Ok(order)
}

/// The state of a payoff in progress. Buffers are reused month to month.
struct Run<'a> {
    debts: &'a [PayoffDebt],
    kind: PayoffKind,
    /// Fixed target order (avalanche by contract rate, custom); None: per month.
    order: Option<Vec<usize>>,
    principal: Vec<Decimal>,
    interest: Vec<Decimal>,
    arrears: Vec<Decimal>,
    start: Vec<Decimal>,
    due: Vec<Decimal>,
    pay: Vec<Decimal>,
}

impl<'a> Run<'a> {
    fn new(debts: &'a [PayoffDebt], kind: PayoffKind, custom: Option<Vec<usize>>) -> Self {
        let n = debts.len();
        let order = custom.or_else(|| (kind == PayoffKind::Avalanche).then(|| ranked(n, |i| debts[i].monthly_rate)));
        Self {
            debts,
            kind,
            order,
            principal: debts.iter().map(|d| d.principal).collect(),
            interest: debts.iter().map(|d| d.interest).collect(),
            arrears: debts.iter().map(|d| d.overdue_due_now).collect(),
            start: vec![Decimal::ZERO; n],
            due: vec![Decimal::ZERO; n],
            pay: vec![Decimal::ZERO; n],
        }
    }

    fn owed(&self, j: usize) -> Decimal {
        self.principal[j] + self.interest[j]
    }

    fn play(mut self, budget: &PayoffBudget) -> PayoffPlan {
        let debts = self.debts;
        let mut loans: Vec<LoanPayoff> = debts
            .iter()
            .map(|d| LoanPayoff { id: d.id.clone(), paid_off_month: d.owed().is_zero().then_some(0), owed_now: d.owed() })
            .collect();
        let mut plan = PayoffPlan {
            strategy: self.kind,
            debt_free_month: loans.iter().all(|l| l.paid_off_month.is_some()).then_some(0),
            total_interest: Decimal::ZERO,
            total_paid: Decimal::ZERO,
            short_months: Vec::new(),
            loans: Vec::new(),
            timeline: Vec::new(),
        };
        let mut k = 1;
        while plan.debt_free_month.is_none() && k <= MAX_MONTHS {
            plan.total_interest += self.accrue_and_set_dues(k);
            let available = budget.month(k);
            let minimums: Decimal = self.due.iter().sum();
            if available >= minimums {
                self.pay.copy_from_slice(&self.due);
                self.spread_surplus(available - minimums);
            } else {
                plan.short_months.push(ShortMonth { month: k, shortfall: in_fen(minimums - available) });
                self.pay_short(available);
            }
            let month = self.settle(k);
            plan.total_paid += month.paid;
            for (l, lm) in loans.iter_mut().zip(&month.loans) {
                if l.paid_off_month.is_none() && lm.balance.is_zero() {
                    l.paid_off_month = Some(k);
                }
            }
            if month.balance.is_zero() {
                plan.debt_free_month = Some(k);
            }
            plan.timeline.push(month);
            k += 1;
        }
        plan.loans = loans;
        plan.total_interest = in_fen(plan.total_interest);
        plan.total_paid = in_fen(plan.total_paid);
        plan
    }

    /// Notes what each debt owes at the start of month `k`, adds the month's
    /// interest and sets its minimum. Returns the interest added.
    fn accrue_and_set_dues(&mut self, k: u32) -> Decimal {
        let mut added = Decimal::ZERO;
        for (j, d) in self.debts.iter().enumerate() {
            self.start[j] = self.owed(j);
            let interest = mul_fen(self.principal[j], d.monthly_rate);
            self.interest[j] += interest;
            added += interest;
            let owed = self.owed(j);
            self.due[j] = match d.instalments.get(k as usize - 1) {
                Some(inst) if (k as usize) < d.instalments.len() => owed.min(*inst + self.arrears[j]),
                _ => owed,
            };
        }
        added
    }

    /// The surplus after every minimum, to the targets. The avalanche fills
    /// interest-bearing principal first, in rate order, and only then
    /// accrued interest (a 到期一次 loan's, which bears none: its true cost
    /// is 0); the others clear whole debts in their order.
    fn spread_surplus(&mut self, surplus: Decimal) {
        let n = self.debts.len();
        let room: Vec<Decimal> = (0..n).map(|j| self.owed(j) - self.pay[j]).collect();
        match (self.kind, self.order.take()) {
            (PayoffKind::ProRata, _) => {
                let weights = std::mem::take(&mut self.start);
                fill_pro_rata(surplus, &weights, &room, &mut self.pay);
                self.start = weights;
            }
            (PayoffKind::Avalanche, Some(order)) => {
                let interest: Vec<Decimal> = (0..n).map(|j| (self.interest[j] - self.pay[j]).max(Decimal::ZERO)).collect();
                let principal: Vec<Decimal> = (0..n).map(|j| room[j] - interest[j]).collect();
                let left = fill_in_order(surplus, &order, &principal, &mut self.pay);
                fill_in_order(left, &order, &interest, &mut self.pay);
                self.order = Some(order);
            }
            (_, order) => {
                let targets = order.clone().unwrap_or_else(|| self.smallest_first());
                fill_in_order(surplus, &targets, &room, &mut self.pay);
                self.order = order;
            }
        }
    }

    /// A budget below the minimums, to the minimums in the strategy's order.
    fn pay_short(&mut self, available: Decimal) {
        self.pay.fill(Decimal::ZERO);
        let room = self.due.clone();
        let order = match self.kind {
            PayoffKind::ProRata => return fill_pro_rata(available, &room, &room, &mut self.pay),
            PayoffKind::Avalanche => ranked(self.debts.len(), |i| self.debts[i].penalty_rate),
            PayoffKind::Snowball => self.smallest_first(),
            PayoffKind::Custom => self.order.clone().unwrap_or_default(),
        };
        fill_in_order(available, &order, &room, &mut self.pay);
    }

    /// Debts by what they owed at the start of the month, smallest first.
    fn smallest_first(&self) -> Vec<usize> {
        let mut order: Vec<usize> = (0..self.debts.len()).collect();
        order.sort_by_key(|&i| (self.start[i], i));
        order
    }

    /// Applies the month's payments — the minimum to interest first, any
    /// extra to principal first — and records the month.
    fn settle(&mut self, k: u32) -> PayoffMonth {
        let mut month = PayoffMonth { month: k, paid: Decimal::ZERO, balance: Decimal::ZERO, loans: Vec::with_capacity(self.debts.len()) };
        for j in 0..self.debts.len() {
            let paid = self.pay[j];
            let minimum = paid.min(self.due[j]);
            let to_interest = minimum.min(self.interest[j]);
            self.interest[j] -= to_interest;
            self.principal[j] -= minimum - to_interest;
            let to_principal = (paid - minimum).min(self.principal[j]);
            self.principal[j] -= to_principal;
            self.interest[j] -= paid - minimum - to_principal;
            self.arrears[j] = (self.due[j] - paid).max(Decimal::ZERO);
            let balance = self.owed(j);
            month.paid += paid;
            month.balance += balance;
            month.loans.push(LoanMonth { due: self.due[j], paid, balance, interest: self.interest[j] });
        }
        month.paid = in_fen(month.paid);
        month.balance = in_fen(month.balance);
        month
    }
}

/// Indices by `key` descending, ties in input order.
fn ranked(n: usize, key: impl Fn(usize) -> Decimal) -> Vec<usize> {
    let mut order: Vec<usize> = (0..n).collect();
    order.sort_by(|&a, &b| key(b).cmp(&key(a)).then(a.cmp(&b)));
    order
}

/// `amount` to the debts in `order`, each up to its `room`; returns what is left.
fn fill_in_order(mut amount: Decimal, order: &[usize], room: &[Decimal], pay: &mut [Decimal]) -> Decimal {
    for &j in order {
        let give = amount.min(room[j]).max(Decimal::ZERO);
        pay[j] += give;
        amount -= give;
    }
    amount
}

/// `amount` split by `weights` to the fen, each share capped at its
/// `room`; what a cap leaves over is split again among the others.
fn fill_pro_rata(amount: Decimal, weights: &[Decimal], room: &[Decimal], pay: &mut [Decimal]) {
    let n = weights.len();
    let mut given = vec![Decimal::ZERO; n];
    let mut open: Vec<bool> = room.iter().map(|r| *r > Decimal::ZERO).collect();
    let mut left = amount;
    for _ in 0..=n {
        if left <= Decimal::ZERO || !open.contains(&true) {
            break;
        }
        let mut w: Vec<Decimal> = (0..n).map(|j| if open[j] { weights[j].max(Decimal::ZERO) } else { Decimal::ZERO }).collect();
        if w.iter().all(|x| x.is_zero()) {
            w = open.iter().map(|o| if *o { Decimal::ONE } else { Decimal::ZERO }).collect();
        }
        let split = pro_rata(left, &w);
        let capped: Vec<usize> = (0..n).filter(|&j| open[j] && given[j] + split[j] >= room[j]).collect();
        if capped.is_empty() {
            (0..n).for_each(|j| given[j] += split[j]);
            break;
        }
        for j in capped {
            left -= room[j] - given[j];
            given[j] = room[j];
            open[j] = false;
        }
    }
    (0..n).for_each(|j| pay[j] += given[j]);
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;

    fn d(s: &str) -> Decimal {
        Decimal::from_str(s).unwrap()
    }

    /// A debt at `rate` a month with a level instalment over `months`.
    fn debt(id: &str, owed: &str, rate: &str, instalment: &str, months: usize) -> PayoffDebt {
        PayoffDebt {
            id: id.into(),
            principal: d(owed),
            interest: Decimal::ZERO,
            monthly_rate: d(rate),
            penalty_rate: d(rate) * d("1.5"),
            instalments: vec![d(instalment); months],
            overdue_due_now: Decimal::ZERO,
        }
    }

    fn plan(debts: &[PayoffDebt], budget: &str, s: PayoffStrategy) -> PayoffPlan {
        payoff(debts, &PayoffBudget::Flat(d(budget)), &s).unwrap()
    }

    fn paid(p: &PayoffPlan, month: u32) -> Vec<Decimal> {
        p.timeline[month as usize - 1].loans.iter().map(|l| l.paid).collect()
    }

    #[test]
    fn avalanche_and_snowball_at_zero_rate_hand_checked() {
        // A owes 1000 (min 100), B owes 300 (min 100), budget 400, 0 %.
        // Avalanche (equal rates: input order) targets A: month 1 A 300, B 100.
        // Snowball targets B: month 1 A 100, B 300 → B is repaid; from month 2
        // its minimum rolls over: A gets all 400.
        let debts = [debt("a", "1000", "0", "100", 10), debt("b", "300", "0", "100", 3)];
        let s = plan(&debts, "400", PayoffStrategy::Snowball);
        assert_eq!(paid(&s, 1), vec![d("100"), d("300")]);
        assert_eq!(paid(&s, 2), vec![d("400"), d("0")]);
        assert_eq!(s.loans[1].paid_off_month, Some(1));
        // A: 1000 − 100 − 400 − 400 = 100 in month 4.
        assert_eq!((s.debt_free_month, s.loans[0].paid_off_month), (Some(4), Some(4)));
        assert_eq!((s.total_paid, s.total_interest), (d("1300"), Decimal::ZERO));
        let a = plan(&debts, "400", PayoffStrategy::Avalanche);
        assert_eq!(paid(&a, 1), vec![d("300"), d("100")]);
        assert_eq!(a.debt_free_month, Some(4));
    }

    #[test]
    fn interest_and_avalanche_order_hand_checked() {
        // A 10,000 at 1 %, B 10,000 at 2 %, minimums 500, budget 2,000.
        // Month 1: interest 100 and 200; minimums 1000; surplus 1000 to B
        // (the higher rate): A 10100 − 500 = 9600, B 10200 − 1500 = 8700.
        let debts = [debt("a", "10000", "0.01", "500", 30), debt("b", "10000", "0.02", "500", 30)];
        let p = plan(&debts, "2000", PayoffStrategy::Avalanche);
        let m1 = &p.timeline[0];
        assert_eq!((m1.loans[0].balance, m1.loans[1].balance), (d("9600.00"), d("8700.00")));
        assert_eq!((m1.paid, m1.balance), (d("2000"), d("18300.00")));
        // Month 2: A interest 96, B 174; B gets 1500 → 7374.
        assert_eq!(p.timeline[1].loans[1].balance, d("7374.00"));
        assert_eq!(p.total_paid, d("20000") + p.total_interest);
        assert!(p.short_months.is_empty());
        let s = plan(&debts, "2000", PayoffStrategy::Snowball);
        assert!(p.total_interest < s.total_interest);
    }

    #[test]
    fn pro_rata_splits_the_surplus_by_balance_to_the_fen() {
        // Owed 100, 200, 400 (0 %, minimum 10 each); budget 40.01: surplus
        // 10.01 split 1:2:4 → 1001 fen / 7 = 143 exactly: 1.43, 2.86, 5.72.
        let debts = [debt("a", "100", "0", "10", 50), debt("b", "200", "0", "10", 50), debt("c", "400", "0", "10", 50)];
        let p = plan(&debts, "40.01", PayoffStrategy::ProRata);
        assert_eq!(paid(&p, 1), vec![d("11.43"), d("12.86"), d("15.72")]);
        // A debt's share is capped at what it owes; the rest goes to the others.
        let debts = [debt("a", "5", "0", "1", 50), debt("b", "995", "0", "1", 50)];
        let p = plan(&debts, "502", PayoffStrategy::ProRata);
        // Surplus 500 split 5:995 would give a 2.50 (+1 = 3.50 ≤ 5): no cap.
        assert_eq!(paid(&p, 1), vec![d("3.50"), d("498.50")]);
        let p = plan(&debts, "1000", PayoffStrategy::ProRata);
        assert_eq!(paid(&p, 1), vec![d("5"), d("995")]);
        assert_eq!(p.debt_free_month, Some(1));
    }

    #[test]
    fn short_months_and_arrears() {
        // Minimums 100 + 100, budget 150: short by 50 every month. Snowball
        // pays B (smaller) first: B 100, A 50; A's unpaid 50 is due next month.
        let debts = [debt("a", "1000", "0", "100", 10), debt("b", "500", "0", "100", 5)];
        let p = plan(&debts, "150", PayoffStrategy::Snowball);
        assert_eq!(p.short_months[0], ShortMonth { month: 1, shortfall: d("50") });
        assert_eq!(paid(&p, 1), vec![d("50"), d("100")]);
        assert_eq!(p.timeline[1].loans[0].due, d("150"));
        // Avalanche pays the higher penalty rate first even at equal contract rates.
        let mut debts = debts.to_vec();
        debts[0].penalty_rate = d("0.001");
        let a = plan(&debts, "150", PayoffStrategy::Avalanche);
        assert_eq!(paid(&a, 1), vec![d("100"), d("50")]);
        // Pro rata shares the budget by minimum: 75 each.
        let r = plan(&debts, "150", PayoffStrategy::ProRata);
        assert_eq!(paid(&r, 1), vec![d("75"), d("75")]);
        // Everything is still repaid: 1500 in 10 months at 150.
        assert_eq!(r.debt_free_month, Some(10));
    }

    #[test]
    fn overdue_amounts_are_due_in_month_one() {
        let mut a = debt("a", "1000", "0", "100", 10);
        a.interest = d("20");
        a.overdue_due_now = d("220");
        let p = plan(&[a], "1000", PayoffStrategy::Avalanche);
        assert_eq!(p.timeline[0].loans[0].due, d("320"));
        assert_eq!(p.debt_free_month, Some(2));
        assert_eq!(p.total_paid, d("1020"));
    }

    #[test]
    fn balloons_and_the_600_month_stop() {
        // 先息后本: 1000 at 1 %, interest 10 a month, 1010 in month 3. A
        // budget of 500 pays the interest and 490 in month 1 (all surplus):
        // 510 left; month 2: interest 5.10, 500 paid → 15.10 left; month 3:
        // interest 0.151 → 0.15, the rest (15.25) is due and paid.
        let b = PayoffDebt { instalments: vec![d("10"), d("10"), d("1010")], ..debt("b", "1000", "0.01", "0", 0) };
        let p = plan(std::slice::from_ref(&b), "500", PayoffStrategy::Avalanche);
        assert_eq!((p.debt_free_month, p.total_interest), (Some(3), d("15.25")));
        assert_eq!(p.timeline[2].paid, d("15.25"));
        // A budget of 10 covers the interest until the balloon: month 3 is short.
        let p = plan(&[b], "10", PayoffStrategy::Avalanche);
        assert_eq!(p.short_months[0], ShortMonth { month: 3, shortfall: d("1000.00") });
        // 10 a month never clears it: stop at 600 months, never debt-free.
        assert_eq!((p.debt_free_month, p.loans[0].paid_off_month, p.timeline.len()), (None, None, 600));
        assert_eq!(p.short_months.len(), 598);
        let json = serde_json::to_value(&p).unwrap();
        assert!(json["debt_free_month"].is_null() && json["loans"][0]["paid_off_month"].is_null());
    }

    #[test]
    fn custom_order_and_errors() {
        let debts = [debt("a", "1000", "0", "100", 10), debt("b", "1000", "0", "100", 10), debt("c", "1000", "0", "100", 10)];
        let p = plan(&debts, "500", PayoffStrategy::Custom(vec!["c".into()]));
        assert_eq!(paid(&p, 1), vec![d("100"), d("100"), d("300")]);
        let e = payoff(&debts, &PayoffBudget::Flat(d("1")), &PayoffStrategy::Custom(vec!["x".into()])).unwrap_err();
        assert_eq!(e.to_string(), "order: no loan has the id \"x\"");
        let mut bad = debts.to_vec();
        bad[1].principal = d("-1");
        let e = payoff(&bad, &PayoffBudget::Flat(d("1")), &PayoffStrategy::Snowball).unwrap_err();
        assert_eq!(e, PayoffError::Debt { index: 1, error: EngineError::AmountNegative("principal") });
        assert_eq!(e.to_string(), "debts[1].principal: must not be negative");
    }

    #[test]
    fn forecast_budget_repeats_and_negative_months_pay_nothing() {
        let mut f = [d("100"); 12];
        f[1] = d("-50");
        let b = PayoffBudget::Forecast(f);
        assert_eq!((b.month(1), b.month(2), b.month(14), b.month(13)), (d("100"), Decimal::ZERO, Decimal::ZERO, d("100")));
        let p = payoff(&[debt("a", "300", "0", "100", 3)], &b, &PayoffStrategy::Avalanche).unwrap();
        // Month 2 pays nothing (its 100 becomes arrears); month 3 is the
        // contract's last, so all 200 owed is due against a budget of 100.
        let short = [ShortMonth { month: 2, shortfall: d("100") }, ShortMonth { month: 3, shortfall: d("100") }];
        assert_eq!(p.short_months, short);
        assert_eq!(p.debt_free_month, Some(4));
    }

    #[test]
    fn dues_follow_the_calendar() {
        let debts = [debt("a", "300", "0", "100", 3), debt("b", "100", "0", "100", 1)];
        let p = plan(&debts, "200", PayoffStrategy::Snowball);
        let first = [Date::parse("2025-01-31"), None];
        let dues = p.dues(&first);
        let dates: Vec<String> = dues.iter().map(|x| x.date.to_string()).collect();
        assert_eq!(dates, ["2025-01-31", "2025-02-28"]);
        assert_eq!(dues[0].amount, d("100"));
    }

    #[test]
    fn serialises_to_the_evaluator_keys() {
        let p = plan(&[debt("a", "100.00", "0", "100", 1)], "100", PayoffStrategy::ProRata);
        assert_eq!(
            serde_json::to_string(&p).unwrap(),
            r#"{"strategy":"pro_rata","debt_free_month":1,"total_interest":"0.00","total_paid":"100.00","short_months":[],"loans":[{"id":"a","paid_off_month":1}],"timeline":[{"month":1,"paid":"100.00","balance":"0.00"}]}"#
        );
    }
}
