#!/usr/bin/env bash
# Builds kg and runs every test through ctest. With --sanitize, builds with ASan+UBSan in
# build-asan/ and runs the tests there.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ "${1:-}" = "--sanitize" ]; then
  export KG_BUILD_DIR=build-asan KG_BUILD_TYPE=RelWithDebInfo
  scripts/build.sh -DKG_SANITIZE=ON
else
  scripts/build.sh
fi
cd "${KG_BUILD_DIR:-build}"
ctest --output-on-failure -j"$(nproc)"
