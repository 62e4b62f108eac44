#!/usr/bin/env bash
# Runs every test: installs what is missing (Debian's chromium for the browser tests), restores,
# builds with warnings as errors, runs the unit, integration and browser tests, and ends with a
# line "N passed, N failed". Exits non-zero on any failure.
set -euo pipefail
cd "$(dirname "$0")"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DEBIAN_FRONTEND=noninteractive

need=()
[ -x /usr/bin/chromium ] || need+=(chromium)
if [ ${#need[@]} -gt 0 ]; then
  echo "== installing ${need[*]}"
  SUDO=""; [ "$(id -u)" = 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi

echo "== restore and build (warnings are errors)"
dotnet tool restore >/dev/null
dotnet restore ThiDua.slnx --nologo -v q
dotnet build ThiDua.slnx --no-restore -c Release --nologo -v q -warnaserror

echo "== migrations match the model"
dotnet ef migrations has-pending-model-changes --project src/ThiDua.Web --configuration Release --no-build

echo "== tests"
rm -rf TestResults
set +e
dotnet test ThiDua.slnx --no-build -c Release --nologo --logger "console;verbosity=normal" --results-directory TestResults 2>&1 | tee test.log
rc=${PIPESTATUS[0]}
set -e
# dotnet test prints a summary per test project ("Passed: N" / "Failed: N"); add them up.
awk '/^[[:space:]]+Passed: [0-9]+[[:space:]]*$/{p+=$2} /^[[:space:]]+Failed: [0-9]+[[:space:]]*$/{f+=$2}
     /(Passed|Failed)! +- Failed: /{gsub(",","");for(i=1;i<=NF;i++){if($i=="Failed:")f2+=$(i+1);if($i=="Passed:")p2+=$(i+1)}}
     END{if(p==0&&f==0){p=p2;f=f2} printf "%d passed, %d failed\n",p,f; if (p==0) exit 1}' test.log || rc=1
exit $rc
