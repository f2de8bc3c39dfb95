//! Every visible string, in Chinese (default) and English, and the
//! formatting of money, percentages and terms. Pure: tested natively.
//!
//! Strings live in one struct per language so a missing translation is a
//! compile error, not a blank on the page.

mod drafts;
mod fields;
mod page;
mod road;
pub use drafts::*;
pub mod kit;
mod share;
mod words;
pub use fields::*;
pub use page::*;
pub use road::*;
pub use share::*;
pub use words::{load as load_words, Words, WORDS_EN, WORDS_ZH};

use crate::engine::allocation::Strategy;
use crate::engine::{DayBasis, DayCount, HolidayMode, Infeasible, Lender, Method, Milestone, PenaltyBase, ProposalKind, RateUnit};
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
}

/// All page strings of one language.
pub struct Text {
    pub app_title: &'static str,
    pub tagline: &'static str,
    pub privacy_note: &'static str,
    pub switch_language: &'static str,
    /// The other language's words could not be fetched (offline before they were cached).
    pub switch_failed: &'static str,
    /// Between the items of a list ("网商贷、借呗"), after a name ("网商贷：…"),
    /// around a date after a month ("第 3 月（2025-05-18）").
    pub list_separator: &'static str,
    pub colon: &'static str,
    pub in_brackets: &'static str,
    /// The offline app's "new version" banner and its button (`ui::share::update`).
    pub update_waiting: &'static str,
    pub reload: &'static str,
    /// The button that opens the share dialog, and a banner's close button.
    pub share_open: &'static str,
    pub close: &'static str,
    /// After why a share link was not opened.
    pub no_draft_changed: &'static str,
    pub loans_heading: &'static str,
    pub loan_label: &'static str,
    pub add_loan: &'static str,
    pub remove_loan: &'static str,
    /// After a loan was removed (its title), and with its contacts (title, count).
    pub loan_removed: &'static str,
    pub loan_removed_with_contacts: &'static str,
    pub all_loans: &'static str,
    pub lender: &'static str,
    pub preset_note: &'static str,
    pub rate_equivalents: &'static str,
    pub budget_heading: &'static str,
    pub results_heading: &'static str,
    pub monthly_payment: &'static str,
    pub first_payment: &'static str,
    pub last_payment: &'static str,
    pub final_payment: &'static str,
    pub total_interest: &'static str,
    pub total_paid: &'static str,
    pub apr_nominal: &'static str,
    pub apr_effective: &'static str,
    pub disposable: &'static str,
    pub dti: &'static str,
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
    pub overdue_heading: &'static str,
    pub overdue_days: &'static str,
    pub more_heading: &'static str,
    pub stand_heading: &'static str,
    pub owed_now: &'static str,
    pub penalty_rate: &'static str,
    pub penalty_so_far: &'static str,
    pub owed_after: &'static str,
    pub increase: &'static str,
    pub extra_total: &'static str,
    pub proposals_heading: &'static str,
    pub fits_budget: &'static str,
    pub compare: &'static str,
    pub compare_heading: &'static str,
    pub compare_hint: &'static str,
    pub clear_compare: &'static str,
    pub months_label: &'static str,
    pub total_interest_fees: &'static str,
    pub saving_vs_contract: &'static str,
    pub saving_vs_nothing: &'static str,
    pub principal_recovered: &'static str,
    pub lender_pv: &'static str,
    pub discount: &'static str,
    pub shortfall_label: &'static str,
    pub show_explanation: &'static str,
    pub holiday_label: &'static str,
    pub catch_up_label: &'static str,
    pub lump_sum_label: &'static str,
    pub shortest_fit: &'static str,
    pub per_month: &'static str,
}

