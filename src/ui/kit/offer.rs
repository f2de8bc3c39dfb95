//! The counter-offer check: the borrower types what a lender offered and
//! sees `engine::counter_offer::check_offer` against the same evaluation:
//! the true APR, the totals against the contract, doing nothing and the
//! ask, each month against the budget, and what the written agreement
//! should state. What is typed is not part of the document.

use super::super::facts::words;
use super::super::page::use_page;
use super::super::use_lang;
use super::widgets::{Line, Picker};
use super::{kw, lenders, use_kit, use_kit_input};
use crate::engine::counter_offer::{check_offer, CounterOffer, Instalments, OfferCheck, OfferField};
use crate::i18n::kit::date;
use crate::i18n::{money, percent, Lang};
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

/// The offer field a typed field is, for its message. The engine has no
/// field for the first payment date (it cannot be wrong once read): its read
/// errors travel as `Owed`, whose own rule (nothing owed) cannot happen for a
/// loan the evaluation analysed, and are shown at the date.
const FIELDS: [OfferField; 6] = [OfferField::Months, OfferField::Monthly, OfferField::MonthlyFee, OfferField::UpfrontFee, OfferField::DownPayment, OfferField::Owed];

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
pub fn OfferCheck() -> impl IntoView {
    let (t, lang, page) = (use_kit(), use_lang(), use_page());
    let kit = use_kit_input();
    let typed = RwSignal::new(Typed::default());
    let loan = RwSignal::new(String::new());
    let (accounts, picked) = lenders(kit, lang, loan);
    // The check, or the field at fault (an offer the engine refuses names its field).
    let result = Memo::new(move |_| {
        let offer = typed.with(offer)?;
        let id = picked.get();
        let basis = page.last_valid.with(|s| page.evaluation.with(|ev| crate::letter::offer_basis(s, ev, &id)))?;
        let means = kit.input.with(|i| Some(i.as_ref()?.accounts.iter().find(|a| a.id == id)?.means()))?;
        Some(offer.and_then(|o| check_offer(&o, &basis, &means).map_err(|e| (e.field, Fault::Offer(e.rule)))))
    });
    let fault_at = move |fields: &'static [OfferField]| {
        Signal::derive(move || match result.get() {
            Some(Err((f, fault))) if fields.contains(&f) => Some(message(lang.get(), f, fault)),
            _ => None,
        })
    };
    let edit = move |change: fn(&mut Typed, String)| Callback::new(move |v: String| typed.update(|t| change(t, v)));
    let stated_options = Signal::derive(move || {
        let t = t();
        vec![("0".into(), t.offer_monthly.to_owned()), ("1".into(), t.offer_total.to_owned()), ("2".into(), t.offer_rate.to_owned())]
    });
    view! {
        <h3>{kw(|t| t.offer_heading)}</h3>
        <p class="explain">{kw(|t| t.offer_intro)}</p>
        <div class="grid" data-testid="offer-form">
            <Picker id="offer-loan" label=Signal::derive(move || t().lender.to_owned()) options=accounts picked=picked on_pick=Callback::new(move |v| loan.set(v)) />
            <OfferInput id="offer-months" label=|t| t.offer_months mode="numeric" error=fault_at(&FIELDS[..1]) on_input=edit(|t, v| t.months = v) />
            <Picker id="offer-stated" label=Signal::derive(move || t().offer_stated_as.to_owned()) options=stated_options picked=Signal::derive(move || typed.with(|t| t.stated.to_string())) on_pick=edit(|t, v| t.stated = v.parse().unwrap_or(0)) />
            <OfferInput id="offer-amount" label=|t| t.offer_amount mode="decimal" error=fault_at(&[OfferField::Monthly, OfferField::Total, OfferField::AnnualRate]) on_input=edit(|t, v| t.amount = v) />
            <OfferInput id="offer-fee" label=|t| t.offer_fee mode="decimal" error=fault_at(&FIELDS[2..3]) on_input=edit(|t, v| t.fee = v) />
            <OfferInput id="offer-upfront" label=|t| t.offer_upfront mode="decimal" error=fault_at(&FIELDS[3..4]) on_input=edit(|t, v| t.upfront = v) />
            <OfferInput id="offer-down" label=|t| t.offer_down mode="decimal" error=fault_at(&FIELDS[4..5]) on_input=edit(|t, v| t.down = v) />
            <OfferInput id="offer-first" label=|t| t.offer_first_date mode="date" error=fault_at(&FIELDS[5..]) on_input=edit(|t, v| t.first = v) />
        </div>
        {move || match result.get() {
            Some(Ok(check)) => Some(view! { <CheckView check=check /> }),
            _ => None,
        }}
    }
}

