#!/usr/bin/env bash
# Measurements, not tests. Each ends with one JSON line. Results and method: docs/performance.md.
#   ./bench.sh zone [--ticks N] [--seed N]                 zone tick cost, frontend fan-out, wire bytes per client
#   ./bench.sh load --scenario S --bots N --seconds T      one fixed load against a benchmark cluster
#        [--target ping]                                    the raw Orleans baseline: the bots call a ping grain
#   ./bench.sh capacity --scenario spread|crowd            capacity of Sunderfall, then of the naive relay
#   ./bench.sh restore-drill [--bots N] [--rewards-before N] [--rewards-after N]
#                                                          back up under load, restore to a reward's commit time, check
#                                                          the rewards (scripts/restore-drill.sh, docs/reliability.md)
# load and capacity start their own cluster (scripts/bench-cluster.sh) and stop it when done; extra options go to
# the load tester (dotnet Sunderfall.LoadTest/bin/Release/net10.0/Sunderfall.LoadTest.dll --help).
set -euo pipefail
cd "$(dirname "$0")"
what=${1:-zone}
shift || true

LOADTEST=Sunderfall.LoadTest/bin/Release/net10.0/Sunderfall.LoadTest.dll
# Reports (JSON + HTML) of load and capacity runs; git-ignored.
RESULTS="$(source scripts/lib.sh && data_dir bench)/results"

build_cluster() {
  local project
  for project in Sunderfall.Silo Sunderfall.Frontend Sunderfall.Migrations Sunderfall.NaiveRelay Sunderfall.LoadTest; do
    dotnet build "$project" -c Release -nologo -clp:ErrorsOnly >&2
  done
}

# scenario_content <scenario>: a fresh copy of content/ for the scenario (population caps, combat's monsters).
scenario_content() {
  local dir; dir="$(source scripts/lib.sh && data_dir bench)/content-$1"
  rm -rf "$dir"
  dotnet "$LOADTEST" content --scenario "$1" --source content --to "$dir"
  printf '%s' "$dir"
}

process_args() { scripts/bench-cluster.sh pids | sed 's/^/--process /' | tr '\n' ' '; }

case "$what" in
  zone)
    dotnet build Sunderfall.Benchmarks -c Release -nologo -clp:ErrorsOnly >&2
    exec dotnet Sunderfall.Benchmarks/bin/Release/net10.0/Sunderfall.Benchmarks.dll zone "$@"
    ;;
  load)
    scenario=spread bots=100 seconds=30 target=sunderfall extra=()
    while (($#)); do
      case "$1" in
        --scenario) scenario=$2; shift 2 ;;
        --bots) bots=$2; shift 2 ;;
        --seconds) seconds=$2; shift 2 ;;
        --target) target=$2; shift 2 ;;
        *) extra+=("$1"); shift ;;
      esac
    done
    # sunderfall: bots through the frontend; ping: the raw Orleans baseline, the same bots calling a ping grain on the
    # same cluster through one cluster client.
    case "$target" in
      sunderfall) endpoint=(--url http://127.0.0.1:29080/) ;;
      ping) endpoint=() ;;   # once the cluster is up: its Redis password and the load tester's cluster certificate
      *) echo "bench.sh load: --target must be sunderfall or ping (the relay runs in ./bench.sh capacity)" >&2; exit 2 ;;
    esac
    build_cluster
    trap 'scripts/bench-cluster.sh stop >&2' EXIT
    scripts/bench-cluster.sh stop >&2
    scripts/bench-cluster.sh start "$(scenario_content "$scenario")" >&2
    if [[ $target == ping ]]; then
      bench_data=$(source scripts/lib.sh && data_dir bench)
      endpoint=(--redis "127.0.0.1:${BENCH_REDIS_PORT:-29380},password=$(cat "$bench_data/redis-password")" --cluster-id sunderfall-bench
        --cluster-cert "$bench_data/cluster-tls/loadtest.crt" --cluster-key "$bench_data/cluster-tls/loadtest.key"
        --cluster-ca "$bench_data/cluster-tls/ca.crt")
    fi
    # shellcheck disable=SC2046
    dotnet "$LOADTEST" load --target "$target" "${endpoint[@]}" --scenario "$scenario" --bots "$bots" \
      --seconds "$seconds" --out "$RESULTS" $(process_args) ${extra[@]+"${extra[@]}"}
    ;;
  capacity)
    scenario=spread start='' ramp=50 extra=()
    while (($#)); do
      case "$1" in
        --scenario) scenario=$2; shift 2 ;;
        --start) start=$2; shift 2 ;;
        --ramp) ramp=$2; shift 2 ;;
        *) extra+=("$1"); shift ;;
      esac
    done
    # Both systems get the same steps and ramp. Sunderfall's bots create their accounts before each ramp (a PBKDF2
    # hash each on the frontend, bounded to half the cores), so a ramp measures entering the world, not sign-up.
    case "$scenario" in
      spread) steps=(--start "${start:-250}" --max 6000 --resolution 100 --settle 20 --warmup 90 --ramp "$ramp") ;;
      crowd) steps=(--start "${start:-100}" --max 2000 --resolution 50 --settle 30 --warmup 90 --ramp "$ramp") ;;
      *) echo "capacity is defined for spread and crowd" >&2; exit 2 ;;
    esac
    build_cluster
    trap 'scripts/bench-cluster.sh stop >&2' EXIT
    mkdir -p "$RESULTS"
    scripts/bench-cluster.sh stop >&2
    scripts/bench-cluster.sh start "$(scenario_content "$scenario")" >&2
    # shellcheck disable=SC2046
    dotnet "$LOADTEST" capacity --target sunderfall --url http://127.0.0.1:29080/ --scenario "$scenario" "${steps[@]}" \
      --out "$RESULTS" $(process_args) ${extra[@]+"${extra[@]}"} | tail -1 | tee "$RESULTS/capacity-sunderfall-$scenario.line" >&2
    scripts/bench-cluster.sh stop >&2
    scripts/bench-cluster.sh relay-start >&2
    # shellcheck disable=SC2046
    dotnet "$LOADTEST" capacity --target relay --url http://127.0.0.1:29090/ --scenario "$scenario" "${steps[@]}" \
      --out "$RESULTS" $(process_args) ${extra[@]+"${extra[@]}"} | tail -1 | tee "$RESULTS/capacity-relay-$scenario.line" >&2
    scripts/bench-cluster.sh relay-stop >&2
    dotnet "$LOADTEST" compare --scenario "$scenario" \
      --sunderfall "$RESULTS/capacity-sunderfall-$scenario.line" --relay "$RESULTS/capacity-relay-$scenario.line"
    ;;
  restore-drill)
    exec scripts/restore-drill.sh "$@"
    ;;
  *)
    echo "usage: ./bench.sh zone [--ticks N] [--seed N] | load --scenario S --bots N --seconds T | capacity --scenario spread|crowd | restore-drill [--bots N]" >&2
    exit 2
    ;;
esac
