//! One proposal: its title and three figures — the monthly payment (or its
//! range), the months, more or less than the contract in plain words —
//! with the rest behind "details" and the lender's figures in their own
//! fold; or, when it cannot work, one line saying why. A card is drawn once
//! per proposal (its [`ProposalKey`]); new figures update its text in place.

use super::super::facts::{page_words, words, Fact};
use super::super::glossary::Term;
use super::super::page::use_page;
use super::super::schedule::ScheduleTable;
use super::super::{use_lang, use_text};
use crate::engine::proposal::Figures;
use crate::engine::{HolidayMaturity, Proposal};
use crate::i18n::{money, percent, Lang, DOT, SPACE};
use crate::present::{penalty_waived, proposal_rows, CardProposal, Code, LoanTitle, PlanPayment, ProposalKey};
use crate::ui::widgets::say;
use leptos::prelude::*;

/// The card's proposal, as the latest evaluation has it.
type Shown = Memo<Option<CardProposal>>;

/// Reads the shown proposal (tracked).
fn read<T>(card: Shown, f: impl FnOnce(&Proposal) -> T) -> Option<T> {
    card.with(|c| c.as_ref().map(|c| f(&c.proposal)))
}

/// The language, read by a card's own texts: the many texts that change
/// on a keystroke do not each subscribe to (and leave) the page's language.
fn local_lang() -> Memo<Lang> {
    let lang = use_lang();
    Memo::new(move |_| lang.get())
}

/// A figure of the shown proposal as text; empty while it has none.
fn figure(card: Shown, lang: Memo<Lang>, show: fn(Lang, &Figures) -> String) -> Signal<String> {
    Signal::derive(move || read(card, |p| p.figures.as_ref().map(|f| show(lang.get(), f))).flatten().unwrap_or_default())
}

#[component]
pub fn ProposalCard(
    id: ProposalKey,
    cards: Memo<Vec<CardProposal>>,
    /// The loan's title (it names the schedule's file).
    loan: Memo<Option<LoanTitle>>,
    #[prop(into)] compared: Signal<bool>,
    on_compare: Callback<()>,
    /// Under a loan's heading (several loans): the title is one level lower.
    nested: bool,
) -> impl IntoView {
    let lang = local_lang();
    let kind = id.kind();
    // Kept while the list drops it (the list removes the card right after).
    let mine = id.clone();
    let card: Shown = Memo::new(move |prev: Option<&Option<CardProposal>>| {
        cards.with(|cs| cs.iter().find(|c| mine.names(&c.proposal)).cloned()).or_else(|| prev.cloned().flatten())
    });
    let title = Memo::new(move |_| read(card, |p| lang.get().proposal_title(p)).unwrap_or_default());
    let workable = Memo::new(move |_| read(card, |p| p.figures.is_some()).unwrap_or(false));
    let body = move || match workable.get() {
        true => view! { <PlanFigures card=card lang=lang title=stem(loan, lang, title) id=id.clone() /> }.into_any(),
        false => view! { <WhyNot card=card lang=lang /> }.into_any(),
    };
    view! {
        <li class="proposal" class:cannot=move || !workable.get() data-testid="proposal" data-kind=kind.code() data-rank=move || read(card, |p| p.rank.to_string())>
            <div class="proposal-head">
                {if nested { view! { <h4>{move || title.get()}</h4> }.into_any() } else { view! { <h3>{move || title.get()}</h3> }.into_any() }}
                {move || workable.get().then(|| view! {
                    <label class="compare-toggle">
                        <input type="checkbox" data-testid="compare" prop:checked=move || compared.get() on:change=move |_| on_compare.run(()) />
                        {say(|l| l.text().compare)}
                    </label>
                })}
            </div>
            {body}
            <AskButton card=card />
        </li>
    }
}

/// The schedule's name (its CSV file, its region's label): the loan's
/// title and the proposal's.
fn stem(loan: Memo<Option<LoanTitle>>, lang: Memo<Lang>, title: Memo<String>) -> Signal<String> {
    Signal::derive(move || match loan.get() {
        Some(l) => format!("{}-{}", lang.get().loan_title(l), title.get()),
        None => title.get(),
    })
}

/// The kit's "use this plan" button, drawn again only when what it names
/// (what the proposal asks, whether it works) changes.
#[component]
fn AskButton(card: Shown) -> impl IntoView {
    let asks = Memo::new(move |_| read(card, |p| (p.figures.is_some(), p.params)));
    move || {
        asks.track();
        card.with_untracked(|c| c.as_ref().map(|c| c.proposal.clone())).map(|p| view! { <super::super::kit::UseAsAsk proposal=p /> })
    }
}

/// Why a proposal cannot work, in one line.
#[component]
fn WhyNot(card: Shown, lang: Memo<Lang>) -> impl IntoView {
    view! {
        <p class="why-not" data-testid="infeasible">
            <strong>{say(|l| l.text().why_not)}</strong>
            {DOT}
            {move || read(card, |p| p.infeasible.as_ref().map(|r| lang.get().infeasible(r))).flatten().unwrap_or_default()}
        </p>
    }
}

