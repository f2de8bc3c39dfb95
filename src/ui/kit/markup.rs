//! The kit's read-only parts as HTML text, set with `inner_html`: an ask's
//! figures, the counter-offer check, the contact log's entries. Why text,
//! not `view!`: every reactive element of a `view!` is its own monomorphised
//! render function (issue 10 allows the whole kit 20 KB brotli), and these
//! parts are redrawn whole anyway. Every text from the document or the
//! evaluation is escaped ([`put`]); the log's buttons are read by one
//! delegated handler from their `data-act` and `data-i` attributes.

use crate::letter::Words;
use crate::engine::counter_offer::OfferCheck;
use crate::i18n::kit::{date, date_time};
use crate::i18n::{fill, money, percent, DOT};
use crate::letter::AskFigures;
use crate::engine::allocation::TOKEN_PAYMENT;
use crate::present::PlanPayment;
use crate::scenario::kit::conduct::EntryReview;
use crate::scenario::kit::ContactEntry;
use crate::scenario::Field;
use rust_decimal::Decimal;
use super::widgets::put;

/// A figure and its label, as the kit's `<dl>`s show them.
fn fact(out: &mut String, label: &str, testid: &str, value: &str) {
    put(out, r#"<div class="kit-fact"><dt>{}</dt><dd data-testid="{}">{}</dd></div>"#, &[label, testid, value]);
}

/// A figure that is an amount (read in place: a pointer a call, not a copy
/// of its 16 bytes).
fn money_fact(out: &mut String, label: &str, testid: &str, value: &Decimal) {
    fact(out, label, testid, &amount(value));
}

/// [`money`] of an amount read in place (a pointer a call, not a copy).
#[inline(never)]
fn amount(value: &Decimal) -> String {
    money(*value)
}

/// The ask's figures, from the evaluation the proposal cards show.
pub fn ask_figures(lang: &'static Words, f: &AskFigures) -> String {
    let t = lang.text();
    let mut out = String::from(r#"<dl class="facts kit-ask" data-testid="kit-ask">"#);
    // A hold has no figures of the evaluation: its token payment, months and review date.
    let pay = f.figures.as_ref().map_or(PlanPayment::Level(TOKEN_PAYMENT), PlanPayment::of);
    // A settlement is one sum, not a monthly payment (review w14 S7).
    let label = if f.kind == crate::engine::ProposalKind::Settlement { t.lump_sum_label } else { t.monthly_payment };
    fact(&mut out, label, "kit-ask-payment", &lang.plan_payment(pay));
    fact(&mut out, t.months_label, "kit-ask-months", &f.months().to_string());
    if let Some(figures) = &f.figures {
        money_fact(&mut out, t.total_paid, "kit-ask-total", &figures.total_paid);
    }
    let day = |d: Option<crate::engine::Date>| d.map(|d| date(d, lang.lang)).unwrap_or_default();
    fact(&mut out, &lang.label(Field::AskFirstPaymentDate, 0), "kit-ask-first", &day(f.first_date));
    if f.figures.is_none() {
        fact(&mut out, lang.kit.review_date, "kit-ask-review", &day(f.review_date()));
    }
    // A pause first (a deferral, a holiday adding the interest): when paying starts.
    if let (Some(head), Some(tail)) = (f.head().filter(|h| h.most.is_zero()), f.tail()) {
        let starts = tail.starts.map(|d| date(d, lang.lang)).unwrap_or_default();
        let [label, value] = lang.kit.paused_first;
        fact(&mut out, label, "kit-ask-paused", &fill(value, &[&starts, &head.months.to_string()]));
    }
    out.push_str("</dl>");
    out
}

/// The verdict of a check: every month fits, or the first that does not.
fn verdict(lang: &'static Words, c: &OfferCheck) -> String {
    let t = &lang.kit;
    match (c.fits, c.first_unfit) {
        (true, _) => t.every_month_fits.to_owned(),
        (false, Some(k)) => fill(t.month_does_not_fit, &[&k.to_string()]),
        (false, None) if !c.signing_fits => t.signing_does_not_fit.to_owned(),
        _ => String::new(),
    }
}

/// The counter-offer check: its verdict, figures, months and checklist.
/// A card (`card`) has no contract instalments: the comparison with the
/// 12 instalments the preset assumes is left out (review w15 R6).
pub fn offer_check(lang: &'static Words, c: &OfferCheck, card: bool) -> String {
    let (t, k) = (lang.text(), &lang.kit);
    let mut out = String::new();
    let (class, fits) = if c.fits { ("fits", "true") } else { ("no-fit", "false") };
    put(&mut out, r#"<div class="kit-check" data-testid="offer-check"><p class="badge {}" data-testid="offer-fits" data-fits="{}">{}</p><dl class="facts">"#, &[class, fits, &verdict(lang, c)]);
    let apr = c.apr.map_or_else(|| k.forgives.to_owned(), |a| percent(a.nominal_percent));
    fact(&mut out, k.true_apr, "offer-apr", &apr);
    money_fact(&mut out, k.at_signing, "offer-at-signing", &c.at_signing);
    money_fact(&mut out, t.total_paid, "offer-total", &c.total_paid);
    money_fact(&mut out, t.total_interest_fees, "offer-cost", &c.cost);
    // Each saving as the cards word it: a negative one is "多付 ¥X", never "省 -¥X";
    // the one against doing nothing is the cards' 12-month comparison (issue 7).
    let vs = [Some(&c.saving_vs_contract).filter(|_| !card), Some(&c.saving_vs_nothing), c.saving_vs_ask.as_ref()];
    for ((label, testid), s) in k.offer_vs.iter().zip(["offer-vs-contract", "offer-vs-nothing", "offer-vs-ask"]).zip(vs) {
        if let Some(s) = s {
            let p = lang.page();
            let word = if s.is_sign_negative() { p.pays_more } else { p.pays_less };
            fact(&mut out, label, testid, &[word, " ", &amount(&s.abs())].concat());
        }
    }
    out.push_str("</dl>");
    if c.apr.is_some_and(|a| a.nominal_percent > Decimal::from(24)) {
        put(&mut out, r#"<p class="note" data-testid="offer-court-note">{}</p>"#, &[k.offer_above_24]);
    }
    put(&mut out, r#"<details class="kit-months"><summary>{}</summary><table data-testid="offer-months"><thead><tr>"#, &[k.months_table]);
    for head in [t.col_period, k.col_date, t.col_payment, k.col_available, k.col_fits] {
        put(&mut out, r#"<th scope="col">{}</th>"#, &[head]);
    }
    out.push_str("</tr></thead><tbody>");
    for m in &c.months {
        let day = m.date.map(|d| date(d, lang.lang)).unwrap_or_default();
        out.push_str(if m.fits { "<tr>" } else { r#"<tr class="no-fit">"# });
        put(&mut out, "<td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>", &[&m.period.to_string(), &day, &amount(&m.payment), &amount(&m.available), lang.yes_no(m.fits)]);
    }
    put(&mut out, r#"</tbody></table></details><h4>{}</h4><ul class="checklist" data-testid="offer-checklist">"#, &[k.checklist_heading]);
    for item in &c.checklist {
        put(&mut out, "<li>{}</li>", &[lang.agreement_item(*item)]);
    }
    out.push_str("</ul></div>");
    out
}

/// One entry of the contact log as its line: when, which loan, how, who;
/// what was said and promised; the rules it breaks; its follow-up, marked
/// when due; its edit and remove buttons (`data-act`, `data-i`).
pub fn log_entry(out: &mut String, lang: &'static Words, i: usize, e: &ContactEntry, loan: &str, r: &EntryReview) {
    let k = &lang.kit;
    let due = r.follow_up_due;
    // The head's non-empty pieces joined by dots (no copies of the entry's texts).
    let mut head = date_time(e.at, lang.lang);
    // By reference: an array by value is `array::IntoIter<&str, 4>`, the
    // share dialog's too, which would then move to a chunk both load.
    for piece in &[loan, lang.channel(e.channel), &e.who, &e.ticket] {
        if !piece.is_empty() {
            if !head.is_empty() {
                head.push_str(DOT);
            }
            head.push_str(piece);
        }
    }
    out.push_str(if due { r#"<li class="kit-entry due" data-testid="log-entry" data-due="true">"# } else { r#"<li class="kit-entry" data-testid="log-entry" data-due="false">"# });
    put(out, r#"<p class="kit-entry-head">{}</p>"#, &[&head]);
    if !e.summary.is_empty() {
        put(out, "<p>{}</p>", &[&e.summary]);
    }
    if !e.promise.is_empty() {
        put(out, "<p>{}{}</p>", &[k.promised, &e.promise]);
    }
    for rule in &r.breaches {
        put(out, r#"<p class="flag" data-testid="conduct-flag">{}</p>"#, &[&lang.conduct_rule(*rule)]);
    }
    if let Some(d) = e.follow_up {
        let (open, note) = if due { (r#"<p class="flag""#, [DOT, lang.kit.follow_up_due].concat()) } else { ("<p", String::new()) };
        out.push_str(open);
        put(out, r#" data-testid="follow-up">{}{}{}</p>"#, &[k.follow_up_on, &date(d, lang.lang), &note]);
    }
    let i = i.to_string();
    put(
        out,
        r#"<div class="kit-actions"><button type="button" data-testid="log-edit" data-act="edit" data-i="{}">{}</button><button type="button" data-testid="log-remove" data-act="remove" data-i="{}">{}</button></div></li>"#,
        &[&i, k.edit, &i, k.remove],
    );
}
