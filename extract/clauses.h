// Clauses: who does what to whom in one parsed sentence, read off its Universal Dependencies
// tree. Each predicate (a verb, or the head of a copular clause) becomes a Proposition with its
// subjects and objects (conjuncts split, passives turned active, subjects carried into
// controlled, coordinated, relative and participial clauses), its negation, its modality and who
// said it. Facts (relations.h), demands (demands.h) and the Open-IE output are all built from
// propositions.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "nlp/sentence.h"

namespace kg::extract {

// A sentence's tree, with each token's children, built once and shared by the readers.
class Tree final {
 public:
  explicit Tree(const nlp::Sentence& s);
  const nlp::Sentence& sentence() const { return s_; }
  size_t size() const { return s_.tokens.size(); }
  const nlp::Token& token(int32_t i) const { return s_.tokens[i]; }
  std::string_view lemma(int32_t i) const { return s_.tokens[i].lemma; }
  std::string_view deprel(int32_t i) const { return s_.tokens[i].deprel; }
  std::string_view upos(int32_t i) const { return s_.tokens[i].upos; }
  int32_t head(int32_t i) const { return s_.tokens[i].head; }
  const std::vector<int32_t>& children(int32_t i) const { return children_[i]; }
  // The first child of `i` whose relation is `rel` or starts with `rel:`, or -1.
  int32_t Child(int32_t i, std::string_view rel) const;
  // Whether the relation of `i` is `rel` or a subtype of it ("nsubj" matches "nsubj:pass").
  bool Is(int32_t i, std::string_view rel) const;
  // `i` and the conjuncts that depend on it: "Witkoff and Kushner" -> both.
  std::vector<int32_t> WithConjuncts(int32_t i) const;
  // The head of the name `i` is part of: past its flat and compound parts ("Owusu-Ansah" to
  // "Abena").
  int32_t NameHead(int32_t i) const;
  // First and last token of the subtree of `i`, leaving out the children for which skip(child)
  // is true.
  template <typename Skip>
  std::pair<int32_t, int32_t> Extent(int32_t i, Skip skip) const;
  std::pair<int32_t, int32_t> Extent(int32_t i) const {
    return Extent(i, [](int32_t) { return false; });
  }

 private:
  const nlp::Sentence& s_;
  std::vector<std::vector<int32_t>> children_;
};

enum class ArgumentRole : uint8_t {
  kDirect,      // obj, iobj; the patient of a passive
  kOblique,     // obl and its preposition: "met with X", "talks in Y"
  kComplement,  // xcomp/ccomp clauses: "demanded that ...", "ruled out ceding ..."
};

struct Argument {
  int32_t head = -1;  // the token heading the argument
  ArgumentRole role = ArgumentRole::kDirect;
  std::string preposition;  // lemma(s) of its case marker for obliques: "with", "according_to"
};

struct Proposition {
  int32_t predicate = -1;                 // the verb, or the head of a copular clause
  std::vector<int32_t> predicate_tokens;  // verb, particles, auxiliaries, negation, in order
  std::string relation;                   // lemma of the verb, plus particle: "rule_out", "be"
  std::vector<int32_t> subjects;          // heads; the agent of a passive
  bool inherited_subject = false;         // taken from a governing clause
  std::vector<Argument> arguments;
  bool negated = false;  // "did not meet", "refused to meet", "ruled out ceding"
  // Wanted, not done: the content of a demand ("insists that Kyiv withdraw", "urged X to lift")
  // or a "must". Demands represent it; it is never stored as a fact.
  bool irrealis = false;
  bool passive = false;
  float confidence = 0.9f;  // lowered by modals, conditions, inherited subjects
  int32_t speaker = -1;     // head of who said it: "Ushakov said ...", "according to Ushakov"
};

// Every proposition of the sentence, in predicate order. The tree must have heads and deprels.
std::vector<Proposition> FindPropositions(const Tree& tree);

// Lower-case lemma of a token, for comparisons that must ignore case ("Said" -> "said").
std::string LowerLemma(const Tree& tree, int32_t i);

template <typename Skip>
std::pair<int32_t, int32_t> Tree::Extent(int32_t i, Skip skip) const {
  int32_t lo = i, hi = i;
  std::vector<int32_t> stack{i};
  while (!stack.empty()) {
    const int32_t t = stack.back();
    stack.pop_back();
    lo = std::min(lo, t);
    hi = std::max(hi, t);
    for (int32_t c : children_[t]) {
      if (!skip(c)) stack.push_back(c);
    }
  }
  return {lo, hi};
}

}  // namespace kg::extract
