//! The counter-offer check: the borrower types what a lender offered and
//! sees `engine::counter_offer::check_offer` against the same evaluation:
//! the true APR, the totals against the contract, doing nothing and the
//! ask, each month against the budget, and what the written agreement
//! should state. What is typed is not part of the document.

use super::super::page::use_page;
use super::super::use_lang;
use super::widgets::{error_html, Picker};
use super::{kw, lenders, markup, use_kit, Kit};
use crate::engine::counter_offer::{check_offer, CounterOffer, Instalments, OfferField};
use crate::i18n::kit::KitText;
use crate::i18n::Lang;
use crate::input::{parse_amount, parse_months, parse_optional_amount, parse_optional_date, parse_percent};
use crate::scenario::{Field, Rule};
use leptos::prelude::*;

/// A typed field that cannot be read, or the offer's rule it breaks.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Fault {
    Read(Rule),
    Offer(crate::engine::counter_offer::OfferRule),
}

/// What was typed, field by field.
#[derive(Debug, Clone, Default, PartialEq)]
struct Typed {
    months: String,
    /// 0: a monthly amount, 1: the total, 2: an annual rate.
    stated: usize,
    amount: String,
    fee: String,
    upfront: String,
    down: String,
    first: String,
}

fn read<T>(field: OfferField, r: Result<T, crate::input::InputError>) -> Result<T, (OfferField, Fault)> {
    r.map_err(|e| (field, Fault::Read(e.into())))
}

/// The offer, or the field at fault; `None` until months and amount are typed.
fn offer(t: &Typed) -> Option<Result<CounterOffer, (OfferField, Fault)>> {
    if t.months.trim().is_empty() || t.amount.trim().is_empty() {
        return None;
    }
    let zero = |v: Option<rust_decimal::Decimal>| v.unwrap_or_default();
    Some((|| {
        let months = read(OfferField::Months, parse_months(&t.months))?;
        let instalments = match t.stated {
            1 => Instalments::Total(read(OfferField::Monthly, parse_amount(&t.amount))?),
            2 => Instalments::AnnualRate(read(OfferField::Monthly, parse_percent(&t.amount))?),
            _ => Instalments::Monthly(read(OfferField::Monthly, parse_amount(&t.amount))?),
        };
        let monthly_fee_percent = if t.fee.trim().is_empty() { Default::default() } else { read(OfferField::MonthlyFee, parse_percent(&t.fee))? };
        let upfront_fee = zero(read(OfferField::UpfrontFee, parse_optional_amount(&t.upfront))?);
        let down_payment = zero(read(OfferField::DownPayment, parse_optional_amount(&t.down))?);
        let first_payment_date = read(OfferField::Owed, parse_optional_date(&t.first))?;
        Ok(CounterOffer { months, instalments, monthly_fee_percent, upfront_fee, down_payment, first_payment_date })
    })())
}

/// The page's field whose kind words a read error best (same kind of input).
fn like_field(f: OfferField) -> Field {
    match f {
        OfferField::Months => Field::Months,
        OfferField::AnnualRate | OfferField::MonthlyFee => Field::RateValue,
        OfferField::Owed => Field::NextDueDate,
        _ => Field::UpfrontFee,
    }
}

fn message(lang: Lang, field: OfferField, fault: Fault) -> String {
    match fault {
        Fault::Read(rule) => lang.problem(like_field(field), rule),
        Fault::Offer(rule) => lang.offer_rule(field, rule),
    }
}

