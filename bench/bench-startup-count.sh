#!/usr/bin/env bash
# bench-startup-count.sh: the work from exec to the first frame, in
# instructions (callgrind), which a shared, noisy machine does not change
#
#   bench/bench-startup-count.sh [BUILD_DIR]      (default: _build)
#
# For the bare AdwApplicationWindow of bench-startup.sh, mediatour on a tour
# of seven days and no visits (the window's frame alone), on the sample and
# on a generated 10k-visit tour, prints the instructions of the main thread
# (where GTK builds, lays out and records the frame) and of all threads
# (the software GL's rasterizer threads too), and each against the bare
# window's. Each program runs twice beforehand, so that Mesa's shader cache
# holds what it compiles under valgrind (a program that quits right after
# its first frame leaves some of its shaders unwritten the first time). It
# asserts nothing. Needs Xvfb and valgrind; takes about ten minutes.
#
# GTK loads the icon theme in a thread at start, and some runs load it a
# second time on the main thread (about 65 M instructions) when the thread
# loses a race with libadwaita's start-up; compare runs that agree.
set -euo pipefail

here=$(cd "$(dirname "$0")/.." && pwd)
build=$(cd "${1:-$here/_build}" && pwd)
command -v valgrind >/dev/null || { echo "valgrind is missing" >&2; exit 2; }
# shellcheck source=startup-common.sh
. "$here/bench/startup-common.sh"

export MT_BENCH_FIRST_FRAME=1 MT_BENCH_EXEC_TIME=0
export XDG_CACHE_HOME="$work/cache"

# count COMMAND...: prints "MAIN ALL", the instructions of the main thread
# and of all threads, from exec to the first frame
count () {
  local home="$work/home-$RANDOM$RANDOM" out="$work/cg-$RANDOM$RANDOM"
  mkdir -p "$home"
  HOME="$home" XDG_DATA_HOME="$home" XDG_CONFIG_HOME="$home" \
    valgrind --tool=callgrind --separate-threads=yes --callgrind-out-file="$out" "$@" >/dev/null 2>&1
  awk '/^summary:/ { all += $2; if (FILENAME ~ /-01$/) main = $2 }
       END { printf "%.0f %.0f\n", main, all }' "$out"-*
}

declare -A main all
for name in bare empty sample big; do
  case $name in
    bare) command=("$bare") ;;
    empty) command=("$mediatour" "$work/empty.mtour") ;;
    sample) command=("$mediatour") ;;
    big) command=("$mediatour" "$work/big.mtour") ;;
  esac
  count "${command[@]}" >/dev/null     # fills the shader cache
  count "${command[@]}" >/dev/null
  read -r main[$name] all[$name] < <(count "${command[@]}")
done

echo "Exec to first frame under Xvfb, in millions of instructions (callgrind)"
printf '  %-44s %10s %8s %10s %8s\n' "" "main" "x bare" "all" "x bare"
for name in bare empty sample big; do
  case $name in
    bare) label="bare AdwApplicationWindow" ;;
    empty) label="mediatour, seven days and no visits" ;;
    sample) label="mediatour, Guangdong sample" ;;
    big) label="mediatour, 10k visits" ;;
  esac
  awk -v l="$label" -v m="${main[$name]}" -v a="${all[$name]}" -v bm="${main[bare]}" -v ba="${all[bare]}" \
    'BEGIN { printf "  %-44s %10.0f %8.2f %10.0f %8.2f\n", l, m / 1e6, m / bm, a / 1e6, a / ba }'
done
