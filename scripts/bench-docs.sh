#!/usr/bin/env bash
# Benchmark: `oeedb docs` on the synthetic model (oeedb-bench --export) at 200
# and 2,000 tables (default; pass other counts), SVG included: wall time
# (median and range of interleaved rounds), peak RSS, and the pixel size of
# the largest SVG (the ER diagrams must stay readable at any model size).
#   scripts/bench-docs.sh [rounds] [tables…]
# OEEDB_BENCH_BIN=path times another oeedb binary (e.g. an older build) instead.
set -euo pipefail
cd "$(dirname "$0")/.."
ROUNDS="${1:-5}"
shift || true
SIZES=("${@:-200 2000}")
read -r -a SIZES <<< "${SIZES[*]}"
scripts/setup.sh >/dev/null
# One product per build: swift build takes only the last of several --product flags.
scripts/release-build.sh --product oeedb
scripts/release-build.sh --product oeedb-bench
WORK="$(mktemp -d /tmp/oeedb-bench-docs.XXXXXX)"
trap 'rm -rf "$WORK"' EXIT
for n in "${SIZES[@]}"; do .build/release/oeedb-bench "$n" --export "$WORK/m$n.json"; done

python3 - "${OEEDB_BENCH_BIN:-$PWD/.build/release/oeedb}" "$WORK" "$ROUNDS" "${SIZES[@]}" <<'PY'
import os, re, statistics, subprocess, sys, time
oeedb, work, rounds, sizes = sys.argv[1], sys.argv[2], int(sys.argv[3]), [int(s) for s in sys.argv[4:]]

def run(n, r):
    out = f"{work}/docs{n}-{r}"
    start = time.perf_counter()
    p = subprocess.Popen([oeedb, "docs", "--model", f"{work}/m{n}.json", "--out", out], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(p.pid, 0)
    elapsed = time.perf_counter() - start
    if status != 0: sys.exit(f"oeedb docs failed at {n} tables: {p.stderr.read().decode()[-2000:]}")
    # ru_maxrss of the process itself (KiB); dot runs as its own child process.
    return elapsed, usage.ru_maxrss / 1024, out

times, rss, largest = {n: [] for n in sizes}, {n: 0.0 for n in sizes}, {}
for r in range(rounds):
    for n in sizes:
        t, m, out = run(n, r)
        times[n].append(t); rss[n] = max(rss[n], m)
        sizes_px = []
        for f in sorted(os.listdir(f"{out}/erd")):
            if f.endswith(".svg"):
                head = open(f"{out}/erd/{f}").read(2000)
                w, h = map(int, re.search(r'<svg width="(\d+)pt" height="(\d+)pt"', head).groups())
                sizes_px.append((w * h, f, round(w * 96 / 72), round(h * 96 / 72)))
        largest[n] = max(sizes_px)
        subprocess.run(["rm", "-rf", out])
print(f"oeedb docs (synthetic model, SVG included), {rounds} interleaved rounds, median (range)")
for n in sizes:
    xs = times[n]
    _, f, w, h = largest[n]
    print(f"  {n:>5} tables  {statistics.median(xs):6.2f} s  (range {min(xs):.2f}–{max(xs):.2f})  peak RSS {rss[n]:5.0f} MiB  "
          f"largest SVG {f}: {w} × {h} px")
if len(sizes) >= 2:
    a, b = sizes[0], sizes[-1]
    print(f"  time ratio {b} / {a} tables: {statistics.median(times[b]) / statistics.median(times[a]):.1f}×")
PY
