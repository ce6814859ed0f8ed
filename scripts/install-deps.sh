#!/usr/bin/env bash
# Installs the Debian packages planrun needs to build and test, when any is missing.
# Usage: scripts/install-deps.sh [EXTRA_PACKAGE...]
set -euo pipefail

packages=(
  build-essential cmake ninja-build lld ccache pkg-config git
  libyaml-cpp-dev tao-pegtl-dev libsoci-dev libboost-dev libsqlite3-dev sqlite3 libpq-dev libmariadb-dev
  libspdlog-dev libcli11-dev nlohmann-json3-dev libgtest-dev libssl-dev libmimalloc-dev libpugixml-dev
  libarchive-dev libxxhash-dev zstd postgresql-client mariadb-client curl
  openssl util-linux  # scripts/make-carbon-home.sh: key stores and encrypted passwords; the launcher's setsid
  dpkg-dev file       # scripts/package.sh: dpkg-shlibdeps (which runs file) finds the .deb's dependencies
  "$@"
)

missing=()
for package in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q 'install ok installed' || missing+=("$package")
done
[ ${#missing[@]} -eq 0 ] && exit 0

echo "installing: ${missing[*]}"
sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
