#!/usr/bin/env bash
# A throw-away PostgreSQL server from Debian's packages, for tests and the two-instance demo.
#   deploy/pg-local.sh start DIR   initdb into DIR (as the postgres user when run as root), start it on a free
#                                  loopback port, print the port; installs Debian's postgresql when missing
#   deploy/pg-local.sh stop DIR    stop it and remove DIR
# The server trusts loopback connections from the user "postgres" only: it is for this machine's tests.
set -euo pipefail
cmd=${1:?usage: pg-local.sh start|stop DIR}; dir=${2:?usage: pg-local.sh start|stop DIR}

pgbin() {
  local d
  d=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1 || true)
  if [ -z "$d" ] || [ ! -x "$d/postgres" ]; then
    echo "== installing Debian's postgresql" >&2
    local sudo=""; [ "$(id -u)" = 0 ] || sudo="sudo"
    DEBIAN_FRONTEND=noninteractive $sudo apt-get update -qq >&2
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends postgresql >/dev/null
    d=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
  fi
  echo "$d"
}

as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }

free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'
}

case "$cmd" in
  start)
    bin=$(pgbin)
    mkdir -p "$dir"
    [ "$(id -u)" = 0 ] && chown postgres: "$dir"
    as_pg "$bin/initdb" -D "$dir/data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 \
      || as_pg "$bin/initdb" -D "$dir/data" -U postgres -A trust -E UTF8 --locale=C >"$dir/initdb.log" 2>&1
    port=$(free_port)
    # Sockets in the folder itself: no write access to /var/run/postgresql needed.
    as_pg "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
      -o "-h 127.0.0.1 -p $port -k $dir -c max_connections=300 -c shared_buffers=256MB -c fsync=off -c synchronous_commit=off -c full_page_writes=off" start >/dev/null
    echo "$port" > "$dir/port"
    echo "$port"
    ;;
  stop)
    bin=$(pgbin)
    if [ -d "$dir/data" ]; then as_pg "$bin/pg_ctl" -D "$dir/data" -m immediate -w stop >/dev/null 2>&1 || true; fi
    rm -rf "$dir"
    ;;
  *) echo "usage: pg-local.sh start|stop DIR" >&2; exit 2 ;;
esac
