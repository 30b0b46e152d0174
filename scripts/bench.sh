#!/usr/bin/env bash
# Benchmarks kg against what a user would pick instead, on data generated here, and prints a
# Markdown table: benchmark, ours, peer, ratio (peer / ours: above 1, kg is faster or smaller).
#
#   scripts/bench.sh [--sizes 100k,1m,10m] [--repeat N] [--work DIR]
#
# - bulk load of synthetic triples (TSV, a tenth as many entities) and the store's size, against
#   SQLite (sqlite3 from Debian: one triples table, subject and object indexes, one transaction,
#   a prepared statement), with the indexes built after the inserts (SQLite's fastest way) and,
#   as the issue describes the table, created before them;
# - `kg neighbours NAME` in a fresh process against the same query in a fresh sqlite3 process;
# - GraphML export of the graph of about 1M edges against python3-igraph and python3-networkx
#   (their write_graphml only; they first read the graph kg wrote);
# - extraction (kg extract) and kg ingest on one core (taskset) and on all cores, on the samples
#   and, if present, the Universal Dependencies text in $KG_UD_DIR (default /work/shared/ud);
# - the peak resident memory of each of ours.
#
# Every time is the best of N runs (default 3; 20 for the queries; 1 for loads of 10M triples):
# the machine is shared, and the best run is the one least disturbed. Peak memory is the largest
# of the runs. Needs a few GB of disk in the work directory (default build-bench/data).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)

sizes=100k,1m,10m
repeat=3
work=""
while [ $# -gt 0 ]; do
  case "$1" in
    --sizes) sizes=$2; shift 2 ;;
    --repeat) repeat=$2; shift 2 ;;
    --work) work=$2; shift 2 ;;
    -h|--help) sed -n '2,22p' "$0"; exit 0 ;;
    *) echo "unknown option $1 (see --help)" >&2; exit 2 ;;
  esac
done

scripts/install-deps.sh
build=${KG_BENCH_BUILD_DIR:-build-bench}
cmake -S . -B "$build" -DCMAKE_BUILD_TYPE=Release -DKG_BENCH=ON -DBUILD_TESTING=OFF >/dev/null
cmake --build "$build" -j"$(nproc)" --target kg kg_bench_gen_triples kg_bench_run \
  kg_bench_sqlite_load kg_bench_count_tokens >/dev/null
build=$(cd "$build" && pwd)
kg=$build/cli/kg
tools=$build/bench
run=$tools/kg_bench_run
python=/usr/bin/python3
work=${work:-$build/data}
mkdir -p "$work"
work=$(cd "$work" && pwd)
ud=${KG_UD_DIR:-/work/shared/ud}

# measure [--repeat N] [--in F] [--out F] -- CMD...: sets best (s), rss (KB), code.
measure() {
  local line
  line=$("$run" "$@")
  read -r _median best rss code _cpu _cpu_min <<<"$line"
  if [ "$code" != 0 ]; then
    echo "failed (exit $code): ${*}" >&2
    exit 1
  fi
}

rows=()
row() { rows+=("| $1 | $2 | $3 | $4 |"); }
ratio() { awk -v p="$1" -v o="$2" 'BEGIN { if (o > 0) printf "%.2f", p / o; else print "-" }'; }
fmt() { awk -v x="$1" 'BEGIN { printf(x >= 100 ? "%.0f" : (x >= 1 ? "%.2f" : "%.4f"), x) }'; }
mb() { awk -v k="$1" 'BEGIN { printf "%.0f", k / 1024 }'; }

count_of() {
  case "$1" in
    *k) echo $(( ${1%k} * 1000 )) ;;
    *m) echo $(( ${1%m} * 1000000 )) ;;
    *) echo "$1" ;;
  esac
}

