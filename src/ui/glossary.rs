//! One glossary for every figure on the page (issue 9): a figure's name is
//! a link to its entry, so the explanations cost one section, not a "?"
//! button (and a tab stop) per figure. The entry a link points at is
//! highlighted by `:target`. The list is folded until a link (or the
//! reader) opens it.

use super::widgets::{escape_html as esc, Card};
use crate::i18n::{BelowText, Text};
use crate::ui::widgets::say;
use super::markup::draw;
use leptos::html::Div;
use leptos::prelude::*;
use std::fmt::Write;

/// A figure the glossary explains.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Term {
    ContractPayment,
    ContractInterest,
    ContractTotal,
    Apr,
    AprEffective,
    Disposable,
    Dti,
    OwedNow,
    DaysOverdue,
    PenaltyRate,
    PenaltySoFar,
    OwedAfter,
    Payment,
    Months,
    VsContract,
    TotalPaid,
    TotalInterest,
    SavingNothing,
    Recovered,
    LenderPv,
    Discount,
}

type Name = fn(&Text) -> &'static str;
type Explain = fn(&BelowText) -> &'static str;

/// Each term: its anchor, its name, its explanation (the glossary's own
/// words, `BelowText`: only the chunk below the results draws them).
const TERMS: [(Term, &str, Name, Explain); 21] = [
    (Term::ContractPayment, "g-contract-payment", |t| t.monthly_payment, |t| t.explain_contract_payment),
    (Term::ContractInterest, "g-contract-interest", |t| t.total_interest, |t| t.explain_contract_interest),
    (Term::ContractTotal, "g-contract-total", |t| t.total_paid, |t| t.explain_contract_total),
    (Term::Apr, "g-apr", |t| t.apr_nominal, |t| t.apr_explain),
    (Term::AprEffective, "g-apr-effective", |t| t.apr_effective, |t| t.explain_apr_effective),
    (Term::Disposable, "g-disposable", |t| t.disposable, |t| t.disposable_explain),
    (Term::Dti, "g-dti", |t| t.dti, |t| t.dti_explain),
    (Term::OwedNow, "g-owed-now", |t| t.owed_now, |t| t.explain_owed_now),
    (Term::DaysOverdue, "g-days-overdue", |t| t.overdue_days, |t| t.explain_days_overdue),
    (Term::PenaltyRate, "g-penalty-rate", |t| t.penalty_rate, |t| t.explain_penalty_rate),
    (Term::PenaltySoFar, "g-penalty-so-far", |t| t.penalty_so_far, |t| t.explain_penalty_so_far),
    (Term::OwedAfter, "g-owed-after", |t| t.owed_after, |t| t.explain_owed_after),
    (Term::Payment, "g-payment", |t| t.monthly_payment, |t| t.explain_payment),
    (Term::Months, "g-months", |t| t.months_label, |t| t.explain_months),
    (Term::VsContract, "g-vs-contract", |t| t.saving_vs_contract, |t| t.explain_saving_contract),
    (Term::TotalPaid, "g-total-paid", |t| t.total_paid, |t| t.explain_total_paid),
    (Term::TotalInterest, "g-total-interest", |t| t.total_interest_fees, |t| t.explain_total_interest),
    (Term::SavingNothing, "g-saving-nothing", |t| t.saving_vs_nothing, |t| t.explain_saving_nothing),
    (Term::Recovered, "g-recovered", |t| t.principal_recovered, |t| t.explain_recovered),
    (Term::LenderPv, "g-lender-pv", |t| t.lender_pv, |t| t.explain_pv),
    (Term::Discount, "g-discount", |t| t.discount, |t| t.explain_discount),
];

impl Term {
    /// The anchor of its entry.
    pub fn anchor(self) -> &'static str {
        TERMS.iter().find(|e| e.0 == self).map_or("glossary", |e| e.1)
    }
}

/// Opens the glossary's fold before the browser follows a link into it
/// (a closed `<details>` has nowhere to scroll to).
fn open_glossary() {
    if let Some(list) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.get_element_by_id(LIST_ID)) {
        let _ = list.set_attribute("open", "");
    }
}

/// A click (or Enter) inside a part drawn as HTML text (`ui::markup`):
/// when it is on a glossary link (`markup::name`), open the glossary and
/// move the focus to the entry (review w14 S13: it stayed on the page's
/// body); the browser then follows the link to it (`#g-…`, `:target`).
pub fn follow_term(ev: leptos::ev::MouseEvent) {
    use wasm_bindgen::JsCast;
    let on_term = ev.target().and_then(|t| t.dyn_into::<web_sys::Element>().ok()).and_then(|e| e.closest("a.term").ok().flatten());
    let Some(term) = on_term else { return };
    open_glossary();
    let entry = term.get_attribute("href").and_then(|h| h.strip_prefix('#').map(str::to_owned));
    let entry = entry.and_then(|id| web_sys::window()?.document()?.get_element_by_id(&id)?.dyn_into::<web_sys::HtmlElement>().ok());
    if let Some(entry) = entry {
        let _ = entry.focus();
    }
}

const LIST_ID: &str = "glossary-list";

#[component]
pub fn Glossary() -> impl IntoView {
    let lang = super::use_lang();
    let list = NodeRef::<Div>::new();
    draw(list, move |out| {
        out.push_str("<dl>");
        let lang = lang.get();
        entries(out, lang.text(), lang.below());
        out.push_str("</dl>");
    });
    view! {
        <Card id="glossary" heading_id="glossary-h" heading=|t| t.show_explanation page_heading=|p| p.glossary_heading testid="glossary" class="glossary">
            <details class="more" id=LIST_ID>
            <summary>{say(|l| l.below().glossary_intro)}</summary>
            <div node_ref=list></div>
            </details>
        </Card>
    }
}

/// Every entry, as HTML text (`ui::markup`): read-only, drawn again only
/// when the language changes.
fn entries(out: &mut String, t: &Text, b: &BelowText) {
    for &(_, id, name, explain) in &TERMS {
        let _ = write!(out, r#"<div class="entry" id="{id}" tabindex="-1"><dt>{}</dt><dd>{}</dd></div>"#, esc(name(t)), esc(explain(b)));
    }
}
