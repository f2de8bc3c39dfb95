//! One loan: lender preset, principal, quoted rate, method, term, fee.

use super::fields::{SelectField, TextField, TextInput};
use super::{use_lang, use_text};
use crate::engine::{DayBasis, EngineError, Lender, Method, RateUnit};
use crate::i18n::{rate_percent, Lang};
use crate::input::{parse_amount, parse_months, parse_percent};
use crate::scenario::{LoanEntry, RateEntry};
use leptos::prelude::*;
use rust_decimal::Decimal;

/// The loan card's state: raw text where the user types, choices elsewhere.
#[derive(Clone, Copy)]
pub struct LoanForm {
    pub lender: RwSignal<Lender>,
    pub principal: TextInput<Decimal>,
    pub rate: TextInput<Decimal>,
    pub rate_unit: RwSignal<RateUnit>,
    pub day_basis: RwSignal<DayBasis>,
    pub method: RwSignal<Method>,
    pub months: TextInput<u32>,
    pub upfront_fee: TextInput<Decimal>,
}

impl LoanForm {
    pub fn new(entry: &LoanEntry) -> Self {
        Self {
            lender: RwSignal::new(entry.lender),
            principal: TextInput::new(entry.principal.to_string(), parse_amount),
            rate: TextInput::new(entry.rate.value.to_string(), parse_percent),
            rate_unit: RwSignal::new(entry.rate.unit),
            day_basis: RwSignal::new(entry.rate.day_basis),
            method: RwSignal::new(entry.method),
            months: TextInput::new(entry.months.to_string(), parse_months),
            upfront_fee: TextInput::new(entry.upfront_fee.to_string(), parse_amount),
        }
    }

    /// Fills the lender's typical terms (the user can change them after).
    pub fn apply_preset(&self, lender: Lender) {
        let p = lender.preset();
        self.rate.text.set(p.typical_rate.to_string());
        self.rate_unit.set(p.rate_unit);
        self.method.set(p.method);
    }

    /// The entry as typed, if every field parses (not yet checked by the engine).
    fn typed(&self, id: &str) -> Option<LoanEntry> {
        Some(LoanEntry {
            id: id.to_string(),
            lender: self.lender.get(),
            name: String::new(),
            principal: self.principal.value()?,
            rate: RateEntry { value: self.rate.value()?, unit: self.rate_unit.get(), day_basis: self.day_basis.get() },
            method: self.method.get(),
            months: self.months.value()?,
            upfront_fee: self.upfront_fee.value()?,
        })
    }

    /// The first rule the engine finds broken, for display at its field.
    pub fn engine_error(&self) -> Option<EngineError> {
        self.typed("a")?.loan().validate().err()
    }

    /// The entry, if it is complete and valid.
    pub fn entry(&self, id: &str) -> Option<LoanEntry> {
        let entry = self.typed(id)?;
        entry.loan().validate().ok()?;
        Some(entry)
    }
}

#[component]
pub fn LoanCard(
    /// The loan's id in the scenario; prefixes element ids.
    prefix: String,
    /// 1-based position, for the heading.
    number: usize,
    form: LoanForm,
    /// Removes this loan; `None` when it is the only one.
    on_remove: Option<Callback<()>>,
) -> impl IntoView {
    let t = use_text();
    let lang = use_lang();
    let engine_error = Memo::new(move |_| form.engine_error());
    let error_for = move |field: &'static str| {
        Signal::derive(move || engine_error.get().filter(|e| e.field() == field))
    };
    // "Equals 1.5% a month, 18% a year" under the rate, from the last valid rate.
    let equivalents = move || {
        let value = form.rate.value()?;
        let rate = RateEntry { value, unit: form.rate_unit.get(), day_basis: form.day_basis.get() }.quoted();
        let [d, m, y] = lang.get().rate_forms();
        Some(format!(
            "{} {d} {} · {m} {} · {y} {}",
            t().rate_equivalents,
            rate_percent(rate.daily_percent()),
            rate_percent(rate.monthly_percent()),
            rate_percent(rate.annual_percent()),
        ))
    };
    view! {
        <div class="loan" data-testid="loan-card" data-loan=prefix.clone()>
            <div class="loan-head">
                <h3>{move || format!("{} {number} · {}", t().loan_label, lang.get().lender(form.lender.get()))}</h3>
                {on_remove.map(|remove| view! {
                    <button type="button" class="link-button" data-testid="remove-loan" on:click=move |_| remove.run(())>
                        {move || t().remove_loan}
                    </button>
                })}
            </div>
            <div class="grid">
                <SelectField
                    id=format!("{prefix}-lender") testid="lender"
                    label=|t| t.lender
                    value=form.lender
                    options=Lender::ALL.to_vec()
                    name=Lang::lender
                    on_pick=Callback::new(move |l| form.apply_preset(l))
                />
                <TextField
                    id=format!("{prefix}-principal") testid="principal"
                    label=|t| t.principal
                    input=form.principal
                    hint=|t| t.principal_hint
                    engine_error=error_for("principal")
                />
                <div class="rate-pair">
                    <TextField id=format!("{prefix}-rate") testid="rate" label=|t| t.rate input=form.rate engine_error=error_for("rate") />
                    <SelectField
                        id=format!("{prefix}-rate-unit") testid="rate-unit"
                        label=|t| t.rate_unit
                        value=form.rate_unit
                        options=vec![RateUnit::DailyPercent, RateUnit::MonthlyPercent, RateUnit::AnnualPercent]
                        name=Lang::rate_unit
                    />
                </div>
                <SelectField
                    id=format!("{prefix}-day-basis") testid="day-basis"
                    label=|t| t.day_basis
                    value=form.day_basis
                    options=vec![DayBasis::D360, DayBasis::D365]
                    name=|lang, b| match b {
                        DayBasis::D360 => lang.text().days_360,
                        DayBasis::D365 => lang.text().days_365,
                    }
                />
                <SelectField id=format!("{prefix}-method") testid="method" label=|t| t.method value=form.method options=Method::ALL.to_vec() name=Lang::method />
                <TextField
                    id=format!("{prefix}-months") testid="months"
                    label=|t| t.months
                    input=form.months
                    hint=|t| t.months_hint
                    inputmode="numeric"
                    engine_error=error_for("months")
                />
                <TextField
                    id=format!("{prefix}-upfront-fee") testid="upfront-fee"
                    label=|t| t.upfront_fee
                    input=form.upfront_fee
                    hint=|t| t.upfront_fee_hint
                    engine_error=error_for("fee")
                />
            </div>
            <p class="equivalents" data-testid="rate-equivalents">{equivalents}</p>
            <p class="preset-note">{move || t().preset_note}</p>
        </div>
    }
}
