#!/usr/bin/env bash
# Renders each kustomization with `kubectl kustomize` and validates every object against the Kubernetes API schemas
# (deploy/kubernetes/validate: kubernetes-models' validators plus a check for fields the API does not have). Installs
# the validator's npm packages with `npm ci` only when node_modules is missing or package-lock.json changed.
# Prints the validator's problems and "N objects, N errors" per directory; exits 1 if any directory has an error.
# Usage: scripts/validate-kubernetes.sh [KUSTOMIZATION_DIR ...]   (default: the base and the production overlay)
set -euo pipefail
source "$(dirname "$0")/lib.sh"
VALIDATOR="$REPO_ROOT/deploy/kubernetes/validate"

command -v node >/dev/null || { log "node is missing: install Node.js 20+ and npm (the manifest validator runs on them)"; exit 1; }
command -v kubectl >/dev/null || { log "kubectl is missing: install kubectl 1.27+ (its built-in kustomize renders the manifests)"; exit 1; }

(
  flock 9   # two callers at once must not both run npm ci into the same folder
  cd "$VALIDATOR"
  lock_hash=$(sha256sum package-lock.json | cut -c1-64)
  if [[ ! -d node_modules || "$(cat node_modules/.sunderfall-lock-hash 2>/dev/null)" != "$lock_hash" ]]; then
    log "installing the manifest validator's npm packages (npm ci)" >&2
    npm ci --no-audit --no-fund --loglevel=error >&2
    echo "$lock_hash" >node_modules/.sunderfall-lock-hash
  fi
) 9>"$VALIDATOR/.npm-install.lock"

(($#)) || set -- "$REPO_ROOT/deploy/kubernetes/base" "$REPO_ROOT/deploy/kubernetes/overlays/production"
status=0
for dir in "$@"; do
  echo "== $dir"
  rendered=$(kubectl kustomize "$dir") || { echo "kubectl kustomize $dir failed"; status=1; continue; }
  node "$VALIDATOR/validate.mjs" <<<"$rendered" || status=1
done
exit "$status"
