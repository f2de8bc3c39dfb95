//! Results while a value is retyped, and cleared optional fields (issue 9).

use super::*;
use crate::engine::Lender;
use crate::scenario::field::Choice;
use rust_decimal::Decimal;

fn principal(doc: &Scenario) -> Decimal {
    doc.loans[0].principal
}

/// Types `text` one character at a time, as a keyboard does.
fn type_slowly(form: &mut Form, p: Place, text: &str) -> Vec<Option<Decimal>> {
    let mut shown = Vec::new();
    for end in text.char_indices().map(|(i, c)| i + c.len_utf8()) {
        form.type_text(p, text[..end].to_owned());
        shown.push(form.settled().map(|d| principal(&d)));
    }
    shown
}

#[test]
fn a_value_retyped_from_empty_shows_the_figures_from_before_until_it_is_left() {
    let mut form = Form::new(Scenario::example());
    let p = Place::loan(Field::Principal, form.loans()[0]);
    let before = form.document().clone();
    form.type_text(p, String::new());
    assert_eq!(form.problems(), vec![(p, Rule::Required)], "the field says it needs a value");
    assert_eq!(form.settled().as_ref(), Some(&before));
    let shown = type_slowly(&mut form, p, "80000");
    assert_eq!(shown, vec![Some(principal(&before)); 5], "never 8, 80, 800 or 8000");
    assert_eq!(principal(form.document()), 80_000.into(), "the document has what was typed");
    assert!(form.is_retyping());
    form.commit();
    assert_eq!(form.settled().map(|d| principal(&d)), Some(80_000.into()), "left: the new value counts");
}

#[test]
fn a_value_deleted_back_to_a_prefix_is_not_shown_either() {
    let mut form = Form::new(Scenario::example());
    let p = Place::loan(Field::Principal, form.loans()[0]);
    let before = principal(form.document());
    let shown = ["10000", "1000", "100", "10", "1", "", "8"].map(|t| {
        form.type_text(p, t.into());
        form.settled().map(|d| principal(&d))
    });
    // Deleting shows each shorter value (each is a real edit) until the field
    // empties; from there on the value is being retyped: the one from before.
    assert_eq!(shown[..5], [10_000, 1000, 100, 10, 1].map(|n| Some(n.into())));
    assert_eq!(shown[5..], [Some(before); 2]);
}

#[test]
fn a_value_edited_without_emptying_counts_as_typed() {
    let mut form = Form::new(Scenario::example());
    let p = Place::loan(Field::Principal, form.loans()[0]);
    form.type_text(p, "100001".into());
    assert_eq!(form.settled().map(|d| principal(&d)), Some(100_001.into()));
    assert!(!form.is_retyping());
}

#[test]
fn unreadable_text_shows_the_figures_from_before_the_edit() {
    // The bug: "80k" showed the figures for 80 (the last text that read).
    let mut form = Form::new(Scenario::example());
    let p = Place::loan(Field::Principal, form.loans()[0]);
    let before = principal(form.document());
    assert_eq!(type_slowly(&mut form, p, "80x"), vec![Some(8.into()), Some(80.into()), Some(before)]);
    form.commit();
    assert_eq!(form.settled(), None, "left unreadable: nothing new to show (the page keeps the last)");
    assert_eq!(form.problems(), vec![(p, Rule::NotANumber)]);
}

#[test]
fn another_input_ends_the_edit() {
    let mut form = Form::new(Scenario::example());
    let loan = form.loans()[0];
    let p = Place::loan(Field::Principal, loan);
    form.type_text(p, String::new());
    form.type_text(p, "9万".into());
    assert_eq!(form.settled().map(|d| principal(&d)), Some(100_000.into()));
    form.type_text(Place::of(Field::Income), "13000".into());
    let shown = form.settled().unwrap();
    assert_eq!((principal(&shown), shown.budget.income), (90_000.into(), 13_000.into()));
    form.type_text(p, String::new());
    form.set(Place::loan(Field::Lender, loan), Value::Choice(Choice::Lender(Lender::Jiebei)));
    assert!(!form.is_retyping(), "a list picked ends it too");
}

#[test]
fn a_retyped_value_waits_for_the_rest_of_the_page_to_read() {
    let mut form = Form::new(Scenario::example());
    let p = Place::loan(Field::Principal, form.loans()[0]);
    form.type_text(Place::of(Field::Income), "abc".into());
    form.type_text(p, String::new());
    assert_eq!(form.settled(), None, "another input does not read");
}

#[test]
fn clearing_an_optional_field_updates_results_at_once() {
    let mut form = Form::new(Scenario::example());
    let days = Place::loan(Field::OverdueDays, form.loans()[0]);
    form.type_text(days, "30".into());
    form.commit();
    assert!(form.settled().unwrap().loans[0].overdue.is_some());
    form.type_text(days, String::new());
    assert!(form.problems().is_empty(), "no 请填写");
    assert_eq!(form.text(days), "", "the input stays empty");
    assert!(!form.is_retyping());
    assert_eq!(form.settled().unwrap().loans[0].overdue, None, "no overdue, at once");
}

#[test]
fn loading_a_draft_ends_the_edit() {
    let mut form = Form::new(Scenario::example());
    let p = Place::loan(Field::Principal, form.loans()[0]);
    form.type_text(p, String::new());
    let mut other = Scenario::example();
    other.budget.income = 9_000.into();
    form.load(other.clone());
    assert_eq!(form.settled(), Some(other));
}
