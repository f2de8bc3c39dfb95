//! The page's words for the road to debt-free (还清路线), one struct per
//! language so a missing translation fails to compile. `{}` marks where a
//! value goes, in order (see [`super::super::fill`]).
//!
//! Two parts (issue 12: the road's chunk holds one language): what the page
//! shows before the section is opened ([`RoadPageText`], in the main wasm),
//! and the open section's words ([`RoadText`]), each language a chunk of its
//! own (`road_zh`, `road_en`: `ui::road::words_zh`). Code of the road's chunk
//! takes the fetched `&RoadText` and speaks its `lang`: reaching
//! [`ROAD_ZH`] or [`ROAD_EN`] by a `Lang` there would put both languages
//! back in the chunk.

use super::Lang;

/// The road's words the page shows while the section is closed: its
/// heading, and the solver in each loan's results.
pub struct RoadPageText {
    pub heading: &'static str,
    /// Months, last instalment, interest.
    pub solver_months: &'static str,
    /// The first month's interest.
    pub solver_below: &'static str,
    pub solver_beyond: &'static str,
    pub solver_invalid: &'static str,
}

const ROAD_PAGE_ZH: RoadPageText = RoadPageText {
    heading: "还清路线",
    solver_months: "{} 个月还清，最后一期 {}，共付利息 {}",
    solver_below: "不够：每月要多于首月利息 {}，否则欠款不会减少。",
    solver_beyond: "要超过 600 个月才能还清，请提高每月金额。",
    solver_invalid: "无法计算：请先检查这笔借款的金额和利率。",
};

const ROAD_PAGE_EN: RoadPageText = RoadPageText {
    heading: "Road to debt-free",
    solver_months: "Paid off in {} months; last instalment {}; interest {}",
    solver_below: "Too little: it must be more than the first month's interest, {}, or the debt never falls.",
    solver_beyond: "It would take more than 600 months: pay more a month.",
    solver_invalid: "Cannot compute: check this loan's amount and rate first.",
};

/// The open section's words in one language.
pub struct RoadText {
    /// The language these words are in (the section speaks it until the
    /// other language's words are fetched).
    pub lang: Lang,
    pub intro: &'static str,
    pub strategies_legend: &'static str,
    pub picked: &'static str,
    pub debt_free: &'static str,
    pub months: &'static str,
    pub never: &'static str,
    /// A plan that never ends: what is still owed after the 600 months.
    pub owed_after: &'static str,
    pub total_interest: &'static str,
    pub over_best: &'static str,
    pub cheapest: &'static str,
    pub total_paid: &'static str,
    pub first_short: &'static str,
    /// The month, then the shortfall.
    pub short_value: &'static str,
    pub no_short: &'static str,
    pub custom_unset: &'static str,
    pub order_heading: &'static str,
    pub order_hint: &'static str,
    /// The loan's title.
    pub move_up: &'static str,
    pub move_down: &'static str,
    /// The amount.
    pub budget_default_flat: &'static str,
    /// The lowest and the highest month.
    pub budget_default_range: &'static str,
    pub chart_heading: &'static str,
    /// The strategy, then the months.
    pub chart_label: &'static str,
    pub chart_never: &'static str,
    pub table_toggle: &'static str,
    pub month_col: &'static str,
    pub date_col: &'static str,
    pub total_col: &'static str,
    /// A month number on the axis without dates.
    pub month_tick: &'static str,
    pub paid_off_heading: &'static str,
    pub paid_off_never: &'static str,
    pub nothing_owed: &'static str,
    pub prepay_heading: &'static str,
    pub prepay_intro: &'static str,
    pub add_prepayment: &'static str,
    /// The prepayment's number.
    pub remove_prepayment: &'static str,
    pub effects_caption: &'static str,
    pub effect_months: &'static str,
    pub effect_interest: &'static str,
    pub effect_saved: &'static str,
    pub effect_months_saved: &'static str,
    pub effect_fees: &'static str,
    /// Months, interest saved.
    pub prepaid_summary: &'static str,
    pub calendar_heading: &'static str,
    pub calendar_intro: &'static str,
    /// The plan falls short: the month and its shortfall (`short_value`).
    pub calendar_short: &'static str,
    pub calendar_button: &'static str,
    pub calendar_file: &'static str,
    /// The loans left out.
    pub calendar_undated: &'static str,
    pub calendar_failed: &'static str,
    pub now: &'static str,
    pub remove: &'static str,
    pub move_up_short: &'static str,
    pub move_down_short: &'static str,
    /// The month.
    pub paid_off_in: &'static str,
    /// The month.
    pub debt_free_month: &'static str,
    /// How many reminders.
    pub calendar_done: &'static str,
    pub left_out_intro: &'static str,
    /// The loan's title, then why it is left out.
    pub left_out_item: &'static str,
    /// Why the road leaves a loan out (`FigureReason`): its numbers are too
    /// large; what it owes or its rate is beyond the road's limits; its
    /// figures cannot be computed.
    pub left_out_overflow: &'static str,
    pub left_out_input: &'static str,
    pub left_out_uncomputable: &'static str,
    /// Why there is no calendar (`NoCalendar`).
    pub no_due_date: &'static str,
    pub nothing_due: &'static str,
    /// The calendar's name in the file.
    pub calendar_name: &'static str,
    /// An event's summary: the loan, then the amount.
    pub event_summary: &'static str,
    /// An event's description: the loan, the month of the plan, the amount, the strategy.
    pub event_description: &'static str,
}

