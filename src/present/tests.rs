use super::*;
use crate::scenario::Scenario;
use std::str::FromStr;

const OVERDUE: &str = include_str!("../../tests/fixtures/proposals-mybank-overdue.json");
const THREE: &str = include_str!("../../tests/fixtures/proposals-three-lenders.json");

fn d(s: &str) -> Decimal {
    Decimal::from_str(s).unwrap()
}

fn evaluate(method: Method, months: u32) -> Evaluation {
    let mut s = Scenario::example();
    s.loans[0].rate.value = d("0.05");
    s.loans[0].method = method;
    s.loans[0].months = months;
    s.evaluate()
}

fn payments(method: Method, months: u32) -> LoanPayments {
    let e = evaluate(method, months);
    LoanPayments::of(method, e.loans[0].figures.as_ref().unwrap())
}

#[test]
fn the_headline_payment_follows_the_method() {
    // ¥100,000 at 1.5 % a month over 12 months.
    let p = payments(Method::EqualInstallment, 12);
    assert_eq!(p, LoanPayments { headline: Payment { label: PaymentLabel::Monthly, amount: d("9168.00") }, second: None });
    // 等额本金: P/n rounded to the fen (8,333.33) plus the first month's interest (issue 7).
    let p = payments(Method::EqualPrincipal, 12);
    assert_eq!(p.headline, Payment { label: PaymentLabel::First, amount: d("9833.33") });
    assert_eq!(p.second.map(|s| s.label), Some(PaymentLabel::Last));
    let p = payments(Method::InterestOnly, 12);
    assert_eq!(p.headline, Payment { label: PaymentLabel::Monthly, amount: d("1500.00") });
    assert_eq!(p.second, Some(Payment { label: PaymentLabel::Final, amount: d("101500.00") }));
    // 到期一次 over 12 months: nothing until the end, so the last is the headline.
    let p = payments(Method::Bullet, 12);
    assert_eq!(p.headline, Payment { label: PaymentLabel::Final, amount: d("118000.00") });
    assert_eq!(p.second, None);
    assert_eq!(payments(Method::Bullet, 1).headline.amount, d("101500.00"));
}

#[test]
fn a_plan_is_level_unless_it_really_varies() {
    let e = Scenario::from_json(OVERDUE).unwrap().evaluate();
    let figures = |kind: ProposalKind| e.proposals.iter().find(|p| p.kind == kind).and_then(|p| p.figures.as_ref()).unwrap();
    // Issue 9 sizes frozen instalments on the forecast, whose month 7 is a
    // deficit: that card is infeasible here. A 24-month extension varies by
    // cents only (2,211.56 – 2,211.64): level.
    let extension = figures(ProposalKind::TermExtension);
    assert!(extension.max_payment > extension.min_payment);
    assert_eq!(PlanPayment::of(extension), PlanPayment::Level(extension.monthly_payment));
    let cash = figures(ProposalKind::CashFlowPlan);
    assert_eq!(PlanPayment::of(cash), PlanPayment::Range(cash.min_payment, cash.max_payment));
}

#[test]
fn a_proposal_keeps_its_key_while_figures_change() {
    let s = Scenario::from_json(OVERDUE).unwrap();
    let before = s.evaluate();
    let mut richer = s.clone();
    richer.budget.income = d("20000");
    let after = richer.evaluate();
    let keys = |e: &Evaluation| e.proposals.iter().map(ProposalKey::of).collect::<Vec<_>>();
    for p in &before.proposals {
        let k = ProposalKey::of(p);
        let same: Vec<&Proposal> = after.proposals.iter().filter(|q| ProposalKey::of(q) == k).collect();
        assert!(same.len() <= 1, "keys are unique");
    }
    let all = keys(&before);
    for (i, k) in all.iter().enumerate() {
        assert!(!all[..i].contains(k), "keys are unique: {k:?}");
    }
    assert!(keys(&after).iter().any(|k| all.contains(k)), "the same plans are found again");
}

