#!/usr/bin/env bash
# Two ThiDua instances behind nginx over one throw-away PostgreSQL database, all on loopback ports of this machine.
#   deploy/run-two-instances.sh          start everything, print the address, wait; Ctrl+C stops everything
#   deploy/run-two-instances.sh --test   start everything, check through nginx that the instances share their state
#                                        (sign-in, anti-forgery tokens, uploads, import jobs), stop; non-zero on failure
# Uses the Release build (built here when missing or older than the C# and Razor sources), deploy/pg-local.sh
# for the database and deploy/nginx/thidua.conf as nginx's configuration. Everything it starts is stopped on exit,
# also on failure, and its temporary folder (database, uploads, logs) removed; on failure the logs' last lines
# are printed first.
# See docs/deploy-two-instances.md.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

mode=serve
case "${1:-}" in
  "") ;;
  --test) mode=test ;;
  -h|--help) sed -n '2,10p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
  *) echo "usage: deploy/run-two-instances.sh [--test]" >&2; exit 2 ;;
esac

started=$SECONDS
phase=$SECONDS
timings=()
lap() { timings+=("$1 $((SECONDS - phase))s"); phase=$SECONDS; }
say() { echo "== $*"; }

nginx_bin=/usr/sbin/nginx
[ -x "$nginx_bin" ] || nginx_bin=$(command -v nginx || true)
if [ -z "$nginx_bin" ] || [ ! -x "$nginx_bin" ]; then
  echo "nginx is not installed (Debian: apt-get install nginx; test.sh installs it)" >&2
  exit 1
fi

# ---- the build -------------------------------------------------------------------------------------------------
dll=$root/src/ThiDua.Web/bin/Release/net10.0/ThiDua.Web.dll
newer=""
if [ -f "$dll" ]; then
  newer=$(find src/ThiDua.Web \( -path '*/bin' -o -path '*/obj' \) -prune -o -type f \
    \( -name '*.cs' -o -name '*.cshtml' -o -name '*.csproj' -o -path '*/RuleSets/*.json' \) -newer "$dll" -print -quit)
fi
if [ ! -f "$dll" ] || [ -n "$newer" ]; then
  say "building (Release)"
  dotnet build src/ThiDua.Web -c Release --nologo -v q
fi
lap build

# ---- clean-up, whatever happens ----------------------------------------------------------------------------------
run=$(mktemp -d /tmp/thidua-two.XXXXXX)
# nginx's workers (an unprivileged user when started as root) and the postgres user must reach their folders inside.
chmod 711 "$run"
pgdir=""
nginx_pid=""
app_pids=()
app_names=()

stop_pid() {
  local pid=$1 i
  kill -TERM "$pid" 2>/dev/null || return 0
  for ((i = 0; i < 100; i++)); do
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.1
  done
  kill -KILL "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
}

cleanup() {
  local rc=$?
  set +e
  trap - EXIT INT TERM HUP
  if [ "$rc" != 0 ] && [ "$rc" != 130 ] && [ "$rc" != 143 ] && [ "$rc" != 129 ]; then
    for f in "$run"/migrate.log "$run"/app1.log "$run"/app2.log "$run"/nginx/error.log "$run"/nginx/access.log; do
      [ -s "$f" ] || continue
      echo "---- last lines of ${f#"$run"/}" >&2
      tail -n 25 "$f" >&2
    done
  fi
  [ -n "$nginx_pid" ] && stop_pid "$nginx_pid"
  for pid in "${app_pids[@]}"; do stop_pid "$pid"; done
  [ -n "$pgdir" ] && "$root/deploy/pg-local.sh" stop "$pgdir"
  rm -rf "$run"
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM
trap 'exit 129' HUP

free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'
}

# ---- the database --------------------------------------------------------------------------------------------------
say "PostgreSQL (throw-away, deploy/pg-local.sh)"
pgdir=$run/pg
pgport=$(deploy/pg-local.sh start "$pgdir")
pgbin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
"$pgbin/createdb" -h 127.0.0.1 -p "$pgport" -U postgres thidua
lap postgres

app_env=(
  ASPNETCORE_ENVIRONMENT=Production
  Database__Provider=Postgres
  "ConnectionStrings__Default=Host=127.0.0.1;Port=$pgport;Database=thidua;Username=postgres"
  Database__MigrateOnStart=false
  "Storage__UploadsPath=$run/uploads"
  Logging__Format=simple
)
mkdir -p "$run/uploads"

say "migrating (once, before any instance starts)"
(cd "$run" && env "${app_env[@]}" dotnet "$dll" migrate) >"$run/migrate.log" 2>&1
lap migrate

# ---- the instances ---------------------------------------------------------------------------------------------------
# start_app NAME PORT SEED: one instance in the background; its log in $run/NAME.log
start_app() {
  (cd "$run" && exec env "${app_env[@]}" "Instance__Name=$1" "Demo__Seed=$3" Demo__PrintAccounts=false \
    dotnet "$dll" --urls "http://127.0.0.1:$2") >"$run/$1.log" 2>&1 &
  app_pids+=($!)
  app_names+=("$1")
}

