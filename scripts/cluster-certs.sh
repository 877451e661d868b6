#!/usr/bin/env bash
# Makes the cluster's private CA and one certificate per process for mutual TLS on Orleans connections (silo to silo,
# frontend to gateway; docs/operations.md, "Cluster TLS"). Idempotent: the CA is made once and kept; a process's
# certificate is made again only when it is missing, expires within 30 days, or was not issued by the CA in DIR.
#   scripts/cluster-certs.sh DIR NAME...     e.g. scripts/cluster-certs.sh .data/dev/cluster-tls silo1 silo2 frontend
# Writes DIR/ca.crt (what every process trusts: ClusterTls:CaPath), DIR/ca.key (keep it off the hosts; it can issue
# cluster members), and DIR/NAME.crt + DIR/NAME.key (ClusterTls:CertificatePath, ClusterTls:KeyPath). ECDSA P-256; the
# certificates allow both server and client authentication, as a silo both accepts and opens connections.
# Settings: CLUSTER_CERT_DAYS (validity of a process certificate, default 365), CLUSTER_CA_DAYS (3650),
# CLUSTER_CERT_OWNER (uid[:gid] given the process keys, e.g. 1654 for the images' user when they are mounted into
# containers; the keys stay mode 600 and ca.key stays root's).
set -euo pipefail

if (($# < 2)); then
  echo "usage: $0 DIR NAME..." >&2
  exit 2
fi
dir=$1; shift
days=${CLUSTER_CERT_DAYS:-365}
ca_days=${CLUSTER_CA_DAYS:-3650}
mkdir -p "$dir"

if [[ ! -s "$dir/ca.key" || ! -s "$dir/ca.crt" ]]; then
  (umask 077 && openssl ecparam -name prime256v1 -genkey -noout -out "$dir/ca.key")
  openssl req -x509 -new -key "$dir/ca.key" -sha256 -days "$ca_days" -subj "/CN=Sunderfall cluster CA/O=Sunderfall" \
    -addext "basicConstraints=critical,CA:TRUE,pathlen:0" -addext "keyUsage=critical,keyCertSign,cRLSign" \
    -out "$dir/ca.crt" 2>/dev/null
  echo "cluster-certs: made a new cluster CA in $dir/ca.crt"
fi

for name in "$@"; do
  if [[ ! $name =~ ^[A-Za-z0-9._-]+$ ]]; then
    echo "cluster-certs: '$name' is not a name of letters, digits, '.', '_' or '-'" >&2
    exit 2
  fi
  crt="$dir/$name.crt" key="$dir/$name.key"
  if [[ -s $crt && -s $key ]] && openssl x509 -in "$crt" -noout -checkend $((30 * 86400)) >/dev/null 2>&1 \
    && openssl verify -CAfile "$dir/ca.crt" "$crt" >/dev/null 2>&1; then
    continue
  fi
  (umask 077 && openssl ecparam -name prime256v1 -genkey -noout -out "$key")
  openssl req -new -key "$key" -subj "/CN=$name/O=Sunderfall cluster" -out "$dir/$name.csr" 2>/dev/null
  openssl x509 -req -in "$dir/$name.csr" -CA "$dir/ca.crt" -CAkey "$dir/ca.key" -CAcreateserial -sha256 -days "$days" \
    -extfile <(printf '%s\n' "basicConstraints=critical,CA:FALSE" "keyUsage=critical,digitalSignature,keyEncipherment" \
      "extendedKeyUsage=serverAuth,clientAuth" "subjectAltName=DNS:$name") \
    -out "$crt" 2>/dev/null
  rm -f "$dir/$name.csr"
  echo "cluster-certs: issued $crt"
done

# Certificates are public: readable by the processes whatever their user; each key only by its owner.
chmod 644 "$dir/ca.crt"
for name in "$@"; do
  chmod 644 "$dir/$name.crt"
  if [[ -n ${CLUSTER_CERT_OWNER:-} ]]; then chown "$CLUSTER_CERT_OWNER" "$dir/$name.key"; fi
done
