//! The one renderer: picks the lines whose condition holds, in the reader's
//! language, and fills their `{slots}` from the input. Every amount goes
//! through `i18n::money`, percentages through `i18n::percent` and
//! `rate_percent`, dates through `i18n::kit`.

use super::template::*;
use super::{Account, AskFigures, Document, FollowUp, LetterInput, BLANK, LOG_LINES_SHOWN};
use crate::engine::counter_offer::agreement_checklist;
use crate::engine::proposal::Figures;
use crate::engine::{Date, Lender};
use crate::i18n::kit::{date, date_time, year_month};
use crate::i18n::{clock, money, percent, rate_percent, Lang};
use crate::scenario::field::clean_text;
use crate::scenario::kit::conduct::{COMPLAINT_HOTLINE, MAX_CALLS_A_DAY, QUIET_FROM_HOUR, QUIET_UNTIL_HOUR};
use crate::scenario::kit::figures::PlanPart;
use crate::scenario::kit::{ContactEntry, DateTime, ExpenseCategory};
use crate::scenario::Field;
use rust_decimal::Decimal;

pub(super) fn document(input: &LetterInput, doc: Document, words: &'static Words, acc: Option<&Account>) -> String {
    let cx = Cx { lang: words.lang, words, input, acc, ask: acc.and_then(|a| a.ask.as_ref()) };
    let parts: &[P] = match doc {
        Document::Letter => &[P::LETTER_TITLE, P::TO, P::LETTER, P::LETTER_TERMS, P::RECOVERY, P::LETTER_PLAN, P::SIGNATURE],
        Document::Statement => &[P::STATEMENT],
        Document::FollowUp(FollowUp::NoReply) => &[P::NO_REPLY_TITLE, P::TO, P::APPLICANT, P::NO_REPLY, P::SIGNATURE],
        Document::FollowUp(FollowUp::StillNoReply) => &[P::STILL_NO_REPLY_TITLE, P::TO, P::APPLICANT, P::STILL_NO_REPLY, P::SIGNATURE],
        Document::FollowUp(FollowUp::Reconsider) => &[P::RECONSIDER_TITLE, P::TO, P::APPLICANT, P::RECONSIDER, P::RECOVERY, P::RECONSIDER_END, P::SIGNATURE],
        Document::CallKit => &[P::CALL],
    };
    let mut out = cx.lines(parts);
    out.push('\n');
    out
}

/// A document's heading in a bundle: its name, and the lender it is for.
pub(super) fn heading(lang: Lang, doc: Document, acc: Option<&Account>) -> String {
    let name = doc.name(lang);
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
        match slot(name) {
            Some(v) => out.push_str(&v),
            None => {
                out.push_str("{?");
                out.push_str(name);
                out.push('}');
            }
        }
        rest = &rest[open + close + 1..];
    }
    out.push_str(rest);
    out
}

/// What a missing fact prints as ([`BLANK`]), made in one place.
#[inline(never)]
fn blank() -> String {
    BLANK.to_owned()
}

/// [`money`] of an amount read in place: each of the slots' 30 amounts
/// passes a pointer, not a copy of its 16 bytes.
#[inline(never)]
fn amount(d: &Decimal) -> String {
    money(*d)
}

/// `sep` before every piece but the first (`k` counts the pieces from 0):
/// lists are written onto one text, not collected and joined.
fn sep(out: &mut String, k: usize, sep: &str) {
    if k > 0 {
        out.push_str(sep);
    }
}

fn or_blank(s: &str) -> String {
    if s.is_empty() { blank() } else { s.to_owned() }
}

/// The lender as the letter names it: the online lenders by their name;
/// banks, cards and others by the borrower's label ("招商银行信用卡") when
/// there is one.
pub(super) fn lender_name(a: &Account, lang: Lang) -> String {
    match a.lender {
        Lender::Mybank | Lender::Jiebei | Lender::Weilidai => lang.lender(a.lender).to_owned(),
        Lender::Other => or_blank(&a.name),
        l if a.name.is_empty() => lang.lender(l).to_owned(),
        _ => a.name.clone(),
    }
}

struct Cx<'a> {
    lang: Lang,
    /// The documents' texts in `lang`.
    words: &'static Words,
    input: &'a LetterInput,
    acc: Option<&'a Account>,
    /// The ask being rendered: the account's, or its fallback.
    ask: Option<&'a AskFigures>,
}

