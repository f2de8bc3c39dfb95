//! Words of the negotiation kit shared by the page and the letters: dates,
//! the names of reasons, evidence, channels, expense categories, conduct
//! rules and agreement items, and the messages of the kit's rules.

use super::fields::{words, FieldWords};
use super::{percent, Lang};
use crate::engine::counter_offer::{AgreementItem, OfferField, OfferRule};
use crate::engine::{Date, HolidayMaturity};
use crate::scenario::field::CORE_COUNT;
use crate::scenario::kit::conduct::{ConductRule, COMPLAINT_HOTLINE};
use crate::scenario::kit::figures::AskReason;
use crate::scenario::kit::{Channel, DateTime, Evidence, ExpenseCategory, HardshipReason};
use crate::scenario::Field;
use crate::letter::Words;

const MONTHS_EN: [&str; 12] =
    ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

fn month_en(d: Date) -> &'static str {
    MONTHS_EN.get(d.month() as usize - 1).copied().unwrap_or("")
}

/// 2025年3月10日 · 10 March 2025
pub fn date(d: Date, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!("{}年{}月{}日", d.year(), d.month(), d.day()),
        Lang::En => format!("{} {} {}", d.day(), month_en(d), d.year()),
    }
}

/// 2025年3月 · March 2025
pub fn year_month(d: Date, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!("{}年{}月", d.year(), d.month()),
        Lang::En => format!("{} {}", month_en(d), d.year()),
    }
}

/// 2025年3月10日 22:15 · 10 March 2025, 22:15
pub fn date_time(t: DateTime, lang: Lang) -> String {
    let sep = if lang == Lang::Zh { " " } else { ", " };
    format!("{}{sep}{:02}:{:02}", date(t.date(), lang), t.hour(), t.minute())
}

impl Lang {
    // The kit's choice labels: the main wasm draws them (the kit's fields),
    // so each language's are in its `Words` (`Names`), fetched apart.
    pub fn hardship_reason(self, r: HardshipReason) -> &'static str {
        self.words().names.hardship_reason[r as usize]
    }

    /// Also the letter's attachment names.
    pub fn evidence(self, e: Evidence) -> &'static str {
        self.words().names.evidence[e as usize]
    }

    pub fn channel(self, c: Channel) -> &'static str {
        self.words().names.channel[c as usize]
    }

    pub fn holiday_maturity(self, m: HolidayMaturity) -> &'static str {
        self.words().names.holiday_maturity[m as usize]
    }
}

/// The kit's words the page shows outside the kit's chunk (its heading,
/// the proposals' and the summary's "use this plan" buttons): the main
/// wasm holds these; the rest ([`KitWords`]) only the kit's chunk.
pub struct KitText {
    pub heading: &'static str,
    pub use_as_ask: &'static str,
    pub is_ask: &'static str,
    pub use_plan: &'static str,
    pub plan_is_asks: &'static str,
}

