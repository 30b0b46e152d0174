// Training of the entity recogniser (declared in nlp/ner_train.h): a structured averaged
// perceptron (Collins 2002) over BILOU labels with Viterbi decoding.
#include "nlp/ner_train.h"

#include <spdlog/spdlog.h>

#include <algorithm>
#include <fstream>
#include <numeric>
#include <random>
#include <unordered_map>

#include "nlp/ner_eval.h"
#include "nlp/tokenizer.h"

namespace kg::nlp {

using internal::NerModel;
using internal::NerToken;

Sentence ToSentence(const TaggedNerSentence& t) {
  Sentence s;
  s.tokens.resize(t.gold->forms.size());
  uint32_t offset = 0;
  for (size_t i = 0; i < s.tokens.size(); ++i) {
    Token& tok = s.tokens[i];
    tok.form = t.gold->forms[i];
    tok.span = Span{offset, offset + static_cast<uint32_t>(tok.form.size())};
    offset = tok.span.end + 1;
    if (i < t.upos.size()) tok.upos = t.upos[i];
    if (i < t.xpos.size()) tok.xpos = t.xpos[i];
  }
  if (!s.tokens.empty()) s.span = Span{0, s.tokens.back().span.end};
  return s;
}

namespace {

void Tag(const Tagger& tagger, const NerSentence& gold, TaggedNerSentence* out) {
  out->gold = &gold;
  out->upos.clear();
  out->xpos.clear();
  TaggedNerSentence untagged{&gold, {}, {}};
  Sentence s = ToSentence(untagged);
  tagger.Tag(&s);
  for (const Token& t : s.tokens) {
    out->upos.emplace_back(t.upos);
    out->xpos.emplace_back(t.xpos);
  }
}

std::string FormsKey(const std::vector<std::string>& forms) {
  std::string key;
  for (const std::string& f : forms) {
    key.append(f);
    key.push_back('\t');
  }
  return key;
}

}  // namespace

std::vector<TaggedNerSentence> TagNerSentences(const Tagger& tagger,
                                               const std::vector<NerSentence>& sentences) {
  std::vector<TaggedNerSentence> out(sentences.size());
  for (size_t i = 0; i < sentences.size(); ++i) Tag(tagger, sentences[i], &out[i]);
  return out;
}

Status JackknifeTagNerSentences(const std::vector<ConlluSentence>& treebank, int folds,
                                const TaggerTrainOptions& tagger_options,
                                const std::vector<NerSentence>& sentences,
                                std::vector<TaggedNerSentence>* out) {
  if (folds < 2) return Status::InvalidArgument("jackknifing needs at least 2 folds");
  if (treebank.size() < static_cast<size_t>(folds) * 2) {
    return Status::InvalidArgument("the treebank is too small to jackknife");
  }
  std::unordered_map<std::string, size_t> by_id, by_forms;
  for (size_t i = 0; i < treebank.size(); ++i) {
    if (!treebank[i].sent_id.empty()) by_id.emplace(treebank[i].sent_id, i);
    std::vector<std::string> forms;
    for (const ConlluWord& w : treebank[i].words) forms.push_back(w.form);
    by_forms.emplace(FormsKey(forms), i);
  }
  // Contiguous folds: a document's sentences stay together, as in new text.
  auto fold_of = [&](size_t i) { return static_cast<int>(i * folds / treebank.size()); };
  std::vector<int> fold(sentences.size(), 0);
  size_t unmatched = 0;
  for (size_t k = 0; k < sentences.size(); ++k) {
    auto id = by_id.find(sentences[k].sent_id);
    if (id != by_id.end()) {
      fold[k] = fold_of(id->second);
      continue;
    }
    auto f = by_forms.find(FormsKey(sentences[k].forms));
    if (f != by_forms.end()) {
      fold[k] = fold_of(f->second);
    } else {
      ++unmatched;
    }
  }
  if (unmatched > 0) {
    spdlog::warn("jackknife: {} of {} sentences are not in the treebank", unmatched,
                 sentences.size());
  }
  out->assign(sentences.size(), TaggedNerSentence());
  TaggerTrainOptions options = tagger_options;
  options.log_progress = false;
  for (int k = 0; k < folds; ++k) {
    std::vector<ConlluSentence> rest;
    for (size_t i = 0; i < treebank.size(); ++i) {
      if (fold_of(i) != k) rest.push_back(treebank[i]);
    }
    std::unique_ptr<Tagger> tagger;
    KG_RETURN_IF_ERROR(TrainTagger(options, rest, {}, &tagger));
    for (size_t s = 0; s < sentences.size(); ++s) {
      if (fold[s] == k) Tag(*tagger, sentences[s], &(*out)[s]);
    }
    spdlog::info("jackknife: fold {}/{} tagged", k + 1, folds);
  }
  return Status::Ok();
}

namespace {

Status ReadLines(const std::filesystem::path& path, std::vector<std::string>* lines) {
  std::ifstream in(path);
  if (!in) return Status::IOError("cannot open name list " + path.string());
  std::string line;
  while (std::getline(in, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty() || line[0] == '#') continue;
    lines->push_back(line);
  }
  return Status::Ok();
}

// ISO 3166-2 names carry notes ("Bicol (Region V)", "A Coruña [La Coruña]") and inverted forms
// ("Asturias, Principado de"): the name proper is the part before them.
std::string CleanName(std::string name) {
  const size_t cut = name.find_first_of("([,");
  if (cut != std::string::npos) name.resize(cut);
  while (!name.empty() && name.back() == ' ') name.pop_back();
  return name;
}

}  // namespace

Status ReadNameLists(const std::filesystem::path& models_dir, NameLists* out) {
  std::vector<std::string> lines;
  KG_RETURN_IF_ERROR(ReadLines(models_dir / "gazetteer.tsv", &lines));
  for (const std::string& line : lines) {
    const size_t tab = line.find('\t');
    if (tab == std::string::npos) continue;
    const size_t tab2 = line.find('\t', tab + 1);
    std::string name = CleanName(line.substr(0, tab));
    if (name.empty()) continue;
    out->names.emplace_back(std::move(name), line.substr(tab + 1, tab2 - tab - 1));
  }
  lines.clear();
  KG_RETURN_IF_ERROR(ReadLines(models_dir / "demonyms.tsv", &lines));
  for (const std::string& line : lines) {
    const size_t tab = line.find('\t');
    out->names.emplace_back(line.substr(0, tab), "demonym");
  }
  return Status::Ok();
}

Status ReadDictionary(const std::filesystem::path& path, NameLists* out) {
  std::vector<std::string> lines;
  KG_RETURN_IF_ERROR(ReadLines(path, &lines));
  for (std::string& w : lines) {
    if (w.find('\'') == std::string::npos) out->dictionary.push_back(std::move(w));
  }
  return Status::Ok();
}

namespace {

// Fills the name and word indexes of `m` from `lists`. Names are split by our tokenizer, as the
// text they are looked up in is.
void BuildNameIndexes(const NameLists& lists, NerModel* m) {
  std::unordered_map<uint64_t, uint32_t> names, words;
  for (const auto& [name, category] : lists.names) {
    auto it = std::find(m->categories.begin(), m->categories.end(), category);
    if (it == m->categories.end()) {
      if (m->categories.size() >= static_cast<size_t>(internal::kMaxCategories)) continue;
      m->categories.push_back(category);
      it = m->categories.end() - 1;
    }
    const int c = static_cast<int>(it - m->categories.begin());
    std::vector<std::string_view> forms;
    for (const Sentence& s : Tokenize(name)) {
      for (const Token& t : s.tokens) forms.push_back(t.form);
    }
    const int n = static_cast<int>(forms.size());
    if (n == 0 || n > internal::kMaxNameTokens) continue;
    uint64_t exact = internal::kSequenceSeed, normal = internal::kSequenceSeed;
    for (int i = 0; i < n; ++i) {
      exact = Combine(exact, HashString(forms[i]));
      normal = Combine(normal, HashNormalized(forms[i]));
      const uint32_t bit = i + 1 == n ? (1u << c) : internal::kPrefixBit;
      names[internal::ExactNameKey(exact)] |= bit;
      names[internal::NormalNameKey(normal)] |= bit;
      const internal::Bilou part = n == 1         ? internal::kUnit
                                   : i == 0       ? internal::kBegin
                                   : i + 1 == n   ? internal::kLast
                                                  : internal::kInside;
      words[internal::WordKey(HashNormalized(forms[i]))] |= 1u << (4 * c + part);
    }
  }
  for (const std::string& w : lists.dictionary) {
    if (w.empty()) continue;
    const bool upper_first = w[0] >= 'A' && w[0] <= 'Z';
    const bool all_upper = w.size() > 1 && std::none_of(w.begin(), w.end(), [](char ch) {
                             return ch >= 'a' && ch <= 'z';
                           });
    const uint32_t bit = !upper_first ? internal::kDictionaryLower
                         : all_upper  ? internal::kDictionaryUpper
                                      : internal::kDictionaryCapital;
    words[internal::WordKey(HashNormalized(w))] |= bit;
  }
  auto build = [](const std::unordered_map<uint64_t, uint32_t>& map) {
    std::vector<uint64_t> keys;
    std::vector<uint32_t> values;
    for (const auto& [k, v] : map) {
      keys.push_back(k);
      values.push_back(v);
    }
    return FlatIndex::Build(std::move(keys), std::move(values));
  };
  m->names = build(names);
  m->words = build(words);
}

// BILOU classes of a sentence's IOB2 tags; types outside `types` are O.
std::vector<int> GoldClasses(const NerSentence& s, const std::vector<std::string>& types) {
  std::vector<int> classes(s.tags.size(), 0);
  for (const EntitySpan& e :
       EntitySpans(s.tags.size(), [&](size_t i) { return std::string_view(s.tags[i]); })) {
    auto it = std::find(types.begin(), types.end(), e.type);
    if (it == types.end()) continue;
    const int t = static_cast<int>(it - types.begin());
    if (e.end - e.begin == 1) {
      classes[e.begin] = internal::ClassOf(t, internal::kUnit);
      continue;
    }
    for (uint32_t i = e.begin; i < e.end; ++i) {
      classes[i] = internal::ClassOf(t, i == e.begin     ? internal::kBegin
                                        : i + 1 == e.end ? internal::kLast
                                                         : internal::kInside);
    }
  }
  return classes;
}

// Averaged weights of the dense label-transition matrix (the emission weights are sparse and
// live in a PerceptronTrainer).
class TransitionTrainer final {
 public:
  explicit TransitionTrainer(size_t size) : w_(size, 0.0f), total_(size, 0.0), since_(size, 0) {}
  const float* current() const { return w_.data(); }
  void Add(size_t i, float delta) {
    total_[i] += static_cast<double>(clock_ - since_[i]) * w_[i];
    since_[i] = clock_;
    w_[i] += delta;
  }
  void Tick() { ++clock_; }
  std::vector<float> Average() const {
    std::vector<float> avg(w_.size());
    for (size_t i = 0; i < w_.size(); ++i) {
      const double total = total_[i] + static_cast<double>(clock_ - since_[i]) * w_[i];
      avg[i] = static_cast<float>(total / static_cast<double>(clock_));
    }
    return avg;
  }