impl Cx<'_> {
    fn t(&self, t: Tx) -> &'static str {
        self.words.t(t)
    }

    fn fill_t(&self, t: Tx, pairs: &[(&str, String)]) -> String {
        fill(self.t(t), &|name| pairs.iter().find(|(k, _)| *k == name).map(|(_, v)| v.clone()).or_else(|| self.slot(name)))
    }

    fn lines(&self, parts: &[P]) -> String {
        let mut out = String::new();
        let mut first = true;
        for (_, join, line) in parts.iter().flat_map(|p| p.lines(self.words)).filter(|l| self.holds(l.0)) {
            let text = fill(line, &|name| self.slot(name));
            if join && !first {
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
            When::Arrears => acc.is_some_and(|a| a.arrears > Decimal::ZERO),
            When::Hardship => h.is_some(),
            When::Reason(r) => h.is_some_and(|h| h.reason == r),
            When::Details => h.is_some_and(|h| !h.details.is_empty()),
            When::Temporary => h.is_some_and(|h| h.temporary),
            When::Evidence => h.is_some_and(|h| !h.evidence.is_empty()),
            When::Items => self.input.statement.expense_items.is_some_and(|i| !i.total().is_zero()),
            When::Forecast => self.input.statement.forecast.is_some(),
            When::Several => self.input.accounts.len() > 1,
            When::ContractAbove => acc.is_some_and(|a| a.contract_payment > a.can_pay_most()),
            When::Ask => ask.is_some(),
            When::Kind(k) => ask.is_some_and(|a| a.kind == k),
            When::Mode(m) => ask.is_some_and(|a| a.params.holiday_mode == Some(m)),
            When::Penalty => ask.is_some_and(|a| a.params.penalty_waived > Decimal::ZERO),
            When::Fits => ask.is_some_and(|a| a.figures.as_ref().is_some_and(|f| f.fits_budget)),
            When::Tail => ask.is_some_and(|a| a.parts.len() > 1),
            When::BeyondYear => ask.is_some_and(|a| a.months() > 12),
            When::Fallback => acc.is_some_and(|a| a.fallback.is_some()),
            When::Log => acc.is_some_and(|a| a.log.iter().any(|e| !e.is_call_in())),
            When::AsksFit => self.input.asks_fit(),
            When::CallsIn => acc.is_some_and(|a| a.log.iter().any(ContactEntry::is_call_in)),
            When::LumpSum => acc.is_some_and(|a| a.lump_sum.is_some()),
            When::Card => acc.is_some_and(|a| a.lender == Lender::CreditCard),
            When::Named => acc.is_some_and(|a| !a.name.is_empty()),
            When::Bank => acc.is_some_and(|a| a.lender == Lender::BankCredit),
            When::AboveShare => ask.is_some_and(AskFigures::above_share),
            When::ProRata => !self.input.accounts.iter().any(|a| a.ask.as_ref().is_some_and(AskFigures::above_share)),
            When::Stale => ask.is_none() && acc.is_some_and(|a| a.ask_stale),
            When::PvHigh => ask.and_then(|a| a.figures.as_ref()).is_some_and(|f| f.lender_pv_percent >= Decimal::from(95)),
        }
    }

    /// The value of slot `name`; blank for an account's or an ask's slot
    /// when there is none; `None` for a name no slot has.
    fn slot(&self, name: &str) -> Option<String> {
        let s = Slot::named(name)?;
        let missing = match s >= Slot::FIRST_ASK {
            true => self.ask.is_none() || (s.of_figures() && self.figures().is_none()),
            false => s >= Slot::FIRST_ACCOUNT && self.acc.is_none(),
        };
        if missing {
            return Some(blank());
        }
        if let Some(d) = self.amount_slot(s) {
            return Some(amount(d));
        }
        self.person_slot(s).or_else(|| self.budget_slot(s)).or_else(|| self.account_slot(s)).or_else(|| self.ask_slot(s))
    }

    /// The amount slot `name` names, read in place (`None` for a slot that
    /// is not one amount): one call of [`amount`] for them all, where an
    /// arm each was a call and a text to return.
    fn amount_slot(&self, name: Slot) -> Option<&Decimal> {
        let (s, input) = (&self.input.statement, self.input);
        Some(match name {
            Slot::Income => &s.income,
            Slot::Expenses => &s.expenses,
            Slot::Other => &s.other_obligations,
            Slot::Buffer => &s.buffer,
            Slot::Available => &s.available,
            Slot::IncomeMin => &s.months.income_least,
            Slot::IncomeMax => &s.months.income_most,
            Slot::AvailMin => &s.months.available_least,
            Slot::AvailMax => &s.months.available_most,
            Slot::TotalOwed => &input.total_owed,
            Slot::TotalContract => &input.total_contract,
            Slot::PrincipalOwed => &self.acc?.principal_owed,
            Slot::Owed => &self.acc?.owed_now,
            Slot::OverdueAmount => &self.acc?.arrears,
            Slot::OverduePrincipal => &self.acc?.overdue.principal,
            Slot::OverdueInterest => &self.acc?.overdue.interest,
            Slot::ContractPayment => &self.acc?.contract_payment,
            Slot::ShareMax => &self.acc?.share.most,
            Slot::Total => &self.figures()?.total_paid,
            Slot::PayMin => &self.figures()?.min_payment,
            Slot::PayMax => &self.figures()?.max_payment,
            Slot::Penalty => &self.ask?.params.penalty_waived,
            Slot::Pv => &self.figures()?.lender_pv,
            Slot::Token => &crate::engine::allocation::TOKEN_PAYMENT,
            _ => return None,
        })
    }

    fn date(&self, d: Option<Date>) -> String {
        d.map_or_else(blank, |d| date(d, self.lang))
    }

    fn range(&self, a: &Decimal, b: &Decimal) -> String {
        if a == b {
            amount(a)
        } else {
            self.fill_t(Tx::RANGE, &[("a", amount(a)), ("b", amount(b))])
        }
    }

    /// The borrower, the cause and the guideline's figures.
    fn person_slot(&self, name: Slot) -> Option<String> {
        let (p, h) = (&self.input.profile, self.input.hardship.as_ref());
        Some(match name {
            Slot::Blank => blank(),
            Slot::Name => or_blank(&p.name),
            Slot::Phone => or_blank(&p.phone),
            Slot::City => or_blank(&p.city),
            Slot::Date => self.date(self.input.date),
            Slot::Since => self.date(h.and_then(|h| h.since)),
            Slot::Details => h.map(|h| h.details.clone()).unwrap_or_default(),
            Slot::Reason => self.lines(&[P::REASON]),
            Slot::EvidenceList => {
                let mut out = String::new();
                for (k, e) in h.iter().flat_map(|h| &h.evidence).enumerate() {
                    sep(&mut out, k, self.t(Tx::LIST_SEP));
                    out.push_str(self.lang.evidence(*e));
                }
                out
            }
            Slot::Attachments => self.attachments(),
            Slot::Hotline => COMPLAINT_HOTLINE.to_owned(),
            Slot::QuietFrom => clock(0, 0, QUIET_FROM_HOUR, 0, true),
            Slot::QuietUntil => clock(0, 0, QUIET_UNTIL_HOUR, 0, true),
            Slot::MaxCalls => MAX_CALLS_A_DAY.to_string(),
            _ => return None,
        })
    }

    fn attachments(&self) -> String {
        let evidence = self.input.hardship.iter().flat_map(|h| h.evidence.iter().map(|e| self.lang.evidence(*e)));
        let mut out = String::new();
        for (k, name) in std::iter::once(self.t(Tx::STATEMENT_NAME)).chain(evidence).enumerate() {
            sep(&mut out, k, self.t(Tx::ITEM_SEP));
            out.push_str(&(k + 1).to_string());
            out.push_str(". ");
            out.push_str(name);
        }
        out
    }

    /// The statement's figures.
    fn budget_slot(&self, name: Slot) -> Option<String> {
        let s = &self.input.statement;
        let accounts = &self.input.accounts;
        Some(match name {
            Slot::BufferPct => rate_percent(s.buffer_percent),
            Slot::AsksNeed => amount(&self.input.asks_need()),
            Slot::NDebts => accounts.len().to_string(),
            Slot::ExpenseLines => self.expense_lines(),
            Slot::ForecastLines => self.forecast_lines(),
            Slot::DebtLines => {
                let mut out = String::new();
                for (k, a) in accounts.iter().enumerate() {
                    sep(&mut out, k, "\n");
                    out.push_str(&self.debt_line(a, k + 1));
                }
                out
            }
            _ => return None,
        })
    }

    fn expense_lines(&self) -> String {
        let mut out = String::new();
        let Some(items) = &self.input.statement.expense_items else { return out };
        let given = ExpenseCategory::ALL.iter().map(|c| (c, items.get(*c))).filter(|(_, v)| !v.is_zero());
        for (k, (c, v)) in given.enumerate() {
            sep(&mut out, k, "\n");
            out.push_str(&self.fill_t(Tx::EXPENSE_LINE, &[("label", self.words.expense_category(*c).to_owned()), ("amount", amount(&v))]));
        }
        out
    }

    fn forecast_lines(&self) -> String {
        let Some(f) = &self.input.statement.forecast else { return String::new() };
        let month = |k: usize| match f.start.and_then(|d| d.add_months(k as i32)) {
            Some(d) => year_month(d, self.lang),
            None => self.lang.label(Field::ForecastMonth, k),
        };
        let mut out = String::new();
        for k in 0..12 {
            sep(&mut out, k, "\n");
            out.push_str(&self.fill_t(Tx::FORECAST_LINE, &[("month", month(k)), ("income", amount(&f.income[k])), ("available", amount(&f.available[k]))]));
        }
        out
    }

    fn debt_line(&self, a: &Account, i: usize) -> String {
        let sub = Cx { ask: a.ask.as_ref(), acc: Some(a), ..*self };
        let offer = sub.lines(&[P::ASK_SHORT]);
        sub.fill_t(
            Tx::DEBT_LINE,
            &[
                ("i", i.to_string()),
                ("d_lender", lender_name(a, self.lang)),
                ("d_contract", or_blank(&a.contract_no)),
                ("d_owed", amount(&a.owed_now)),
                ("d_contract_pay", if a.lender == Lender::CreditCard { self.t(Tx::NO_INSTALMENT).to_owned() } else { amount(&a.contract_payment) }),
                ("d_share", sub.share_range(a)),
                ("d_offer", offer),
            ],
        )
    }

    fn share_range(&self, a: &Account) -> String {
        self.range(&a.share.least, &a.share.most)
    }

    /// The account: its identity, arrears, share and contacts.
    fn account_slot(&self, name: Slot) -> Option<String> {
        let a = self.acc?;
        Some(match name {
            Slot::Lender => lender_name(a, self.lang),
            Slot::LoanLabel => if a.name.is_empty() { lender_name(a, self.lang) } else { a.name.clone() },
            Slot::ContractNo => or_blank(&a.contract_no),
            Slot::OverdueDays => a.overdue.days.to_string(),
            Slot::ShareRange => self.share_range(a),
            Slot::CanPay => match a.ask.as_ref().is_some_and(AskFigures::above_share) {
                true => amount(&a.can_pay_most()),
                false => self.share_range(a),
            },
            Slot::LumpLimit => a.lump_sum.as_ref().map_or_else(blank, amount),
            Slot::FirstRequest => self.date(a.first_request),
            Slot::Answered => self.date(a.answered),
            Slot::NContacts => a.log.iter().filter(|e| !e.is_call_in()).count().to_string(),
            Slot::LogLines => self.log_lines(a, false),
            Slot::NCalls => a.log.iter().filter(|e| e.is_call_in()).count().to_string(),
            Slot::CallLines => self.log_lines(a, true),
            Slot::AskSentence => self.lines(&[P::ASK]),
            Slot::AskShort => self.lines(&[P::ASK_SHORT]),
            Slot::FallbackSentence => Cx { ask: a.fallback.as_ref(), ..*self }.lines(&[P::ASK]),
            Slot::Request => {
                let hold = a.ask.as_ref().is_some_and(|k| k.kind == crate::engine::ProposalKind::Hold);
                self.t(if hold { Tx::HOLD_REQUEST } else { Tx::PLAN_REQUEST }).to_owned()
            }
            Slot::Checklist => {
                let mut out = String::new();
                for (k, item) in agreement_checklist(a.lender == Lender::CreditCard).into_iter().enumerate() {
                    sep(&mut out, k, "\n");
                    out.push_str("· ");
                    out.push_str(self.words.agreement_item(item));
                }
                out
            }
            _ => return None,
        })
    }

    /// The borrower's contacts (`calls_in`: the lender's calls to her),
    /// oldest first; contacts alike but for the time on one day (seven
    /// calls from a collector) are cited once with their count.
    fn log_lines(&self, a: &Account, calls_in: bool) -> String {
        let same = |x: &ContactEntry, y: &ContactEntry| {
            (x.at.date(), x.channel, &x.who, &x.ticket, &x.summary, &x.promise) == (y.at.date(), y.channel, &y.who, &y.ticket, &y.summary, &y.promise)
        };
        let log: Vec<ContactEntry> = a.log.iter().filter(|e| e.is_call_in() == calls_in).cloned().collect();
        let groups: Vec<&[ContactEntry]> = log.chunk_by(same).collect();
        let skip = groups.len().saturating_sub(LOG_LINES_SHOWN);
        let mut out = String::new();
        if skip > 0 {
            let omitted: usize = groups[..skip].iter().map(|g| g.len()).sum();
            out.push_str(&self.fill_t(Tx::LOG_MORE, &[("n", omitted.to_string())]));
        }
        for (k, g) in groups[skip..].iter().enumerate() {
            sep(&mut out, k + usize::from(skip > 0), "\n");
            out.push_str(&self.log_line(g));
        }
        out
    }

    fn log_line(&self, group: &[ContactEntry]) -> String {
        let (Some(e), Some(last)) = (group.first(), group.last()) else { return String::new() };
        let part = |t: Tx, v: &str| if v.is_empty() { String::new() } else { self.fill_t(t, &[("v", clean_text(v))]) };
        let time = |t: DateTime| clock(0, 0, t.hour(), t.minute(), true);
        let channel = self.lang.channel(e.channel).to_owned();
        let (at, channel) = match group.len() {
            1 => (date_time(e.at, self.lang), channel),
            n => (
                self.fill_t(Tx::LOG_SPAN, &[("date", date(e.at.date(), self.lang)), ("from", time(e.at)), ("to", time(last.at))]),
                self.fill_t(Tx::LOG_TIMES, &[("channel", channel), ("n", n.to_string())]),
            ),
        };
        // The summary's own full stop would clash with what follows it.
        let summary = clean_text(&e.summary);
        let summary = summary.trim_end_matches(['。', '.', '；', ';', '，', ',']);
        let summary = if summary.is_empty() { self.t(Tx::LOG_NO_SUMMARY).to_owned() } else { summary.to_owned() };
        self.fill_t(
            Tx::LOG_LINE,
            &[("at", at), ("channel", channel), ("who", part(Tx::LOG_WHO, &e.who)), ("ticket", part(Tx::LOG_TICKET, &e.ticket)), ("summary", summary), ("promise", part(Tx::LOG_PROMISE, &e.promise))],
        )
    }

    /// A part's amount: one (and a note when only the last differs), or a range.
    fn pay(&self, part: Option<&PlanPart>) -> (String, String) {
        let Some(p) = part else { return (blank(), String::new()) };
        match p.level {
            Some(level) => {
                let note = if p.last == level { String::new() } else { self.fill_t(Tx::LAST_NOTE, &[("v", amount(&p.last))]) };
                (amount(&level), note)
            }
            None => (self.range(&p.least, &p.most), String::new()),
        }
    }

    /// The evaluation's figures of the ask (a hold has none).
    fn figures(&self) -> Option<&Figures> {
        self.ask?.figures.as_ref()
    }

    /// The ask's figures; blanks when there is no ask ([`Cx::slot`]).
    fn ask_slot(&self, name: Slot) -> Option<String> {
        let a = self.ask?;
        let f = self.figures();
        let (head, tail) = (a.head(), a.tail());
        Some(match name {
            Slot::FirstDate => self.date(a.first_date),
            Slot::TailDate => self.date(tail.and_then(|t| t.starts)),
            Slot::Months => a.months().to_string(),
            Slot::ReviewDate => self.date(a.review_date()),
            Slot::Split => head.map_or(0, |h| h.months).to_string(),
            Slot::Pay => self.pay(a.parts.first()).0,
            Slot::PayNote => self.pay(a.parts.first()).1,
            Slot::HeadPay => head.map_or_else(blank, |h| self.range(&h.least, &h.most)),
            Slot::TailPay => self.pay(tail).0,
            Slot::TailNote => self.pay(tail).1,
            Slot::Discount => f?.discount.as_ref().map_or_else(blank, amount),
            Slot::DiscountPct => f?.discount_percent.map_or_else(blank, percent),
            Slot::Rate => rate_percent(a.params.annual_rate_percent),
            Slot::Recovered => percent(f?.principal_recovered_percent),
            Slot::PvPct => percent(f?.lender_pv_percent),
            Slot::ScheduleLines => self.schedule_lines(a),
            _ => return None,
        })
    }

    fn schedule_lines(&self, a: &AskFigures) -> String {
        // Three items a line.
        let mut out = String::new();
        for (k, r) in a.figures.iter().flat_map(|f| &f.schedule).take(12).enumerate() {
            sep(&mut out, k, if k % 3 == 0 { "\n" } else { self.t(Tx::ITEM_SEP) });
            let month = a.first_date.and_then(|d| d.add_months(k as i32)).map_or_else(blank, |d| year_month(d, self.lang));
            out.push_str(&self.fill_t(Tx::SCHEDULE_ITEM, &[("month", month), ("amount", amount(&r.payment))]));
        }
        out
    }
}

