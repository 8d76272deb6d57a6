#!/usr/bin/env bash
# Installs what building and testing Alongside needs, at pinned versions.
# Idempotent: each step checks first and is quick when all is present.
#   scripts/setup.sh          build tools only
#   scripts/setup.sh --test   build tools plus Chromium for the browser tests
# Sourced by serve.sh and test.sh; also runnable on its own.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

# Cuts the app into per-page chunks (scripts/build.mjs); must know the
# split points of the wasm_split_helpers in Cargo.lock (0.2.x).
WASM_SPLIT_VERSION=0.2.4
# wasm-bindgen-cli must match the wasm-bindgen library exactly.
WASM_BINDGEN_VERSION=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/[^0-9.]/, ""); print; exit }' Cargo.lock)

say() { printf '==> %s\n' "$*" >&2; }
die() { printf 'setup: %s\n' "$*" >&2; exit 1; }

# Cargo-installed tools live here; a fresh shell may not have it on PATH.
export PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$PWD/node_modules/.bin:$PATH"

command -v rustup >/dev/null || die "rustup is needed: see https://rustup.rs"
command -v node >/dev/null || die "Node.js 20 or newer is needed"
NODE_MAJOR=$(node -p 'process.versions.node.split(".")[0]')
[ "$NODE_MAJOR" -ge 20 ] || die "Node.js 20 or newer is needed (found $(node --version))"

# rustfmt and clippy are not in every rustup profile; rust-src is the
# standard library's source, which the release build compiles itself.
for component in rustfmt clippy rust-src; do
  if ! rustup component list --installed | grep -q "^$component"; then
    say "Adding the $component component"
    rustup component add "$component"
  fi
done

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "Adding the wasm32-unknown-unknown Rust target"
  rustup target add wasm32-unknown-unknown
fi

if [ "$(cat "${CARGO_HOME:-$HOME/.cargo}/.alongside-wasm-split" 2>/dev/null || true)" != "$WASM_SPLIT_VERSION" ] || ! command -v wasm-split-cli >/dev/null; then
  say "Installing wasm-split-cli $WASM_SPLIT_VERSION (takes about a minute the first time)"
  cargo install wasm_split_cli_support --version "=$WASM_SPLIT_VERSION" --locked --features build-binary
  echo "$WASM_SPLIT_VERSION" > "${CARGO_HOME:-$HOME/.cargo}/.alongside-wasm-split"
fi

if [ "$(wasm-bindgen --version 2>/dev/null || true)" != "wasm-bindgen $WASM_BINDGEN_VERSION" ]; then
  say "Installing wasm-bindgen-cli $WASM_BINDGEN_VERSION (takes about 10 minutes the first time)"
  # --locked fails for this crate against the registry here; the version is exact.
  cargo install wasm-bindgen-cli --version "=$WASM_BINDGEN_VERSION"
fi

# npm packages (binaryen's wasm-opt, Playwright, axe-core), exactly as locked.
LOCK_SUM=$(sha256sum package-lock.json | cut -d' ' -f1)
if [ "$(cat node_modules/.alongside-lock 2>/dev/null || true)" != "$LOCK_SUM" ]; then
  say "Installing npm packages (npm ci)"
  npm ci --no-audit --no-fund --loglevel=error
  echo "$LOCK_SUM" > node_modules/.alongside-lock
fi

if [ "${1:-}" = "--test" ] && [ ! -x /usr/bin/chromium ]; then
  say "Installing Debian's chromium for the browser tests"
  SUDO=""
  if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null || die "Debian's chromium is needed: run 'apt-get install chromium' as root"
    SUDO="sudo"
  fi
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium >/dev/null
fi

# An independent iCalendar parser, to check the calendar files the app
# exports (tests/ics_check.py). Pinned, in a private virtual environment.
ICALENDAR_VERSION=7.3.0
if [ "${1:-}" = "--test" ] && [ "$(cat .tools/venv/.icalendar 2>/dev/null)" != "$ICALENDAR_VERSION" ]; then
  say "Installing the Python icalendar package $ICALENDAR_VERSION for the calendar file checks"
  python3 -m venv .tools/venv
  .tools/venv/bin/pip install --quiet --disable-pip-version-check "icalendar==$ICALENDAR_VERSION"
  echo "$ICALENDAR_VERSION" > .tools/venv/.icalendar
fi
