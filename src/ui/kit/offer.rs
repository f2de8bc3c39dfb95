//! The counter-offer check: the borrower types what a lender offered and
//! sees `engine::counter_offer::check_offer` against the same evaluation:
//! the true APR, the totals against the contract, doing nothing and the
//! ask, each month against the budget, and what the written agreement
//! should state. What is typed is not part of the document.

use crate::letter::Words;
use super::widgets::{by_id, error_html, find, html as html_of, indexed_options, prop, put, select_html, select_open, set_text, value_of, SELECT_END};
use crate::letter::Account;
use super::{change, markup, Kit, Seen};
use crate::engine::counter_offer::{check_offer, CounterOffer, Instalments, OfferField};
use crate::i18n::kit::KitWords;
use crate::input::{parse_amount, parse_months, parse_optional_amount, parse_optional_date, parse_percent};
use crate::scenario::{Field, Rule};
use wasm_bindgen::JsCast;
use web_sys::Element;

/// A typed field that cannot be read, or the offer's rule it breaks.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Fault {
    Read(Rule),
    Offer(crate::engine::counter_offer::OfferRule),
}

/// What was typed, field by field.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Typed {
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

fn message(lang: &'static Words, field: OfferField, fault: Fault) -> String {
    match fault {
        Fault::Read(rule) => lang.problem(like_field(field), rule),
        Fault::Offer(rule) => lang.offer_rule(field, rule),
    }
}

/// The check of what was typed for loan `id` as HTML text, or the field at
/// fault (an offer the engine refuses names its field); `None` until months
/// and amount are typed.
pub type Checked = Option<Result<String, (OfferField, Fault)>>;

