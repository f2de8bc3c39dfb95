//! The one renderer: picks the lines whose condition holds, in the reader's
//! language, and fills their `{slots}` from the input. Every amount goes
//! through `i18n::money`, percentages through `i18n::percent` and
//! `rate_percent`, dates through `i18n::kit`.

use super::template::*;
use super::{Account, AskFigures, Document, FollowUp, LetterInput, BLANK, LOG_LINES_SHOWN};
use crate::engine::counter_offer::agreement_checklist;
use crate::engine::{Date, Lender};
use crate::i18n::kit::{date, date_time, year_month};
use crate::i18n::{clock, money, percent, rate_percent, Lang};
use crate::scenario::field::clean_text;
use crate::scenario::kit::conduct::{COMPLAINT_HOTLINE, MAX_CALLS_A_DAY, QUIET_FROM_HOUR, QUIET_UNTIL_HOUR};
use crate::scenario::kit::figures::PlanPart;
use crate::scenario::kit::{ContactEntry, DateTime, ExpenseCategory};
use crate::scenario::Field;
use rust_decimal::Decimal;

pub(super) fn document(input: &LetterInput, doc: Document, lang: Lang, acc: Option<&Account>) -> String {
    let cx = Cx { lang, input, acc, ask: acc.and_then(|a| a.ask.as_ref()) };
    let parts: &[&[Line]] = match doc {
        Document::Letter => &[LETTER, LETTER_TERMS, RECOVERY, LETTER_PLAN, SIGNATURE],
        Document::Statement => &[STATEMENT],
        Document::FollowUp(FollowUp::NoReply) => &[NO_REPLY, SIGNATURE],
        Document::FollowUp(FollowUp::StillNoReply) => &[STILL_NO_REPLY, SIGNATURE],
        Document::FollowUp(FollowUp::Reconsider) => &[RECONSIDER, RECOVERY, RECONSIDER_END, SIGNATURE],
        Document::CallKit => &[CALL],
    };
    let mut out = cx.lines(parts);
    out.push('\n');
    out
}

/// A document's heading in a bundle: its name, and the lender it is for.
pub(super) fn heading(lang: Lang, doc: Document, acc: Option<&Account>) -> String {
    let i = Document::ALL.iter().position(|d| *d == doc).unwrap_or(0);
    let name = match lang {
        Lang::Zh => DOCUMENT_NAMES[i].zh,
        Lang::En => DOCUMENT_NAMES[i].en,
    };
    match acc {
        Some(a) => format!("──────── {name} · {} ────────", lender_name(a, lang)),
        None => format!("──────── {name} ────────"),
    }
}

/// Puts the value of each `{name}` of `text`; an unknown name stays visible
/// as `{?name}` (a test reads every template for them).
pub(crate) fn fill(text: &str, slot: &dyn Fn(&str) -> Option<String>) -> String {
    let mut out = String::with_capacity(text.len() + 32);
    let mut rest = text;
    while let Some(open) = rest.find('{') {
        let Some(close) = rest[open..].find('}') else { break };
        out.push_str(&rest[..open]);
        let name = &rest[open + 1..open + close];
        out.push_str(&slot(name).unwrap_or_else(|| format!("{{?{name}}}")));
        rest = &rest[open + close + 1..];
    }
    out.push_str(rest);
    out
}

fn or_blank(s: &str) -> String {
    if s.is_empty() { BLANK.to_owned() } else { s.to_owned() }
}

/// The lender as the letter names it: the online lenders by their name;
/// banks, cards and others by the borrower's label ("招商银行信用卡") when
/// there is one.
fn lender_name(a: &Account, lang: Lang) -> String {
    match a.lender {
        Lender::Mybank | Lender::Jiebei | Lender::Weilidai => lang.lender(a.lender).to_owned(),
        Lender::Other => or_blank(&a.name),
        l if a.name.is_empty() => lang.lender(l).to_owned(),
        _ => a.name.clone(),
    }
}

struct Cx<'a> {
    lang: Lang,
    input: &'a LetterInput,
    acc: Option<&'a Account>,
    /// The ask being rendered: the account's, or its fallback.
    ask: Option<&'a AskFigures>,
}

