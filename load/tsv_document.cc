#include "load/tsv_document.h"

#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>

#include "stream/line_reader.h"
#include "stream/tsv.h"

namespace kg::load {

TsvDocument::~TsvDocument() {
  if (spill_) std::fclose(spill_);
}

uint32_t TsvDocument::EntityIndex(std::string_view name, EntityType type) {
  key_.assign(name);
  key_.push_back('\0');
  key_.push_back(static_cast<char>(type));
  const uint32_t i = entities_.Intern(key_);
  if (i == mentions_.size()) mentions_.push_back(0);
  ++mentions_[i];
  return i;
}

Status TsvDocument::AddFact(const FactRecord& f) {
  ++fact_count_;
  facts_.push_back(f);
  if (facts_.size() < kMemoryFacts) return Status::Ok();
  if (spill_ == nullptr) return Status::Ok();  // decided in Read: the first million stay here
  const size_t n = facts_.size();
  if (std::fwrite(facts_.data(), sizeof(FactRecord), n, spill_) != n) {
    return Status::IOError("writing a temporary file failed (disk full?)");
  }
  facts_.clear();
  return Status::Ok();
}

Status TsvDocument::Read(int fd, const std::string& name, std::string initial,
                         const std::filesystem::path& spill_dir,
                         std::unique_ptr<TsvDocument>* out) {
  std::unique_ptr<TsvDocument> doc(new TsvDocument());
  ContentHasher hasher;
  stream::LineReader reader(fd, name, &hasher, std::move(initial));
  std::string_view line;
  stream::TsvTriple t;
  bool skip;
  while (reader.Next(&line)) {
    Status s = stream::ParseTsvLine(line, &t, &skip);
    if (!s.ok()) {
      return Status::InvalidArgument(name + ":" + std::to_string(reader.line_number()) + ": " +
                                     s.message());
    }
    if (skip) continue;
    if (reader.line_number() > UINT32_MAX) {
      return Status::InvalidArgument(name + ": more than 4294967295 lines");
    }
    FactRecord f;
    f.subject = doc->EntityIndex(t.subject, t.subject_type);
    f.object = doc->EntityIndex(t.object, t.object_type);
    f.relation = doc->relations_.Intern(t.relation);
    f.line = static_cast<uint32_t>(reader.line_number());
    if (doc->facts_.size() + 1 == kMemoryFacts && doc->spill_ == nullptr) {
      // A large file: the facts read so far and the rest go to a temporary file, unnamed so
      // that nothing is left behind whatever happens.
      std::error_code ec;
      std::filesystem::create_directories(spill_dir, ec);
      const std::string pattern = (spill_dir / "tsv-XXXXXX").string();
      std::string path = pattern;
      const int spill_fd = mkstemp(path.data());
      if (spill_fd < 0) {
        return Status::IOError("cannot create a temporary file in " + spill_dir.string() + ": " +
                               std::strerror(errno));
      }
      unlink(path.c_str());
      doc->spill_ = fdopen(spill_fd, "w+b");
      if (doc->spill_ == nullptr) {
        close(spill_fd);
        return Status::IOError("cannot open a temporary file");
      }
    }
    KG_RETURN_IF_ERROR(doc->AddFact(f));
  }
  KG_RETURN_IF_ERROR(reader.status());
  if (doc->spill_ != nullptr && !doc->facts_.empty()) {
    const size_t n = doc->facts_.size();
    if (std::fwrite(doc->facts_.data(), sizeof(FactRecord), n, doc->spill_) != n ||
        std::fflush(doc->spill_) != 0) {
      return Status::IOError("writing a temporary file failed (disk full?)");
    }
    doc->facts_.clear();
    doc->facts_.shrink_to_fit();
  }
  doc->content_hash_ = hasher.Hex();
  *out = std::move(doc);
  return Status::Ok();
}

graph::EntityView TsvDocument::entity(size_t i) const {
  const std::string_view key = entities_.Get(static_cast<uint32_t>(i));
  return graph::EntityView{
      key.substr(0, key.size() - 2), static_cast<EntityType>(key.back()), mentions_[i], {}};
}

Status TsvDocument::ForEachFact(const std::function<Status(const graph::FactView&)>& fn) const {
  graph::FactView v;
  const auto emit = [&](const FactRecord& f) {
    v.subject = f.subject;
    v.object = f.object;
    v.relation = relations_.Get(f.relation);
    v.sentence = f.line;
    return fn(v);
  };
  if (spill_ == nullptr) {
    for (const FactRecord& f : facts_) KG_RETURN_IF_ERROR(emit(f));
    return Status::Ok();
  }
  if (std::fseek(spill_, 0, SEEK_SET) != 0) return Status::IOError("rewinding a temporary file");
  std::vector<FactRecord> block(1u << 16);
  for (;;) {
    const size_t n = std::fread(block.data(), sizeof(FactRecord), block.size(), spill_);
    for (size_t i = 0; i < n; ++i) KG_RETURN_IF_ERROR(emit(block[i]));
    if (n < block.size()) break;
  }
  if (std::ferror(spill_)) return Status::IOError("reading a temporary file failed");
  return Status::Ok();
}

}  // namespace kg::load
