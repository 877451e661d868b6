#!/usr/bin/env bash
# A Sunderfall cluster of several hosts on this machine, each host a podman container with its own address on the
# bridge network sf-cluster: PostgreSQL, Redis (with a password), 3 silos, 2 frontends and HAProxy in front of the
# frontends (WebSockets, sticky by cookie). Secrets are made new for every cluster and kept in .data/cluster/: the
# passwords, and a cluster CA with one certificate per silo and frontend (scripts/cluster-certs.sh) for mutual TLS on
# every Orleans connection. Migrations run once as the schema owner; silos and frontends get the application role.
#   deploy/cluster.sh up       build the images (kept when unchanged), start everything, print the URLs
#   deploy/cluster.sh down     remove the containers, the network and the secrets
#   deploy/cluster.sh status   the containers and their health
# Settings: SF_CLUSTER_PREFIX (first three octets of the /24, default 10.89.57), SF_CLUSTER_PORT (HAProxy on the
# host's loopback, default 58080), SF_CLUSTER_SILOS (3), SF_CLUSTER_FRONTENDS (2).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib.sh

NETWORK=sf-cluster
PREFIX=${SF_CLUSTER_PREFIX:-10.89.57}
LB_PORT=${SF_CLUSTER_PORT:-58080}
SILOS=${SF_CLUSTER_SILOS:-3}
FRONTENDS=${SF_CLUSTER_FRONTENDS:-2}
TAG=${SUNDERFALL_IMAGE_TAG:-dev}
STATE=$(pwd)/.data/cluster
# The mail sink listens on the host at the network's gateway address, which the containers reach.
MAIL_IP=$PREFIX.1
MAIL_PORT=${SF_CLUSTER_MAIL_PORT:-2587}
LABEL=sunderfall.cluster=local
# runc and explicit ulimits (deploy/containers.conf says why).
export CONTAINERS_CONF=${CONTAINERS_CONF:-$(pwd)/deploy/containers.conf}
POSTGRES_IP=$PREFIX.10 REDIS_IP=$PREFIX.11 LB_IP=$PREFIX.40
silo_ip() { echo "$PREFIX.$((20 + $1))"; }
frontend_ip() { echo "$PREFIX.$((30 + $1))"; }

# run_container <name> <ip> <podman run arguments>...: one host of the cluster.
run_container() {
  local name=$1 ip=$2; shift 2
  # Without systemd podman cannot schedule the images' health checks (it says so on every run); wait_healthy runs
  # them on demand instead.
  # Output goes to a file, not a pipe: the container's monitor (conmon) inherits it and would hold a pipe open.
  podman run -d --name "$name" --hostname "$name" --network "$NETWORK" --ip "$ip" --label "$LABEL" \
    "$@" >/dev/null 2>"$STATE/podman-run.log" || { cat "$STATE/podman-run.log" >&2; return 1; }
  grep -v 'systemd connection' "$STATE/podman-run.log" >&2 || true
}

# mail_sink: the cluster's SMTP server, on the host at the network's gateway address: Debian's aiosmtpd with STARTTLS
# (a certificate made for this cluster, which the frontends trust) and a login; every message lands in $STATE/mail as
# N.eml, so account recovery works end to end without sending mail anywhere.
mail_sink() {
  ensure_package aiosmtpd python3-aiosmtpd
  mkdir -p "$STATE/mail"
  openssl req -x509 -newkey rsa:2048 -nodes -days 30 -subj /CN=sunderfall-cluster-mail \
    -addext "subjectAltName=IP:$MAIL_IP" -keyout "$STATE/smtp.key" -out "$STATE/smtp.crt" 2>/dev/null
  chmod 644 "$STATE/smtp.crt"
  # Debian's python3 (the one with aiosmtpd), not whatever python3 comes first on PATH. It stops when its standard
  # input closes: a sleep holds it open until 'down' kills both.
  setsid bash -c "exec sleep infinity | exec /usr/bin/python3 '$(pwd)/tests/Shared/smtp-test-server.py' --host '$MAIL_IP' --port '$MAIL_PORT' \
    --folder '$STATE/mail' --cert '$STATE/smtp.crt' --key '$STATE/smtp.key' --username sunderfall --password '$SMTP_PASSWORD'" \
    >"$STATE/mail.log" 2>&1 &
  echo $! >"$STATE/mail.pid"
  wait_until "the mail sink" 15 grep -q ready "$STATE/mail.log" || { cat "$STATE/mail.log" >&2; return 1; }
}

