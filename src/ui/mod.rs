//! The page: Leptos components over the pure modules. Components read the
//! language from context; all arithmetic happens in `engine` via `scenario`.

mod fields;
mod loan_card;
mod budget_card;
mod results;

use crate::i18n::{Lang, Text};
use crate::scenario::{BudgetEntry, Evaluation, LoanEntry, Scenario, CURRENT_VERSION};
use budget_card::{BudgetCard, BudgetForm};
use leptos::prelude::*;
use loan_card::{LoanCard, LoanForm};
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
    let lang = RwSignal::new(crate::store::load_lang().unwrap_or_default());
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

    let example = Scenario::example();
    let loan = LoanForm::new(&example.loans[0]);
    let budget = BudgetForm::new(&example.budget);

    // The last scenario whose every field was valid: results keep showing it
    // while the user fixes a field.
    let entry = move || -> Option<(LoanEntry, BudgetEntry)> { Some((loan.entry("a")?, budget.entry()?)) };
    let evaluation: Memo<Option<Evaluation>> = Memo::new(move |prev: Option<&Option<Evaluation>>| match entry() {
        Some((l, b)) => Some(Scenario { version: CURRENT_VERSION, loans: vec![l], budget: b }.evaluate()),
        None => prev.cloned().flatten(),
    });
    let stale = Signal::derive(move || entry().is_none());

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
                <LoanCard form=loan />
            </section>
            <section class="card" aria-labelledby="budget-h">
                <h2 id="budget-h">{move || t().budget_heading}</h2>
                <BudgetCard form=budget />
            </section>
            <Results evaluation=evaluation stale=stale />
        </main>
        <footer class="foot">
            <p>{move || t().footer}</p>
        </footer>
    }
}
