//! The combined plan across lenders: one request per loan, chosen together
//! so that what falls due in every month fits that month's money.
//!
//! **Money.** Month m of the next 12 has the forecast month's surplus, or
//! without a forecast the flat disposable amount; a later month has the
//! flat amount (the income typed for an ordinary month), or the forecast
//! month it falls on when the year repeats ([`Money::in_month`]). A month with
//! nothing or a deficit fits only a month with nothing due: a month with no
//! income gets a pause, never an instalment that cannot be paid. Months
//! are budget months ([`crate::engine::due`]).
//!
//! **What may be picked** ("commonly granted": the products lenders have
//! and the bounds they apply, DOMAIN.md "What lenders can agree to"), in
//! the order a case officer grants them most readily — asking least first,
//! the lender recovering most first:
//! 1. the contract unchanged (a loan with no arrears);
//! 2. penalties waived, the arrears caught up over k = 1…12 months;
//! 3. a term extension at the contract rate, every term from one month
//!    more than remains to [`crate::engine::proposal::extension_cap`] (five years, or three more);
//! 4. a payment holiday of h = 1…6 months paying the interest, then
//!    instalments at the contract rate, the maturity kept, then extended;
//! 5. the same holiday with the interest capitalised — the only request
//!    whose balance rises, and it says so;
//! 6. frozen instalments (停息分期, 0 %) of at most 60 months in all, the
//!    first after d = 0…6 months of nothing due, the shortest first;
//! 7. with a forecast, the cash-flow plan (按现金流还款): the loan's fair
//!    share of each month's money at the contract rate, nothing in a month
//!    without, until cleared (at most 120 months) — it fits its share by
//!    construction; last, because a case officer grants a level instalment
//!    more readily than a varying one, and its balance may rise in the
//!    dead months (`balance_rises` says so).
//!
//! Options 1–5 and 7 leave the lender the whole amount owed at the
//! contract rate (present value 100 %); 6 gives up the interest. The
//! settlement stays a card only: it needs a lump sum from outside the
//! monthly budget.
//!
//! **Kinds and terms.** Each numbered item is a kind of request (each
//! holiday length, way and maturity its own kind; frozen instalments one
//! kind per deferral d); within a kind the terms run from the shortest to
//! the longest, the longest asking least each month (its *floor*).
//!
//! **The two goals.** `acceptance` orders kinds as listed: the first kind
//! whose floor fits, then its shortest term that fits. `lowest_cost`
//! orders kinds by the total the borrower pays at their floor (ties as
//! listed), then takes the shortest term that fits — within a kind also
//! the cheapest (a longer term pays more interest; at 0 % every term costs
//! the same). They differ where they should: a long extension recovers
//! everything for the lender and costs the borrower interest; frozen
//! instalments cost the amount owed and no more.
//!
//! **The search** (cheap enough for every keystroke: linear in the loans
//! and their options, no combinations tried):
//! 1. *Fair share.* Each month's money is split pro rata to the amount owed
//!    now (every lender treated alike), the months after the 12th too.
//! 2. *Kinds.* Each loan takes the first kind, in the goal's order, whose
//!    floor fits its share.
//! 3. *Unused shares are re-split*: what the placed loans' floors leave
//!    goes to the loans not placed, pro rata, and they try again; repeated
//!    while a loan is placed.
//! 4. *Promotion*: when every loan is placed, what nobody uses lets each
//!    loan, largest amount owed first, move to a kind earlier in the goal's
//!    order (at its floor) as long as every month still fits.
//! 5. *Terms*: then each loan, largest first, takes the shortest term of
//!    its kind that fits what it uses plus what nobody uses.
//! 6. When a loan has no kind that fits, the plan does not fit: the placed
//!    keep their floors (asking least leaves the most for the others) and
//!    that loan takes the **closest** kind — the floor that falls least
//!    short of its share, summed over the months.
//!
//! Starting from the floors is what lets lenders share: a loan sized to
//! the shortest term within its share would take all of it, and no other
//! loan could move up.
//!
//! The search screens options by their instalments to the fen (the level
//! payment each schedule is built from, the last instalment taken equal to
//! the others; the contract, the waivers and frozen instalments exactly).
//! The chosen options are then built exactly and the plan's months summed
//! from their rows: `fits` is decided on those rows only. If the screened
//! choices fit but their rows do not (a last instalment absorbed more than
//! screened), the choices that ask more than screened are set aside and
//! the search runs again, at most three times.
//!
//! Output: per goal the picks (each an [`Ask`] with its figures and dated
//! schedule), the 12 months (`due`, `available`, `margin`, `fits`, and the
//! first due date in the month), the worst month after them (`later`), and
//! when the plan does not fit, the exact months and amounts that fail.