impl Cx<'_> {
    fn t(&self, t: T) -> &'static str {
        match self.lang {
            Lang::Zh => t.zh,
            Lang::En => t.en,
        }
    }

    fn fill_t(&self, t: T, pairs: &[(&str, String)]) -> String {
        fill(self.t(t), &|name| pairs.iter().find(|(k, _)| *k == name).map(|(_, v)| v.clone()).or_else(|| self.slot(name)))
    }

    fn lines(&self, parts: &[&[Line]]) -> String {
        let mut out = String::new();
        let mut first = true;
        for line in parts.iter().flat_map(|p| p.iter()).filter(|l| self.holds(&l.when)) {
            let text = fill(self.t(line.text), &|name| self.slot(name));
            if line.join && !first {
                let tight = self.lang == Lang::Zh || out.ends_with('\n') || out.is_empty() || text.starts_with([',', '.', ';', ':']);
                if !tight {
                    out.push(' ');
                }
            } else if !first {
                out.push('\n');
            }
            out.push_str(&text);
            first = false;
        }
        out
    }

    fn holds(&self, w: &When) -> bool {
        let (acc, ask, h) = (self.acc, self.ask, self.input.hardship.as_ref());
        match *w {
            When::Always => true,
            When::Not(w) => !self.holds(w),
            When::All(ws) => ws.iter().all(|w| self.holds(w)),
            When::Any(ws) => ws.iter().any(|w| self.holds(w)),
            When::Overdue => acc.is_some_and(|a| a.overdue.is_overdue()),
            When::Hardship => h.is_some(),
            When::Reason(r) => h.is_some_and(|h| h.reason == r),
            When::Details => h.is_some_and(|h| !h.details.is_empty()),
            When::Temporary => h.is_some_and(|h| h.temporary),
            When::Evidence => h.is_some_and(|h| !h.evidence.is_empty()),
            When::Items => self.input.statement.expense_items.is_some_and(|i| !i.total().is_zero()),
            When::Forecast => self.input.statement.forecast.is_some(),
            When::Several => self.input.accounts.len() > 1,
            When::ContractAbove => acc.is_some_and(|a| a.contract_payment > a.share.most),
            When::Ask => ask.is_some(),
            When::Kind(k) => ask.is_some_and(|a| a.kind == k),
            When::Mode(m) => ask.is_some_and(|a| a.params.holiday_mode == Some(m)),
            When::Penalty => ask.is_some_and(|a| a.params.penalty_waived > Decimal::ZERO),
            When::Fits => ask.is_some_and(|a| a.figures.fits_budget),
            When::Tail => ask.is_some_and(|a| a.parts.len() > 1),
            When::BeyondYear => ask.is_some_and(|a| a.figures.months > 12),
            When::Fallback => acc.is_some_and(|a| a.fallback.is_some()),
            When::Log => acc.is_some_and(|a| !a.log.is_empty()),
            When::LumpSum => acc.is_some_and(|a| a.lump_sum.is_some()),
        }
    }

    fn slot(&self, name: &str) -> Option<String> {
        self.person_slot(name)
            .or_else(|| self.budget_slot(name))
            .or_else(|| self.account_slot(name))
            .or_else(|| self.ask_slot(name))
    }

    fn date(&self, d: Option<Date>) -> String {
        d.map_or_else(|| BLANK.to_owned(), |d| date(d, self.lang))
    }

    fn range(&self, a: Decimal, b: Decimal) -> String {
        if a == b {
            money(a)
        } else {
            self.fill_t(RANGE, &[("a", money(a)), ("b", money(b))])
        }
    }

    /// The borrower, the cause and the guideline's figures.
    fn person_slot(&self, name: &str) -> Option<String> {
        let (p, h) = (&self.input.profile, self.input.hardship.as_ref());
        Some(match name {
            "blank" => BLANK.to_owned(),
            "name" => or_blank(&p.name),
            "phone" => or_blank(&p.phone),
            "city" => or_blank(&p.city),
            "date" => self.date(self.input.date),
            "since" => self.date(h.and_then(|h| h.since)),
            "details" => h.map(|h| h.details.clone()).unwrap_or_default(),
            "reason" => self.lines(&[REASON]),
            "evidence_list" => {
                let names: Vec<&str> = h.map(|h| h.evidence.iter().map(|e| self.lang.evidence(*e)).collect()).unwrap_or_default();
                names.join(self.t(LIST_SEP))
            }
            "attachments" => self.attachments(),
            "hotline" => COMPLAINT_HOTLINE.to_owned(),
            "quiet_from" => clock(0, 0, QUIET_FROM_HOUR, 0, true),
            "quiet_until" => clock(0, 0, QUIET_UNTIL_HOUR, 0, true),
            "max_calls" => MAX_CALLS_A_DAY.to_string(),
            _ => return None,
        })
    }

    fn attachments(&self) -> String {
        let evidence = self.input.hardship.iter().flat_map(|h| h.evidence.iter().map(|e| self.lang.evidence(*e)));
        let names: Vec<String> = std::iter::once(self.t(STATEMENT_NAME)).chain(evidence).zip(1..).map(|(n, i)| format!("{i}. {n}")).collect();
        names.join(self.t(ITEM_SEP))
    }

    /// The statement's figures.
    fn budget_slot(&self, name: &str) -> Option<String> {
        let s = &self.input.statement;
        let accounts = &self.input.accounts;
        Some(match name {
            "income" => money(s.income),
            "expenses" => money(s.expenses),
            "other" => money(s.other_obligations),
            "buffer" => money(s.buffer),
            "buffer_pct" => rate_percent(s.buffer_percent),
            "available" => money(s.available),
            "income_min" => money(s.months.income_least),
            "income_max" => money(s.months.income_most),
            "avail_min" => money(s.months.available_least),
            "avail_max" => money(s.months.available_most),
            "n_debts" => accounts.len().to_string(),
            "total_owed" => money(self.input.total_owed),
            "total_contract" => money(self.input.total_contract),
            "expense_lines" => self.expense_lines(),
            "forecast_lines" => self.forecast_lines(),
            "debt_lines" => accounts.iter().zip(1..).map(|(a, i)| self.debt_line(a, i)).collect::<Vec<_>>().join("\n"),
            _ => return None,
        })
    }

    fn expense_lines(&self) -> String {
        let Some(items) = &self.input.statement.expense_items else { return String::new() };
        let lines: Vec<String> = ExpenseCategory::ALL
            .iter()
            .map(|c| (c, items.get(*c)))
            .filter(|(_, v)| !v.is_zero())
            .map(|(c, v)| self.fill_t(EXPENSE_LINE, &[("label", self.lang.expense_category(*c).to_owned()), ("amount", money(v))]))
            .collect();
        lines.join("\n")
    }

    fn forecast_lines(&self) -> String {
        let Some(f) = &self.input.statement.forecast else { return String::new() };
        let month = |k: usize| match f.start.and_then(|d| d.add_months(k as i32)) {
            Some(d) => year_month(d, self.lang),
            None => self.lang.label(Field::ForecastMonth, k),
        };
        let lines: Vec<String> = (0..12)
            .map(|k| self.fill_t(FORECAST_LINE, &[("month", month(k)), ("income", money(f.income[k])), ("available", money(f.available[k]))]))
            .collect();
        lines.join("\n")
    }

    fn debt_line(&self, a: &Account, i: usize) -> String {
        let sub = Cx { ask: a.ask.as_ref(), acc: Some(a), ..*self };
        let offer = sub.lines(&[ASK_SHORT]);
        sub.fill_t(
            DEBT_LINE,
            &[
                ("i", i.to_string()),
                ("d_lender", lender_name(a, self.lang)),
                ("d_contract", or_blank(&a.contract_no)),
                ("d_owed", money(a.owed_now)),
                ("d_contract_pay", money(a.contract_payment)),
                ("d_share", sub.share_range(a)),
                ("d_offer", offer),
            ],
        )
    }

    fn share_range(&self, a: &Account) -> String {
        self.range(a.share.least, a.share.most)
    }

    /// The account: its identity, arrears, share and contacts.
    fn account_slot(&self, name: &str) -> Option<String> {
        let blank = || Some(BLANK.to_owned());
        let Some(a) = self.acc else {
            return ACCOUNT_SLOTS.contains(&name).then(|| BLANK.to_owned());
        };
        Some(match name {
            "lender" => lender_name(a, self.lang),
            "loan_label" => if a.name.is_empty() { lender_name(a, self.lang) } else { a.name.clone() },
            "contract_no" => or_blank(&a.contract_no),
            "principal_owed" => money(a.principal_owed),
            "owed" => money(a.owed_now),
            "overdue_days" => a.overdue.days.to_string(),
            "overdue_amount" => money(a.arrears),
            "overdue_principal" => money(a.overdue.principal),
            "overdue_interest" => money(a.overdue.interest),
            "contract_payment" => money(a.contract_payment),
            "share_max" => money(a.share.most),
            "share_range" => self.share_range(a),
            "lump_limit" => return a.lump_sum.map(money).or_else(blank),
            "first_request" => self.date(a.first_request),
            "answered" => self.date(a.answered),
            "n_contacts" => a.log.len().to_string(),
            "log_lines" => self.log_lines(a),
            "ask_sentence" => self.lines(&[ASK]),
            "ask_short" => self.lines(&[ASK_SHORT]),
            "fallback_sentence" => Cx { ask: a.fallback.as_ref(), ..*self }.lines(&[ASK]),
            "checklist" => {
                let items = agreement_checklist(a.lender == Lender::CreditCard);
                items.iter().map(|i| format!("· {}", self.lang.agreement_item(*i))).collect::<Vec<_>>().join("\n")
            }
            _ => return None,
        })
    }

    /// The contacts, oldest first; contacts alike but for the time on one
    /// day (seven calls from a collector) are cited once with their count.
    fn log_lines(&self, a: &Account) -> String {
        let same = |x: &ContactEntry, y: &ContactEntry| {
            (x.at.date(), x.channel, &x.who, &x.ticket, &x.summary, &x.promise) == (y.at.date(), y.channel, &y.who, &y.ticket, &y.summary, &y.promise)
        };
        let groups: Vec<&[ContactEntry]> = a.log.chunk_by(same).collect();
        let skip = groups.len().saturating_sub(LOG_LINES_SHOWN);
        let mut lines: Vec<String> = Vec::new();
        if skip > 0 {
            let omitted: usize = groups[..skip].iter().map(|g| g.len()).sum();
            lines.push(self.fill_t(LOG_MORE, &[("n", omitted.to_string())]));
        }
        lines.extend(groups[skip..].iter().map(|g| self.log_line(g)));
        lines.join("\n")
    }

    fn log_line(&self, group: &[ContactEntry]) -> String {
        let (Some(e), Some(last)) = (group.first(), group.last()) else { return String::new() };
        let part = |t: T, v: &str| if v.is_empty() { String::new() } else { self.fill_t(t, &[("v", clean_text(v))]) };
        let time = |t: DateTime| clock(0, 0, t.hour(), t.minute(), true);
        let channel = self.lang.channel(e.channel).to_owned();
        let (at, channel) = match group.len() {
            1 => (date_time(e.at, self.lang), channel),
            n => (
                self.fill_t(LOG_SPAN, &[("date", date(e.at.date(), self.lang)), ("from", time(e.at)), ("to", time(last.at))]),
                self.fill_t(LOG_TIMES, &[("channel", channel), ("n", n.to_string())]),
            ),
        };
        // The summary's own full stop would clash with what follows it.
        let summary = clean_text(&e.summary);
        let summary = summary.trim_end_matches(['。', '.', '；', ';', '，', ',']);
        let summary = if summary.is_empty() { self.t(LOG_NO_SUMMARY).to_owned() } else { summary.to_owned() };
        self.fill_t(
            LOG_LINE,
            &[("at", at), ("channel", channel), ("who", part(LOG_WHO, &e.who)), ("ticket", part(LOG_TICKET, &e.ticket)), ("summary", summary), ("promise", part(LOG_PROMISE, &e.promise))],
        )
    }

    /// A part's amount: one (and a note when only the last differs), or a range.
    fn pay(&self, part: Option<&PlanPart>) -> (String, String) {
        let Some(p) = part else { return (BLANK.to_owned(), String::new()) };
        match p.level {
            Some(level) => {
                let note = if p.last == level { String::new() } else { self.fill_t(LAST_NOTE, &[("v", money(p.last))]) };
                (money(level), note)
            }
            None => (self.range(p.least, p.most), String::new()),
        }
    }

    /// The ask's figures; blanks when there is no ask.
    fn ask_slot(&self, name: &str) -> Option<String> {
        let Some(a) = self.ask else {
            return ASK_SLOTS.contains(&name).then(|| BLANK.to_owned());
        };
        let f = &a.figures;
        let (head, tail) = (a.head(), a.tail());
        Some(match name {
            "first_date" => self.date(a.first_date),
            "tail_date" => self.date(tail.and_then(|t| t.starts)),
            "months" => f.months.to_string(),
            "split" => head.map_or(0, |h| h.months).to_string(),
            "total" => money(f.total_paid),
            "pay" => self.pay(a.parts.first()).0,
            "pay_note" => self.pay(a.parts.first()).1,
            "pay_min" => money(f.min_payment),
            "pay_max" => money(f.max_payment),
            "head_pay" => head.map_or_else(|| BLANK.to_owned(), |h| self.range(h.least, h.most)),
            "tail_pay" => self.pay(tail).0,
            "tail_note" => self.pay(tail).1,
            "discount" => f.discount.map_or_else(|| BLANK.to_owned(), money),
            "discount_pct" => f.discount_percent.map_or_else(|| BLANK.to_owned(), percent),
            "rate" => rate_percent(a.params.annual_rate_percent),
            "penalty" => money(a.params.penalty_waived),
            "recovered" => percent(f.principal_recovered_percent),
            "pv" => money(f.lender_pv),
            "pv_pct" => percent(f.lender_pv_percent),
            "schedule_lines" => self.schedule_lines(a),
            _ => return None,
        })
    }

    fn schedule_lines(&self, a: &AskFigures) -> String {
        let items: Vec<String> = a
            .figures
            .schedule
            .iter()
            .take(12)
            .zip(0..)
            .map(|(r, k)| {
                let month = a.first_date.and_then(|d| d.add_months(k)).map_or_else(|| BLANK.to_owned(), |d| year_month(d, self.lang));
                self.fill_t(SCHEDULE_ITEM, &[("month", month), ("amount", money(r.payment))])
            })
            .collect();
        items.chunks(3).map(|c| c.join(self.t(ITEM_SEP))).collect::<Vec<_>>().join("\n")
    }
}

