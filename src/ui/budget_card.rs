//! The monthly budget: income, expenses, other obligations, safety buffer.

use super::fields::{TextField, TextInput};
use crate::engine::EngineError;
use crate::input::{parse_amount, parse_percent};
use crate::scenario::BudgetEntry;
use leptos::prelude::*;
use rust_decimal::Decimal;

#[derive(Clone, Copy)]
pub struct BudgetForm {
    pub income: TextInput<Decimal>,
    pub expenses: TextInput<Decimal>,
    pub other_obligations: TextInput<Decimal>,
    pub buffer_percent: TextInput<Decimal>,
}

impl BudgetForm {
    pub fn new(b: &BudgetEntry) -> Self {
        Self {
            income: TextInput::new(b.income.to_string(), parse_amount),
            expenses: TextInput::new(b.expenses.to_string(), parse_amount),
            other_obligations: TextInput::new(b.other_obligations.to_string(), parse_amount),
            buffer_percent: TextInput::new(b.buffer_percent.to_string(), parse_percent),
        }
    }

    /// Puts a stored budget back into the fields.
    pub fn fill(&self, b: &BudgetEntry) {
        self.income.text.set(b.income.to_string());
        self.expenses.text.set(b.expenses.to_string());
        self.other_obligations.text.set(b.other_obligations.to_string());
        self.buffer_percent.text.set(b.buffer_percent.to_string());
    }

    fn typed(&self) -> Option<BudgetEntry> {
        Some(BudgetEntry {
            income: self.income.value()?,
            expenses: self.expenses.value()?,
            other_obligations: self.other_obligations.value()?,
            buffer_percent: self.buffer_percent.value()?,
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

#[component]
pub fn BudgetCard(form: BudgetForm) -> impl IntoView {
    let engine_error = Memo::new(move |_| form.engine_error());
    let error_for = move |field: &'static str| {
        Signal::derive(move || engine_error.get().filter(|e| e.field() == field))
    };
    view! {
        <div class="grid" data-testid="budget-card">
            <TextField id="income" testid="income" label=|t| t.income input=form.income engine_error=error_for("income") />
            <TextField id="expenses" testid="expenses" label=|t| t.expenses input=form.expenses engine_error=error_for("expenses") />
            <TextField
                id="other-obligations" testid="other-obligations"
                label=|t| t.other_obligations
                input=form.other_obligations
                engine_error=error_for("other_obligations")
            />
            <TextField
                id="buffer-percent" testid="buffer-percent"
                label=|t| t.buffer_percent
                input=form.buffer_percent
                engine_error=error_for("buffer_percent")
            />
        </div>
    }
}
