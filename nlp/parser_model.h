// Internal to kg::nlp: the arc-hybrid transition system, its features and what a Parser holds,
// shared by inference (nlp/parser.cc) and training (nlp/parser_train.cc). Not a public API.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "nlp/clusters.h"
#include "nlp/features.h"
#include "nlp/linear_model.h"

namespace kg::nlp::internal {

// Transitions are classes of the linear model: 0 is SHIFT, 1 + l is LEFT with label l (the stack
// top becomes a dependent of the buffer front), 1 + L + l is RIGHT with label l (the stack top
// becomes a dependent of the item below it), for L labels.
struct ParserModel {
  std::vector<std::string> labels;
  int root_label = 0;  // index of "root" in labels
  WeightTable weights;
  WordClusters clusters;  // empty: a model trained without cluster features
  uint32_t blocks = 0;    // the optional feature blocks (kParserBlock*) the model was trained with
};

// Optional blocks of parser features, chosen at training and stored in the model: coarse (UPOS)
// pairs, child words with labels, and coarse triples (with cluster pairs when the model has
// clusters).
inline constexpr uint32_t kParserBlockUpos = 1;
inline constexpr uint32_t kParserBlockChildren = 2;
inline constexpr uint32_t kParserBlockTriples = 4;
inline constexpr uint32_t kParserBlocksAll = 7;

inline constexpr int kShift = 0;
inline constexpr int kMaxParserFeatures = 160;

// What the features need of each word; the root is an extra word at index n.
struct ParseInput {
  uint64_t word = 0;    // HashNormalized(form)
  uint64_t tag = 0;     // the (XPOS, UPOS) pair: XPOS alone does not tell "IN" as ADP from SCONJ
  uint64_t upos = 0;    // HashString(upos)
  uint64_t suffix = 0;  // the last three bytes, normalised: a hint for rare and unknown words
  uint32_t cluster = 0;  // word cluster path (nlp/clusters.h), 0 when none
};

inline ParseInput MakeParseInput(std::string_view form, std::string_view xpos,
                                 std::string_view upos, const WordClusters& clusters) {
  const uint64_t u = HashString(upos);
  const std::string_view tail = form.size() > 3 ? form.substr(form.size() - 3) : form;
  const uint64_t word = HashNormalized(form);
  return ParseInput{word, Combine(HashString(xpos), u), u, HashNormalized(tail),
                    clusters.Find(word)};
}

// An arc-hybrid configuration (Kuhlmann et al. 2011) with the root at the end of the buffer
// (Ballesteros and Nivre 2013): words 0..n-1, the root is word n.
struct ParseState {
  int n = 0;
  int b = 0;  // buffer front: words b..n-1, then the root
  std::vector<int> stack;
  std::vector<int> head, label;         // -1 until attached
  std::vector<int> lc1, lc2, rc1, rc2;  // leftmost / second leftmost, rightmost / second
  std::vector<int> nl, nr;              // number of left and right dependents
  std::vector<uint64_t> lset, rset;     // bit sets of the labels of left and right dependents

  void Init(int words);
  bool Terminal() const { return stack.empty() && b == n; }
  // Applies transition `cls` (which must be valid) for a model of `num_labels` labels.
  void Apply(int cls, int num_labels);
  // Which transitions are valid now: SHIFT, LEFT (with which labels) and RIGHT.
  bool CanShift() const { return b < n; }
  bool CanLeft() const { return !stack.empty() && (b < n || stack.size() == 1); }
  bool CanRight() const { return stack.size() >= 2; }
  void AddArc(int h, int d, int l);
};

// The features of state `s` over `in` (n + 1 entries); returns how many it wrote to `out` (at
// most kMaxParserFeatures). With `use_clusters`, cluster features are added (a model trained with
// clusters); `blocks` adds the optional blocks (kParserBlock*).
int ParserFeatures(const ParseState& s, const ParseInput* in, bool use_clusters, uint32_t blocks,
                   uint64_t* out);

}  // namespace kg::nlp::internal
