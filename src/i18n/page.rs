//! Sentences the page builds from figures: titles, payment labels, the
//! rate line, timeline entries, proposal titles, amounts with shares. Every
//! visible piece of text the components show comes from here or from
//! [`super::Text`]; components add no words and no punctuation of their own.

use super::{fill, money, percent, rate_percent, Lang};
use crate::engine::overdue::TimelineEvent;
use crate::engine::{Proposal, ProposalKind};
use crate::present::{LoanTitle, PaymentLabel, PlanPayment};
use crate::scenario::evaluate::FigureReason;
use rust_decimal::Decimal;

/// Separates figures on one line.
pub const DOT: &str = " · ";
/// Between a label and its value.
pub const SPACE: &str = " ";
/// The button that opens a figure's explanation.
pub const EXPLAIN_MARK: &str = "?";

impl Lang {
    /// "借款 2 · 借呗", or "借款 3 · 广发银行信用卡中心" with the borrower's label.
    pub fn loan_title(self, t: LoanTitle) -> String {
        let who = if t.name.is_empty() { self.lender(t.lender) } else { &t.name };
        format!("{} {}{DOT}{who}", self.text().loan_label, t.number)
    }

    /// "已删除借款 1 · 网商贷，连同它的 10 条联系记录。" (the loans' undo bar).
    pub fn loan_removed(self, t: LoanTitle, contacts: usize) -> String {
        let (title, words) = (self.loan_title(t), self.text());
        if contacts == 0 {
            fill(words.loan_removed, &[&title])
        } else {
            fill(words.loan_removed_with_contacts, &[&title, &contacts.to_string()])
        }
    }

    pub fn payment_label(self, label: PaymentLabel) -> &'static str {
        let t = self.text();
        match label {
            PaymentLabel::Monthly => t.monthly_payment,
            PaymentLabel::First => t.first_payment,
            PaymentLabel::Last => t.last_payment,
            PaymentLabel::Final => t.final_payment,
        }
    }

    /// "折合 日 0.05% · 月 1.5% · 年化 18%".
    pub fn rate_equivalents(self, [daily, monthly, annual]: [Decimal; 3]) -> String {
        let [d, m, y] = self.rate_forms();
        format!(
            "{} {d} {}{DOT}{m} {}{DOT}{y} {}",
            self.text().rate_equivalents,
            rate_percent(daily),
            rate_percent(monthly),
            rate_percent(annual)
        )
    }

    /// "还款计划 (12 个月)".
    pub fn schedule_summary(self, months: usize) -> String {
        let t = self.text();
        format!("{} ({months} {})", t.schedule_heading, t.months_unit)
    }

    /// The chart's text equivalent: "剩余本金走势: ¥100,000.00 → ¥0.00, 12 个月".
    pub fn chart_label(self, start: Decimal, months: usize) -> String {
        let t = self.text();
        format!("{}: {} → {}, {months} {}", t.chart_label, money(start), money(Decimal::ZERO), t.months_unit)
    }

    /// A comparison chart's label: both plans' titles.
    pub fn compare_chart_label(self, names: &[String]) -> String {
        format!("{}: {}", self.text().chart_label, names.join(" / "))
    }

    /// The stem of a schedule's CSV file: "还款计划-网商贷".
    pub fn schedule_file_stem(self, name: &str) -> String {
        format!("{}-{name}", self.text().schedule_heading)
    }

    /// "0.075% (≈ 27.00% / 年化)".
    pub fn penalty_rate(self, daily_percent: Decimal, annual_percent: Decimal) -> String {
        format!("{} (≈ {} / {})", rate_percent(daily_percent), percent(annual_percent), self.rate_forms()[2])
    }

    /// The name of a figure's explain button: "说明: 目前欠款".
    pub fn explain_button(self, label: &str) -> String {
        format!("{}: {label}", self.text().show_explanation)
    }

    /// "+¥1,234.00".
    pub fn increase(self, amount: Decimal) -> String {
        format!("+{}", money(amount))
    }

    /// "逾期第 90 天 · 45 天后：", the start of a timeline entry.
    pub fn timeline_when(self, e: &TimelineEvent) -> String {
        let day = e.day.to_string();
        let in_days = e.in_days.to_string();
        match (self, e.reached) {
            (Self::Zh, true) => fill("逾期第 {} 天 · 已到：", &[&day]),
            (Self::Zh, false) => fill("逾期第 {} 天 · {} 天后：", &[&day, &in_days]),
            (Self::En, true) => fill("Day {} · reached: ", &[&day]),
            (Self::En, false) => fill("Day {} · in {} days: ", &[&day, &in_days]),
        }
    }

    /// What a proposal is listed as: its kind and what it asks.
    pub fn proposal_title(self, p: &Proposal) -> String {
        let t = self.text();
        let mut s = self.proposal_kind(p.kind).to_string();
        let months = |m: u32| format!("{m} {}", t.months_unit);
        match p.kind {
            ProposalKind::TermExtension | ProposalKind::FrozenInstalments => {
                if let Some(m) = p.params.term_months {
                    s.push_str(&format!("{DOT}{}", months(m)));
                }
                if p.params.shortest_fit {
                    s.push_str(&fill(self.pick(["（{}）", " ({})"]), &[t.shortest_fit]));
                }
            }
            ProposalKind::PaymentHoliday => {
                if let (Some(h), Some(mode)) = (p.params.holiday_months, p.params.holiday_mode) {
                    s.push_str(&format!("{DOT}{} {}{DOT}{}", t.holiday_label, months(h), self.holiday_mode(mode)));
                }
                if let Some(m) = p.params.holiday_maturity {
                    let words = self.page();
                    s.push_str(DOT);
                    s.push_str(match m {
                        crate::engine::HolidayMaturity::Kept => words.maturity_kept,
                        crate::engine::HolidayMaturity::Extended => words.maturity_extended,
                    });
                }
            }
            ProposalKind::PenaltyWaiver => {
                if let Some(k) = p.params.catch_up_months {
                    s.push_str(&format!("{DOT}{} {k}", t.catch_up_label));
                }
            }
            ProposalKind::Settlement => {
                if let Some(l) = p.params.lump_sum {
                    s.push_str(&format!("{DOT}{} {}", t.lump_sum_label, money(l)));
                }
            }
            ProposalKind::CashFlowPlan | ProposalKind::Contract | ProposalKind::Hold => {}
        }
        s
    }

    /// "¥4,690.00", or "¥1,200.00 – ¥16,500.00" for a plan that varies.
    pub fn plan_payment(self, p: PlanPayment) -> String {
        match p {
            PlanPayment::Level(d) => money(d),
            PlanPayment::Range(lo, hi) => format!("{} – {}", money(lo), money(hi)),
        }
    }

    /// A percentage, or a dash where there is none.
    pub fn maybe_percent(self, p: Option<Decimal>) -> String {
        p.map(percent).unwrap_or_else(|| "—".into())
    }

    /// "¥43,800.00 (46.70%)".
    pub fn amount_and_share(self, amount: Decimal, share: Option<Decimal>) -> String {
        format!("{} ({})", money(amount), share.map(percent).unwrap_or_default())
    }

    pub fn yes_no(self, yes: bool) -> &'static str {
        if yes {
            "✓"
        } else {
            "✗"
        }
    }

    /// An allocation table's caption: the strategy, and its shortfall if any.
    pub fn allocation_caption(self, strategy: crate::engine::allocation::Strategy, shortfall: Option<Decimal>) -> String {
        let mut s = self.strategy(strategy).to_owned();
        if let Some(d) = shortfall {
            s.push_str(&format!("{DOT}{} {}", self.text().shortfall_label, money(d)));
        }
        s
    }

    /// "每月向每家… ¥100.00 / 每月 · 6 个月".
    pub fn token_line(self, per_lender: Decimal, review_months: u32) -> String {
        let t = self.text();
        format!("{} {} / {}{DOT}{review_months} {}", self.below().token_text, money(per_lender), t.per_month, t.months_unit)
    }

    /// A recovered draft's name from its content: its loans' labels, or lenders.
    pub fn describe(self, s: &crate::scenario::Scenario) -> String {
        let names: Vec<&str> = s.loans.iter().map(|l| l.name.trim()).filter(|n| !n.is_empty()).collect();
        let parts: Vec<&str> = if names.is_empty() { s.loans.iter().map(|l| self.lender(l.lender)).collect() } else { names };
        parts.join(self.text().list_separator)
    }
}

