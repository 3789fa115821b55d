#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# CI's reliability step (issue 19, README "Reliability"), after the README's test command:
#   1. the clang sanitizer build (preset asan: ASan + UBSan, libFuzzer targets) in ./build-asan;
#   2. the whole test suite under it, GUI tests included (system-library leaks suppressed by
#      tests/reliability/lsan.supp, HipRx's own never), the migration fixtures among them;
#   3. every fuzzer for HIPRX_FUZZ_SECONDS (60) from its checked-in corpus, two at a time;
#   4. the crash campaign, HIPRX_CRASH_ROUNDS (200) rounds, seed HIPRX_CRASH_SEED (19);
#   5. the I/O-error injection, at most HIPRX_FAULT_POINTS (6) call numbers per command and call.
# Prints the time of each step and the figures the README quotes. Exits non-zero on any failure.
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$PWD
jobs=$(nproc 2>/dev/null || echo 2)
fuzz_seconds=${HIPRX_FUZZ_SECONDS:-60}
crash_rounds=${HIPRX_CRASH_ROUNDS:-200}
crash_seed=${HIPRX_CRASH_SEED:-19}
fault_points=${HIPRX_FAULT_POINTS:-6}

export ASAN_OPTIONS=detect_leaks=1:halt_on_error=1:strict_string_checks=1
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
export LSAN_OPTIONS=suppressions=$root/tests/reliability/lsan.supp:print_suppressions=0
export NO_AT_BRIDGE=1

summary=()
step() {
  local name=$1
  shift
  local start=$SECONDS
  echo "== $name"
  "$@"
  local took=$((SECONDS - start))
  summary+=("$(printf '%-34s %4d s' "$name" "$took")")
  echo "== $name: ${took} s"
}

fuzz_all() {
  local out=build-asan/fuzz-runs
  rm -rf "$out"
  mkdir -p "$out"
  local targets=()
  for corpus in tests/reliability/fuzz/corpus/*/; do
    targets+=("$(basename "$corpus")")
  done
  # Two at a time: each gets a core and still runs its full time.
  local status=0
  run_one() {
    local target=$1
    mkdir -p "$out/$target.corpus" "$out/$target.artifacts"
    if build-asan/tests/reliability/fuzz/"$target" -max_total_time="$fuzz_seconds" -timeout=10 \
        -rss_limit_mb=2048 -print_final_stats=1 -artifact_prefix="$out/$target.artifacts/" \
        "$out/$target.corpus" "tests/reliability/fuzz/corpus/$target" >"$out/$target.log" 2>&1; then
      echo ok >"$out/$target.status"
    else
      echo failed >"$out/$target.status"
    fi
  }
  local i=0
  while [ $i -lt ${#targets[@]} ]; do
    run_one "${targets[$i]}" &
    if [ $((i + 1)) -lt ${#targets[@]} ]; then
      run_one "${targets[$((i + 1))]}" &
    fi
    wait
    i=$((i + 2))
  done
  for target in "${targets[@]}"; do
    local execs
    execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$out/$target.log" | tail -1)
    local corpus
    corpus=$(find "$out/$target.corpus" -type f | wc -l)
    echo "fuzz $target: ${execs:-?} execs in ${fuzz_seconds} s, $corpus new inputs, $(cat "$out/$target.status")"
    if [ "$(cat "$out/$target.status")" != ok ]; then
      status=1
      tail -60 "$out/$target.log"
      ls -l "$out/$target.artifacts"
    fi
  done
  return $status
}

step "asan build" bash -c "cmake --preset asan >/dev/null && cmake --build --preset asan -j $jobs"
step "test suite under ASan+UBSan" bash installer/with-test-server.sh ctest --preset asan -j "$jobs"
step "fuzzers (${fuzz_seconds} s each)" fuzz_all
step "crash campaign (${crash_rounds} rounds)" python3 tests/reliability/crash_campaign.py \
  --cli build-asan/src/cli/hiprx-cli --rounds "$crash_rounds" --seed "$crash_seed"
step "I/O-error injection" python3 tests/reliability/io_faults.py \
  --cli build-asan/src/cli/hiprx-cli --shim build-asan/tests/reliability/io_faults.so --points "$fault_points"

echo "== reliability step, seconds per part"
printf '%s\n' "${summary[@]}"
echo "== total: ${SECONDS} s"
