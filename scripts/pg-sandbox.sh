#!/usr/bin/env bash
# A throwaway PostgreSQL server on loopback, owned by a non-root user.
#   scripts/pg-sandbox.sh start   # start (or reuse) it; prints how to connect
#   scripts/pg-sandbox.sh stop    # stop it (data kept)
#   scripts/pg-sandbox.sh destroy # stop it and delete its data
#   scripts/pg-sandbox.sh env     # print export lines for OEEDB_CONNECTION / OEEDB_PASSWORD_FILE
# OEEDB_PG_DIR chooses the folder (default .sandbox/postgres); the test
# command uses a fresh temporary one.
set -euo pipefail
cd "$(dirname "$0")/.."
DIR="${OEEDB_PG_DIR:-$PWD/.sandbox/postgres}"
BIN=/usr/lib/postgresql/15/bin
[ -x "$BIN/initdb" ] || BIN="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)"
[ -x "$BIN/initdb" ] || { echo "pg-sandbox: PostgreSQL server binaries not found; run scripts/setup.sh" >&2; exit 2; }

as_owner() {
    if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

free_port() {
    python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}

running() {
    [ -f "$DIR/data/postmaster.pid" ] && as_owner "$BIN/pg_ctl" -D "$DIR/data" status >/dev/null 2>&1
}

print_env() {
    echo "export OEEDB_CONNECTION='postgres://oeedb@127.0.0.1:$(cat "$DIR/port")/oee'"
    echo "export OEEDB_PASSWORD_FILE='$DIR/password'"
}

start() {
    mkdir -p "$DIR"
    if [ "$(id -u)" -eq 0 ]; then chown postgres "$DIR"; chmod 700 "$DIR"; fi
    if [ ! -f "$DIR/data/PG_VERSION" ]; then
        python3 -c 'import secrets; print(secrets.token_urlsafe(18))' > "$DIR/password.tmp"
        printf 'postgres\n' > "$DIR/superpw.tmp"
        chmod 600 "$DIR"/*.tmp
        [ "$(id -u)" -eq 0 ] && chown postgres "$DIR"/*.tmp
        as_owner "$BIN/initdb" -D "$DIR/data" -U postgres --auth-local=trust --auth-host=scram-sha-256 \
            --pwfile="$DIR/superpw.tmp" -E UTF8 --locale=C.UTF-8 >"$DIR/initdb.log" 2>&1 \
            || { cat "$DIR/initdb.log" >&2; exit 1; }
        mv "$DIR/password.tmp" "$DIR/password"; rm -f "$DIR/superpw.tmp"
        free_port > "$DIR/port"
    fi
    mkdir -p "$DIR/socket"; [ "$(id -u)" -eq 0 ] && chown postgres "$DIR/socket" "$DIR/port" "$DIR/password"
    if ! running; then
        local port; port=$(cat "$DIR/port")
        as_owner "$BIN/pg_ctl" -D "$DIR/data" -l "$DIR/server.log" -w -t 60 \
            -o "-c listen_addresses=127.0.0.1 -p $port -k $DIR/socket -c fsync=off -c max_connections=50 -c max_locks_per_transaction=1024" start >/dev/null \
            || { tail -n 20 "$DIR/server.log" >&2; exit 1; }
    fi
    local port; port=$(cat "$DIR/port")
    local pw; pw=$(cat "$DIR/password")
    as_owner "$BIN/psql" -h "$DIR/socket" -p "$port" -U postgres -d postgres -qtA -v ON_ERROR_STOP=1 >/dev/null <<SQL
DO \$\$ BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'oeedb') THEN
    CREATE ROLE oeedb LOGIN CREATEDB CREATEROLE PASSWORD '$pw';
  END IF;
END \$\$;
SELECT 'CREATE DATABASE oee OWNER oeedb' WHERE NOT EXISTS (SELECT 1 FROM pg_database WHERE datname = 'oee')
\gexec
SQL
}

case "${1:-}" in
    start)
        start
        echo "pg-sandbox: PostgreSQL on 127.0.0.1:$(cat "$DIR/port") (data in $DIR)" >&2
        print_env ;;
    stop)
        if running; then as_owner "$BIN/pg_ctl" -D "$DIR/data" -m fast -w stop >/dev/null; fi
        echo "pg-sandbox: stopped" >&2 ;;
    destroy)
        if running; then as_owner "$BIN/pg_ctl" -D "$DIR/data" -m immediate -w stop >/dev/null || true; fi
        rm -rf "$DIR"
        echo "pg-sandbox: destroyed $DIR" >&2 ;;
    env) print_env ;;
    *) echo "usage: scripts/pg-sandbox.sh start|stop|destroy|env" >&2; exit 2 ;;
esac
