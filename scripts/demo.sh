#!/usr/bin/env bash
# Builds planrun and shows the main job on the embedded default (SQLite, no server):
# the Carbon 4.4.6 -> 4.4.7 plan is checked, then previewed with rehearsal values.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/build.sh >/dev/null
planrun=build/planrun
plan=examples/446-to-447.yaml

echo "== planrun check $plan"
$planrun check "$plan"
echo "clean: no diagnostics"
echo
echo "== planrun plan $plan --vars examples/446-to-447.demo-vars.yaml"
$planrun plan "$plan" --vars examples/446-to-447.demo-vars.yaml
echo
echo "== planrun graph $plan --format mermaid"
$planrun graph "$plan" --format mermaid