pub const ZH: Text = Text {
    app_title: "协商还款计算器",
    tagline: "算清每月能还多少、每种方案要付多少，再去和贷款方谈。",
    privacy_note: "所有计算都在本机浏览器内完成，数据不会上传。",
    switch_language: "English",
    switch_failed: "无法载入英文界面，请联网后再试。",
    list_separator: "、",
    colon: "：",
    in_brackets: "（{}）",
    update_waiting: "新版本已就绪。",
    reload: "重新加载",
    share_open: "分享",
    close: "关闭",
    no_draft_changed: "草稿没有任何改动。",
    loans_heading: "我的借款",
    loan_label: "借款",
    add_loan: "＋ 添加一笔借款",
    remove_loan: "删除",
    loan_removed: "已删除{}。",
    loan_removed_with_contacts: "已删除{}，连同它的 {} 条联系记录。",
    all_loans: "全部借款合计",
    lender: "贷款方",
    preset_note: "预设为常见条款，请以您的合同为准。",
    rate_equivalents: "折合",
    budget_heading: "收支",
    results_heading: "计算结果",
    monthly_payment: "每月还款",
    first_payment: "首月还款",
    last_payment: "末月还款",
    final_payment: "到期一次还款",
    total_interest: "总利息",
    total_paid: "还款总额",
    apr_nominal: "真实年化（单利，IRR）",
    apr_effective: "真实年化（复利）",
    disposable: "每月可用于还债",
    dti: "负债收入比",
    dti_warning: "负债收入比超过 50%：按现在的还款额很难持续，值得尽早协商。",
    fits: "月供在预算内",
    does_not_fit: "月供超出预算",
    margin: "每月至少结余",
    shortfall: "最紧的月份缺口",
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
    overdue_heading: "逾期情况与罚息规则（如已逾期请填写）",
    overdue_days: "已逾期天数",
    more_heading: "更多（App 显示的月供、还款日期、一次性结清金额）",
    stand_heading: "现状：什么都不做会怎样",
    owed_now: "目前欠款（不含罚息）",
    penalty_rate: "罚息利率",
    penalty_so_far: "估计已产生罚息",
    owed_after: "欠款合计",
    increase: "比现在多",
    extra_total: "多付合计",
    proposals_heading: "方案：可以向贷款方提出的请求",
    fits_budget: "符合预算",
    compare: "对比",
    compare_heading: "方案对比",
    compare_hint: "勾选两个方案的“对比”即可并排查看。",
    clear_compare: "清除对比",
    months_label: "期数",
    total_interest_fees: "利息和费用合计",
    saving_vs_contract: "比原合同省",
    saving_vs_nothing: "比什么都不做省",
    principal_recovered: "贷款方收回本金比例",
    lender_pv: "贷款方收回的现值（按合同利率折现）",
    discount: "请求减免",
    shortfall_label: "缺口",
    show_explanation: "说明",
    holiday_label: "宽限",
    catch_up_label: "补足欠款期数",
    lump_sum_label: "一次性支付",
    shortest_fit: "符合预算的最短期限",
    per_month: "每月",
};

