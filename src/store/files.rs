//! Names, ids and the checks an imported file must pass. Pure.

use super::index::DraftMeta;
use crate::scenario::{Scenario, ScenarioError};

/// Largest file accepted for import: 1 MiB.
pub const MAX_IMPORT_BYTES: u64 = 1024 * 1024;
/// Longest draft name kept, in characters.
pub const MAX_NAME_CHARS: usize = 80;

/// Why a file was not imported.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ImportError {
    /// Over [`MAX_IMPORT_BYTES`]; carries the size.
    TooLarge(u64),
    /// The browser could not read the file.
    Unreadable,
    /// Not JSON, not a scenario, or a field is wrong (the error names it).
    Scenario(ScenarioError),
}

/// Refuses a file by its size, before reading it.
pub fn check_import_size(bytes: u64) -> Result<(), ImportError> {
    if bytes > MAX_IMPORT_BYTES {
        Err(ImportError::TooLarge(bytes))
    } else {
        Ok(())
    }
}

/// Reads an imported file's text as a scenario (migrating older versions).
pub fn parse_import(text: &str) -> Result<Scenario, ImportError> {
    read_import(text, super::Reader::NATIVE)
}

/// [`parse_import`] with `read` (the page's reader; `Unreadable` if its
/// code is not loaded).
pub fn read_import(text: &str, read: super::Reader) -> Result<Scenario, ImportError> {
    check_import_size(text.len() as u64)?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    match (read.draft)(text) {
        None => Err(ImportError::Unreadable),
        Some(read) => read.map(|(scenario, _)| scenario).map_err(ImportError::Scenario),
    }
}

/// Ids are short lowercase ASCII: safe in keys, attributes and file names.
pub fn valid_id(id: &str) -> bool {
    (1..=40).contains(&id.len()) && id.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

fn base36(mut n: u64) -> String {
    const DIGITS: &[u8] = b"0123456789abcdefghijklmnopqrstuvwxyz";
    let mut out = Vec::new();
    loop {
        out.push(DIGITS[(n % 36) as usize]);
        n /= 36;
        if n == 0 {
            break;
        }
    }
    out.reverse();
    String::from_utf8(out).unwrap_or_default()
}

/// A new draft id from the time and a random salt, not `taken`.
pub fn fresh_id(now_ms: u64, salt: u32, taken: impl Fn(&str) -> bool) -> String {
    let mut s = salt as u64;
    loop {
        let id = format!("{}-{}", base36(now_ms), base36(s % (36 * 36 * 36 * 36)));
        if !taken(&id) {
            return id;
        }
        s = s.wrapping_add(1);
    }
}

/// Trims and shortens a name, dropping control and bidirectional control
/// characters; `fallback` when nothing is left.
pub fn clean_name(name: &str, fallback: &str) -> String {
    let cleaned = crate::scenario::field::clean_text(name);
    let trimmed: String = cleaned.trim().chars().take(MAX_NAME_CHARS).collect();
    let trimmed = trimmed.trim().to_owned();
    if trimmed.is_empty() {
        fallback.chars().take(MAX_NAME_CHARS).collect()
    } else {
        trimmed
    }
}

/// The `(id, name)` pairs still legible in an unreadable index (cut
/// short, say), so recovered drafts keep their names. Each entry this app
/// wrote starts `{"id":"…","name":"…"`; every one still whole counts.
pub fn salvage_names(index_text: &str) -> Vec<(String, String)> {
    // An index is small: past these it is not one.
    const MAX_SCAN: usize = 64 * 1024;
    const MAX_ENTRIES: usize = 200;
    let end = (0..=index_text.len().min(MAX_SCAN)).rev().find(|i| index_text.is_char_boundary(*i)).unwrap_or(0);
    let mut out: Vec<(String, String)> = Vec::new();
    for (i, entry) in index_text[..end].match_indices("{\"id\":").take(MAX_ENTRIES) {
        let rest = &index_text[i + entry.len()..end];
        let Some((id, rest)) = json_string(rest) else { continue };
        let Some((name, _)) = rest.strip_prefix(",\"name\":").and_then(json_string) else { continue };
        if valid_id(&id) && !out.iter().any(|(known, _)| *known == id) {
            out.push((id, name));
        }
    }
    out
}

/// The JSON string at the start of `s`, decoded, and the text after it.
fn json_string(s: &str) -> Option<(String, &str)> {
    let bytes = s.as_bytes();
    if bytes.first() != Some(&b'"') {
        return None;
    }
    let mut i = 1;
    while i < bytes.len() && bytes[i] != b'"' {
        i += if bytes[i] == b'\\' { 2 } else { 1 };
    }
    let literal = s.get(..=i)?;
    let decoded = crate::versioned::strict_json(literal).ok()?.as_str()?.to_owned();
    Some((decoded, s.get(i + 1..)?))
}

/// `base`, or `base (2)`, `base (3)`… — the first not used by a draft.
pub fn unique_name(base: &str, drafts: &[DraftMeta]) -> String {
    let taken = |n: &str| drafts.iter().any(|d| d.name == n);
    if !taken(base) {
        return base.to_owned();
    }
    (2..).map(|i| format!("{base} ({i})")).find(|n| !taken(n)).unwrap_or_default()
}

/// `草稿 1`, `草稿 2`… — the first number not used.
pub fn next_default_name(prefix: &str, drafts: &[DraftMeta]) -> String {
    (1..).map(|i| format!("{prefix} {i}")).find(|n| !drafts.iter().any(|d| &d.name == n)).unwrap_or_default()
}

/// The draft name a file brings: its name without `.json`.
pub fn import_name(file_name: &str, fallback: &str) -> String {
    let base = file_name.rsplit(['/', '\\']).next().unwrap_or(file_name);
    let cut = base.len().saturating_sub(5);
    let base = match (base.get(..cut), base.get(cut..)) {
        (Some(stem), Some(ext)) if ext.eq_ignore_ascii_case(".json") => stem,
        _ => base,
    };
    clean_name(base, fallback)
}

/// A safe `.json` file name for a draft name.
pub fn export_file_name(name: &str) -> String {
    let safe: String = name
        .chars()
        .map(|c| if c.is_control() || "/\\:*?\"<>|".contains(c) { '_' } else { c })
        .collect();
    let safe = safe.trim().trim_matches('.').trim();
    if safe.is_empty() {
        "xieshang-draft.json".to_owned()
    } else {
        format!("{}.json", safe.chars().take(MAX_NAME_CHARS).collect::<String>())
    }
}
