#!/usr/bin/env bash
# Runs the fuzz targets one after another, each for SECONDS (an hour by
# default), at the lowest priority, one fuzzer process at a time. Needs a
# build with -Dfuzzing=true (see README.md).
#   tests/fuzz/run-fuzzers.sh _build-fuzz [SECONDS] [TARGET...]
# Each target's new inputs, findings and log go to $FUZZ_WORK/TARGET
# (BUILD/fuzz-work by default); the last lines of each log are printed.
# Leaks: libFuzzer checks each input while it can; after the hour every
# input the fuzzer kept is replayed once with full stacks and LeakSanitizer
# at exit (leak-replay.log), with GLib's quark table suppressed (lsan.supp).
set -euo pipefail

build=${1:?usage: run-fuzzers.sh BUILD_DIR [SECONDS] [TARGET...]}
seconds=${2:-3600}
shift $(( $# >= 2 ? 2 : 1 ))
here=$(cd "$(dirname "$0")" && pwd)
work=${FUZZ_WORK:-$build/fuzz-work}
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(fuzz-tour-load fuzz-tour-round-trip fuzz-ical-import fuzz-csv-roster fuzz-merge)

for target in "${targets[@]}"; do
  case $target in
    fuzz-tour-*) corpus=tour; dict=tour.dict ;;
    fuzz-ical-*) corpus=ics; dict=ics.dict ;;
    fuzz-csv-*) corpus=csv; dict=csv.dict ;;
    fuzz-merge) corpus=merge; dict=tour.dict ;;
    *) echo "no such target: $target" >&2; exit 2 ;;
  esac
  mkdir -p "$work/$target/corpus" "$work/$target/findings"
  echo "== $target for $seconds s"
  # the first folder gets what the fuzzer finds; the tree's corpus seeds it
  # GLib's quark arrays, left behind as interned replica ids accumulate
  # over millions of inputs, would be reported at exit with stacks too
  # short to suppress; the replay below checks for leaks instead
  ASAN_OPTIONS=${ASAN_OPTIONS:+$ASAN_OPTIONS:}leak_check_at_exit=0 \
  nice -n 19 "$build/tests/fuzz/$target" \
    -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=4096 \
    -dict="$here/$dict" -print_final_stats=1 \
    -artifact_prefix="$work/$target/findings/" \
    "$work/$target/corpus" "$here/corpus/$corpus" > "$work/$target/log" 2>&1 || true
  grep -E '^#[0-9]+' "$work/$target/log" | tail -n 1
  grep -E '^(stat::|==[0-9]+==ERROR|SUMMARY|Done)' "$work/$target/log" || true
  ASAN_OPTIONS=${ASAN_OPTIONS:+$ASAN_OPTIONS:}fast_unwind_on_malloc=0:malloc_context_size=30 \
  LSAN_OPTIONS=suppressions="$here/lsan.supp" \
  nice -n 19 "$build/tests/fuzz/$target" -runs=0 -timeout=10 -rss_limit_mb=2048 \
    "$work/$target/corpus" "$here/corpus/$corpus" > "$work/$target/leak-replay.log" 2>&1 \
    && echo "replay of the kept corpus: no leak" \
    || grep -E '^(==[0-9]+==ERROR|SUMMARY)' "$work/$target/leak-replay.log" || true
  ls "$work/$target/findings"
done
