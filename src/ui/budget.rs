//! The monthly budget: the budget group of the field contract, then the
//! 12-month income forecast (a switch and, when on, its months).

use super::inputs::FieldInput;
use super::page::use_page;
use super::use_lang;
use super::widgets::Card;
use crate::form::Place;
use crate::scenario::field::{Each, Group, Value};
use crate::scenario::{Field, FORECAST_MONTHS};
use leptos::prelude::*;

#[component]
pub fn BudgetSection() -> impl IntoView {
    view! {
        <Card id="budget" heading_id="budget-h" heading=|t| t.budget_heading>
            <div class="grid budget-grid" data-testid="budget-card">
                {Field::in_group(Group::Budget).map(|f| view! { <FieldInput place=Place::of(f) /> }).collect_view()}
            </div>
            <Forecast />
        </Card>
    }
}

/// The forecast's switch and, when it is on, its hint and months.
#[component]
fn Forecast() -> impl IntoView {
    let page = use_page();
    let lang = use_lang();
    let (switches, months): (Vec<Field>, Vec<Field>) =
        Field::in_group(Group::Forecast).partition(|f| f.spec().each != Each::Month);
    let on = page.value(Place::of(Field::Forecast));
    view! {
        {switches.iter().map(|f| view! { <FieldInput place=Place::of(*f) /> }).collect_view()}
        {move || on.with(|v| *v == Some(Value::Flag(true))).then(|| view! {
            <p class="hint">{move || lang.get().hint(Field::Forecast)}</p>
            <div class="forecast-grid" data-testid="forecast">
                {months
                    .iter()
                    .flat_map(|f| (0..FORECAST_MONTHS).map(move |k| Place::item(*f, k)))
                    .map(|place| view! { <FieldInput place=place /> })
                    .collect_view()}
            </div>
        })}
    }
}
