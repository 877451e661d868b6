#!/usr/bin/env bash
# Continuous backups of one PostgreSQL instance with pgBackRest: WAL archiving plus full and differential backups into
# an encrypted, compressed repository, and restores to the latest state or to a point in time. docs/operations.md
# ("Backups and restore") is the runbook.
#   scripts/backup.sh setup                          write the configuration, create the stanza (idempotent)
#   scripts/backup.sh now [full|diff|incr]           back up now (default diff; the first backup is always full)
#   scripts/backup.sh list [--json]                  the backups, the archived WAL and the point-in-time window
#   scripts/backup.sh restore --to 'TIMESTAMP'|--latest --into DIR [--port P]
#                                                    restore into a new data folder; with --port, start it there and
#                                                    wait until it has replayed to the target and been promoted
#   scripts/backup.sh restore --to 'TIMESTAMP'|--latest --in-place
#                                                    restore over the instance's own data folder (it must be stopped)
#   scripts/backup.sh check                          the archive works: switches WAL and waits for it in the repository
#   scripts/backup.sh verify                         reads the whole repository and checks every file's checksum
#   scripts/backup.sh schedule                       loop: full every SUNDERFALL_BACKUP_FULL_EVERY seconds (86400),
#                                                    diff every SUNDERFALL_BACKUP_DIFF_EVERY (3600); run.sh starts it
# The instance (default: run.sh's): SUNDERFALL_BACKUP_STANZA (sunderfall-dev), SUNDERFALL_BACKUP_PGDATA
# (.data/dev/pg), SUNDERFALL_BACKUP_PG_PORT (SUNDERFALL_PG_PORT or 55432). The repository, its key and retention:
# see pgbackrest_configure in scripts/lib.sh. The instance must run with WAL archiving (start_postgres with
# PG_ARCHIVE_STANZA set to the stanza, as run.sh does).
set -euo pipefail
source "$(dirname "$0")/lib.sh"

usage() { sed -n '5,20p' "$0" | sed 's/^# \{0,1\}//' >&2; exit 2; }
what=${1:-}
shift || true
[[ $what =~ ^(setup|now|list|check|verify|restore|schedule)$ ]] || usage

STANZA=${SUNDERFALL_BACKUP_STANZA:-sunderfall-dev}
PGDATA_DIR=${SUNDERFALL_BACKUP_PGDATA:-$(data_dir dev)/pg}
PORT=${SUNDERFALL_BACKUP_PG_PORT:-${SUNDERFALL_PG_PORT:-55432}}

pgbackrest_configure "$STANZA" "$PGDATA_DIR" "$PORT"
ensure_package jq jq
pgbr() { pgbackrest_as_postgres --stanza="$STANZA" "$@"; }
elapsed() { awk -v a="$1" -v b="$EPOCHREALTIME" 'BEGIN { printf "%.1f", b - a }'; }

info_json() { pgbr info --output=json; }

# The last backup of the stanza as "label type start stop repository-bytes database-bytes", nothing if none.
last_backup() {
  info_json | jq -r '.[0].backup[-1] // empty | "\(.label) \(.type) \(.timestamp.start) \(.timestamp.stop) \(.info.repository.delta) \(.info.size)"'
}

cmd_setup() {
  pgbr stanza-create
  log "stanza $STANZA ready: repository $(grep '^repo1-path=' "$PGBACKREST_CONF" | cut -d= -f2), configuration $PGBACKREST_CONF"
}

cmd_now() {
  local type=${1:-diff}
  [[ $type =~ ^(full|diff|incr)$ ]] || { log "backup type '$type': use full, diff or incr"; exit 2; }
  local started=$EPOCHREALTIME
  pgbr backup --type="$type"
  local seconds; seconds=$(elapsed "$started")
  read -r label kind _ _ repo_bytes db_bytes < <(last_backup)
  log "backup $label ($kind) done in ${seconds}s: database ${db_bytes} bytes, ${repo_bytes} bytes added to the repository"
}

cmd_list() {
  if [[ ${1:-} == --json ]]; then info_json; return; fi
  pgbr info
  # A restore can aim at any time from the end of the oldest backup to the newest archived WAL.
  info_json | jq -r '.[0] | if (.backup | length) == 0 then "no backup yet: scripts/backup.sh now full" else
    "point-in-time window: from \(.backup[0].timestamp.stop | todate) to the newest archived WAL (\(.archive[-1].max // "none")); times are UTC" end'
}