/// A labelled text box of the offer, with its problem under it.
#[component]
fn OfferInput(
    id: &'static str,
    label: fn(&crate::i18n::kit::KitText) -> &'static str,
    mode: &'static str,
    error: Signal<Option<String>>,
    on_input: Callback<String>,
) -> impl IntoView {
    let t = use_kit();
    let (kind, mode) = if mode == "date" { ("date", "text") } else { ("text", mode) };
    let error_id = format!("{id}-error");
    let described = error_id.clone();
    view! {
        <div class="field" class:invalid=move || error.with(Option::is_some)>
            <label for=id>{move || label(t())}</label>
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
            {move || error.get().map(|e| view! { <p class="field-error" id=error_id.clone() role="alert" data-testid=format!("{id}-error")>{e}</p> })}
        </div>
    }
}

/// The check's figures, verdict, months and checklist.
#[component]
fn CheckView(check: OfferCheck) -> impl IntoView {
    let (t, lang) = (use_kit(), use_lang());
    let c = check;
    let label = move |pick: fn(&crate::i18n::kit::KitText) -> &'static str| Signal::derive(move || pick(t()).to_owned());
    let apr = c.apr.map(|a| percent(a.nominal_percent));
    let verdict = {
        let (fits, unfit, signing) = (c.fits, c.first_unfit, c.signing_fits);
        move || match (fits, unfit) {
            (true, _) => t().every_month_fits.to_owned(),
            (false, Some(k)) => crate::i18n::fill(t().month_does_not_fit, &[&k.to_string()]),
            (false, None) if !signing => t().signing_does_not_fit.to_owned(),
            _ => String::new(),
        }
    };
    let fits = c.fits;
    let months = c.months.clone();
    let checklist = c.checklist.clone();
    view! {
        <div class="kit-check" data-testid="offer-check">
            <p class=if fits { "badge fits" } else { "badge no-fit" } data-testid="offer-fits" data-fits=fits.to_string()>{verdict}</p>
            <dl class="facts">
                <Line label=label(|t| t.true_apr) value=Signal::derive(move || apr.clone().unwrap_or_else(|| t().forgives.to_owned())) testid="offer-apr" />
                <Line label=label(|t| t.at_signing) value=money(c.at_signing) testid="offer-at-signing" />
                <Line label=words(|t| t.total_paid) value=money(c.total_paid) testid="offer-total" />
                <Line label=words(|t| t.total_interest_fees) value=money(c.cost) testid="offer-cost" />
                <Line label=words(|t| t.saving_vs_contract) value=money(c.saving_vs_contract) testid="offer-vs-contract" />
                <Line label=words(|t| t.saving_vs_nothing) value=money(c.saving_vs_nothing) testid="offer-vs-nothing" />
                {c.saving_vs_ask.map(|s| view! { <Line label=label(|t| t.vs_ask) value=money(s) testid="offer-vs-ask" /> })}
            </dl>
            <details class="kit-months">
                <summary>{kw(|t| t.months_table)}</summary>
                <table data-testid="offer-months">
                    <thead>
                        <tr>
                            <th scope="col">{move || lang.get().text().col_period}</th>
                            <th scope="col">{kw(|t| t.col_date)}</th>
                            <th scope="col">{move || lang.get().text().col_payment}</th>
                            <th scope="col">{kw(|t| t.col_available)}</th>
                            <th scope="col">{kw(|t| t.col_fits)}</th>
                        </tr>
                    </thead>
                    <tbody>
                        {months.into_iter().map(|m| view! {
                            <tr class:no-fit=!m.fits>
                                <td>{m.period}</td>
                                <td>{move || m.date.map(|d| date(d, lang.get())).unwrap_or_default()}</td>
                                <td>{money(m.payment)}</td>
                                <td>{money(m.available)}</td>
                                <td>{move || lang.get().yes_no(m.fits)}</td>
                            </tr>
                        }).collect_view()}
                    </tbody>
                </table>
            </details>
            <h4>{kw(|t| t.checklist_heading)}</h4>
            <ul class="checklist" data-testid="offer-checklist">
                {checklist.into_iter().map(|i| view! { <li>{move || lang.get().agreement_item(i)}</li> }).collect_view()}
            </ul>
        </div>
    }
}
