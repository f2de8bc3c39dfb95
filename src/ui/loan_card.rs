//! One loan: lender preset, principal, quoted rate, method, term, fee.

use super::fields::{CheckField, FieldProblem, SelectField, TextField, TextInput};
use super::{use_lang, use_text};
use crate::engine::dates::Date;
use crate::engine::proposal::{LISTED_HOLIDAYS, MAX_HOLIDAY_MONTHS};
use crate::engine::{DayBasis, DayCount, EngineError, Lender, Method, PenaltyBase, PenaltyRule, RateUnit};
use crate::i18n::{rate_percent, Lang, Text};
use crate::input::{parse_amount, parse_days, parse_months, parse_optional_amount, parse_optional_date, parse_percent};
use crate::scenario::{LoanEntry, OverdueEntry, PenaltyEntry, RateEntry};
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
    pub overdue_days: TextInput<u32>,
    pub overdue_principal: TextInput<Decimal>,
    pub overdue_interest: TextInput<Decimal>,
    pub penalty_multiplier: TextInput<Decimal>,
    pub penalty_compound: RwSignal<bool>,
    pub penalty_base: RwSignal<PenaltyBase>,
    pub app_payment: TextInput<Option<Decimal>>,
    pub next_due_date: TextInput<Option<Date>>,
    pub settlement_offer: TextInput<Option<Decimal>>,
    /// Payment holiday to propose, in months (1–6).
    pub holiday_months: RwSignal<u32>,
}

fn optional_text<T: ToString>(v: Option<T>) -> String {
    v.map(|v| v.to_string()).unwrap_or_default()
}

/// Where a problem with the entry belongs, and what to say.
#[derive(Clone, Copy, PartialEq)]
pub enum LoanProblem {
    Engine(EngineError),
    /// A rule of the optional fields, by field key (`overdue.days`, `penalty.multiplier`, …).
    Extra(&'static str),
}

impl LoanForm {
    pub fn new(entry: &LoanEntry) -> Self {
        let overdue = entry.overdue.unwrap_or_default();
        let penalty = entry.penalty_rule();
        Self {
            lender: RwSignal::new(entry.lender),
            principal: TextInput::new(entry.principal.to_string(), parse_amount),
            rate: TextInput::new(entry.rate.value.to_string(), parse_percent),
            rate_unit: RwSignal::new(entry.rate.unit),
            day_basis: RwSignal::new(entry.rate.day_basis),
            method: RwSignal::new(entry.method),
            months: TextInput::new(entry.months.to_string(), parse_months),
            upfront_fee: TextInput::new(entry.upfront_fee.to_string(), parse_amount),
            overdue_days: TextInput::new(overdue.days.to_string(), parse_days),
            overdue_principal: TextInput::new(overdue.principal.to_string(), parse_amount),
            overdue_interest: TextInput::new(overdue.interest.to_string(), parse_amount),
            penalty_multiplier: TextInput::new(penalty.multiplier.to_string(), parse_percent),
            penalty_compound: RwSignal::new(penalty.compound),
            penalty_base: RwSignal::new(penalty.base),
            app_payment: TextInput::new(optional_text(entry.app_payment), parse_optional_amount),
            next_due_date: TextInput::new(optional_text(entry.next_due_date), parse_optional_date),
            settlement_offer: TextInput::new(optional_text(entry.settlement_offer), parse_optional_amount),
            holiday_months: RwSignal::new(entry.holiday_months.unwrap_or(LISTED_HOLIDAYS[0])),
        }
    }

    /// Fills the lender's typical terms (the user can change them after).
    pub fn apply_preset(&self, lender: Lender) {
        let p = lender.preset();
        self.rate.text.set(p.typical_rate.to_string());
        self.rate_unit.set(p.rate_unit);
        self.method.set(p.method);
        let rule = lender.penalty();
        self.penalty_multiplier.text.set(rule.multiplier.to_string());
        self.penalty_compound.set(rule.compound);
        self.penalty_base.set(rule.base);
    }

