//! The negotiation kit's documents (`src/letter`), rendered from real
//! evaluations of three borrowers:
//! * an overdue 网商贷 small business with a 12-month forecast asking for a
//!   cash-flow plan (instalments that follow the season);
//! * a salaried borrower after a job loss with 微粒贷 and a credit card,
//!   asking both for a payment holiday;
//! * three lenders, each offered its pro-rata share.
//!
//! `tests/fixtures/letters/NAME.LANG.txt` hold every document of each case;
//! `golden_documents` compares them and `UPDATE_LETTERS=1 cargo test --test
//! letter` rewrites them. Read a rewritten file as a case officer would
//! before committing it.

use std::str::FromStr;
use xieshang::engine::{Date, Decimal, HolidayMode, ProposalKind};
use xieshang::i18n::kit::date;
use xieshang::i18n::{money, percent, Lang};
use xieshang::engine::counter_offer::{check_offer, CounterOffer, Instalments, OfferBasis};
use xieshang::letter::{build, offer_basis, Account, AskFigures, Document, FollowUp, Household, KitFields, LetterInput, LoanKit, BLANK};
use xieshang::scenario::kit::conduct::{review_log, ConductRule};
use xieshang::scenario::kit::{Ask, Channel, Choice, ContactEntry, DateTime, Evidence, ExpenseItems, Hardship, HardshipReason, Profile};
use xieshang::scenario::{Evaluation, Scenario};

fn d(s: &str) -> Decimal {
    Decimal::from_str(s).unwrap()
}

fn day(s: &str) -> Date {
    Date::parse(s).unwrap()
}

fn ask(kind: ProposalKind, months: Option<u32>, first: &str, fallback: Option<(ProposalKind, Option<u32>)>) -> Option<Ask> {
    Some(Ask {
        kind,
        months,
        holiday_mode: None,
        first_payment_date: day(first),
        fallback: fallback.map(|(kind, months)| Choice { kind, months, holiday_mode: None }),
    })
}

fn contact(at: &str, loan: &str, channel: Channel, who: &str, ticket: &str, summary: &str, promise: &str) -> ContactEntry {
    ContactEntry {
        at: DateTime::parse(at).unwrap(),
        loan_id: loan.into(),
        channel,
        who: who.into(),
        ticket: ticket.into(),
        summary: summary.into(),
        promise: promise.into(),
        follow_up: None,
        third_party_contacted: false,
        threats: false,
    }
}

/// A borrower: the scenario, the kit's fields and the documents' date.
struct Case {
    name: &'static str,
    scenario: Scenario,
    kit: KitFields,
    today: Date,
}

impl Case {
    fn evaluation(&self) -> Evaluation {
        self.scenario.evaluate()
    }

    fn input(&self) -> LetterInput {
        build(&self.scenario, &self.evaluation(), &self.kit, Some(self.today)).expect("a valid budget")
    }
}

const BUSINESS: &str = r#"{
  "version": 1, "as_of": "2025-03-10",
  "loans": [{
    "id": "mybank", "lender": "mybank", "name": "网商贷 经营贷", "principal": "40000.00",
    "rate": { "value": "0.05", "unit": "daily_percent" }, "method": "equal_installment", "months": 12,
    "overdue": { "days": 15, "principal": "4000.00", "interest": "300.00" },
    "next_due_date": "2025-03-25", "settlement_offer": "32000"
  }],
  "budget": {
    "income": "12000", "expenses": "6000", "other_obligations": "0", "buffer_percent": "10",
    "forecast": ["8000", "9000", "12000", "15000", "12000", "6000", "4000", "12000", "16000", "18000", "12000", "25000"]
  }
}"#;

