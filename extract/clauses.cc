#include "extract/clauses.h"

#include <algorithm>

#include "core/text.h"
#include "extract/cues.h"
#include "extract/dateline.h"
#include "extract/mentions.h"

namespace kg::extract {

Tree::Tree(const nlp::Sentence& s) : s_(s), children_(s.tokens.size()) {
  const auto n = static_cast<int32_t>(s.tokens.size());
  for (int32_t i = 0; i < n; ++i) {
    const int32_t h = s.tokens[i].head;
    if (h >= 0 && h < n && h != i) children_[h].push_back(i);
  }
}

int32_t Tree::Child(int32_t i, std::string_view rel) const {
  for (int32_t c : children_[i]) {
    if (Is(c, rel)) return c;
  }
  return -1;
}

bool Tree::Is(int32_t i, std::string_view rel) const {
  const std::string_view d = deprel(i);
  return d == rel ||
         (d.size() > rel.size() && d.substr(0, rel.size()) == rel && d[rel.size()] == ':');
}

int32_t Tree::NameHead(int32_t i) const {
  while (head(i) >= 0 && (Is(i, "flat") || Is(i, "compound"))) i = head(i);
  return i;
}

std::vector<int32_t> Tree::WithConjuncts(int32_t i) const {
  std::vector<int32_t> out{i};
  // Conjuncts hang off the first conjunct; nested ones off each other.
  for (size_t k = 0; k < out.size() && out.size() < 32; ++k) {
    for (int32_t c : children_[out[k]]) {
      if (deprel(c) == "conj" && upos(c) == upos(i)) out.push_back(c);
    }
  }
  return out;
}

std::string LowerLemma(const Tree& tree, int32_t i) {
  std::string_view l = tree.lemma(i);
  if (l.empty()) l = tree.token(i).form;
  return AsciiLower(l);
}

namespace {

// Verbs whose clausal complement is what someone said: facts inside are attributed to them.
bool IsSpeechVerb(std::string_view lemma) {
  static constexpr std::string_view kVerbs[] = {
      "say",       "tell",      "state",    "add",     "note",        "announce",  "claim",
      "report",    "stress",    "argue",    "warn",    "acknowledge", "reiterate", "confirm",
      "write",     "insist",    "explain",  "suggest", "assert",      "allege",    "declare",
      "emphasize", "emphasise", "indicate", "signal",  "reply",       "respond",   "believe",
      "think",     "accuse",    "describe"};
  return InLexicon(kVerbs, lemma);
}

// Verbs that deny what their complement says: "refused to meet", "ruled out ceding".
bool IsNegatingGovernor(const Tree& t, int32_t verb) {
  static constexpr std::string_view kVerbs[] = {"refuse", "decline", "fail", "deny", "reject"};
  static constexpr std::string_view kRule[] = {"rule"};
  static constexpr std::string_view kStop[] = {"stop"};
  const std::string lemma = LowerLemma(t, verb);
  if (InLexicon(kVerbs, lemma)) return true;
  for (int32_t c : t.children(verb)) {
    const std::string child = LowerLemma(t, c);
    if (InLexicon(kRule, lemma) && child == "out") return true;
    if (InLexicon(kStop, lemma) && child == "short") return true;
  }
  return false;
}

// Verbs and nouns whose complement is wanted of someone: "demanded that X leave", "urged X to
// leave", "the demand that X leave".
bool IsDemandGovernor(std::string_view lemma) {
  static constexpr std::string_view kWords[] = {
      "demand",     "insist",    "urge",      "ask",       "call",      "want",     "require",
      "request",    "seek",      "propose",   "press",     "order",     "pressure", "push",
      "insistence", "condition", "ultimatum", "stipulate", "recommend", "encourage"};
  return InLexicon(kWords, lemma);
}

// Verbs after which their complement is intended rather than done: lower confidence.
bool IsIntentionGovernor(std::string_view lemma) {
  static constexpr std::string_view kVerbs[] = {"expect", "plan", "hope",   "want",    "seek",
                                                "try",    "aim",  "intend", "propose", "wish"};
  return InLexicon(kVerbs, lemma);
}

bool IsRelativePronoun(const Tree& t, int32_t i) {
  const std::string l = LowerLemma(t, i);
  return (l == "who" || l == "which" || l == "that" || l == "whom") &&
         (t.upos(i) == "PRON" || t.upos(i) == "DET");
}

bool IsPredicate(const Tree& t, int32_t i) {
  if (t.Is(i, "aux") || t.Is(i, "cop")) return false;
  // "Toronto-listed", "Kumasi-based": the second half of a name's modifier, however parsed.
  if (i >= 1 && LocatingModifierAt(t.sentence().tokens, static_cast<size_t>(i - 1))) return false;
  if (t.upos(i) == "VERB") return true;
  // A participle tagged as an adjective still heads a clause: "Gruenbaum, recently appointed as".
  if (t.upos(i) == "ADJ" && t.token(i).xpos == "VBN" && t.Child(i, "cop") < 0) return true;
  // A gerund tagged as a noun but with an object: "After meeting Trump in Switzerland".
  if (t.upos(i) == "NOUN" && t.Child(i, "obj") >= 0 && t.token(i).form.size() > 4 &&
      t.token(i).form.substr(t.token(i).form.size() - 3) == "ing") {
    return true;
  }
  return t.Child(i, "cop") >= 0;  // "X is an envoy": the nominal heads the clause
}

// The preposition of an oblique, its case markers joined: "with", "according_to".
std::string CaseMarker(const Tree& t, int32_t i) {
  std::string out;
  for (int32_t c : t.children(i)) {
    if (!t.Is(c, "case")) continue;
    if (!out.empty()) out.push_back('_');
    // "according to" whatever the lemmatiser made of "according" ("accord").
    const std::string lemma = LowerLemma(t, c);
    out += lemma == "accord" ? "according" : lemma;
    for (int32_t f : t.children(c)) {
      if (t.Is(f, "fixed")) out.append("_").append(LowerLemma(t, f));
    }
  }
  return out;
}

class Reader final {
 public:
  explicit Reader(const Tree& t)
      : t_(t), dateline_end_(static_cast<int32_t>(DatelineEnd(t.sentence()))) {}

