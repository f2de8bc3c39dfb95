//! Every visible string, in Chinese (default) and English, and the
//! formatting of money, percentages and terms. Pure: tested natively.
//!
//! Strings live in one struct per language so a missing translation is a
//! compile error, not a blank on the page.

mod drafts;
pub use drafts::*;

use crate::engine::{EngineError, Lender, Method, RateUnit};
use crate::input::InputError;
use rust_decimal::Decimal;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Lang {
    #[default]
    Zh,
    En,
}

impl Lang {
    /// BCP 47 tag for `<html lang>`.
    pub fn tag(self) -> &'static str {
        match self {
            Self::Zh => "zh-CN",
            Self::En => "en",
        }
    }

    pub fn from_tag(tag: &str) -> Option<Self> {
        match tag {
            "zh-CN" | "zh" => Some(Self::Zh),
            "en" => Some(Self::En),
            _ => None,
        }
    }

    pub fn other(self) -> Self {
        match self {
            Self::Zh => Self::En,
            Self::En => Self::Zh,
        }
    }

    pub fn text(self) -> &'static Text {
        match self {
            Self::Zh => &ZH,
            Self::En => &EN,
        }
    }
}

/// All page strings of one language.
pub struct Text {
    pub app_title: &'static str,
    pub tagline: &'static str,
    pub privacy_note: &'static str,
    pub switch_language: &'static str,
    pub loans_heading: &'static str,
    pub loan_label: &'static str,
    pub add_loan: &'static str,
    pub remove_loan: &'static str,
    pub all_loans: &'static str,
    pub lender: &'static str,
    pub preset_note: &'static str,
    pub principal: &'static str,
    pub principal_hint: &'static str,
    pub rate: &'static str,
    pub rate_unit: &'static str,
    pub day_basis: &'static str,
    pub days_360: &'static str,
    pub days_365: &'static str,
    pub method: &'static str,
    pub months: &'static str,
    pub months_hint: &'static str,
    pub upfront_fee: &'static str,
    pub upfront_fee_hint: &'static str,
    pub rate_equivalents: &'static str,
    pub budget_heading: &'static str,
    pub income: &'static str,
    pub expenses: &'static str,
    pub other_obligations: &'static str,
    pub buffer_percent: &'static str,
    pub results_heading: &'static str,
    pub monthly_payment: &'static str,
    pub first_payment: &'static str,
    pub last_payment: &'static str,
    pub final_payment: &'static str,
    pub total_interest: &'static str,
    pub total_paid: &'static str,
    pub apr_nominal: &'static str,
    pub apr_effective: &'static str,
    pub apr_explain: &'static str,
    pub disposable: &'static str,
    pub disposable_explain: &'static str,
    pub dti: &'static str,
    pub dti_explain: &'static str,
    pub dti_warning: &'static str,
    pub fits: &'static str,
    pub does_not_fit: &'static str,
    pub margin: &'static str,
    pub shortfall: &'static str,
    pub no_income: &'static str,
    pub schedule_heading: &'static str,
    pub col_period: &'static str,
    pub col_payment: &'static str,
    pub col_interest: &'static str,
    pub col_principal: &'static str,
    pub col_balance: &'static str,
    pub stale_results: &'static str,
    pub export_csv: &'static str,
    pub chart_label: &'static str,
    pub months_unit: &'static str,
    pub footer: &'static str,
}