fn business() -> Case {
    let mut call = contact("2025-03-09T22:40", "mybank", Channel::PhoneIn, "自称“法务部”的催收人员", "", "晚上来电，说要联系我的紧急联系人并“上门核实”。", "");
    call.threats = true;
    let mut chat = contact(
        "2025-03-08T10:15",
        "mybank",
        Channel::AppChat,
        "在线客服 工号 2231",
        "WS20250308-0456",
        "说明经营困难，申请个性化分期；客服让提交书面申请和近 3 个月流水。",
        "3 个工作日内由专员回电",
    );
    chat.follow_up = Some(day("2025-03-13"));
    Case {
        name: "business",
        scenario: Scenario::from_json(BUSINESS).unwrap(),
        kit: KitFields {
            profile: Profile { name: "王丽".into(), phone: "138****6621".into(), city: "杭州".into() },
            household: Household { adults: Some(2), dependants: Some(1) },
            hardship: Some(Hardship {
                reason: HardshipReason::BusinessLoss,
                since: day("2024-11-01"),
                details: "我在商场经营一家服装店，商场自去年 11 月起装修，客流减少约四成，每月营业额从约 5 万元降到 3 万元左右。商场通知装修将于 2025 年 5 月完工。".into(),
                temporary: true,
                evidence: vec![Evidence::IdCard, Evidence::BankStatements, Evidence::BusinessRecords],
            }),
            expense_items: Some(ExpenseItems {
                housing: d("2500"),
                utilities: d("400"),
                food: d("1800"),
                transport: d("300"),
                children: d("600"),
                insurance: d("250"),
                communication: d("150"),
                ..ExpenseItems::default()
            }),
            loans: vec![LoanKit {
                loan_id: "mybank".into(),
                contract_no: "WSD2023110800127".into(),
                ask: ask(ProposalKind::CashFlowPlan, None, "2025-03-25", Some((ProposalKind::FrozenInstalments, None))),
            }],
            contact_log: vec![call, chat],
        },
        today: day("2025-03-10"),
    }
}

const JOB_LOSS: &str = r#"{
  "version": 1, "as_of": "2025-06-01",
  "loans": [
    { "id": "weilidai", "lender": "weilidai", "principal": "30000.00",
      "rate": { "value": "0.05", "unit": "daily_percent" }, "method": "equal_principal", "months": 10,
      "next_due_date": "2025-06-20" },
    { "id": "card", "lender": "credit_card", "name": "招商银行信用卡", "principal": "15000.00",
      "rate": { "value": "0.05", "unit": "daily_percent" }, "method": "equal_installment", "months": 12,
      "overdue": { "days": 35, "principal": "1200.00", "interest": "180.00" }, "next_due_date": "2025-06-15" }
  ],
  "budget": { "income": "5000", "expenses": "3800", "other_obligations": "0", "buffer_percent": "5" }
}"#;

fn job_loss() -> Case {
    let mut card_ask = ask(ProposalKind::PaymentHoliday, Some(3), "2025-06-15", Some((ProposalKind::FrozenInstalments, None)));
    if let Some(a) = card_ask.as_mut() {
        a.holiday_mode = Some(HolidayMode::Capitalised);
    }
    let mut mum = contact("2025-05-28T21:50", "card", Channel::PhoneIn, "催收外包公司", "", "对方给我母亲打电话催款。", "");
    mum.third_party_contacted = true;
    Case {
        name: "job-loss",
        scenario: Scenario::from_json(JOB_LOSS).unwrap(),
        kit: KitFields {
            profile: Profile { name: "李强".into(), ..Profile::default() },
            household: Household { adults: Some(2), dependants: None },
            hardship: Some(Hardship {
                reason: HardshipReason::JobLoss,
                since: day("2025-04-30"),
                details: "公司裁员，我已办理失业登记，每月领取失业保险金，家庭收入主要靠妻子的工资。我正在求职，已有两家公司进入面试。".into(),
                temporary: true,
                evidence: vec![Evidence::Unemployment, Evidence::BankStatements],
            }),
            expense_items: Some(ExpenseItems { housing: d("1500"), utilities: d("300"), food: d("1400"), transport: d("200"), communication: d("100"), medical: d("300"), ..ExpenseItems::default() }),
            loans: vec![
                LoanKit { loan_id: "weilidai".into(), contract_no: String::new(), ask: ask(ProposalKind::PaymentHoliday, Some(3), "2025-06-20", Some((ProposalKind::TermExtension, Some(24)))) },
                LoanKit { loan_id: "card".into(), contract_no: "卡号尾号 8841".into(), ask: card_ask },
            ],
            contact_log: vec![
                contact("2025-05-20T09:30", "card", Channel::PhoneOut, "信用卡中心 工号 6617", "", "说明失业，申请暂缓还款；对方要求提供失业证明。", "收到材料后 5 个工作日内答复"),
                mum,
            ],
        },
        today: day("2025-06-01"),
    }
}