/// The guided page's words (issue 9): the section list, the summary, the
/// folds, the glossary, and the labels of issue 7's figures.
pub struct PageText {
    pub nav_label: &'static str,
    pub nav: [&'static str; 10],
    pub summary_heading: &'static str,
    pub can_pay: &'static str,
    pub waiting_adds: &'static str,
    pub per_30_days: &'static str,
    /// How much of that is new penalty (the rest is contract interest,
    /// owed whether one waits or not): "{}" is the amount.
    pub waiting_penalty: &'static str,
    /// Above the forecast's months: the dates of months 1 and 12.
    pub forecast_dates: &'static str,
    /// The fold around the forecast's long note (what its months are used for).
    pub forecast_use: &'static str,
    /// Above the loans while a loan still holds the example's figures
    /// (review w14 S4): "{}" its title.
    pub example_loan: &'static str,
    /// A dated chart's first label (month 0).
    pub chart_now: &'static str,
    pub plan_acceptance: &'static str,
    pub plan_lowest_cost: &'static str,
    /// The one box when both goals' plans are the same.
    pub plan_both: &'static str,
    pub plan_fits: &'static str,
    pub plan_short: &'static str,
    pub plan_pending: &'static str,
    pub plan_from: &'static str,
    /// The lenders' first payments differ: from each one's own, the earliest.
    pub plan_from_each: &'static str,
    pub plan_monthly: &'static str,
    /// After a lender's amount: its first months have nothing to pay.
    pub plan_paused: &'static str,
    /// After a pick whose balance rises (the cash-flow plan's dead months,
    /// a holiday that capitalises): it says so.
    pub plan_balance_rises: &'static str,
    /// Beside a card's ask longer than five years (DOMAIN.md, Art. 70).
    pub plan_card_over_five_years: &'static str,
    pub failing_line: &'static str,
    /// The later months that fail, as one line (review w14 R2): first and
    /// last month, their dates in brackets, how many; then due, available,
    /// short, each the most of any of them.
    pub failing_range: &'static str,
    pub failing_range_line: &'static str,
    /// A month whose income does not cover the expenses has ¥0 for debts:
    /// said so, with the gap, instead of "available -¥3,800.00, short ¥X"
    /// (which does not add up to the eye).
    pub failing_deficit: &'static str,
    /// The same in a run of months ("这个月" would be wrong there).
    pub failing_deficit_run: &'static str,
    /// A plan that does not fit is not "most likely accepted" nor "lowest
    /// cost" (review w14 R1): its heading, and where to look instead.
    pub plan_closest: &'static str,
    pub plan_closest_note: &'static str,
    /// Some first dates are estimated from today (no next due date entered).
    pub plan_estimated: &'static str,
    pub to_letter: &'static str,
    /// The document's own date is in the past: its date, days since.
    pub as_of_note: &'static str,
    pub as_of_today: &'static str,
    pub edit: &'static str,
    pub done: &'static str,
    pub details: &'static str,
    pub vs_contract: &'static str,
    pub pays_more: &'static str,
    pub pays_less: &'static str,
    pub same_as_contract: &'static str,
    pub glossary_heading: &'static str,
    /// A section whose code is fetched on first open (`ui::lazy`).
    pub lazy_loading: &'static str,
    pub lazy_failed: &'static str,
    pub lazy_retry: &'static str,
    pub cannot_compute: &'static str,
    pub error_overflow: &'static str,
    pub error_no_rate_of_return: &'static str,
    pub error_rate_check_implausible: &'static str,
    pub error_input: &'static str,
    pub penalty_since_today: &'static str,
    pub budget_all_fit: &'static str,
    pub budget_first_miss: &'static str,
    pub budget_peak: &'static str,
    /// The total of the loans' dues when months differ: the largest month,
    /// its month and the smallest month (a balloon month is not "monthly").
    pub largest_month: &'static str,
    pub largest_month_sub: &'static str,
    pub dti_largest: &'static str,
    pub months_table: &'static str,
    pub col_month: &'static str,
    pub col_due: &'static str,
    pub col_available: &'static str,
    pub col_margin: &'static str,
    pub month_n: &'static str,
    pub maturity_kept: &'static str,
    pub maturity_extended: &'static str,
    pub penalty_waived: &'static str,
    pub within_12_months: &'static str,
    /// A card's saving against doing nothing, worded as 少付/多付 (a
    /// negative "saving" read as a saving: review F14/F15), and the penalty
    /// waiver it counts, which the lender has not granted ("{}": the amount).
    pub vs_nothing: &'static str,
    pub waiver_counted: &'static str,
    pub chart_legend_balance: &'static str,
    pub overdue_days_line: &'static str,
    pub live_fits: &'static str,
    pub live_short: &'static str,
}

pub const PAGE_ZH: PageText = PageText {
    nav_label: "页面各部分",
    nav: ["概览", "借款", "收支", "结果", "现状", "方案", "协商材料", "还清路线", "术语", "草稿"],
    summary_heading: "概览：每月能还多少，怎么谈",
    can_pay: "每月能还",
    waiting_adds: "每拖 30 天多欠",
    per_30_days: "（罚息和到期利息）",
    waiting_penalty: "，其中新增罚息 {}",
    forecast_dates: "第1个月从 {} 起（各家最早的还款日），第12个月从 {} 起：按这个顺序填写每个月的收入。",
    forecast_use: "这 12 个月用在哪里？",
    example_loan: "{}是示例数字，还没改过：请改成你自己的借款，或删除它。",
    chart_now: "现在",
    plan_acceptance: "最可能被接受",
    plan_lowest_cost: "对你成本最低",
    plan_both: "最可能被接受，也是对你成本最低的",
    plan_fits: "未来 12 个月每月都够还",
    plan_short: "这些月份不够还：",
    plan_pending: "填好借款和收支后，这里给出跨贷款方的还款方案。",
    plan_from: " 每月，从 {} 起",
    plan_from_each: " 每月，各家从各自还款日起（最早 {}）",
    plan_monthly: " 每月",
    plan_paused: "（先停 {}）",
    plan_balance_rises: "（有些月份付不够利息，欠款会增加）",
    plan_card_over_five_years: "（超过 5 年：信用卡个性化分期最长 5 年，银行可能不同意）",
    failing_line: "{}：要还 {}，可用 {}，差 {}",
    failing_range: "第 {}–{} 月{}，共 {} 个月",
    failing_range_line: "{}：最紧的一个月要还 {}，可用 {}，差 {}",
    failing_deficit: "{}（这个月收入比开支少 {}）",
    failing_deficit_run: "{}（收入比开支少 {}）",
    plan_closest: "最接近预算的组合：仍有月份不够还",
    plan_closest_note: "没有一个组合能让每个月都够还。各家“方案”里标着“在预算内”的方案按各家分到的钱计算：可以在“协商材料”里改选，或先减少开支、增加收入再算。",
    plan_estimated: "（有些日期是按今天估算的：请在“借款”里填写下次还款日）",
    to_letter: "去写协商信 →",
    as_of_note: "这些数字按文件里保存的日期 {} 计算（{} 天前）：逾期天数、还款日和罚息都以那天为准。",
    as_of_today: "改为按今天计算（之后请核对余额和逾期天数）",
    edit: "修改",
    done: "收起",
    details: "详情",
    vs_contract: "与原合同相比",
    pays_more: "多付",
    pays_less: "少付",
    same_as_contract: "与合同相同",
    glossary_heading: "术语说明",
    lazy_loading: "正在载入…",
    lazy_failed: "这一部分没能载入（可能没有网络）。联网后再试一次。",
    lazy_retry: "重试",
    cannot_compute: "无法计算",
    error_overflow: "数字太大，超出可计算的范围。",
    error_no_rate_of_return: "这组还款算不出年化利率（费用是否几乎等于本金？）。",
    error_rate_check_implausible: "App 显示的月供对应的利率不合理，请核对输入的月供。",
    error_input: "这一项无法计算。",
    penalty_since_today: "其中今天起的罚息",
    budget_all_fit: "未来12个月每月都在预算内",
    budget_first_miss: "第 {} 个月超出预算：要还 {}",
    budget_peak: "最紧的是第 {} 个月：要还 {}",
    largest_month: "还款最多的一个月",
    largest_month_sub: "第 {} 个月；最少的月份 {}",
    dti_largest: "负债收入比（按还款最多的月份）",
    months_table: "未来 12 个月逐月",
    col_month: "月份",
    col_due: "应还",
    col_available: "可用",
    col_margin: "余量",
    month_n: "第 {} 月",
    maturity_kept: "到期日不变",
    maturity_extended: "到期日顺延",
    penalty_waived: "请求免除的罚息",
    within_12_months: "（12个月内）",
    vs_nothing: "比什么都不做",
    waiver_counted: "（含请求免除的罚息 {}，需贷款方同意）",
    chart_legend_balance: "剩余本金",
    overdue_days_line: "已逾期 {} 天",
    live_fits: "推荐方案每月都够还",
    live_short: "推荐方案有月份不够还",
};

pub const PAGE_EN: PageText = PageText {
    nav_label: "Sections",
    nav: ["Summary", "Loans", "Budget", "Results", "Where you stand", "Proposals", "Negotiation kit", "Road to debt-free", "Glossary", "Drafts"],
    summary_heading: "Summary: what you can pay and what to ask",
    can_pay: "You can pay",
    waiting_adds: "Each 30 days of waiting adds",
    per_30_days: " (penalty and interest due)",
    waiting_penalty: ", of which new penalty {}",
    forecast_dates: "Month 1 starts {} (the earliest due date), month 12 {}: enter each month's income in this order.",
    forecast_use: "What are these months used for?",
    example_loan: "{} holds the example's figures and has not been changed: change it to your own loan or remove it.",
    chart_now: "Now",
    plan_acceptance: "Most likely accepted",
    plan_lowest_cost: "Lowest cost to you",
    plan_both: "Most likely accepted, and the lowest cost to you",
    plan_fits: "Fits every month of the next 12",
    plan_short: "Months that fall short:",
    plan_pending: "Once the loans and budget are filled in, a plan across your lenders appears here.",
    plan_from: " a month from {}",
    plan_from_each: " a month, each lender from its own due date (the first {})",
    plan_monthly: " a month",
    plan_paused: " (after {} with nothing to pay)",
    plan_balance_rises: " (some months pay less than the interest: the debt grows then)",
    plan_card_over_five_years: " (over 5 years: a card's personalised instalments run at most 5 years, so the bank may refuse)",
    failing_line: "{}: {} due, {} available, short {}",
    failing_range: "Months {}–{}{}, {} of them",
    failing_range_line: "{}: the tightest month has {} due, {} available, short {}",
    failing_deficit: "{} (income is {} below expenses this month)",
    failing_deficit_run: "{} (income {} below expenses)",
    plan_closest: "Closest to your budget: some months are still short",
    plan_closest_note: "No combination fits every month. Under each lender's proposals, those marked \"within budget\" are sized to that lender's share of your money: you can choose them in the negotiation kit, or cut costs or raise income and try again.",
    plan_estimated: " (some dates are estimated from today: enter each loan's next due date)",
    to_letter: "Write to the lenders →",
    as_of_note: "These figures are as of {}, the date saved in this file ({} days ago): days overdue, due dates and penalty count from then.",
    as_of_today: "Use today instead (then check the balance and days overdue)",
    edit: "Edit",
    done: "Done",
    details: "Details",
    vs_contract: "Vs the contract",
    pays_more: "costs more:",
    pays_less: "saves",
    same_as_contract: "same as the contract",
    glossary_heading: "Glossary",
    lazy_loading: "Loading…",
    lazy_failed: "This part could not be loaded (no connection?). Try again once you are online.",
    lazy_retry: "Try again",
    cannot_compute: "Cannot be computed",
    error_overflow: "The numbers are too large to compute.",
    error_no_rate_of_return: "No annual rate fits these payments (is the fee almost the whole principal?).",
    error_rate_check_implausible: "The app's payment implies an implausible rate: check the payment you typed.",
    error_input: "This figure cannot be computed.",
    penalty_since_today: "New penalty",
    budget_all_fit: "Within budget every month for the next 12",
    budget_first_miss: "Month {} is over budget: {} due",
    budget_peak: "Tightest month: {} with {} due",
    largest_month: "Largest month's payments",
    largest_month_sub: "month {}; the smallest month {}",
    dti_largest: "Debt-to-income (largest month)",
    months_table: "The next 12 months",
    col_month: "Month",
    col_due: "Due",
    col_available: "Available",
    col_margin: "Margin",
    month_n: "Month {}",
    maturity_kept: "same maturity",
    maturity_extended: "maturity extended",
    penalty_waived: "Penalty waived",
    within_12_months: " (12 months)",
    vs_nothing: "Against doing nothing",
    waiver_counted: " (counts the {} penalty waiver asked, if the lender agrees)",
    chart_legend_balance: "Balance",
    overdue_days_line: "{} days overdue",
    live_fits: "the recommended plan fits every month",
    live_short: "the recommended plan is short in some months",
};

impl Lang {
    /// Why a figure could not be computed.
    pub fn figure_error(self, reason: FigureReason) -> &'static str {
        let p = self.page();
        match reason {
            FigureReason::Overflow => p.error_overflow,
            FigureReason::NoRateOfReturn => p.error_no_rate_of_return,
            FigureReason::RateCheckImplausible => p.error_rate_check_implausible,
            FigureReason::Input => p.error_input,
        }
    }

