#!/usr/bin/env bash
# Benchmarks kg against what a user would pick instead, on data generated here, and prints a
# Markdown table: benchmark, ours, peer, ratio (peer / ours: above 1, kg is faster or smaller).
#
#   scripts/bench.sh [--sizes 100k,1m,10m] [--repeat N] [--work DIR] [--parts triples,export,extract]
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
# Every time is the best of N runs (default 3; 20 for the queries; 1 for loads of 10M triples),
# ours and the peer's taken in turn: on a shared machine the best run is the one least disturbed.
# CPU times (user + system) are given too: they depend less on what else runs. Rows that compare
# one core with all cores say the load average: a busy machine has no second core to give. Peak
# memory is the largest of the runs. Needs a few GB of disk in the work directory (default
# build-bench/data).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)

sizes=100k,1m,10m
repeat=3
work=""
parts=triples,export,extract
while [ $# -gt 0 ]; do
  case "$1" in
    --sizes) sizes=$2; shift 2 ;;
    --repeat) repeat=$2; shift 2 ;;
    --work) work=$2; shift 2 ;;
    --parts) parts=$2; shift 2 ;;
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
cores=$(nproc)

# measure [--repeat N] [--in F] [--out F] -- CMD...: sets best (s), cpu (s, best), rss (KB).
measure() {
  local line code
  line=$("$run" "$@")
  read -r _median best rss code _cpu cpu <<<"$line"
  if [ "$code" != 0 ]; then
    echo "failed (exit $code): ${*}" >&2
    exit 1
  fi
}

# pair N "ARGS A" "ARGS B": runs A and B in turn N times (arguments of measure, as arrays
# a_args and b_args); sets a_best a_cpu a_rss b_best b_cpu b_rss (best times, largest RSS).
pair() {
  local n=$1 i
  a_best=1e9 a_cpu=1e9 a_rss=0 b_best=1e9 b_cpu=1e9 b_rss=0
  for ((i = 0; i < n; i++)); do
    measure "${a_args[@]}"
    a_best=$(awk -v x="$best" -v y="$a_best" 'BEGIN { print (x < y ? x : y) }')
    a_cpu=$(awk -v x="$cpu" -v y="$a_cpu" 'BEGIN { print (x < y ? x : y) }')
    a_rss=$((rss > a_rss ? rss : a_rss))
    measure "${b_args[@]}"
    b_best=$(awk -v x="$best" -v y="$b_best" 'BEGIN { print (x < y ? x : y) }')
    b_cpu=$(awk -v x="$cpu" -v y="$b_cpu" 'BEGIN { print (x < y ? x : y) }')
    b_rss=$((rss > b_rss ? rss : b_rss))
  done
}
loadavg() { cut -d' ' -f1 /proc/loadavg; }

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

