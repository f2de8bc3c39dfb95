use super::*;
use crate::scenario::Scenario;

fn both(f: Field, r: Rule) -> [String; 2] {
    [Lang::Zh.rule(f, r), Lang::En.rule(f, r)]
}

#[test]
fn each_field_offers_an_example_of_its_own_kind() {
    let [zh, en] = both(Field::RateValue, Rule::NotANumber);
    assert!(zh.contains("万5") && zh.contains("日息") && zh.contains("年化"), "{zh}");
    assert!(!zh.contains("100000") && en.contains("月息1.5%"), "{en}");
    assert!(both(Field::Principal, Rule::NotANumber)[0].contains("8万5"));
    assert!(both(Field::Months, Rule::NotANumber)[0].contains("十二期"));
    assert!(both(Field::OverdueDays, Rule::NotANumber)[1].contains("15"));
    assert!(both(Field::PenaltyMultiplier, Rule::NotANumber)[0].contains("1.5"));
}

#[test]
fn the_example_of_every_text_field_reads_at_that_field() {
    // The example is what the field takes: every example offered reads there.
    let s = Scenario::example();
    for f in Field::ALL {
        let (Kind::Money { .. } | Kind::SignedMoney | Kind::Percent { .. } | Kind::Count { select: false, .. }) = f.kind() else { continue };
        for lang in [Lang::Zh, Lang::En] {
            let words = lang.rule(f, Rule::NotANumber);
            let list = words.split_once("如 ").or_else(|| words.split_once("e.g. ")).map(|(_, l)| l).unwrap_or_default();
            let list = list.replace(" 或 ", "、").replace(" or ", "、").replace(", ", "、");
            for typed in list.split('、') {
                let at = f.places(&s).next().unwrap_or(f.at(0));
                assert!(at.read(&s, typed).is_ok(), "{f:?}: {typed:?} from {words:?}");
            }
        }
    }
}

#[test]
fn the_comma_question_fits_the_field() {
    let [zh, en] = both(Field::RateValue, Rule::AmbiguousComma);
    assert!(zh.contains("小数点") && zh.contains("0.04") && !zh.contains("12,000"), "{zh}");
    assert!(en.contains("decimal point"), "{en}");
    assert!(both(Field::Principal, Rule::AmbiguousComma)[0].contains("12,000"));
    assert!(both(Field::Months, Rule::AmbiguousComma)[0].contains("整数"));
}

#[test]
fn an_empty_figure_says_what_to_type() {
    assert_eq!(Lang::Zh.rule(Field::Principal, Rule::Required), "请填写，如 80000、8万 或 8万5");
    assert_eq!(Lang::En.rule(Field::Months, Rule::Required), "required, e.g. 12, 十二期 or 3年");
    assert_eq!(Lang::Zh.rule(Field::LoanId, Rule::Required), "请填写", "no figure, no example");
}
