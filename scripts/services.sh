#!/usr/bin/env bash
# Installs (Debian, as root) and starts what the platform needs, idempotently:
# PostgreSQL (whatever major is installed, else Debian's default), PostGIS for that major,
# Redis on 127.0.0.1 with append-only persistence, the `eldercare` role and database.
# On a machine where all of it already runs, it changes nothing and takes a few seconds.
set -euo pipefail

log() { printf '[services] %s\n' "$*"; }
as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

APT_UPDATED=0
apt_install() {
  if [ "$APT_UPDATED" -eq 0 ]; then as_root apt-get update -qq; APT_UPDATED=1; fi
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq --no-install-recommends "$@" >/dev/null
}
installed() { dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q 'install ok installed'; }

# --- PostgreSQL ---------------------------------------------------------------
if ! ls /etc/postgresql/*/main >/dev/null 2>&1; then
  log "installing PostgreSQL"
  apt_install postgresql postgresql-contrib
fi
PG_MAJOR=$(ls /etc/postgresql | sort -n | tail -n 1)
if ! installed "postgresql-${PG_MAJOR}-postgis-3"; then
  log "installing PostGIS for PostgreSQL ${PG_MAJOR}"
  apt_install "postgresql-${PG_MAJOR}-postgis-3"
fi
if ! pg_isready -q -h 127.0.0.1 -p 5432; then
  log "starting PostgreSQL ${PG_MAJOR}"
  as_root pg_ctlcluster --skip-systemctl-redirect "$PG_MAJOR" main start
  for _ in $(seq 1 30); do pg_isready -q -h 127.0.0.1 -p 5432 && break; sleep 1; done
fi
psql_admin() { as_root runuser -u postgres -- psql -v ON_ERROR_STOP=1 -qtAX "$@"; }
# The platform's role owns its database; SUPERUSER because tests create databases from a template
# and migrations create the postgis extension. Development machines only: production uses its own.
if [ "$(psql_admin -c "SELECT 1 FROM pg_roles WHERE rolname = 'eldercare'")" != "1" ]; then
  log "creating role eldercare"
  psql_admin -c "CREATE ROLE eldercare LOGIN SUPERUSER PASSWORD 'eldercare'"
fi
if [ "$(psql_admin -c "SELECT 1 FROM pg_database WHERE datname = 'eldercare'")" != "1" ]; then
  log "creating database eldercare"
  psql_admin -c "CREATE DATABASE eldercare OWNER eldercare"
fi
psql_admin -d eldercare -c "SET client_min_messages TO warning" -c "CREATE EXTENSION IF NOT EXISTS postgis" >/dev/null

# --- Fonts for printable reports (Chinese text in PDFs) ------------------------
if ! installed fonts-wqy-microhei; then
  log "installing the WenQuanYi Micro Hei font for PDF reports"
  apt_install fonts-wqy-microhei
fi

# --- Redis --------------------------------------------------------------------
if ! command -v redis-server >/dev/null 2>&1; then
  log "installing Redis"
  apt_install redis-server redis-tools
fi
if ! redis-cli -h 127.0.0.1 -p 6379 ping >/dev/null 2>&1; then
  log "starting Redis on 127.0.0.1:6379"
  mkdir -p /var/lib/redis /var/log/redis
  as_root redis-server --daemonize yes --bind 127.0.0.1 --port 6379 --dir /var/lib/redis \
    --appendonly yes --appendfsync everysec --maxmemory-policy noeviction --logfile /var/log/redis/eldercare.log
  for _ in $(seq 1 30); do redis-cli -h 127.0.0.1 -p 6379 ping >/dev/null 2>&1 && break; sleep 0.5; done
fi
# Queued jobs must survive a Redis restart and never be evicted (BullMQ requires noeviction).
[ "$(redis-cli -h 127.0.0.1 -p 6379 config get appendonly | tail -n 1)" = "yes" ] || redis-cli -h 127.0.0.1 -p 6379 config set appendonly yes >/dev/null
[ "$(redis-cli -h 127.0.0.1 -p 6379 config get maxmemory-policy | tail -n 1)" = "noeviction" ] || redis-cli -h 127.0.0.1 -p 6379 config set maxmemory-policy noeviction >/dev/null

log "ready: PostgreSQL ${PG_MAJOR} with PostGIS on 127.0.0.1:5432, Redis on 127.0.0.1:6379"
