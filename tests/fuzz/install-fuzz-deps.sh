#!/usr/bin/env bash
# What building the fuzz targets with libFuzzer needs on Debian 12 (as root),
# beyond build-aux/install-deps.sh: clang and its runtime libraries, which
# hold libFuzzer and the sanitizers. The normal build and CI do not need
# them: there the targets replay their corpus, built with gcc.
set -euo pipefail

packages=(clang libclang-rt-14-dev)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi
