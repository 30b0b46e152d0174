#!/usr/bin/env bash
# Installs what kg needs to build, test and run, from Debian packages (Debian 12). Uses sudo when
# not root. Installs only what is missing, so it is quick to run again. With --fuzz, also what
# scripts/fuzz.sh needs: clang 14 and its libFuzzer and sanitizer runtimes.
set -euo pipefail

packages=(
  # build
  build-essential cmake pkg-config
  # libraries
  librocksdb-dev libboost-graph-dev libspdlog-dev libfmt-dev libcli11-dev nlohmann-json3-dev
  libxxhash-dev libzstd-dev catch2
  # tests: real clients read our exports back
  python3 python3-networkx python3-igraph graphviz libxml2-utils
  # benchmarks (scripts/bench.sh): the SQLite peer, taskset for one-core runs
  sqlite3 libsqlite3-dev util-linux
)
if [ "${1:-}" = "--fuzz" ]; then
  packages+=(clang-14 libclang-rt-14-dev)
fi

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi

sudo=""
if [ "$(id -u)" -ne 0 ]; then
  sudo="sudo"
fi
echo "installing: ${missing[*]}" >&2
export DEBIAN_FRONTEND=noninteractive
if ! $sudo apt-get install -y --no-install-recommends "${missing[@]}"; then
  # A fresh machine may have no package lists yet.
  $sudo apt-get update
  $sudo apt-get install -y --no-install-recommends "${missing[@]}"
fi
