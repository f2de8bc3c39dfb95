//! JSON by hand: the value tree the readers take, and a strict parser of
//! RFC 8259 text that refuses a key written twice in one object.
//!
//! Why by hand: serde_json's deserializer, a visitor refusing repeated keys
//! and serde_json's error type cost ~12 KB of wasm, and its objects are
//! `BTreeMap`s (another ~6 KB); the readers need none of that generality.
//!
//! It accepts and refuses what `serde_json::from_str` does, with the same
//! value (numbers too: integers as `u64`/`i64`, others through serde_json's
//! own `f64` arithmetic, not correctly rounded in the last bit) and the same
//! message at the same line and column (columns count bytes); a test
//! compares both on random and broken text. Two limits of its own: nesting
//! as deep as serde_json's (127), and at most [`MAX_KEYS`] keys in one
//! object (no document this app reads has more than 21).

use std::fmt;

/// A JSON value. Objects keep their keys sorted, as serde_json's `Map` does.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    Null,
    Bool(bool),
    Number(Number),
    String(String),
    Array(Vec<Value>),
    Object(Map),
}

/// A JSON number as serde_json keeps it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Number {
    PosInt(u64),
    /// Always negative.
    NegInt(i64),
    Float(f64),
}

impl Number {
    pub fn as_u64(self) -> Option<u64> {
        match self {
            Number::PosInt(n) => Some(n),
            _ => None,
        }
    }

    pub fn as_i64(self) -> Option<i64> {
        match self {
            Number::PosInt(n) => i64::try_from(n).ok(),
            Number::NegInt(n) => Some(n),
            Number::Float(_) => None,
        }
    }
}

/// As serde_json writes a number (floats in their shortest form).
impl fmt::Display for Number {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match *self {
            Number::PosInt(n) => n.fmt(f),
            Number::NegInt(n) => n.fmt(f),
            Number::Float(x) => f.write_str(zmij::Buffer::new().format_finite(x)),
        }
    }
}

/// An object: its entries sorted by key, each key once.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Map {
    entries: Vec<(String, Value)>,
}

impl Map {
    pub fn new() -> Self {
        Self::default()
    }

    /// Where `key` is, or where it would go.
    fn find(&self, key: &str) -> Result<usize, usize> {
        self.entries.binary_search_by(|(k, _)| k.as_str().cmp(key))
    }

    pub fn get(&self, key: &str) -> Option<&Value> {
        self.find(key).ok().and_then(|i| self.entries.get(i)).map(|(_, v)| v)
    }

    pub fn get_mut(&mut self, key: &str) -> Option<&mut Value> {
        let i = self.find(key).ok()?;
        self.entries.get_mut(i).map(|(_, v)| v)
    }

    pub fn contains_key(&self, key: &str) -> bool {
        self.find(key).is_ok()
    }

    /// Sets `key`, giving back the value it replaced.
    pub fn insert(&mut self, key: String, value: Value) -> Option<Value> {
        match self.find(&key) {
            Ok(i) => self.entries.get_mut(i).map(|(_, v)| std::mem::replace(v, value)),
            Err(i) => {
                self.entries.insert(i, (key, value));
                None
            }
        }
    }

    pub fn remove(&mut self, key: &str) -> Option<Value> {
        let i = self.find(key).ok()?;
        Some(self.entries.remove(i).1)
    }

    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    pub fn iter(&self) -> impl Iterator<Item = (&String, &Value)> {
        self.entries.iter().map(|(k, v)| (k, v))
    }

    pub fn keys(&self) -> impl Iterator<Item = &String> {
        self.entries.iter().map(|(k, _)| k)
    }

    pub fn values(&self) -> impl Iterator<Item = &Value> {
        self.entries.iter().map(|(_, v)| v)
    }
}

impl IntoIterator for Map {
    type Item = (String, Value);
    type IntoIter = std::vec::IntoIter<(String, Value)>;

    fn into_iter(self) -> Self::IntoIter {
        self.entries.into_iter()
    }
}

impl Value {
    /// The member `key` of an object.
    pub fn get(&self, key: &str) -> Option<&Value> {
        self.as_object()?.get(key)
    }

    pub fn get_mut(&mut self, key: &str) -> Option<&mut Value> {
        self.as_object_mut()?.get_mut(key)
    }

    pub fn as_object(&self) -> Option<&Map> {
        match self {
            Value::Object(m) => Some(m),
            _ => None,
        }
    }

