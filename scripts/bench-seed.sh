#!/usr/bin/env bash
# Benchmark: load 50,000 seed rows (default; a parent table of 20 rows and a
# child of the rest) into PostgreSQL with `oeedb seed`, first into empty
# tables and then again (nothing to change), against psql in the same run:
#   floor for the first load:  psql \copy of the same CSV files
#   floor for the no-op run:   psql \copy into temporary tables, then
#                              INSERT … ON CONFLICT DO UPDATE … WHERE (…) IS
#                              DISTINCT FROM (…) — a hand-written idempotent load
# Rounds are interleaved (oeedb, psql, oeedb, psql, …); each figure is the
# median of the rounds with its range, and ratios are medians against the floor.
#   scripts/bench-seed.sh [rows] [rounds]
# OEEDB_BENCH_BIN=path times another oeedb binary (e.g. an older build) instead.
set -euo pipefail
cd "$(dirname "$0")/.."
N="${1:-50000}"
ROUNDS="${2:-5}"
scripts/setup.sh >/dev/null
scripts/release-build.sh --product oeedb
OEEDB="${OEEDB_BENCH_BIN:-$PWD/.build/release/oeedb}"
. scripts/bench-sandbox.sh bench-seed

python3 - "$N" "$WORK" <<'PY'
import json, os, sys
n, work = int(sys.argv[1]), sys.argv[2]
def col(name, type, nullable=False):
    return {"name": name, "type": type, "isNullable": nullable, "description": name}
def key(c): return {"column": c, "isDescending": False}
category = {"name": "category", "description": "Categories",
            "columns": [col("category_id", "smallint"), col("code", "varchar(16)"), col("name", "nvarchar(100)")],
            "primaryKey": {"name": "pk_category", "columns": [key("category_id")], "isClustered": True},
            "uniqueConstraints": [{"name": "uq_category_code", "columns": [key("code")]}],
            "foreignKeys": [], "checks": [], "indexes": []}
item = {"name": "item", "description": "Items",
        "columns": [col("item_id", "int"), col("category_id", "smallint"), col("code", "varchar(32)"),
                    col("name", "nvarchar(100)"), col("qty", "int"), col("ratio", "decimal(9,4)", True),
                    col("created_utc", "datetime2(3)"), col("is_active", "bit")],
        "primaryKey": {"name": "pk_item", "columns": [key("item_id")], "isClustered": True},
        "uniqueConstraints": [{"name": "uq_item_code", "columns": [key("code")]}],
        "foreignKeys": [{"name": "fk_item_category", "columns": ["category_id"], "referencedTable": "bench.category",
                         "referencedColumns": ["category_id"], "onDelete": "NO ACTION", "onUpdate": "NO ACTION"}],
        "checks": [], "indexes": []}
model = {"format": "oeedb.model/1", "database": {"name": "bench", "partitionFunctions": [], "partitionSchemes": [],
         "schemas": [{"name": "bench", "description": "Benchmark", "tables": [category, item], "functions": [], "securityPolicies": []}]}}
json.dump(model, open(f"{work}/model.json", "w"), sort_keys=True)
os.makedirs(f"{work}/seeds/bench", exist_ok=True)
os.makedirs(f"{work}/seeds/other", exist_ok=True)
categories = 20
with open(f"{work}/seeds/bench/bench.category.csv", "w") as f:
    f.write("category_id,code,name\n")
    for i in range(1, categories + 1): f.write(f"{i},C{i:03d},Category {i}\n")
with open(f"{work}/seeds/bench/bench.item.csv", "w") as f:
    f.write("item_id,category_id,code,name,qty,ratio,created_utc,is_active\n")
    for i in range(1, n - categories + 1):
        ratio = "" if i % 7 == 0 else f"{(i % 10000) / 100:.4f}"
        f.write(f"{i},{i % categories + 1},ITEM-{i:07d},\"Item {i}, size {i % 13}\",{i % 1000},{ratio},"
                f"2025-01-{i % 28 + 1:02d} 08:{i % 60:02d}:00.{i % 1000:03d},{i % 2}\n")
# A second set (never loaded here): `--set bench` must not need to read it.
with open(f"{work}/seeds/other/bench.category.csv", "w") as f:
    f.write("category_id,code,name\n900,OTHER,Another set's category\n")
PY

"$OEEDB" generate --model "$WORK/model.json" --migrations "$WORK/mig" --dialect postgres --name bench >/dev/null
"$OEEDB" migrate --migrations "$WORK/mig" --no-post-check >/dev/null

