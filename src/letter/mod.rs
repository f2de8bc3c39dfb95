//! The negotiation kit's documents, in Chinese and English, as plain UTF-8
//! text: the request to one lender (协商还款申请书), the financial statement
//! every lender receives (收支说明), three follow-up letters and the call kit.
//!
//! Pure: the documents are rendered from a [`LetterInput`] that holds the
//! borrower's facts (the scenario's kit fields) and the figures the
//! evaluation computed (its `kit` part among them); nothing here computes a
//! figure, and every amount, date and percentage goes through the `i18n`
//! formatters. `examples/letter` prints them for a scenario file. The texts are data
//! (`template.rs`): one structure of lines with named slots (`{owed}`) and
//! conditions, each line in both languages, and one renderer (`render.rs`).
//! Each language's texts are one [`Words`] (with the kit's own words): the
//! page fetches the reader's alone (`ui::kit`) and renders with it
//! ([`LetterInput::render_in`]); `render(…, lang, …)` picks them by language.
//!
//! What the letters say follows DOMAIN.md ("What a request and a statement
//! contain"): they ask for a 个性化还款方案 (never "停息挂账"), promise no
//! outcome, cite only what DOMAIN.md verifies (the collection-conduct
//! guideline and the regulator's hotline 12378), and leave a clear blank
//! (`________`) wherever a fact is missing, so a sentence never breaks.

mod build;
mod render;
mod template;

pub use build::{build, build_with, offer_basis, offer_basis_with};
pub use template::{Words, WORDS_EN, WORDS_ZH};

use crate::engine::counter_offer::OfferBasis;
use crate::engine::proposal::{Figures, Params};
use crate::engine::{Date, Lender, Overdue, Proposal, ProposalKind};
use crate::i18n::Lang;
use crate::scenario::kit::figures::{MonthRange, PlanPart, Share};
use crate::scenario::kit::{ContactEntry, ExpenseItems, Hardship, Profile};
use rust_decimal::Decimal;

/// What a missing fact prints as: a line to fill in by hand.
pub const BLANK: &str = "________";
/// The follow-up letters cite at most this many contacts (the latest).
pub const LOG_LINES_SHOWN: usize = 8;

/// Everything the documents are rendered from.
#[derive(Debug, Clone, PartialEq)]
pub struct LetterInput {
    /// The date the documents carry (today, on the page); blank when unknown.
    pub date: Option<Date>,
    pub profile: Profile,
    pub hardship: Option<Hardship>,
    pub statement: Statement,
    /// Every debt, in scenario order: the statement lists them all.
    pub accounts: Vec<Account>,
    /// The amounts owed now and the contract instalments, over every debt.
    pub total_owed: Decimal,
    pub total_contract: Decimal,
}

/// The monthly income and expenses every lender sees.
#[derive(Debug, Clone, PartialEq)]
pub struct Statement {
    pub income: Decimal,
    pub forecast: Option<Forecast>,
    /// Essential expenses (the sum of `expense_items` when they are given).
    pub expenses: Decimal,
    pub expense_items: Option<ExpenseItems>,
    pub other_obligations: Decimal,
    pub buffer_percent: Decimal,
    pub buffer: Decimal,
    /// Income − expenses − other obligations − buffer.
    pub available: Decimal,
    /// The least and most income and amount available over the months.
    pub months: MonthRange,
}

/// A 12-month forecast of a seasonal income.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Forecast {
    /// The first forecast month, to name the months; "month 1…12" without it.
    pub start: Option<Date>,
    pub income: [Decimal; 12],
    /// Each month's amount available for debts.
    pub available: [Decimal; 12],
}

/// One debt and, when the borrower asks its lender for something, the ask.
#[derive(Debug, Clone, PartialEq)]
pub struct Account {
    /// The loan's id in the scenario.
    pub id: String,
    pub lender: Lender,
    /// The borrower's label ("网商贷 经营贷"); names the lender when it is `other`.
    pub name: String,
    pub contract_no: String,
    /// Remaining + overdue principal.
    pub principal_owed: Decimal,
    /// Remaining + overdue principal + overdue interest (penalty excluded).
    pub owed_now: Decimal,
    /// Overdue principal + interest.
    pub arrears: Decimal,
    pub overdue: Overdue,
    /// The contract's next instalment.
    pub contract_payment: Decimal,
    /// This debt's share of the money for debts (pro rata to `owed_now`).
    pub share: Share,
    /// A lump sum the borrower can raise.
    pub lump_sum: Option<Decimal>,
    pub ask: Option<AskFigures>,
    /// The borrower chose an ask the evaluation no longer offers (`ask` is
    /// then `None`): the documents say to choose again (review w15 R3).
    pub ask_stale: bool,
    pub fallback: Option<AskFigures>,
    /// When the request was first sent.
    pub first_request: Option<Date>,
    /// When the lender last answered it (the latest contact after it that
    /// is not a call from the lender).
    pub answered: Option<Date>,
    /// Contacts about this debt, oldest first.
    pub log: Vec<ContactEntry>,
    /// What the counter-offer check compares an offer with ([`offer_basis`]).
    pub offer_basis: Option<OfferBasis>,
}

