//! The negotiation kit's figures: computed once, with the rest of the
//! evaluation, for the page and the letters to read (`kit` in the
//! evaluator's output, printed when the scenario uses a kit field).
//!
//! * Per loan the engine could analyse (scenario order): `principal_owed`
//!   (remaining + overdue principal), `arrears` (overdue principal +
//!   interest), `contract_total_paid` (arrears paid now plus the remaining
//!   schedule), the loan's `share` of the money for debts and, when it has
//!   one, its `ask`.
//! * `share`: `available` (its pro-rata part of the disposable amount, as
//!   the proposals use it; when nothing is disposable every loan sees the
//!   disposable amount itself), `forecast` (its part of each forecast
//!   month's surplus), and `least`/`most`, the least and most that part
//!   reaches in a month — a deficit month leaves the loan 0, never less.
//!   Absent while the budget is invalid.
//! * `ask`: the proposal asked for and the fallback, each as its index in
//!   `proposals` — or, when no card asks it, the combined `plan` whose pick
//!   it is — and its `parts`: a holiday's, a catch-up's or a deferral's
//!   first months, then the rest; each part's `months`, the date it `starts` (the first
//!   payment date plus the months before it), `level` (the amount of every
//!   instalment but the part's last, when they are all alike), `last`, and
//!   `least`/`most`. A hold (no proposal of the evaluation) has neither
//!   index nor plan, and one part: its months of the token payment
//!   ([`crate::engine::allocation::TOKEN_PAYMENT`]). An ask the evaluation no longer offers (an edit made
//!   its kind or months disappear) is never replaced by another: it has a
//!   `finding` at its field instead (see [`AskReason`]).
//! * `total_owed` and `total_contract_payments`: the amounts owed now and
//!   the contract instalments due next, summed over those loans.
//! * `months`: the least and most net income and amount available for
//!   debts over the forecast's months (the flat budget's otherwise).
//! * `contact_log`: for each entry, in the log's order, the conduct rules it
//!   breaks and whether its follow-up is due on `as_of` ([`super::conduct`]).

use super::conduct::{review_log, EntryReview};
use super::ProposalChoice;
use crate::engine::{decimal_str, Ask, Date, Debt, DebtAnalysis, Goal, Infeasible, Lender, LoanBudget, Proposal, ProposalKind, Row};
use crate::scenario::evaluate::MoneyOut;
use crate::scenario::{At, Evaluation, Field, LoanEntry, Scenario};
use rust_decimal::Decimal;
use serde::{Serialize, Serializer};

#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct KitOutput {
    /// The scenario uses a kit field (else the evaluator leaves `kit` out).
    #[serde(skip)]
    pub used: bool,
    pub loans: Vec<KitLoan>,
    #[serde(with = "decimal_str")]
    pub total_owed: Decimal,
    #[serde(with = "decimal_str")]
    pub total_contract_payments: Decimal,
    /// Absent while the budget is invalid.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub months: Option<MonthRange>,
    pub contact_log: Vec<EntryReview>,
}

/// One analysed loan's kit figures.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct KitLoan {
    pub id: String,
    #[serde(with = "decimal_str")]
    pub principal_owed: Decimal,
    #[serde(with = "decimal_str")]
    pub arrears: Decimal,
    #[serde(with = "decimal_str")]
    pub contract_total_paid: Decimal,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub share: Option<Share>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub ask: Option<AskOutput>,
}

/// A loan's part of the money for debts.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Share {
    #[serde(with = "decimal_str")]
    pub available: Decimal,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub forecast: Option<Vec<MoneyOut>>,
    /// Months after the 12th repeat `forecast` (else they have `available`).
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub repeats: bool,
    #[serde(with = "decimal_str")]
    pub least: Decimal,
    #[serde(with = "decimal_str")]
    pub most: Decimal,
}

impl Share {
    fn of(b: &LoanBudget) -> Self {
        let months = b.forecast.map_or_else(|| vec![b.available], |f| f.to_vec());
        let (least, most) = bounds(&months);
        Self {
            available: b.available,
            forecast: b.forecast.map(|f| f.iter().map(|d| MoneyOut(*d)).collect()),
            repeats: b.later_varies(),
            least: least.max(Decimal::ZERO),
            most: most.max(Decimal::ZERO),
        }
    }

