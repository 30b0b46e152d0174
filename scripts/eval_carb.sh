#!/usr/bin/env bash
# Scores kg's Open IE on the CaRB benchmark's dev split (../shared/carb): runs
# `kg extract --format carb` over its 641 tokenised sentences and CaRB's own scorer over the
# output. The scorer is not part of kg: it is read from $CARB_DIR (default /tmp/CaRB), cloned
# there from https://github.com/dair-iitd/CaRB if missing, and run under Debian's python with
# python3-docopt, -numpy, -nltk, -sklearn and -scipy (../shared/carb/README.md).
# usage: scripts/eval_carb.sh        prints CaRB's "AUC: ... Optimal (precision, recall, F1)" line
set -euo pipefail
cd "$(dirname "$0")/.."
kg=${KG_BIN:-build/cli/kg}
carb_data=${KG_CARB_DATA:-../shared/carb}
carb_dir=${CARB_DIR:-/tmp/CaRB}
runner=${KG_CARB_RUNNER:-../shared/tools/run_carb.py}
[ -x "$kg" ] || { echo "eval_carb: no $kg; run make build first" >&2; exit 2; }
[ -f "$carb_data/dev.txt" ] || { echo "eval_carb: no $carb_data/dev.txt (set KG_CARB_DATA)" >&2; exit 2; }
[ -f "$runner" ] || { echo "eval_carb: no $runner (set KG_CARB_RUNNER)" >&2; exit 2; }
if [ ! -f "$carb_dir/carb.py" ]; then
  git clone --quiet --depth 1 https://github.com/dair-iitd/CaRB "$carb_dir"
fi
out=$(mktemp --suffix=.tsv)
trap 'rm -f "$out"' EXIT
start=$(date +%s%N)
"$kg" extract --format carb < "$carb_data/dev.txt" > "$out"
end=$(date +%s%N)
echo "$(wc -l < "$out") tuples from $(grep -c . "$carb_data/dev.txt") sentences in" \
  "$(( (end - start) / 1000000 )) ms"
CARB_DIR="$carb_dir" /usr/bin/python3 "$runner" --gold=data/gold/dev.tsv --out=/dev/null \
  --tabbed="$out" 2>/dev/null | grep -E '^AUC'