pub const ZH: Text = Text {
    app_title: "协商还款计算器",
    tagline: "算清每月能还多少、每种方案要付多少，再去和贷款方谈。",
    privacy_note: "所有计算都在本机浏览器内完成，数据不会上传。",
    switch_language: "English",
    loans_heading: "我的借款",
    loan_label: "借款",
    add_loan: "＋ 添加一笔借款",
    remove_loan: "删除",
    all_loans: "全部借款合计",
    lender: "贷款方",
    preset_note: "预设为常见条款，请以您的合同为准。",
    principal: "剩余本金（元）",
    principal_hint: "可输入 100000、100,000 或 10万",
    rate: "利率（%）",
    rate_unit: "利率类型",
    day_basis: "一年按",
    days_360: "360 天",
    days_365: "365 天",
    method: "还款方式",
    months: "剩余期数（月）",
    months_hint: "如 12、24期 或 3年",
    upfront_fee: "砍头息/服务费（元，放款时扣除）",
    upfront_fee_hint: "没有则填 0",
    rate_equivalents: "折合",
    budget_heading: "收支",
    income: "每月净收入（元）",
    expenses: "每月必要开支（元）",
    other_obligations: "其他固定支出（元）",
    buffer_percent: "安全垫（收入的 %）",
    results_heading: "计算结果",
    monthly_payment: "每月还款",
    first_payment: "首月还款",
    last_payment: "末月还款",
    final_payment: "到期一次还款",
    total_interest: "总利息",
    total_paid: "还款总额",
    apr_nominal: "真实年化（单利，IRR）",
    apr_effective: "真实年化（复利）",
    apr_explain: "按内部收益率（IRR）法计算的全部借款成本，与人民银行要求展示的年化利率口径一致。",
    disposable: "每月可用于还债",
    disposable_explain: "净收入 − 必要开支 − 其他固定支出 − 安全垫。",
    dti: "负债收入比",
    dti_explain: "每月还款 ÷ 每月净收入。超过 50% 通常难以持续。",
    dti_warning: "负债收入比超过 50%：按现在的还款额很难持续，值得尽早协商。",
    fits: "月供在预算内",
    does_not_fit: "月供超出预算",
    margin: "每月结余",
    shortfall: "每月缺口",
    no_income: "请填写收入以计算负债收入比",
    schedule_heading: "还款计划",
    col_period: "期数",
    col_payment: "月供",
    col_interest: "利息",
    col_principal: "本金",
    col_balance: "剩余本金",
    stale_results: "有输入需要修改，下方仍显示上一次有效的结果。",
    export_csv: "导出 CSV（Excel/WPS 可打开）",
    chart_label: "剩余本金走势",
    months_unit: "个月",
    footer: "本工具仅作计算参考，不构成法律或财务意见。",
};

pub const EN: Text = Text {
    app_title: "Repayment negotiation calculator",
    tagline: "Work out what you can really pay and what each option costs, then talk to your lender.",
    privacy_note: "Everything is computed in this browser. Nothing is uploaded.",
    switch_language: "中文",
    loans_heading: "My loans",
    loan_label: "Loan",
    add_loan: "+ Add a loan",
    remove_loan: "Remove",
    all_loans: "All loans together",
    lender: "Lender",
    preset_note: "Presets are typical terms — check your contract.",
    principal: "Outstanding principal (¥)",
    principal_hint: "100000, 100,000 or 10万 all work",
    rate: "Rate (%)",
    rate_unit: "Rate quoted as",
    day_basis: "Days per year",
    days_360: "360 days",
    days_365: "365 days",
    method: "Repayment method",
    months: "Months remaining",
    months_hint: "e.g. 12, 24期 or 3年",
    upfront_fee: "Fee deducted at payout (¥)",
    upfront_fee_hint: "0 if none",
    rate_equivalents: "Equals",
    budget_heading: "Income and expenses",
    income: "Net monthly income (¥)",
    expenses: "Essential monthly expenses (¥)",
    other_obligations: "Other fixed obligations (¥)",
    buffer_percent: "Safety buffer (% of income)",
    results_heading: "Results",
    monthly_payment: "Monthly payment",
    first_payment: "First payment",
    last_payment: "Last payment",
    final_payment: "Payment at maturity",
    total_interest: "Total interest",
    total_paid: "Total repaid",
    apr_nominal: "True APR (simple, IRR)",
    apr_effective: "True APR (compound)",
    apr_explain: "All borrowing costs as an annual rate by the internal-rate-of-return method, as the People's Bank of China requires lenders to show.",
    disposable: "Available for debt each month",
    disposable_explain: "Net income − essential expenses − other obligations − safety buffer.",
    dti: "Debt-to-income",
    dti_explain: "Monthly debt payments ÷ net monthly income. Above 50% is rarely sustainable.",
    dti_warning: "Debt-to-income is above 50%: these payments are hard to sustain — negotiate early.",
    fits: "Payment fits the budget",
    does_not_fit: "Payment exceeds the budget",
    margin: "Left each month",
    shortfall: "Short each month",
    no_income: "Enter your income to see debt-to-income",
    schedule_heading: "Repayment schedule",
    col_period: "Month",
    col_payment: "Payment",
    col_interest: "Interest",
    col_principal: "Principal",
    col_balance: "Balance",
    stale_results: "Some input needs fixing; the results below are the last valid ones.",
    export_csv: "Export CSV (opens in Excel/WPS)",
    chart_label: "Balance over time",
    months_unit: "months",
    footer: "A calculator, not legal or financial advice.",
};

