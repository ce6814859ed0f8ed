#!/usr/bin/env bash
# Starts and stops the real PostgreSQL and MariaDB servers the integration tests use: fresh
# data directories in DIR, unix sockets in DIR, TCP on 127.0.0.1 at free ports, a login
# `planrun` with a random password (with a space and a quote in it, to exercise quoting).
#
#   scripts/test-servers.sh start DIR   prints `export NAME=VALUE` lines for the tests:
#       PLANRUN_TEST_POSTGRES_DSN, PLANRUN_TEST_POSTGRES_PASSWORD,
#       PLANRUN_TEST_MARIADB_DSN, PLANRUN_TEST_MARIADB_PASSWORD
#   scripts/test-servers.sh stop DIR    stops both servers and removes DIR
#
# Needs the Debian packages postgresql and mariadb-server (scripts/test.sh installs them).
# PostgreSQL refuses to run as root, so under root both servers run as `nobody`.
set -euo pipefail

pg_bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)

# Runs a command as the user the servers run as.
as_server_user() {
  if [ "$(id -u)" -eq 0 ]; then runuser -u nobody -- "$@"; else "$@"; fi
}

# A TCP port on 127.0.0.1 that nothing listens on now (the server may still lose a race for it:
# start-up then fails loudly).
free_port() {
  local port
  for _ in $(seq 1 50); do
    port=$((20000 + RANDOM % 40000))
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then echo "$port"; return; fi
  done
  echo "no free port found" >&2
  return 1
}

random_password() {
  echo "pw $(od -An -N9 -tx1 /dev/urandom | tr -d ' \n')'x"
}

# SQL text literal: quotes doubled.
sql_quoted() {
  printf "'%s'" "${1//\'/\'\'}"
}

start_postgres() {
  local dir=$1/pg port=$2 password=$3
  as_server_user mkdir -p "$dir"
  as_server_user "$pg_bin/initdb" -D "$dir/data" -U postgres --auth-local=trust --auth-host=scram-sha-256 \
    --no-sync -E UTF8 --locale=C >"$1/pg-initdb.log" 2>&1
  as_server_user "$pg_bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 30 start \
    -o "-c listen_addresses=127.0.0.1 -p $port -k $dir -c fsync=off -c full_page_writes=off" >/dev/null
  as_server_user "$pg_bin/psql" -h "$dir" -p "$port" -U postgres -d postgres -q -v ON_ERROR_STOP=1 \
    -c "CREATE ROLE planrun LOGIN CREATEDB PASSWORD $(sql_quoted "$password")" \
    -c "CREATE DATABASE planrun_test OWNER planrun" >/dev/null
}

start_mariadb() {
  local dir=$1/mariadb port=$2 password=$3
  as_server_user mkdir -p "$dir"
  as_server_user mariadb-install-db --no-defaults --datadir="$dir/data" --auth-root-authentication-method=normal \
    --skip-test-db >"$1/mariadb-install.log" 2>&1
  as_server_user mariadbd --no-defaults --datadir="$dir/data" --socket="$dir/mysqld.sock" --pid-file="$dir/mysqld.pid" \
    --bind-address=127.0.0.1 --port="$port" --skip-name-resolve --innodb-flush-log-at-trx-commit=0 \
    --log-error="$dir/server.log" >"$dir/stdout.log" 2>&1 &
  for _ in $(seq 1 300); do
    [ -S "$dir/mysqld.sock" ] && mariadb-admin --no-defaults -S "$dir/mysqld.sock" -u root ping >/dev/null 2>&1 && break
    sleep 0.1
  done
  mariadb --no-defaults -S "$dir/mysqld.sock" -u root -e "
    CREATE DATABASE planrun_test;
    CREATE USER 'planrun'@'127.0.0.1' IDENTIFIED BY $(sql_quoted "$password");
    GRANT ALL PRIVILEGES ON *.* TO 'planrun'@'127.0.0.1' WITH GRANT OPTION;"
}

start() {
  local dir=$1
  mkdir -p "$dir"
  [ "$(id -u)" -ne 0 ] || chown nobody "$dir"
  local pg_port maria_port pg_password maria_password
  pg_port=$(free_port)
  maria_port=$(free_port)
  pg_password=$(random_password)
  maria_password=$(random_password)
  # Side by side: each spends most of its start-up waiting on its own disk writes.
  start_postgres "$dir" "$pg_port" "$pg_password" &
  local pg_start=$!
  start_mariadb "$dir" "$maria_port" "$maria_password"
  wait "$pg_start"
  printf 'export PLANRUN_TEST_POSTGRES_DSN=%q\n' "postgresql://planrun@127.0.0.1:$pg_port/planrun_test"
  printf 'export PLANRUN_TEST_POSTGRES_PASSWORD=%q\n' "$pg_password"
  printf 'export PLANRUN_TEST_MARIADB_DSN=%q\n' "mariadb://planrun@127.0.0.1:$maria_port/planrun_test"
  printf 'export PLANRUN_TEST_MARIADB_PASSWORD=%q\n' "$maria_password"
}

stop() {
  local dir=$1
  [ -d "$dir" ] || return 0
  if [ -f "$dir/pg/data/postmaster.pid" ]; then
    as_server_user "$pg_bin/pg_ctl" -D "$dir/pg/data" -m immediate -w stop >/dev/null 2>&1 || true
  fi
  if [ -f "$dir/mariadb/mysqld.pid" ]; then
    local pid
    pid=$(cat "$dir/mariadb/mysqld.pid")
    kill "$pid" 2>/dev/null || true
    for _ in $(seq 1 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
  fi
  rm -rf "$dir"
}

# The servers run as `nobody` under root, and may not be allowed into the caller's directory
# (CI's clone may be under /root): they start from /.
dir=$(realpath -m "${2:?usage: $0 start|stop DIR}")
cd /
case "${1:-}" in
  start) start "$dir" ;;
  stop) stop "$dir" ;;
  *) echo "usage: $0 start|stop DIR" >&2; exit 2 ;;
esac
