// Internal to kg::nlp: what a Tagger holds and the features it computes, shared by inference
// (nlp/tagger.cc) and training (nlp/tagger_train.cc). Not part of the public API.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "nlp/clusters.h"
#include "nlp/features.h"
#include "nlp/flat_index.h"
#include "nlp/linear_model.h"

namespace kg::nlp::internal {

// A tag is a (UPOS, XPOS) pair seen in training: the tagger predicts both at once.
struct TagClass {
  std::string upos;
  std::string xpos;
};

// How to turn a form into its lemma: optionally lower-case it (ASCII letters), cut `cut` bytes off
// its end, append `append`. "running" -> cut 4 "" ... "run"; "went" -> cut 4 "go".
struct LemmaScript {
  bool lower = false;
  uint8_t cut = 0;
  std::string append;
  // Seen often enough in training for the classifier to choose it for unknown forms; rare
  // scripts ("Sept." -> "September") are only used through the lexicon.
  bool open = false;
};

struct TaggerModel {
  std::vector<TagClass> classes;
  FlatIndex tagdict;           // DictKey(form) -> hash of the set of classes the form was seen with
  WeightTable tag_weights;     // first pass: left to right, sees the tags predicted so far
  WeightTable second_weights;  // second pass: also sees the first pass's tags to the right
  std::vector<LemmaScript> scripts;
  FlatIndex lexicon;  // LexiconKey(form, class) -> script seen most often in training
  WeightTable lemma_weights;
  WordClusters clusters;  // empty: a model trained without cluster features
};

// What the tagger features need of one token, computed once per token.
struct TokenInfo {
  uint64_t raw = 0;   // hash of the form as written
  uint64_t norm = 0;  // hash of the lower-cased form, digits as 0
  uint64_t shape = 0;
  uint64_t prefix[3] = {};
  uint64_t suffix[5] = {};
  uint64_t hyphen_tail = 0;  // normal form of the part after the last hyphen, or 0
  uint64_t amb = 0;          // ambiguity class from the tag dictionary, or 0 when unknown
  uint32_t cluster = 0;      // word cluster path (nlp/clusters.h), 0 when none
  bool known = false;        // in the tag dictionary: word identity features apply
  bool upper_first = false;
  bool has_digit = false;
  bool has_hyphen = false;
};

inline constexpr int kMaxTagFeatures = 64;
inline constexpr int kMaxLemmaFeatures = 16;

inline uint64_t DictKey(std::string_view form) { return Feature(900, HashString(form)); }
inline uint64_t DictNormKey(std::string_view form) { return Feature(901, HashNormalized(form)); }
inline uint64_t LexiconKey(std::string_view form, int cls) {
  return Feature(902, HashString(form), static_cast<uint64_t>(cls));
}
inline uint64_t LexiconNormKey(std::string_view form, int cls) {
  return Feature(903, HashNormalized(form), static_cast<uint64_t>(cls));
}

void ComputeTokenInfo(std::string_view form, const FlatIndex& tagdict,
                      const WordClusters& clusters, TokenInfo* info);

// Features for the token at `i` of `n`, given the classes predicted for the two tokens before it
// (or -1 at the start) and, in the second pass, the first pass's classes of every token
// (`first_pass`, null in the first pass); writes at most kMaxTagFeatures hashes to `out` and
// returns their number.
// With `use_clusters`, cluster features are added (a model trained with clusters).
int TagFeatures(const TokenInfo* info, int n, int i, int prev1, int prev2, const int* first_pass,
                bool use_clusters, uint64_t* out);

// Tags `n` tokens greedily left to right with `weights`; writes each token's class to `out`.
// `scores` has room for every class.
void TagPass(const WeightTable& weights, const TokenInfo* info, int n, const int* first_pass,
             bool use_clusters, int32_t* scores, int* out);

// Features for choosing the lemma script of `form` tagged `cls`.
int LemmaFeatures(std::string_view form, const TokenInfo& info, int cls, uint64_t* out);

// Whether `script` applies to `form` (it does not cut more than the form or inside a character).
bool ScriptApplies(const LemmaScript& script, std::string_view form);
// Writes the lemma of `form` under `script` (which must apply) to `*lemma`.
void ApplyScript(const LemmaScript& script, std::string_view form, std::string* lemma);
// The script that turns `form` into `lemma`, preferring to keep the case; with `force_lower`,
// a script that lower-cases the form first.
LemmaScript ScriptFor(std::string_view form, std::string_view lemma, bool force_lower = false);

// Predicts the lemma script id for a token (lexicon first, then the classifier); `scores` has
// room for every script.
int PredictScript(const TaggerModel& m, std::string_view form, const TokenInfo& info, int cls,
                  int32_t* scores);

}  // namespace kg::nlp::internal
