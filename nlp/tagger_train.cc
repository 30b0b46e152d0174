// Training of the tagger and its lemmatiser (declared in nlp/train.h).
#include <spdlog/spdlog.h>

#include <algorithm>
#include <map>
#include <random>
#include <unordered_map>

#include "nlp/tagger.h"
#include "nlp/train.h"

namespace kg::nlp {

using internal::LemmaScript;
using internal::TaggerModel;
using internal::TokenInfo;

namespace {

std::string ScriptKey(const LemmaScript& s) {
  std::string key = s.append;
  key.push_back('|');
  key.push_back(s.lower ? 'L' : 'K');  // `open` is decided later, from the counts
  key.push_back(static_cast<char>(s.cut));
  return key;
}

uint32_t SetHash(const std::vector<int>& set) {
  uint64_t h = 0x5e7;
  for (int c : set) h = Combine(h, static_cast<uint64_t>(c));
  return static_cast<uint32_t>(h | 1);
}

void AddToSet(std::vector<int>* set, int c) {
  if (std::find(set->begin(), set->end(), c) == set->end()) {
    set->push_back(c);
    std::sort(set->begin(), set->end());
  }
}

// Accuracy of `tagger` on `data` with gold tokenisation: UPOS, XPOS, lemma.
void Score(const Tagger& tagger, const std::vector<ConlluSentence>& data, double* upos,
           double* xpos, double* lemma) {
  size_t n = 0, u = 0, x = 0, l = 0;
  for (const ConlluSentence& cs : data) {
    Sentence s = ToSentence(cs);
    tagger.Tag(&s);
    for (size_t i = 0; i < s.tokens.size(); ++i) {
      ++n;
      u += s.tokens[i].upos == cs.words[i].upos;
      x += s.tokens[i].xpos == cs.words[i].xpos;
      l += s.tokens[i].lemma == cs.words[i].lemma;
    }
  }
  const double d = n == 0 ? 1.0 : static_cast<double>(n);
  *upos = 100.0 * static_cast<double>(u) / d;
  *xpos = 100.0 * static_cast<double>(x) / d;
  *lemma = 100.0 * static_cast<double>(l) / d;
}

// Trains one tagging pass on the sentences `which` of `train`: greedy, left to right, on its own
// predicted history; with `first_pass` tags when training the second pass.
WeightTable TrainPass(const TaggerTrainOptions& options, const std::vector<ConlluSentence>& train,
                      const std::vector<std::vector<int>>& gold, const FlatIndex& tagdict,
                      const WordClusters& clusters,
                      std::vector<size_t> which, const std::vector<std::vector<int>>* first_pass,
                      int num_classes, std::mt19937_64* rng) {
  PerceptronTrainer tagger(num_classes);
  std::vector<TokenInfo> infos;
  std::vector<float> scores(num_classes);
  uint64_t feats[internal::kMaxTagFeatures];
  for (int it = 0; it < options.iterations; ++it) {
    std::shuffle(which.begin(), which.end(), *rng);
    size_t correct = 0, words = 0;
    for (size_t si : which) {
      const ConlluSentence& s = train[si];
      const int n = static_cast<int>(s.words.size());
      infos.resize(n);
      for (int i = 0; i < n; ++i) {
        internal::ComputeTokenInfo(s.words[i].form, tagdict, clusters, &infos[i]);
      }
      const int* first = first_pass != nullptr ? (*first_pass)[si].data() : nullptr;
      int prev1 = -1, prev2 = -1;
      for (int i = 0; i < n; ++i) {
        const int nf = internal::TagFeatures(infos.data(), n, i, prev1, prev2, first,
                                             clusters.size() > 0, feats);
        std::fill(scores.begin(), scores.end(), 0.0f);
        tagger.Score(feats, nf, scores.data());
        const int guess =
            static_cast<int>(std::max_element(scores.begin(), scores.end()) - scores.begin());
        const int truth = gold[si][i];
        if (guess != truth) {
          tagger.Update(feats, nf, truth, guess);
        } else {
          ++correct;
        }
        ++words;
        tagger.Tick();
        prev2 = prev1;
        prev1 = guess;
      }
    }
    if (options.log_progress && which.size() == train.size()) {
      spdlog::info("tagger {} pass, iteration {}/{}: train accuracy {:.2f}",
                   first_pass ? "second" : "first", it + 1, options.iterations,
                   100.0 * static_cast<double>(correct) / static_cast<double>(words));
    }
  }
  return tagger.Average(options.min_weight);
}

}  // namespace

Status TrainTagger(const TaggerTrainOptions& options, const std::vector<ConlluSentence>& train,
                   const std::vector<ConlluSentence>& dev, std::unique_ptr<Tagger>* out) {
  TaggerModel m;
  if (options.clusters != nullptr) m.clusters = *options.clusters;
  // Classes, in order of first appearance.
  std::unordered_map<std::string, int> class_ids;
  std::vector<std::vector<int>> gold(train.size());
  size_t words = 0;
  for (size_t si = 0; si < train.size(); ++si) {
    for (const ConlluWord& w : train[si].words) {
      std::string key = w.upos;
      key.push_back('\t');
      key.append(w.xpos);
      auto [it, added] = class_ids.emplace(key, static_cast<int>(m.classes.size()));
      if (added) m.classes.push_back({w.upos, w.xpos});
      gold[si].push_back(it->second);
      ++words;
    }
  }
  if (words == 0) return Status::InvalidArgument("no training words");
  if (m.classes.size() > 4096) return Status::InvalidArgument("too many distinct tags");
  const int num_classes = static_cast<int>(m.classes.size());

  // The tag dictionary: the set of classes each form (and each normal form) was seen with.
  {
    std::unordered_map<uint64_t, std::vector<int>> sets;
    std::unordered_map<uint64_t, int> counts;
    for (size_t si = 0; si < train.size(); ++si) {
      for (size_t i = 0; i < train[si].words.size(); ++i) {
        const std::string& form = train[si].words[i].form;
        for (uint64_t key : {internal::DictKey(form), internal::DictNormKey(form)}) {
          AddToSet(&sets[key], gold[si][i]);
          ++counts[key];
        }
      }
    }
    std::vector<uint64_t> keys;
    std::vector<uint32_t> values;
    for (const auto& [key, set] : sets) {
      if (counts[key] < options.dict_min_count) continue;
      keys.push_back(key);
      values.push_back(SetHash(set));
    }
    m.tagdict = FlatIndex::Build(std::move(keys), std::move(values));
  }

  // The first pass, then the second pass on first-pass tags predicted by jackknifing: each fold
  // of the training data tagged by a first pass trained on the other folds.
  std::mt19937_64 rng(options.seed);
  const int folds = 5;
  std::vector<std::vector<int>> first_tags(train.size());
  for (int k = 0; k < folds; ++k) {
    std::vector<size_t> rest;
    for (size_t i = 0; i < train.size(); ++i) {
      // Contiguous folds: a document's sentences stay together, as in new text.
      if (static_cast<int>(i * folds / train.size()) != k) rest.push_back(i);
    }
    const WeightTable weights =
        TrainPass(options, train, gold, m.tagdict, m.clusters, rest, nullptr, num_classes, &rng);
    std::vector<TokenInfo> infos;
    std::vector<int32_t> scores(num_classes);
    for (size_t i = 0; i < train.size(); ++i) {
      if (static_cast<int>(i * folds / train.size()) != k) continue;
      const int n = static_cast<int>(train[i].words.size());
      infos.resize(n);
      for (int j = 0; j < n; ++j)
        internal::ComputeTokenInfo(train[i].words[j].form, m.tagdict, m.clusters, &infos[j]);
      first_tags[i].resize(n);
      internal::TagPass(weights, infos.data(), n, nullptr, m.clusters.size() > 0, scores.data(),
                        first_tags[i].data());
    }
  }
  std::vector<size_t> all(train.size());
  for (size_t i = 0; i < all.size(); ++i) all[i] = i;
  m.tag_weights = TrainPass(options, train, gold, m.tagdict, m.clusters, all, nullptr, num_classes, &rng);
  m.second_weights =
      TrainPass(options, train, gold, m.tagdict, m.clusters, all, &first_tags, num_classes, &rng);
  std::vector<size_t> order = all;

  // Lemma scripts and the lexicon of (form, class) -> most frequent script.
  std::unordered_map<std::string, int> script_ids;
  std::vector<std::vector<int>> gold_scripts(train.size());
  std::unordered_map<uint64_t, std::map<int, int>> lexicon_counts;
  std::vector<int> script_counts;
  for (size_t si = 0; si < train.size(); ++si) {
    for (size_t i = 0; i < train[si].words.size(); ++i) {
      const ConlluWord& w = train[si].words[i];
      auto id_of = [&](LemmaScript script) {
        auto [it, added] =
            script_ids.emplace(ScriptKey(script), static_cast<int>(m.scripts.size()));
        if (added) {
          m.scripts.push_back(std::move(script));
          script_counts.push_back(0);
        }
        return it->second;
      };
      const int id = id_of(internal::ScriptFor(w.form, w.lemma));
      ++script_counts[id];
      gold_scripts[si].push_back(id);
      ++lexicon_counts[internal::LexiconKey(w.form, gold[si][i])][id];
      // The normal form ("books" for "Books") maps to a script that lower-cases first, so that it
      // serves every capitalisation of the word.
      const int lower_id = id_of(internal::ScriptFor(w.form, w.lemma, /*force_lower=*/true));
      ++lexicon_counts[internal::LexiconNormKey(w.form, gold[si][i])][lower_id];
    }
  }
  if (m.scripts.size() > 65535) return Status::InvalidArgument("too many lemma scripts");
  for (size_t k = 0; k < m.scripts.size(); ++k) {
    m.scripts[k].open = script_counts[k] >= options.min_script_count;
  }
  {
    std::vector<uint64_t> keys;
    std::vector<uint32_t> values;
    for (const auto& [key, counts] : lexicon_counts) {
      int best = -1, best_count = 0;
      for (const auto& [script, count] : counts) {
        if (count > best_count) best = script, best_count = count;
      }
      keys.push_back(key);
      values.push_back(static_cast<uint32_t>(best));
    }
    m.lexicon = FlatIndex::Build(std::move(keys), std::move(values));
  }
  // The classifier for forms the lexicon does not know, trained on gold tags.
  const int num_scripts = static_cast<int>(m.scripts.size());
  PerceptronTrainer lemmas(num_scripts);
  std::vector<float> lscores(num_scripts);
  uint64_t lfeats[internal::kMaxLemmaFeatures];
  for (int it = 0; it < options.lemma_iterations; ++it) {
    std::shuffle(order.begin(), order.end(), rng);
    for (size_t si : order) {
      for (size_t i = 0; i < train[si].words.size(); ++i) {
        const std::string& form = train[si].words[i].form;
        TokenInfo info;
        internal::ComputeTokenInfo(form, m.tagdict, m.clusters, &info);
        const int nf = internal::LemmaFeatures(form, info, gold[si][i], lfeats);
        std::fill(lscores.begin(), lscores.end(), 0.0f);
        lemmas.Score(lfeats, nf, lscores.data());
        int guess = -1;
        for (int c = 0; c < num_scripts; ++c) {
          if ((guess < 0 || lscores[c] > lscores[guess]) && m.scripts[c].open &&
              internal::ScriptApplies(m.scripts[c], form)) {
            guess = c;
          }
        }
        const int truth = gold_scripts[si][i];
        if (guess != truth && guess >= 0 && m.scripts[truth].open) {
          lemmas.Update(lfeats, nf, truth, guess);
        }
        lemmas.Tick();
      }
    }
  }
  m.lemma_weights = lemmas.Average(options.min_weight);
  if (options.log_progress) {
    spdlog::info(
        "tagger: {} classes, {} features, {} weights (scale {}); {} lemma scripts, {} lexicon "
        "entries",
        num_classes, m.tag_weights.num_features(), m.tag_weights.num_weights(),
        m.tag_weights.scale(), num_scripts, m.lexicon.size());
  }
  *out = std::make_unique<Tagger>(std::move(m));
  if (options.log_progress && !dev.empty()) {
    double upos = 0, xpos = 0, lemma = 0;
    Score(**out, dev, &upos, &xpos, &lemma);
    spdlog::info("tagger dev: upos {:.2f} xpos {:.2f} lemma {:.2f}", upos, xpos, lemma);
  }
  return Status::Ok();
}

}  // namespace kg::nlp
