// Training of the entity recogniser (declared in nlp/ner_train.h): a structured averaged
// perceptron (Collins 2002) over BILOU labels with Viterbi decoding.
#include "nlp/ner_train.h"

#include <spdlog/spdlog.h>

#include <algorithm>
#include <fstream>
#include <numeric>
#include <random>
#include <unordered_map>
#include <unordered_set>

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
  // Whole documents to a fold, as in new text; documents dealt out in turn, as the treebank is
  // ordered by genre and each fold should hold every genre.
  std::vector<int> doc_fold(treebank.size());
  int doc = -1;
  for (size_t i = 0; i < treebank.size(); ++i) {
    if (i == 0 || treebank[i].new_document) ++doc;
    doc_fold[i] = doc % folds;
  }
  auto fold_of = [&](size_t i) { return doc_fold[i]; };
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
  const std::filesystem::path person_names = models_dir / "person_names.tsv";
  if (!std::filesystem::exists(person_names)) return Status::Ok();
  lines.clear();
  KG_RETURN_IF_ERROR(ReadLines(person_names, &lines));
  for (const std::string& line : lines) {
    const size_t tab = line.find('\t');
    if (tab == std::string::npos) continue;
    const size_t tab2 = line.find('\t', tab + 1);
    out->names.emplace_back(line.substr(0, tab), line.substr(tab + 1, tab2 - tab - 1));
  }
  return Status::Ok();
}

