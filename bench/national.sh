#!/usr/bin/env bash
# The national-scale measurement (issue 8), both providers in one run; figures in docs/national-scale.md.
#   bench/national.sh [--people 1000000] [--runs 20] [--fresh] [--providers "Postgres Sqlite"] [--durable]
# 1. Builds Release. 2. PostgreSQL: starts a throw-away server (deploy/pg-local.sh) and fills it with the generator
#    (`national generate`), or restarts the cached one. 3. SQLite: the same into a file. 4. For each provider in
#    turn, starts the app (Release build, Production, Database:MigrateOnStart=false), signs in as an administrator
#    over HTTP, and times four pages, 20 requests each after a warm-up (`national measure`). 5. Stops the app and
#    the server. Generated databases are cached in $THIDUA_NATIONAL_CACHE (default /tmp/thidua-national), keyed by
#    the generator's version, the size and the newest migration of each provider, so measuring again does not
#    generate again; --fresh throws the cached ones for this key away first. --durable generates into PostgreSQL
#    with fsync, synchronous_commit and full_page_writes on (deploy/pg-local.sh turns them off for throw-away
#    servers), for a fair generation time; the pages are then measured with the server's usual settings.
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

PEOPLE=1000000 RUNS=20 FRESH=0 DURABLE=0 PROVIDERS="Postgres Sqlite"
while [ $# -gt 0 ]; do
  case "$1" in
    --people) PEOPLE=$2; shift 2 ;;
    --runs) RUNS=$2; shift 2 ;;
    --fresh) FRESH=1; shift ;;
    --durable) DURABLE=1; shift ;;
    --providers) PROVIDERS=$2; shift 2 ;;
    *) echo "usage: $0 [--people N] [--runs N] [--fresh] [--providers \"Postgres Sqlite\"] [--durable]" >&2; exit 2 ;;
  esac
done
has() { case " $PROVIDERS " in *" $1 "*) return 0 ;; *) return 1 ;; esac; }
CACHE=${THIDUA_NATIONAL_CACHE:-/tmp/thidua-national}
mkdir -p "$CACHE"
EMAIL=quantri@quocgia.bench
PASSWORD='Bench@2026-QuocGia'
RESULTS=$CACHE/results-$(date -u +%Y%m%dT%H%M%SZ).md

echo "== build (Release, warnings are errors)"
dotnet build bench/ThiDua.Bench -c Release -v q -warnaserror --nologo >/dev/null
BENCH=(dotnet bench/ThiDua.Bench/bin/Release/net10.0/ThiDua.Bench.dll national)
APP=src/ThiDua.Web/bin/Release/net10.0/ThiDua.Web.dll

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }
as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
# The app's own commands (migrate, create-admin) against one database; $1 = Postgres CS or SQLite path.
app_cmd() {
  local provider=$1 where=$2; shift 2
  if [ "$provider" = Postgres ]; then
    ASPNETCORE_ENVIRONMENT=Production Database__Provider=Postgres ConnectionStrings__Default="$where" dotnet "$APP" "$@"
  else
    ASPNETCORE_ENVIRONMENT=Production Database__Provider=Sqlite Database__Path="$where" dotnet "$APP" "$@"
  fi
}

PGDIR="" PGBIN=""
APP_PID=""
cleanup() {
  [ -n "$APP_PID" ] && kill "$APP_PID" 2>/dev/null && wait "$APP_PID" 2>/dev/null || true
  # Stopped, not removed: the data directory is the cache (deploy/pg-local.sh stop would delete it).
  if [ -n "$PGDIR" ] && [ -f "$PGDIR/data/postmaster.pid" ]; then
    PGBIN=${PGBIN:-$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)}
    as_pg "$PGBIN/pg_ctl" -D "$PGDIR/data" -m fast -w stop >/dev/null || true
  fi
}
trap cleanup EXIT

# ---------------------------------------------------------------- PostgreSQL
# Starts the cluster in $PGDIR on a free port with the options deploy/pg-local.sh started it with (PostgreSQL
# records them in postmaster.opts), any "name=value" given replacing or adding a setting; sets pgport.
pg_start() {
  pgport=$(free_port)
  local opts
  opts=$(python3 - "$PGDIR/data/postmaster.opts" "$pgport" "$@" <<'EOF'
import shlex, sys
args = shlex.split(open(sys.argv[1]).read())[1:]
extra = sys.argv[3:]
out, i = [], 0
while i < len(args):
    if args[i] == "-D": i += 2; continue
    if args[i] == "-p": out += ["-p", sys.argv[2]]; i += 2; continue
    if args[i] == "-c" and any(args[i + 1].split("=")[0] == e.split("=")[0] for e in extra): i += 2; continue
    out.append(args[i]); i += 1
for e in extra: out += ["-c", e]
print(" ".join(shlex.quote(a) for a in out))
EOF
)
  as_pg "$PGBIN/pg_ctl" -D "$PGDIR/data" -l "$PGDIR/server.log" -w -t 300 -o "$opts" start >/dev/null
}
pg_stop() { as_pg "$PGBIN/pg_ctl" -D "$PGDIR/data" -m fast -w stop >/dev/null; }