cat > "$WORK/copy.sql" <<SQL
\\copy bench.category FROM '$WORK/seeds/bench/bench.category.csv' WITH (FORMAT csv, HEADER true)
\\copy bench.item (item_id, category_id, code, name, qty, ratio, created_utc, is_active) FROM '$WORK/seeds/bench/bench.item.csv' WITH (FORMAT csv, HEADER true)
SQL
cat > "$WORK/upsert.sql" <<SQL
BEGIN;
CREATE TEMP TABLE s_category (LIKE bench.category) ON COMMIT DROP;
CREATE TEMP TABLE s_item (LIKE bench.item) ON COMMIT DROP;
\\copy s_category FROM '$WORK/seeds/bench/bench.category.csv' WITH (FORMAT csv, HEADER true)
\\copy s_item (item_id, category_id, code, name, qty, ratio, created_utc, is_active) FROM '$WORK/seeds/bench/bench.item.csv' WITH (FORMAT csv, HEADER true)
INSERT INTO bench.category AS t SELECT * FROM s_category
  ON CONFLICT (category_id) DO UPDATE SET code = EXCLUDED.code, name = EXCLUDED.name
  WHERE (t.code, t.name) IS DISTINCT FROM (EXCLUDED.code, EXCLUDED.name);
INSERT INTO bench.item AS t SELECT * FROM s_item
  ON CONFLICT (item_id) DO UPDATE SET category_id = EXCLUDED.category_id, code = EXCLUDED.code, name = EXCLUDED.name,
    qty = EXCLUDED.qty, ratio = EXCLUDED.ratio, created_utc = EXCLUDED.created_utc, is_active = EXCLUDED.is_active
  WHERE (t.category_id, t.code, t.name, t.qty, t.ratio, t.created_utc, t.is_active)
    IS DISTINCT FROM (EXCLUDED.category_id, EXCLUDED.code, EXCLUDED.name, EXCLUDED.qty, EXCLUDED.ratio, EXCLUDED.created_utc, EXCLUDED.is_active);
COMMIT;
SQL

python3 - "$OEEDB" "$WORK" "$PW" "$PORT" "$N" "$ROUNDS" <<'PY'
import json, os, statistics, subprocess, sys, time
oeedb, work, pw, port, n, rounds = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4], int(sys.argv[5]), int(sys.argv[6])
env = dict(os.environ, PGPASSWORD=pw)  # oeedb reads $OEEDB_PASSWORD_FILE
psql = ["psql", "-h", "127.0.0.1", "-p", port, "-U", "oeedb", "-d", "oee", "-q", "-v", "ON_ERROR_STOP=1"]
seed = [oeedb, "seed", "--model", f"{work}/model.json", "--seeds", f"{work}/seeds", "--set", "bench", "--json"]

def run(cmd, **kw):
    start = time.perf_counter()
    p = subprocess.run(cmd, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, **kw)
    elapsed = time.perf_counter() - start
    if p.returncode != 0:
        sys.exit(f"failed ({p.returncode}): {' '.join(cmd[:3])}…\n{p.stderr[-2000:]}")
    return elapsed, p.stdout

def truncate():
    run(psql + ["-c", "TRUNCATE bench.item, bench.category"])

def totals(out):
    r = json.loads(out)
    return {k: sum(t[k] for t in r["tables"]) for k in ("inserted", "updated", "unchanged", "extra")}

times = {k: [] for k in ("oeedb first load", "psql copy", "oeedb no-op run", "psql upsert no-op")}
for r in range(rounds):
    truncate()
    t, out = run(seed); times["oeedb first load"].append(t)
    first = totals(out)
    assert first["inserted"] == n and first["updated"] == 0, first
    truncate()
    t, _ = run(psql + ["-f", f"{work}/copy.sql"]); times["psql copy"].append(t)
    t, out = run(seed); times["oeedb no-op run"].append(t)
    noop = totals(out)
    assert noop["unchanged"] == n and noop["inserted"] == 0 and noop["updated"] == 0, noop
    t, _ = run(psql + ["-f", f"{work}/upsert.sql"]); times["psql upsert no-op"].append(t)

def fmt(xs):
    return f"{statistics.median(xs) * 1000:7.0f} ms  (range {min(xs) * 1000:.0f}–{max(xs) * 1000:.0f})"
print(f"seed {n} rows into PostgreSQL (2 tables), {rounds} interleaved rounds, median (range)")
for k, xs in times.items():
    print(f"  {k:<20} {fmt(xs)}")
def ratio(a, b):
    xs, ys = times[a], times[b]
    per = sorted(x / y for x, y in zip(xs, ys))
    return f"{statistics.median(xs) / statistics.median(ys):.2f}×  (per round {per[0]:.2f}–{per[-1]:.2f}×)"
print(f"  first load / psql copy         {ratio('oeedb first load', 'psql copy')}")
print(f"  no-op run / psql no-op     {ratio('oeedb no-op run', 'psql upsert no-op')}")
print(f"  no-op run / first load     {ratio('oeedb no-op run', 'oeedb first load')}")
PY
