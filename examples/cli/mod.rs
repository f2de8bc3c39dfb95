//! What the command-line examples share: reading a scenario file and
//! writing to stdout without a panic when the reader has gone.

use std::io::{ErrorKind, Write};
use std::process::ExitCode;
use xieshang::scenario::Scenario;

/// The scenario in the file at `path`, or exit status 2 with a message on
/// stderr naming the file and, for an invalid document, the field.
pub fn read_scenario(path: &str) -> Result<Scenario, ExitCode> {
    let fail = |message: String| {
        eprintln!("{path}: {message}");
        ExitCode::from(2)
    };
    let bytes = std::fs::read(path).map_err(|e| fail(e.to_string()))?;
    let text = String::from_utf8(bytes).map_err(|_| fail("not UTF-8 text".into()))?;
    Scenario::from_json(&text).map_err(|e| fail(e.to_string()))
}

/// Writes `text` and a newline to stdout. `println!` would panic when the
/// reader has gone (a broken pipe), with a backtrace on the terminal; a
/// reader that stops early ends the program quietly with status 0.
pub fn print(text: &str) -> ExitCode {
    let mut out = std::io::stdout().lock();
    match out.write_all(text.as_bytes()).and_then(|()| out.write_all(b"\n")).and_then(|()| out.flush()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) if e.kind() == ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("cannot write: {e}");
            ExitCode::from(1)
        }
    }
}
