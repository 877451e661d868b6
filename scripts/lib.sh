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
# Opt-in WAL archiving: with PG_ARCHIVE_STANZA=<stanza> set, the server archives every WAL segment to that pgBackRest
# stanza (config from pgbackrest_configure; the stanza itself is created by scripts/backup.sh setup) and records
# commit timestamps (point-in-time restores are aimed at a commit's time). PG_ARCHIVE_TIMEOUT (default 60 s) bounds
# how old the newest archived change can be. Without it the server starts exactly as before.
start_postgres() {
  local dir=$1 port=$2 database=$3
  local pgdata="$dir/pg"
  PG_STARTED=0
  local archiving=''
  if [[ -n ${PG_ARCHIVE_STANZA:-} ]]; then
    pgbackrest_configure "$PG_ARCHIVE_STANZA" "$pgdata" "$port" || return 1
    archiving=" -c archive_mode=on -c archive_command='pgbackrest --config=$PGBACKREST_CONF --stanza=$PG_ARCHIVE_STANZA archive-push %p'"
    archiving+=" -c archive_timeout=${PG_ARCHIVE_TIMEOUT:-60} -c track_commit_timestamp=on"
  fi
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
      -o "-p $port -k /tmp -c listen_addresses=127.0.0.1 -c max_connections=200 -c fsync=${PG_FSYNC:-on} -c log_min_duration_statement=${PG_LOG_SLOW_MS:--1} -c log_autovacuum_min_duration=${PG_LOG_AUTOVACUUM_MS:--1}$archiving" start >/dev/null
    PG_STARTED=1
  elif [[ -n $archiving ]] && [[ $(psql -h 127.0.0.1 -p "$port" -U postgres -qtA -c "SHOW archive_mode") != on ]]; then
    log "PostgreSQL on port $port is already running without WAL archiving: stop it and start again to back it up"
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

# pgbackrest_configure <stanza> <pgdata> <port>: installs pgBackRest and writes the configuration of one backed-up
# instance, <backup home>/<stanza>/pgbackrest.conf (mode 600, owned by postgres, rewritten each call), pointing at its
# repository (SUNDERFALL_BACKUP_REPO, default <backup home>/<stanza>/repo: a local folder standing for the object
# store). The repository is encrypted (aes-256-cbc) with the passphrase in SUNDERFALL_BACKUP_KEY_FILE (default
# <backup home>/<stanza>/repo.key), generated once with mode 600 when neither it nor a repository exists; it never has
# a default. <backup home> is SUNDERFALL_BACKUP_HOME, default .data/backups. Retention: SUNDERFALL_BACKUP_RETENTION_FULL
# full backups (default 2) and SUNDERFALL_BACKUP_RETENTION_DIFF differential ones (default 24). Sets PGBACKREST_CONF.
pgbackrest_configure() {
  local stanza=$1 pgdata=$2 port=$3
  if [[ ! $stanza =~ ^[A-Za-z0-9_-]{1,64}$ ]]; then
    log "backup stanza '$stanza': use 1-64 characters of A-Z, a-z, 0-9, '_' or '-'"; return 1
  fi
  ensure_package pgbackrest pgbackrest
  local home="${SUNDERFALL_BACKUP_HOME:-$(data_dir backups)}/$stanza"
  local repo=${SUNDERFALL_BACKUP_REPO:-$home/repo}
  local key=${SUNDERFALL_BACKUP_KEY_FILE:-$home/repo.key}
  local path
  for path in "$home" "$repo" "$pgdata"; do
    # These paths end up in archive_command, which the server runs through a shell.
    if [[ ! $path =~ ^/[A-Za-z0-9_./-]+$ ]]; then log "backup path '$path': use an absolute path of A-Z, a-z, 0-9, '_', '.', '/' or '-'"; return 1; fi
  done
  mkdir -p "$home/log" "$home/spool" "$home/lock" "$repo"
  chown postgres:postgres "$home" "$home/log" "$home/spool" "$home/lock" "$repo"
  chmod 700 "$home" "$repo"
  if [[ ! -s $key ]]; then
    if [[ -n $(ls -A "$repo") ]]; then
      log "the repository $repo holds backups but its key $key is missing: put the key back (from where you keep a copy) or point SUNDERFALL_BACKUP_KEY_FILE at it"
      return 1
    fi
    (umask 077 && head -c 48 /dev/urandom | base64 -w0 >"$key")
    log "generated the backup repository key $key (mode 600): keep a copy outside this machine, without it the backups cannot be read"
  fi
  if [[ ! $(stat -c %a "$key") =~ ^[46]00$ ]]; then log "the backup key $key must be readable by its owner only, mode 600 or 400 (it has $(stat -c %a "$key"))"; return 1; fi
  # The best compression this pgBackRest build has.
  local compress=gz
  if ldd "$(command -v pgbackrest)" | grep -q libzstd; then compress=zst; elif ldd "$(command -v pgbackrest)" | grep -q liblz4; then compress=lz4; fi
  PGBACKREST_CONF="$home/pgbackrest.conf"
  local tmp="$PGBACKREST_CONF.tmp"
  (umask 077 && cat >"$tmp" <<CONF
# Generated by scripts/lib.sh (pgbackrest_configure) on every start: edit the script, not this file.
[global]
repo1-path=$repo
repo1-cipher-type=aes-256-cbc
repo1-cipher-pass=$(cat "$key")
repo1-retention-full-type=count
repo1-retention-full=${SUNDERFALL_BACKUP_RETENTION_FULL:-2}
repo1-retention-diff=${SUNDERFALL_BACKUP_RETENTION_DIFF:-24}
compress-type=$compress
compress-level=3
process-max=${SUNDERFALL_BACKUP_PROCESSES:-2}
start-fast=y
archive-async=y
archive-timeout=120
spool-path=$home/spool
lock-path=$home/lock
log-path=$home/log
log-level-console=warn
log-level-file=info

[$stanza]
pg1-path=$pgdata
pg1-port=$port
pg1-socket-path=/tmp
pg1-user=postgres
CONF
  )
  chown postgres:postgres "$tmp"
  mv -f "$tmp" "$PGBACKREST_CONF"
}

# pgbackrest_as_postgres <args...>: runs pgBackRest as the postgres OS user with PGBACKREST_CONF.
pgbackrest_as_postgres() {
  (cd / && runuser -u postgres -- pgbackrest --config="$PGBACKREST_CONF" "$@")
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
