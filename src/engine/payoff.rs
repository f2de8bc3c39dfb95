//! The road to debt-free across all lenders (还清路线): month by month,
//! one budget, several loans, four ways to use what is left over.
//!
//! The model (issue 12; the README states it):
//! * **30/360 from what is owed now.** Each debt owes principal (the
//!   remaining and the overdue principal, which bear interest) and unpaid
//!   interest (overdue interest, which bears none). Each month interest =
//!   principal × monthly rate, rounded to the fen (simple interest: unpaid
//!   interest bears none, so a 到期一次 loan costs what its contract says).
//!   Penalty interest and compounding are not added: the figures are a
//!   floor, like [`super::overdue`]'s.
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

use super::exact::{mul_ratio_fen, Ratio};
use super::prepay::money_ok;
use super::{decimal_str, fen, Accrual, Date, Debt, DebtAnalysis, EngineError, MAX_MONTHS};
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
    /// Contract rate a month, exact (4.9 %/yr is 4.9 / 1200; a plain
    /// fraction converts with `.into()`): accrues interest and orders the avalanche.
    pub monthly_rate: Ratio,
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
        Ok(Self::with_instalments(debt, debt.loan.schedule()?.payments()))
    }

    /// [`PayoffDebt::of`] reusing the contract of `debt`'s analysis when it
    /// is that 30/360 schedule (a monthly accrual at the loan's rate): the
    /// page builds every schedule once per keystroke.
    pub fn of_analysed(debt: &Debt, an: &DebtAnalysis) -> Result<Self, EngineError> {
        match debt.accrual {
            Accrual::Monthly { monthly } if monthly == debt.loan.rate.monthly_ratio() => Ok(Self::with_instalments(debt, an.contract.payments())),
            _ => Self::of(debt),
        }
    }

    fn with_instalments(debt: &Debt, instalments: Vec<Decimal>) -> Self {
        let i = debt.loan.rate.monthly_ratio();
        Self {
            id: debt.id.clone(),
            principal: debt.loan.principal + debt.overdue.principal,
            interest: debt.overdue.interest,
            monthly_rate: i,
            penalty_rate: i.approx() * debt.penalty.multiplier,
            instalments,
            overdue_due_now: debt.overdue.amount(),
        }
    }

    /// Everything owed now.
    pub fn owed(&self) -> Decimal {
        self.principal + self.interest
    }

    fn validate(&self) -> Result<(), EngineError> {
        money_ok(self.principal, "principal")?;
        money_ok(self.interest, "interest")?;
        money_ok(self.overdue_due_now, "overdue_due_now")?;
        let monthly_rate = self.monthly_rate.approx();
        for rate in [monthly_rate, self.penalty_rate] {
            if rate < Decimal::ZERO {
                return Err(EngineError::RateNegative);
            }
        }
        if monthly_rate > Decimal::ONE {
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
    /// Twelve months (month 1 = entry 0), then the ordinary month, or the
    /// twelve again when the year `repeats`.
    Forecast { months: [Decimal; 12], ordinary: Decimal, repeats: bool },
}

impl PayoffBudget {
    /// The budget of month `k` (1-based), in fen, never negative: by the
    /// one rule ([`crate::engine::budget::month_money`]).
    pub fn month(&self, k: u32) -> Decimal {
        let v = match self {
            Self::Flat(v) => *v,
            Self::Forecast { months, ordinary, repeats } => crate::engine::budget::month_money(Some(months), *repeats, *ordinary, k),
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
    /// More than [`MAX_DEBTS`] debts.
    TooManyDebts,
}

/// Most debts one payoff takes (a scenario holds at most 20): with amounts
/// up to [`super::MAX_AMOUNT`] over [`MAX_MONTHS`] months every sum stays
/// inside the 64-bit fen arithmetic.
pub const MAX_DEBTS: usize = 100;

impl PayoffError {
    pub fn code(&self) -> &'static str {
        match self {
            Self::Debt { error, .. } => error.code(),
            Self::UnknownLoan(_) => "unknown_loan_in_order",
            Self::TooManyDebts => "too_many_debts",
        }
    }
}

impl fmt::Display for PayoffError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Debt { index, error } => write!(f, "debts[{index}].{error}"),
            Self::UnknownLoan(id) => write!(f, "order: no loan has the id \"{id}\""),
            Self::TooManyDebts => write!(f, "debts: at most {MAX_DEBTS}"),
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
        super::small_sort::sort_by_key(&mut out, |d| (d.date, d.loan));
        out
    }
}

