#include "nlp/clusters.h"

#include <spdlog/spdlog.h>

#include <algorithm>
#include <cmath>
#include <fstream>
#include <numeric>
#include <random>
#include <string_view>
#include <unordered_map>
#include <unordered_set>

#include "nlp/features.h"
#include "nlp/tokenizer.h"

namespace kg::nlp {

WordClusters WordClusters::Build(std::vector<std::pair<std::string, uint32_t>> words) {
  WordClusters c;
  std::vector<uint64_t> keys;
  std::vector<uint32_t> values;
  keys.reserve(words.size());
  values.reserve(words.size());
  for (const auto& [word, path] : words) {
    keys.push_back(HashNormalized(word));
    values.push_back(path);
  }
  c.words_ = std::move(words);
  c.index_ = FlatIndex::Build(std::move(keys), std::move(values));
  return c;
}

bool WordClusters::LoadIndex(ByteReader* r) {
  words_.clear();
  if (!index_.Load(r)) return false;
  // Every path must be valid (an empty index is: a model trained without clusters).
  return index_.size() == 0 ||
         (index_.ValuesBelow(uint32_t{1} << (kMaxClusterBits + 1)) && index_.MinValue() >= 2);
}

Status WordClusters::Save(const std::filesystem::path& path) const {
  ByteWriter w;
  w.Put<uint32_t>(static_cast<uint32_t>(words_.size()));
  for (const auto& [word, p] : words_) {
    w.PutString(word);
    w.Put<uint32_t>(p);
  }
  return WriteModelFile(path, ModelKind::kClusters, w.data());
}

Status WordClusters::Load(const std::filesystem::path& path, std::unique_ptr<WordClusters>* out) {
  std::string payload;
  KG_RETURN_IF_ERROR(ReadModelFile(path, ModelKind::kClusters, &payload));
  ByteReader r(payload);
  auto bad = [&](const std::string& what) {
    return Status::Corruption(path.string() + ": malformed word cluster file (" + what + ")");
  };
  uint32_t n = 0;
  if (!r.Get(&n) || n > (1u << 24)) return bad("count");
  std::vector<std::pair<std::string, uint32_t>> words(n);
  std::unordered_set<std::string_view> seen;
  for (auto& [word, p] : words) {
    if (!r.GetString(&word) || !r.Get(&p)) return bad("truncated entries");
    if (!ValidClusterPath(p)) return bad("bad path for '" + word + "'");
  }
  for (const auto& [word, p] : words) {
    if (!seen.insert(word).second) return bad("word '" + word + "' repeated");
  }
  if (!r.at_end()) return bad("trailing bytes");
  *out = std::make_unique<WordClusters>(Build(std::move(words)));
  return Status::Ok();
}

namespace {

// The normal form HashNormalized hashes: ASCII lower case, digits as '0'.
std::string NormalForm(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    if (c >= '0' && c <= '9') c = '0';
  }
  return out;
}

// Sparse rows of unit length.
struct Rows {
  std::vector<size_t> begin;  // row i is [begin[i], begin[i + 1])
  std::vector<uint32_t> col;
  std::vector<float> val;
};

float Dot(const Rows& x, size_t i, const std::vector<float>& dense) {
  float s = 0;
  for (size_t k = x.begin[i]; k < x.begin[i + 1]; ++k) s += x.val[k] * dense[x.col[k]];
  return s;
}

void AddRow(const Rows& x, size_t i, float factor, std::vector<float>* dense) {
  for (size_t k = x.begin[i]; k < x.begin[i + 1]; ++k) (*dense)[x.col[k]] += factor * x.val[k];
}

void Normalize(std::vector<float>* v) {
  double s = 0;
  for (float f : *v) s += static_cast<double>(f) * f;
  if (s <= 0) return;
  const float inv = static_cast<float>(1.0 / std::sqrt(s));
  for (float& f : *v) f *= inv;
}

// Splits `items` in two: the sign of the projection on the principal direction (a few power
// iterations) to start, then spherical 2-means. side[i] is 0 or 1 for items[i].
void Bisect(const Rows& x, const std::vector<float>& weight, const std::vector<uint32_t>& items,
            int dims, int iterations, std::mt19937_64* rng, std::vector<uint8_t>* side) {
  const size_t n = items.size();
  side->assign(n, 0);
  double total_weight = 0;
  std::vector<float> mean(dims, 0.0f);
  for (uint32_t i : items) {
    AddRow(x, i, weight[i], &mean);
    total_weight += weight[i];
  }
  for (float& f : mean) f = static_cast<float>(f / total_weight);
  std::vector<float> v(dims);
  std::normal_distribution<float> gauss(0.0f, 1.0f);
  for (float& f : v) f = gauss(*rng);
  Normalize(&v);
  std::vector<float> proj(n);
  for (int it = 0; it < 8; ++it) {
    float mv = 0;
    for (int d = 0; d < dims; ++d) mv += mean[d] * v[d];
    std::vector<float> next(dims, 0.0f);
    for (size_t k = 0; k < n; ++k) {
      proj[k] = Dot(x, items[k], v) - mv;
      AddRow(x, items[k], weight[items[k]] * proj[k], &next);
    }
    float sp = 0;
    for (size_t k = 0; k < n; ++k) sp += weight[items[k]] * proj[k];
    for (int d = 0; d < dims; ++d) next[d] -= sp * mean[d];
    Normalize(&next);
    v.swap(next);
  }
  {
    float mv = 0;
    for (int d = 0; d < dims; ++d) mv += mean[d] * v[d];
    for (size_t k = 0; k < n; ++k) (*side)[k] = Dot(x, items[k], v) - mv > 0 ? 1 : 0;
  }
  std::vector<float> c[2] = {std::vector<float>(dims), std::vector<float>(dims)};
  for (int it = 0; it < iterations; ++it) {
    for (auto& cv : c) std::fill(cv.begin(), cv.end(), 0.0f);
    size_t count[2] = {0, 0};
    for (size_t k = 0; k < n; ++k) {
      AddRow(x, items[k], weight[items[k]], &c[(*side)[k]]);
      ++count[(*side)[k]];
    }
    if (count[0] == 0 || count[1] == 0) break;
    Normalize(&c[0]);
    Normalize(&c[1]);
    size_t changed = 0;
    for (size_t k = 0; k < n; ++k) {
      const uint8_t s = Dot(x, items[k], c[1]) > Dot(x, items[k], c[0]) ? 1 : 0;
      changed += s != (*side)[k];
      (*side)[k] = s;
    }
    if (changed == 0) break;
  }
  // A degenerate split (every item on one side, e.g. identical rows) halves the items instead.
  const size_t ones = static_cast<size_t>(std::count(side->begin(), side->end(), 1));
  if (ones == 0 || ones == n) {
    for (size_t k = 0; k < n; ++k) (*side)[k] = k >= n / 2 ? 1 : 0;
  }
}

}  // namespace