    /// The budget the proposals used.
    pub fn budget(&self) -> LoanBudget {
        let forecast = self.forecast.as_ref().and_then(|f| <[MoneyOut; 12]>::try_from(f.as_slice()).ok()).map(|f| f.map(|m| m.0));
        LoanBudget { available: self.available, forecast, repeats: self.repeats }
    }
}

/// The least and most of the budget's months.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct MonthRange {
    #[serde(with = "decimal_str")]
    pub income_least: Decimal,
    #[serde(with = "decimal_str")]
    pub income_most: Decimal,
    #[serde(with = "decimal_str")]
    pub available_least: Decimal,
    #[serde(with = "decimal_str")]
    pub available_most: Decimal,
}

/// What became of a loan's ask.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct AskOutput {
    pub first_payment_date: Option<Date>,
    /// The proposal asked for, when the evaluation offers it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub asked: Option<AskedPlan>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub fallback: Option<AskedPlan>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub findings: Vec<AskFinding>,
}

/// A proposal asked for: where it is in the evaluation, and its parts.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct AskedPlan {
    /// Its index in the evaluation's `proposals` (0-based), when a card asks it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub proposal: Option<usize>,
    /// Else the combined plan whose pick it is (`acceptance` first).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub plan: Option<Goal>,
    /// That pick with a card's figures ([`crate::engine::Ask::proposal`]):
    /// what the letters print, printed for checking.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub pick: Option<Box<Proposal>>,
    pub parts: Vec<PlanPart>,
}

impl AskedPlan {
    /// The proposal asked for, among the evaluation's `proposals`.
    pub fn proposal<'a>(&'a self, proposals: &'a [Proposal]) -> Option<&'a Proposal> {
        self.pick.as_deref().or_else(|| proposals.get(self.proposal?))
    }
}

/// Consecutive instalments of an asked plan (see the module docs).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct PlanPart {
    pub months: u32,
    pub starts: Option<Date>,
    #[serde(with = "decimal_str::option")]
    pub level: Option<Decimal>,
    #[serde(with = "decimal_str")]
    pub last: Decimal,
    #[serde(with = "decimal_str")]
    pub least: Decimal,
    #[serde(with = "decimal_str")]
    pub most: Decimal,
}

/// An ask (or its fallback) the evaluation no longer offers, at its field:
/// `loans[i].ask.kind`, `.months` or `.holiday_maturity` (and the same
/// under `.fallback`). The document stays valid; the page says it at the
/// field and the letters leave the ask blank.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AskFinding {
    pub at: At,
    pub reason: AskReason,
}

/// Why an ask is not offered (serialised with its `reason` code).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "reason", rename_all = "snake_case")]
pub enum AskReason {
    /// The evaluation lists no proposal of this kind for the loan (a
    /// settlement without a lump sum, a penalty waiver without arrears).
    NotListed,
    /// It is listed but cannot work; the engine's reason.
    Infeasible { why: Infeasible },
    /// This kind is offered with other months only (those listed).
    MonthsNotOffered { offered: Vec<u32> },
    /// No holiday of this mode and maturity is listed (keeping the maturity
    /// needs a month after the holiday).
    HolidayNotOffered,
}

impl Serialize for AskFinding {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        #[derive(Serialize)]
        struct Out<'a> {
            path: String,
            #[serde(flatten)]
            reason: &'a AskReason,
        }
        Out { path: self.at.path(), reason: &self.reason }.serialize(s)
    }
}

/// The least and most of `values` (0 and 0 for none).
pub fn bounds(values: &[Decimal]) -> (Decimal, Decimal) {
    let least = values.iter().copied().min().unwrap_or_default();
    let most = values.iter().copied().max().unwrap_or_default();
    (least, most)
}

/// The members of a choice a finding can be at: kind, months, maturity.
const ASK_FIELDS: [Field; 3] = [Field::AskKind, Field::AskMonths, Field::AskHolidayMaturity];
const FALLBACK_FIELDS: [Field; 3] = [Field::FallbackKind, Field::FallbackMonths, Field::FallbackHolidayMaturity];

