#!/usr/bin/env bash
# Benchmark: what a writer inserting continuously into a large fact table
# sees while a schema change runs, on PostgreSQL — with oeedb's migration
# (CREATE INDEX CONCURRENTLY, FOREIGN KEY NOT VALID + VALIDATE, lock_timeout)
# and with the plain statement. Prints, per change, the writer's longest stall
# (slowest insert, queueing included) and its p99 insert latency.
#   scripts/bench-online.sh [ROWS] [WRITER_SECONDS]
# ROWS defaults to 5000000; the writer (pgbench, 200 inserts/s) runs for
# WRITER_SECONDS (default 40) and the change starts 3 s in. OEEDB_BIN picks the
# oeedb binary (default: a release build).
set -euo pipefail
cd "$(dirname "$0")/.."
ROWS="${1:-5000000}"
SECONDS_RUN="${2:-40}"
if [ -z "${OEEDB_BIN:-}" ]; then
    scripts/release-build.sh --product oeedb
    OEEDB_BIN="$PWD/.build/release/oeedb"
fi
. scripts/bench-sandbox.sh bench-online
export PGPASSWORD="$PW" PGPORT="$PORT"
URL_BASE="${OEEDB_CONNECTION%/*}"
PGUSER=$(printf '%s' "$OEEDB_CONNECTION" | sed -E 's#postgres://([^@]+)@.*#\1#')
export PGHOST=127.0.0.1 PGUSER
DB0=$(printf '%s' "$OEEDB_CONNECTION" | sed -E 's#.*/([^/?]+).*#\1#')
unset OEEDB_CONNECTION

model() {  # $1 = base|index|fk|notnull
python3 - "$1" <<'PY'
import json, sys
case = sys.argv[1]
col = lambda n, t, nullable=False, d=None: dict({"name": n, "type": t, "isNullable": nullable, "description": n}, **({"defaultConstraint": d} if d else {}))
reading = {"name": "reading", "description": "Readings",
           "columns": [col("reading_id", "bigint"), col("machine_id", "int"), col("qty", "int")],
           "primaryKey": {"name": "pk_reading", "columns": [{"column": "reading_id", "isDescending": False}], "isClustered": True},
           "uniqueConstraints": [], "foreignKeys": [], "checks": [], "indexes": []}
if case == "index":
    reading["indexes"].append({"name": "ix_reading_qty", "kind": "nonclustered", "isUnique": False,
                               "keys": [{"column": "qty", "isDescending": False}], "included": [], "placement": {"table": {}},
                               "allowsUnaligned": False, "description": "qty"})
if case == "fk":
    reading["foreignKeys"].append({"name": "fk_reading_machine", "columns": ["machine_id"], "referencedTable": "fact.machine",
                                   "referencedColumns": ["machine_id"], "onDelete": "NO ACTION", "onUpdate": "NO ACTION", "description": "machine"})
if case == "notnull":
    reading["columns"].append(col("shift", "int", d={"name": "df_reading_shift", "expression": {"literal": {"_0": {"int": {"_0": 0}}}}}))
machine = {"name": "machine", "description": "Machines", "columns": [col("machine_id", "int")],
           "primaryKey": {"name": "pk_machine", "columns": [{"column": "machine_id", "isDescending": False}], "isClustered": True},
           "uniqueConstraints": [], "foreignKeys": [], "checks": [], "indexes": []}
print(json.dumps({"format": "oeedb.model/1", "database": {"name": "bench", "partitionFunctions": [], "partitionSchemes": [],
      "schemas": [{"name": "fact", "description": "Facts", "tables": [machine, reading], "functions": [], "securityPolicies": []}]}}, sort_keys=True))
PY
}