#[component]
pub fn OfferCheck(kit: Kit) -> impl IntoView {
    let (t, lang, page) = (use_kit(), use_lang(), use_page());
    let typed = RwSignal::new(Typed::default());
    let loan = RwSignal::new(String::new());
    let (accounts, picked) = lenders(kit, lang, loan);
    // The check, or the field at fault (an offer the engine refuses names its field).
    let result = Memo::new(move |_| {
        let offer = typed.with(offer)?;
        let id = picked.get();
        let basis = page.analysed(|s, ev, _| kit.figures.with(|k| crate::letter::offer_basis_with(s, ev, k, &id)))?;
        let means = kit.input.with(|i| Some(i.as_ref()?.accounts.iter().find(|a| a.id == id)?.means()))?;
        Some(offer.and_then(|o| check_offer(&o, &basis, &means).map_err(|e| (e.field, Fault::Offer(e.rule)))))
    });
    let input = move |(id, label, mode, fields, change): Input| {
        let error = Signal::derive(move || match result.get() {
            Some(Err((f, fault))) if fields.contains(&f) => Some(message(lang.get(), f, fault)),
            _ => None,
        });
        let on_input = Callback::new(move |v: String| typed.update(|t| change(t, v)));
        view! { <OfferInput id=id label=label mode=mode error=error on_input=on_input /> }
    };
    let stated_options = Signal::derive(move || {
        let t = t();
        vec![("0".into(), t.offer_monthly.to_owned()), ("1".into(), t.offer_total.to_owned()), ("2".into(), t.offer_rate.to_owned())]
    });
    let stated = Callback::new(move |v: String| typed.update(|t| t.stated = v.parse().unwrap_or(0)));
    let check = move || match result.get() {
        Some(Ok(check)) => markup::offer_check(lang.get(), &check),
        _ => String::new(),
    };
    view! {
        <h3>{kw(|t| t.offer_heading)}</h3>
        <p class="explain">{kw(|t| t.offer_intro)}</p>
        <div class="grid" data-testid="offer-form">
            <Picker id="offer-loan" label=|t| t.lender options=accounts picked=picked on_pick=Callback::new(move |v| loan.set(v)) />
            {input(INPUTS[0])}
            <Picker id="offer-stated" label=|t| t.offer_stated_as options=stated_options picked=Signal::derive(move || typed.with(|t| t.stated.to_string())) on_pick=stated />
            {INPUTS[1..].iter().copied().map(input).collect_view()}
        </div>
        <div inner_html=check></div>
    }
}

/// A text box of the offer: its id, label, input mode, the offer fields
/// whose faults show at it, and what typing in it changes. The engine has
/// no field for the first payment date (it cannot be wrong once read): its
/// read errors travel as `Owed`, whose own rule (nothing owed) cannot happen
/// for a loan the evaluation analysed, and are shown at the date.
type Input = (&'static str, fn(&KitText) -> &'static str, &'static str, &'static [OfferField], fn(&mut Typed, String));

/// The offer's text boxes, in the form's order (the way the amount is
/// stated is picked between the first and the second).
const INPUTS: [Input; 6] = [
    ("offer-months", |t| t.offer_months, "numeric", &[OfferField::Months], |t, v| t.months = v),
    ("offer-amount", |t| t.offer_amount, "decimal", &[OfferField::Monthly, OfferField::Total, OfferField::AnnualRate], |t, v| t.amount = v),
    ("offer-fee", |t| t.offer_fee, "decimal", &[OfferField::MonthlyFee], |t, v| t.fee = v),
    ("offer-upfront", |t| t.offer_upfront, "decimal", &[OfferField::UpfrontFee], |t, v| t.upfront = v),
    ("offer-down", |t| t.offer_down, "decimal", &[OfferField::DownPayment], |t, v| t.down = v),
    ("offer-first", |t| t.offer_first_date, "date", &[OfferField::Owed], |t, v| t.first = v),
];

/// A labelled text box of the offer, with its problem under it.
#[component]
fn OfferInput(
    id: &'static str,
    label: fn(&KitText) -> &'static str,
    mode: &'static str,
    error: Signal<Option<String>>,
    on_input: Callback<String>,
) -> impl IntoView {
    let (kind, mode) = if mode == "date" { ("date", "text") } else { ("text", mode) };
    let error_id = format!("{id}-error");
    let described = error_id.clone();
    view! {
        <div class="field" class:invalid=move || error.with(Option::is_some)>
            <label for=id>{kw(label)}</label>
            <input
                id=id
                type=kind
                inputmode=mode
                autocomplete="off"
                data-testid=id
                aria-invalid=move || error.with(Option::is_some).to_string()
                aria-describedby=move || error.with(Option::is_some).then(|| described.clone())
                on:input=move |ev| on_input.run(event_target_value(&ev))
            />
            <div inner_html=move || error_html(&error_id, &format!("{id}-error"), error.get())></div>
        </div>
    }
}