/// The workable proposal `choice` names among one loan's (with their
/// indices), or why there is none: `Err((member, reason))`, the member an
/// index into [`ASK_FIELDS`].
fn resolve(choice: &ProposalChoice, proposals: &[(usize, &Proposal)]) -> Result<usize, (usize, AskReason)> {
    let of_kind: Vec<&(usize, &Proposal)> = proposals.iter().filter(|(_, p)| p.kind == choice.kind).collect();
    if of_kind.is_empty() {
        return Err((0, AskReason::NotListed));
    }
    if let Some((i, _)) = of_kind.iter().find(|(_, p)| p.figures.is_some() && choice.matches(p)) {
        return Ok(*i);
    }
    let alike: Vec<&Proposal> = of_kind.iter().map(|(_, p)| *p).filter(|p| choice.alike(p)).collect();
    if alike.is_empty() {
        return Err((2, AskReason::HolidayNotOffered));
    }
    let offered: Vec<u32> = alike.iter().filter(|p| p.figures.is_some()).filter_map(|p| ProposalChoice::months_of(p)).collect();
    if choice.months.is_some() && !offered.is_empty() {
        return Err((1, AskReason::MonthsNotOffered { offered }));
    }
    // Nothing of this kind works: the engine's reason for the one meant.
    let meant = alike.iter().find(|p| choice.matches(p)).or(alike.first());
    match meant.and_then(|p| p.infeasible) {
        Some(why) => Err((0, AskReason::Infeasible { why })),
        None => Err((1, AskReason::MonthsNotOffered { offered })),
    }
}

/// The instalments of `rows` from the date `starts`.
fn part(rows: &[Row], starts: Option<Date>) -> Option<PlanPart> {
    let (last, body) = rows.split_last()?;
    let first = body.first().unwrap_or(last).payment;
    let pays: Vec<Decimal> = rows.iter().map(|r| r.payment).collect();
    let (least, most) = bounds(&pays);
    Some(PlanPart {
        months: rows.len().try_into().unwrap_or(u32::MAX),
        starts,
        level: body.iter().all(|r| r.payment == first).then_some(first),
        last: last.payment,
        least,
        most,
    })
}

/// A holiday's, a catch-up's or a deferral's first months, then the rest.
fn parts(p: &Proposal, first: Option<Date>) -> Vec<PlanPart> {
    let Some(f) = &p.figures else { return Vec::new() };
    let head = match p.kind {
        ProposalKind::PaymentHoliday => p.params.holiday_months,
        ProposalKind::PenaltyWaiver => p.params.catch_up_months,
        ProposalKind::FrozenInstalments => p.params.deferred_months.filter(|d| *d > 0),
        _ => None,
    };
    let split = head.map_or(0, |h| h as usize).min(f.schedule.len());
    let (head, tail) = f.schedule.split_at(split);
    let tail_start = first.and_then(|d| d.add_months(i32::try_from(split).ok()?));
    part(head, first).into_iter().chain(part(tail, if split == 0 { first } else { tail_start })).collect()
}

/// A hold's one part: the token payment each month it asks for.
fn hold_part(choice: &ProposalChoice, starts: Option<Date>) -> PlanPart {
    let token = crate::engine::allocation::TOKEN_PAYMENT;
    PlanPart { months: choice.hold_months(), starts, level: Some(token), last: token, least: token, most: token }
}

/// A combined plan's pick of one loan that `choice` names, built as a
/// proposal, when no card asks it.
type PickOf<'a> = dyn Fn(&ProposalChoice) -> Option<(Goal, Proposal)> + 'a;

/// The pick of analysed debt `k` that `choice` names in the first plan
/// that has one, with a card's figures against the loan's share.
fn pick_of(k: usize, (debt, an): &(Debt, DebtAnalysis), ev: &Evaluation, choice: &ProposalChoice) -> Option<(Goal, Proposal)> {
    let budget = ev.loan_budgets.get(k)?.budget();
    ev.plans.iter().find_map(|plan| {
        let pick = plan.picks.get(k).filter(|p| p.loan_id == debt.id && choice.names_pick(p))?;
        Some((plan.goal, Ask::of(pick.kind, &pick.params)?.proposal(debt, an, &budget)))
    })
}

