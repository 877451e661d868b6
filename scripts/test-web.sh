#!/usr/bin/env bash
# Runs the browser client's unit tests (vitest) and prints one last line "passed failed skipped" for test.sh to add
# to its totals; the JUnit report goes to the folder given (default TestResults/Sunderfall.Web). Always exits 0:
# the counts carry the verdict (no report at all counts as one failure).
set -euo pipefail
source "$(dirname "$0")/lib.sh"
RESULTS=${1:-$REPO_ROOT/TestResults/Sunderfall.Web}
mkdir -p "$RESULTS"
REPORT="$RESULTS/vitest.junit.xml"
rm -f "$REPORT"
"$REPO_ROOT/scripts/build-web.sh" >&2 || { echo "0 1 0"; exit 0; }
(cd "$REPO_ROOT/Sunderfall.Web" && npx --no-install vitest run --reporter=default --reporter=junit --outputFile.junit="$REPORT") >&2 || true
if [[ ! -f $REPORT ]]; then
  log "vitest produced no report: counted as one failure" >&2
  echo "0 1 0"; exit 0
fi
suites=$(grep -o '<testsuites [^>]*>' "$REPORT" | head -1)
attr() { sed -n "s/.* $1=\"\([0-9]*\)\".*/\1/p" <<<"$suites"; }
tests=$(attr tests) failures=$(attr failures) errors=$(attr errors) skipped=$(attr skipped)
skipped=${skipped:-0}
echo "$((tests - failures - errors - skipped)) $((failures + errors)) $skipped"