Status TrainClusters(const ClusterTrainOptions& options,
                     const std::vector<std::filesystem::path>& text_files,
                     std::unique_ptr<WordClusters>* out) {
  // Word ids by first appearance, and the text as word ids; -1 ends a sentence.
  std::unordered_map<std::string, int32_t> ids;
  std::vector<std::string> forms;
  std::vector<uint64_t> counts;
  std::vector<int32_t> text;
  for (const std::filesystem::path& file : text_files) {
    std::ifstream in(file, std::ios::binary);
    if (!in) return Status::IOError("cannot read " + file.string());
    std::string chunk, line;
    auto flush = [&] {
      for (const Sentence& s : Tokenize(chunk)) {
        for (const Token& t : s.tokens) {
          auto [it, added] = ids.emplace(NormalForm(t.form), static_cast<int32_t>(forms.size()));
          if (added) {
            forms.push_back(it->first);
            counts.push_back(0);
          }
          ++counts[it->second];
          text.push_back(it->second);
        }
        text.push_back(-1);
      }
      chunk.clear();
    };
    while (std::getline(in, line)) {
      chunk += line;
      chunk += '\n';
      if (chunk.size() > (1 << 16)) flush();  // at a line end: lines are paragraphs
    }
    flush();
  }
  // The vocabulary: most frequent first (ties by form, for determinism).
  std::vector<int32_t> order(forms.size());
  std::iota(order.begin(), order.end(), 0);
  std::sort(order.begin(), order.end(), [&](int32_t a, int32_t b) {
    return counts[a] != counts[b] ? counts[a] > counts[b] : forms[a] < forms[b];
  });
  std::vector<int32_t> rank(forms.size(), -1);
  size_t vocab = 0;
  for (int32_t id : order) {
    if (vocab >= static_cast<size_t>(options.max_words) ||
        counts[id] < static_cast<uint64_t>(options.min_count)) {
      break;
    }
    rank[id] = static_cast<int32_t>(vocab++);
  }
  if (vocab < 2) return Status::InvalidArgument("too few words for clusters");
  const int contexts = static_cast<int>(std::min<size_t>(options.contexts, vocab));
  const int window = std::clamp(options.window, 1, 2);
  // One block of columns per position (left 1, right 1, left 2, right 2); the last column of each
  // block stands for a sentence edge.
  const int block = contexts + 1;
  const int dims = 2 * window * block;
  if (options.log_progress) {
    spdlog::info("clusters: {} words of text, {} distinct, {} in the vocabulary", text.size(),
                 forms.size(), vocab);
  }

  // Co-occurrence counts (word, context column) of neighbouring words.
  std::vector<uint64_t> pairs;
  pairs.reserve(2 * text.size());
  auto context = [&](int32_t id) -> int {
    if (id < 0) return contexts;  // sentence edge
    const int32_t r = rank[id];
    return r >= 0 && r < contexts ? r : -1;
  };
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] < 0 || rank[text[i]] < 0) continue;
    const uint64_t w = static_cast<uint64_t>(rank[text[i]]);
    bool edge_left = false, edge_right = false;
    for (int d = 1; d <= window; ++d) {
      // Past a sentence edge every position is the edge.
      const int32_t l = edge_left || i < static_cast<size_t>(d) ? -1 : text[i - d];
      const int32_t r = edge_right || i + d >= text.size() ? -1 : text[i + d];
      edge_left = l < 0;
      edge_right = r < 0;
      const int left = context(l), right = context(r);
      const uint64_t base = w * dims + static_cast<uint64_t>(2 * (d - 1) * block);
      if (left >= 0) pairs.push_back(base + left);
      if (right >= 0) pairs.push_back(base + block + right);
    }
  }
  std::sort(pairs.begin(), pairs.end());
  std::vector<double> row_total(vocab, 0), col_total(dims, 0);
  for (uint64_t p : pairs) {
    row_total[p / dims] += 1;
    col_total[p % dims] += 1;
  }
  // Positive PMI with context counts smoothed to the power 0.75 (Levy et al. 2015).
  double smooth_total = 0;
  for (double& c : col_total) {
    c = std::pow(c, 0.75);
    smooth_total += c;
  }
  Rows x;
  x.begin.assign(vocab + 1, 0);
  for (size_t k = 0; k < pairs.size();) {
    size_t end = k;
    while (end < pairs.size() && pairs[end] == pairs[k]) ++end;
    const uint64_t w = pairs[k] / dims, col = pairs[k] % dims;
    const double pmi = std::log(static_cast<double>(end - k) * smooth_total /
                                (row_total[w] * col_total[col]));
    if (pmi > 0) {
      x.col.push_back(static_cast<uint32_t>(col));
      x.val.push_back(static_cast<float>(pmi));
      ++x.begin[w + 1];
    }
    k = end;
  }
  for (size_t i = 0; i < vocab; ++i) x.begin[i + 1] += x.begin[i];
  std::vector<float> weight(vocab);
  for (size_t i = 0; i < vocab; ++i) {
    double s = 0;
    for (size_t k = x.begin[i]; k < x.begin[i + 1]; ++k) s += static_cast<double>(x.val[k]) * x.val[k];
    const float inv = s > 0 ? static_cast<float>(1.0 / std::sqrt(s)) : 0.0f;
    for (size_t k = x.begin[i]; k < x.begin[i + 1]; ++k) x.val[k] *= inv;
    weight[i] = static_cast<float>(std::log1p(static_cast<double>(counts[order[i]])));
  }

  // Top-down bisection; a node's path gets a 0 or a 1 at each split.
  std::vector<uint32_t> path(vocab, 1);
  std::vector<std::vector<uint32_t>> todo;
  todo.emplace_back(vocab);
  std::iota(todo.back().begin(), todo.back().end(), 0);
  std::mt19937_64 rng(options.seed);
  std::vector<uint8_t> side;
  const int depth = std::clamp(options.depth, 1, kMaxClusterBits);
  while (!todo.empty()) {
    std::vector<uint32_t> items = std::move(todo.back());
    todo.pop_back();
    if (items.size() < 2 || 31 - __builtin_clz(path[items[0]]) >= depth) continue;
    Bisect(x, weight, items, dims, options.iterations, &rng, &side);
    std::vector<uint32_t> half[2];
    for (size_t k = 0; k < items.size(); ++k) {
      path[items[k]] = path[items[k]] << 1 | side[k];
      half[side[k]].push_back(items[k]);
    }
    todo.push_back(std::move(half[1]));
    todo.push_back(std::move(half[0]));
  }
  std::vector<std::pair<std::string, uint32_t>> words;
  words.reserve(vocab);
  for (size_t i = 0; i < vocab; ++i) {
    // A word alone in the root's node (vocab of 1) has no bit yet: give it one.
    words.emplace_back(forms[order[i]], path[i] >= 2 ? path[i] : 2);
  }
  *out = std::make_unique<WordClusters>(WordClusters::Build(std::move(words)));
  return Status::Ok();
}

}  // namespace kg::nlp
