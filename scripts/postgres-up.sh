#!/usr/bin/env bash
# Start a local PostgreSQL for the store tests and print one line on stdout:
#   export FLASHPOINT_TEST_PG=postgresql://...
# Everything else goes to stderr, so CI can do: eval "$(scripts/postgres-up.sh)"
# Needs root (installs the Debian package when no server binary is present).
set -euo pipefail
# Keep the caller's stdout on fd 3 for the one line of output. Every child gets
# fd 3 closed: a server daemon that inherited it would hold the caller's
# $(...) pipe open for ever, and `eval "$(scripts/postgres-up.sh)"` would hang.
exec 3>&1 1>&2
run() { "$@" 3>&-; }

ROLE="${FLASHPOINT_PG_ROLE:-flashpoint}"
PASSWORD="${FLASHPOINT_PG_PASSWORD:-flashpoint}"
DB="${FLASHPOINT_PG_DB:-flashpoint_test}"
PORT="${FLASHPOINT_PG_PORT:-5432}"

find_bindir() {
  local d
  for d in /usr/lib/postgresql/*/bin; do
    [ -x "$d/postgres" ] && { echo "$d"; return 0; }
  done
  command -v postgres >/dev/null 2>&1 && { dirname "$(command -v postgres)"; return 0; }
  return 1
}

if ! BINDIR="$(find_bindir)"; then
  echo "postgres-up: no server found; installing the Debian postgresql package" >&2
  export DEBIAN_FRONTEND=noninteractive
  run apt-get update -q
  run apt-get install -y -q postgresql
  BINDIR="$(find_bindir)"
fi
echo "postgres-up: server binaries in $BINDIR" >&2

as_postgres() { (cd / && su postgres -s /bin/sh -c "$*") 3>&-; }

if command -v pg_lsclusters >/dev/null 2>&1; then
  # Debian wrapper: use (or make) a cluster and start it when down.
  if [ -z "$(pg_lsclusters -h 2>/dev/null)" ]; then
    VERSION="$(basename "$(dirname "$BINDIR")")"
    run pg_createcluster "$VERSION" main --port "$PORT" >&2
  fi
  read -r VERSION CLUSTER PORT STATUS _ < <(pg_lsclusters -h | head -n 1)
  if [ "$STATUS" != "online" ]; then
    run pg_ctlcluster "$VERSION" "$CLUSTER" start >&2
  fi
else
  DATA="${FLASHPOINT_PG_DATA:-/var/lib/postgresql/flashpoint-data}"
  if [ ! -f "$DATA/PG_VERSION" ]; then
    mkdir -p "$DATA" && chown postgres "$DATA"
    as_postgres "$BINDIR/initdb -D '$DATA' -A trust" >&2
  fi
  if ! as_postgres "$BINDIR/pg_ctl -D '$DATA' status" >/dev/null 2>&1; then
    as_postgres "$BINDIR/pg_ctl -D '$DATA' -o '-p $PORT' -l '$DATA/server.log' -w start" >&2
  fi
fi

for _ in $(seq 1 30); do
  as_postgres "psql -p $PORT -Atqc 'select 1'" >/dev/null 2>&1 && break
  sleep 1
done

# The role may create databases: each test makes its own fresh schema, and a
# superuser-free role keeps the tests honest about privileges.
as_postgres "psql -p $PORT -v ON_ERROR_STOP=1 -q" <<SQL >&2
DO \$\$ BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '$ROLE') THEN
    CREATE ROLE $ROLE LOGIN CREATEDB PASSWORD '$PASSWORD';
  END IF;
END \$\$;
SQL
if ! as_postgres "psql -p $PORT -Atqc \"select 1 from pg_database where datname = '$DB'\"" | grep -q 1; then
  as_postgres "createdb -p $PORT -O $ROLE $DB" >&2
fi

echo "export FLASHPOINT_TEST_PG=postgresql://$ROLE:$PASSWORD@localhost:$PORT/$DB" >&3
