#!/usr/bin/env bash
# Times `planrun` running 1,000 chained `run` steps of /bin/true with durable checkpoints, next
# to a shell loop running the same 1,000 commands (the floor) and ansible-playbook running
# 1,000 local `command: /bin/true` tasks, in one run. Goal (issue 3): planrun within 3x of the
# shell loop. Ansible takes minutes here, so it is timed with a single run.
# Usage: bench/run_1000_steps.sh [STEPS]
set -euo pipefail
cd "$(dirname "$0")/.."
steps=${1:-1000}
scripts/install-deps.sh hyperfine ansible-core >/dev/null
scripts/build.sh >/dev/null
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

{
  echo "planrun: 1"
  echo "name: bench-run-$steps"
  echo "steps:"
  for ((i = 1; i <= steps; i++)); do
    echo "  - id: s$i"
    echo "    type: run"
    [ "$i" -gt 1 ] && echo "    needs: [s$((i - 1))]"
    echo "    with: {command: [/bin/true]}"
  done
} > "$work/plan.yaml"

{
  echo "- hosts: localhost"
  echo "  connection: local"
  echo "  gather_facts: false"
  echo "  tasks:"
  for ((i = 1; i <= steps; i++)); do
    echo "    - name: s$i"
    echo "      command: /bin/true"
  done
} > "$work/playbook.yaml"

cat > "$work/loop.sh" <<LOOP
for ((i = 1; i <= $steps; i++)); do /bin/true; done
LOOP

planrun=$(pwd)/build/planrun
echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(uname -sr)"
echo "disk under the state directory: $(df -h "$work" | awk 'NR==2 {print $1, $6}')"
echo
hyperfine --warmup 1 --min-runs 5 --export-markdown "$work/times.md" \
  --prepare "rm -rf $work/state" \
  -n "planrun ($steps steps, fresh state)" "$planrun run $work/plan.yaml --state $work/state --quiet" \
  -n "shell loop ($steps x /bin/true)" "bash $work/loop.sh"
cat "$work/times.md"
echo
echo "resume of a finished plan (every step up to date):"
hyperfine --warmup 1 --min-runs 5 -n "planrun rerun" "$planrun run $work/plan.yaml --state $work/state --quiet"
echo
echo "ansible-playbook ($steps local command tasks), one run:"
hyperfine --runs 1 -n "ansible-playbook" "ansible-playbook -i localhost, $work/playbook.yaml"