pub static ROAD_ZH: RoadText = RoadText {
    lang: Lang::Zh,
    intro: "把每月能用于还债的钱按不同顺序分给各家，看哪种还法最早还清、利息最少。按 30/360 估算，不含罚息，以合同为准。",
    strategies_legend: "选择还款顺序",
    picked: "已选",
    debt_free: "还清时间",
    months: "用时",
    never: "按这个金额 600 个月内还不清",
    owed_after: "600 个月后仍欠",
    total_interest: "总利息（不含罚息）",
    over_best: "比最省的多付",
    cheapest: "最省",
    total_paid: "共还",
    first_short: "第一次不够还",
    short_value: "第 {} 个月差 {}",
    no_short: "每个月都够还",
    custom_unset: "选中后按下面的顺序还",
    order_heading: "我的还款顺序",
    order_hint: "多出来的钱先还排在前面的借款。",
    move_up: "上移：{}",
    move_down: "下移：{}",
    budget_default_flat: "不填时：每月 {}（收支中可用于还债的金额）",
    budget_default_range: "不填时：按收入预测逐月 {} 到 {}",
    chart_heading: "各家欠款随时间减少",
    chart_label: "堆叠面积图：{}，各家欠款逐月减少，{} 个月后还清。下面的表格列出每月数字。",
    chart_never: "堆叠面积图：{}，600 个月内还不清。下面的表格列出每月数字。",
    table_toggle: "以表格查看每月欠款",
    month_col: "月份",
    date_col: "日期",
    total_col: "合计",
    month_tick: "第{}月",
    paid_off_heading: "每家还清的时间",
    paid_off_never: "600 个月内还不清",
    nothing_owed: "现在没有欠款",
    prepay_heading: "提前还款",
    prepay_intro: "一次性多还一笔，或每月多还一点：看能省多少利息、少还几个月。",
    add_prepayment: "添加一次提前还款",
    remove_prepayment: "删除第 {} 笔提前还款",
    effects_caption: "两种提前还款效果对比",
    effect_months: "还款期数",
    effect_interest: "利息",
    effect_saved: "省下利息",
    effect_months_saved: "少还期数",
    effect_fees: "提前还款手续费",
    prepaid_summary: "按现在的提前还款：{} 个月还清，省利息 {}",
    calendar_heading: "还款日历",
    calendar_intro: "把还清路线上选定还法的每个还款日加入手机日历，前一天提醒。金额按原合同月供和上面选的还款顺序，不是你向贷款方申请的方案；方案谈妥后，按同意的金额和日期还。文件只在你的设备上生成。",
    calendar_short: "注意：收支不够还所有贷款（{}）。日历只列出付得起的还款，没列出的贷款当月会逾期：请先与贷款方协商，再按协商结果还款。",
    calendar_button: "下载还清路线的还款日历（.ics）",
    calendar_file: "还款提醒.ics",
    calendar_undated: "没有填写下次还款日，不在日历中：{}",
    calendar_failed: "浏览器没有允许下载，请再试一次。",
    now: "现在",
    remove: "删除",
    move_up_short: "上移",
    move_down_short: "下移",
    paid_off_in: "第 {} 个月还清",
    debt_free_month: "第 {} 个月",
    calendar_done: "已生成 {} 个还款提醒。",
    left_out_intro: "以下借款没有算入还清路线，下面的还清时间和总额都不包括它们：",
    left_out_item: "{}：{}",
    left_out_overflow: "它的数字太大，超出可计算的范围。",
    left_out_input: "欠款或利率超出还清路线可计算的范围（欠款最多 1 万亿元），请核对这笔借款。",
    left_out_uncomputable: "它的数字无法计算，请核对这笔借款。",
    no_due_date: "需要先填写“下次还款日”，才能生成日历提醒。",
    nothing_due: "这个计划没有需要还的款项。",
    calendar_name: "还款提醒",
    event_summary: "还款：{} {}",
    event_description: "{}：还清路线第 {} 个月，应还 {}。\n计划：{}。金额为估算，以贷款方 App 或账单为准。",
};

