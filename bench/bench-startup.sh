#!/usr/bin/env bash
# bench-startup.sh: how fast Media Tour Planner shows its window, measured
# against a bare AdwApplicationWindow with one label and GNOME Text Editor
# opening a small file, all in the same run under one Xvfb, and, to tell what
# the window's frame costs alone, mediatour on a tour of seven days and no
# visits.
#
#   bench/bench-startup.sh [BUILD_DIR]      (default: _build)
#
# Two measures, each the median of 5 runs:
#  - "mapped": from just before exec to the moment the program's main window
#    is mapped on the X server, seen from outside by an X client listening
#    for MapNotify on the root window. The same method for all three
#    programs, so they compare fairly.
#  - "first frame": from exec to the end of the first frame the window
#    painted (a frame clock "after-paint" handler, enabled by
#    MT_BENCH_FIRST_FRAME=1; the exec time comes in MT_BENCH_EXEC_TIME).
#    Only mediatour and the bare window can report it.
# and the time mediatour takes to apply one move of a visit to another day
# (what a drop does) and draw the result (MT_BENCH_MOVE=1), on the sample,
# once the window has settled (half a second after its first frame, when
# the first check and its badges are done): the move alone, the move plus
# the work of the frame that draws it, and the time until that frame is
# drawn, the wait for its frame tick included. The bare window's label is
# changed and redrawn the same way, which tells what a frame costs at the
# least with this renderer: under Xvfb, GTK's GL renderer redraws the whole
# window for any change (a changed badge in mediatour costs as much as a
# move), while the cairo renderer redraws only what changed.
#
# It prints figures and asserts nothing. Needs Xvfb, python3 and libX11.
# Under Xvfb GTK renders with software GL; GSK_RENDERER=cairo in the
# environment compares the programs with the cairo renderer instead.
set -euo pipefail

here=$(cd "$(dirname "$0")/.." && pwd)
build=$(cd "${1:-$here/_build}" && pwd)
runs=5

editor=$(command -v gnome-text-editor || true)

# shellcheck source=startup-common.sh
. "$here/bench/startup-common.sh"
printf 'Hello from the benchmark\n' > "$work/note.txt"

# run COMMAND...: one run in fresh data and config folders (no recovery
# files, no last tour) but a shared cache folder (the GL shader cache, as on
# a machine where the programs ran before); prints "mapped-ms X" and what the
# program printed
mkdir -p "$work/cache"
run () {
  local home="$work/home-$RANDOM$RANDOM"
  mkdir -p "$home/data" "$home/config"
  HOME="$home" XDG_DATA_HOME="$home/data" XDG_CONFIG_HOME="$home/config" \
  XDG_CACHE_HOME="$work/cache" python3 - "$@" <<'PY'
import ctypes, ctypes.util, os, subprocess, sys, time

x = ctypes.cdll.LoadLibrary(ctypes.util.find_library("X11"))
x.XOpenDisplay.restype = ctypes.c_void_p
x.XOpenDisplay.argtypes = [ctypes.c_char_p]
x.XDefaultRootWindow.restype = ctypes.c_ulong
x.XDefaultRootWindow.argtypes = [ctypes.c_void_p]
x.XSelectInput.argtypes = [ctypes.c_void_p, ctypes.c_ulong, ctypes.c_long]
x.XNextEvent.argtypes = [ctypes.c_void_p, ctypes.c_void_p]
x.XPending.argtypes = [ctypes.c_void_p]
x.XFlush.argtypes = [ctypes.c_void_p]
x.XConnectionNumber.argtypes = [ctypes.c_void_p]

class Attributes(ctypes.Structure):
    _fields_ = [("x", ctypes.c_int), ("y", ctypes.c_int), ("width", ctypes.c_int),
                ("height", ctypes.c_int), ("rest", ctypes.c_char * 256)]
x.XGetWindowAttributes.argtypes = [ctypes.c_void_p, ctypes.c_ulong, ctypes.POINTER(Attributes)]

dpy = x.XOpenDisplay(None)
root = x.XDefaultRootWindow(dpy)
SUBSTRUCTURE_NOTIFY = 1 << 19
MAP_NOTIFY = 19
x.XSelectInput(dpy, root, SUBSTRUCTURE_NOTIFY)
x.XFlush(dpy)

env = dict(os.environ)
env["MT_BENCH_EXEC_TIME"] = "%.6f" % time.time()
start = time.monotonic()
child = subprocess.Popen(sys.argv[1:], env=env, stdout=subprocess.PIPE,
                         stderr=subprocess.DEVNULL, text=True)
event = ctypes.create_string_buffer(192)
mapped = None
deadline = start + 30
import select
fd = x.XConnectionNumber(dpy)
while mapped is None and time.monotonic() < deadline:
    if not x.XPending(dpy):
        select.select([fd], [], [], 0.05)
        continue
    x.XNextEvent(dpy, event)
    kind = ctypes.c_int.from_buffer(event, 0).value
    if kind != MAP_NOTIFY:
        continue
    window = ctypes.c_ulong.from_buffer(event, 40).value
    attributes = Attributes()
    # the main window, not a 1×1 helper window
    if x.XGetWindowAttributes(dpy, window, ctypes.byref(attributes)) and attributes.width > 200:
        mapped = (time.monotonic() - start) * 1000

try:
    out, _ = child.communicate(timeout=10 if "MT_BENCH_FIRST_FRAME" in env else 0.5)
except subprocess.TimeoutExpired:
    child.kill()
    out, _ = child.communicate()
print("mapped-ms %.1f" % (mapped if mapped is not None else -1))
sys.stdout.write(out)
PY
}

