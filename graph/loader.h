// Adding many documents to a store: what `kg load` and `kg ingest` use. A store that holds
// nothing yet is built directly as sorted table files (RocksDB SstFileWriter), ingested in one
// atomic step at Finish(); a store that holds data gets write batches of whole documents. Both
// merge entities, aliases and weights exactly as Store::Ingest does, document by document, so
// the same documents in the same order give the same store either way.
#pragma once

#include <chrono>
#include <cstddef>
#include <memory>

#include "core/status.h"
#include "graph/document_source.h"
#include "graph/store.h"

namespace kg::graph {

class BatchWriter;
class BulkBuilder;

struct LoaderOptions {
  // Build table files when the store is empty. Off: always write batches (for tests that
  // compare the two paths).
  bool allow_bulk = true;
  // Bytes of sort buffers the table-file path may hold before it spills sorted runs to disk.
  size_t memory_budget = 128u << 20;
  // A load into an empty store smaller than this many bytes is written as one write batch at
  // Finish() rather than as table files (which cost a few file syncs each): still atomic.
  size_t small_load_bytes = 1u << 20;
  // Finish() writes the memtables out when they hold more than this, so that later processes
  // opening the store need not replay the write-ahead log.
  uint64_t flush_above = 1u << 20;
  // The batch path writes a batch when it holds this many documents or bytes, or is this old.
  size_t batch_documents = 512;
  size_t batch_bytes = 32u << 20;
  std::chrono::milliseconds batch_age{2000};
};

class Loader final {
 public:
  // `store` must be open for writing and outlive the loader.
  static Status Open(Store* store, const LoaderOptions& options, std::unique_ptr<Loader>* out);
  ~Loader();  // without Finish(), what is pending is dropped: no partial document is written
  Loader(const Loader&) = delete;
  Loader& operator=(const Loader&) = delete;

  // True while documents go to table files (the store was empty at Open()).
  bool bulk() const;

  // Adds one document, with Store::Ingest's semantics and outcomes. The document is stored at the
  // latest by Finish(): on the batch path when its batch is written (several whole documents
  // at a time), on the table-file path only at Finish(), all documents at once. If the
  // document's source held other content added earlier in this load, the table-file path
  // writes what it has and the load goes on with batches. Errors: InvalidArgument for a bad
  // document (nothing of it is stored; the load can go on), others for storage failures (on
  // the table-file path nothing of this load is then stored).
  Status Add(const LoadDocument& doc, IngestOutcome* outcome, DocId* id);

  // Writes everything added so far. Call it once, at the end (or after an interruption).
  Status Finish();

 private:
  Loader(Store* store, const LoaderOptions& options);
  Status MaybeCommit();
  Store* store_;
  LoaderOptions options_;
  std::unique_ptr<BulkBuilder> bulk_;
  std::unique_ptr<BatchWriter> batch_;
  std::chrono::steady_clock::time_point batch_started_;
};

}  // namespace kg::graph
