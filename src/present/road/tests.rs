use super::*;
use std::str::FromStr;
use std::fmt::Write;

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
    // It says what is still owed at the end, not totals (review w14 S5).
    let road = s.evaluate().road;
    for (f, plan) in all.iter().zip(road.payoff.as_deref().unwrap()) {
        let last = plan.timeline.last().unwrap();
        assert_eq!(last.month, crate::engine::MAX_MONTHS);
        assert_eq!(f.owed_after, Some(last.balance));
        assert!(last.balance > Decimal::ZERO);
    }
    let ends = StrategyFigures::all(&fixture().evaluate().road);
    assert!(ends.iter().all(|f| f.owed_after.is_none()));
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
    let values: Vec<i64> = chart.y_ticks.iter().map(|t| t.value).collect();
    assert_eq!(values, [0, 20000, 40000, 60000, 80000]);
    assert_eq!(chart.y_ticks[0].at.text(), PLOT_BOTTOM.to_string());
    assert_eq!(chart.y_ticks[4].at.text(), PLOT_TOP.to_string());
    let months: Vec<u32> = chart.x_ticks.iter().map(|t| t.value).collect();
    assert_eq!(months, [2, 4, 6, 8]);
    // Every layer ends on the month axis at the right edge.
    let last_x = format!("{PLOT_RIGHT},{PLOT_BOTTOM}");
    assert!(chart.layers.iter().all(|l| l.contains(&last_x)), "{:?}", chart.layers);
    // Five-digit labels: the plot starts at its usual edge, month 0 there.
    assert_eq!(chart.left, PLOT_LEFT);
    assert!(chart.layers[0].starts_with(&format!("{PLOT_LEFT},")), "{}", chart.layers[0]);
}

/// Seven-digit labels ("¥2,000,000") are wider than the usual margin at a
/// phone's font size: the plot starts further right, month 0 on its edge.
#[test]
fn a_seven_digit_axis_moves_the_plot_right() {
    let mut s = fixture();
    s.loans[0].principal = d("800000");
    // The fixture's seasons repeat: the debt stays below ¥2 million.
    s.budget.forecast_repeats = true;
    let e = s.evaluate();
    let chart = StackChart::of(e.road.picked().unwrap());
    assert_eq!(chart.y_ticks[4].value, 2_000_000, "seven digits at the top");
    assert_eq!(chart.left, WIDE_LEFT);
    assert!(chart.layers.iter().all(|l| l.starts_with(&format!("{WIDE_LEFT},"))), "{:?}", chart.layers);
    assert_eq!((plot_left(249_999), plot_left(250_000), plot_left(i64::MAX)), (PLOT_LEFT, WIDE_LEFT, WIDE_LEFT));
}

/// The largest road the page can draw: ¥1 trillion at 1,000 %/yr with
/// nothing to pay it, interest piling up for 600 months (¥5 × 10^14 owed
/// at the end, 5 × 10^16 fen). Every point stays inside the plot: the
/// products of fen and plot units do not fit 64 bits (they wrapped
/// around, drawing the stack far off the chart, and panicked in debug).
#[test]
fn the_largest_road_stays_inside_the_plot() {
    use crate::engine::payoff::{payoff, PayoffBudget, PayoffDebt, PayoffStrategy};
    let rate = crate::engine::exact::Ratio::new(d("1000"), 1200);
    let debt = |id: &str| PayoffDebt {
        id: id.into(),
        principal: crate::engine::MAX_AMOUNT,
        interest: Decimal::ZERO,
        monthly_rate: rate,
        penalty_rate: rate.approx(),
        instalments: vec![crate::engine::MAX_AMOUNT],
        overdue_due_now: Decimal::ZERO,
    };
    let plan = payoff(&[debt("a"), debt("b")], &PayoffBudget::Flat(Decimal::ZERO), &PayoffStrategy::Avalanche).unwrap();
    assert_eq!(plan.timeline.len(), 600);
    let chart = StackChart::of(&plan);
    let inside = |at: &str, lo: u32, hi: u32| {
        let v = Decimal::from_str(at).unwrap();
        v >= Decimal::from(lo) && v <= Decimal::from(hi)
    };
    for layer in &chart.layers {
        for point in layer.split(' ') {
            let (x, y) = point.split_once(',').unwrap();
            assert!(inside(x, PLOT_LEFT, PLOT_RIGHT) && inside(y, PLOT_TOP, PLOT_BOTTOM), "{point}");
        }
    }
    assert!(chart.y_ticks.iter().all(|t| inside(&t.at.text(), PLOT_TOP, PLOT_BOTTOM)), "{:?}", chart.y_ticks);
    // Owed at the end: 2 × (10^14 + 600 × 83,333,333,333,333) fen (¥833,333,333,333.33 a month), just over
    // two steps of ¥5 × 10^14: the stack's top lies between ticks 2 and 3.
    assert_eq!(plan.timeline[599].balance, d("1001999999999996.00"));
    assert_eq!(chart.y_ticks[1].value, 500_000_000_000_000);
    let y = |text: String| Decimal::from_str(&text).unwrap();
    let top = y(chart.layers[1].split(' ').nth(600).unwrap().split_once(',').unwrap().1.to_string());
    assert!(top < y(chart.y_ticks[2].at.text()) && top > y(chart.y_ticks[3].at.text()), "{top}");
}

