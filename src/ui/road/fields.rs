//! The road's inputs as HTML text: the budget, and each loan's one-off
//! prepayments, monthly extra and fee. Drawn as `ui::inputs::FieldInput`
//! draws them (ids, test ids, labels, hints, problems), each in an element
//! `data-k="k"` (`k` its index in [`places`]); the section's one effect
//! keeps each input's value and problem in step with the page ([`sync_all`]),
//! and its delegated handlers send what is typed or picked ([`typed`]).
//! Why not a `FieldInput` per field: every `view!` tree is render code of
//! its own type, and issue 12 allows the road 12 KB brotli.

use super::super::page::Page;
use super::markup::put;
use crate::form::{Form, Place};
use crate::i18n::Lang;
use crate::scenario::field::{Each, Kind, Value};
use crate::scenario::{Field, Rule};
use wasm_bindgen::{JsCast, JsValue};
use web_sys::Element;

/// A loan's fields after its prepayments (each prepayment: [`ITEM`]).
pub const LOAN: [Field; 2] = [Field::ExtraMonthly, Field::PrepaymentFeePercent];
/// A one-off prepayment's fields.
pub const ITEM: [Field; 3] = [Field::PrepaymentMonth, Field::PrepaymentAmount, Field::PrepaymentEffect];

/// Every input of the road, in the page's order: the budget, then each
/// loan's prepayments' fields and its own.
pub fn places(f: &Form) -> Vec<Place> {
    let mut out = vec![Place { field: Field::StrategyBudget, loan: None, item: 0 }];
    for (i, &key) in f.loans().iter().enumerate() {
        let items = f.document().loans.get(i).map_or(0, |l| l.prepayments.len());
        for item in 0..items as u16 {
            out.extend(ITEM.map(|field| Place { field, loan: Some(key), item }));
        }
        out.extend(LOAN.map(|field| Place { field, loan: Some(key), item: 0 }));
    }
    out
}

/// The element id of a place, as `FieldInput` gives it: the field's id,
/// prefixed with its loan's id, a prepayment's numbered (`a-prepayment-month-2`).
pub fn element_id(f: &Form, place: Place) -> String {
    let id = place.field.spec().id;
    match place.loan.and_then(|k| f.loan_id(k)) {
        Some(loan) if place.field.spec().each == Each::Prepayment => [loan, "-", id, "-", &(place.item + 1).to_string()].concat(),
        Some(loan) => [loan, "-", id].concat(),
        None => id.to_owned(),
    }
}

/// The options of a list (`None`: a text box).
fn options(field: Field) -> Option<&'static [crate::scenario::field::Choice]> {
    match field.kind() {
        Kind::Choice(options) => Some(options),
        _ => None,
    }
}

