use super::*;
use std::str::FromStr;

fn d(s: &str) -> Decimal {
    Decimal::from_str(s).unwrap()
}

/// The golden fixture: three lenders, a seasonal forecast, a custom order.
fn fixture() -> Scenario {
    let text = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/road-three-lenders.json")).unwrap();
    Scenario::from_json(&text).unwrap()
}

#[test]
fn strategies_side_by_side_measure_against_the_cheapest_plan() {
    let road = fixture().evaluate().road;
    let all = StrategyFigures::all(&road);
    let kinds: Vec<PayoffKind> = all.iter().map(|f| f.kind).collect();
    assert_eq!(kinds, KINDS, "custom is listed because an order is given");
    // Avalanche is the cheapest (2,608.05); custom pays 3,601.53.
    assert_eq!(all[0].over_best, Some(Decimal::ZERO));
    assert_eq!(all[3].over_best, Some(d("993.48")));
    assert_eq!(all[0].debt_free_month, Some(9));
    assert_eq!(all[0].first_short, Some(ShortMonth { month: 4, shortfall: d("2483.65") }));
}

#[test]
fn a_plan_that_never_ends_has_no_distance_to_the_best() {
    let mut s = fixture();
    s.edit_payoff(|p| p.monthly_budget = Some(d("100")));
    let all = StrategyFigures::all(&s.evaluate().road);
    assert!(all.iter().all(|f| f.debt_free_month.is_none() && f.over_best.is_none()));
}

#[test]
fn the_road_months_start_at_the_earliest_due_date() {
    let s = fixture();
    let months = RoadMonths::of(&s, None);
    assert_eq!(months.label(1).as_deref(), Some("2026-12"), "借呗 falls due on 2026-12-01, 网商贷 on the 15th");
    assert_eq!(months.label(9).as_deref(), Some("2027-08"));
    assert_eq!(RoadMonths::of(&Scenario::example(), None).label(1), None, "no due date, no dates");
}

#[test]
fn the_default_budget_is_the_forecast_range_or_the_amount_available() {
    // Income 15,000 − 7,000 − 500, buffer 10 %: 6,000; the forecast 11,000…38,000 gives 2,400…26,700.
    let mut s = fixture();
    assert_eq!(DefaultBudget::of(&s), DefaultBudget::Range(d("2400"), d("26700")));
    s.budget.forecast = None;
    assert_eq!(DefaultBudget::of(&s), DefaultBudget::Flat(d("6000")));
}

#[test]
fn the_stack_starts_at_what_is_owed_now_and_ends_at_zero() {
    let e = fixture().evaluate();
    let plan = e.road.picked().unwrap();
    let rows = balances(plan);
    assert_eq!(rows.len(), 10, "now and 9 months");
    assert!(rows.last().unwrap().iter().all(|b| b.is_zero()));
    let chart = StackChart::of(plan);
    assert_eq!(chart.layers.len(), 3);
    // Owed now: 30,000 + 2,850 overdue, 12,000, 15,000 = 59,850 → ticks of 20,000 up to 80,000.
    assert_eq!(rows[0].iter().sum::<Decimal>(), d("59850"));
    let values: Vec<Decimal> = chart.y_ticks.iter().map(|t| t.value).collect();
    assert_eq!(values, [d("0"), d("20000"), d("40000"), d("60000"), d("80000")]);
    assert_eq!(chart.y_ticks[0].at, Decimal::from(PLOT_BOTTOM));
    assert_eq!(chart.y_ticks[4].at, Decimal::from(PLOT_TOP));
    let months: Vec<u32> = chart.x_ticks.iter().map(|t| t.value).collect();
    assert_eq!(months, [2, 4, 6, 8]);
    // Every layer ends on the month axis at the right edge.
    let last_x = format!("{PLOT_RIGHT},{PLOT_BOTTOM}");
    assert!(chart.layers.iter().all(|l| l.contains(&last_x)), "{:?}", chart.layers);
}

#[test]
fn nice_steps_are_one_two_or_five() {
    assert_eq!(nice_step(d("59850"), 4), d("20000"));
    assert_eq!(nice_step(d("4000"), 4), d("1000"));
    assert_eq!(nice_step(d("4001"), 4), d("2000"));
    assert_eq!(nice_step(Decimal::ZERO, 4), Decimal::ONE);
    assert_eq!(nice_step(d("20000000000000"), 4), d("5000000000000"));
    assert_eq!(month_step(9), 2);
    assert_eq!(month_step(600), 120);
    assert_eq!(month_step(1), 1);
}

#[test]
fn the_chart_table_ends_each_month_with_its_total() {
    let e = fixture().evaluate();
    let plan = e.road.picked().unwrap();
    let (plain, with_total) = (balances(plan), balances_with_total(plan));
    assert_eq!(plain.len(), with_total.len());
    for (p, t) in plain.iter().zip(&with_total) {
        assert_eq!(t[..p.len()], p[..]);
        assert_eq!(t.len(), p.len() + 1);
    }
    // Owed now: 30,000 + 2,850 overdue, 12,000, 15,000 (added by hand).
    assert_eq!(*with_total[0].last().unwrap(), d("59850"));
    assert!(with_total.last().unwrap().last().unwrap().is_zero());
}

#[test]
fn the_road_names_each_loan_it_leaves_out_and_why() {
    let mut s = fixture();
    // 网商贷: ¥1 trillion plus 2,400 overdue, more than the payoff's largest amount.
    s.loans[0].principal = crate::engine::MAX_AMOUNT;
    assert_eq!(s.validate(), Ok(()));
    let (e, analysed) = Evaluation::analysed_on(&s, None);
    let shown = RoadShown::of(&s, &e, &analysed);
    assert_eq!(shown.left_out, [LeftOut { loan: 0, reason: FigureReason::Input }]);
    assert!(shown.road.payoff.as_ref().unwrap().iter().all(|p| p.loans.iter().all(|l| l.id != "wsd")));
    // As the evaluator prints it.
    assert_eq!(shown.road, s.evaluate().road);
    assert!(RoadShown::of(&fixture(), &e, &Evaluation::analysed_on(&fixture(), None).1).left_out.is_empty());
}

#[test]
fn a_loan_whose_terms_could_not_be_computed_is_left_out_for_its_own_reason() {
    let s = fixture();
    let (mut e, mut analysed) = Evaluation::analysed_on(&s, None);
    // As if 借呗's analysis had failed: not among the debts, its error its own.
    let at = analysed.index.iter().position(|&i| i == 1).unwrap();
    analysed.index.remove(at);
    analysed.debts.remove(at);
    e.loans[1].errors.insert(0, crate::scenario::evaluate::FigureError::new("loans[1]".into(), "overflow", "overflow", &crate::engine::EngineError::Overflow));
    let shown = RoadShown::of(&s, &e, &analysed);
    assert_eq!(shown.left_out, [LeftOut { loan: 1, reason: FigureReason::Overflow }]);
    assert!(shown.road.payoff.as_ref().unwrap().iter().all(|p| p.loans.len() == 2));
}