# wait_healthy <container> <seconds>: runs the image's own HEALTHCHECK until it passes; shows the log if it never does.
wait_healthy() {
  wait_until "$1" "$2" podman healthcheck run "$1" || { podman logs --tail 30 "$1"; return 1; }
}

# wait_until <what> <seconds> <command>...: polls the command every half second.
wait_until() {
  local what=$1 seconds=$2; shift 2
  for _ in $(seq 1 $((seconds * 2))); do
    "$@" >/dev/null 2>&1 && return 0
    sleep 0.5
  done
  log "$what did not come up within ${seconds} s"
  return 1
}

secrets() {
  mkdir -p "$STATE"; chmod 700 "$STATE"
  # New secrets for every cluster: nothing here has a default. Hex keeps them safe in connection strings.
  (umask 077 && cat >"$STATE/secrets.env" <<EOF
SIGNING_KEY=$(head -c 48 /dev/urandom | base64 -w0)
MFA_KEY=$(head -c 32 /dev/urandom | base64 -w0)
SMTP_PASSWORD=$(head -c 16 /dev/urandom | od -An -tx1 | tr -d ' \n')
POSTGRES_PASSWORD=$(head -c 24 /dev/urandom | od -An -tx1 | tr -d ' \n')
APP_DB_PASSWORD=$(head -c 24 /dev/urandom | od -An -tx1 | tr -d ' \n')
REDIS_PASSWORD=$(head -c 24 /dev/urandom | od -An -tx1 | tr -d ' \n')
EOF
  )
}

haproxy_config() {
  {
    cat <<EOF
# Written by deploy/cluster.sh for this cluster.
global
    log stdout format raw local0 notice
    # Two descriptors per proxied connection must fit the containers' 1024 (deploy/containers.conf).
    maxconn 450

defaults
    mode http
    log global
    option httplog
    option forwardfor
    # A request whose server is gone is sent to another (a sticky cookie naming a stopped frontend).
    option redispatch
    retries 3
    timeout connect 3s
    timeout client 60s
    timeout server 60s
    timeout http-request 10s
    # An upgraded WebSocket is a tunnel: the hub pings every 15 s, so an hour of silence means a dead peer.
    timeout tunnel 1h

frontend game
    bind :8080
    default_backend frontends

backend frontends
    # New connections go to the frontend with the fewest (hub connections last for hours). SignalR's negotiate
    # and its WebSocket must reach the same frontend: the cookie SF_FRONTEND pins a client to the first it got.
    balance leastconn
    # Each request's server connection closes after its response, so "fewest connections" counts hub connections and
    # requests in flight, not a client's idle keep-alive after signing in (which made new players pile onto one frontend).
    option http-server-close
    cookie SF_FRONTEND insert indirect nocache httponly
    option httpchk GET /health/ready
    http-check expect status 200
    default-server inter 1s fastinter 500ms downinter 2s fall 2 rise 2
EOF
    for i in $(seq 1 "$FRONTENDS"); do
      echo "    server frontend-$i $(frontend_ip "$i"):8080 check cookie frontend-$i"
    done
    cat <<EOF

listen stats
    bind :8404
    stats enable
    stats uri /stats
    stats refresh 5s
EOF
  } >"$STATE/haproxy.cfg"
  chmod 644 "$STATE/haproxy.cfg"
}

