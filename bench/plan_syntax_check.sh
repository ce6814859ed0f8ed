#!/usr/bin/env bash
# Times `planrun check` on a generated 10,000-step plan written in YAML next to the same plan
# written in the .plan syntax (converted by `planrun fmt --to plan`), in one hyperfine run, and
# times `planrun fmt --check` on both. The reference is planrun's own YAML front end (yaml-cpp,
# parsed in parts on all cores): the question is whether the .plan front end costs a reviewer's
# CI anything.
# Usage: bench/plan_syntax_check.sh [STEPS]
set -euo pipefail
cd "$(dirname "$0")/.."
steps=${1:-10000}
scripts/install-deps.sh hyperfine >/dev/null
scripts/build.sh >/dev/null
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# The plan of bench/check_10k_steps.sh: a chain of `run` steps, each with an expression.
bench/chain_plan.sh "$steps" > "$work/plan.yaml"
planrun=$(pwd)/build/planrun
"$planrun" fmt --to plan "$work/plan.yaml" > "$work/plan.plan"

echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg), $(uname -sr)"
echo "sizes: $(wc -c < "$work/plan.yaml") bytes of YAML, $(wc -c < "$work/plan.plan") bytes of .plan"
echo
hyperfine --warmup 1 --min-runs 10 --export-json "$work/times.json" \
  -n "check plan.yaml" "$planrun check $work/plan.yaml" \
  -n "check plan.plan" "$planrun check $work/plan.plan" \
  -n "fmt --check plan.yaml" "$planrun fmt --check $work/plan.yaml" \
  -n "fmt --check plan.plan" "$planrun fmt --check $work/plan.plan"
echo
python3 - "$work/times.json" <<'RATIOS'
import json, sys
r = {x["command"]: x for x in json.load(open(sys.argv[1]))["results"]}
for what in ("check", "fmt --check"):
    yaml, plan = r[f"{what} plan.yaml"], r[f"{what} plan.plan"]
    print(f"{what}: .plan / YAML = {plan['mean'] / yaml['mean']:.2f} on means, "
          f"{plan['median'] / yaml['median']:.2f} on medians "
          f"({plan['median'] * 1000:.0f} ms against {yaml['median'] * 1000:.0f} ms)")
RATIOS
