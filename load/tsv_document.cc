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

uint32_t TsvDocument::EntityIndex(std::string_view key, uint64_t hash) {
  const uint32_t i = entities_.Intern(key, hash);
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

Status TsvDocument::OpenSpill(const std::filesystem::path& spill_dir) {
  // Unnamed, so that nothing is left behind whatever happens.
  std::error_code ec;
  std::filesystem::create_directories(spill_dir, ec);
  std::string path = (spill_dir / "tsv-XXXXXX").string();
  const int spill_fd = mkstemp(path.data());
  if (spill_fd < 0) {
    return Status::IOError("cannot create a temporary file in " + spill_dir.string() + ": " +
                           std::strerror(errno));
  }
  unlink(path.c_str());
  spill_ = fdopen(spill_fd, "w+b");
  if (spill_ == nullptr) {
    close(spill_fd);
    return Status::IOError("cannot open a temporary file");
  }
  return Status::Ok();
}

Status TsvDocument::Read(int fd, const std::string& name, std::string initial,
                         const std::filesystem::path& spill_dir,
                         std::unique_ptr<TsvDocument>* out) {
  std::unique_ptr<TsvDocument> doc(new TsvDocument());
  TsvDocument& d = *doc;
  ContentHasher hasher;
  stream::LineReader reader(fd, name, &hasher, std::move(initial));
  // Lines are taken a group at a time so that the cache misses of the group's table lookups
  // overlap: all hashes and slot prefetches first, then the entries, then the lookups. With a
  // million names the tables are far larger than the caches, and this is most of the time.
  constexpr size_t kGroup = 16;
  std::vector<std::string_view> lines;
  struct Parsed {
    stream::TsvTriple t;
    uint64_t number;
    size_t subject_key, object_key;  // offsets in keys
    uint64_t subject_hash, object_hash;
  };
  Parsed group[kGroup];
  std::string keys;
  const auto key_at = [&](size_t at) {
    const size_t size = static_cast<unsigned char>(keys[at]) | static_cast<size_t>(
        static_cast<unsigned char>(keys[at + 1])) << 8 | static_cast<size_t>(
        static_cast<unsigned char>(keys[at + 2])) << 16 | static_cast<size_t>(
        static_cast<unsigned char>(keys[at + 3])) << 24;
    return std::string_view(keys.data() + at + 4, size);
  };
  // Appends the entity key (name, 0x00, type) with its length in front; returns its offset.
  const auto add_key = [&](std::string_view entity, EntityType type) {
    const size_t at = keys.size();
    const auto size = static_cast<uint32_t>(entity.size() + 2);
    for (int i = 0; i < 4; ++i) keys.push_back(static_cast<char>(size >> (8 * i)));
    keys.append(entity);
    keys.push_back('\0');
    keys.push_back(static_cast<char>(type));
    return at;
  };
  while (reader.NextBatch(&lines, 1u << 16)) {
    const uint64_t first = reader.line_number() - lines.size() + 1;
    for (size_t start = 0; start < lines.size(); start += kGroup) {
      size_t n = 0;
      keys.clear();
      for (size_t i = start; i < std::min(lines.size(), start + kGroup); ++i) {
        Parsed& p = group[n];
        bool skip;
        Status s = stream::ParseTsvLine(lines[i], &p.t, &skip);
        p.number = first + i;
        if (!s.ok()) {
          return Status::InvalidArgument(name + ":" + std::to_string(p.number) + ": " +
                                         s.message());
        }
        if (skip) continue;
        if (p.number > UINT32_MAX) {
          return Status::InvalidArgument(name + ": more than 4294967295 lines");
        }
        p.subject_key = add_key(p.t.subject, p.t.subject_type);
        p.object_key = add_key(p.t.object, p.t.object_type);
        ++n;
      }
      for (size_t i = 0; i < n; ++i) {
        group[i].subject_hash = StringTable::Hash(key_at(group[i].subject_key));
        group[i].object_hash = StringTable::Hash(key_at(group[i].object_key));
        d.entities_.PrefetchSlot(group[i].subject_hash);
        d.entities_.PrefetchSlot(group[i].object_hash);
      }
      for (size_t i = 0; i < n; ++i) {
        d.entities_.PrefetchEntry(group[i].subject_hash);
        d.entities_.PrefetchEntry(group[i].object_hash);
      }
      for (size_t i = 0; i < n; ++i) {
        const Parsed& p = group[i];
        FactRecord f;
        f.subject = d.EntityIndex(key_at(p.subject_key), p.subject_hash);
        f.object = d.EntityIndex(key_at(p.object_key), p.object_hash);
        f.relation = d.relations_.Intern(p.t.relation);
        f.line = static_cast<uint32_t>(p.number);
        if (d.facts_.size() + 1 == kMemoryFacts && d.spill_ == nullptr) {
          KG_RETURN_IF_ERROR(d.OpenSpill(spill_dir));  // a large file
        }
        KG_RETURN_IF_ERROR(d.AddFact(f));
      }
    }
  }
  KG_RETURN_IF_ERROR(reader.status());
  if (d.spill_ != nullptr && !d.facts_.empty()) {
    const size_t n = d.facts_.size();
    if (std::fwrite(d.facts_.data(), sizeof(FactRecord), n, d.spill_) != n ||
        std::fflush(d.spill_) != 0) {
      return Status::IOError("writing a temporary file failed (disk full?)");
    }
    d.facts_.clear();
    d.facts_.shrink_to_fit();
  }
  d.content_hash_ = hasher.Hex();
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
