#!/usr/bin/env bash
# Times `planrun` copy-dir of a ~300 MB tree of ~20,000 files next to `cp -a SRC DST && sync`
# and `rsync -a SRC/ DST && sync`, in one run with hyperfine, the target removed (and the disk
# flushed) before every run, the page cache warm for the source as after the tree is written. Every command makes its copy durable, as copy-dir does before it is
# recorded done. Goals (issue 9): at most 1.3x cp, faster than rsync. Prints the ratios.
# Usage: bench/copy_dir.sh [FILES] [MEGABYTES] [ROUNDS]
set -euo pipefail
cd "$(dirname "$0")/.."
files=${1:-20000}
megabytes=${2:-300}
rounds=${3:-3}
scripts/install-deps.sh hyperfine >/dev/null
command -v rsync >/dev/null || apt-get install -y rsync >/dev/null
scripts/build.sh >/dev/null
work=$(mktemp -d "${BENCH_DIR:-/var/tmp}/planrun-bench-copy-XXXXXX")
trap 'rm -rf "$work"' EXIT

# A product-like tree: many small files in nested folders and a few large ones (jars, indexes).
python3 - "$work/src" "$files" "$megabytes" <<'PY'
import os, random, sys
root, files, megabytes = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
random.seed(9)
large = max(1, files // 200)
small_budget = megabytes * (1 << 20) // 3
large_size = (megabytes * (1 << 20) - small_budget) // large
for i in range(files):
    folder = os.path.join(root, "d%02d" % (i % 50), "e%02d" % (i % 37))
    os.makedirs(folder, exist_ok=True)
    size = large_size if i < large else random.randint(1, 2 * small_budget // (files - large))
    with open(os.path.join(folder, "file-%05d.dat" % i), "wb") as out:
        out.write(os.urandom(size))
PY
du -sh --apparent-size "$work/src" | awk '{print "tree: " $1}'
echo "files: $(find "$work/src" -type f | wc -l)"

cat > "$work/copy.yaml" <<PLAN
planrun: 1
name: bench-copy-dir
steps:
  - id: copy
    type: copy-dir
    with: {from: "$work/src", to: "$work/dst"}
  - id: copy-unverified
    type: copy-dir
    with: {from: "$work/src", to: "$work/dst2", verify: false}
PLAN

planrun=$(pwd)/build/planrun
echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(uname -sr)"
echo "disk: $(df -h "$work" | awk 'NR==2 {print $1, $6}') ($(findmnt -no FSTYPE -T "$work"))"
echo
# The disk is shared with other work and `sync` flushes all of it, so a command's time drifts
# with the load: the commands take turns, one run each per round, and the ratios are of medians.
for ((round = 1; round <= rounds; round++)); do
  hyperfine --runs 1 --export-json "$work/round$round.json" --style basic \
    --prepare "rm -rf $work/dst $work/dst2 $work/state; sync" \
    -n "cp -a && sync" "cp -a $work/src $work/dst && sync" \
    -n "rsync -a && sync" "rsync -a $work/src/ $work/dst && sync" \
    -n "planrun copy-dir" "$planrun run $work/copy.yaml --only copy --state $work/state --quiet" \
    -n "planrun copy-dir, verify: false" "$planrun run $work/copy.yaml --only copy-unverified --state $work/state --quiet" \
    | grep -E "^Benchmark|Time"
done
python3 - "$work" "$rounds" <<'PY'
import json, statistics, sys
work, rounds = sys.argv[1], int(sys.argv[2])
times = {}
for i in range(1, rounds + 1):
    for result in json.load(open(f"{work}/round{i}.json"))["results"]:
        times.setdefault(result["command"], []).append(result["mean"])
print(f"\n| command | median (s) | runs (s) |\n|---|---:|---|")
for name, runs in times.items():
    print(f"| {name} | {statistics.median(runs):.2f} | {', '.join(f'{t:.2f}' for t in runs)} |")
cp, rsync = statistics.median(times["cp -a && sync"]), statistics.median(times["rsync -a && sync"])
for name in ("planrun copy-dir", "planrun copy-dir, verify: false"):
    mine = statistics.median(times[name])
    print(f"{name}: {mine / cp:.2f}x cp -a && sync, {mine / rsync:.2f}x rsync -a && sync (medians)")
PY