/// A proposal the borrower asks for, with the evaluation's figures; a
/// hold has none but its one part (the token payment over its months).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AskFigures {
    pub kind: ProposalKind,
    pub params: Params,
    pub figures: Option<Figures>,
    pub first_date: Option<Date>,
    /// The plan's parts (a holiday's or a catch-up's months, then the rest).
    pub parts: Vec<PlanPart>,
}

impl AskFigures {
    /// The ask of a workable proposal, in the parts the evaluation gave it.
    pub fn of(p: &Proposal, first_date: Option<Date>, parts: Vec<PlanPart>) -> Option<Self> {
        let figures = Some(p.figures.clone()?);
        Some(Self { kind: p.kind, params: p.params, figures, first_date, parts })
    }

    /// A hold request in its part (`scenario::kit::figures`).
    pub fn hold(first_date: Option<Date>, parts: Vec<PlanPart>) -> Self {
        Self { kind: ProposalKind::Hold, params: Params::default(), figures: None, first_date, parts }
    }

    /// Whether it pays its lender more in some month than the debt's
    /// pro-rata share: a combined plan's promotion gives a loan what the
    /// others' asks leave (`engine::plan`). A hold, a settlement's one sum
    /// and a holiday (its letter says so itself) are not counted.
    pub fn above_share(&self) -> bool {
        let monthly = !matches!(self.kind, ProposalKind::Hold | ProposalKind::Settlement | ProposalKind::PaymentHoliday);
        monthly && self.figures.as_ref().is_some_and(|f| !f.fits_budget)
    }

    /// The months it runs (a hold's: until its review).
    pub fn months(&self) -> u32 {
        self.figures.as_ref().map_or_else(|| self.parts.iter().map(|p| p.months).sum(), |f| f.months)
    }

    /// The review date of a hold: its first payment date plus its months.
    pub fn review_date(&self) -> Option<Date> {
        self.first_date?.add_months(i32::try_from(self.months()).ok()?)
    }

    /// The holiday's, the catch-up's or the deferral's months, when the plan has them.
    pub fn head(&self) -> Option<&PlanPart> {
        let deferred = self.kind == ProposalKind::FrozenInstalments && self.params.deferred_months.is_some_and(|d| d > 0);
        (matches!(self.kind, ProposalKind::PaymentHoliday | ProposalKind::PenaltyWaiver) || deferred).then(|| self.parts.first())?
    }

    /// The instalments after the head (all of them without one).
    pub fn tail(&self) -> Option<&PlanPart> {
        self.parts.get(usize::from(self.head().is_some()))
    }
}

/// Which follow-up letter.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FollowUp {
    /// No reply after the follow-up date.
    NoReply,
    /// Still no reply: asks who handles it, names the complaint routes.
    StillNoReply,
    /// The lender refused: please reconsider, with the fallback.
    Reconsider,
}

/// A document of the kit.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Document {
    Letter,
    Statement,
    FollowUp(FollowUp),
    CallKit,
}

impl Document {
    /// The document's name ("协商还款申请书").
    pub fn name(self, lang: Lang) -> &'static str {
        self.name_in(Words::of(lang))
    }

    /// The document's name in the language of `words`.
    pub fn name_in(self, words: &Words) -> &'static str {
        words.document_name(Self::ALL.iter().position(|d| *d == self).unwrap_or(0))
    }

    pub const ALL: [Self; 6] = [
        Self::Letter,
        Self::Statement,
        Self::FollowUp(FollowUp::NoReply),
        Self::FollowUp(FollowUp::StillNoReply),
        Self::FollowUp(FollowUp::Reconsider),
        Self::CallKit,
    ];
}

/// Which documents to print together (`examples/letter --doc`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pick {
    /// The statement, then every document of each account.
    Every,
    Letter,
    Statement,
    /// The three follow-up letters.
    FollowUps,
    CallKit,
}

impl Pick {
    /// The documents of one account this pick prints.
    fn per_account(self) -> &'static [Document] {
        const FOLLOW_UPS: [Document; 3] = [Document::ALL[2], Document::ALL[3], Document::ALL[4]];
        match self {
            Self::Every => &[Document::ALL[0], Document::ALL[2], Document::ALL[3], Document::ALL[4], Document::ALL[5]],
            Self::Letter => &[Document::Letter],
            Self::Statement => &[],
            Self::FollowUps => &FOLLOW_UPS,
            Self::CallKit => &[Document::CallKit],
        }
    }
}