#[test]
fn at_most_two_are_compared_and_a_third_replaces_the_oldest() {
    let e = Scenario::from_json(OVERDUE).unwrap().evaluate();
    let with_figures: Vec<&Proposal> = e.proposals.iter().filter(|p| p.figures.is_some()).collect();
    let [a, b, c, ..] = with_figures.as_slice() else { panic!("too few proposals") };
    let mut compared = Compared::default();
    compared.toggle(ProposalKey::of(a));
    compared.toggle(ProposalKey::of(b));
    assert_eq!(compared.chosen(&e.proposals), vec![*a, *b]);
    compared.toggle(ProposalKey::of(c));
    assert!(!compared.contains(&ProposalKey::of(a)));
    assert_eq!(compared.chosen(&e.proposals), vec![*b, *c]);
    compared.toggle(ProposalKey::of(b));
    assert_eq!(compared.chosen(&e.proposals), vec![*c]);
}

#[test]
fn codes_are_the_formats_names() {
    use ProposalKind::*;
    for k in [TermExtension, FrozenInstalments, PenaltyWaiver, PaymentHoliday, Settlement, CashFlowPlan] {
        assert_eq!(serde_json::to_value(k).unwrap(), k.code());
    }
    for s in [Strategy::ProRata, Strategy::Avalanche, Strategy::Snowball] {
        assert_eq!(serde_json::to_value(s).unwrap(), s.code());
    }
}

#[test]
fn the_verdict_names_room_or_shortfall() {
    let e = evaluate(Method::EqualInstallment, 12);
    let b = e.budget.figures.unwrap();
    // 4,800 available against 9,168 due: short by 4,368.
    assert_eq!(Verdict::of(&b), Verdict { fits: false, amount: d("4368.00") });
}

#[test]
fn loans_are_titled_by_position_and_lender() {
    let e = Scenario::from_json(THREE).unwrap().evaluate();
    let second = &e.loans[1];
    assert_eq!(LoanTitle::of(&e, &second.id), Some(LoanTitle::new(1, second.lender, &second.name)));
    assert_eq!(LoanTitle::of(&e, "nope"), None);
    assert_eq!(LoanTitle::among(&e, 0).map(|t| t.number), Some(1));
    let one = Scenario::example().evaluate();
    assert_eq!(LoanTitle::among(&one, 0), None, "a single loan needs no title");
}

#[test]
fn rate_forms_are_daily_monthly_annual() {
    let q = Scenario::example().loans[0].rate.quoted();
    assert_eq!(rate_forms(&q).map(|p| p.normalize().to_string()), ["0.04", "1.2", "14.4"]);
}

#[test]
fn a_variation_of_one_yuan_is_still_level() {
    let e = Scenario::from_json(OVERDUE).unwrap().evaluate();
    let mut f = e.proposals.iter().find_map(|p| p.figures.clone()).unwrap();
    f.min_payment = d("100.00");
    f.max_payment = d("101.00");
    assert_eq!(PlanPayment::of(&f), PlanPayment::Level(f.monthly_payment));
    f.max_payment = d("101.01");
    assert_eq!(PlanPayment::of(&f), PlanPayment::Range(d("100.00"), d("101.01")));
}

/// The overdue 网商贷 of the browser tests: ¥80,000 at 0.05 %/day over 12
/// months, 45 days behind with ¥12,000 principal and ¥1,800 interest past due.
fn overdue_mybank() -> crate::scenario::Evaluation {
    let text = r#"{"version": 1, "loans": [{"id": "a", "lender": "mybank", "principal": "80000",
        "rate": {"value": "0.05", "unit": "daily_percent"}, "method": "equal_installment", "months": 12,
        "overdue": {"days": 45, "principal": "12000", "interest": "1800"}}],
        "budget": {"income": "12000", "expenses": "6000"}}"#;
    Scenario::from_json(text).unwrap().evaluate()
}

#[test]
fn another_split_is_shown_only_when_it_says_more_than_the_minimums() {
    use crate::engine::allocation::{Allocation, Share};
    let share = |minimum: &str, extra: &str| Share { id: "a".into(), minimum: d(minimum), extra: d(extra), payment: d(minimum) + d(extra) };
    let split = |feasible: bool, shares: Vec<Share>| Allocation { strategy: Strategy::Avalanche, feasible, shortfall: Decimal::ZERO, unallocated: Decimal::ZERO, shares };
    assert!(!split_adds_something(&split(true, vec![share("100", "0"), share("50", "0")])), "only the minimums");
    assert!(split_adds_something(&split(true, vec![share("100", "0"), share("50", "0.01")])), "one fen beyond a minimum");
    assert!(split_adds_something(&split(false, vec![share("100", "0")])), "the minimums do not fit: the shortfall is news");
}