const THREE: &str = r#"{
  "version": 1,
  "loans": [
    { "id": "mybank", "lender": "mybank", "principal": "50000.00",
      "rate": { "value": "0.05", "unit": "daily_percent" }, "method": "equal_installment", "months": 12,
      "overdue": { "days": 20, "principal": "3800.00", "interest": "750.00" } },
    { "id": "jiebei", "lender": "jiebei", "principal": "20000.00",
      "rate": { "value": "0.035", "unit": "daily_percent" }, "method": "equal_installment", "months": 12 },
    { "id": "card", "lender": "credit_card", "principal": "8000.00",
      "rate": { "value": "0.05", "unit": "daily_percent" }, "method": "equal_installment", "months": 24,
      "overdue": { "days": 45, "principal": "400.00", "interest": "120.00" } }
  ],
  "budget": { "income": "16000", "expenses": "7000", "other_obligations": "500", "buffer_percent": "10" }
}"#;

fn three_lenders() -> Case {
    let mut log = vec![contact("2025-03-01T14:00", "mybank", Channel::AppChat, "在线客服", "MB-88213", "提交个性化还款方案申请和收支说明。", "7 个工作日内答复")];
    for t in ["09:05", "10:10", "11:20", "13:00", "15:30", "17:45", "22:30"] {
        log.push(contact(&format!("2025-03-05T{t}"), "mybank", Channel::PhoneIn, "", "", "催收来电，要求全额还款。", ""));
    }
    log.push(contact("2025-03-12T16:00", "mybank", Channel::AppChat, "贷后专员 工号 5120", "MB-88213", "答复：不能按我的方案办理，只能按原合同还款。", ""));
    Case {
        name: "three-lenders",
        scenario: Scenario::from_json(THREE).unwrap(),
        kit: KitFields {
            profile: Profile { name: "陈晓明".into(), phone: "139****0457".into(), city: "成都".into() },
            household: Household { adults: Some(1), dependants: Some(2) },
            hardship: Some(Hardship {
                reason: HardshipReason::IncomeDrop,
                since: day("2024-12-01"),
                details: "单位降薪，我的月收入从 2.2 万元降到 1.6 万元。".into(),
                temporary: false,
                evidence: vec![Evidence::IncomeProof, Evidence::BankStatements, Evidence::CreditReport],
            }),
            expense_items: None,
            loans: vec![
                LoanKit { loan_id: "mybank".into(), contract_no: "WSD2024050100388".into(), ask: ask(ProposalKind::FrozenInstalments, None, "2025-04-10", Some((ProposalKind::TermExtension, Some(24)))) },
                LoanKit { loan_id: "jiebei".into(), contract_no: String::new(), ask: ask(ProposalKind::TermExtension, None, "2025-04-10", Some((ProposalKind::FrozenInstalments, None))) },
                LoanKit { loan_id: "card".into(), contract_no: "卡号尾号 3306".into(), ask: ask(ProposalKind::PenaltyWaiver, Some(2), "2025-04-10", Some((ProposalKind::FrozenInstalments, None))) },
            ],
            contact_log: log,
        },
        today: day("2025-03-20"),
    }
}

fn cases() -> Vec<Case> {
    vec![business(), job_loss(), three_lenders()]
}

/// Every document of a case: the statement, then each asked lender's.
fn bundle(input: &LetterInput, lang: Lang) -> String {
    let mut out = input.statement(lang);
    for (i, a) in input.accounts.iter().enumerate().filter(|(_, a)| a.ask.is_some()) {
        for doc in [Document::Letter, Document::FollowUp(FollowUp::NoReply), Document::FollowUp(FollowUp::StillNoReply), Document::FollowUp(FollowUp::Reconsider), Document::CallKit] {
            out.push_str(&format!("\n──────── {doc:?} · {} ────────\n\n", i + 1));
            out.push_str(&input.render(doc, lang, a));
        }
    }
    out
}

