# startup-common.sh: what the startup benchmarks (bench-startup.sh,
# bench-startup-count.sh) share; sourced, with $here (the source tree) and
# $build (the build folder) set. Checks that the programs are built, makes
# a work folder ($work, removed on exit), starts one Xvfb on a display it
# picks and names itself once it accepts connections (killed on exit), and
# writes the tours both measure: $work/empty.mtour (seven days and no
# visits: the window's frame alone) and $work/big.mtour (10k visits, 5k
# delegates, 20k interviews).

mediatour="$build/src/gui/mediatour"
bare="$build/bench/bare-window"
cli="$build/src/cli/mediatour-cli"

for program in "$mediatour" "$bare" "$cli"; do
  [ -x "$program" ] || { echo "missing $program: build first" >&2; exit 2; }
done

work=$(mktemp -d)
xvfb_pid=
cleanup () {
  [ -n "$xvfb_pid" ] && kill "$xvfb_pid" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

Xvfb -displayfd 3 -screen 0 1600x1000x24 -nolisten tcp 3>"$work/display" >/dev/null 2>&1 &
xvfb_pid=$!
for _ in $(seq 100); do
  [ -s "$work/display" ] && break
  kill -0 "$xvfb_pid" 2>/dev/null || break
  sleep 0.05
done
[ -s "$work/display" ] || { echo "Xvfb did not start" >&2; exit 2; }
export DISPLAY=":$(head -n 1 "$work/display")"

"$cli" generate --visits 0 --delegates 0 --interviews 0 --seed 1 -o "$work/empty.mtour"
"$cli" generate --visits 10000 --delegates 5000 --interviews 20000 --seed 1 -o "$work/big.mtour"

export GSETTINGS_BACKEND=memory GSETTINGS_SCHEMA_DIR="$build/data"
export GTK_A11Y=none NO_AT_BRIDGE=1 GDK_BACKEND=x11
