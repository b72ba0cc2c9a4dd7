#!/usr/bin/env bash
# Self-check of mt-test-server.sh: starts each kind of server in a fresh
# temp dir, puts it through the requests the sync engine relies on (with
# curl, as user lin), stops it, and prints a table of what each server did.
# Exits non-zero where Apache or lighttpd do not behave as the sync tests
# expect, or where starting or stopping a server is not clean. nginx is
# only reported: it is there to be refused by our server check.
#
#   check-servers.sh [KIND...]     KIND: apache lighttpd nginx (default all)
#
# QUIRKS (seen with Debian 12's apache2 2.4.71 (FileETag MTime Size),
# lighttpd 1.4.69 with mod_webdav, nginx-light 1.22.1 with dav-ext 3.0.0,
# under the configurations mt-test-server.sh writes):
#
# Apache (mod_dav_fs)
# - ETag is "SIZE-MTIME" in hex (MTIME in microseconds), the same on GET
#   and in PROPFIND getetag, whatever Accept-Encoding says (mod_deflate is
#   not loaded here, so nothing is compressed).
# - The ETag is WEAK (W/"...") while the file's mtime is less than one
#   second older than the request, strong after that; PROPFIND getetag too.
#   If-Match always compares strongly, so a PUT or DELETE with If-Match
#   fails with 412 while the file was changed less than a second earlier,
#   whether the client sends the W/ tag it was given or the same tag
#   without W/. An If-Match with a W/ tag fails with 412 at any time; the
#   same tag without W/ succeeds (204) once the file is a second old. A
#   sync client that PUTs a file again right after it changed must expect
#   a spurious 412 from Apache, should send If-Match without the W/, and
#   must treat W/"x" and "x" as the same version when comparing ETags.
#   (The table's "at once" rows depend on timing: on a loaded machine more
#   than a second can pass, and Apache then answers 204 to the tag
#   without W/.)
#   FileETag Digest (MT_TEST_APACHE_FILEETAG=Digest) gives content-hash
#   ETags that are never weak.
# - PUT answers 201 for a new file, 204 for a replaced one, and carries NO
#   ETag header: GET or PROPFIND afterwards to learn the new ETag.
# - PUT with If-None-Match: * on an existing file: 412; PUT with
#   If-Match: * on a missing file: 412; DELETE with a stale If-Match: 412.
# - PUT or MKCOL below a missing folder: 409 (no folders are made).
#
# lighttpd (mod_webdav)
# - ETag is a strong decimal hash "NNNNNNNNNN" of inode, size and mtime
#   (nanoseconds), the same on GET, in PROPFIND getetag and in PUT's ETag
#   header; Accept-Encoding does not change it.
# - lighttpd sends NO ETag (and no Last-Modified) on GET for a file whose
#   Content-Type falls back to its built-in application/octet-stream; the
#   config maps every name to a type ("" => application/octet-stream) so
#   that every file gets one. A real server without such a mapping may
#   answer GET without an ETag for unknown suffixes.
# - PUT answers 201 for a new file, 204 for a replaced one, and DOES carry
#   the new ETag in its response.
# - If-Match / If-None-Match: * / stale ETags on PUT and DELETE: 412, as
#   for Apache. PUT or MKCOL below a missing folder: 409.
#
# nginx (dav + dav_ext) - ignores preconditions on writes:
# - PUT with If-None-Match: * on an existing file: 204, the file is
#   REPLACED. PUT with a stale If-Match: 204, REPLACED. DELETE with a stale
#   If-Match: 204, DELETED. PUT with If-Match: * on a missing file: 201.
# - ETag is strong "MTIME-SIZE" in hex with MTIME in whole SECONDS: a
#   same-size rewrite within the same second keeps the same ETag.
# - PUT carries no ETag header. PROPFIND (dav_ext) answers 207 but has no
#   getetag at all (it lists the property as found but empty).
# - PUT below a missing folder makes the folders (create_full_put_path)
#   and answers 201.
#
# A server killed (SIGKILL) in the middle of a PUT that replaces a file:
# all three keep the old content whole. Apache leaves its partial upload
# behind as .davfs.tmpNNNNNN in the file's folder (PROPFIND does not list
# it, but it stays on disk); lighttpd (an unnamed O_TMPFILE file, or its
# upload dir STATEDIR/tmp) and nginx (STATEDIR/tmp) leave nothing in the
# folder.
#
# All three: wrong password 401; MKCOL on an existing folder 405.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
server="$here/mt-test-server.sh"

