#!/usr/bin/env bash
# Builds planrun and runs every test. What CI runs (.ci/run), and what a newcomer runs.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/build.sh
ctest --test-dir build --output-on-failure -j2
