//! Prints every figure computed from a scenario file as JSON.
//!
//! `cargo run --release --example evaluate -- FILE.json`
//! Exit status: 0 with the figures on stdout; 2 with a message naming the
//! field on stderr when the file cannot be read or is not a valid scenario.
//! A reader that stops early (`evaluate FILE | head`) ends it quietly with
//! status 0; any other failure to write is status 1 with a message.

use std::io::{ErrorKind, Write};
use std::process::ExitCode;
use xieshang::scenario::Scenario;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [path] = args.as_slice() else {
        eprintln!("usage: evaluate FILE.json");
        return ExitCode::from(2);
    };
    let text = match std::fs::read(path) {
        Ok(bytes) => match String::from_utf8(bytes) {
            Ok(t) => t,
            Err(_) => {
                eprintln!("{path}: not UTF-8 text");
                return ExitCode::from(2);
            }
        },
        Err(e) => {
            eprintln!("{path}: {e}");
            return ExitCode::from(2);
        }
    };
    match Scenario::from_json(&text) {
        Ok(scenario) => print(&scenario.evaluate().to_json()),
        Err(e) => {
            eprintln!("{path}: {e}");
            ExitCode::from(2)
        }
    }
}

/// Writes the figures and a newline to stdout. `println!` would panic when
/// the reader has gone (a broken pipe), with a backtrace on the terminal.
fn print(json: &str) -> ExitCode {
    let mut out = std::io::stdout().lock();
    match out.write_all(json.as_bytes()).and_then(|()| out.write_all(b"\n")).and_then(|()| out.flush()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) if e.kind() == ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("cannot write the figures: {e}");
            ExitCode::from(1)
        }
    }
}