cmd_check() {
  pgbr check
  log "archiving of stanza $STANZA works (a WAL segment was switched and reached the repository)"
}

cmd_verify() {
  pgbr verify
  log "repository of stanza $STANZA verified"
}

# start_restored <pgdata> <port>: starts a restored data folder on its own port (no archiving: it must never push into
# the repository it came from) and waits until recovery reached its target and the server was promoted.
start_restored() {
  local pgdata=$1 port=$2 timeout=${SUNDERFALL_RESTORE_TIMEOUT:-900}
  runuser -u postgres -- "$PG_BIN/pg_ctl" -D "$pgdata" -l "$pgdata/restore.log" -w -t "$timeout" \
    -o "-p $port -k /tmp -c listen_addresses=127.0.0.1 -c max_connections=200 -c fsync=${PG_FSYNC:-on} -c archive_mode=off -c track_commit_timestamp=on" \
    start >/dev/null || { log "the restored server did not start:"; tail -5 "$pgdata/restore.log" >&2; return 1; }
  local deadline=$((SECONDS + timeout))
  until [[ $(psql -h 127.0.0.1 -p "$port" -U postgres -qtA -c "SELECT pg_is_in_recovery()" 2>/dev/null) == f ]]; do
    if ((SECONDS > deadline)) || ! runuser -u postgres -- "$PG_BIN/pg_ctl" -D "$pgdata" status >/dev/null 2>&1; then
      log "the restored server did not finish recovery:"; tail -5 "$pgdata/restore.log" >&2; return 1
    fi
    sleep 0.2
  done
  grep -h 'recovery stopping\|last completed transaction\|archive recovery complete' "$pgdata/restore.log" | sed 's/^/  /' >&2 || true
}

cmd_restore() {
  local to='' latest=0 into='' in_place=0 port=''
  while (($#)); do
    case "$1" in
      --to | --into | --port) [[ $# -ge 2 ]] || { log "restore: $1 needs a value"; exit 2; } ;;&
      --to) to=$2; shift 2 ;;
      --latest) latest=1; shift ;;
      --into) into=$2; shift 2 ;;
      --in-place) in_place=1; shift ;;
      --port) port=$2; shift 2 ;;
      *) usage ;;
    esac
  done
  if [[ -n $to && $latest == 1 ]] || [[ -z $to && $latest == 0 ]]; then log "restore: give either --to 'TIMESTAMP' or --latest"; exit 2; fi
  if [[ -n $into && $in_place == 1 ]] || [[ -z $into && $in_place == 0 ]]; then log "restore: give either --into DIR or --in-place"; exit 2; fi
  if [[ -n $to ]] && ! date -d "$to" >/dev/null 2>&1; then
    log "restore: '$to' is not a time; write it as 'YYYY-MM-DD HH:MM:SS[.ffffff]+00' (UTC)"; exit 2
  fi
  if [[ -n $port && $in_place == 1 ]]; then log "restore: --port goes with --into (an instance restored in place starts as usual, on its own port)"; exit 2; fi
  if [[ -n $port && ! $port =~ ^[0-9]{2,5}$ ]]; then log "restore: --port takes a TCP port number; it was '$port'"; exit 2; fi
  local target=() options=(--delta)
  if [[ -n $to ]]; then
    # Replays every transaction that committed at or before the time, then stops and promotes.
    target=(--type=time "--target=$to" --target-action=promote)
  else
    target=(--type=default)
  fi
  local pgdata
  if [[ $in_place == 1 ]]; then
    pgdata=$PGDATA_DIR
    if runuser -u postgres -- "$PG_BIN/pg_ctl" -D "$pgdata" status >/dev/null 2>&1; then
      log "restore --in-place: PostgreSQL is running on $pgdata; stop it first (stop run.sh)"; exit 1
    fi
    # A lost disk: the folder comes back empty.
    if [[ ! -d $pgdata ]]; then mkdir -p "$pgdata"; chown postgres:postgres "$pgdata" "$(dirname "$pgdata")"; chmod 700 "$pgdata"; fi
    # --delta rewrites only the files that differ, in a folder that still holds a cluster.
    if [[ ! -s $pgdata/PG_VERSION ]]; then options=(); fi
  else
    mkdir -p "$into"
    pgdata=$(cd "$into" && pwd)
    if [[ $pgdata == "$(cd "$PGDATA_DIR" 2>/dev/null && pwd)" ]]; then log "restore: --into is the live data folder; use --in-place for that"; exit 2; fi
    if [[ -n $(ls -A "$pgdata") ]]; then log "restore: $pgdata is not empty; give a new or empty folder"; exit 2; fi
    chown postgres:postgres "$pgdata"; chmod 700 "$pgdata"
    runuser -u postgres -- test -w "$pgdata" || { log "restore: the postgres user cannot reach $pgdata (a folder under /root?)"; exit 2; }
    # A copy must never archive into the repository of the instance it came from.
    options=(--archive-mode=off)
  fi
  local started=$EPOCHREALTIME
  pgbr --pg1-path="$pgdata" "${options[@]}" "${target[@]}" restore
  log "restored the files of stanza $STANZA into $pgdata ($(elapsed "$started")s)"
  if [[ -n $port ]]; then
    start_restored "$pgdata" "$port"
    log "restored instance running on 127.0.0.1:$port (data $pgdata), recovered and promoted in $(elapsed "$started")s; stop it with: runuser -u postgres -- $PG_BIN/pg_ctl -D $pgdata stop"
  elif [[ $in_place == 1 ]]; then
    log "start the instance as usual (./run.sh): it replays the archived WAL to the target, then opens; take a full backup afterwards (scripts/backup.sh now full)"
  else
    log "start it with: runuser -u postgres -- $PG_BIN/pg_ctl -D $pgdata -l $pgdata/restore.log -o '-p PORT -k /tmp -c max_connections=200' start"
  fi
}