  std::vector<Proposition> Run() {
    std::vector<Proposition> out;
    for (int32_t p = 0; p < static_cast<int32_t>(t_.size()); ++p) {
      if (IsPredicate(t_, p)) out.push_back(Read(p));
    }
    return out;
  }

 private:
  // The subjects a predicate states itself, passive agents first.
  std::vector<int32_t> OwnSubjects(int32_t p, bool passive) const {
    std::vector<int32_t> out;
    if (passive) {
      for (int32_t c : t_.children(p)) {
        if (t_.Is(c, "obl") && (t_.deprel(c) == "obl:agent" || CaseMarker(t_, c) == "by")) {
          for (int32_t s : t_.WithConjuncts(c)) out.push_back(s);
        }
      }
      return out;
    }
    for (int32_t c : t_.children(p)) {
      if (t_.Is(c, "nsubj") || t_.Is(c, "csubj")) {
        for (int32_t s : t_.WithConjuncts(c)) {
          // "Witkoff, who met Putin": the relative pronoun stands for the noun it modifies.
          if (IsRelativePronoun(t_, s) && t_.Is(p, "acl")) s = t_.head(p);
          // "said Abena Owusu-Ansah, who heads the alliance" parsed as a complement of "said":
          // "who" after a comma is still the name before it.
          if (LowerLemma(t_, s) == "who" && !t_.Is(p, "acl") && s >= 2 &&
              t_.token(s - 1).form == ",") {
            const int32_t named = t_.NameHead(s - 2);
            if (t_.upos(named) == "PROPN" || t_.upos(named) == "NOUN") s = named;
          }
          // A dateline taken for the subject ("Brussels: EU envoy X met ..."): its apposition
          // after the dateline is; "CALI, Colombia, Nov 18 (AFP) - Thousands of workers walked
          // off": the other subject is.
          if (s < dateline_end_) {
            const int32_t appos = t_.Child(s, "appos");
            if (appos < dateline_end_) continue;
            s = appos;
          }
          out.push_back(s);
        }
      }
    }
    return out;
  }

