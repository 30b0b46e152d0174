// Facts between the entities of a sentence.
//
// This first finder reads the words between two consecutive mentions of a sentence as the
// relation ("Putin met with Witkoff" -> meet... "met_with"), and turns stated roles into facts
// ("Kremlin aide Yuri Ushakov" -> Yuri Ushakov -aide_of-> Kremlin). The dependency-based finder
// replaces the first part.
#pragma once

#include <cstdint>
#include <vector>

#include "core/types.h"
#include "extract/mentions.h"
#include "nlp/sentence.h"

namespace kg::extract {

std::vector<Fact> FindRelations(const std::vector<nlp::Sentence>& sentences,
                                const std::vector<Mention>& mentions,
                                const std::vector<uint32_t>& entity_of_mention);

}  // namespace kg::extract