/// Avalanche, snowball and pro rata, and custom when `custom_order` is
/// given: the evaluator's `payoff` list.
pub fn payoff_plans(debts: &[PayoffDebt], budget: &PayoffBudget, custom_order: Option<&[String]>) -> Result<Vec<PayoffPlan>, PayoffError> {
    let book = Book::of(debts)?;
    let custom = match custom_order {
        Some(ids) => Some(self::custom_order(debts, ids)?),
        None => None,
    };
    // A loop over the kinds, not a list of strategies: one copy of the play in wasm, no ids copied.
    let mut plans = Vec::with_capacity(4);
    for kind in [PayoffKind::Avalanche, PayoffKind::Snowball, PayoffKind::ProRata, PayoffKind::Custom] {
        let order = match (kind, &custom) {
            (PayoffKind::Custom, None) => break,
            (PayoffKind::Custom, Some(order)) => order.clone(),
            _ => Vec::new(),
        };
        plans.push(book.play(kind, order, budget));
    }
    Ok(plans)
}

/// Plays `strategy` out month by month (see the module docs).
pub fn payoff(debts: &[PayoffDebt], budget: &PayoffBudget, strategy: &PayoffStrategy) -> Result<PayoffPlan, PayoffError> {
    let book = Book::of(debts)?;
    let order = match strategy {
        PayoffStrategy::Custom(ids) => custom_order(debts, ids)?,
        _ => Vec::new(),
    };
    Ok(book.play(strategy.kind(), order, budget))
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
    for i in 0..debts.len() {
        if !order.contains(&i) {
            order.push(i);
        }
    }
    Ok(order)
}

/// Largest budget a month counts, in fen (¥10 trillion): keeps every sum
/// of the simulation far inside `i64`.
const MAX_BUDGET_FEN: i64 = 1_000_000_000_000_000;

/// A money amount in fen (rounded half away from zero), within ±[`MAX_BUDGET_FEN`].
fn to_fen(v: Decimal) -> i64 {
    // The simulation's amounts are whole fen already: rounded only when not.
    let v = if v.scale() > 2 { fen(v) } else { v };
    let fen = v.mantissa() * [100, 10, 1][v.scale() as usize];
    fen.clamp(-i128::from(MAX_BUDGET_FEN), i128::from(MAX_BUDGET_FEN)) as i64
}

fn yuan(fen: i64) -> Decimal {
    Decimal::new(fen, 2)
}

/// The debts in fen, validated once for all strategies. The simulation
/// runs in integer fen: every amount in it is a whole number of fen, and
/// `i64` arithmetic is many times faster than decimal (the page replays
/// four strategies on every keystroke).
struct Book<'a> {
    debts: &'a [PayoffDebt],
    rates: Vec<FenRate>,
    principal: Vec<i64>,
    interest: Vec<i64>,
    overdue: Vec<i64>,
    instalments: Vec<Vec<i64>>,
    /// The avalanche's keys: the contract rate, and the penalty rate (a short month).
    by_rate: Vec<Decimal>,
    by_penalty: Vec<Decimal>,
}

impl<'a> Book<'a> {
    fn of(debts: &'a [PayoffDebt]) -> Result<Self, PayoffError> {
        if debts.len() > MAX_DEBTS {
            return Err(PayoffError::TooManyDebts);
        }
        let n = debts.len();
        let mut book = Self {
            debts,
            rates: Vec::with_capacity(n),
            principal: Vec::with_capacity(n),
            interest: Vec::with_capacity(n),
            overdue: Vec::with_capacity(n),
            instalments: Vec::with_capacity(n),
            by_rate: Vec::with_capacity(n),
            by_penalty: Vec::with_capacity(n),
        };
        // One pass, not a `collect` per list: each is code of its own in wasm.
        for (index, d) in debts.iter().enumerate() {
            d.validate().map_err(|error| PayoffError::Debt { index, error })?;
            book.rates.push(FenRate::of(d.monthly_rate));
            book.principal.push(to_fen(d.principal));
            book.interest.push(to_fen(d.interest));
            book.overdue.push(to_fen(d.overdue_due_now));
            book.instalments.push(d.instalments.iter().map(|v| to_fen(*v)).collect());
            book.by_rate.push(d.monthly_rate.approx());
            book.by_penalty.push(d.penalty_rate);
        }
        Ok(book)
    }

