#!/bin/bash
# health-probe.sh [path] [port]: exits 0 when http://127.0.0.1:port/path answers 200, else 1. Plain bash (its
# /dev/tcp), so an image needs no curl or wget for its HEALTHCHECK. Docker reserves exit code 2, hence only 0 and 1.
path=${1:-/health/ready}
port=${2:-8080}
exec 2>/dev/null 3<>"/dev/tcp/127.0.0.1/$port" || exit 1
printf 'GET %s HTTP/1.0\r\nHost: localhost\r\n\r\n' "$path" >&3
IFS=' ' read -r -t 5 _ status _ <&3 || exit 1
[[ $status == 200 ]] || exit 1
