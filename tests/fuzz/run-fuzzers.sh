#!/usr/bin/env bash
# Runs the fuzz targets one after another, each for SECONDS (an hour by
# default), at the lowest priority, one fuzzer process at a time. Needs a
# build with -Dfuzzing=true (see README.md).
#   tests/fuzz/run-fuzzers.sh _build-fuzz [SECONDS] [TARGET...]
# Each target's new inputs, findings and log go to $FUZZ_WORK/TARGET
# (BUILD/fuzz-work by default); the last lines of each log are printed.
set -euo pipefail

build=${1:?usage: run-fuzzers.sh BUILD_DIR [SECONDS] [TARGET...]}
seconds=${2:-3600}
shift $(( $# >= 2 ? 2 : 1 ))
here=$(cd "$(dirname "$0")" && pwd)
work=${FUZZ_WORK:-$build/fuzz-work}
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(fuzz-tour-load fuzz-tour-round-trip fuzz-ical-import fuzz-csv-roster)

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
  nice -n 19 "$build/tests/fuzz/$target" \
    -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=4096 \
    -dict="$here/$dict" -print_final_stats=1 \
    -artifact_prefix="$work/$target/findings/" \
    "$work/$target/corpus" "$here/corpus/$corpus" > "$work/$target/log" 2>&1 || true
  grep -E '^#[0-9]+' "$work/$target/log" | tail -n 1
  grep -E '^(stat::|==[0-9]+==ERROR|SUMMARY|Done)' "$work/$target/log" || true
  ls "$work/$target/findings"
done
