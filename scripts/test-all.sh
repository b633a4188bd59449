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

step lint npm run -s lint
step typecheck npm run -s typecheck
step drift npm run -s db:drift
# High/critical advisories in production dependencies fail unless reviewed
# (security/audit-allowlist.json); AUDIT_REQUIRED=1 also fails when no advisories can be had.
step "dependency audit" npm run -s audit:deps
step unit npm run -s test:unit
# The two integration runs share nothing (a PostgreSQL test database; PGlite in memory, one
# per file) and each keeps mostly one core busy, so they run side by side; their output is
# printed after both end, one run after the other.
integration() {
  logs=$(mktemp -d)
  npm run -s test:int:pg > "$logs/pg.log" 2>&1 &
  pg=$!
  npm run -s test:int:pglite > "$logs/pglite.log" 2>&1 &
  pglite=$!
  pg_status=0
  wait "$pg" || pg_status=$?
  pglite_status=0
  wait "$pglite" || pglite_status=$?
  echo "--- integration (PostgreSQL): exit $pg_status"
  cat "$logs/pg.log"
  echo "--- integration (PGlite): exit $pglite_status"
  cat "$logs/pglite.log"
  rm -rf "$logs"
  [ "$pg_status" -eq 0 ] && [ "$pglite_status" -eq 0 ]
}
step "integration (PostgreSQL and PGlite, side by side)" integration
step build npm run -s build
step e2e npx playwright test
echo "All checks passed."