    /// Plays `kind` (`order`: the custom order's indices; the avalanche's is the book's).
    fn play(&self, kind: PayoffKind, order: Vec<usize>, budget: &PayoffBudget) -> PayoffPlan {
        let order = if kind == PayoffKind::Avalanche { ranked(&self.by_rate) } else { order };
        Run::new(self, kind, order, ranked(&self.by_penalty)).play(budget)
    }
}

/// One debt during a payoff, in fen.
#[derive(Debug, Clone, Copy)]
struct Slot {
    principal: i64,
    /// Unpaid interest (bears none).
    interest: i64,
    /// Unpaid minimums, due again next month.
    arrears: i64,
}

impl Slot {
    #[inline]
    fn owed(&self) -> i64 {
        self.principal + self.interest
    }

    /// Pays `paid` of which `due` is the minimum: the minimum to interest
    /// first, the rest to principal first.
    #[inline]
    fn pay(&mut self, paid: i64, due: i64) {
        let minimum = paid.min(due);
        let to_interest = minimum.min(self.interest);
        self.interest -= to_interest;
        self.principal -= minimum - to_interest;
        let to_principal = (paid - minimum).min(self.principal);
        self.principal -= to_principal;
        self.interest -= paid - minimum - to_principal;
        self.arrears = (due - paid).max(0);
    }
}

/// A payoff in progress. Buffers are reused month to month.
struct Run<'a> {
    book: &'a Book<'a>,
    kind: PayoffKind,
    /// The fixed target order (avalanche, custom); empty when it changes monthly.
    order: Vec<usize>,
    /// By penalty rate: the avalanche's order in a short month.
    by_penalty: Vec<usize>,
    slots: Vec<Slot>,
    /// Owed at the start of the month (snowball's order, pro rata's weights).
    start: Vec<i64>,
    due: Vec<i64>,
    pay: Vec<i64>,
    room: Vec<i64>,
    interest_room: Vec<i64>,
    targets: Vec<usize>,
}

impl<'a> Run<'a> {
    fn new(book: &'a Book<'a>, kind: PayoffKind, order: Vec<usize>, by_penalty: Vec<usize>) -> Self {
        let n = book.debts.len();
        let slots = (0..n).map(|j| Slot { principal: book.principal[j], interest: book.interest[j], arrears: book.overdue[j] }).collect();
        Self {
            book,
            kind,
            order,
            by_penalty,
            slots,
            start: vec![0; n],
            due: vec![0; n],
            pay: vec![0; n],
            room: vec![0; n],
            interest_room: vec![0; n],
            targets: (0..n).collect(),
        }
    }

    fn play(mut self, budget: &PayoffBudget) -> PayoffPlan {
        let mut loans: Vec<LoanPayoff> = self
            .book
            .debts
            .iter()
            .map(|d| LoanPayoff { id: d.id.clone(), paid_off_month: d.owed().is_zero().then_some(0), owed_now: d.owed() })
            .collect();
        let mut debt_free_month = loans.iter().all(|l| l.paid_off_month.is_some()).then_some(0);
        let (mut total_interest, mut total_paid) = (0i64, 0i64);
        let mut short_months = Vec::new();
        let mut timeline = Vec::new();
        let mut k = 1;
        while debt_free_month.is_none() && k <= MAX_MONTHS {
            total_interest += self.accrue_and_set_dues(k);
            let available = to_fen(budget.month(k));
            let minimums: i64 = self.due.iter().sum();
            if available >= minimums {
                self.pay.copy_from_slice(&self.due);
                self.spread_surplus(available - minimums);
            } else {
                short_months.push(ShortMonth { month: k, shortfall: yuan(minimums - available) });
                self.pay_short(available);
            }
            let (month, paid, owed) = self.settle(k);
            total_paid += paid;
            for (l, s) in loans.iter_mut().zip(&self.slots) {
                if l.paid_off_month.is_none() && s.owed() == 0 {
                    l.paid_off_month = Some(k);
                }
            }
            if owed == 0 {
                debt_free_month = Some(k);
            }
            timeline.push(month);
            k += 1;
        }
        PayoffPlan {
            strategy: self.kind,
            debt_free_month,
            total_interest: yuan(total_interest),
            total_paid: yuan(total_paid),
            short_months,
            loans,
            timeline,
        }
    }

