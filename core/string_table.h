// Interned byte strings: each distinct string is stored once, in large blocks, and named by a
// dense id (0, 1, 2, ... in order of first appearance). About 20 bytes of overhead per string,
// where a std::unordered_map<std::string, ...> spends 60 or more: the tables of a bulk load
// hold millions of names.
#pragma once

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <functional>
#include <memory>
#include <string_view>
#include <vector>

namespace kg {

class StringTable final {
 public:
  static constexpr uint32_t kNone = UINT32_MAX;

  // The id of `s`, or kNone.
  uint32_t Find(std::string_view s) const { return Find(s, Hash(s)); }

  // The id of `s`, added if new.
  uint32_t Intern(std::string_view s) {
    const uint32_t h = Hash(s);
    uint32_t id = Find(s, h);
    if (id != kNone) return id;
    if ((records_.size() + 1) * 2 > slots_.size()) Grow();
    id = static_cast<uint32_t>(records_.size());
    records_.push_back({Copy(s), static_cast<uint32_t>(s.size()), h});
    Insert(id);
    return id;
  }

  // Valid as long as the table.
  std::string_view Get(uint32_t id) const {
    return std::string_view(records_[id].data, records_[id].size);
  }
  size_t size() const { return records_.size(); }

 private:
  static uint32_t Hash(std::string_view s) {
    return static_cast<uint32_t>(std::hash<std::string_view>()(s));
  }
  uint32_t Find(std::string_view s, uint32_t h) const {
    if (slots_.empty()) return kNone;
    for (size_t i = h & (slots_.size() - 1);; i = (i + 1) & (slots_.size() - 1)) {
      const uint32_t id = slots_[i];
      if (id == kNone) return kNone;
      if (records_[id].hash == h && Get(id) == s) return id;
    }
  }

  struct Record {
    const char* data;
    uint32_t size;
    uint32_t hash;
  };
  static constexpr size_t kBlock = 1u << 20;

  const char* Copy(std::string_view s) {
    if (s.size() > kBlock / 4) {  // a block of its own
      blocks_.emplace_back(new char[s.size()]);
      std::memcpy(blocks_.back().get(), s.data(), s.size());
      return blocks_.back().get();
    }
    if (current_ == nullptr || used_ + s.size() > kBlock) {
      blocks_.emplace_back(new char[kBlock]);
      current_ = blocks_.back().get();
      used_ = 0;
    }
    char* p = current_ + used_;
    std::memcpy(p, s.data(), s.size());
    used_ += s.size();
    return p;
  }
  void Insert(uint32_t id) {
    for (size_t i = records_[id].hash & (slots_.size() - 1);; i = (i + 1) & (slots_.size() - 1)) {
      if (slots_[i] == kNone) {
        slots_[i] = id;
        return;
      }
    }
  }
  void Grow() {
    slots_.assign(std::max<size_t>(64, slots_.size() * 2), kNone);
    for (uint32_t id = 0; id < records_.size(); ++id) Insert(id);
  }

  std::vector<Record> records_;
  std::vector<uint32_t> slots_;
  std::vector<std::unique_ptr<char[]>> blocks_;
  char* current_ = nullptr;  // the block small strings go to
  size_t used_ = 0;
};

}  // namespace kg
