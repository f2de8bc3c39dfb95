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
    /// "借款 2 · 借呗".
    pub fn loan_title(self, t: LoanTitle) -> String {
        format!("{} {}{DOT}{}", self.text().loan_label, t.number, self.lender(t.lender))
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
            ProposalKind::CashFlowPlan | ProposalKind::Contract => {}
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
        format!("{} {} / {}{DOT}{review_months} {}", t.token_text, money(per_lender), t.per_month, t.months_unit)
    }

    /// A recovered draft's name from its content: its loans' labels, or lenders.
    pub fn describe(self, s: &crate::scenario::Scenario) -> String {
        let names: Vec<&str> = s.loans.iter().map(|l| l.name.trim()).filter(|n| !n.is_empty()).collect();
        let parts: Vec<&str> = if names.is_empty() { s.loans.iter().map(|l| self.lender(l.lender)).collect() } else { names };
        parts.join(self.pick(["、", ", "]))
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
    pub plan_acceptance: &'static str,
    pub plan_lowest_cost: &'static str,
    pub plan_fits: &'static str,
    pub plan_short: &'static str,
    pub plan_pending: &'static str,
    pub plan_from: &'static str,
    pub plan_monthly: &'static str,
    /// After a lender's amount: its first months have nothing to pay.
    pub plan_paused: &'static str,
    pub failing_line: &'static str,
    pub to_letter: &'static str,
    /// The document's own date is in the past: its date, days since.
    pub as_of_note: &'static str,
    pub as_of_today: &'static str,
    pub edit: &'static str,
    pub done: &'static str,
    pub details: &'static str,
    pub for_lender: &'static str,
    pub vs_contract: &'static str,
    pub pays_more: &'static str,
    pub pays_less: &'static str,
    pub same_as_contract: &'static str,
    pub glossary_heading: &'static str,
    pub glossary_intro: &'static str,
    /// A section whose code is fetched on first open (`ui::lazy`).
    pub lazy_loading: &'static str,
    pub lazy_failed: &'static str,
    pub lazy_retry: &'static str,
    pub cannot_compute: &'static str,
    pub error_overflow: &'static str,
    pub error_no_rate_of_return: &'static str,
    pub error_rate_check_implausible: &'static str,
    pub error_input: &'static str,
    pub increase_from_today: &'static str,
    pub penalty_since_today: &'static str,
    pub court_penalty_above: &'static str,
    pub court_apr_above: &'static str,
    pub app_shows: &'static str,
    pub contract_expects: &'static str,
    pub implied_rate: &'static str,
    pub expected_rate: &'static str,
    pub budget_all_fit: &'static str,
    pub budget_first_miss: &'static str,
    pub budget_peak: &'static str,
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
    pub pv_explained: &'static str,
    pub share_minimum: &'static str,
    pub loan_share: &'static str,
    pub by_balance: &'static str,
    pub proposals_count: &'static str,
    pub best_fit: &'static str,
    pub none_fit: &'static str,
    pub more_strategies: &'static str,
    pub chart_legend_balance: &'static str,
    pub chart_axis_month: &'static str,
    pub stand_line: &'static str,
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
    plan_acceptance: "最可能被接受",
    plan_lowest_cost: "对你成本最低",
    plan_fits: "未来 12 个月每月都够还",
    plan_short: "这些月份不够还：",
    plan_pending: "填好借款和收支后，这里给出跨贷款方的还款方案。",
    plan_from: " 每月，从 {} 起",
    plan_monthly: " 每月",
    plan_paused: "（先停 {}）",
    failing_line: "{}：要还 {}，可用 {}，差 {}",
    to_letter: "去写协商信 →",
    as_of_note: "这些数字按文件里保存的日期 {} 计算（{} 天前）：逾期天数、还款日和罚息都以那天为准。",
    as_of_today: "改为按今天计算（之后请核对余额和逾期天数）",
    edit: "修改",
    done: "收起",
    details: "详情",
    for_lender: "给贷款机构看",
    vs_contract: "与原合同相比",
    pays_more: "多付",
    pays_less: "少付",
    same_as_contract: "与合同相同",
    glossary_heading: "术语说明",
    glossary_intro: "页面上每个数字的含义（点数字的名称也会打开这里）",
    lazy_loading: "正在载入…",
    lazy_failed: "这一部分没能载入（可能没有网络）。联网后再试一次。",
    lazy_retry: "重试",
    cannot_compute: "无法计算",
    error_overflow: "数字太大，超出可计算的范围。",
    error_no_rate_of_return: "这组还款算不出年化利率（费用是否几乎等于本金？）。",
    error_rate_check_implausible: "App 显示的月供对应的利率不合理，请核对输入的月供。",
    error_input: "这一项无法计算。",
    increase_from_today: "比现在多（从今天起新增）",
    penalty_since_today: "其中今天起的罚息",
    court_penalty_above: "罚息利率折合年化超过 24%。",
    court_apr_above: "含费用的真实年化超过 24%。",
    app_shows: "App 显示",
    contract_expects: "按合同应为",
    implied_rate: "App 月供对应年化",
    expected_rate: "合同对应年化",
    budget_all_fit: "未来12个月每月都在预算内",
    budget_first_miss: "第 {} 个月超出预算：要还 {}",
    budget_peak: "最紧的是第 {} 个月：要还 {}",
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
    pv_explained: "按合同利率折现：贷款方眼中这个方案今天值多少钱。",
    share_minimum: "本期月供＋逾期欠款",
    loan_share: "这笔贷款分到 {}，占 {} 的 {}，按余额",
    by_balance: "按余额",
    proposals_count: "{} 个方案，{} 个在预算内",
    best_fit: "最好的：",
    none_fit: "没有一个在预算内",
    more_strategies: "其他分法（雪崩法、雪球法）",
    chart_legend_balance: "剩余本金",
    chart_axis_month: "月",
    stand_line: "现在欠 {} · 再拖 30 天多 {}",
    overdue_days_line: "已逾期 {} 天",
    live_fits: "在预算内",
    live_short: "超出预算",
};

