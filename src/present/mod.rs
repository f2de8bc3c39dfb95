//! Presentation decisions, made once and tested natively: which payment is
//! a loan's headline, whether a plan's payment is level or a range, how a
//! loan is titled, a proposal's identity on the page, which two proposals
//! are compared, the codes the page's attributes carry, the budget's
//! verdict. The todomvc habit — logic on plain types, the views only ask —
//! so `crate::ui` does no arithmetic. No words here (`crate::i18n`), no DOM
//! (`crate::ui`).

pub mod card;
pub mod road;

pub use card::{loan_cards, proposal_rows, CardProposal};

use crate::engine::allocation::{Allocation, Strategy};
use crate::engine::proposal::Figures;
use crate::engine::plan::{Failing, Through};
use crate::engine::{BudgetFigures, Date, DateSource, Goal, HolidayMode, Lender, Method, OverdueCost, Plan, Proposal, ProposalKind, QuotedRate, RateUnit};
use crate::engine::overdue::HorizonCost;
use crate::scenario::evaluate::{FiguresOutput, ScheduleOutput};
use crate::scenario::Evaluation;
use rust_decimal::Decimal;

/// What a payment figure is called.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PaymentLabel {
    /// Every month alike (等额本息).
    Monthly,
    /// The first and largest (等额本金).
    First,
    /// The last and smallest (等额本金).
    Last,
    /// Everything at maturity (到期一次; 先息后本's last).
    Final,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Payment {
    pub label: PaymentLabel,
    pub amount: Decimal,
}

/// A loan's payment figures: the headline and, where instalments are not
/// all alike, a second one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LoanPayments {
    pub headline: Payment,
    pub second: Option<Payment>,
}

impl LoanPayments {
    pub fn of(method: Method, f: &FiguresOutput) -> Self {
        Self::of_payments(method, f.first_payment, f.last_payment, f.schedule.len())
    }

    /// From the contract schedule alone (the APR may have failed).
    pub fn of_schedule(method: Method, s: &ScheduleOutput) -> Self {
        Self::of_payments(method, s.first_payment, s.last_payment, s.schedule.len())
    }

    fn of_payments(method: Method, first: Decimal, last: Decimal, rows: usize) -> Self {
        let label = match method {
            Method::EqualPrincipal => PaymentLabel::First,
            Method::Bullet => PaymentLabel::Final,
            Method::EqualInstallment | Method::InterestOnly => PaymentLabel::Monthly,
        };
        // Nothing due before maturity (到期一次 over several months): the
        // payment that matters is the last.
        let amount = if rows > 1 && first.is_zero() { last } else { first };
        let second = match method {
            Method::EqualPrincipal => Some(PaymentLabel::Last),
            Method::InterestOnly => Some(PaymentLabel::Final),
            Method::EqualInstallment | Method::Bullet => None,
        };
        Self { headline: Payment { label, amount }, second: second.map(|label| Payment { label, amount: last }) }
    }
}

/// A loan as the page titles it: "借款 2 · 借呗", or with the name the
/// borrower gave it "借款 3 · 广发银行信用卡中心" — three cards must not all
/// read "信用卡" where she picks an ask or logs a call (review w15 R2).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LoanTitle {
    /// 1-based position in the scenario.
    pub number: usize,
    pub lender: Lender,
    /// The borrower's label, trimmed; empty when none.
    pub name: String,
}

impl LoanTitle {
    /// The title of the loan at 0-based `index` with its lender and label.
    pub fn new(index: usize, lender: Lender, name: &str) -> Self {
        Self { number: index + 1, lender, name: name.trim().to_owned() }
    }

    /// The title of loan `id` in an evaluation.
    pub fn of(e: &Evaluation, id: &str) -> Option<Self> {
        let i = e.loans.iter().position(|l| l.id == id)?;
        Some(Self::new(i, e.loans[i].lender, &e.loans[i].name))
    }

    /// The title of the loan at `index`, when there are several to tell apart.
    pub fn among(e: &Evaluation, index: usize) -> Option<Self> {
        let l = e.loans.get(index).filter(|_| e.loans.len() > 1)?;
        Some(Self::new(index, l.lender, &l.name))
    }
}