mod menu;
mod search;
#[cfg(test)]
mod tests;

use crate::engine::budget::{BudgetMonth, BUDGET_MONTHS};
use crate::engine::dates::Date;
use crate::engine::proposal::{present_value_of, share_percent, summary, Ask, Debt, DebtAnalysis, Figures, LoanBudget, Params, Proposal, ProposalKind, VsContract};
use crate::engine::{decimal_str, fen, Row};
use menu::Menu;
use rust_decimal::Decimal;
use serde::Serialize;

/// What a combined plan optimises.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Goal {
    /// Most likely to be accepted.
    Acceptance,
    /// Lowest cost to the borrower.
    LowestCost,
}

/// The money all debts share: each of the next 12 months, and the
/// ordinary month; whether the months after the 12th repeat the 12.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Money {
    pub months: [Decimal; BUDGET_MONTHS],
    pub later: Decimal,
    pub repeats: bool,
}

impl Money {
    /// The money of budget month `month` (any month), by the one rule
    /// ([`crate::engine::budget::month_money`]).
    pub fn in_month(&self, month: u32) -> Decimal {
        crate::engine::budget::month_money(Some(&self.months), self.repeats, self.later, month)
    }
}

/// A combined plan.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Plan {
    pub goal: Goal,
    /// Every one of the 12 months fits, and every later month.
    pub fits: bool,
    /// One per loan that could be analysed, in scenario order.
    pub picks: Vec<Pick>,
    pub months: Vec<PlanMonth>,
    /// The month after the 12th with the most due.
    pub later: PlanMonth,
    /// When it does not fit: each month that fails and by how much.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub failing: Vec<Failing>,
}

/// One loan's part of a plan.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Pick {
    pub loan_id: String,
    pub kind: ProposalKind,
    pub params: Params,
    pub months: u32,
    /// When the first payment above zero is due, when dates are known.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub first_payment_date: Option<Date>,
    /// That first payment.
    #[serde(with = "decimal_str")]
    pub monthly_payment: Decimal,
    #[serde(with = "decimal_str")]
    pub min_payment: Decimal,
    #[serde(with = "decimal_str")]
    pub max_payment: Decimal,
    pub level: bool,
    pub balance_rises: bool,
    #[serde(with = "decimal_str")]
    pub total_paid: Decimal,
    pub vs_contract: VsContract,
    /// What the lender recovers in today's money, % of the amount owed now.
    #[serde(with = "decimal_str")]
    pub lender_pv_percent: Decimal,
    pub schedule: Vec<Row>,
}

/// One month of a plan: the budget's month type, dated
/// ([`BudgetMonth::planned`]).
pub type PlanMonth = BudgetMonth;

/// A month that does not fit: `short` = due − what the month has (0 at least).
///
/// After the 12th month each run of consecutive months that fail is one
/// line: `month` (and `date`) is the first of them, `through` the last and
/// how many fail, `due`, `available` and `short` those of the month short
/// the most (review w14 R2: only the worst later month was listed, so a
/// plan short in 48 months read as short in one). Without a repeating
/// forecast every later month has the same money, so the failing months
/// are usually one run.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Failing {
    pub month: u32,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date: Option<Date>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub through: Option<Through>,
    #[serde(with = "decimal_str")]
    pub due: Decimal,
    #[serde(with = "decimal_str")]
    pub available: Decimal,
    #[serde(with = "decimal_str")]
    pub short: Decimal,
}

/// The last of several later months that fail, and how many fail from
/// [`Failing::month`] to it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Through {
    pub month: u32,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date: Option<Date>,
    pub count: u32,
}

impl Failing {
    fn of(m: &PlanMonth) -> Self {
        Self { month: m.month, date: m.date, through: None, due: m.due, available: m.available, short: m.due - m.available.max(Decimal::ZERO) }
    }

    /// A run of consecutive later months that fail, as one line; `None`
    /// when empty.
    fn later(failing: &[PlanMonth]) -> Option<Self> {
        let (first, last) = (failing.first()?, failing.last()?);
        let short = |m: &PlanMonth| m.due - m.available.max(Decimal::ZERO);
        let worst = failing.iter().fold(first, |a, b| if short(b) > short(a) { b } else { a });
        let through = (failing.len() > 1).then(|| Through { month: last.month, date: last.date, count: u32::try_from(failing.len()).unwrap_or(u32::MAX) });
        Some(Self { month: first.month, date: first.date, through, ..Self::of(worst) })
    }
}