#[test]
fn a_penalty_is_waived_only_when_there_is_one() {
    let e = overdue_mybank();
    let waiver = e.proposals.iter().find(|p| p.kind == ProposalKind::PenaltyWaiver).unwrap();
    // 13,800 past due × 0.075 % × 45 days.
    assert_eq!(penalty_waived(waiver), Some(d("465.75")));
    let mut none = waiver.clone();
    none.params.penalty_waived = Decimal::ZERO;
    assert_eq!(penalty_waived(&none), None);
}

mod guided_page {
    use super::super::{can_pay, waiting_cost, PlanLine, PlanPayment};
    use crate::engine::Goal;
    use crate::scenario::Scenario;
    use rust_decimal::Decimal;

    fn case(name: &str) -> crate::scenario::Evaluation {
        let text = std::fs::read_to_string(format!("{}/tests/e2e/cases/{name}.json", env!("CARGO_MANIFEST_DIR"))).unwrap();
        Scenario::from_json(&text).unwrap().evaluate()
    }

    fn d(s: &str) -> Decimal {
        s.parse().unwrap()
    }

    /// Review F11: two plans that ask every lender the same are one box
    /// that says it is both, not the same plan twice with two buttons.
    #[test]
    fn the_same_plan_for_both_goals_is_one_line() {
        let mut e = case("seasonal-shop");
        assert_eq!(PlanLine::all(&e).len(), 2);
        assert!(PlanLine::all(&e).iter().all(|l| !l.both));
        e.plans[1].picks = e.plans[0].picks.clone();
        let lines = PlanLine::all(&e);
        assert_eq!(lines.len(), 1);
        assert!(lines[0].both && lines[0].goal == Goal::Acceptance);
    }

    #[test]
    fn the_seasonal_shop_can_pay_the_forecast_range_and_both_plans_fit_with_dates() {
        let e = case("seasonal-shop");
        // 6,000 − 3,000 − 10 % buffer = 2,400 in slow months; 18,000 → 13,200 in peak months.
        assert_eq!(can_pay(&e), Some(PlanPayment::Range(d("2400"), d("13200"))));
        assert!(waiting_cost(&e).is_some_and(|w| w.adds > Decimal::ZERO), "网商贷 is 38 days behind");
        let plans = PlanLine::all(&e);
        assert_eq!(plans.iter().map(|p| p.goal).collect::<Vec<_>>(), [Goal::Acceptance, Goal::LowestCost]);
        for p in &plans {
            assert_eq!(p.picks.len(), 3);
            assert!(p.from.is_some(), "dated from the loans' next due dates");
        }
    }

    /// F5: lenders first paid on different days: the line says each from its
    /// own due date and gives the earliest, never one date for all.
    #[test]
    fn a_plan_whose_lenders_start_on_different_days_says_each_from_its_own() {
        let e = case("seasonal-shop");
        for (plan, line) in e.plans.iter().zip(PlanLine::all(&e)) {
            let dates: Vec<_> = plan.picks.iter().filter_map(|p| p.first_payment_date).collect();
            let first = dates.iter().min().unwrap().to_string();
            assert_eq!(line.each, dates.iter().any(|d| *d != dates[0]));
            let (zh, en) = (crate::i18n::Lang::Zh.plan_line(&line), crate::i18n::Lang::En.plan_line(&line));
            if line.each {
                assert!(zh.ends_with(&format!("每月，各家从各自还款日起（最早 {first}）")), "{zh}");
                assert!(en.ends_with(&format!("each lender from its own due date (the first {first})")), "{en}");
            } else {
                assert!(zh.ends_with(&format!("每月，从 {first} 起")), "{zh}");
            }
        }
        assert!(PlanLine::all(&e).iter().any(|l| l.each), "the shop's lenders fall due on different days");
    }