  // The object of a speech verb that is really the subject of the clause `p` it governs: `p` a
  // complement clause with a finite verb and no subject of its own, right after the object
  // ("said their negotiator, Hamdan Yousif, would travel"). -1 when there is none.
  int32_t ObjectTakenForSubject(int32_t p) const {
    const int32_t h = t_.head(p);
    if (h < 0 || !t_.Is(p, "ccomp") || !IsSpeechVerb(LowerLemma(t_, h))) return -1;
    if (t_.Child(p, "nsubj") >= 0 || t_.Child(p, "nsubj:pass") >= 0 || t_.Child(p, "mark") >= 0) {
      return -1;
    }
    const int32_t o = t_.Child(h, "obj");
    if (o < 0 || o > p) return -1;
    bool finite =
        t_.token(p).xpos == "VBD" || t_.token(p).xpos == "VBZ" || t_.token(p).xpos == "VBP";
    for (int32_t c : t_.children(p)) finite |= t_.Is(c, "aux") || t_.Is(c, "cop");
    return finite ? o : -1;
  }

  static bool IsPassive(const Tree& t, int32_t p) {
    return t.Child(p, "nsubj:pass") >= 0 || t.Child(p, "aux:pass") >= 0;
  }

  // Subjects, inherited through control, coordination and modifier clauses when the predicate
  // has none of its own.
  std::vector<int32_t> Subjects(int32_t p, bool* inherited, int depth = 0) const {
    std::vector<int32_t> own = OwnSubjects(p, IsPassive(t_, p));
    if (!own.empty() || depth > 6) return own;
    const int32_t h = t_.head(p);
    if (h < 0) return own;
    *inherited = true;
    // "said their negotiator would travel", parsed with the subject as the object of "said".
    if (const int32_t o = ObjectTakenForSubject(p); o >= 0) return t_.WithConjuncts(o);
    if (t_.Is(p, "xcomp")) {
      // Object control: "urged both sides to talk" -> both sides talk.
      const int32_t obj = t_.Child(h, "obj") >= 0 ? t_.Child(h, "obj") : t_.Child(h, "iobj");
      if (obj >= 0 && obj != p) return t_.WithConjuncts(obj);
      // Subject control, also through a passive: "Dmitriev is expected to meet" -> Dmitriev.
      const int32_t subject = t_.Child(h, "nsubj");
      if (subject >= 0) return t_.WithConjuncts(subject);
      return Subjects(h, inherited, depth + 1);
    }
    // "Zelensky, speaking from Dublin, ...": a participle the parser hung on a name (the clause
    // around it misparsed) describes that name.
    if (t_.Is(p, "advcl") && (t_.upos(h) == "PROPN" || t_.upos(h) == "NOUN") &&
        (t_.token(p).xpos == "VBG" || t_.token(p).xpos == "VBN")) {
      return {h};
    }
    if (t_.Is(p, "conj") || t_.Is(p, "advcl")) return Subjects(h, inherited, depth + 1);
    if (t_.Is(p, "acl")) {
      // "the talks, framed as ...": a participle's subject is the noun it modifies, unless that
      // noun is its object (passive participle handled by the caller's role swap).
      return {h};
    }
    return own;
  }

