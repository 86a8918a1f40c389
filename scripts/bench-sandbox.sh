# Sourced by the benchmark scripts (not run): a work folder under /tmp and a
# PostgreSQL sandbox inside it, both removed when the script exits. Sets WORK,
# PW (the sandbox password), PORT, and the sandbox's OEEDB_CONNECTION and
# OEEDB_PASSWORD_FILE (scripts/pg-sandbox.sh).
#   . scripts/bench-sandbox.sh NAME     # folder /tmp/oeedb-NAME.XXXXXX
WORK="$(mktemp -d "/tmp/oeedb-$1.XXXXXX")"
chmod 755 "$WORK"   # the PostgreSQL owner must reach its data folder inside
export OEEDB_PG_DIR="$WORK/pg"
trap 'scripts/pg-sandbox.sh destroy >/dev/null 2>&1 || true; rm -rf "$WORK"' EXIT
eval "$(scripts/pg-sandbox.sh start)"
PW="$(cat "$OEEDB_PASSWORD_FILE")"
PORT=$(printf '%s' "$OEEDB_CONNECTION" | sed -E 's#.*:([0-9]+)/.*#\1#')