up() {
  if [[ -n $(podman ps -aq --filter "label=$LABEL") ]]; then
    log "a cluster is already up (deploy/cluster.sh down first)"; status; return 0
  fi
  [[ ${SF_CLUSTER_SKIP_BUILD:-0} == 1 ]] || scripts/build-images.sh
  podman network exists "$NETWORK" || podman network create --subnet "$PREFIX.0/24" --label "$LABEL" "$NETWORK" >/dev/null
  secrets
  # shellcheck disable=SC1091
  source "$STATE/secrets.env"
  haproxy_config
  # Debian's HAProxy on the host checks the configuration before any container starts (the image has the same one).
  ensure_package haproxy haproxy
  haproxy -c -q -f "$STATE/haproxy.cfg" || { log "the HAProxy configuration $STATE/haproxy.cfg is invalid"; return 1; }
  local db="Host=$POSTGRES_IP;Port=5432;Database=sunderfall"
  local app_db="$db;Username=sunderfall_app;Password=$APP_DB_PASSWORD;Maximum Pool Size=20;Minimum Pool Size=2"
  local redis="$REDIS_IP:6379,password=$REDIS_PASSWORD"
  # One certificate per silo and frontend, its key readable by the images' user (1654); ca.key is never mounted.
  local names=() tls_of=() i
  for i in $(seq 1 "$SILOS"); do names+=("sf-silo-$i"); done
  for i in $(seq 1 "$FRONTENDS"); do names+=("sf-frontend-$i"); done
  CLUSTER_CERT_OWNER=1654 scripts/cluster-certs.sh "$STATE/cluster-tls" "${names[@]}" >/dev/null

  log "starting PostgreSQL ($POSTGRES_IP) and Redis ($REDIS_IP)"
  run_container sf-postgres "$POSTGRES_IP" -e POSTGRES_USER=sunderfall -e POSTGRES_DB=sunderfall \
    -e POSTGRES_PASSWORD="$POSTGRES_PASSWORD" -e APP_DB_PASSWORD="$APP_DB_PASSWORD" \
    -v "$(pwd)/docker/postgres-init:/docker-entrypoint-initdb.d:ro" "localhost/sunderfall-postgres:$TAG"
  run_container sf-redis "$REDIS_IP" -e REDISCLI_AUTH="$REDIS_PASSWORD" "localhost/sunderfall-redis:$TAG" \
    redis-server --requirepass "$REDIS_PASSWORD" --protected-mode no --save "" --appendonly no
  wait_healthy sf-postgres 60
  wait_healthy sf-redis 30

  # The schema owner applies the migrations once, before any silo; silos and frontends get the application role.
  log "applying migrations as the schema owner"
  podman run --rm --network "$NETWORK" --entrypoint /app/Sunderfall.Migrations \
    "localhost/sunderfall-silo:$TAG" "$db;Username=sunderfall;Password=$POSTGRES_PASSWORD"

  local common=(-e "SUNDERFALL_Storage__ConnectionString=$app_db" -e "SUNDERFALL_Auth__SigningKey=$SIGNING_KEY"
    -e "SUNDERFALL_Cluster__Redis=$redis" -e SUNDERFALL_Cluster__ClusterId=sf-cluster -e SUNDERFALL_Cluster__ServiceId=sunderfall
    -e "SUNDERFALL_Metrics__AllowedNetworks__0=$PREFIX.0/24" -e ASPNETCORE_URLS=http://+:8080
    -e SUNDERFALL_ClusterTls__CertificatePath=/run/sunderfall/tls/cluster.crt -e SUNDERFALL_ClusterTls__KeyPath=/run/sunderfall/tls/cluster.key
    -e SUNDERFALL_ClusterTls__CaPath=/run/sunderfall/tls/ca.crt -v "$STATE/cluster-tls/ca.crt:/run/sunderfall/tls/ca.crt:ro")
  for i in $(seq 1 "$SILOS"); do
    log "starting silo $i ($(silo_ip "$i"))"
    tls_of=(-v "$STATE/cluster-tls/sf-silo-$i.crt:/run/sunderfall/tls/cluster.crt:ro" -v "$STATE/cluster-tls/sf-silo-$i.key:/run/sunderfall/tls/cluster.key:ro")
    # Orleans advertises an IP address: the container's own.
    run_container "sf-silo-$i" "$(silo_ip "$i")" "${common[@]}" "${tls_of[@]}" -e SUNDERFALL_Storage__ApplyMigrations=false \
      -e "SUNDERFALL_Silo__AdvertisedAddress=$(silo_ip "$i")" -e SUNDERFALL_Silo__SiloPort=11111 \
      -e SUNDERFALL_Silo__GatewayPort=30000 "localhost/sunderfall-silo:$TAG"
  done
  for i in $(seq 1 "$SILOS"); do
    wait_healthy "sf-silo-$i" 120
  done
  mail_sink
  local mail=(-e "SUNDERFALL_Email__Host=$MAIL_IP" -e "SUNDERFALL_Email__Port=$MAIL_PORT" -e SUNDERFALL_Email__Security=StartTls
    -e SUNDERFALL_Email__From=no-reply@sunderfall.local -e SUNDERFALL_Email__Username=sunderfall
    -e "SUNDERFALL_Email__Password=$SMTP_PASSWORD" -e SUNDERFALL_Email__TrustedCertificatePath=/run/sunderfall/smtp.crt
    -v "$STATE/smtp.crt:/run/sunderfall/smtp.crt:ro" -e "SUNDERFALL_Mfa__SecretEncryptionKey=$MFA_KEY")
  for i in $(seq 1 "$FRONTENDS"); do
    log "starting frontend $i ($(frontend_ip "$i"))"
    # Plain HTTP behind HAProxy, whose X-Forwarded-For is believed (per-address limits see the client).
    tls_of=(-v "$STATE/cluster-tls/sf-frontend-$i.crt:/run/sunderfall/tls/cluster.crt:ro" -v "$STATE/cluster-tls/sf-frontend-$i.key:/run/sunderfall/tls/cluster.key:ro")
    run_container "sf-frontend-$i" "$(frontend_ip "$i")" "${common[@]}" "${tls_of[@]}" "${mail[@]}" -e SUNDERFALL_Frontend__AllowPlainHttp=true \
      -e "SUNDERFALL_TrustedProxies__Addresses__0=$LB_IP" "localhost/sunderfall-frontend:$TAG"
  done
  for i in $(seq 1 "$FRONTENDS"); do
    wait_healthy "sf-frontend-$i" 120
  done
  log "starting HAProxy ($LB_IP, published on 127.0.0.1:$LB_PORT)"
  run_container sf-lb "$LB_IP" -p "127.0.0.1:$LB_PORT:8080" -v "$STATE/haproxy.cfg:/etc/haproxy/haproxy.cfg:ro" \
    "localhost/sunderfall-haproxy:$TAG"
  wait_healthy sf-lb 30
  wait_until "the game through HAProxy" 30 curl -fs "http://127.0.0.1:$LB_PORT/health/ready" || { podman logs --tail 30 sf-lb; return 1; }

  # What the cluster tests read (no secrets: they sign up like players).
  cat >"$STATE/cluster.env" <<EOF
SF_CLUSTER_URL=http://127.0.0.1:$LB_PORT/
SF_CLUSTER_LB_STATS=http://$LB_IP:8404/stats
SF_CLUSTER_FRONTENDS=$(for i in $(seq 1 "$FRONTENDS"); do printf 'sf-frontend-%s=http://%s:8080/ ' "$i" "$(frontend_ip "$i")"; done)
SF_CLUSTER_SILOS=$(for i in $(seq 1 "$SILOS"); do printf 'sf-silo-%s=http://%s:8080/ ' "$i" "$(silo_ip "$i")"; done)
EOF
  log "cluster up:"
  echo "  game (through HAProxy)  http://127.0.0.1:$LB_PORT/   hub ws://127.0.0.1:$LB_PORT/hubs/game"
  echo "  HAProxy statistics      http://$LB_IP:8404/stats"
  for i in $(seq 1 "$FRONTENDS"); do echo "  frontend $i              http://$(frontend_ip "$i"):8080/"; done
  for i in $(seq 1 "$SILOS"); do echo "  silo $i                  http://$(silo_ip "$i"):8080/  (dashboard: admins only)"; done
  echo "  PostgreSQL $POSTGRES_IP:5432, Redis $REDIS_IP:6379; passwords and signing key in $STATE/secrets.env"
  echo "  cluster TLS: CA and per-process certificates in $STATE/cluster-tls"
}