/// One loan's part of a combined plan, as the summary says it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PickLine {
    pub lender: Lender,
    /// The borrower's label for the loan, said instead of the lender's kind
    /// when given (review w15 R2); empty when none.
    pub name: String,
    pub kind: ProposalKind,
    /// What is paid each month once payments start (after `paused_months`).
    pub payment: PlanPayment,
    pub months: u32,
    /// Months at the start with nothing to pay (a holiday, a deferral): said
    /// apart, so a pause never reads as "¥0.00 – ¥X a month".
    pub paused_months: u32,
    /// Its balance rises in some months (said beside the request).
    pub balance_rises: bool,
}

impl PickLine {
    fn of(p: &crate::engine::plan::Pick, e: &Evaluation) -> Self {
        let paused = p.schedule.iter().take_while(|r| r.payment.is_zero()).count();
        let paying = p.schedule.get(paused..).unwrap_or_default().iter().map(|r| r.payment);
        let (lo, hi) = paying.fold((p.max_payment, p.min_payment), |(lo, hi), x| (lo.min(x), hi.max(x)));
        let loan = e.loans.iter().find(|l| l.id == p.loan_id);
        Self {
            lender: loan.map_or(Lender::Other, |l| l.lender),
            name: loan.map(|l| l.name.clone()).unwrap_or_default(),
            kind: p.kind,
            payment: if p.level || hi - lo <= Decimal::ONE { PlanPayment::Level(p.monthly_payment) } else { PlanPayment::Range(lo, hi) },
            months: p.months,
            paused_months: u32::try_from(paused).unwrap_or(u32::MAX),
            balance_rises: p.balance_rises,
        }
    }
}

/// A combined plan across lenders as the summary shows it: each lender's
/// monthly amount, from when, and whether every month fits or which do not.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlanLine {
    pub goal: Goal,
    pub fits: bool,
    pub picks: Vec<PickLine>,
    /// The first payment date of the plan, when dates are known.
    pub from: Option<Date>,
    /// The lenders' first payments fall on different dates: `from` is the
    /// earliest only (each letter names its lender's own).
    pub each: bool,
    pub failing: Vec<Failing>,
    /// Both goals' plans ask every lender the same: this one box stands
    /// for both (review F11: the same plan twice, two buttons, read as two
    /// choices).
    pub both: bool,
    /// Some loan's first date is estimated (today or the file's date plus
    /// the days to its next instalment), not its contract's next due date:
    /// the summary says so (review w14 R5).
    pub estimated: bool,
}

impl PlanLine {
    pub fn of(plan: &Plan, e: &Evaluation) -> Self {
        let picks = plan.picks.iter().map(|p| PickLine::of(p, e)).collect();
        let dates = plan.picks.iter().filter_map(|p| p.first_payment_date);
        let (from, last) = (dates.clone().min(), dates.max());
        let estimated = plan.picks.iter().any(|p| {
            let source = e.loans.iter().find(|l| l.id == p.loan_id).and_then(|l| l.first_due_date_from);
            source.is_some_and(|s| s != DateSource::NextDueDate)
        });
        Self { goal: plan.goal, fits: plan.fits, picks, from, each: from != last, failing: equal_runs(&plan.failing), both: false, estimated }
    }

    /// The plans of an evaluation, in its order (acceptance, lowest cost);
    /// one, marked `both`, when the two ask every lender the same.
    pub fn all(e: &Evaluation) -> Vec<Self> {
        if let [a, b] = e.plans.as_slice() {
            if a.picks == b.picks {
                return vec![Self { both: true, ..Self::of(a, e) }];
            }
        }
        e.plans.iter().map(|p| Self::of(p, e)).collect()
    }
}

/// The failing months as the summary lists them: a run of consecutive
/// months with the same money (第 5–11 月, each due ¥X with ¥Y available)
/// is one line, as the engine already gives the later months (review w14
/// R2: seven identical lines at 375 px). The evaluator's plan keeps every
/// month; only the page's list is shorter.
pub fn equal_runs(failing: &[Failing]) -> Vec<Failing> {
    let mut out: Vec<Failing> = Vec::with_capacity(failing.len());
    // Whether `out`'s last line is a single month or a run made here (a run
    // the engine made, "up to" over the later months, takes nothing in).
    let mut open = false;
    for f in failing {
        if let Some(run) = out.last_mut().filter(|_| open && f.through.is_none()) {
            let (last, count) = run.through.map_or((run.month, 1), |t| (t.month, t.count));
            if f.month == last + 1 && (f.due, f.available, f.short) == (run.due, run.available, run.short) {
                run.through = Some(Through { month: f.month, date: f.date, count: count + 1 });
                continue;
            }
        }
        open = f.through.is_none();
        out.push(f.clone());
    }
    out
}

