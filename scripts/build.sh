#!/usr/bin/env bash
# Configures and builds planrun in build/ (two jobs: the machines this runs on have two cores).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh "$@"
cmake -S . -B build -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build build -j2
