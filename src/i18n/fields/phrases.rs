//! The field contract's sentences — what a broken rule says, the examples
//! a field offers, the words of the app's total — `[Chinese, English]`, one
//! row each. On the page each language's column is part of its `Words`
//! (taken at compile time: only that language's strings travel in its
//! chunk); code names a sentence by its constant ([`Lang::say`]).

use crate::i18n::Lang;

/// A sentence of [`PHRASES`].
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub struct Phrase(u8);

macro_rules! phrases {
    ($($name:ident: [$zh:literal, $en:literal],)*) => {
        #[allow(non_camel_case_types, clippy::upper_case_acronyms)]
        enum Row { $($name),* }
        $(pub const $name: Phrase = Phrase(Row::$name as u8);)*
        /// Every sentence, `[Chinese, English]`, in the order of the constants.
        pub const PHRASES: [[&str; 2]; [$(Row::$name),*].len()] = [$([$zh, $en]),*];
    };
}

phrases! {
    MONTH: ["{} 个月", "{} month"],
    MONTHS: ["{} 个月", "{} months"],
    DAY: ["{} 天", "{} day"],
    DAYS: ["{} 天", "{} days"],
    REQUIRED: ["请填写", "required"],
    WHOLE_MONTHS_ONLY: ["期数须为整月", "whole months only"],
    ENTER_A_DATE_AND_TIME: ["请输入日期和时间，如 2026-03-10T21:30", "enter a date and time like 2026-03-10T21:30"],
    ENTER_A_DATE_LIKE_2026: ["请输入日期，如 2026-12-15", "enter a date like 2026-12-15"],
    MUST_NOT_BE_NEGATIVE: ["不能为负数", "must not be negative"],
    MUST_BE_MORE_THAN_0: ["须大于 0", "must be more than 0"],
    AT_MOST_FEN: ["金额最多两位小数（分）", "must have at most two decimals (fen)"],
    AT_MOST_A_TRILLION: ["金额不能超过 1 万亿", "must be at most ¥1,000,000,000,000"],
    AT_MOST_CHARACTERS: ["最多 {} 个字", "at most {} characters"],
    AT_MOST_ITEMS: ["最多 {} 项", "at most {} items"],
    ABOVE_1000_A_YEAR_CHECK: ["年化超过 1000%，请检查利率类型（日/月/年）", "above 1000% a year; check the unit (daily, monthly or annual)"],
    MUST_BE_AT_LEAST_0: ["费用须不小于 0 且小于本金", "must be at least 0 and less than the principal"],
    REQUIRED_WHEN_INTEREST_ACCRUES_ON: ["按实际天数计息时必填", "required when interest accrues on actual days"],
    MUST_BE_1_366_DAYS: ["须在下次还款日前1–366天", "must be 1–366 days before the next due date"],
    IS_IN_THE_ORDER_TWICE: ["这笔借款在顺序中出现了两次", "is in the order twice"],
    IS_USED_TWICE: ["与另一笔借款重复", "is used twice"],
    LISTS_A_VALUE_TWICE: ["有重复的选项", "lists a value twice"],
    MUST_BE_WITHIN_THE_MONTHS: ["须在剩余期数之内", "must be within the months remaining"],
    REQUIRED_FOR_A_CUSTOM_ORDER: ["选择自定义顺序时必填", "required for a custom order"],
    MUST_EQUAL_THE_SUM_OF: ["须等于各类必要开支之和", "must equal the sum of budget.expense_items"],
    A_SETTLEMENT_HAS_NO_MONTHS: ["一次性结清没有期数", "a settlement has no months"],
    ONLY_A_PAYMENT_HOLIDAY_HAS: ["只有宽限期方案有这一项", "only a payment_holiday has this"],
    IS_THE_SAME_AS_THE: ["备选方案与申请的方案相同", "is the same as the ask"],
    A_HOLD_IS_3_12_MONTHS: ["暂缓催收须为 3 到 12 个月", "a hold is 3 to 12 months"],
    NAMES_NO_LOAN_OF_THIS: ["没有这笔借款", "names no loan of this document"],
    IS_BEFORE_THE_CONTACT: ["跟进日期早于这次联系，请改为联系当天或之后", "is before the contact: make it the day of the contact or later"],
    TOO_LARGE_PLEASE_CHECK: ["数字太大，请检查", "too large — please check"],
    UNIT_MONTHS: [" 个月", " months"],
    UNIT_DAYS: [" 天", " days"],
    UNIT_NONE: [" ", ""],
    MUST_BE_FROM_TO: ["须在 {} 到 {}{}之间", "must be from {} to {}{}"],
    EXAMPLE_RATE: ["0.05、万5、日息0.05%、月息1.5% 或 年化18%", "0.05, 万5, 日息0.05%, 月息1.5% or 年化18%"],
    EXAMPLE_MULTIPLIER: ["1.5 或 1.5倍", "1.5 or 1.5倍"],
    EXAMPLE_PERCENT: ["10 或 10%", "10 or 10%"],
    EXAMPLE_MONEY: ["80000、8万 或 8万5", "80000, 8万 or 8万5"],
    EXAMPLE_SIGNED_MONEY: ["6000、-5000 或 1.2万", "6000, -5000 or 1.2万"],
    EXAMPLE_MONTHS: ["12、十二期 或 3年", "12, 十二期 or 3年"],
    EXAMPLE_DAYS: ["15 或 十五天", "15 or 十五天"],
    EXAMPLE_OTHER: ["100", "100"],
    IS_THE_COMMA_A_DECIMAL: ["逗号是小数点还是千位分隔？小数请用点，如 {}；千位每三位一个逗号，如 12,000", "is the comma a decimal point? Write decimals with a point ({}), thousands in threes (12,000)"],
    A_WHOLE_NUMBER_WITHOUT_A: ["请填整数，不用逗号，如 {}", "a whole number without a comma, e.g. {}"],
    IS_THE_COMMA_A_DECIMAL_2: ["逗号是小数点还是千位分隔？小数请用点，如 {}", "is the comma a decimal point? Write it with a point: {}"],
    REQUIRED_E_G: ["请填写，如 {}", "required, e.g. {}"],
    ENTER_A_NUMBER_E_G: ["请输入数字，如 {}", "enter a number, e.g. {}"],
    ONLY_KNOW_THE_TOTAL_LEFT: ["只知道 App 显示的剩余应还总额？", "Only know the total left to pay the app shows?"],
    TOTAL_LEFT_TO_PAY_AS: ["App 显示的剩余应还（元，本金+利息）", "Total left to pay, as the app shows it (¥, principal + interest)"],
    THE_PRINCIPAL_IS_WORKED_OUT: ["按上面的利率、还款方式和期数算出剩余本金，填入本金一栏", "The principal is worked out from the rate, method and term above and filled in"],
    PRINCIPAL_INTEREST: ["= 本金 {} + 利息 {}", "= principal {} + interest {}"],
    THIS_PRINCIPAL_S_TOTAL_IS: ["（此本金的总额为 {}，与 App 相差 {}）", " (this principal's total is {}, {} from the app's)"],
}

impl Lang {
    /// A sentence in this language.
    pub fn say(self, p: Phrase) -> &'static str {
        self.words().phrases[p.0 as usize]
    }
}

/// This language's column of [`PHRASES`] (at compile time).
pub(crate) const fn column(lang: usize) -> [&'static str; PHRASES.len()] {
    let mut out = [""; PHRASES.len()];
    let mut i = 0;
    while i < PHRASES.len() {
        out[i] = PHRASES[i][lang];
        i += 1;
    }
    out
}
