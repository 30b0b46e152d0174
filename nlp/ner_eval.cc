#include "nlp/ner_eval.h"

#include <algorithm>
#include <chrono>
#include <span>

namespace kg::nlp {
namespace {

double Percent(size_t a, size_t b) {
  return b == 0 ? 0.0 : 100.0 * static_cast<double>(a) / static_cast<double>(b);
}

EntityCounts& CountsOf(std::string_view type, EntityScores* scores) {
  for (auto& [name, counts] : scores->by_type) {
    if (name == type) return counts;
  }
  scores->by_type.emplace_back(std::string(type), EntityCounts());
  return scores->by_type.back().second;
}

}  // namespace

double EntityCounts::precision() const { return Percent(correct, predicted); }
double EntityCounts::recall() const { return Percent(correct, gold); }
double EntityCounts::f1() const {
  const double p = precision(), r = recall();
  return p + r == 0 ? 0.0 : 2 * p * r / (p + r);
}

void ScoreEntities(const std::vector<std::string_view>& gold_tags,
                   const std::vector<std::string_view>& predicted_tags, EntityScores* scores) {
  const auto gold = EntitySpans(gold_tags.size(), [&](size_t i) { return gold_tags[i]; });
  const auto predicted =
      EntitySpans(predicted_tags.size(), [&](size_t i) { return predicted_tags[i]; });
  for (const EntitySpan& g : gold) {
    ++scores->all.gold;
    ++CountsOf(g.type, scores).gold;
    if (std::find(predicted.begin(), predicted.end(), g) != predicted.end()) {
      ++scores->all.correct;
      ++CountsOf(g.type, scores).correct;
    }
  }
  for (const EntitySpan& p : predicted) {
    ++scores->all.predicted;
    ++CountsOf(p.type, scores).predicted;
  }
}

EntityScores EvaluateEntities(const EntityRecognizer& ner,
                              const std::vector<TaggedNerSentence>& gold,
                              std::vector<std::vector<std::string_view>>* predicted) {
  EntityScores scores;
  for (const std::string& type : ner.types()) CountsOf(type, &scores);
  std::vector<Sentence> sentences;
  sentences.reserve(gold.size());
  for (const TaggedNerSentence& t : gold) sentences.push_back(ToSentence(t));
  const auto start = std::chrono::steady_clock::now();
  // Document by document, as the recogniser is meant to be used.
  for (size_t first = 0; first < sentences.size();) {
    size_t end = first + 1;
    while (end < gold.size() && !gold[end].gold->new_document &&
           gold[end].gold->doc_id == gold[first].gold->doc_id) {
      ++end;
    }
    ner.AnnotateDocument(std::span<Sentence>(sentences.data() + first, end - first));
    first = end;
  }
  scores.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  if (predicted != nullptr) predicted->clear();
  std::vector<std::string_view> gold_tags, predicted_tags;
  for (size_t k = 0; k < gold.size(); ++k) {
    gold_tags.assign(gold[k].gold->tags.begin(), gold[k].gold->tags.end());
    predicted_tags.clear();
    for (const Token& t : sentences[k].tokens) predicted_tags.push_back(t.entity);
    ScoreEntities(gold_tags, predicted_tags, &scores);
    scores.tokens += predicted_tags.size();
    if (predicted != nullptr) predicted->push_back(predicted_tags);
  }
  return scores;
}

}  // namespace kg::nlp