    /// Review w15 R2: the summary names each pick by the label the borrower
    /// typed (three cards all read "信用卡" before), and by the lender's
    /// short name when there is none.
    #[test]
    fn a_plan_names_each_pick_by_its_label() {
        let text = std::fs::read_to_string(format!("{}/tests/e2e/cases/seasonal-shop.json", env!("CARGO_MANIFEST_DIR"))).unwrap();
        let mut s = Scenario::from_json(&text).unwrap();
        s.loans[0].name = " 广发银行信用卡中心 ".into();
        s.loans[1].name = String::new();
        let e = s.evaluate();
        for line in PlanLine::all(&e) {
            let (zh, asks) = (crate::i18n::Lang::Zh.plan_line(&line), crate::i18n::Lang::Zh.plan_asks(&line));
            assert!(zh.starts_with("广发银行信用卡中心 ¥") && asks.starts_with("广发银行信用卡中心："), "{zh} / {asks}");
            let second = crate::i18n::Lang::Zh.lender_short(s.loans[1].lender);
            assert!(zh.contains(&format!(" · {second} ")), "{zh}");
        }
    }

    /// Review w14 R5: a first date nobody entered (today plus the days to
    /// the next instalment) is said to be estimated, never "each lender's
    /// due date" alone; with every next due date entered, nothing is added.
    #[test]
    fn a_plan_with_a_date_nobody_entered_says_it_is_estimated() {
        let dated = case("seasonal-shop");
        assert!(PlanLine::all(&dated).iter().all(|l| !l.estimated && !crate::i18n::Lang::Zh.plan_line(l).contains("估算")));
        let text = std::fs::read_to_string(format!("{}/tests/e2e/cases/seasonal-shop.json", env!("CARGO_MANIFEST_DIR"))).unwrap();
        let mut s = Scenario::from_json(&text).unwrap();
        s.loans[1].next_due_date = None;
        let e = s.evaluate();
        for line in PlanLine::all(&e) {
            assert!(line.estimated);
            assert!(crate::i18n::Lang::Zh.plan_line(&line).ends_with("（有些日期是按今天估算的：请在“借款”里填写下次还款日）"));
            assert!(crate::i18n::Lang::En.plan_line(&line).ends_with(" (some dates are estimated from today: enter each loan's next due date)"));
        }
    }

    #[test]
    fn a_month_without_income_can_pay_nothing_not_a_negative_amount() {
        let e = case("job-loss");
        assert!(matches!(can_pay(&e), Some(PlanPayment::Range(lo, _)) if lo.is_zero()));
        assert_eq!(waiting_cost(&e), None, "not behind");
    }

    /// What 30 more days add to the overdue 网商贷 of the browser tests
    /// (¥80,000 at 0.05 %/day over 12 months, 45 days behind with ¥13,800
    /// past due), by hand: the instalment falling due in 15 days carries
    /// 80,000 × 1.5 % = ¥1,200.00 interest; new penalty is 13,800 × 0.075 %
    /// × 30 = ¥310.50 plus its ¥7,334.40 × 0.075 % × 15 = ¥82.51. The stand's
    /// line and the summary's waiting cost are that one figure.
    #[test]
    fn thirty_more_days_add_new_penalty_and_interest_falling_due() {
        let e = super::overdue_mybank();
        let cost = e.loans[0].overdue_cost.as_ref().unwrap();
        assert_eq!(super::super::adds_in_30_days(cost), Some(d("1593.01")));
        assert_eq!(waiting_cost(&e).map(|w| w.adds), Some(d("1593.01")));
        // Of which new penalty 310.50 + 82.51 (review F8: the summary says it apart).
        assert_eq!(waiting_cost(&e).map(|w| w.penalty), Some(d("393.01")));
    }

