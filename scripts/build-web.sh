#!/usr/bin/env bash
# Builds the browser client (Sunderfall.Web, TypeScript + Vite) into Sunderfall.Frontend/wwwroot, which the frontend
# serves. Installs the npm packages with `npm ci` only when node_modules is missing or package-lock.json changed.
# Usage: scripts/build-web.sh
set -euo pipefail
source "$(dirname "$0")/lib.sh"
WEB="$REPO_ROOT/Sunderfall.Web"
cd "$WEB"

command -v npm >/dev/null || { log "npm is missing: install Node.js 20+ and npm (the browser client is built with them)"; exit 1; }
lock_hash=$(sha256sum package-lock.json | cut -c1-64)
if [[ ! -d node_modules || "$(cat node_modules/.sunderfall-lock-hash 2>/dev/null)" != "$lock_hash" ]]; then
  log "installing the browser client's npm packages (npm ci)"
  npm ci --no-audit --no-fund --loglevel=error
  echo "$lock_hash" >node_modules/.sunderfall-lock-hash
fi

log "building the browser client into Sunderfall.Frontend/wwwroot"
npm run --silent build -- --logLevel warn
