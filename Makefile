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

.PHONY: serve test bench audit serve-release

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
	$(WASM_TEST) cargo test --target wasm32-unknown-unknown --test wasm_share --no-default-features
	trunk build --release
	node tests/size-report.mjs
	node tests/bench-browser.mjs 200
	trunk build --dist target/dist-debug
	node --test tests/e2e/*.test.mjs

# The release build as a host should serve it (precompressed twins, cache
# lifetimes, the headers of dist/_headers), under /app/ on PORT.
PORT ?= 8081
serve-release:
	.ci/install.sh serve
	trunk build --release
	node tests/e2e/server.mjs dist $(PORT)

# Figures only (not part of the two README commands): native engine
# benchmarks, then the in-browser ones against the release build (the large
# case, memory, Fast-3G cold load and autosave too).
bench:
	.ci/install.sh test
	cargo bench --bench engine --bench proposals
	trunk build --release
	node tests/bench-browser.mjs 500 --all

# Lighthouse 12 (mobile and desktop presets, median of 3 runs; AUDIT_RUNS=5
# for more) against the release build served under /app/: the four scores
# and LCP/TBT/TTI. Figures only.
AUDIT_RUNS ?= 3
audit:
	.ci/install.sh test
	trunk build --release
	node tests/audit.mjs $(AUDIT_RUNS)
