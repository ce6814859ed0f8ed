#!/usr/bin/env bash
# copy-db on MariaDB against `mariadb-dump --single-transaction | mariadb` (goal: at most 0.5x
# its time), on the Carbon-like fixture of ../shared/fixtures (carbon_mysql.sql, ~367 MB), in
# one hyperfine run; then the copier's peak memory on the fixture at full and quarter size.
# The copier runs through bench/copy_db_mysql_driver.cc (the copier's sequence as copy-db
# calls it, verification on) until the copy-db step can be timed itself.
# Usage: bench/copy_db_mysql.sh [FIXTURE_DIR]   (needs hyperfine and the MariaDB server)
set -euo pipefail
cd "$(dirname "$0")/.."
fixtures=$(realpath "${1:-../shared/fixtures}")
command -v hyperfine >/dev/null || scripts/install-deps.sh hyperfine
scripts/build.sh >/dev/null
cmake --build build -j2 --target copy_db_mysql_driver >/dev/null
driver=$(realpath build/copy_db_mysql_driver)

servers=$(mktemp -d)
trap 'scripts/test-servers.sh stop "$servers"' EXIT
eval "$(scripts/test-servers.sh start "$servers")"
dsn=$PLANRUN_TEST_MARIADB_DSN                      # mariadb://planrun@127.0.0.1:PORT/planrun_test
port=${dsn##*:}; port=${port%%/*}
export PLANRUN_BENCH_PASSWORD=$PLANRUN_TEST_MARIADB_PASSWORD
export MYSQL_PWD=$PLANRUN_TEST_MARIADB_PASSWORD
client=(mariadb --no-defaults -h 127.0.0.1 -P "$port" -u planrun)
dump=(mariadb-dump --no-defaults -h 127.0.0.1 -P "$port" -u planrun)

# load NAME SCALE: the fixture into database NAME with its row counts divided by SCALE.
load() {
  "${client[@]}" -e "CREATE DATABASE $1"
  sed -E "s/g < (300000|100000)\)/g < \1 \/ $2)/g" "$fixtures/carbon_mysql.sql" | "${client[@]}" "$1"
}
echo "loading the fixture (full and quarter size)..."
load bench_src 1
load bench_quarter 4
"${client[@]}" -e "SELECT table_schema, SUM(data_length + index_length) DIV 1048576 AS MiB, SUM(table_rows) AS row_estimate
  FROM information_schema.tables WHERE table_schema LIKE 'bench_%' GROUP BY table_schema"

fresh_target="${client[*]} -e 'DROP DATABASE IF EXISTS bench_dst; CREATE DATABASE bench_dst'"
hyperfine --warmup 1 --runs "${RUNS:-5}" --export-json "$servers/times.json" \
  --prepare "$fresh_target" -n "mariadb-dump | mariadb" \
  "${dump[*]} --single-transaction bench_src | ${client[*]} bench_dst" \
  --prepare "$fresh_target" -n "copy-db (driver, jobs=2, verified)" \
  "$driver mariadb://planrun@127.0.0.1:$port/bench_src mariadb://planrun@127.0.0.1:$port/bench_dst 2"
python3 - "$servers/times.json" <<'PY'
import json, sys
runs = {r["command"]: r for r in json.load(open(sys.argv[1]))["results"]}
dump, copy = runs["mariadb-dump | mariadb"], runs["copy-db (driver, jobs=2, verified)"]
print(f"copy-db / mariadb-dump|mariadb: mean {copy['mean'] / dump['mean']:.2f}, median {copy['median'] / dump['median']:.2f} (goal <= 0.5)")
PY

# peak NAME: the driver's maximum resident set copying NAME.
peak() {
  eval "$fresh_target"
  /usr/bin/time -f "%M" -o "$servers/rss" "$driver" "mariadb://planrun@127.0.0.1:$port/$1" \
    "mariadb://planrun@127.0.0.1:$port/bench_dst" 2 >/dev/null
  echo "peak memory copying $1: $(( $(cat "$servers/rss") / 1024 )) MiB"
}
peak bench_quarter
peak bench_src
