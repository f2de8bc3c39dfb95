//! "My loans": one card per loan, each rendered from the field contract's
//! loan groups; the settings for all loans; the button that adds one.
//!
//! A card is HTML text (issue 13: every element of a `view!` is render
//! code of its own, and a card had dozens): one element, one effect and
//! one delegated listener per event. Its shape — the head's buttons, then,
//! once the loan opens or the drawing reaches `step::LOAN_DETAILS`, its
//! body — is drawn once; what changes (the words, the head's line, the
//! folds, the remaining total, the rate line) is set in place, each only
//! when it changed, so the folds, the focus and the caret stay. The fields
//! are the page's forms (`super::inputs::keep`), drawn and synced by the
//! same effect.

use super::field_markup::{prop, put, set_prop};
use super::inputs::{self, fields, Synced};
use super::markup::{self, Put};
use super::page::{use_page, Page};
use super::widgets::{escape_html as esc, Card};
use super::{remaining_total, step, use_lang, Drawn, Step};
use crate::form::{LoanKey, Place};
use crate::i18n::{fill, Lang};
use crate::present::{rate_forms, LoanLine, LoanTitle};
use crate::scenario::field::{Group, Value};
use crate::scenario::{Field, Rule};
use leptos::html::Div;
use leptos::prelude::*;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use web_sys::Element;

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
    // The loan removed last, until undone or another goes (review R12: one
    // tap must not lose a loan, its ask and its contact log).
    let undo_el = NodeRef::<Div>::new();
    markup::draw(undo_el, move |out| {
        let lang = lang.get();
        let removed = page.with(|f| f.removed_loan().map(|(at, l, contacts)| (LoanTitle::new(at, l.lender, &l.name), contacts)));
        if let Some((title, contacts)) = removed {
            let said = lang.loan_removed(title, contacts);
            put(out, r#"<p class="undo-bar" data-testid="loan-undo-bar">{}<button type="button" class="secondary" data-testid="loan-undo">{}</button></p>"#, &[&said, lang.drafts().undo]);
        }
    });
    let undo = move |ev: web_sys::MouseEvent| {
        if markup::clicked(&ev).as_deref() == Some("loan-undo") {
            page.edit(|f| {
                f.undo_remove();
            });
        }
    };
    // A loan still holding the example's figures is pointed out (review w14 S4).
    let example_el = NodeRef::<Div>::new();
    let example = Memo::new(move |_| page.last_valid.with(crate::present::example_loans));
    markup::draw(example_el, move |out| {
        let lang = lang.get();
        let titles: Vec<String> = example.with(|ts| ts.iter().map(|t| lang.loan_title(t.clone())).collect());
        if !titles.is_empty() {
            put(out, r#"<p class="banner update example-note" data-testid="example-note">{}</p>"#, &[&fill(lang.page().example_loan, &[&titles.join("、")])]);
        }
    });
    // Keyed: a card is drawn once, when its loan comes.
    let cards = NodeRef::<Div>::new();
    markup::keyed(cards, move || page.loans.get(), move |&loan| view! { <LoanCard loan=loan several=several added=added /> });
    view! {
        <Card id="loans" heading_id="loans-h" heading=|t| t.loans_heading>
            <div node_ref=example_el></div>
            <div node_ref=cards></div>
            <div role="status" node_ref=undo_el on:click=undo></div>
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

/// A card's forms: its main fields, then the fields of its closed parts
/// (`<details>`: overdue, more), drawn when that part first opens (issue
/// 13: no one types into a closed part, and its date inputs are the dearest
/// to draw), then kept.
const FORMS: [Group; 3] = [Group::Loan, Group::Overdue, Group::More];

/// The head: "借款 2 · 借呗" and, folded, the loan in one line (balance ·
/// rate · term) as the button that opens it; the button that removes the
/// loan (not the only one). The button's words are set in place: the
/// button itself stays, and so does the focus on it.
const HEAD: &str = r#"<div class="loan-head"><h3><button type="button" class="loan-line" data-testid="loan-line"></button></h3><button type="button" class="link-button" data-testid="remove-loan"></button></div><div class="loan-body"></div>"#;

/// The body: the main fields, the remaining total, the rate line, then the
/// overdue part (open when the loan is overdue) and the "more" part.
fn body(total_id: &str, overdue_open: bool) -> String {
    let mut out = String::from(r#"<div class="grid" data-form="0"></div>"#);
    remaining_total::shape(&mut out, total_id);
    out.push_str(r#"<p class="equivalents" data-testid="rate-equivalents"></p><p class="preset-note"></p><details class="more" data-testid="overdue-details""#);
    if overdue_open {
        out.push_str(" open");
    }
    out.push_str(r#"><summary></summary><div class="grid" data-form="1"></div><p class="preset-note"></p></details><details class="more" data-testid="more-details"><summary></summary><div class="grid" data-form="2"></div></details>"#);
    out
}

/// What a card last drew.
struct Drawing {
    el: Element,
    /// Whether the loan was shown open, and the remove button.
    shown: Option<bool>,
    several: Option<bool>,
    /// The body's elements (drawn once) and its forms' elements.
    body: Vec<Element>,
    forms: [Option<Synced>; 3],
    /// The values last set, in the order of [`values`].
    values: Vec<String>,
}

#[component]
fn LoanCard(loan: LoanKey, several: Memo<bool>, added: RwSignal<Option<LoanKey>>) -> impl IntoView {
    let (page, lang) = (use_page(), use_lang());
    let id = page.peek(|f| f.loan_id(loan).map(str::to_owned)).unwrap_or_default();
    // A loan already overdue opens its overdue part.
    let overdue_open = page.peek(|f| f.value(Place::loan(Field::OverdueDays, loan))).is_some_and(|v| v != Value::Count(0));
    let problem = page.loan_has_problem(loan);
    let filled_in = page.peek(|f| f.loans().len() > 1) && added.get_untracked() != Some(loan) && !problem.get_untracked();
    let open = RwSignal::new(!filled_in);
    // The closed parts opened so far (overdue, more); one holding a field
    // with a problem opens, so the message is seen (review w14 R14).
    let opened = [RwSignal::new(overdue_open), RwSignal::new(false)];
    // A folded loan's body is drawn a step after the open loans'
    // (`step::LOAN_DETAILS`), or when it opens (then it stays).
    let later = expect_context::<Drawn>().reached(step::LOAN_DETAILS);
    let forms: Rc<[Vec<Place>; 3]> = Rc::new(FORMS.map(|g| places(loan, g)));
    let total_id = esc(&format!("{id}-remaining-total"));
    let root = NodeRef::<Div>::new();
    let (mine, loan_id) = (forms.clone(), id.clone());
    Effect::new(move |was: Option<Option<Drawing>>| {
        let lang = lang.get();
        // A loan with a problem never hides it.
        let (shown, several) = (open.get() || problem.get(), several.get());
        let el: Element = root.get()?.into();
        let mut d = match was.flatten().filter(|d| d.el == el) {
            Some(d) => d,
            None => {
                el.set_inner_html(HEAD);
                Drawing { el: el.clone(), shown: None, several: None, body: Vec::new(), forms: Default::default(), values: Vec::new() }
            }
        };
        let find = |s: &str| el.query_selector(s).ok().flatten();
        if d.shown != Some(shown) {
            d.shown = Some(shown);
            if let Some(line) = find(".loan-line") {
                let _ = line.set_attribute("aria-expanded", if shown { "true" } else { "false" });
            }
            let _ = el.class_list().toggle_with_force("folded", !shown);
            if let Some(body) = find(".loan-body") {
                set_prop(&body, "hidden", (!shown).into());
            }
        }
        if d.several != Some(several) {
            d.several = Some(several);
            if let Some(remove) = find(r#"[data-testid="remove-loan"]"#) {
                set_prop(&remove, "hidden", (!several).into());
            }
        }
        if d.body.is_empty() && (shown || later.get()) {
            if let Some(body_el) = find(".loan-body") {
                body_el.set_inner_html(&body(&total_id, overdue_open));
                d.body = (0..3).filter_map(|i| find(&["[data-form=\"", &i.to_string(), "\"]"].concat())).collect();
            }
        }
        for (i, form) in d.body.iter().enumerate() {
            // Opening it fires its `toggle`: the part's fields are then drawn.
            if i > 0 && page.group_has_problem(loan, FORMS[i]) {
                if let Some(part) = form.parent_element().filter(|p| !p.has_attribute("open")) {
                    let _ = part.set_attribute("open", "");
                }
            }
            if i == 0 || opened[i - 1].get() {
                d.forms[i] = Some(inputs::keep(page, form, lang, &mine[i], d.forms[i].take()));
            }
        }
        let mut now = Vec::new();
        values(&mut now, page, loan, lang, shown, !d.body.is_empty(), &total_id);
        let mut set = Vec::with_capacity(now.len());
        for (i, (at, how, value)) in now.into_iter().enumerate() {
            if d.values.get(i) == Some(&value) {
                set.push(value);
                continue;
            }
            if let Some(target) = find(at) {
                match how {
                    Put::Text => target.set_text_content(Some(&value)),
                    Put::Html => target.set_inner_html(&value),
                    Put::Attr(name) => {
                        let _ = target.set_attribute(name, &value);
                    }
                    // Set only when the page says something else than the box.
                    _ => {
                        if prop(&target, "value").as_string().as_deref() != Some(&value) {
                            set_prop(&target, "value", value.as_str().into());
                        }
                    }
                }
            }
            set.push(value);
        }
        d.values = set;
        Some(d)
    });
    let click = move |ev: web_sys::MouseEvent| match markup::clicked(&ev).as_deref() {
        Some("loan-line") => open.update(|o| *o = !*o),
        Some("remove-loan") => page.remove_loan(loan),
        _ => {}
    };
    // A closed part's fields are drawn when it first opens (`toggle` does not bubble: caught on its way down).
    let toggle = move |ev: web_sys::Event| {
        let part = match markup::clicked(&ev).as_deref() {
            Some("overdue-details") => opened[0],
            Some("more-details") => opened[1],
            _ => return,
        };
        if !part.get_untracked() {
            part.set(true);
        }
    };
    let forms_on = forms.clone();
    let on = move |ev: &web_sys::Event, change: bool| {
        if markup::clicked(ev).as_deref() == Some("remaining-total") {
            if !change {
                page.type_total(loan, event_target_value(ev));
            }
            return;
        }
        let form = ev.target().and_then(|t| t.dyn_into::<Element>().ok()).and_then(|t| t.closest("[data-form]").ok().flatten());
        let i = form.and_then(|f| f.get_attribute("data-form")).and_then(|i| i.parse::<usize>().ok());
        if let Some(places) = i.and_then(|i| forms_on.get(i)) {
            inputs::typed(page, ev, places, change);
        }
    };
    let on_change = on.clone();
    let class = if open.get_untracked() || problem.get_untracked() { "loan" } else { "loan folded" };
    view! {
        <div class=class data-testid="loan-card" data-loan=loan_id node_ref=root on:click=click on:toggle:capture=toggle on:input=move |ev| on(&ev, false) on:change=move |ev| on_change(&ev, true)></div>
    }
}

/// The card's words and what changes with the page (tracked), each at the
/// element a selector finds in the card: the head's, then, once it is
/// drawn, the body's.
fn values(out: &mut Vec<(&'static str, Put, String)>, page: Page, loan: LoanKey, lang: Lang, shown: bool, body: bool, total_id: &str) {
    let (title, terms, lender) = page.with(|f| {
        let i = f.index(loan);
        let l = i.and_then(|i| f.document().loans.get(i));
        let title = i.zip(l).map(|(i, l)| lang.loan_title(LoanTitle::new(i, l.lender, &l.name)));
        (title, l.filter(|_| !shown).map(|l| lang.loan_line(&LoanLine::of(l))), l.map(|l| l.lender))
    });
    let mut head = String::new();
    markup::element(&mut head, "span", "loan-title", title.as_deref().unwrap_or_default());
    if let Some(terms) = terms {
        markup::element(&mut head, "span", "loan-terms", &terms);
    }
    markup::element(&mut head, "span", "loan-edit", if shown { lang.page().done } else { lang.page().edit });
    let t = lang.text();
    out.extend([(".loan-line", Put::Html, head), (r#"[data-testid="remove-loan"]"#, Put::Text, t.remove_loan.to_owned())]);
    if !body {
        return;
    }
    out.extend([
        (r#"[data-testid="rate-equivalents"]"#, Put::Text, rate_line(page, loan, lang)),
        (".loan-body > .preset-note", Put::Text, t.preset_note.to_owned()),
        (r#"[data-testid="overdue-details"] > summary"#, Put::Text, t.overdue_heading.to_owned()),
        (r#"[data-testid="overdue-details"] > .preset-note"#, Put::Text, t.preset_note.to_owned()),
        (r#"[data-testid="more-details"] > summary"#, Put::Text, t.more_heading.to_owned()),
        // A card's months are the borrower's plan, not a contract's term.
        (r#"[data-form="0"] label[for$="-months"]"#, Put::Text, lender.map(|l| lang.months_label(l)).unwrap_or_default()),
    ]);
    remaining_total::values(out, page, loan, lang, total_id);
}

/// "Equals 0.05 % a day · 1.5 % a month · 18 % a year" under the rate,
/// while the rate reads (a rate above the limit still has its equivalents;
/// text that does not read has none).
fn rate_line(page: Page, loan: LoanKey, lang: Lang) -> String {
    let at = Place::loan(Field::RateValue, loan);
    let problem = page.problems(|ps| ps.iter().find(|(p, _)| *p == at).map(|(_, r)| *r));
    if !matches!(problem, None | Some(Rule::RateTooHigh)) {
        return String::new();
    }
    page.with(|f| Some(rate_forms(&f.document().loans.get(f.index(loan)?)?.rate.quoted()))).map(|forms| lang.rate_equivalents(forms)).unwrap_or_default()
}
