#!/usr/bin/env bash
# The shipped binary: a release build with the Swift runtime and Foundation
# linked in (--static-swift-stdlib), so it needs only unixODBC and the ODBC
# driver on the server, and starts without loading a dozen Swift libraries
# (about 6 ms of CPU per run, measured on `oeedb migrate` with nothing pending).
# Every benchmark times this build.
#   scripts/release-build.sh [--product NAME]    (default: oeedb, then oeedb-bench)
# One product per call: the test-support library imports Testing, which the
# static runtime does not carry, so a build of every target would fail.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ "$#" -eq 0 ]; then
    set -- --product oeedb
    swift build -c release --static-swift-stdlib --product oeedb-bench 2>&1 | tail -n 1
fi
swift build -c release --static-swift-stdlib "$@" 2>&1 | tail -n 1
