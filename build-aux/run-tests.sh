#!/usr/bin/env bash
# The README's test command: installs what is missing, builds and runs the
# whole test suite. Extra arguments go to `meson setup` (for example
# -Db_sanitize=address,undefined); BUILD_DIR picks the build directory.
set -euo pipefail

here=$(cd "$(dirname "$0")/.." && pwd)
cd "$here"

"$here/build-aux/install-deps.sh"

build=${BUILD_DIR:-_build}
if [ -d "$build" ]; then
  meson setup --reconfigure "$build" "$@" >/dev/null
else
  meson setup "$build" "$@" >/dev/null
fi
meson compile -C "$build"
meson test -C "$build" --print-errorlogs --num-processes 2 --timeout-multiplier 3
