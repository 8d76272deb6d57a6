#!/usr/bin/env bash
# Runs every check and test of Alongside, installing any missing tools
# first: formatting, lints, native tests, the release build, its size
# report, and the browser tests in headless Chromium.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
scripts/setup.sh --test
export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"
mkdir -p test-results
log() { printf '\n==> %s\n' "$*"; }

log "cargo fmt --check"
cargo fmt --check

log "cargo clippy (native, all targets)"
cargo clippy --all-targets --quiet -- -D warnings
log "cargo clippy (browser build)"
cargo clippy --target wasm32-unknown-unknown --quiet -- -D warnings

log "cargo test"
cargo test 2>&1 | tee test-results/cargo-test.log
native=$(awk '/^test result:/ { for (i = 1; i <= NF; i++) if ($i ~ /^passed;?$/) p += $(i-1); else if ($i ~ /^failed;?$/) f += $(i-1) } END { print p+0, f+0 }' test-results/cargo-test.log)

log "release build (scripts/build.sh)"
node scripts/build.mjs

log "size report"
node scripts/size-report.mjs 200 | tee test-results/size-report.txt || true

log "browser tests (Playwright, Debian chromium)"
set +e
npx playwright test 2>&1 | tee test-results/playwright.log
browser_status=${PIPESTATUS[0]}
set -e
browser_passed=$(grep -Eo '^ +[0-9]+ passed' test-results/playwright.log | tail -1 | tr -dc 0-9 || true)
browser_failed=$(grep -Eo '^ +[0-9]+ failed' test-results/playwright.log | tail -1 | tr -dc 0-9 || true)

read -r native_passed native_failed <<<"$native"
passed=$((native_passed + ${browser_passed:-0}))
failed=$((native_failed + ${browser_failed:-0}))
echo
echo "native: ${native_passed} passed; browser: ${browser_passed:-0} passed, ${browser_failed:-0} failed"
echo "all tests: ${passed} passed, ${failed} failed"
if [ "$browser_status" -ne 0 ] && [ "${browser_failed:-0}" -eq 0 ]; then
  echo "the browser tests did not run to the end (Playwright exit ${browser_status}): see test-results/playwright.log"
fi
[ "$browser_status" -eq 0 ] && [ "$failed" -eq 0 ]
