#!/usr/bin/env bash
# Per-stage latency of a running bench cluster (scripts/bench-cluster.sh ports) over one window of a load:
#   scripts/stage-window.sh PLAYERS [DELAY_S] [WINDOW_S]
# waits until the frontend has PLAYERS in the world, waits DELAY_S more (the load's warm-up), scrapes the frontend's
# and both silos' /metrics, waits WINDOW_S, scrapes again and prints scripts/stage-latency.py's table of the window.
# Run it beside `./bench.sh load ...` (it only reads; it stops by itself after at most 20 minutes of waiting).
set -euo pipefail
players=$1 delay=${2:-70} window=${3:-60}
frontend=${BENCH_FRONTEND_PORT:-29080}
out=$(mktemp -d)
mkdir -p "$out/before" "$out/after"
for _ in $(seq 1 600); do
  now=$(curl -s "http://127.0.0.1:$frontend/metrics" 2>/dev/null | awk '/^sunderfall_frontend_players/ {print int($2)}' || true)
  [ -n "$now" ] && [ "$now" -ge "$players" ] && break
  sleep 2
done
echo "[stage-window.sh] ${now:-0} players at $(date +%T); window starts in ${delay}s"
scrape() {
  curl -s "http://127.0.0.1:$frontend/metrics" >"$1/frontend.txt"
  curl -s http://127.0.0.1:29081/metrics >"$1/silo1.txt"
  curl -s http://127.0.0.1:29082/metrics >"$1/silo2.txt"
}
sleep "$delay"
scrape "$out/before"
sleep "$window"
scrape "$out/after"
echo "[stage-window.sh] window $(date -d "-${window} seconds" +%T)-$(date +%T), scrapes in $out"
python3 "$(dirname "$0")/stage-latency.py" "$out/before" "$out/after"
