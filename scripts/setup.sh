#!/usr/bin/env bash
# Installs everything oeedb's build, main job and tests need on a fresh
# Debian 12 machine with Swift: system packages (ODBC drivers, PostgreSQL,
# Graphviz), a Python venv with the pinned sqlfluff T-SQL parser, and the
# Swift build. Idempotent: a second run only checks.
set -euo pipefail
cd "$(dirname "$0")/.."

# fonts-dejavu-core: the ER diagrams name DejaVu Sans (oeedb docs refuses to draw SVG without it).
APT_PACKAGES=(unixodbc unixodbc-dev odbc-postgresql libsqliteodbc tdsodbc freetds-bin freetds-dev postgresql graphviz fontconfig fonts-dejavu-core chromium)

missing=()
for p in "${APT_PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]})); then
    echo "setup: installing ${missing[*]}"
    SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# The independent T-SQL parser, pinned so the syntax gate cannot drift.
VENV=.venv
if [ ! -x "$VENV/bin/python" ] || ! "$VENV/bin/python" -c 'import sqlfluff' 2>/dev/null \
   || ! cmp -s scripts/requirements-tsql-gate.txt "$VENV/.requirements"; then
    echo "setup: creating $VENV with $(tr '\n' ' ' < scripts/requirements-tsql-gate.txt)"
    python3 -m venv "$VENV"
    "$VENV/bin/pip" install -q --disable-pip-version-check -r scripts/requirements-tsql-gate.txt
    cp scripts/requirements-tsql-gate.txt "$VENV/.requirements"
fi

echo "setup: building oeedb"
swift build 2>&1 | tail -n 1
