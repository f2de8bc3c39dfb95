//! Prints every figure computed from a scenario file as JSON.
//!
//! `cargo run --release --example evaluate -- FILE.json`
//! Exit status: 0 with the figures on stdout; 2 with a message naming the
//! field on stderr when the file cannot be read or is not a valid scenario.
//! A reader that stops early (`evaluate FILE | head`) ends it quietly with
//! status 0; any other failure to write is status 1 with a message.

mod cli;

use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [path] = args.as_slice() else {
        eprintln!("usage: evaluate FILE.json");
        return ExitCode::from(2);
    };
    match cli::read_scenario(path) {
        Ok(scenario) => cli::print(&scenario.evaluate().to_json()),
        Err(status) => status,
    }
}