    pub fn as_object_mut(&mut self) -> Option<&mut Map> {
        match self {
            Value::Object(m) => Some(m),
            _ => None,
        }
    }

    pub fn as_str(&self) -> Option<&str> {
        match self {
            Value::String(s) => Some(s),
            _ => None,
        }
    }

    pub fn as_u64(&self) -> Option<u64> {
        match self {
            Value::Number(n) => n.as_u64(),
            _ => None,
        }
    }

    pub fn is_null(&self) -> bool {
        matches!(self, Value::Null)
    }
}

impl From<u64> for Value {
    fn from(n: u64) -> Self {
        Value::Number(Number::PosInt(n))
    }
}

// ------------------------------------------------------------------ parsing

/// The most keys one object may hold (beyond it, refused: keeps a hostile
/// object from costing quadratic time).
pub const MAX_KEYS: usize = 1000;

/// Why text is not (strict) JSON.
#[derive(Debug, Clone, PartialEq)]
pub enum Refusal {
    /// Not JSON: serde_json's words for it, with the place.
    Syntax(String),
    /// A key written twice in one object: "duplicate key `k` at line …".
    Duplicate(String),
}

/// The value `text` holds, or why it is refused.
pub fn parse(text: &str) -> Result<Value, Refusal> {
    let mut p = Parser { text, i: 0, depth: 128 };
    let value = p.value().and_then(|v| match p.space() {
        Some(_) => Err(p.peek_stop(TRAILING_CHARACTERS)),
        None => Ok(v),
    });
    value.map_err(|stop| {
        let (line, column) = position(text.as_bytes(), stop.at);
        match stop.duplicate {
            Some(key) => Refusal::Duplicate(format!("duplicate key `{key}` at line {line} column {column}")),
            None => Refusal::Syntax(format!("{} at line {line} column {column}", stop.message)),
        }
    })
}

/// Line (from 1) and column (bytes since the line's start) of byte `i`.
fn position(bytes: &[u8], i: usize) -> (usize, usize) {
    let before = bytes.get(..i).unwrap_or(bytes);
    let start = before.iter().rposition(|b| *b == b'\n').map_or(0, |n| n + 1);
    let line = 1 + before.iter().take(start).filter(|b| **b == b'\n').count();
    (line, i - start)
}

// serde_json's messages.
const EOF_LIST: &str = "EOF while parsing a list";
const EOF_OBJECT: &str = "EOF while parsing an object";
const EOF_STRING: &str = "EOF while parsing a string";
const EOF_VALUE: &str = "EOF while parsing a value";
const EXPECTED_COLON: &str = "expected `:`";
const EXPECTED_LIST_COMMA_OR_END: &str = "expected `,` or `]`";
const EXPECTED_OBJECT_COMMA_OR_END: &str = "expected `,` or `}`";
const EXPECTED_IDENT: &str = "expected ident";
const EXPECTED_VALUE: &str = "expected value";
const INVALID_ESCAPE: &str = "invalid escape";
const INVALID_NUMBER: &str = "invalid number";
const OUT_OF_RANGE: &str = "number out of range";
const CONTROL_CHARACTER: &str = "control character (\\u0000-\\u001F) found while parsing a string";
const KEY_NOT_STRING: &str = "key must be a string";
const LONE_SURROGATE: &str = "lone leading surrogate in hex escape";
const TRAILING_COMMA: &str = "trailing comma";
const TRAILING_CHARACTERS: &str = "trailing characters";
const END_OF_HEX_ESCAPE: &str = "unexpected end of hex escape";
const TOO_DEEP: &str = "recursion limit exceeded";
const TOO_MANY_KEYS: &str = "more than 1000 keys in one object";

/// Where and why parsing stopped.
struct Stop {
    message: &'static str,
    at: usize,
    duplicate: Option<String>,
}

type Parsed<T> = Result<T, Stop>;

/// serde_json's parser over a string, step for step (so that each error
/// stands where serde_json puts it: after the byte read, or on the byte
/// looked at).
struct Parser<'a> {
    text: &'a str,
    i: usize,
    depth: u8,
}

