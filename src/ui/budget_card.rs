//! The monthly budget: income, expenses, other obligations, safety buffer.

use super::fields::{CheckField, FieldProblem, TextField, TextInput};
use super::use_text;
use crate::i18n::Text;
use crate::engine::EngineError;
use crate::input::{parse_amount, parse_percent, parse_signed_amount};
use crate::scenario::BudgetEntry;
use leptos::prelude::*;
use rust_decimal::Decimal;

#[derive(Clone, Copy)]
pub struct BudgetForm {
    pub income: TextInput<Decimal>,
    pub expenses: TextInput<Decimal>,
    pub other_obligations: TextInput<Decimal>,
    pub buffer_percent: TextInput<Decimal>,
    /// Whether the 12-month income forecast is used (seasonal income).
    pub use_forecast: RwSignal<bool>,
    pub forecast: [TextInput<Decimal>; 12],
}

impl BudgetForm {
    pub fn new(b: &BudgetEntry) -> Self {
        Self {
            income: TextInput::new(b.income.to_string(), parse_amount),
            expenses: TextInput::new(b.expenses.to_string(), parse_amount),
            other_obligations: TextInput::new(b.other_obligations.to_string(), parse_amount),
            buffer_percent: TextInput::new(b.buffer_percent.to_string(), parse_percent),
            use_forecast: RwSignal::new(b.forecast.is_some()),
            forecast: std::array::from_fn(|k| {
                let month = b.forecast.map_or(b.income, |f| f[k]);
                TextInput::new(month.to_string(), parse_signed_amount)
            }),
        }
    }

    /// Puts a stored budget back into the fields.
    pub fn fill(&self, b: &BudgetEntry) {
        self.income.text.set(b.income.to_string());
        self.expenses.text.set(b.expenses.to_string());
        self.other_obligations.text.set(b.other_obligations.to_string());
        self.buffer_percent.text.set(b.buffer_percent.to_string());
        self.use_forecast.set(b.forecast.is_some());
        for (k, input) in self.forecast.iter().enumerate() {
            input.text.set(b.forecast.map_or(b.income, |f| f[k]).to_string());
        }
    }

    fn typed(&self) -> Option<BudgetEntry> {
        Some(BudgetEntry {
            income: self.income.value()?,
            expenses: self.expenses.value()?,
            other_obligations: self.other_obligations.value()?,
            buffer_percent: self.buffer_percent.value()?,
            forecast: match self.use_forecast.get() {
                true => {
                    let months: Vec<Decimal> = self.forecast.iter().map(|m| m.value()).collect::<Option<_>>()?;
                    Some(months.try_into().ok()?)
                }
                false => None,
            },
        })
    }

    pub fn engine_error(&self) -> Option<EngineError> {
        self.typed()?.budget().validate().err()
    }

    /// The budget, if every field is valid.
    pub fn entry(&self) -> Option<BudgetEntry> {
        let b = self.typed()?;
        b.budget().validate().ok()?;
        Some(b)
    }
}

const FORECAST_IDS: [&str; 12] = [
    "forecast-1", "forecast-2", "forecast-3", "forecast-4", "forecast-5", "forecast-6",
    "forecast-7", "forecast-8", "forecast-9", "forecast-10", "forecast-11", "forecast-12",
];
const MONTH_LABELS: [fn(&Text) -> &'static str; 12] = [
    |t| t.forecast_months[0], |t| t.forecast_months[1], |t| t.forecast_months[2], |t| t.forecast_months[3],
    |t| t.forecast_months[4], |t| t.forecast_months[5], |t| t.forecast_months[6], |t| t.forecast_months[7],
    |t| t.forecast_months[8], |t| t.forecast_months[9], |t| t.forecast_months[10], |t| t.forecast_months[11],
];

#[component]
pub fn BudgetCard(form: BudgetForm) -> impl IntoView {
    let t = use_text();
    let engine_error = Memo::new(move |_| form.engine_error());
    let error_for = move |field: &'static str| {
        Signal::derive(move || engine_error.get().filter(|e| e.field() == field).map(FieldProblem::Engine))
    };
    view! {
        <div class="grid" data-testid="budget-card">
            <TextField id="income" testid="income" label=|t| t.income input=form.income problem=error_for("income") />
            <TextField id="expenses" testid="expenses" label=|t| t.expenses input=form.expenses problem=error_for("expenses") />
            <TextField
                id="other-obligations" testid="other-obligations"
                label=|t| t.other_obligations
                input=form.other_obligations
                problem=error_for("other_obligations")
            />
            <TextField
                id="buffer-percent" testid="buffer-percent"
                label=|t| t.buffer_percent
                input=form.buffer_percent
                problem=error_for("buffer_percent")
            />
        </div>
        <CheckField id="use-forecast" testid="use-forecast" label=|t| t.use_forecast value=form.use_forecast />
        <Show when=move || form.use_forecast.get()>
            <p class="hint">{move || t().forecast_hint}</p>
            <div class="forecast-grid" data-testid="forecast">
                {form
                    .forecast
                    .into_iter()
                    .enumerate()
                    .map(|(k, input)| {
                        view! {
                            <TextField
                                id=format!("forecast-{k}")
                                testid=FORECAST_IDS[k]
                                label=MONTH_LABELS[k]
                                input=input
                            />
                        }
                    })
                    .collect_view()}
            </div>
        </Show>
    }
}