/// The slots the templates name: the borrower's, the statement's, an
/// account's, then an ask's (in that order: [`Slot::FIRST_ACCOUNT`] and
/// [`Slot::FIRST_ASK`] start the last two). A name is looked up once in
/// [`SLOT_NAMES`], then matched as a number (a match on the names costs a
/// comparison each).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Slot {
    Blank,
    Name,
    Phone,
    City,
    Date,
    Since,
    Details,
    Reason,
    EvidenceList,
    Attachments,
    Hotline,
    QuietFrom,
    QuietUntil,
    MaxCalls,
    Income,
    Expenses,
    Other,
    Buffer,
    BufferPct,
    Available,
    IncomeMin,
    IncomeMax,
    AvailMin,
    AvailMax,
    NDebts,
    AsksNeed,
    TotalOwed,
    TotalContract,
    ExpenseLines,
    ForecastLines,
    DebtLines,
    Lender,
    LoanLabel,
    ContractNo,
    PrincipalOwed,
    Owed,
    OverdueDays,
    OverdueAmount,
    OverduePrincipal,
    OverdueInterest,
    ContractPayment,
    ShareMax,
    ShareRange,
    CanPay,
    LumpLimit,
    FirstRequest,
    Answered,
    NContacts,
    LogLines,
    NCalls,
    CallLines,
    AskSentence,
    AskShort,
    FallbackSentence,
    Checklist,
    Request,
    FirstDate,
    TailDate,
    Months,
    Split,
    Total,
    Pay,
    PayNote,
    PayMin,
    PayMax,
    HeadPay,
    TailPay,
    TailNote,
    Discount,
    DiscountPct,
    Rate,
    Penalty,
    Recovered,
    Pv,
    PvPct,
    ScheduleLines,
    Token,
    ReviewDate,
}