# wait_healthy NAME PID URL SECONDS: /healthz answers 200 (start-up work, such as seeding, is done by then)
wait_healthy() {
  local deadline=$((SECONDS + $4))
  while [ "$SECONDS" -lt "$deadline" ]; do
    if [ -n "$2" ] && ! kill -0 "$2" 2>/dev/null; then
      echo "$1 exited during start-up" >&2
      return 1
    fi
    if curl -fsS -o /dev/null --max-time 2 "$3/healthz" 2>/dev/null; then return 0; fi
    sleep 0.5
  done
  echo "$1 did not answer $3/healthz within $4 s" >&2
  return 1
}

port1=$(free_port)
port2=$(free_port)
while [ "$port2" = "$port1" ]; do port2=$(free_port); done
# The first instance seeds the demo (and makes the data-protection key) before the second starts; the app also
# seeds under a PostgreSQL advisory lock, so this order is for clear logs, not for safety.
say "app1 on 127.0.0.1:$port1 (seeds the demo)"
start_app app1 "$port1" true
wait_healthy app1 "${app_pids[0]}" "http://127.0.0.1:$port1" 600
lap app1
say "app2 on 127.0.0.1:$port2"
start_app app2 "$port2" false
wait_healthy app2 "${app_pids[1]}" "http://127.0.0.1:$port2" 300
lap app2

# ---- nginx ---------------------------------------------------------------------------------------------------------------
nport=$(free_port)
while [ "$nport" = "$port1" ] || [ "$nport" = "$port2" ]; do nport=$(free_port); done
ngx=$run/nginx
mkdir -p "$ngx"
sed -e "s|@PREFIX@|$ngx|g" -e "s|@LISTEN@|127.0.0.1:$nport|g" \
    -e "s|@APP1@|127.0.0.1:$port1|g" -e "s|@APP2@|127.0.0.1:$port2|g" deploy/nginx/thidua.conf >"$ngx/nginx.conf"
if grep -n '@[A-Z0-9_]*@' "$ngx/nginx.conf" >&2; then echo "placeholders left in nginx.conf" >&2; exit 1; fi
say "nginx on 127.0.0.1:$nport"
"$nginx_bin" -t -q -p "$ngx/" -c "$ngx/nginx.conf" -e "$ngx/error.log"
"$nginx_bin" -p "$ngx/" -c "$ngx/nginx.conf" -e "$ngx/error.log" -g 'daemon off;' >>"$ngx/error.log" 2>&1 &
nginx_pid=$!
base="http://127.0.0.1:$nport"
wait_healthy nginx "$nginx_pid" "$base" 30
lap nginx

if [ "$mode" = serve ]; then
  echo
  echo "ThiDua: $base/   (app1 127.0.0.1:$port1, app2 127.0.0.1:$port2, PostgreSQL 127.0.0.1:$pgport, files in $run)"
  echo "Demo accounts, password Demo@12345: tdkt.btctw@thidua.vn (emulation officer), admin@thidua.vn (administrator)."
  echo "Every answer names its instance in the X-ThiDua-Instance header; nginx logs it in $ngx/access.log."
  echo "Ctrl+C stops everything."
  set +e
  wait -n "${app_pids[@]}" "$nginx_pid"
  echo "a process stopped on its own; stopping the rest" >&2
  exit 1
fi

# ---- the end-to-end check (--test) -----------------------------------------------------------------------------------
jar=$run/cookies.txt
: >"$jar"
summary=()
fail() { echo "two-instance test FAILED: $*" >&2; exit 1; }

# http PATH [curl arguments…]: one request through nginx with the cookie jar, no redirects followed; sets
# status, instance (X-ThiDua-Instance) and location; the body is in $run/body.
http() {
  local path=$1
  shift
  status=$(curl -sS -o "$run/body" -D "$run/headers" -w '%{http_code}' -b "$jar" -c "$jar" --max-time 60 "$@" "$base$path") || status=000
  instance=$(grep -i '^x-thidua-instance:' "$run/headers" | tail -n 1 | cut -d: -f2- | tr -d ' \r' || true)
  location=$(grep -i '^location:' "$run/headers" | tail -n 1 | cut -d' ' -f2- | tr -d '\r' || true)
  [ -n "$instance" ] || fail "$path: no X-ThiDua-Instance header (status $status)"
}
token() { sed -n 's/.*name="__RequestVerificationToken" type="hidden" value="\([^"]*\)".*/\1/p' "$run/body" | head -n 1; }
expect() { [ "$status" = "$1" ] || fail "$2: expected $1, got $status"; }
# Round robin over two instances and one client: each request goes to the other instance than the one before.
previous=""
alternates() {
  [ "$instance" != "$previous" ] || fail "$1 went to $instance again: the instances do not alternate"
  previous=$instance
}

say "end-to-end check through nginx ($base)"
officer=tdkt.btctw@thidua.vn

