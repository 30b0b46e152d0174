// A TSV file of triples read as one document of the store (format: stream/tsv.h). Its entities
// are the distinct (name, type) pairs, in order of first appearance, each mentioned as often as
// it appears; its facts are its lines, in order, each with its line number as "sentence" (a TSV
// document has no text and no sentences). Held compactly: names once each, 16 bytes per fact,
// and facts beyond a million go to a temporary file.
#pragma once

#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "core/status.h"
#include "core/string_table.h"
#include "graph/document_source.h"

namespace kg::load {

class TsvDocument final : public graph::DocumentSource {
 public:
  // Reads all of `fd` (not closed), after `initial` (bytes of it already read); `name` is for
  // messages. Facts that do not fit in memory go to an unnamed temporary file in `spill_dir`.
  // InvalidArgument "NAME:LINE: what" for the first bad line; IOError when reading fails.
  static Status Read(int fd, const std::string& name, std::string initial,
                     const std::filesystem::path& spill_dir, std::unique_ptr<TsvDocument>* out);
  ~TsvDocument() override;

  const std::string& content_hash() const { return content_hash_; }
  uint64_t fact_count() const { return fact_count_; }

  size_t entity_count() const override { return entities_.size(); }
  graph::EntityView entity(size_t i) const override;
  Status ForEachFact(const std::function<Status(const graph::FactView&)>& fn) const override;
  bool unique_fact_positions() const override { return true; }  // one fact per line

 private:
  struct EntityRecord {
    uint32_t name;  // in names_
    EntityType type;
    uint32_t mentions;
    uint32_t next_same_name;  // another entity with this name and another type, or kNone
  };
  struct FactRecord {
    uint32_t subject, object, relation, line;
  };
  static constexpr size_t kMemoryFacts = 1u << 20;

  TsvDocument() = default;
  uint32_t EntityIndex(std::string_view name, EntityType type);
  Status AddFact(const FactRecord& f);

  StringTable names_;
  std::vector<uint32_t> first_of_name_;  // per name id: its first entity
  std::vector<EntityRecord> entities_;
  StringTable relations_;
  std::vector<FactRecord> facts_;  // in memory, or the write buffer of spill_
  std::FILE* spill_ = nullptr;     // facts beyond kMemoryFacts
  uint64_t fact_count_ = 0;
  std::string content_hash_;
};

}  // namespace kg::load