    /// The job-loss plans pause June: the line says the pause and the amount
    /// paid from the first payment on, never "¥0.00 – ¥X a month".
    #[test]
    fn a_paused_month_is_said_apart_from_the_monthly_amount() {
        let e = case("job-loss");
        for (plan, line) in e.plans.iter().zip(PlanLine::all(&e)) {
            let (pick, said) = (&plan.picks[0], line.picks[0].clone());
            let paused = pick.schedule.iter().take_while(|r| r.payment.is_zero()).count() as u32;
            assert_eq!(said.paused_months, paused);
            assert!(!matches!(said.payment, PlanPayment::Range(lo, _) if lo.is_zero()), "{:?}", said.payment);
            if paused > 0 {
                assert_eq!(said.payment, PlanPayment::Level(pick.monthly_payment));
                let zh = crate::i18n::Lang::Zh.plan_line(&line);
                assert!(zh.contains(&format!("（先停 {paused} 个月）")) && !zh.contains("¥0.00"), "{zh}");
            }
        }
        assert!(PlanLine::all(&e).iter().any(|l| l.picks[0].paused_months > 0), "the case pauses June in some plan");
    }

    /// The shop owner whose seasons repeat: each lender's cash-flow plan
    /// lets the debt grow in the dead months, and each ask says so.
    #[test]
    fn a_pick_whose_balance_rises_says_so() {
        let e = case("seasonal-short");
        for line in PlanLine::all(&e) {
            assert!(line.fits && line.picks.iter().all(|p| p.kind == crate::engine::ProposalKind::CashFlowPlan && p.balance_rises));
            let zh = crate::i18n::Lang::Zh.plan_asks(&line);
            assert_eq!(zh.matches("欠款会增加").count(), 3, "{zh}");
            assert!(crate::i18n::Lang::En.plan_asks(&line).contains("the debt grows then"));
            // The card's 74 months run past Art. 70's five years: said beside its ask only.
            assert_eq!(zh.matches("（超过 5 年：信用卡个性化分期最长 5 年，银行可能不同意）").count(), 1, "{zh}");
            assert!(zh.contains("74 个月（有些月份付不够利息，欠款会增加）（超过 5 年"), "{zh}");
        }
        // The job loss: a capitalised holiday says so too; a plan whose
        // balance never rises says nothing of the kind.
        let job = PlanLine::all(&case("job-loss"));
        for l in &job {
            let rising = l.picks.iter().filter(|p| p.balance_rises).count();
            assert_eq!(crate::i18n::Lang::Zh.plan_asks(l).matches("欠款会增加").count(), rising);
        }
        assert!(job.iter().any(|l| l.picks.iter().all(|p| !p.balance_rises)));
    }
}

#[test]
fn a_key_names_exactly_the_proposals_it_was_made_from() {
    let e = Scenario::from_json(THREE).unwrap().evaluate();
    for p in &e.proposals {
        for q in &e.proposals {
            assert_eq!(ProposalKey::of(p).names(q), ProposalKey::of(p) == ProposalKey::of(q));
        }
    }
}

#[test]
fn a_card_is_its_proposal_without_the_rows() {
    let e = Scenario::from_json(OVERDUE).unwrap().evaluate();
    let id = &e.loans[0].id;
    let cards = loan_cards(&e, id);
    let mine: Vec<&Proposal> = e.proposals.iter().filter(|p| &p.loan_id == id).collect();
    assert_eq!(cards.len(), mine.len());
    assert!(mine.iter().any(|p| p.figures.as_ref().is_some_and(|f| !f.schedule.is_empty())));
    for (card, p) in cards.iter().zip(mine) {
        let mut bare = p.clone();
        if let Some(f) = bare.figures.as_mut() {
            assert_eq!(card.rows, f.schedule.len());
            f.schedule.clear();
        }
        assert_eq!(card.proposal, bare);
        assert_eq!(card.key(), ProposalKey::of(p));
        assert_eq!(proposal_rows(&e, &card.key()), p.figures.as_ref().map(|f| f.schedule.clone()).unwrap_or_default());
    }
}

#[test]
fn a_card_changes_only_when_what_it_shows_changes() {
    let s = Scenario::from_json(THREE).unwrap();
    let before = s.evaluate();
    let same = s.evaluate();
    let mut richer = s.clone();
    richer.budget.income = d("40000");
    let after = richer.evaluate();
    let id = &before.loans[0].id;
    assert_eq!(loan_cards(&before, id), loan_cards(&same, id));
    assert_ne!(loan_cards(&before, id), loan_cards(&after, id), "a new budget changes the margins");
    assert!(loan_cards(&before, "no such loan").is_empty());
}

