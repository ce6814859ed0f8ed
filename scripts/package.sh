#!/usr/bin/env bash
# Builds planrun (scripts/build.sh) and its Debian package, build/planrun_VERSION_ARCH.deb, and
# prints the package's path. A machine installs it with: apt install ./planrun_VERSION_ARCH.deb
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/build.sh "$@"
(cd build && cpack -G DEB >/dev/null)
version=$(sed -n 's/^CMAKE_PROJECT_VERSION:STATIC=//p' build/CMakeCache.txt)
ls "$PWD/build/planrun_${version}_$(dpkg --print-architecture).deb"
