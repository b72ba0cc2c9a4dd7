#!/usr/bin/env bash
# Crash safety: kills saves with SIGKILL at random moments and checks that
# what is on disk is always a complete file and that no temporary file
# outlives the next save.
#
#   tests/fuzz/kill-saves.sh CLI RECOVERY_WRITER [SAVES] [VISITS] [AUTOSAVES] [DIR]
#
# 1. mediatour-cli saves a generated tour of VISITS visits over an existing
#    one (the other seed each time) and is killed after a random delay
#    between 0 and 1.1 times an uninterrupted save's duration, SAVES times.
#    After each kill the file must be the old or the new one, byte for byte;
#    a temporary file may be left only by the kill just made (one killed
#    between naming its file and renaming it), and the next save removes it.
# 2. The window's autosave (MtRecovery, through recovery-writer) is killed
#    AUTOSAVES times, 0 to AUTOSAVE_MS ms (1500 by default) after its first
#    write (it writes a tour of VISITS / 5 visits again and again, each
#    time with another title): the recovery file must
#    load whole each time, the same for its metadata, and leftovers go as
#    above.
# DIR (a new folder in /tmp by default) is where the files go; the full run
# (1000 saves of 100 000 visits) writes tens of GB, so a tmpfs is kinder:
#   mount -t tmpfs -o size=1g tmpfs /mnt/kills; tests/fuzz/kill-saves.sh … /mnt/kills
set -euo pipefail

cli=${1:?usage: kill-saves.sh CLI RECOVERY_WRITER [SAVES] [VISITS] [AUTOSAVES] [DIR]}
writer=${2:?usage: kill-saves.sh CLI RECOVERY_WRITER [SAVES] [VISITS] [AUTOSAVES] [DIR]}
saves=${3:-1000}
visits=${4:-100000}
autosaves=${5:-$(( saves / 10 ))}
base=${6:-${TMPDIR:-/tmp}}
dir=$(mktemp -d "$base/kill-saves-XXXXXX")
pid=
cleanup () {
  if [ -n "$pid" ]; then kill -KILL "$pid" 2>/dev/null || true; fi
  wait 2>/dev/null || true
  rm -rf "$dir"
}
trap cleanup EXIT

now_ms () { echo $(( $(date +%s%N) / 1000000 )); }
# a random delay in [0, limit_ms] as seconds for sleep
random_delay () {
  local ms=$(( (RANDOM * 32768 + RANDOM) % ($1 + 1) ))
  printf '%d.%03d' $(( ms / 1000 )) $(( ms % 1000 ))
}
count_temps () {
  if [ -d "$1" ]; then find "$1" -maxdepth 1 -name "$2" | wc -l; else echo 0; fi
}

# 1. mediatour-cli
"$cli" generate --visits "$visits" --seed 1 -o "$dir/old.mtour"
"$cli" generate --visits "$visits" --seed 2 -o "$dir/new.mtour"
old_sum=$(sha256sum < "$dir/old.mtour")
new_sum=$(sha256sum < "$dir/new.mtour")
cp "$dir/old.mtour" "$dir/tour.mtour"
start=$(now_ms)
"$cli" generate --visits "$visits" --seed 2 -o "$dir/tour.mtour"
duration=$(( $(now_ms) - start ))
cp "$dir/old.mtour" "$dir/tour.mtour"

n_old=0 n_new=0 n_finished=0 n_left=0
for ((i = 1; i <= saves; i++)); do
  sum=$(sha256sum < "$dir/tour.mtour")
  seed=1; [ "$sum" = "$old_sum" ] && seed=2
  "$cli" generate --visits "$visits" --seed "$seed" -o "$dir/tour.mtour" 2>/dev/null &
  pid=$!
  sleep "$(random_delay $(( duration * 11 / 10 )))"
  kill -KILL "$pid" 2>/dev/null || n_finished=$(( n_finished + 1 ))
  wait "$pid" 2>/dev/null || true

  sum=$(sha256sum < "$dir/tour.mtour")
  if [ "$sum" = "$old_sum" ]; then n_old=$(( n_old + 1 ))
  elif [ "$sum" = "$new_sum" ]; then n_new=$(( n_new + 1 ))
  else echo "save $i: the tour is neither the old nor the new file" >&2; exit 1
  fi
  temps=$(count_temps "$dir" '.tour.mtour.mtour-*')
  [ "$temps" -le 1 ] || { echo "save $i: $temps temporary files, earlier saves' not removed" >&2; exit 1; }
  [ "$temps" -eq 0 ] || n_left=$(( n_left + 1 ))
done
"$cli" generate --visits "$visits" --seed 1 -o "$dir/tour.mtour"
[ "$(count_temps "$dir" '.tour.mtour.mtour-*')" -eq 0 ] || { echo "a save left a temporary file" >&2; exit 1; }
echo "mediatour-cli: $saves saves of $visits visits killed after 0 to $(( duration * 11 / 10 )) ms" \
     "(a save takes $duration ms): $n_old left the old file, $n_new the new one, none anything else;" \
     "$n_finished had finished; $n_left left a temporary file, each removed by the next save"

# 2. the autosave
[ "$autosaves" -gt 0 ] || exit 0
export XDG_DATA_HOME=$dir/data
recovery=$XDG_DATA_HOME/mediatour/recovery
autosave_visits=$(( visits / 5 > 0 ? visits / 5 : 1 ))
autosave_ms=${AUTOSAVE_MS:-1500}
n_whole=0 n_none=0 n_left=0
for ((i = 1; i <= autosaves; i++)); do
  "$writer" "$autosave_visits" > "$dir/edits" 2>/dev/null &
  pid=$!
  # from its first write on: before it, there is nothing to break
  waited=0
  while [ ! -s "$dir/edits" ] && [ "$waited" -lt 3000 ]; do sleep 0.01; waited=$(( waited + 1 )); done
  sleep "$(random_delay "$autosave_ms")"
  kill -KILL "$pid" 2>/dev/null || { echo "autosave $i: the writer stopped by itself" >&2; exit 1; }
  wait "$pid" 2>/dev/null || true

  if [ -e "$recovery/untitled-1.mtour" ]; then
    "$cli" info "$recovery/untitled-1.mtour" > "$dir/info" ||
      { echo "autosave $i: the recovery file does not load" >&2; exit 1; }
    grep -q '^Title: Edit [0-9]*$' "$dir/info" || { echo "autosave $i: the recovery file is not an edit" >&2; exit 1; }
    python3 -c 'import json,sys; json.load(open(sys.argv[1]))' "$recovery/untitled-1.json" ||
      { echo "autosave $i: the recovery metadata does not load" >&2; exit 1; }
    n_whole=$(( n_whole + 1 ))
  else
    n_none=$(( n_none + 1 ))
  fi
  temps=$(( $(count_temps "$recovery" '.untitled-1.mtour.mtour-*') + $(count_temps "$recovery" '.untitled-1.json.mtour-*') ))
  [ "$temps" -le 2 ] || { echo "autosave $i: $temps temporary files, earlier writes' not removed" >&2; exit 1; }
  [ "$temps" -eq 0 ] || n_left=$(( n_left + 1 ))
done
echo "autosave: $autosaves writers of $autosave_visits visits killed 0 to $autosave_ms ms after their first write: $n_whole left a" \
     "whole recovery file, $n_none none yet; $n_left left a temporary file, removed by the next write"