/// The loans that still hold the example's figures exactly: a new draft
/// starts from the example, and a borrower who adds his own loans would
/// keep it in every total (review w14 S4).
pub fn example_loans(s: &crate::scenario::Scenario) -> Vec<LoanTitle> {
    let example = crate::scenario::Scenario::example();
    let mut out = Vec::new();
    for (i, l) in s.loans.iter().enumerate() {
        if example.loans.contains(l) {
            out.push(LoanTitle::new(i, l.lender, &l.name));
        }
    }
    out
}

impl Code for Goal {
    fn code(&self) -> &'static str {
        match self {
            Self::Acceptance => "acceptance",
            Self::LowestCost => "lowest_cost",
        }
    }
}

/// What the borrower can pay a month: the flat amount, or the range
/// across the forecast months when there is a forecast.
pub fn can_pay(e: &Evaluation) -> Option<PlanPayment> {
    // A month in deficit has nothing to pay with: ¥0, not a negative payment.
    let flat = e.budget.figures.as_ref()?.disposable.max(Decimal::ZERO);
    let months = e.budget.forecast_surplus.as_ref().filter(|m| !m.is_empty());
    Some(match months {
        Some(m) => {
            let lo = m.iter().map(|x| x.0.max(Decimal::ZERO)).min().unwrap_or(flat);
            let hi = m.iter().map(|x| x.0.max(Decimal::ZERO)).max().unwrap_or(flat);
            if hi - lo <= Decimal::ONE {
                PlanPayment::Level(lo)
            } else {
                PlanPayment::Range(lo, hi)
            }
        }
        None => PlanPayment::Level(flat),
    })
}

/// What 30 more days of waiting add across the loans already behind (new
/// penalty and interest falling due, issue 7), and how much of it is new
/// penalty: the rest is contract interest, owed whether one waits or not
/// (review F8).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Waiting {
    pub adds: Decimal,
    pub penalty: Decimal,
}

/// [`Waiting`] of the loans already behind; `None` when no loan is.
pub fn waiting_cost(e: &Evaluation) -> Option<Waiting> {
    let mut behind = e
        .loans
        .iter()
        .filter_map(|l| l.overdue_cost.as_ref().filter(|c| c.days_overdue > 0))
        .filter_map(in_30_days)
        .peekable();
    behind.peek()?;
    let none = Waiting { adds: Decimal::ZERO, penalty: Decimal::ZERO };
    Some(behind.fold(none, |w, h| Waiting { adds: w.adds + h.increase, penalty: w.penalty + h.penalty_since_today }))
}

/// One loan's figures 30 days from today, when the evaluator gave them.
fn in_30_days(cost: &OverdueCost) -> Option<&HorizonCost> {
    cost.horizons.iter().find(|h| h.days == 30)
}

/// What 30 more days add to one loan's debt from today; `None` when the
/// evaluator gave no 30-day horizon.
pub fn adds_in_30_days(cost: &OverdueCost) -> Option<Decimal> {
    in_30_days(cost).map(|h| h.increase)
}

/// A loan folded to one line: its balance, rate, term, and days overdue.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LoanLine {
    pub principal: Decimal,
    pub rate: Decimal,
    pub unit: RateUnit,
    pub months: u32,
    pub days_overdue: u32,
}

impl LoanLine {
    pub fn of(l: &crate::scenario::LoanEntry) -> Self {
        Self {
            principal: l.principal,
            rate: l.rate.value,
            unit: l.rate.unit,
            months: l.months,
            days_overdue: l.overdue.as_ref().map_or(0, |o| o.days),
        }
    }
}

/// What a plan asks each month.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PlanPayment {
    Level(Decimal),
    /// Instalments that really vary (seasonal plans): lowest to highest.
    Range(Decimal, Decimal),
}

impl PlanPayment {
    /// The last instalment absorbs the cents, so only a variation of more
    /// than ¥1 makes a range.
    pub fn of(f: &Figures) -> Self {
        if f.max_payment - f.min_payment <= Decimal::ONE {
            Self::Level(f.monthly_payment)
        } else {
            Self::Range(f.min_payment, f.max_payment)
        }
    }
}