impl Slot {
    const FIRST_ACCOUNT: Self = Self::Lender;
    const FIRST_ASK: Self = Self::FirstDate;

    /// A slot of the evaluation's figures, which a hold does not have.
    fn of_figures(self) -> bool {
        matches!(self, Self::Total | Self::PayMin | Self::PayMax | Self::Pv | Self::Discount | Self::DiscountPct | Self::Recovered | Self::PvPct | Self::ScheduleLines)
    }

    fn named(name: &str) -> Option<Self> {
        SLOT_NAMES.split(' ').position(|n| n == name).and_then(|k| SLOTS.get(k).copied())
    }
}

/// Each slot's name in the templates (`{owed}`), in the order of [`SLOTS`],
/// one text (a table of `&str`s would be 8 bytes of pointer a name).
const SLOT_NAMES: &str = "blank name phone city date since details reason evidence_list attachments hotline quiet_from quiet_until max_calls income expenses other buffer buffer_pct available income_min income_max avail_min avail_max n_debts asks_need total_owed total_contract expense_lines forecast_lines debt_lines lender loan_label contract_no principal_owed owed overdue_days overdue_amount overdue_principal overdue_interest contract_payment share_max share_range can_pay lump_limit first_request answered n_contacts log_lines n_calls call_lines ask_sentence ask_short fallback_sentence checklist request first_date tail_date months split total pay pay_note pay_min pay_max head_pay tail_pay tail_note discount discount_pct rate penalty recovered pv pv_pct schedule_lines token review_date";

