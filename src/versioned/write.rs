//! A small JSON writer for the documents this build stores: the same bytes
//! `serde_json::to_string_pretty` (two-space indent) or `to_string` writes,
//! without serde's serializer machinery in the wasm. Callers write keys in
//! the order the document defines and leave out what it leaves out.

use std::fmt::Display;

/// Writes one JSON document into a string.
pub struct JsonWriter {
    out: String,
    pretty: bool,
    depth: usize,
    /// Nothing written yet in the innermost open object or array.
    first: bool,
}

impl JsonWriter {
    /// Pretty (`to_string_pretty`) or compact (`to_string`) output.
    pub fn new(pretty: bool) -> Self {
        Self { out: String::new(), pretty, depth: 0, first: true }
    }

    pub fn finish(self) -> String {
        self.out
    }

    /// Starts an object (`b'{'`) or array (`b'['`) as the next value.
    pub fn open(&mut self, bracket: char) {
        self.out.push(bracket);
        self.depth += 1;
        self.first = true;
    }

    /// Ends the innermost object (`'}'`) or array (`']'`); an empty one stays `{}` / `[]`.
    pub fn close(&mut self, bracket: char) {
        self.depth -= 1;
        if !self.first && self.pretty {
            self.newline();
        }
        self.out.push(bracket);
        self.first = false;
    }

    /// Before an array element: the comma and the line break.
    pub fn item(&mut self) {
        if !self.first {
            self.out.push(',');
        }
        self.first = false;
        if self.pretty {
            self.newline();
        }
    }

    /// Before a member's value: separator, the key and the colon.
    pub fn key(&mut self, key: &str) {
        self.item();
        self.string(key);
        self.out.push_str(if self.pretty { ": " } else { ":" });
    }

    /// A value written as is (numbers, `true`, `false`).
    pub fn raw(&mut self, value: impl Display) {
        self.raw_dyn(&value);
    }

    fn raw_dyn(&mut self, value: &dyn Display) {
        use std::fmt::Write;
        let _ = write!(self.out, "{value}");
    }

    /// A value written as a JSON string (decimals, dates, names, text).
    pub fn display(&mut self, value: impl Display) {
        self.display_dyn(&value);
    }

    fn display_dyn(&mut self, value: &dyn Display) {
        self.string(&value.to_string());
    }

    /// `s` quoted and escaped as serde_json does: `"` `\` and control
    /// characters only (short forms for \b \t \n \f \r), the rest as UTF-8.
    pub fn string(&mut self, s: &str) {
        self.out.push('"');
        for c in s.chars() {
            match c {
                '"' => self.out.push_str("\\\""),
                '\\' => self.out.push_str("\\\\"),
                '\n' => self.out.push_str("\\n"),
                '\t' => self.out.push_str("\\t"),
                '\r' => self.out.push_str("\\r"),
                '\u{8}' => self.out.push_str("\\b"),
                '\u{c}' => self.out.push_str("\\f"),
                c if c < ' ' => {
                    const HEX: &[u8; 16] = b"0123456789abcdef";
                    let b = c as usize;
                    self.out.push_str("\\u00");
                    self.out.push(HEX[b >> 4] as char);
                    self.out.push(HEX[b & 15] as char);
                }
                c => self.out.push(c),
            }
        }
        self.out.push('"');
    }

    fn newline(&mut self) {
        self.out.push('\n');
        for _ in 0..self.depth {
            self.out.push_str("  ");
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strings_escape_as_serde_json_does() {
        let all: String = (0u32..0x300).filter_map(char::from_u32).chain("网商贷\u{2028}😀".chars()).collect();
        let mut w = JsonWriter::new(false);
        w.string(&all);
        assert_eq!(w.finish(), serde_json::to_string(&all).unwrap());
    }

    #[test]
    fn empty_and_nested_containers_as_serde_json_pretty() {
        let v = serde_json::json!({"a": [], "b": {}, "c": [{"d": 1}, []], "e": true});
        for pretty in [true, false] {
            let mut w = JsonWriter::new(pretty);
            w.open('{');
            w.key("a");
            w.open('[');
            w.close(']');
            w.key("b");
            w.open('{');
            w.close('}');
            w.key("c");
            w.open('[');
            w.item();
            w.open('{');
            w.key("d");
            w.raw(1);
            w.close('}');
            w.item();
            w.open('[');
            w.close(']');
            w.close(']');
            w.key("e");
            w.raw(true);
            w.close('}');
            let want = if pretty { serde_json::to_string_pretty(&v) } else { serde_json::to_string(&v) };
            assert_eq!(w.finish(), want.unwrap());
        }
    }
}
