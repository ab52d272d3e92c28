#!/bin/sh
# Runs a command against a throwaway PostgreSQL cluster, for the image's AOT training run:
#   with-training-postgres.sh COMMAND [ARGS...]
# The command gets DATABASE_URL. The cluster asks for a SCRAM password over TCP as a deployed
# database does, so the classes of that path (JDBC and R2DBC drivers, SCRAM, the TLS probe) are
# trained into the cache too (ADR-0038). Needs initdb and pg_ctl on the PATH and a postgres user:
# the public postgres images have both.
set -eu

data=/tmp/training-postgres
password=training
mkdir -p "$data"
echo "$password" > "$data/password" && : > "$data/log"
chown -R postgres:postgres "$data"
as_postgres() { runuser -u postgres -- "$@"; }
failed() { cat "$data/log" >&2; exit 1; }

as_postgres initdb --pgdata="$data/cluster" --username=postgres --pwfile="$data/password" \
    --auth-host=scram-sha-256 --auth-local=trust > "$data/log" 2>&1 || failed
as_postgres pg_ctl --pgdata="$data/cluster" --log="$data/log" --wait \
    --options="-c listen_addresses=127.0.0.1 -c unix_socket_directories=$data" start > /dev/null \
  || failed
stop() { as_postgres pg_ctl --pgdata="$data/cluster" --mode=fast --wait stop > /dev/null; }
trap stop EXIT

DATABASE_URL="postgres://postgres:$password@127.0.0.1:5432/postgres" "$@"
