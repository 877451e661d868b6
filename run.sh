#!/usr/bin/env bash
# Builds Sunderfall and runs the cluster on this machine: a private PostgreSQL (backed up with pgBackRest) and Redis,
# two silos, one frontend and a Prometheus scraping them, all on loopback. Ctrl+C stops everything this script started; the data stays in .data/dev.
set -euo pipefail
cd "$(dirname "$0")"
source scripts/lib.sh

PG_PORT=${SUNDERFALL_PG_PORT:-55432}
REDIS_PORT=${SUNDERFALL_REDIS_PORT:-56379}
FRONTEND_PORT=${SUNDERFALL_FRONTEND_PORT:-8080}
PROMETHEUS_PORT=${SUNDERFALL_PROMETHEUS_PORT:-8090}
SILO_HTTP_PORTS=(${SUNDERFALL_SILO1_HTTP_PORT:-8081} ${SUNDERFALL_SILO2_HTTP_PORT:-8082})
SILO_PORTS=(11111 11112)
GATEWAY_PORTS=(30000 30001)
CONFIGURATION=${CONFIGURATION:-Release}
DATA=$(data_dir dev)
LOGS="$DATA/logs"
mkdir -p "$LOGS"
pids=()
REDIS_PASSWORD=""

cleanup() {
  trap - EXIT INT TERM
  if ((${#pids[@]})); then
    log "stopping silos, frontend, Prometheus and the schedules (${pids[*]})"
    kill -TERM "${pids[@]}" 2>/dev/null || true
    for _ in $(seq 1 50); do
      kill -0 "${pids[@]}" 2>/dev/null || break
      sleep 0.2
    done
    kill -KILL "${pids[@]}" 2>/dev/null || true
  fi
  if [[ ${REDIS_STARTED:-0} == 1 ]]; then log "stopping Redis"; stop_redis "$REDIS_PORT" "$REDIS_PASSWORD"; fi
  if [[ ${PG_STARTED:-0} == 1 ]]; then log "stopping PostgreSQL"; stop_postgres "$DATA"; fi
}
trap cleanup EXIT
trap 'cleanup; exit 130' INT TERM

ensure_package prometheus prometheus   # scrapes the cluster and evaluates the alert rules
# The instance archives its WAL and is backed up (scripts/backup.sh; docs/operations.md, Backups and restore).
export SUNDERFALL_BACKUP_STANZA=${SUNDERFALL_BACKUP_STANZA:-sunderfall-dev} SUNDERFALL_BACKUP_PGDATA="$DATA/pg" SUNDERFALL_BACKUP_PG_PORT=$PG_PORT
PG_ARCHIVE_STANZA=$SUNDERFALL_BACKUP_STANZA start_postgres "$DATA" "$PG_PORT" sunderfall
scripts/backup.sh setup
# Redis requires a password (made once, kept beside the data in redis-password).
REDIS_PASSWORD=$(redis_password "$DATA")
start_redis "$DATA" "$REDIS_PORT" "$REDIS_PASSWORD"

# Silos and the frontend connect as the application role only; the schema owner applies the migrations below, as a
# step of its own before they start.
export SUNDERFALL_Storage__ConnectionString="Host=127.0.0.1;Port=$PG_PORT;Database=sunderfall;Username=sunderfall_app;Maximum Pool Size=20;Minimum Pool Size=10"
MIGRATION_CONNECTION="Host=127.0.0.1;Port=$PG_PORT;Database=sunderfall;Username=sunderfall"
export SUNDERFALL_Storage__ApplyMigrations=false
# Mutual TLS on every Orleans connection: a cluster CA and one certificate per process, kept beside the data.
TLS="$DATA/cluster-tls"
scripts/cluster-certs.sh "$TLS" silo1 silo2 frontend
export SUNDERFALL_ClusterTls__Enabled=true SUNDERFALL_ClusterTls__CaPath="$TLS/ca.crt"
# Access tokens are signed with a key kept beside the data, so tokens and sessions survive a restart.
[[ -s "$DATA/signing-key" ]] || (umask 077 && head -c 48 /dev/urandom | base64 -w0 >"$DATA/signing-key")
export SUNDERFALL_Auth__SigningKey=$(cat "$DATA/signing-key")
# Authenticator secrets are encrypted in the database with a key kept beside the data, outside the database.
[[ -s "$DATA/mfa-key" ]] || (umask 077 && head -c 32 /dev/urandom | base64 -w0 >"$DATA/mfa-key")
export SUNDERFALL_Mfa__SecretEncryptionKey=$(cat "$DATA/mfa-key")
# The account registered under this name becomes an admin (dashboard, admin API).
export SUNDERFALL_Auth__BootstrapAdmins__0=${SUNDERFALL_ADMIN:-admin}
export SUNDERFALL_Cluster__Redis="127.0.0.1:$REDIS_PORT,password=$REDIS_PASSWORD"
export SUNDERFALL_Cluster__ClusterId=${SUNDERFALL_Cluster__ClusterId:-sunderfall-dev}
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

scripts/build-web.sh   # the browser client, served by the frontend at http://127.0.0.1:$FRONTEND_PORT/
log "building ($CONFIGURATION)"
dotnet build Sunderfall.sln -c "$CONFIGURATION" -nologo -clp:ErrorsOnly
dotnet "Sunderfall.Migrations/bin/$CONFIGURATION/net10.0/Sunderfall.Migrations.dll" "$MIGRATION_CONNECTION"

# start_program <log name> <project> <http port> [VAR=value ...]: runs the program from its output folder (so it
# finds its appsettings.json) and records the PID of the dotnet process itself.
start_program() {
  local name=$1 project=$2 port=$3; shift 3
  (cd "$project/bin/$CONFIGURATION/net10.0" && exec env "$@" dotnet "$project.dll" --urls "http://127.0.0.1:$port") \
    >"$LOGS/$name.log" 2>&1 &
  pids+=($!)
  log "started $name (pid $!, log $LOGS/$name.log)"
}

for i in 0 1; do
  start_program "silo$((i + 1))" Sunderfall.Silo "${SILO_HTTP_PORTS[$i]}" \
    SUNDERFALL_Silo__SiloPort="${SILO_PORTS[$i]}" SUNDERFALL_Silo__GatewayPort="${GATEWAY_PORTS[$i]}" \
    SUNDERFALL_ClusterTls__CertificatePath="$TLS/silo$((i + 1)).crt" SUNDERFALL_ClusterTls__KeyPath="$TLS/silo$((i + 1)).key"
done
for i in 0 1; do
  wait_http "http://127.0.0.1:${SILO_HTTP_PORTS[$i]}/health/ready" 90 "${pids[$i]}" \
    || { log "silo$((i + 1)) did not become ready:"; tail -5 "$LOGS/silo$((i + 1)).log"; exit 1; }
done
# Development: no SMTP server here, so account-recovery codes go to the frontend's log (docs/operations.md).
# The console shows the firing alerts of the Prometheus started below.
start_program frontend Sunderfall.Frontend "$FRONTEND_PORT" DOTNET_ENVIRONMENT=Development \
  SUNDERFALL_ClusterTls__CertificatePath="$TLS/frontend.crt" SUNDERFALL_ClusterTls__KeyPath="$TLS/frontend.key" \
  SUNDERFALL_Console__PrometheusUrl="http://127.0.0.1:$PROMETHEUS_PORT"
wait_http "http://127.0.0.1:$FRONTEND_PORT/health/ready" 60 "${pids[2]}" \
  || { log "the frontend did not become ready:"; tail -5 "$LOGS/frontend.log"; exit 1; }
# Prometheus scrapes what was just started and evaluates deploy/prometheus/rules (docs/operations.md, Alerts).
scripts/prometheus.sh "$DATA/prometheus" "$PROMETHEUS_PORT" "$SUNDERFALL_Cluster__ClusterId" \
  "127.0.0.1:${SILO_HTTP_PORTS[0]},127.0.0.1:${SILO_HTTP_PORTS[1]}" "127.0.0.1:$FRONTEND_PORT" >"$LOGS/prometheus.log" 2>&1 &
pids+=($!)
log "started prometheus (pid $!, log $LOGS/prometheus.log)"
wait_http "http://127.0.0.1:$PROMETHEUS_PORT/-/ready" 60 "${pids[3]}" \
  || { log "Prometheus did not become ready:"; tail -5 "$LOGS/prometheus.log"; exit 1; }
# Backups on a schedule: a full one at once if there is none, then full daily and differential hourly
# (SUNDERFALL_BACKUP_FULL_EVERY / SUNDERFALL_BACKUP_DIFF_EVERY seconds; SUNDERFALL_BACKUP_SCHEDULE=off for none).
if [[ ${SUNDERFALL_BACKUP_SCHEDULE:-on} != off ]]; then
  scripts/backup.sh schedule >"$LOGS/backup.log" 2>&1 &
  pids+=($!)
  log "started the backup schedule (pid $!, log $LOGS/backup.log)"
fi
# The data lifecycle (docs/operations.md, Data lifecycle) as the owner: log partitions ahead, months past retention
# archived to $DATA/archive and dropped, long-expired tokens and one-time codes purged. Now, then every
# SUNDERFALL_MAINTAIN_EVERY seconds (86400; off for none).
MAINTAIN_EVERY=${SUNDERFALL_MAINTAIN_EVERY:-86400}
if [[ $MAINTAIN_EVERY != off ]]; then
  [[ $MAINTAIN_EVERY =~ ^[0-9]+$ && $MAINTAIN_EVERY -ge 60 ]] || { log "SUNDERFALL_MAINTAIN_EVERY is seconds (at least 60) or off"; exit 2; }
  (
    sleep_pid=''
    trap 'if [[ -n $sleep_pid ]]; then kill "$sleep_pid" 2>/dev/null; fi; exit 0' TERM INT
    while true; do
      dotnet "Sunderfall.Migrations/bin/$CONFIGURATION/net10.0/Sunderfall.Migrations.dll" maintain \
        "$SUNDERFALL_Storage__MigrationConnectionString" --archive-dir "$DATA/archive" \
        || log "maintenance failed (exit $?); next run in ${MAINTAIN_EVERY}s"
      # In the background so a stop interrupts the wait at once.
      sleep "$MAINTAIN_EVERY" &
      sleep_pid=$!
      wait "$sleep_pid"
    done
  ) >"$LOGS/maintain.log" 2>&1 &
  pids+=($!)
  log "started the data maintenance schedule (pid $!, log $LOGS/maintain.log, archives $DATA/archive)"
fi

cat <<INFO

Sunderfall is running (cluster ${SUNDERFALL_Cluster__ClusterId}).
  play in a browser    http://127.0.0.1:$FRONTEND_PORT/
  operator console     http://127.0.0.1:$FRONTEND_PORT/console  (moderator or admin accounts; docs/operations.md, Console)
  game hub (SignalR)   ws://127.0.0.1:$FRONTEND_PORT/hubs/game
  frontend health      http://127.0.0.1:$FRONTEND_PORT/health/ready
  silo 1 dashboard     http://127.0.0.1:${SILO_HTTP_PORTS[0]}/dashboard
  silo 2 dashboard     http://127.0.0.1:${SILO_HTTP_PORTS[1]}/dashboard
  silo health          http://127.0.0.1:${SILO_HTTP_PORTS[0]}/health/ready  http://127.0.0.1:${SILO_HTTP_PORTS[1]}/health/ready
  Prometheus (alerts)  http://127.0.0.1:$PROMETHEUS_PORT/alerts  (targets: /targets)
  sign up / sign in    POST http://127.0.0.1:$FRONTEND_PORT/api/auth/register | /api/auth/login (docs/protocol.md)
  admin account        register the username '${SUNDERFALL_Auth__BootstrapAdmins__0}' to get the admin role
  PostgreSQL           127.0.0.1:$PG_PORT database sunderfall (psql -h 127.0.0.1 -p $PG_PORT -U sunderfall sunderfall)
  Redis                127.0.0.1:$REDIS_PORT (password in $DATA/redis-password: REDISCLI_AUTH=\$(cat $DATA/redis-password) redis-cli -p $REDIS_PORT)
  cluster TLS          CA and certificates in $TLS (scripts/cluster-certs.sh)
  backups              scripts/backup.sh list | now [full|diff] | restore --to 'TIME' --into DIR --port P (stanza $SUNDERFALL_BACKUP_STANZA)
  logs                 $LOGS
Press Ctrl+C to stop.
INFO

# Returns when any of the processes exits (or on Ctrl+C); cleanup stops the rest.
wait -n "${pids[@]}" || true
log "a process exited; stopping the rest"
