#!/usr/bin/env bash
# Builds planrun and runs every test, with the real PostgreSQL and MariaDB servers the
# integration tests need (scripts/test-servers.sh). What CI runs (.ci/run), and what a newcomer runs.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/build.sh postgresql mariadb-server

servers_dir=$(mktemp -d "${TMPDIR:-/tmp}/planrun-test-servers.XXXXXX")
trap 'scripts/test-servers.sh stop "$servers_dir"' EXIT
if ! server_env=$(scripts/test-servers.sh start "$servers_dir"); then
  echo "could not start the test database servers; their logs:" >&2
  tail -n 20 "$servers_dir"/*.log "$servers_dir"/*/server.log >&2 || true
  exit 1
fi
eval "$server_env"
# A test that needs a server fails here when none is configured, instead of skipping.
export PLANRUN_TEST_REQUIRE_SERVERS=1

ctest --test-dir build --output-on-failure -j2