    /// "多付 ¥20,542.34" / "少付 ¥1,200.00": a proposal against the contract.
    pub fn vs_contract(self, saving: Decimal) -> String {
        let p = self.page();
        if saving.is_zero() {
            return p.same_as_contract.to_owned();
        }
        let word = if saving.is_sign_negative() { p.pays_more } else { p.pays_less };
        format!("{word} {}", money(saving.abs()))
    }

    /// The 12-month budget line: all fit, or the first month that does not.
    pub fn budget_months(self, fits: bool, month: u32, due: Decimal) -> String {
        let p = self.page();
        let m = month.to_string();
        if fits {
            format!("{}{DOT}{}", p.budget_all_fit, fill(p.budget_peak, &[&m, &money(due)]))
        } else {
            fill(p.budget_first_miss, &[&m, &money(due)])
        }
    }

    /// "¥60,000.00 · 日 0.05% · 10 个月 · 已逾期 38 天": a folded loan.
    pub fn loan_line(self, l: &crate::present::LoanLine) -> String {
        let [d, m, y] = self.rate_forms();
        let unit = match l.unit {
            crate::engine::RateUnit::DailyPercent => d,
            crate::engine::RateUnit::MonthlyPercent => m,
            crate::engine::RateUnit::AnnualPercent => y,
        };
        let mut s = format!("{}{DOT}{unit} {}{DOT}{}", money(l.principal), rate_percent(l.rate), self.count(crate::scenario::field::Unit::Months, l.months));
        if l.days_overdue > 0 {
            s.push_str(DOT);
            s.push_str(&fill(self.page().overdue_days_line, &[&l.days_overdue.to_string()]));
        }
        s
    }