/// Review w14 R2: the summary lists a run of consecutive months with the
/// same money as one line; the engine's plan keeps every month.
mod failing_runs {
    use super::super::equal_runs;
    use crate::engine::plan::{Failing, Through};
    use crate::engine::Date;
    use rust_decimal::Decimal;

    fn month(n: u32, due: i64, available: i64) -> Failing {
        let (due, available) = (Decimal::from(due), Decimal::from(available));
        Failing { month: n, date: Date::new(2027, n.min(12), 16), through: None, due, available, short: due - available.max(Decimal::ZERO) }
    }

    #[test]
    fn consecutive_equal_months_are_one_line_and_the_rest_stay() {
        let later = Failing { through: Some(Through { month: 60, date: Date::new(2031, 11, 16), count: 48 }), ..month(13, 5000, 4300) };
        let failing = vec![month(2, 5000, 2500), month(3, 5000, 2500), month(5, 5000, 2500), month(6, 5000, 2500), month(7, 5000, 2500), month(8, 5000, 2400), month(9, 4000, 2400), month(12, 5000, 4300), later.clone()];
        let lines = equal_runs(&failing);
        let spans: Vec<(u32, Option<(u32, u32)>)> = lines.iter().map(|f| (f.month, f.through.map(|t| (t.month, t.count)))).collect();
        // 2–3 and 5–7 are runs; 8 differs in what is available, 9 in what is
        // due; 4 is missing (it fits), so 3 and 5 are not one run; 12 is
        // a single month before the engine's run of the later months, which
        // stays as it is.
        assert_eq!(spans, vec![(2, Some((3, 2))), (5, Some((7, 3))), (8, None), (9, None), (12, None), (13, Some((60, 48)))]);
        assert_eq!(lines[1].through.unwrap().date, Date::new(2027, 7, 16), "a run ends on its last month's date");
        assert_eq!(*lines.last().unwrap(), later);
        assert_eq!((lines[0].due, lines[0].available, lines[0].short), (failing[0].due, failing[0].available, failing[0].short));
        assert_eq!(crate::i18n::Lang::Zh.failing_line(&lines[1]), "第 5–7 月（2027-05-16 – 2027-07-16），共 3 个月：最紧的一个月要还 ¥5,000.00，可用 ¥2,500.00，差 ¥2,500.00");
        assert!(equal_runs(&[]).is_empty());
    }

    /// The seasonal shop's plan: the engine lists each failing month of the
    /// first year; the summary groups the equal neighbours, so every month
    /// is still counted once.
    #[test]
    fn the_seasonal_plan_counts_every_failing_month_once() {
        let text = std::fs::read_to_string(format!("{}/tests/e2e/cases/seasonal-shop.json", env!("CARGO_MANIFEST_DIR"))).unwrap();
        let e = crate::scenario::Scenario::from_json(&text).unwrap().evaluate();
        for (plan, line) in e.plans.iter().zip(super::super::PlanLine::all(&e)) {
            let count = |fs: &[Failing]| fs.iter().map(|f| f.through.map_or(1, |t| t.count)).sum::<u32>();
            assert_eq!(count(&line.failing), count(&plan.failing));
            assert!(line.failing.len() <= plan.failing.len());
        }
    }
}

/// Review w14 S4: the example's loan is pointed out until it is changed.
#[test]
fn the_example_loan_is_marked_until_it_is_changed_or_removed() {
    use super::example_loans;
    use crate::scenario::Scenario;
    let mut s = Scenario::example();
    let first = super::LoanTitle::new(0, crate::engine::Lender::Mybank, &s.loans[0].name);
    assert_eq!(example_loans(&s), vec![first.clone()]);
    s.loans.push(Scenario::new_loan("b", crate::engine::Lender::Jiebei));
    assert_eq!(example_loans(&s), vec![first], "a loan added beside it is the user's");
    s.loans[0].principal = rust_decimal::Decimal::from(99_000);
    assert!(example_loans(&s).is_empty());
    let text = std::fs::read_to_string(format!("{}/tests/e2e/cases/seasonal-shop.json", env!("CARGO_MANIFEST_DIR"))).unwrap();
    assert!(example_loans(&Scenario::from_json(&text).unwrap()).is_empty());
}
