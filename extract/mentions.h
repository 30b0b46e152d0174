// Entity mentions: the spans of a document that name a person, place or organisation.
//
// Names are runs of capitalised words (proper nouns by the tagger), read over whole documents so
// that a name seen in the body is recognised in a title-case headline; titles and nationality
// adjectives are cut off and become roles. Types come from titles, the gazetteer, the statistical
// entity recogniser's tags (nlp/ner.h: Token::entity) and organisation or place words.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/types.h"
#include "extract/gazetteer.h"
#include "nlp/sentence.h"

namespace kg::extract {

// How sure the finder is of a mention's type; stronger evidence wins when mentions merge.
enum class TypeEvidence : uint8_t {
  kNone = 0,
  kContext,     // a preposition of place before it ("in X")
  kHeadWord,    // an organisation or place word in or after it ("NBC News", "Donetsk region")
  kRecognizer,  // the statistical entity recogniser, reading the sentence
  kNameWord,    // a word of the name or next to it: "Helvex Pharma", "Naryn River", "Kumasi-based"
  kClassNoun,   // the sentence says what it is: "towns including X", "X, a Kremlin aide"
  kGazetteer,   // a known name
  kTitle,       // a title before it ("envoy Steve Witkoff"): a person
};

struct Mention {
  uint32_t sentence = 0;  // index of the sentence in the document
  uint32_t first = 0;     // tokens [first, last) of that sentence
  uint32_t last = 0;
  Span span;              // bytes of the document
  std::string_view text;  // the document's bytes at span
  EntityType type = EntityType::kOther;
  TypeEvidence evidence = TypeEvidence::kNone;
  // A role stated before the name, as a relation stem: "president" in "Russian President
  // Vladimir Putin", "foreign_minister"; and the bytes that state it.
  std::string role;
  Span role_span;
  // Whose role it is: the mention it belongs to (index into the mention list), or -1.
  int32_t role_of = -1;
  // True for a place named only by its nationality adjective ("Russian" -> Russia): `text` then
  // holds the place's name, `span` the adjective.
  bool from_demonym = false;
};

// Whether tokens k and k + 1 are an attached hyphen and a participle of place, after a name:
// "Kumasi-based", "Perth-listed" (the name is then a place, and where the next one sits).
bool LocatingModifierAt(const std::vector<nlp::Token>& tokens, size_t k);

// Finds the mentions of one document, sentence by sentence, in text order.
std::vector<Mention> FindMentions(const std::vector<nlp::Sentence>& sentences,
                                  const Gazetteer& gazetteer);

}  // namespace kg::extract
