//! The page: Leptos components over the pure modules. Components read the
//! language from context; all arithmetic happens in `engine` via `scenario`.

mod budget_card;
mod chart;
mod download;
mod drafts;
mod fields;
mod loan_card;
mod model;
mod proposals;
mod results;
mod stand;

use crate::engine::{DayCount, Lender};
use crate::i18n::{Lang, Text};
use crate::scenario::{Evaluation, Scenario};
use budget_card::BudgetCard;
use leptos::prelude::*;
use loan_card::LoanCard;
use model::Model;
use results::Results;

/// The current language, shared through context.
#[derive(Clone, Copy)]
pub struct Language(pub RwSignal<Lang>);

/// The strings of the current language, reactively.
pub fn use_text() -> impl Fn() -> &'static Text + Copy {
    let Language(lang) = expect_context::<Language>();
    move || lang.get().text()
}

pub fn use_lang() -> RwSignal<Lang> {
    expect_context::<Language>().0
}

pub fn mount() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(App);
}

#[component]
fn App() -> impl IntoView {
    // Drafts, the open draft and the language, as stored on this device.
    let boot = drafts::Boot::load();
    let lang = RwSignal::new(boot.lang);
    provide_context(Language(lang));
    // Keep <html lang> and the title in step with the chosen language.
    Effect::new(move |_| {
        let l = lang.get();
        if let Some(doc) = web_sys::window().and_then(|w| w.document()) {
            if let Some(root) = doc.document_element() {
                let _ = root.set_attribute("lang", l.tag());
            }
            doc.set_title(l.text().app_title);
        }
    });

    let model = Model::new(&boot.scenario());
    // The scenario as typed, when every field is valid…
    let current = Memo::new(move |_| model.scenario());
    // …and the last one that was: results keep showing it while a field is fixed.
    let last_valid: Memo<Scenario> = Memo::new(move |prev: Option<&Scenario>| {
        current.get().or_else(|| prev.cloned()).unwrap_or_else(Scenario::example)
    });
    // Autosave, other tabs, export/import: the drafts panel (section 6).
    let drafts = boot.start(model, current, last_valid, lang);
    let evaluation: Memo<Evaluation> = Memo::new(move |_| last_valid.with(Scenario::evaluate));
    let stale = Signal::derive(move || current.with(Option::is_none));

    let t = use_text();
    view! {
        <header class="top">
            <div class="top-inner">
                <h1 data-testid="app-title">{move || t().app_title}</h1>
                <button
                    type="button"
                    class="lang-toggle"
                    data-testid="lang-toggle"
                    on:click=move |_| {
                        let next = lang.get_untracked().other();
                        lang.set(next);
                        crate::store::save_lang(next);
                    }
                >
                    {move || t().switch_language}
                </button>
            </div>
            <p class="tagline">{move || t().tagline}</p>
            <p class="privacy">{move || t().privacy_note}</p>
        </header>
        <main>
            <section class="card" aria-labelledby="loans-h">
                <h2 id="loans-h">{move || t().loans_heading}</h2>
                {move || {
                    let slots = model.loans.get();
                    let several = slots.len() > 1;
                    slots
                        .into_iter()
                        .enumerate()
                        .map(|(i, slot)| {
                            let id = slot.id.get_value();
                            let remove = several.then(|| {
                                let id = id.clone();
                                Callback::new(move |_| model.remove_loan(&id))
                            });
                            view! {
                                <LoanCard prefix=id number=i + 1 form=slot.form day_count=model.day_count on_remove=remove />
                            }
                        })
                        .collect_view()
                }}
                <div class="grid day-count">
                    <fields::SelectField
                        id="day-count"
                        testid="day-count"
                        label=|t| t.day_count
                        value=model.day_count
                        options=vec![DayCount::Thirty360, DayCount::Actual]
                        name=Lang::day_count
                    />
                </div>
                <Show when=move || model.can_add()>
                    <button
                        type="button"
                        class="add-loan"
                        data-testid="add-loan"
                        on:click=move |_| model.add_loan(Lender::Other)
                    >
                        {move || t().add_loan}
                    </button>
                </Show>
            </section>
            <section class="card" aria-labelledby="budget-h">
                <h2 id="budget-h">{move || t().budget_heading}</h2>
                <BudgetCard form=model.budget />
            </section>
            <Results evaluation=evaluation stale=stale />
            <stand::StandSection evaluation=evaluation />
            <proposals::ProposalsSection evaluation=evaluation />
            <drafts::DraftsPanel drafts=drafts />
        </main>
        <footer class="foot">
            <p>{move || t().footer}</p>
        </footer>
    }
}
