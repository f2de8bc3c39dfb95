//! Prints the negotiation kit's documents for a scenario file as plain
//! UTF-8 text, for checking them.
//!
//! `cargo run --release --example letter -- FILE.json [--lang zh|en] [--loan ID] [--doc letter|statement|script|followup]`
//!
//! By default: the financial statement, then every document (request,
//! the three follow-ups, call kit) for every loan with an `ask`, in
//! Chinese; `--loan` picks one loan (with or without an ask), `--doc` one
//! kind of document. The documents are dated the file's `as_of` (a blank
//! without it). An ask the evaluation no longer offers is left blank in
//! the documents and said on stderr, at its field.
//!
//! Exit status: 0 with the documents on stdout; 2 with a message on stderr
//! for a usage error, a file that cannot be read or is not a valid scenario
//! (naming the field), an unknown loan or a budget with no figures. A
//! reader that stops early ends it quietly with status 0.

mod cli;

use std::process::ExitCode;
use xieshang::i18n::Lang;
use xieshang::letter::{build, Pick};
use xieshang::scenario::Scenario;

const USAGE: &str = "usage: letter FILE.json [--lang zh|en] [--loan ID] [--doc letter|statement|script|followup]";

struct Options {
    path: String,
    lang: Lang,
    loan: Option<String>,
    pick: Pick,
}

fn options(args: &[String]) -> Option<Options> {
    let mut o = Options { path: String::new(), lang: Lang::Zh, loan: None, pick: Pick::Every };
    let mut args = args.iter();
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--lang" => o.lang = Lang::from_tag(args.next()?)?,
            "--loan" => o.loan = Some(args.next()?.clone()),
            "--doc" => {
                o.pick = match args.next()?.as_str() {
                    "letter" => Pick::Letter,
                    "statement" => Pick::Statement,
                    "script" => Pick::CallKit,
                    "followup" => Pick::FollowUps,
                    _ => return None,
                }
            }
            path if o.path.is_empty() && !path.starts_with("--") => o.path = path.to_owned(),
            _ => return None,
        }
    }
    (!o.path.is_empty()).then_some(o)
}

/// The documents, or the reason there are none (for stderr).
fn documents(s: &Scenario, o: &Options) -> Result<String, String> {
    let ev = s.evaluate();
    for finding in ev.kit.loans.iter().filter_map(|l| l.ask.as_ref()).flat_map(|a| &a.findings) {
        eprintln!("{}: {}", finding.at.path(), xieshang::letter::Words::of(o.lang).ask_reason(&finding.reason));
    }
    let no_figures = || format!("budget: {}", ev.budget.error.map_or_else(|| "no figures".to_string(), |e| e.to_string()));
    let input = build(s, &ev, s.as_of).ok_or_else(no_figures)?;
    let asked = |id: &str| s.loans.iter().any(|l| l.id == id && l.ask.is_some());
    let accounts: Vec<_> = match &o.loan {
        Some(id) => vec![input.accounts.iter().find(|a| a.id == *id).ok_or_else(|| format!("--loan {id}: no such loan with figures"))?],
        None => input.accounts.iter().filter(|a| asked(&a.id)).collect(),
    };
    Ok(input.bundle(o.lang, o.pick, &accounts))
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some(o) = options(&args) else {
        eprintln!("{USAGE}");
        return ExitCode::from(2);
    };
    let s = match cli::read_scenario(&o.path) {
        Ok(s) => s,
        Err(status) => return status,
    };
    match documents(&s, &o) {
        Ok(text) => cli::print(&text),
        Err(message) => {
            eprintln!("{}: {message}", o.path);
            ExitCode::from(2)
        }
    }
}
