//! The words of the field contract (`crate::scenario::field`): every
//! field's label and hint, the names of the values it can take, and what a
//! broken rule says — rendered here once, for the page (at the field) and
//! for the evaluator and import messages (after the field's path).
//!
//! [`FIELD_WORDS`] has one row per field (the array length makes a missing
//! field a compile error); each row holds both languages side by side.

use super::Lang;
use phrases::*;
use crate::scenario::field::{join, Choice, Kind, Unit, CORE_COUNT};
use crate::scenario::{Field, Rule, ScenarioError};
use std::fmt;

/// A field's words: its label and an optional hint, `[Chinese, English]`.
/// A label with `{}` takes the item's number (a forecast month).
#[derive(Clone, Copy)]
pub struct FieldWords {
    pub field: Field,
    pub label: [&'static str; 2],
    pub hint: Option<[&'static str; 2]>,
}

pub(super) const fn words(field: Field, label: [&'static str; 2], hint: Option<[&'static str; 2]>) -> FieldWords {
    FieldWords { field, label, hint }
}

/// One row per field, in the order of [`Field`]: the core document's, then
/// the negotiation kit's (`kit.rs`).
pub const FIELD_WORDS: [FieldWords; Field::COUNT] = join(CORE_WORDS, super::kit::FIELD_WORDS);

const CORE_WORDS: [FieldWords; CORE_COUNT] = [
    words(Field::DayCount, ["计息方式", "Interest accrual"], None),
    words(Field::AsOf, ["计算日期", "Evaluation date"], None),
    words(Field::Loans, ["借款", "Loans"], None),
    words(Field::LoanId, ["借款编号", "Loan id"], None),
    words(Field::Lender, ["贷款方", "Lender"], None),
    words(
        Field::LoanName,
        ["机构名称（可选）", "Lender's name (optional)"],
        Some(["如 招商银行信用卡中心：协商信写给谁", "e.g. 招商银行信用卡中心: whom the letters are addressed to"]),
    ),
    words(Field::Principal, ["剩余本金（元）", "Outstanding principal (¥)"], Some(["可输入 100000、100,000、10万 或 8万5", "100000, 100,000, 10万 or 8万5 all work"])),
    words(Field::RateValue, ["利率（%）", "Rate (%)"], None),
    words(Field::RateUnit, ["利率类型", "Rate quoted as"], None),
    words(Field::DayBasis, ["一年按", "Days per year"], None),
    words(Field::Method, ["还款方式", "Repayment method"], None),
    words(Field::Months, ["剩余期数（月）", "Months remaining"], Some(["如 12、24期 或 3年", "e.g. 12, 24期 or 3年"])),
    words(Field::UpfrontFee, ["砍头息/服务费（元，放款时扣除）", "Fee deducted at payout (¥)"], Some(["没有则填 0", "0 if none"])),
    words(Field::OverdueDays, ["已逾期天数", "Days overdue"], None),
    words(
        Field::OverduePrincipal,
        ["逾期本金（元）", "Overdue principal (¥)"],
        Some(["已到期未还的本金，不含上面的剩余本金", "Principal already due and unpaid, on top of the outstanding principal above"]),
    ),
    words(Field::OverdueInterest, ["逾期利息（元，不含罚息）", "Overdue interest (¥, excluding penalty)"], None),
    words(Field::PenaltyMultiplier, ["罚息倍数（合同利率 ×）", "Penalty rate (× contract rate)"], Some(["常见为 1.5", "Usually 1.5"])),
    words(Field::PenaltyBase, ["罚息计算基数", "Penalty charged on"], None),
    words(Field::PenaltyCompound, ["对未付利息计复利", "Compound interest on unpaid interest"], None),
    words(
        Field::AppPayment,
        ["App 显示的月供（元，可选）", "Monthly payment the app shows (¥, optional)"],
        Some(["用来核算真实年化，发现隐藏费用", "Used to compute the true APR and spot hidden fees"]),
    ),
    words(Field::NextDueDate, ["下次还款日（可选）", "Next due date (optional)"], Some(["按实际天数计息时必填", "Required for actual-day interest"])),
    words(
        Field::PeriodStart,
        ["本期起息日（可选）", "Interest start of this period (optional)"],
        Some(["放款日或上一个已还的还款日", "The payout day or the last paid due date"]),
    ),
    words(
        Field::SettlementOffer,
        ["能一次性筹到的金额（元，可选）", "Lump sum you could raise (¥, optional)"],
        Some(["用于计算一次性结清减免方案", "For a settlement proposal"]),
    ),
    words(Field::HolidayMonths, ["想申请的宽限期", "Payment holiday to ask for"], None),
    words(Field::Prepayments, ["提前还款", "Prepayments"], None),
    words(Field::PrepaymentMonth, ["随第几期还", "With instalment no."], Some(["与该期月供一起还", "Paid together with that instalment"])),
    words(Field::PrepaymentAmount, ["提前还款本金（元）", "Principal prepaid (¥)"], None),
    words(Field::PrepaymentEffect, ["提前还款后", "After prepaying"], None),
    words(
        Field::ExtraMonthly,
        ["每月额外多还（元，可选）", "Extra each month (¥, optional)"],
        Some(["从第 1 期起随月供多还本金，缩短期限", "Extra principal with every instalment from month 1: the term shortens"]),
    ),
    words(
        Field::PrepaymentFeePercent,
        ["提前还款手续费（提前还本金的 %）", "Prepayment fee (% of principal prepaid)"],
        Some(["没有则填 0，以合同为准", "0 if none; check your contract"]),
    ),
    words(
        Field::TargetPayment,
        ["我每月能还（元，可选）", "I can pay a month (¥, optional)"],
        Some(["按等额本息算出需要几个月还清", "How many months it takes, as equal instalments"]),
    ),
    words(Field::Income, ["每月净收入（元）", "Net monthly income (¥)"], None),
    words(Field::Expenses, ["每月必要开支（元）", "Essential monthly expenses (¥)"], None),
    words(Field::OtherObligations, ["其他固定支出（元）", "Other fixed obligations (¥)"], None),
    words(Field::BufferPercent, ["安全垫（收入的 %）", "Safety buffer (% of income)"], None),
    words(
        Field::Forecast,
        ["按月填写未来 12 个月的净收入（收入有淡旺季时）", "Enter net income month by month for the next 12 months (seasonal income)"],
        Some([
            "用于概览、组合方案、各家方案、还清路线、申请书和收支说明的前 12 个月。第 13 个月起：勾选下面的“每年都这样”时，每年重复这 12 个月；不勾选时，每个月都按上面的“每月净收入”（平常的月份）计算。",
            "Used for the first 12 months of the summary, the combined plan, each lender's plans, the road to debt-free, the letters and the statement. From month 13: with “Every year is like this” below ticked, these 12 months repeat every year; unticked, every month uses the net monthly income above (an ordinary month).",
        ]),
    ),
    words(Field::ForecastMonth, ["第{}个月", "Month {}"], None),
    words(
        Field::ForecastRepeats,
        ["每年都这样（淡旺季每年重复）", "Every year is like this (the seasons repeat)"],
        None,
    ),
    words(Field::StrategyKind, ["还清顺序", "Payoff strategy"], None),
    words(Field::StrategyOrder, ["自定义还款顺序", "Custom order"], None),
    words(Field::StrategyOrderLoan, ["优先第{}位的借款", "Loan {} in the order"], None),
    words(
        Field::StrategyBudget,
        ["每月用于还债的金额（元，可选）", "Money for debts each month (¥, optional)"],
        Some(["不填则用“收支”中可用于还债的金额（有预测时逐月）", "Empty: the amount available for debt (month by month with a forecast)"]),
    ),
];

impl Lang {
    /// Picks this language's half of a `[Chinese, English]` pair.
    pub fn pick<T: Copy>(self, pair: [T; 2]) -> T {
        pair[self as usize]
    }

    /// A field's label; `item` is the 0-based item for labels such as "Month {}".
    pub fn label(self, field: Field, item: usize) -> String {
        super::fill(self.words().labels[field as usize], &[&(item + 1).to_string()])
    }

    /// The months' label of a loan of `lender`: a credit card has no fixed
    /// term, its months are how long the borrower means to take (review w14 R10).
    pub fn months_label(self, lender: crate::engine::Lender) -> String {
        match lender {
            crate::engine::Lender::CreditCard => self.pick(["打算分几期还（信用卡没有固定期数）", "Months to repay over (a card has no fixed term)"]).to_owned(),
            _ => self.label(Field::Months, 0),
        }
    }

    pub fn hint(self, field: Field) -> Option<&'static str> {
        self.words().hints[field as usize]
    }

    /// The name of a value in a list.
    pub fn choice(self, c: Choice) -> &'static str {
        match c {
            Choice::DayCount(d) => self.day_count(d),
            Choice::Lender(l) => self.lender(l),
            Choice::RateUnit(u) => self.rate_unit(u),
            Choice::DayBasis(b) => self.day_basis(b),
            Choice::Method(m) => self.method(m),
            Choice::PenaltyBase(b) => self.penalty_base(b),
            Choice::PrepayEffect(e) => self.prepay_effect(e),
            Choice::Payoff(k) => self.payoff_kind(k),
            Choice::HardshipReason(r) => self.hardship_reason(r),
            Choice::Evidence(e) => self.evidence(e),
            Choice::ProposalKind(k) => self.proposal_kind(k),
            Choice::HolidayMode(m) => self.holiday_mode(m),
            Choice::HolidayMaturity(m) => self.holiday_maturity(m),
            Choice::Channel(c) => self.channel(c),
        }
    }

