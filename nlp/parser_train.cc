// Training of the parser (declared in nlp/train.h): arc-hybrid transitions, an averaged
// perceptron, and the dynamic oracle of Goldberg and Nivre (2013), which tells the cost of every
// transition from any configuration so that training can explore the parser's own mistakes.
#include <spdlog/spdlog.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <mutex>
#include <random>
#include <thread>
#include <unordered_map>

#include "nlp/parser.h"
#include "nlp/train.h"

namespace kg::nlp {

using internal::ParseInput;
using internal::ParseState;

namespace {

struct Example {
  std::vector<ParseInput> input;  // n + 1: the root last
  std::vector<int> head;          // gold heads after projectivisation; n for the root
  std::vector<int> label;
};

// True when every word between d and its head is dominated by the head.
bool IsProjective(const std::vector<int>& head, int d) {
  const int n = static_cast<int>(head.size());
  const int h = head[d];
  const int lo = std::min(h, d), hi = std::max(h, d);
  for (int k = lo + 1; k < hi; ++k) {
    int a = k, steps = 0;
    while (a != h && a != n && steps++ <= n) a = head[a];
    if (a != h) return false;
  }
  return true;
}

// Lifts non-projective arcs (the shortest first) to the head's head until the tree is projective:
// the tree the oracle can reach that loses the fewest arcs in practice.
void Projectivize(std::vector<int>* head) {
  const int n = static_cast<int>(head->size());
  for (int guard = 0; guard < 4 * n; ++guard) {
    int worst = -1, worst_len = 0;
    for (int d = 0; d < n; ++d) {
      if ((*head)[d] == n || IsProjective(*head, d)) continue;
      const int len = std::abs((*head)[d] - d);
      if (worst < 0 || len < worst_len) worst = d, worst_len = len;
    }
    if (worst < 0) return;
    (*head)[worst] = (*head)[(*head)[worst]];
  }
}

ParseInput InputOf(const ConlluWord& w, const WordClusters& clusters) {
  return internal::MakeParseInput(w.form, w.xpos, w.upos, clusters);
}

// The number of gold arcs that become unreachable by each kind of transition (labels aside).
struct Costs {
  int shift = 0;
  int left = 0;
  int right = 0;
};

Costs ComputeCosts(const ParseState& s, const Example& ex) {
  Costs c;
  const int n = s.n;
  const int depth = static_cast<int>(s.stack.size());
  const int b = s.b;
  if (depth > 0) {
    const int s0 = s.stack[depth - 1];
    const int s1 = depth > 1 ? s.stack[depth - 2] : -1;
    int deps_in_buffer = 0;
    for (int d = b; d < n; ++d) deps_in_buffer += ex.head[d] == s0;
    const int h = ex.head[s0];
    c.left = deps_in_buffer + ((h != b && (h == s1 || h > b)) ? 1 : 0);
    c.right = deps_in_buffer + ((h != s1 && h >= b) ? 1 : 0);
  }
  if (b < n) {
    const int s0 = depth > 0 ? s.stack[depth - 1] : -1;
    for (int k = 0; k < depth; ++k) c.shift += ex.head[s.stack[k]] == b;
    const int h = ex.head[b];
    if (h != s0 && h < b && s.head[h] < 0) ++c.shift;  // h is deeper in the stack
  }
  return c;
}

struct Eval {
  double uas = 0;
  double las = 0;
};

Eval Evaluate(const Parser& parser, const std::vector<ConlluSentence>& data) {
  size_t n = 0, u = 0, l = 0;
  for (const ConlluSentence& cs : data) {
    Sentence s = ToSentence(cs);
    for (size_t i = 0; i < s.tokens.size(); ++i) {
      s.tokens[i].upos = cs.words[i].upos;
      s.tokens[i].xpos = cs.words[i].xpos;
    }
    parser.Parse(&s);
    for (size_t i = 0; i < s.tokens.size(); ++i) {
      ++n;
      if (s.tokens[i].head == cs.words[i].head) {
        ++u;
        l += s.tokens[i].deprel == cs.words[i].deprel;
      }
    }
  }
  const double d = n == 0 ? 1.0 : static_cast<double>(n);
  return Eval{100.0 * static_cast<double>(u) / d, 100.0 * static_cast<double>(l) / d};
}

// Replaces the tags of `data` by those `tagger` predicts.
void Retag(const Tagger& tagger, std::vector<ConlluSentence>* data) {
  for (ConlluSentence& cs : *data) {
    Sentence s = ToSentence(cs);
    tagger.Tag(&s);
    for (size_t i = 0; i < s.tokens.size(); ++i) {
      cs.words[i].upos = s.tokens[i].upos;
      cs.words[i].xpos = s.tokens[i].xpos;
    }
  }
}

}  // namespace

Status TrainParser(const ParserTrainOptions& options, const std::vector<ConlluSentence>& train,
                   const std::vector<ConlluSentence>& dev, const Tagger* dev_tagger,
                   std::unique_ptr<Parser>* out) {
  internal::ParserModel m;
  if (options.clusters != nullptr) m.clusters = *options.clusters;
  const bool use_clusters = m.clusters.size() > 0;
  m.blocks = options.feature_blocks & internal::kParserBlocksAll;
  std::unordered_map<std::string, int> label_ids;
  size_t words = 0;
  for (const ConlluSentence& s : train) {
    for (const ConlluWord& w : s.words) {
      auto [it, added] = label_ids.emplace(w.deprel, static_cast<int>(m.labels.size()));
      if (added) m.labels.push_back(w.deprel);
      ++words;
    }
  }
  if (words == 0) return Status::InvalidArgument("no training words");
  if (label_ids.count("root") == 0)
    return Status::InvalidArgument("no 'root' relation in training data");
  if (m.labels.size() > 1000) return Status::InvalidArgument("too many relations");
  m.root_label = label_ids["root"];
  const int num_labels = static_cast<int>(m.labels.size());
  const int num_classes = 1 + 2 * num_labels;

  // Predicted tags for training, by jackknifing: fold k is tagged by a tagger trained on the rest.
  std::vector<ConlluSentence> tagged = train;
  if (options.jackknife > 1) {
    const size_t folds = static_cast<size_t>(options.jackknife);
    TaggerTrainOptions topt = options.tagger;
    topt.log_progress = false;
    // Folds are independent: `threads` workers take them in turn. Each writes only the sentences
    // of its own fold, so the result does not depend on the number of threads.
    std::atomic<size_t> next_fold{0};
    std::mutex error_mutex;  // guards `error` and logging
    Status error = Status::Ok();
    auto work = [&] {
      for (size_t k = next_fold++; k < folds; k = next_fold++) {
        const auto start = std::chrono::steady_clock::now();
        std::vector<ConlluSentence> rest, part;
        std::vector<size_t> part_index;
        for (size_t i = 0; i < train.size(); ++i) {
          // Contiguous folds: sentences of one document stay together, so the held-out part has
          // the unknown words and tagging errors of new text.
          if (i * folds / train.size() == k) {
            part.push_back(train[i]);
            part_index.push_back(i);
          } else {
            rest.push_back(train[i]);
          }
        }
        std::unique_ptr<Tagger> tagger;
        if (Status s = TrainTagger(topt, rest, {}, &tagger); !s.ok()) {
          std::lock_guard<std::mutex> lock(error_mutex);
          error = s;
          return;
        }
        Retag(*tagger, &part);
        size_t correct = 0, total = 0;
        for (size_t j = 0; j < part.size(); ++j) {
          for (size_t w = 0; w < part[j].words.size(); ++w) {
            correct += part[j].words[w].xpos == train[part_index[j]].words[w].xpos;
            ++total;
          }
          tagged[part_index[j]] = std::move(part[j]);
        }
        if (options.log_progress) {
          std::lock_guard<std::mutex> lock(error_mutex);  // the logger may not be thread-safe
          const double secs =
              std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
          spdlog::info("jackknife fold {}/{}: xpos accuracy {:.2f} ({:.0f} s)", k + 1, folds,
                       100.0 * static_cast<double>(correct) /
                           static_cast<double>(std::max<size_t>(total, 1)),
                       secs);
        }
      }
    };
    std::vector<std::thread> workers;
    for (int t = 1; t < std::max(1, options.threads); ++t) workers.emplace_back(work);
    work();
    for (std::thread& t : workers) t.join();
    KG_RETURN_IF_ERROR(error);
  }
  if (options.tagged_train != nullptr) *options.tagged_train = tagged;
  std::vector<ConlluSentence> dev_tagged = dev;
  if (dev_tagger != nullptr) Retag(*dev_tagger, &dev_tagged);

  std::vector<Example> examples;
  examples.reserve(tagged.size());
  for (const ConlluSentence& s : tagged) {
    Example ex;
    const int n = static_cast<int>(s.words.size());
    for (const ConlluWord& w : s.words) {
      ex.input.push_back(InputOf(w, m.clusters));
      ex.head.push_back(w.head < 0 ? n : w.head);
      ex.label.push_back(label_ids[w.deprel]);
    }
    ex.input.push_back(ParseInput{});
    Projectivize(&ex.head);
    examples.push_back(std::move(ex));
  }

  std::vector<std::unique_ptr<PerceptronTrainer>> members;
  std::vector<size_t> order(examples.size());
  std::vector<float> scores(num_classes);
  std::vector<int> cost(num_classes);
  uint64_t feats[internal::kMaxParserFeatures];
  ParseState state;
  for (int member = 0; member < std::max(1, options.ensemble); ++member) {
    members.push_back(std::make_unique<PerceptronTrainer>(num_classes));
    PerceptronTrainer& trainer = *members.back();
    std::mt19937_64 rng(options.seed + static_cast<uint64_t>(member) * 7919);
    std::uniform_real_distribution<float> coin(0.0f, 1.0f);
    for (size_t i = 0; i < order.size(); ++i) order[i] = i;
    for (int it = 0; it < options.iterations; ++it) {
      const auto start = std::chrono::steady_clock::now();
      std::shuffle(order.begin(), order.end(), rng);
      const bool explore = it >= options.explore_from;
      size_t transitions = 0, errors = 0;
      for (size_t ei : order) {
        const Example& ex = examples[ei];
        const int n = static_cast<int>(ex.head.size());
        state.Init(n);
        while (!state.Terminal()) {
          const int nf =
              internal::ParserFeatures(state, ex.input.data(), use_clusters, m.blocks, feats);
          std::fill(scores.begin(), scores.end(), 0.0f);
          trainer.Score(feats, nf, scores.data());
          const Costs c = ComputeCosts(state, ex);
          std::fill(cost.begin(), cost.end(), -1);  // -1: invalid
          if (state.CanShift()) cost[internal::kShift] = c.shift;
          if (state.CanLeft()) {
            const int s0 = state.stack.back();
            for (int l = 0; l < num_labels; ++l) {
              if ((state.b == n) != (l == m.root_label)) continue;
              cost[1 + l] = c.left + ((ex.head[s0] == state.b && ex.label[s0] != l) ? 1 : 0);
            }
          }
          if (state.CanRight()) {
            const int s0 = state.stack.back();
            const int s1 = state.stack[state.stack.size() - 2];
            for (int l = 0; l < num_labels; ++l) {
              if (l == m.root_label) continue;
              cost[1 + num_labels + l] =
                  c.right + ((ex.head[s0] == s1 && ex.label[s0] != l) ? 1 : 0);
            }
          }
          int pred = -1, best = -1, min_cost = INT32_MAX;
          for (int k = 0; k < num_classes; ++k) {
            if (cost[k] >= 0) min_cost = std::min(min_cost, cost[k]);
          }
          for (int k = 0; k < num_classes; ++k) {
            if (cost[k] < 0) continue;
            if (pred < 0 || scores[k] > scores[pred]) pred = k;
            if (cost[k] == min_cost && (best < 0 || scores[k] > scores[best])) best = k;
          }
          ++transitions;
          int next = pred;
          if (cost[pred] > min_cost) {
            ++errors;
            trainer.Update(feats, nf, best, pred);
            if (!explore || coin(rng) >= options.explore) next = best;
          }
          trainer.Tick();
          state.Apply(next, num_labels);
        }
      }
      const double secs =
          std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
      if (options.log_progress) {
        std::string dev_figures;
        if (!dev_tagged.empty() && (it % 3 == 2 || it + 1 == options.iterations)) {
          m.weights = trainer.Average(options.min_weight);
          const Eval e = Evaluate(Parser(m), dev_tagged);
          dev_figures = fmt::format(", dev uas {:.2f} las {:.2f}", e.uas, e.las);
        }
        spdlog::info("parser {}iteration {}/{}: {:.2f}% transitions wrong{} ({:.0f} s)",
                     options.ensemble > 1 ? fmt::format("member {} ", member + 1) : "", it + 1,
                     options.iterations,
                     100.0 * static_cast<double>(errors) / static_cast<double>(transitions),
                     dev_figures, secs);
      }
    }
  }
  std::vector<const PerceptronTrainer*> all;
  for (const auto& t : members) all.push_back(t.get());
  m.weights = PerceptronTrainer::AverageOf(all, options.min_weight);
  if (options.log_progress) {
    spdlog::info("parser: {} relations, {} features, {} weights", num_labels,
                 m.weights.num_features(), m.weights.num_weights());
  }
  *out = std::make_unique<Parser>(std::move(m));
  return Status::Ok();
}

}  // namespace kg::nlp
