#!/usr/bin/env bash
# Times `copy-db` (verification on) on the ~565 MB Carbon-like SQLite fixture next to
# `sqlite3 SRC ".backup DST"`, in one hyperfine run, and shows planrun's peak memory on two sizes
# of the fixture. Goal (issue 8): at most 1.5x the time of .backup; memory independent of size.
# Usage: bench/copy_db_sqlite.sh [FIXTURES_DIR]   (default: ../shared/fixtures)
set -euo pipefail
cd "$(dirname "$0")/.."
fixtures=$(realpath "${1:-../shared/fixtures}")
scripts/install-deps.sh hyperfine time python3 >/dev/null
scripts/build.sh >/dev/null
planrun=$(pwd)/build/planrun
work=$(mktemp -d "${TMPDIR:-/tmp}/planrun-bench-XXXXXX")
trap 'rm -rf "$work"' EXIT
cd "$work"

echo "loading the fixture (carbon_sqlite.sql)..."
sqlite3 carbon.db < "$fixtures/carbon_sqlite.sql" >/dev/null
# A second size: the same database with its largest table twice as long.
cp carbon.db double.db
sqlite3 double.db "INSERT INTO REG_CONTENT SELECT REG_CONTENT_ID + 1000000, REG_CONTENT_DATA, REG_TENANT_ID FROM REG_CONTENT"

write_plan() {  # SOURCE TARGET
  printf 'planrun: 1\nname: bench-copy\nsteps:\n  - id: copy\n    type: copy-db\n    with: {from: "sqlite:%s", to: "sqlite:%s", verify: true}\n' "$1" "$2"
}
write_plan carbon.db copy.db > copy.yaml
write_plan double.db copy-double.db > copy-double.yaml

echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(uname -sr)"
echo "planrun $($planrun --version | awk '{print $2}'), sqlite3 $(sqlite3 --version | awk '{print $1}')"
echo "fixture: $(du -m carbon.db | cut -f1) MB"
echo
hyperfine --warmup 1 --min-runs 5 --export-markdown times.md --export-json times.json \
  --prepare 'rm -rf copy.db copy.db-journal .planrun backup.db' \
  -n "planrun copy-db" "$planrun run copy.yaml --quiet" \
  -n "sqlite3 .backup" "sqlite3 carbon.db '.backup backup.db'"
echo
cat times.md
echo
python3 - times.json <<'RATIOS'
import json, sys
planrun, backup = json.load(open(sys.argv[1]))["results"]
print(f"planrun / .backup: {planrun['mean'] / backup['mean']:.2f}x on means, "
      f"{planrun['median'] / backup['median']:.2f}x on medians (goal: at most 1.5x)")
RATIOS
for plan in copy copy-double; do
  rm -rf copy.db copy-double.db .planrun
  source=$(grep -o 'sqlite:[a-z-]*\.db' $plan.yaml | head -1 | cut -d: -f2)
  peak_kb=$(/usr/bin/time -f '%M' "$planrun" run $plan.yaml --quiet 2>&1 >/dev/null | tail -1)
  echo "peak memory copying $(du -m "$source" | cut -f1) MB: $((peak_kb / 1024)) MB (max resident set size)"
done
