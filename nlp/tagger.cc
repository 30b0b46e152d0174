// Tagger model payload (inside the container of nlp/model_file.h, kind 1):
//
// payload      := classes scripts tagdict tag_weights second_weights lexicon lemma_weights
//                 clusters
// classes      := count(u32) class*count
// class        := upos(string) xpos(string)
// scripts      := count(u32) script*count
// script       := flags(u8: bit 0 lower-case first, bit 1 open to the classifier) cut(u8)
//                 append(string)
// string       := length(u32) bytes
// tagdict      := index (nlp/flat_index.h): DictKey(form) or DictNormKey(form) -> ambiguity class
// lexicon      := index: LexiconKey(form, class) or LexiconNormKey(form, class) -> script
// tag_weights  := table (nlp/linear_model.h) over the classes, first pass
// second_weights := table over the classes, second pass (sees the first pass's tags)
// lemma_weights:= table over the scripts
// clusters     := index: HashNormalized(form) -> cluster path (nlp/clusters.h); empty when the
//                 model was trained without clusters
#include "nlp/tagger.h"

#include <algorithm>

#include "nlp/model_file.h"

namespace kg::nlp {

using internal::LemmaScript;
using internal::TagClass;
using internal::TokenInfo;

namespace internal {

namespace {
constexpr uint64_t kStartWord = 0x51ab5eed;  // stands for the words before and after a sentence
constexpr uint64_t kEndWord = 0x7e1eaf;

bool IsAsciiUpper(char c) { return c >= 'A' && c <= 'Z'; }
}  // namespace

void ComputeTokenInfo(std::string_view form, const FlatIndex& tagdict,
                      const WordClusters& clusters, TokenInfo* info) {
  info->raw = HashString(form);
  info->norm = HashNormalized(form);
  info->cluster = clusters.Find(info->norm);
  info->shape = HashShape(form);
  const size_t n = form.size();
  for (size_t k = 0; k < 3; ++k) info->prefix[k] = HashNormalized(form.substr(0, k + 1));
  for (size_t k = 0; k < 5; ++k) {
    info->suffix[k] = HashNormalized(form.substr(n > k + 1 ? n - k - 1 : 0));
  }
  const size_t hyphen = form.rfind('-');
  info->has_hyphen = hyphen != std::string_view::npos && hyphen > 0;
  info->hyphen_tail = info->has_hyphen ? HashNormalized(form.substr(hyphen + 1)) : 0;
  info->upper_first = n > 0 && IsAsciiUpper(form[0]);
  info->has_digit =
      std::any_of(form.begin(), form.end(), [](char c) { return c >= '0' && c <= '9'; });
  uint32_t amb = 0;
  info->known = true;
  if (tagdict.Find(DictKey(form), &amb)) {
    info->amb = amb;
  } else if (tagdict.Find(DictNormKey(form), &amb)) {
    info->amb = Combine(amb, 1);
  } else {
    info->amb = 0;
    info->known = false;
  }
}

int TagFeatures(const TokenInfo* info, int n, int i, int prev1, int prev2, const int* first_pass,
                bool use_clusters, uint64_t* out) {
  int k = 0;
  const TokenInfo& w = info[i];
  auto norm_at = [&](int j) { return j < 0 ? kStartWord : j >= n ? kEndWord : info[j].norm; };
  auto amb_at = [&](int j) { return j < 0 ? kStartWord : j >= n ? kEndWord : info[j].amb; };
  auto shape_at = [&](int j) { return j < 0 ? kStartWord : j >= n ? kEndWord : info[j].shape; };
  auto suf3_at = [&](int j) { return j < 0 ? kStartWord : j >= n ? kEndWord : info[j].suffix[2]; };
  const uint64_t p1 = static_cast<uint64_t>(prev1 + 1), p2 = static_cast<uint64_t>(prev2 + 1);
  out[k++] = Feature(1, 0);
  out[k++] = Feature(2, w.norm);
  out[k++] = Feature(3, w.raw);
  for (int s = 0; s < 5; ++s) out[k++] = Feature(4 + s, w.suffix[s]);
  for (int s = 0; s < 3; ++s) out[k++] = Feature(9 + s, w.prefix[s]);
  out[k++] = Feature(12, w.shape);
  out[k++] = Feature(13, w.amb);
  out[k++] = Feature(14, norm_at(i - 1));
  out[k++] = Feature(15, norm_at(i - 2));
  out[k++] = Feature(16, norm_at(i + 1));
  out[k++] = Feature(17, norm_at(i + 2));
  out[k++] = Feature(18, suf3_at(i - 1));
  out[k++] = Feature(19, suf3_at(i + 1));
  out[k++] = Feature(20, shape_at(i - 1));
  out[k++] = Feature(21, shape_at(i + 1));
  out[k++] = Feature(22, amb_at(i + 1));
  out[k++] = Feature(23, amb_at(i + 2));
  out[k++] = Feature(24, p1);
  out[k++] = Feature(25, p2);
  out[k++] = Feature(26, p1, p2);
  out[k++] = Feature(27, p1, w.norm);
  out[k++] = Feature(28, w.amb, amb_at(i + 1));
  out[k++] = Feature(29, p1, amb_at(i + 1));
  out[k++] = Feature(30, w.norm, norm_at(i + 1));
  out[k++] = Feature(31, norm_at(i - 1), w.norm);
  out[k++] = Feature(32, i == 0, w.shape);
  out[k++] = Feature(33, p1, w.suffix[2]);
  out[k++] = Feature(34, p1, w.amb);
  out[k++] = Feature(35, w.amb, amb_at(i + 1), amb_at(i + 2));
  out[k++] = Feature(36, p1, w.amb, amb_at(i + 1));
  if (w.has_hyphen) out[k++] = Feature(37, w.hyphen_tail);
  out[k++] = Feature(38, w.upper_first, w.has_digit, w.has_hyphen);
  out[k++] = Feature(39, norm_at(i + 1), norm_at(i + 2));
  if (use_clusters) {
    auto cluster_at = [&](int j, int bits) -> uint64_t {
      return j < 0 ? kStartWord : j >= n ? kEndWord : ClusterPrefix(info[j].cluster, bits);
    };
    out[k++] = Feature(48, ClusterPrefix(w.cluster, 4));
    out[k++] = Feature(49, ClusterPrefix(w.cluster, 6));
    out[k++] = Feature(50, ClusterPrefix(w.cluster, 10));
    out[k++] = Feature(51, ClusterPrefix(w.cluster, 20));
    out[k++] = Feature(52, cluster_at(i - 1, 8));
    out[k++] = Feature(53, cluster_at(i + 1, 8));
    out[k++] = Feature(54, p1, ClusterPrefix(w.cluster, 6));
    out[k++] = Feature(55, ClusterPrefix(w.cluster, 8), cluster_at(i + 1, 4));
  }
  if (first_pass != nullptr) {
    auto tag_at = [&](int j) -> uint64_t {
      return j >= n ? 0xe0d : static_cast<uint64_t>(first_pass[j] + 1);
    };
    const uint64_t n1 = tag_at(i + 1), n2 = tag_at(i + 2);
    out[k++] = Feature(40, n1);
    out[k++] = Feature(41, n1, n2);
    out[k++] = Feature(42, p1, n1);
    out[k++] = Feature(43, w.norm, n1);
    out[k++] = Feature(44, tag_at(i));
    out[k++] = Feature(45, w.suffix[2], n1);
    out[k++] = Feature(46, p1, tag_at(i), n1);
    out[k++] = Feature(47, w.amb, n1);
  }
  return k;
}

void TagPass(const WeightTable& weights, const TokenInfo* info, int n, const int* first_pass,
             bool use_clusters, int32_t* scores, int* out) {
  uint64_t feats[kMaxTagFeatures];
  const int num_classes = weights.num_classes();
  int prev1 = -1, prev2 = -1;
  for (int i = 0; i < n; ++i) {
    const int nf = TagFeatures(info, n, i, prev1, prev2, first_pass, use_clusters, feats);
    std::fill(scores, scores + num_classes, 0);
    weights.AddAll(feats, nf, scores);
    const int best = static_cast<int>(std::max_element(scores, scores + num_classes) - scores);
    out[i] = best;
    prev2 = prev1;
    prev1 = best;
  }
}

int LemmaFeatures(std::string_view form, const TokenInfo& info, int cls, uint64_t* out) {
  int k = 0;
  const uint64_t c = static_cast<uint64_t>(cls);
  out[k++] = Feature(100, c);
  for (int s = 0; s < 5; ++s) out[k++] = Feature(101 + s, info.suffix[s], c);
  const size_t n = form.size();
  out[k++] = Feature(106, HashNormalized(form.substr(n > 6 ? n - 6 : 0)), c);
  out[k++] = Feature(107, info.norm, c);
  out[k++] = Feature(108, info.shape, c);
  out[k++] = Feature(109, info.upper_first, c);
  out[k++] = Feature(110, info.prefix[1], c);
  out[k++] = Feature(111, std::min<size_t>(n, 12), c);
  return k;
}

bool ScriptApplies(const LemmaScript& script, std::string_view form) {
  if (script.cut >= form.size() && !(script.cut == form.size() && !script.append.empty())) {
    return false;
  }
  const size_t keep = form.size() - script.cut;
  return keep == form.size() || (static_cast<unsigned char>(form[keep]) & 0xC0) != 0x80;
}

void ApplyScript(const LemmaScript& script, std::string_view form, std::string* lemma) {
  lemma->assign(form.substr(0, form.size() - script.cut));
  if (script.lower) {
    for (char& c : *lemma) {
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    }
  }
  lemma->append(script.append);
}

LemmaScript ScriptFor(std::string_view form, std::string_view lemma, bool force_lower) {
  LemmaScript best;
  size_t best_cost = SIZE_MAX;
  for (bool lower : {false, true}) {
    if (force_lower && !lower) continue;
    std::string f(form);
    if (lower) {
      for (char& c : f) {
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
      }
    }
    size_t common = 0;
    while (common < f.size() && common < lemma.size() && f[common] == lemma[common]) ++common;
    // Never cut inside a UTF-8 character.
    while (common > 0 && common < f.size() &&
           (static_cast<unsigned char>(f[common]) & 0xC0) == 0x80) {
      --common;
    }
    const size_t cut = f.size() - common;
    const size_t cost = cut + (lemma.size() - common);
    if (cost < best_cost && cut < 256) {
      best_cost = cost;
      best.lower = lower;
      best.cut = static_cast<uint8_t>(cut);
      best.append = std::string(lemma.substr(common));
    }
  }
  return best;
}

int PredictScript(const TaggerModel& m, std::string_view form, const TokenInfo& info, int cls,
                  int32_t* scores) {
  uint32_t script = 0;
  if (m.lexicon.Find(LexiconKey(form, cls), &script) ||
      m.lexicon.Find(LexiconNormKey(form, cls), &script)) {
    if (ScriptApplies(m.scripts[script], form)) return static_cast<int>(script);
  }
  uint64_t feats[kMaxLemmaFeatures];
  const int nf = LemmaFeatures(form, info, cls, feats);
  const int num = m.lemma_weights.num_classes();
  std::fill(scores, scores + num, 0);
  for (int f = 0; f < nf; ++f) m.lemma_weights.AddTo(feats[f], scores);
  int best = -1;
  for (int c = 0; c < num; ++c) {
    if ((best < 0 || scores[c] > scores[best]) && m.scripts[c].open &&
        ScriptApplies(m.scripts[c], form)) {
      best = c;
    }
  }
  return best < 0 ? 0 : best;
}

}  // namespace internal

Tagger::Tagger(internal::TaggerModel model) : model_(std::move(model)) {}

void Tagger::Tag(Sentence* s) const { Tag(s, nullptr); }

void Tagger::Tag(Sentence* s, std::vector<int>* classes) const {
  // Scratch space per thread: Tag allocates nothing once a thread has seen its longest sentence.
  thread_local std::vector<TokenInfo> infos;
  thread_local std::vector<int32_t> scores;
  thread_local std::vector<int> predicted;
  thread_local std::vector<int> first;
  const int n = static_cast<int>(s->tokens.size());
  infos.resize(n);
  predicted.resize(n);
  scores.resize(std::max<size_t>(model_.classes.size(), model_.scripts.size()));
  for (int i = 0; i < n; ++i)
    internal::ComputeTokenInfo(s->tokens[i].form, model_.tagdict, model_.clusters, &infos[i]);
  first.resize(n);
  const bool clusters = model_.clusters.size() > 0;
  internal::TagPass(model_.tag_weights, infos.data(), n, nullptr, clusters, scores.data(),
                    first.data());
  internal::TagPass(model_.second_weights, infos.data(), n, first.data(), clusters, scores.data(),
                    predicted.data());
  for (int i = 0; i < n; ++i) {
    Token& t = s->tokens[i];
    t.upos = model_.classes[predicted[i]].upos;
    t.xpos = model_.classes[predicted[i]].xpos;
  }
  for (int i = 0; i < n; ++i) {
    Token& t = s->tokens[i];
    const int script =
        internal::PredictScript(model_, t.form, infos[i], predicted[i], scores.data());
    internal::ApplyScript(model_.scripts[script], t.form, &t.lemma);
  }
  if (classes != nullptr) classes->assign(predicted.begin(), predicted.end());
}

Status Tagger::Save(const std::filesystem::path& path) const {
  ByteWriter w;
  w.Put<uint32_t>(static_cast<uint32_t>(model_.classes.size()));
  for (const TagClass& c : model_.classes) {
    w.PutString(c.upos);
    w.PutString(c.xpos);
  }
  w.Put<uint32_t>(static_cast<uint32_t>(model_.scripts.size()));
  for (const LemmaScript& s : model_.scripts) {
    w.Put<uint8_t>((s.lower ? 1 : 0) | (s.open ? 2 : 0));
    w.Put<uint8_t>(s.cut);
    w.PutString(s.append);
  }
  model_.tagdict.Save(&w);
  model_.tag_weights.Save(&w);
  model_.second_weights.Save(&w);
  model_.lexicon.Save(&w);
  model_.lemma_weights.Save(&w);
  model_.clusters.SaveIndex(&w);
  return WriteModelFile(path, ModelKind::kTagger, w.data());
}

Status Tagger::Load(const std::filesystem::path& path, std::unique_ptr<Tagger>* out) {
  std::string payload;
  KG_RETURN_IF_ERROR(ReadModelFile(path, ModelKind::kTagger, &payload));
  ByteReader r(payload);
  internal::TaggerModel m;
  auto bad = [&](const char* what) {
    return Status::Corruption(path.string() + ": malformed tagger model (" + what + ")");
  };
  uint32_t n = 0;
  if (!r.Get(&n) || n == 0 || n > 4096) return bad("classes");
  m.classes.resize(n);
  for (TagClass& c : m.classes) {
    r.GetString(&c.upos);
    r.GetString(&c.xpos);
  }
  if (!r.Get(&n) || n == 0 || n > 65535) return bad("scripts");
  m.scripts.resize(n);
  for (LemmaScript& s : m.scripts) {
    uint8_t lower = 0;
    r.Get(&lower);
    r.Get(&s.cut);
    r.GetString(&s.append);
    s.lower = (lower & 1) != 0;
    s.open = (lower & 2) != 0;
  }
  if (!r.ok()) return bad("scripts");
  if (!m.tagdict.Load(&r)) return bad("tag dictionary");
  if (!m.tag_weights.Load(&r) ||
      m.tag_weights.num_classes() != static_cast<int>(m.classes.size())) {
    return bad("tag weights");
  }
  if (!m.second_weights.Load(&r) ||
      m.second_weights.num_classes() != static_cast<int>(m.classes.size())) {
    return bad("second-pass tag weights");
  }
  if (!m.lexicon.Load(&r) || !m.lexicon.ValuesBelow(static_cast<uint32_t>(m.scripts.size()))) {
    return bad("lexicon");
  }
  if (!m.lemma_weights.Load(&r) ||
      m.lemma_weights.num_classes() != static_cast<int>(m.scripts.size())) {
    return bad("lemma weights");
  }
  if (!m.clusters.LoadIndex(&r)) return bad("word clusters");
  if (!r.at_end()) return bad("trailing bytes");
  *out = std::make_unique<Tagger>(std::move(m));
  return Status::Ok();
}

}  // namespace kg::nlp