impl Account {
    /// The latest follow-up date of its contacts, while it is after `today`:
    /// the lender promised an answer by then, so a follow-up letter waits
    /// (review w15 R5).
    pub fn wait_until(&self, today: Date) -> Option<Date> {
        self.log.iter().filter_map(|e| e.follow_up).max().filter(|d| *d > today)
    }

    /// The most a month the documents say the borrower can put towards this
    /// debt: its pro-rata share, or the ask's largest instalment when the
    /// plan gives it more (never a "most" below the ask: review w15 R1).
    pub fn can_pay_most(&self) -> Decimal {
        let ask = self.ask.as_ref().filter(|a| a.above_share()).and_then(|a| a.figures.as_ref());
        ask.map_or(self.share.most, |f| f.max_payment.max(self.share.most))
    }

    /// The lender as the documents name it.
    pub fn lender_name(&self, lang: Lang) -> String {
        render::lender_name(self, lang)
    }
}

/// An ask above its pro-rata share while the asks together need more a
/// month than is available: what the plan's redistribution gave it is no
/// longer there (a figure changed: review w15 R3).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct OverBudget {
    /// The ask's largest instalment.
    pub pays: Decimal,
    /// The debt's pro-rata share.
    pub share: Decimal,
    /// Every ask's largest instalment, summed ([`LetterInput::asks_need`]).
    pub need: Decimal,
    pub available: Decimal,
}

impl LetterInput {
    /// What the asks need a month together: each ask's largest instalment
    /// (a hold its token, a settlement nothing: its sum is the lump sum),
    /// and for a debt without an ask its share.
    pub fn asks_need(&self) -> Decimal {
        let mut need = Decimal::ZERO;
        for a in &self.accounts {
            need += match &a.ask {
                Some(k) if k.kind == ProposalKind::Settlement => Decimal::ZERO,
                Some(k) => k.figures.as_ref().map_or_else(|| k.parts.iter().map(|p| p.most).max().unwrap_or_default(), |f| f.max_payment),
                None => a.share.most,
            };
        }
        need
    }

    /// One rule for every ask, with or without its months (review w15 R3):
    /// an ask may use more than its share only while the asks together fit
    /// the money available (a combined plan lends a loan what the others
    /// leave). With a seasonal forecast the months differ and the plan's
    /// own month-by-month check stands; `None` then.
    pub fn over_budget(&self, a: &Account) -> Option<OverBudget> {
        let f = a.ask.as_ref().filter(|k| k.above_share())?.figures.as_ref()?;
        let (need, available) = (self.asks_need(), self.statement.available);
        (!self.asks_fit()).then_some(OverBudget { pays: f.max_payment, share: a.share.most, need, available })
    }

    /// Whether the asks together fit the money available (always, with a
    /// seasonal forecast: see [`Self::over_budget`]).
    pub fn asks_fit(&self) -> bool {
        self.statement.forecast.is_some() || self.asks_need() <= self.statement.available
    }

    /// Renders `doc` for `account` (the statement is the same for every account).
    pub fn render(&self, doc: Document, lang: Lang, account: &Account) -> String {
        self.render_in(doc, Words::of(lang), account)
    }

    /// Renders `doc` for `account` in the language of `words`.
    pub fn render_in(&self, doc: Document, words: &'static Words, account: &Account) -> String {
        render::document(self, doc, words, Some(account))
    }

    /// The financial statement.
    pub fn statement(&self, lang: Lang) -> String {
        self.statement_in(Words::of(lang))
    }

    /// The financial statement in the language of `words`.
    pub fn statement_in(&self, words: &'static Words) -> String {
        render::document(self, Document::Statement, words, None)
    }

    /// The documents `pick` names for `accounts`, each under a heading that
    /// names it and the lender: the statement first (once), then each
    /// account's documents in turn.
    pub fn bundle(&self, lang: Lang, pick: Pick, accounts: &[&Account]) -> String {
        let mut parts = Vec::new();
        if matches!(pick, Pick::Every | Pick::Statement) {
            parts.push((render::heading(lang, Document::Statement, None), self.statement(lang)));
        }
        for a in accounts {
            for doc in pick.per_account() {
                parts.push((render::heading(lang, *doc, Some(a)), self.render(*doc, lang, a)));
            }
        }
        let all = parts.iter().map(|(h, text)| format!("{h}\n\n{text}")).collect::<Vec<_>>().join("\n");
        all.trim_end().to_owned()
    }
}