    /// Notes what each debt owes at the start of month `k`, adds the month's
    /// interest and sets its minimum. Returns the interest added.
    fn accrue_and_set_dues(&mut self, k: u32) -> i64 {
        let mut added = 0;
        let book = self.book;
        let month = k as usize;
        let debts = self.slots.iter_mut().zip(&mut self.start).zip(&mut self.due);
        for (((s, start), due), (rate, instalments)) in debts.zip(book.rates.iter().zip(&book.instalments)) {
            *start = s.owed();
            let interest = rate.interest(s.principal);
            s.interest += interest;
            added += interest;
            let owed = s.owed();
            *due = match instalments.get(month - 1) {
                Some(inst) if month < instalments.len() => owed.min(inst + s.arrears),
                _ => owed,
            };
        }
        added
    }

    /// The surplus after every minimum, to the targets. The avalanche fills
    /// interest-bearing principal first, in rate order, and only then
    /// accrued interest (a 到期一次 loan's, which bears none: its true cost
    /// is 0); the others clear whole debts in their order.
    fn spread_surplus(&mut self, surplus: i64) {
        for ((room, s), pay) in self.room.iter_mut().zip(&self.slots).zip(&self.pay) {
            *room = s.owed() - pay;
        }
        match self.kind {
            PayoffKind::ProRata => fill_pro_rata(surplus, &self.start, &self.room, &mut self.pay),
            PayoffKind::Avalanche => {
                let parts = self.interest_room.iter_mut().zip(&mut self.room).zip(&self.slots).zip(&self.pay);
                for (((interest_room, room), s), pay) in parts {
                    *interest_room = (s.interest - pay).max(0);
                    *room -= *interest_room;
                }
                let left = fill_in_order(surplus, &self.order, &self.room, &mut self.pay);
                fill_in_order(left, &self.order, &self.interest_room, &mut self.pay);
            }
            PayoffKind::Snowball => {
                self.sort_smallest_first();
                fill_in_order(surplus, &self.targets, &self.room, &mut self.pay);
            }
            PayoffKind::Custom => {
                fill_in_order(surplus, &self.order, &self.room, &mut self.pay);
            }
        }
    }

    /// A budget below the minimums, to the minimums in the strategy's order.
    fn pay_short(&mut self, available: i64) {
        self.pay.fill(0);
        let order = match self.kind {
            PayoffKind::ProRata => return fill_pro_rata(available, &self.due, &self.due, &mut self.pay),
            PayoffKind::Avalanche => &self.by_penalty,
            PayoffKind::Snowball => {
                self.sort_smallest_first();
                &self.targets
            }
            PayoffKind::Custom => &self.order,
        };
        fill_in_order(available, order, &self.due, &mut self.pay);
    }

    /// `targets` = debts by what they owed at the start of the month, smallest first.
    fn sort_smallest_first(&mut self) {
        let start = &self.start;
        sort_indices(&mut self.targets, &|a, b| (start[a], a) < (start[b], b));
    }

    /// Applies the month's payments and records the month. Returns it with
    /// what was paid and what is still owed, in fen.
    fn settle(&mut self, k: u32) -> (PayoffMonth, i64, i64) {
        let (mut paid_all, mut owed_all) = (0, 0);
        let mut loans = Vec::with_capacity(self.slots.len());
        for ((s, &paid), &due) in self.slots.iter_mut().zip(&self.pay).zip(&self.due) {
            s.pay(paid, due);
            paid_all += paid;
            owed_all += s.owed();
            loans.push(LoanMonth { due: yuan(due), paid: yuan(paid), balance: yuan(s.owed()), interest: yuan(s.interest) });
        }
        (PayoffMonth { month: k, paid: yuan(paid_all), balance: yuan(owed_all), loans }, paid_all, owed_all)
    }
}

