#!/usr/bin/env bash
# Times copy-db's PostgreSQL copier (build/bench_copy_db_postgresql: the copier's sequence with
# jobs=2 and verification of every table) against `pg_dump | psql` and `pgcopydb clone
# --table-jobs 2 --index-jobs 2`, in one hyperfine run, on the Carbon-like fixture of
# ../shared/fixtures (carbon_pg.sql, ~347 MB at the default scale) loaded into a fresh server
# from scripts/test-servers.sh. Then the copier's peak memory on that database and on one a
# quarter of its size. Goals (issue 8): at most 0.8x pg_dump | psql, faster than pgcopydb.
# Usage: bench/copy_db_postgresql.sh [USERS] [RUNS]   (USERS 300000 is the README's scale)
set -euo pipefail
cd "$(dirname "$0")/.."
users=${1:-300000}
runs=${2:-5}
fixtures=${PLANRUN_FIXTURES:-$(cd .. && pwd)/shared/fixtures}
scripts/install-deps.sh hyperfine pgcopydb postgresql mariadb-server >/dev/null
scripts/build.sh >/dev/null
cmake --build build -j2 --target bench_copy_db_postgresql >/dev/null
work=$(mktemp -d)
servers=$(mktemp -d)  # apart from $work: the servers run as nobody under root, and may not enter it
trap 'scripts/test-servers.sh stop "$servers"; rm -rf "$work"' EXIT
eval "$(scripts/test-servers.sh start "$servers")"
dsn=$PLANRUN_TEST_POSTGRES_DSN                  # postgresql://planrun@127.0.0.1:PORT/planrun_test
server=${dsn%/*}
host_port=${server#*@}
export PGHOST=${host_port%:*} PGPORT=${host_port#*:} PGUSER=planrun PGPASSWORD=$PLANRUN_TEST_POSTGRES_PASSWORD
export PLANRUN_BENCH_PASSWORD=$PLANRUN_TEST_POSTGRES_PASSWORD

# The fixture at a scale, vacuumed and analysed so that no tool pays for hint bits or statistics.
load() {
  local database=$1 scale=$2
  createdb "$database"
  psql -q -v ON_ERROR_STOP=1 -d "$database" -v tenants=50 -v users="$scale" -v resources=$((scale / 3)) \
    -v blobk=2 -f "$fixtures/carbon_pg.sql" >/dev/null
  psql -q -d "$database" -c "VACUUM ANALYZE" >/dev/null 2>&1  # warns of shared catalogs only a superuser may vacuum
}
load source "$users"
echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(uname -sr)"
echo "source: carbon_pg.sql with users=$users, $(psql -Atc "SELECT pg_size_pretty(pg_database_size('source'))" -d source)"
echo "$(pg_dump --version), pgcopydb $(dpkg-query -W -f='${Version}' pgcopydb)"
echo

fresh_target="dropdb --if-exists --force target && createdb target && rm -rf $work/pgcopydb"
copier="build/bench_copy_db_postgresql $server/source $server/target 2"
hyperfine --runs "$runs" --export-markdown "$work/times.md" --export-json "$work/times.json" \
  --prepare "$fresh_target" \
  -n "planrun copier (jobs 2, verified)" "$copier" \
  -n "pg_dump | psql" "pg_dump source | psql -q -v ON_ERROR_STOP=1 -d target >/dev/null" \
  -n "pgcopydb clone" "pgcopydb clone --source 'dbname=source' --target 'dbname=target' --table-jobs 2 \
    --index-jobs 2 --dir $work/pgcopydb >/dev/null 2>&1"
echo
cat "$work/times.md"
echo
python3 - "$work/times.json" <<'RATIOS'
import json, sys
planrun, dump, pgcopydb = json.load(open(sys.argv[1]))["results"]
for name, other, goal in (("pg_dump | psql", dump, "at most 0.8"), ("pgcopydb clone", pgcopydb, "below 1")):
    print(f"planrun / {name}: {planrun['mean'] / other['mean']:.2f} on means, "
          f"{planrun['median'] / other['median']:.2f} on medians (goal: {goal})")
RATIOS

# Peak memory does not grow with the database: the copier streams.
peak() {
  eval "$fresh_target"
  /usr/bin/time -f '%M' build/bench_copy_db_postgresql "$server/$1" "$server/target" 2 2>&1 >/dev/null | tail -1
}
big_kb=$(peak source)
load small $((users / 4))
small_kb=$(peak small)
echo "peak memory (max RSS): $((big_kb / 1024)) MB copying users=$users, $((small_kb / 1024)) MB copying users=$((users / 4))"