  Proposition Read(int32_t p) {
    Proposition prop;
    prop.predicate = p;
    prop.passive = IsPassive(t_, p);
    const bool copular = t_.Child(p, "cop") >= 0;
    prop.relation = copular ? "be" : LowerLemma(t_, p);
    prop.predicate_tokens.push_back(p);
    for (int32_t c : t_.children(p)) {
      const std::string lemma = LowerLemma(t_, c);
      // A particle makes the verb: "ruled out", also when the parser did not call it one.
      const bool particle =
          t_.deprel(c) == "compound:prt" ||
          (c == p + 1 && (lemma == "out" || lemma == "up" || lemma == "down" || lemma == "off") &&
           (t_.upos(c) == "ADP" || t_.upos(c) == "ADV"));
      if (particle) {
        prop.relation.append("_").append(lemma);
        prop.predicate_tokens.push_back(c);
      } else if (t_.Is(c, "aux") || t_.Is(c, "cop")) {
        prop.predicate_tokens.push_back(c);
        if (lemma == "may" || lemma == "might" || lemma == "could" || lemma == "would" ||
            lemma == "should") {
          prop.confidence *= 0.7f;
        }
        if (lemma == "must") prop.irrealis = true;
      } else if (t_.Is(c, "advmod") && (lemma == "not" || lemma == "never" || lemma == "n't")) {
        prop.negated = true;
        prop.predicate_tokens.push_back(c);
      } else if (t_.Is(c, "mark") && (lemma == "if" || lemma == "unless")) {
        prop.confidence *= 0.6f;
      }
    }
    std::sort(prop.predicate_tokens.begin(), prop.predicate_tokens.end());

    prop.subjects = Subjects(p, &prop.inherited_subject);
    if (prop.inherited_subject) prop.confidence *= 0.9f;

    // Not the object that is its complement clause's subject (ObjectTakenForSubject).
    int32_t complement_subject = -1;
    for (int32_t k : t_.children(p)) {
      if (const int32_t o = ObjectTakenForSubject(k); o >= 0) complement_subject = o;
    }
    for (int32_t c : t_.children(p)) {
      // (Nor a dateline the parser hung on the verb: "BOGOTA, Nov 3 (Reuters) - The strike was
      // called by the union" says where the story was filed, not what was called.)
      if (c == complement_subject || c < dateline_end_) continue;
      if (t_.Is(c, "obj") || t_.Is(c, "iobj") || (prop.passive && t_.Is(c, "nsubj"))) {
        for (int32_t o : t_.WithConjuncts(c)) {
          // "Danubia Steel, which is owned by X": the relative pronoun is the noun it follows.
          // (A passive's subject only: an object "that" may open a content clause the parser
          // took for a relative one, "rejected suggestions that X was seeking to avoid".)
          if (prop.passive && t_.Is(c, "nsubj") && IsRelativePronoun(t_, o) &&
              t_.deprel(p) == "acl:relcl") {
            o = t_.head(p);
          }
          prop.arguments.push_back({o, ArgumentRole::kDirect, {}});
        }
      } else if (t_.Is(c, "obl") &&
                 !(prop.passive && (t_.deprel(c) == "obl:agent" || CaseMarker(t_, c) == "by"))) {
        if (t_.deprel(c) == "obl:tmod") continue;  // "on Tuesday": when, not whom
        const std::string prep = CaseMarker(t_, c);
        for (int32_t o : t_.WithConjuncts(c)) {
          prop.arguments.push_back({o, ArgumentRole::kOblique, prep});
        }
      } else if (t_.Is(c, "xcomp") || t_.Is(c, "ccomp") || t_.Is(c, "csubj")) {
        prop.arguments.push_back({c, ArgumentRole::kComplement, {}});
      }
    }
    // "the areas it controls": the relative clause's missing object is the noun it modifies.
    if (t_.Is(p, "acl") && !prop.passive) {
      bool has_object = false;
      for (const auto& a : prop.arguments) has_object |= a.role == ArgumentRole::kDirect;
      const bool own_subject = !prop.inherited_subject;
      if (!has_object && own_subject && t_.deprel(p) == "acl:relcl") {
        prop.arguments.push_back({t_.head(p), ArgumentRole::kDirect, {}});
      }
    }
    // A passive participle modifying a noun: "talks held in Geneva" -> the noun is the patient.
    // (Not "the Forces ruled out leaving": a participle with an object or a clause is active.)
    const bool takes_object = t_.Child(p, "obj") >= 0 || t_.Child(p, "xcomp") >= 0 ||
                              t_.Child(p, "ccomp") >= 0 || t_.Child(p, "compound:prt") >= 0;
    // But "FIFA, based in Zurich", "a group headquartered in Cairo": the noun is where it sits.
    const std::string participle = AsciiLower(t_.token(p).form);
    if (t_.Is(p, "acl") && IsParticipleBeforePlace(participle)) {
      prop.relation = LocatingRelation(participle);
    } else if (t_.Is(p, "acl") && t_.token(p).xpos == "VBN" && prop.inherited_subject &&
               !takes_object) {
      prop.arguments.insert(prop.arguments.begin(), {t_.head(p), ArgumentRole::kDirect, {}});
      prop.subjects.clear();
      prop.passive = true;
    } else if (prop.passive && prop.subjects.empty() && IsParticipleBeforePlace(participle)) {
      // "Ormond is based in Nenagh", "VHC, which is headquartered in Dushanbe": no one based it;
      // what is based somewhere is the subject of where it is, as in "Ormond, based in Nenagh".
      const auto direct = [](const Argument& a) { return a.role == ArgumentRole::kDirect; };
      for (const Argument& a : prop.arguments) {
        if (direct(a)) prop.subjects.push_back(a.head);
      }
      std::erase_if(prop.arguments, direct);
      prop.relation = LocatingRelation(participle);
      prop.passive = false;
    }

    // Negated, intended or demanded by what governs this clause, also through coordination
    // ("demanded that Kyiv abandon X and reject Y").
    int32_t q = p;
    while (t_.Is(q, "conj") && t_.head(q) >= 0) q = t_.head(q);
    const int32_t h = t_.head(q);
    if (h >= 0 && (t_.Is(q, "xcomp") || t_.Is(q, "ccomp") || t_.Is(q, "advcl") || t_.Is(q, "obj") ||
                   t_.Is(q, "acl") || t_.Is(q, "appos"))) {
      const std::string governor = LowerLemma(t_, h);
      if (IsNegatingGovernor(t_, h)) prop.negated = true;
      if (IsIntentionGovernor(governor)) prop.confidence *= 0.85f;
      // Not "insisted, arguing that ..." (an adverbial clause), but "urged X to lift" even when
      // parsed as one.
      const int32_t mark = t_.Child(q, "mark");
      const bool to_infinitive = mark >= 0 && LowerLemma(t_, mark) == "to";
      if (IsDemandGovernor(governor) && (!t_.Is(q, "advcl") || to_infinitive)) {
        prop.irrealis = true;
      }
    }
    if (q != p) {
      for (int32_t c : t_.children(q)) {
        if (t_.Is(c, "aux") && LowerLemma(t_, c) == "must") prop.irrealis = true;
      }
    }
    prop.speaker = Speaker(p);
    return prop;
  }