/// The kit's words that read its figures, in the language of the texts the
/// kit was handed (`letter::Words`: only the reader's language is fetched).
impl Words {
    pub fn expense_category(&self, c: ExpenseCategory) -> &'static str {
        self.kit.expense_categories[c as usize]
    }

    /// The rule and where to complain.
    pub fn conduct_rule(&self, r: ConductRule) -> String {
        let c = &self.kit.conduct;
        [c[r as usize], c[5], &super::fill(c[4], &[COMPLAINT_HOTLINE])].concat()
    }

    /// What the written agreement should state.
    pub fn agreement_item(&self, i: AgreementItem) -> &'static str {
        self.kit.agreement_items[i as usize]
    }

    /// Why an ask is not offered any more, as a phrase to follow its field.
    pub fn ask_reason(&self, r: &AskReason) -> String {
        let t = &self.kit.ask_reasons;
        match r {
            AskReason::NotListed => t[0].into(),
            AskReason::Infeasible { why } => super::fill(t[1], &[self.lang.infeasible(why).trim_end_matches(['。', '.'])]),
            AskReason::MonthsNotOffered { offered } if offered.is_empty() => t[2].into(),
            AskReason::MonthsNotOffered { offered } => {
                // Written onto one text, not collected and joined (`join`'s code).
                let mut list = String::new();
                for (k, n) in offered.iter().enumerate() {
                    if k > 0 {
                        list.push_str(t[4]);
                    }
                    list.push_str(&n.to_string());
                }
                super::fill(t[3], &[&list])
            }
            AskReason::HolidayNotOffered => t[5].into(),
        }
    }

    /// A counter-offer field's rule.
    pub fn offer_rule(&self, field: OfferField, rule: OfferRule) -> String {
        use OfferRule::*;
        let t = &self.kit.offer_rules;
        let k = match (rule, field) {
            (OutOfRange, OfferField::Months) => 0,
            (OutOfRange, OfferField::MonthlyFee) => {
                return super::fill(t[1], &[&percent(crate::engine::counter_offer::MAX_MONTHLY_FEE_PERCENT)]);
            }
            (OutOfRange, _) => 2,
            (NotPositive, OfferField::Owed) => 3,
            (NotPositive, _) => 4,
            (Negative, _) => 5,
            (TooLarge, _) => 6,
            (NotInFen, _) => 7,
            (CoversDebt, _) => 8,
        };
        t[k].into()
    }
}

