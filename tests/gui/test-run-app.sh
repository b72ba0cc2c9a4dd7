#!/bin/sh
# test-run-app.sh SOURCE_ROOT BUILD_DIR: the README's command starts the app
# from a build folder named by an absolute path, as it does from _build:
# build-aux/run-app.sh with BUILD_DIR, in its own XDG folders, under a
# virtual display, in Simplified Chinese; the app quits after its first
# frame (MT_BENCH_FIRST_FRAME) and must have drawn it.
set -eu
source_root=$1
build_dir=$(cd "$2" && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$tmp/data" "$tmp/config" "$tmp/cache" "$tmp/home"

out=$(cd "$tmp" && env -u GSETTINGS_SCHEMA_DIR -u MT_LOCALEDIR \
        XDG_DATA_HOME="$tmp/data" XDG_CONFIG_HOME="$tmp/config" XDG_CACHE_HOME="$tmp/cache" HOME="$tmp/home" \
        LC_ALL=zh_CN.UTF-8 LANGUAGE=zh_CN MT_BENCH_FIRST_FRAME=1 BUILD_DIR="$build_dir" \
        xvfb-run -a "$source_root/build-aux/run-app.sh" 2>&1) || {
  echo "run-app.sh failed:"
  echo "$out"
  exit 1
}
case "$out" in
  *first-frame-ms*) echo "the app drew its first frame from $build_dir" ;;
  *) echo "the app did not draw a frame:"; echo "$out"; exit 1 ;;
esac