#[test]
fn nice_steps_are_one_two_or_five() {
    assert_eq!(nice_step(5_985_000, 4), 20000);
    assert_eq!(nice_step(400_000, 4), 1000);
    assert_eq!(nice_step(400_001, 4), 2000);
    assert_eq!(nice_step(0, 4), 1);
    assert_eq!(nice_step(2_000_000_000_000_000, 4), 5_000_000_000_000);
    assert_eq!(month_step(9), 2);
    assert_eq!(month_step(600), 240);
    assert_eq!(month_step(120), 60);
    assert!((1..=600).all(|m| m / month_step(m) <= 4), "at most four month labels");
    assert_eq!(month_step(1), 1);
}

/// The chart as it was drawn in decimals (wave 9): its layers' `points`,
/// and each tick's value and printed position. The integer chart must
/// print the same, character for character.
fn decimal_chart(plan: &PayoffPlan) -> (Vec<String>, Vec<(Decimal, String, String)>, Vec<(u32, String)>) {
    fn nice(max: Decimal, ticks: u32) -> Decimal {
        let mut unit = Decimal::ONE;
        while unit < Decimal::from(10u64.pow(18)) {
            for m in [1u32, 2, 5] {
                let step = unit * Decimal::from(m);
                if max <= step * Decimal::from(ticks) {
                    return step;
                }
            }
            unit *= Decimal::TEN;
        }
        unit
    }
    let rows = balances(plan);
    let totals: Vec<Decimal> = rows.iter().map(|r| r.iter().sum()).collect();
    let step = nice(totals.iter().copied().max().unwrap_or_default(), 4);
    let top = step * Decimal::from(4);
    let months = rows.len().saturating_sub(1).max(1) as u32;
    let (left, right) = (Decimal::from(plot_left(i64::try_from(step).unwrap_or(i64::MAX))), Decimal::from(PLOT_RIGHT));
    let (upper, lower) = (Decimal::from(PLOT_TOP), Decimal::from(PLOT_BOTTOM));
    let x = |t: u32| left + (right - left) * Decimal::from(t) / Decimal::from(months);
    let y = |v: Decimal| lower - (lower - upper) * v / top;
    let stacked = |t: usize, j: usize| rows[t][..j].iter().copied().sum::<Decimal>();
    let layers = (0..plan.loans.len())
        .map(|j| {
            let mut points = String::new();
            let upper_edge = (0..rows.len()).map(|t| (t, j + 1));
            for (t, below) in upper_edge.chain((0..rows.len()).rev().map(|t| (t, j))) {
                let gap = if points.is_empty() { "" } else { " " };
                let _ = write!(points, "{gap}{},{}", x(t as u32).round_dp(1).normalize(), y(stacked(t, below)).round_dp(1).normalize());
            }
            points
        })
        .collect();
    let y_ticks = (0..=4)
        .map(|i| step * Decimal::from(i))
        .map(|v| (v, y(v).round_dp(1).to_string(), (y(v).round_dp(1) + Decimal::from(9)).to_string()))
        .collect();
    let every = month_step(months);
    let x_ticks = (1..=months / every).map(|i| i * every).map(|m| (m, x(m).round_dp(1).to_string())).collect();
    (layers, y_ticks, x_ticks)
}

/// The chart of `plan` in integers, as [`decimal_chart`] has it.
fn integer_chart(plan: &PayoffPlan) -> (Vec<String>, Vec<(Decimal, String, String)>, Vec<(u32, String)>) {
    let c = StackChart::of(plan);
    let y = c.y_ticks.iter().map(|t| (Decimal::from(t.value), t.at.text(), t.label_at().text())).collect();
    (c.layers, y, c.x_ticks.iter().map(|t| (t.value, t.at.text())).collect())
}

#[test]
fn the_integer_chart_prints_what_the_decimal_chart_printed() {
    // Every plan of every fixture with loans.
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures");
    let mut plans = 0;
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        let name = path.to_string_lossy().to_string();
        if !name.ends_with(".json") || name.ends_with(".expected.json") {
            continue;
        }
        let Ok(s) = Scenario::from_json(&std::fs::read_to_string(&path).unwrap()) else { continue };
        for plan in s.evaluate().road.payoff.iter().flatten() {
            assert_eq!(integer_chart(plan), decimal_chart(plan), "{name} {:?}", plan.strategy);
            plans += 1;
        }
    }
    assert!(plans >= 20, "{plans} plans");
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(300))]
    /// Random debts and budgets: every month count (ticks at thirds and
    /// sevenths), halves and quarters of a tenth (the ties), amounts from
    /// a fen to billions.
    #[test]
    fn the_integer_chart_is_the_decimal_chart(
        debts in proptest::collection::vec((1i64..1_000_000_000_000, 0u32..300, 1usize..60), 1..5),
        budget in 1i64..100_000_000_000,
        kind in 0usize..3,
    ) {
        use crate::engine::payoff::{payoff, PayoffBudget, PayoffDebt, PayoffStrategy};
        let debts: Vec<PayoffDebt> = debts.iter().enumerate().map(|(i, &(fen, rate, months))| {
            let principal = Decimal::new(fen, 2);
            PayoffDebt {
                id: i.to_string(),
                principal,
                interest: Decimal::ZERO,
                monthly_rate: Decimal::new(i64::from(rate), 4).into(),
                penalty_rate: Decimal::new(i64::from(rate), 4),
                instalments: vec![crate::engine::fen(principal / Decimal::from(months as u64)); months],
                overdue_due_now: Decimal::ZERO,
            }
        }).collect();
        let strategy = [PayoffStrategy::Avalanche, PayoffStrategy::Snowball, PayoffStrategy::ProRata][kind].clone();
        let plan = payoff(&debts, &PayoffBudget::Flat(Decimal::new(budget, 2)), &strategy).unwrap();
        proptest::prop_assert_eq!(integer_chart(&plan), decimal_chart(&plan));
    }
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
