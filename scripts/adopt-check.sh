#!/usr/bin/env bash
# Adopting an existing database, end to end, the way a DBA would:
#   1. a database created by plain SQL (tests fixture), not by oeedb;
#   2. oeedb init DIR --name adopted --from-connection URL  (imports it);
#   3. swift build in DIR (offline, oeedb by path);
#   4. adopted drift --against model   -> no differences (exit 0);
#   5. adopted generate --name baseline; adopted baseline --version 1;
#      adopted drift (against the applied snapshot) -> no differences.
# Usage: scripts/adopt-check.sh PG_URL PASSWORD_FILE [SCRATCH_PATH]
#   PG_URL: postgres://user@host:port/db of a server where the user may CREATE DATABASE.
#   SCRATCH_PATH: a SwiftPM build folder to share (e.g. Examples/plant/.build).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
url=${1:?usage: scripts/adopt-check.sh PG_URL PASSWORD_FILE [SCRATCH_PATH]}
pwfile=${2:?usage: scripts/adopt-check.sh PG_URL PASSWORD_FILE [SCRATCH_PATH]}
scratch=${3:-}
oeedb=$root/.build/debug/oeedb
[ -x "$oeedb" ] || { echo "adopt-check: build oeedb first (swift build)" >&2; exit 2; }

base=${url%/*}
db=oeedb_adopt_$$
admin="postgresql://${url#postgres://}"
pgpass=$(head -n 1 "$pwfile")
export PGPASSWORD=$pgpass
psql -X -q -v ON_ERROR_STOP=1 "$admin" -c "CREATE DATABASE $db" >/dev/null
work=$(mktemp -d /tmp/oeedb-adopt.XXXXXX)
cleanup() {
    PGPASSWORD=$pgpass psql -X -q "$admin" -c "DROP DATABASE IF EXISTS $db" >/dev/null 2>&1 || true
    rm -rf "$work"
}
trap cleanup EXIT
psql -X -q -v ON_ERROR_STOP=1 "postgresql://${base#postgres://}/$db" -f Tests/Support/adopt-fixture.sql >/dev/null
unset PGPASSWORD
export OEEDB_PASSWORD_FILE=$pwfile

pkg=$work/adopted
"$oeedb" init "$pkg" --name adopted --oeedb-path "$root" --from-connection "$base/$db" --schemas plant
build=(swift build --package-path "$pkg")
[ -n "$scratch" ] && build+=(--scratch-path "$scratch")
"${build[@]}" 2>&1 | tail -n 1
bin=$("${build[@]}" --show-bin-path)/adopted
cd "$pkg"
"$bin" model check
"$bin" drift --connection "$base/$db" --against model
"$bin" generate --name baseline --dialect postgres
"$bin" baseline --version 1 --connection "$base/$db" --dialect postgres
"$bin" drift --connection "$base/$db"
"$bin" status --connection "$base/$db"
echo "adopt-check: imported, built, no drift, baselined"
