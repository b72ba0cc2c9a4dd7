#!/usr/bin/env bash
# The README's first command: installs what is missing, builds, and starts
# Media Tour Planner on the built-in Guangdong sample tour.
set -euo pipefail

here=$(cd "$(dirname "$0")/.." && pwd)
cd "$here"

"$here/build-aux/install-deps.sh"

build=${BUILD_DIR:-_build}
[ -d "$build" ] || meson setup "$build" -Dprofile=development >/dev/null
meson compile -C "$build"

export GSETTINGS_SCHEMA_DIR="$here/$build/data"
if [ -x "$build/src/gui/mediatour" ]; then
  "$build/src/cli/mediatour-cli" sample -o "$build/guangdong-sample.mtour"
  exec "$build/src/gui/mediatour" "$build/guangdong-sample.mtour"
else
  "$build/src/cli/mediatour-cli" sample -o "$build/guangdong-sample.mtour"
  exec "$build/src/cli/mediatour-cli" info "$build/guangdong-sample.mtour"
fi
