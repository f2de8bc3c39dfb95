//! The page's evaluation in parts (issue 13). On every change the page
//! computes `Evaluation::analysed_on` (every figure but the road's, the
//! kit's and the allocation); the road and kit sections compute theirs from
//! the same document and analysed debts while they are open (`loan_road_on`,
//! `road_on`, `kit_on`), the proposals section the allocation
//! (`allocation_on`). Put together, the parts must be exactly what the
//! evaluator prints: each fixture's snapshot, and `Evaluation::on` on a page's today.

use std::path::{Path, PathBuf};
use xieshang::engine::Date;
use xieshang::scenario::evaluate::{allocation_on, kit_on, loan_road_on, road_on};
use xieshang::scenario::kit::figures::KitOutput;
use xieshang::scenario::road::{LoanRoad, Road};
use xieshang::scenario::{Evaluation, Scenario};

/// The valid fixtures (with their snapshots) and the `bugs/` scenarios.
fn scenarios() -> Vec<(PathBuf, Scenario)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests").join("fixtures");
    let mut paths: Vec<PathBuf> = [dir.clone(), dir.join("bugs")]
        .iter()
        .flat_map(|d| std::fs::read_dir(d).unwrap().map(|e| e.unwrap().path()))
        .filter(|p| p.is_file() && p.extension().is_some_and(|e| e == "json") && !p.to_string_lossy().ends_with(".expected.json"))
        .collect();
    paths.sort();
    assert!(paths.len() >= 20, "fixtures missing: {paths:?}");
    paths
        .into_iter()
        .map(|p| {
            let s = Scenario::from_json(&std::fs::read_to_string(&p).unwrap()).unwrap_or_else(|e| panic!("{}: {e}", p.display()));
            (p, s)
        })
        .collect()
}

/// What the page computes on a change, then what the open road and kit add.
fn page_parts(s: &Scenario, today: Option<Date>) -> Evaluation {
    let (mut ev, analysed) = Evaluation::analysed_on(s, today);
    assert_eq!(ev, Evaluation::core_on(s, today));
    assert_eq!(ev.road, Road::default(), "the page's evaluation computes no road");
    assert_eq!(ev.kit, KitOutput::default(), "the page's evaluation computes no kit");
    assert!(ev.loans.iter().all(|l| l.road == LoanRoad::default()), "nor any loan's road");
    assert_eq!(ev.allocation, None, "nor the allocation (the proposals section's)");
    for i in 0..ev.loans.len() {
        let (road, errors) = loan_road_on(s, i);
        ev.loans[i].road = road;
        ev.loans[i].errors.extend(errors);
    }
    let (road, errors) = road_on(s, &analysed);
    for (i, e) in errors {
        ev.loans[i].errors.push(e);
    }
    ev.road = road;
    ev.allocation = allocation_on(&analysed, &ev);
    ev.kit = kit_on(s, &analysed, &ev);
    ev
}

#[test]
fn parts_print_the_snapshots() {
    let mut checked = 0;
    for (path, s) in scenarios() {
        let snapshot = path.with_file_name(format!("{}.expected.json", path.file_stem().unwrap().to_str().unwrap()));
        let Ok(expected) = std::fs::read_to_string(&snapshot) else { continue };
        assert_eq!(page_parts(&s, None).to_json() + "\n", expected, "{}", path.display());
        checked += 1;
    }
    assert!(checked >= 20, "only {checked} snapshots");
}

#[test]
fn parts_are_the_whole_evaluation_on_a_pages_today() {
    for today in [Date::new(2026, 11, 30), Date::new(2031, 2, 28)] {
        for (path, s) in scenarios() {
            assert_eq!(page_parts(&s, today), Evaluation::on(&s, today), "{} on {today:?}", path.display());
        }
    }
}

/// The parts are not empty where it matters: the fixtures have a road, a
/// prepaid loan, a solver and the kit, so the tests above compare them.
#[test]
fn fixtures_exercise_every_part() {
    let all: Vec<Evaluation> = scenarios().iter().map(|(_, s)| Evaluation::on(s, None)).collect();
    assert!(all.iter().any(|e| e.road.payoff.as_ref().is_some_and(|p| !p.is_empty())));
    assert!(all.iter().flat_map(|e| &e.loans).any(|l| l.road.prepaid_by_effect.is_some()));
    assert!(all.iter().flat_map(|e| &e.loans).any(|l| l.road.solve.is_some()));
    assert!(all.iter().any(|e| e.kit.used && e.kit.loans.iter().any(|k| k.ask.is_some())));
    assert!(all.iter().any(|e| e.allocation.is_some()));
    assert!(all.iter().flat_map(|e| &e.loans).any(|l| !l.errors.is_empty()));
}