impl Parser<'_> {
    fn peek(&self) -> Option<u8> {
        self.text.as_bytes().get(self.i).copied()
    }

    /// The next byte, read.
    fn next(&mut self) -> Option<u8> {
        let b = self.peek()?;
        self.i += 1;
        Some(b)
    }

    /// A stop after the bytes read.
    fn stop(&self, message: &'static str) -> Stop {
        Stop { message, at: self.i, duplicate: None }
    }

    /// A stop on the byte looked at.
    fn peek_stop(&self, message: &'static str) -> Stop {
        Stop { message, at: (self.i + 1).min(self.text.len()), duplicate: None }
    }

    /// Skips white space; the byte after it, not read.
    fn space(&mut self) -> Option<u8> {
        while let Some(b' ' | b'\n' | b'\t' | b'\r') = self.peek() {
            self.i += 1;
        }
        self.peek()
    }

    fn value(&mut self) -> Parsed<Value> {
        let Some(b) = self.space() else { return Err(self.peek_stop(EOF_VALUE)) };
        match b {
            b'n' => self.word(b"null", Value::Null),
            b't' => self.word(b"true", Value::Bool(true)),
            b'f' => self.word(b"false", Value::Bool(false)),
            b'-' => {
                self.i += 1;
                self.number(false).map(Value::Number)
            }
            b'0'..=b'9' => self.number(true).map(Value::Number),
            b'"' => {
                self.i += 1;
                self.string().map(Value::String)
            }
            b'[' | b'{' => self.nested(b),
            _ => Err(self.peek_stop(EXPECTED_VALUE)),
        }
    }

    /// `word`, whose first byte was looked at.
    fn word(&mut self, word: &[u8], value: Value) -> Parsed<Value> {
        self.i += 1;
        for expected in word.iter().skip(1) {
            match self.next() {
                None => return Err(self.stop(EOF_VALUE)),
                Some(b) if b != *expected => return Err(self.stop(EXPECTED_IDENT)),
                Some(_) => {}
            }
        }
        Ok(value)
    }

    /// An array or an object, one level deeper.
    fn nested(&mut self, open: u8) -> Parsed<Value> {
        self.depth -= 1;
        if self.depth == 0 {
            return Err(self.peek_stop(TOO_DEEP));
        }
        self.i += 1;
        let value = if open == b'[' { self.array() } else { self.object().map(Value::Object) };
        self.depth += 1;
        value
    }

    fn array(&mut self) -> Parsed<Value> {
        let mut items = Vec::new();
        loop {
            let Some(b) = self.space() else { return Err(self.peek_stop(EOF_LIST)) };
            if b == b']' {
                break;
            }
            if !items.is_empty() {
                if b != b',' {
                    return Err(self.peek_stop(EXPECTED_LIST_COMMA_OR_END));
                }
                self.i += 1;
                match self.space() {
                    Some(b']') => return Err(self.peek_stop(TRAILING_COMMA)),
                    Some(_) => {}
                    None => return Err(self.peek_stop(EOF_VALUE)),
                }
            }
            items.push(self.value()?);
        }
        self.i += 1;
        Ok(Value::Array(items))
    }

    fn object(&mut self) -> Parsed<Map> {
        let mut map = Map::new();
        loop {
            let Some(b) = self.space() else { return Err(self.peek_stop(EOF_OBJECT)) };
            if b == b'}' {
                break;
            }
            if !map.is_empty() {
                if b != b',' {
                    return Err(self.peek_stop(EXPECTED_OBJECT_COMMA_OR_END));
                }
                self.i += 1;
                match self.space() {
                    Some(b'"') => {}
                    Some(b'}') => return Err(self.peek_stop(TRAILING_COMMA)),
                    Some(_) => return Err(self.peek_stop(KEY_NOT_STRING)),
                    None => return Err(self.peek_stop(EOF_VALUE)),
                }
            } else if b != b'"' {
                return Err(self.peek_stop(KEY_NOT_STRING));
            }
            self.i += 1;
            let key = self.string()?;
            match self.space() {
                Some(b':') => self.i += 1,
                Some(_) => return Err(self.peek_stop(EXPECTED_COLON)),
                None => return Err(self.peek_stop(EOF_OBJECT)),
            }
            let value = self.value()?;
            self.member(&mut map, key, value)?;
        }
        self.i += 1;
        Ok(map)
    }

    /// Adds a member, refusing a key seen before (where serde_json's strict
    /// reading noticed it: after the value, the white space and a closing brace).
    fn member(&mut self, map: &mut Map, key: String, value: Value) -> Parsed<()> {
        match map.find(&key) {
            Ok(_) => {
                if self.space() == Some(b'}') {
                    self.i += 1;
                }
                Err(Stop { message: "", at: self.i, duplicate: Some(key) })
            }
            Err(_) if map.len() == MAX_KEYS => Err(self.stop(TOO_MANY_KEYS)),
            Err(slot) => {
                map.entries.insert(slot, (key, value));
                Ok(())
            }
        }
    }

    /// The rest of a string whose opening quote was read.
    fn string(&mut self) -> Parsed<String> {
        let mut out = String::new();
        let mut start = self.i;
        loop {
            while self.peek().is_some_and(|b| !matches!(b, b'"' | b'\\' | 0..=0x1f)) {
                self.i += 1;
            }
            // Quotes, backslashes and control characters are ASCII: the
            // slice ends on a character boundary.
            out.push_str(self.text.get(start..self.i).unwrap_or_default());
            match self.next() {
                None => return Err(self.stop(EOF_STRING)),
                Some(b'"') => return Ok(out),
                Some(b'\\') => self.escape(&mut out)?,
                Some(_) => return Err(self.stop(CONTROL_CHARACTER)),
            }
            start = self.i;
        }
    }

    /// An escape, after its backslash.
    fn escape(&mut self, out: &mut String) -> Parsed<()> {
        let c = match self.next() {
            None => return Err(self.stop(EOF_STRING)),
            Some(b'"') => '"',
            Some(b'\\') => '\\',
            Some(b'/') => '/',
            Some(b'b') => '\u{8}',
            Some(b'f') => '\u{c}',
            Some(b'n') => '\n',
            Some(b'r') => '\r',
            Some(b't') => '\t',
            Some(b'u') => return self.unicode(out),
            Some(_) => return Err(self.stop(INVALID_ESCAPE)),
        };
        out.push(c);
        Ok(())
    }

    /// `\uXXXX`, a surrogate pair written as two.
    fn unicode(&mut self, out: &mut String) -> Parsed<()> {
        let n = self.hex()?;
        let code = match n {
            0xDC00..=0xDFFF => return Err(self.stop(LONE_SURROGATE)),
            0xD800..=0xDBFF => {
                for expected in [b'\\', b'u'] {
                    match self.next() {
                        None => return Err(self.stop(EOF_STRING)),
                        Some(b) if b != expected => return Err(self.stop(END_OF_HEX_ESCAPE)),
                        Some(_) => {}
                    }
                }
                let low = self.hex()?;
                if !(0xDC00..=0xDFFF).contains(&low) {
                    return Err(self.stop(LONE_SURROGATE));
                }
                0x1_0000 + ((n - 0xD800) << 10 | (low - 0xDC00))
            }
            _ => n,
        };
        out.extend(char::from_u32(code));
        Ok(())
    }

    /// Four hex digits.
    fn hex(&mut self) -> Parsed<u32> {
        let Some(digits) = self.text.as_bytes().get(self.i..self.i + 4) else {
            self.i = self.text.len();
            return Err(self.stop(EOF_STRING));
        };
        self.i += 4;
        let n = digits.iter().try_fold(0, |n, d| (*d as char).to_digit(16).map(|d| n * 16 + d));
        n.ok_or_else(|| self.stop(INVALID_ESCAPE))
    }

    /// The next byte if it is a digit, not read.
    fn digit(&self) -> Option<u8> {
        self.peek().filter(u8::is_ascii_digit).map(|d| d - b'0')
    }

    /// A number, after its sign.
    fn number(&mut self, positive: bool) -> Parsed<Number> {
        let mut significand = match self.next() {
            None => return Err(self.stop(EOF_VALUE)),
            Some(b'0') if self.digit().is_some() => return Err(self.peek_stop(INVALID_NUMBER)),
            Some(b'0') => 0,
            Some(d @ b'1'..=b'9') => u64::from(d - b'0'),
            Some(_) => return Err(self.stop(INVALID_NUMBER)),
        };
        if significand > 0 {
            while let Some(d) = self.digit() {
                match significand.checked_mul(10).and_then(|s| s.checked_add(u64::from(d))) {
                    Some(s) => significand = s,
                    None => return self.long_integer(positive, significand).map(Number::Float),
                }
                self.i += 1;
            }
        }
        Ok(match self.peek() {
            Some(b'.') => Number::Float(self.fraction(positive, significand, 0)?),
            Some(b'e' | b'E') => Number::Float(self.exponent(positive, significand, 0)?),
            _ if positive => Number::PosInt(significand),
            _ => match (significand as i64).wrapping_neg() {
                n if n >= 0 => Number::Float(-(significand as f64)),
                n => Number::NegInt(n),
            },
        })
    }

    /// Integer digits beyond a `u64`: dropped, each a power of ten.
    fn long_integer(&mut self, positive: bool, significand: u64) -> Parsed<f64> {
        let mut exponent = 0;
        while self.digit().is_some() {
            self.i += 1;
            exponent += 1;
        }
        match self.peek() {
            Some(b'.') => self.fraction(positive, significand, exponent),
            Some(b'e' | b'E') => self.exponent(positive, significand, exponent),
            _ => self.float(positive, significand, exponent),
        }
    }

    /// The fraction, at its point.
    fn fraction(&mut self, positive: bool, mut significand: u64, exponent: i32) -> Parsed<f64> {
        self.i += 1;
        let mut after = 0;
        while let Some(d) = self.digit() {
            match significand.checked_mul(10).and_then(|s| s.checked_add(u64::from(d))) {
                Some(s) => significand = s,
                // Digits beyond a u64 are dropped.
                None => return self.long_fraction(positive, significand, exponent + after),
            }
            self.i += 1;
            after -= 1;
        }
        if after == 0 {
            return Err(self.peek_stop(if self.peek().is_some() { INVALID_NUMBER } else { EOF_VALUE }));
        }
        self.long_fraction(positive, significand, exponent + after)
    }

    /// The rest of a number after the fraction's digits that count.
    fn long_fraction(&mut self, positive: bool, significand: u64, exponent: i32) -> Parsed<f64> {
        while self.digit().is_some() {
            self.i += 1;
        }
        match self.peek() {
            Some(b'e' | b'E') => self.exponent(positive, significand, exponent),
            _ => self.float(positive, significand, exponent),
        }
    }

    /// The exponent, at its `e`.
    fn exponent(&mut self, positive: bool, significand: u64, start: i32) -> Parsed<f64> {
        self.i += 1;
        let positive_exponent = match self.peek() {
            Some(b'+') => {
                self.i += 1;
                true
            }
            Some(b'-') => {
                self.i += 1;
                false
            }
            _ => true,
        };
        let mut exponent = match self.next() {
            None => return Err(self.stop(EOF_VALUE)),
            Some(d @ b'0'..=b'9') => i32::from(d - b'0'),
            Some(_) => return Err(self.stop(INVALID_NUMBER)),
        };
        while let Some(d) = self.digit() {
            self.i += 1;
            match exponent.checked_mul(10).and_then(|e| e.checked_add(i32::from(d))) {
                Some(e) => exponent = e,
                None => return self.huge_exponent(positive, significand == 0, positive_exponent),
            }
        }
        let exponent = if positive_exponent { start.saturating_add(exponent) } else { start.saturating_sub(exponent) };
        self.float(positive, significand, exponent)
    }

    /// An exponent beyond an `i32`: zero, or out of range.
    fn huge_exponent(&mut self, positive: bool, zero: bool, positive_exponent: bool) -> Parsed<f64> {
        if !zero && positive_exponent {
            return Err(self.stop(OUT_OF_RANGE));
        }
        while self.digit().is_some() {
            self.i += 1;
        }
        Ok(if positive { 0.0 } else { -0.0 })
    }

    /// `significand × 10^exponent` as serde_json computes it.
    fn float(&self, positive: bool, significand: u64, mut exponent: i32) -> Parsed<f64> {
        let mut f = significand as f64;
        loop {
            match POW10.get(exponent.unsigned_abs() as usize) {
                Some(&pow) if exponent >= 0 => {
                    f *= pow;
                    if f.is_infinite() {
                        return Err(self.stop(OUT_OF_RANGE));
                    }
                    break;
                }
                Some(&pow) => {
                    f /= pow;
                    break;
                }
                None if f == 0.0 => break,
                None if exponent >= 0 => return Err(self.stop(OUT_OF_RANGE)),
                None => {
                    f /= 1e308;
                    exponent += 308;
                }
            }
        }
        Ok(if positive { f } else { -f })
    }
}