/// Every slot, in the order of [`SLOT_NAMES`] (and of their declaration).
const SLOTS: [Slot; 78] = [
    Slot::Blank,
    Slot::Name,
    Slot::Phone,
    Slot::City,
    Slot::Date,
    Slot::Since,
    Slot::Details,
    Slot::Reason,
    Slot::EvidenceList,
    Slot::Attachments,
    Slot::Hotline,
    Slot::QuietFrom,
    Slot::QuietUntil,
    Slot::MaxCalls,
    Slot::Income,
    Slot::Expenses,
    Slot::Other,
    Slot::Buffer,
    Slot::BufferPct,
    Slot::Available,
    Slot::IncomeMin,
    Slot::IncomeMax,
    Slot::AvailMin,
    Slot::AvailMax,
    Slot::NDebts,
    Slot::AsksNeed,
    Slot::TotalOwed,
    Slot::TotalContract,
    Slot::ExpenseLines,
    Slot::ForecastLines,
    Slot::DebtLines,
    Slot::Lender,
    Slot::LoanLabel,
    Slot::ContractNo,
    Slot::PrincipalOwed,
    Slot::Owed,
    Slot::OverdueDays,
    Slot::OverdueAmount,
    Slot::OverduePrincipal,
    Slot::OverdueInterest,
    Slot::ContractPayment,
    Slot::ShareMax,
    Slot::ShareRange,
    Slot::CanPay,
    Slot::LumpLimit,
    Slot::FirstRequest,
    Slot::Answered,
    Slot::NContacts,
    Slot::LogLines,
    Slot::NCalls,
    Slot::CallLines,
    Slot::AskSentence,
    Slot::AskShort,
    Slot::FallbackSentence,
    Slot::Checklist,
    Slot::Request,
    Slot::FirstDate,
    Slot::TailDate,
    Slot::Months,
    Slot::Split,
    Slot::Total,
    Slot::Pay,
    Slot::PayNote,
    Slot::PayMin,
    Slot::PayMax,
    Slot::HeadPay,
    Slot::TailPay,
    Slot::TailNote,
    Slot::Discount,
    Slot::DiscountPct,
    Slot::Rate,
    Slot::Penalty,
    Slot::Recovered,
    Slot::Pv,
    Slot::PvPct,
    Slot::ScheduleLines,
    Slot::Token,
    Slot::ReviewDate,
];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::letter::build;
    use crate::scenario::Scenario;

    /// Every template line, in every part.
    const ALL_LINES: &[Part] = &[
        TO, APPLICANT, SIGNATURE, REASON, ASK, ASK_SHORT, RECOVERY, LETTER_TITLE, LETTER, LETTER_TERMS, LETTER_PLAN, STATEMENT,
        NO_REPLY_TITLE, NO_REPLY, STILL_NO_REPLY_TITLE, STILL_NO_REPLY, RECONSIDER_TITLE, RECONSIDER, RECONSIDER_END, CALL,
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
            let cx = Cx { lang, words: Words::of(lang), input: &input, acc: input.accounts.first(), ask: input.accounts[0].ask.as_ref() };
            for (_, _, line) in ALL_LINES.iter().flat_map(|p| p.lines(lang == Lang::Zh)) {
                for name in slot_names(line) {
                    assert!(cx.slot(name).is_some(), "unknown slot {{{name}}} in {line:?}");
                }
            }
            // Without an account or an ask, their slots are blanks, not unknown.
            let bare = Cx { acc: None, ask: None, ..cx };
            for (name, _) in SLOT_NAMES.split(' ').zip(SLOTS).filter(|(_, s)| *s >= Slot::FIRST_ACCOUNT) {
                assert_eq!(bare.slot(name).as_deref(), Some(BLANK), "{name}");
            }
            // Every slot has its name once, and every name is its slot's.
            assert_eq!(SLOT_NAMES.split(' ').count(), SLOTS.len());
            for (k, (name, s)) in SLOT_NAMES.split(' ').zip(SLOTS).enumerate() {
                assert_eq!(s as usize, k, "{name}");
                assert_eq!(Slot::named(name), Some(s));
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