/// The counter-offer check ([`checked`]): a chunk of its own (`offer`, the
/// engine's check, the offer's reading and the check's markup), fetched
/// the first time an offer is typed. Only the main wasm calls its loader
/// (`super::load_check`); it hands the check to [`came`].
pub type Checker = fn(&Typed, &Account, &'static Words) -> Checked;

/// What the `offer` chunk holds: the counter-offer check, and the kit's
/// actions that wait for their first click (`super::later`): download,
/// print, and the log's add, remove and undo.
#[derive(Clone, Copy)]
pub struct Later {
    pub check: Checker,
    pub act: fn(Kit, &str, Option<usize>),
}

/// Where the check's chunk is: not asked for yet, coming, not fetched (asked
/// again when the offer is edited), or here.
#[derive(Clone, Copy, Default)]
pub enum Load {
    #[default]
    Idle,
    Loading,
    Failed,
    Ready(Later),
}

/// The check of what was typed against `account`, as HTML text
/// ([`markup::offer_check`]): the `offer` chunk's code.
pub fn checked(t: &Typed, account: &Account, lang: &'static Words) -> Checked {
    let offer = offer(t)?;
    let basis = account.offer_basis?;
    Some(offer.and_then(|o| check_offer(&o, &basis, &account.means()).map_err(|e| (e.field, Fault::Offer(e.rule)))).map(|c| markup::offer_check(lang, &c, basis.is_credit_card)))
}

/// The check of what was typed for loan `id` ([`checked`]), and whether its
/// chunk is to be fetched now; while it comes (or if it could not be
/// fetched) the check's place says so.
pub fn result(s: &Seen, id: &str) -> (Checked, bool) {
    let t = &s.ui.typed;
    if t.months.trim().is_empty() || t.amount.trim().is_empty() {
        return (None, false);
    }
    let Some(account) = s.docs.input.as_ref().and_then(|i| i.accounts.iter().find(|a| a.id == id)).filter(|a| a.offer_basis.is_some()) else { return (None, false) };
    let p = s.lang.lang.page();
    let status = |testid: &str, role: &str, text: &str| Some(Ok(html_of(r#"<p class="lazy-status" role="{}" data-testid="{}">{}</p>"#, &[role, testid, text])));
    match s.ui.check {
        Load::Ready(later) => ((later.check)(t, account, s.lang), false),
        Load::Failed => (status("offer-failed", "alert", p.lazy_failed), false),
        load => (status("offer-loading", "status", p.lazy_loading), matches!(load, Load::Idle)),
    }
}

/// The form: the loan, the text boxes and how the amount is stated (what
/// they say, [`sync`] sets).
pub fn html(lang: &'static Words, accounts: &[(String, String)]) -> String {
    let t = &lang.kit;
    let mut out = String::new();
    put(&mut out, r#"<h3>{}</h3><p class="explain">{}</p><div class="grid" data-testid="offer-form">"#, &[t.offer_heading, t.offer_intro]);
    select_html(&mut out, "offer-loan", t.lender, accounts);
    for (k, (id, label, mode, _)) in INPUTS.iter().enumerate() {
        if k == 1 {
            select_open(&mut out, "offer-stated", t.offer_stated_as);
            indexed_options(&mut out, &[t.offer_monthly, t.offer_total, t.offer_rate]);
            out.push_str(SELECT_END);
        }
        let (kind, mode) = if *mode == "date" { ("date", "text") } else { ("text", *mode) };
        put(
            &mut out,
            r#"<div class="field"><label for="{}">{}</label><input id="{}" type="{}" inputmode="{}" autocomplete="off" data-testid="{}" aria-invalid="false"><div></div></div>"#,
            &[id, label(t), id, kind, mode, id],
        );
    }
    out.push_str("</div>");
    out
}

/// What was typed, in the order of [`INPUTS`].
fn texts(t: &Typed) -> [&str; 6] {
    [&t.months, &t.amount, &t.fee, &t.upfront, &t.down, &t.first]
}

/// Brings the form in step: the loan and the way picked, what was typed
/// (after a redraw), each box's problem.
pub fn sync(s: &Seen, el: &Element, picked: &str, result: &Checked) {
    set_text(by_id(el, "offer-loan"), "value", picked);
    let typed = &s.ui.typed;
    set_text(by_id(el, "offer-stated"), "value", &typed.stated.to_string());
    for ((id, _, _, fields), text) in INPUTS.iter().zip(texts(typed)) {
        let Some(input) = by_id(el, id) else { continue };
        set_text(Some(input.clone()), "value", text);
        let error = match result {
            Some(Err((f, fault))) if fields.contains(f) => Some(message(s.lang, *f, *fault)),
            _ => None,
        };
        problem(&input, id, error);
    }
}

/// A text box's problem: under it, in its `aria-*` and its field's class.
fn problem(input: &Element, id: &str, error: Option<String>) {
    let error_id = [id, "-error"].concat();
    let invalid = error.is_some();
    let _ = input.set_attribute("aria-invalid", if invalid { "true" } else { "false" });
    let _ = if invalid { input.set_attribute("aria-describedby", &error_id) } else { input.remove_attribute("aria-describedby") };
    // Read by name: `parent_element` would add its glue to the first load's JS.
    let field = prop(input, "parentElement").dyn_into::<Element>().ok();
    if let Some(field) = &field {
        let _ = field.set_attribute("class", if invalid { "field invalid" } else { "field" });
    }
    let html = error_html(&error_id, &error_id, error);
    if let Some(slot) = field.and_then(|f| find(&f, ":scope > div")) {
        if prop(&slot, "innerHTML").as_string().as_deref() != Some(&html) {
            slot.set_inner_html(&html);
        }
    }
}

/// The check's verdict, figures, months and checklist, as HTML text (or
/// that its chunk is coming, or could not be fetched).
pub fn check(result: &Checked) -> String {
    match result {
        Some(Ok(html)) => html.clone(),
        _ => String::new(),
    }
}

/// What the form now says: the loan, the way the amount is stated, the boxes.
pub fn typed(kit: Kit, el: &Element) {
    let loan = value_of(el, "offer-loan");
    let v = |k: usize| value_of(el, INPUTS[k].0);
    let stated = value_of(el, "offer-stated").parse().unwrap_or(0);
    let typed = Typed { months: v(0), stated, amount: v(1), fee: v(2), upfront: v(3), down: v(4), first: v(5) };
    change(kit, |u| {
        (u.offer_loan, u.typed) = (loan, typed);
        if let Load::Failed = u.check {
            u.check = Load::Idle;
        }
    });
}

/// A text box of the offer: its id, label, input mode, and the offer
/// fields whose faults show at it. The engine has no field for the first
/// payment date (it cannot be wrong once read): its read errors travel as
/// `Owed`, whose own rule (nothing owed) cannot happen for a loan the
/// evaluation analysed, and are shown at the date.
type Input = (&'static str, fn(&KitWords) -> &'static str, &'static str, &'static [OfferField]);

/// The offer's text boxes, in the form's order (the way the amount is
/// stated is picked between the first and the second).
const INPUTS: [Input; 6] = [
    ("offer-months", |t| t.offer_months, "numeric", &[OfferField::Months]),
    ("offer-amount", |t| t.offer_amount, "decimal", &[OfferField::Monthly, OfferField::Total, OfferField::AnnualRate]),
    ("offer-fee", |t| t.offer_fee, "decimal", &[OfferField::MonthlyFee]),
    ("offer-upfront", |t| t.offer_upfront, "decimal", &[OfferField::UpfrontFee]),
    ("offer-down", |t| t.offer_down, "decimal", &[OfferField::DownPayment]),
    ("offer-first", |t| t.offer_first_date, "date", &[OfferField::Owed]),
];