fn fixture(name: &str, lang: Lang) -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/letters").join(format!("{name}.{}.txt", lang.tag()))
}

#[test]
fn golden_documents() {
    let update = std::env::var("UPDATE_LETTERS").is_ok_and(|v| v == "1");
    let mut failures = Vec::new();
    let wanted = [("business", Lang::Zh), ("business", Lang::En), ("job-loss", Lang::Zh), ("three-lenders", Lang::Zh)];
    for case in cases() {
        for (_, lang) in wanted.iter().filter(|(n, _)| *n == case.name) {
            let got = bundle(&case.input(), *lang);
            let path = fixture(case.name, *lang);
            if update {
                std::fs::create_dir_all(path.parent().unwrap()).unwrap();
                std::fs::write(&path, &got).unwrap();
                continue;
            }
            match std::fs::read_to_string(&path) {
                Ok(want) if want == got => {}
                Ok(want) => {
                    let line = want.lines().zip(got.lines()).position(|(a, b)| a != b).unwrap_or(0) + 1;
                    failures.push(format!("{}: differs from line {line}", path.display()));
                }
                Err(_) => failures.push(format!("{}: missing (UPDATE_LETTERS=1 writes it)", path.display())),
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// The ¥ amounts of a text, in order.
fn amounts(text: &str) -> Vec<Decimal> {
    text.split('¥')
        .skip(1)
        .map(|s| {
            let num: String = s.chars().take_while(|c| c.is_ascii_digit() || *c == ',' || *c == '.').collect();
            d(num.trim_end_matches('.').replace(',', "").as_str())
        })
        .collect()
}

fn line_with<'a>(text: &'a str, start: &str) -> &'a str {
    text.lines().find(|l| l.starts_with(start)).unwrap_or_else(|| panic!("no line starting {start:?} in\n{text}"))
}

/// Every workable proposal of the case's first loan as its ask.
fn every_ask(case: &Case) -> Vec<(LetterInput, AskFigures)> {
    let ev = case.evaluation();
    let base = case.input();
    let first = &base.accounts[0];
    let id = &case.scenario.loans[0].id;
    ev.proposals
        .iter()
        .filter(|p| &p.loan_id == id)
        .filter_map(|p| AskFigures::of(p, day("2025-04-15")))
        .map(|ask| {
            let mut input = base.clone();
            input.accounts[0] = Account { ask: Some(ask.clone()), ..first.clone() };
            (input, ask)
        })
        .collect()
}

#[test]
fn every_ask_kind_renders_in_both_languages() {
    let mut seen = Vec::new();
    for case in [business(), three_lenders()] {
        for (input, ask) in every_ask(&case) {
            seen.push((ask.kind, ask.params.holiday_mode));
            for lang in [Lang::Zh, Lang::En] {
                for doc in Document::ALL {
                    let text = input.render(doc, lang, &input.accounts[0]);
                    assert!(!text.contains("{?"), "{doc:?} {:?} {lang:?}:\n{text}", ask.kind);
                }
                let letter = input.render(Document::Letter, lang, &input.accounts[0]);
                let start = if lang == Lang::Zh { "我申请个性化还款方案：" } else { "I ask for a personalised repayment plan:" };
                let line = line_with(&letter, start);
                assert!(!line.contains(BLANK), "{line}");
                assert!(line.contains(&money(ask.figures.total_paid)) && line.contains(&date(ask.first_date, lang)), "{line}");
            }
        }
    }
    use ProposalKind::*;
    for want in [(TermExtension, None), (FrozenInstalments, None), (PenaltyWaiver, None), (Settlement, None), (CashFlowPlan, None)] {
        assert!(seen.contains(&want), "{want:?} never rendered");
    }
    for mode in [HolidayMode::InterestOnly, HolidayMode::Capitalised] {
        assert!(seen.contains(&(PaymentHoliday, Some(mode))), "{mode:?} never rendered");
    }
}

/// Every amount of the ask line is one the evaluation computed, and the
/// canonical phrase reads back exactly: owed, monthly payment, total.
#[test]
fn figures_in_the_text_are_the_evaluations() {
    for case in [business(), three_lenders()] {
        for (input, ask) in every_ask(&case) {
            let acc = &input.accounts[0];
            let letter = input.render(Document::Letter, Lang::Zh, acc);
            let line = line_with(&letter, "我申请个性化还款方案：");
            let f = &ask.figures;
            let mut known: Vec<Decimal> = f.schedule.iter().map(|r| r.payment).collect();
            known.extend([acc.owed_now, acc.overdue.amount(), f.total_paid, f.discount.unwrap_or_default()]);
            for a in amounts(line) {
                assert!(known.contains(&a), "{a} in {line:?} is not a figure of {:?}", ask.kind);
            }
            assert!(line.contains(&format!("共 {} 期", f.months)) || ask.kind == ProposalKind::Settlement, "{line}");
            if ask.kind == ProposalKind::FrozenInstalments {
                let last = f.schedule.last().unwrap().payment;
                let mut want = vec![acc.owed_now, f.monthly_payment];
                if last != f.monthly_payment {
                    want.push(last);
                }
                want.push(f.total_paid);
                assert_eq!(amounts(line), want, "{line}");
            }
            if ask.kind != ProposalKind::Settlement {
                let rec = line_with(&letter, "按此方案，贵方可收回");
                assert_eq!(amounts(rec), vec![f.lender_pv], "{rec}");
                assert!(rec.contains(&percent(f.principal_recovered_percent)) && rec.contains(&percent(f.lender_pv_percent)), "{rec}");
            }
        }
    }
}

#[test]
fn the_statement_is_the_same_for_every_lender_and_adds_up() {
    let input = three_lenders().input();
    for lang in [Lang::Zh, Lang::En] {
        let s = input.statement(lang);
        for a in &input.accounts {
            assert_eq!(input.render(Document::Statement, lang, a), s);
        }
    }
    let s = input.statement(Lang::Zh);
    let st = &input.statement;
    // income − expenses − other − buffer = available, as printed.
    let sum = line_with(&s, "¥16,000.00 − ");
    assert_eq!(amounts(sum), vec![st.income, st.expenses, st.other_obligations, st.buffer, st.available]);
    assert_eq!(st.income - st.expenses - st.other_obligations - st.buffer, st.available);
    // One line per debt: owed, contract instalment, fair share, offer; the shares use up the amount available.
    let mut shares = Decimal::ZERO;
    for (i, a) in input.accounts.iter().enumerate() {
        let line = line_with(&s, &format!("{}. ", i + 1));
        let got = amounts(line);
        assert_eq!(&got[..3], &[a.owed_now, a.contract_payment, a.share], "{line}");
        // The offer: its first instalment, then only amounts of its schedule.
        let f = &a.ask.as_ref().unwrap().figures;
        assert_eq!(got[3], f.monthly_payment, "{line}");
        assert!(got[3..].iter().all(|x| f.schedule.iter().any(|r| r.payment == *x)), "{line}");
        shares += a.share;
    }
    assert_eq!(shares, st.available);
    assert!(s.contains("按各笔目前欠款的比例分配") && s.contains("每一家贷款方受到同等对待"), "{s}");
}

#[test]
fn missing_facts_leave_clear_blanks() {
    let case = business();
    let mut input = case.input();
    input.profile = Profile::default();
    input.hardship = None;
    input.date = None;
    input.household = Household::default();
    input.accounts[0].contract_no.clear();
    input.accounts[0].ask = None;
    input.accounts[0].fallback = None;
    input.accounts[0].log.clear();
    input.accounts[0].first_request = None;
    let acc = &input.accounts[0];
    let zh = input.render(Document::Letter, Lang::Zh, acc);
    for want in [
        "申请人：________　联系电话：________　所在城市：________",
        "借款：网商贷 经营贷　合同编号/借据号：________",
        "自 ________ 起，________。",
        "我申请个性化还款方案：自 ________ 起每月还款 ________，共 ________ 期。",
        "申请人（签名）：________　　日期：________",
        "附件：1. 收支说明",
    ] {
        assert!(zh.contains(want), "{want:?} missing in\n{zh}");
    }
    let en = input.render(Document::Letter, Lang::En, acc);
    assert!(en.contains("Applicant: ________    Phone: ________    City: ________"), "{en}");
    assert!(en.contains("I ask for a personalised repayment plan: from ________, ________ a month for ________ months."), "{en}");
    let statement = input.statement(Lang::Zh);
    assert!(statement.contains("共同生活的成年人 ________ 人，需要抚养或赡养的人 ________ 人。"), "{statement}");
    for lang in [Lang::Zh, Lang::En] {
        for doc in Document::ALL {
            let text = input.render(doc, lang, acc);
            assert!(!text.contains("{?"), "{text}");
            // No sentence broken by a missing value.
            for broken in ["：。", "，。", "：，", " .", " ,", "()", "（）", "：\n\n", ":\n\n"] {
                assert!(!text.contains(broken), "{broken:?} in {doc:?} {lang:?}:\n{text}");
            }
        }
    }
}

/// A4 at 10.5 pt with 2 cm margins: about 46 lines of 92 half-width columns
/// (a Chinese character takes two).
fn printed_lines(text: &str) -> usize {
    let width = |l: &str| l.chars().map(|c| if c.is_ascii() { 1 } else { 2 }).sum::<usize>();
    text.lines().map(|l| width(l).div_ceil(92).max(1)).sum()
}

#[test]
fn a_typical_letter_fits_one_a4_page() {
    for case in cases() {
        let input = case.input();
        for a in input.accounts.iter().filter(|a| a.ask.is_some()) {
            let letter = input.render(Document::Letter, Lang::Zh, a);
            assert!(printed_lines(&letter) <= 46, "{} lines:\n{letter}", printed_lines(&letter));
        }
    }
}

#[test]
fn the_letters_ask_for_a_personalised_plan_and_claim_nothing_unsourced() {
    for case in cases() {
        let input = case.input();
        for lang in [Lang::Zh, Lang::En] {
            let all = bundle(&input, lang);
            for banned in ["停息挂账", "7 天", "7天", "七天", "7 days", "seven days", "视为同意", "deemed", "保证", "guarantee"] {
                assert!(!all.contains(banned), "{banned:?} in {} {lang:?}", case.name);
            }
        }
        for a in input.accounts.iter().filter(|a| a.ask.is_some()) {
            assert!(input.render(Document::Letter, Lang::Zh, a).contains("个性化还款方案"));
        }
    }
}

#[test]
fn long_details_are_kept_whole() {
    let mut input = business().input();
    let details = "字".repeat(1000);
    input.hardship.as_mut().unwrap().details = details.clone();
    let letter = input.render(Document::Letter, Lang::Zh, &input.accounts[0]);
    assert!(letter.contains(&details));
}

#[test]
fn follow_ups_cite_the_first_request_and_the_log() {
    let input = three_lenders().input();
    let mybank = &input.accounts[0];
    assert_eq!(mybank.first_request, Some(day("2025-03-01")));
    let no_reply = input.render(Document::FollowUp(FollowUp::NoReply), Lang::Zh, mybank);
    assert!(no_reply.contains("我已于 2025年3月1日 向贵方提交个性化还款方案申请"), "{no_reply}");
    // Seven calls alike on one day are cited once; the summary's full stop gives way to what follows.
    assert!(no_reply.contains("· 2025年3月5日 09:05 至 22:30，对方来电 7 次：催收来电，要求全额还款\n"), "{no_reply}");
    assert!(no_reply.contains("· 2025年3月1日 14:00，App 在线客服，在线客服，工单号 MB-88213：提交个性化还款方案申请和收支说明；对方承诺：7 个工作日内答复"), "{no_reply}");
    assert!(no_reply.contains("· 2025年3月12日 16:00，App 在线客服，贷后专员 工号 5120，工单号 MB-88213："), "{no_reply}");
    let still = input.render(Document::FollowUp(FollowUp::StillNoReply), Lang::Zh, mybank);
    assert!(still.contains("至今共联系贵方 9 次") && still.contains("12378"), "{still}");
    let again = input.render(Document::FollowUp(FollowUp::Reconsider), Lang::En, mybank);
    assert!(again.contains("On 12 March 2025 you declined the personalised repayment plan I asked for on 1 March 2025."), "{again}");
    let fallback = mybank.fallback.as_ref().unwrap();
    let line = line_with(&again, "If that is not acceptable, I could also accept:");
    assert!(line.contains(&money(fallback.figures.total_paid)) && line.contains("into 24 monthly instalments"), "{line}");
}

#[test]
fn a_long_log_cites_the_latest_contacts() {
    let mut input = three_lenders().input();
    let mybank = &mut input.accounts[0];
    let first = mybank.log[0].clone();
    mybank.log = (0..12).map(|k| ContactEntry { summary: format!("第 {k} 次联系"), ..first.clone() }).collect();
    let text = input.render(Document::FollowUp(FollowUp::NoReply), Lang::Zh, &input.accounts[0]);
    assert!(text.contains("（较早的 4 次联系从略）\n· 2025年3月1日 14:00，App 在线客服，在线客服，工单号 MB-88213：第 4 次联系"), "{text}");
    assert!(text.contains("第 11 次联系") && !text.contains("第 3 次联系"), "{text}");
}

#[test]
fn the_log_of_a_hard_day_is_flagged_and_the_call_kit_names_the_hotline() {
    let case = three_lenders();
    let reviews = review_log(&case.kit.contact_log, Some(day("2025-03-20")), &|id: &str| id.to_owned());
    // Entry 7 is the 7th call of 5 March, at 22:30.
    assert_eq!(reviews[7].breaches, vec![ConductRule::NightCall, ConductRule::TooManyCalls]);
    assert!(reviews.iter().enumerate().all(|(i, r)| i == 7 || r.breaches.is_empty()));
    let input = case.input();
    let kit = input.render(Document::CallKit, Lang::Zh, &input.accounts[0]);
    assert!(kit.contains("22:00 至次日 08:00 之间来电、一天来电超过 6 次") && kit.contains("12378"), "{kit}");
    // Credit cards: the Article 70 items are on the checklist.
    let card = input.render(Document::CallKit, Lang::Zh, &input.accounts[2]);
    assert!(card.contains("还清前不再申请新的信用卡") && !kit.contains("还清前不再申请新的信用卡"), "{card}");
}

#[test]
fn an_ask_the_evaluation_no_longer_offers_is_left_out() {
    let mut case = business();
    case.kit.loans[0].ask = ask(ProposalKind::TermExtension, Some(48), "2025-03-25", None);
    assert!(case.input().accounts[0].ask.is_none());
}

/// The counter-offer check reads the same evaluation: its basis is the
/// debt's analysis, its budget the account's share.
#[test]
fn a_counter_offer_is_checked_against_the_same_figures() {
    let case = business();
    let ev = case.evaluation();
    let basis = offer_basis(&case.scenario, &ev, "mybank").unwrap();
    let entry = &case.scenario.loans[0];
    let debt = entry.debt(case.scenario.day_count, case.scenario.as_of);
    let an = debt.analyse().unwrap();
    assert_eq!(basis, OfferBasis::of(&an, entry.lender, debt.loan.rate.monthly_fraction()));
    let input = case.input();
    let means = input.accounts[0].means();
    assert_eq!(means.budget.forecast, input.accounts[0].share_forecast);
    // The lender offers 24 × ¥2,100 with ¥1,000 down: the slow months do not carry it.
    let offer = CounterOffer {
        months: 24,
        instalments: Instalments::Monthly(d("2100")),
        monthly_fee_percent: Decimal::ZERO,
        upfront_fee: Decimal::ZERO,
        down_payment: d("1000"),
        first_payment_date: Some(day("2025-03-25")),
    };
    let c = check_offer(&offer, &basis, &means).unwrap();
    assert_eq!(c.first_unfit, Some(1), "month 1 leaves ¥1,200.00");
    assert!(c.signing_fits, "¥1,000 down within the ¥32,000 the borrower can raise");
    assert_eq!(c.saving_vs_ask, Some(input.accounts[0].ask.as_ref().unwrap().figures.total_paid - c.total_paid));
    assert_eq!(c.months[5].date, Some(day("2025-08-25")));
}
