#!/usr/bin/env bash
# Prints the YAML plan the check benchmarks time: a chain of STEPS `run` steps, each with an
# expression, so that parsing, binding, expression checking and dependency resolution all do
# real work.
# Usage: bench/chain_plan.sh STEPS > plan.yaml
set -euo pipefail
steps=$1
echo "planrun: 1"
echo "name: bench-$steps"
echo "params:"
echo "  greeting: {type: string, default: hello}"
echo "steps:"
for ((i = 1; i <= steps; i++)); do
  echo "  - id: s$i"
  echo "    type: run"
  [ "$i" -gt 1 ] && echo "    needs: [s$((i - 1))]"
  echo "    with: {command: [\"/bin/echo\", \"\${greeting} $i\"]}"
done