    /// "网商贷 ¥1,200.00 · 借呗 ¥547.01 每月，从 2025-03-18 起".
    pub fn plan_line(self, plan: &crate::present::PlanLine) -> String {
        let parts: Vec<String> = plan
            .picks
            .iter()
            .map(|p| {
                let pause = if p.paused_months == 0 { String::new() } else { fill(self.page().plan_paused, &[&self.count(crate::scenario::field::Unit::Months, p.paused_months)]) };
                format!("{} {}{pause}", self.pick_name(p), self.plan_payment(p.payment))
            })
            .collect();
        let when = match plan.from {
            Some(d) => fill(if plan.each { self.page().plan_from_each } else { self.page().plan_from }, &[&d.to_string()]),
            None => self.page().plan_monthly.to_owned(),
        };
        let estimated = if plan.estimated && plan.from.is_some() { self.page().plan_estimated } else { "" };
        format!("{}{when}{estimated}", parts.join(DOT))
    }

    /// "网商贷：停息分期 44 个月 · 借呗：按原合同还款 12 个月": what each lender is asked.
    pub fn plan_asks(self, plan: &crate::present::PlanLine) -> String {
        let colon = self.text().colon;
        let parts: Vec<String> = plan
            .picks
            .iter()
            .map(|p| {
                let rises = if p.balance_rises { self.page().plan_balance_rises } else { "" };
                let long = if p.lender == crate::engine::Lender::CreditCard && p.months > crate::engine::lender::CARD_INSTALMENTS_MAX_MONTHS { self.page().plan_card_over_five_years } else { "" };
                format!("{}{colon}{} {}{rises}{long}", self.pick_name(p), self.proposal_kind(p.kind), self.count(crate::scenario::field::Unit::Months, p.months))
            })
            .collect();
        parts.join(DOT)
    }

