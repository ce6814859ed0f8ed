#!/usr/bin/env bash
# The main job on the embedded default (SQLite, no database server): builds planrun, generates a
# Carbon 4.4.6 installation with its SQLite database and a 4.4.7 product archive, and runs the
# whole upgrade plan (examples/446-to-447.yaml) against the strict fake Carbon: preflight checks,
# backups, copy-db, the schema check against 4.4.7's DDL, unpack, the datasources connected with
# their driver jar, the key stores carried, copy-dir, start (its log followed until Carbon has
# started), smoke tests through the admin services. Run it again: every step is up to date.
# Everything goes to build/demo/ (PLANRUN_DEMO_DIR to move it); delete it to start afresh.
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$(pwd)
scripts/build.sh >/dev/null
planrun=$repo/build/planrun
plan=examples/446-to-447.yaml
demo=$(realpath -m "${PLANRUN_DEMO_DIR:-build/demo}")
old_db=$demo/carbon-446.db

generate_installation() {
  echo "== generating a Carbon 4.4.6 installation and the 4.4.7 product in $demo"
  mkdir -p "$demo"
  scripts/make-carbon-home.sh --out "$demo" --jdbc-url "jdbc:sqlite:$old_db" --tenants 3 >/dev/null
  # The old database: a small Carbon 4.4.6 schema and its rows (tests/fixtures/carbon-446, whose
  # administrators' password is admin), and a few thousand users and registry resources.
  {
    cat tests/fixtures/carbon-446/sqlite-ddl.sql tests/fixtures/carbon-446/sqlite-rows.sql
    echo "WITH RECURSIVE s(g) AS (SELECT 10 UNION ALL SELECT g + 1 FROM s WHERE g < 5000)"
    echo "  INSERT INTO UM_USER SELECT g, 'user' || g, hex(randomblob(16)), hex(randomblob(4)), 0, '2026-02-01', -1234 FROM s;"
    echo "WITH RECURSIVE s(g) AS (SELECT 10 UNION ALL SELECT g + 1 FROM s WHERE g < 5000)"
    echo "  INSERT INTO REG_CONTENT SELECT g, randomblob(g % 4000), -1234 FROM s;"
  } | sqlite3 "$old_db"
  cat > "$demo/vars.yaml" <<VARS
old_home: $demo/wso2carbon-4.4.6
new_home: $demo/wso2carbon-4.4.7
product_zip: $demo/wso2carbon-4.4.7.tar.gz
staging_db: sqlite:$demo/carbon-447-staging.db
backup_dir: $demo/backups
VARS
}

[ -f "$demo/vars.yaml" ] || generate_installation
# SQLite has no logins: the database passwords are empty. The administrator's is the fixture's.
export CARBON_OLD_DB_PASSWORD="" CARBON_STAGING_DB_PASSWORD="" CARBON_ADMIN_PASSWORD=admin
# --yes answers the plan's one question (start 4.4.7 on the staging database?) for the demo.
run=("$planrun" run "$plan" --vars "$demo/vars.yaml" --state "$demo/state" --yes)

echo "== planrun check $plan"
"$planrun" check "$plan" && echo "clean: no diagnostics"
echo
echo "== planrun plan $plan --vars $demo/vars.yaml   (what a run would do)"
"$planrun" plan "$plan" --vars "$demo/vars.yaml" --state "$demo/state"
echo
echo "== planrun run $plan --vars $demo/vars.yaml --state $demo/state"
"${run[@]}"
# The plan leaves the new server running, as an upgrade does; the demo stops it again.
"$demo/wso2carbon-4.4.7/bin/wso2server.sh" stop >/dev/null
echo
echo "== the copy is exact: sqlite3's own .dump of the old and the staging database are the same"
if diff <(sqlite3 "$old_db" .dump) <(sqlite3 "$demo/carbon-447-staging.db" .dump) >/dev/null; then
  echo "same: $(sqlite3 "$old_db" 'SELECT count(*) FROM sqlite_master') schema entries, every row and value"
else
  echo "DIFFERENT" && exit 1
fi
echo
echo "== where everything went"
echo "  old installation (never written):   $demo/wso2carbon-4.4.6, database $old_db"
echo "  new installation:                   $demo/wso2carbon-4.4.7"
echo "  staging database:                   $demo/carbon-447-staging.db"
echo "  backups (tar + sha256sum manifest): $demo/backups"
echo "  state and step logs:                $demo/state (planrun status $plan --state $demo/state)"
echo
echo "== planrun status $plan --state $demo/state"
"$planrun" status "$plan" --state "$demo/state"
echo
echo "Run scripts/demo.sh again: every step is up to date and nothing runs. rm -rf $demo starts afresh."
