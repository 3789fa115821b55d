#!/usr/bin/env bash
# Runs the bug-finding checks of .clang-tidy over the sources, using ./build's compile commands.
set -euo pipefail
cd "$(dirname "$0")/.."
[ -f build/compile_commands.json ] || cmake --preset release
git ls-files 'src/*.cpp' | xargs -P "$(nproc)" -n 4 clang-tidy -p build --quiet
