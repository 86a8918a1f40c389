#!/usr/bin/env bash
# The main job: set up, validate the canonical schema and export its model.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
OEEDB=.build/debug/oeedb
mkdir -p build
"$OEEDB" model check
"$OEEDB" model export --out build/oee-model.json
