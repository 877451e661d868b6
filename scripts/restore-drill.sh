#!/usr/bin/env bash
# The restore drill (docs/reliability.md): bots play the combat scenario and earn rewards against a silo and a
# frontend whose PostgreSQL archives its WAL; a full backup is taken under that load; T is read from the database as
# the commit time of the newest acknowledged reward (its encounter's commit: the ledger acknowledges a reward when that
# transaction commits); play goes on until rewards committed after T exist and their WAL is archived; the backup is
# restored to T into a scratch cluster (while the bots still play), the migrations and the reconciliation job run on
# it, and the rewards are compared: every reward committed at or before T on the live database must be in the restored
# one exactly once (one reward_grants row, one reward.granted log entry), and none committed after T; the restored
# characters must hold nothing beyond their grants (reconciliation finds no discrepancy).
# Ends with one JSON line; exits 0 when every check held, 1 when one did not, 2 on bad usage.
#   scripts/restore-drill.sh [--bots N] [--rewards-before N] [--rewards-after N] [--no-build]
#     --bots            bot players (combat scenario, parties of five; default 40)
#     --rewards-before  rewards committed between the end of the backup and T (default 20)
#     --rewards-after   rewards committed after T before the WAL is switched and the restore starts (default 20)
#     --no-build        use the existing builds (CONFIGURATION, default Release)
# Ports (all on 127.0.0.1; defaults sit beside bench-cluster.sh's, below the ephemeral range): DRILL_PG_PORT (29532),
# DRILL_SCRATCH_PG_PORT (29533), DRILL_REDIS_PORT (29580; an answering Redis is reused), DRILL_FRONTEND_PORT (29180),
# DRILL_SILO_HTTP_PORT (29181), DRILL_SILO_PORT (29211), DRILL_GATEWAY_PORT (29400). Data: DRILL_DATA (.data/drill),
# wiped at the start of each run except the repository key.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib.sh

bots=40 before=20 after=20 build=1
while (($#)); do
  case "$1" in
    --bots) bots=$2; shift 2 ;;
    --rewards-before) before=$2; shift 2 ;;
    --rewards-after) after=$2; shift 2 ;;
    --no-build) build=0; shift ;;
    *) sed -n '11,15p' "$0" | sed 's/^# \{0,1\}//' >&2; exit 2 ;;
  esac
done
for n in "$bots" "$before" "$after"; do
  [[ $n =~ ^[0-9]+$ && $n -ge 1 && $n -le 10000 ]] || { log "--bots, --rewards-before and --rewards-after take 1 to 10000; one was '$n'"; exit 2; }
done

CONFIGURATION=${CONFIGURATION:-Release}
PG_PORT=${DRILL_PG_PORT:-29532}
SCRATCH_PORT=${DRILL_SCRATCH_PG_PORT:-29533}
REDIS_PORT=${DRILL_REDIS_PORT:-29580}
FRONTEND_PORT=${DRILL_FRONTEND_PORT:-29180}
SILO_HTTP_PORT=${DRILL_SILO_HTTP_PORT:-29181}
DATA=${DRILL_DATA:-$(data_dir drill)}
STANZA=sunderfall-drill
DATABASE=sunderfall_drill
WAIT_SECONDS=${DRILL_WAIT_SECONDS:-300}
LOGS="$DATA/logs"
BIN() { printf '%s/bin/%s/net10.0' "$1" "$CONFIGURATION"; }
export SUNDERFALL_BACKUP_HOME="$DATA/backups" SUNDERFALL_BACKUP_STANZA=$STANZA SUNDERFALL_BACKUP_PGDATA="$DATA/live/pg" \
  SUNDERFALL_BACKUP_PG_PORT=$PG_PORT DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
unset SUNDERFALL_BACKUP_REPO SUNDERFALL_BACKUP_KEY_FILE
psql_live() { psql -h 127.0.0.1 -p "$PG_PORT" -U postgres -d "$DATABASE" -v ON_ERROR_STOP=1 -qtA "$@"; }
psql_scratch() { psql -h 127.0.0.1 -p "$SCRATCH_PORT" -U postgres -d "$DATABASE" -v ON_ERROR_STOP=1 -qtA "$@"; }
elapsed() { awk -v a="$1" -v b="$EPOCHREALTIME" 'BEGIN { printf "%.1f", b - a }'; }