Status ReadNameList(const std::filesystem::path& path, const std::string& category,
                    NameLists* out) {
  std::vector<std::string> lines;
  KG_RETURN_IF_ERROR(ReadLines(path, &lines));
  for (std::string& name : lines) out->names.emplace_back(std::move(name), category);
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
  std::unordered_set<std::string> skipped;
  for (const auto& [name, category] : lists.names) {
    if (skipped.count(category) > 0) continue;
    auto it = std::find(m->categories.begin(), m->categories.end(), category);
    if (it == m->categories.end()) {
      if (m->categories.size() >= static_cast<size_t>(internal::kMaxCategories)) {
        spdlog::warn("ner: name category '{}' left out: at most {} categories", category,
                     internal::kMaxCategories);
        skipped.insert(category);
        continue;
      }
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
      const internal::Bilou part = n == 1       ? internal::kUnit
                                   : i == 0     ? internal::kBegin
                                   : i + 1 == n ? internal::kLast
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

// Training or dev data: tokens with what the features need, gold classes, and the features of
// the pass being trained. Features do not depend on the labels being learnt: they are computed
// once per pass.
struct Data final {
  std::vector<NerToken> tokens;        // every token, sentence after sentence
  std::vector<size_t> sentence_begin;  // per sentence its first token; one more at the end
  std::vector<size_t> document_begin;  // per document its first sentence; one more at the end
  std::vector<int> gold;               // per token
  std::vector<uint64_t> feats;
  std::vector<size_t> token_begin;  // per token its first feature; one more at the end
  std::vector<uint8_t> word_feats;  // per token: how many of its first features are kWord ones
  size_t num_sentences() const { return sentence_begin.size() - 1; }
};

void Prepare(const NerModel& base, const std::vector<TaggedNerSentence>& sentences, Data* d) {
  const std::string* doc_id = nullptr;
  for (size_t k = 0; k < sentences.size(); ++k) {
    const NerSentence& gold = *sentences[k].gold;
    // A document starts at "# newdoc" or where the document id changes.
    if (k == 0 || gold.new_document || doc_id == nullptr || gold.doc_id != *doc_id) {
      d->document_begin.push_back(k);
    }
    doc_id = &gold.doc_id;
    d->sentence_begin.push_back(d->tokens.size());
    const Sentence s = ToSentence(sentences[k]);
    const size_t first = d->tokens.size();
    d->tokens.resize(first + s.tokens.size());
    internal::ComputeNerTokens(base, s, d->tokens.data() + first);
    const std::vector<int> classes = GoldClasses(gold, base.types);
    d->gold.insert(d->gold.end(), classes.begin(), classes.end());
  }
  d->sentence_begin.push_back(d->tokens.size());
  d->document_begin.push_back(sentences.size());
}

void ComputeFeatures(int pass, int min_count, Data* d) {
  d->feats.clear();
  d->token_begin.clear();
  d->word_feats.clear();
  uint64_t buffer[internal::kMaxNerFeatures];
  for (size_t k = 0; k < d->num_sentences(); ++k) {
    NerToken* t = d->tokens.data() + d->sentence_begin[k];
    const int n = static_cast<int>(d->sentence_begin[k + 1] - d->sentence_begin[k]);
    const int sentence_case = internal::SentenceCase(t, n);
    for (int i = 0; i < n; ++i) {
      d->token_begin.push_back(d->feats.size());
      const int nf = internal::NerFeatures(t, n, i, sentence_case, pass, buffer);
      d->feats.insert(d->feats.end(), buffer, buffer + nf);
      d->word_feats.push_back(internal::kNumWordFeatures);
    }
  }
  d->token_begin.push_back(d->feats.size());
  if (min_count <= 1) return;
  // Features seen once are mostly memorised names; dropping them makes the model lean on
  // features that generalise. Each token keeps its order of features.
  std::unordered_map<uint64_t, uint32_t> counts;
  counts.reserve(d->feats.size() / 4);
  for (uint64_t f : d->feats) ++counts[f];
  std::vector<uint64_t> kept;
  std::vector<size_t> kept_begin;
  kept.reserve(d->feats.size());
  kept_begin.reserve(d->token_begin.size());
  for (size_t tok = 0; tok + 1 < d->token_begin.size(); ++tok) {
    kept_begin.push_back(kept.size());
    int word_feats = 0;
    for (size_t k = d->token_begin[tok]; k < d->token_begin[tok + 1]; ++k) {
      if (counts[d->feats[k]] >= static_cast<uint32_t>(min_count)) {
        kept.push_back(d->feats[k]);
        word_feats += k - d->token_begin[tok] < internal::kNumWordFeatures;
      }
    }
    d->word_feats[tok] = static_cast<uint8_t>(word_feats);
  }
  kept_begin.push_back(kept.size());
  d->feats = std::move(kept);
  d->token_begin = std::move(kept_begin);
}

void DocumentFeatures(int num_types, Data* d) {
  std::vector<std::pair<uint64_t, uint32_t>> scratch;
  for (size_t doc = 0; doc + 1 < d->document_begin.size(); ++doc) {
    const size_t first = d->sentence_begin[d->document_begin[doc]];
    const size_t end = d->sentence_begin[d->document_begin[doc + 1]];
    internal::ComputeDocumentFeatures(d->tokens.data() + first, end - first, num_types, &scratch);
  }
}

// Labels sentence `k` of `d` with averaged weights; writes its classes to `out` from its first
// token on.
void Decode(const WeightTable& weights, const std::vector<float>& transitions, const Data& d,
            size_t k, int* out) {
  const int C = weights.num_classes();
  const size_t first = d.sentence_begin[k];
  const int n = static_cast<int>(d.sentence_begin[k + 1] - first);
  if (n == 0) return;
  std::vector<int32_t> scores(C);
  std::vector<float> emission(static_cast<size_t>(n) * C), scratch(2 * static_cast<size_t>(C));
  std::vector<int> back(static_cast<size_t>(n) * C);
  for (int i = 0; i < n; ++i) {
    const size_t tok = first + i;
    std::fill(scores.begin(), scores.end(), 0);
    weights.AddAll(d.feats.data() + d.token_begin[tok],
                   static_cast<int>(d.token_begin[tok + 1] - d.token_begin[tok]), scores.data());
    for (int c = 0; c < C; ++c) {
      emission[static_cast<size_t>(i) * C + c] = static_cast<float>(scores[c]) * weights.scale();
    }
  }
  internal::Viterbi(emission.data(), n, C, transitions.data(), scratch.data(), back.data(),
                    out + first);
}

// Entities of a valid BILOU class sequence, as (begin, end, class of the first token).
std::vector<std::tuple<size_t, size_t, int>> Spans(const int* classes, size_t first, size_t end) {
  std::vector<std::tuple<size_t, size_t, int>> spans;
  for (size_t i = first; i < end; ++i) {
    if (classes[i] == 0) continue;
    const internal::Bilou part = internal::PartOf(classes[i]);
    if (part == internal::kBegin || part == internal::kUnit) {
      spans.emplace_back(i, i + 1, internal::TypeOf(classes[i]));
    } else if (!spans.empty()) {
      std::get<1>(spans.back()) = i + 1;
    }
  }
  return spans;
}

// Span F1 (percent) of `predicted` against the gold classes of `d`.
double SpanF1(const Data& d, const std::vector<int>& predicted, double* precision, double* recall) {
  size_t gold = 0, found = 0, correct = 0;
  for (size_t k = 0; k < d.num_sentences(); ++k) {
    const auto g = Spans(d.gold.data(), d.sentence_begin[k], d.sentence_begin[k + 1]);
    const auto p = Spans(predicted.data(), d.sentence_begin[k], d.sentence_begin[k + 1]);
    gold += g.size();
    found += p.size();
    for (const auto& span : p) correct += std::find(g.begin(), g.end(), span) != g.end();
  }
  *precision = found == 0 ? 0 : 100.0 * static_cast<double>(correct) / static_cast<double>(found);
  *recall = gold == 0 ? 0 : 100.0 * static_cast<double>(correct) / static_cast<double>(gold);
  return *precision + *recall == 0 ? 0 : 2 * *precision * *recall / (*precision + *recall);
}

struct PassWeights final {
  WeightTable weights;
  std::vector<float> transitions;
  int iteration = 0;
  double dev_f1 = 0;  // of the kept iteration, when trained with dev
};

// Trains the weights of one pass on the sentences `which` of `train`: a structured perceptron,
// each sentence decoded with Viterbi under the current weights. With `dev`, keeps the iteration
// that scores best on it.
PassWeights TrainPass(const NerTrainOptions& options, const Data& train, std::vector<size_t> which,
                      const Data* dev, int iterations, int num_classes, const char* name,
                      std::mt19937_64* rng) {
  const int C = num_classes;
  PerceptronTrainer emission(C);
  TransitionTrainer transitions(static_cast<size_t>(C + 1) * C);
  std::vector<float> scores, scratch(2 * static_cast<size_t>(C));
  std::vector<int> back, predicted, dev_predicted;
  std::vector<uint8_t> skip;  // per token of the sentence: word features left out this time
  std::bernoulli_distribution drop(options.word_dropout);
  if (dev != nullptr) dev_predicted.resize(dev->tokens.size());
  PassWeights best;
  // With dev: every iteration's weights and dev F1. The iteration kept is the one whose F1
  // averaged with its neighbours' is best: a single iteration's peak on a dev set of a thousand
  // entities is mostly luck.
  std::vector<PassWeights> candidates;
  std::vector<double> f1s;
  for (int it = 0; it < iterations; ++it) {
    std::shuffle(which.begin(), which.end(), *rng);
    size_t wrong = 0;
    for (size_t si : which) {
      const size_t first = train.sentence_begin[si];
      const int n = static_cast<int>(train.sentence_begin[si + 1] - first);
      if (n == 0) continue;
      scores.assign(static_cast<size_t>(n) * C, 0.0f);
      skip.assign(n, 0);
      for (int i = 0; i < n; ++i) {
        const size_t tok = first + i;
        if (options.word_dropout > 0 && drop(*rng)) skip[i] = train.word_feats[tok];
        emission.Score(train.feats.data() + train.token_begin[tok] + skip[i],
                       train.token_begin[tok + 1] - train.token_begin[tok] - skip[i],
                       scores.data() + static_cast<size_t>(i) * C);
      }
      back.resize(static_cast<size_t>(n) * C);
      predicted.resize(n);
      internal::Viterbi(scores.data(), n, C, transitions.current(), scratch.data(), back.data(),
                        predicted.data());
      for (int i = 0; i < n; ++i) {
        const size_t tok = first + i;
        const int truth = train.gold[tok];
        const int guess = predicted[i];
        if (truth != guess) {
          ++wrong;
          emission.Update(train.feats.data() + train.token_begin[tok] + skip[i],
                          train.token_begin[tok + 1] - train.token_begin[tok] - skip[i], truth,
                          guess);
        }
        const int truth_prev = i == 0 ? C : train.gold[tok - 1];
        const int guess_prev = i == 0 ? C : predicted[i - 1];
        if (truth_prev != guess_prev || truth != guess) {
          transitions.Add(static_cast<size_t>(truth_prev) * C + truth, 1.0f);
          transitions.Add(static_cast<size_t>(guess_prev) * C + guess, -1.0f);
        }
      }
      emission.Tick();
      transitions.Tick();
    }
    if (dev == nullptr) {
      if (it + 1 == iterations) {
        best.weights = emission.Average(options.min_weight);
        best.transitions = transitions.Average();
        best.iteration = it + 1;
      }
      continue;
    }
    PassWeights candidate{emission.Average(options.min_weight), transitions.Average(), it + 1, 0};
    for (size_t k = 0; k < dev->num_sentences(); ++k) {
      Decode(candidate.weights, candidate.transitions, *dev, k, dev_predicted.data());
    }
    double precision = 0, recall = 0;
    const double f1 = SpanF1(*dev, dev_predicted, &precision, &recall);
    if (options.log_progress) {
      spdlog::info(
          "ner {} pass, iteration {}/{}: {} training tokens wrong; dev precision {:.2f} recall "
          "{:.2f} f1 {:.2f}",
          name, it + 1, iterations, wrong, precision, recall, f1);
    }
    candidate.dev_f1 = f1;
    candidates.push_back(std::move(candidate));
    f1s.push_back(f1);
  }
  if (dev == nullptr) return best;
  size_t keep = 0;
  double keep_f1 = -1;
  for (size_t it = 0; it < f1s.size(); ++it) {
    const size_t from = it == 0 ? 0 : it - 1, to = std::min(f1s.size() - 1, it + 1);
    double sum = 0;
    for (size_t k = from; k <= to; ++k) sum += f1s[k];
    const double smoothed = sum / static_cast<double>(to - from + 1);
    if (smoothed > keep_f1) keep_f1 = smoothed, keep = it;
  }
  return std::move(candidates[keep]);
}

}  // namespace

Status TrainEntityRecognizer(const NerTrainOptions& options, const NameLists& names,
                             const std::vector<TaggedNerSentence>& train,
                             const std::vector<TaggedNerSentence>& dev,
                             std::unique_ptr<EntityRecognizer>* out) {
  if (options.types.empty() || options.types.size() > 16) {
    return Status::InvalidArgument("between 1 and 16 entity types are needed");
  }
  if (options.iterations < 1 || options.folds < 2) {
    return Status::InvalidArgument("training needs at least 1 iteration and 2 folds");
  }
  NerModel m;
  m.types = options.types;
  m.labels = internal::IobLabels(m.types);
  BuildNameIndexes(names, &m);
  const int num_types = static_cast<int>(m.types.size());
  const int C = internal::NumClasses(num_types);

  Data train_data, dev_data;
  Prepare(m, train, &train_data);
  Prepare(m, dev, &dev_data);
  if (train_data.tokens.empty()) return Status::InvalidArgument("no training tokens");
  const Data* dev_or_null = dev.empty() ? nullptr : &dev_data;
  const size_t num_docs = train_data.document_begin.size() - 1;
  if (options.log_progress) {
    spdlog::info("ner: {} documents, {} sentences, {} tokens", num_docs, train_data.num_sentences(),
                 train_data.tokens.size());
  }
  std::mt19937_64 rng(options.seed);
  std::vector<size_t> all(train_data.num_sentences());
  std::iota(all.begin(), all.end(), 0);

  // The first pass, on all the data.
  ComputeFeatures(0, options.min_feature_count, &train_data);
  ComputeFeatures(0, 1, &dev_data);
  PassWeights first =
      TrainPass(options, train_data, all, dev_or_null, options.iterations, C, "first", &rng);

  // The second pass learns from first-pass labels as good as on new text: each fold of
  // documents is labelled by a first pass trained on the other folds.
  std::vector<int> labels(train_data.tokens.size(), 0);
  const int folds = std::min<int>(options.folds, static_cast<int>(num_docs));
  auto fold_of = [&](size_t sentence) {
    const size_t doc =
        static_cast<size_t>(std::upper_bound(train_data.document_begin.begin(),
                                             train_data.document_begin.end(), sentence) -
                            train_data.document_begin.begin() - 1);
    // Interleaved: the data is ordered by genre, and each fold should hold every genre.
    return static_cast<int>(doc % folds);
  };
  for (int k = 0; k < folds; ++k) {
    std::vector<size_t> rest;
    for (size_t si = 0; si < train_data.num_sentences(); ++si) {
      if (fold_of(si) != k) rest.push_back(si);
    }
    const PassWeights fold =
        TrainPass(options, train_data, rest, nullptr, first.iteration, C, "first", &rng);
    for (size_t si = 0; si < train_data.num_sentences(); ++si) {
      if (fold_of(si) == k) Decode(fold.weights, fold.transitions, train_data, si, labels.data());
    }
    if (options.log_progress) spdlog::info("ner: first-pass labels of fold {}/{}", k + 1, folds);
  }
  if (options.log_progress) {
    double precision = 0, recall = 0;
    const double f1 = SpanF1(train_data, labels, &precision, &recall);
    spdlog::info(
        "ner first pass, {}-fold cross-validation: precision {:.2f} recall {:.2f} f1 {:.2f}", folds,
        precision, recall, f1);
  }
  for (size_t i = 0; i < labels.size(); ++i) train_data.tokens[i].first = labels[i];
  labels.assign(dev_data.tokens.size(), 0);
  for (size_t si = 0; si < dev_data.num_sentences(); ++si) {
    Decode(first.weights, first.transitions, dev_data, si, labels.data());
  }
  for (size_t i = 0; i < labels.size(); ++i) dev_data.tokens[i].first = labels[i];
  DocumentFeatures(num_types, &train_data);
  DocumentFeatures(num_types, &dev_data);
  ComputeFeatures(1, options.min_feature_count, &train_data);
  ComputeFeatures(1, 1, &dev_data);
  PassWeights second =
      TrainPass(options, train_data, all, dev_or_null, options.iterations, C, "second", &rng);

  if (dev_or_null != nullptr && second.dev_f1 < first.dev_f1) {
    // The second pass did not help on dev: it runs the first pass's weights, which ignore the
    // second-pass features and so label as the first pass does.
    if (options.log_progress) {
      spdlog::info("ner: second pass dev f1 {:.2f} < first pass {:.2f}: using the first pass twice",
                   second.dev_f1, first.dev_f1);
    }
    second.weights = first.weights;
    second.transitions = first.transitions;
    second.iteration = first.iteration;
  }
  m.weights[0] = std::move(first.weights);
  m.transitions[0] = std::move(first.transitions);
  m.weights[1] = std::move(second.weights);
  m.transitions[1] = std::move(second.transitions);
  if (options.log_progress) {
    spdlog::info(
        "ner: kept iterations {} and {}; {} + {} features, {} + {} weights; {} names, {} name "
        "words",
        first.iteration, second.iteration, m.weights[0].num_features(), m.weights[1].num_features(),
        m.weights[0].num_weights(), m.weights[1].num_weights(), m.names.size(), m.words.size());
  }
  *out = std::make_unique<EntityRecognizer>(std::move(m));
  return Status::Ok();
}

}  // namespace kg::nlp
