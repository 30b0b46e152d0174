// Sentence splitting and tokenisation of raw news text, keeping byte offsets into the text.
#pragma once

#include <string_view>
#include <vector>

#include "nlp/sentence.h"

namespace kg::nlp {

// A "sentence" is cut after this many tokens: news sentences are far shorter, and a runaway one
// (a 50 MB line with no full stop) must not make later stages quadratic.
inline constexpr size_t kMaxSentenceTokens = 256;

// Splits `text` (valid UTF-8) into sentences of tokens. Every token's span indexes `text` and its
// form is a view of `text`: both stay valid only while `text` does. Tokens follow the Universal
// Dependencies English conventions (clitics split: "don't" -> "do" "n't", "Moscow's" -> "Moscow"
// "'s"; punctuation apart) and keep abbreviations, initials, numbers, URLs and e-mail addresses
// whole ("U.S.", "Mr.", "3.5", "1,000"). A line break after a line without final punctuation
// (a headline, a dateline) ends a sentence, as does a blank line. A sentence that reaches
// kMaxSentenceTokens is cut there.
std::vector<Sentence> Tokenize(std::string_view text);

}  // namespace kg::nlp
