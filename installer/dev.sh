#!/usr/bin/env bash
# One entry point for the README's two commands:
#   bash installer/dev.sh run    install dependencies, build, start the HipRx desktop app
#   bash installer/dev.sh test   install dependencies, build, run the whole test suite
# Both are idempotent; the build goes to ./build (CMake preset "release").
set -euo pipefail
cd "$(dirname "$0")/.."

what=${1:-}
case "$what" in
  run|test) ;;
  *) echo "usage: bash installer/dev.sh run|test" >&2; exit 2 ;;
esac

bash installer/install-deps.sh
jobs=$(nproc 2>/dev/null || echo 2)
cmake --preset release
cmake --build --preset release -j "$jobs"

if [ "$what" = test ]; then
  ctest --preset release -j "$jobs" -LE pg
  # Clinic mode: the store tests again, on a throw-away PostgreSQL server started for them.
  bash installer/with-test-server.sh ctest --preset release -j "$jobs" -L pg
else
  exec ./build/src/app/hiprx
fi
