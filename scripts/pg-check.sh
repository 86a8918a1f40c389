#!/usr/bin/env bash
# Runs SQL files against a throwaway PostgreSQL 15 server, in order, in one
# database, each with `psql -v ON_ERROR_STOP=1 -f FILE`.
#
#   scripts/pg-check.sh baseline.sql                  # must run cleanly
#   scripts/pg-check.sh baseline.sql next.sql rls.sql # later files see earlier ones' objects
#
# The server lives in a fresh temp dir (initdb), listens on 127.0.0.1 and a
# free port with its socket in that dir, and is always stopped and removed on
# exit (trap), whether the files pass or not. Exit status: 0 when every file
# ran without error, 1 when one failed (psql's output shows where), 2 on usage
# or setup errors.
#
# Run as root (the server runs as the `postgres` user) or as any non-root user.
# Environment: PG_BIN (default /usr/lib/postgresql/15/bin), PG_CHECK_QUIET=1
# to hide psql's command tags.
set -euo pipefail

if [ "$#" -lt 1 ]; then
    echo "usage: $0 FILE.sql [FILE.sql ...]" >&2
    exit 2
fi
for f in "$@"; do
    [ -r "$f" ] || { echo "pg-check: cannot read $f" >&2; exit 2; }
done

PG_BIN=${PG_BIN:-/usr/lib/postgresql/15/bin}
[ -x "$PG_BIN/initdb" ] || { echo "pg-check: no initdb in $PG_BIN (set PG_BIN)" >&2; exit 2; }

# Run a command as the server's owner: `postgres` when we are root.
if [ "$(id -u)" -eq 0 ]; then
    RUN_USER=postgres
    as_owner() { su "$RUN_USER" -s /bin/sh -c "$(printf '%q ' "$@")"; }
else
    RUN_USER=$(id -un)
    as_owner() { "$@"; }
fi

TMP=$(mktemp -d "${TMPDIR:-/tmp}/pg-check.XXXXXX")
chmod 700 "$TMP"
[ "$(id -u)" -eq 0 ] && chown "$RUN_USER" "$TMP"
DATA="$TMP/data"
LOG="$TMP/server.log"
started=0

cleanup() {
    status=$?
    if [ "$started" -eq 1 ]; then
        as_owner "$PG_BIN/pg_ctl" -D "$DATA" -m immediate -w stop >/dev/null 2>&1 || true
    fi
    if [ "$status" -ne 0 ] && [ -f "$LOG" ] && [ "$status" -eq 2 ]; then
        echo "pg-check: server log:" >&2
        tail -n 20 "$LOG" >&2 || true
    fi
    rm -rf "$TMP"
    exit "$status"
}
trap cleanup EXIT
trap 'exit 2' INT TERM

# A free TCP port on 127.0.0.1.
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()' 2>/dev/null) \
    || PORT=$((20000 + RANDOM % 20000))

as_owner "$PG_BIN/initdb" -D "$DATA" -U postgres -A trust -E UTF8 --locale=C.UTF-8 >"$TMP/initdb.log" 2>&1 \
    || { cat "$TMP/initdb.log" >&2; exit 2; }
as_owner "$PG_BIN/pg_ctl" -D "$DATA" -l "$LOG" -w -t 30 \
    -o "-c listen_addresses=127.0.0.1 -c port=$PORT -c unix_socket_directories=$TMP -c fsync=off" start >/dev/null \
    || { cat "$LOG" >&2; exit 2; }
started=1

PSQL=("$PG_BIN/psql" -X -h "$TMP" -p "$PORT" -U postgres)
as_owner "${PSQL[@]}" -q -d postgres -c "CREATE DATABASE oee_check;" || exit 2

# Copy the files where the server's owner can read them (psql's messages
# then name the copy: <n>-<file name>).
i=0
copies=()
for f in "$@"; do
    i=$((i + 1))
    copy="$TMP/$i-$(basename "$f")"
    cp "$f" "$copy"
    [ "$(id -u)" -eq 0 ] && chown "$RUN_USER" "$copy"
    copies+=("$copy")
done

i=0
for f in "$@"; do
    echo "== pg-check: $f"
    quiet=()
    [ "${PG_CHECK_QUIET:-0}" = 1 ] && quiet=(-q)
    if ! as_owner "${PSQL[@]}" -d oee_check -v ON_ERROR_STOP=1 "${quiet[@]}" -f "${copies[$i]}"; then
        echo "pg-check: FAILED in $f" >&2
        exit 1
    fi
    i=$((i + 1))
done
echo "== pg-check: all $# file(s) ran cleanly on $("$PG_BIN/postgres" --version)"
