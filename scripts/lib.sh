# Shared by run.sh, test.sh and bench.sh: install and start the private PostgreSQL and Redis, idempotently.
# Source it; it defines functions only.

PG_BIN=${PG_BIN:-/usr/lib/postgresql/15/bin}
REPO_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)

log() { printf '[%s] %s\n' "$(basename "$0")" "$*"; }

# apt-get install the named Debian packages if the given command is missing.
ensure_package() {
  local command=$1; shift
  if command -v "$command" >/dev/null 2>&1; then return 0; fi
  log "installing $* (apt-get)"
  if [[ ! -f /var/lib/apt/lists/.sunderfall-updated ]] || ! apt-cache show "$1" >/dev/null 2>&1; then
    apt-get update -qq && touch /var/lib/apt/lists/.sunderfall-updated
  fi
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
}

# A folder the postgres OS user can reach: .data/<name> in the checkout, or /var/tmp when the checkout is private
# (e.g. under /root).
data_dir() {
  local name=$1
  local dir="$REPO_ROOT/.data/$name"
  mkdir -p "$dir"
  if ! runuser -u postgres -- test -x "$dir" 2>/dev/null; then
    dir="/var/tmp/sunderfall-$(printf '%s' "$REPO_ROOT" | md5sum | cut -c1-8)/$name"
    mkdir -p "$dir"
    chmod 755 "$(dirname "$dir")" "$dir"
  fi
  printf '%s' "$dir"
}

# start_postgres <data dir> <port> <database>: initdb on first use, start if not running, create role and database.
# Sets PG_STARTED=1 when this call started the server.
start_postgres() {
  local dir=$1 port=$2 database=$3
  local pgdata="$dir/pg"
  PG_STARTED=0
  if [[ ! -x "$PG_BIN/initdb" ]]; then
    log "PostgreSQL 15 server binaries not found in $PG_BIN"; return 1
  fi
  if [[ ! -s "$pgdata/PG_VERSION" ]]; then
    mkdir -p "$pgdata"; chown postgres:postgres "$dir" "$pgdata"; chmod 700 "$pgdata"
    runuser -u postgres -- "$PG_BIN/initdb" -D "$pgdata" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1
  fi
  if ! runuser -u postgres -- "$PG_BIN/pg_ctl" -D "$pgdata" status >/dev/null 2>&1; then
    log "starting PostgreSQL on 127.0.0.1:$port (data $pgdata)"
    runuser -u postgres -- "$PG_BIN/pg_ctl" -D "$pgdata" -l "$dir/postgres.log" -w -t 60 \
      -o "-p $port -k /tmp -c listen_addresses=127.0.0.1 -c max_connections=200 -c fsync=${PG_FSYNC:-on} -c log_min_duration_statement=${PG_LOG_SLOW_MS:--1} -c log_autovacuum_min_duration=${PG_LOG_AUTOVACUUM_MS:--1}" start >/dev/null
    PG_STARTED=1
  fi
  local psql=(psql -h 127.0.0.1 -p "$port" -U postgres -v ON_ERROR_STOP=1 -qtA)
  # Two roles: sunderfall owns the schema and runs migrations; sunderfall_app is what silos and frontends use, with
  # only the grants the migrations give it (it cannot rewrite the audit log).
  local role
  for role in sunderfall sunderfall_app; do
    if [[ -z $("${psql[@]}" -c "SELECT 1 FROM pg_roles WHERE rolname = '$role'") ]]; then
      "${psql[@]}" -c "CREATE ROLE $role LOGIN"
    fi
  done
  if [[ -z $("${psql[@]}" -c "SELECT 1 FROM pg_database WHERE datname = '$database'") ]]; then
    "${psql[@]}" -c "CREATE DATABASE \"$database\" OWNER sunderfall"
  fi
}

stop_postgres() {
  local pgdata="$1/pg"
  runuser -u postgres -- "$PG_BIN/pg_ctl" -D "$pgdata" -m fast -w stop >/dev/null 2>&1 || true
}

# start_redis <data dir> <port> [password]: install with apt-get if absent; start unless one already answers on the
# port. With a password Redis requires AUTH (requirepass); redis-cli gets it through REDISCLI_AUTH, never argv.
# Sets REDIS_STARTED=1 when this call started the server.
start_redis() {
  local dir=$1 port=$2 password=${3:-}
  REDIS_STARTED=0
  ensure_package redis-server redis-server
  if REDISCLI_AUTH=$password redis-cli -h 127.0.0.1 -p "$port" ping 2>/dev/null | grep -q PONG; then return 0; fi
  mkdir -p "$dir/redis"
  log "starting Redis on 127.0.0.1:$port (data $dir/redis${password:+, password required})"
  # The password goes in through a configuration file read from standard input, so it is not on the command line.
  { [[ -z $password ]] || printf 'requirepass "%s"\n' "$password"; } | redis-server - --port "$port" --bind 127.0.0.1 --daemonize yes \
    --dir "$dir/redis" --pidfile "$dir/redis/redis.pid" --logfile "$dir/redis/redis.log" --save "" --appendonly no >"$dir/redis/start.log" 2>&1
  for _ in $(seq 1 50); do
    REDISCLI_AUTH=$password redis-cli -h 127.0.0.1 -p "$port" ping 2>/dev/null | grep -q PONG && { REDIS_STARTED=1; return 0; }
    sleep 0.1
  done
  log "Redis did not answer on port $port; see $dir/redis/redis.log and $dir/redis/start.log"; return 1
}

# redis_password <data dir>: the password of that data dir's Redis, made on first use and kept beside the data (hex,
# so it is safe in a StackExchange.Redis configuration string and a connection URL).
redis_password() {
  local file="$1/redis-password"
  [[ -s $file ]] || (umask 077 && head -c 24 /dev/urandom | od -An -tx1 | tr -d ' \n' >"$file")
  cat "$file"
}

# stop_redis <port> [password]
stop_redis() {
  local port=$1 password=${2:-}
  REDISCLI_AUTH=$password redis-cli -h 127.0.0.1 -p "$port" shutdown nosave >/dev/null 2>&1 || true
}

# wait_http <url> <seconds> [pid]: wait for a 200; give up early if the process died.
wait_http() {
  local url=$1 seconds=$2 pid=${3:-}
  for _ in $(seq 1 $((seconds * 5))); do
    curl -fs -o /dev/null "$url" && return 0
    if [[ -n $pid ]] && ! kill -0 "$pid" 2>/dev/null; then return 1; fi
    sleep 0.2
  done
  return 1
}
