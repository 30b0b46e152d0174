// One document as the extraction stages see it. Each stage reads what the earlier ones wrote and
// adds its own part: sentences and trees (nlp), mentions (mentions.h), entities (entities.h),
// referents of pronouns and descriptions (coref.h), then facts and demands (relations.h,
// demands.h) into the ExtractedDocument.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/types.h"
#include "extract/clauses.h"
#include "extract/gazetteer.h"
#include "extract/mentions.h"
#include "nlp/sentence.h"

namespace kg::extract {

// An entity a token stands for, with how sure we are and which bytes say so.
struct Referent {
  int32_t entity = -1;  // index into Analysis::entities, -1 for none
  float confidence = 0.0f;
  Span span;  // the mention (or pronoun) in the text
  // The noun phrase it was reached through ("delegation" in "Russia's delegation", "envoys" in
  // "US envoys"), or -1 when the token names the entity itself.
  int32_t via = -1;
  bool via_possessor = false;  // as the possessor of that noun ("Trump's envoys")
};

struct Analysis {
  std::string_view text;
  const Gazetteer* gazetteer = nullptr;
  std::vector<nlp::Sentence> sentences;
  std::vector<Tree> trees;                       // one per sentence, built after parsing
  std::vector<std::vector<Proposition>> propositions;  // per sentence, read from its tree
  std::vector<Mention> mentions;                 // in text order
  std::vector<std::vector<int32_t>> mention_at;  // [sentence][token] -> mention index or -1
  std::vector<Entity> entities;
  std::vector<uint32_t> entity_of_mention;       // parallel to mentions
  // [sentence][token] -> the entity a pronoun or definite description there refers to.
  std::vector<std::vector<Referent>> coreferent;
  // [sentence][token] -> whether the token is inside what a demand demands (filled by
  // FindDemands): clauses there are wanted, not done, and state no facts.
  std::vector<std::vector<bool>> demanded;

  // The entity named `name`, typed `type`, added (with no mentions) if the document has none:
  // the country behind "Moscow insists", a place named only by its adjective. Returns its index.
  int32_t EntityNamed(std::string_view name, EntityType type);
};

}  // namespace kg::extract