/// A workable plan: whether it fits, three figures, and the rest folded.
#[component]
fn PlanFigures(card: Shown, lang: Memo<Lang>, title: Signal<String>, id: ProposalKey) -> impl IntoView {
    let t = use_text();
    let page = use_page();
    let kind = id.kind();
    let fits = Memo::new(move |_| read(card, Proposal::fits).unwrap_or(false));
    let within = move || lang.get().page().within_12_months;
    let rows = Signal::derive(move || page.evaluation.with(|e| proposal_rows(e, &id)));
    let months = Signal::derive(move || card.with(|c| c.as_ref().map_or(0, |c| c.rows)));
    view! {
        <p class=move || if fits.get() { "badge fits" } else { "badge no-fit" } data-testid="fits" data-fits=move || fits.get().to_string()>
            {move || if fits.get() { t().fits_budget } else { t().over_budget }}
            {DOT}
            {say(|l| l.text().monthly_margin)}
            {SPACE}
            {figure(card, lang, |_, f| money(f.margin))}
        </p>
        <dl class="facts three">
            <Fact label=words(|t| t.monthly_payment) term=Term::Payment value=figure(card, lang, |l, f| l.plan_payment(PlanPayment::of(f))) testid="p-payment" />
            <Fact label=words(|t| t.months_label) term=Term::Months value=figure(card, lang, |_, f| f.months.to_string()) testid="p-months" />
            <Fact label=page_words(|p| p.vs_contract) term=Term::VsContract value=figure(card, lang, |l, f| l.vs_contract(f.saving_vs_contract)) testid="p-saving-contract" />
        </dl>
        <details class="more card-details" data-testid="proposal-details">
            <summary>{say(|l| l.page().details)}</summary>
            <p class="explain">{move || lang.get().proposal_explain(kind)}</p>
            <dl class="facts">
                <Fact label=words(|t| t.total_paid) term=Term::TotalPaid value=figure(card, lang, |_, f| money(f.total_paid)) testid="p-total-paid" />
                <Fact label=words(|t| t.total_interest_fees) term=Term::TotalInterest value=figure(card, lang, |_, f| money(f.total_interest)) testid="p-total-interest" />
                <Fact label=words(|t| t.apr_nominal) term=Term::Apr value=figure(card, lang, |l, f| f.apr_nominal_percent.map(percent).unwrap_or_else(|| l.page().cannot_compute.to_owned())) testid="p-apr" />
                <Fact
                    label=Signal::derive(move || format!("{}{}", t().saving_vs_nothing, within()))
                    term=Term::SavingNothing
                    value=figure(card, lang, |_, f| money(f.saving_vs_nothing))
                    testid="p-saving-nothing"
                />
                <Terms card=card lang=lang />
            </dl>
            <LenderFigures card=card lang=lang />
            <ScheduleTable rows=rows months=months file_stem=title />
        </details>
    }
}

/// The penalty waived and what a holiday does to maturity, when the plan
/// asks for them.
#[component]
fn Terms(card: Shown, lang: Memo<Lang>) -> impl IntoView {
    let waived = Memo::new(move |_| read(card, penalty_waived).flatten());
    let maturity = Memo::new(move |_| read(card, |p| p.params.holiday_maturity).flatten());
    let maturity_words = Signal::derive(move || match maturity.get() {
        Some(HolidayMaturity::Kept) => lang.get().page().maturity_kept.to_owned(),
        Some(HolidayMaturity::Extended) => lang.get().page().maturity_extended.to_owned(),
        None => String::new(),
    });
    view! {
        <Show when=move || waived.with(Option::is_some)>
            <Fact label=page_words(|p| p.penalty_waived) value=Signal::derive(move || waived.get().map(money).unwrap_or_default()) testid="p-penalty-waived" />
        </Show>
        <Show when=move || maturity.with(Option::is_some)>
            <Fact label=words(|t| t.holiday_label) value=maturity_words testid="p-holiday-maturity" />
        </Show>
    }
}

/// What the lender recovers, in its own fold.
#[component]
fn LenderFigures(card: Shown, lang: Memo<Lang>) -> impl IntoView {
    let discounted = Memo::new(move |_| read(card, |p| p.figures.as_ref().is_some_and(|f| f.discount.is_some())).unwrap_or(false));
    view! {
        <details class="more lender">
            <summary>{say(|l| l.page().for_lender)}</summary>
            <dl class="facts">
                <Fact label=words(|t| t.principal_recovered) term=Term::Recovered value=figure(card, lang, |_, f| percent(f.principal_recovered_percent)) testid="p-recovered" />
                <Fact label=words(|t| t.lender_pv) term=Term::LenderPv value=figure(card, lang, |l, f| l.amount_and_share(f.lender_pv, Some(f.lender_pv_percent))) testid="p-pv" />
                <Show when=move || discounted.get()>
                    <Fact
                        label=words(|t| t.discount)
                        term=Term::Discount
                        value=figure(card, lang, |l, f| f.discount.map(|d| l.amount_and_share(d, f.discount_percent)).unwrap_or_default())
                        testid="p-discount"
                    />
                </Show>
            </dl>
            <p class="explain">{say(|l| l.page().pv_explained)}</p>
        </details>
    }
}