/// Both plans for the analysed debts (none without debts). `budgets`: each
/// debt's fair share of `money` (its cards'; the cash-flow kind pays it).
/// `cards`: each debt's proposals when they are already built (a pick
/// asking what a card asks reuses its rows), or nothing.
pub fn plans(debts: &[(Debt, DebtAnalysis)], money: &Money, budgets: &[LoanBudget], cards: &[Vec<Proposal>]) -> Vec<Plan> {
    if debts.is_empty() || budgets.len() != debts.len() {
        return Vec::new();
    }
    let menus: Vec<Menu> = debts.iter().zip(budgets).map(|((d, an), b)| Menu::new(d, an, b)).collect();
    let mut built = Built { cards, picks: Vec::new() };
    let plans: Vec<(Plan, Vec<usize>)> = [Goal::Acceptance, Goal::LowestCost].into_iter().map(|goal| plan(goal, &menus, money, &mut built)).collect();
    built.hand_out(plans)
}

/// Picks already built from their exact rows, by loan and request (the
/// two goals often agree), and their dues by budget month; the cards whose
/// rows a pick may reuse.
struct Built<'c> {
    cards: &'c [Vec<Proposal>],
    picks: Vec<BuiltPick>,
}

/// A budget month, what is due in it and the date of its first instalment.
type MonthDue = (usize, Decimal, Option<Date>);

/// Loan, request, the pick and what it asks by budget month.
type BuiltPick = (usize, Ask, Pick, Vec<MonthDue>);

impl Built<'_> {
    /// The pick of loan `i` asking `ask`, and what it asks in each budget month.
    fn get(&mut self, menus: &[Menu], i: usize, ask: Ask) -> usize {
        if let Some(at) = self.picks.iter().position(|b| b.0 == i && b.1 == ask) {
            return at;
        }
        let card = self.cards.get(i).and_then(|cards| cards.iter().find(|p| Ask::of(p.kind, &p.params) == Some(ask)));
        let pick = match card.and_then(|p| p.figures.as_ref()) {
            Some(f) => pick_of_card(&menus[i], ask, f),
            None => pick(&menus[i], ask, ask.rows(menus[i].debt, menus[i].an, menus[i].budget)),
        };
        let mut months: Vec<MonthDue> = Vec::new();
        for r in &pick.schedule {
            let m = menus[i].month_of(r.period);
            match months.last_mut() {
                Some(last) if last.0 == m => last.1 += r.payment,
                _ => months.push((m, r.payment, r.date)),
            }
        }
        self.picks.push((i, ask, pick, months));
        self.picks.len() - 1
    }

    /// The plans with their picks (`built` indices into the cache): a pick
    /// is moved into the last plan that has it and copied into the others,
    /// so each schedule is copied only when both plans share it.
    fn hand_out(self, plans: Vec<(Plan, Vec<usize>)>) -> Vec<Plan> {
        let mut last_use = vec![None; self.picks.len()];
        for (p, (_, built)) in plans.iter().enumerate() {
            for &b in built {
                last_use[b] = Some(p);
            }
        }
        let mut picks: Vec<Option<Pick>> = self.picks.into_iter().map(|b| Some(b.2)).collect();
        let mut out = Vec::with_capacity(plans.len());
        for (p, (mut plan, built)) in plans.into_iter().enumerate() {
            plan.picks = built
                .iter()
                .filter_map(|&b| if last_use[b] == Some(p) { picks[b].take() } else { picks[b].clone() })
                .collect();
            out.push(plan);
        }
        out
    }
}

/// The plan for `goal`. When the screened choices fit every month but
/// their exact rows do not (a last instalment absorbed more than screened),
/// the choices that ask more than screened are set aside and the search
/// runs again, at most three times.
fn plan(goal: Goal, menus: &[Menu], money: &Money, cache: &mut Built) -> (Plan, Vec<usize>) {
    let mut excluded: Vec<(usize, Ask)> = Vec::new();
    loop {
        let choices = search::search(goal, menus, money, &excluded);
        let built: Vec<usize> = choices.iter().enumerate().map(|(i, c)| cache.get(menus, i, c.ask)).collect();
        let plan = assemble(goal, cache, &built, money);
        if plan.fits || excluded.len() >= 3 || !search::screened_fit(&choices, money) {
            return (plan, built);
        }
        let before = excluded.len();
        for (i, (&b, c)) in built.iter().zip(&choices).enumerate() {
            let exact = menus[i].profile_of_rows(&cache.picks[b].2.schedule);
            let worse = exact.used().iter().zip(c.profile.used()).any(|(e, s)| *e > s);
            if worse && excluded.len() < 3 {
                excluded.push((i, c.ask));
            }
        }
        if excluded.len() == before {
            return (plan, built);
        }
    }
}

// ---------------------------------------------------------------- exact --

