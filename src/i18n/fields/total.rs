//! The words of "I only know the total the app shows" (剩余应还, issue 9).

use super::phrases::*;
use super::Lang;
use crate::form::TotalSplit;

impl Lang {
    /// The fold's line: what it is for.
    pub fn total_summary(self) -> &'static str {
        self.say(ONLY_KNOW_THE_TOTAL_LEFT)
    }

    pub fn total_label(self) -> &'static str {
        self.say(TOTAL_LEFT_TO_PAY_AS)
    }

    pub fn total_hint(self) -> &'static str {
        self.say(THE_PRINCIPAL_IS_WORKED_OUT)
    }

    /// "= 本金 ¥95,000.00 + 利息 ¥5,016.00", and how far the nearest total is.
    pub fn total_split(self, s: TotalSplit) -> String {
        let (p, i) = (super::super::money(s.principal), super::super::money(s.interest));
        let mut out = super::super::fill(self.say(PRINCIPAL_INTEREST), &[&p, &i]);
        if let Some((total, diff)) = s.off {
            let note = self.say(THIS_PRINCIPAL_S_TOTAL_IS);
            out.push_str(&super::super::fill(note, &[&super::super::money(total), &super::super::money(diff)]));
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal::Decimal;

    #[test]
    fn the_split_in_both_languages() {
        let s = TotalSplit { principal: 95_000.into(), interest: 5_016.into(), off: None };
        assert_eq!(Lang::Zh.total_split(s), "= 本金 ¥95,000.00 + 利息 ¥5,016.00");
        assert_eq!(Lang::En.total_split(s), "= principal ¥95,000.00 + interest ¥5,016.00");
        let off = TotalSplit { off: Some((Decimal::new(10001602, 2), Decimal::new(2, 2))), ..s };
        assert!(Lang::Zh.total_split(off).ends_with("与 App 相差 ¥0.02）"));
        for lang in [Lang::Zh, Lang::En] {
            assert!(!lang.total_summary().is_empty() && !lang.total_label().is_empty() && !lang.total_hint().is_empty());
        }
    }
}
