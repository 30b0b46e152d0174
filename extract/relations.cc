#include "extract/relations.h"

#include <string>

#include "core/text.h"

namespace kg::extract {
namespace {

// Mentions further apart than this are rarely in one simple clause.
constexpr uint32_t kMaxGapTokens = 8;

bool IsLowerWord(std::string_view w) {
  if (w.empty()) return false;
  for (char c : w) {
    if (!((c >= 'a' && c <= 'z') || c == '-')) return false;
  }
  return true;
}

Fact MakeFact(const Mention& a, const Mention& b, uint32_t subject, uint32_t object,
              std::string relation, float confidence) {
  Fact f;
  f.subject = subject;
  f.object = object;
  f.relation = std::move(relation);
  f.confidence = confidence;
  f.sentence = a.sentence;
  f.span = {std::min(a.span.begin, b.span.begin), std::max(a.span.end, b.span.end)};
  return f;
}

}  // namespace

std::vector<Fact> FindRelations(const std::vector<nlp::Sentence>& sentences,
                                const std::vector<Mention>& mentions,
                                const std::vector<uint32_t>& entity_of_mention) {
  std::vector<Fact> facts;
  for (size_t i = 0; i < mentions.size(); ++i) {
    const Mention& m = mentions[i];
    // A stated role: "Russian President Vladimir Putin" -> Vladimir Putin -president_of-> Russia.
    if (!m.role.empty() && m.role_of >= 0) {
      const Mention& owner = mentions[m.role_of];
      facts.push_back(MakeFact(owner, m, entity_of_mention[i], entity_of_mention[m.role_of],
                               m.role + "_of", 0.8f));
    }
    if (i + 1 >= mentions.size()) continue;
    const Mention& n = mentions[i + 1];
    if (n.sentence != m.sentence || n.role_of == static_cast<int32_t>(i) || n.first < m.last) {
      continue;
    }
    const uint32_t gap = n.first - m.last;
    if (gap == 0 || gap > kMaxGapTokens) continue;
    // The words between, when they are all lower-case words: a clause's verb and preposition.
    std::string relation;
    bool clean = true;
    for (uint32_t k = m.last; k < n.first && clean; ++k) {
      const std::string_view w = sentences[m.sentence].tokens[k].form;
      if (!IsLowerWord(w)) {
        clean = false;
      } else if (w != "the" && w != "a" && w != "an") {
        if (!relation.empty()) relation.push_back('_');
        relation.append(w);
      }
    }
    if (!clean || relation.empty() || relation == "and" || relation == "or") continue;
    const float confidence = 0.6f - 0.04f * static_cast<float>(gap);
    facts.push_back(
        MakeFact(m, n, entity_of_mention[i], entity_of_mention[i + 1], relation, confidence));
  }
  return facts;
}

}  // namespace kg::extract
