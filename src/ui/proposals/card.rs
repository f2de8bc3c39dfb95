//! One proposal: its title and three figures — the monthly payment (or its
//! range), the months, more or less than the contract in plain words —
//! with the rest behind "details" and the lender's figures in their own
//! fold; or, when it cannot work, one line saying why. A card is drawn once
//! per proposal (its [`ProposalKey`]).
//!
//! A card is HTML text (`ui::markup::Part`, issue 13): its title and
//! compare tick box, its figures, its details, the lender's figures and the
//! "use this plan" button. Why: every reactive text, attribute and handler
//! of a `view!` is its own render function and subscription, dozens per
//! card. A part's shape is parsed again only when it changes (the
//! language, which figures there are); a keystroke sets the values that
//! changed, so it writes no more to the page than text nodes did, and the
//! tick box and the button stay (with the focus). The folds and the
//! schedule stay elements (they keep their state while figures change).
//! The card's clicks are read by one handler, by test id: the tick box,
//! the button, glossary links.

use super::super::glossary::{follow_term, Term};
use super::super::kit::{ask_for, use_as_ask};
use super::super::markup::{self, Part, Put};
use super::super::page::use_page;
use super::super::schedule::ScheduleTable;
use super::super::use_lang;
use super::super::widgets::escape_html as esc;
use crate::engine::{HolidayMaturity, Proposal, ProposalKind};
use crate::i18n::{fill, money, percent, Lang, DOT, SPACE};
use crate::present::{penalty_waived, proposal_rows, CardProposal, Code, Compared, LoanTitle, PlanPayment, ProposalKey};
use crate::ui::widgets::say;
use leptos::ev::MouseEvent;
use leptos::html::Div;
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

/// The element of a card drawing one part (`markup::part`, one closure
/// type for every part that only reads the proposal).
fn part(card: Shown, lang: Memo<Lang>, build: fn(Lang, &Proposal, &mut Part)) -> impl IntoView {
    let root = NodeRef::<Div>::new();
    markup::part(root, move |out| read(card, |p| build(lang.get(), p, out)).unwrap_or_default());
    view! { <div node_ref=root></div> }
}

#[component]
pub fn ProposalCard(
    id: ProposalKey,
    cards: Memo<Vec<CardProposal>>,
    /// The loan's title (it names the schedule's file).
    loan: Memo<Option<LoanTitle>>,
    /// The (at most two) proposals ticked for comparison.
    compared: RwSignal<Compared>,
    /// Under a loan's heading (several loans): the title is one level lower.
    nested: bool,
) -> impl IntoView {
    let (lang, page) = (local_lang(), use_page());
    let kind = id.kind();
    // Kept while the list drops it (the list removes the card right after).
    let mine = id.clone();
    let card: Shown = Memo::new(move |prev: Option<&Option<CardProposal>>| {
        cards.with(|cs| cs.iter().find(|c| mine.names(&c.proposal)).cloned()).or_else(|| prev.cloned().flatten())
    });
    let workable = Memo::new(move |_| read(card, |p| p.figures.is_some()).unwrap_or(false));
    let (head, ask) = (NodeRef::<Div>::new(), NodeRef::<Div>::new());
    let ticked = id.clone();
    markup::part(head, move |out| {
        let ticked = compared.with(|c| c.contains(&ticked));
        let l = lang.get();
        let loan = loan.get().filter(|_| nested).map(|t| l.loan_title(t));
        read(card, |p| head_html(out, l, p, nested, loan.as_deref(), ticked)).unwrap_or_default()
    });
    markup::part(ask, move |out| read(card, |p| use_as_ask(out, page, lang.get(), p)).unwrap_or_default());
    let title = move || read(card, |p| lang.get().proposal_title(p)).unwrap_or_default();
    let key = id.clone();
    let details = move || workable.get().then(|| view! { <Details card=card lang=lang title=stem(loan, lang, title) id=id.clone() /> });
    let clicked = move |ev: MouseEvent| match markup::clicked(&ev).as_deref() {
        Some("compare") => compared.update(|c| c.toggle(key.clone())),
        Some("use-as-ask") => read(card, |p| ask_for(page, p)).unwrap_or_default(),
        _ => follow_term(ev),
    };
    view! {
        <li class="proposal" data-testid="proposal" data-kind=kind.code() on:click=clicked>
            <div class="proposal-head" node_ref=head></div>
            {part(card, lang, figures_html)}
            {details}
            <div class="ask" node_ref=ask></div>
        </li>
    }
}

