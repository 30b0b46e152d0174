// What the store is given to add one document: a header (source, text, hash) and the entities
// and facts found in it, read through an interface so that a document need not be held whole in
// memory (a TSV file of ten million triples is one document).
#pragma once

#include <cstdint>
#include <functional>
#include <span>
#include <string_view>
#include <vector>

#include "core/status.h"
#include "core/types.h"

namespace kg::graph {

// An entity of the document, as the extractor (or a TSV file) named it.
struct EntityView {
  std::string_view name;  // the canonical name it chose
  EntityType type = EntityType::kOther;
  uint32_t mentions = 0;
  std::span<const std::string_view> aliases;  // surface forms; may or may not include `name`
};

// A fact of the document; subject, object and attributed_to index its entities.
struct FactView {
  uint32_t subject = 0;
  uint32_t object = 0;
  std::string_view relation;
  bool negated = false;
  float confidence = 1.0f;
  uint32_t sentence = 0;
  Span span;
  int32_t attributed_to = -1;
};

// The entities and facts of one document. Entities are asked for by index, facts are read once,
// in order.
class DocumentSource {
 public:
  virtual ~DocumentSource() = default;
  virtual size_t entity_count() const = 0;
  // Views stay valid until the next call to entity() or the end of the document's load.
  virtual EntityView entity(size_t i) const = 0;
  // Calls fn for each fact in order, stopping at the first error, which it returns.
  virtual Status ForEachFact(const std::function<Status(const FactView&)>& fn) const = 0;
  // True when no two facts share (sentence, start), so none can repeat another: the store then
  // need not remember every fact of the document to drop repeats (TSV lines are such facts).
  virtual bool unique_fact_positions() const { return false; }
};

// An ExtractedDocument seen as a DocumentSource (it must outlive this object).
class ExtractedSource final : public DocumentSource {
 public:
  explicit ExtractedSource(const ExtractedDocument& doc);
  size_t entity_count() const override { return doc_.entities.size(); }
  EntityView entity(size_t i) const override;
  Status ForEachFact(const std::function<Status(const FactView&)>& fn) const override;

 private:
  const ExtractedDocument& doc_;
  std::vector<std::string_view> aliases_;  // every entity's, in order
  std::vector<size_t> first_alias_;        // entity i's are [first_alias_[i], first_alias_[i+1])
};

// One document to add to the store.
struct LoadDocument {
  std::string_view source;        // the path or id it was read from, "-" for none (stdin)
  std::string_view text;          // valid UTF-8; empty when the document comes without text
  std::string_view content_hash;  // ContentHash of the text (of the file, for TSV)
  std::span<const Span> sentences;
  const DocumentSource* data = nullptr;  // may be null only if this content is already stored
  uint32_t extractor_version = 0;
  int64_t ingested_at = 0;  // seconds since the Unix epoch
};

}  // namespace kg::graph
