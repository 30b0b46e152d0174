// Internal to graph/: building a store that holds nothing yet without write batches. Documents
// are merged (graph/merge.h) into an in-memory image of the small parts (entities, relation
// names, document records) while the large parts (provenance, aliases, texts) go to external
// sorters; Finish() writes every column family as sorted table files and ingests them all in one
// atomic step (RocksDB IngestExternalFiles): the load is in the store whole or not at all.
#pragma once

#include <filesystem>
#include <memory>

#include "core/status.h"
#include "graph/document_source.h"
#include "graph/store.h"
#include "graph/store_impl.h"

namespace kg::graph {

struct BulkOptions {
  std::filesystem::path temp_dir;      // for sort runs and table files; inside the store directory
  size_t memory_budget = 128u << 20;   // bytes of sort buffers, all sorters together
  size_t small_load_bytes = 1u << 20;  // below this, Finish() writes one batch, no table files
};

class BulkBuilder final {
 public:
  // `store` must be empty (StoreImpl::IsEmpty) and open for writing.
  static Status Create(detail::StoreImpl& store, const BulkOptions& options,
                       std::unique_ptr<BulkBuilder>* out);
  ~BulkBuilder();
  BulkBuilder(const BulkBuilder&) = delete;
  BulkBuilder& operator=(const BulkBuilder&) = delete;

  // Adds a document as Store::Ingest would. Returns NotSupported, having changed nothing, when
  // the document would replace other content of its source added earlier (an edited file loaded
  // twice): the caller then finishes this builder and goes on with write batches. Any other
  // error leaves the builder failed: Finish() then writes nothing.
  Status Add(const LoadDocument& doc, IngestOutcome* outcome, DocId* id);

  // Writes and ingests everything added. Nothing is visible in the store before this returns.
  Status Finish();

  size_t documents() const;

 private:
  struct Rep;
  explicit BulkBuilder(std::unique_ptr<Rep> rep);
  std::unique_ptr<Rep> rep_;
};

}  // namespace kg::graph
