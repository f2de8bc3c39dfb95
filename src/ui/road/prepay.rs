//! Prepayments per loan: one-off prepayments (added, changed, removed),
//! a monthly extra and the lender's fee, through the field contract's
//! inputs (problems show at the field), and both effects side by side.

use super::super::inputs::FieldInput;
use super::super::page::use_page;
use super::super::{loan_at, use_lang, EachLoan};
use super::use_words;
use crate::engine::{Prepaid, PrepayEffect};
use crate::form::{LoanKey, Place};
use crate::i18n::{fill, money, RoadText};
use crate::present::LoanTitle;
use crate::scenario::road::PrepaidByEffect;
use crate::scenario::{Field, LoanOutput};
use leptos::prelude::*;

#[component]
pub fn Prepayments() -> impl IntoView {
    let w = use_words();
    view! {
        <div class="prepayments" data-testid="prepayments">
            <h3>{move || w().prepay_heading}</h3>
            <p class="explain">{move || w().prepay_intro}</p>
            <EachLoan each=|index| view! { <LoanPrepay index=index /> }.into_any() />
        </div>
    }
}

/// One loan's prepayment inputs and what they change.
#[component]
fn LoanPrepay(index: usize) -> impl IntoView {
    let (w, lang, page) = (use_words(), use_lang(), use_page());
    let key = Memo::new(move |_| page.loans.with(|k| k.get(index).copied()));
    let (loan, _) = loan_at(index);
    let legend = move || loan.with(|l| l.as_ref().map(|l| lang.get().loan_title(LoanTitle { number: index + 1, lender: l.lender })));
    view! {
        <fieldset class="loan-prepay" data-testid="loan-prepay" data-loan=move || loan.with(|l| l.as_ref().map(|l| l.id.clone()))>
            <legend>{legend}</legend>
            {move || key.get().map(|k| view! {
                <PrepaymentList loan=k />
                <button type="button" class="add" data-testid="add-prepayment" on:click=move |_| page.edit(|f| { f.add_prepayment(k); })>
                    {move || w().add_prepayment}
                </button>
                <div class="grid">
                    <FieldInput place=Place::loan(Field::ExtraMonthly, k) />
                    <FieldInput place=Place::loan(Field::PrepaymentFeePercent, k) />
                </div>
            })}
            <Effects loan=loan />
        </fieldset>
    }
}

/// The loan's one-off prepayments, one row each (drawn again when one comes or goes).
#[component]
fn PrepaymentList(loan: LoanKey) -> impl IntoView {
    let page = use_page();
    let count = Memo::new(move |_| page.with(|f| f.index(loan).map_or(0, |i| f.document().loans[i].prepayments.len())));
    move || (0..count.get()).map(|item| view! { <PrepaymentRow loan=loan item=item as u16 /> }).collect_view()
}

#[component]
fn PrepaymentRow(loan: LoanKey, item: u16) -> impl IntoView {
    let (w, page) = (use_words(), use_page());
    let at = |field| Place { field, loan: Some(loan), item };
    let label = move || fill(w().remove_prepayment, &[&(item + 1).to_string()]);
    view! {
        <div class="prepayment grid" data-testid="prepayment">
            <FieldInput place=at(Field::PrepaymentMonth) />
            <FieldInput place=at(Field::PrepaymentAmount) />
            <FieldInput place=at(Field::PrepaymentEffect) />
            <button type="button" class="remove" data-testid="remove-prepayment" aria-label=label on:click=move |_| page.edit(|f| f.remove_prepayment(loan, item))>
                {move || w().remove}
            </button>
        </div>
    }
}

/// A row of the effects table: its label and the figure of one effect.
struct EffectRow {
    testid: &'static str,
    label: fn(&RoadText) -> &'static str,
    value: fn(&Prepaid) -> String,
}

const EFFECT_ROWS: [EffectRow; 5] = [
    EffectRow { testid: "effect-months", label: |w| w.effect_months, value: |p| p.months.to_string() },
    EffectRow { testid: "effect-interest", label: |w| w.effect_interest, value: |p| money(p.total_interest) },
    EffectRow { testid: "effect-saved", label: |w| w.effect_saved, value: |p| money(p.interest_saved) },
    EffectRow { testid: "effect-months-saved", label: |w| w.effect_months_saved, value: |p| p.months_saved.to_string() },
    EffectRow { testid: "effect-fees", label: |w| w.effect_fees, value: |p| money(p.fees) },
];

/// Both effects side by side (with a one-off prepayment), else what the
/// monthly extra saves.
#[component]
fn Effects(loan: Memo<Option<LoanOutput>>) -> impl IntoView {
    let (w, lang) = (use_words(), use_lang());
    let both = Memo::new(move |_| loan.with(|l| l.as_ref().and_then(|l| l.road.prepaid_by_effect.clone())));
    let only = Memo::new(move |_| loan.with(|l| l.as_ref().and_then(|l| l.road.prepaid.clone())));
    let table = move |b: PrepaidByEffect| {
        let rows = EFFECT_ROWS.iter().map(|r| {
            let (short, lower) = ((r.value)(&b.shorten_term), (r.value)(&b.lower_payment));
            view! {
                <tr>
                    <th scope="row">{move || (r.label)(w())}</th>
                    <td data-testid=r.testid data-effect="shorten_term">{short}</td>
                    <td data-testid=r.testid data-effect="lower_payment">{lower}</td>
                </tr>
            }
        });
        view! {
            <table class="effects" data-testid="effects">
                <caption>{move || w().effects_caption}</caption>
                <thead>
                    <tr>
                        <td></td>
                        <th scope="col">{move || lang.get().prepay_effect(PrepayEffect::ShortenTerm)}</th>
                        <th scope="col">{move || lang.get().prepay_effect(PrepayEffect::LowerPayment)}</th>
                    </tr>
                </thead>
                <tbody>{rows.collect_view()}</tbody>
            </table>
        }
    };
    move || match (both.get(), only.get()) {
        (Some(b), _) => table(b).into_any(),
        (None, Some(p)) => {
            let text = move || fill(w().prepaid_summary, &[&p.months.to_string(), &money(p.interest_saved)]);
            view! { <p data-testid="prepaid-summary">{text}</p> }.into_any()
        }
        (None, None) => ().into_any(),
    }
}