 private:
  std::vector<float> w_;
  std::vector<double> total_;
  std::vector<uint64_t> since_;
  uint64_t clock_ = 1;
};

}  // namespace

Status TrainEntityRecognizer(const NerTrainOptions& options, const NameLists& names,
                             const std::vector<TaggedNerSentence>& train,
                             const std::vector<TaggedNerSentence>& dev,
                             std::unique_ptr<EntityRecognizer>* out) {
  if (options.types.empty() || options.types.size() > 16) {
    return Status::InvalidArgument("between 1 and 16 entity types are needed");
  }
  NerModel base;
  base.types = options.types;
  base.labels = internal::IobLabels(base.types);
  BuildNameIndexes(names, &base);
  const int C = internal::NumClasses(static_cast<int>(base.types.size()));

  // Features do not depend on the labels: compute them once.
  std::vector<uint64_t> feats;
  std::vector<size_t> token_begin;    // per token of the whole data: its first feature
  std::vector<size_t> sentence_begin;  // per sentence: its first token
  std::vector<int> gold;
  std::vector<NerToken> tokens;
  uint64_t buffer[internal::kMaxNerFeatures];
  for (const TaggedNerSentence& t : train) {
    sentence_begin.push_back(token_begin.size());
    const Sentence s = ToSentence(t);
    const int n = static_cast<int>(s.tokens.size());
    tokens.resize(n);
    internal::ComputeNerTokens(base, s, tokens.data());
    const int sentence_case = internal::SentenceCase(tokens.data(), n);
    for (int i = 0; i < n; ++i) {
      token_begin.push_back(feats.size());
      const int nf = internal::NerFeatures(tokens.data(), n, i, sentence_case, buffer);
      feats.insert(feats.end(), buffer, buffer + nf);
    }
    const std::vector<int> classes = GoldClasses(*t.gold, base.types);
    gold.insert(gold.end(), classes.begin(), classes.end());
  }
  sentence_begin.push_back(token_begin.size());
  token_begin.push_back(feats.size());
  if (gold.empty()) return Status::InvalidArgument("no training tokens");
  if (options.min_feature_count > 1) {
    // Features seen once are mostly memorised names; dropping them makes the model lean on
    // features that generalise. Each token keeps its order of features.
    std::unordered_map<uint64_t, uint32_t> counts;
    counts.reserve(feats.size() / 4);
    for (uint64_t f : feats) ++counts[f];
    std::vector<uint64_t> kept;
    kept.reserve(feats.size());
    std::vector<size_t> kept_begin;
    kept_begin.reserve(token_begin.size());
    for (size_t tok = 0; tok + 1 < token_begin.size(); ++tok) {
      kept_begin.push_back(kept.size());
      for (size_t k = token_begin[tok]; k < token_begin[tok + 1]; ++k) {
        if (counts[feats[k]] >= static_cast<uint32_t>(options.min_feature_count)) {
          kept.push_back(feats[k]);
        }
      }
    }
    kept_begin.push_back(kept.size());
    feats = std::move(kept);
    token_begin = std::move(kept_begin);
  }
  if (options.log_progress) {
    spdlog::info("ner: {} sentences, {} tokens, {} features per token", train.size(), gold.size(),
                 feats.size() / gold.size());
  }

  PerceptronTrainer emission(C);
  TransitionTrainer transitions(static_cast<size_t>(C + 1) * C);
  std::mt19937_64 rng(options.seed);
  std::vector<size_t> order(train.size());
  std::iota(order.begin(), order.end(), 0);
  std::vector<float> scores, scratch(2 * static_cast<size_t>(C));
  std::vector<int> back, predicted;
  std::unique_ptr<EntityRecognizer> best;
  double best_f1 = -1;
  int best_iteration = 0;
  for (int it = 0; it < options.iterations; ++it) {
    std::shuffle(order.begin(), order.end(), rng);
    size_t wrong = 0;
    for (size_t si : order) {
      const size_t first = sentence_begin[si];
      const int n = static_cast<int>(sentence_begin[si + 1] - first);
      if (n == 0) continue;
      scores.assign(static_cast<size_t>(n) * C, 0.0f);
      for (int i = 0; i < n; ++i) {
        const size_t tok = first + i;
        emission.Score(feats.data() + token_begin[tok], token_begin[tok + 1] - token_begin[tok],
                       scores.data() + static_cast<size_t>(i) * C);
      }
      back.resize(static_cast<size_t>(n) * C);
      predicted.resize(n);
      internal::Viterbi(scores.data(), n, C, transitions.current(), scratch.data(), back.data(),
                        predicted.data());
      for (int i = 0; i < n; ++i) {
        const size_t tok = first + i;
        const int truth = gold[tok];
        const int guess = predicted[i];
        if (truth != guess) {
          ++wrong;
          emission.Update(feats.data() + token_begin[tok], token_begin[tok + 1] - token_begin[tok],
                          truth, guess);
        }
        const int gold_prev = i == 0 ? C : gold[tok - 1];
        const int guess_prev = i == 0 ? C : predicted[i - 1];
        if (gold_prev != guess_prev || truth != guess) {
          transitions.Add(static_cast<size_t>(gold_prev) * C + truth, 1.0f);
          transitions.Add(static_cast<size_t>(guess_prev) * C + guess, -1.0f);
        }
      }
      emission.Tick();
      transitions.Tick();
    }
    const bool last = it + 1 == options.iterations;
    if (dev.empty() && !last) {
      if (options.log_progress) {
        spdlog::info("ner iteration {}/{}: {} training tokens wrong", it + 1, options.iterations,
                     wrong);
      }
      continue;
    }
    NerModel m;
    m.types = base.types;
    m.categories = base.categories;
    m.labels = base.labels;
    m.names = base.names;
    m.words = base.words;
    m.weights = emission.Average(options.min_weight);
    m.transitions = transitions.Average();
    auto candidate = std::make_unique<EntityRecognizer>(std::move(m));
    double f1 = 0;
    if (!dev.empty()) {
      const EntityScores s = EvaluateEntities(*candidate, dev);
      f1 = s.all.f1();
      if (options.log_progress) {
        spdlog::info(
            "ner iteration {}/{}: {} training tokens wrong; dev precision {:.2f} recall {:.2f} "
            "f1 {:.2f}",
            it + 1, options.iterations, wrong, s.all.precision(), s.all.recall(), f1);
      }
    }
    if (dev.empty() || f1 > best_f1) {
      best_f1 = f1;
      best_iteration = it + 1;
      best = std::move(candidate);
    }
  }
  if (options.log_progress) {
    const internal::NerModel& m = best->model();
    spdlog::info("ner: kept iteration {}; {} features, {} weights; {} names, {} name words",
                 best_iteration, m.weights.num_features(), m.weights.num_weights(),
                 m.names.size(), m.words.size());
  }
  *out = std::move(best);
  return Status::Ok();
}

}  // namespace kg::nlp
