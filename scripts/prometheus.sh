#!/usr/bin/env bash
# Runs a Prometheus (Debian's package, installed with apt-get when missing) that scrapes one Sunderfall cluster and
# evaluates the alert rules in deploy/prometheus/rules. Renders deploy/prometheus/prometheus.yml into DIR with the
# given targets, then becomes the prometheus process (exec), so whoever started this script holds Prometheus' PID.
# Usage: scripts/prometheus.sh DIR PORT CLUSTER SILO_TARGETS FRONTEND_TARGETS [SCRAPE_INTERVAL]
#   targets are comma-separated host:port lists (the processes' HTTP ports), e.g. 127.0.0.1:8081,127.0.0.1:8082
#   SCRAPE_INTERVAL (default 15s) is also the rule evaluation interval.
# Prometheus listens on 127.0.0.1:PORT and keeps its data in DIR/data.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
(($# >= 5)) || { sed -n '2,8p' "$0" >&2; exit 2; }
dir=$1 port=$2 cluster=$3 silos=$4 frontends=$5 interval=${6:-15s}

ensure_package prometheus prometheus

# file_sd target list: [{"targets": ["a:1", "b:2"], "labels": {"cluster": "..."}}]
targets_json() {
  local list=$1 quoted
  quoted=$(tr ',' '\n' <<<"$list" | sed '/^$/d; s/.*/"&"/' | paste -sd, -)
  printf '[{"targets": [%s], "labels": {"cluster": "%s"}}]\n' "$quoted" "$cluster"
}

mkdir -p "$dir/targets" "$dir/data"
targets_json "$silos" >"$dir/targets/silos.json"
targets_json "$frontends" >"$dir/targets/frontends.json"
sed -e "s|@SCRAPE_INTERVAL@|$interval|g" -e "s|@CLUSTER@|$cluster|g" \
    -e "s|@RULES_DIR@|$REPO_ROOT/deploy/prometheus/rules|g" -e "s|@TARGETS_DIR@|$dir/targets|g" \
    "$REPO_ROOT/deploy/prometheus/prometheus.yml" >"$dir/prometheus.yml"
promtool check config "$dir/prometheus.yml" >&2

exec prometheus --config.file="$dir/prometheus.yml" --storage.tsdb.path="$dir/data" \
  --storage.tsdb.retention.time=7d --web.listen-address="127.0.0.1:$port"
