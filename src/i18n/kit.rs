//! Words of the negotiation kit shared by the page and the letters: dates,
//! the names of reasons, evidence, channels, expense categories, conduct
//! rules and agreement items, and the messages of the kit's rules.

use super::{percent, Lang};
use crate::engine::counter_offer::{AgreementItem, OfferField, OfferRule};
use crate::engine::Date;
use crate::scenario::kit::conduct::{ConductRule, COMPLAINT_HOTLINE};
use crate::scenario::kit::{Channel, DateTime, Evidence, ExpenseCategory, HardshipReason, KitRule};

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
    fn pick(self, zh: &'static str, en: &'static str) -> &'static str {
        match self {
            Self::Zh => zh,
            Self::En => en,
        }
    }

    pub fn hardship_reason(self, r: HardshipReason) -> &'static str {
        use HardshipReason::*;
        match r {
            JobLoss => self.pick("失业", "Job loss"),
            IncomeDrop => self.pick("收入下降", "Income fell"),
            BusinessLoss => self.pick("经营亏损", "Business losses"),
            Illness => self.pick("疾病", "Illness"),
            Family => self.pick("家庭变故", "Family change"),
            Other => self.pick("其他原因", "Other"),
        }
    }

    /// Also the letter's attachment names.
    pub fn evidence(self, e: Evidence) -> &'static str {
        use Evidence::*;
        match e {
            IdCard => self.pick("身份证复印件", "copy of ID card"),
            Contract => self.pick("借款合同或 App 借款页面截图", "loan contract or app screenshot"),
            IncomeProof => self.pick("收入证明", "proof of income"),
            BankStatements => self.pick("近 3 个月银行流水", "bank statements for the last 3 months"),
            Medical => self.pick("诊断证明及医疗费用单据", "medical certificate and bills"),
            Unemployment => self.pick("失业或解除劳动合同证明", "proof of job loss"),
            BusinessRecords => self.pick("经营流水或账目", "business accounts"),
            CreditReport => self.pick("个人征信报告", "credit report"),
            Other => self.pick("其他证明材料", "other proof"),
        }
    }

    pub fn channel(self, c: Channel) -> &'static str {
        use Channel::*;
        match c {
            AppChat => self.pick("App 在线客服", "in-app chat"),
            PhoneIn => self.pick("对方来电", "call from the lender"),
            PhoneOut => self.pick("我方去电", "my call"),
            Sms => self.pick("短信", "SMS"),
            Letter => self.pick("信件", "letter"),
            Visit => self.pick("上门", "visit"),
            Email => self.pick("电子邮件", "email"),
        }
    }

    pub fn expense_category(self, c: ExpenseCategory) -> &'static str {
        use ExpenseCategory::*;
        match c {
            Housing => self.pick("住房（房租或房贷）", "Housing (rent or mortgage)"),
            Utilities => self.pick("水电燃气", "Utilities"),
            Food => self.pick("伙食和日用品", "Food and housekeeping"),
            Transport => self.pick("交通", "Transport"),
            Children => self.pick("子女抚养和教育", "Children and school"),
            Medical => self.pick("医疗", "Medical"),
            Insurance => self.pick("保险", "Insurance"),
            Communication => self.pick("通讯", "Phone and internet"),
            Other => self.pick("其他必要支出", "Other essentials"),
        }
    }

    /// The rule and where to complain.
    pub fn conduct_rule(self, r: ConductRule) -> String {
        use ConductRule::*;
        let rule = match r {
            NightCall => self.pick("22:00 至次日 08:00 之间来电", "call between 22:00 and 08:00"),
            TooManyCalls => self.pick("同一天来电超过 6 次", "more than 6 calls in one day"),
            ThirdParty => self.pick("联系了与借款无关的第三方", "contacted unrelated third parties"),
            ThreatsOrImpersonation => self.pick("威胁、辱骂或冒充公检法等", "threats, abuse or impersonating officials"),
        };
        let hotline = self.pick("可向金融监管部门消费者投诉热线 {} 投诉", "complaints: the financial regulator's hotline {}");
        format!("{rule}{}{}", self.pick("，", "; "), super::fill(hotline, &[COMPLAINT_HOTLINE]))
    }

    pub fn follow_up_due(self) -> &'static str {
        self.pick("已到跟进日期", "follow-up due")
    }

    /// What the written agreement should state.
    pub fn agreement_item(self, i: AgreementItem) -> &'static str {
        use AgreementItem::*;
        match i {
            BalanceAndStructure => self.pick("欠款总额及构成（本金、利息、费用、罚息）", "the balance and its parts (principal, interest, fees, penalty)"),
            PeriodAndMethod => self.pick("还款期限和方式", "the repayment period and method"),
            DatesAndAmounts => self.pick("每期还款日期和金额", "each payment's date and amount"),
            InterestAndFees => self.pick("方案期间是否继续计收利息、年费和其他费用", "whether interest, annual fees and other charges continue"),
            PenaltyAlreadyCharged => self.pick("已产生的罚息如何处理", "what happens to the penalty interest already charged"),
            CreditReporting => self.pick("方案执行期间和结清后如何报送征信", "how the account is reported to the credit bureau, during and after"),
            DutiesAndDefault => self.pick("双方的义务，以及未按方案还款的后果", "both sides' duties and what happens on default"),
            NoNewCards => self.pick("还清前不再申请新的信用卡（第七十条）", "no new card applications until settled (Article 70)"),
            CollectionStops => self.pick("协议签订后停止催收", "collection stops once signed"),
        }
    }

    /// A kit field's rule, for the message under the field.
    pub fn kit_rule(self, r: &KitRule) -> String {
        use KitRule::*;
        if self == Self::En {
            return r.message();
        }
        match r {
            TooLong { max } => format!("最多 {max} 个字"),
            Empty => "请填写".into(),
            Negative => "不能为负数".into(),
            TooLarge => "金额不能超过 1 万亿".into(),
            NotInFen => "金额最多两位小数（分）".into(),
            ExpensesDisagree { items_total, expenses } => {
                format!("必要开支填的是 {}，分项合计却是 {}，两者须一致", super::money(*expenses), super::money(*items_total))
            }
            TooMany { max } => format!("最多 {max} 条"),
            Duplicate => "重复了".into(),
            MonthsOutOfRange { min, max } => format!("须为 {min} 到 {max} 个月"),
            MonthsNotApplicable => "一次性结清不填期数".into(),
            ModeNotApplicable => "只有宽限期方案有此选项".into(),
            SameAsAsk => "备选方案与首选方案相同".into(),
            UnknownLoan => "没有这笔借款".into(),
            NotOffered => "这个方案已不在可选范围内，请重新选择".into(),
        }
    }

    /// A counter-offer field's rule.
    pub fn offer_rule(self, field: OfferField, rule: OfferRule) -> String {
        use OfferRule::*;
        match (rule, field) {
            (OutOfRange, OfferField::Months) => self.pick("期数须在 1 到 600 之间", "Between 1 and 600 months").into(),
            (OutOfRange, OfferField::MonthlyFee) => {
                let max = percent(crate::engine::counter_offer::MAX_MONTHLY_FEE_PERCENT);
                super::fill(self.pick("每期费率最高 {}", "At most {} a month"), &[&max])
            }
            (OutOfRange, _) => self.pick("年化超过 1000%，请检查", "Above 1000% a year — please check").into(),
            (NotPositive, OfferField::Owed) => self.pick("这笔借款没有欠款", "Nothing is owed on this loan").into(),
            (NotPositive, _) => self.pick("须大于 0", "Must be more than 0").into(),
            (Negative, _) => self.pick("不能为负数", "Cannot be negative").into(),
            (TooLarge, _) => self.pick("金额不能超过 1 万亿", "At most ¥1 trillion").into(),
            (NotInFen, _) => self.pick("金额最多两位小数（分）", "At most two decimals (fen)").into(),
            (CoversDebt, _) => {
                self.pick("首付和费用已覆盖全部欠款：这是一次性结清，不是分期", "Down payment and fee cover the whole debt: that is a settlement").into()
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
                assert!(lang.conduct_rule(r).contains("12378"), "{}", lang.conduct_rule(r));
            }
        }
        assert_eq!(Lang::En.conduct_rule(ConductRule::NightCall), "call between 22:00 and 08:00; complaints: the financial regulator's hotline 12378");
    }

    #[test]
    fn rule_messages() {
        assert_eq!(Lang::Zh.kit_rule(&KitRule::TooLong { max: 40 }), "最多 40 个字");
        assert_eq!(Lang::En.kit_rule(&KitRule::TooLong { max: 40 }), "must be at most 40 characters");
        assert_eq!(Lang::En.offer_rule(OfferField::MonthlyFee, OfferRule::OutOfRange), "At most 10.00% a month");
    }
}