/// The card's title and, for a workable plan, its compare tick box, named
/// by the proposal (and its loan's title under several loans: `loan`), not
/// only "对比", which every card's box would share (review w14 S8); the
/// card's look (`cannot`) and rank on the card itself.
fn head_html(out: &mut Part, lang: Lang, p: &Proposal, nested: bool, loan: Option<&str>, ticked: bool) {
    let level = if nested { "h4" } else { "h3" };
    let title = lang.proposal_title(p);
    let _ = write!(out.shape, "<{level}>{}</{level}>", esc(&title));
    let workable = p.figures.is_some();
    if workable {
        let t = lang.text();
        let named = match loan {
            Some(loan) => format!("{}{}{loan}{DOT}{title}", t.compare, t.colon),
            None => format!("{}{}{title}", t.compare, t.colon),
        };
        let _ = write!(out.shape, r#"<label class="compare-toggle"><input type="checkbox" data-testid="compare" aria-label="{}">{}</label>"#, esc(&named), esc(t.compare));
        out.at_testid("compare", Put::Checked, ticked.to_string());
    }
    out.set("..", Put::Attr("class"), if workable { "proposal" } else { "proposal cannot" });
    out.set("..", Put::Attr("data-rank"), p.rank.to_string());
}

/// The schedule's name (its CSV file, its region's label): the loan's
/// title and the proposal's.
fn stem(loan: Memo<Option<LoanTitle>>, lang: Memo<Lang>, title: impl Fn() -> String + Send + Sync + 'static) -> Signal<String> {
    Signal::derive(move || match loan.get() {
        Some(l) => format!("{}-{}", lang.get().loan_title(l), title()),
        None => title(),
    })
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
                <summary>{say(|l| l.below().for_lender)}</summary>
                {part(card, lang, lender_html)}
                <p class="explain">{say(|l| l.below().pv_explained)}</p>
            </details>
            <ScheduleTable rows=rows months=months file_stem=title />
        </details>
    }
}

/// Whether the plan fits and its three figures; or why it cannot work.
fn figures_html(lang: Lang, p: &Proposal, out: &mut Part) {
    let (t, b) = (lang.text(), lang.below());
    let Some(f) = &p.figures else {
        let _ = write!(out.shape, r#"<p class="why-not" data-testid="infeasible"><strong>{}</strong>{DOT}"#, esc(b.why_not));
        out.value("p-why-not", p.infeasible.as_ref().map(|r| lang.infeasible(r)).unwrap_or_default());
        out.shape.push_str("</p>");
        return;
    };
    let fits = p.fits();
    let (class, says) = if fits { ("fits", t.fits_budget) } else { ("no-fit", b.over_budget) };
    let _ = write!(out.shape, r#"<p class="badge {class}" data-testid="fits" data-fits="{fits}">{}{DOT}{}{SPACE}"#, esc(says), esc(b.monthly_margin));
    out.value("p-margin", money(f.margin));
    out.shape.push_str("</p>");
    if f.balance_rises {
        // Fixed words, part of the card's shape like its badge (the page's
        // figures carry no schedule, `present::proposal_rows`: the card says
        // that the debt grows; its schedule, behind "details", by how much).
        let _ = write!(out.shape, r#"<p class="warning" data-testid="balance-rises">{}</p>"#, esc(b.balance_rises));
    }
    out.shape.push_str(r#"<dl class="facts three">"#);
    // A settlement is one sum, not a monthly payment (review w14 S7).
    let pay = if p.kind == ProposalKind::Settlement { t.lump_sum_label } else { t.monthly_payment };
    out.fact(pay, Some(Term::Payment), "p-payment", lang.plan_payment(PlanPayment::of(f)));
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
    // 少付/多付 as against the contract: a negative saving is a cost; the
    // penalty waiver it counts is only asked for (review F15).
    let label = [w.vs_nothing, w.within_12_months].concat();
    let mut against = if f.saving_vs_nothing.is_zero() { money(f.saving_vs_nothing) } else { lang.vs_contract(f.saving_vs_nothing) };
    let waived = penalty_waived(p);
    if let Some(waived) = waived {
        against.push_str(&fill(w.waiver_counted, &[&money(waived)]));
    }
    out.fact(&label, Some(Term::SavingNothing), "p-saving-nothing", against);
    if let Some(waived) = waived {
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
