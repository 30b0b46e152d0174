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

  size_t entity_count() const override { return mentions_.size(); }
  graph::EntityView entity(size_t i) const override;
  Status ForEachFact(const std::function<Status(const graph::FactView&)>& fn) const override;
  bool unique_fact_positions() const override { return true; }  // one fact per line

 private:
  struct FactRecord {
    uint32_t subject, object, relation, line;
  };
  static constexpr size_t kMemoryFacts = 1u << 20;

  TsvDocument() = default;
  // The index of the entity with key (name 0x00 type) and its StringTable::Hash, counting a
  // mention.
  uint32_t EntityIndex(std::string_view key, uint64_t hash);
  Status OpenSpill(const std::filesystem::path& spill_dir);
  Status AddFact(const FactRecord& f);

  // The entities: interned as name, 0x00, type byte, so that one lookup of the table gives an
  // entity's index (its id in the table); a name seen with two types is two entities.
  StringTable entities_;
  std::vector<uint32_t> mentions_;  // by entity index
  StringTable relations_;
  std::vector<FactRecord> facts_;  // in memory, or the write buffer of spill_
  std::FILE* spill_ = nullptr;     // facts beyond kMemoryFacts
  uint64_t fact_count_ = 0;
  std::string content_hash_;
};

}  // namespace kg::load
