#!/usr/bin/env bash
# Checks the alert rules and unit-tests every alert: `promtool check rules` on deploy/prometheus/rules, `promtool
# check config` on the Prometheus template rendered with example targets, then `promtool test rules` on each file in
# deploy/prometheus/tests (one file per alert: it fires when it should and not when it should not). Each of these
# counts as one test. Prints what promtool says, then one last line "passed failed skipped" for test.sh to add to its
# totals. Always exits 0: the counts carry the verdict.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
ensure_package promtool prometheus >&2
PROM="$REPO_ROOT/deploy/prometheus"
passed=0 failed=0

run() {   # run <what> <command...>: one test
  if "${@:2}" >&2; then passed=$((passed + 1)); else failed=$((failed + 1)); log "FAILED: $1" >&2; fi
}

run "promtool check rules" promtool check rules "$PROM"/rules/*.yml
rendered=$(mktemp -d)
trap 'rm -rf "$rendered"' EXIT
mkdir -p "$rendered/targets"
sed -e "s|@SCRAPE_INTERVAL@|15s|g" -e "s|@CLUSTER@|example|g" -e "s|@RULES_DIR@|$PROM/rules|g" \
    -e "s|@TARGETS_DIR@|$rendered/targets|g" "$PROM/prometheus.yml" >"$rendered/prometheus.yml"
run "promtool check config" promtool check config "$rendered/prometheus.yml"
for test in "$PROM"/tests/*.test.yml; do
  run "promtool test rules $(basename "$test")" promtool test rules "$test"
done
echo "$passed $failed 0"
