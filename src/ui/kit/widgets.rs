//! The kit's small widgets: a list to pick from, a field's problem as HTML
//! text. (Its forms are `form::form`.)

use super::kw;
use crate::i18n::kit::KitText;
use crate::ui::widgets::escape_html as esc;
use leptos::prelude::*;

/// A labelled `<select>` over `(value, name)` pairs; `on_pick` gets the
/// value. Its options are HTML text (escaped), redrawn when they change.
#[component]
pub fn Picker(
    id: &'static str,
    label: fn(&KitText) -> &'static str,
    #[prop(into)] options: Signal<Vec<(String, String)>>,
    #[prop(into)] picked: Signal<String>,
    on_pick: Callback<String>,
) -> impl IntoView {
    let html = Signal::derive(move || {
        let picked = picked.get();
        options.with(|all| {
            all.iter().fold(String::new(), |out, (v, name)| {
                let on = if *v == picked { " selected" } else { "" };
                out + &format!(r#"<option value="{}"{on}>{}</option>"#, esc(v), esc(name))
            })
        })
    });
    view! {
        <div class="field">
            <label for=id>{kw(label)}</label>
            <select id=id data-testid=id on:change=move |ev| on_pick.run(event_target_value(&ev)) inner_html=html></select>
        </div>
    }
}

/// A field's problem, as HTML text (`id` for `aria-describedby`); empty without one.
pub fn error_html(id: &str, testid: &str, message: Option<String>) -> String {
    message.map_or_else(String::new, |m| format!(r#"<p class="field-error" id="{id}" role="alert" data-testid="{testid}">{}</p>"#, esc(&m)))
}