export_size=""
for size in ${sizes//,/ }; do
  n=$(count_of "$size")
  label=$(echo "$size" | tr 'km' 'KM')
  tsv=$work/triples-$size.tsv
  [ -s "$tsv" ] || "$tools/kg_bench_gen_triples" "$n" > "$tsv"
  reps=$repeat
  [ "$n" -ge 10000000 ] && reps=1
  echo "== $label triples" >&2

  # Bulk load.
  db=$work/kg-$size.db
  measure --repeat "$reps" -- sh -c "rm -rf '$db' && exec '$kg' -q --db '$db' load '$tsv'"
  ours=$best ours_rss=$rss
  sqlite=$work/sqlite-$size.db
  measure --repeat "$reps" -- "$tools/kg_bench_sqlite_load" "$sqlite" "$tsv"
  peer=$best
  row "bulk load, $label triples (s), vs SQLite, indexes built after" "$(fmt "$ours")" \
    "$(fmt "$peer")" "$(ratio "$peer" "$ours")"
  measure --repeat 1 -- "$tools/kg_bench_sqlite_load" "$work/sqlite-first.db" "$tsv" --index-first
  row "bulk load, $label triples (s), vs SQLite, indexes created first" "$(fmt "$ours")" \
    "$(fmt "$best")" "$(ratio "$best" "$ours")"
  rm -f "$work/sqlite-first.db"
  row "peak RSS, kg load $label triples (MB)" "$(mb "$ours_rss")" "" ""
  ours_bytes=$(du -sb "$db" | cut -f1)
  peer_bytes=$(stat -c %s "$sqlite")
  row "store size, $label triples (MB), vs SQLite file" \
    "$(mb $((ours_bytes / 1024)))" "$(mb $((peer_bytes / 1024)))" \
    "$(ratio "$peer_bytes" "$ours_bytes")"

  # A cold neighbour query: a fresh process each time.
  name=$(head -1 "$tsv" | cut -f1)
  measure --repeat 20 -- "$kg" --db "$db" neighbours "$name"
  ours=$best ours_rss=$rss
  sql="SELECT relation, object, 'out' FROM triples WHERE subject = '$name'
       UNION ALL SELECT relation, subject, 'in' FROM triples WHERE object = '$name';"
  measure --repeat 20 -- sqlite3 "$sqlite" "$sql"
  row "kg neighbours, $label triples, fresh process (ms), vs sqlite3" \
    "$(fmt "$(awk -v s="$ours" 'BEGIN { print s * 1000 }')")" \
    "$(fmt "$(awk -v s="$best" 'BEGIN { print s * 1000 }')")" "$(ratio "$best" "$ours")"
  row "peak RSS, kg neighbours, $label triples (MB)" "$(mb "$ours_rss")" "" ""
  if [ "$size" = 1m ] || [ -z "$export_size" ]; then export_size=$size; fi
done

# GraphML export of the graph nearest a million edges.
db=$work/kg-$export_size.db
label=$(echo "$export_size" | tr 'km' 'KM')
echo "== export ($label triples)" >&2
edges=$("$kg" --db "$db" stats --json | $python -c 'import json,sys; print(json.load(sys.stdin)["edges"])')
out=$work/export.graphml
measure --repeat "$repeat" -- "$kg" --db "$db" export --format graphml -o "$out"
ours=$best ours_rss=$rss
measure --repeat "$repeat" -- "$kg" --db "$db" export --format dot -o "$work/export.dot"
dot=$best dot_rss=$rss
peers=$($python "$root/bench/graphml_peers.py" "$out" "$work" igraph networkx)
igraph=$(echo "$peers" | awk '$1 == "igraph" { print $2 }')
networkx=$(echo "$peers" | awk '$1 == "networkx" { print $2 }')
row "GraphML export, $edges edges (s), vs igraph write_graphml" "$(fmt "$ours")" \
  "$(fmt "$igraph")" "$(ratio "$igraph" "$ours")"
row "GraphML export, $edges edges (s), vs networkx write_graphml" "$(fmt "$ours")" \
  "$(fmt "$networkx")" "$(ratio "$networkx" "$ours")"
row "peak RSS, GraphML export, $edges edges (MB)" "$(mb "$ours_rss")" "" ""
row "DOT export, $edges edges (s); peak RSS $(mb "$dot_rss") MB" "$(fmt "$dot")" "" ""
rm -f "$out" "$work/export.dot"

# Extraction and ingest: one core against all of them.
echo "== extraction" >&2
corpus=$work/corpus
rm -rf "$corpus"
read -r docs bytes < <($python "$root/bench/make_corpus.py" samples "$corpus" "$ud")
read -r _ sentences tokens < <("$tools/kg_bench_count_tokens" < "$corpus/docs.jsonl")
cores=$(nproc)
measure --repeat "$repeat" --in "$corpus/docs.jsonl" -- taskset -c 0 "$kg" extract
one=$best
measure --repeat "$repeat" --in "$corpus/docs.jsonl" -- "$kg" extract
all=$best all_rss=$rss
per() { awk -v n="$1" -v s="$2" 'BEGIN { printf "%.0f", n / s }'; }
row "kg extract, sentences/s, all $cores cores vs one core ($docs docs, $sentences sentences)" \
  "$(per "$sentences" "$all")" "$(per "$sentences" "$one")" "$(ratio "$one" "$all")"
row "kg extract, tokens/s, all $cores cores vs one core ($tokens tokens)" \
  "$(per "$tokens" "$all")" "$(per "$tokens" "$one")" "$(ratio "$one" "$all")"
row "peak RSS, kg extract (MB)" "$(mb "$all_rss")" "" ""
measure --repeat "$repeat" -- sh -c "rm -rf '$work/ingest.db' && exec taskset -c 0 '$kg' -q --db '$work/ingest.db' ingest '$corpus/docs'"
one=$best
measure --repeat "$repeat" -- sh -c "rm -rf '$work/ingest.db' && exec '$kg' -q --db '$work/ingest.db' ingest '$corpus/docs'"
all=$best all_rss=$rss
row "kg ingest, documents/s, all $cores cores vs one core ($docs docs)" "$(per "$docs" "$all")" \
  "$(per "$docs" "$one")" "$(ratio "$one" "$all")"
row "kg ingest, sentences/s, all $cores cores vs one core" "$(per "$sentences" "$all")" \
  "$(per "$sentences" "$one")" "$(ratio "$one" "$all")"
row "peak RSS, kg ingest (MB)" "$(mb "$all_rss")" "" ""
rm -rf "$work/ingest.db"

echo
echo "kg $(git rev-parse --short HEAD 2>/dev/null || echo '?'), $(date -u '+%Y-%m-%d %H:%M UTC'), $cores cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')), load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo "scripts/bench.sh --sizes $sizes --repeat $repeat; times are the best of the runs"
echo
echo "| benchmark | ours | peer | ratio |"
echo "| --- | ---: | ---: | ---: |"
printf '%s\n' "${rows[@]}"
