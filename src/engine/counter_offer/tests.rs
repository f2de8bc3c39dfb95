use super::*;
use crate::engine::{percent_2dp, Accrual, Debt, DueCalendar, Loan, Overdue, QuotedRate, RateUnit};
use std::str::FromStr;

fn d(s: &str) -> Decimal {
    Decimal::from_str(s).unwrap()
}

fn basis() -> OfferBasis {
    OfferBasis {
        owed_now: d("44300"),
        contract_total_paid: d("50000"),
        owed_after_year: d("60000"),
        contract_monthly_rate: d("0.015"),
        is_credit_card: false,
    }
}

fn offer(months: u32, instalments: Instalments) -> CounterOffer {
    CounterOffer {
        months,
        instalments,
        monthly_fee_percent: Decimal::ZERO,
        upfront_fee: Decimal::ZERO,
        down_payment: Decimal::ZERO,
        first_payment_date: None,
    }
}

fn means(flat: &str) -> Means {
    Means { budget: LoanBudget { available: d(flat), forecast: None, repeats: false }, cash: Decimal::ZERO, ask_total_paid: None }
}

#[test]
fn apr_and_totals_hand_checked() {
    // ¥44,300 owed; ¥1,000 down and a ¥300 fee at signing, then 24 × ¥2,100.
    // Held 43,000. Python bisection on Σ 2100/(1+r)^k = 43000: r = 1.31136 %
    // a month → 15.74 % nominal, 16.92 % effective; the 12 instalments left
    // after a year are worth 23,177.24 at r.
    let o = CounterOffer { down_payment: d("1000"), upfront_fee: d("300"), ..offer(24, Instalments::Monthly(d("2100"))) };
    let c = check_offer(&o, &basis(), &Means { cash: d("1300"), ask_total_paid: Some(d("48000")), ..means("2100") }).unwrap();
    let apr = c.apr.unwrap();
    assert_eq!((percent_2dp(apr.nominal_percent), percent_2dp(apr.effective_percent)), (d("15.74"), d("16.92")));
    assert_eq!((c.at_signing, c.total_paid, c.cost), (d("1300"), d("51700"), d("7400")));
    assert_eq!(c.saving_vs_contract, d("-1700"));
    assert_eq!(c.saving_vs_nothing, d("60000") - d("1300") - d("25200") - d("23177.24"));
    assert_eq!(c.saving_vs_ask, Some(d("-3700")));
    assert!(c.fits && c.signing_fits && c.first_unfit.is_none());
    assert_eq!(c.months.len(), 24);
}

#[test]
fn the_flat_fee_of_a_card_instalment_offer() {
    // ¥12,000 in 12 interest-free instalments with 0.6 % a month fee:
    // 1000 + 72 = 1072 a month, a true APR of 13.03 % (RATE(12,-1072,12000)×12),
    // not the 7.2 % the fee suggests. Cards get the Article 70 items.
    let card = OfferBasis { owed_now: d("12000"), is_credit_card: true, ..basis() };
    let o = CounterOffer { monthly_fee_percent: d("0.6"), ..offer(12, Instalments::AnnualRate(Decimal::ZERO)) };
    let c = check_offer(&o, &card, &means("1100")).unwrap();
    assert!(c.months.iter().all(|m| m.payment == d("1072")));
    assert_eq!(percent_2dp(c.apr.unwrap().nominal_percent), d("13.03"));
    assert!(c.checklist.contains(&AgreementItem::NoNewCards) && c.checklist.contains(&AgreementItem::CollectionStops));
    assert!(!agreement_checklist(false).contains(&AgreementItem::NoNewCards));
    assert_eq!(agreement_checklist(false).len() + 2, c.checklist.len());
}

