#!/usr/bin/env bash
# The cluster the load tester measures, on ports of its own: PostgreSQL 29432, Redis 29380, two silos and a frontend
# (Release builds, run ./bench.sh's build first), or the naive relay. Idempotent; prints name=pid of each process.
# The ports sit below Linux's ephemeral range (32768-60999): thousands of bot connections take local ports from that
# range, and one of them once held the relay's port when the relay started.
#   scripts/bench-cluster.sh start [CONTENT_DIR]   fresh database, silos + frontend (game content from CONTENT_DIR)
#   scripts/bench-cluster.sh stop                  stops silos, frontend, relay, Redis and PostgreSQL
#   scripts/bench-cluster.sh relay-start | relay-stop | pids
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib.sh

PG_PORT=${BENCH_PG_PORT:-29432}
REDIS_PORT=${BENCH_REDIS_PORT:-29380}
FRONTEND_PORT=${BENCH_FRONTEND_PORT:-29080}
RELAY_PORT=${BENCH_RELAY_PORT:-29090}
SILO_HTTP_PORTS=(29081 29082)
SILO_PORTS=(29111 29112)
GATEWAY_PORTS=(29300 29301)
CLUSTER_ID=sunderfall-bench
DATA=$(data_dir bench)
LOGS="$DATA/logs"
PIDS="$DATA/pids"
mkdir -p "$LOGS" "$PIDS"

running() { [[ -s "$PIDS/$1.pid" ]] && kill -0 "$(cat "$PIDS/$1.pid")" 2>/dev/null; }

# start_program <name> <project> <http port> [VAR=value ...]: runs the Release build from its folder, records the PID.
start_program() {
  local name=$1 project=$2 port=$3; shift 3
  if running "$name"; then return 0; fi
  local dir="$project/bin/Release/net10.0"
  [[ -f "$dir/$project.dll" ]] || { log "$dir/$project.dll is missing: build Release first (./bench.sh does)"; exit 1; }
  (cd "$dir" && exec env "$@" dotnet "$project.dll" --urls "http://127.0.0.1:$port") >"$LOGS/$name.log" 2>&1 &
  echo $! >"$PIDS/$name.pid"
  log "started $name (pid $!, log $LOGS/$name.log)"
}

stop_program() {
  local name=$1
  if running "$name"; then
    local pid; pid=$(cat "$PIDS/$name.pid")
    kill -TERM "$pid" 2>/dev/null || true
    for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.2; done
    kill -KILL "$pid" 2>/dev/null || true
    log "stopped $name (pid $pid)"
  fi
  rm -f "$PIDS/$name.pid"
}

print_pids() {
  local name
  for name in silo1 silo2 frontend relay; do
    if running "$name"; then echo "$name=$(cat "$PIDS/$name.pid")"; fi
  done
  # PostgreSQL's postmaster (the load tester adds its backends' CPU) and Redis, while the cluster runs.
  if running frontend; then
    if [[ -s "$DATA/pg/postmaster.pid" ]]; then echo "postgres=$(head -1 "$DATA/pg/postmaster.pid")"; fi
    if [[ -s "$DATA/redis/redis.pid" ]]; then echo "redis=$(cat "$DATA/redis/redis.pid")"; fi
  fi
}

