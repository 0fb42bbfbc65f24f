#!/usr/bin/env bash
# The whole suite from a fresh clone: dependencies, Java and Chromium checks, typecheck, format
# check, web build, then every vitest project (unit, api, infra, e2e).
set -euo pipefail
cd "$(dirname "$0")/.."

need_apt=()
command -v java >/dev/null 2>&1 || need_apt+=(openjdk-17-jre-headless)
[ -x "${CHROMIUM_PATH:-/usr/bin/chromium}" ] || need_apt+=(chromium)
if [ ${#need_apt[@]} -gt 0 ]; then
  if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
    echo "Memasang paket yang dibutuhkan tes: ${need_apt[*]}"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need_apt[@]}" >/dev/null
  else
    echo "Tes membutuhkan: ${need_apt[*]}." >&2
    echo "Pasang sebagai root: apt-get update && apt-get install -y ${need_apt[*]}" >&2
    exit 1
  fi
fi

if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --no-audit --no-fund
fi

# Everything below on Node.js 22 or newer (the machine's, or the one npm ci installed): see scripts/node.sh.
. scripts/node.sh

# The typecheck runs beside the format check and the web build (each uses one core).
echo "== typecheck, format, web build"
npm run typecheck > .typecheck.log 2>&1 &
typecheck=$!
npm run format:check
npm run build --workspace @puskesos/web >/dev/null
if ! wait "$typecheck"; then
  cat .typecheck.log
  exit 1
fi
rm -f .typecheck.log
echo "== tests"
report=".vitest-report.json"
status=0
npx vitest run --reporter=default --reporter=json --outputFile.json="$report" "$@" || status=$?
# One plain closing line that any reader understands, counted from vitest's own report.
if [ -f "$report" ]; then
  node -e 'const r=require(process.argv[1]);console.log(`tests: ${r.numPassedTests} passed, ${r.numFailedTests} failed, ${r.numPendingTests+r.numTodoTests} skipped`)' "$(pwd)/$report"
fi
exit $status
