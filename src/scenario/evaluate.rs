//! Every figure computed from a scenario, in one serialisable value: what
//! the page shows and what `examples/evaluate` prints.

use super::kit::figures::KitOutput;
use super::road::{LoanRoad, Road};
use super::{LoanEntry, Scenario};
use crate::engine::allocation::forecast_surplus;
use crate::engine::budget::BUDGET_MONTHS;
use crate::engine::proposal::rank;
use crate::engine::{
    allocate, decimal_str, loan_budgets, percent_2dp, plans, proposals_for, rate_check, AllocationDebt, AllocationPlan, Apr, Ask,
    BudgetFigures, Date, DateSource, DayCount, Debt, DebtAnalysis, Lender, LoanShare, Method, Money, OverdueCost, PenaltyBase, Pick, Plan,
    Proposal, RateCheck, Row, Schedule,
};
use crate::engine::{EngineError, PrepayError, RateCheckError};
use rust_decimal::Decimal;
use serde::Serialize;

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Evaluation {
    pub version: u32,
    pub day_count: DayCount,
    /// Every loan's rows carry due dates (else they keep period numbers
    /// only; see [`crate::engine::due`]).
    pub dated: bool,
    pub loans: Vec<LoanOutput>,
    pub budget: BudgetOutput,
    /// Each loan's part of the monthly money, and what it is. Empty when
    /// the budget is invalid.
    pub loan_budgets: Vec<LoanShare>,
    /// The combined plans across lenders, `acceptance` then `lowest_cost`
    /// (see [`crate::engine::plan`]). Empty when the budget is invalid or
    /// no loan could be analysed.
    pub plans: Vec<Plan>,
    /// Every loan's proposals, loans in scenario order, each loan's ranked
    /// (see [`crate::engine::proposal`]). Empty when the budget is invalid.
    pub proposals: Vec<Proposal>,
    /// How to split the surplus across lenders; only with two or more loans.
    /// Empty in [`Evaluation::core_on`] (see [`allocation_on`]).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub allocation: Option<AllocationPlan>,
    /// The road to debt-free: `payoff` and `payoff_pick` (see [`super::road`]);
    /// empty in [`Evaluation::core_on`] (the page's: see [`road_on`]).
    #[serde(flatten)]
    pub road: Road,
    /// The negotiation kit's figures ([`KitOutput`]); printed when the
    /// scenario uses a kit field. Empty in [`Evaluation::core_on`] (see [`kit_on`]).
    #[serde(skip_serializing_if = "KitOutput::unused")]
    pub kit: KitOutput,
}

/// One loan's figures. Each figure is computed on its own: one that cannot
/// be (the APR of a loan whose fee is nearly the whole principal, a rate
/// check on a mistyped payment) is null or absent and says why in
/// `errors`, while the schedule, the cost of doing nothing and the budget
/// still count the loan.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct LoanOutput {
    pub id: String,
    pub lender: Lender,
    /// The borrower's own label for the loan (机构名称, e.g. "广发银行信用卡
    /// 中心"): the page's titles use it to tell loans of one kind apart
    /// (review w15 R2). Not a figure, so not in the evaluator's output.
    #[serde(skip)]
    pub name: String,
    pub method: Method,
    pub months: u32,
    #[serde(with = "decimal_str")]
    pub principal: Decimal,
    /// The quoted rate in all three forms, percent, 4 decimals.
    #[serde(with = "decimal_str")]
    pub daily_rate_percent: Decimal,
    #[serde(with = "decimal_str")]
    pub monthly_rate_percent: Decimal,
    #[serde(with = "decimal_str")]
    pub annual_rate_percent: Decimal,
    /// Due date of the next instalment and where it comes from, when known.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub first_due_date: Option<Date>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub first_due_date_from: Option<DateSource>,
    /// Payments, totals and the schedule; absent only if the terms
    /// themselves could not be computed (then `errors` says why).
    #[serde(flatten)]
    pub schedule: Option<ScheduleOutput>,
    /// True annualised rate by IRR (fees included), percent, 2 decimals;
    /// null when it cannot be computed.
    #[serde(with = "decimal_str::option")]
    pub apr_nominal_percent: Option<Decimal>,
    #[serde(with = "decimal_str::option")]
    pub apr_effective_percent: Option<Decimal>,
    /// The penalty rule assumed (the preset's unless entered).
    pub penalty: PenaltyOutput,
    /// The cost of doing nothing; absent when the loan is invalid.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub overdue_cost: Option<OverdueCost>,
    /// The rate detective, when the app's payment is given and it implies a
    /// plausible rate.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub rate_check: Option<RateCheck>,
    /// Prepayments and the solver: `prepaid`, `prepaid_by_effect`, `solve`
    /// (see [`super::road`]); empty in [`Evaluation::core_on`] (see [`loan_road_on`]).
    #[serde(flatten)]
    pub road: LoanRoad,
    /// Each figure that could not be computed, with its path and why.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub errors: Vec<FigureError>,
    /// Schedule and APR together, when both were computed: what the
    /// current results card reads. Not printed (the fields above are).
    #[serde(skip)]
    pub figures: Option<FiguresOutput>,
}

