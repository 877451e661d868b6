#!/usr/bin/env bash
# Samples the benchmark cluster beside a load (docs/deployment.md, "Sizing"): every INTERVAL seconds one line with the
# time, the bench database's committed transactions and rows inserted/updated/deleted (pg_stat_database, counters
# since the database was created) and the resident memory (VmRSS, MB) of each server process. Start it after
# `./bench.sh load …` has brought the cluster up; it stops after SAMPLES lines or when the cluster goes away.
# Usage: scripts/db-write-sample.sh [INTERVAL] [SAMPLES]
set -euo pipefail
source "$(dirname "$0")/lib.sh"
INTERVAL=${1:-5}
SAMPLES=${2:-40}
PG_PORT=${BENCH_PG_PORT:-29432}
query="SELECT xact_commit, tup_inserted, tup_updated, tup_deleted FROM pg_stat_database WHERE datname = 'sunderfall_bench'"

echo "time xact_commit tup_inserted tup_updated tup_deleted rss_mb(name=MB ...)"
for ((i = 0; i < SAMPLES; i++)); do
  stats=$(psql -h 127.0.0.1 -p "$PG_PORT" -U postgres -d postgres -qtA -F ' ' -c "$query" 2>/dev/null) || { log "PostgreSQL on $PG_PORT is gone"; exit 0; }
  rss=""
  while IFS='=' read -r name pid; do
    [[ -n $pid && -r /proc/$pid/status ]] || continue
    rss+=" $name=$(awk '/^VmRSS/ { printf "%d", $2 / 1024 }' "/proc/$pid/status")"
  done < <("$REPO_ROOT/scripts/bench-cluster.sh" pids 2>/dev/null)
  echo "$(date +%T) $stats$rss"
  sleep "$INTERVAL"
done