pids=()
cleanup() {
  trap - EXIT INT TERM
  if ((${#pids[@]})); then
    kill -TERM "${pids[@]}" 2>/dev/null || true
    for _ in $(seq 1 50); do kill -0 "${pids[@]}" 2>/dev/null || break; sleep 0.2; done
    kill -KILL "${pids[@]}" 2>/dev/null || true
  fi
  runuser -u postgres -- "$PG_BIN/pg_ctl" -D "$DATA/scratch" -m immediate -w stop >/dev/null 2>&1 || true
  stop_postgres "$DATA/live"
  if [[ ${REDIS_STARTED:-0} == 1 ]]; then stop_redis "$REDIS_PORT" "${REDIS_PASSWORD:-}"; fi
}
trap cleanup EXIT
trap 'cleanup; exit 130' INT TERM

if ((build)); then
  log "building ($CONFIGURATION)"
  for project in Sunderfall.Silo Sunderfall.Frontend Sunderfall.Migrations Sunderfall.LoadTest; do
    dotnet build "$project" -c "$CONFIGURATION" -nologo -clp:ErrorsOnly >&2
  done
fi
for project in Sunderfall.Silo Sunderfall.Frontend Sunderfall.Migrations Sunderfall.LoadTest; do
  [[ -f "$(BIN $project)/$project.dll" ]] || { log "$(BIN $project)/$project.dll is missing: build $CONFIGURATION first"; exit 2; }
done

# A fresh world: a live instance that archives into a new repository (the key is kept), an empty scratch folder.
runuser -u postgres -- "$PG_BIN/pg_ctl" -D "$DATA/scratch" -m immediate -w stop >/dev/null 2>&1 || true
stop_postgres "$DATA/live"
mkdir -p "$DATA"
rm -rf "$DATA/live" "$DATA/scratch" "$DATA/backups/$STANZA/repo" "$DATA/backups/$STANZA/spool" "$LOGS" "$DATA/content"
mkdir -p "$LOGS" "$DATA/live"
PG_ARCHIVE_STANZA=$STANZA PG_FSYNC=off start_postgres "$DATA/live" "$PG_PORT" postgres >&2
psql -h 127.0.0.1 -p "$PG_PORT" -U postgres -qtA -c "CREATE DATABASE $DATABASE OWNER sunderfall" >/dev/null
scripts/backup.sh setup >&2
# Redis with a password, as everywhere (made once, kept beside the drill's data).
REDIS_PASSWORD=${DRILL_REDIS_PASSWORD:-$(redis_password "$DATA")}
start_redis "$DATA" "$REDIS_PORT" "$REDIS_PASSWORD" >&2
dotnet "$(BIN Sunderfall.Migrations)/Sunderfall.Migrations.dll" \
  "Host=127.0.0.1;Port=$PG_PORT;Database=$DATABASE;Username=sunderfall" >"$LOGS/migrations-live.log"
dotnet "$(BIN Sunderfall.LoadTest)/Sunderfall.LoadTest.dll" content --scenario combat --source content --to "$DATA/content" >&2

# One silo and one frontend, on a cluster id of their own (the Redis may be shared).
common=(
  SUNDERFALL_Storage__ConnectionString="Host=127.0.0.1;Port=$PG_PORT;Database=$DATABASE;Username=sunderfall_app;Maximum Pool Size=20"
  SUNDERFALL_Storage__MigrationConnectionString="Host=127.0.0.1;Port=$PG_PORT;Database=$DATABASE;Username=sunderfall"
  SUNDERFALL_Auth__SigningKey="drill-signing-key-$(head -c 24 /dev/urandom | base64 -w0)"
  SUNDERFALL_Mfa__SecretEncryptionKey="$(head -c 32 /dev/urandom | base64 -w0)"
  SUNDERFALL_Cluster__Redis="127.0.0.1:$REDIS_PORT,password=$REDIS_PASSWORD" SUNDERFALL_Cluster__ClusterId="sunderfall-drill-$$"
  SUNDERFALL_Content__Directory="$DATA/content" SUNDERFALL_World__MaxChannelsPerZone=1000
  SUNDERFALL_Logging__LogLevel__Default=Warning
)
start_program() {
  local name=$1 project=$2 port=$3; shift 3
  (cd "$(BIN "$project")" && exec env "$@" dotnet "$project.dll" --urls "http://127.0.0.1:$port") >"$LOGS/$name.log" 2>&1 &
  pids+=($!)
  log "started $name (pid $!, log $LOGS/$name.log)" >&2
}
# Development: the drill's silo applies the migrations itself and talks to the frontend without cluster TLS; what
# is tested here is the backup and the restore, not the production hosting checks (tests/Sunderfall.IntegrationTests).
start_program silo Sunderfall.Silo "$SILO_HTTP_PORT" "${common[@]}" DOTNET_ENVIRONMENT=Development \
  SUNDERFALL_Silo__SiloPort="${DRILL_SILO_PORT:-29211}" SUNDERFALL_Silo__GatewayPort="${DRILL_GATEWAY_PORT:-29400}"
wait_http "http://127.0.0.1:$SILO_HTTP_PORT/health/ready" 120 "${pids[0]}" || { log "the silo did not become ready:"; tail -5 "$LOGS/silo.log" >&2; exit 1; }
start_program frontend Sunderfall.Frontend "$FRONTEND_PORT" "${common[@]}" DOTNET_ENVIRONMENT=Development \
  SUNDERFALL_HttpRateLimit__AuthPerMinute=1000000 SUNDERFALL_HttpRateLimit__GlobalPer10Seconds=1000000
wait_http "http://127.0.0.1:$FRONTEND_PORT/health/ready" 120 "${pids[1]}" || { log "the frontend did not become ready:"; tail -5 "$LOGS/frontend.log" >&2; exit 1; }

# The bots play until the drill has what it needs; the load tester is stopped then.
(cd "$REPO_ROOT" && exec dotnet "$(BIN Sunderfall.LoadTest)/Sunderfall.LoadTest.dll" load --target sunderfall \
  --url "http://127.0.0.1:$FRONTEND_PORT/" --scenario combat --bots "$bots" --seconds 86400 --ramp 10 --chat-every 0 \
  --plain --out "$DATA/results") >"$LOGS/load.log" 2>&1 &
load_pid=$!
pids+=("$load_pid")
log "started $bots bots (combat; pid $load_pid, log $LOGS/load.log)" >&2

# wait_rewards <n> <since>: until n rewards were committed after <since> (a commit time, or '-infinity').
COMMIT="pg_xact_commit_timestamp(e.xmin)"
wait_rewards() {
  local n=$1 since=$2 deadline=$((SECONDS + WAIT_SECONDS)) count
  while true; do
    count=$(psql_live -c "SELECT count(*) FROM reward_grants g JOIN encounters e USING (encounter_id) WHERE $COMMIT > '$since'")
    ((count >= n)) && return 0
    if ((SECONDS > deadline)) || ! kill -0 "$load_pid" 2>/dev/null; then
      log "only $count rewards were committed after $since in ${WAIT_SECONDS}s (load log: $LOGS/load.log)"; tail -3 "$LOGS/load.log" >&2; return 1
    fi
    sleep 1
  done
}

wait_rewards 1 '-infinity'
log "rewards are being earned ($(psql_live -c 'SELECT count(*) FROM reward_grants') so far); full backup under load" >&2
started=$EPOCHREALTIME
scripts/backup.sh now full >&2
backup_seconds=$(elapsed "$started")
read -r backup_bytes database_bytes backup_stop < <(scripts/backup.sh list --json \
  | jq -r '.[0].backup[-1] | "\(.info.repository.delta) \(.info.size) \(.timestamp.stop)"')

# T: the newest reward committed once the backup has ended and a few more rewards came. A restore target must lie
# after the end of a backup; pgBackRest gives that end in whole seconds, hence the second added.
wait_rewards "$before" "$(date -u -d "@$((backup_stop + 1))" '+%Y-%m-%d %H:%M:%S+00')"
target=$(psql_live -c "SELECT max($COMMIT) FROM encounters e WHERE EXISTS (SELECT 1 FROM reward_grants g WHERE g.encounter_id = e.encounter_id)")
log "T = $target (commit time of the newest acknowledged reward); playing on" >&2
wait_rewards "$after" "$target"
# The WAL holding T and the commits after it must be in the repository: check switches the segment and waits for it.
scripts/backup.sh check >&2

log "restoring to T into a scratch cluster on port $SCRATCH_PORT while the bots play" >&2
started=$EPOCHREALTIME
PG_FSYNC=off scripts/backup.sh restore --to "$target" --into "$DATA/scratch" --port "$SCRATCH_PORT" >&2
restore_seconds=$(elapsed "$started")

kill -TERM "$load_pid" 2>/dev/null || true
wait "$load_pid" 2>/dev/null || true
log "bots stopped; $(psql_live -c 'SELECT count(*) FROM reward_grants') rewards on the live database" >&2

migrations_ok=false reconcile_ok=false discrepancies=null
if dotnet "$(BIN Sunderfall.Migrations)/Sunderfall.Migrations.dll" \
  "Host=127.0.0.1;Port=$SCRATCH_PORT;Database=$DATABASE;Username=sunderfall" >"$LOGS/migrations-restored.log" 2>&1; then
  migrations_ok=true
fi
if reconcile=$(cd "$(BIN Sunderfall.Silo)" && SUNDERFALL_Storage__ConnectionString="Host=127.0.0.1;Port=$SCRATCH_PORT;Database=$DATABASE;Username=sunderfall_app" \
  dotnet Sunderfall.Silo.dll reconcile --all-services 2>"$LOGS/reconcile-restored.log" | tail -1); then
  reconcile_ok=true
  discrepancies=$(jq -r .discrepancies <<<"$reconcile")
fi

# The comparison. A reward is "encounter/player"; live: committed at or before T, and after T; restored: every grant
# row and every reward.granted log entry, duplicates kept.
grants="SELECT g.encounter_id || '/' || g.player_id FROM reward_grants g JOIN encounters e USING (encounter_id)"
psql_live -c "$grants WHERE $COMMIT <= '$target'" | sort >"$DATA/live-at-or-before.txt"
psql_live -c "$grants WHERE $COMMIT > '$target'" | sort >"$DATA/live-after.txt"
psql_scratch -c "SELECT encounter_id || '/' || player_id FROM reward_grants" | sort >"$DATA/restored-grants.txt"
psql_scratch -c "SELECT encounter_id || '/' || actor_id FROM transaction_log WHERE kind = 'reward.granted'" | sort >"$DATA/restored-log.txt"
checked=$(wc -l <"$DATA/live-at-or-before.txt")
later=$(wc -l <"$DATA/live-after.txt")
missing=$(comm -23 "$DATA/live-at-or-before.txt" <(sort -u "$DATA/restored-grants.txt") | wc -l)
missing_log=$(comm -23 "$DATA/live-at-or-before.txt" <(sort -u "$DATA/restored-log.txt") | wc -l)
duplicated=$(( $(uniq -d "$DATA/restored-grants.txt" | wc -l) + $(uniq -d "$DATA/restored-log.txt" | wc -l) ))
# Anything restored that was not committed at or before T: committed after it, or unknown to the live database.
after_present=$(comm -13 "$DATA/live-at-or-before.txt" <(sort -u "$DATA/restored-grants.txt" "$DATA/restored-log.txt") | wc -l)

ok=true
((checked > 0 && later > 0 && missing == 0 && missing_log == 0 && duplicated == 0 && after_present == 0)) || ok=false
[[ $migrations_ok == true && $reconcile_ok == true && $discrepancies == 0 ]] || ok=false
jq -cn --arg target "$target" --argjson bots "$bots" --argjson backup_bytes "$backup_bytes" --argjson database_bytes "$database_bytes" \
  --argjson backup_seconds "$backup_seconds" --argjson restore_seconds "$restore_seconds" --argjson checked "$checked" \
  --argjson missing "$missing" --argjson missing_log "$missing_log" --argjson duplicated "$duplicated" \
  --argjson after_present "$after_present" --argjson later "$later" --argjson migrations "$migrations_ok" \
  --argjson reconcile "$reconcile_ok" --argjson discrepancies "$discrepancies" --argjson ok "$ok" '{
    drill: "restore-to-time", bots: $bots, target_time: $target,
    backup_bytes: $backup_bytes, database_bytes: $database_bytes, backup_seconds: $backup_seconds, restore_seconds: $restore_seconds,
    rewards_checked: $checked, missing: $missing, duplicated: $duplicated, after_target_present: $after_present,
    missing_log_entries: $missing_log, rewards_after_target_live: $later,
    migrations_ok: $migrations, reconciliation_ok: $reconcile, reconciliation_discrepancies: $discrepancies, ok: $ok}'
[[ $ok == true ]]