    /// The entry as typed, if every field parses (not yet checked by the engine).
    fn typed(&self, id: &str) -> Option<LoanEntry> {
        let lender = self.lender.get();
        let overdue = OverdueEntry {
            days: self.overdue_days.value()?,
            principal: self.overdue_principal.value()?,
            interest: self.overdue_interest.value()?,
        };
        let rule = PenaltyRule {
            multiplier: self.penalty_multiplier.value()?,
            compound: self.penalty_compound.get(),
            base: self.penalty_base.get(),
        };
        Some(LoanEntry {
            id: id.to_string(),
            lender,
            name: String::new(),
            principal: self.principal.value()?,
            rate: RateEntry { value: self.rate.value()?, unit: self.rate_unit.get(), day_basis: self.day_basis.get() },
            method: self.method.get(),
            months: self.months.value()?,
            upfront_fee: self.upfront_fee.value()?,
            // Stored only when it says something: the file stays minimal.
            overdue: (overdue != OverdueEntry::default()).then_some(overdue),
            penalty: (rule != lender.penalty()).then(|| PenaltyEntry::of(rule)),
            app_payment: self.app_payment.value()?,
            next_due_date: self.next_due_date.value()?,
            period_start: None,
            settlement_offer: self.settlement_offer.value()?,
            holiday_months: Some(self.holiday_months.get()).filter(|h| *h != LISTED_HOLIDAYS[0]),
        })
    }

    /// The first rule found broken, for display at its field.
    pub fn problem(&self, day_count: DayCount) -> Option<LoanProblem> {
        let entry = self.typed("a")?;
        if let Err(e) = entry.loan().validate() {
            return Some(LoanProblem::Engine(e));
        }
        let e = entry.validate_extras(0, day_count).err()?;
        let key = e.path.strip_prefix("loans[0].").unwrap_or(&e.path);
        Some(LoanProblem::Extra(EXTRA_FIELDS.iter().find(|f| **f == key).copied().unwrap_or("loan")))
    }

