// Entities of one document: mentions that name the same thing, merged. "Putin" joins
// "Vladimir Putin" (a surname of a person named in full), "US" joins "United States" (initials),
// and spellings that NameKey folds together are one ("Zelenskyy", "Zelenskiy").
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "core/types.h"
#include "extract/mentions.h"

namespace kg::extract {

struct DocumentEntities {
  std::vector<Entity> entities;
  std::vector<uint32_t> entity_of_mention;  // parallel to the mentions
};

// `text` is the document the mentions' spans index.
DocumentEntities MergeMentions(const std::vector<Mention>& mentions, std::string_view text);

}  // namespace kg::extract
