//! Schedules as CSV that Excel and WPS open correctly: UTF-8 with a byte
//! order mark (without it Excel on Chinese Windows reads GBK and shows
//! mojibake), CRLF line ends, plain numbers without thousands separators so
//! the cells stay numeric. Pure: tested natively.

use crate::engine::Row;
use crate::i18n::Lang;

/// The byte order mark Excel needs to recognise UTF-8.
pub const BOM: char = '\u{feff}';

/// The schedule as CSV text, headers in `lang`.
pub fn schedule_csv(rows: &[Row], lang: Lang) -> String {
    let t = lang.text();
    let mut out = String::with_capacity(64 + rows.len() * 48);
    out.push(BOM);
    let header = [t.col_period, t.col_payment, t.col_interest, t.col_principal, t.col_balance];
    out.push_str(&header.map(quote).join(","));
    out.push_str("\r\n");
    for r in rows {
        out.push_str(&format!(
            "{},{:.2},{:.2},{:.2},{:.2}\r\n",
            r.period, r.payment, r.interest, r.principal, r.balance
        ));
    }
    out
}

/// Quotes a header cell when it holds a comma, quote or line break.
fn quote(cell: &str) -> String {
    if cell.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", cell.replace('"', "\"\""))
    } else {
        cell.to_string()
    }
}

/// A file name safe on every system: letters, digits, CJK, `-` and `_`.
pub fn file_name(stem: &str, extension: &str) -> String {
    let clean: String = stem
        .chars()
        .map(|c| if c.is_alphanumeric() || c == '-' || c == '_' { c } else { '-' })
        .collect();
    let clean = clean.trim_matches('-');
    let clean = if clean.is_empty() { "xieshang" } else { clean };
    format!("{clean}.{extension}")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::{Method, Schedule};
    use rust_decimal::Decimal;

    #[test]
    fn csv_has_bom_chinese_headers_and_exact_numbers() {
        let s = Schedule::build(Decimal::from(100_000), Decimal::new(15, 3), 12, Method::EqualInstallment).unwrap();
        let csv = schedule_csv(&s.rows, Lang::Zh);
        assert!(csv.starts_with('\u{feff}'));
        let lines: Vec<&str> = csv.trim_start_matches(BOM).split("\r\n").collect();
        assert_eq!(lines[0], "期数,月供,利息,本金,剩余本金");
        assert_eq!(lines[1], "1,9168.00,1500.00,7668.00,92332.00");
        assert_eq!(lines.len(), 12 + 2, "header, 12 rows, trailing empty");
        assert!(lines[12].ends_with(",0.00"));
        let en = schedule_csv(&s.rows, Lang::En);
        assert!(en.contains("Month,Payment,Interest,Principal,Balance\r\n"));
    }

    #[test]
    fn quoting_and_file_names() {
        assert_eq!(quote("a,b"), "\"a,b\"");
        assert_eq!(quote("say \"hi\""), "\"say \"\"hi\"\"\"");
        assert_eq!(file_name("网商贷 方案/1", "csv"), "网商贷-方案-1.csv");
        assert_eq!(file_name("../", "json"), "xieshang.json");
    }
}