/// A figure that could not be computed: `path` names it in the output
/// (`loans[0].apr_nominal_percent`), `code` is the engine's stable key for
/// what went wrong, `message` says why in English, `reason` is what the
/// page words (one of four: [`FigureReason`]).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FigureError {
    pub path: String,
    pub code: &'static str,
    pub message: String,
    #[serde(skip)]
    pub reason: FigureReason,
}

/// Why a figure of a valid document could not be computed, as the page
/// says it (issue 8: a typed reason, matched exhaustively by i18n).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FigureReason {
    /// An intermediate result left the range of exact decimals.
    Overflow,
    /// No rate of return fits the cash flows (a fee almost the whole principal).
    NoRateOfReturn,
    /// The app's payment implies a rate below 0 or above 1000 % a year.
    RateCheckImplausible,
    /// An input the engine refused (the page's form refuses these first;
    /// the CLI reads files the form never saw).
    Input,
}

impl From<&EngineError> for FigureReason {
    fn from(e: &EngineError) -> Self {
        use EngineError::*;
        match e {
            Overflow => Self::Overflow,
            NoRateOfReturn => Self::NoRateOfReturn,
            PrincipalNotPositive | PrincipalTooLarge | RateNegative | RateTooHigh | MonthsOutOfRange | FeeOutOfRange
            | NotInFen(_) | AmountNegative(_) | AmountTooLarge(_) | BufferOutOfRange | OutOfRange(_) => Self::Input,
        }
    }
}

impl From<&RateCheckError> for FigureReason {
    fn from(e: &RateCheckError) -> Self {
        match e {
            RateCheckError::Input(e) => e.into(),
            RateCheckError::Implausible => Self::RateCheckImplausible,
        }
    }
}

impl From<&PrepayError> for FigureReason {
    fn from(e: &PrepayError) -> Self {
        match e {
            PrepayError::Contract(e) | PrepayError::Amount { error: e, .. } | PrepayError::ExtraMonthly(e) => e.into(),
            PrepayError::MonthOutOfRange { .. } | PrepayError::FeePercentOutOfRange => Self::Input,
        }
    }
}

impl FigureError {
    /// The figure at `path` could not be computed: the engine's `code` and
    /// `message`, and the `reason` the page words (from the engine's error).
    pub fn new(path: String, code: &'static str, message: impl Into<String>, reason: impl Into<FigureReason>) -> Self {
        Self { path, code, message: message.into(), reason: reason.into() }
    }
}

/// A loan's payments, totals and schedule.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ScheduleOutput {
    #[serde(with = "decimal_str")]
    pub first_payment: Decimal,
    #[serde(with = "decimal_str")]
    pub last_payment: Decimal,
    #[serde(with = "decimal_str")]
    pub total_paid: Decimal,
    #[serde(with = "decimal_str")]
    pub total_interest: Decimal,
    pub schedule: Vec<Row>,
}

#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct PenaltyOutput {
    #[serde(with = "decimal_str")]
    pub multiplier: Decimal,
    pub compound: bool,
    pub base: PenaltyBase,
    /// True when the rule is the lender preset's typical one (check the contract).
    pub from_preset: bool,
}

