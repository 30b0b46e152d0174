#!/usr/bin/env bash
# Reproduces the shipped NLP models (models/en-clusters.kgm, en-tagger.kgm, en-parser.kgm) from
# the treebanks in ../shared/ud and two Debian packages (wordnet-base, dict-gcide: the raw text of
# the word clusters). See models/README.md for the figures and the time each step takes.
#   scripts/train_models.sh [KG_BINARY] [OUT_DIR]
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
kg=${1:-$here/build/cli/kg}
out=${2:-$here/models}
ud=${KG_UD:-$here/../shared/ud}
train=("$ud/EWT/en_ewt-ud-train.conllu" "$ud/GUM/en_gum-open-train.conllu")
dev=$ud/EWT/en_ewt-ud-dev.conllu

for p in wordnet-base dict-gcide; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    sudo=""
    [ "$(id -u)" -ne 0 ] && sudo="sudo"
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y --no-install-recommends "$p"
  fi
done

text=$(mktemp -d)
trap 'rm -rf "$text"' EXIT
python3 "$here/scripts/cluster_text.py" "$text" "${train[@]}"
"$kg" -v train clusters --text "$text/wordnet.txt" "$text/gcide.txt" "$text/ud.txt" \
  -o "$out/en-clusters.kgm"
"$kg" -v train tagger --train "${train[@]}" --dev "$dev" --clusters "$out/en-clusters.kgm" \
  -o "$out/en-tagger.kgm"
# The parser uses the clusters and the coarse-triple feature block (4); it trains on tags from 10
# jackknife taggers trained without clusters (--jackknife-plain: their noisier tags made a better
# parser on EWT dev than the tags of taggers with clusters). Three perceptrons of 12 passes,
# trained on different orders of the data, averaged: the best on EWT dev. Those settings chosen,
# the shipped parser is trained on EWT dev as well (no --dev: it would score its own training data).
"$kg" -v train parser --train "${train[@]}" "$dev" --tagger "$out/en-tagger.kgm" \
  --clusters "$out/en-clusters.kgm" --jackknife-plain --feature-blocks 4 --ensemble 3 \
  --iterations 12 -o "$out/en-parser.kgm"
