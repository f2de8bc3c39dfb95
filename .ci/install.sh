#!/usr/bin/env bash
# Install whatever is missing to serve (default) or test the app, on a Debian
# machine that has rustup/cargo, node/npm and apt. Idempotent, and quick
# (about a second) when everything is already there.
#
#   .ci/install.sh [serve|test]
#
# serve: wasm32 target, trunk 0.21.14, wasm-bindgen-cli at the Cargo.lock
#        version, wasm-split-cli 0.2.4 (lazily loaded sections), the crates (cargo fetch, as Trunk builds offline), npm devDeps
#        (binaryen's wasm-opt 132, terser, playwright-core, lighthouse 12.2.3, axe-core).
# test:  the same, plus Debian's chromium and chromium-driver, and python3
#        (standard library only) for tests/fixtures/independent_check.py.
#
# Nothing here downloads a prebuilt binary: only crates.io, npm and Debian.
set -euo pipefail

mode="${1:-serve}"
case "$mode" in serve | test) ;; *) echo "usage: $0 [serve|test]" >&2; exit 2 ;; esac

cd "$(dirname "${BASH_SOURCE[0]}")/.."
TRUNK_VERSION=0.21.14
CARGO_BIN="${CARGO_HOME:-$HOME/.cargo}/bin"
export PATH="$CARGO_BIN:$PWD/node_modules/.bin:$PATH"
start=$(date +%s.%N)
did=()

say() { echo "install: $*" >&2; }
die() { echo "install: ERROR: $*" >&2; exit 1; }

for tool in cargo rustup node npm; do
  command -v "$tool" >/dev/null || die "$tool is not on PATH; install it first (see README, Set up)"
done

# --- Rust target -------------------------------------------------------------
if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
  did+=(wasm32)
fi

# --- trunk (0.22 needs a newer rustc than this toolchain) ---------------------
if [[ "$(trunk --version 2>/dev/null || true)" != "trunk $TRUNK_VERSION" ]]; then
  say "installing trunk $TRUNK_VERSION from crates.io (takes ~7 min on 2 cores)"
  cargo install --locked trunk --version "$TRUNK_VERSION"
  did+=(trunk)
fi

# --- wasm-bindgen-cli: must equal the wasm-bindgen of Cargo.lock -------------
wb_version=$(awk '$0 == "name = \"wasm-bindgen\"" { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock)
[[ -n "$wb_version" ]] || die "no wasm-bindgen package in Cargo.lock"
if [[ "$(wasm-bindgen --version 2>/dev/null || true)" != "wasm-bindgen $wb_version" ]]; then
  say "installing wasm-bindgen-cli $wb_version from crates.io (~2 min)"
  # No --locked: the CLI's own lock file pins a yanked crate and fails to install.
  cargo install wasm-bindgen-cli --version "$wb_version"
  did+=(wasm-bindgen)
fi

# --- wasm-split-cli: cuts the lazily loaded sections out of the wasm ---------
# (.ci/wasm-split.mjs, run by the post-build hook; the tool behind
# `cargo leptos --split`). Its version must read leptos's wasm_split_helpers'
# split points: 0.2.4 with wasm_split_helpers 0.2.3 / leptos 0.8.14.
SPLIT_VERSION=0.2.4
if [[ "$(cargo install --list)" != *"wasm_split_cli_support v$SPLIT_VERSION:"* ]]; then
  say "installing wasm-split-cli $SPLIT_VERSION from crates.io (~2 min)"
  cargo install --locked wasm_split_cli_support --version "$SPLIT_VERSION" --features build-binary
  did+=(wasm-split-cli)
fi

# --- wasm builds from before .ci/rustc-wrapper (build.rustc-wrapper) --------
# Cargo does not rebuild when a wrapper appears, so dependencies compiled
# earlier would keep the home directory in their panic paths: drop them once.
# (Not `cargo clean --target`: without -p it empties the whole target dir.)
wasm_target="${CARGO_TARGET_DIR:-target}/wasm32-unknown-unknown"
wrapper_mark="${CARGO_TARGET_DIR:-target}/.rustc-wrapper-remap-v1"
if [[ ! -f "$wrapper_mark" ]]; then
  if [[ -d "$wasm_target" ]]; then
    say "rebuilding the wasm32 dependencies once, now with --remap-path-prefix (.ci/rustc-wrapper)"
    rm -rf "$wasm_target"
    did+=(remap)
  fi
  mkdir -p "$(dirname "$wrapper_mark")" && touch "$wrapper_mark"
fi

# --- crates: Trunk builds with --offline (offline = true in Trunk.toml) ------
# cargo fetch downloads the packages of every target, wasm32-only ones included.
cargo fetch --quiet
# --- npm devDependencies (wasm-opt, terser, playwright-core, lighthouse, axe-core) ---
# Reinstalled when package-lock.json differs from the one last installed (a
# copy kept in node_modules/; content, not mtime: a fresh checkout or another
# worktree has newer files but the same lock). Never through a symlinked
# node_modules (a worktree sharing another checkout's): `npm ci` empties the
# link's target first, pulling the tools from under every checkout using it.
lock_stamp=node_modules/.xieshang-package-lock.json
wasm_opt_ok() { [[ "$(wasm-opt --version 2>/dev/null || true)" == *"version 132"* ]]; }
if [[ -L node_modules ]]; then
  wasm_opt_ok || die "node_modules links to $(readlink -f node_modules), which lacks binaryen 132: run .ci/install.sh in that checkout"
elif ! cmp -s package-lock.json "$lock_stamp" || ! wasm_opt_ok; then
  say "npm ci"
  npm ci --no-audit --no-fund --loglevel=error
  cp package-lock.json "$lock_stamp"
  did+=(npm)
fi
wasm_opt_ok || die "wasm-opt is not binaryen 132: $(command -v wasm-opt)"

# --- browser for the end-to-end tests, python3 for the independent check ----
debs=()
if [[ "$mode" == test ]]; then
  [[ -x /usr/bin/chromium && -x /usr/bin/chromedriver ]] || debs+=(chromium chromium-driver)
  command -v python3 >/dev/null || debs+=(python3)
fi
if ((${#debs[@]})); then
  say "installing Debian's ${debs[*]}"
  sudo=()
  if [[ $(id -u) -ne 0 ]]; then
    command -v sudo >/dev/null || die "not root and no sudo: install ${debs[*]} as root"
    sudo=(sudo)
  fi
  "${sudo[@]}" apt-get update -q
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -q "${debs[@]}"
  did+=("${debs[@]}")
fi

elapsed=$(awk -v s="$start" -v e="$(date +%s.%N)" 'BEGIN { printf "%.1f", e - s }')
if ((${#did[@]})); then
  say "installed ${did[*]} (${elapsed}s)"
else
  say "all present for '$mode' (${elapsed}s)"
fi