/// Everything the results card shows, all computed (see [`LoanOutput::figures`]).
#[derive(Debug, Clone, PartialEq)]
pub struct FiguresOutput {
    pub first_payment: Decimal,
    pub last_payment: Decimal,
    pub total_paid: Decimal,
    pub total_interest: Decimal,
    /// True annualised rate by IRR, percent, 2 decimals.
    pub apr_nominal_percent: Decimal,
    pub apr_effective_percent: Decimal,
    pub schedule: Vec<Row>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct BudgetOutput {
    #[serde(with = "decimal_str")]
    pub income: Decimal,
    #[serde(with = "decimal_str")]
    pub expenses: Decimal,
    #[serde(with = "decimal_str")]
    pub other_obligations: Decimal,
    #[serde(with = "decimal_str")]
    pub buffer_percent: Decimal,
    #[serde(flatten)]
    pub figures: Option<BudgetFigures>,
    /// Each forecast month's surplus, when a forecast is given.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub forecast_surplus: Option<Vec<MoneyOut>>,
    /// Months after the 12th repeat the forecast (else they are the
    /// ordinary month: `disposable`).
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub forecast_repeats: bool,
    /// Why the budget is invalid, printed as its message ("buffer_percent:
    /// must be …"): kept as the error, not formatted on every evaluation
    /// (the page never shows it; no `core::fmt` in the main wasm for it).
    #[serde(skip_serializing_if = "Option::is_none", serialize_with = "as_message")]
    pub error: Option<EngineError>,
}

/// `e`'s message ([`EngineError`]'s `Display`), as `to_string` printed it.
fn as_message<S: serde::Serializer>(e: &Option<EngineError>, s: S) -> Result<S::Ok, S::Error> {
    match e {
        Some(e) => s.collect_str(e),
        None => s.serialize_none(),
    }
}

/// A money amount serialised as a string.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(transparent)]
pub struct MoneyOut(#[serde(with = "decimal_str")] pub Decimal);

fn rate_4dp(p: Decimal) -> Decimal {
    p.round_dp_with_strategy(4, rust_decimal::RoundingStrategy::MidpointAwayFromZero).normalize()
}

impl ScheduleOutput {
    fn of(schedule: &Schedule) -> Self {
        Self {
            first_payment: schedule.first_payment(),
            last_payment: schedule.last_payment(),
            total_paid: schedule.total_paid(),
            total_interest: schedule.total_interest(),
            schedule: schedule.rows.clone(),
        }
    }
}

impl FiguresOutput {
    fn of(s: &ScheduleOutput, apr: &Apr) -> Self {
        Self {
            first_payment: s.first_payment,
            last_payment: s.last_payment,
            total_paid: s.total_paid,
            total_interest: s.total_interest,
            apr_nominal_percent: percent_2dp(apr.nominal_percent),
            apr_effective_percent: percent_2dp(apr.effective_percent),
            schedule: s.schedule.clone(),
        }
    }
}

/// Each loan's share of the money, the combined plans, and every loan's
/// proposals ranked with the plans' picks first among equals.
/// `repeats`: the forecast's year repeats after the 12th month.
fn negotiate(analysed: &[(Debt, DebtAnalysis)], disposable: Decimal, surplus: Option<&[Decimal; 12]>, repeats: bool) -> (Vec<LoanShare>, Vec<Plan>, Vec<Proposal>) {
    let owed: Vec<Decimal> = analysed.iter().map(|(_, an)| an.owed_now).collect();
    let ids: Vec<&str> = analysed.iter().map(|(d, _)| d.id.as_str()).collect();
    let shares = loan_budgets(&ids, disposable, surplus, repeats, &owed);
    let money = Money { months: surplus.copied().unwrap_or([disposable; BUDGET_MONTHS]), later: disposable, repeats: repeats && surplus.is_some() };
    let mut cards: Vec<Vec<Proposal>> = analysed.iter().zip(&shares).map(|((debt, an), share)| proposals_for(debt, an, &share.budget())).collect();
    let budgets: Vec<crate::engine::LoanBudget> = shares.iter().map(LoanShare::budget).collect();
    let plans = plans(analysed, &money, &budgets, &cards);
    for (i, mine) in cards.iter_mut().enumerate() {
        for p in mine.iter_mut().filter(|p| p.figures.is_some()) {
            p.in_plans = plans.iter().filter(|plan| same_request(p, &plan.picks[i])).map(|plan| plan.goal).collect();
        }
        rank(mine);
    }
    // One vector appended after another: no `Flatten` adapter's code.
    let mut all = Vec::with_capacity(cards.iter().map(Vec::len).sum());
    for mut mine in cards {
        all.append(&mut mine);
    }
    (shares, plans, all)
}

/// A card asks what a plan's pick asks: the same kind, and for an
/// extension the same term, for a holiday the same length and way. Frozen
/// instalments and the waiver are one card each: the plan may size them
/// to the money it gives the loan.
fn same_request(card: &Proposal, pick: &Pick) -> bool {
    match (Ask::of(card.kind, &card.params), Ask::of(pick.kind, &pick.params)) {
        (Some(Ask::Frozen { .. }), Some(Ask::Frozen { .. })) | (Some(Ask::Waiver { .. }), Some(Ask::Waiver { .. })) => true,
        (a, b) => a.is_some() && a == b,
    }
}

/// Every loan's output, and the analysis of each one the engine could
/// analyse with its index in the document.
fn analyse_loans(s: &Scenario, today: Option<Date>) -> (Vec<LoanOutput>, Analysed) {
    let mut analysed = Analysed::default();
    let mut loans = Vec::with_capacity(s.loans.len());
    for (i, entry) in s.loans.iter().enumerate() {
        let (output, analysis) = loan_output(i, entry, s, today);
        loans.push(output);
        if let Some(debt) = analysis {
            analysed.index.push(i);
            analysed.debts.push(debt);
        }
    }
    (loans, analysed)
}

/// The debts the engine could analyse, in document order, each with its
/// index among the document's loans: what the evaluation was computed
/// from, kept so the road and the kit (computed apart, only while their
/// sections are open) need not analyse the loans again.
#[derive(Debug, Clone, Default)]
pub struct Analysed {
    pub index: Vec<usize>,
    pub debts: Vec<(Debt, DebtAnalysis)>,
}

impl Analysed {
    fn with_index(&self) -> Vec<(usize, &Debt, &DebtAnalysis)> {
        self.index.iter().zip(&self.debts).map(|(i, (d, an))| (*i, d, an)).collect()
    }
}

/// The road to debt-free of `s` (see [`super::road`]), from its analysed
/// debts; what the road section shows. Each loan's part of it that fails
/// comes with the loan's index (the full evaluation adds it to the loan's
/// `errors`).
pub fn road_on(s: &Scenario, analysed: &Analysed) -> (Road, Vec<(usize, FigureError)>) {
    let mut errors = Vec::new();
    let road = Road::of(s, &analysed.with_index(), &mut errors);
    (road, errors)
}

/// Loan `i`'s road figures (prepayments and the solver; see
/// [`super::road`]) and what could not be computed, from the document alone.
pub fn loan_road_on(s: &Scenario, i: usize) -> (LoanRoad, Vec<FigureError>) {
    let mut errors = Vec::new();
    let road = s.loans.get(i).map(|entry| LoanRoad::of(i, entry, &mut errors)).unwrap_or_default();
    (road, errors)
}

/// The negotiation kit's figures of `s` (see [`KitOutput`]), from its
/// analysed debts and the rest of its evaluation `ev` ([`Evaluation::core_on`]
/// or the full one: the kit reads neither the road nor itself).
pub fn kit_on(s: &Scenario, analysed: &Analysed, ev: &Evaluation) -> KitOutput {
    KitOutput::of(s, &analysed.debts, ev)
}

/// How to split the surplus of `ev`'s budget across lenders (with two or
/// more loans and a valid budget), from its analysed debts: the proposals
/// section's, computed there ([`Evaluation::core_on`] leaves it out).
pub fn allocation_on(analysed: &Analysed, ev: &Evaluation) -> Option<AllocationPlan> {
    let debts = &analysed.debts;
    ev.budget.figures.as_ref().filter(|_| debts.len() >= 2).map(|f| {
        let debts: Vec<AllocationDebt> = debts.iter().map(|(debt, an)| AllocationDebt::of(debt, an)).collect();
        allocate(&debts, f.disposable)
    })
}

/// The budget against everything due in each of the next 12 months
/// (arrears and balloons included), and each forecast month's surplus.
fn budget_of(s: &Scenario, analysed: &[(Debt, DebtAnalysis)]) -> (BudgetOutput, Option<[Decimal; BUDGET_MONTHS]>) {
    let mut dues = [Decimal::ZERO; BUDGET_MONTHS];
    for (debt, an) in analysed {
        for (total, due) in dues.iter_mut().zip(debt.dues_by_month(an)) {
            *total += due;
        }
    }
    let b = s.budget;
    let budget = b.budget();
    let surplus = b.forecast.as_ref().map(|f| forecast_surplus(&budget, f));
    let (figures, error) = match budget.figures_by_month(&dues, surplus.as_ref()) {
        Ok(f) => (Some(f), None),
        Err(e) => (None, Some(e)),
    };
    let output = BudgetOutput {
        income: b.income,
        expenses: b.expenses,
        other_obligations: b.other_obligations,
        buffer_percent: b.buffer_percent,
        figures,
        forecast_surplus: surplus.map(|a| a.iter().map(|d| MoneyOut(*d)).collect()),
        forecast_repeats: b.forecast_repeats && surplus.is_some(),
        error,
    };
    (output, surplus)
}

/// Loan `i`'s output, and its analysis when its terms could be computed.
fn loan_output(i: usize, entry: &LoanEntry, s: &Scenario, today: Option<Date>) -> (LoanOutput, Option<(Debt, DebtAnalysis)>) {
    let at = |key: &str| format!("loans[{i}].{key}");
    let debt = entry.debt(s.day_count, s.as_of);
    let rule = debt.penalty;
    let rate = debt.loan.rate;
    let mut errors = Vec::new();
    let analysis = debt.analyse_on(today).map_err(|e| errors.push(FigureError::new(format!("loans[{i}]"), e.code(), e.message(), &e))).ok();
    let schedule = analysis.as_ref().map(|an| ScheduleOutput::of(&an.contract));
    let apr = analysis.as_ref().and_then(|an| match an.apr {
        Ok(apr) => Some(apr),
        Err(e) => {
            for key in ["apr_nominal_percent", "apr_effective_percent"] {
                errors.push(FigureError::new(at(key), e.code(), e.message(), &e));
            }
            None
        }
    });
    let rate_check = match (entry.app_payment, &analysis) {
        (Some(p), Some(an)) => rate_check(&debt.loan, &an.contract, p)
            .map_err(|e| errors.push(FigureError::new(at("rate_check"), e.code(), e.message(), &e)))
            .ok(),
        _ => None,
    };
    let output = LoanOutput {
        id: entry.id.clone(),
        lender: entry.lender,
        name: entry.name.trim().to_owned(),
        method: entry.method,
        months: entry.months,
        principal: entry.principal,
        daily_rate_percent: rate_4dp(rate.daily_percent()),
        monthly_rate_percent: rate_4dp(rate.monthly_percent()),
        annual_rate_percent: rate_4dp(rate.annual_percent()),
        first_due_date: analysis.as_ref().and_then(|an| an.dates.first),
        first_due_date_from: analysis.as_ref().and_then(|an| an.dates.source),
        figures: schedule.as_ref().zip(apr.as_ref()).map(|(s, a)| FiguresOutput::of(s, a)),
        schedule,
        apr_nominal_percent: apr.map(|a| percent_2dp(a.nominal_percent)),
        apr_effective_percent: apr.map(|a| percent_2dp(a.effective_percent)),
        penalty: PenaltyOutput { multiplier: rule.multiplier, compound: rule.compound, base: rule.base, from_preset: entry.penalty.is_none() },
        overdue_cost: analysis.as_ref().map(|an| an.overdue_cost.clone()),
        rate_check,
        road: LoanRoad::default(),
        errors,
    };
    (output, analysis.map(|an| (debt, an)))
}

impl Evaluation {
    /// Every figure of `s` from the document alone.
    pub fn of(s: &Scenario) -> Self {
        Self::on(s, None)
    }

    /// Every figure of `s`, `today` (the page's clock, never part of the
    /// document) dating loans the document gives no date for: each loan on
    /// its own with its road figures, the road to debt-free, the budget
    /// against everything due, each loan's share with the plans and
    /// proposals, the allocation, and last the kit, which reads the rest.
    /// [`Evaluation::core_on`] and the parts ([`loan_road_on`], [`road_on`],
    /// [`kit_on`]) put together, each loan's errors in the same order.
    pub fn on(s: &Scenario, today: Option<Date>) -> Self {
        let (mut ev, analysed) = Self::analysed_on(s, today);
        for (i, loan) in ev.loans.iter_mut().enumerate() {
            let (road, errors) = loan_road_on(s, i);
            loan.road = road;
            loan.errors.extend(errors);
        }
        let (road, errors) = road_on(s, &analysed);
        for (i, e) in errors {
            ev.loans[i].errors.push(e);
        }
        ev.road = road;
        ev.allocation = allocation_on(&analysed, &ev);
        ev.kit = kit_on(s, &analysed, &ev);
        ev
    }

    /// What the page shows on every change (issue 13): every figure of
    /// [`Evaluation::on`] but the road (`road` and each loan's `road` left
    /// empty, and their errors), the kit (`kit` left empty), which the
    /// road and kit sections compute while they are open, and the
    /// allocation (`allocation` left empty), which the proposals section
    /// computes (its code is fetched after the page answers).
    pub fn core_on(s: &Scenario, today: Option<Date>) -> Self {
        Self::analysed_on(s, today).0
    }

    /// [`Evaluation::core_on`], and the debts it analysed (for [`road_on`]
    /// and [`kit_on`]).
    pub fn analysed_on(s: &Scenario, today: Option<Date>) -> (Self, Analysed) {
        let (loans, analysed) = analyse_loans(s, today);
        let debts = &analysed.debts;
        let (budget, surplus) = budget_of(s, debts);
        let (loan_budgets, plans, proposals) = match &budget.figures {
            Some(f) => negotiate(debts, f.disposable, surplus.as_ref(), budget.forecast_repeats),
            None => Default::default(),
        };
        let ev = Self {
            version: s.version,
            day_count: s.day_count,
            dated: !debts.is_empty() && debts.iter().all(|(_, an)| an.dates.first.is_some()),
            loans,
            budget,
            loan_budgets,
            plans,
            proposals,
            allocation: None,
            road: Road::default(),
            kit: KitOutput::default(),
        };
        (ev, analysed)
    }

    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).unwrap_or_default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A budget the engine refuses prints its message, as the formatted
    /// string it was before the error was kept as is.
    #[test]
    fn an_invalid_budget_prints_its_message() {
        let mut s = Scenario::example();
        s.budget.buffer_percent = Decimal::from(150);
        let ev = Evaluation::core_on(&s, None);
        assert_eq!(ev.budget.error, Some(EngineError::BufferOutOfRange));
        let v: serde_json::Value = serde_json::from_str(&ev.to_json()).unwrap();
        assert_eq!(v["budget"]["error"], "buffer_percent: must be a percentage from 0 to 100");
        assert!(ev.plans.is_empty() && ev.proposals.is_empty());
        let ok: serde_json::Value = serde_json::from_str(&Evaluation::core_on(&Scenario::example(), None).to_json()).unwrap();
        assert!(ok["budget"].get("error").is_none());
    }
}

impl LoanOutput {
    /// The instalments `days` overdue stand for — one for each 30 days
    /// begun, at most the schedule's — with their principal and interest:
    /// what the page offers to fill in when days overdue came without the
    /// amounts (review w14 R16). An estimate from the contract's schedule as
    /// it stands, its first rows; the lender's app has the exact amounts.
    pub fn missed_instalments(&self, days: u32) -> Option<(u32, Decimal, Decimal)> {
        let rows = &self.schedule.as_ref()?.schedule;
        let n = days.div_ceil(30).min(u32::try_from(rows.len()).ok()?);
        let missed = rows.get(..n as usize).filter(|m| !m.is_empty())?;
        Some((n, missed.iter().map(|r| r.principal).sum(), missed.iter().map(|r| r.interest).sum()))
    }
}