    /// "第 3 月（2025-05-18）：要还 ¥X，可用 ¥Y，差 ¥Z".
    pub fn failing_line(self, f: &crate::engine::plan::Failing) -> String {
        let p = self.page();
        let available = if f.available.is_sign_negative() {
            let words = if f.through.is_some() { p.failing_deficit_run } else { p.failing_deficit };
            fill(words, &[&money(Decimal::ZERO), &money(-f.available)])
        } else {
            money(f.available)
        };
        let Some(t) = f.through else {
            let mut month = self.month_n(f.month);
            if let Some(d) = f.date {
                month.push_str(&fill(self.text().in_brackets, &[&d.to_string()]));
            }
            return fill(p.failing_line, &[&month, &money(f.due), &available, &money(f.short)]);
        };
        let dates = match (f.date, t.date) {
            (Some(a), Some(b)) => fill(self.text().in_brackets, &[&format!("{a} – {b}")]),
            _ => String::new(),
        };
        let months = fill(p.failing_range, &[&f.month.to_string(), &t.month.to_string(), &dates, &t.count.to_string()]);
        fill(p.failing_range_line, &[&months, &money(f.due), &available, &money(f.short)])
    }

    /// Who a plan's pick is for in the summary: the borrower's label, or the
    /// lender's short name.
    fn pick_name(self, p: &crate::present::PickLine) -> &str {
        if p.name.is_empty() { self.lender_short(p.lender) } else { &p.name }
    }

    /// A lender's name short enough for a summary line at 375 px.
    pub fn lender_short(self, l: crate::engine::Lender) -> &'static str {
        self.words().names.lender_short[l as usize]
    }

    /// "第 3 月" / "Month 3".
    pub fn month_n(self, month: u32) -> String {
        fill(self.page().month_n, &[&month.to_string()])
    }

    /// "9 个方案，3 个在预算内".
    pub fn proposals_count(self, all: usize, fit: usize) -> String {
        fill(self.below().proposals_count, &[&all.to_string(), &fit.to_string()])
    }

    /// "现在欠 ¥93,800.00 · 再拖 30 天多 ¥2,400.00".
    pub fn stand_line(self, owed: Decimal, adds: Decimal) -> String {
        fill(self.below().stand_line, &[&money(owed), &money(adds)])
    }

    /// The one line the live region announces.
    pub fn live_line(self, can_pay: &str, fits: Option<bool>) -> String {
        let p = self.page();
        let verdict = match fits {
            Some(true) => p.live_fits,
            Some(false) => p.live_short,
            None => "",
        };
        format!("{} {can_pay}{}{verdict}", p.can_pay, if verdict.is_empty() { "" } else { DOT })
    }
}

