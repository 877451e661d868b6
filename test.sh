#!/usr/bin/env bash
# Runs every test project against a private PostgreSQL and Redis on ports of their own (never run.sh's), then prints
# one closing line "N passed, N failed, N skipped" and exits non-zero if anything failed.
set -euo pipefail
cd "$(dirname "$0")"
source scripts/lib.sh

PG_PORT=${SUNDERFALL_TEST_PG_PORT:-56432}
REDIS_PORT=${SUNDERFALL_TEST_REDIS_PORT:-56380}
CONFIGURATION=${CONFIGURATION:-Debug}
DATA=$(data_dir test)
RESULTS="$REPO_ROOT/TestResults"

REDIS_PASSWORD=""
cleanup() {
  [[ ${REDIS_STARTED:-0} == 1 ]] && stop_redis "$REDIS_PORT" "$REDIS_PASSWORD"
  [[ ${PG_STARTED:-0} == 1 ]] && stop_postgres "$DATA"
  return 0
}
trap cleanup EXIT

ensure_package docker-compose docker-compose   # validates docker/docker-compose.yml without an engine
ensure_package chromium chromium chromium-driver   # the browser tests drive Debian's Chromium headless
ensure_package promtool prometheus   # the alert rules' tests, and the Prometheus the integration tests scrape with
ensure_package podman-compose podman-compose   # runs docker/docker-compose.yml for real (Sunderfall.Cluster.Tests)
ensure_package aiosmtpd python3-aiosmtpd   # the real SMTP server recovery e-mail is tested against
ensure_package pgbackrest pgbackrest   # backups and the restore drill (scripts/test-backup.sh)
PG_FSYNC=off start_postgres "$DATA" "$PG_PORT" postgres
# A fresh database per run: tests see only their own data and the migrations are applied from scratch.
psql -h 127.0.0.1 -p "$PG_PORT" -U postgres -qtA -c "DROP DATABASE IF EXISTS sunderfall_test WITH (FORCE)" >/dev/null
psql -h 127.0.0.1 -p "$PG_PORT" -U postgres -qtA -c "CREATE DATABASE sunderfall_test OWNER sunderfall" >/dev/null
# Redis requires a password here as everywhere else: the tests reach it with SUNDERFALL_TEST_REDIS's password=.
REDIS_PASSWORD=$(redis_password "$DATA")
start_redis "$DATA" "$REDIS_PORT" "$REDIS_PASSWORD"

# The owner's connection (migrations, test set-up); the processes under test connect as sunderfall_app.
export SUNDERFALL_TEST_POSTGRES="Host=127.0.0.1;Port=$PG_PORT;Database=sunderfall_test;Username=sunderfall"
# StackExchange.Redis configuration syntax (host:port,password=...), as Cluster:Redis takes it.
export SUNDERFALL_TEST_REDIS="127.0.0.1:$REDIS_PORT,password=$REDIS_PASSWORD"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

scripts/build-web.sh   # the browser client, served by the frontend
log "building ($CONFIGURATION)"
dotnet build Sunderfall.sln -c "$CONFIGURATION" -nologo -clp:ErrorsOnly
dotnet "Sunderfall.Migrations/bin/$CONFIGURATION/net10.0/Sunderfall.Migrations.dll" "$SUNDERFALL_TEST_POSTGRES"
# Container images for Sunderfall.Cluster.Tests (kept when their inputs are unchanged; a cold build is a few minutes).
# That project brings the cluster of deploy/cluster.sh up and down itself, so it takes no cores from the others.
scripts/build-images.sh
export CONTAINERS_CONF="$REPO_ROOT/deploy/containers.conf"

rm -rf "$RESULTS"
passed=0 failed=0 skipped=0
for project in $(find tests -name '*.csproj' | sort); do
  name=$(basename "$project" .csproj)
  log "testing $name"
  set +e
  dotnet test "$project" -c "$CONFIGURATION" --no-build --nologo \
    --logger "trx;LogFileName=$name.trx" --logger "console;verbosity=normal" --results-directory "$RESULTS/$name"
  status=$?
  set -e
  trx="$RESULTS/$name/$name.trx"
  if [[ ! -f $trx ]]; then
    log "$name produced no results (exit $status): counted as one failure"
    failed=$((failed + 1)); continue
  fi
  counters=$(grep -o '<Counters [^>]*>' "$trx")
  count() { sed -n "s/.* $1=\"\([0-9]*\)\".*/\1/p" <<<"$counters"; }
  p=$(count passed); f=$(( $(count failed) + $(count error) + $(count timeout) + $(count aborted) )); s=$(count notExecuted)
  if [[ $status -ne 0 && $f -eq 0 ]]; then
    log "$name exited $status with no failed test recorded: counted as one failure"; f=1
  fi
  passed=$((passed + p)); failed=$((failed + f)); skipped=$((skipped + s))
done

log "testing Sunderfall.Web (vitest)"
read -r p f s < <(scripts/test-web.sh "$RESULTS/Sunderfall.Web" | tail -1)
passed=$((passed + p)); failed=$((failed + f)); skipped=$((skipped + s))

log "testing the alert rules (promtool)"
read -r p f s < <(scripts/test-alerts.sh | tail -1)
passed=$((passed + p)); failed=$((failed + f)); skipped=$((skipped + s))

log "testing backups: the restore drill, short form (pgBackRest)"
read -r p f s < <(CONFIGURATION=$CONFIGURATION SUNDERFALL_TEST_PG_PORT=$PG_PORT SUNDERFALL_TEST_REDIS_PORT=$REDIS_PORT scripts/test-backup.sh | tail -1)
passed=$((passed + p)); failed=$((failed + f)); skipped=$((skipped + s))

echo "$passed passed, $failed failed, $skipped skipped"
[[ $failed -eq 0 ]]