/// The kit section's own words on the page, in one language. `{}` marks
/// where a value goes.
pub struct KitWords {
    pub intro: &'static str,
    pub asks_heading: &'static str,
    pub no_ask: &'static str,
    pub about_heading: &'static str,
    pub hardship_heading: &'static str,
    pub expenses_heading: &'static str,
    pub expenses_total: &'static str,
    pub documents_heading: &'static str,
    pub document: &'static str,
    pub lender: &'static str,
    pub no_documents: &'static str,
    pub copy: &'static str,
    pub copied: &'static str,
    pub copy_selected: &'static str,
    pub download: &'static str,
    pub print: &'static str,
    pub log_heading: &'static str,
    pub log_intro: &'static str,
    pub log_empty: &'static str,
    pub add_entry: &'static str,
    pub edit: &'static str,
    pub done: &'static str,
    pub remove: &'static str,
    pub removed: &'static str,
    pub undo: &'static str,
    pub all_lenders: &'static str,
    pub promised: &'static str,
    pub follow_up_on: &'static str,
    pub offer_heading: &'static str,
    pub offer_intro: &'static str,
    pub offer_months: &'static str,
    pub offer_stated_as: &'static str,
    pub offer_monthly: &'static str,
    pub offer_total: &'static str,
    pub offer_rate: &'static str,
    pub offer_amount: &'static str,
    pub offer_fee: &'static str,
    pub offer_upfront: &'static str,
    pub offer_down: &'static str,
    pub offer_first_date: &'static str,
    pub true_apr: &'static str,
    pub forgives: &'static str,
    pub at_signing: &'static str,
    /// The offer against the contract, doing nothing (12 months) and the ask:
    /// labels for "多付 ¥X" / "少付 ¥X".
    pub offer_vs: [&'static str; 3],
    /// The offer's true rate is above 24 % a year.
    pub offer_above_24: &'static str,
    pub every_month_fits: &'static str,
    /// An ask that first pays nothing: its first payment (the date, then the months paused).
    pub paused_first: [&'static str; 2],
    /// A hold's review date, as the ask's figures show it.
    pub review_date: &'static str,
    /// At an ask's first payment date that has passed.
    pub past_date: &'static str,
    /// At an ask over budget (`letter::OverBudget`): its instalment, its
    /// share, what the asks need together, what is available.
    pub over_budget: &'static str,
    /// Above the asks while one is over budget or no longer offered, and
    /// the button that makes every ask the current plan's pick again.
    pub asks_changed: &'static str,
    pub replan: &'static str,
    /// At a follow-up letter while a follow-up date is to come (`{}`: it).
    pub wait_follow_up: &'static str,
    pub month_does_not_fit: &'static str,
    pub signing_does_not_fit: &'static str,
    pub months_table: &'static str,
    pub col_date: &'static str,
    pub col_available: &'static str,
    pub col_fits: &'static str,
    pub checklist_heading: &'static str,
    /// By `ExpenseCategory`.
    pub expense_categories: [&'static str; 9],
    /// By `ConductRule`; then where to complain (`{}`: the hotline) and
    /// what joins the two.
    pub conduct: [&'static str; 6],
    pub follow_up_due: &'static str,
    /// By `AgreementItem`.
    pub agreement_items: [&'static str; 9],
    /// Why an ask is not offered ([`Words::ask_reason`]): not listed,
    /// infeasible (`{}`: why), months not offered, the same with the months
    /// offered (`{}`), what separates those, holiday not offered.
    pub ask_reasons: [&'static str; 6],
    /// A counter-offer's rules ([`Words::offer_rule`]): months out of range,
    /// fee above its most (`{}`), rate out of range, nothing owed, not
    /// positive, negative, too large, not in fen, covers the debt.
    pub offer_rules: [&'static str; 9],
}

pub const KIT_ZH: KitText = KitText {
    heading: "协商材料",
    use_as_ask: "用这个方案去协商",
    is_ask: "✓ 已选为协商方案",
    use_plan: "用这个组合方案去协商",
    plan_is_asks: "✓ 已设为各家的协商方案",
};

pub const KIT_WORDS_ZH: KitWords = KitWords {
    intro: "把上面的数字变成贷款方可以批准的申请：为每家选好方案，填写困难情况，然后查看、复制、下载或打印申请书、收支说明和通话准备。所有内容只在本机生成。",
    asks_heading: "向每家贷款方提出的方案",
    no_ask: "还没有选定方案：在上面的方案卡片上点“用这个方案去协商”，或在这里勾选。",
    about_heading: "申请人",
    hardship_heading: "困难情况",
    expenses_heading: "必要开支明细",
    expenses_total: "必要开支合计",
    documents_heading: "文书",
    document: "文书",
    lender: "贷款方",
    no_documents: "收支信息有误，改正后才能生成文书。",
    copy: "复制",
    copied: "已复制",
    copy_selected: "无法访问剪贴板：文字已选中，请按 Ctrl+C（手机上长按）复制。",
    download: "下载 .txt",
    print: "打印",
    log_heading: "联系记录",
    log_intro: "每次沟通都记下来：时间、对方、工单号、说了什么、承诺了什么。违反催收行为规范的会标出来。",
    log_empty: "还没有记录。",
    add_entry: "添加记录",
    edit: "编辑",
    done: "完成",
    remove: "删除",
    removed: "已删除一条记录。",
    undo: "撤销",
    all_lenders: "全部贷款方",
    promised: "对方承诺：",
    follow_up_on: "跟进日期：",
    offer_heading: "核对对方的还款方案",
    offer_intro: "输入贷款方提出的方案，看它的真实年化利率、总成本，以及每个月是否负担得起。",
    offer_months: "期数",
    offer_stated_as: "对方给出的是",
    offer_monthly: "每月还款额",
    offer_total: "分期还款总额",
    offer_rate: "年利率（%）",
    offer_amount: "金额或利率",
    offer_fee: "每期手续费率（%，可选）",
    offer_upfront: "一次性费用（元，可选）",
    offer_down: "首付（元，可选）",
    offer_first_date: "首次还款日（可选）",
    true_apr: "真实年化利率（IRR）",
    forgives: "减免了部分欠款",
    at_signing: "签约时支付",
    offer_vs: ["比原合同", "比什么都不做（12个月内）", "比你提出的方案"],
    offer_above_24: "这个方案的真实年化超过 24%：法院在金融借款纠纷中通常会调减超过年化 24% 的逾期费用，可以据此要求降低（仅供参考，不构成法律意见）。",
    every_month_fits: "每个月都在预算之内",
    paused_first: ["首次付款", "{}（先暂停 {} 个月）"],
    review_date: "复核日期",
    past_date: "这个日期已经过了，请改成今天或以后的日期（改之前，文书里的日期留空）",
    over_budget: "超出预算：这一家每月 {}，按比例份额 {}；各家方案合计每月 {}，超过每月可用的 {}。请重新选择",
    asks_changed: "数字改了：有的方案已超出预算或已不可选（见下面各家的提示），文书里这些方案不再可信。",
    replan: "按现在的数字重新生成各家的方案",
    wait_follow_up: "对方承诺在 {} 前答复：到那天还没有答复，再发这封跟进函。",
    month_does_not_fit: "第 {} 期超出预算",
    signing_does_not_fit: "签约时的付款超出你能筹到的现金",
    months_table: "逐月对照预算",
    col_date: "日期",
    col_available: "可用金额",
    col_fits: "负担得起",
    checklist_heading: "书面协议应写明",
    expense_categories: [
        "住房（房租或房贷）",
        "水电燃气",
        "伙食和日用品",
        "交通",
        "子女抚养和教育",
        "医疗",
        "保险",
        "通讯",
        "其他必要支出",
    ],
    conduct: [
        "22:00 至次日 08:00 之间来电",
        "同一天未接来电超过 6 次",
        "联系了与借款无关的第三方",
        "威胁、辱骂或冒充公检法等",
        "可向金融监管部门消费者投诉热线 {} 投诉",
        "，",
    ],
    follow_up_due: "已到跟进日期",
    agreement_items: [
        "欠款总额及构成（本金、利息、费用、罚息）",
        "还款期限和方式",
        "每期还款日期和金额",
        "方案期间是否继续计收利息、年费和其他费用",
        "已产生的罚息如何处理",
        "方案执行期间和结清后如何报送征信",
        "双方的义务，以及未按方案还款的后果",
        "还清前不再申请新的信用卡（第七十条）",
        "协议签订后停止催收",
    ],
    ask_reasons: [
        "这笔借款已没有这类方案，请重新选择",
        "这个方案已不可行：{}；请重新选择",
        "这个期数已不在可选范围内，请重新选择",
        "这个期数已不在可选范围内（可选：{} 个月），请重新选择",
        "、",
        "这种宽限期已不在可选范围内，请重新选择",
    ],
    offer_rules: [
        "期数须在 1 到 600 之间",
        "每期费率最高 {}",
        "年化超过 1000%，请检查",
        "这笔借款没有欠款",
        "须大于 0",
        "不能为负数",
        "金额不能超过 1 万亿",
        "金额最多两位小数（分）",
        "首付和费用已覆盖全部欠款：这是一次性结清，不是分期",
    ],
};

pub const KIT_EN: KitText = KitText {
    heading: "Negotiation kit",
    use_as_ask: "Ask for this plan",
    is_ask: "✓ This is your ask",
    use_plan: "Ask every lender for this plan",
    plan_is_asks: "✓ Set as every lender's ask",
};

pub const KIT_WORDS_EN: KitWords = KitWords {
    intro: "Turn the figures above into a request a lender can approve: pick a plan for each lender, describe the hardship, then read, copy, download or print the letter, the financial statement and the call kit. Everything is made on this device.",
    asks_heading: "What you ask each lender",
    no_ask: "No plan chosen yet: press \"Ask for this plan\" on a proposal above, or tick it here.",
    about_heading: "About you",
    hardship_heading: "Hardship",
    expenses_heading: "Essential expenses by category",
    expenses_total: "Essential expenses in all",
    documents_heading: "Documents",
    document: "Document",
    lender: "Lender",
    no_documents: "The budget has a problem: fix it to make the documents.",
    copy: "Copy",
    copied: "Copied",
    copy_selected: "The clipboard is not available: the text is selected, press Ctrl+C (or long-press) to copy it.",
    download: "Download .txt",
    print: "Print",
    log_heading: "Contact log",
    log_intro: "Record every contact: when, who, the ticket number, what was said and promised. Breaches of the collection-conduct rules are flagged.",
    log_empty: "Nothing recorded yet.",
    add_entry: "Add an entry",
    edit: "Edit",
    done: "Done",
    remove: "Remove",
    removed: "An entry was removed.",
    undo: "Undo",
    all_lenders: "All lenders",
    promised: "Promised: ",
    follow_up_on: "Follow up on ",
    offer_heading: "Check the lender's offer",
    offer_intro: "Type what the lender offered to see its true annual rate, what it costs in all, and whether every month fits your budget.",
    offer_months: "Months",
    offer_stated_as: "The offer states",
    offer_monthly: "a monthly payment",
    offer_total: "the total of the instalments",
    offer_rate: "an annual rate (%)",
    offer_amount: "Amount or rate",
    offer_fee: "Fee per month (%, optional)",
    offer_upfront: "One-off fee (¥, optional)",
    offer_down: "Down payment (¥, optional)",
    offer_first_date: "First payment date (optional)",
    true_apr: "True annual rate (IRR)",
    forgives: "forgives part of the debt",
    at_signing: "Paid at signing",
    offer_vs: ["Against the contract", "Against doing nothing (12 months)", "Against your ask"],
    offer_above_24: "This offer's true annual rate is above 24%: courts tend to reduce overdue charges above 24% a year in financial-loan disputes, a reason to ask for less (context, not legal advice).",
    every_month_fits: "Every month fits the budget",
    paused_first: ["First payment", "{} (after {} months with nothing to pay)"],
    review_date: "Review on",
    past_date: "This date has passed: choose today or a later date (until then the documents leave it blank)",
    over_budget: "Over budget: {} a month here against a pro-rata share of {}; the asks together need {} a month, more than the {} available. Choose again",
    asks_changed: "The figures changed: some asks are over budget or no longer offered (see each lender below), and the documents cannot be relied on for them.",
    replan: "Re-make every lender's ask from the current figures",
    wait_follow_up: "The lender promised an answer by {}: send this follow-up only if none has come by then.",
    month_does_not_fit: "Month {} is over the budget",
    signing_does_not_fit: "The payment at signing is more than the cash you can raise",
    months_table: "Month by month against the budget",
    col_date: "Date",
    col_available: "Available",
    col_fits: "Fits",
    checklist_heading: "The written agreement should state",
    expense_categories: [
        "Housing (rent or mortgage)",
        "Utilities",
        "Food and housekeeping",
        "Transport",
        "Children and school",
        "Medical",
        "Insurance",
        "Phone and internet",
        "Other essentials",
    ],
    conduct: [
        "call between 22:00 and 08:00",
        "more than 6 unanswered calls in one day",
        "contacted unrelated third parties",
        "threats, abuse or impersonating officials",
        "complaints: the financial regulator's hotline {}",
        "; ",
    ],
    follow_up_due: "follow-up due",
    agreement_items: [
        "the balance and its parts (principal, interest, fees, penalty)",
        "the repayment period and method",
        "each payment's date and amount",
        "whether interest, annual fees and other charges continue",
        "what happens to the penalty interest already charged",
        "how the account is reported to the credit bureau, during and after",
        "both sides' duties and what happens on default",
        "no new card applications until settled (Article 70)",
        "collection stops once signed",
    ],
    ask_reasons: [
        "no proposal of this kind is offered for this loan now; choose again",
        "this proposal no longer works: {}; choose again",
        "these months are not offered now; choose again",
        "these months are not offered now (offered: {} months); choose again",
        ", ",
        "this kind of payment holiday is not offered now; choose again",
    ],
    offer_rules: [
        "Between 1 and 600 months",
        "At most {} a month",
        "Above 1000% a year — please check",
        "Nothing is owed on this loan",
        "Must be more than 0",
        "Cannot be negative",
        "At most ¥1 trillion",
        "At most two decimals (fen)",
        "Down payment and fee cover the whole debt: that is a settlement",
    ],
};

impl Lang {
    pub fn kit(self) -> &'static KitText {
        match self {
            Lang::Zh => &KIT_ZH,
            Lang::En => &KIT_EN,
        }
    }

}

/// The kit's fields' words, in the order of [`Field`] after the core's.
pub(super) const FIELD_WORDS: [FieldWords; Field::COUNT - CORE_COUNT] = [
    words(Field::ProfileName, ["姓名", "Your name"], Some(["只用于打印的申请书，可不填", "Only for the printed letters; may be left empty"])),
    words(Field::ProfilePhone, ["联系电话", "Phone"], None),
    words(Field::ProfileCity, ["所在城市", "City"], None),
    words(Field::Hardship, ["说明还款困难的原因", "Explain what made repaying hard"], None),
    words(Field::HardshipReason, ["困难原因", "Cause"], None),
    words(Field::HardshipSince, ["开始日期", "Since"], Some(["如 2025-03-01", "e.g. 2025-03-01"])),
    words(
        Field::HardshipDetails,
        ["具体情况（最多 1000 字）", "What happened (at most 1,000 characters)"],
        Some(["写清楚发生了什么、收入或支出变化多少；只写“资金困难”常被拒绝", "Say what happened and how much income or costs changed; \"money is tight\" alone is often refused"]),
    ),
    words(Field::HardshipTemporary, ["预计是暂时的", "Expected to be temporary"], None),
    words(Field::HardshipEvidence, ["可提供的证明材料", "Proof you can send"], None),
    words(Field::ContractNo, ["合同编号/借据号（可选）", "Contract or IOU number (optional)"], None),
    words(Field::Ask, ["向这家贷款方提出申请", "Ask this lender for a plan"], None),
    words(Field::AskKind, ["申请的方案", "Plan asked for"], None),
    words(Field::AskMonths, ["期数（可选）", "Months (optional)"], Some(["留空：按计算出的方案", "Empty: the plan as computed"])),
    words(Field::AskHolidayMode, ["宽限期内", "During the holiday"], None),
    words(Field::AskHolidayMaturity, ["宽限期后", "After the holiday"], None),
    words(Field::AskFirstPaymentDate, ["方案开始日", "Plan starts"], None),
    words(Field::Fallback, ["提出备选方案", "Offer a fallback plan"], None),
    words(Field::FallbackKind, ["备选方案", "Fallback plan"], None),
    words(Field::FallbackMonths, ["备选方案期数（可选）", "Fallback months (optional)"], None),
    words(Field::FallbackHolidayMode, ["备选：宽限期内", "Fallback: during the holiday"], None),
    words(Field::FallbackHolidayMaturity, ["备选：宽限期后", "Fallback: after the holiday"], None),
    words(Field::ExpenseItems, ["按类别填写必要开支", "Enter essential expenses by category"], Some(["合计即为每月必要开支", "Their total is the monthly essential expenses"])),
    words(Field::ExpenseHousing, ["住房（房租或房贷，元）", "Housing: rent or mortgage (¥)"], None),
    words(Field::ExpenseUtilities, ["水电燃气（元）", "Utilities (¥)"], None),
    words(Field::ExpenseFood, ["伙食和日用品（元）", "Food and housekeeping (¥)"], None),
    words(Field::ExpenseTransport, ["交通（元）", "Transport (¥)"], None),
    words(Field::ExpenseChildren, ["子女抚养和教育（元）", "Children and school (¥)"], None),
    words(Field::ExpenseMedical, ["医疗（元）", "Medical (¥)"], None),
    words(Field::ExpenseInsurance, ["保险（元）", "Insurance (¥)"], None),
    words(Field::ExpenseCommunication, ["通讯（元）", "Phone and internet (¥)"], None),
    words(Field::ExpenseOther, ["其他必要支出（元）", "Other essentials (¥)"], Some(["按年支付的费用除以 12", "Yearly costs divided by 12"])),
    words(Field::ContactLog, ["联系记录", "Contact log"], None),
    words(Field::ContactAt, ["时间", "When"], None),
    words(Field::ContactLoanId, ["哪笔借款", "Which loan"], None),
    words(Field::ContactChannel, ["方式", "How"], None),
    words(Field::ContactWho, ["对方（部门、姓名或工号）", "Who (department, name or staff no.)"], None),
    words(Field::ContactTicket, ["工单号", "Ticket number"], None),
    words(Field::ContactSummary, ["说了什么", "What was said"], None),
    words(Field::ContactPromise, ["对方的承诺", "What they promised"], None),
    words(Field::ContactFollowUp, ["跟进日期（可选）", "Follow up on (optional)"], None),
    words(Field::ContactThirdParty, ["联系了我的家人、朋友或同事", "They contacted my family, friends or colleagues"], None),
    words(Field::ContactThreats, ["威胁、辱骂或冒充公检法", "Threats, abuse or impersonating officials"], None),
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn choice_labels_follow_their_enums_order() {
        // Each label is `Names`' entry at the variant's index: the last of each enum checks the order.
        assert_eq!((Lang::Zh.hardship_reason(HardshipReason::Other), Lang::En.hardship_reason(HardshipReason::Family)), ("其他原因", "Family change"));
        assert_eq!((Lang::Zh.evidence(Evidence::CreditReport), Lang::En.evidence(Evidence::Other)), ("个人征信报告", "other proof"));
        assert_eq!((Lang::Zh.channel(Channel::Email), Lang::En.channel(Channel::PhoneIn)), ("电子邮件", "call from the lender"));
        assert_eq!((Lang::Zh.holiday_maturity(HolidayMaturity::Extended), Lang::En.holiday_maturity(HolidayMaturity::Kept)), ("到期日顺延", "maturity kept"));
    }

    #[test]
    fn dates_in_both_languages() {
        let d = Date::parse("2025-03-09").unwrap();
        assert_eq!(date(d, Lang::Zh), "2025年3月9日");
        assert_eq!(date(d, Lang::En), "9 March 2025");
        assert_eq!(year_month(d, Lang::En), "March 2025");
        let t = DateTime::parse("2025-12-31T07:05").unwrap();
        assert_eq!(date_time(t, Lang::Zh), "2025年12月31日 07:05");
        assert_eq!(date_time(t, Lang::En), "31 December 2025, 07:05");
    }

    #[test]
    fn conduct_messages_name_the_hotline() {
        for lang in [Lang::Zh, Lang::En] {
            for r in [ConductRule::NightCall, ConductRule::TooManyCalls, ConductRule::ThirdParty, ConductRule::ThreatsOrImpersonation] {
                assert!(Words::of(lang).conduct_rule(r).contains("12378"), "{}", Words::of(lang).conduct_rule(r));
            }
        }
        assert_eq!(Words::of(Lang::En).conduct_rule(ConductRule::NightCall), "call between 22:00 and 08:00; complaints: the financial regulator's hotline 12378");
    }

    #[test]
    fn rule_messages() {
        assert_eq!(Words::of(Lang::En).offer_rule(OfferField::MonthlyFee, OfferRule::OutOfRange), "At most 10.00% a month");
        let months = AskReason::MonthsNotOffered { offered: vec![12, 24] };
        assert_eq!(Words::of(Lang::Zh).ask_reason(&months), "这个期数已不在可选范围内（可选：12、24 个月），请重新选择");
        assert_eq!(Words::of(Lang::En).ask_reason(&months), "these months are not offered now (offered: 12, 24 months); choose again");
        assert_ne!(Words::of(Lang::Zh).ask_reason(&AskReason::NotListed), Words::of(Lang::En).ask_reason(&AskReason::NotListed));
    }
}
