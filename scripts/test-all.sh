#!/bin/sh
# npm test — every check, in order of cost: lint, types, migration drift, unit,
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
step unit npm run -s test:unit
step "integration (PostgreSQL)" npm run -s test:int:pg
step "integration (PGlite)" npm run -s test:int:pglite
step build npm run -s build
step e2e npx playwright test
echo "All checks passed."