/// The words only the sections below the results draw (where you stand,
/// the proposals, the glossary): read by the `step_below` chunk's code
/// alone, so their strings are not the main wasm's (issue 13: the critical
/// path): the Chinese ones are that chunk's data, the English ones come
/// with the English [`Words`](super::Words) (`Lang::below`), so a first
/// visit fetches one language's. A word the main wasm also draws stays in
/// [`Text`] or [`PageText`].
pub struct BelowText {
    pub token_text: &'static str,
    pub proposals_count: &'static str,
    pub stand_line: &'static str,
    pub allocation_intro: &'static str,
    /// The fold around the split's notes (the intro, the usual month).
    pub allocation_how: &'static str,
    /// Under the split when a forecast is given: it is of the usual month
    /// (review F13: the summary's range and this figure read as two answers).
    pub allocation_flat: &'static str,
    pub explain_saving_nothing: &'static str,
    pub court_note: &'static str,
    pub apr_explain: &'static str,
    pub proposals_intro: &'static str,
    pub rate_check_warning: &'static str,
    pub explain_pv: &'static str,
    pub explain_owed_now: &'static str,
    pub explain_penalty_rate: &'static str,
    pub explain_penalty_so_far: &'static str,
    /// Days overdue without the amounts: the penalty cannot be estimated
    /// (review w14 R16: "估计已产生罚息 ¥0.00" after 75 days). "{}": days.
    pub no_arrears: &'static str,
    /// Beside it, the estimate to fill in (review w14 R16): "{}": the
    /// instalments, their principal and interest; then the button's words.
    pub arrears_estimate: &'static str,
    pub fill_arrears: &'static str,
    pub explain_owed_after: &'static str,
    pub dti_explain: &'static str,
    pub explain_saving_contract: &'static str,
    pub disposable_explain: &'static str,
    pub explain_apr_effective: &'static str,
    pub explain_discount: &'static str,
    pub explain_payment: &'static str,
    pub no_proposals: &'static str,
    pub explain_contract_total: &'static str,
    pub explain_total_interest: &'static str,
    pub explain_recovered: &'static str,
    pub explain_total_paid: &'static str,
    pub timeline_heading: &'static str,
    pub allocation_heading: &'static str,
    pub explain_months: &'static str,
    pub explain_contract_payment: &'static str,
    pub explain_contract_interest: &'static str,
    pub explain_days_overdue: &'static str,
    pub rate_check_ok: &'static str,
    pub token_heading: &'static str,
    pub why_not: &'static str,
    pub quoted_rate: &'static str,
    pub rate_check_heading: &'static str,
    pub monthly_margin: &'static str,
    pub over_budget: &'static str,
    /// A plan whose balance rises (a month pays less than its interest;
    /// review w14 R18: the engine knew, no part said).
    pub balance_rises: &'static str,
    pub true_rate: &'static str,
    pub horizon_days: &'static str,
    pub pv_explained: &'static str,
    pub glossary_intro: &'static str,
    pub court_apr_above: &'static str,
    pub court_penalty_above: &'static str,
    pub more_strategies: &'static str,
    pub share_minimum: &'static str,
    pub increase_from_today: &'static str,
    pub none_fit: &'static str,
    pub implied_rate: &'static str,
    pub expected_rate: &'static str,
    pub for_lender: &'static str,
    pub contract_expects: &'static str,
    pub app_shows: &'static str,
    pub best_fit: &'static str,
}

pub const BELOW_ZH: BelowText = BelowText {
    token_text: "每月向每家贷款方支付象征性金额，请求暂停催收、停止计息，并约定复查时间。",
    proposals_count: "{} 个方案，{} 个在预算内",
    stand_line: "现在欠 {} · 再拖 30 天多 {}",
    allocation_intro: "按欠款比例分配（公平份额）是债务协商中最常见的做法；也可以先还利率最高的（雪崩法）或余额最小的（雪球法），但每笔借款都保留最低还款。",
    allocation_flat: "这里按平常月份（收支里的月收入）分配；填了逐月预测时，各月能还多少见概览的“每月能还”和组合方案。",
    explain_saving_nothing: "按 12 个月比较：今后 12 个月的还款加 12 个月后仍欠的钱，比一直不还、欠款按罚息增长 12 个月后少多少。",
    court_note: "法院在金融借款纠纷中通常会调减逾期费用的超出部分（仅供参考，不构成法律意见）。",
    apr_explain: "按内部收益率（IRR）法计算的全部借款成本，与人民银行要求展示的年化利率口径一致。",
    proposals_intro: "按是否符合预算、再按贷款方能收回的现值排序。每个方案都可以展开查看完整还款计划。",
    rate_check_warning: "App 月供对应的真实年化比报价高出 0.5 个百分点以上，可能有隐藏费用，请向贷款方核实。",
    explain_pv: "把每期还款按合同利率折现后的总和：贷款方眼中这个方案值多少钱，是协商时最有力的理由。",
    explain_owed_now: "剩余本金加上已逾期的本金和利息，不含罚息（方案都会请求免除罚息）。",
    explain_penalty_rate: "合同利率乘以罚息倍数；这是常见做法的假设，请以合同为准。",
    explain_penalty_so_far: "按今天的逾期金额 × 罚息利率 × 逾期天数估算，是上限估计。",
    no_arrears: "已逾期 {} 天，但没有填写逾期本金和利息：下面的罚息按 ¥0 计算，实际会更多。请在这笔借款的“逾期”里填写 App 显示的逾期金额。",
    arrears_estimate: "按合同估算：约 {} 期未还，本金 {}、利息 {}（以 App 显示为准）。",
    fill_arrears: "填入这个估算",
    explain_owed_after: "如果从今天起一直不还，到那天一共欠多少（含罚息）。",
    dti_explain: "每月还款 ÷ 每月净收入。超过 50% 通常难以持续。",
    explain_saving_contract: "与按原合同继续还相比少付的钱（负数表示多付）。",
    disposable_explain: "净收入 − 必要开支 − 其他固定支出 − 安全垫。",
    explain_apr_effective: "把按月复利计算在内的年化利率：(1 + 月 IRR)^12 − 1。",
    explain_discount: "一次性结清时请求减免的金额及占欠款的比例。",
    explain_payment: "第一个月要还的金额；方案内月供不同时另列范围。",
    no_proposals: "填写有效的借款和收支后，这里会列出方案。",
    explain_contract_total: "按合同还完一共要付的钱：本金加利息。",
    explain_total_interest: "总还款减去本金：利息和各种费用。",
    explain_recovered: "贷款方最终收回的本金占欠款本金的比例。",
    explain_total_paid: "按这个方案一共要付给贷款方的钱。",
    timeline_heading: "通常会发生什么（典型情况，并非一定）",
    allocation_heading: "多笔借款：每月可还金额如何分配",
    explain_months: "按这个方案还清需要的月数。",
    explain_contract_payment: "按现在的合同，每月要还的金额。",
    explain_contract_interest: "按合同还完一共要付的利息。",
    explain_days_overdue: "从第一次没按时还款算起的天数。",
    rate_check_ok: "App 月供与报价利率一致。",
    token_heading: "目前没有结余：象征性还款",
    why_not: "为什么不可行",
    quoted_rate: "报价年化",
    rate_check_heading: "利率核查",
    monthly_margin: "每月余量",
    over_budget: "超出预算",
    balance_rises: "有些月份付得比利息少：没付的利息计入本金，这些月份欠款会增加（见还款计划的剩余本金）。",
    true_rate: "真实年化",
    horizon_days: "天后",
    pv_explained: "按合同利率折现：贷款方眼中这个方案今天值多少钱。",
    glossary_intro: "页面上每个数字的含义（点数字的名称也会打开这里）",
    court_apr_above: "含费用的真实年化超过 24%。",
    court_penalty_above: "罚息利率折合年化超过 24%。",
    more_strategies: "其他分法（雪崩法、雪球法）",
    allocation_how: "怎么分的？",
    share_minimum: "本期月供＋逾期欠款",
    increase_from_today: "比现在多（从今天起新增）",
    none_fit: "没有一个在预算内",
    implied_rate: "App 月供对应年化",
    expected_rate: "合同对应年化",
    for_lender: "给贷款机构看",
    contract_expects: "按合同应为",
    app_shows: "App 显示",
    best_fit: "最好的：",
};

