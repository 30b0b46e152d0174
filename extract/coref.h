// Coreference within a document: which entity a pronoun ("he", "its") or a definite description
// ("the Russian leader", "the union") stands for, so that its facts land on the right entity.
#pragma once

#include "extract/analysis.h"

namespace kg::extract {

// Fills a.coreferent for the pronouns and descriptions it can resolve, with a confidence below
// that of a name. Needs mentions, entities and trees.
//
//   he, him, his, she, her     the nearest person before it (same sentence, else the subject of
//                              the nearest earlier sentence that names a person)
//   it, its                    the nearest organisation or place, not an expletive "it"
//   the Russian leader         the nearest person whose stated role fits ("president_of Russia")
//   the minister, the envoy    the nearest person with that role
//   the union, the company     the nearest organisation whose name has that word (or any, for
//                              "the company", "the group")
void ResolveCoreference(Analysis& a);

}  // namespace kg::extract