http /People
expect 302 "anonymous /People"
case "$location" in "$base/Account/Login"*) ;; *) fail "anonymous /People redirects to '$location', not to $base/Account/Login (Host or X-Forwarded-* lost)" ;; esac
alternates "anonymous /People"
summary+=("anonymous /People             → $instance (302 to $base/Account/Login…)")

http /Account/Login
expect 200 "sign-in form"
alternates "sign-in form"
form_by=$instance
t=$(token)
[ -n "$t" ] || fail "no anti-forgery token on the sign-in form"
http /Account/Login --data-urlencode "Input.Email=$officer" --data-urlencode "Input.Password=Demo@12345" --data-urlencode "__RequestVerificationToken=$t"
expect 302 "sign-in"
alternates "sign-in"
[ "$location" = / ] || fail "sign-in redirected to '$location'"
grep -q 'thidua\.auth' "$jar" || fail "no sign-in cookie after signing in"
summary+=("sign-in form $form_by, posted to $instance (token and cookie from one instance, accepted by the other)")

declare -A signed_in_on=()
pages=(/ /People /People/Import /Account/ChangePassword / /People /People/Import /Account/ChangePassword)
line=""
for page in "${pages[@]}"; do
  http "$page"
  expect 200 "signed-in GET $page"
  alternates "GET $page"
  grep -q 'action="/Account/Logout"' "$run/body" || fail "GET $page on $instance: not signed in"
  grep -q 'Cán bộ TĐKT Ban Tổ chức TW' "$run/body" || fail "GET $page on $instance: the officer's name is missing"
  signed_in_on[$instance]=$((${signed_in_on[$instance]:-0} + 1))
  line+=" $page→$instance"
done
[ "${#signed_in_on[@]}" = 2 ] || fail "the signed-in pages came from ${!signed_in_on[*]} only"
summary+=("signed-in pages (8 GETs):${line}")

http /Account/ChangePassword
expect 200 "change-password form"
alternates "change-password form"
form_by=$instance
t=$(token)
http /Account/ChangePassword --data-urlencode "Input.Current=Sai@1234567" --data-urlencode "Input.New=Moi@12345678" \
  --data-urlencode "Input.Confirm=Moi@12345678" --data-urlencode "__RequestVerificationToken=$t"
expect 200 "change-password post (400 would be a refused anti-forgery token)"
alternates "change-password post"
grep -q 'Mật khẩu hiện tại không đúng.' "$run/body" || fail "the change-password post did not reach the page's own check"
summary+=("form POST: token issued by $form_by, accepted by $instance (change password, wrong current password answered by the page)")

http "/People?handler=Export"
expect 200 "people export"
alternates "people export"
[ "$(head -c 2 "$run/body")" = PK ] || fail "the export is not an .xlsx file"
cp "$run/body" "$run/export.xlsx"
export_by=$instance
export_bytes=$(wc -c <"$run/export.xlsx")

http /People/Import
expect 200 "import form"
alternates "import form"
form_by=$instance
t=$(token)
http /People/Import -F "Upload=@$run/export.xlsx;type=application/vnd.openxmlformats-officedocument.spreadsheetml.sheet;filename=danh-sach-can-bo.xlsx" \
  -F "__RequestVerificationToken=$t"
expect 302 "import upload"
alternates "import upload"
case "$location" in /People/ImportStatus/*) ;; *) fail "the upload redirected to '$location'" ;; esac
status_url=$location
summary+=("export (${export_bytes} bytes) from $export_by; import form $form_by, upload to $instance → $status_url")

declare -A status_on=()
polls=""
state=""
deadline=$((SECONDS + 300))
while :; do
  http "$status_url"
  expect 200 "import status"
  alternates "import status"
  state=$(sed -n 's/.*id="import-state" data-state="\([A-Za-z]*\)".*/\1/p' "$run/body" | head -n 1)
  status_on[$instance]=1
  polls+=" $instance:$state"
  finished=false
  case "$state" in Succeeded | Rejected | Failed) finished=true ;; esac
  # Finished and shown by both instances: done. Finished before both showed it: once more, at once.
  if $finished && [ "${#status_on[@]}" = 2 ]; then break; fi
  [ "$SECONDS" -lt "$deadline" ] || fail "the import did not finish within 300 s (last state '$state')"
  $finished || sleep 0.5
done
[ "$state" = Succeeded ] || fail "the import ended $state: $(grep -o 'role="alert">[^<]*' "$run/body" | head -n 3)"
field() { sed -n "s/.*data-field=\"$1\">\\([^<]*\\)<.*/\\1/p" "$run/body" | head -n 1; }
# The officer's own export, imported again, changes nobody: every row accepted, every person found by code.
for f in rejected created updated; do
  [ "$(field $f)" = 0 ] || fail "re-importing the export: $f = '$(field $f)', expected 0"
done
summary+=("import status polls:${polls}")
summary+=("import finished: $(field accepted) rows accepted, $(field rejected) rejected, $(field unchanged) people unchanged")
lap test

echo
for s in "${summary[@]}"; do echo "  $s"; done
echo "  timings: ${timings[*]}, total $((SECONDS - started))s"
echo "two-instance test passed"