pub static ROAD_EN: RoadText = RoadText {
    lang: Lang::En,
    intro: "Split what you can pay each month across your lenders in different orders: see which way is debt-free first and costs least. Estimates at 30/360 without penalty interest; your contract is authoritative.",
    strategies_legend: "Pick a strategy",
    picked: "Picked",
    debt_free: "Debt-free",
    months: "Takes",
    never: "Not within 600 months at this amount",
    owed_after: "Still owed after 600 months",
    total_interest: "Total interest (no penalty)",
    over_best: "More than the cheapest",
    cheapest: "Cheapest",
    total_paid: "Total paid",
    first_short: "First short month",
    short_value: "Month {}: {} short",
    no_short: "Every month fits",
    custom_unset: "Once picked, pays in the order below",
    order_heading: "My order",
    order_hint: "Money left over goes to the loan at the top first.",
    move_up: "Move up: {}",
    move_down: "Move down: {}",
    budget_default_flat: "Empty: {} a month (the amount available for debt)",
    budget_default_range: "Empty: month by month from the forecast, {} to {}",
    chart_heading: "What each lender is owed over time",
    chart_label: "Stacked area chart: {}; what each lender is owed falls month by month, debt-free after {} months. The table below lists the figures.",
    chart_never: "Stacked area chart: {}; not debt-free within 600 months. The table below lists the figures.",
    table_toggle: "Show the months as a table",
    month_col: "Month",
    date_col: "Date",
    total_col: "Total",
    month_tick: "M{}",
    paid_off_heading: "When each lender is paid off",
    paid_off_never: "Not within 600 months",
    nothing_owed: "Nothing is owed now",
    prepay_heading: "Prepayments",
    prepay_intro: "Pay a lump sum once, or a little extra every month: see the interest and months saved.",
    add_prepayment: "Add a one-off prepayment",
    remove_prepayment: "Remove prepayment {}",
    effects_caption: "Both effects of prepaying side by side",
    effect_months: "Instalments",
    effect_interest: "Interest",
    effect_saved: "Interest saved",
    effect_months_saved: "Months saved",
    effect_fees: "Prepayment fees",
    prepaid_summary: "With these prepayments: paid off in {} months, {} interest saved",
    calendar_heading: "Calendar",
    calendar_intro: "Add every due date of the strategy picked on the road to your phone's calendar, with a reminder the day before. The amounts are the contracts' instalments in the order picked above, not the plans you ask your lenders for: once a plan is agreed, pay what was agreed, when agreed. The file is made on your device.",
    calendar_short: "Note: the budget does not cover every loan ({}). The calendar lists only the payments it can make; a loan left out falls overdue that month: negotiate with your lenders first, then pay as agreed.",
    calendar_button: "Download the road's reminders (.ics)",
    calendar_file: "repayment-reminders.ics",
    calendar_undated: "Not in the calendar (no next due date): {}",
    calendar_failed: "The browser did not allow the download; please try again.",
    now: "Now",
    remove: "Remove",
    move_up_short: "Up",
    move_down_short: "Down",
    paid_off_in: "Paid off in month {}",
    debt_free_month: "Month {}",
    calendar_done: "{} reminders made.",
    left_out_intro: "The road leaves these loans out: the debt-free dates and totals below do not cover them.",
    left_out_item: "{}: {}",
    left_out_overflow: "Its numbers are too large to compute.",
    left_out_input: "What it owes or its rate is beyond what the road can compute (at most ¥1 trillion owed): check this loan.",
    left_out_uncomputable: "Its figures cannot be computed: check this loan.",
    no_due_date: "Enter the next due date first: the reminders need it.",
    nothing_due: "This plan has nothing to pay.",
    calendar_name: "Repayment reminders",
    event_summary: "Repay {} {}",
    event_description: "{}: month {} of the road to debt-free, {} due.\nPlan: {}. An estimate; the lender's app or statement is authoritative.",
};

impl Lang {
    pub fn road_page(self) -> &'static RoadPageText {
        match self {
            Self::Zh => &ROAD_PAGE_ZH,
            Self::En => &ROAD_PAGE_EN,
        }
    }
}