/// Place number `k` as HTML text: its label, its input (a text box or a
/// list) and its hint; its problem goes into the empty `<div>` at its end.
pub fn field_html(out: &mut String, lang: Lang, k: usize, place: Place, id: &str) {
    let (field, testid) = (place.field, place.field.spec().id);
    let label = lang.label(field, place.item.into());
    put(out, r#"<div class="field" data-k="{}"><label for="{}">{}</label>"#, &[&k.to_string(), id, &label]);
    if let Some(options) = options(field) {
        put(out, r#"<select id="{}" data-testid="{}">"#, &[id, testid]);
        for (i, c) in options.iter().enumerate() {
            put(out, r#"<option value="{}">{}</option>"#, &[&i.to_string(), lang.choice(*c)]);
        }
        out.push_str("</select></div>");
        return;
    }
    let mode = if matches!(field.kind(), Kind::Count { .. }) { "numeric" } else { "decimal" };
    put(out, r#"<input id="{}" type="text" inputmode="{}" autocomplete="off" data-testid="{}" aria-invalid="false">"#, &[id, mode, testid]);
    if let Some(hint) = lang.hint(field) {
        put(out, r#"<p class="hint" id="{}-hint">{}</p>"#, &[id, hint]);
    }
    out.push_str("<div></div></div>");
}

/// A property of an element, read by name (a `web_sys` method the page
/// does not use yet would add its glue to the first load's JS).
fn prop(el: &JsValue, name: &str) -> JsValue {
    js_sys::Reflect::get(el, &name.into()).unwrap_or(JsValue::UNDEFINED)
}

fn set_prop(el: &JsValue, name: &str, v: JsValue) {
    let _ = js_sys::Reflect::set(el, &name.into(), &v);
}

/// Sets `el`'s HTML unless it is that already (a problem's `role="alert"`
/// is announced only when it changes; a redraw would lose the focus).
pub fn set_html(el: &Element, html: &str) {
    if prop(el, "innerHTML").as_string().as_deref() != Some(html) {
        el.set_inner_html(html);
    }
}

/// Brings every input under `root` in step with the page: its value or
/// pick, and its problem.
pub fn sync_all(root: &Element, lang: Lang, page: Page) {
    page.problems(|problems| {
        page.with(|f| {
            for (k, place) in places(f).into_iter().enumerate() {
                let Some(field) = root.query_selector(&["[data-k=\"", &k.to_string(), "\"]"].concat()).ok().flatten() else { continue };
                let Some(input) = field.query_selector("input,select").ok().flatten() else { continue };
                if let Some(options) = options(place.field) {
                    let value = f.value(place);
                    let i = options.iter().position(|c| value == Some(Value::Choice(*c)));
                    set_prop(&input, "selectedIndex", (i.map_or(-1.0, |i| i as f64)).into());
                    continue;
                }
                let text = f.text(place);
                if prop(&input, "value").as_string().as_deref() != Some(text.as_str()) {
                    set_prop(&input, "value", text.into());
                }
                let rule = problems.iter().find(|(p, _)| *p == place).map(|(_, r)| *r);
                problem(&field, &input, lang, place, &element_id(f, place), rule);
            }
        })
    });
}

/// A text box's problem: under it, in its `aria-*` and its field's class.
fn problem(field: &Element, input: &Element, lang: Lang, place: Place, id: &str, rule: Option<Rule>) {
    let error_id = [id, "-error"].concat();
    let hint = lang.hint(place.field).map(|_| [id, "-hint"].concat());
    let described: Vec<String> = hint.into_iter().chain(rule.map(|_| error_id.clone())).collect();
    let _ = input.set_attribute("aria-invalid", if rule.is_some() { "true" } else { "false" });
    let _ = if described.is_empty() { input.remove_attribute("aria-describedby") } else { input.set_attribute("aria-describedby", &described.join(" ")) };
    let _ = field.set_attribute("class", if rule.is_some() { "field invalid" } else { "field" });
    let mut html = String::new();
    if let Some(rule) = rule {
        let testid = [place.field.spec().id, "-error"].concat();
        put(&mut html, r#"<p class="field-error" id="{}" role="alert" data-testid="{}">{}</p>"#, &[&error_id, &testid, &lang.problem(place.field, rule)]);
    }
    if let Some(slot) = field.query_selector(":scope > div").ok().flatten() {
        set_html(&slot, &html);
    }
}

/// What was typed or picked in an input of the road (`change`: the
/// `change` event, else `input`), for the page.
pub fn typed(page: Page, ev: &web_sys::Event, change: bool) {
    let Some(el) = ev.target().and_then(|t| t.dyn_into::<Element>().ok()) else { return };
    let k = el.closest("[data-k]").ok().flatten().and_then(|f| f.get_attribute("data-k")?.parse::<usize>().ok());
    let Some(place) = k.and_then(|k| page.peek(|f| places(f).get(k).copied())) else { return };
    let value = prop(&el, "value").as_string().unwrap_or_default();
    match (options(place.field), change) {
        (None, false) => page.type_text(place, value),
        (None, true) => page.commit(),
        (Some(options), true) => {
            if let Some(c) = value.parse::<usize>().ok().and_then(|i| options.get(i)) {
                page.set(place, Value::Choice(*c));
            }
        }
        (Some(_), false) => {}
    }
}
