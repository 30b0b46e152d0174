// Demands as nodes of their own. A demand is an entity of type demand whose name is a short
// readable form of what is demanded ("Ukraine relinquish control over parts of Donetsk region"),
// with facts:
//
//   demander -demands-> demand       who demands it
//   demand -addressed_to-> addressee  of whom it is demanded
//   demand -concerns-> place/org      what it is about
//   rejecter -rejects-> demand       who rejects it
//
// Found from verbs ("X demands/insists that ...", "urged X to ...", "called on X to ...",
// "seeks X's withdrawal", "pushes for ..."), nouns ("X's demand that ...", "the demand for ..."),
// conditions ("contingent on ...") and "must" in what someone said. Rejections ("rejected this
// demand", "ruled out ceding territory", "refused to lift the tariffs") attach to the demand they
// refer to: the latest one for "this demand", else the one sharing most content words, else a new
// demand made of what was rejected.
#pragma once

#include <vector>

#include "core/types.h"
#include "extract/analysis.h"

namespace kg::extract {

// Adds demand entities to a.entities and their facts to `facts`.
void FindDemands(Analysis& a, std::vector<Fact>* facts);

}  // namespace kg::extract