/// What became of loan `i`'s ask: each choice is a card's or else a plan's
/// pick (`pick_of`), or a finding at its field.
fn ask_output(i: usize, entry: &LoanEntry, proposals: &[Proposal], pick_of: &PickOf) -> Option<AskOutput> {
    let ask = entry.ask?;
    let mine: Vec<(usize, &Proposal)> = proposals.iter().enumerate().filter(|(_, p)| p.loan_id == entry.id).collect();
    let mut findings = Vec::new();
    let first = ask.first_payment_date;
    let mut plan = |choice: &ProposalChoice, fields: [Field; 3]| match resolve(choice, &mine) {
        _ if choice.kind == ProposalKind::Hold => Some(AskedPlan { proposal: None, plan: None, pick: None, parts: vec![hold_part(choice, first)] }),
        Ok(k) => Some(AskedPlan { proposal: Some(k), plan: None, pick: None, parts: parts(&proposals[k], first) }),
        Err((member, reason)) => match pick_of(choice) {
            Some((goal, p)) => Some(AskedPlan { proposal: None, plan: Some(goal), parts: parts(&p, first), pick: Some(Box::new(p)) }),
            None => {
                findings.push(AskFinding { at: fields[member].at(i), reason });
                None
            }
        },
    };
    let asked = plan(&ask.choice, ASK_FIELDS);
    let fallback = ask.fallback.and_then(|f| plan(&f, FALLBACK_FIELDS));
    Some(AskOutput { first_payment_date: ask.first_payment_date, asked, fallback, findings })
}

/// Whether the scenario uses a kit field.
fn uses_kit(s: &Scenario) -> bool {
    !s.profile.is_empty()
        || s.hardship.is_some()
        || !s.contact_log.is_empty()
        || s.budget.expense_items.is_some()
        || s.loans.iter().any(|l| !l.contract_no.is_empty() || l.ask.is_some())
}

/// Who calls about a loan: the online lenders by name (two loans of one
/// count together), any other loan on its own.
fn creditor(s: &Scenario, loan_id: &str) -> String {
    match s.loans.iter().find(|l| l.id == loan_id).map(|l| l.lender) {
        Some(l @ (Lender::Mybank | Lender::Jiebei | Lender::Weilidai)) => format!("#{}", l as u8),
        _ => loan_id.to_owned(),
    }
}

/// The conduct review of `s`'s contact log, follow-ups due by the
/// scenario's `as_of` — the date the whole evaluation is made on — and only
/// without one by `today` (the page passes the browser's date).
pub fn review(s: &Scenario, today: Option<Date>) -> Vec<EntryReview> {
    review_log(&s.contact_log, s.as_of.or(today), &|id: &str| creditor(s, id))
}

impl KitOutput {
    /// The kit's figures of `s`: `analysed` are the debts the engine could
    /// analyse, `ev` the rest of the evaluation (its `loan_budgets` are their
    /// shares, empty while the budget is invalid).
    pub fn of(s: &Scenario, analysed: &[(Debt, DebtAnalysis)], ev: &Evaluation) -> Self {
        let (loan_outputs, budget, proposals) = (&ev.loans, &ev.budget, &ev.proposals);
        let mut kit_loans = Vec::with_capacity(analysed.len());
        let (mut total_owed, mut total_contract) = (Decimal::ZERO, Decimal::ZERO);
        for (k, (debt, an)) in analysed.iter().enumerate() {
            let Some(i) = s.loans.iter().position(|l| l.id == debt.id) else { continue };
            total_owed += an.owed_now;
            total_contract += loan_outputs[i].schedule.as_ref().map_or(Decimal::ZERO, |sc| sc.first_payment);
            kit_loans.push(KitLoan {
                id: debt.id.clone(),
                principal_owed: an.principal_owed,
                arrears: debt.overdue.amount(),
                contract_total_paid: an.contract_total_paid,
                share: ev.loan_budgets.get(k).map(|b| Share::of(&b.budget())),
                ask: ask_output(i, &s.loans[i], proposals, &|c| pick_of(k, &analysed[k], ev, c)),
            });
        }
        let months = budget.figures.as_ref().map(|f| {
            let incomes = s.budget.forecast.map_or_else(|| vec![s.budget.income], |f| f.to_vec());
            let available: Vec<Decimal> = budget.forecast_surplus.as_ref().map_or_else(|| vec![f.disposable], |m| m.iter().map(|m| m.0).collect());
            let ((income_least, income_most), (available_least, available_most)) = (bounds(&incomes), bounds(&available));
            MonthRange { income_least, income_most, available_least, available_most }
        });
        Self {
            used: uses_kit(s),
            loans: kit_loans,
            total_owed,
            total_contract_payments: total_contract,
            months,
            contact_log: review(s, s.as_of),
        }
    }

    /// Whether the evaluator leaves `kit` out.
    pub fn unused(&self) -> bool {
        !self.used
    }

    /// The kit's figures of loan `id`.
    pub fn loan(&self, id: &str) -> Option<&KitLoan> {
        self.loans.iter().find(|l| l.id == id)
    }
}