impl Lang {
    pub fn lender(self, l: Lender) -> &'static str {
        match (self, l) {
            (Self::Zh, Lender::Mybank) => "网商贷",
            (Self::Zh, Lender::Jiebei) => "借呗",
            (Self::Zh, Lender::Weilidai) => "微粒贷",
            (Self::Zh, Lender::BankCredit) => "银行信用贷",
            (Self::Zh, Lender::CreditCard) => "信用卡",
            (Self::Zh, Lender::Other) => "其他",
            (Self::En, Lender::Mybank) => "MYbank (网商贷)",
            (Self::En, Lender::Jiebei) => "Jiebei (借呗)",
            (Self::En, Lender::Weilidai) => "Weilidai (微粒贷)",
            (Self::En, Lender::BankCredit) => "Bank consumer loan",
            (Self::En, Lender::CreditCard) => "Credit card",
            (Self::En, Lender::Other) => "Other",
        }
    }

    pub fn method(self, m: Method) -> &'static str {
        match (self, m) {
            (Self::Zh, Method::EqualInstallment) => "等额本息",
            (Self::Zh, Method::EqualPrincipal) => "等额本金",
            (Self::Zh, Method::InterestOnly) => "先息后本",
            (Self::Zh, Method::Bullet) => "到期一次还本付息",
            (Self::En, Method::EqualInstallment) => "Equal instalments (等额本息)",
            (Self::En, Method::EqualPrincipal) => "Equal principal (等额本金)",
            (Self::En, Method::InterestOnly) => "Interest only, principal at end (先息后本)",
            (Self::En, Method::Bullet) => "All at maturity (到期一次还本付息)",
        }
    }

    pub fn rate_unit(self, u: RateUnit) -> &'static str {
        match (self, u) {
            (Self::Zh, RateUnit::DailyPercent) => "日利率 %",
            (Self::Zh, RateUnit::MonthlyPercent) => "月利率 %",
            (Self::Zh, RateUnit::AnnualPercent) => "年化利率 %",
            (Self::En, RateUnit::DailyPercent) => "% per day",
            (Self::En, RateUnit::MonthlyPercent) => "% per month",
            (Self::En, RateUnit::AnnualPercent) => "% per year",
        }
    }

    /// Short rate labels for the "equals" line.
    pub fn rate_forms(self) -> [&'static str; 3] {
        match self {
            Self::Zh => ["日", "月", "年化"],
            Self::En => ["daily", "monthly", "annual"],
        }
    }

    pub fn input_error(self, e: InputError) -> &'static str {
        match (self, e) {
            (Self::Zh, InputError::Empty) => "请填写",
            (Self::Zh, InputError::NotANumber) => "请输入数字，如 100000 或 10万",
            (Self::Zh, InputError::Negative) => "不能为负数",
            (Self::Zh, InputError::TooPrecise) => "金额最多两位小数（分）",
            (Self::Zh, InputError::TooLarge) => "数字太大，请检查",
            (Self::Zh, InputError::NotWholeMonths) => "期数须为整月",
            (Self::En, InputError::Empty) => "Required",
            (Self::En, InputError::NotANumber) => "Enter a number, e.g. 100000 or 10万",
            (Self::En, InputError::Negative) => "Cannot be negative",
            (Self::En, InputError::TooPrecise) => "At most two decimals (fen)",
            (Self::En, InputError::TooLarge) => "Too large — please check",
            (Self::En, InputError::NotWholeMonths) => "Whole months only",
        }
    }

    pub fn engine_error(self, e: EngineError) -> &'static str {
        use EngineError::*;
        match (self, e) {
            (Self::Zh, PrincipalNotPositive) => "本金须大于 0",
            (Self::Zh, PrincipalTooLarge | AmountTooLarge(_)) => "金额不能超过 1 万亿",
            (Self::Zh, RateNegative | AmountNegative(_)) => "不能为负数",
            (Self::Zh, RateTooHigh) => "年化超过 1000%，请检查利率类型（日/月/年）",
            (Self::Zh, MonthsOutOfRange) => "期数须在 1 到 600 个月之间",
            (Self::Zh, FeeOutOfRange) => "费用须不小于 0 且小于本金",
            (Self::Zh, BufferOutOfRange) => "须在 0 到 100 之间",
            (Self::Zh, NoRateOfReturn) => "这组还款无法计算年化利率",
            (Self::Zh, Overflow) => "数字过大，无法精确计算",
            (Self::En, PrincipalNotPositive) => "Principal must be more than 0",
            (Self::En, PrincipalTooLarge | AmountTooLarge(_)) => "At most ¥1 trillion",
            (Self::En, RateNegative | AmountNegative(_)) => "Cannot be negative",
            (Self::En, RateTooHigh) => "Above 1000% a year — check the rate type (daily/monthly/annual)",
            (Self::En, MonthsOutOfRange) => "Between 1 and 600 months",
            (Self::En, FeeOutOfRange) => "At least 0 and less than the principal",
            (Self::En, BufferOutOfRange) => "Between 0 and 100",
            (Self::En, NoRateOfReturn) => "No annual rate can be computed for these payments",
            (Self::En, Overflow) => "Numbers too large to compute exactly",
        }
    }
}

