#!/usr/bin/env bash
# Starts and stops real WebDAV servers (Apache, lighttpd, nginx) for the sync
# tests. Each server listens on 127.0.0.1 only, on a port the kernel picks,
# and keeps everything it writes (config, data, locks, logs, pid files) in
# the state directory the caller gives it, so any number of servers can run
# side by side and nothing of the system's own web server setup is used.
#
#   mt-test-server.sh start KIND STATEDIR   KIND: apache | lighttpd | nginx
#   mt-test-server.sh stop STATEDIR         TERM, then KILL; waits until gone
#   mt-test-server.sh kill STATEDIR         SIGKILL at once (fault tests)
#   mt-test-server.sh restart STATEDIR      same kind, port and data again
#
# start and restart print exactly two lines on stdout, and write the same two
# lines to STATEDIR/server.env:
#   URL=http://127.0.0.1:PORT/dav/
#   PID=NNN        (the server's main process)
#
# The WebDAV folder /dav/ is STATEDIR/data. It needs HTTP Basic
# authentication; the users are lin / lin-secret and wei / wei-secret.
#
# When run as root, the servers' worker processes run as www-data (Apache
# refuses to serve as root), and STATEDIR/data is handed to www-data. A test
# that puts files into STATEDIR/data behind the server's back should chown
# them (and any folders it makes there) to www-data, or the server cannot
# replace them. When not run as root, everything runs as the invoking user.
#
# Set MT_TEST_SERVER_OWNER_PID to the test program's pid (getpid()) to tie
# the server's life to it: a small watchdog then kills the server when that
# process is gone, so a test that aborts on a failed assertion before its
# teardown leaves no server behind. stop and kill end the watchdog too;
# restart starts a new one if the variable is set for it as for start.
#
# MT_TEST_APACHE_FILEETAG, if set, replaces Apache's "FileETag MTime Size"
# (e.g. "Digest" for content-hash ETags, which Apache never makes weak).
#
# Every curl call here passes --noproxy '*': an http_proxy in the
# environment must never send our requests anywhere but 127.0.0.1.
set -euo pipefail

prog=$(basename "$0")

die() {
  echo "$prog: $*" >&2
  exit 1
}

usage() {
  cat >&2 <<EOF
usage: $prog start apache|lighttpd|nginx STATEDIR
       $prog stop STATEDIR
       $prog kill STATEDIR
       $prog restart STATEDIR
EOF
  exit 2
}

find_bin() {
  local name=$1 p
  for p in "$(command -v "$name" 2>/dev/null || true)" "/usr/sbin/$name" "/usr/bin/$name"; do
    if [ -n "$p" ] && [ -x "$p" ]; then
      echo "$p"
      return 0
    fi
  done
  return 1
}

# ---------------------------------------------------------------- processes

