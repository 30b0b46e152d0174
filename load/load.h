// `kg load`: fact files (the JSON lines of `kg extract`, or triples as TSV) into the store,
// through graph::Loader (table files into an empty store, write batches otherwise).
#pragma once

#include <atomic>
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"
#include "graph/loader.h"
#include "graph/store.h"

namespace kg::load {

enum class InputFormat {
  kAuto,   // by extension (.jsonl .json .ndjson, .tsv .tab), else by the first byte ('{': JSONL)
  kJsonl,  // one document per line (stream/jsonl.h)
  kTsv,    // one document per file (stream/tsv.h)
};
// "auto", "jsonl", "tsv"; false if unknown.
bool ParseInputFormat(std::string_view name, InputFormat* format);

struct LoadOptions {
  InputFormat format = InputFormat::kAuto;
  size_t threads = 0;  // threads parsing JSON lines; 0: one per core
  graph::LoaderOptions loader;
  int64_t now = 0;  // the ingested_at of every document: seconds since the Unix epoch
};

struct LoadSummary {
  size_t added = 0;
  size_t replaced = 0;
  size_t unchanged = 0;
  size_t skipped = 0;  // bad lines, bad or missing files: each reported
  uint64_t sentences = 0;
  uint64_t facts = 0;
  bool bulk = false;  // the store was empty and was built from table files
};

// Receives one line per problem with the input ("FILE:LINE: what is wrong"); the load goes on
// without that document.
using ReportFn = std::function<void(const std::string& message)>;

// Loads `paths` ("-" is standard input) in order into `store` (open for writing). Returns an
// error only when the store fails (then, on the table-file path, nothing of this load is
// stored); bad input is reported and counted in summary->skipped. Stops early, storing every
// document read so far, when *interrupted becomes true.
Status LoadFiles(graph::Store* store, const std::vector<std::string>& paths,
                 const LoadOptions& options, const ReportFn& report,
                 const std::atomic<bool>* interrupted, LoadSummary* summary);

}  // namespace kg::load