#[test]
fn a_total_is_split_with_the_last_instalment_absorbing() {
    let c = check_offer(&offer(3, Instalments::Total(d("100"))), &OfferBasis { owed_now: d("100"), ..basis() }, &means("50")).unwrap();
    let pays: Vec<Decimal> = c.months.iter().map(|m| m.payment).collect();
    assert_eq!(pays, vec![d("33.33"), d("33.33"), d("33.34")]);
    // ¥9.00 over 600 months is 1.5 fen a month: 599 × ¥0.01 and a last of
    // ¥3.01 (rounded to nearest, 599 × ¥0.02 would leave the last at −¥2.98).
    let c = check_offer(&offer(600, Instalments::Total(d("9"))), &OfferBasis { owed_now: d("9"), ..basis() }, &means("50")).unwrap();
    assert!(c.months[..599].iter().all(|m| m.payment == d("0.01")));
    assert_eq!(c.months[599].payment, d("3.01"));
    assert_eq!(c.apr.unwrap().nominal_percent, Decimal::ZERO);
    // An annual rate gives the annuity: ¥12,000 at 12 %/yr over 12 → PMT 1066.19.
    let c = check_offer(&offer(12, Instalments::AnnualRate(d("12"))), &OfferBasis { owed_now: d("12000"), ..basis() }, &means("2000")).unwrap();
    assert_eq!(c.months[0].payment, d("1066.19"));
    assert_eq!(percent_2dp(c.apr.unwrap().nominal_percent), d("12.00"));
}

#[test]
fn a_discount_offer_has_no_apr_and_a_negative_cost() {
    let c = check_offer(&offer(10, Instalments::Monthly(d("4000"))), &basis(), &means("5000")).unwrap();
    assert_eq!(c.apr, None);
    assert_eq!(c.cost, d("-4300"));
    // Not discounted after month 12 when the rate is not positive (here: no months left).
    assert_eq!(c.saving_vs_nothing, d("60000") - d("40000"));
}

#[test]
fn every_month_is_tested_against_its_forecast_share() {
    let mut f = [d("3000"); 12];
    f[2] = d("-500"); // a deficit month fits nothing
    f[5] = d("1999.99");
    let m = Means { budget: LoanBudget { available: d("100"), forecast: Some(f), repeats: true }, cash: Decimal::ZERO, ask_total_paid: None };
    let o = CounterOffer { first_payment_date: Date::parse("2025-01-31"), ..offer(15, Instalments::Monthly(d("2000"))) };
    let c = check_offer(&o, &OfferBasis { owed_now: d("30000"), ..basis() }, &m).unwrap();
    let unfit: Vec<u32> = c.months.iter().filter(|m| !m.fits).map(|m| m.period).collect();
    assert_eq!(unfit, vec![3, 6, 15]);
    assert_eq!(c.first_unfit, Some(3));
    assert_eq!(c.months[2].available, Decimal::ZERO);
    assert_eq!(c.months[1].date, Date::parse("2025-02-28"));
    assert_eq!(c.months[12].date, Date::parse("2026-01-31"));
    assert!(!c.fits);
    // Flat budget: the 2,000.00 instalment fits exactly 2,000.00.
    let c = check_offer(&offer(15, Instalments::Monthly(d("2000"))), &OfferBasis { owed_now: d("30000"), ..basis() }, &means("2000")).unwrap();
    assert!(c.fits);
    let c = check_offer(&offer(15, Instalments::Monthly(d("2000"))), &OfferBasis { owed_now: d("30000"), ..basis() }, &means("1999.99")).unwrap();
    assert_eq!(c.first_unfit, Some(1));
}

#[test]
fn a_down_payment_beyond_the_cash_does_not_fit() {
    let o = CounterOffer { down_payment: d("5000"), ..offer(24, Instalments::Monthly(d("2000"))) };
    let c = check_offer(&o, &basis(), &Means { cash: d("4999.99"), ..means("5000") }).unwrap();
    assert!(!c.signing_fits && !c.fits && c.first_unfit.is_none());
}