declare -A PLAIN=(
  [index]='CREATE INDEX "ix_reading_qty" ON "fact"."reading" ("qty");'
  [fk]='ALTER TABLE "fact"."reading" ADD CONSTRAINT "fk_reading_machine" FOREIGN KEY ("machine_id") REFERENCES "fact"."machine" ("machine_id");'
  [notnull]='ALTER TABLE "fact"."reading" ADD COLUMN "shift" integer NOT NULL DEFAULT 0;'
)

model base > "$WORK/base.json"
"$OEEDB_BIN" generate --model "$WORK/base.json" --migrations "$WORK/mig" --dialect postgres --name base >/dev/null
psql -q -d "$DB0" -c "CREATE DATABASE bench_tpl;"
"$OEEDB_BIN" migrate --connection "$URL_BASE/bench_tpl" --password-file "$OEEDB_PASSWORD_FILE" --migrations "$WORK/mig" --dialect postgres >/dev/null
echo "loading $ROWS rows …"
psql -q -d bench_tpl -v ON_ERROR_STOP=1 <<SQL
INSERT INTO fact.machine SELECT g FROM generate_series(1, 100) AS g;
INSERT INTO fact.reading SELECT g, 1 + g % 100, g % 1000 FROM generate_series(1, $ROWS) AS g;
CREATE SEQUENCE bench_seq START $((ROWS + 1));
ANALYZE fact.reading; ANALYZE fact.machine;
SQL
cat > "$WORK/writer.sql" <<'SQL'
INSERT INTO fact.reading (reading_id, machine_id, qty) VALUES (nextval('bench_seq'), 1 + (random() * 99)::int, 1);
SQL

# Runs the writer on database $1 while "$2" (a command) runs 3 s in; prints "stall_ms p99_ms change_s".
measure() {
    local db="$1"; shift
    rm -f "$WORK"/pgbench_log.*
    (cd "$WORK" && pgbench -n -c 1 -R 200 -T "$SECONDS_RUN" -f writer.sql -l --log-prefix=pgbench_log "$db" >"$WORK/pgbench.out" 2>&1) &
    local writer=$!
    sleep 3
    local t0=$(date +%s.%N)
    "$@" >"$WORK/change.log" 2>&1 || { echo "change failed:"; cat "$WORK/change.log"; }
    local t1=$(date +%s.%N)
    wait "$writer" || { echo "writer failed:" >&2; cat "$WORK/pgbench.out" >&2; }
    cat "$WORK"/pgbench_log.* | python3 -c "
import sys
lat = sorted(int(l.split()[2]) for l in sys.stdin if l.strip())
p99 = lat[int(len(lat) * 0.99) - 1] if lat else 0
print(f'{lat[-1] / 1000:.0f} {p99 / 1000:.1f} {$t1 - $t0:.1f} {len(lat)}')"
}

printf '%-8s %-6s %12s %10s %10s %8s\n' change how stall_ms p99_ms change_s inserts
for c in index fk notnull; do
    for how in oeedb plain; do
        db="b_${c}_${how}"
        psql -q -d "$DB0" -c "CREATE DATABASE $db TEMPLATE bench_tpl;"
        if [ "$how" = oeedb ]; then
            cp -r "$WORK/mig" "$WORK/mig_$c"
            model "$c" > "$WORK/$c.json"
            "$OEEDB_BIN" generate --model "$WORK/$c.json" --migrations "$WORK/mig_$c" --dialect postgres --name "$c" >/dev/null
            r=$(measure "$db" "$OEEDB_BIN" migrate --connection "$URL_BASE/$db" --password-file "$OEEDB_PASSWORD_FILE" --migrations "$WORK/mig_$c" --dialect postgres)
        else
            r=$(measure "$db" psql -q -v ON_ERROR_STOP=1 -d "$db" -c "${PLAIN[$c]}")
        fi
        read -r stall p99 secs n <<<"$r"
        printf '%-8s %-6s %12s %10s %10s %8s\n' "$c" "$how" "$stall" "$p99" "$secs" "$n"
        psql -q -d "$DB0" -c "DROP DATABASE $db;"
    done
done
