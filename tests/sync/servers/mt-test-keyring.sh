#!/usr/bin/env bash
# Runs a command with a private Secret Service: a D-Bus session bus of its
# own (dbus-run-session) and a gnome-keyring-daemon on it whose login
# keyring is unlocked, so that storing and looking up secrets works without
# any prompt. HOME and the XDG folders point into a fresh temp dir, so the
# user's real keyring is never read or written.
#
#   mt-test-keyring.sh CMD [ARGS...]
#
# Exits with CMD's exit code. Afterwards the daemon is ended and the temp
# dir removed. The keyring password is "mt-test-keyring" (only useful to a
# test that locks and unlocks the keyring on purpose).
#
# Inside CMD: DBUS_SESSION_BUS_ADDRESS names the private bus (libsecret
# finds the daemon there), MT_TEST_KEYRING_DIR the temp dir (HOME is
# $MT_TEST_KEYRING_DIR/home, the keyrings are in
# $MT_TEST_KEYRING_DIR/data/keyrings). DISPLAY is left as it is. As root,
# dbus-daemon warns "Failed to set fd limit to 65536" on stderr; harmless.
set -euo pipefail

prog=$(basename "$0")
self=$(readlink -f "$0")
password=mt-test-keyring

die() {
  echo "$prog: $*" >&2
  exit 1
}

# True while PID exists and is not a zombie.
running() {
  local stat
  stat=$(cat "/proc/$1/stat" 2>/dev/null) || return 1
  stat=${stat##*) }
  [ "${stat%% *}" != Z ]
}

# Inside the private bus: start the daemon, wait until it serves
# org.freedesktop.secrets, run the command, end the daemon.
inside_bus() {
  local dir=$MT_TEST_KEYRING_DIR gkd rc=0 tries owner
  # --foreground keeps the daemon our child, so we know its pid.
  printf '%s' "$password" |
    gnome-keyring-daemon --foreground --unlock --components=secrets \
      >"$dir/gkd.env" 2>"$dir/gkd.log" &
  gkd=$!

  # Wait (10 s at most) until the daemon owns the Secret Service name. Until
  # then, a client asking for the name would make the bus start another
  # daemon of its own, with a locked keyring.
  tries=100
  while :; do
    if ! running "$gkd"; then
      cat "$dir/gkd.log" >&2
      die "gnome-keyring-daemon ended before it served org.freedesktop.secrets"
    fi
    owner=$(dbus-send --session --print-reply --dest=org.freedesktop.DBus /org/freedesktop/DBus \
      org.freedesktop.DBus.NameHasOwner string:org.freedesktop.secrets 2>/dev/null || true)
    [[ $owner == *"boolean true"* ]] && break
    tries=$((tries - 1))
    if [ $tries -le 0 ]; then
      kill "$gkd" 2>/dev/null || true
      cat "$dir/gkd.log" >&2
      die "gnome-keyring-daemon did not serve org.freedesktop.secrets within 10 s"
    fi
    sleep 0.1
  done

  # The daemon prints the variables its clients need (GNOME_KEYRING_CONTROL).
  local line
  while IFS= read -r line; do
    case $line in
      GNOME_KEYRING_CONTROL=* | SSH_AUTH_SOCK=*) export "${line?}" ;;
    esac
  done <"$dir/gkd.env"

  "$@" || rc=$?

  kill "$gkd" 2>/dev/null || true
  wait "$gkd" 2>/dev/null || true
  return $rc
}

if [ "${1:-}" = --inside-bus ]; then
  shift
  inside_bus "$@"
  exit $?
fi

[ $# -ge 1 ] || die "usage: $prog CMD [ARGS...]"
command -v dbus-run-session >/dev/null || die "dbus-run-session is not installed (package dbus)"
command -v gnome-keyring-daemon >/dev/null || die "gnome-keyring-daemon is not installed (package gnome-keyring)"

tmp=$(mktemp -d "${TMPDIR:-/tmp}/mt-keyring.XXXXXX")
# shellcheck disable=SC2317 # called by the EXIT trap
cleanup() {
  # The daemon is ended inside the bus; this catches one left by a crash.
  local f pid
  for f in /proc/[0-9]*/environ; do
    pid=${f#/proc/}
    pid=${pid%/environ}
    if [ "$(readlink "/proc/$pid/exe" 2>/dev/null)" = "$(command -v gnome-keyring-daemon)" ] &&
      { tr '\0' '\n' <"$f"; } 2>/dev/null | grep -qxF "MT_TEST_KEYRING_DIR=$tmp"; then
      kill "$pid" 2>/dev/null || true
    fi
  done
  rm -rf "$tmp"
}
trap cleanup EXIT

mkdir -p "$tmp/home" "$tmp/data" "$tmp/config" "$tmp/cache" "$tmp/runtime"
chmod 0700 "$tmp/runtime"
export MT_TEST_KEYRING_DIR=$tmp
export HOME="$tmp/home"
export XDG_DATA_HOME="$tmp/data"
export XDG_CONFIG_HOME="$tmp/config"
export XDG_CACHE_HOME="$tmp/cache"
export XDG_RUNTIME_DIR="$tmp/runtime"
unset DBUS_SESSION_BUS_ADDRESS GNOME_KEYRING_CONTROL GNOME_KEYRING_PID SSH_AUTH_SOCK

rc=0
dbus-run-session -- "$BASH" "$self" --inside-bus "$@" || rc=$?
exit $rc
