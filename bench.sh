#!/usr/bin/env bash
# Measurements, not tests: ./bench.sh zone  (zone tick cost, frontend fan-out, wire bytes per client).
# Ends with one JSON line. Results and method: docs/performance.md.
set -euo pipefail
cd "$(dirname "$0")"
what=${1:-zone}
shift || true
case "$what" in
  zone)
    dotnet build Sunderfall.Benchmarks -c Release -nologo -clp:ErrorsOnly >&2
    exec dotnet Sunderfall.Benchmarks/bin/Release/net10.0/Sunderfall.Benchmarks.dll zone "$@"
    ;;
  *)
    echo "usage: ./bench.sh zone [--ticks N] [--seed N]" >&2
    exit 2
    ;;
esac