pub const EN: Text = Text {
    app_title: "Repayment negotiation calculator",
    tagline: "Work out what you can really pay and what each option costs, then talk to your lender.",
    privacy_note: "Everything is computed in this browser. Nothing is uploaded.",
    switch_language: "中文",
    switch_failed: "Could not load the Chinese page (中文): connect and try again.",
    list_separator: ", ",
    colon: ": ",
    in_brackets: " ({})",
    update_waiting: "A new version is ready.",
    reload: "Reload",
    share_open: "Share",
    close: "Close",
    no_draft_changed: "No draft was changed.",
    loans_heading: "My loans",
    loan_label: "Loan",
    add_loan: "+ Add a loan",
    remove_loan: "Remove",
    loan_removed: "{} was removed.",
    loan_removed_with_contacts: "{} was removed, with its {} contact-log entries.",
    all_loans: "All loans together",
    lender: "Lender",
    preset_note: "Presets are typical terms — check your contract.",
    rate_equivalents: "Equals",
    budget_heading: "Income and expenses",
    results_heading: "Results",
    monthly_payment: "Monthly payment",
    first_payment: "First payment",
    last_payment: "Last payment",
    final_payment: "Payment at maturity",
    total_interest: "Total interest",
    total_paid: "Total repaid",
    apr_nominal: "True APR (simple, IRR)",
    apr_effective: "True APR (compound)",
    disposable: "Available for debt each month",
    dti: "Debt-to-income",
    dti_warning: "Debt-to-income is above 50%: these payments are hard to sustain — negotiate early.",
    fits: "Payment fits the budget",
    does_not_fit: "Payment exceeds the budget",
    margin: "At least left each month",
    shortfall: "Short in the tightest month",
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
    overdue_heading: "Overdue amounts and penalty rule (if you are behind)",
    overdue_days: "Days overdue",
    more_heading: "More (the app's payment, dates, lump sum)",
    stand_heading: "Where you stand: the cost of doing nothing",
    owed_now: "Owed now (excluding penalty)",
    penalty_rate: "Penalty rate",
    penalty_so_far: "Penalty interest so far (estimate)",
    owed_after: "Total owed",
    increase: "More than today",
    extra_total: "Extra paid in total",
    proposals_heading: "Proposals you can put to the lender",
    fits_budget: "Fits the budget",
    compare: "Compare",
    compare_heading: "Side by side",
    compare_hint: "Tick “Compare” on two proposals to see them side by side.",
    clear_compare: "Clear comparison",
    months_label: "Months",
    total_interest_fees: "Interest and fees",
    saving_vs_contract: "Saving vs the contract",
    saving_vs_nothing: "Saving vs doing nothing",
    principal_recovered: "Principal the lender recovers",
    lender_pv: "What the lender recovers, present value at the contract rate",
    discount: "Discount asked for",
    shortfall_label: "Short by",
    show_explanation: "Explain",
    holiday_label: "Holiday",
    catch_up_label: "Catch-up months",
    lump_sum_label: "Lump sum",
    shortest_fit: "shortest term that fits",
    per_month: "a month",
};

