#!/usr/bin/env bash
# The short form of the restore drill (scripts/restore-drill.sh: 10 bots, a few rewards either side of T) on the
# builds test.sh made, then checks of the repository it leaves: encrypted (a wrong passphrase cannot read it, no
# database name in clear in any file) and a key readable by its owner only. Each check counts as one test. Prints what
# fails, then one last line "passed failed skipped" for test.sh to add to its totals. Always exits 0: the counts carry
# the verdict. Ports: DRILL_* as in restore-drill.sh, by default the seven after test.sh's PostgreSQL (the last for its own Redis).
set -euo pipefail
source "$(dirname "$0")/lib.sh"
export CONFIGURATION=${CONFIGURATION:-Debug}
# Ports beside test.sh's PostgreSQL (SUNDERFALL_TEST_PG_PORT, 56432): the next seven.
base=${SUNDERFALL_TEST_PG_PORT:-56432}
export DRILL_PG_PORT=${DRILL_PG_PORT:-$((base + 1))} DRILL_SCRATCH_PG_PORT=${DRILL_SCRATCH_PG_PORT:-$((base + 2))}
export DRILL_FRONTEND_PORT=${DRILL_FRONTEND_PORT:-$((base + 3))} DRILL_SILO_HTTP_PORT=${DRILL_SILO_HTTP_PORT:-$((base + 4))}
export DRILL_SILO_PORT=${DRILL_SILO_PORT:-$((base + 5))} DRILL_GATEWAY_PORT=${DRILL_GATEWAY_PORT:-$((base + 6))}
export DRILL_REDIS_PORT=${DRILL_REDIS_PORT:-$((base + 7))}
export DRILL_DATA=${DRILL_DATA:-$(data_dir test-drill)} DRILL_WAIT_SECONDS=${DRILL_WAIT_SECONDS:-120}
ensure_package jq jq >&2
passed=0 failed=0

check() {   # check <what> <command...>: one test
  if "${@:2}" >&2; then passed=$((passed + 1)); else failed=$((failed + 1)); log "FAILED: $1" >&2; fi
}

line=$("$REPO_ROOT/scripts/restore-drill.sh" --no-build --bots 10 --rewards-before 3 --rewards-after 3 | tail -1) || true
log "restore drill (short): ${line:-no result}" >&2
field() { jq -er ".$1" <<<"$line" 2>/dev/null; }
check "the drill ran to the end and printed its result" field drill
check "every reward committed at or before T is restored (grant and log entry)" \
  test "$(field rewards_checked)" -gt 0 -a "$(field missing)" = 0 -a "$(field missing_log_entries)" = 0
check "no reward is restored twice" test "$(field duplicated)" = 0
check "no reward committed after T is restored (and there were some)" \
  test "$(field after_target_present)" = 0 -a "$(field rewards_after_target_live)" -gt 0
check "the migrations run on the restored cluster" test "$(field migrations_ok)" = true
check "the reconciliation job runs clean on the restored cluster" \
  test "$(field reconciliation_ok)" = true -a "$(field reconciliation_discrepancies)" = 0

home="$DRILL_DATA/backups/sunderfall-drill"
check "the repository key is readable by its owner only" test "$(stat -c %a "$home/repo.key" 2>/dev/null)" = 600
wrong=$(mktemp)
trap 'rm -f "$wrong"' EXIT
sed 's/^repo1-cipher-pass=.*/repo1-cipher-pass=not-the-key/' "$home/pgbackrest.conf" >"$wrong" 2>/dev/null || true
chown postgres "$wrong"
# info exits 0 whatever it finds: its status line says whether the repository could be read (the right key: ok).
repo_status() { (cd / && runuser -u postgres -- pgbackrest --config="$1" --stanza=sunderfall-drill info) 2>&1 | sed -n 's/^ *status: //p' | head -1; }
cannot_read() { [[ $(repo_status "$home/pgbackrest.conf") == ok && $(repo_status "$wrong") == error* ]]; }
check "the repository cannot be read with a wrong passphrase" cannot_read
nothing_in_clear() { [[ -n $(ls -A "$home/repo/backup" 2>/dev/null) ]] && ! grep -rlaq sunderfall_drill "$home/repo"; }
check "no file of the repository names the database in clear (encrypted and compressed)" nothing_in_clear
echo "$passed $failed 0"
