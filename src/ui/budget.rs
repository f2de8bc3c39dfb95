//! The monthly budget: the budget group of the field contract, then the
//! 12-month income forecast (a switch and, when on, its months), each a
//! form of `super::inputs`.

use super::field_markup::put;
use super::inputs::{fields, keep, typed, Synced};
use super::markup::draw;
use super::page::use_page;
use super::use_lang;
use super::widgets::Card;
use crate::form::Place;
use crate::i18n::{fill, Lang};
use crate::scenario::field::{Each, Group, Value};
use crate::scenario::{Field, FORECAST_MONTHS};
use leptos::html::Div;
use leptos::prelude::*;
use std::rc::Rc;
use web_sys::Element;

#[component]
pub fn BudgetSection() -> impl IntoView {
    view! {
        <Card id="budget" heading_id="budget-h" heading=|t| t.budget_heading>
            {fields(Field::in_group(Group::Budget).map(Place::of).collect(), "grid budget-grid", Some("budget-card"))}
            <Forecast />
        </Card>
    }
}

/// The forecast's switch and, when it is on, its hint and months: HTML
/// text drawn by one effect (issue 13: no `view!` of its own), the months
/// a form kept by `super::inputs::keep`, drawn again when the language
/// changes and gone when the switch is off; under them, while it is on,
/// whether every year is like this (what months 13+ have).
#[component]
fn Forecast() -> impl IntoView {
    let (page, lang) = (use_page(), use_lang());
    let (switches, months): (Vec<Field>, Vec<Field>) =
        Field::in_group(Group::Forecast).filter(|f| *f != Field::ForecastRepeats).partition(|f| f.spec().each != Each::Month);
    let on = Memo::new(move |_| page.with(|f| f.value(Place::of(Field::Forecast)) == Some(Value::Flag(true))));
    let months: Rc<[Place]> = months.iter().flat_map(|f| (0..FORECAST_MONTHS).map(move |k| Place::item(*f, k))).collect();
    let root = NodeRef::<Div>::new();
    let mine = months.clone();
    Effect::new(move |was: Option<Option<(Lang, Synced)>>| {
        let lang = lang.get();
        let el: Element = root.get()?.into();
        let was = was.flatten();
        if !on.get() {
            if was.is_some() {
                el.set_inner_html("");
            }
            return None;
        }
        let drawn = was.filter(|(l, _)| *l == lang).map(|(_, s)| s);
        if drawn.is_none() {
            let mut out = String::new();
            // The long note on what the months are used for is a fold: the
            // dates line above says what to type (the page at 375 px, w15).
            put(
                &mut out,
                r#"<details class="more note-fold" data-testid="forecast-use"><summary>{}</summary><p class="hint">{}</p></details><div class="forecast-grid" data-testid="forecast"></div>"#,
                &[lang.page().forecast_use, lang.hint(Field::Forecast).unwrap_or_default()],
            );
            el.set_inner_html(&out);
        }
        let grid = el.last_element_child()?;
        Some((lang, keep(page, &grid, lang, &mine, drawn)))
    });
    let on_change = months.clone();
    // Which dates months 1 and 12 are (the plans' months, as the summary's
    // failing months name them): "第1个月" alone left a seasonal shop to
    // guess, and its lows landed on the wrong months (review F3).
    let dates = NodeRef::<Div>::new();
    draw(dates, move |out| {
        if !on.get() {
            return;
        }
        let lang = lang.get();
        let at = |k: usize| page.evaluation.with(|e| e.plans.first().and_then(|p| p.months.get(k)).and_then(|m| m.date));
        if let (Some(first), Some(last)) = (at(0), at(FORECAST_MONTHS - 1)) {
            put(out, r#"<p class="hint" data-testid="forecast-dates">{}</p>"#, &[&fill(lang.page().forecast_dates, &[&first.to_string(), &last.to_string()])]);
        }
    });
    view! {
        {fields(switches.into_iter().map(Place::of).collect(), "forecast-switch", None)}
        <div node_ref=dates></div>
        <div node_ref=root on:input=move |ev| typed(page, &ev, &months, false) on:change=move |ev| typed(page, &ev, &on_change, true)></div>
        <div hidden=move || !on.get()>{fields(vec![Place::of(Field::ForecastRepeats)], "forecast-repeats", None)}</div>
    }
}