has() { [[ ",$parts," == *",$1,"* ]]; }
# The export runs on the graph of 1M triples if that size is measured, else of the first size.
export_size=${sizes%%,*}
[[ ",$sizes," == *",1m,"* ]] && export_size=1m
for size in ${sizes//,/ }; do
  has triples || { has export && [ "$size" = "$export_size" ]; } || continue
  n=$(count_of "$size")
  label=$(echo "$size" | tr 'km' 'KM')
  tsv=$work/triples-$size.tsv
  [ -s "$tsv" ] || "$tools/kg_bench_gen_triples" "$n" > "$tsv"
  reps=$repeat
  [ "$n" -ge 10000000 ] && reps=1
  db=$work/kg-$size.db
  if ! has triples; then
    [ -d "$db" ] || "$kg" -q --db "$db" load "$tsv"
    continue
  fi
  echo "== $label triples" >&2

  # Bulk load.
  db=$work/kg-$size.db
  sqlite=$work/sqlite-$size.db
  a_args=(--repeat 1 -- sh -c "rm -rf '$db' && exec '$kg' -q --db '$db' load '$tsv'")
  b_args=(--repeat 1 -- "$tools/kg_bench_sqlite_load" "$sqlite" "$tsv")
  pair "$reps"
  ours=$a_best ours_cpu=$a_cpu ours_rss=$a_rss
  row "bulk load, $label triples (s), vs SQLite, indexes built after" "$(fmt "$ours")" \
    "$(fmt "$b_best")" "$(ratio "$b_best" "$ours")"
  row "bulk load, $label triples (CPU s), vs SQLite, indexes built after" "$(fmt "$ours_cpu")" \
    "$(fmt "$b_cpu")" "$(ratio "$b_cpu" "$ours_cpu")"
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
  sql="SELECT relation, object, 'out' FROM triples WHERE subject = '$name'
       UNION ALL SELECT relation, subject, 'in' FROM triples WHERE object = '$name';"
  a_args=(--repeat 10 -- "$kg" --db "$db" neighbours "$name")
  b_args=(--repeat 10 -- sqlite3 "$sqlite" "$sql")
  pair 2
  ms() { fmt "$(awk -v s="$1" 'BEGIN { print s * 1000 }')"; }
  row "kg neighbours, $label triples, fresh process (ms), vs sqlite3" "$(ms "$a_best")" \
    "$(ms "$b_best")" "$(ratio "$b_best" "$a_best")"
  row "peak RSS, kg neighbours, $label triples (MB)" "$(mb "$a_rss")" "" ""
done

# GraphML export of the graph nearest a million edges.
if has export; then
db=$work/kg-$export_size.db
label=$(echo "$export_size" | tr 'km' 'KM')
echo "== export ($label triples)" >&2
edges=$("$kg" --db "$db" stats --json | $python -c 'import json,sys; print(json.load(sys.stdin)["edges"])')
out=$work/export.graphml
measure --repeat "$repeat" -- "$kg" --db "$db" export --format graphml -o "$out"
ours=$best ours_cpu=$cpu ours_rss=$rss
measure --repeat "$repeat" -- "$kg" --db "$db" export --format dot -o "$work/export.dot"
dot=$best dot_rss=$rss
peers=$($python "$root/bench/graphml_peers.py" "$out" "$work" igraph networkx)
igraph=$(echo "$peers" | awk '$1 == "igraph" { print $2 }')
igraph_cpu=$(echo "$peers" | awk '$1 == "igraph" { print $3 }')
networkx=$(echo "$peers" | awk '$1 == "networkx" { print $2 }')
networkx_cpu=$(echo "$peers" | awk '$1 == "networkx" { print $3 }')
row "GraphML export, $edges edges (s), vs igraph write_graphml" "$(fmt "$ours")" \
  "$(fmt "$igraph")" "$(ratio "$igraph" "$ours")"
row "GraphML export, $edges edges (CPU s), vs igraph write_graphml" "$(fmt "$ours_cpu")" \
  "$(fmt "$igraph_cpu")" "$(ratio "$igraph_cpu" "$ours_cpu")"
row "GraphML export, $edges edges (s), vs networkx write_graphml" "$(fmt "$ours")" \
  "$(fmt "$networkx")" "$(ratio "$networkx" "$ours")"
row "peak RSS, GraphML export, $edges edges (MB)" "$(mb "$ours_rss")" "" ""
row "DOT export, $edges edges (s); peak RSS $(mb "$dot_rss") MB" "$(fmt "$dot")" "" ""
rm -f "$out" "$work/export.dot"
fi

# Extraction and ingest: one core against all of them.
if has extract; then
echo "== extraction" >&2
corpus=$work/corpus
rm -rf "$corpus"
read -r docs bytes < <($python "$root/bench/make_corpus.py" samples "$corpus" "$ud" --copies 200)
read -r _ sentences tokens < <("$tools/kg_bench_count_tokens" < "$corpus/docs.jsonl")

runs=$repeat
per() { awk -v n="$1" -v s="$2" 'BEGIN { printf "%.0f", n / s }'; }
load=$(loadavg)
a_args=(--repeat 1 --in "$corpus/docs.jsonl" -- "$kg" extract)
b_args=(--repeat 1 --in "$corpus/docs.jsonl" -- taskset -c 0 "$kg" extract)
pair "$runs"
row "kg extract, sentences/s, all $cores cores vs one core ($docs docs, $sentences sentences; load average $load)" \
  "$(per "$sentences" "$a_best")" "$(per "$sentences" "$b_best")" "$(ratio "$b_best" "$a_best")"
row "kg extract, tokens/s, all $cores cores vs one core ($tokens tokens)" \
  "$(per "$tokens" "$a_best")" "$(per "$tokens" "$b_best")" "$(ratio "$b_best" "$a_best")"
row "peak RSS, kg extract (MB)" "$(mb "$a_rss")" "" ""
load=$(loadavg)
a_args=(--repeat 1 -- sh -c "rm -rf '$work/ingest.db' && exec '$kg' -q --db '$work/ingest.db' ingest '$corpus/docs'")
b_args=(--repeat 1 -- sh -c "rm -rf '$work/ingest.db' && exec taskset -c 0 '$kg' -q --db '$work/ingest.db' ingest '$corpus/docs'")
pair "$runs"
row "kg ingest, documents/s, all $cores cores vs one core ($docs docs; load average $load)" \
  "$(per "$docs" "$a_best")" "$(per "$docs" "$b_best")" "$(ratio "$b_best" "$a_best")"
row "kg ingest, sentences/s, all $cores cores vs one core" "$(per "$sentences" "$a_best")" \
  "$(per "$sentences" "$b_best")" "$(ratio "$b_best" "$a_best")"
row "peak RSS, kg ingest (MB)" "$(mb "$a_rss")" "" ""
rm -rf "$work/ingest.db"
fi

echo
echo "kg $(git rev-parse --short HEAD 2>/dev/null || echo '?'), $(date -u '+%Y-%m-%d %H:%M UTC'), $cores cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')), load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo "scripts/bench.sh --sizes $sizes --repeat $repeat --parts $parts; times are the best of the runs"
echo
echo "| benchmark | ours | peer | ratio |"
echo "| --- | ---: | ---: | ---: |"
printf '%s\n' "${rows[@]}"
