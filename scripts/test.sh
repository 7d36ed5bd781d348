#!/usr/bin/env bash
# The test command: installs what is missing, then runs every test (unit, ingest, and the
# end-to-end tests that run the built kam and read its workbooks back with openpyxl).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
swift build
swift test
