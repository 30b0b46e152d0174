#include "nlp/linear_model.h"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <stdexcept>
#include <utility>

namespace kg::nlp {

namespace {
uint64_t TableSize(size_t n) {
  uint64_t size = 16;
  while (size * 7 < n * 10) size *= 2;  // load factor at most 0.7: half the memory of 0.5
  return size;
}
}  // namespace

WeightTable WeightTable::Build(int num_classes, float scale, const std::vector<uint64_t>& keys,
                               const std::vector<std::vector<Entry>>& weights) {
  std::vector<size_t> order(keys.size());
  std::iota(order.begin(), order.end(), 0);
  std::sort(order.begin(), order.end(),
            [&](size_t a, size_t b) { return TableKey(keys[a]) < TableKey(keys[b]); });
  WeightTable t;
  t.num_classes_ = num_classes;
  t.scale_ = scale;
  std::vector<uint64_t> sorted_keys;
  std::vector<uint16_t> counts;
  std::vector<Entry> entries;
  for (size_t at = 0; at < order.size();) {
    const uint64_t key = TableKey(keys[order[at]]);
    size_t end = at + 1;
    while (end < order.size() && TableKey(keys[order[end]]) == key) ++end;
    std::vector<Entry> merged = weights[order[at]];
    for (size_t j = at + 1; j < end; ++j) {  // a collision of two features: sum their weights
      for (const Entry& e : weights[order[j]]) {
        auto it = std::find_if(merged.begin(), merged.end(),
                               [&](const Entry& m) { return m.cls == e.cls; });
        if (it == merged.end()) {
          merged.push_back(e);
        } else {
          it->weight = static_cast<int16_t>(std::clamp(it->weight + e.weight, -32767, 32767));
        }
      }
      std::sort(merged.begin(), merged.end(),
                [](const Entry& a, const Entry& b) { return a.cls < b.cls; });
    }
    at = end;
    if (merged.empty()) continue;
    sorted_keys.push_back(key);
    counts.push_back(static_cast<uint16_t>(merged.size()));
    entries.insert(entries.end(), merged.begin(), merged.end());
  }
  if (num_classes <= 0 || num_classes >= kLastEntry ||
      std::any_of(entries.begin(), entries.end(),
                  [&](const Entry& e) { return e.cls >= num_classes; })) {
    throw std::out_of_range("kg: a weight table's class out of range");
  }
  if (!t.Index(sorted_keys, counts, entries)) {
    throw std::length_error("kg: a weight table with over 8 million weights outside its slots");
  }
  return t;
}

bool WeightTable::Index(const std::vector<uint64_t>& keys, const std::vector<uint16_t>& counts,
                        const std::vector<Entry>& entries) {
  const uint64_t size = TableSize(keys.size());
  mask_ = size - 1;
  slots_.assign(size, 0);
  const auto held_in_slot = [](uint16_t count, const Entry& first) {
    return count == 1 && first.cls < kInlineClasses;
  };
  size_t stored = 0;
  for (size_t i = 0, at = 0; i < keys.size(); at += counts[i++]) {
    if (!held_in_slot(counts[i], entries[at])) stored += counts[i];
  }
  if (stored > kMaxStoredEntries) {
    slots_.clear();
    return false;
  }
  entries_.clear();
  entries_.reserve(stored);
  size_t at = 0;
  // Keys ascend, so their slots are in random order: fetching the slot of a key some way ahead
  // overlaps the cache misses of a table larger than the caches (a third of loading the models
  // without).
  constexpr size_t kAhead = 16;
  for (size_t i = 0; i < keys.size(); ++i) {
    if (i + kAhead < keys.size()) __builtin_prefetch(&slots_[keys[i + kAhead] & mask_], 1);
    const Entry* e = entries.data() + at;
    at += counts[i];
    uint64_t payload;
    if (held_in_slot(counts[i], *e)) {
      payload = kInline | uint32_t{e->cls} << 16 | static_cast<uint16_t>(e->weight);
    } else {
      payload = entries_.size();
      entries_.insert(entries_.end(), e, e + counts[i]);
      entries_.back().cls |= kLastEntry;
    }
    uint64_t j = keys[i] & mask_;
    while (slots_[j] != 0) j = (j + 1) & mask_;
    slots_[j] = keys[i] << kPayloadBits | payload;
  }
  num_features_ = keys.size();
  num_weights_ = at;
  return true;
}

std::vector<WeightTable::Entry> WeightTable::EntriesOf(uint64_t slot) const {
  const uint32_t payload = static_cast<uint32_t>(slot & kPayloadMask);
  if (payload & kInline) {
    return {Entry{static_cast<uint16_t>((payload >> 16) & (kInlineClasses - 1)),
                  static_cast<int16_t>(payload & 0xffff)}};
  }
  std::vector<Entry> run;
  for (const Entry* e = entries_.data() + payload;; ++e) {
    run.push_back(Entry{static_cast<uint16_t>(e->cls & ~kLastEntry), e->weight});
    if (e->cls & kLastEntry) return run;
  }
}

WeightTable WeightTable::Pruned(float min_weight) const {
  std::vector<uint64_t> keys;
  std::vector<std::vector<Entry>> weights;
  for (const uint64_t slot : slots_) {
    if (slot == 0) continue;
    std::vector<Entry> kept;
    for (const Entry& e : EntriesOf(slot)) {
      if (std::fabs(static_cast<float>(e.weight) * scale_) >= min_weight) kept.push_back(e);
    }
    if (kept.empty()) continue;
    keys.push_back(slot >> kPayloadBits);
    weights.push_back(std::move(kept));
  }
  return Build(num_classes_, scale_, keys, weights);
}

void WeightTable::Save(ByteWriter* w) const {
  std::vector<uint64_t> used;
  used.reserve(num_features_);
  for (const uint64_t slot : slots_) {
    if (slot != 0) used.push_back(slot);
  }
  std::sort(used.begin(), used.end());  // by key: the key is the slot's high bits
  std::vector<uint64_t> keys;
  std::vector<uint16_t> counts;
  std::vector<Entry> entries;
  entries.reserve(num_weights_);
  for (const uint64_t slot : used) {
    const std::vector<Entry> run = EntriesOf(slot);
    keys.push_back(slot >> kPayloadBits);
    counts.push_back(static_cast<uint16_t>(run.size()));
    entries.insert(entries.end(), run.begin(), run.end());
  }
  w->Put<uint32_t>(static_cast<uint32_t>(num_classes_));
  w->Put<float>(scale_);
  w->Put<uint64_t>(keys.size());
  uint64_t prev = 0;
  for (uint64_t k : keys) {
    w->PutVarint(k - prev);
    prev = k;
  }
  w->PutArray(counts);
  w->PutArray(entries);
}

bool WeightTable::Load(ByteReader* r) {
  uint32_t num_classes = 0;
  float scale = 0;
  std::vector<uint64_t> keys;
  std::vector<uint16_t> counts;
  std::vector<Entry> entries;
  uint64_t num_keys = 0;
  if (!r->Get(&num_classes) || !r->Get(&scale) || !r->Get(&num_keys) || num_keys > (1u << 30)) {
    return false;
  }
  keys.reserve(num_keys);
  uint64_t prev = 0;
  for (uint64_t i = 0; i < num_keys; ++i) {
    uint64_t delta = 0;
    if (!r->GetVarint(&delta) || delta == 0 || prev + delta < prev) return false;  // ascending
    prev += delta;
    if (prev >> kKeyBits != 0) return false;
    keys.push_back(prev);
  }
  if (!r->GetArray(&counts) || !r->GetArray(&entries)) return false;
  if (num_classes == 0 || num_classes >= kLastEntry || counts.size() != keys.size()) return false;
  uint64_t total = 0;
  for (size_t i = 0; i < keys.size(); ++i) {
    if (counts[i] == 0) return false;  // every run has a last entry
    total += counts[i];
  }
  if (total != entries.size()) return false;
  for (const Entry& e : entries) {
    if (e.cls >= num_classes) return false;
  }
  // Built aside, so that a table that does not load is left as it was.
  WeightTable t;
  t.num_classes_ = static_cast<int>(num_classes);
  t.scale_ = scale;
  if (!t.Index(keys, counts, entries)) return false;
  *this = std::move(t);
  return true;
}

PerceptronTrainer::PerceptronTrainer(int num_classes) : num_classes_(num_classes) {
  slot_keys_.assign(1 << 16, 0);
  slot_index_.assign(1 << 16, 0);
  mask_ = (1 << 16) - 1;
}

int64_t PerceptronTrainer::Find(uint64_t key) const {
  for (uint64_t i = key & mask_;; i = (i + 1) & mask_) {
    if (slot_keys_[i] == key) return slot_index_[i];
    if (slot_keys_[i] == 0) return -1;
  }
}

void PerceptronTrainer::Grow() {
  const uint64_t size = (mask_ + 1) * 2;
  mask_ = size - 1;
  slot_keys_.assign(size, 0);
  slot_index_.assign(size, 0);
  for (uint32_t idx = 0; idx < keys_.size(); ++idx) {
    uint64_t i = keys_[idx] & mask_;
    while (slot_keys_[i] != 0) i = (i + 1) & mask_;
    slot_keys_[i] = keys_[idx];
    slot_index_[i] = idx;
  }
}

uint32_t PerceptronTrainer::FindOrAdd(uint64_t key) {
  for (uint64_t i = key & mask_;; i = (i + 1) & mask_) {
    if (slot_keys_[i] == key) return slot_index_[i];
    if (slot_keys_[i] == 0) {
      const uint32_t idx = static_cast<uint32_t>(keys_.size());
      keys_.push_back(key);
      weights_.emplace_back();
      slot_keys_[i] = key;
      slot_index_[i] = idx;
      if (keys_.size() * 2 > mask_ + 1) Grow();
      return idx;
    }
  }
}

void PerceptronTrainer::Score(const uint64_t* features, size_t n, float* scores) const {
  for (size_t k = 0; k < n; ++k) {
    const int64_t idx = Find(features[k]);
    if (idx < 0) continue;
    for (const Weight& w : weights_[idx]) scores[w.cls] += w.w;
  }
}

void PerceptronTrainer::Update(const uint64_t* features, size_t n, int truth, int guess) {
  for (size_t k = 0; k < n; ++k) {
    std::vector<Weight>& ws = weights_[FindOrAdd(features[k])];
    for (int cls : {truth, guess}) {
      const float delta = cls == truth ? 1.0f : -1.0f;
      auto it = std::find_if(ws.begin(), ws.end(), [&](const Weight& w) { return w.cls == cls; });
      if (it == ws.end()) {
        ws.push_back(Weight{static_cast<uint16_t>(cls), 0.0f, 0.0, clock_});
        it = ws.end() - 1;
      }
      it->total += static_cast<double>(clock_ - it->since) * it->w;
      it->since = clock_;
      it->w += delta;
    }
  }
}

void PerceptronTrainer::AddAveraged(float factor, std::vector<uint64_t>* keys,
                                    std::vector<std::vector<std::pair<uint16_t, float>>>* sums,
                                    PerceptronTrainer* index) const {
  for (size_t i = 0; i < keys_.size(); ++i) {
    const uint32_t at = index->FindOrAdd(keys_[i]);
    if (at >= keys->size()) {
      keys->push_back(keys_[i]);
      sums->emplace_back();
    }
    auto& row = (*sums)[at];
    for (const Weight& w : weights_[i]) {
      const double total = w.total + static_cast<double>(clock_ - w.since) * w.w;
      const float avg = static_cast<float>(total / static_cast<double>(clock_)) * factor;
      auto it =
          std::find_if(row.begin(), row.end(), [&](const auto& p) { return p.first == w.cls; });
      if (it == row.end()) {
        row.emplace_back(w.cls, avg);
      } else {
        it->second += avg;
      }
    }
  }
}

WeightTable PerceptronTrainer::AverageOf(const std::vector<const PerceptronTrainer*>& trainers,
                                         float min_weight) {
  // `index` only maps keys to rows here; its weights stay empty.
  PerceptronTrainer index(trainers.front()->num_classes_);
  std::vector<uint64_t> keys;
  std::vector<std::vector<std::pair<uint16_t, float>>> sums;
  const float factor = 1.0f / static_cast<float>(trainers.size());
  for (const PerceptronTrainer* t : trainers) t->AddAveraged(factor, &keys, &sums, &index);
  float max_abs = 0.0f;
  for (const auto& row : sums) {
    for (const auto& p : row) max_abs = std::max(max_abs, std::fabs(p.second));
  }
  const float scale = max_abs > 0 ? max_abs / 32767.0f : 1.0f;
  std::vector<std::vector<WeightTable::Entry>> entries(keys.size());
  for (size_t i = 0; i < keys.size(); ++i) {
    for (const auto& [cls, w] : sums[i]) {
      if (std::fabs(w) < min_weight) continue;
      const long q = std::lround(w / scale);
      if (q != 0) entries[i].push_back(WeightTable::Entry{cls, static_cast<int16_t>(q)});
    }
    std::sort(entries[i].begin(), entries[i].end(),
              [](const auto& a, const auto& b) { return a.cls < b.cls; });
  }
  return WeightTable::Build(trainers.front()->num_classes_, scale, keys, entries);
}

WeightTable PerceptronTrainer::Average(float min_weight) const {
  std::vector<std::vector<float>> averaged(keys_.size());
  float max_abs = 0.0f;
  for (size_t i = 0; i < keys_.size(); ++i) {
    for (const Weight& w : weights_[i]) {
      const double total = w.total + static_cast<double>(clock_ - w.since) * w.w;
      const float avg = static_cast<float>(total / static_cast<double>(clock_));
      averaged[i].push_back(avg);
      max_abs = std::max(max_abs, std::fabs(avg));
    }
  }
  const float scale = max_abs > 0 ? max_abs / 32767.0f : 1.0f;
  std::vector<std::vector<WeightTable::Entry>> entries(keys_.size());
  for (size_t i = 0; i < keys_.size(); ++i) {
    for (size_t k = 0; k < weights_[i].size(); ++k) {
      const float avg = averaged[i][k];
      if (std::fabs(avg) < min_weight) continue;
      const long q = std::lround(avg / scale);
      if (q == 0) continue;
      entries[i].push_back(WeightTable::Entry{weights_[i][k].cls, static_cast<int16_t>(q)});
    }
    std::sort(entries[i].begin(), entries[i].end(),
              [](const auto& a, const auto& b) { return a.cls < b.cls; });
  }
  return WeightTable::Build(num_classes_, scale, keys_, entries);
}

}  // namespace kg::nlp
