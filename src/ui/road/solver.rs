//! "我每月能还 ¥___": next to a loan's results, the payment the borrower
//! can afford gives the months and the last instalment, or says plainly
//! why it cannot work (it does not cover the first month's interest).

use super::super::inputs::FieldInput;
use super::super::page::use_page;
use super::use_words;
use crate::engine::SolveError;
use crate::form::Place;
use crate::i18n::{fill, money};
use crate::scenario::Field;
use leptos::prelude::*;

#[component]
pub fn Solver(index: usize) -> impl IntoView {
    let (w, page) = (use_words(), use_page());
    let key = Memo::new(move |_| page.loans.with(|k| k.get(index).copied()));
    let answer = Memo::new(move |_| page.last_valid.with(|s| s.loans.get(index).and_then(|l| l.solve())));
    let text = move || {
        let w = w();
        answer.get().map(|a| match a {
            Ok(s) => (false, fill(w.solver_months, &[&s.months.to_string(), &money(s.last_payment), &money(s.total_interest)])),
            Err(SolveError::BelowInterest { interest }) => (true, fill(w.solver_below, &[&money(interest)])),
            Err(SolveError::BeyondMaxMonths) => (true, w.solver_beyond.to_owned()),
            Err(SolveError::Contract(_) | SolveError::Payment(_)) => (true, w.solver_invalid.to_owned()),
        })
    };
    let months = move || answer.get().and_then(|a| a.ok()).map(|s| s.months.to_string());
    view! {
        <div class="solver" data-testid="solver">
            {move || key.get().map(|k| view! { <FieldInput place=Place::loan(Field::TargetPayment, k) /> })}
            <p class="solver-answer" role="status" data-testid="solver-answer" data-months=months
                data-refused=move || text().map(|(r, _)| r.to_string()) class:refused=move || text().is_some_and(|(r, _)| r)>
                {move || text().map(|(_, t)| t)}
            </p>
        </div>
    }
}
