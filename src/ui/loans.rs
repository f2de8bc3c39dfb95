//! "My loans": one card per loan, each rendered from the field contract's
//! loan groups; the settings for all loans; the button that adds one.

use super::field_markup::put;
use super::inputs::{fields, fields_when};
use super::widgets::Card;
use super::page::use_page;
use super::{markup, step, use_lang, Drawn, Step};
use crate::form::{LoanKey, Place};
use crate::present::{rate_forms, LoanLine, LoanTitle};
use crate::scenario::field::{Group, Value};
use crate::scenario::{Field, Rule};
use crate::ui::widgets::say;
use leptos::prelude::*;

#[component]
pub fn LoansSection() -> impl IntoView {
    let page = use_page();
    let several = Memo::new(move |_| page.loans.with(|l| l.len() > 1));
    let can_add = Memo::new(move |_| page.with(|f| f.can_add()));
    // The loan just added opens; loans that arrive filled in (a document
    // of several loans opened or imported) start as one line each.
    let added = RwSignal::new(None::<LoanKey>);
    let add = move |ev: web_sys::MouseEvent| {
        if markup::clicked(&ev).as_deref() == Some("add-loan") {
            page.add_loan();
            added.set(page.peek(|f| f.loans().last().copied()));
        }
    };
    // The button that adds a loan, as HTML text: gone at the limit.
    let (lang, add_el) = (use_lang(), NodeRef::<leptos::html::Div>::new());
    markup::draw(add_el, move |out| {
        if can_add.get() {
            put(out, r#"<button type="button" class="add-loan" data-testid="add-loan">{}</button>"#, &[lang.get().text().add_loan]);
        }
    });
    view! {
        <Card id="loans" heading_id="loans-h" heading=|t| t.loans_heading>
            // Keyed: a card is drawn once, when its loan comes.
            <For each=move || page.loans.get() key=|loan| *loan let:loan>
                <LoanCard loan=loan several=several added=added />
            </For>
            // What is below the cards comes a step later (nothing below is drawn yet).
            <Step at=step::LOAN_DETAILS>
                {fields(Field::in_group(Group::Settings).map(Place::of).collect(), "grid day-count", None)}
                <div node_ref=add_el on:click=add></div>
            </Step>
        </Card>
    }
}

/// A group of a loan's fields (as grid cells: the rate and its unit share one).
fn places(loan: LoanKey, group: Group) -> Vec<Place> {
    Field::in_group(group).map(|f| Place::loan(f, loan)).collect()
}

#[component]
fn LoanCard(loan: LoanKey, several: Memo<bool>, added: RwSignal<Option<LoanKey>>) -> impl IntoView {
    let page = use_page();
    let id = page.peek(|f| f.loan_id(loan).map(str::to_owned)).unwrap_or_default();
    // A loan already overdue opens its overdue section.
    let overdue_open = page.peek(|f| f.value(Place::loan(Field::OverdueDays, loan))).is_some_and(|v| v != Value::Count(0));
    let problem = page.loan_has_problem(loan);
    let filled_in = page.peek(|f| f.loans().len() > 1) && added.get_untracked() != Some(loan) && !problem.get_untracked();
    let open = RwSignal::new(!filled_in);
    // A loan with a problem never hides it.
    let shown = Memo::new(move |_| open.get() || problem.get());
    // A folded loan's fields are drawn a step after the open loans'
    // (`step::LOAN_DETAILS`), or when it opens (then they stay).
    let later = expect_context::<Drawn>().reached(step::LOAN_DETAILS);
    let body = Memo::new(move |drawn: Option<&bool>| drawn == Some(&true) || shown.get() || later.get());
    // Folded or not: set by the head with its words ([`LoanHead`]).
    let (class, folded) = if shown.get_untracked() { ("loan", false) } else { ("loan folded", true) };
    view! {
        <div class=class data-testid="loan-card" data-loan=id>
            <LoanHead loan=loan several=several open=open shown=shown />
            <div class="loan-body" hidden=folded>
                {move || body.get().then(|| view! { <LoanBody loan=loan overdue_open=overdue_open /> }.into_any())}
            </div>
        </div>
    }
}

/// A loan's fields: its main group, its remaining total and rate line,
/// then the overdue and "more" parts.
#[component]
fn LoanBody(loan: LoanKey, overdue_open: bool) -> impl IntoView {
    view! {
        {fields(places(loan, Group::Loan), "grid", None)}
        <super::remaining_total::RemainingTotal loan=loan />
        <RateLine loan=loan />
        <p class="preset-note">{say(|l| l.text().preset_note)}</p>
        <Closed loan=loan group=Group::Overdue open=overdue_open />
        <Closed loan=loan group=Group::More open=false />
    }
}

/// A part of a loan that opens (`<details>`: overdue, more): its fields
/// are drawn when it first opens (issue 13: no one types into a closed
/// part, and its date inputs are the dearest to draw), then stay.
#[component]
fn Closed(loan: LoanKey, group: Group, open: bool) -> impl IntoView {
    let opened = RwSignal::new(open);
    let overdue = group == Group::Overdue;
    let (testid, heading): (_, fn(crate::i18n::Lang) -> &'static str) = match overdue {
        true => ("overdue-details", |l| l.text().overdue_heading),
        false => ("more-details", |l| l.text().more_heading),
    };
    view! {
        <details class="more" open=open data-testid=testid on:toggle=move |_| if !opened.get_untracked() { opened.set(true) }>
            <summary>{say(heading)}</summary>
            {fields_when(places(loan, group), "grid", opened)}
            {overdue.then(|| view! { <p class="preset-note">{say(|l| l.text().preset_note)}</p> })}
        </details>
    }
}

/// "借款 2 · 借呗" and, folded, the loan in one line (balance · rate ·
/// term) as the button that opens it; the button that folds it; the
/// button that removes the loan (not the only one). The button's words are
/// HTML text (`markup::draw`, issue 13): the button itself stays, and so
/// does the focus on it.
#[component]
fn LoanHead(loan: LoanKey, several: Memo<bool>, open: RwSignal<bool>, shown: Memo<bool>) -> impl IntoView {
    let lang = use_lang();
    let page = use_page();
    let line = NodeRef::<leptos::html::Button>::new();
    let head = move |out: &mut String| {
        let (lang, shown) = (lang.get(), shown.get());
        let (title, terms) = page.with(|f| {
            let i = f.index(loan);
            let l = i.and_then(|i| f.document().loans.get(i));
            let title = i.zip(l).map(|(i, l)| lang.loan_title(LoanTitle { number: i + 1, lender: l.lender }));
            (title, l.filter(|_| !shown).map(|l| lang.loan_line(&LoanLine::of(l))))
        });
        markup::element(out, "span", "loan-title", title.as_deref().unwrap_or_default());
        if let Some(terms) = terms {
            markup::element(out, "span", "loan-terms", &terms);
        }
        markup::element(out, "span", "loan-edit", if shown { lang.page().done } else { lang.page().edit });
    };
    // The words change with `shown` ("done" / "edit"), so the state follows
    // them: the button's, the card's class and its body's `hidden`.
    markup::draw_then(line, head, move |el| {
        let shown = shown.get_untracked();
        let _ = el.set_attribute("aria-expanded", if shown { "true" } else { "false" });
        if let Some(card) = el.closest(".loan").ok().flatten() {
            let _ = card.class_list().toggle_with_force("folded", !shown);
            if let Some(body) = card.query_selector(".loan-body").ok().flatten() {
                let _ = if shown { body.remove_attribute("hidden") } else { body.set_attribute("hidden", "") };
            }
        }
    });
    view! {
        <div class="loan-head">
            <h3>
                <button node_ref=line type="button" class="loan-line" data-testid="loan-line" aria-expanded=shown.get_untracked().to_string() on:click=move |_| open.update(|o| *o = !*o)></button>
            </h3>
            <button type="button" class="link-button" data-testid="remove-loan" hidden=move || !several.get() on:click=move |_| page.remove_loan(loan)>
                {say(|l| l.text().remove_loan)}
            </button>
        </div>
    }
}

/// "Equals 0.05 % a day · 1.5 % a month · 18 % a year" under the rate,
/// while the rate reads (HTML text, `markup::draw`).
#[component]
fn RateLine(loan: LoanKey) -> impl IntoView {
    let lang = use_lang();
    let page = use_page();
    let at = Place::loan(Field::RateValue, loan);
    let line = NodeRef::<leptos::html::P>::new();
    markup::draw(line, move |out| {
        // A rate above the limit still has its equivalents; text that does not read has none.
        let problem = page.problems(|ps| ps.iter().find(|(p, _)| *p == at).map(|(_, r)| *r));
        if !matches!(problem, None | Some(Rule::RateTooHigh)) {
            return;
        }
        if let Some(forms) = page.with(|f| Some(rate_forms(&f.document().loans.get(f.index(loan)?)?.rate.quoted()))) {
            put(out, "{}", &[&lang.get().rate_equivalents(forms)]);
        }
    });
    view! { <p class="equivalents" data-testid="rate-equivalents" node_ref=line></p> }
}
