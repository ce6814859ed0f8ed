#!/usr/bin/env bash
# Builds planrun and shows the main job on the embedded default (SQLite, no server): the
# Carbon 4.4.6 -> 4.4.7 plan is checked, previewed with rehearsal values and drawn; then a small
# plan whose steps run today is run, run again (everything up to date) and its state shown.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/build.sh >/dev/null
planrun=build/planrun
plan=examples/446-to-447.yaml
state=$(mktemp -d)
trap 'rm -rf "$state"' EXIT

echo "== planrun check $plan"
$planrun check "$plan"
echo "clean: no diagnostics"
echo
echo "== planrun plan $plan --vars examples/446-to-447.demo-vars.yaml"
$planrun plan "$plan" --vars examples/446-to-447.demo-vars.yaml
echo
echo "== planrun graph $plan --format mermaid"
$planrun graph "$plan" --format mermaid
echo
echo "== the same plan in the .plan syntax (examples/446-to-447.plan): both canonical, one graph"
$planrun fmt --check "$plan" examples/446-to-447.plan
diff <($planrun graph "$plan") <($planrun graph examples/446-to-447.plan) && echo "same graph"
echo
echo "== planrun examples/ci/hello.yaml (run, then again: every step is up to date)"
$planrun examples/ci/hello.yaml --state "$state" --set marker="$state/marker"
$planrun examples/ci/hello.yaml --state "$state" --set marker="$state/marker"
echo
echo "== planrun status examples/ci/hello.yaml"
$planrun status examples/ci/hello.yaml --state "$state"
