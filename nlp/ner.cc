// Entity model payload (inside the container of nlp/model_file.h, kind 3):
//
// payload     := version types categories names words pass pass
// version     := kNerFormatVersion (u32); a reader refuses any other
// types       := count(u32, 1..16) string*count        entity types: "PER", "LOC", "ORG"
// categories  := count(u32, 0..6) string*count         name-list categories: "person", ...
// string      := length(u32) bytes
// names       := index (nlp/flat_index.h): ExactNameKey or NormalNameKey of a token sequence ->
//                category bits | kPrefixBit (nlp/ner_model.h)
// words       := index: WordKey(normal form) -> bits 4 * category + place in a name, and the
//                dictionary bits 24..26
// pass        := weights transitions; the first pass, then the second (nlp/ner_model.h)
// weights     := table (nlp/linear_model.h) over 1 + 4 * count(types) BILOU classes
// transitions := array of f32, (classes + 1) * classes: row = previous class (last row: the
//                sentence start), column = class; transitions that BILOU forbids are ignored
//
// Classes: 0 is O, then for each type t in order B, I, L, U (class 1 + 4t + part).
#include "nlp/ner.h"

#include <algorithm>
#include <cmath>
#include <limits>

#include "nlp/model_file.h"

namespace kg::nlp {

namespace {
constexpr uint32_t kNerFormatVersion = 1;
constexpr float kMinusInfinity = -std::numeric_limits<float>::infinity();
}  // namespace

namespace internal {

namespace {
constexpr uint64_t kStart = 0x5747a27;  // stands for the tokens before and after a sentence
constexpr uint64_t kEnd = 0xe4d;

uint8_t CapsOf(std::string_view form) {
  if (form.empty()) return 0;
  const unsigned char c = static_cast<unsigned char>(form[0]);
  if (c >= 0x80) return 5;  // a non-ASCII letter or symbol: no case information we can read
  const bool upper_first = c >= 'A' && c <= 'Z';
  if (!upper_first && !(c >= 'a' && c <= 'z')) return 0;
  bool lower = false, upper = false;
  for (size_t k = 1; k < form.size(); ++k) {
    lower = lower || (form[k] >= 'a' && form[k] <= 'z');
    upper = upper || (form[k] >= 'A' && form[k] <= 'Z');
  }
  if (!upper_first) return upper ? 4 : 1;
  if (upper && !lower) return 3;
  return 2;
}
}  // namespace

void ComputeNerTokens(const NerModel& m, const Sentence& s, NerToken* out) {
  const int n = static_cast<int>(s.tokens.size());
  const int num_categories = static_cast<int>(m.categories.size());
  for (int i = 0; i < n; ++i) {
    const std::string_view form = s.tokens[i].form;
    NerToken& t = out[i];
    t.raw = HashString(form);
    t.norm = HashNormalized(form);
    t.shape = HashShape(form);
    const size_t len = form.size();
    for (size_t k = 0; k < 4; ++k) {
      t.prefix[k] = HashNormalized(form.substr(0, k + 1));
      t.suffix[k] = HashNormalized(form.substr(len > k + 1 ? len - k - 1 : 0));
    }
    t.upos = HashString(s.tokens[i].upos);
    t.xpos = HashString(s.tokens[i].xpos);
    t.word_bits = 0;
    m.words.Find(WordKey(t.norm), &t.word_bits);
    t.caps = CapsOf(form);
    t.length = static_cast<uint8_t>(std::min<size_t>(len, 15));
    t.sentence_first = i == 0;
    t.first = 0;
    t.doc_label = 0;
    t.doc_case = 0;
    std::fill(t.in_name, t.in_name + kMaxCategories, 0);
  }
  if (m.names.size() == 0 || num_categories == 0) return;
  // Every listed name that matches a token sequence marks its tokens; a token keeps, per
  // category, the longest name over it (its length rides in the code's high bits meanwhile).
  for (int i = 0; i < n; ++i) {
    uint64_t exact = kSequenceSeed, normal = kSequenceSeed;
    for (int len = 1; len <= kMaxNameTokens && i + len <= n; ++len) {
      const int j = i + len - 1;
      exact = Combine(exact, out[j].raw);
      normal = Combine(normal, out[j].norm);
      uint32_t ve = 0, vn = 0;
      const bool found_exact = m.names.Find(ExactNameKey(exact), &ve);
      const bool found_normal = m.names.Find(NormalNameKey(normal), &vn);
      if (!found_exact && !found_normal) break;
      const uint32_t whole = (ve | vn) & ~kPrefixBit;
      for (int c = 0; c < num_categories; ++c) {
        if ((whole & (1u << c)) == 0) continue;
        const uint8_t exact_flag = (ve & (1u << c)) != 0 ? 8 : 0;
        for (int k = i; k <= j; ++k) {
          const Bilou part = len == 1 ? kUnit : k == i ? kBegin : k == j ? kLast : kInside;
          uint8_t& code = out[k].in_name[c];
          // Longer names win; at equal length, an exact-case match.
          const int old_len = code == 0 ? 0 : (code >> 4);
          if (len > old_len || (len == old_len && exact_flag != 0)) {
            code = static_cast<uint8_t>((len << 4) | exact_flag | (1 + part));
          }
        }
      }
      if (((ve | vn) & kPrefixBit) == 0) break;
    }
  }
  // Keep the place and case flag; the length served only to choose.
  for (int i = 0; i < n; ++i) {
    for (int c = 0; c < num_categories; ++c) out[i].in_name[c] &= 0x0f;
  }
}

int SentenceCase(const NerToken* tokens, int n) {
  int letters = 0, capitalised = 0, upper = 0;
  for (int i = 0; i < n; ++i) {
    const uint8_t caps = tokens[i].caps;
    if (caps == 0 || caps == 5) continue;
    ++letters;
    // The first word and a lone capital ("I") say nothing about the writer's use of capitals.
    if (i > 0 && !(caps == 2 && tokens[i].length == 1)) capitalised += caps == 2 || caps == 3;
    upper += caps == 3 && tokens[i].length > 1;
  }
  if (letters == 0) return 0;
  if (letters >= 3 && capitalised == 0) return 1;
  if (letters >= 2 && upper * 10 >= letters * 8) return 4;
  if (letters >= 3 && capitalised * 10 >= (letters - 1) * 8) return 3;
  return 2;
}

int NerFeatures(const NerToken* t, int n, int i, int sentence_case, int pass, uint64_t* out) {
  int k = 0;
  const NerToken& w = t[i];
  auto norm_at = [&](int j) { return j < 0 ? kStart : j >= n ? kEnd : t[j].norm; };
  auto raw_at = [&](int j) { return j < 0 ? kStart : j >= n ? kEnd : t[j].raw; };
  auto shape_at = [&](int j) { return j < 0 ? kStart : j >= n ? kEnd : t[j].shape; };
  auto xpos_at = [&](int j) { return j < 0 ? kStart : j >= n ? kEnd : t[j].xpos; };
  auto caps_at = [&](int j) -> uint64_t { return j < 0 ? 6 : j >= n ? 7 : t[j].caps; };
  const uint64_t first = i == 0;
  const uint64_t sc = static_cast<uint64_t>(sentence_case);
  // The features of the word itself come first (kNumWordFeatures of them): training leaves them
  // out now and then, so that the model also learns to recognise names it has never seen.
  out[k++] = Feature(2, w.norm);
  out[k++] = Feature(3, w.raw);
  out[k++] = Feature(30, first, w.norm);
  out[k++] = Feature(31, norm_at(i - 1), w.norm);
  out[k++] = Feature(32, w.norm, norm_at(i + 1));
  out[k++] = Feature(37, w.raw, w.xpos);
  out[k++] = Feature(1, 0);
  out[k++] = Feature(4, w.shape);
  for (int a = 0; a < 4; ++a) out[k++] = Feature(5 + a, w.prefix[a]);
  for (int a = 0; a < 4; ++a) out[k++] = Feature(9 + a, w.suffix[a]);
  out[k++] = Feature(13, norm_at(i - 1));
  out[k++] = Feature(14, norm_at(i - 2));
  out[k++] = Feature(15, norm_at(i + 1));
  out[k++] = Feature(16, norm_at(i + 2));
  out[k++] = Feature(17, shape_at(i - 1));
  out[k++] = Feature(18, shape_at(i + 1));
  out[k++] = Feature(19, shape_at(i - 1), w.shape);
  out[k++] = Feature(20, w.shape, shape_at(i + 1));
  out[k++] = Feature(21, w.xpos);
  out[k++] = Feature(22, w.upos);
  out[k++] = Feature(23, xpos_at(i - 1));
  out[k++] = Feature(24, xpos_at(i + 1));
  out[k++] = Feature(25, xpos_at(i - 2));
  out[k++] = Feature(26, xpos_at(i + 2));
  out[k++] = Feature(27, xpos_at(i - 1), w.xpos);
  out[k++] = Feature(28, w.xpos, xpos_at(i + 1));
  out[k++] = Feature(29, first, w.shape);
  out[k++] = Feature(33, caps_at(i - 1), w.caps, caps_at(i + 1));
  out[k++] = Feature(34, sc, w.caps, first);
  out[k++] = Feature(35, sc, w.xpos);
  out[k++] = Feature(36, w.xpos, w.shape);
  out[k++] = Feature(38, raw_at(i - 1));
  out[k++] = Feature(39, raw_at(i + 1));
  out[k++] = Feature(40, norm_at(i - 1), w.xpos);
  out[k++] = Feature(41, w.xpos, norm_at(i + 1));
  out[k++] = Feature(42, w.length, w.caps);
  out[k++] = Feature(43, w.suffix[2], w.caps);
  for (int c = 0; c < kMaxCategories; ++c) {
    const uint64_t code = w.in_name[c];
    if (code != 0) {
      out[k++] = Feature(50, static_cast<uint64_t>(c), code);
      out[k++] = Feature(51, static_cast<uint64_t>(c), code, w.caps);
    }
    const uint64_t before = i > 0 ? t[i - 1].in_name[c] : 0;
    const uint64_t after = i + 1 < n ? t[i + 1].in_name[c] : 0;
    if (before != 0) out[k++] = Feature(52, static_cast<uint64_t>(c), before);
    if (after != 0) out[k++] = Feature(53, static_cast<uint64_t>(c), after);
  }
  const uint64_t dict = (w.word_bits >> kDictionaryShift) & 7;
  auto dict_at = [&](int j) -> uint64_t {
    return j < 0 ? 8 : j >= n ? 9 : (t[j].word_bits >> kDictionaryShift) & 7;
  };
  out[k++] = Feature(56, dict, w.caps);
  out[k++] = Feature(57, dict, w.caps, first);
  out[k++] = Feature(58, dict, w.xpos);
  out[k++] = Feature(59, dict_at(i - 1), dict, dict_at(i + 1));
  out[k++] = Feature(60, dict, sc);
  if (pass == 1) {
    auto label_at = [&](int j) -> uint64_t { return j < 0 || j >= n ? 0xff : t[j].doc_label; };
    const uint64_t label = w.doc_label;
    out[k++] = Feature(73, label);
    out[k++] = Feature(74, label, w.caps);
    out[k++] = Feature(76, w.doc_case, w.caps, first);
    out[k++] = Feature(77, label_at(i - 1), label, label_at(i + 1));
    out[k++] = Feature(78, w.doc_case, dict, w.caps);
  }
  for (uint32_t bits = w.word_bits & kCategoryBits; bits != 0 && k < kMaxNerFeatures - 2;
       bits &= bits - 1) {
    const uint64_t bit = static_cast<uint64_t>(__builtin_ctz(bits));
    out[k++] = Feature(54, bit);
    out[k++] = Feature(55, bit, w.caps);
  }
  return k;
}

void ComputeDocumentFeatures(NerToken* tokens, size_t n, int num_types,
                             std::vector<std::pair<uint64_t, uint32_t>>* scratch) {
  // Group the occurrences of each word by sorting (word, token) pairs.
  scratch->clear();
  for (size_t i = 0; i < n; ++i) scratch->emplace_back(tokens[i].norm, static_cast<uint32_t>(i));
  std::sort(scratch->begin(), scratch->end());
  const int num_labels = num_types + 1;  // the types, then O
  int counts[17 + 1];
  for (size_t a = 0; a < scratch->size();) {
    size_t b = a;
    while (b < scratch->size() && (*scratch)[b].first == (*scratch)[a].first) ++b;
    std::fill(counts, counts + num_labels, 0);
    int capitalised = 0, lower = 0;
    auto label_of = [&](const NerToken& t) { return t.first == 0 ? num_types : TypeOf(t.first); };
    auto capitalised_inside = [](const NerToken& t) {
      return !t.sentence_first && (t.caps == 2 || t.caps == 3);
    };
    for (size_t k = a; k < b; ++k) {
      const NerToken& t = tokens[(*scratch)[k].second];
      ++counts[label_of(t)];
      capitalised += capitalised_inside(t);
      lower += t.caps == 1;
    }
    for (size_t k = a; k < b; ++k) {
      NerToken& t = tokens[(*scratch)[k].second];
      // The others: every occurrence but this one.
      const int own = label_of(t);
      --counts[own];
      int best = -1;
      for (int l = 0; l < num_labels; ++l) {
        if (counts[l] > 0 && (best < 0 || counts[l] > counts[best])) best = l;
      }
      ++counts[own];
      t.doc_label = static_cast<uint8_t>(best + 1);
      const int other_capitalised = capitalised - (capitalised_inside(t) ? 1 : 0);
      const int other_lower = lower - (t.caps == 1 ? 1 : 0);
      t.doc_case =
          static_cast<uint8_t>((other_capitalised > 0 ? 1 : 0) | (other_lower > 0 ? 2 : 0));
    }
    a = b;
  }
}

void Viterbi(const float* emission, int n, int num_classes, const float* transitions,
             float* scratch, int* back, int* out) {
  const int C = num_classes;
  float* prev = scratch;
  float* cur = scratch + C;
  const float* start = transitions + static_cast<size_t>(C) * C;
  for (int c = 0; c < C; ++c) prev[c] = Allowed(-1, c) ? start[c] + emission[c] : kMinusInfinity;
  for (int i = 1; i < n; ++i) {
    const float* e = emission + static_cast<size_t>(i) * C;
    int* b = back + static_cast<size_t>(i) * C;
    for (int c = 0; c < C; ++c) {
      float best = kMinusInfinity;
      int arg = 0;
      for (int p = 0; p < C; ++p) {
        if (prev[p] == kMinusInfinity || !Allowed(p, c)) continue;
        const float s = prev[p] + transitions[p * C + c];
        if (s > best) best = s, arg = p;
      }
      cur[c] = best + e[c];
      b[c] = arg;
    }
    std::swap(prev, cur);
  }
  int last = 0;
  float best = kMinusInfinity;
  for (int c = 0; c < C; ++c) {
    if (AllowedLast(c) && prev[c] > best) best = prev[c], last = c;
  }
  out[n - 1] = last;
  for (int i = n - 1; i > 0; --i) out[i - 1] = back[static_cast<size_t>(i) * C + out[i]];
}

std::vector<std::string> IobLabels(const std::vector<std::string>& types) {
  const int num_classes = NumClasses(static_cast<int>(types.size()));
  std::vector<std::string> labels(num_classes, "O");
  for (int c = 1; c < num_classes; ++c) {
    const Bilou part = PartOf(c);
    labels[c] = (part == kBegin || part == kUnit ? "B-" : "I-") + types[TypeOf(c)];
  }
  return labels;
}

}  // namespace internal

EntityRecognizer::EntityRecognizer(internal::NerModel model) : model_(std::move(model)) {}

void EntityRecognizer::Annotate(Sentence* s) const { AnnotateDocument(std::span<Sentence>(s, 1)); }

void EntityRecognizer::AnnotateDocument(std::span<Sentence> sentences) const {
  // Scratch space per thread: no allocation once a thread has seen its longest document.
  thread_local std::vector<internal::NerToken> tokens;
  thread_local std::vector<int32_t> scores;
  thread_local std::vector<float> emission;
  thread_local std::vector<float> scratch;
  thread_local std::vector<int> back;
  thread_local std::vector<int> best;
  thread_local std::vector<std::pair<uint64_t, uint32_t>> words;
  size_t total = 0, longest = 0;
  for (const Sentence& s : sentences) {
    total += s.tokens.size();
    longest = std::max(longest, s.tokens.size());
  }
  if (total == 0) return;
  const int C = internal::NumClasses(static_cast<int>(model_.types.size()));
  tokens.resize(total);
  scores.resize(C);
  emission.resize(longest * C);
  scratch.resize(2 * static_cast<size_t>(C));
  back.resize(longest * C);
  best.resize(longest);
  uint64_t feats[internal::kMaxNerFeatures];
  // Labels one sentence with one pass; its tokens start at `first_token`.
  auto label = [&](const Sentence& s, size_t first_token, int pass) {
    const int n = static_cast<int>(s.tokens.size());
    if (n == 0) return;
    internal::NerToken* t = tokens.data() + first_token;
    const int sentence_case = internal::SentenceCase(t, n);
    const WeightTable& weights = model_.weights[pass];
    const float scale = weights.scale();
    for (int i = 0; i < n; ++i) {
      const int nf = internal::NerFeatures(t, n, i, sentence_case, pass, feats);
      std::fill(scores.begin(), scores.end(), 0);
      weights.AddAll(feats, nf, scores.data());
      float* e = emission.data() + static_cast<size_t>(i) * C;
      for (int c = 0; c < C; ++c) e[c] = static_cast<float>(scores[c]) * scale;
    }
    internal::Viterbi(emission.data(), n, C, model_.transitions[pass].data(), scratch.data(),
                      back.data(), best.data());
    if (pass == 0) {
      for (int i = 0; i < n; ++i) t[i].first = static_cast<int16_t>(best[i]);
    }
  };
  size_t first_token = 0;
  for (const Sentence& s : sentences) {
    internal::ComputeNerTokens(model_, s, tokens.data() + first_token);
    label(s, first_token, 0);
    first_token += s.tokens.size();
  }
  internal::ComputeDocumentFeatures(tokens.data(), total, static_cast<int>(model_.types.size()),
                                    &words);
  first_token = 0;
  for (Sentence& s : sentences) {
    label(s, first_token, 1);
    for (size_t i = 0; i < s.tokens.size(); ++i) {
      s.tokens[i].entity = model_.labels[best[i]];
    }
    first_token += s.tokens.size();
  }
}

Status EntityRecognizer::Save(const std::filesystem::path& path) const {
  ByteWriter w;
  w.Put<uint32_t>(kNerFormatVersion);
  w.Put<uint32_t>(static_cast<uint32_t>(model_.types.size()));
  for (const std::string& t : model_.types) w.PutString(t);
  w.Put<uint32_t>(static_cast<uint32_t>(model_.categories.size()));
  for (const std::string& c : model_.categories) w.PutString(c);
  model_.names.Save(&w);
  model_.words.Save(&w);
  for (int pass = 0; pass < 2; ++pass) {
    model_.weights[pass].Save(&w);
    w.PutArray(model_.transitions[pass]);
  }
  return WriteModelFile(path, ModelKind::kEntityRecognizer, w.data());
}

Status EntityRecognizer::Load(const std::filesystem::path& models_dir,
                              std::unique_ptr<EntityRecognizer>* out) {
  return LoadFile(models_dir / kEntityModelFile, out);
}

Status EntityRecognizer::LoadFile(const std::filesystem::path& path,
                                  std::unique_ptr<EntityRecognizer>* out) {
  std::string payload;
  KG_RETURN_IF_ERROR(ReadModelFile(path, ModelKind::kEntityRecognizer, &payload));
  ByteReader r(payload);
  auto bad = [&](const char* what) {
    return Status::Corruption(path.string() + ": malformed entity model (" + what + ")");
  };
  uint32_t version = 0;
  if (!r.Get(&version)) return bad("version");
  if (version != kNerFormatVersion) {
    return Status::NotSupported(path.string() + " has entity model version " +
                                std::to_string(version) + "; this kg reads version " +
                                std::to_string(kNerFormatVersion) + ": retrain or update kg");
  }
  internal::NerModel m;
  uint32_t count = 0;
  if (!r.Get(&count) || count == 0 || count > 16) return bad("types");
  m.types.resize(count);
  for (std::string& t : m.types) {
    if (!r.GetString(&t) || t.empty()) return bad("types");
  }
  if (!r.Get(&count) || count > static_cast<uint32_t>(internal::kMaxCategories)) {
    return bad("categories");
  }
  m.categories.resize(count);
  for (std::string& c : m.categories) {
    if (!r.GetString(&c)) return bad("categories");
  }
  if (!m.names.Load(&r)) return bad("name index");
  if (!m.words.Load(&r)) return bad("word index");
  const int C = internal::NumClasses(static_cast<int>(m.types.size()));
  for (int pass = 0; pass < 2; ++pass) {
    if (!m.weights[pass].Load(&r) || m.weights[pass].num_classes() != C) return bad("weights");
    if (!r.GetArray(&m.transitions[pass], 1 << 20) ||
        m.transitions[pass].size() != static_cast<size_t>(C + 1) * C) {
      return bad("transitions");
    }
    for (int p = 0; p <= C; ++p) {
      for (int c = 0; c < C; ++c) {
        const float v = m.transitions[pass][static_cast<size_t>(p) * C + c];
        if (internal::Allowed(p == C ? -1 : p, c) && !std::isfinite(v)) return bad("transitions");
      }
    }
  }
  if (!r.at_end()) return bad("trailing bytes");
  m.labels = internal::IobLabels(m.types);
  *out = std::make_unique<EntityRecognizer>(std::move(m));
  return Status::Ok();
}

}  // namespace kg::nlp
