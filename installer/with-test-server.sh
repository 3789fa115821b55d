#!/usr/bin/env bash
# Runs a command with a throw-away PostgreSQL 15 server for the clinic-mode tests (`ctest -L pg`):
#   bash installer/with-test-server.sh ctest --preset release -L pg
# Debian's pg_virtualenv creates a temporary cluster (fsync off) on a free loopback port, exports
# PGHOST, PGPORT, PGUSER, PGPASSWORD and PGDATABASE for the command, and drops the cluster after it.
# Nothing is installed or left behind; no server needs to be set up by hand.
set -euo pipefail
if ! command -v pg_virtualenv >/dev/null 2>&1; then
  echo "with-test-server: pg_virtualenv is missing; run: bash installer/install-deps.sh" >&2
  exit 1
fi
# A port nobody listens on now (two runs at once must not meet on the default 5432/5433).
PGPORT=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
export PGPORT
exec pg_virtualenv -t "$@"