/// A monthly rate ready to charge interest on fen: exactly
/// [`mul_ratio_fen`], with a fast path for the usual rates (0.015 = 15 /
/// 1000, 4.9 / 1200 = 49 / 12000): the interest on p fen is then
/// (p·m + div/2) / div in 64-bit integers — the same half-away-from-zero
/// rounding — a hardware division natively and in wasm. Long numerators
/// and huge amounts take [`mul_ratio_fen`].
#[derive(Debug, Clone, Copy)]
struct FenRate {
    rate: Ratio,
    /// (m, div) with rate = m / div, when m < 2^32 and div ≤ 10^18.
    short: Option<(u64, u64)>,
}

impl FenRate {
    fn of(rate: Ratio) -> Self {
        let div = |s: u32| u64::from(rate.den).checked_mul(10u64.checked_pow(s)?).filter(|d| *d <= 1_000_000_000_000_000_000);
        let short = match (u64::try_from(rate.num.mantissa()), rate.num.scale()) {
            (Ok(m), s) if m < 1 << 32 => div(s).map(|d| (m, d)),
            _ => None,
        };
        Self { rate, short }
    }

    /// Interest on `principal` fen (not negative), rounded to the fen.
    fn interest(self, principal: i64) -> i64 {
        if principal <= 0 {
            return 0;
        }
        let fast = self.short.and_then(|(m, div)| {
            let x = u64::try_from(principal).ok()?.checked_mul(m)?.checked_add(div / 2)?;
            i64::try_from(x / div).ok()
        });
        fast.unwrap_or_else(|| to_fen(mul_ratio_fen(yuan(principal), self.rate)))
    }
}

/// Indices by `keys` descending, ties in input order.
fn ranked(keys: &[Decimal]) -> Vec<usize> {
    let mut order: Vec<usize> = (0..keys.len()).collect();
    sort_indices(&mut order, &|a, b| keys[a] > keys[b] || (keys[a] == keys[b] && a < b));
    order
}

/// `order` sorted so that each index `i` for which `before(i, j)` comes
/// ahead of `j` (a strict total order): an insertion sort, one copy for
/// every order of the payoff (a generic sort is a copy per key type).
fn sort_indices(order: &mut [usize], before: &dyn Fn(usize, usize) -> bool) {
    for i in 1..order.len() {
        let mut j = i;
        while j > 0 && before(order[j], order[j - 1]) {
            order.swap(j - 1, j);
            j -= 1;
        }
    }
}

/// `amount` to the debts in `order`, each up to its `room`; returns what is left.
fn fill_in_order(mut amount: i64, order: &[usize], room: &[i64], pay: &mut [i64]) -> i64 {
    for &j in order {
        let give = amount.min(room[j]).max(0);
        pay[j] += give;
        amount -= give;
    }
    amount
}

/// `amount` split by `weights` to the fen, each share capped at its
/// `room`; what a cap leaves over is split again among the others.
fn fill_pro_rata(amount: i64, weights: &[i64], room: &[i64], pay: &mut [i64]) {
    let n = weights.len();
    // A debt is open while it has been given less than its room (no flags
    // of their own: each `Vec` is code).
    let mut given = vec![0i64; n];
    let (mut w, mut split) = (vec![0i64; n], vec![0i64; n]);
    let mut left = amount;
    for _ in 0..=n {
        let mut any = false;
        for j in 0..n {
            let open = given[j] < room[j];
            w[j] = if open { weights[j].max(0) } else { 0 };
            any |= open;
        }
        if left <= 0 || !any {
            break;
        }
        if w.iter().all(|x| *x == 0) {
            (0..n).for_each(|j| w[j] = i64::from(given[j] < room[j]));
        }
        split_fen(left, &w, &mut split);
        let mut capped = false;
        for j in 0..n {
            if given[j] < room[j] && given[j] + split[j] >= room[j] {
                left -= room[j] - given[j];
                given[j] = room[j];
                capped = true;
            }
        }
        if !capped {
            (0..n).for_each(|j| given[j] += split[j]);
            break;
        }
    }
    (0..n).for_each(|j| pay[j] += given[j]);
}

