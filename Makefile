# The two commands of the README. Both first install whatever is missing
# (.ci/install.sh; about a second when everything is there).
#
#   make serve   build (debug) and serve on http://127.0.0.1:8080, rebuild on change
#   make test    every test: native cargo tests, the independent check of the
#                evaluator's figures, release build, size report,
#                browser end-to-end tests against dist/ served under /app/
#                (and one smoke test against a debug build in target/dist-debug,
#                which fails on any console warning)
# Any failing step fails the target.

SHELL := bash
.SHELLFLAGS := -euo pipefail -c
.DEFAULT_GOAL := test
export PATH := $(or $(CARGO_HOME),$(HOME)/.cargo)/bin:$(CURDIR)/node_modules/.bin:$(PATH)

.PHONY: serve test bench

# Browser tests of Rust code (tests/wasm_share.rs): wasm-bindgen-test-runner
# (installed with wasm-bindgen-cli) drives headless Chromium via chromedriver.
WASM_TEST := CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner \
	CHROMEDRIVER=/usr/bin/chromedriver WASM_BINDGEN_TEST_TIMEOUT=120

serve:
	.ci/install.sh serve
	trunk serve

test:
	.ci/install.sh test
	cargo test --all-targets
	EVALUATE=target/debug/examples/evaluate python3 tests/fixtures/independent_check.py --all
	$(WASM_TEST) cargo test --target wasm32-unknown-unknown --test wasm_share
	trunk build --release
	node tests/size-report.mjs
	node tests/bench-browser.mjs 200
	trunk build --dist target/dist-debug
	node --test tests/e2e/*.test.mjs

# Figures only (not part of the two README commands): native engine
# benchmarks, then the in-browser one against the release build.
bench:
	.ci/install.sh test
	cargo bench --bench engine --bench proposals
	trunk build --release
	node tests/bench-browser.mjs 500
