//! One proposal: its title and three figures — the monthly payment (or its
//! range), the months, more or less than the contract in plain words —
//! with the rest behind "details" and the lender's figures in their own
//! fold; or, when it cannot work, one line saying why. A card is drawn once
//! per proposal (its [`ProposalKey`]).
//!
//! What a card only shows is HTML text (`ui::markup`, issue 13): its title,
//! its figures, its details and the lender's figures. Why: every reactive
//! text of a `view!` is its own render function and subscription, dozens
//! per card. A part's names are parsed again only when they change (the
//! language, which figures there are); a keystroke sets the values that
//! changed ([`Part`]), so it writes no more to the page than text nodes
//! did. What holds state stays elements: the compare tick box, the folds
//! (they stay open or closed while figures change), the schedule, the "use
//! this plan" button. Glossary links are followed by one delegated handler.

use super::super::glossary::{follow_term, Term};
use super::super::markup::fact;
use super::super::page::use_page;
use super::super::schedule::ScheduleTable;
use super::super::use_lang;
use super::super::widgets::escape_html as esc;
use crate::engine::{HolidayMaturity, Proposal};
use crate::i18n::{money, percent, Lang, DOT, SPACE};
use crate::present::{penalty_waived, proposal_rows, CardProposal, Code, LoanTitle, PlanPayment, ProposalKey};
use crate::ui::widgets::say;
use leptos::prelude::*;
use std::fmt::Write;

/// The card's proposal, as the latest evaluation has it.
type Shown = Memo<Option<CardProposal>>;

/// Reads the shown proposal (tracked).
fn read<T>(card: Shown, f: impl FnOnce(&Proposal) -> T) -> Option<T> {
    card.with(|c| c.as_ref().map(|c| f(&c.proposal)))
}

/// The language, read by a card's own texts: the texts that change on a
/// keystroke do not each subscribe to (and leave) the page's language.
fn local_lang() -> Memo<Lang> {
    let lang = use_lang();
    Memo::new(move |_| lang.get())
}

/// A part of a card as HTML text: its shape (the names, which figures
/// there are, the language) and its values, each by the test id of the
/// element that shows it. A keystroke usually changes values only: they
/// are set in place, and the shape is parsed again only when it changes.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
struct Part {
    shape: String,
    values: Vec<(&'static str, String)>,
}

impl Part {
    /// A figure with its name, as `markup::fact` draws it.
    fn fact(&mut self, label: &str, term: Option<Term>, testid: &'static str, value: String) {
        fact(&mut self.shape, label, term, testid, "");
        self.values.push((testid, value));
    }

