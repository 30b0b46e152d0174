#include "graph/loader.h"

#include <filesystem>

#include "graph/batch.h"
#include "graph/bulk.h"
#include "graph/store_impl.h"

namespace kg::graph {

Loader::Loader(Store* store, const LoaderOptions& options) : store_(store), options_(options) {}
Loader::~Loader() = default;

Status Loader::Open(Store* store, const LoaderOptions& options, std::unique_ptr<Loader>* out) {
  detail::StoreImpl& impl = *store->impl_;
  if (impl.read_only) return Status::InvalidArgument("the store is open read-only");
  std::unique_ptr<Loader> loader(new Loader(store, options));
  // Temporary files of a load that crashed: nothing in them counts (this process holds the
  // store's lock, so no other load is using them).
  std::error_code ec;
  std::filesystem::remove_all(impl.dir / "bulk.tmp", ec);
  bool empty = false;
  if (options.allow_bulk) KG_RETURN_IF_ERROR(impl.IsEmpty(&empty));
  if (empty) {
    BulkOptions bulk;
    bulk.temp_dir = impl.dir / "bulk.tmp";
    bulk.memory_budget = options.memory_budget;
    bulk.small_load_bytes = options.small_load_bytes;
    KG_RETURN_IF_ERROR(BulkBuilder::Create(impl, bulk, &loader->bulk_));
  } else {
    loader->batch_ = std::make_unique<BatchWriter>(impl);
    loader->batch_started_ = std::chrono::steady_clock::now();
  }
  *out = std::move(loader);
  return Status::Ok();
}

bool Loader::bulk() const { return bulk_ != nullptr; }

Status Loader::Add(const LoadDocument& doc, IngestOutcome* outcome, DocId* id) {
  if (bulk_) {
    Status s = bulk_->Add(doc, outcome, id);
    if (s.code() != Status::Code::kNotSupported) return s;
    // The document replaces one of this load: store what was built, go on with batches.
    KG_RETURN_IF_ERROR(bulk_->Finish());
    bulk_.reset();
    batch_ = std::make_unique<BatchWriter>(*store_->impl_);
    batch_started_ = std::chrono::steady_clock::now();
  }
  if (batch_->pending_documents() == 0) batch_started_ = std::chrono::steady_clock::now();
  KG_RETURN_IF_ERROR(batch_->Add(doc, outcome, id));
  return MaybeCommit();
}

Status Loader::MaybeCommit() {
  if (batch_->pending_documents() >= options_.batch_documents ||
      batch_->pending_bytes() >= options_.batch_bytes ||
      std::chrono::steady_clock::now() - batch_started_ >= options_.batch_age) {
    return batch_->Commit();
  }
  return Status::Ok();
}

Status Loader::Finish() {
  if (bulk_) {
    Status s = bulk_->Finish();
    bulk_.reset();
    KG_RETURN_IF_ERROR(s);
  } else if (batch_) {
    KG_RETURN_IF_ERROR(batch_->Commit());
  }
  return store_->impl_->FlushIfLarger(options_.flush_above);
}

}  // namespace kg::graph
