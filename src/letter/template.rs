//! The documents' texts: data, not code. A document is a list of [`Part`]s,
//! each a list of lines: a condition ([`When`]) and a text in both languages, with
//! named slots (`{owed}`) the renderer fills from the input. A line marked
//! `join` continues the previous one (a space between English sentences,
//! nothing between Chinese ones); an empty text is a blank line.

use crate::engine::{HolidayMode, ProposalKind};
use crate::scenario::kit::HardshipReason;
use HolidayMode::{Capitalised, InterestOnly};
use ProposalKind::*;
use crate::i18n::kit::{KitWords, KIT_WORDS_EN, KIT_WORDS_ZH};
use crate::i18n::Lang;

/// A text in both languages.
#[derive(Debug, Clone, Copy)]
pub(crate) struct T {
    pub zh: &'static str,
    pub en: &'static str,
}

/// When a line is shown. Conditions on the ask read the ask being
/// rendered (the fallback inside `{fallback_sentence}`).
#[derive(Debug, Clone, Copy)]
pub(crate) enum When {
    Always,
    Not(&'static When),
    All(&'static [When]),
    Any(&'static [When]),
    /// The account has arrears.
    Overdue,
    /// Their amount is known (above zero): days overdue alone print no
    /// "逾期金额 ¥0.00", which a case officer reads as false (review w14 R16).
    Arrears,
    Hardship,
    Reason(HardshipReason),
    Details,
    Temporary,
    Evidence,
    /// Expense categories were given.
    Items,
    Forecast,
    /// More than one debt.
    Several,
    /// The contract instalment is more than the most this debt's share reaches.
    ContractAbove,
    Ask,
    Kind(ProposalKind),
    Mode(HolidayMode),
    /// The ask waives penalty interest already charged.
    Penalty,
    /// Every instalment of the ask fits this debt's share of the budget.
    Fits,
    /// The ask has instalments after its catch-up or holiday months.
    Tail,
    /// The ask runs longer than 12 instalments.
    BeyondYear,
    Fallback,
    /// The borrower contacted the lender (calls from the lender are not hers: review w15 R5).
    Log,
    /// The lender or its collectors called her: listed apart, as conduct.
    CallsIn,
    /// The asks together fit the money available (or it follows a
    /// forecast): what one ask leaves can go to another ([`super::LetterInput::over_budget`]).
    AsksFit,
    LumpSum,
    /// The debt is a credit card: no fixed instalment, personalised
    /// instalments under Article 70 of the credit-card rules (DOMAIN.md).
    Card,
    /// The debt is a bank's consumer loan.
    Bank,
    /// The borrower named the lender (the loan's label).
    Named,
    /// The lender's present value of the ask is at least 95 % of the
    /// amount owed: the figure argues for the ask (below, it argues against).
    PvHigh,
    /// The ask pays this lender more a month than its pro-rata share: a
    /// combined plan gave it what other lenders' asks leave ([`super::AskFigures::above_share`]).
    AboveShare,
    /// No ask pays its lender more than its pro-rata share: only then are
    /// all lenders "treated alike" (review w15 R1).
    ProRata,
    /// The borrower chose an ask the evaluation no longer offers (a figure
    /// changed): the documents say to choose again, not print blanks (review w15 R3).
    Stale,
}

/// A part of a document: its lines' conditions, a byte each (an index into
/// [`CONDS`], with [`JOIN`] set on a line that continues the previous one),
/// and its text in each language, one literal whose lines end in [`SEP`]
/// ([`Part::lines`]). No pointer per line: 181 lines are 181 bytes of data
/// besides their text, not 16 each.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Part {
    conds: &'static [u8],
    zh: &'static str,
    en: &'static str,
}

/// Set on a line's condition byte when it continues the previous line.
const JOIN: u8 = 0x80;
/// What ends each line of a part's text.
const SEP: char = '\u{1}';

impl Part {
    /// The part's lines in one language (`zh`: Chinese): each with its
    /// condition, whether it continues the previous line, and its text.
    #[cfg(test)]
    pub fn lines(&self, zh: bool) -> impl Iterator<Item = (&'static When, bool, &'static str)> {
        lines_of(self.conds, if zh { self.zh } else { self.en })
    }
}

fn lines_of(conds: &'static [u8], text: &'static str) -> impl Iterator<Item = (&'static When, bool, &'static str)> {
    conds.iter().zip(text.split(SEP)).map(|(&c, line)| (&CONDS[(c & !JOIN) as usize], c & JOIN != 0, line))
}

/// The documents' texts in one language: each part's lines ([`P`]). The
/// page fetches only the reader's language (`ui::kit`: a chunk each, so a
/// Chinese reader never downloads the English letters, nor the other way).
/// With them the kit's own words (`i18n::kit`); a `Words` reads as its
/// language ([`Lang`]'s words that are not the kit's are the main wasm's).
pub struct Words {
    pub lang: Lang,
    parts: [&'static str; PARTS.len()],
    texts: [&'static str; TEXTS.len()],
    names: [&'static str; DOCUMENT_NAMES.len()],
    pub kit: KitWords,
}

/// The letters' texts in Chinese and in English.
pub static WORDS_ZH: Words = Words { lang: Lang::Zh, parts: texts(true), texts: pick(&TEXTS, true), names: pick(&DOCUMENT_NAMES, true), kit: KIT_WORDS_ZH };
pub static WORDS_EN: Words = Words { lang: Lang::En, parts: texts(false), texts: pick(&TEXTS, false), names: pick(&DOCUMENT_NAMES, false), kit: KIT_WORDS_EN };

impl std::ops::Deref for Words {
    type Target = Lang;

    fn deref(&self) -> &Lang {
        &self.lang
    }
}

/// One language of texts `all` (in const code).
const fn pick<const N: usize>(all: &[T; N], zh: bool) -> [&'static str; N] {
    let mut out = [""; N];
    let mut i = 0;
    while i < N {
        out[i] = if zh { all[i].zh } else { all[i].en };
        i += 1;
    }
    out
}

impl Words {
    /// The texts of `lang` (both languages are then in the binary: the
    /// page's kit is handed the reader's alone).
    pub fn of(lang: Lang) -> &'static Self {
        match lang {
            Lang::Zh => &WORDS_ZH,
            Lang::En => &WORDS_EN,
        }
    }
}

/// Every part's text in one language, by [`P`] (in const code).
const fn texts(zh: bool) -> [&'static str; PARTS.len()] {
    let mut out = [""; PARTS.len()];
    let mut i = 0;
    while i < PARTS.len() {
        out[i] = if zh { PARTS[i].zh } else { PARTS[i].en };
        i += 1;
    }
    out
}

/// Every part's conditions, by [`P`]: the same in both languages.
static CONDS_OF: [&[u8]; PARTS.len()] = {
    let mut out: [&[u8]; PARTS.len()] = [&[]; PARTS.len()];
    let mut i = 0;
    while i < PARTS.len() {
        out[i] = PARTS[i].conds;
        i += 1;
    }
    out
};

impl Words {
    /// A short text ([`Tx`]) in this language.
    pub(crate) fn t(&self, t: Tx) -> &'static str {
        self.texts[t as usize]
    }

    /// The name of document `k` of `Document::ALL`.
    pub(crate) fn document_name(&self, k: usize) -> &'static str {
        self.names.get(k).copied().unwrap_or_default()
    }
}

impl P {
    /// The part's lines in `w`'s language: each with its condition,
    /// whether it continues the previous line, and its text.
    pub fn lines(self, w: &'static Words) -> impl Iterator<Item = (&'static When, bool, &'static str)> {
        lines_of(CONDS_OF[self as usize], w.parts[self as usize])
    }
}

/// The parts by name, for the renderer: a part is its index; its text is
/// in [`Words`] (one language), its conditions in [`CONDS_OF`].
macro_rules! parts {
    ($($name:ident),* $(,)?) => {
        #[allow(non_camel_case_types, clippy::upper_case_acronyms)]
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        pub(crate) enum P {
            $($name,)*
        }
        /// Every part, in [`P`]'s order.
        const PARTS: [Part; [$(P::$name),*].len()] = [$($name),*];
    };
}

/// The short texts by name, like the parts ([`P`]).
macro_rules! texts {
    ($($name:ident),* $(,)?) => {
        #[allow(non_camel_case_types, clippy::upper_case_acronyms)]
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        pub(crate) enum Tx {
            $($name,)*
        }
        /// Every short text, in [`Tx`]'s order.
        const TEXTS: [T; [$(Tx::$name),*].len()] = [$($name),*];
    };
}

texts![DEBT_LINE, EXPENSE_LINE, FORECAST_LINE, SCHEDULE_ITEM, LOG_LINE, LOG_WHO, LOG_TICKET, LOG_PROMISE, LOG_NO_SUMMARY, LOG_MORE, LOG_SPAN, LOG_TIMES, LAST_NOTE, NO_INSTALMENT, RANGE, STATEMENT_NAME, LIST_SEP, ITEM_SEP, PLAN_REQUEST, HOLD_REQUEST];

parts![TO, APPLICANT, SIGNATURE, REASON, ASK, ASK_SHORT, RECOVERY, LETTER_TITLE, LETTER, LETTER_TERMS, LETTER_PLAN, STATEMENT, NO_REPLY_TITLE, NO_REPLY, STILL_NO_REPLY_TITLE, STILL_NO_REPLY, RECONSIDER_TITLE, RECONSIDER, RECONSIDER_END, CALL];

/// Every condition a line of the templates has, once; a line names its
/// own by its index ([`cond`], checked as the templates compile).
const CONDS: [When; 75] = [
    When::Always,
    When::Reason(HardshipReason::JobLoss),
    When::Reason(HardshipReason::IncomeDrop),
    When::Reason(HardshipReason::BusinessLoss),
    When::Reason(HardshipReason::Illness),
    When::Reason(HardshipReason::Family),
    When::Reason(HardshipReason::Other),
    When::Not(&When::Hardship),
    When::Not(&When::Ask),
    When::Kind(TermExtension),
    When::All(&[When::Kind(FrozenInstalments), When::Not(&When::Tail)]),
    When::All(&[When::Kind(FrozenInstalments), When::Tail]),
    When::Kind(Contract),
    When::All(&[When::Kind(PenaltyWaiver), When::Tail]),
    When::All(&[When::Kind(PenaltyWaiver), When::Not(&When::Tail)]),
    When::Mode(InterestOnly),
    When::Mode(Capitalised),
    When::Kind(Settlement),
    When::Kind(CashFlowPlan),
    When::Any(&[When::Kind(TermExtension), When::Kind(Contract), When::All(&[When::Kind(FrozenInstalments), When::Not(&When::Tail)])]),
    When::Any(&[When::Mode(InterestOnly), When::All(&[When::Kind(PenaltyWaiver), When::Tail])]),
    When::Any(&[When::Mode(Capitalised), When::All(&[When::Kind(FrozenInstalments), When::Tail])]),
    When::All(&[When::Ask, NOT_SETTLEMENT, NOT_HOLD]),
    When::All(&[When::Overdue, When::Arrears]),
    When::All(&[When::Overdue, When::Not(&When::Arrears)]),
    When::Not(&When::Overdue),
    When::Details,
    When::Temporary,
    When::All(&[When::Hardship, When::Not(&When::Temporary)]),
    When::Evidence,
    When::Not(&When::Forecast),
    When::Forecast,
    When::Several,
    When::ContractAbove,
    When::Any(&[When::Kind(TermExtension), When::Kind(CashFlowPlan), When::Kind(PaymentHoliday), When::Kind(Contract)]),
    When::Kind(FrozenInstalments),
    When::Kind(PenaltyWaiver),
    When::All(&[When::Penalty, NOT_SETTLEMENT]),
    When::All(&[When::Kind(PaymentHoliday), When::Not(&When::Fits)]),
    When::All(&[When::Kind(CashFlowPlan), When::BeyondYear]),
    When::Fallback,
    When::Not(&When::Kind(Settlement)),
    When::Not(&When::Any(&[When::Kind(PaymentHoliday), When::Kind(Settlement), When::Kind(Hold)])),
    When::Kind(PaymentHoliday),
    When::Items,
    When::Not(&When::Several),
    When::Log,
    When::Not(&When::Log),
    When::Not(&When::Fallback),
    When::LumpSum,
    When::Not(&When::LumpSum),
    When::Not(&When::Any(&[UNNAMED_CARD, UNNAMED_BANK])),
    UNNAMED_CARD,
    UNNAMED_BANK,
    When::Not(&When::Card),
    When::All(&[When::ContractAbove, When::Not(&When::Card), When::Not(&When::Forecast)]),
    When::All(&[When::ContractAbove, When::Not(&When::Card), When::Forecast]),
    When::Card,
    When::All(&[When::Card, NOT_SETTLEMENT]),
    When::All(&[When::Ask, NOT_SETTLEMENT, When::PvHigh]),
    When::Kind(Hold),
    NOT_HOLD,
    When::All(&[When::Not(&When::Card), NOT_HOLD]),
    When::All(&[When::Card, NOT_HOLD]),
    When::All(&[When::Several, When::Not(&When::AboveShare)]),
    When::All(&[When::Several, When::AboveShare]),
    When::All(&[When::Several, When::ProRata]),
    When::All(&[When::Several, When::Not(&When::ProRata)]),
    When::All(&[When::Not(&When::Ask), When::Not(&When::Stale)]),
    When::All(&[When::Not(&When::Ask), When::Stale]),
    When::CallsIn,
    When::All(&[When::Several, When::AboveShare, When::AsksFit]),
    When::All(&[When::Several, When::AboveShare, When::Not(&When::AsksFit)]),
    When::All(&[When::Several, When::Not(&When::ProRata), When::AsksFit]),
    When::All(&[When::Several, When::Not(&When::ProRata), When::Not(&When::AsksFit)]),
];

impl When {
    /// Which variant (for [`same`], in const code).
    const fn tag(&self) -> u8 {
        match self {
            When::Always => 0,
            When::Not(_) => 1,
            When::All(_) => 2,
            When::Any(_) => 3,
            When::Overdue => 4,
            When::Hardship => 5,
            When::Reason(r) => 32 + *r as u8,
            When::Details => 6,
            When::Temporary => 7,
            When::Evidence => 8,
            When::Items => 9,
            When::Forecast => 10,
            When::Several => 11,
            When::ContractAbove => 12,
            When::Ask => 13,
            When::Kind(k) => 64 + *k as u8,
            When::Mode(m) => 96 + *m as u8,
            When::Penalty => 14,
            When::Fits => 15,
            When::Tail => 16,
            When::BeyondYear => 17,
            When::Fallback => 18,
            When::Log => 19,
            When::LumpSum => 20,
            When::Card => 21,
            When::Named => 22,
            When::PvHigh => 23,
            When::Bank => 24,
            When::Arrears => 25,
            When::AboveShare => 26,
            When::ProRata => 27,
            When::Stale => 28,
            When::CallsIn => 29,
            When::AsksFit => 30,
        }
    }
}

/// Whether two conditions are the same (in const code: no `PartialEq`).
const fn same(a: &When, b: &When) -> bool {
    match (a, b) {
        (When::Not(x), When::Not(y)) => same(x, y),
        (When::All(x), When::All(y)) | (When::Any(x), When::Any(y)) => {
            if x.len() != y.len() {
                return false;
            }
            let mut i = 0;
            while i < x.len() {
                if !same(&x[i], &y[i]) {
                    return false;
                }
                i += 1;
            }
            true
        }
        _ => a.tag() == b.tag(),
    }
}

/// A line's condition byte: `w`'s index in [`CONDS`]. A condition not
/// there stops the build.
const fn cond(w: When) -> u8 {
    let mut i = 0;
    while i < CONDS.len() {
        if same(&CONDS[i], &w) {
            return i as u8;
        }
        i += 1;
    }
    panic!("a template line's condition is not in CONDS")
}

/// A part of a document from its lines: `gap` (a blank line),
/// `line(zh, en)` (always shown), `when(condition, zh, en)` and
/// `join(condition, zh, en)` (continues the previous line).
macro_rules! part {
    (@ [$($c:expr),*] [$($zh:literal),*] [$($en:literal),*]) => {
        Part { conds: &[$($c),*], zh: concat!($($zh, "\u{1}"),*), en: concat!($($en, "\u{1}"),*) }
    };
    (@ [$($c:expr),*] [$($zh:literal),*] [$($en:literal),*] gap $(, $($rest:tt)*)?) => {
        part!(@ [$($c,)* 0] [$($zh,)* ""] [$($en,)* ""] $($($rest)*)?)
    };
    (@ [$($c:expr),*] [$($zh:literal),*] [$($en:literal),*] line($z:literal, $e:literal) $(, $($rest:tt)*)?) => {
        part!(@ [$($c,)* 0] [$($zh,)* $z] [$($en,)* $e] $($($rest)*)?)
    };
    (@ [$($c:expr),*] [$($zh:literal),*] [$($en:literal),*] when($w:expr, $z:literal, $e:literal) $(, $($rest:tt)*)?) => {
        part!(@ [$($c,)* cond($w)] [$($zh,)* $z] [$($en,)* $e] $($($rest)*)?)
    };
    (@ [$($c:expr),*] [$($zh:literal),*] [$($en:literal),*] join($w:expr, $z:literal, $e:literal) $(, $($rest:tt)*)?) => {
        part!(@ [$($c,)* cond($w) | JOIN] [$($zh,)* $z] [$($en,)* $e] $($($rest)*)?)
    };
    ($($items:tt)*) => {
        part!(@ [] [] [] $($items)*)
    };
}

const NOT_SETTLEMENT: When = When::Not(&When::Kind(Settlement));
/// Not a hold request (review w14 R17): its letter asks for no plan.
const NOT_HOLD: When = When::Not(&When::Kind(Hold));
/// A card the borrower did not name: the letter leaves the issuing bank to fill in.
const UNNAMED_CARD: When = When::All(&[When::Card, When::Not(&When::Named)]);
/// A bank loan the borrower did not name: "银行信用贷" is a product, not a bank.
const UNNAMED_BANK: When = When::All(&[When::Bank, When::Not(&When::Named)]);

// ------------------------------------------------------------- shared parts

pub(crate) const TO: Part = part![
    when(When::Not(&When::Any(&[UNNAMED_CARD, UNNAMED_BANK])), "致：{lender} 客户服务及贷后管理部门", "To: {lender}, customer service and collections"),
    when(UNNAMED_CARD, "致：{blank}（发卡银行）信用卡中心", "To: {blank} (card issuer), credit card centre"),
    when(UNNAMED_BANK, "致：{blank}银行 客户服务及贷后管理部门", "To: {blank} (your bank), customer service and collections"),
];

pub(crate) const APPLICANT: Part = part![
    line("申请人：{name}　联系电话：{phone}　合同编号/借据号：{contract_no}", "Applicant: {name}    Phone: {phone}    Contract or IOU no.: {contract_no}"),
];

pub(crate) const SIGNATURE: Part = part![
    gap,
    line("申请人（签名）：{blank}　　日期：{date}", "Signed: {blank}    Date: {date}"),
];

/// The cause in one or two sentences, as the letter and the call say it.
pub(crate) const REASON: Part = part![
    join(When::Reason(HardshipReason::JobLoss), "自 {since} 起，我失去了工作，工资收入中断。", "Since {since} I have been out of work and my salary has stopped."),
    join(When::Reason(HardshipReason::IncomeDrop), "自 {since} 起，我的收入明显减少。", "Since {since} my income has fallen sharply."),
    join(When::Reason(HardshipReason::BusinessLoss), "自 {since} 起，我经营的生意收入大幅下降。", "Since {since} my business's takings have fallen sharply."),
    join(
        When::Reason(HardshipReason::Illness),
        "自 {since} 起，因患病治疗，我的收入减少、医疗支出增加。",
        "Since {since} illness and treatment have cut my income and raised my medical costs."
    ),
    join(When::Reason(HardshipReason::Family), "自 {since} 起，家庭发生变故，必要支出大幅增加。", "Since {since} a change in my family has sharply raised my essential costs."),
    join(When::Reason(HardshipReason::Other), "自 {since} 起，我的收支情况发生了重大变化。", "Since {since} my income and costs have changed substantially."),
    join(When::Not(&When::Hardship), "自 {since} 起，{blank}。", "Since {since}, {blank}."),
];

/// The ask in one sentence (the fallback uses it too).
pub(crate) const ASK: Part = part![
    join(When::All(&[When::Not(&When::Ask), When::Not(&When::Stale)]), "自 {blank} 起每月还款 {blank}，共 {blank} 期。", "from {blank}, {blank} a month for {blank} months."),
    join(When::All(&[When::Not(&When::Ask), When::Stale]), "（先在“协商材料”里重新选择方案）", "(first choose the plan again under “Negotiation kit”)"),
    join(
        When::Kind(TermExtension),
        "将目前欠款 {owed} 按合同利率延长还款期限，自 {first_date} 起每月还款 {pay}{pay_note}，共 {months} 期，合计 {total}。",
        "the amount owed now, {owed}, re-spread at the contract rate into {months} monthly instalments of {pay}{pay_note} from {first_date}, {total} in all."
    ),
    join(
        When::All(&[When::Kind(FrozenInstalments), When::Not(&When::Tail)]),
        "将目前欠款 {owed} 分期偿还，自 {first_date} 起每月还款 {pay}{pay_note}，共 {months} 期，合计 {total}。",
        "the amount owed now, {owed}, in {months} monthly instalments of {pay}{pay_note} from {first_date}, {total} in all."
    ),
    join(
        When::All(&[When::Kind(FrozenInstalments), When::Tail]),
        "将目前欠款 {owed} 分期偿还，自 {first_date} 起暂停还款 {split} 个月，自 {tail_date} 起每月还款 {tail_pay}{tail_note}，共 {months} 期（含暂停期），合计 {total}。",
        "the amount owed now, {owed}, in instalments: nothing for {split} months from {first_date}, then {tail_pay} a month{tail_note} from {tail_date}; {months} months including the pause, {total} in all."
    ),
    join(
        When::Kind(Contract),
        "按原合同继续还款，自 {first_date} 起每月还款 {pay}{pay_note}，共 {months} 期，合计 {total}。",
        "to keep paying under the contract: {pay} a month{pay_note} from {first_date}, {months} instalments, {total} in all."
    ),
    join(
        When::All(&[When::Kind(PenaltyWaiver), When::Tail]),
        "原合同继续履行，逾期欠款 {overdue_amount} 分 {split} 个月补足，自 {first_date} 起前 {split} 期每月还款 {head_pay}（含补足部分），之后按原合同每月还款 {tail_pay}{tail_note}，共 {months} 期，合计 {total}。",
        "the contract to continue, with the arrears of {overdue_amount} caught up over the first {split} instalments ({head_pay} a month from {first_date}) and the contract's {tail_pay} a month{tail_note} after that; {months} instalments, {total} in all."
    ),
    join(
        When::All(&[When::Kind(PenaltyWaiver), When::Not(&When::Tail)]),
        "逾期欠款 {overdue_amount} 连同剩余欠款分 {split} 期还清，自 {first_date} 起每月还款 {head_pay}，合计 {total}。",
        "the arrears of {overdue_amount} and the rest repaid in {split} monthly instalments of {head_pay} from {first_date}, {total} in all."
    ),
    join(
        When::Mode(InterestOnly),
        "给予 {split} 个月宽限期，自 {first_date} 起 {split} 个月只还利息（每月 {head_pay}），之后每月还款 {tail_pay}{tail_note}，共 {months} 期，合计 {total}。",
        "a {split}-month payment holiday from {first_date}, paying only the interest ({head_pay} a month), then {tail_pay} a month{tail_note}; {months} instalments, {total} in all."
    ),
    join(
        When::Mode(Capitalised),
        "给予 {split} 个月宽限期，自 {first_date} 起 {split} 个月暂停还款、利息计入本金，自 {tail_date} 起每月还款 {tail_pay}{tail_note}，共 {months} 期（含宽限期），合计 {total}。",
        "a {split}-month payment holiday from {first_date}, nothing paid and the interest added to the balance, then {tail_pay} a month{tail_note} from {tail_date}; {months} months including the holiday, {total} in all."
    ),
    join(
        When::Kind(Settlement),
        "一次性结清，于 {first_date} 一次性支付 {total}，结清全部欠款（目前欠款 {owed}，申请减免 {discount}，即 {discount_pct}）。",
        "a settlement of {total}, paid in one sum on {first_date}, closing the account (owed now {owed}; a reduction of {discount}, {discount_pct})."
    ),
    join(
        When::Kind(CashFlowPlan),
        "按经营现金流还款，自 {first_date} 起每月还款额随淡旺季在 {pay_min} 至 {pay_max} 之间，共 {months} 期，合计 {total}。",
        "payments that follow my cash flow, from {first_date}, between {pay_min} and {pay_max} a month with the seasons; {months} instalments, {total} in all."
    ),
    join(
        When::Kind(Hold),
        "自 {first_date} 起 {months} 个月内每月象征性还款 {token}，其间暂停催收、停止计收利息和罚息；{review_date} 复核我的收支，再商定之后的还款方案。",
        "a token payment of {token} a month for {months} months from {first_date}, with collection paused and interest and penalty interest frozen meanwhile; on {review_date} a review of my income and costs, and then we agree the payments that follow."
    ),
];

/// The ask in a few words: the statement's offer, the call's number to know.
pub(crate) const ASK_SHORT: Part = part![
    join(When::All(&[When::Not(&When::Ask), When::Not(&When::Stale)]), "{blank}", "{blank}"),
    join(When::All(&[When::Not(&When::Ask), When::Stale]), "（先在“协商材料”里重新选择方案）", "(first choose the plan again under “Negotiation kit”)"),
    join(
        When::Any(&[When::Kind(TermExtension), When::Kind(Contract), When::All(&[When::Kind(FrozenInstalments), When::Not(&When::Tail)])]),
        "自 {first_date} 起每月 {pay}{pay_note}，共 {months} 期",
        "{pay} a month{pay_note} for {months} months from {first_date}"
    ),
    join(
        When::Any(&[When::Mode(InterestOnly), When::All(&[When::Kind(PenaltyWaiver), When::Tail])]),
        "自 {first_date} 起前 {split} 期每月 {head_pay}，之后每月 {tail_pay}{tail_note}，共 {months} 期",
        "{head_pay} a month for {split} months from {first_date}, then {tail_pay} a month{tail_note}; {months} months"
    ),
    join(
        When::Any(&[When::Mode(Capitalised), When::All(&[When::Kind(FrozenInstalments), When::Tail])]),
        "自 {first_date} 起暂停还款 {split} 个月，之后每月 {tail_pay}{tail_note}，共 {months} 期",
        "nothing for {split} months from {first_date}, then {tail_pay} a month{tail_note}; {months} months"
    ),
    join(
        When::All(&[When::Kind(PenaltyWaiver), When::Not(&When::Tail)]),
        "自 {first_date} 起每月 {head_pay}，共 {split} 期",
        "{head_pay} a month for {split} months from {first_date}"
    ),
    join(When::Kind(Settlement), "于 {first_date} 一次性支付 {total}", "{total} in one sum on {first_date}"),
    join(
        When::Kind(CashFlowPlan),
        "自 {first_date} 起每月 {pay_min} 至 {pay_max}（随淡旺季），共 {months} 期",
        "{pay_min} to {pay_max} a month with the seasons, {months} months from {first_date}"
    ),
    join(When::Kind(Hold), "暂缓催收 {months} 个月，每月象征性还款 {token}，{review_date} 复核", "a {months}-month hold at {token} a month, reviewed on {review_date}"),
];

/// What the lender recovers: the borrower's strongest argument.
pub(crate) const RECOVERY: Part = part![
    when(When::All(&[When::Ask, NOT_SETTLEMENT, NOT_HOLD]), "按此方案，贵方可收回 {recovered} 的本金。", "Under this plan you recover {recovered} of the principal."),
    join(
        When::All(&[When::Ask, NOT_SETTLEMENT, When::PvHigh]),
        "按合同利率折现，全部还款的现值为 {pv}，相当于目前欠款的 {pv_pct}。",
        "Discounted at the contract rate, the payments are worth {pv} today, {pv_pct} of the amount owed now."
    ),
    when(
        When::Kind(Settlement),
        "贵方将于 {first_date} 一次收回 {total}，为本金的 {recovered}。",
        "You would receive {total} at once on {first_date}, {recovered} of the principal."
    ),
];

// ------------------------------------------------------------------ letter

pub(crate) const LETTER_TITLE: Part = part![
    when(NOT_HOLD, "关于{lender}借款的个性化还款方案申请", "Request for a personalised repayment plan: {lender} loan"),
    when(When::Kind(Hold), "关于{lender}借款的暂缓催收申请", "Request to hold action: {lender} loan"),
];

pub(crate) const LETTER: Part = part![
    gap,
    line("一、申请人与账户", "1. Applicant and account"),
    line("申请人：{name}　联系电话：{phone}　所在城市：{city}", "Applicant: {name}    Phone: {phone}    City: {city}"),
    line("借款：{loan_label}　合同编号/借据号：{contract_no}", "Loan: {loan_label}    Contract or IOU no.: {contract_no}"),
    line(
        "剩余本金 {principal_owed}；目前欠款 {owed}（本金和利息，不含罚息）。",
        "Principal outstanding {principal_owed}; owed now {owed} (principal and interest, penalty interest excluded)."
    ),
    when(
        When::All(&[When::Overdue, When::Arrears]),
        "已逾期 {overdue_days} 天，逾期金额 {overdue_amount}（本金 {overdue_principal}，利息 {overdue_interest}）。",
        "Overdue {overdue_days} days: arrears {overdue_amount} (principal {overdue_principal}, interest {overdue_interest})."
    ),
    when(When::All(&[When::Overdue, When::Not(&When::Arrears)]), "已逾期 {overdue_days} 天。", "Overdue {overdue_days} days."),
    when(When::Not(&When::Overdue), "目前尚未逾期，我希望在逾期之前与贵方商定还款方案。", "The account is not overdue; I am writing before it falls behind."),
    join(When::Not(&When::Card), "按原合同，下一期应还 {contract_payment}。", "Under the contract the next instalment is {contract_payment}."),
    gap,
    line("二、困难原因", "2. What has changed"),
    line("{reason}", "{reason}"),
    join(When::Details, "{details}", "{details}"),
    join(When::Temporary, "我预计这一困难是暂时的。", "I expect this to be temporary."),
    join(
        When::All(&[When::Hardship, When::Not(&When::Temporary)]),
        "这一困难短期内难以好转，因此我提出一个能够长期坚持的方案。",
        "It is unlikely to improve soon, so I propose a plan I can keep to for its whole term."
    ),
    when(When::Evidence, "随附证明：{evidence_list}。", "Enclosed as proof: {evidence_list}."),
    gap,
    line("三、每月收支（详见随附的收支说明）", "3. Monthly income and expenses (see the enclosed statement)"),
    when(
        When::Not(&When::Forecast),
        "净收入 {income} − 必要开支 {expenses} − 其他固定支出 {other} − 预留 {buffer} = 每月可用于还款 {available}。",
        "Net income {income} − essential expenses {expenses} − other fixed commitments {other} − reserve {buffer} = {available} a month available for debts."
    ),
    when(
        When::Forecast,
        "未来 12 个月净收入每月 {income_min} 至 {income_max}；扣除必要开支 {expenses}、其他固定支出 {other} 和预留后，每月可用于还款 {avail_min} 至 {avail_max}。",
        "Over the next 12 months my net income is {income_min} to {income_max} a month; after essential expenses of {expenses}, other fixed commitments of {other} and a reserve, {avail_min} to {avail_max} a month is available for debts."
    ),
    when(
        When::All(&[When::Several, When::Not(&When::AboveShare)]),
        "我共有 {n_debts} 笔借款，可用金额按各笔欠款的比例分配，每一家贷款方收到的是同一份收支说明；分给贵方的是每月 {share_range}。",
        "I have {n_debts} debts; the amount available is split in proportion to what each lender is owed, every lender receives the same statement, and your share is {share_range} a month."
    ),
    when(
        When::All(&[When::Several, When::AboveShare, When::AsksFit]),
        "我共有 {n_debts} 笔借款，每一家贷款方收到的是同一份收支说明。可用金额先按各笔欠款的比例分配，贵方的比例份额是每月 {share_range}；其他贷款方的方案用不完的部分再用于其余借款，因此本方案每月向贵方还款最多 {can_pay}。",
        "I have {n_debts} debts, and every lender receives the same statement. The amount available is first split in proportion to what each lender is owed, which gives you {share_range} a month; what the other lenders' plans leave unused goes to the rest, so this plan pays you up to {can_pay} a month."
    ),
    when(
        When::All(&[When::Several, When::AboveShare, When::Not(&When::AsksFit)]),
        "我共有 {n_debts} 笔借款，每一家贷款方收到的是同一份收支说明。可用金额按各笔欠款的比例分配，贵方的比例份额是每月 {share_range}；本方案每月向贵方还款最多 {can_pay}。",
        "I have {n_debts} debts, and every lender receives the same statement. The amount available is split in proportion to what each lender is owed, which gives you {share_range} a month; this plan pays you up to {can_pay} a month."
    ),
    when(
        When::All(&[When::ContractAbove, When::Not(&When::Card), When::Not(&When::Forecast)]),
        "原合同月供 {contract_payment} 超过了我每月最多能用于这笔借款的 {can_pay}。",
        "The contract instalment of {contract_payment} is more than the most I can put towards this loan in a month, {can_pay}."
    ),
    when(
        When::All(&[When::ContractAbove, When::Not(&When::Card), When::Forecast]),
        "原合同月供 {contract_payment} 我任何一个月都付不起：我的收入随淡旺季变化，各月能用于这笔借款的金额见随附的收支说明。",
        "I cannot pay the contract instalment of {contract_payment} in any month: my income follows the seasons, and what I can put towards this loan each month is in the enclosed statement."
    ),
    gap,
    line("四、我的申请", "4. What I ask for"),
    when(When::All(&[When::Not(&When::Card), NOT_HOLD]), "我申请个性化还款方案：{ask_sentence}", "I ask for a personalised repayment plan: {ask_sentence}"),
    when(
        When::Kind(Hold),
        "我目前每月没有可用于还款的钱，还无法提出分期方案。我申请暂缓催收：{ask_sentence}",
        "I have nothing left each month to pay with and cannot yet offer instalments. I ask you to hold action: {ask_sentence}"
    ),
    when(
        When::All(&[When::Card, NOT_HOLD]),
        "我申请按《商业银行信用卡业务监督管理办法》第七十条办理个性化分期：{ask_sentence}",
        "I ask for personalised instalments under Article 70 of the commercial banks' credit card rules: {ask_sentence}"
    ),
];

pub(crate) const LETTER_TERMS: Part = part![
    when(
        When::Any(&[When::Kind(TermExtension), When::Kind(CashFlowPlan), When::Kind(PaymentHoliday), When::Kind(Contract)]),
        "利息按合同年利率 {rate} 计算。",
        "Interest runs at the contract rate of {rate} a year."
    ),
    when(When::Kind(FrozenInstalments), "恳请方案期间停止计收利息。", "I ask that no interest be charged during the plan."),
    when(When::Kind(PenaltyWaiver), "原合同利息照常计算。", "Contract interest continues as before."),
    join(
        When::All(&[When::Penalty, NOT_SETTLEMENT]),
        "恳请减免已产生的罚息（我估算约 {penalty}）及相关费用。",
        "I ask you to waive the penalty interest charged so far (about {penalty} by my estimate) and related fees."
    ),
    when(
        When::All(&[When::Kind(PaymentHoliday), When::Not(&When::Fits)]),
        "宽限期后的月供高于我目前每月能用于这笔借款的 {share_max}：我申请宽限期，是为了在收入恢复之前不再逾期；宽限期结束前，我会按届时的收入与贵方商定之后的还款。",
        "The instalments after the holiday are more than the {share_max} a month I can now put towards this loan: I ask for the holiday so as not to fall behind until my income recovers, and before it ends I will agree the payments that follow with you, on my income then."
    ),
    when(When::Kind(Settlement), "恳请结清后不再计收任何利息、罚息和费用，并出具结清证明。", "I ask that nothing more be charged once it is paid, and for a certificate of settlement."),
];

pub(crate) const LETTER_PLAN: Part = part![
    when(When::Kind(CashFlowPlan), "前 12 期：", "The first 12 instalments:"),
    when(When::Kind(CashFlowPlan), "{schedule_lines}", "{schedule_lines}"),
    when(
        When::All(&[When::Kind(CashFlowPlan), When::BeyondYear]),
        "第 13 期起按同样的季节规律还款，直至还清。",
        "From the 13th the same seasonal pattern repeats until the debt is repaid."
    ),
    when(When::Fallback, "如上述方案无法批准，我也可以接受：{fallback_sentence}", "If you cannot agree to this, I could also accept: {fallback_sentence}"),
    gap,
    line("五、我的承诺", "5. My commitments"),
    when(When::Not(&When::Kind(Settlement)), "1. 按批准的方案按时足额还款。", "1. I will pay the agreed amounts in full and on time."),
    when(When::Kind(Settlement), "1. 按约定日期一次性付清。", "1. I will pay the agreed sum in full on the agreed date."),
    line("2. 收入或情况发生变化时主动告知贵方，并按要求补充证明材料。", "2. I will tell you of any change in my income or circumstances and send further proof on request."),
    when(
        When::Not(&When::Any(&[When::Kind(PaymentHoliday), When::Kind(Settlement), When::Kind(Hold)])),
        "3. 方案执行满 6 个月时，主动与贵方复核一次还款能力。",
        "3. After six months of the plan I will review my situation with you."
    ),
    when(
        When::Kind(Hold),
        "3. 暂缓期间尽力恢复收入（找工作或恢复经营），并于 {review_date} 前主动联系贵方复核，届时按我的收入提出还款方案。",
        "3. Meanwhile I will do all I can to restore my income (find work or restart my business), and before {review_date} I will contact you for the review and propose payments from my income then."
    ),
    when(When::Kind(PaymentHoliday), "3. 宽限期结束前，主动与贵方复核一次还款能力。", "3. Before the holiday ends I will review my situation with you."),
    when(When::All(&[When::Card, NOT_SETTLEMENT]), "4. 还清前不再申请新的信用卡。", "4. I will apply for no new credit card until this debt is repaid."),
    gap,
    line("六、请求书面答复", "6. Please reply in writing"),
    when(
        When::Kind(Hold),
        "请通过 App 站内信、短信或书面形式确认：暂缓期间暂停催收、停止计收利息和罚息，每月象征性还款的金额和方式，复核日期，以及暂缓期间如何向征信系统报送本账户。",
        "Please confirm by in-app message, SMS or letter: that collection is paused and interest and penalty interest are frozen during the hold, the token payment's amount and how to pay it, the review date, and how the account is reported to the credit bureau meanwhile."
    ),
    when(
        NOT_HOLD,
        "请通过 App 站内信、短信或书面形式答复，写明方案的欠款金额、每期还款日期和金额、方案期间是否计收利息和费用，并告知方案执行期间及结清后如何向征信系统报送本账户。",
        "Please reply by in-app message, SMS or letter, stating the balance, each payment's date and amount and whether interest and fees continue during the plan, and tell me how the account will be reported to the credit bureau during the plan and after it is settled."
    ),
    gap,
    line("附件：{attachments}", "Enclosed: {attachments}"),
];

// -------------------------------------------------------------- statement

pub(crate) const STATEMENT: Part = part![
    line("收支说明", "Financial statement"),
    line("姓名：{name}　联系电话：{phone}　所在城市：{city}　日期：{date}", "Name: {name}    Phone: {phone}    City: {city}    Date: {date}"),
    line("我的每一家贷款方收到的都是这同一份说明，数字完全相同。", "Every lender I owe receives this same statement, with the same figures."),
    gap,
    line("一、家庭情况", "1. Household"),
    line("共同生活的成年人 {blank} 人，需要抚养或赡养的人 {blank} 人。", "Adults: {blank}; dependants: {blank}."),
    gap,
    line("二、每月净收入（税后）", "2. Monthly net income (after tax)"),
    when(When::Not(&When::Forecast), "净收入：{income}", "Net income: {income}"),
    when(
        When::Forecast,
        "收入按月不同，未来 12 个月预测如下（可用于还款 = 收入 − 必要开支 − 其他固定支出 − 预留）：",
        "Income varies by month; the next 12 months (available for debts = income − essential expenses − other fixed commitments − reserve):"
    ),
    when(When::Forecast, "{forecast_lines}", "{forecast_lines}"),
    gap,
    line("三、必要开支（每月；按年支付的费用已除以 12）", "3. Essential expenses (monthly; yearly costs divided by 12)"),
    when(When::Items, "{expense_lines}", "{expense_lines}"),
    line("必要开支合计：{expenses}", "Total essential expenses: {expenses}"),
    line("其他固定支出（不含下列借款）：{other}", "Other fixed commitments (not the debts below): {other}"),
    line("预留安全垫：收入的 {buffer_pct}", "Reserve: {buffer_pct} of income"),
    join(When::Not(&When::Forecast), "，即 {buffer}", ", {buffer}"),
    gap,
    line("四、每月可用于还款", "4. Available for debts each month"),
    when(When::Not(&When::Forecast), "{income} − {expenses} − {other} − {buffer} = {available}", "{income} − {expenses} − {other} − {buffer} = {available}"),
    when(When::Forecast, "{avail_min} 至 {avail_max}，逐月见第二部分。", "{avail_min} to {avail_max}; month by month in part 2."),
    gap,
    line("五、全部借款", "5. Every debt"),
    line("{debt_lines}", "{debt_lines}"),
    when(When::Several, "合计：目前欠款 {total_owed}，原合同月供 {total_contract}。", "Total: owed {total_owed}; contract instalments {total_contract}."),
    gap,
    line("六、分配方式", "6. How the amount available is shared"),
    when(
        When::All(&[When::Several, When::ProRata]),
        "每月可用于还款的金额按各笔目前欠款的比例分配给各贷款方（公平份额）：某一方的份额 = 该笔欠款 ÷ 全部欠款 × 每月可用金额。每一家贷款方受到同等对待。",
        "The amount available each month is split in proportion to what each lender is owed (fair share): a lender's share = its balance ÷ all balances × the amount available. Every lender is treated alike."
    ),
    when(
        When::All(&[When::Several, When::Not(&When::ProRata), When::AsksFit]),
        "每月可用于还款的金额先按各笔目前欠款的比例分配给各贷款方（比例份额）：某一方的份额 = 该笔欠款 ÷ 全部欠款 × 每月可用金额。有的方案用不完它的份额，剩余部分用于其他借款的方案，所以第五部分有的“本次提出”高于该笔的比例份额。",
        "The amount available each month is first split in proportion to what each lender is owed (pro-rata share): a lender's share = its balance ÷ all balances × the amount available. Some plans do not use their whole share, and what they leave goes to the plans of other debts, so some offers in part 5 are above that debt's pro-rata share."
    ),
    when(
        When::All(&[When::Several, When::Not(&When::ProRata), When::Not(&When::AsksFit)]),
        "每月可用于还款的金额按各笔目前欠款的比例分配给各贷款方（比例份额）：某一方的份额 = 该笔欠款 ÷ 全部欠款 × 每月可用金额。第五部分的“本次提出”合计每月最多 {asks_need}，超过每月可用的 {available}。",
        "The amount available each month is split in proportion to what each lender is owed (pro-rata share): a lender's share = its balance ÷ all balances × the amount available. The offers in part 5 come to up to {asks_need} a month together, more than the {available} available."
    ),
    when(When::Not(&When::Several), "全部可用金额用于这一笔借款。", "All of it goes to this one debt."),
    gap,
    line("以上情况属实。如需要，我可以提供收入和支出的证明。", "This statement is true. I can provide proof of income and expenses on request."),
    line("签名：{blank}　　日期：{date}", "Signed: {blank}    Date: {date}"),
];

// -------------------------------------------------------------- follow-ups

pub(crate) const NO_REPLY_TITLE: Part = part![
    line("关于{lender}借款{request}的跟进", "Follow-up: request for {request}, {lender} loan"),
];

pub(crate) const NO_REPLY: Part = part![
    gap,
    line("我已于 {first_request} 向贵方提交{request}，至今未收到答复。", "On {first_request} I asked you for {request}. I have had no reply."),
    when(When::Log, "我与贵方的联系记录如下：", "My contacts with you so far:"),
    when(When::Log, "{log_lines}", "{log_lines}"),
    when(When::CallsIn, "贵方（含催收人员）来电 {n_calls} 次，另列如下：", "Calls from you or your collectors ({n_calls}), listed apart:"),
    when(When::CallsIn, "{call_lines}", "{call_lines}"),
    line("我的申请不变：{ask_sentence}", "My request is unchanged: {ask_sentence}"),
    line(
        "随函再次附上申请书和收支说明。请告知处理进度和预计答复时间，并通过 App 站内信或短信书面答复。",
        "I enclose the request and the financial statement again. Please tell me where my request stands and when I can expect an answer, and reply in writing by in-app message or SMS."
    ),
];

pub(crate) const STILL_NO_REPLY_TITLE: Part = part![
    line("关于{lender}借款{request}的再次跟进", "Second follow-up: request for {request}, {lender} loan"),
];

pub(crate) const STILL_NO_REPLY: Part = part![
    gap,
    line("我已于 {first_request} 提交{request}，", "I asked you for {request} on {first_request}"),
    join(When::Log, "至今共联系贵方 {n_contacts} 次（记录如下），仍未收到书面答复。", "and have had no written answer to my contacts so far ({n_contacts}, listed below)."),
    join(When::Not(&When::Log), "至今仍未收到书面答复。", "and still have no written answer."),
    when(When::Log, "{log_lines}", "{log_lines}"),
    when(When::CallsIn, "贵方（含催收人员）来电 {n_calls} 次，另列如下：", "Calls from you or your collectors ({n_calls}), listed apart:"),
    when(When::CallsIn, "{call_lines}", "{call_lines}"),
    line("请告知负责处理本申请的部门、工单号和答复时间。", "Please tell me which department handles my request, its ticket number and when you will answer."),
    line("我的申请仍然是：{ask_sentence}", "My request is still: {ask_sentence}"),
    line(
        "如仍未获答复，我将通过贵方的投诉渠道反映，必要时拨打金融监管部门消费者投诉热线 {hotline}。",
        "If I still have no answer I will use your complaints procedure and, if need be, the financial regulator's consumer hotline, {hotline}."
    ),
];

pub(crate) const RECONSIDER_TITLE: Part = part![
    when(NOT_HOLD, "关于{lender}借款个性化还款方案的复议申请", "Request to reconsider: personalised repayment plan, {lender} loan"),
    when(When::Kind(Hold), "关于{lender}借款暂缓催收申请的复议申请", "Request to reconsider: hold on collection and interest, {lender} loan"),
];

pub(crate) const RECONSIDER: Part = part![
    gap,
    when(
        NOT_HOLD,
        "我于 {first_request} 提交的个性化还款方案申请，贵方于 {answered} 答复未能同意。恳请重新考虑。",
        "On {answered} you declined the personalised repayment plan I asked for on {first_request}. I ask you to reconsider."
    ),
    when(
        When::Kind(Hold),
        "我于 {first_request} 提交的暂缓催收申请，贵方于 {answered} 答复未能同意。恳请重新考虑。",
        "On {answered} you declined the hold on collection and interest I asked for on {first_request}. I ask you to reconsider."
    ),
    when(When::Log, "联系记录：", "Contacts so far:"),
    when(When::Log, "{log_lines}", "{log_lines}"),
    when(When::CallsIn, "贵方（含催收人员）来电 {n_calls} 次，另列如下：", "Calls from you or your collectors ({n_calls}), listed apart:"),
    when(When::CallsIn, "{call_lines}", "{call_lines}"),
    when(
        When::Not(&When::Forecast),
        "我的情况没有改变：每月最多能用于这笔借款的是 {can_pay}（详见随附的收支说明）。",
        "My situation has not changed: the most I can put towards this loan is {can_pay} a month (see the enclosed statement)."
    ),
    when(
        When::Forecast,
        "我的情况没有改变：收入仍随淡旺季变化，各月能用于这笔借款的金额见随附的收支说明。",
        "My situation has not changed: my income still follows the seasons; what I can put towards this loan each month is in the enclosed statement."
    ),
    line("我的方案是：{ask_sentence}", "My proposal: {ask_sentence}"),
];

pub(crate) const RECONSIDER_END: Part = part![
    when(When::Fallback, "如原方案无法接受，我也可以接受：{fallback_sentence}", "If that is not acceptable, I could also accept: {fallback_sentence}"),
    line(
        "如仍无法接受，请告知贵方可以接受的具体条件（每月金额、期数、利息和罚息如何处理），我会认真考虑。请通过 App 站内信或短信书面答复。",
        "If not, please tell me the terms you could accept (monthly amount, number of months, how interest and penalty are treated) and I will consider them carefully. Please reply by in-app message or SMS."
    ),
];

// ---------------------------------------------------------------- call kit

pub(crate) const CALL: Part = part![
    line("通话准备：{loan_label}", "Call kit: {loan_label}"),
    gap,
    line("一、打电话前", "1. Before the call"),
    line(
        "备好：身份证、合同编号/借据号（{contract_no}）、App 借款页面截图、近 3 个月银行流水、申请书和收支说明、纸笔（记下时间、对方姓名或工号、工单号）。",
        "Have at hand: ID card, contract or IOU no. ({contract_no}), a screenshot of the loan in the app, 3 months of bank statements, the request and the statement, pen and paper (time, name or staff no., ticket no.)."
    ),
    line(
        "申请书和收支说明通过 App 在线客服、邮件等能留下记录的渠道发送，自己留一份，并截图保存发送记录。",
        "Send the request and the statement through a channel that keeps a record (in-app chat, email); keep a copy and a screenshot of the sending."
    ),
    line("记住三个数字：", "Three numbers to know by heart:"),
    line("· 目前欠款 {owed}", "· owed now: {owed}"),
    when(When::Not(&When::Forecast), "· 每月最多能还这笔借款 {can_pay}", "· the most I can pay on this loan: {can_pay} a month"),
    when(When::Forecast, "· 每月能还多少：随淡旺季变化，逐月见收支说明", "· what I can pay: it follows the seasons, month by month in the statement"),
    line("· 我的方案：{ask_short}", "· my proposal: {ask_short}"),
    gap,
    line("二、通话时这样说", "2. What to say"),
    line("1. 您好，我是{name}，在贵方有一笔借款，合同编号 {contract_no}。", "1. Hello, my name is {name}. I have a loan with you, contract number {contract_no},"),
    join(NOT_HOLD, "我想申请个性化还款方案。", "and would like to apply for a personalised repayment plan."),
    join(When::Kind(Hold), "我想申请暂缓催收。", "and would like to ask you to hold collection and freeze interest."),
    line("2. {reason}", "2. {reason}"),
    join(When::Not(&When::Forecast), "目前我每月最多能用于这笔借款的是 {can_pay}。", "The most I can put towards this loan is {can_pay} a month."),
    join(When::Forecast, "我的收入随淡旺季变化，各月能用于这笔借款的金额见收支说明。", "My income follows the seasons; what I can put towards this loan each month is in the statement."),
    line("3. 我的方案是：{ask_sentence}", "3. My proposal: {ask_sentence}"),
    when(When::Fallback, "4. 如果这个方案不行，我可以接受：{fallback_sentence}", "4. If that is not possible, I could accept {fallback_sentence}"),
    when(When::Not(&When::Fallback), "4. 如果这个方案不行，请问贵方可以接受什么条件？", "4. If that is not possible, what could you accept?"),
    line("5. 请把同意的方案通过 App 站内信或短信发给我。", "5. Please send what we agree to me by in-app message or SMS."),
    gap,
    line("三、请对方书面确认（App 站内信或短信）", "3. Get in writing (in-app message or SMS)"),
    line("{checklist}", "{checklist}"),
    gap,
    line("四、绝不答应", "4. Never agree to"),
    line("· 把钱转到任何个人账户：只通过 App 或贵方官方账户还款；", "· paying into a personal account: pay only through the app or the lender's official account;"),
    line("· 向“代办”“债务优化”“征信修复”等中介付费；", "· paying an agent (代办, \"debt optimisation\", \"credit repair\");"),
    when(When::LumpSum, "· 超过 {lump_limit} 的一次性还款或首付（这是我最多能凑出的钱）；", "· a lump sum or down payment above {lump_limit}, the most I can raise;"),
    when(When::Not(&When::LumpSum), "· 超出我收支能力的一次性还款或首付；", "· a lump sum or down payment my budget cannot carry;"),
    line("· 只有口头承诺、没有书面确认的方案。", "· a plan promised on the phone but not confirmed in writing."),
    gap,
    line("五、要问清楚", "5. Ask"),
    line("· 对方的部门、姓名或工号；", "· their department, name or staff number;"),
    line("· 工单号；", "· the ticket number;"),
    line("· 什么时候答复；", "· when they will answer;"),
    line("· 方案执行期间和结清后如何报送征信。", "· how the account is reported to the credit bureau during the plan and after."),
    gap,
    line("六、通话之后", "6. After the call"),
    line("把时间、对方、工单号、对方的承诺和下次跟进日期记入联系记录。", "Log the time, who you spoke to, the ticket number, what they promised and when to follow up."),
    line(
        "{quiet_from} 至次日 {quiet_until} 之间来电、一天未接来电超过 {max_calls} 次、联系家人朋友或同事、威胁或冒充公检法，都记下来，可拨打金融监管部门消费者投诉热线 {hotline} 投诉。",
        "Calls between {quiet_from} and {quiet_until}, more than {max_calls} unanswered calls a day, contact with family, friends or colleagues, threats or impersonating officials: write them down; complaints go to the financial regulator's consumer hotline, {hotline}."
    ),
];

// ------------------------------------------------------------ list items

/// One debt of the statement.
pub(crate) const DEBT_LINE: T = T {
    zh: "{i}. {d_lender}，合同编号 {d_contract}：目前欠款 {d_owed}，原合同月供 {d_contract_pay}，按比例份额每月 {d_share}，本次提出：{d_offer}",
    en: "{i}. {d_lender}, contract {d_contract}: owed {d_owed}; contract instalment {d_contract_pay}; fair share {d_share} a month; offered: {d_offer}",
};
pub(crate) const EXPENSE_LINE: T = T { zh: "{label}：{amount}", en: "{label}: {amount}" };
pub(crate) const FORECAST_LINE: T = T { zh: "{month}：收入 {income}，可用于还款 {available}", en: "{month}: income {income}, available {available}" };
pub(crate) const SCHEDULE_ITEM: T = T { zh: "{month} {amount}", en: "{month} {amount}" };
pub(crate) const LOG_LINE: T = T { zh: "· {at}，{channel}{who}{ticket}：{summary}{promise}", en: "· {at}, {channel}{who}{ticket}: {summary}{promise}" };
pub(crate) const LOG_WHO: T = T { zh: "，{v}", en: ", {v}" };
pub(crate) const LOG_TICKET: T = T { zh: "，工单号 {v}", en: ", ticket {v}" };
pub(crate) const LOG_PROMISE: T = T { zh: "；对方承诺：{v}", en: "; promised: {v}" };
pub(crate) const LOG_NO_SUMMARY: T = T { zh: "（未记录内容）", en: "(no notes)" };
pub(crate) const LOG_MORE: T = T { zh: "（较早的 {n} 次联系从略）", en: "({n} earlier contacts left out)" };
/// Contacts alike but for the time, on one day, cited once.
pub(crate) const LOG_SPAN: T = T { zh: "{date} {from} 至 {to}", en: "{date}, {from} to {to}" };
pub(crate) const LOG_TIMES: T = T { zh: "{channel} {n} 次", en: "{channel} ×{n}" };
pub(crate) const LAST_NOTE: T = T { zh: "（末期 {v}）", en: " (last {v})" };
/// A card's instalment in the list of debts: a card has none (its statement
/// asks a minimum payment).
pub(crate) const NO_INSTALMENT: T = T { zh: "无（信用卡按账单还款）", en: "none (a card is paid by statement)" };
pub(crate) const RANGE: T = T { zh: "{a} 至 {b}", en: "{a} to {b}" };
pub(crate) const STATEMENT_NAME: T = T { zh: "收支说明", en: "financial statement" };
/// What the follow-ups and the call name the request: a plan, or a hold (review w14 R17).
pub(crate) const PLAN_REQUEST: T = T { zh: "个性化还款方案申请", en: "a personalised repayment plan" };
pub(crate) const HOLD_REQUEST: T = T { zh: "暂缓催收申请", en: "a hold on collection and interest" };
pub(crate) const LIST_SEP: T = T { zh: "、", en: ", " };
pub(crate) const ITEM_SEP: T = T { zh: "；", en: "; " };

/// The documents' names, for their headings in a bundle.
pub(crate) const DOCUMENT_NAMES: [T; 6] = [
    T { zh: "协商还款申请书", en: "Request for a repayment plan" },
    T { zh: "收支说明", en: "Financial statement" },
    T { zh: "跟进函（未获答复）", en: "Follow-up: no reply" },
    T { zh: "再次跟进函", en: "Second follow-up" },
    T { zh: "复议申请", en: "Request to reconsider" },
    T { zh: "通话准备", en: "Call kit" },
];

#[cfg(test)]
mod tests {
    use super::*;

    /// Each language's `Words` holds that language's text of every part,
    /// short text and document name, in their order, and reads as it.
    #[test]
    fn each_language_holds_its_own_texts() {
        for (w, zh) in [(&WORDS_ZH, true), (&WORDS_EN, false)] {
            assert_eq!(w.lang, if zh { Lang::Zh } else { Lang::En });
            assert!(std::ptr::eq(Words::of(w.lang), w));
            for (k, p) in PARTS.iter().enumerate() {
                assert_eq!(w.parts[k], if zh { p.zh } else { p.en });
                assert_eq!(CONDS_OF[k], p.conds);
            }
            for (k, t) in TEXTS.iter().enumerate() {
                assert_eq!(w.texts[k], if zh { t.zh } else { t.en });
            }
            for (k, t) in DOCUMENT_NAMES.iter().enumerate() {
                assert_eq!(w.document_name(k), if zh { t.zh } else { t.en });
            }
            assert_eq!(w.t(Tx::STATEMENT_NAME), if zh { "收支说明" } else { "financial statement" });
            let lines: Vec<_> = P::LETTER.lines(w).map(|l| l.2).collect();
            let def_lines: Vec<_> = LETTER.lines(zh).map(|l| l.2).collect();
            assert_eq!(lines, def_lines);
        }
    }
}
