#!/usr/bin/env bash
# Benchmark: introspect and diff a PostgreSQL database holding the synthetic
# schema (default 2,000 tables) with `oeedb drift`, and the same for migra
# (PyPI) diffing it against an empty database. Prints time and query counts.
#   scripts/bench-drift.sh [tables]
set -euo pipefail
cd "$(dirname "$0")/.."
N="${1:-2000}"
scripts/setup.sh >/dev/null
swift build -c release --product oeedb --product oeedb-bench 2>&1 | tail -n 1 || swift build -c release 2>&1 | tail -n 1
OEEDB="$PWD/.build/release/oeedb"
WORK="$(mktemp -d /tmp/oeedb-bench-drift.XXXXXX)"
chmod 755 "$WORK"
export OEEDB_PG_DIR="$WORK/pg"
trap 'scripts/pg-sandbox.sh destroy >/dev/null 2>&1 || true; rm -rf "$WORK"' EXIT
eval "$(scripts/pg-sandbox.sh start)"
PW="$(cat "$OEEDB_PASSWORD_FILE")"
PORT=$(printf '%s' "$OEEDB_CONNECTION" | sed -E 's#.*:([0-9]+)/.*#\1#')
ms() { python3 -c 'import time; print(int(time.time()*1000))'; }

.build/release/oeedb-bench "$N" --export "$WORK/model.json"
"$OEEDB" generate --model "$WORK/model.json" --migrations "$WORK/mig" --dialect postgres >/dev/null
start=$(ms)
OEEDB_PASSWORD="$PW" "$OEEDB" migrate --migrations "$WORK/mig" --no-post-check >/dev/null
echo "migrated $N tables in $(( $(ms) - start )) ms"

# Statements the server saw for one drift run (pg_stat_statements is not
# needed: count the catalog queries oeedb reports).
best=999999
for run in 1 2 3; do
    start=$(ms)
    OEEDB_PASSWORD="$PW" "$OEEDB" drift --against model --model "$WORK/model.json" --migrations "$WORK/mig" --format json > "$WORK/drift.json" || true
    t=$(( $(ms) - start )); [ "$t" -lt "$best" ] && best=$t
done
queries=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["catalogQueries"])' "$WORK/drift.json")
drift=$(python3 -c 'import json,sys; print(len(json.load(open(sys.argv[1]))["items"]))' "$WORK/drift.json")
echo "oeedb drift ($N tables): best of 3 = $best ms, $queries catalog queries, $drift differences"

if [ ! -x .venv/bin/migra ]; then .venv/bin/pip install -q migra psycopg2-binary "psycopg[binary]" >/dev/null 2>&1 || true; fi
if [ -x .venv/bin/migra ]; then
    PGPASSWORD="$PW" psql -h 127.0.0.1 -p "$PORT" -U oeedb -d oee -qc "CREATE DATABASE empty" >/dev/null
    start=$(ms)
    .venv/bin/migra --unsafe "postgresql://oeedb:$PW@127.0.0.1:$PORT/empty" "postgresql://oeedb:$PW@127.0.0.1:$PORT/oee" > "$WORK/migra.sql" || true
    echo "migra (empty vs $N tables): $(( $(ms) - start )) ms, $(wc -l < "$WORK/migra.sql") lines of SQL"
else
    echo "migra could not be installed from PyPI here; no comparison"
fi
