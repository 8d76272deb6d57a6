#!/usr/bin/env bash
# Builds the release version of Alongside and serves it at
# http://127.0.0.1:8080/ (installing any missing tools first).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
scripts/build.sh
exec node scripts/serve.mjs dist 127.0.0.1 "${PORT:-8080}"