median () {
  sort -n | awk '{ a[NR] = $1 } END { if (NR == 0) print "n/a"; else printf "%.1f", a[int((NR + 1) / 2)] }'
}

# measure NAME FIELD COMMAND...: the median of FIELD over $runs runs
declare -A results
measure () {
  local name=$1; shift
  local out="$work/$name.txt"
  run "$@" > /dev/null    # a warm-up run, not counted
  : > "$out"
  for _ in $(seq "$runs"); do
    run "$@" >> "$out"
  done
  results["$name mapped"]=$(awk '$1 == "mapped-ms" && $2 >= 0 { print $2 }' "$out" | median)
  results["$name frame"]=$(awk '$1 == "first-frame-ms" { print $2 }' "$out" | median)
  results["$name move"]=$(awk '$1 == "move-ms" { print $2 }' "$out" | median)
  results["$name apply"]=$(awk '$1 == "move-apply-ms" { print $2 }' "$out" | median)
  results["$name work"]=$(awk '$1 == "move-work-ms" { print $2 }' "$out" | median)
}

export MT_BENCH_FIRST_FRAME=1
measure bare "$bare"
measure sample "$mediatour"
measure empty "$mediatour" "$work/empty.mtour"
measure big "$mediatour" "$work/big.mtour"
MT_BENCH_MOVE=1 measure move "$mediatour"
MT_BENCH_MOVE=1 measure redraw "$bare"
unset MT_BENCH_FIRST_FRAME
if [ -n "$editor" ]; then
  measure editor "$editor" --standalone "$work/note.txt"
fi

echo
echo "Startup under Xvfb, median of $runs runs (ms)      mapped   first frame"
printf '  %-44s %8s %12s\n' "bare AdwApplicationWindow" "${results[bare mapped]}" "${results[bare frame]}"
printf '  %-44s %8s %12s\n' "mediatour, Guangdong sample" "${results[sample mapped]}" "${results[sample frame]}"
printf '  %-44s %8s %12s\n' "mediatour, seven days and no visits" "${results[empty mapped]}" "${results[empty frame]}"
printf '  %-44s %8s %12s\n' "mediatour, 10k visits / 5k delegates / 20k interviews" "${results[big mapped]}" "${results[big frame]}"
if [ -n "$editor" ]; then
  printf '  %-44s %8s %12s\n' "gnome-text-editor, a small file" "${results[editor mapped]}" "n/a"
fi
echo
echo "One move of a visit to another day on the sample (ms):"
echo "  applied to the model and the columns          ${results[move apply]}"
echo "  that and the work of the frame that draws it   ${results[move work]}"
echo "  until that frame was drawn (its tick included) ${results[move move]}"
echo "The bare window's label changed, the same way (the least a frame costs):"
echo "  the change and the work of its frame           ${results[redraw work]}"
echo "  until that frame was drawn (its tick included) ${results[redraw move]}"
echo
echo "GSK renderer: ${GSK_RENDERER:-default (GL, software under Xvfb)}"
