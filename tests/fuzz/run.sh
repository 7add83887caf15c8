#!/usr/bin/env bash
# Builds the libFuzzer targets with clang in a build directory of their own and runs each for a
# bounded time on its committed corpus (tests/fuzz/<target>/, read-only: new inputs go to
# BUILD/corpus/<target>/). Prints the executions per target; fails on any crash, leak, undefined
# behaviour or timeout, with the input kept in BUILD/artifacts/.
#
#   tests/fuzz/run.sh BUILD_DIR SECONDS_PER_TARGET [--require]
#
# Without clang and its libFuzzer runtime (Debian: clang, libclang-rt-14-dev) it says so and exits
# 77 (CTest: skipped), or 1 with --require (make fuzz, make fuzz-ci).
set -u
build=${1:?usage: run.sh BUILD_DIR SECONDS [--require]}
seconds=${2:?usage: run.sh BUILD_DIR SECONDS [--require]}
require=${3:-}
here=$(cd "$(dirname "$0")" && pwd)
src=$(cd "$here/../.." && pwd)
targets=${FUZZ_TARGETS:-"catalog jpdate bundle xlsx csv template"}

skip() {
  echo "fuzz: skipped: $*"
  [ "$require" = --require ] && exit 1
  exit 77
}
command -v clang >/dev/null || skip "clang not found (apt-get install clang libclang-rt-14-dev)"
probe=$(mktemp -d)
trap 'rm -rf "$probe"' EXIT
echo 'int LLVMFuzzerTestOneInput(const char *d, unsigned long n) { (void)d; (void)n; return 0; }' >"$probe/p.c"
clang -fsanitize=fuzzer,address "$probe/p.c" -o "$probe/p" 2>"$probe/log" ||
  skip "clang cannot link libFuzzer ($(head -1 "$probe/log")); apt-get install libclang-rt-14-dev"

mkdir -p "$build"
build=$(cd "$build" && pwd)
# Configured every time (cheap when nothing changed), so targets added since the last run exist.
CC=clang cmake -S "$src" -B "$build" -DANZEN_FUZZ=ON -DANZEN_WERROR=ON -DBUILD_TESTING=OFF -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  >"$build/configure.log" 2>&1 || { cat "$build/configure.log"; exit 1; }
# shellcheck disable=SC2086
cmake --build "$build" -j "${JOBS:-2}" --target $(printf 'fuzz_%s ' $targets) >"$build/build.log" 2>&1 ||
  { tail -30 "$build/build.log"; exit 1; }

fail=0
for t in $targets; do
  work=$build/corpus/$t
  mkdir -p "$work" "$build/artifacts"
  log=$build/fuzz-$t.log
  dict=()
  [ -f "$here/$t.dict" ] && dict=("-dict=$here/$t.dict")
  ASAN_OPTIONS=detect_leaks=1 "$build/bin/fuzz_$t" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 \
    -max_len=65536 -print_final_stats=1 -artifact_prefix="$build/artifacts/$t-" "${dict[@]}" \
    "$work" "$here/$t" >"$log" 2>&1
  rc=$?
  runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
  secs=$(sed -n 's/^Done [0-9]* runs in \([0-9]*\) second.*/\1/p' "$log" | tail -1)
  echo "fuzz: $t: ${runs:-?} execs in ${secs:-?} s, corpus $(find "$work" -type f | wc -l) + $(find "$here/$t" -type f | wc -l) seeds, exit $rc"
  if [ $rc != 0 ]; then
    fail=1
    grep -E 'ERROR|SUMMARY|Test unit written|round trip|deadly' "$log" | head -20
  fi
done
exit $fail