/// `amount` fen split in proportion to `weights` (not negative, not all 0)
/// exactly: each gets the whole fen of its share, and the fen left over go
/// one each to the largest remainders, ties to the earlier entry — the rule
/// of [`super::allocation::pro_rata`], in integers.
fn split_fen(amount: i64, weights: &[i64], out: &mut [i64]) {
    let total: i128 = weights.iter().map(|w| i128::from(*w)).sum();
    let mut remainders: Vec<i128> = Vec::with_capacity(weights.len());
    let mut left = amount;
    for (j, w) in weights.iter().enumerate() {
        let exact = i128::from(amount) * i128::from(*w);
        out[j] = (exact / total) as i64;
        left -= out[j];
        remainders.push(exact % total);
    }
    // Fewer fen are left than there are entries: each to the largest
    // remainder not yet served, the earlier on a tie (no sort: a sort of
    // pairs is code of its own in the road's chunk). -1 marks one served.
    for _ in 0..left {
        let mut best = 0;
        for (j, r) in remainders.iter().enumerate() {
            if *r > remainders[best] {
                best = j;
            }
        }
        out[best] += 1;
        remainders[best] = -1;
    }
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
            monthly_rate: d(rate).into(),
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
        let many = vec![debt("a", "1", "0", "1", 1); MAX_DEBTS + 1];
        assert_eq!(payoff(&many, &PayoffBudget::Flat(d("1")), &PayoffStrategy::Avalanche), Err(PayoffError::TooManyDebts));
    }

    #[test]
    fn forecast_budget_repeats_and_negative_months_pay_nothing() {
        let mut f = [d("100"); 12];
        f[1] = d("-50");
        // Not repeating: months 13+ are the ordinary month.
        let once = PayoffBudget::Forecast { months: f, ordinary: d("70"), repeats: false };
        assert_eq!((once.month(2), once.month(13), once.month(14), once.month(600)), (Decimal::ZERO, d("70"), d("70"), d("70")));
        let b = PayoffBudget::Forecast { months: f, ordinary: d("70"), repeats: true };
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

    proptest::proptest! {
        /// The 64-bit interest is `mul_ratio_fen`, fen for fen, for plain
        /// fractions and for the exact ratios of annual (÷ 1200) and daily
        /// (× 360 or 365 ÷ 1200) rates.
        #[test]
        fn fen_rate_is_mul_ratio_fen(principal in 0i64..100_000_000_000_000, m in 0i64..5_000_000, scale in 0u32..=10, den in proptest::sample::select(vec![1u32, 100, 1200])) {
            let base = Decimal::new(m, scale).min(Decimal::ONE);
            for r in [Ratio::new(base, den), Ratio::new(base, 1200).times(Decimal::from(365))] {
                for p in [principal, principal % 1_000_000_000, principal % 10_000] {
                    let exact = to_fen(mul_ratio_fen(yuan(p), r));
                    proptest::prop_assert_eq!(FenRate::of(r).interest(p), exact, "{} × {:?}", p, r);
                }
            }
        }

        /// The integer split is the allocation's pro rata rule, fen for fen.
        #[test]
        fn split_fen_is_the_allocation_rule(amount in 0i64..10_000_000_000, weights in proptest::collection::vec(0i64..100_000_000_000, 1..8)) {
            proptest::prop_assume!(weights.iter().any(|w| *w > 0));
            let mut got = vec![0; weights.len()];
            split_fen(amount, &weights, &mut got);
            let expected = crate::engine::allocation::pro_rata(yuan(amount), &weights.iter().map(|w| yuan(*w)).collect::<Vec<_>>());
            proptest::prop_assert_eq!(got.iter().map(|v| yuan(*v)).collect::<Vec<_>>(), expected);
        }
    }

    #[test]
    fn interest_is_exact_on_ratios() {
        // ¥3,001.50 at 4 %/yr = 4 / 1200 a month: 10.005 exactly → 10.01.
        let mut a = debt("a", "3001.50", "0", "3011.51", 1);
        a.monthly_rate = Ratio::new(d("4"), 1200);
        let p = plan(&[a], "5000", PayoffStrategy::Avalanche);
        assert_eq!((p.total_interest, p.total_paid), (d("10.01"), d("3011.51")));
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
