#!/usr/bin/env bash
# The main job on a fresh machine: install and build, generate the migrations
# and docs from the canonical schema, start (or reuse) a local PostgreSQL
# sandbox on loopback, migrate it and load the reference data.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
OEEDB=.build/debug/oeedb

echo "== model"
"$OEEDB" model check
echo "== migrations (migrations/sqlserver, migrations/postgres)"
"$OEEDB" generate
echo "== docs (docs/schema)"
"$OEEDB" docs
echo "== local PostgreSQL sandbox"
eval "$(scripts/pg-sandbox.sh start)"
"$OEEDB" doctor
echo "== migrate"
"$OEEDB" migrate
"$OEEDB" seed
"$OEEDB" status
port=$(printf '%s' "$OEEDB_CONNECTION" | sed -E 's#.*:([0-9]+)/.*#\1#')
cat <<TXT

The sandbox database is migrated and seeded.
  connect with oeedb:  export OEEDB_CONNECTION='$OEEDB_CONNECTION' OEEDB_PASSWORD_FILE='$OEEDB_PASSWORD_FILE'
  connect with psql:   PGPASSWORD=\$(cat '$OEEDB_PASSWORD_FILE') psql -h 127.0.0.1 -p $port -U oeedb -d oee
  stop it:             scripts/pg-sandbox.sh stop      (delete it: scripts/pg-sandbox.sh destroy)
TXT