    /// The entry, if it is complete and valid.
    pub fn entry(&self, id: &str, day_count: DayCount) -> Option<LoanEntry> {
        let entry = self.typed(id)?;
        entry.loan().validate().ok()?;
        entry.validate_extras(0, day_count).ok()?;
        Some(entry)
    }
}

/// Holiday lengths as select labels, per language (`Lang as usize`).
const HOLIDAY_NAMES: [[&str; 6]; 2] = [
    ["1 个月", "2 个月", "3 个月", "4 个月", "5 个月", "6 个月"],
    ["1 month", "2 months", "3 months", "4 months", "5 months", "6 months"],
];

const EXTRA_FIELDS: [&str; 7] = [
    "overdue.days",
    "overdue.principal",
    "overdue.interest",
    "penalty.multiplier",
    "app_payment",
    "settlement_offer",
    "next_due_date",
];

#[component]
pub fn LoanCard(
    /// The loan's id in the scenario; prefixes element ids.
    prefix: String,
    /// 1-based position, for the heading.
    number: usize,
    form: LoanForm,
    #[prop(into)] day_count: Signal<DayCount>,
    /// Removes this loan; `None` when it is the only one.
    on_remove: Option<Callback<()>>,
) -> impl IntoView {
    let t = use_text();
    let lang = use_lang();
    let problem = Memo::new(move |_| form.problem(day_count.get()));
    let error_for = move |field: &'static str| {
        Signal::derive(move || match problem.get() {
            Some(LoanProblem::Engine(e)) if e.field() == field => Some(FieldProblem::Engine(e)),
            Some(LoanProblem::Extra(f)) if f == field => Some(FieldProblem::Rule(extra_message(f))),
            _ => None,
        })
    };
    // "Equals 1.5% a month, 18% a year" under the rate.
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
    let id = move |field: &str| format!("{prefix}-{field}");
    let overdue_open = form.overdue_days.value().unwrap_or(0) > 0;
    view! {
        <div class="loan" data-testid="loan-card" data-loan=id("").trim_end_matches('-').to_string()>
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
                    id=id("lender")
                    testid="lender"
                    label=|t| t.lender
                    value=form.lender
                    options=Lender::ALL.to_vec()
                    name=Lang::lender
                    on_pick=Callback::new(move |l| form.apply_preset(l))
                />
                <TextField
                    id=id("principal")
                    testid="principal"
                    label=|t| t.principal
                    input=form.principal
                    hint=|t| t.principal_hint
                    problem=error_for("principal")
                />
                <div class="rate-pair">
                    <TextField id=id("rate") testid="rate" label=|t| t.rate input=form.rate problem=error_for("rate") />
                    <SelectField
                        id=id("rate-unit")
                        testid="rate-unit"
                        label=|t| t.rate_unit
                        value=form.rate_unit
                        options=vec![RateUnit::DailyPercent, RateUnit::MonthlyPercent, RateUnit::AnnualPercent]
                        name=Lang::rate_unit
                    />
                </div>
                <SelectField
                    id=id("day-basis")
                    testid="day-basis"
                    label=|t| t.day_basis
                    value=form.day_basis
                    options=vec![DayBasis::D360, DayBasis::D365]
                    name=|lang, b| match b {
                        DayBasis::D360 => lang.text().days_360,
                        DayBasis::D365 => lang.text().days_365,
                    }
                />
                <SelectField id=id("method") testid="method" label=|t| t.method value=form.method options=Method::ALL.to_vec() name=Lang::method />
                <TextField
                    id=id("months")
                    testid="months"
                    label=|t| t.months
                    input=form.months
                    hint=|t| t.months_hint
                    inputmode="numeric"
                    problem=error_for("months")
                />
                <TextField
                    id=id("upfront-fee")
                    testid="upfront-fee"
                    label=|t| t.upfront_fee
                    input=form.upfront_fee
                    hint=|t| t.upfront_fee_hint
                    problem=error_for("fee")
                />
            </div>
            <p class="equivalents" data-testid="rate-equivalents">{equivalents}</p>
            <p class="preset-note">{move || t().preset_note}</p>
            <details class="more" open=overdue_open data-testid="overdue-details">
                <summary>{move || t().overdue_heading}</summary>
                <div class="grid">
                    <TextField
                        id=id("overdue-days")
                        testid="overdue-days"
                        label=|t| t.overdue_days
                        input=form.overdue_days
                        inputmode="numeric"
                        problem=error_for("overdue.days")
                    />
                    <TextField
                        id=id("overdue-principal")
                        testid="overdue-principal"
                        label=|t| t.overdue_principal
                        input=form.overdue_principal
                        hint=|t| t.overdue_principal_hint
                        problem=error_for("overdue.principal")
                    />
                    <TextField
                        id=id("overdue-interest")
                        testid="overdue-interest"
                        label=|t| t.overdue_interest
                        input=form.overdue_interest
                        problem=error_for("overdue.interest")
                    />
                    <TextField
                        id=id("penalty-multiplier")
                        testid="penalty-multiplier"
                        label=|t| t.penalty_multiplier
                        input=form.penalty_multiplier
                        hint=|t| t.penalty_multiplier_hint
                        problem=error_for("penalty.multiplier")
                    />
                    <SelectField
                        id=id("penalty-base")
                        testid="penalty-base"
                        label=|t| t.penalty_base
                        value=form.penalty_base
                        options=vec![PenaltyBase::Principal, PenaltyBase::PrincipalAndInterest]
                        name=Lang::penalty_base
                    />
                    <CheckField
                        id=id("penalty-compound")
                        testid="penalty-compound"
                        label=|t| t.penalty_compound
                        value=form.penalty_compound
                    />
                </div>
                <p class="preset-note">{move || t().preset_note}</p>
            </details>
            <details class="more" data-testid="more-details">
                <summary>{move || t().more_heading}</summary>
                <div class="grid">
                    <TextField
                        id=id("app-payment")
                        testid="app-payment"
                        label=|t| t.app_payment
                        input=form.app_payment
                        hint=|t| t.app_payment_hint
                        problem=error_for("app_payment")
                    />
                    <TextField
                        id=id("next-due-date")
                        testid="next-due-date"
                        label=|t| t.next_due_date
                        input=form.next_due_date
                        hint=|t| t.next_due_date_hint
                        input_type="date"
                        problem=error_for("next_due_date")
                    />
                    <TextField
                        id=id("settlement-offer")
                        testid="settlement-offer"
                        label=|t| t.settlement_offer
                        input=form.settlement_offer
                        hint=|t| t.settlement_offer_hint
                        problem=error_for("settlement_offer")
                    />
                    <SelectField
                        id=id("holiday-months")
                        testid="holiday-months"
                        label=|t| t.holiday_months
                        value=form.holiday_months
                        options={ (1..=MAX_HOLIDAY_MONTHS).collect::<Vec<_>>() }
                        name=|lang, m| HOLIDAY_NAMES[lang as usize][(m as usize).clamp(1, 6) - 1]
                    />
                </div>
            </details>
        </div>
    }
}

/// What to say about a broken rule of an optional field, in both languages.
fn extra_message(field: &'static str) -> [&'static str; 2] {
    let pick: fn(&Text) -> &'static str = match field {
        "penalty.multiplier" => |t| t.penalty_multiplier_range,
        "next_due_date" => |t| t.next_due_date_required,
        "app_payment" | "settlement_offer" => |t| t.must_be_positive,
        _ => |t| t.amount_range,
    };
    [pick(Lang::Zh.text()), pick(Lang::En.text())]
}
