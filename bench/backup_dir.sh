#!/usr/bin/env bash
# Times a `backup` step archiving a directory tree (tar + zstd, a sha256 manifest of every file,
# verified by reading the archive back, sealed) next to `tar -I zstd -cf` of the same tree, in
# one hyperfine run, and prints the ratio. Goal (issue 9): planrun at most 1.2x tar. tar does not
# make its archive durable and planrun must, so tar followed by `sync --data` of its archive is
# timed too.
# The tree is made once: ~20,000 files, ~300 MB, like a product home: mostly small compressible
# text files (configs, scripts, logs) and about two thousand incompressible binaries (jars).
# Usage: bench/backup_dir.sh [FILES]   (extra hyperfine options in HYPERFINE_OPTIONS)
set -euo pipefail
cd "$(dirname "$0")/.."
files=${1:-20000}
scripts/install-deps.sh hyperfine zstd python3 >/dev/null
scripts/build.sh >/dev/null
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

python3 - "$work/tree" "$files" <<'TREE'
import os, random, sys
root, count = sys.argv[1], int(sys.argv[2])
random.seed(7)
words = [("word%d" % i).encode() for i in range(2000)]
binaries = count // 10
for i in range(count):
    folder = os.path.join(root, "repository", "components", "d%03d" % (i % 400), "s%d" % (i % 7))
    os.makedirs(folder, exist_ok=True)
    if i < binaries:  # jars: compressed already, ~100 KB
        data = os.urandom(random.randint(60_000, 140_000))
        name = "lib%05d.jar" % i
    else:  # text, ~5.5 KB
        data = b" ".join(random.choice(words) for _ in range(random.randint(400, 1400)))
        name = "conf%05d.xml" % i
    with open(os.path.join(folder, name), "wb") as out:
        out.write(data)
TREE

cat > "$work/plan.yaml" <<PLAN
planrun: 1
name: bench-backup-dir
steps:
  - id: backup-home
    type: backup
    with: {dir: "$work/tree", to: "$work/backup"}
PLAN

planrun=$(pwd)/build/planrun
echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(uname -sr)"
echo "tree: $(find "$work/tree" -type f | wc -l) files, $(du -sm "$work/tree" | cut -f1) MB; $(zstd --version)"
echo
# shellcheck disable=SC2086
hyperfine --warmup 1 --min-runs 5 ${HYPERFINE_OPTIONS:-} --export-json "$work/times.json" \
  --prepare "rm -rf $work/state $work/backup $work/tar.tar.zst; sync" \
  -n "planrun backup (zstd, manifest, verify)" "$planrun run $work/plan.yaml --state $work/state --quiet" \
  -n "tar -I zstd -cf" "tar -I zstd -cf $work/tar.tar.zst -C $work/tree ." \
  -n "tar -I zstd -cf, then sync --data of the archive" \
  "tar -I zstd -cf $work/tar.tar.zst -C $work/tree . && sync --data $work/tar.tar.zst"
python3 - "$work/times.json" <<'RATIO'
import json, sys
results = json.load(open(sys.argv[1]))["results"]
planrun, tar, durable = (result["mean"] for result in results)
print(f"\nplanrun {planrun:.2f} s, tar -I zstd {tar:.2f} s: planrun is {planrun / tar:.2f}x tar (goal: at most 1.2x)")
print(f"tar with its archive synced to disk {durable:.2f} s: planrun is {planrun / durable:.2f}x that")
RATIO
rm -rf "$work/state" "$work/backup"
"$planrun" run "$work/plan.yaml" --state "$work/state" --quiet >/dev/null 2>&1
echo "archive sizes: planrun $(stat -c %s "$work/backup/tree.tar.zst") bytes, tar $(stat -c %s "$work/tar.tar.zst") bytes"