impl Lang {
    pub fn lender(self, l: Lender) -> &'static str {
        self.words().names.lender[l as usize]
    }

    pub fn method(self, m: Method) -> &'static str {
        self.words().names.method[m as usize]
    }

    pub fn rate_unit(self, u: RateUnit) -> &'static str {
        self.words().names.rate_unit[u as usize]
    }

    pub fn day_basis(self, b: DayBasis) -> &'static str {
        self.words().names.day_basis[b as usize]
    }

    pub fn penalty_base(self, b: PenaltyBase) -> &'static str {
        self.words().names.penalty_base[b as usize]
    }

    pub fn day_count(self, d: DayCount) -> &'static str {
        self.words().names.day_count[d as usize]
    }

    pub fn proposal_kind(self, k: ProposalKind) -> &'static str {
        self.words().names.proposal_kind[k as usize]
    }

    /// One line on what the proposal asks the lender for.
    pub fn proposal_explain(self, k: ProposalKind) -> &'static str {
        self.words().names.proposal_explain[k as usize]
    }

    pub fn holiday_mode(self, m: HolidayMode) -> &'static str {
        self.words().names.holiday_mode[m as usize]
    }

    pub fn strategy(self, s: Strategy) -> &'static str {
        self.words().names.strategy[s as usize]
    }

    /// A typical consequence on the overdue timeline.
    pub fn timeline_event(self, m: Milestone) -> &'static str {
        self.words().names.timeline_event[m as usize]
    }

    /// Why a proposal cannot work, in words.
    pub fn infeasible(self, i: &Infeasible) -> String {
        use Infeasible::*;
        // A month of the forecast (review F4) is named: "第 3 个月的 … 这个月" /
        // "in month 3"; "每月" / "each month" only when no month is given.
        let zh_month = |m: &Option<u32>| (m.map(|m| format!("第 {m} 个月的")).unwrap_or_default(), if m.is_some() { "这个月" } else { "每月" });
        let en_month = |m: &Option<u32>| m.map(|m| format!("in month {m}")).unwrap_or_else(|| "each month".into());
        match (self, i) {
            (Self::Zh, NoBudget { month: Some(m), available }) => {
                format!("第 {m} 个月没有可用于这笔借款的钱（可用 {}）：这个月需要贷款方同意少还或暂缓。", money(*available))
            }
            (Self::Zh, NoBudget { month: None, .. }) => "每月没有可用于这笔借款的钱。先看“象征性还款”，或调整开支。".into(),
            (Self::Zh, AboveBudgetAtCap { cap_months, payment_at_cap, available, month }) => {
                let (of_month, when) = zh_month(month);
                format!("即使分到最长 {cap_months} 个月，{of_month}月供 {} 仍超过{when}可用的 {}。", money(*payment_at_cap), money(*available))
            }
            (Self::Zh, ContractAboveBudget { contract_payment, available, month }) => {
                let (of_month, when) = zh_month(month);
                format!("{of_month}合同月供 {} 已超过{when}可用的 {}，补足欠款的方案无法成立。", money(*contract_payment), money(*available))
            }
            (Self::Zh, NoForecast) => "需要先在“收支”中按月填写未来 12 个月的收入。".into(),
            (Self::Zh, NoSurplusInForecast) => "预测的 12 个月里没有任何一个月有结余。".into(),
            (Self::Zh, NotClearedWithinCap { cap_months }) => format!("按每个月可用的钱（第 13 个月起按平常月份，或每年重复预测），{cap_months} 个月内还不清。"),
            (Self::Zh, InvalidParameter { .. }) => "参数超出范围。".into(),
            (Self::Zh, Engine { .. }) => "数字超出可计算的范围。".into(),
            (Self::En, NoBudget { month: Some(m), available }) => {
                format!("Month {m} leaves nothing for this loan ({} available): that month needs the lender to agree to less or a pause.", money(*available))
            }
            (Self::En, NoBudget { month: None, .. }) => "Nothing is left for this loan each month. See token payments, or revisit expenses.".into(),
            (Self::En, AboveBudgetAtCap { cap_months, payment_at_cap, available, month }) => format!(
                "Even over the longest {cap_months} months the payment of {} exceeds the {} available {}.",
                money(*payment_at_cap),
                money(*available),
                en_month(month)
            ),
            (Self::En, ContractAboveBudget { contract_payment, available, month }) => format!(
                "The contract payment of {} already exceeds the {} available {}.",
                money(*contract_payment),
                money(*available),
                en_month(month)
            ),
            (Self::En, NoForecast) => "Needs the 12-month income forecast in the budget section.".into(),
            (Self::En, NoSurplusInForecast) => "No month of the forecast leaves a surplus.".into(),
            (Self::En, NotClearedWithinCap { cap_months }) => format!("Each month's money (from month 13 the ordinary month's, or the forecast again) does not clear the debt within {cap_months} months."),
            (Self::En, InvalidParameter { .. }) => "A parameter is out of range.".into(),
            (Self::En, Engine { .. }) => "The numbers are out of computable range.".into(),
        }
    }

    /// Short rate labels for the "equals" line.
    pub fn rate_forms(self) -> [&'static str; 3] {
        self.words().names.rate_forms
    }
}