kinds=("$@")
[ ${#kinds[@]} -gt 0 ] || kinds=(apache lighttpd nginx)

# Servers die with this script even if it is killed before its cleanup.
export MT_TEST_SERVER_OWNER_PID=$$

statedirs=()
cleanup() {
  local sd
  for sd in "${statedirs[@]}"; do
    "$server" stop "$sd" >/dev/null 2>&1 || true
    rm -rf "$sd"
  done
}
trap cleanup EXIT
trap 'exit 129' HUP
trap 'exit 130' INT
trap 'exit 143' TERM

work=$(mktemp -d "${TMPDIR:-/tmp}/mt-check-work.XXXXXX")
statedirs+=("$work")

failures=0
declare -A got=() want=()
steps=()

fail() {
  echo "FAIL: $*" >&2
  failures=$((failures + 1))
}

# record KIND STEP VALUE [EXPECTED]: EXPECTED "" means reported only.
record() {
  local kind=$1 step=$2 value=$3 expected=${4:-}
  local s seen=
  for s in "${steps[@]}"; do
    [ "$s" = "$step" ] && seen=1
  done
  [ -n "$seen" ] || steps+=("$step")
  got[$kind,$step]=$value
  want[$kind,$step]=$expected
  if [ -n "$expected" ] && [[ ! $value =~ ^($expected)$ ]]; then
    fail "$kind: $step gave '$value', expected '$expected'"
  fi
}

# req ARGS...: one curl request (as lin unless -u is given again); sets
# code, etag (ETag response header, "" if none) and leaves the body in
# $work/body.
req() {
  rm -f "$work/headers" "$work/body"
  code=$(curl --noproxy '*' -sS -u lin:lin-secret --max-time 10 \
    -D "$work/headers" -o "$work/body" -w '%{http_code}' "$@" 2>"$work/curl.err" || true)
  touch "$work/headers" "$work/body"
  etag=$(tr -d '\r' <"$work/headers" | sed -n 's/^[Ee][Tt][Aa][Gg]: *//p' | tail -n 1)
}

put() {
  local url=$1 content=$2
  shift 2
  printf '%s' "$content" >"$work/upload"
  req -X PUT --data-binary "@$work/upload" -H 'Content-Type: text/plain' "$@" "$url"
}

etag_form() {
  case $1 in
    '') echo none ;;
    W/*) echo "weak $1" ;;
    *) echo "strong $1" ;;
  esac
}

# The opaque part of an ETag, without W/ (to compare versions).
etag_opaque() {
  local e=${1#W/}
  echo "$e"
}

alive() {
  [ -r "/proc/$1/stat" ] || return 1
  local s
  s=$(cat "/proc/$1/stat" 2>/dev/null) || return 1
  s=${s##*) }
  [ "${s%% *}" != Z ]
}

# Pids of all processes whose command line mentions DIR.
procs_of() {
  local dir=$1 f pid
  for f in /proc/[0-9]*/cmdline; do
    pid=${f#/proc/}
    pid=${pid%/cmdline}
    [ "$pid" = "$$" ] && continue
    if { tr '\0' ' ' <"$f"; } 2>/dev/null | grep -qF -- "$dir"; then
      echo "$pid"
    fi
  done
}

# Listening TCP sockets (v4 and v6) held by the given pids, as hex
# "ADDRESS:PORT" from /proc/net/tcp*.
listeners_of() {
  local pid inodes=() fd link
  for pid in "$@"; do
    for fd in /proc/"$pid"/fd/*; do
      link=$(readlink "$fd" 2>/dev/null) || continue
      [[ $link == socket:\[*\] ]] || continue
      link=${link#socket:[}
      inodes+=("${link%]}")
    done
  done
  [ ${#inodes[@]} -gt 0 ] || return 0
  awk -v list=" ${inodes[*]} " 'FNR > 1 && $4 == "0A" && index(list, " " $10 " ") { print FILENAME " " $2 }' \
    /proc/net/tcp /proc/net/tcp6 2>/dev/null
}

check_kind() {
  local kind=$1 sd out url pid port lines e_fresh e_gzip e1 e2 e3 e_prop e_same
  local put_etag_new put_etag_replace strict=1
  [ "$kind" = nginx ] && strict=

  # ex STRICT_EXPECTED: the expectation for apache/lighttpd, none for nginx
  ex() {
    if [ -n "$strict" ]; then echo "$1"; fi
  }

  sd=$(mktemp -d "${TMPDIR:-/tmp}/mt-check-$kind.XXXXXX")
  statedirs+=("$sd")
  if ! out=$("$server" start "$kind" "$sd"); then
    fail "$kind: did not start"
    return
  fi
  lines=$(printf '%s\n' "$out" | wc -l)
  [ "$lines" = 2 ] || fail "$kind: start printed $lines lines, not 2: $out"
  [ "$out" = "$(cat "$sd/server.env")" ] || fail "$kind: server.env differs from what start printed"
  url=$(printf '%s\n' "$out" | sed -n 's/^URL=//p')
  pid=$(printf '%s\n' "$out" | sed -n 's/^PID=//p')
  if [[ ! $pid =~ ^[0-9]+$ ]] || [[ ! $url =~ ^http://127\.0\.0\.1:([0-9]+)/dav/$ ]]; then
    fail "$kind: bad start output: $out"
    return
  fi
  port=${BASH_REMATCH[1]}
  alive "$pid" || fail "$kind: PID $pid is not running"
  echo "== $kind: $url (pid $pid)"

  # It must listen on 127.0.0.1:PORT and nowhere else.
  local want_sock listeners
  want_sock="/proc/net/tcp $(printf '0100007F:%04X' "$port")"
  mapfile -t procs < <(procs_of "$sd")
  listeners=$(listeners_of "${procs[@]}" | sort -u)
  if [ "$listeners" != "$want_sock" ]; then
    fail "$kind: listens on [$listeners], want only [$want_sock]"
    record "$kind" "listens on 127.0.0.1 only" "no" "yes"
  else
    record "$kind" "listens on 127.0.0.1 only" "yes" "yes"
  fi

  req -X MKCOL "${url}check/"
  record "$kind" "MKCOL check/" "$code" 201

  put "${url}check/a.txt" "v1" -H 'If-None-Match: *'
  record "$kind" "PUT new, If-None-Match: *" "$code" 201
  put_etag_new=$etag

  put "${url}check/a.txt" "v1-again" -H 'If-None-Match: *'
  record "$kind" "PUT existing, If-None-Match: *" "$code" "$(ex 412)"

  req -H 'Accept-Encoding: identity' "${url}check/a.txt"
  e_fresh=$etag
  record "$kind" "GET at once (identity)" "$code" 200
  record "$kind" "  its ETag (fresh file)" "$(etag_form "$e_fresh")"

  req -H 'Accept-Encoding: gzip' "${url}check/a.txt"
  e_gzip=$etag
  if [ "$e_gzip" = "$e_fresh" ]; then
    record "$kind" "  ETag same with gzip" yes yes
  else
    record "$kind" "  ETag same with gzip" "no: $e_gzip" yes
  fi

  put "${url}check/a.txt" "v1-fresh!" -H "If-Match: $e_fresh"
  record "$kind" "PUT If-Match: that ETag at once" "$code"
  if [ "${e_fresh:0:2}" = W/ ]; then
    put "${url}check/a.txt" "v1-fresh!" -H "If-Match: ${e_fresh#W/}"
    record "$kind" "  same, W/ taken off" "$code"
  fi

  # Let the file age past Apache's one second of weak ETags.
  sleep 1.2
  req -H 'Accept-Encoding: identity' "${url}check/a.txt"
  e1=$etag
  record "$kind" "GET after 1.2 s" "$code" 200
  record "$kind" "  its ETag (aged file)" "$(etag_form "$e1")"
  [ -n "$e1" ] || { [ -z "$strict" ] || fail "$kind: GET gave no ETag"; }

  put "${url}check/a.txt" "version two" -H "If-Match: $e1"
  record "$kind" "PUT If-Match: current ETag" "$code" "$(ex '20[04]')"
  put_etag_replace=$etag

  sleep 1.2
  put "${url}check/a.txt" "stale writer's version" -H "If-Match: $e1"
  record "$kind" "PUT If-Match: stale ETag" "$code" "$(ex 412)"

  req "${url}check/a.txt"
  e2=$etag
  if [ "$(cat "$work/body")" = "version two" ]; then
    record "$kind" "  content after stale PUT" kept "$(ex kept)"
  else
    record "$kind" "  content after stale PUT" "replaced" "$(ex kept)"
  fi

  record "$kind" "PUT new: ETag header" "$(etag_form "$put_etag_new")"
  record "$kind" "PUT replace: ETag header" "$(etag_form "$put_etag_replace")"
  # Where PUT gives an ETag, it must be the one GET gives afterwards.
  if [ -z "$put_etag_replace" ]; then
    record "$kind" "  = ETag of GET after" "n/a"
  elif [ "$(cat "$work/body")" != "version two" ]; then
    record "$kind" "  = ETag of GET after" "n/a (replaced)"
  elif [ "$(etag_opaque "$put_etag_replace")" = "$(etag_opaque "$e2")" ]; then
    record "$kind" "  = ETag of GET after" yes yes
  else
    record "$kind" "  = ETag of GET after" "no: $e2" yes
  fi

  req -X PROPFIND -H 'Depth: 0' -H 'Content-Type: application/xml; charset=utf-8' \
    --data '<?xml version="1.0" encoding="utf-8"?><d:propfind xmlns:d="DAV:"><d:prop><d:getetag/></d:prop></d:propfind>' \
    "${url}check/a.txt"
  record "$kind" "PROPFIND Depth 0 getetag" "$code" 207
  e_prop=$(tr -d '\n' <"$work/body" | sed -n 's/.*<[A-Za-z0-9]*:getetag>\([^<]*\)<\/[A-Za-z0-9]*:getetag>.*/\1/p')
  record "$kind" "  getetag" "$(etag_form "$e_prop")"
  req "${url}check/a.txt"
  e3=$etag
  if [ -n "$e_prop" ]; then
    record "$kind" "  getetag = GET ETag" \
      "$([ "$(etag_opaque "$e_prop")" = "$(etag_opaque "$e3")" ] && echo yes || echo no)" "$(ex yes)"
  else
    record "$kind" "  getetag = GET ETag" "no getetag" "$(ex yes)"
  fi

  # Two writes of the same size right after each other (so most likely
  # within one second): does the ETag change? Three tries; "no" if any
  # of them kept the ETag.
  local try changed=yes
  for try in 1 2 3; do
    put "${url}check/same.txt" "same size $try a"
    req "${url}check/same.txt"
    e3=$etag
    put "${url}check/same.txt" "same size $try b"
    req "${url}check/same.txt"
    e_same=$etag
    [ "$(cat "$work/body")" = "same size $try b" ] || fail "$kind: same-size rewrite did not land"
    if [ "$(etag_opaque "$e3")" = "$(etag_opaque "$e_same")" ]; then
      changed="no ($e_same)"
    fi
  done
  record "$kind" "same-size rewrite changes ETag" "$changed" "$(ex yes)"

  sleep 1.2
  req -X DELETE -H "If-Match: $e1" "${url}check/a.txt"
  record "$kind" "DELETE If-Match: stale ETag" "$code" "$(ex 412)"

  put "${url}check/none.txt" "x" -H 'If-Match: *'
  record "$kind" "PUT missing file, If-Match: *" "$code" "$(ex 412)"

  put "${url}missing/folder/b.txt" "x"
  record "$kind" "PUT below missing folder" "$code" "$(ex 409)"

  code=$(curl --noproxy '*' -s -o /dev/null -w '%{http_code}' -u lin:wrong "${url}check/" || true)
  record "$kind" "wrong password" "$code" 401
  code=$(curl --noproxy '*' -s -o /dev/null -w '%{http_code}' "${url}check/" || true)
  record "$kind" "no credentials" "$code" 401
  code=$(curl --noproxy '*' -s -o /dev/null -w '%{http_code}' -u wei:wei-secret \
    -X PROPFIND -H 'Depth: 1' "${url}check/" || true)
  record "$kind" "wei: PROPFIND Depth 1" "$code" 207

  # kill in the middle of a PUT, and restart: same URL, same data, a new
  # pid; the cut PUT must leave the old content.
  local out2 url2 pid2 cpid left
  put "${url}restart.txt" "before the kill"
  put "${url}big.bin" "old content"
  head -c 2000000 /dev/urandom >"$work/big"
  curl --noproxy '*' -s -u lin:lin-secret --max-time 20 --limit-rate 400k \
    -T "$work/big" -o /dev/null "${url}big.bin" &
  cpid=$!
  sleep 1
  "$server" kill "$sd"
  wait "$cpid" || true
  alive "$pid" && fail "$kind: pid $pid still there after kill"
  if out2=$("$server" restart "$sd"); then
    url2=$(printf '%s\n' "$out2" | sed -n 's/^URL=//p')
    pid2=$(printf '%s\n' "$out2" | sed -n 's/^PID=//p')
    req "${url}restart.txt"
    if [ "$url2" = "$url" ] && [ "$pid2" != "$pid" ] && [ "$code" = 200 ] &&
      [ "$(cat "$work/body")" = "before the kill" ]; then
      record "$kind" "kill, restart: same URL and data" yes yes
    else
      record "$kind" "kill, restart: same URL and data" "no ($url2, $code)" yes
    fi
    req "${url}big.bin"
    if [ "$code" = 200 ] && [ "$(cat "$work/body")" = "old content" ]; then
      record "$kind" "PUT cut by kill: old content" kept kept
    else
      record "$kind" "PUT cut by kill: old content" "no ($code)" kept
    fi
    left=$(cd "$sd/data" && find . -mindepth 1 -maxdepth 1 -name '.*' -printf '%f ')
    record "$kind" "PUT cut by kill: files left" "${left:-none}"
    pid=$pid2
  else
    record "$kind" "kill, restart: same URL and data" "did not start" yes
  fi

  "$server" stop "$sd"
  mapfile -t procs < <(procs_of "$sd")
  if alive "$pid" || [ ${#procs[@]} -gt 0 ]; then
    record "$kind" "stop: nothing left" "no (${procs[*]})" yes
  else
    record "$kind" "stop: nothing left" yes yes
  fi
  # stop again must be harmless.
  if "$server" stop "$sd"; then
    record "$kind" "stop again: harmless" yes yes
  else
    record "$kind" "stop again: harmless" no yes
  fi
}

for kind in "${kinds[@]}"; do
  case $kind in
    apache | lighttpd | nginx) check_kind "$kind" ;;
    *) echo "unknown kind: $kind" >&2; exit 2 ;;
  esac
done

# The table: each cell is what the server did; '!' marks a value that
# differs from what the sync tests need; '(expected ...)' is not checked
# for nginx.
printf '\n%-36s' "step"
for kind in "${kinds[@]}"; do printf ' | %-28s' "$kind"; done
printf '\n'
printf '%0.s-' $(seq 1 $((36 + 31 * ${#kinds[@]})))
printf '\n'
for step in "${steps[@]}"; do
  printf '%-36s' "$step"
  for kind in "${kinds[@]}"; do
    v=${got[$kind,$step]:-}
    w=${want[$kind,$step]:-}
    if [ -n "$w" ] && [[ ! $v =~ ^($w)$ ]]; then v="$v !"; fi
    printf ' | %-28s' "$v"
  done
  printf '\n'
done
printf '\n'

if [ $failures -gt 0 ]; then
  echo "check-servers: $failures check(s) failed"
  exit 1
fi
echo "check-servers: all checks passed for: ${kinds[*]}"
