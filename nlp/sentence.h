// The annotated sentence that flows through the NLP stages: the tokenizer fills spans and forms,
// the tagger fills tags and lemmas, the parser fills heads and relations, the entity recogniser
// fills entity tags. The extractor reads it to find mentions and facts.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/types.h"

namespace kg::nlp {

struct Token {
  Span span;              // bytes of the document text
  std::string_view form;  // the token's text; a view of the document text (or of a CoNLL-U buffer)
  // Filled by the tagger. Views into the loaded model's tables: valid while the model lives.
  std::string_view upos;  // Universal POS tag: NOUN, PROPN, VERB, ...
  std::string_view xpos;  // Penn Treebank tag: NN, NNP, VBD, ...
  std::string lemma;      // short lemmas fit the small-string buffer: no allocation per token
  // Filled by the parser: index of the head token within the sentence, -1 for the root.
  int32_t head = -1;
  std::string_view deprel;  // Universal Dependencies relation: nsubj, obj, obl, ...
  // Filled by the entity recogniser: IOB2 tag, e.g. "B-PER", "I-ORG", "O".
  std::string_view entity;
  // True when whitespace follows the token in the text (for detokenising).
  bool space_after = true;
};

struct Sentence {
  Span span;  // bytes of the document text, first token's begin to last token's end
  std::vector<Token> tokens;
};

// The token of [first, last) that heads it in the parse: the first whose head lies outside it
// ("Growers" of "Central Cane Growers' Cooperative", where the parser hangs the other words on
// it); `last` when every head is inside (a cycle the parser never makes).
inline size_t SpanHead(const std::vector<Token>& tokens, size_t first, size_t last) {
  for (size_t i = first; i < last; ++i) {
    const int32_t h = tokens[i].head;
    if (h < static_cast<int32_t>(first) || h >= static_cast<int32_t>(last)) return i;
  }
  return last;
}

}  // namespace kg::nlp
