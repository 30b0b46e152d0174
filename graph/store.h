// The kg store: documents, entities, aliases, triples and their provenance in one RocksDB
// database (layout: graph/keys.h). One process writes at a time (RocksDB's lock file enforces it);
// any number read, through read-only opens.
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"
#include "core/types.h"
#include "graph/keys.h"

namespace kg::graph {
namespace detail {
struct StoreImpl;  // RocksDB handles; defined in store.cc
}  // namespace detail

struct OpenOptions {
  bool read_only = false;
  // Create an empty store when `dir` does not exist (write mode only).
  bool create_if_missing = true;
};

struct EntityInfo {
  EntityId id = 0;
  std::string name;
  EntityType type = EntityType::kOther;
  uint32_t mentions = 0;
  uint32_t documents = 0;
};

// One stored triple, as seen from one of its ends.
struct EdgeInfo {
  TripleKey triple;
  uint32_t weight = 0;  // supporting mentions
};

struct StoreStats {
  int64_t documents = 0;
  int64_t sentences = 0;
  int64_t triples = 0;  // fact mentions: provenance entries
  int64_t edges = 0;    // distinct (subject, relation, object, negated)
  int64_t entities = 0;
  int64_t entities_by_type[static_cast<size_t>(kMaxEntityType) + 1] = {};
};

// A document to store, with what the extractor found in it.
struct DocumentInput {
  std::string_view source;  // the path it was read from, or "-" for stdin
  std::string_view text;    // valid UTF-8: the extractor's spans index it
  std::string_view content_hash;        // ContentHash(text)
  const ExtractedDocument* extracted = nullptr;  // may be null only if the content is stored
  uint32_t extractor_version = 0;
  int64_t ingested_at = 0;  // seconds since the Unix epoch
};

enum class IngestOutcome {
  kAdded,      // new content
  kReplaced,   // new content for a source that held other content: the old version is gone
  kUnchanged,  // this content is already stored: nothing was added
};

class Store final {
 public:
  // Opens the store in `dir`. Errors: InvalidArgument when `dir` is a file or a directory that
  // is not a kg store; NotFound when it does not exist and may not be created; Busy when another
  // process writes to it; NotSupported when a newer kg wrote it; Corruption when it is damaged.
  static Status Open(const std::filesystem::path& dir, const OpenOptions& options,
                     std::unique_ptr<Store>* store);
  ~Store();
  Store(const Store&) = delete;
  Store& operator=(const Store&) = delete;

  const std::filesystem::path& dir() const;

  // True when `content_hash` is stored and `source` is one of its sources: ingesting that
  // document again would change nothing, so callers may skip extracting it.
  Status IsCurrent(std::string_view content_hash, std::string_view source, bool* current) const;

  // Stores one document and its extraction atomically (one write batch): after a crash it is
  // either fully in or not at all. Entities are merged with stored ones that share a name key and
  // a compatible type. If `source` held other content, that content's facts are taken out (not
  // for "-", standard input, which names no file).
  Status Ingest(const DocumentInput& doc, IngestOutcome* outcome, DocId* id);

  // Entities whose canonical name or any alias has NameKey(name), most mentioned first.
  Status FindEntities(std::string_view name, std::vector<EntityInfo>* out) const;
  Status GetEntity(EntityId id, EntityInfo* out) const;
  // Calls fn for every entity in id order until fn returns false.
  Status ForEachEntity(const std::function<bool(const EntityInfo&)>& fn) const;
  // The surface forms an entity was mentioned by, most frequent first.
  Status Aliases(EntityId id, std::vector<std::string>* out) const;

  // Every (entity, surface form, count) in entity order until fn returns false.
  Status ForEachAlias(
      const std::function<bool(EntityId, std::string_view, uint32_t)>& fn) const;

  // Triples with `id` as subject (out) or object (in): one prefix scan each.
  Status OutEdges(EntityId id, std::vector<EdgeInfo>* out) const;
  Status InEdges(EntityId id, std::vector<EdgeInfo>* out) const;
  // Every triple in subject order until fn returns false.
  Status ForEachEdge(const std::function<bool(const EdgeInfo&)>& fn) const;
  // The provenance of one triple, or of all triples when `triple` is null, in key order.
  Status ForEachProvenance(
      const TripleKey* triple,
      const std::function<bool(const ProvenanceKey&, const ProvenanceValue&)>& fn) const;

  Status RelationName(RelationId id, std::string* name) const;
  // NotFound when no triple ever used the relation.
  Status FindRelation(std::string_view name, RelationId* id) const;

  // A stored document; `text` and `sentences` may be null when not needed.
  Status GetDocument(DocId id, DocumentValue* doc, std::string* text,
                     std::vector<Span>* sentences) const;

  Status Stats(StoreStats* stats) const;

 private:
  friend class Loader;  // graph/loader.h writes through the same RocksDB handles
  explicit Store(std::unique_ptr<detail::StoreImpl> impl);
  std::unique_ptr<detail::StoreImpl> impl_;
};

}  // namespace kg::graph
