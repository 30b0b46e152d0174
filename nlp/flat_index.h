// An immutable map from 64-bit hashes to 32-bit values (open addressing), used for the tag
// dictionary and the lemma lexicon.
//
// index := keys(array of u64, ascending, non-zero) values(array of u32, one per key)
#pragma once

#include <algorithm>
#include <cstdint>
#include <numeric>
#include <vector>

#include "nlp/model_file.h"

namespace kg::nlp {

class FlatIndex final {
 public:
  // Finds `key`; returns false (and leaves *value alone) when absent.
  bool Find(uint64_t key, uint32_t* value) const {
    if (slots_.empty()) return false;
    for (uint64_t i = key & mask_;; i = (i + 1) & mask_) {
      if (slots_[i].key == key) {
        *value = slots_[i].value;
        return true;
      }
      if (slots_[i].key == 0) return false;
    }
  }
  size_t size() const { return size_; }
  // True when every value is below `bound` (a loader checks indices into its tables once).
  bool ValuesBelow(uint32_t bound) const {
    return std::all_of(values_.begin(), values_.end(), [&](uint32_t v) { return v < bound; });
  }

  // The smallest value (0 for an empty index).
  uint32_t MinValue() const {
    return values_.empty() ? 0 : *std::min_element(values_.begin(), values_.end());
  }
  // Builds an index; keys must be distinct and non-zero.
  static FlatIndex Build(std::vector<uint64_t> keys, std::vector<uint32_t> values) {
    std::vector<size_t> order(keys.size());
    std::iota(order.begin(), order.end(), 0);
    std::sort(order.begin(), order.end(), [&](size_t a, size_t b) { return keys[a] < keys[b]; });
    FlatIndex f;
    for (size_t i : order) {
      f.keys_.push_back(keys[i]);
      f.values_.push_back(values[i]);
    }
    f.Index();
    return f;
  }

  void Save(ByteWriter* w) const {
    w->PutArray(keys_);
    w->PutArray(values_);
  }
  bool Load(ByteReader* r) {
    if (!r->GetArray(&keys_) || !r->GetArray(&values_) || keys_.size() != values_.size()) {
      return false;
    }
    for (size_t i = 0; i < keys_.size(); ++i) {
      if (keys_[i] == 0 || (i > 0 && keys_[i] <= keys_[i - 1])) return false;
    }
    Index();
    return true;
  }

 private:
  struct Slot {
    uint64_t key = 0;
    uint32_t value = 0;
  };
  void Index() {
    size_ = keys_.size();
    uint64_t n = 16;
    while (n < 2 * keys_.size()) n *= 2;
    mask_ = n - 1;
    slots_.assign(n, Slot());
    for (size_t k = 0; k < keys_.size(); ++k) {
      uint64_t i = keys_[k] & mask_;
      while (slots_[i].key != 0) i = (i + 1) & mask_;
      slots_[i] = Slot{keys_[k], values_[k]};
    }
  }
  std::vector<uint64_t> keys_;  // kept for Save
  std::vector<uint32_t> values_;
  std::vector<Slot> slots_;
  uint64_t mask_ = 0;
  size_t size_ = 0;
};

}  // namespace kg::nlp
