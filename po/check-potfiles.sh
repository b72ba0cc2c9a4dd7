#!/bin/sh
# check-potfiles.sh SOURCE_ROOT: fails, naming them, when a source file with
# translatable strings is missing from po/POTFILES.in (its strings would
# drop out of the catalogue and the translations, at the next update).
set -eu
cd "$1"
missing=$(grep -rlE '(^|[^A-Za-z0-9_])(N?_|ngettext) ?\("|translatable="yes"' src \
            --include='*.c' --include='*.ui' | sort \
          | while read -r file; do
              grep -qxF "$file" po/POTFILES.in || echo "$file"
            done)
if [ -n "$missing" ]; then
  echo "not in po/POTFILES.in, though they have translatable strings:" >&2
  echo "$missing" >&2
  exit 1
fi
echo "every source file with translatable strings is in po/POTFILES.in"
