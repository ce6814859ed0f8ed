#!/usr/bin/env bash
# What starting a command costs planrun: N runs of /bin/true through PosixProcessRunner (the
# way every run step starts), and the group keeper's share of it (one watch and one forget
# message per command). Built here with g++ from the sources, outside CMake, in a temp dir.
# Usage: bench/process_start_cost.sh [RUNS]
set -euo pipefail
cd "$(dirname "$0")/.."
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
process=interpreter/process
g++ -std=c++20 -O2 -I. bench/process_runner_true.cc $process/{child_process,process_runner,line_splitter,group_keeper}.cc \
  -o "$work/runner" -pthread
g++ -std=c++20 -O2 -I. bench/group_keeper_messages.cc $process/group_keeper.cc -o "$work/keeper"
"$work/runner" "${1:-1000}"
"$work/keeper"