#[test]
fn impossible_offers_are_typed_errors() {
    let b = basis();
    let err = |o: CounterOffer| check_offer(&o, &b, &means("1000")).unwrap_err();
    let m = |v: &str| offer(12, Instalments::Monthly(d(v)));
    assert_eq!(err(offer(0, Instalments::Monthly(d("1")))), OfferError { field: OfferField::Months, rule: OfferRule::OutOfRange });
    assert_eq!(err(offer(601, Instalments::Monthly(d("1")))).field, OfferField::Months);
    assert_eq!(err(m("0")), OfferError { field: OfferField::Monthly, rule: OfferRule::NotPositive });
    assert_eq!(err(m("10.001")).rule, OfferRule::NotInFen);
    assert_eq!(err(m("1000000000000.01")).rule, OfferRule::TooLarge);
    assert_eq!(err(offer(12, Instalments::Total(d("0.11")))), OfferError { field: OfferField::Total, rule: OfferRule::NotPositive });
    assert!(check_offer(&offer(12, Instalments::Total(d("0.12"))), &b, &means("1")).is_ok());
    assert_eq!(err(offer(12, Instalments::AnnualRate(d("1000.01")))).field, OfferField::AnnualRate);
    assert_eq!(err(offer(12, Instalments::AnnualRate(d("-1")))).rule, OfferRule::Negative);
    assert_eq!(err(CounterOffer { monthly_fee_percent: d("10.01"), ..m("1") }).field, OfferField::MonthlyFee);
    assert_eq!(err(CounterOffer { upfront_fee: d("-1"), ..m("1") }), OfferError { field: OfferField::UpfrontFee, rule: OfferRule::Negative });
    assert_eq!(err(CounterOffer { down_payment: d("44000"), upfront_fee: d("300"), ..m("1") }), OfferError { field: OfferField::DownPayment, rule: OfferRule::CoversDebt });
    assert!(check_offer(&CounterOffer { down_payment: d("44000"), upfront_fee: d("299.99"), ..m("1") }, &b, &means("1")).is_ok());
    let none = OfferBasis { owed_now: Decimal::ZERO, ..b };
    assert_eq!(check_offer(&m("1"), &none, &means("1")).unwrap_err().field, OfferField::Owed);
}

#[test]
fn the_basis_comes_from_the_debt_analysis() {
    let rate = QuotedRate::new(d("1.5"), RateUnit::MonthlyPercent);
    let debt = Debt {
        id: "a".into(),
        loan: Loan { principal: d("40000"), rate, method: Method::EqualInstallment, months: 12, upfront_fee: Decimal::ZERO },
        overdue: Overdue { days: 15, principal: d("4000"), interest: d("300") },
        penalty: Lender::Mybank.penalty(),
        accrual: Accrual::of(&rate, None),
        calendar: DueCalendar { days_overdue: 15, ..DueCalendar::default() },
        settlement_offer: None,
        holiday_months: 3,
    };
    let an = debt.analyse().unwrap();
    let b = OfferBasis::of(&an, Lender::CreditCard, rate.monthly_fraction());
    assert_eq!(b.owed_now, d("44300"));
    assert_eq!(b.contract_total_paid, an.contract_total_paid);
    assert_eq!(b.owed_after_year, an.overdue_cost.horizons[3].owed);
    assert!(b.is_credit_card);
}

proptest::proptest! {
    /// A stated total is split into instalments of at least a fen each,
    /// none above the last, adding up to the total exactly.
    #[test]
    fn a_total_splits_into_positive_instalments_that_add_up(months in 1u32..=600, extra_fen in 0i64..2_000_000) {
        let total = Decimal::new(i64::from(months) + extra_fen, 2);
        let c = check_offer(&offer(months, Instalments::Total(total)), &OfferBasis { owed_now: total + Decimal::ONE, ..basis() }, &means("1")).unwrap();
        let pays: Vec<Decimal> = c.months.iter().map(|m| m.payment).collect();
        proptest::prop_assert_eq!(pays.iter().sum::<Decimal>(), total);
        let last = *pays.last().unwrap();
        proptest::prop_assert!(pays.iter().all(|p| *p >= d("0.01") && *p <= last));
    }
}