pub const BELOW_EN: BelowText = BelowText {
    token_text: "Pay each lender a token amount each month, ask them to hold action and freeze interest, and agree a review date.",
    proposals_count: "{} proposals, {} within budget",
    stand_line: "Owed now {} · 30 more days add {}",
    allocation_intro: "Splitting pro rata to balance (the fair share) is the usual basis for a negotiated plan; highest rate first (avalanche) or smallest balance first (snowball) keep every lender's minimum.",
    allocation_flat: "This split is of a usual month (the budget's monthly income); with a month-by-month forecast, what each month can pay is in the summary's \"You can pay\" and its plans.",
    explain_saving_nothing: "A 12-month comparison: the next 12 payments plus what is still owed after them, against what 12 months of paying nothing would leave owed with penalty interest.",
    court_note: "Courts tend to reduce overdue charges beyond that in financial-loan disputes (context, not legal advice).",
    apr_explain: "All borrowing costs as an annual rate by the internal-rate-of-return method, as the People's Bank of China requires lenders to show.",
    proposals_intro: "Ranked by whether they fit your budget, then by what the lender recovers in present value. Open any one for its full schedule.",
    rate_check_warning: "The app's payment implies a true APR more than 0.5 point above the quoted rate: there may be hidden fees — ask the lender.",
    explain_pv: "The payments discounted at the contract rate: what the plan is worth to the lender — your strongest argument.",
    explain_owed_now: "Remaining principal plus overdue principal and interest, penalties excluded (every proposal asks for them to be waived).",
    explain_penalty_rate: "Contract rate × the penalty multiplier — a typical assumption; check your contract.",
    explain_penalty_so_far: "Today's overdue amount × penalty rate × days overdue: an upper estimate.",
    no_arrears: "{} days overdue, but no overdue principal or interest entered: the penalty below counts ¥0 and will really be more. Enter the overdue amounts your lender's app shows under this loan's \"overdue\" part.",
    arrears_estimate: "From the contract: about {} instalments missed, principal {}, interest {} (your app's figures prevail).",
    fill_arrears: "Fill in this estimate",
    explain_owed_after: "What you would owe by then if nothing is paid from today (penalty included).",
    dti_explain: "Monthly debt payments ÷ net monthly income. Above 50% is rarely sustainable.",
    explain_saving_contract: "How much less than the current contract you would pay (negative: more).",
    disposable_explain: "Net income − essential expenses − other obligations − safety buffer.",
    explain_apr_effective: "The annual rate with monthly compounding: (1 + monthly IRR)^12 − 1.",
    explain_discount: "The reduction a settlement asks for, and its share of what is owed.",
    explain_payment: "The first month's payment; a range is shown when it varies.",
    no_proposals: "Proposals appear here once the loans and budget are valid.",
    explain_contract_total: "Everything paid under the contract: principal plus interest.",
    explain_total_interest: "Total paid minus the amount financed: interest and fees.",
    explain_recovered: "Share of the principal the lender gets back.",
    explain_total_paid: "Everything you would pay the lender under this plan.",
    timeline_heading: "What typically happens (typical, not certain)",
    allocation_heading: "Several lenders: how to split what you can pay",
    explain_months: "Months until the debt is cleared under this plan.",
    explain_contract_payment: "What the current contract asks each month.",
    explain_contract_interest: "Interest paid over the rest of the contract.",
    explain_days_overdue: "Days since the first missed due date.",
    rate_check_ok: "The app's payment matches the quoted rate.",
    token_heading: "Nothing left over: token payments",
    why_not: "Why this cannot work",
    quoted_rate: "Quoted annual rate",
    rate_check_heading: "Rate detective",
    monthly_margin: "margin",
    over_budget: "Over budget",
    balance_rises: "Some months pay less than the interest: the unpaid interest is added to the principal, so the debt grows in those months (see the schedule's remaining balance).",
    true_rate: "True APR",
    horizon_days: "Days from now",
    pv_explained: "Discounted at the contract rate: what the plan is worth to the lender today.",
    glossary_intro: "What each figure means (tapping a figure's name opens it too)",
    court_apr_above: "The true APR with fees is above 24% a year.",
    court_penalty_above: "The penalty rate is above 24% a year.",
    more_strategies: "Other splits (avalanche, snowball)",
    allocation_how: "How is it split?",
    share_minimum: "this month's instalment + arrears",
    increase_from_today: "Added from today",
    none_fit: "none within budget",
    implied_rate: "App payment's rate",
    expected_rate: "contract's rate",
    for_lender: "For the lender",
    contract_expects: "contract says",
    app_shows: "App shows",
    best_fit: "Best: ",
};

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::Lender;
    use crate::scenario::Scenario;

    #[test]
    fn each_language_its_words_below() {
        // The English ones come with the English `Words`, the Chinese ones stand alone (`Words::below`).
        assert_eq!((Lang::En.below().best_fit, Lang::En.below().glossary_intro), (BELOW_EN.best_fit, BELOW_EN.glossary_intro));
        assert_eq!((Lang::Zh.below().best_fit, Lang::Zh.below().glossary_intro), (BELOW_ZH.best_fit, BELOW_ZH.glossary_intro));
        assert_ne!(Lang::En.below().best_fit, Lang::Zh.below().best_fit);
    }

    #[test]
    fn titles_and_lines() {
        assert_eq!(Lang::Zh.loan_title(LoanTitle::new(1, Lender::Jiebei, "")), "借款 2 · 借呗");
        assert_eq!(Lang::En.loan_title(LoanTitle::new(0, Lender::Other, " ")), "Loan 1 · Other");
        // Review w15 R2: three cards must not all read "信用卡".
        assert_eq!(Lang::Zh.loan_title(LoanTitle::new(2, Lender::CreditCard, " 广发银行信用卡中心 ")), "借款 3 · 广发银行信用卡中心");
        let d = |s: &str| s.parse::<Decimal>().unwrap();
        assert_eq!(Lang::Zh.rate_equivalents([d("0.05"), d("1.5"), d("18")]), "折合 日 0.05% · 月 1.5% · 年化 18%");
        assert_eq!(Lang::Zh.penalty_rate(d("0.075"), d("27")), "0.075% (≈ 27.00% / 年化)");
        assert_eq!(Lang::Zh.chart_label(d("100000"), 12), "剩余本金走势: ¥100,000.00 → ¥0.00, 12 个月");
        assert_eq!(Lang::Zh.schedule_summary(12), "还款计划 (12 个月)");
        assert_eq!(Lang::Zh.plan_payment(PlanPayment::Range(d("1200"), d("16500"))), "¥1,200.00 – ¥16,500.00");
        assert_eq!(Lang::Zh.amount_and_share(d("43800"), Some(d("46.7"))), "¥43,800.00 (46.70%)");
        assert_eq!(Lang::Zh.maybe_percent(None), "—");
    }

    #[test]
    fn failing_lines_say_a_deficit_and_a_run_of_later_months() {
        use crate::engine::plan::{Failing, Through};
        let d = |s: &str| s.parse::<Decimal>().unwrap();
        let date = |s: &str| crate::engine::Date::parse(s).unwrap();
        let month = Failing { month: 3, date: Some(date("2027-02-16")), through: None, due: d("4999.99"), available: d("-3800"), short: d("4999.99") };
        assert_eq!(Lang::Zh.failing_line(&month), "第 3 月（2027-02-16）：要还 ¥4,999.99，可用 ¥0.00（这个月收入比开支少 ¥3,800.00），差 ¥4,999.99");
        let later = Failing {
            month: 13,
            date: Some(date("2027-12-16")),
            through: Some(Through { month: 60, date: Some(date("2031-11-16")), count: 48 }),
            due: d("5000.59"),
            available: d("4300"),
            short: d("700.59"),
        };
        assert_eq!(Lang::Zh.failing_line(&later), "第 13–60 月（2027-12-16 – 2031-11-16），共 48 个月：最紧的一个月要还 ¥5,000.59，可用 ¥4,300.00，差 ¥700.59");
        assert_eq!(
            Lang::En.failing_line(&later),
            "Months 13–60 (2027-12-16 – 2031-11-16), 48 of them: the tightest month has ¥5,000.59 due, ¥4,300.00 available, short ¥700.59"
        );
    }

    #[test]
    fn timeline_entries_in_both_languages() {
        use crate::engine::Milestone;
        let e = TimelineEvent { day: 90, key: Milestone::LawyerLetterSuitLikely, reached: false, in_days: 45 };
        assert_eq!(Lang::Zh.timeline_when(&e), "逾期第 90 天 · 45 天后：");
        assert_eq!(Lang::En.timeline_when(&e), "Day 90 · in 45 days: ");
        let r = TimelineEvent { reached: true, in_days: 0, ..e };
        assert_eq!(Lang::Zh.timeline_when(&r), "逾期第 90 天 · 已到：");
    }

    #[test]
    fn recovered_drafts_are_described_by_their_loans() {
        let mut s = Scenario::example();
        assert_eq!(Lang::Zh.describe(&s), "网商贷");
        s.loans.push(Scenario::new_loan("b", Lender::Jiebei));
        assert_eq!(Lang::Zh.describe(&s), "网商贷、借呗");
        assert_eq!(Lang::En.describe(&s), "MYbank (网商贷), Jiebei (借呗)");
        s.loans[1].name = "借呗 2024".into();
        assert_eq!(Lang::Zh.describe(&s), "借呗 2024");
    }

    #[test]
    fn every_reason_a_figure_failed_has_its_own_words_in_both_languages() {
        use crate::engine::{EngineError, PrepayError, RateCheckError};
        let all = [FigureReason::Overflow, FigureReason::NoRateOfReturn, FigureReason::RateCheckImplausible, FigureReason::Input];
        for lang in [Lang::Zh, Lang::En] {
            let words: std::collections::BTreeSet<&str> = all.iter().map(|r| lang.figure_error(*r)).collect();
            assert_eq!(words.len(), all.len(), "{lang:?}: each reason is worded apart");
        }
        assert_eq!(Lang::En.figure_error(FigureReason::Input), "This figure cannot be computed.");
        // Where each engine error lands (the nested ones through their inner error).
        assert_eq!(FigureReason::from(&EngineError::Overflow), FigureReason::Overflow);
        assert_eq!(FigureReason::from(&EngineError::NoRateOfReturn), FigureReason::NoRateOfReturn);
        assert_eq!(FigureReason::from(&EngineError::PrincipalTooLarge), FigureReason::Input);
        assert_eq!(FigureReason::from(&RateCheckError::Implausible), FigureReason::RateCheckImplausible);
        assert_eq!(FigureReason::from(&RateCheckError::Input(EngineError::Overflow)), FigureReason::Overflow);
        assert_eq!(FigureReason::from(&PrepayError::Contract(EngineError::NoRateOfReturn)), FigureReason::NoRateOfReturn);
        assert_eq!(FigureReason::from(&PrepayError::FeePercentOutOfRange), FigureReason::Input);
    }
}
