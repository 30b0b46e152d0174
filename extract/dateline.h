// Datelines: where and when a story was filed, before its first sentence starts ("CALI,
// Colombia, Nov 18 (AFP) -", "Brussels:"). Their words are no part of the sentence: the parser
// may take their first name for its subject, and the sentence's capitalisation starts after them.
#pragma once

#include <cstddef>

#include "nlp/sentence.h"

namespace kg::extract {

// The index of the first token after the sentence's dateline (after its dash or colon), or 0
// when the sentence has none.
size_t DatelineEnd(const nlp::Sentence& sentence);

}  // namespace kg::extract