cmd_schedule() {
  local full_every=${SUNDERFALL_BACKUP_FULL_EVERY:-86400} diff_every=${SUNDERFALL_BACKUP_DIFF_EVERY:-3600} backup_pid='' sleep_pid=''
  [[ $full_every =~ ^[0-9]+$ && $diff_every =~ ^[0-9]+$ && $full_every -ge 60 && $diff_every -ge 60 ]] \
    || { log "schedule: SUNDERFALL_BACKUP_FULL_EVERY and SUNDERFALL_BACKUP_DIFF_EVERY are seconds, at least 60"; exit 2; }
  # A running backup is its own process group (setsid), so a stop reaches pgBackRest itself, not only the script
  # around it. Stopping mid-backup is safe: pgBackRest resumes or discards an unfinished backup on the next run.
  trap 'if [[ -n $backup_pid ]]; then kill -TERM -- "-$backup_pid" 2>/dev/null; fi; if [[ -n $sleep_pid ]]; then kill "$sleep_pid" 2>/dev/null; fi; wait; exit 0' TERM INT
  log "backup schedule of stanza $STANZA: full every ${full_every}s, differential every ${diff_every}s"
  while true; do
    local json now last_full last_any type=''
    now=$(date +%s)
    if json=$(info_json 2>/dev/null); then
      last_full=$(jq -r '[.[0].backup[] | select(.type == "full") | .timestamp.stop] | max // 0' <<<"$json")
      last_any=$(jq -r '[.[0].backup[].timestamp.stop] | max // 0' <<<"$json")
      if ((now - last_full >= full_every)); then type=full; elif ((now - last_any >= diff_every)); then type=diff; fi
    else
      log "schedule: cannot read the repository of stanza $STANZA; trying again in a minute"
    fi
    if [[ -n $type ]]; then
      setsid "$0" now "$type" &
      backup_pid=$!
      wait "$backup_pid" || log "schedule: the $type backup failed (see $(dirname "$PGBACKREST_CONF")/log); trying again in a minute"
      backup_pid=''
    fi
    sleep 60 &
    sleep_pid=$!
    wait "$sleep_pid" || true
    sleep_pid=''
  done
}

case "$what" in
  setup) cmd_setup ;;
  now) cmd_now "$@" ;;
  list) cmd_list "$@" ;;
  check) cmd_check ;;
  verify) cmd_verify ;;
  restore) cmd_restore "$@" ;;
  schedule) cmd_schedule ;;
esac
