#!/usr/bin/env bash
# Builds the libFuzzer targets of fuzz/ with clang 14 (ASan + UBSan) in build-fuzz/ and runs each
# for SECONDS (default 30), one after another.
#
#   scripts/fuzz.sh [SECONDS] [TARGET...]     e.g. scripts/fuzz.sh 600 tokenizer
#
# Each target starts from fuzz/seeds/TARGET, fuzz/regressions/TARGET and what earlier runs found
# (build-fuzz/corpus/TARGET). A crash, a broken contract (FUZZ_CHECK), a leak, an input slower than
# 10 s or a run above 2 GB is a finding: its input is saved in build-fuzz/findings/TARGET/, the
# script goes on with the other targets and exits 1 at the end. Once the bug is fixed, copy the
# input to fuzz/regressions/TARGET/: the ctest "fuzz regressions: TARGET" replays it from then on.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-30}
shift || true
build=${KG_FUZZ_BUILD_DIR:-build-fuzz}

scripts/install-deps.sh --fuzz
targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
  for f in fuzz/*_fuzzer.cc; do
    t=$(basename "$f" _fuzzer.cc)
    targets+=("$t")
  done
fi

cmake -S . -B "$build" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DKG_FUZZ=ON -DBUILD_TESTING=OFF \
  -DCMAKE_CXX_COMPILER=clang++-14 >/dev/null
cmake --build "$build" -j"$(nproc)" --target "${targets[@]/#/fuzz_}"

failed=()
for t in "${targets[@]}"; do
  corpus="$build/corpus/$t"
  findings="$build/findings/$t"
  mkdir -p "$corpus" "$findings"
  inputs=("$corpus" "fuzz/seeds/$t")
  if [ -d "fuzz/regressions/$t" ]; then inputs+=("fuzz/regressions/$t"); fi
  log="$build/fuzz-$t.log"
  echo "fuzz: $t for ${seconds} s" >&2
  # Inputs up to 16 KB (KG_FUZZ_MAX_LEN): larger ones, such as the 300 KB regression of the
  # tokenizer, are truncated here and replayed whole by the ctest.
  if "$build/fuzz/fuzz_$t" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 \
      -max_len="${KG_FUZZ_MAX_LEN:-16384}" -print_final_stats=1 -artifact_prefix="$findings/" \
      "${inputs[@]}" >"$log" 2>&1; then
    runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log")
    echo "fuzz: $t: ${runs:-?} inputs in ${seconds} s, corpus $(ls "$corpus" | wc -l) files," \
      "no findings" >&2
  else
    echo "fuzz: $t: FINDING, see $log and $findings/" >&2
    grep -E "ERROR|contract violated|SUMMARY" "$log" | head -5 >&2 || true
    failed+=("$t")
  fi
done
if [ ${#failed[@]} -gt 0 ]; then
  echo "fuzz: findings in: ${failed[*]}" >&2
  exit 1
fi
