#!/usr/bin/env bash
# bench-checker-count.sh: the schedule checker's work in instructions, which
# a shared, noisy machine does not change, counted by callgrind
#
#   bench/bench-checker-count.sh [BUILD_DIR] [MAX_VISITS]   (default: _build, 100000)
#
# For generated tours of 1k, 10k and 100k visits (half as many delegates,
# twice as many interviews), prints the instructions of one full check and
# of one single-day re-check, and the growth of the full check per tenfold
# against n log n's. It asserts nothing. Needs valgrind.
set -euo pipefail

here=$(cd "$(dirname "$0")/.." && pwd)
build=$(cd "${1:-$here/_build}" && pwd)
max=${2:-100000}
bench="$build/bench/bench-checker"
command -v valgrind >/dev/null || { echo "valgrind is missing" >&2; exit 2; }
[ -x "$bench" ] || { echo "missing $bench: build first" >&2; exit 2; }

count () { # count N FUNCTION: the instructions FUNCTION ran
  valgrind --tool=callgrind --callgrind-out-file=/dev/null --toggle-collect="$2" \
    "$bench" --count "$1" 2>&1 >/dev/null | awk '/refs:/ { gsub(",", "", $NF); print $NF }'
}

printf '%-8s %16s %16s %10s %8s\n' visits "full check" "one day" "nlogn x" growth
previous=0
previous_n=0
for n in 1000 10000 100000; do
  [ "$n" -le "$max" ] || break
  full=$(count "$n" counted_full_check)
  day=$(count "$n" counted_day_check)
  if [ "$previous_n" -gt 0 ]; then
    read -r predicted growth < <(awk -v n="$n" -v p="$previous_n" -v f="$full" -v q="$previous" \
      'BEGIN { printf "%.1f %.1f\n", n * log (n) / (p * log (p)), f / q }')
  else
    predicted=- growth=-
  fi
  printf '%-8s %16s %16s %10s %8s\n' "$n" "$full" "$day" "$predicted" "$growth"
  previous=$full
  previous_n=$n
done
echo
echo "Instructions (callgrind's Ir) of one full check and one re-check of day 3,"
echo "each after a first full check."
