#!/usr/bin/env bash
# The demo command: installs what is missing, builds kam in release, creates a demo
# workspace (default ./demo) and runs kam on it as of 22 November 2026.
set -euo pipefail
cd "$(dirname "$0")/.."
DIR="${1:-demo}"
AS_OF="${AS_OF:-2026-11-22T08:00}"
bash scripts/install-deps.sh
swift build -c release
.build/release/kam demo "$DIR"
.build/release/kam run --config "$DIR/config/kam.yaml" --as-of "$AS_OF"
echo
echo "workbooks are under: $(cd "$DIR" && pwd)/reports"
