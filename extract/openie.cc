#include "extract/openie.h"

#include <algorithm>

#include "core/text.h"

namespace kg::extract {
namespace {

// Children left out of a phrase's words: they are phrases (or tuples) of their own.
bool OutsidePhrase(const Tree& t, int32_t c) {
  return t.Is(c, "acl") || t.Is(c, "appos") || t.Is(c, "conj") || t.Is(c, "cc") ||
         t.Is(c, "punct") || t.Is(c, "parataxis") || t.Is(c, "advcl") || t.Is(c, "dep");
}

// The words of the phrase headed by `head` without the head's children for which
// skip(child) holds, edges trimmed of punctuation.
template <typename Skip>
std::string PhraseText(const Tree& t, int32_t head, Skip skip) {
  std::vector<bool> in(t.size(), false);
  std::vector<int32_t> stack{head};
  while (!stack.empty()) {
    const int32_t i = stack.back();
    stack.pop_back();
    if (in[i]) continue;
    in[i] = true;
    for (int32_t c : t.children(i)) {
      if (i != head || !skip(c)) stack.push_back(c);
    }
  }
  std::string out;
  for (int32_t i = 0; i < static_cast<int32_t>(t.size()); ++i) {
    if (!in[i] || (out.empty() && t.upos(i) == "PUNCT")) continue;
    if (!out.empty()) out.push_back(' ');
    out.append(t.token(i).form);
  }
  while (!out.empty() && (out.back() == ',' || out.back() == ' ')) out.pop_back();
  return out;
}

std::string PhraseText(const Tree& t, int32_t head, bool skip_case = false) {
  return PhraseText(t, head, [&](int32_t c) {
    return OutsidePhrase(t, c) || (skip_case && (t.Is(c, "case") || t.Is(c, "mark")));
  });
}

size_t WordCount(const std::string& s) {
  return s.empty() ? 0 : static_cast<size_t>(std::count(s.begin(), s.end(), ' ')) + 1;
}

std::string Words(const Tree& t, const std::vector<int32_t>& tokens) {
  std::string out;
  for (int32_t i : tokens) {
    if (!out.empty()) out.push_back(' ');
    out.append(t.token(i).form);
  }
  return out;
}

// Grammatical subjects as the sentence states them (a passive's patient, not its agent).
std::vector<int32_t> SurfaceSubjects(const Tree& t, const Proposition& p) {
  std::vector<int32_t> out;
  for (int32_t c : t.children(p.predicate)) {
    if (!(t.Is(c, "nsubj") || t.Is(c, "csubj"))) continue;
    for (int32_t s : t.WithConjuncts(c)) {
      const std::string lemma = LowerLemma(t, s);
      const bool relative = lemma == "who" || lemma == "which" || lemma == "that";
      out.push_back(relative && t.Is(p.predicate, "acl") ? t.head(p.predicate) : s);
    }
  }
  if (out.empty() && p.inherited_subject && !p.passive) out = p.subjects;
  return out;
}

}  // namespace

std::vector<OpenIeTuple> OpenIeTuples(const Tree& t) {
  std::vector<OpenIeTuple> out;
  for (const Proposition& p : FindPropositions(t)) {
    const std::vector<int32_t> subjects = SurfaceSubjects(t, p);
    if (subjects.empty()) continue;
    const bool copular = p.relation == "be" && t.Child(p.predicate, "cop") >= 0;
    std::vector<int32_t> rel_tokens = p.predicate_tokens;
    std::vector<std::string> args;
    std::string rel;
    float confidence = p.confidence;
    if (copular) {
      // "X is an envoy": the predicate nominal is the second argument.
      rel_tokens.erase(std::remove(rel_tokens.begin(), rel_tokens.end(), p.predicate),
                       rel_tokens.end());
      rel = Words(t, rel_tokens);
      // Its own words, without subject, copula, auxiliaries and attached clauses.
      const std::string nominal = PhraseText(t, p.predicate, [&](int32_t c) {
        return t.Is(c, "nsubj") || t.Is(c, "csubj") || t.Is(c, "cop") || t.Is(c, "aux") ||
               t.Is(c, "punct") || t.Is(c, "advcl") || t.Is(c, "parataxis") ||
               t.Is(c, "conj") || t.Is(c, "cc") || t.Is(c, "mark") || t.Is(c, "advmod");
      });
      args.push_back(nominal);
    } else {
      std::vector<std::pair<std::string, std::string>> obliques;  // preposition, phrase
      for (const Argument& a : p.arguments) {
        if (p.passive && t.Is(a.head, "nsubj")) continue;  // the patient is arg1 here
        if (a.role == ArgumentRole::kDirect) {
          args.push_back(PhraseText(t, a.head));
        } else if (a.role == ArgumentRole::kOblique) {
          obliques.emplace_back(a.preposition, PhraseText(t, a.head, /*skip_case=*/true));
        } else {
          args.push_back(PhraseText(t, a.head));
        }
      }
      // The passive's agent: "were attended by | X".
      if (p.passive) {
        for (int32_t c : t.children(p.predicate)) {
          if (t.deprel(c) == "obl:agent") {
            obliques.insert(obliques.begin(), {"by", PhraseText(t, c, true)});
          }
        }
      }
      rel = Words(t, rel_tokens);
      // Without an object, the first oblique's preposition joins the relation:
      // "met with | Witkoff".
      if (args.empty() && !obliques.empty()) {
        if (!obliques.front().first.empty()) {
          rel += " " + std::string(obliques.front().first);
          std::replace(rel.begin(), rel.end(), '_', ' ');
        }
        args.push_back(obliques.front().second);
        obliques.erase(obliques.begin());
      }
      for (auto& [prep, phrase] : obliques) {
        std::string with_prep = prep;
        std::replace(with_prep.begin(), with_prep.end(), '_', ' ');
        args.push_back(with_prep.empty() ? phrase : with_prep + " " + phrase);
      }
    }
    if (args.empty() || rel.empty()) continue;
    size_t longest = 0;
    for (const auto& a : args) longest = std::max(longest, WordCount(a));
    if (longest > 12) confidence *= 0.8f;
    if (args.size() > 3) confidence *= 0.9f;
    for (int32_t s : subjects) {
      OpenIeTuple tuple;
      tuple.relation = rel;
      tuple.arguments.push_back(PhraseText(t, s));
      for (const auto& a : args) tuple.arguments.push_back(a);
      tuple.confidence = confidence * (subjects.size() > 1 ? 0.95f : 1.0f);
      if (!tuple.arguments.front().empty()) out.push_back(std::move(tuple));
    }
  }
  // Appositions: "Jared Kushner , Trump 's son-in-law" -> (Jared Kushner, is, Trump 's son-in-law).
  for (int32_t i = 0; i < static_cast<int32_t>(t.size()); ++i) {
    if (!t.Is(i, "appos") || t.head(i) < 0) continue;
    OpenIeTuple tuple;
    tuple.relation = "is";
    tuple.arguments = {PhraseText(t, t.head(i)), PhraseText(t, i)};
    tuple.confidence = 0.5f;
    out.push_back(std::move(tuple));
  }
  return out;
}

}  // namespace kg::extract