# True while PID exists and is not a zombie.
alive() {
  local pid=$1 stat
  [ -n "$pid" ] || return 1
  { read -r stat <"/proc/$pid/stat"; } 2>/dev/null || return 1
  stat=${stat##*) }
  [ "${stat%% *}" != Z ]
}

# True if PID's command line mentions the state dir (guards against the pid
# having been reused by an unrelated process).
is_ours() {
  local pid=$1 sd=$2 cmdline
  cmdline=$(tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null) || return 1
  [[ $cmdline == *"$sd"* ]]
}

# Prints PID and all of its descendants, one per line.
proc_tree() {
  local root=$1 f stat ppid p
  local -A children=()
  for f in /proc/[0-9]*/stat; do
    { read -r stat <"$f"; } 2>/dev/null || continue
    stat=${stat##*) }
    stat=${stat#* }
    ppid=${stat%% *}
    p=${f#/proc/}
    p=${p%/stat}
    children[$ppid]+="$p "
  done
  local queue=("$root") out=()
  while [ ${#queue[@]} -gt 0 ]; do
    p=${queue[0]}
    queue=("${queue[@]:1}")
    out+=("$p")
    for f in ${children[$p]:-}; do
      queue+=("$f")
    done
  done
  printf '%s\n' "${out[@]}"
}

# Waits until none of the given pids is alive, at most $1 tenths of a second.
wait_gone() {
  local tenths=$1 p any
  shift
  while :; do
    any=
    for p in "$@"; do
      if alive "$p"; then any=1; break; fi
    done
    [ -z "$any" ] && return 0
    [ "$tenths" -le 0 ] && return 1
    tenths=$((tenths - 1))
    sleep 0.1
  done
}

# The inode of the socket listening on 127.0.0.1:PORT, if any.
listen_inode() {
  local port=$1
  awk -v a="$(printf '0100007F:%04X' "$port")" '$2 == a && $4 == "0A" { print $10; exit }' /proc/net/tcp
}

# True if process PID holds the socket listening on 127.0.0.1:PORT. This
# tells our server's answer apart from another one that got the port first.
owns_port() {
  local pid=$1 port=$2 inode
  inode=$(listen_inode "$port")
  [ -n "$inode" ] || return 1
  find "/proc/$pid/fd" -maxdepth 1 -lname "socket:\[$inode\]" 2>/dev/null | grep -q .
}

free_port() {
  local py port
  py=$(find_bin python3 || true)
  if [ -n "$py" ] && port=$("$py" -c 'import socket
s = socket.socket()
s.bind(("127.0.0.1", 0))
print(s.getsockname()[1])
s.close()' 2>/dev/null); then
    echo "$port"
    return
  fi
  # No python3: a random port below the kernel's ephemeral range that
  # nothing on this machine uses now; a clash at bind time is retried.
  while :; do
    port=$((20000 + RANDOM % 12000))
    if ! awk -v p="$(printf ':%04X' "$port")" 'NR > 1 && substr($2, length($2) - 4) == p { f = 1 } END { exit !f }' \
        /proc/net/tcp /proc/net/tcp6 2>/dev/null; then
      echo "$port"
      return
    fi
  done
}

# ------------------------------------------------------------------ configs

run_user=
run_group=
if [ "$(id -u)" = 0 ]; then
  run_user=www-data
  run_group=www-data
fi

write_htpasswd() {
  local sd=$1 f=$1/htpasswd
  command -v openssl >/dev/null || die "openssl is needed to write the password file"
  {
    echo "lin:$(openssl passwd -apr1 lin-secret)"
    echo "wei:$(openssl passwd -apr1 wei-secret)"
  } >"$f.new"
  mv "$f.new" "$f"
  if [ -n "$run_user" ]; then
    chgrp "$run_group" "$f"
  fi
  chmod 0640 "$f"
}

write_apache_conf() {
  local sd=$1 port=$2 m=/usr/lib/apache2/modules mod types=/dev/null
  [ -r /etc/mime.types ] && types=/etc/mime.types
  {
    cat <<EOF
# Written by $prog; a private Apache for the sync tests.
ServerRoot "$sd"
ServerName 127.0.0.1
Listen 127.0.0.1:$port
PidFile "$sd/run/apache2.pid"
DefaultRuntimeDir "$sd/run"
Mutex file:$sd/run default
ErrorLog "$sd/logs/error.log"
LogLevel warn
EOF
    for mod in mpm_event authz_core authn_core authn_file auth_basic authz_user dav dav_fs mime alias; do
      echo "LoadModule ${mod}_module $m/mod_$mod.so"
    done
    if [ -n "$run_user" ]; then
      echo "User $run_user"
      echo "Group $run_group"
    fi
    cat <<EOF
StartServers 1
ServerLimit 2
ThreadsPerChild 16
MaxRequestWorkers 32
MinSpareThreads 8
MaxSpareThreads 32
KeepAlive On
Timeout 30
TypesConfig $types
LogFormat "%h %l %u %t \"%r\" %>s %b \"%{If-Match}i\" \"%{If-None-Match}i\"" mt
CustomLog "$sd/logs/access.log" mt
DocumentRoot "$sd/www"
FileETag ${MT_TEST_APACHE_FILEETAG:-MTime Size}
DavLockDB "$sd/lock/DavLock"
<Directory />
  AllowOverride None
  Require all denied
</Directory>
<Directory "$sd/www">
  Require all denied
</Directory>
Alias /dav "$sd/data"
<Directory "$sd/data">
  Dav On
  AuthType Basic
  AuthName "mt-test"
  AuthBasicProvider file
  AuthUserFile "$sd/htpasswd"
  Require valid-user
</Directory>
EOF
  } >"$sd/apache2.conf"
}

write_lighttpd_conf() {
  local sd=$1 port=$2
  {
    cat <<EOF
# Written by $prog; a private lighttpd for the sync tests.
server.modules = ( "mod_alias", "mod_auth", "mod_authn_file", "mod_webdav", "mod_accesslog" )
server.bind = "127.0.0.1"
server.port = $port
server.use-ipv6 = "disable"
server.document-root = "$sd/www"
server.pid-file = "$sd/run/lighttpd.pid"
server.errorlog = "$sd/logs/error.log"
server.upload-dirs = ( "$sd/tmp" )
server.max-request-size = 102400
accesslog.filename = "$sd/logs/access.log"
etag.use-inode = "enable"
etag.use-mtime = "enable"
etag.use-size = "enable"
static-file.etags = "enable"
# lighttpd sends no ETag and no Last-Modified with a file whose type is the
# implicit application/octet-stream; an explicit type for every name
# (the empty suffix matches all) keeps them.
mimetype.assign = (
  ".json" => "application/json",
  ".txt" => "text/plain; charset=utf-8",
  ".ics" => "text/calendar; charset=utf-8",
  ".xml" => "application/xml",
  "" => "application/octet-stream"
)
auth.backend = "htpasswd"
auth.backend.htpasswd.userfile = "$sd/htpasswd"
alias.url = ( "/dav/" => "$sd/data/" )
\$HTTP["url"] =~ "^/dav/" {
  webdav.activate = "enable"
  webdav.is-readonly = "disable"
  webdav.sqlite-db-name = "$sd/lock/webdav.sqlite"
  auth.require = ( "" => ( "method" => "basic", "realm" => "mt-test", "require" => "valid-user" ) )
}
EOF
    if [ -n "$run_user" ]; then
      echo "server.username = \"$run_user\""
      echo "server.groupname = \"$run_group\""
    fi
  } >"$sd/lighttpd.conf"
}

write_nginx_conf() {
  local sd=$1 port=$2 davext=/usr/lib/nginx/modules/ngx_http_dav_ext_module.so
  {
    echo "# Written by $prog; a private nginx for the sync tests."
    if [ -f "$davext" ]; then
      echo "load_module $davext;"
    fi
    if [ -n "$run_user" ]; then
      echo "user $run_user $run_group;"
    fi
    cat <<EOF
daemon off;
master_process on;
worker_processes 1;
pid $sd/run/nginx.pid;
error_log $sd/logs/error.log warn;
events {
  worker_connections 64;
}
http {
  access_log $sd/logs/access.log;
  client_body_temp_path $sd/tmp/body;
  proxy_temp_path $sd/tmp/proxy;
  fastcgi_temp_path $sd/tmp/fastcgi;
  uwsgi_temp_path $sd/tmp/uwsgi;
  scgi_temp_path $sd/tmp/scgi;
  client_max_body_size 100m;
  gzip off;
  server {
    listen 127.0.0.1:$port;
    server_name 127.0.0.1;
    root $sd/www;
    location /dav/ {
      alias $sd/data/;
      auth_basic "mt-test";
      auth_basic_user_file $sd/htpasswd;
      dav_methods PUT DELETE MKCOL COPY MOVE;
      create_full_put_path on;
      dav_access user:rw group:rw all:r;
EOF
    if [ -f "$davext" ]; then
      echo "      dav_ext_methods PROPFIND OPTIONS;"
    fi
    cat <<EOF
    }
  }
}
EOF
  } >"$sd/nginx.conf"
}

write_conf() {
  "write_$1_conf" "$2" "$3"
}

# ---------------------------------------------------------------- launching

server_bin() {
  case $1 in
    apache) find_bin apache2 || die "apache2 is not installed" ;;
    lighttpd) find_bin lighttpd || die "lighttpd is not installed" ;;
    nginx) find_bin nginx || die "nginx is not installed" ;;
  esac
}

# Starts KIND in the foreground of a background job and prints its pid.
launch() {
  local kind=$1 sd=$2 bin
  bin=$(server_bin "$kind")
  case $kind in
    apache)
      (exec "$bin" -f "$sd/apache2.conf" -DFOREGROUND) </dev/null >>"$sd/logs/stdout.log" 2>&1 &
      ;;
    lighttpd)
      (exec "$bin" -D -f "$sd/lighttpd.conf") </dev/null >>"$sd/logs/stdout.log" 2>&1 &
      ;;
    nginx)
      (exec "$bin" -p "$sd/" -c "$sd/nginx.conf" -e "$sd/logs/error.log") </dev/null >>"$sd/logs/stdout.log" 2>&1 &
      ;;
  esac
  echo $!
}

# The sizes of the server's two logs, so that a failed attempt can tell what
# it logged itself.
log_sizes() {
  local f
  for f in "$1/logs/error.log" "$1/logs/stdout.log"; do
    if [ -f "$f" ]; then stat -c %s "$f"; else echo 0; fi
  done | tr '\n' ' '
}

# What the server logged since the sizes OFFSETS ("N M") were taken.
new_log() {
  local sd=$1 offsets=$2 f n
  local -a sizes
  read -r -a sizes <<<"$offsets"
  n=0
  for f in "$sd/logs/error.log" "$sd/logs/stdout.log"; do
    if [ -f "$f" ] && [ "$(stat -c %s "$f")" -gt "${sizes[n]:-0}" ]; then
      tail -c +$((${sizes[n]:-0} + 1)) "$f"
    fi
    n=$((n + 1))
  done
}

# True if the server logged since OFFSETS that its port was taken.
port_taken() {
  local out
  out=$(new_log "$1" "$2")
  [[ ${out,,} == *"address already in use"* ]]
}

# Waits (about 10 s at most) until PID listens on PORT and answers HTTP.
# Returns 0 when ready, 2 when the port was taken, 1 on any other failure.
wait_ready() {
  local sd=$1 pid=$2 port=$3 offsets=$4 tries=100 code
  while [ $tries -gt 0 ]; do
    if ! alive "$pid"; then
      if port_taken "$sd" "$offsets"; then
        return 2
      fi
      return 1
    fi
    # nginx keeps trying a taken port for a few seconds before it gives up.
    if port_taken "$sd" "$offsets"; then
      return 2
    fi
    if owns_port "$pid" "$port"; then
      code=$(curl --noproxy '*' -s -o /dev/null -w '%{http_code}' --max-time 2 \
        "http://127.0.0.1:$port/dav/" 2>/dev/null || true)
      if [ -n "$code" ] && [ "$code" != 000 ]; then
        return 0
      fi
    fi
    tries=$((tries - 1))
    sleep 0.1
  done
  if port_taken "$sd" "$offsets"; then
    return 2
  fi
  return 1
}

kill_tree() {
  local sig=$1 pid=$2 p
  local -a tree
  mapfile -t tree < <(proc_tree "$pid")
  for p in "${tree[@]}"; do
    kill "-$sig" "$p" 2>/dev/null || true
  done
  printf '%s\n' "${tree[@]}"
}

# Kills the server's whole process tree when the owner process is gone.
watchdog() {
  local owner=$1 pid=$2 sd=$3 fifo
  exec </dev/null >/dev/null 2>&1
  fifo="$sd/run/watchdog.fifo.$BASHPID"
  rm -f "$fifo"
  mkfifo "$fifo"
  exec 3<>"$fifo"
  rm -f "$fifo"
  while alive "$owner" && alive "$pid"; do
    # Sleep a second without forking a sleep that could outlive us.
    read -r -t 1 -u 3 _ || true
  done
  if alive "$pid" && is_ours "$pid" "$sd"; then
    kill_tree KILL "$pid" >/dev/null
  fi
}

stop_watchdog() {
  local sd=$1 wpid
  [ -f "$sd/run/watchdog.pid" ] || return 0
  wpid=$(cat "$sd/run/watchdog.pid")
  rm -f "$sd/run/watchdog.pid"
  if alive "$wpid" && is_ours "$wpid" "$prog"; then
    kill -KILL "$wpid" 2>/dev/null || true
    wait_gone 20 "$wpid" || true
  fi
}

start_watchdog() {
  local sd=$1 pid=$2 owner=${MT_TEST_SERVER_OWNER_PID:-}
  [ -n "$owner" ] || return 0
  [[ $owner =~ ^[0-9]+$ ]] || die "MT_TEST_SERVER_OWNER_PID is not a pid: $owner"
  alive "$owner" || die "MT_TEST_SERVER_OWNER_PID $owner is not running"
  watchdog "$owner" "$pid" "$sd" &
  echo $! >"$sd/run/watchdog.pid"
}

# Runs KIND from STATEDIR; PORT empty means pick one (and pick again if the
# port turns out to be taken). Prints the URL and PID lines on success.
run_server() {
  local kind=$1 sd=$2 want_port=$3 attempt port pid rc offsets=
  local -a tree
  for attempt in 1 2 3 4 5 6 7 8; do
    if [ -n "$want_port" ]; then
      port=$want_port
    else
      port=$(free_port)
    fi
    write_conf "$kind" "$sd" "$port"
    # A pid file left by a killed server could name a zombie or a reused
    # pid, which Apache takes for itself still running.
    rm -f "$sd"/run/*.pid
    offsets=$(log_sizes "$sd")
    pid=$(launch "$kind" "$sd")
    rc=0
    wait_ready "$sd" "$pid" "$port" "$offsets" || rc=$?
    if [ $rc = 0 ]; then
      printf 'KIND=%s\nPORT=%s\n' "$kind" "$port" >"$sd/server.meta"
      printf 'URL=http://127.0.0.1:%s/dav/\nPID=%s\n' "$port" "$pid" >"$sd/server.env.new"
      mv "$sd/server.env.new" "$sd/server.env"
      start_watchdog "$sd" "$pid"
      cat "$sd/server.env"
      return 0
    fi
    # Whatever is left of this attempt must go before the next one.
    if alive "$pid"; then
      mapfile -t tree < <(kill_tree KILL "$pid")
      wait_gone 50 "${tree[@]}" || true
    fi
    if [ $rc = 2 ]; then
      echo "$prog: port $port was taken (attempt $attempt); trying again" >&2
      [ -n "$want_port" ] && sleep 0.5
      continue
    fi
    break
  done
  echo "$prog: $kind did not start in $sd; it logged:" >&2
  new_log "$sd" "$offsets" >&2
  return 1
}

# ---------------------------------------------------------------- commands

abs_dir() {
  (cd "$1" && pwd -P)
}

prepare_statedir() {
  local sd=$1 d
  for d in data www logs run tmp lock; do
    mkdir -p "$sd/$d"
  done
  if [ -n "$run_user" ]; then
    # The workers (www-data) must reach and write data/, tmp/, lock/ and
    # (lighttpd opens its logs after giving up root) logs/.
    chmod a+x "$sd"
    chown -R "$run_user:$run_group" "$sd/data" "$sd/tmp" "$sd/lock" "$sd/logs"
    if ! setpriv --reuid="$run_user" --regid="$run_group" --clear-groups \
        test -w "$sd/data" -a -x "$sd/data" 2>/dev/null; then
      die "$run_user cannot write $sd/data: a parent of $sd is closed to it; use a state dir under /tmp"
    fi
  fi
}

cmd_start() {
  local kind=$1 sd=$2 pid
  case $kind in
    apache | lighttpd | nginx) ;;
    *) usage ;;
  esac
  mkdir -p "$sd"
  sd=$(abs_dir "$sd")
  # The path goes into three config languages unquoted or double-quoted.
  if [[ $sd =~ [[:space:]\"\'\;\$\{\}\\] ]]; then
    die "the state dir's path must not hold blanks, quotes or any of ; \$ { } \\: $sd"
  fi
  if [ -f "$sd/server.env" ]; then
    pid=$(sed -n 's/^PID=//p' "$sd/server.env")
    if alive "$pid" && is_ours "$pid" "$sd"; then
      die "a server already runs from $sd (pid $pid)"
    fi
  fi
  server_bin "$kind" >/dev/null
  prepare_statedir "$sd"
  write_htpasswd "$sd"
  run_server "$kind" "$sd" ""
}

# Ends the server of SD with SIG (TERM: KILL follows after 10 s).
end_server() {
  local sd=$1 sig=$2 pid p
  local -a tree
  stop_watchdog "$sd"
  [ -f "$sd/server.env" ] || return 0
  pid=$(sed -n 's/^PID=//p' "$sd/server.env")
  alive "$pid" || return 0
  is_ours "$pid" "$sd" || return 0
  mapfile -t tree < <(proc_tree "$pid")
  if [ "$sig" = TERM ]; then
    kill -TERM "$pid" 2>/dev/null || true
    if wait_gone 100 "${tree[@]}"; then
      return 0
    fi
    echo "$prog: pid $pid did not end on TERM; killing it" >&2
  fi
  kill_tree KILL "$pid" >/dev/null
  for p in "${tree[@]}"; do
    kill -KILL "$p" 2>/dev/null || true
  done
  wait_gone 50 "${tree[@]}" || die "pid $pid is still there after KILL"
}

cmd_stop() {
  local sd=$1
  [ -d "$sd" ] || return 0
  sd=$(abs_dir "$sd")
  end_server "$sd" TERM
}

cmd_kill() {
  local sd=$1
  [ -d "$sd" ] || return 0
  sd=$(abs_dir "$sd")
  end_server "$sd" KILL
}

cmd_restart() {
  local sd=$1 kind port
  [ -f "$sd/server.meta" ] || die "no server was started from $sd"
  sd=$(abs_dir "$sd")
  kind=$(sed -n 's/^KIND=//p' "$sd/server.meta")
  port=$(sed -n 's/^PORT=//p' "$sd/server.meta")
  end_server "$sd" TERM
  prepare_statedir "$sd"
  run_server "$kind" "$sd" "$port"
}

[ $# -ge 1 ] || usage
cmd=$1
shift
case $cmd in
  start) [ $# = 2 ] || usage; cmd_start "$1" "$2" ;;
  stop) [ $# = 1 ] || usage; cmd_stop "$1" ;;
  kill) [ $# = 1 ] || usage; cmd_kill "$1" ;;
  restart) [ $# = 1 ] || usage; cmd_restart "$1" ;;
  *) usage ;;
esac
