//! The monthly budget: the budget group of the field contract, then the
//! 12-month income forecast (a switch and, when on, its months), each a
//! form of `super::inputs`.

use super::inputs::fields;
use super::page::use_page;
use super::widgets::{say, Card};
use crate::form::Place;
use crate::scenario::field::{Each, Group, Value};
use crate::scenario::{Field, FORECAST_MONTHS};
use leptos::prelude::*;

#[component]
pub fn BudgetSection() -> impl IntoView {
    view! {
        <Card id="budget" heading_id="budget-h" heading=|t| t.budget_heading>
            {fields(Field::in_group(Group::Budget).map(Place::of).collect(), "grid budget-grid", Some("budget-card"))}
            <Forecast />
        </Card>
    }
}

/// The forecast's switch and, when it is on, its hint and months.
#[component]
fn Forecast() -> impl IntoView {
    let page = use_page();
    let (switches, months): (Vec<Field>, Vec<Field>) =
        Field::in_group(Group::Forecast).partition(|f| f.spec().each != Each::Month);
    let on = Memo::new(move |_| page.with(|f| f.value(Place::of(Field::Forecast)) == Some(Value::Flag(true))));
    let months: Vec<Place> = months.iter().flat_map(|f| (0..FORECAST_MONTHS).map(move |k| Place::item(*f, k))).collect();
    view! {
        {fields(switches.into_iter().map(Place::of).collect(), "forecast-switch", None)}
        {move || on.get().then(|| view! {
            <p class="hint">{say(|l| l.hint(Field::Forecast).unwrap_or_default())}</p>
            {fields(months.clone(), "forecast-grid", Some("forecast"))}
        })}
    }
}
