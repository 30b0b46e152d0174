// Scoring the entity recogniser against gold IOB2 data, as CoNLL scores named entities: an entity
// counts as found only when its span and its type are both exactly right.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "nlp/ner.h"
#include "nlp/ner_train.h"

namespace kg::nlp {

struct EntityCounts {
  size_t gold = 0;       // entities in the gold data
  size_t predicted = 0;  // entities the recogniser found
  size_t correct = 0;    // found with exactly the gold span and type
  // Percentages; 0 when undefined.
  double precision() const;
  double recall() const;
  double f1() const;
};

struct EntityScores {
  EntityCounts all;
  std::vector<std::pair<std::string, EntityCounts>> by_type;  // in the recogniser's type order
  size_t tokens = 0;
  double seconds = 0;  // wall time of recognition alone (tagging excluded), one thread
};

// Recognises the entities of `gold` (gold tokens, our predicted POS tags), document by document
// (as TrainEntityRecognizer delimits them), and scores them. When
// `predicted` is not null it receives each sentence's predicted IOB2 tags (views into `ner`).
EntityScores EvaluateEntities(const EntityRecognizer& ner,
                              const std::vector<TaggedNerSentence>& gold,
                              std::vector<std::vector<std::string_view>>* predicted = nullptr);

// Adds the entities of one sentence to `scores` (all and by_type, which it extends with types it
// has not seen): `gold_tags` and `predicted_tags` are IOB2 tags of the same tokens.
void ScoreEntities(const std::vector<std::string_view>& gold_tags,
                   const std::vector<std::string_view>& predicted_tags, EntityScores* scores);

}  // namespace kg::nlp