pub const PAGE_EN: PageText = PageText {
    nav_label: "Sections",
    nav: ["Summary", "Loans", "Budget", "Results", "Now", "Proposals", "Letters", "Payoff", "Glossary", "Drafts"],
    summary_heading: "Summary: what you can pay and what to ask",
    can_pay: "You can pay",
    waiting_adds: "Each 30 days of waiting adds",
    per_30_days: " (penalty and interest due)",
    plan_acceptance: "Most likely accepted",
    plan_lowest_cost: "Lowest cost to you",
    plan_fits: "Fits every month of the next 12",
    plan_short: "Short in:",
    plan_pending: "Once the loans and budget are filled in, a plan across your lenders appears here.",
    plan_from: " a month from {}",
    plan_monthly: " a month",
    plan_paused: " (after {} with nothing to pay)",
    failing_line: "{}: {} due, {} available, short {}",
    to_letter: "Write to the lenders →",
    as_of_note: "These figures are as of {}, the date saved in this file ({} days ago): days overdue, due dates and penalty count from then.",
    as_of_today: "Use today instead (then check the balance and days overdue)",
    edit: "Edit",
    done: "Done",
    details: "Details",
    for_lender: "For the lender",
    vs_contract: "Vs the contract",
    pays_more: "costs more:",
    pays_less: "saves",
    same_as_contract: "same as the contract",
    glossary_heading: "Glossary",
    glossary_intro: "What each figure means (tapping a figure's name opens it too)",
    lazy_loading: "Loading…",
    lazy_failed: "This part could not be loaded (no connection?). Try again once you are online.",
    lazy_retry: "Try again",
    cannot_compute: "Cannot be computed",
    error_overflow: "The numbers are too large to compute.",
    error_no_rate_of_return: "No annual rate fits these payments (is the fee almost the whole principal?).",
    error_rate_check_implausible: "The app's payment implies an implausible rate: check the payment you typed.",
    error_input: "This figure cannot be computed.",
    increase_from_today: "Added from today",
    penalty_since_today: "New penalty",
    court_penalty_above: "The penalty rate is above 24% a year.",
    court_apr_above: "The true APR with fees is above 24% a year.",
    app_shows: "App shows",
    contract_expects: "contract says",
    implied_rate: "App payment's rate",
    expected_rate: "contract's rate",
    budget_all_fit: "Within budget every month for the next 12",
    budget_first_miss: "Month {} is over budget: {} due",
    budget_peak: "Tightest month: {} with {} due",
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
    pv_explained: "Discounted at the contract rate: what the plan is worth to the lender today.",
    share_minimum: "this month's instalment + arrears",
    loan_share: "This loan's share: {} of {} ({}), by balance",
    by_balance: "by balance",
    proposals_count: "{} proposals, {} within budget",
    best_fit: "Best: ",
    none_fit: "none within budget",
    more_strategies: "Other splits (avalanche, snowball)",
    chart_legend_balance: "Balance",
    chart_axis_month: "mo",
    stand_line: "Owed now {} · 30 more days add {}",
    overdue_days_line: "{} days overdue",
    live_fits: "within budget",
    live_short: "over budget",
};

