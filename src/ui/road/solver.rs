//! "我每月能还 ¥___": next to a loan's results, the payment the borrower
//! can afford gives the months and the last instalment, or says plainly
//! why it cannot work (it does not cover the first month's interest).

use super::super::inputs::FieldInput;
use super::super::page::use_page;
use super::{markup, use_words};
use crate::form::Place;
use crate::scenario::Field;
use leptos::prelude::*;

#[component]
pub fn Solver(index: usize) -> impl IntoView {
    let (w, page) = (use_words(), use_page());
    let key = move || page.loans.with(|k| k.get(index).copied());
    let answer = Memo::new(move |_| markup::solver_answer(w(), page.last_valid.with(|s| s.loans.get(index).and_then(|l| l.solve()))));
    view! {
        <div class="solver" data-testid="solver">
            {move || key().map(|k| view! { <FieldInput place=Place::loan(Field::TargetPayment, k) /> })}
            <div aria-live="polite" inner_html=answer></div>
        </div>
    }
}