    /// "3 个月", "3 months".
    pub fn count(self, unit: Unit, n: u32) -> String {
        let words = match (unit, n == 1) {
            (Unit::Months, true) => MONTH,
            (Unit::Months, false) => MONTHS,
            (Unit::Days, true) => DAY,
            (Unit::Days, false) => DAYS,
        };
        super::fill(self.say(words), &[&n.to_string()])
    }

    /// What breaks `rule` at `field`, as a phrase to follow the field's
    /// path ("must be more than 0"); see [`Lang::problem`] for the page.
    pub fn rule(self, field: Field, rule: Rule) -> String {
        let kind = field.kind();
        let pair = match rule {
            Rule::Required if examples::typed_in(kind) => return self.example_rule(field, rule),
            Rule::Required => REQUIRED,
            Rule::NotANumber | Rule::AmbiguousComma => return self.example_rule(field, rule),
            Rule::NotWholeMonths => WHOLE_MONTHS_ONLY,
            Rule::NotADate if kind == Kind::DateTime => ENTER_A_DATE_AND_TIME,
            Rule::NotADate => ENTER_A_DATE_LIKE_2026,
            Rule::Negative => MUST_NOT_BE_NEGATIVE,
            Rule::NotPositive => MUST_BE_MORE_THAN_0,
            Rule::NotInFen => AT_MOST_FEN,
            Rule::TooLarge if matches!(kind, Kind::Money { .. } | Kind::SignedMoney) => {
                AT_MOST_A_TRILLION
            }
            Rule::TooLarge | Rule::OutOfRange => return self.range_rule(kind),
            Rule::TooLong => return self.limit_rule(kind, AT_MOST_CHARACTERS),
            Rule::TooMany => return self.limit_rule(kind, AT_MOST_ITEMS),
            Rule::RateTooHigh => ABOVE_1000_A_YEAR_CHECK,
            Rule::FeeNotBelowPrincipal => MUST_BE_AT_LEAST_0,
            Rule::RequiredForActualDays => REQUIRED_WHEN_INTEREST_ACCRUES_ON,
            Rule::FirstPeriodOutOfRange => MUST_BE_1_366_DAYS,
            Rule::UsedTwice if field == Field::StrategyOrderLoan => IS_IN_THE_ORDER_TWICE,
            Rule::UsedTwice if field == Field::LoanId => IS_USED_TWICE,
            Rule::UsedTwice => LISTS_A_VALUE_TWICE,
            Rule::AfterLastMonth => MUST_BE_WITHIN_THE_MONTHS,
            Rule::RequiredForCustom => REQUIRED_FOR_A_CUSTOM_ORDER,
            Rule::ExpensesDisagree => MUST_EQUAL_THE_SUM_OF,
            Rule::NotApplicable if matches!(kind, Kind::OptionalCount { .. }) => A_SETTLEMENT_HAS_NO_MONTHS,
            Rule::NotApplicable => ONLY_A_PAYMENT_HOLIDAY_HAS,
            Rule::SameAsAsk => IS_THE_SAME_AS_THE,
            Rule::HoldMonths => A_HOLD_IS_3_12_MONTHS,
            Rule::UnknownLoan => NAMES_NO_LOAN_OF_THIS,
            Rule::BeforeContact => IS_BEFORE_THE_CONTACT,
        };
        self.say(pair).to_owned()
    }

