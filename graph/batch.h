// Internal to graph/: adding documents to a store through write batches. Several documents may
// share one batch (one atomic RocksDB write); a document that fails is rolled back out of the
// batch alone, so every committed batch holds whole documents only.
#pragma once

#include <cstddef>
#include <memory>

#include "core/status.h"
#include "graph/document_source.h"
#include "graph/store.h"
#include "graph/store_impl.h"

namespace kg::graph {

class BatchWriter final {
 public:
  explicit BatchWriter(detail::StoreImpl& store);
  ~BatchWriter();
  BatchWriter(const BatchWriter&) = delete;
  BatchWriter& operator=(const BatchWriter&) = delete;

  // Adds one document to the batch, with the semantics of Store::Ingest: if `source` held other
  // content, that content's facts go; content already stored only gains the source. On error
  // nothing of this document stays in the batch.
  Status Add(const LoadDocument& doc, IngestOutcome* outcome, DocId* id);

  // Writes the batch (atomically) and starts an empty one.
  Status Commit();

  size_t pending_documents() const;
  size_t pending_bytes() const;  // size of the batch's data

  // Documents with more facts than this are refused (InvalidArgument): a write batch is held in
  // memory whole. Such documents load into an empty store, which is built without batches.
  static constexpr size_t kMaxFactsPerDocument = 1u << 20;

 private:
  struct Rep;
  std::unique_ptr<Rep> rep_;
};

}  // namespace kg::graph
