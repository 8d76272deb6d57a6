#!/usr/bin/env bash
# Builds Alongside into dist/ (release, split into chunks; see
# scripts/build.mjs), installing any missing tools first.
#   scripts/build.sh          the release build
#   scripts/build.sh --dev    unoptimised, quicker to build
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
scripts/setup.sh
export PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$PWD/node_modules/.bin:$PATH"
exec node scripts/build.mjs "$@"