down() {
  local ids
  ids=$(podman ps -aq --filter "label=$LABEL")
  if [[ -n $ids ]]; then
    log "stopping the cluster: HAProxy and frontends, then silos (graceful), then PostgreSQL and Redis"
    local group
    for group in 'sf-lb sf-frontend-' 'sf-silo-' 'sf-postgres sf-redis'; do
      # shellcheck disable=SC2086
      podman ps -q --filter "label=$LABEL" $(printf -- '--filter name=^%s ' $group) | xargs -r podman stop -t 20 >/dev/null 2>&1 || true
    done
    # shellcheck disable=SC2086
    podman rm -f $ids >/dev/null 2>&1
  fi
  if [[ -f $STATE/mail.pid ]]; then
    kill -- -"$(cat "$STATE/mail.pid")" 2>/dev/null || kill "$(cat "$STATE/mail.pid")" 2>/dev/null || true
  fi
  podman network exists "$NETWORK" && podman network rm "$NETWORK" >/dev/null
  rm -rf "$STATE"
  log "cluster down"
}

status() {
  podman ps -a --filter "label=$LABEL" --format '{{.Names}}\t{{.Status}}\t{{.Networks}}'
}

case ${1:-} in
  up) up ;;
  down) down ;;
  status) status ;;
  *) echo "usage: $0 up|down|status" >&2; exit 2 ;;
esac