impl Lang {
    /// The guided page's words.
    pub fn page(self) -> &'static PageText {
        self.pick([&PAGE_ZH, &PAGE_EN])
    }

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

    /// "这笔贷款分到 ¥286.64，占 ¥400.00 的 71.66%，按余额".
    pub fn loan_share(self, share: Decimal, of: Decimal, percent_of: Decimal) -> String {
        fill(self.page().loan_share, &[&money(share), &money(of), &percent(percent_of)])
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
                format!("{} {}{pause}", self.lender_short(p.lender), self.plan_payment(p.payment))
            })
            .collect();
        let when = match plan.from {
            Some(d) => fill(self.page().plan_from, &[&d.to_string()]),
            None => self.page().plan_monthly.to_owned(),
        };
        format!("{}{when}", parts.join(DOT))
    }

    /// "网商贷：停息分期 44 个月 · 借呗：按原合同还款 12 个月": what each lender is asked.
    pub fn plan_asks(self, plan: &crate::present::PlanLine) -> String {
        let colon = self.pick(["：", ": "]);
        let parts: Vec<String> = plan
            .picks
            .iter()
            .map(|p| format!("{}{colon}{} {}", self.lender_short(p.lender), self.proposal_kind(p.kind), self.count(crate::scenario::field::Unit::Months, p.months)))
            .collect();
        parts.join(DOT)
    }

    /// "第 3 月（2025-05-18）：要还 ¥X，可用 ¥Y，差 ¥Z".
    pub fn failing_line(self, f: &crate::engine::plan::Failing) -> String {
        let mut month = self.month_n(f.month);
        if let Some(d) = f.date {
            month.push_str(&fill(self.pick(["（{}）", " ({})"]), &[&d.to_string()]));
        }
        fill(self.page().failing_line, &[&month, &money(f.due), &money(f.available), &money(f.short)])
    }

    /// A lender's name short enough for a summary line at 375 px.
    pub fn lender_short(self, l: crate::engine::Lender) -> &'static str {
        use crate::engine::Lender::*;
        match (self, l) {
            (Self::En, Mybank) => "MYbank",
            (Self::En, Jiebei) => "Jiebei",
            (Self::En, Weilidai) => "Weilidai",
            (Self::En, BankCredit) => "Bank loan",
            _ => self.lender(l),
        }
    }

    /// "第 3 月" / "Month 3".
    pub fn month_n(self, month: u32) -> String {
        fill(self.page().month_n, &[&month.to_string()])
    }

    /// "9 个方案，3 个在预算内".
    pub fn proposals_count(self, all: usize, fit: usize) -> String {
        fill(self.page().proposals_count, &[&all.to_string(), &fit.to_string()])
    }

    /// "现在欠 ¥93,800.00 · 再拖 30 天多 ¥2,400.00".
    pub fn stand_line(self, owed: Decimal, adds: Decimal) -> String {
        fill(self.page().stand_line, &[&money(owed), &money(adds)])
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::Lender;
    use crate::scenario::Scenario;

    #[test]
    fn titles_and_lines() {
        assert_eq!(Lang::Zh.loan_title(LoanTitle { number: 2, lender: Lender::Jiebei }), "借款 2 · 借呗");
        assert_eq!(Lang::En.loan_title(LoanTitle { number: 1, lender: Lender::Other }), "Loan 1 · Other");
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
