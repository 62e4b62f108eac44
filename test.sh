#!/usr/bin/env bash
# Runs every test: installs what is missing (Debian's chromium, postgresql and nginx), restores, builds with
# warnings as errors, checks that both providers' migrations match the model, starts a throw-away
# PostgreSQL server, runs the unit and integration tests on SQLite and again on PostgreSQL, the browser
# tests, and the two-instance test behind nginx; ends with a line "N passed, N failed". Exits non-zero on
# any failure. The PostgreSQL server is stopped on exit, also when a test fails.
set -euo pipefail
cd "$(dirname "$0")"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DEBIAN_FRONTEND=noninteractive

need=()
[ -x /usr/bin/chromium ] || need+=(chromium)
ls /usr/lib/postgresql/*/bin/postgres >/dev/null 2>&1 || need+=(postgresql)
[ -x /usr/sbin/nginx ] || need+=(nginx)
command -v curl >/dev/null || need+=(curl)
command -v pdftoppm >/dev/null && command -v pdffonts >/dev/null || need+=(poppler-utils) # certificate tests: pdffonts, pdftoppm, pdfinfo, pdftotext
if [ ${#need[@]} -gt 0 ]; then
  echo "== installing ${need[*]}"
  SUDO=""; [ "$(id -u)" = 0 ] || SUDO="sudo"
  # Packages install without starting their services (Debian's policy-rc.d): the tests start their own
  # PostgreSQL and nginx on free loopback ports, and a machine without an init system cannot start them anyway.
  policy=""
  if [ ! -e /usr/sbin/policy-rc.d ]; then
    policy=/usr/sbin/policy-rc.d
    printf '#!/bin/sh\nexit 101\n' | $SUDO tee $policy >/dev/null && $SUDO chmod +x $policy
  fi
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
  [ -z "$policy" ] || $SUDO rm -f "$policy"
fi

t0=$SECONDS
echo "== restore and build (warnings are errors)"
dotnet tool restore >/dev/null
dotnet restore ThiDua.slnx --nologo -v q
dotnet build ThiDua.slnx --no-restore -c Release --nologo -v q -warnaserror

echo "== migrations match the model (both providers)"
for context in SqliteAppDbContext PostgresAppDbContext; do
  dotnet ef migrations has-pending-model-changes --project src/ThiDua.Web --configuration Release --no-build --context $context
done

echo "== PostgreSQL (Debian's server, a temporary cluster on a free loopback port)"
pgdir=$(mktemp -d /tmp/thidua-pg.XXXXXX)
trap 'deploy/pg-local.sh stop "$pgdir"' EXIT
pgport=$(deploy/pg-local.sh start "$pgdir")
echo "   listening on 127.0.0.1:$pgport"

echo "== tests"
t_build=$((SECONDS - t0))
rm -rf TestResults
set +e
rc=0
echo "== unit, integration and browser tests on SQLite"
dotnet test ThiDua.slnx --no-build -c Release --nologo --logger "console;verbosity=normal" --results-directory TestResults 2>&1 | tee test.log
[ "${PIPESTATUS[0]}" = 0 ] || rc=1
t_sqlite=$((SECONDS - t0 - t_build))
echo "== unit and integration tests on PostgreSQL"
THIDUA_TEST_PROVIDER=Postgres THIDUA_TEST_PG="Host=127.0.0.1;Port=$pgport;Username=postgres" \
  dotnet test tests/ThiDua.Tests --no-build -c Release --nologo --logger "console;verbosity=normal" --results-directory TestResults 2>&1 | tee -a test.log
[ "${PIPESTATUS[0]}" = 0 ] || rc=1
t_pg=$((SECONDS - t0 - t_build - t_sqlite))
echo "== two instances behind nginx over PostgreSQL (deploy/run-two-instances.sh --test)"
# One test in the count: its own line in test.log, added up below with the dotnet test summaries.
deploy/run-two-instances.sh --test 2>&1 | tee -a test.log
if [ "${PIPESTATUS[0]}" = 0 ]; then
  echo "two-instance test: passed" >>test.log
else
  echo "two-instance test: failed" >>test.log
  rc=1
fi
set -e
t_two=$((SECONDS - t0 - t_build - t_sqlite - t_pg))
# Where the time went, beside the count (a fresh-clone check keeps only the last lines).
echo "times: restore, build, migration checks and the PostgreSQL server ${t_build}s; SQLite with the browser tests ${t_sqlite}s; PostgreSQL ${t_pg}s; two instances ${t_two}s; total $((SECONDS - t0))s"
# Name the failures beside the count, so a run whose log is gone (a fresh-clone check) still says which test failed.
grep -E '^[[:space:]]+Failed [A-Za-z]' test.log | sed 's/^[[:space:]]*/FAILED: /' | sort -u || true
# dotnet test prints a summary per test project ("Passed: N" / "Failed: N"); add them up.
awk '/^[[:space:]]+Passed: [0-9]+[[:space:]]*$/{p+=$2} /^[[:space:]]+Failed: [0-9]+[[:space:]]*$/{f+=$2}
     /(Passed|Failed)! +- Failed: /{gsub(",","");for(i=1;i<=NF;i++){if($i=="Failed:")f2+=$(i+1);if($i=="Passed:")p2+=$(i+1)}}
     /^two-instance test: passed$/{tp++} /^two-instance test: failed$/{tf++}
     END{if(p==0&&f==0){p=p2;f=f2} p+=tp; f+=tf; printf "%d passed, %d failed\n",p,f; if (p==0) exit 1}' test.log || rc=1
exit $rc