/// A proposal's identity on the page: its loan, kind and what it asks, so
/// a comparison stays on the same plan while the figures are recomputed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProposalKey {
    loan_id: String,
    kind: ProposalKind,
    term_months: Option<u32>,
    holiday_months: Option<u32>,
    holiday_mode: Option<HolidayMode>,
}

impl ProposalKey {
    pub fn of(p: &Proposal) -> Self {
        Self {
            loan_id: p.loan_id.clone(),
            kind: p.kind,
            term_months: p.params.term_months,
            holiday_months: p.params.holiday_months,
            holiday_mode: p.params.holiday_mode,
        }
    }

    pub fn kind(&self) -> ProposalKind {
        self.kind
    }

    /// Whether `p` is the proposal this key names (`ProposalKey::of(p) == *self`,
    /// without building a key).
    pub fn names(&self, p: &Proposal) -> bool {
        self.loan_id == p.loan_id
            && self.kind == p.kind
            && self.term_months == p.params.term_months
            && self.holiday_months == p.params.holiday_months
            && self.holiday_mode == p.params.holiday_mode
    }
}

/// Keys the page's keyed lists. Equal keys hash alike: the loan, the kind
/// and the months are enough to spread them.
impl std::hash::Hash for ProposalKey {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        self.loan_id.hash(state);
        self.kind.code().hash(state);
        self.term_months.hash(state);
        self.holiday_months.hash(state);
    }
}

/// The (at most two) proposals ticked for comparison, oldest first.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Compared(Vec<ProposalKey>);

impl Compared {
    /// Ticks or unticks; a third tick replaces the oldest.
    pub fn toggle(&mut self, key: ProposalKey) {
        if let Some(i) = self.0.iter().position(|k| *k == key) {
            self.0.remove(i);
        } else {
            self.0.push(key);
            if self.0.len() > 2 {
                self.0.remove(0);
            }
        }
    }

    pub fn contains(&self, key: &ProposalKey) -> bool {
        self.0.contains(key)
    }

    /// The ticked proposals that still have figures, in ticking order.
    pub fn chosen<'a>(&self, proposals: &'a [Proposal]) -> Vec<&'a Proposal> {
        self.0
            .iter()
            .filter_map(|k| proposals.iter().find(|p| p.figures.is_some() && k.names(p)))
            .collect()
    }
}

/// The stable code a page attribute carries: the format's snake_case name.
pub trait Code {
    fn code(&self) -> &'static str;
}

impl Code for ProposalKind {
    fn code(&self) -> &'static str {
        match self {
            Self::TermExtension => "term_extension",
            Self::FrozenInstalments => "frozen_instalments",
            Self::PenaltyWaiver => "penalty_waiver",
            Self::PaymentHoliday => "payment_holiday",
            Self::Settlement => "settlement",
            Self::CashFlowPlan => "cash_flow_plan",
            Self::Contract => "contract",
            Self::Hold => "hold",
        }
    }
}

impl Code for Strategy {
    fn code(&self) -> &'static str {
        match self {
            Self::ProRata => "pro_rata",
            Self::Avalanche => "avalanche",
            Self::Snowball => "snowball",
        }
    }
}

/// The penalty a proposal asks the lender to waive, when it asks any.
pub fn penalty_waived(p: &Proposal) -> Option<Decimal> {
    Some(p.params.penalty_waived).filter(|w| !w.is_zero())
}

/// Whether a strategy's split says more than the contract minimums: it
/// cannot pay them all, or some loan gets more than its minimum. The fair
/// split is always shown; the others only when this holds.
pub fn split_adds_something(a: &Allocation) -> bool {
    !a.feasible || a.shares.iter().any(|s| !s.extra.is_zero())
}

/// Whether the payments fit the budget, and the room left or the shortfall.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Verdict {
    pub fits: bool,
    /// The tightest of the next 12 months: at least this much is left in every
    /// month when it fits; when not, the shortfall of the worst month (≥ 0) —
    /// not every month's (a seasonal forecast can leave one month short).
    pub amount: Decimal,
}

impl Verdict {
    pub fn of(b: &BudgetFigures) -> Self {
        Self { fits: b.fits, amount: b.margin.abs() }
    }
}

/// A quoted rate as a daily, monthly and annual percentage.
pub fn rate_forms(rate: &QuotedRate) -> [Decimal; 3] {
    [rate.daily_percent(), rate.monthly_percent(), rate.annual_percent()]
}

#[cfg(test)]
mod tests;