case "${1:-}" in
  start)
    content=${2:-$REPO_ROOT/content}
    if ! running frontend; then
      # Statements over 200 ms and every autovacuum go to postgres.log: a load run's stalls can be matched to them.
      PG_FSYNC=off PG_LOG_SLOW_MS=200 PG_LOG_AUTOVACUUM_MS=0 start_postgres "$DATA" "$PG_PORT" postgres
      # A fresh database per start: every run measures the same empty world.
      psql -h 127.0.0.1 -p "$PG_PORT" -U postgres -qtA -c "DROP DATABASE IF EXISTS sunderfall_bench WITH (FORCE)" >/dev/null
      psql -h 127.0.0.1 -p "$PG_PORT" -U postgres -qtA -c "CREATE DATABASE sunderfall_bench OWNER sunderfall" >/dev/null
      start_redis "$DATA" "$REDIS_PORT" "$(redis_password "$DATA")"
      REDISCLI_AUTH=$(redis_password "$DATA") redis-cli -h 127.0.0.1 -p "$REDIS_PORT" flushall >/dev/null
      # Mutual TLS on the Orleans connections, as in production; the load tester's ping client has a certificate too.
      scripts/cluster-certs.sh "$DATA/cluster-tls" silo1 silo2 frontend loadtest >/dev/null
      dotnet Sunderfall.Migrations/bin/Release/net10.0/Sunderfall.Migrations.dll \
        "Host=127.0.0.1;Port=$PG_PORT;Database=sunderfall_bench;Username=sunderfall" >"$LOGS/migrations.log"
      common=(
        SUNDERFALL_Storage__ConnectionString="Host=127.0.0.1;Port=$PG_PORT;Database=sunderfall_bench;Username=sunderfall_app;Maximum Pool Size=20;Minimum Pool Size=10"
        SUNDERFALL_Storage__ApplyMigrations=false
        SUNDERFALL_ClusterTls__Enabled=true SUNDERFALL_ClusterTls__CaPath="$DATA/cluster-tls/ca.crt"
        SUNDERFALL_Auth__SigningKey="bench-signing-key-$(head -c 24 /dev/urandom | base64 -w0)"
        SUNDERFALL_Mfa__SecretEncryptionKey="$(head -c 32 /dev/urandom | base64 -w0)"
        SUNDERFALL_Cluster__Redis="127.0.0.1:$REDIS_PORT,password=$(redis_password "$DATA")" SUNDERFALL_Cluster__ClusterId=$CLUSTER_ID
        SUNDERFALL_Content__Directory="$content" SUNDERFALL_World__MaxChannelsPerZone=1000
        SUNDERFALL_Logging__LogLevel__Default=Warning
      )
      for i in 0 1; do
        start_program "silo$((i + 1))" Sunderfall.Silo "${SILO_HTTP_PORTS[$i]}" "${common[@]}" \
          SUNDERFALL_Silo__SiloPort="${SILO_PORTS[$i]}" SUNDERFALL_Silo__GatewayPort="${GATEWAY_PORTS[$i]}" \
          SUNDERFALL_ClusterTls__CertificatePath="$DATA/cluster-tls/silo$((i + 1)).crt" SUNDERFALL_ClusterTls__KeyPath="$DATA/cluster-tls/silo$((i + 1)).key"
      done
      for i in 0 1; do
        wait_http "http://127.0.0.1:${SILO_HTTP_PORTS[$i]}/health/ready" 90 "$(cat "$PIDS/silo$((i + 1)).pid")" \
          || { log "silo$((i + 1)) did not become ready:"; tail -5 "$LOGS/silo$((i + 1)).log"; exit 1; }
      done
      # Every bot signs up from 127.0.0.1: the per-address limits are raised for the benchmark. Development: no SMTP
      # server, so the frontend may keep the development recovery-code sender (no bot recovers an account).
      start_program frontend Sunderfall.Frontend "$FRONTEND_PORT" "${common[@]}" DOTNET_ENVIRONMENT=Development \
        SUNDERFALL_ClusterTls__CertificatePath="$DATA/cluster-tls/frontend.crt" SUNDERFALL_ClusterTls__KeyPath="$DATA/cluster-tls/frontend.key" \
        SUNDERFALL_HttpRateLimit__AuthPerMinute=1000000 SUNDERFALL_HttpRateLimit__GlobalPer10Seconds=1000000
      wait_http "http://127.0.0.1:$FRONTEND_PORT/health/ready" 60 "$(cat "$PIDS/frontend.pid")" \
        || { log "the frontend did not become ready:"; tail -5 "$LOGS/frontend.log"; exit 1; }
    fi
    log "cluster $CLUSTER_ID ready: frontend http://127.0.0.1:$FRONTEND_PORT/ redis 127.0.0.1:$REDIS_PORT (password in $DATA/redis-password) logs $LOGS"
    print_pids
    ;;
  relay-start)
    start_program relay Sunderfall.NaiveRelay "$RELAY_PORT"
    wait_http "http://127.0.0.1:$RELAY_PORT/health" 30 "$(cat "$PIDS/relay.pid")" \
      || { log "the relay did not become ready:"; tail -5 "$LOGS/relay.log"; exit 1; }
    log "relay ready: http://127.0.0.1:$RELAY_PORT/"
    print_pids
    ;;
  relay-stop)
    stop_program relay
    ;;
  stop)
    for name in frontend relay silo2 silo1; do stop_program "$name"; done
    stop_redis "$REDIS_PORT" "$(redis_password "$DATA")"
    stop_postgres "$DATA"
    ;;
  pids)
    print_pids
    ;;
  *)
    echo "usage: scripts/bench-cluster.sh start [CONTENT_DIR] | stop | relay-start | relay-stop | pids" >&2
    exit 2
    ;;
esac
