#!/usr/bin/env bash
# Configures and builds planrun in build/ with Ninja (two jobs: the machines this runs on have
# two cores), through ccache when it is installed, so that a rebuild of unchanged files is a
# cache hit. docs/BENCHMARKS.md "Build" has the times.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh "$@"
# A build/ configured by another generator (an older checkout used Make) is configured afresh.
if [ -f build/CMakeCache.txt ] && ! grep -q '^CMAKE_GENERATOR:INTERNAL=Ninja$' build/CMakeCache.txt; then
  rm -rf build/CMakeCache.txt build/CMakeFiles
fi
launcher=()
command -v ccache >/dev/null && launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo "${launcher[@]}" >/dev/null
cmake --build build -j2
