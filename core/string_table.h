// Interned byte strings: each distinct string is stored once and named by a dense id (0, 1,
// 2, ... in order of first appearance). The tables of a bulk load hold millions of names, so the
// layout is about memory and cache misses: an 8-byte slot holds the string's hash and the
// position of its entry; an entry is [id(4) size(4) bytes] in 1 MB blocks. A lookup touches one
// slot and one entry. About 24 bytes per string besides its bytes (a
// std::unordered_map<std::string, ...> spends 60 or more, and three cache misses).
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

  // The hash a table keys `s` by: compute it once, to prefetch and then intern.
  static uint64_t Hash(std::string_view s) {
    uint64_t h = std::hash<std::string_view>()(s);  // spread, so both halves are usable
    h ^= h >> 33;
    h *= 0xFF51AFD7ED558CCDull;
    h ^= h >> 33;
    return h;
  }

  // Hints for a batch of lookups, whose cache misses then overlap: first the slots of all, then
  // the entries those slots hold, then Intern(s, h) for each. A large table misses the cache on
  // both. Prefetching never changes the table.
  void PrefetchSlot(uint64_t h) const {
    if (!slots_.empty()) __builtin_prefetch(&slots_[h & mask_]);
  }
  void PrefetchEntry(uint64_t h) const {
    if (slots_.empty()) return;
    const Slot& slot = slots_[h & mask_];
    if (slot.pos != kEmpty) __builtin_prefetch(Entry(slot.pos));
  }

  // The id of `s`, or kNone.
  uint32_t Find(std::string_view s) const {
    if (slots_.empty()) return kNone;
    const uint64_t h = Hash(s);
    for (size_t i = h & mask_;; i = (i + 1) & mask_) {
      const Slot& slot = slots_[i];
      if (slot.pos == kEmpty) return kNone;
      if (slot.hash == static_cast<uint32_t>(h >> 32) && Equal(Entry(slot.pos), s)) {
        return IdOf(Entry(slot.pos));
      }
    }
  }

  // The id of `s`, added if new.
  uint32_t Intern(std::string_view s) { return Intern(s, Hash(s)); }
  // The same, with h = Hash(s).
  uint32_t Intern(std::string_view s, uint64_t h) {
    if ((positions_.size() + 1) * 2 > slots_.size()) Grow();
    for (size_t i = h & mask_;; i = (i + 1) & mask_) {
      Slot& slot = slots_[i];
      if (slot.pos == kEmpty) {
        const auto id = static_cast<uint32_t>(positions_.size());
        slot.pos = Copy(id, s);
        slot.hash = static_cast<uint32_t>(h >> 32);
        positions_.push_back(slot.pos);
        return id;
      }
      if (slot.hash == static_cast<uint32_t>(h >> 32) && Equal(Entry(slot.pos), s)) {
        return IdOf(Entry(slot.pos));
      }
    }
  }

  // Valid as long as the table.
  std::string_view Get(uint32_t id) const {
    const char* e = Entry(positions_[id]);
    return std::string_view(e + 8, SizeOf(e));
  }
  size_t size() const { return positions_.size(); }

 private:
  // An entry's position: block number (high 12 bits) and byte offset in the block (low 20).
  struct Slot {
    uint32_t hash = 0;  // the high half of the 64-bit hash (the low half chose the slot)
    uint32_t pos = kEmpty;
  };
  static constexpr uint32_t kEmpty = UINT32_MAX;
  static constexpr int kOffsetBits = 20;
  static constexpr size_t kBlock = size_t{1} << kOffsetBits;

  const char* Entry(uint32_t pos) const {
    return blocks_[pos >> kOffsetBits].get() + (pos & (kBlock - 1));
  }
  static uint32_t IdOf(const char* e) {
    uint32_t v;
    std::memcpy(&v, e, 4);
    return v;
  }
  static uint32_t SizeOf(const char* e) {
    uint32_t v;
    std::memcpy(&v, e + 4, 4);
    return v;
  }
  static bool Equal(const char* e, std::string_view s) {
    return SizeOf(e) == s.size() && std::memcmp(e + 8, s.data(), s.size()) == 0;
  }

  uint32_t Copy(uint32_t id, std::string_view s) {
    const size_t need = 8 + s.size();
    uint32_t pos;
    char* p;
    if (need > kBlock / 4) {  // a block of its own, at offset 0
      pos = static_cast<uint32_t>(blocks_.size() << kOffsetBits);
      blocks_.emplace_back(new char[need]);
      p = blocks_.back().get();
    } else {
      if (current_ == kEmpty || used_ + need > kBlock) {
        current_ = static_cast<uint32_t>(blocks_.size());
        blocks_.emplace_back(new char[kBlock]);
        used_ = 0;
      }
      pos = static_cast<uint32_t>((size_t{current_} << kOffsetBits) | used_);
      p = blocks_[current_].get() + used_;
      used_ += (need + 3) & ~size_t{3};  // keep entries 4-byte aligned
    }
    const auto size = static_cast<uint32_t>(s.size());
    std::memcpy(p, &id, 4);
    std::memcpy(p + 4, &size, 4);
    std::memcpy(p + 8, s.data(), s.size());
    return pos;
  }

  void Grow() {
    std::vector<Slot> old = std::move(slots_);
    slots_.assign(std::max<size_t>(64, old.size() * 2), Slot());
    mask_ = slots_.size() - 1;
    for (const Slot& slot : old) {
      if (slot.pos == kEmpty) continue;
      const char* e = Entry(slot.pos);
      const uint64_t h = Hash(std::string_view(e + 8, SizeOf(e)));
      for (size_t i = h & mask_;; i = (i + 1) & mask_) {
        if (slots_[i].pos == kEmpty) {
          slots_[i] = slot;
          break;
        }
      }
    }
  }

  std::vector<Slot> slots_;  // open addressing, power-of-two size, at most half full
  size_t mask_ = 0;
  std::vector<uint32_t> positions_;              // by id
  std::vector<std::unique_ptr<char[]>> blocks_;  // at most 4096: 4 GB of strings
  uint32_t current_ = kEmpty;                    // the block small strings go to
  size_t used_ = 0;
};

}  // namespace kg