/// Groups the integer digits of a plain decimal string in threes.
fn group_thousands(plain: &str) -> String {
    let (int, frac) = plain.split_once('.').unwrap_or((plain, ""));
    let mut out = String::with_capacity(plain.len() + plain.len() / 3);
    for (i, c) in int.chars().enumerate() {
        if i > 0 && (int.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    if !frac.is_empty() {
        out.push('.');
        out.push_str(frac);
    }
    out
}

/// ¥12,345.67 — always two decimals, minus sign before the currency sign.
pub fn money(amount: Decimal) -> String {
    let rounded = crate::engine::fen(amount);
    let abs = format!("{:.2}", rounded.abs());
    let sign = if rounded.is_sign_negative() && !rounded.is_zero() { "-" } else { "" };
    format!("{sign}¥{}", group_thousands(&abs))
}

/// 12,345.67 without the currency sign, for table cells.
pub fn amount(amount: Decimal) -> String {
    let s = money(amount);
    s.replacen('¥', "", 1)
}

/// The 万 form a Chinese reader scans faster for large sums ("约 12.35万"),
/// or `None` where it does not help (under ¥10,000, or in English).
pub fn wan(amount: Decimal, lang: Lang) -> Option<String> {
    if lang != Lang::Zh || amount.abs() < Decimal::from(10_000) {
        return None;
    }
    let w = (amount / Decimal::from(10_000)).round_dp_with_strategy(2, rust_decimal::RoundingStrategy::MidpointAwayFromZero);
    if amount.abs() >= Decimal::from(100_000_000) {
        let yi = (amount / Decimal::from(100_000_000)).round_dp_with_strategy(2, rust_decimal::RoundingStrategy::MidpointAwayFromZero);
        return Some(format!("约 {:.2}亿", yi));
    }
    Some(format!("约 {:.2}万", w))
}

/// 18.00%
pub fn percent(p: Decimal) -> String {
    format!("{:.2}%", crate::engine::percent_2dp(p))
}

/// A rate in percent with up to four decimals and no trailing zeros: 0.05%, 1.5%.
pub fn rate_percent(p: Decimal) -> String {
    let r = p.round_dp_with_strategy(4, rust_decimal::RoundingStrategy::MidpointAwayFromZero).normalize();
    format!("{r}%")
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;

    fn d(s: &str) -> Decimal {
        Decimal::from_str(s).unwrap()
    }

    #[test]
    fn money_formatting() {
        assert_eq!(money(d("12345.67")), "¥12,345.67");
        assert_eq!(money(d("100000")), "¥100,000.00");
        assert_eq!(money(d("0")), "¥0.00");
        assert_eq!(money(d("999.995")), "¥1,000.00");
        assert_eq!(money(d("-4368")), "-¥4,368.00");
        assert_eq!(money(d("1000000000000")), "¥1,000,000,000,000.00");
        assert_eq!(amount(d("9168")), "9,168.00");
    }

    #[test]
    fn wan_only_where_it_helps() {
        assert_eq!(wan(d("123456"), Lang::Zh).as_deref(), Some("约 12.35万"));
        assert_eq!(wan(d("9999"), Lang::Zh), None);
        assert_eq!(wan(d("123456"), Lang::En), None);
        assert_eq!(wan(d("250000000"), Lang::Zh).as_deref(), Some("约 2.50亿"));
    }

    #[test]
    fn percents() {
        assert_eq!(percent(d("17.99999")), "18.00%");
        assert_eq!(rate_percent(d("0.0500")), "0.05%");
        assert_eq!(rate_percent(d("1.520833333")), "1.5208%");
    }

    #[test]
    fn lang_tags() {
        assert_eq!(Lang::from_tag(Lang::En.tag()), Some(Lang::En));
        assert_eq!(Lang::from_tag(Lang::Zh.tag()), Some(Lang::Zh));
        assert_eq!(Lang::from_tag("fr"), None);
        assert_eq!(Lang::default(), Lang::Zh);
    }
}