    /// A value in running text.
    fn value(&mut self, testid: &'static str, value: String) {
        let _ = write!(self.shape, r#"<span data-testid="{testid}"></span>"#);
        self.values.push((testid, value));
    }
}

/// The element of a card drawing one part: one closure type for every
/// part (one render function), and one effect that sets what changed.
fn part(card: Shown, lang: Memo<Lang>, build: fn(Lang, &Proposal, &mut Part)) -> impl IntoView {
    let root = NodeRef::<leptos::html::Div>::new();
    Effect::new(move |drawn: Option<Option<Part>>| {
        let mut now = Part::default();
        read(card, |p| build(lang.get(), p, &mut now));
        let el = root.get()?;
        draw(&el, drawn.flatten().as_ref(), &now);
        Some(now)
    });
    view! { <div node_ref=root></div> }
}

/// Sets the shape when it changed (then every value), else the values that
/// changed.
fn draw(el: &web_sys::Element, drawn: Option<&Part>, now: &Part) {
    let same = drawn.filter(|d| d.shape == now.shape);
    if same.is_none() {
        el.set_inner_html(&now.shape);
    }
    for (i, (testid, value)) in now.values.iter().enumerate() {
        if same.and_then(|d| d.values.get(i)).is_some_and(|(_, was)| was == value) {
            continue;
        }
        if let Ok(Some(shows)) = el.query_selector(&[r#"[data-testid=""#, testid, r#""]"#].concat()) {
            shows.set_text_content(Some(value));
        }
    }
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
    let level = if nested { "h4" } else { "h3" };
    let heading = move || format!("<{level}>{}</{level}>", esc(&title.get()));
    let details = move || workable.get().then(|| view! { <Details card=card lang=lang title=stem(loan, lang, title) id=id.clone() /> });
    view! {
        <li class="proposal" class:cannot=move || !workable.get() data-testid="proposal" data-kind=kind.code() data-rank=move || read(card, |p| p.rank.to_string()) on:click=follow_term>
            <div class="proposal-head">
                <div inner_html=heading></div>
                {move || workable.get().then(|| view! {
                    <label class="compare-toggle">
                        <input type="checkbox" data-testid="compare" prop:checked=move || compared.get() on:change=move |_| on_compare.run(()) />
                        {say(|l| l.text().compare)}
                    </label>
                })}
            </div>
            {part(card, lang, figures_html)}
            {details}
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

/// A workable plan's folds: the rest of its figures, the lender's, the
/// schedule. The folds are elements (they keep their state); their figures
/// are text.
#[component]
fn Details(card: Shown, lang: Memo<Lang>, title: Signal<String>, id: ProposalKey) -> impl IntoView {
    let page = use_page();
    let rows = Signal::derive(move || page.evaluation.with(|e| proposal_rows(e, &id)));
    let months = Signal::derive(move || card.with(|c| c.as_ref().map_or(0, |c| c.rows)));
    view! {
        <details class="more card-details" data-testid="proposal-details">
            <summary>{say(|l| l.page().details)}</summary>
            {part(card, lang, details_html)}
            <details class="more lender">
                <summary>{say(|l| l.page().for_lender)}</summary>
                {part(card, lang, lender_html)}
                <p class="explain">{say(|l| l.page().pv_explained)}</p>
            </details>
            <ScheduleTable rows=rows months=months file_stem=title />
        </details>
    }
}

/// Whether the plan fits and its three figures; or why it cannot work.
fn figures_html(lang: Lang, p: &Proposal, out: &mut Part) {
    let t = lang.text();
    let Some(f) = &p.figures else {
        let _ = write!(out.shape, r#"<p class="why-not" data-testid="infeasible"><strong>{}</strong>{DOT}"#, esc(t.why_not));
        out.value("p-why-not", p.infeasible.as_ref().map(|r| lang.infeasible(r)).unwrap_or_default());
        out.shape.push_str("</p>");
        return;
    };
    let fits = p.fits();
    let (class, says) = if fits { ("fits", t.fits_budget) } else { ("no-fit", t.over_budget) };
    let _ = write!(out.shape, r#"<p class="badge {class}" data-testid="fits" data-fits="{fits}">{}{DOT}{}{SPACE}"#, esc(says), esc(t.monthly_margin));
    out.value("p-margin", money(f.margin));
    out.shape.push_str(r#"</p><dl class="facts three">"#);
    out.fact(t.monthly_payment, Some(Term::Payment), "p-payment", lang.plan_payment(PlanPayment::of(f)));
    out.fact(t.months_label, Some(Term::Months), "p-months", f.months.to_string());
    out.fact(lang.page().vs_contract, Some(Term::VsContract), "p-saving-contract", lang.vs_contract(f.saving_vs_contract));
    out.shape.push_str("</dl>");
}

/// Behind "details": what the plan is, its totals and true APR, the saving
/// against doing nothing, the penalty it asks to waive and what a holiday
/// does to maturity.
fn details_html(lang: Lang, p: &Proposal, out: &mut Part) {
    let (t, w) = (lang.text(), lang.page());
    let Some(f) = &p.figures else { return };
    let _ = write!(out.shape, r#"<p class="explain">{}</p><dl class="facts">"#, esc(lang.proposal_explain(p.kind)));
    out.fact(t.total_paid, Some(Term::TotalPaid), "p-total-paid", money(f.total_paid));
    out.fact(t.total_interest_fees, Some(Term::TotalInterest), "p-total-interest", money(f.total_interest));
    let apr = f.apr_nominal_percent.map(percent).unwrap_or_else(|| w.cannot_compute.to_owned());
    out.fact(t.apr_nominal, Some(Term::Apr), "p-apr", apr);
    let saving = [t.saving_vs_nothing, w.within_12_months].concat();
    out.fact(&saving, Some(Term::SavingNothing), "p-saving-nothing", money(f.saving_vs_nothing));
    if let Some(waived) = penalty_waived(p) {
        out.fact(w.penalty_waived, None, "p-penalty-waived", money(waived));
    }
    if let Some(m) = p.params.holiday_maturity {
        let says = match m {
            HolidayMaturity::Kept => w.maturity_kept,
            HolidayMaturity::Extended => w.maturity_extended,
        };
        out.fact(t.holiday_label, None, "p-holiday-maturity", says.to_owned());
    }
    out.shape.push_str("</dl>");
}

/// What the lender recovers: the principal's share, the present value and,
/// for a settlement, the discount asked.
fn lender_html(lang: Lang, p: &Proposal, out: &mut Part) {
    let t = lang.text();
    let Some(f) = &p.figures else { return };
    out.shape.push_str(r#"<dl class="facts">"#);
    out.fact(t.principal_recovered, Some(Term::Recovered), "p-recovered", percent(f.principal_recovered_percent));
    out.fact(t.lender_pv, Some(Term::LenderPv), "p-pv", lang.amount_and_share(f.lender_pv, Some(f.lender_pv_percent)));
    if let Some(d) = f.discount {
        out.fact(t.discount, Some(Term::Discount), "p-discount", lang.amount_and_share(d, f.discount_percent));
    }
    out.shape.push_str("</dl>");
}
