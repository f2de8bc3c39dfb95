//! Sentences the page builds from figures: titles, payment labels, the
//! rate line, timeline entries, proposal titles, amounts with shares. Every
//! visible piece of text the components show comes from here or from
//! [`super::Text`]; components add no words and no punctuation of their own.

use super::{fill, money, percent, rate_percent, Lang};
use crate::engine::overdue::TimelineEvent;
use crate::engine::{Proposal, ProposalKind};
use crate::present::{LoanTitle, PaymentLabel, PlanPayment};
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
}