/// Slots of an account, blank when there is none.
const ACCOUNT_SLOTS: &[&str] = &[
    "lender", "loan_label", "contract_no", "principal_owed", "owed", "overdue_days", "overdue_amount", "overdue_principal", "overdue_interest",
    "contract_payment", "share_max", "share_range", "lump_limit", "first_request", "answered", "n_contacts", "log_lines",
    "ask_sentence", "ask_short", "fallback_sentence", "checklist",
];

/// Slots of an ask, blank when there is none.
const ASK_SLOTS: &[&str] = &[
    "first_date", "tail_date", "months", "split", "total", "pay", "pay_note", "pay_min", "pay_max", "head_pay", "tail_pay", "tail_note", "discount", "discount_pct",
    "rate", "penalty", "recovered", "pv", "pv_pct", "schedule_lines",
];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::letter::build;
    use crate::scenario::Scenario;

    /// Every template line, in every part.
    const ALL_LINES: &[&[Line]] = &[
        TO, APPLICANT, SIGNATURE, REASON, ASK, ASK_SHORT, RECOVERY, LETTER, LETTER_TERMS, LETTER_PLAN, STATEMENT, NO_REPLY, STILL_NO_REPLY,
        RECONSIDER, RECONSIDER_END, CALL,
    ];

    fn slot_names(text: &str) -> Vec<&str> {
        text.split('{').skip(1).filter_map(|s| s.split_once('}').map(|(n, _)| n)).collect()
    }

    /// A name a template uses that no slot knows would print as `{?name}`:
    /// every name of every line, whatever its condition, must resolve.
    #[test]
    fn every_slot_a_template_names_is_known() {
        let s = Scenario::from_json(
            r#"{"version":1,"loans":[{"id":"a","principal":"1000","rate":{"value":"12","unit":"annual_percent"},"method":"equal_installment","months":12,
                "ask":{"kind":"term_extension","months":24,"first_payment_date":"2025-01-01"}}],
                "budget":{"income":"1000"},"hardship":{"reason":"other","since":"2025-01-01"}}"#,
        )
        .unwrap();
        let input = build(&s, &s.evaluate(), None).unwrap();
        assert!(input.accounts[0].ask.is_some());
        for lang in [Lang::Zh, Lang::En] {
            let cx = Cx { lang, input: &input, acc: input.accounts.first(), ask: input.accounts[0].ask.as_ref() };
            for line in ALL_LINES.iter().flat_map(|p| p.iter()) {
                for name in slot_names(cx.t(line.text)) {
                    assert!(cx.slot(name).is_some(), "unknown slot {{{name}}} in {:?}", line.text.zh);
                }
            }
            // Without an account or an ask, their slots are blanks, not unknown.
            let bare = Cx { acc: None, ask: None, ..cx };
            for name in ACCOUNT_SLOTS.iter().chain(ASK_SLOTS) {
                assert_eq!(bare.slot(name).as_deref(), Some(BLANK), "{name}");
            }
        }
    }

    #[test]
    fn fill_puts_values_and_marks_unknown_names() {
        let slot = |n: &str| (n == "a").then(|| "1".to_owned());
        assert_eq!(fill("x{a}y{b}z{", &slot), "x1y{?b}z{");
        assert_eq!(fill("no slots", &slot), "no slots");
    }
}