/// The names of the engine's kinds and values in one language, each array
/// in the order of its enum (read by `value as usize`).
pub struct Names {
    pub lender: [&'static str; 6],
    /// A lender's name short enough for a summary line at 375 px.
    pub lender_short: [&'static str; 6],
    pub method: [&'static str; 4],
    pub rate_unit: [&'static str; 3],
    pub day_basis: [&'static str; 2],
    pub penalty_base: [&'static str; 2],
    pub day_count: [&'static str; 2],
    pub proposal_kind: [&'static str; 8],
    pub proposal_explain: [&'static str; 8],
    pub holiday_mode: [&'static str; 2],
    pub strategy: [&'static str; 3],
    pub timeline_event: [&'static str; 7],
    pub rate_forms: [&'static str; 3],
    /// The kit's choices (`i18n::kit`), in their enums' order.
    pub hardship_reason: [&'static str; 6],
    pub evidence: [&'static str; 9],
    pub channel: [&'static str; 8],
    pub holiday_maturity: [&'static str; 2],
    /// The road's payoff orders (`PayoffKind`'s order).
    pub payoff_kind: [&'static str; 4],
    /// The summary's plan button: to use the plan, and once it is the asks (`kit::KitText`'s).
    pub plan_button: [&'static str; 2],
}

pub const NAMES_ZH: Names = Names {
    lender: ["网商贷", "借呗", "微粒贷", "银行信用贷", "信用卡", "其他"],
    lender_short: ["网商贷", "借呗", "微粒贷", "银行信用贷", "信用卡", "其他"],
    method: ["等额本息", "等额本金", "先息后本", "到期一次还本付息"],
    rate_unit: ["日利率 %", "月利率 %", "年化利率 %"],
    day_basis: ["360 天", "365 天"],
    penalty_base: ["逾期本金", "逾期本金和利息"],
    day_count: ["按月（30/360，与常见计算器一致）", "按实际天数（与网贷按日计息一致）"],
    proposal_kind: ["延期还款（展期）", "停息分期", "减免罚息、分期补足欠款", "宽限期后再分期", "一次性结清减免", "按现金流还款", "按原合同还款", "暂缓催收（每月象征性还款）"],
    proposal_explain: ["按合同利率，把全部欠款重新分摊到更长的期限。", "全部欠款分期偿还，停止计息、免除罚息（需协商，并非权利）。", "合同照常，免除罚息，逾期部分分几个月补齐。", "先暂缓几个月，再在剩余期限内重新分期。", "一次性支付低于欠款的金额，结清全部债务。", "每月还款随收入淡旺季变化，旺季多还、淡季少还。", "这笔借款照原合同继续还，不需要协商。", "每月没有可还的钱时：象征性还款，请求暂停催收、停止计息，到期复核。"],
    holiday_mode: ["期间只还利息", "期间不还，利息计入本金"],
    strategy: ["按欠款比例（公平份额）", "先还利率最高的（雪崩法）", "先还余额最小的（雪球法）"],
    timeline_event: ["开始计收罚息", "贷款被列为“关注”，征信可能记录逾期", "催收加强", "可能收到律师函、被起诉（常见于互联网法院）", "超过 90 天：列为“次级”不良贷款", "超过 270 天：列为“可疑”", "超过 360 天：列为“损失”"],
    rate_forms: ["日", "月", "年化"],
    hardship_reason: ["失业", "收入下降", "经营亏损", "疾病", "家庭变故", "其他原因"],
    evidence: ["身份证复印件", "借款合同或 App 借款页面截图", "收入证明", "近 3 个月银行流水", "诊断证明及医疗费用单据", "失业或解除劳动合同证明", "经营流水或账目", "个人征信报告", "其他证明材料"],
    channel: ["App 在线客服", "对方来电", "我方去电", "短信", "信件", "上门", "电子邮件", "未接来电"],
    holiday_maturity: ["到期日不变", "到期日顺延"],
    payoff_kind: ["先还利率最高的（雪崩法）", "先还余额最小的（雪球法）", "按欠款比例分配", "按我定的顺序"],
    plan_button: [kit::KIT_ZH.use_plan, kit::KIT_ZH.plan_is_asks],
};

pub const NAMES_EN: Names = Names {
    lender: ["MYbank (网商贷)", "Jiebei (借呗)", "Weilidai (微粒贷)", "Bank consumer loan", "Credit card", "Other"],
    lender_short: ["MYbank", "Jiebei", "Weilidai", "Bank loan", "Credit card", "Other"],
    method: ["Equal instalments (等额本息)", "Equal principal (等额本金)", "Interest only, principal at end (先息后本)", "All at maturity (到期一次还本付息)"],
    rate_unit: ["% per day", "% per month", "% per year"],
    day_basis: ["360 days", "365 days"],
    penalty_base: ["Overdue principal", "Overdue principal and interest"],
    day_count: ["Monthly (30/360, as spreadsheets)", "Actual days (daily accrual, as online lenders)"],
    proposal_kind: ["Term extension", "Instalments with interest frozen", "Penalty waiver, arrears caught up", "Payment holiday, then instalments", "Lump-sum settlement", "Cash-flow plan", "Keep the contract", "Hold (token payment)"],
    proposal_explain: ["The whole amount owed re-spread over a longer term at the contract rate.", "The amount owed in instalments with interest stopped and penalties waived (to ask for, not a right).", "The contract continues; penalties waived and the arrears caught up over a few months.", "A few months' pause, then instalments over the remaining term.", "One payment below the amount owed closes the debt.", "Payments follow your seasonal income: more in good months, less in lean ones.", "This loan continues on its contract; nothing to ask for.", "When nothing is left over: a token payment while collection and interest are paused, then a review."],
    holiday_mode: ["interest only meanwhile", "nothing paid, interest added"],
    strategy: ["Pro rata to balance (fair share)", "Highest rate first (avalanche)", "Smallest balance first (snowball)"],
    timeline_event: ["Penalty interest starts", "Loan classed \"special mention\"; the credit report may record the late payment", "Collection intensifies", "A lawyer's letter and a suit (often in an internet court) become likely", "Over 90 days: classed \"substandard\" (non-performing)", "Over 270 days: classed \"doubtful\"", "Over 360 days: classed \"loss\""],
    rate_forms: ["daily", "monthly", "annual"],
    hardship_reason: ["Job loss", "Income fell", "Business losses", "Illness", "Family change", "Other"],
    evidence: ["copy of ID card", "loan contract or app screenshot", "proof of income", "bank statements for the last 3 months", "medical certificate and bills", "proof of job loss", "business accounts", "credit report", "other proof"],
    channel: ["in-app chat", "call from the lender", "my call", "SMS", "letter", "visit", "email", "missed call from the lender"],
    holiday_maturity: ["maturity kept", "maturity extended"],
    payoff_kind: ["Highest rate first (avalanche)", "Smallest balance first (snowball)", "Pro rata to balance", "In my own order"],
    plan_button: [kit::KIT_EN.use_plan, kit::KIT_EN.plan_is_asks],
};

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

    /// Review F4: a forecast month that falls short is named; "each month"
    /// only when every month is short (no month given).
    #[test]
    fn a_short_forecast_month_is_named_not_each_month() {
        use crate::engine::Infeasible::*;
        let d = |s: &str| s.parse::<rust_decimal::Decimal>().unwrap();
        let no = NoBudget { available: d("-2000"), month: Some(3) };
        assert_eq!(Lang::Zh.infeasible(&no), "第 3 个月没有可用于这笔借款的钱（可用 -¥2,000.00）：这个月需要贷款方同意少还或暂缓。");
        assert!(Lang::En.infeasible(&no).starts_with("Month 3 leaves nothing for this loan"));
        let above = ContractAboveBudget { contract_payment: d("10797.05"), available: d("-1223.56"), month: Some(8) };
        assert_eq!(Lang::Zh.infeasible(&above), "第 8 个月的合同月供 ¥10,797.05 已超过这个月可用的 -¥1,223.56，补足欠款的方案无法成立。");
        assert!(Lang::En.infeasible(&above).ends_with("available in month 8."));
        let flat = ContractAboveBudget { contract_payment: d("10797.05"), available: d("4300"), month: None };
        assert_eq!(Lang::Zh.infeasible(&flat), "合同月供 ¥10,797.05 已超过每月可用的 ¥4,300.00，补足欠款的方案无法成立。");
        let cap = AboveBudgetAtCap { cap_months: 60, payment_at_cap: d("2378.13"), available: d("500"), month: Some(2) };
        assert_eq!(Lang::Zh.infeasible(&cap), "即使分到最长 60 个月，第 2 个月的月供 ¥2,378.13 仍超过这个月可用的 ¥500.00。");
    }
}
