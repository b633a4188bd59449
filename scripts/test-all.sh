#!/bin/sh
# npm test — every check, in order of cost: lint, types, migration drift, dependency audit, unit,
# integration on PostgreSQL and on PGlite, production build, end-to-end in Chromium.
set -eu
cd "$(dirname "$0")/.."
export NEXT_TELEMETRY_DISABLED=1 CHECKPOINT_DISABLE=1
sh scripts/ensure-postgres.sh
sh scripts/ensure-chromium.sh

step() {
  name=$1; shift
  start=$(date +%s)
  echo "==> $name"
  "$@"
  echo "<== $name: $(( $(date +%s) - start )) s"
}

# Two commands that share nothing, side by side (each keeps mostly one core busy); their
# output is printed after both end, one after the other. Usage: side_by_side A "cmd" B "cmd"
side_by_side() {
  logs=$(mktemp -d)
  sh -c "$2" > "$logs/a.log" 2>&1 &
  first=$!
  sh -c "$4" > "$logs/b.log" 2>&1 &
  second=$!
  first_status=0
  wait "$first" || first_status=$?
  second_status=0
  wait "$second" || second_status=$?
  echo "--- $1: exit $first_status"
  cat "$logs/a.log"
  echo "--- $3: exit $second_status"
  cat "$logs/b.log"
  rm -rf "$logs"
  [ "$first_status" -eq 0 ] && [ "$second_status" -eq 0 ]
}

step "lint and typecheck (side by side)" side_by_side lint "npm run -s lint" typecheck "npm run -s typecheck"
step drift npm run -s db:drift
# High/critical advisories in production dependencies fail unless reviewed
# (security/audit-allowlist.json); AUDIT_REQUIRED=1 also fails when no advisories can be had.
step "dependency audit" npm run -s audit:deps
step unit npm run -s test:unit
# The integration runs share nothing: a PostgreSQL test database; PGlite in memory, one per file.
# Every step here keeps both cores busy: running unit, integration on PostgreSQL and the build
# one after another beside the PGlite run gained nothing on a 2-core machine (that phase took
# 334 s; these three steps 319-369 s in clean-clone runs that varied by 10 % elsewhere too).
step "integration (PostgreSQL and PGlite, side by side)" side_by_side "integration (PostgreSQL)" "npm run -s test:int:pg" "integration (PGlite)" "npm run -s test:int:pglite"
step build npm run -s build
step e2e npx playwright test
echo "All checks passed."
