#!/usr/bin/env bash
# The test command: sets up everything, runs the Swift test suite, then the
# T-SQL syntax gate over every generated T-SQL file.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh

export SNAPSHOT_TESTING_RECORD=never
export OEEDB_TSQL_GATE="$PWD/.venv/bin/python"

status=0
mkdir -p build
set +e
swift test 2>&1 | tee build/test.log | grep -vE '^\[[0-9]+/[0-9]+\] |^Test Case .* (started|passed)|^.{1,3} Test .* (started|passed)'
swift_status=${PIPESTATUS[0]}
set -e
[ "$swift_status" -eq 0 ] || { echo "swift test failed (exit $swift_status)"; status=1; }

echo "== T-SQL syntax gate"
gate_paths=()
for p in migrations/sqlserver Tests/SQLServerTests/__Snapshots__; do [ -d "$p" ] && gate_paths+=("$p"); done
if ((${#gate_paths[@]})); then
    "$OEEDB_TSQL_GATE" scripts/tsql-gate.py "${gate_paths[@]}" || status=1
fi

echo "== canonical schema"
.build/debug/oeedb model check --strict || status=1

exit $status
