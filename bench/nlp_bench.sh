#!/usr/bin/env bash
# Speed of tagging + parsing (gold tokenisation) and of tokenisation, one thread, on a CoNLL-U
# file (default: UD English EWT test from ../shared). Runs each eval several times and prints
# every run's figures line; the machine should be otherwise idle.
#   bench/nlp_bench.sh [KG_BINARY] [CONLLU] [RUNS]
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
kg=${1:-$here/build/cli/kg}
conllu=${2:-$here/../shared/ud/EWT/en_ewt-ud-test.conllu}
runs=${3:-5}
models=${KG_MODELS:-$here/models}
for _ in $(seq "$runs"); do
  "$kg" eval parse --conllu "$conllu" --models "$models" 2>/dev/null | tail -n 1
done
for _ in $(seq "$runs"); do
  "$kg" eval tokenize --conllu "$conllu" 2>/dev/null | tail -n 1
done