    fn range_rule(self, kind: Kind) -> String {
        let Some((lo, hi)) = kind.range() else {
            return self.say(TOO_LARGE_PLEASE_CHECK).to_owned();
        };
        let unit = match kind {
            Kind::Count { unit: Unit::Months, .. } | Kind::OptionalCount { unit: Unit::Months, .. } => UNIT_MONTHS,
            Kind::Count { unit: Unit::Days, .. } | Kind::OptionalCount { unit: Unit::Days, .. } => UNIT_DAYS,
            _ => UNIT_NONE,
        };
        let template = self.say(MUST_BE_FROM_TO);
        super::fill(template, &[&lo.to_string(), &hi.to_string(), self.say(unit)])
    }

    fn limit_rule(self, kind: Kind, template: Phrase) -> String {
        let max = match kind {
            Kind::Text { max_chars } => max_chars,
            Kind::List { max } => max,
            _ => 0,
        };
        super::fill(self.say(template), &[&max.to_string()])
    }

    /// What to show at a field that breaks a rule: a sentence. English rules
    /// start with an ASCII letter and Chinese ones with a character that has
    /// no case, so ASCII uppercasing is enough (`char::to_uppercase` would
    /// bring core's 13.6 KB Unicode case table into the main wasm).
    pub fn problem(self, field: Field, rule: Rule) -> String {
        let mut words = self.rule(field, rule);
        if let Some(first) = words.get_mut(..1) {
            first.make_ascii_uppercase();
        }
        words
    }

    /// Why a document was refused, naming the field: `loans[0].principal: 须大于 0`.
    pub fn scenario_error(self, e: &ScenarioError) -> String {
        match e {
            ScenarioError::Read(r) => r.to_string(),
            ScenarioError::Invalid(p) => format!("{}: {}", p.at.path(), self.rule(p.at.field, p.rule)),
        }
    }
}

/// The evaluator and the tests show errors in English.
impl fmt::Display for ScenarioError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&Lang::En.scenario_error(self))
    }
}

mod examples;
pub(crate) mod phrases;
mod total;

#[cfg(test)]
mod tests;
