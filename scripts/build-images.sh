#!/usr/bin/env bash
# Builds Sunderfall's container images with podman, from nothing but the Debian mirror and this checkout:
#   localhost/sunderfall-base      Debian 12 minbase made by debootstrap (no registry is needed)
#   localhost/sunderfall-silo      silo + migrations, self-contained .NET publish output (docker/Dockerfile.silo)
#   localhost/sunderfall-frontend  frontend + browser client (docker/Dockerfile.frontend)
#   localhost/sunderfall-postgres  PostgreSQL 15 for the local cluster (docker/Dockerfile.postgres)
#   localhost/sunderfall-redis     Redis 7 for the local cluster (docker/Dockerfile.redis)
#   localhost/sunderfall-haproxy   HAProxy 2.6, the local cluster's load balancer (docker/Dockerfile.haproxy)
# Each image carries the hash of its inputs as the label sunderfall.inputs; an image whose inputs have not changed
# is kept, so a second run takes seconds. Prints every image's size at the end.
# Usage: scripts/build-images.sh [--force]
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib.sh

FORCE=0
[[ ${1:-} == --force ]] && FORCE=1
CACHE=$(pwd)/.data/images
TAG=${SUNDERFALL_IMAGE_TAG:-dev}
MIRROR=${SUNDERFALL_DEBIAN_MIRROR:-http://deb.debian.org/debian}
# What the base adds to minbase: CA certificates (TLS to PostgreSQL/Redis elsewhere), OpenSSL (.NET's crypto).
BASE_PACKAGES="ca-certificates libssl3"
APP_UID=1654   # the id Microsoft's .NET images give their user 'app'; the Dockerfiles run as it on either base
# runc and explicit ulimits: deploy/containers.conf says why. --format docker keeps the HEALTHCHECKs (OCI drops them).
export CONTAINERS_CONF=${CONTAINERS_CONF:-$(pwd)/deploy/containers.conf}
BUILD=(podman build --quiet --format docker --build-arg BASE=localhost/sunderfall-base:bookworm)
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

ensure_package podman podman
ensure_package runc runc
ensure_package buildah buildah
ensure_package debootstrap debootstrap
mkdir -p "$CACHE"

# label_of <image>: the sunderfall.inputs label of an image, or nothing when there is no such image.
label_of() { podman image inspect --format '{{ index .Labels "sunderfall.inputs" }}' "$1" 2>/dev/null || true; }

# hash_files <path>...: one hash over the names and contents of every file under the paths (build output excluded).
hash_files() {
  find "$@" -type f ! -path '*/bin/*' ! -path '*/obj/*' ! -path '*/node_modules/*' -print0 \
    | sort -z | xargs -0 sha256sum | sha256sum | cut -c1-32
}

# up_to_date <image> <hash>: true when the image exists with that input hash (and --force was not given).
up_to_date() {
  [[ $FORCE == 0 && $(label_of "$1") == "$2" ]]
}

build_base() {
  local image=localhost/sunderfall-base:bookworm
  local hash
  hash=$(printf '%s|%s|%s|%s' "$BASE_PACKAGES" "$APP_UID" "$MIRROR" "$(sed -n '/^build_base()/,/^}/p' "$0")" | sha256sum | cut -c1-32)
  BASE_HASH=$hash
  if up_to_date "$image" "$hash"; then log "base image up to date ($image)"; return; fi
  local rootfs="$CACHE/rootfs"
  log "making the Debian 12 base with debootstrap (about 30 s)"
  rm -rf "$rootfs"; mkdir -p "$rootfs"
  debootstrap --variant=minbase bookworm "$rootfs" "$MIRROR" >"$CACHE/debootstrap.log" 2>&1 \
    || { log "debootstrap failed; see $CACHE/debootstrap.log"; return 1; }
  chroot "$rootfs" /bin/sh -c "apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $BASE_PACKAGES >/dev/null"
  chroot "$rootfs" /bin/sh -c "groupadd --gid $APP_UID app && useradd --uid $APP_UID --gid $APP_UID --no-create-home --home-dir /app --shell /usr/sbin/nologin app"
  # Package lists, caches, docs and logs only make the image larger.
  chroot "$rootfs" /bin/sh -c "apt-get clean"
  rm -rf "$rootfs"/var/lib/apt/lists/* "$rootfs"/var/cache/* "$rootfs"/usr/share/doc/* "$rootfs"/usr/share/man/* \
    "$rootfs"/usr/share/info/* "$rootfs"/var/log/*.log "$rootfs"/var/log/apt/* "$rootfs"/tmp/*
  tar -C "$rootfs" --numeric-owner -cf "$CACHE/rootfs.tar" .
  podman import --quiet \
    --change "LABEL sunderfall.inputs=$hash" \
    --change "ENV APP_UID=$APP_UID" \
    --change 'ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' \
    --change 'CMD ["/bin/bash"]' \
    "$CACHE/rootfs.tar" "$image" >/dev/null
  rm -rf "$rootfs" "$CACHE/rootfs.tar"
  log "built $image"
}

# build_dotnet <name> <project> <dockerfile> <paths whose files are inputs>...
build_dotnet() {
  local name=$1 project=$2 dockerfile=$3; shift 3
  local image=localhost/sunderfall-$name:$TAG
  local hash
  hash=$( { hash_files "$@" "$dockerfile" docker/health-probe.sh deploy/containers.conf Directory.Build.props Directory.Packages.props .editorconfig; echo "$BASE_HASH"; } | sha256sum | cut -c1-32)
  if up_to_date "$image" "$hash"; then log "$name image up to date ($image)"; return; fi
  local out="$CACHE/publish/$name"
  rm -rf "$out"
  log "publishing $project for linux-x64, self-contained"
  # A separate artifacts folder: the RID-specific restore must not disturb the solution's own bin/ and obj/.
  dotnet publish "$project" -c Release -r linux-x64 --self-contained -p:UseAppHost=true \
    --artifacts-path "$CACHE/artifacts" -o "$out" -nologo -clp:ErrorsOnly >/dev/null
  if [[ $name == silo ]]; then
    # The migrations command beside the silo, on the same runtime: the cluster runs it once, as the schema owner.
    dotnet publish Sunderfall.Migrations/Sunderfall.Migrations.csproj -c Release -r linux-x64 --self-contained \
      -p:UseAppHost=true --artifacts-path "$CACHE/artifacts" -o "$out" -nologo -clp:ErrorsOnly >/dev/null
  fi
  cp docker/health-probe.sh "$out/"
  log "building $image from $dockerfile (target prebuilt)"
  # The publish output is the build context: no .NET SDK image can be pulled here (docs/deployment.md, "Images").
  "${BUILD[@]}" --target prebuilt --label "sunderfall.inputs=$hash" -f "$dockerfile" -t "$image" "$out" >/dev/null
  log "built $image"
}

# build_service <name> <dockerfile>: PostgreSQL or Redis from Debian's packages on the base.
build_service() {
  local name=$1 dockerfile=$2
  local image=localhost/sunderfall-$name:$TAG
  local hash
  hash=$( { hash_files "$dockerfile" docker/$name; echo "$BASE_HASH"; } | sha256sum | cut -c1-32)
  if up_to_date "$image" "$hash"; then log "$name image up to date ($image)"; return; fi
  log "building $image from $dockerfile"
  "${BUILD[@]}" --label "sunderfall.inputs=$hash" -f "$dockerfile" -t "$image" "docker/$name" >/dev/null
  log "built $image"
}

build_base
build_dotnet silo Sunderfall.Silo/Sunderfall.Silo.csproj docker/Dockerfile.silo \
  Sunderfall.Silo Sunderfall.Grains Sunderfall.Grains.Interfaces Sunderfall.Content Sunderfall.Migrations \
  Sunderfall.ServiceDefaults Sunderfall.Accounts Sunderfall.Stores Sunderfall.Protocol content
build_dotnet frontend Sunderfall.Frontend/Sunderfall.Frontend.csproj docker/Dockerfile.frontend \
  Sunderfall.Frontend Sunderfall.Grains.Interfaces Sunderfall.Content Sunderfall.ServiceDefaults \
  Sunderfall.Accounts Sunderfall.Stores Sunderfall.Protocol content
build_service postgres docker/Dockerfile.postgres
build_service redis docker/Dockerfile.redis
build_service haproxy docker/Dockerfile.haproxy
# Images replaced by a rebuild are left untagged; they only take space.
podman image prune --force >/dev/null

log "image sizes:"
for name in base:bookworm silo:$TAG frontend:$TAG postgres:$TAG redis:$TAG haproxy:$TAG; do
  printf '  %-40s %s\n' "localhost/sunderfall-$name" "$(podman image inspect --format '{{.Size}}' "localhost/sunderfall-$name" | numfmt --to=iec --suffix=B)"
done