/// The plan from the chosen options' exact rows (`built`, indices into
/// `cache`), its picks left empty ([`Built::hand_out`] fills them).
fn assemble(goal: Goal, cache: &Built, built: &[usize], money: &Money) -> Plan {
    let chosen = || built.iter().map(|&b| &cache.picks[b]);
    let longest = chosen().flat_map(|b| b.3.last().map(|m| m.0)).max().unwrap_or(0);
    let mut months: Vec<(Decimal, Option<Date>)> = vec![(Decimal::ZERO, None); longest.max(BUDGET_MONTHS + 1)];
    for &(m, due, date) in chosen().flat_map(|b| b.3.iter()) {
        let slot = &mut months[m - 1];
        slot.0 += due;
        slot.1 = match (slot.1, date) {
            (Some(a), Some(b)) => Some(a.min(b)),
            (a, b) => a.or(b),
        };
    }
    let month = |m: usize, available: Decimal| {
        let (due, date) = months[m - 1];
        PlanMonth::planned(m as u32, date, due, available)
    };
    let at = |m: usize| month(m, money.in_month(m as u32));
    let first: Vec<PlanMonth> = (1..=BUDGET_MONTHS).map(at).collect();
    let after: Vec<PlanMonth> = (BUDGET_MONTHS + 1..=months.len()).map(at).collect();
    // The tightest later month: the least margin (with the same money in
    // every later month, the most due), the earliest of equals.
    let later = after.iter().copied().fold(at(BUDGET_MONTHS + 1), |a, b| if b.margin < a.margin { b } else { a });
    let mut failing: Vec<Failing> = first.iter().filter(|m| !m.fits).map(Failing::of).collect();
    // Each run of consecutive later months that fail is one line.
    let mut run: Vec<PlanMonth> = Vec::new();
    for m in after.into_iter().filter(|m| !m.fits) {
        if run.last().is_some_and(|last| last.month + 1 != m.month) {
            failing.extend(Failing::later(&run));
            run.clear();
        }
        run.push(m);
    }
    failing.extend(Failing::later(&run));
    Plan { goal, fits: failing.is_empty(), picks: Vec::new(), months: first, later, failing }
}

/// A loan's pick asking what a card asks, from the card's figures: the
/// same rows, so the same summary and present value as [`pick`] computes
/// (a card that asks a plan's request is never a lump sum); only the
/// schedule is copied.
fn pick_of_card(menu: &Menu, ask: Ask, f: &Figures) -> Pick {
    let (debt, an) = (menu.debt, menu.an);
    let params = params_of(ask, debt, an, f.months);
    Pick {
        loan_id: debt.id.clone(),
        kind: ask.kind(),
        params,
        months: f.months,
        first_payment_date: f.first_payment_date,
        monthly_payment: f.monthly_payment,
        min_payment: f.min_payment,
        max_payment: f.max_payment,
        level: f.level,
        balance_rises: f.balance_rises,
        total_paid: f.total_paid,
        vs_contract: VsContract::of(f.total_paid, an.contract_total_paid + params.penalty_waived),
        lender_pv_percent: f.lender_pv_percent,
        schedule: f.schedule.clone(),
    }
}

/// What `ask` asks; the cash-flow plan's term is its `months` rows (as its card says).
fn params_of(ask: Ask, debt: &Debt, an: &DebtAnalysis, months: u32) -> Params {
    let mut params = ask.params(debt, an);
    if ask == Ask::CashFlow {
        params.term_months = Some(months);
    }
    params
}

/// A loan's pick from its exact rows.
fn pick(menu: &Menu, ask: Ask, rows: Vec<Row>) -> Pick {
    let (debt, an) = (menu.debt, menu.an);
    let params = params_of(ask, debt, an, rows.len() as u32);
    let (s, pays) = summary(&rows).map_or((None, Vec::new()), |(s, pays)| (Some(s), pays));
    let total_paid = s.map_or(Decimal::ZERO, |s| s.total_paid);
    let pv = fen(present_value_of(&rows, &pays, &debt.accrual));
    Pick {
        loan_id: debt.id.clone(),
        kind: ask.kind(),
        params,
        months: rows.len() as u32,
        first_payment_date: s.and_then(|s| s.first_payment_date),
        monthly_payment: s.map_or(Decimal::ZERO, |s| s.first_payment),
        min_payment: s.map_or(Decimal::ZERO, |s| s.min_payment),
        max_payment: s.map_or(Decimal::ZERO, |s| s.max_payment),
        level: s.is_some_and(|s| s.level),
        balance_rises: s.is_some_and(|s| s.balance_rises),
        total_paid,
        vs_contract: VsContract::of(total_paid, an.contract_total_paid + params.penalty_waived),
        lender_pv_percent: share_percent(pv, an.owed_now),
        schedule: rows,
    }
}
