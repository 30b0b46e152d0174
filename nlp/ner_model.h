// Internal to kg::nlp: what an EntityRecognizer holds and the features it computes, shared by
// inference (nlp/ner.cc) and training (nlp/ner_train.cc). Not part of the public API.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "nlp/features.h"
#include "nlp/flat_index.h"
#include "nlp/linear_model.h"
#include "nlp/sentence.h"

namespace kg::nlp::internal {

// Entities are decoded with BILOU labels (Ratinov and Roth 2009: Begin, Inside, Last, Unit for
// one-word entities, Outside), which separate the ends of names better than IOB2 does, and
// written to Token::entity as IOB2. Class 0 is O; type t has classes 1 + 4t + kBegin... kUnit.
enum Bilou : int { kBegin = 0, kInside = 1, kLast = 2, kUnit = 3 };
inline int NumClasses(int num_types) { return 1 + 4 * num_types; }
inline int ClassOf(int type, Bilou part) { return 1 + 4 * type + part; }
inline int TypeOf(int cls) { return (cls - 1) / 4; }
inline Bilou PartOf(int cls) { return static_cast<Bilou>((cls - 1) % 4); }

// Whether class `cur` may follow class `prev` (-1: the start of the sentence). An entity that is
// open (B or I) must go on (I or L of its type); anything else may start only O, B or U.
inline bool Allowed(int prev, int cur) {
  const bool open = prev > 0 && (PartOf(prev) == kBegin || PartOf(prev) == kInside);
  if (open) {
    return cur > 0 && TypeOf(cur) == TypeOf(prev) && PartOf(cur) != kBegin && PartOf(cur) != kUnit;
  }
  return cur == 0 || PartOf(cur) == kBegin || PartOf(cur) == kUnit;
}
// Whether a sentence may end after class `last`.
inline bool AllowedLast(int last) {
  return last == 0 || PartOf(last) == kLast || PartOf(last) == kUnit;
}

// Name lists (gazetteer categories: person, place, organization, demonym, ...) hold at most this
// many categories and names of at most this many tokens.
inline constexpr int kMaxCategories = 6;
inline constexpr int kMaxNameTokens = 10;
// In the `words` index: the word is in the spelling dictionary in lower case ("brain"),
// capitalised ("Brian", "Google") or in capitals ("NASA"). A word the dictionary knows only
// capitalised is a proper noun; one it knows in lower case is a common word even when a title
// or a sloppy writer capitalises it.
inline constexpr uint32_t kDictionaryLower = 1u << 24;
inline constexpr uint32_t kDictionaryCapital = 1u << 25;
inline constexpr uint32_t kDictionaryUpper = 1u << 26;
inline constexpr int kDictionaryShift = 24;
inline constexpr uint32_t kCategoryBits = (1u << (4 * kMaxCategories)) - 1;

// In the `names` index: set when a longer name starts with this token sequence.
inline constexpr uint32_t kPrefixBit = 1u << 31;

// Keys of the name-list indexes. A token sequence is hashed as it is written (exact) and in its
// normal form (nlp/features.h: lower case, digits as 0), so that "tampa bay" finds "Tampa Bay".
inline constexpr uint64_t kSequenceSeed = 0x6e616d65;
inline uint64_t ExactNameKey(uint64_t sequence) { return Feature(1000, sequence); }
inline uint64_t NormalNameKey(uint64_t sequence) { return Feature(1001, sequence); }
inline uint64_t WordKey(uint64_t normal_form) { return Feature(1002, normal_form); }

struct NerModel {
  std::vector<std::string> types;       // entity types: "PER", "LOC", "ORG"
  std::vector<std::string> categories;  // name-list categories: "person", "place", ...
  std::vector<std::string> labels;      // per class, the IOB2 tag Token::entity points to
  // ExactNameKey / NormalNameKey of a token sequence -> bit c for each category c it is a whole
  // name of, kPrefixBit when it begins a longer name.
  FlatIndex names;
  // WordKey of a token -> bit 4c + part (kBegin ... kUnit) for each category c and place in a
  // name the word was seen at ("Abraham": person begin; "Lincoln": person last and unit), and
  // the kDictionary bits: how a spelling dictionary writes the word.
  FlatIndex words;
  // Two passes (Ratinov and Roth 2009's two-stage prediction aggregation): the first labels each
  // sentence alone; the second also sees the first pass's labels of the sentence and of every
  // occurrence of the same word in the document ("Miramar" named a place three sentences ago).
  // Per pass, the per-token (emission) weights over the classes and the label transition scores:
  // row p is the previous class (row NumClasses: the sentence start), column the class; in model
  // units.
  WeightTable weights[2];
  std::vector<float> transitions[2];
};

// The IOB2 tag of each class: "O", then "B-T" for B and U, "I-T" for I and L of each type T.
std::vector<std::string> IobLabels(const std::vector<std::string>& types);

// What the features need of one token, computed once per token.
struct NerToken {
  uint64_t raw = 0;   // hash of the form as written
  uint64_t norm = 0;  // hash of the normal form
  uint64_t shape = 0;
  uint64_t prefix[4] = {};
  uint64_t suffix[4] = {};
  uint64_t upos = 0;
  uint64_t xpos = 0;
  uint32_t word_bits = 0;  // `words` index value
  uint8_t caps = 0;        // 0 no letter first, 1 lower, 2 Capitalised, 3 ALL CAPS, 4 mIxed
  uint8_t length = 0;      // form length in bytes, at most 15
  // Per category: where the token is in the longest listed name covering it: 0 none, else
  // 1 + part (kBegin ... kUnit), plus 8 when the name matched with its exact case.
  uint8_t in_name[kMaxCategories] = {};
  // For the second pass (ComputeDocumentFeatures):
  int16_t first = 0;      // the class the first pass gave the token
  uint8_t doc_label = 0;  // the other occurrences of the word in the document: 0 none, else 1 +
                          // the type (or the number of types for O) most of them were given
  uint8_t doc_case = 0;   // bit 0: another occurrence is capitalised inside a sentence; bit 1:
                          // another occurrence is in lower case
  bool sentence_first = false;
};

inline constexpr int kMaxNerFeatures = 128;
// NerFeatures writes the features of the word's identity first, this many.
inline constexpr int kNumWordFeatures = 6;

// Fills `out[0, n)` for the tokens of `s`, which must be tagged (upos, xpos).
void ComputeNerTokens(const NerModel& m, const Sentence& s, NerToken* out);

// How the sentence uses capitals: 0 no word, 1 all lower case, 2 ordinary, 3 nearly every word
// capitalised (a headline or a title), 4 nearly all upper case.
int SentenceCase(const NerToken* tokens, int n);

// Features of token `i` of the `n` tokens of a sentence for pass 0 or 1 (which reads `first`,
// `doc_label` and `doc_case`); writes at most kMaxNerFeatures hashes to `out`, returns how many.
int NerFeatures(const NerToken* tokens, int n, int i, int sentence_case, int pass, uint64_t* out);

// Fills doc_label and doc_case of the `n` tokens of a document from their `first` classes and
// forms. `scratch` is reused between calls (no allocation once it has grown).
void ComputeDocumentFeatures(NerToken* tokens, size_t n, int num_types,
                             std::vector<std::pair<uint64_t, uint32_t>>* scratch);

// Best class sequence under emission scores `emission[i * C + c]` and `transitions`, obeying
// Allowed and AllowedLast; writes the classes to `out[0, n)` (n >= 1). `scratch` has room for
// 2 * C floats and `back` for n * C ints.
void Viterbi(const float* emission, int n, int num_classes, const float* transitions,
             float* scratch, int* back, int* out);

}  // namespace kg::nlp::internal