static POW10: [f64; 309] = [
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
    1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22, 1e23,
    1e24, 1e25, 1e26, 1e27, 1e28, 1e29, 1e30, 1e31, 1e32, 1e33, 1e34, 1e35,
    1e36, 1e37, 1e38, 1e39, 1e40, 1e41, 1e42, 1e43, 1e44, 1e45, 1e46, 1e47,
    1e48, 1e49, 1e50, 1e51, 1e52, 1e53, 1e54, 1e55, 1e56, 1e57, 1e58, 1e59,
    1e60, 1e61, 1e62, 1e63, 1e64, 1e65, 1e66, 1e67, 1e68, 1e69, 1e70, 1e71,
    1e72, 1e73, 1e74, 1e75, 1e76, 1e77, 1e78, 1e79, 1e80, 1e81, 1e82, 1e83,
    1e84, 1e85, 1e86, 1e87, 1e88, 1e89, 1e90, 1e91, 1e92, 1e93, 1e94, 1e95,
    1e96, 1e97, 1e98, 1e99, 1e100, 1e101, 1e102, 1e103, 1e104, 1e105, 1e106, 1e107,
    1e108, 1e109, 1e110, 1e111, 1e112, 1e113, 1e114, 1e115, 1e116, 1e117, 1e118, 1e119,
    1e120, 1e121, 1e122, 1e123, 1e124, 1e125, 1e126, 1e127, 1e128, 1e129, 1e130, 1e131,
    1e132, 1e133, 1e134, 1e135, 1e136, 1e137, 1e138, 1e139, 1e140, 1e141, 1e142, 1e143,
    1e144, 1e145, 1e146, 1e147, 1e148, 1e149, 1e150, 1e151, 1e152, 1e153, 1e154, 1e155,
    1e156, 1e157, 1e158, 1e159, 1e160, 1e161, 1e162, 1e163, 1e164, 1e165, 1e166, 1e167,
    1e168, 1e169, 1e170, 1e171, 1e172, 1e173, 1e174, 1e175, 1e176, 1e177, 1e178, 1e179,
    1e180, 1e181, 1e182, 1e183, 1e184, 1e185, 1e186, 1e187, 1e188, 1e189, 1e190, 1e191,
    1e192, 1e193, 1e194, 1e195, 1e196, 1e197, 1e198, 1e199, 1e200, 1e201, 1e202, 1e203,
    1e204, 1e205, 1e206, 1e207, 1e208, 1e209, 1e210, 1e211, 1e212, 1e213, 1e214, 1e215,
    1e216, 1e217, 1e218, 1e219, 1e220, 1e221, 1e222, 1e223, 1e224, 1e225, 1e226, 1e227,
    1e228, 1e229, 1e230, 1e231, 1e232, 1e233, 1e234, 1e235, 1e236, 1e237, 1e238, 1e239,
    1e240, 1e241, 1e242, 1e243, 1e244, 1e245, 1e246, 1e247, 1e248, 1e249, 1e250, 1e251,
    1e252, 1e253, 1e254, 1e255, 1e256, 1e257, 1e258, 1e259, 1e260, 1e261, 1e262, 1e263,
    1e264, 1e265, 1e266, 1e267, 1e268, 1e269, 1e270, 1e271, 1e272, 1e273, 1e274, 1e275,
    1e276, 1e277, 1e278, 1e279, 1e280, 1e281, 1e282, 1e283, 1e284, 1e285, 1e286, 1e287,
    1e288, 1e289, 1e290, 1e291, 1e292, 1e293, 1e294, 1e295, 1e296, 1e297, 1e298, 1e299,
    1e300, 1e301, 1e302, 1e303, 1e304, 1e305, 1e306, 1e307, 1e308
];

/// The tests build values with serde_json and compare with it.
#[cfg(test)]
impl From<serde_json::Value> for Value {
    fn from(v: serde_json::Value) -> Self {
        match v {
            serde_json::Value::Null => Value::Null,
            serde_json::Value::Bool(b) => Value::Bool(b),
            serde_json::Value::Number(n) => Value::Number(match (n.as_u64(), n.as_i64(), n.as_f64()) {
                (Some(u), _, _) => Number::PosInt(u),
                (None, Some(i), _) => Number::NegInt(i),
                (None, None, f) => Number::Float(f.unwrap_or(f64::NAN)),
            }),
            serde_json::Value::String(s) => Value::String(s),
            serde_json::Value::Array(a) => Value::Array(a.into_iter().map(Value::from).collect()),
            serde_json::Value::Object(m) => {
                let mut map = Map::new();
                m.into_iter().for_each(|(k, v)| drop(map.insert(k, v.into())));
                Value::Object(map)
            }
        }
    }
}

#[cfg(test)]
pub(crate) mod tests;
