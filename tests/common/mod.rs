//! What the integration tests share: the compiled examples.

use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::Command;

/// `target/<profile>/examples/NAME`, next to the running test's own
/// directory (`target/<profile>/deps/`).
///
/// `cargo test` builds examples as binaries there, but `cargo test
/// --all-targets` builds them only as test harnesses, and a binary left by an
/// earlier run may be stale. So when run by cargo (`CARGO` is set) this asks
/// the same cargo to build the example for the same profile first — a no-op
/// when it is up to date, a second or two otherwise — and uses the path
/// cargo reports. Run by hand, it uses whatever is next to the test.
pub fn example_binary(name: &str) -> PathBuf {
    let exe = std::env::current_exe().unwrap();
    let profile_dir = exe.parent().and_then(Path::parent).unwrap().to_path_buf();
    let beside = profile_dir.join("examples").join(format!("{name}{}", std::env::consts::EXE_SUFFIX));
    let Ok(cargo) = std::env::var("CARGO") else {
        assert!(beside.exists(), "{} missing: run `cargo build --example {name}`", beside.display());
        return beside;
    };
    let profile = match profile_dir.file_name().and_then(|n| n.to_str()) {
        Some("debug") | None => "dev".to_string(),
        Some(other) => other.to_string(),
    };
    let manifest = Path::new(env!("CARGO_MANIFEST_DIR")).join("Cargo.toml");
    let out = Command::new(cargo)
        .args(["build", "--quiet", "--example", name, "--message-format=json", "--profile", &profile])
        .arg("--manifest-path")
        .arg(&manifest)
        .output()
        .unwrap_or_else(|e| panic!("run cargo build --example {name}: {e}"));
    assert!(out.status.success(), "cargo build --example {name} failed:\n{}", String::from_utf8_lossy(&out.stderr));
    let built = String::from_utf8_lossy(&out.stdout)
        .lines()
        .filter_map(|l| serde_json::from_str::<Value>(l).ok())
        .filter(|m| m["reason"] == "compiler-artifact" && m["target"]["name"] == name)
        .find_map(|m| m["executable"].as_str().map(PathBuf::from))
        .unwrap_or_else(|| panic!("cargo reported no {name} executable"));
    assert!(built.exists(), "{}", built.display());
    built
}
