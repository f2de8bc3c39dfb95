//! Prints every figure computed from a scenario file as JSON.
//!
//! `cargo run --release --example evaluate -- FILE.json`
//! Exit status: 0 with the figures on stdout; 2 with a message naming the
//! field on stderr when the file cannot be read or is not a valid scenario.

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
        Ok(scenario) => {
            println!("{}", scenario.evaluate().to_json());
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("{path}: {e}");
            ExitCode::from(2)
        }
    }
}
