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

// Where the sentence's own text, and its capitalisation, starts: after its dateline, or after a
// colon or dash among its first five tokens ("Vienna — Negotiators met"), looser than
// DatelineEnd because a capital there only says a new start, never who acted. 0 for neither.
size_t TextStart(const nlp::Sentence& sentence);

}  // namespace kg::extract
