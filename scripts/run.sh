#!/usr/bin/env bash
# The main job on the samples: install what is missing, build, ingest samples/ into kg.db, export
# out/graph.graphml and out/graph.dot, print the stats and the neighbours of the most connected
# entity.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
scripts/build.sh
kg=build/cli/kg
export KG_DB=${KG_DB:-kg.db}
"$kg" ingest samples/
mkdir -p out
"$kg" export --format graphml -o out/graph.graphml
"$kg" export --format dot -o out/graph.dot
echo "wrote out/graph.graphml and out/graph.dot"
echo
"$kg" stats
top=$("$kg" rank --limit 1 --names-only)
echo
echo "neighbours of the most connected entity, $top:"
"$kg" neighbours "$top"