if has Postgres; then
  PGKEY=$("${BENCH[@]}" key --provider Postgres --people "$PEOPLE")
  PGDIR=$CACHE/pg-$PGKEY
  if [ "$FRESH" = 1 ] && [ -d "$PGDIR" ]; then deploy/pg-local.sh stop "$PGDIR"; fi
  if [ -f "$PGDIR/complete" ]; then
    PGBIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
    pg_start
    echo "== PostgreSQL: cached database $PGDIR (generated $(date -r "$PGDIR/complete" '+%Y-%m-%d %H:%M')), port $pgport"
  else
    if [ -d "$PGDIR" ]; then deploy/pg-local.sh stop "$PGDIR"; fi
    pgport=$(deploy/pg-local.sh start "$PGDIR")
    PGBIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
    if [ "$DURABLE" = 1 ]; then
      pg_stop
      pg_start fsync=on synchronous_commit=on full_page_writes=on
      echo "== PostgreSQL: new server on port $pgport with fsync, synchronous_commit and full_page_writes on; generating $PEOPLE people"
    else
      echo "== PostgreSQL: new server on port $pgport (deploy/pg-local.sh's settings); generating $PEOPLE people"
    fi
    PGCS="Host=127.0.0.1;Port=$pgport;Username=postgres;Database=thidua"
    psql -h 127.0.0.1 -p "$pgport" -U postgres -qc "CREATE DATABASE thidua" >/dev/null
    app_cmd Postgres "$PGCS" migrate >"$PGDIR/migrate.log" 2>&1
    "${BENCH[@]}" generate --provider Postgres --connection "$PGCS" --people "$PEOPLE" | tee "$PGDIR/generate.log"
    app_cmd Postgres "$PGCS" create-admin --email "$EMAIL" --password "$PASSWORD" --unit BTC >"$PGDIR/create-admin.log" 2>&1
    touch "$PGDIR/complete"
    # Back to deploy/pg-local.sh's settings (postmaster.opts keeps the last ones, for cached runs too).
    if [ "$DURABLE" = 1 ]; then pg_stop; pg_start fsync=off synchronous_commit=off full_page_writes=off; fi
  fi
  PGCS="Host=127.0.0.1;Port=$pgport;Username=postgres;Database=thidua"
fi

# ---------------------------------------------------------------- SQLite
if has Sqlite; then
  SQKEY=$("${BENCH[@]}" key --provider Sqlite --people "$PEOPLE")
  SQFILE=$CACHE/sqlite-$SQKEY.db
  if [ "$FRESH" = 1 ]; then rm -f "$SQFILE" "$SQFILE-wal" "$SQFILE-shm" "$SQFILE.log"; fi
  if [ -f "$SQFILE" ]; then
    echo "== SQLite: cached database $SQFILE (generated $(date -r "$SQFILE" '+%Y-%m-%d %H:%M'))"
  else
    echo "== SQLite: generating $PEOPLE people into $SQFILE"
    tmp=$SQFILE.tmp
    rm -f "$tmp" "$tmp-wal" "$tmp-shm"
    app_cmd Sqlite "$tmp" migrate >/dev/null 2>&1
    "${BENCH[@]}" generate --provider Sqlite --connection "Data Source=$tmp" --people "$PEOPLE" | tee "$tmp.log"
    app_cmd Sqlite "$tmp" create-admin --email "$EMAIL" --password "$PASSWORD" --unit BTC >/dev/null 2>&1
    for ext in -wal -shm; do if [ -f "$tmp$ext" ]; then mv "$tmp$ext" "$SQFILE$ext"; fi; done
    mv "$tmp.log" "$SQFILE.log"
    mv "$tmp" "$SQFILE"
  fi
fi

# ---------------------------------------------------------------- measure
measure() {
  local provider=$1 cs=$2; shift 2
  local port; port=$(free_port)
  echo "== $provider: the app on port $port"
  env ASPNETCORE_ENVIRONMENT=Production Database__MigrateOnStart=false Urls="http://127.0.0.1:$port" Logging__LogLevel__Default=Warning "$@" \
    dotnet "$APP" >"$CACHE/app-$provider.log" 2>&1 &
  APP_PID=$!
  for _ in $(seq 1 600); do
    curl -sf "http://127.0.0.1:$port/healthz" >/dev/null 2>&1 && break
    kill -0 "$APP_PID" 2>/dev/null || { echo "the app stopped; see $CACHE/app-$provider.log" >&2; exit 1; }
    sleep 0.2
  done
  "${BENCH[@]}" measure --provider "$provider" --connection "$cs" --url "http://127.0.0.1:$port" --email "$EMAIL" --password "$PASSWORD" \
    --runs "$RUNS" --label "$provider" --results "$RESULTS"
  kill "$APP_PID"; wait "$APP_PID" 2>/dev/null || true; APP_PID=""
}

{
  echo "| provider | page | request | median ms | min ms | max ms | size |"
  echo "|---|---|---|---:|---:|---:|---:|"
} >"$RESULTS"
if has Postgres; then measure Postgres "$PGCS" Database__Provider=Postgres ConnectionStrings__Default="$PGCS"; fi
if has Sqlite; then measure Sqlite "Data Source=$SQFILE" Database__Provider=Sqlite Database__Path="$SQFILE"; fi

echo
echo "== results ($RUNS requests each, after 3 warm-up requests; $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg))"
cat "$RESULTS"
echo
if has Postgres; then
  echo "PostgreSQL: database $(psql -h 127.0.0.1 -p "$pgport" -U postgres -Atc "SELECT pg_size_pretty(pg_database_size('thidua'))"), data directory $(du -sh "$PGDIR/data" | cut -f1); generation log $PGDIR/generate.log"
fi
if has Sqlite; then echo "SQLite: file $(du -sh "$SQFILE" | cut -f1); generation log $SQFILE.log"; fi
echo "results: $RESULTS"