  // Who said the clause of `p`: the subject of a speech verb above it, a speech verb beside it
  // ("..., Ushakov said."), or an "according to" phrase.
  int32_t Speaker(int32_t p) const {
    for (int32_t q = p, depth = 0; q >= 0 && depth < 8; q = t_.head(q), ++depth) {
      for (int32_t c : t_.children(q)) {
        if (t_.Is(c, "obl") && CaseMarker(t_, c) == "according_to") return c;
        if (t_.Is(c, "parataxis") && IsSpeechVerb(LowerLemma(t_, c))) {
          bool unused = false;
          const auto subjects = Subjects(c, &unused);
          if (!subjects.empty()) return subjects.front();
        }
      }
      const int32_t h = t_.head(q);
      if (h >= 0 && t_.Is(q, "ccomp") && IsSpeechVerb(LowerLemma(t_, h))) {
        bool unused = false;
        const auto subjects = Subjects(h, &unused);
        if (!subjects.empty()) return subjects.front();
      }
      if (!(t_.Is(q, "conj") || t_.Is(q, "ccomp") || t_.Is(q, "xcomp") || t_.Is(q, "advcl"))) {
        break;
      }
    }
    return -1;
  }

  const Tree& t_;
  const int32_t dateline_end_;  // tokens before it are a dateline
};

}  // namespace

std::vector<Proposition> FindPropositions(const Tree& tree) { return Reader(tree).Run(); }

}  // namespace kg::extract
