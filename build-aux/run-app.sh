#!/usr/bin/env bash
# The README's first command: installs what is missing, builds, and starts
# Media Tour Planner on the built-in Guangdong sample tour, from the build
# folder as an installed app would run: its settings schema, its
# translations and its icon found there. BUILD_DIR picks the build folder,
# relative to the checkout or absolute.
set -euo pipefail

here=$(cd "$(dirname "$0")/.." && pwd)
cd "$here"

"$here/build-aux/install-deps.sh"

build=${BUILD_DIR:-_build}
[ -d "$build" ] || meson setup "$build" -Dprofile=development >/dev/null
meson compile -C "$build"
build=$(cd "$build" && pwd)

# what an installation puts under the prefix, from the build folder
export GSETTINGS_SCHEMA_DIR="$build/data"
export MT_LOCALEDIR="$build/po"
"$build/src/cli/mediatour-cli" sample -o "$build/guangdong-sample.mtour"
if [ -x "$build/src/gui/mediatour" ]; then
  exec "$build/src/gui/mediatour" "$build/guangdong-sample.mtour"
else
  exec "$build/src/cli/mediatour-cli" info "$build/guangdong-sample.mtour"
fi
