#!/usr/bin/env bash
# Times `planrun check` on a generated 10,000-step plan next to `ansible-playbook --syntax-check`
# on the equivalent playbook, in one hyperfine run, and measures planrun's peak memory.
# Goal (issue 2): planrun at most 1/20 of Ansible's time, under 100 MB peak memory.
# Usage: bench/check_10k_steps.sh [STEPS]
set -euo pipefail
cd "$(dirname "$0")/.."
steps=${1:-10000}
scripts/install-deps.sh hyperfine ansible-core time >/dev/null
scripts/build.sh >/dev/null
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# The plan: a chain of `run` steps, each with an expression (bench/chain_plan.sh).
bench/chain_plan.sh "$steps" > "$work/plan.yaml"

# The same work for Ansible: one local command task per step, with a variable.
{
  echo "- hosts: localhost"
  echo "  gather_facts: false"
  echo "  vars: {greeting: hello}"
  echo "  tasks:"
  for ((i = 1; i <= steps; i++)); do
    echo "    - name: s$i"
    echo "      command: /bin/echo \"{{ greeting }} $i\""
  done
} > "$work/playbook.yaml"

planrun=$(pwd)/build/planrun
echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(uname -sr)"
echo "planrun $($planrun --version | awk '{print $2}'), $(ansible-playbook --version | head -1)"
echo
hyperfine --warmup 1 --min-runs 5 --export-markdown "$work/times.md" --export-json "$work/times.json" \
  -n "planrun check" "$planrun check $work/plan.yaml" \
  -n "ansible-playbook --syntax-check" "ansible-playbook --syntax-check -i localhost, $work/playbook.yaml"
echo
cat "$work/times.md"
echo
# The goal is stated on means; medians say how much outliers on a busy machine move it.
python3 - "$work/times.json" <<'RATIOS'
import json, sys
planrun, ansible = json.load(open(sys.argv[1]))["results"]
print(f"Ansible / planrun: {ansible['mean'] / planrun['mean']:.1f}x on means, "
      f"{ansible['median'] / planrun['median']:.1f}x on medians (goal: 20x)")
RATIOS
peak_kb=$(/usr/bin/time -f '%M' "$planrun" check "$work/plan.yaml" 2>&1 >/dev/null | tail -1)
echo "planrun check peak memory: $((peak_kb / 1024)) MB (max resident set size)"
