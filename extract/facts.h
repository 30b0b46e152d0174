// Facts between entities, read from the clauses of each sentence and from its noun phrases.
//
//   "Witkoff and Kushner met Putin in Moscow"  -> Witkoff -meet-> Putin, Kushner -meet-> Putin,
//                                                 Witkoff -meet_in-> Moscow, ...
//   "Putin held talks with Witkoff"            -> Putin -hold_talks_with-> Witkoff
//   "The meeting was attended by Witkoff"      -> (Witkoff -attend-> meeting: not an entity)
//   "Kremlin aide Yuri Ushakov"                -> Yuri Ushakov -aide_of-> Kremlin
//   "Kushner, Trump's son-in-law"              -> Kushner -son-in-law_of-> Trump
//   "Ushakov said Putin met Witkoff"           -> Putin -meet-> Witkoff, attributed to Ushakov
//   "Moscow insists ..."                       -> the actor is Russia (the seat stands for it)
//
// Relation names are lemmas joined by '_' so that the same fact from two articles is one edge.
#pragma once

#include <vector>

#include "core/types.h"
#include "extract/analysis.h"

namespace kg::extract {

// The entity that token `token` of sentence `s` names: its mention, the referent of a pronoun or
// description, or an entity its noun phrase is about ("Russia's delegation" -> Russia, with less
// confidence). entity -1 when there is none.
Referent EntityAt(const Analysis& a, size_t s, int32_t token);

// As EntityAt, for the doer of an action: a seat of government stands for its country
// ("Moscow insists" -> Russia), keeping the seat's bytes as the span.
Referent ActorAt(Analysis& a, size_t s, int32_t token);

// Appends the facts of every sentence of the analysis. Run FindDemands first: clauses inside
// demanded content are left out.
void FindFacts(Analysis& a, std::vector<Fact>* facts);

// Lower-case letters, digits, '-' and '_' only, words joined by '_': a stable relation name.
std::string NormaliseRelation(std::string_view text);

}  // namespace kg::extract
