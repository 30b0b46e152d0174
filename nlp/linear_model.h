// Linear models over hashed features: the weight table used at run time and the averaged
// perceptron that trains it.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

#include "nlp/huge_page_allocator.h"
#include "nlp/model_file.h"

namespace kg::nlp {

// Immutable weights of a multi-class linear model: for each feature (a non-zero 64-bit hash, see
// nlp/features.h) the quantised weights of the classes it votes for. Safe to share between
// threads once loaded.
//
// table    := num_classes(u32) scale(f32) num_keys(u64) key_delta(varint)*num_keys
//             counts(array of u16, one per key) entries(array of entry, counts[i] per key)
// key_delta:= the key minus the previous key (the first: minus 0); keys ascend, none is 0, all
//             are below 2^kKeyBits (see TableKey)
// entry    := class(u16) weight(i16); the weight in model units is weight * scale
class WeightTable final {
 public:
  struct Entry {
    uint16_t cls;
    int16_t weight;
  };

  // A table keeps the low kKeyBits bits of each feature hash, not all 64: the keys, the bulk of a
  // model file (random numbers do not compress), take 3 bytes each instead of 7. An unknown
  // feature then matches a stored one with probability (number of features) / 2^40, about one
  // lookup in a million for our largest table: harmless noise. Features that collide in the
  // table (about one pair per million features) have their weights summed.
  static constexpr int kKeyBits = 40;
  static constexpr uint64_t TableKey(uint64_t feature) {
    const uint64_t k = feature & ((uint64_t{1} << kKeyBits) - 1);
    return k == 0 ? 1 : k;
  }

  int num_classes() const { return num_classes_; }
  size_t num_features() const { return num_features_; }
  size_t num_weights() const { return num_weights_; }
  float scale() const { return scale_; }

  // Adds the weights of `feature` to scores[0, num_classes()); an unknown feature adds nothing.
  void AddTo(uint64_t feature, int32_t* scores) const {
    if (slots_.empty()) return;
    const uint64_t key = TableKey(feature);
    for (uint64_t i = key & mask_;; i = (i + 1) & mask_) {
      const uint64_t slot = slots_[i];
      if (slot >> kPayloadBits == key) {
        AddSlot(slot, scores);
        return;
      }
      if (slot == 0) return;
    }
  }

  // AddTo for each of `n` features (n <= 160). Prefetches the slots of all features before
  // reading any, and the entries of all found features before adding any, so that the memory
  // latency of a table larger than the caches overlaps.
  void AddAll(const uint64_t* features, int n, int32_t* scores) const {
    if (slots_.empty()) return;
    for (int k = 0; k < n; ++k) __builtin_prefetch(&slots_[features[k] & mask_]);
    uint32_t runs[160];
    int m = 0;
    for (int k = 0; k < n; ++k) {
      const uint64_t key = TableKey(features[k]);
      for (uint64_t i = key & mask_;; i = (i + 1) & mask_) {
        const uint64_t slot = slots_[i];
        if (slot >> kPayloadBits == key) {
          const uint32_t payload = static_cast<uint32_t>(slot & kPayloadMask);
          if (payload & kInline) {
            AddSlot(slot, scores);
          } else {
            PrefetchRun(payload);
            runs[m++] = payload;
          }
          break;
        }
        if (slot == 0) break;
      }
    }
    for (int k = 0; k < m; ++k) AddRun(runs[k], scores);
  }

  // Builds a table from features in any order; `weights[i]` are the entries of `keys[i]` (sorted
  // by class, each below num_classes, itself below 32768). Features with the same TableKey are
  // merged. Throws std::out_of_range for a class out of range, and std::length_error when the
  // weights not held in their slots number over 8 million (a model file of over 32 MB, beyond
  // what kg ships).
  static WeightTable Build(int num_classes, float scale, const std::vector<uint64_t>& keys,
                           const std::vector<std::vector<Entry>>& weights);

  // A copy without the weights whose magnitude (in model units) is below `min_weight`, nor the
  // features left without weights.
  WeightTable Pruned(float min_weight) const;

  void Save(ByteWriter* w) const;
  // False when the bytes do not form a valid table; the table is then left as it was.
  bool Load(ByteReader* r);

