#!/usr/bin/env bash
# Benchmark: introspect and diff a PostgreSQL database holding the synthetic
# schema (default 2,000 tables) with `oeedb drift`, against migra (PyPI,
# diffing it against an empty database), in the same run. Rounds are
# interleaved (oeedb, migra, oeedb, migra, …); each figure is the median of
# the rounds with its range, and the ratio is of medians (with the per-round range).
#   scripts/bench-drift.sh [tables] [rounds]
# migra is installed into its own venv, .build-bench/venv (git-ignored; not
# the shared .venv), pinned to SQLAlchemy 1.4 — migra breaks with SQLAlchemy 2.
# OEEDB_BENCH_BIN=path times another oeedb binary instead.
set -euo pipefail
cd "$(dirname "$0")/.."
N="${1:-2000}"
ROUNDS="${2:-5}"
scripts/setup.sh >/dev/null
# One product per build: `--product a --product b` builds only the last.
scripts/release-build.sh --product oeedb
scripts/release-build.sh --product oeedb-bench
OEEDB="${OEEDB_BENCH_BIN:-$PWD/.build/release/oeedb}"
VENV="$PWD/.build-bench/venv"
if [ ! -x "$VENV/bin/migra" ]; then
    python3 -m venv "$VENV"
    "$VENV/bin/pip" install -q --disable-pip-version-check migra "sqlalchemy>=1.4,<1.5" psycopg2-binary >/dev/null
fi
. scripts/bench-sandbox.sh bench-drift

.build/release/oeedb-bench "$N" --export "$WORK/model.json" >/dev/null
"$OEEDB" generate --model "$WORK/model.json" --migrations "$WORK/mig" --dialect postgres >/dev/null
"$OEEDB" migrate --migrations "$WORK/mig" --no-post-check >/dev/null
PGPASSWORD="$PW" psql -h 127.0.0.1 -p "$PORT" -U oeedb -d oee -qc "CREATE DATABASE empty" >/dev/null

python3 - "$OEEDB" "$WORK" "$PW" "$PORT" "$N" "$ROUNDS" "$VENV/bin/migra" <<'PY'
import json, os, statistics, subprocess, sys, time
oeedb, work, pw, port, n, rounds, migra = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4], int(sys.argv[5]), int(sys.argv[6]), sys.argv[7]
drift = [oeedb, "drift", "--against", "model", "--model", f"{work}/model.json", "--migrations", f"{work}/mig", "--format", "json"]
url = f"postgresql://oeedb:{pw}@127.0.0.1:{port}"
peer = [migra, "--unsafe", f"{url}/empty", f"{url}/oee"]

def run(cmd, ok=(0,)):
    start = time.perf_counter()
    p = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    elapsed = time.perf_counter() - start
    if p.returncode not in ok:
        sys.exit(f"failed ({p.returncode}): {os.path.basename(cmd[0])} {cmd[1]}\n{p.stderr[-2000:]}")
    return elapsed, p.stdout

times = {"oeedb drift": [], "migra": []}
for r in range(rounds):
    t, out = run(drift); times["oeedb drift"].append(t)
    report = json.loads(out)
    assert not report["items"], f"oeedb drift found {len(report['items'])} differences in a database migrated to the model"
    queries = report["catalogQueries"]
    t, sql = run(peer, ok=(0, 2)); times["migra"].append(t)   # migra exits 2 when there are differences
    assert "create table" in sql.lower(), "migra printed no CREATE TABLE"

def fmt(xs):
    return f"{statistics.median(xs) * 1000:7.0f} ms  (range {min(xs) * 1000:.0f}–{max(xs) * 1000:.0f})"
print(f"drift of {n} tables on PostgreSQL, {rounds} interleaved rounds, median (range)")
print(f"  oeedb drift   {fmt(times['oeedb drift'])}  ({queries} catalog queries, no differences)")
print(f"  migra         {fmt(times['migra'])}")
per = sorted(a / b for a, b in zip(times["oeedb drift"], times["migra"]))
print(f"  oeedb / migra {statistics.median(times['oeedb drift']) / statistics.median(times['migra']):.2f}×  (per round {per[0]:.2f}–{per[-1]:.2f}×)")
PY
