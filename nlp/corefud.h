// Named entities from coreference-annotated CoNLL-U (the CorefUD `Entity=` brackets of the MISC
// column, as in GUM), turned into IOB2 sentences that train and score the entity recogniser.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"
#include "nlp/iob2.h"

namespace kg::nlp {

// Which mentions become entities. GUM marks every mention ("the president", "Charles Bolden",
// "the University of Portsmouth"); only proper names are entities in UniversalNER's sense, so a
// mention counts when its syntactic head is a singular proper noun (PROPN, not NNPS: "Americans"
// is no entity for UNER) and its entity type maps to one of ours. Its entity is then the name
// around the head: titles before it ("Mr.", "NASA Administrator": deprel nmod:desc) and
// determiners, adjectives and clauses around it are left out, "of"/"for"/"and" stay between
// capitalised words ("University of Portsmouth"). Overlapping candidates: the outer one wins.
struct CorefUdOptions {
  // CorefUD entity type -> IOB2 type; other types ("event", "abstract", ...) are not entities.
  std::vector<std::pair<std::string, std::string>> types = {
      {"person", "PER"}, {"place", "LOC"}, {"organization", "ORG"}};
  // Keep only the documents whose id contains one of these ("_news_" for GUM's news); empty:
  // every document.
  std::vector<std::string> doc_filter;
};

// Parses CoNLL-U text with `Entity=` annotations and appends its sentences (syntactic words,
// IOB2 tags) to `*out`. InvalidArgument naming `source` and the line on a malformed line.
Status ParseCorefUdEntities(std::string_view data, std::string_view source,
                            const CorefUdOptions& options, std::vector<NerSentence>* out);

// Reads the file at `path` as ParseCorefUdEntities does; InvalidArgument when it is missing.
Status ReadCorefUdEntities(const std::filesystem::path& path, const CorefUdOptions& options,
                           std::vector<NerSentence>* out);

}  // namespace kg::nlp