 private:
  // A slot of the open-addressing index is one 64-bit word, key << kPayloadBits | payload, 0 when
  // empty: half the memory of a key, begin, count triple, so that the index of our largest table
  // (1.3 million features) fits the last-level cache. The payload of a feature with one weight
  // for a class below 128 (most features of the parser) is that weight itself (kInline set,
  // class in bits 16-22, weight in bits 0-15), which spares a second memory access; otherwise it
  // is the index in entries_ of the feature's first entry, whose run ends at the entry with
  // kLastEntry set in its class.
  static constexpr int kPayloadBits = 64 - kKeyBits;
  static constexpr uint64_t kPayloadMask = (uint64_t{1} << kPayloadBits) - 1;
  static constexpr uint32_t kInline = uint32_t{1} << (kPayloadBits - 1);
  static constexpr uint16_t kInlineClasses = 128;  // classes that fit the slot's 7 bits
  static constexpr uint16_t kLastEntry = 0x8000;
  // Weights not held in their slots are stored in entries_, at indices below kInline.
  static constexpr size_t kMaxStoredEntries = kInline;

  void AddSlot(uint64_t slot, int32_t* scores) const {
    const uint32_t payload = static_cast<uint32_t>(slot & kPayloadMask);
    if (payload & kInline) {
      scores[(payload >> 16) & (kInlineClasses - 1)] += static_cast<int16_t>(payload & 0xffff);
    } else {
      AddRun(payload, scores);
    }
  }
  // Fetches the cache line where the run at `begin` starts and the next one: the features met
  // most often have the longest runs (most of those the parser looks up have ten weights or more,
  // 40 bytes or more), and without the second line their adds wait on it (the parser was 10-17%
  // faster with it on the EWT test set; more lines gained nothing). The address is computed as an
  // integer: near the end of entries_ it may lie past the array, which a prefetch may name but a
  // pointer may not.
  void PrefetchRun(uint32_t begin) const {
    const uintptr_t at = reinterpret_cast<uintptr_t>(entries_.data() + begin);
    __builtin_prefetch(reinterpret_cast<const void*>(at));
    __builtin_prefetch(reinterpret_cast<const void*>(at + 64));
  }
  void AddRun(uint32_t begin, int32_t* scores) const {
    for (const Entry* e = entries_.data() + begin;; ++e) {
      scores[e->cls & ~kLastEntry] += e->weight;
      if (e->cls & kLastEntry) return;
    }
  }
  // The weights of the feature in `slot`, without kLastEntry flags.
  std::vector<Entry> EntriesOf(uint64_t slot) const;
  // Builds the index from features with ascending keys, `counts[i]` entries each, stored in
  // `entries` in key order. False when the weights not held in slots exceed kMaxStoredEntries
  // (the table is then left without an index).
  bool Index(const std::vector<uint64_t>& keys, const std::vector<uint16_t>& counts,
             const std::vector<Entry>& entries);

  int num_classes_ = 0;
  float scale_ = 1.0f;
  size_t num_features_ = 0;
  size_t num_weights_ = 0;
  uint64_t mask_ = 0;
  HugePageVector<uint64_t> slots_;
  HugePageVector<Entry> entries_;
};

// Averaged perceptron (Collins 2002) over hashed features, with sparse per-feature weights so
// that models with a hundred classes and millions of features fit in memory.
class PerceptronTrainer final {
 public:
  explicit PerceptronTrainer(int num_classes);

  int num_classes() const { return num_classes_; }
  // scores[c] += current (not averaged) weight of each feature for class c.
  void Score(const uint64_t* features, size_t n, float* scores) const;
  // Moves the weights of `features` towards `truth` and away from `guess` (truth != guess).
  void Update(const uint64_t* features, size_t n, int truth, int guess);
  // Counts one training instance: the clock that averaging runs on.
  void Tick() { ++clock_; }
  // The averaged weights, quantised to 16 bits; weights whose magnitude is below `min_weight`
  // (in perceptron units) are dropped, and so are features left without weights.
  WeightTable Average(float min_weight) const;
  // The mean of the averaged weights of several trainers over the same classes (an ensemble of
  // perceptrons trained on different orders of the data), pruned and quantised as Average does.
  static WeightTable AverageOf(const std::vector<const PerceptronTrainer*>& trainers,
                               float min_weight);

 private:
  struct Weight {
    uint16_t cls;
    float w;
    double total;  // sum of w over the clock ticks up to `since`
    uint64_t since;
  };
  // Adds the averaged weight of every (feature, class) times `factor` to `*sums`.
  void AddAveraged(float factor, std::vector<uint64_t>* keys,
                   std::vector<std::vector<std::pair<uint16_t, float>>>* sums,
                   PerceptronTrainer* index) const;
  uint32_t FindOrAdd(uint64_t key);
  int64_t Find(uint64_t key) const;
  void Grow();

  int num_classes_;
  uint64_t clock_ = 1;
  std::vector<uint64_t> slot_keys_;
  std::vector<uint32_t> slot_index_;
  uint64_t mask_ = 0;
  std::vector<uint64_t> keys_;
  std::vector<std::vector<Weight>> weights_;
};

}  // namespace kg::nlp
