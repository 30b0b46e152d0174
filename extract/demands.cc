#include "extract/demands.h"

#include <algorithm>
#include <optional>
#include <set>

#include "core/text.h"
#include "extract/cues.h"
#include "extract/facts.h"

namespace kg::extract {
namespace {

// How many earlier sentences "this demand" may reach back to.
constexpr size_t kReferenceWindow = 10;
// Longest demand label, in words.
constexpr size_t kMaxLabelWords = 14;

template <size_t N>
bool In(const std::string_view (&words)[N], std::string_view w) {
  return InLexicon(words, w);
}

// Verbs whose that-clause is the demand: "insists that Kyiv abandon ...".
bool IsClauseDemandVerb(std::string_view l) {
  static constexpr std::string_view kWords[] = {"demand",  "insist", "require",   "ask",
                                                "request", "urge",   "stipulate", "propose"};
  return In(kWords, l);
}
// Verbs whose object is told to act: "urged both sides to consider ...", "called on X to ...".
bool IsControlDemandVerb(std::string_view l) {
  static constexpr std::string_view kWords[] = {"urge",  "ask",  "press",    "call", "want",
                                                "order", "tell", "pressure", "push", "encourage"};
  return In(kWords, l);
}
// Verbs whose object names the demand: "is seeking Ukraine's withdrawal".
bool IsNominalDemandVerb(std::string_view l) {
  static constexpr std::string_view kWords[] = {"demand", "seek", "want", "require", "request"};
  return In(kWords, l);
}
// Verbs whose "for"/"on" phrase is the demand: "push for the recognition of ...".
bool IsForDemandVerb(std::string_view l) {
  static constexpr std::string_view kWords[] = {"call", "push", "press", "ask", "appeal", "insist"};
  return In(kWords, l);
}
bool IsDemandNoun(std::string_view l) {
  static constexpr std::string_view kWords[] = {"demand",  "insistence", "call",        "condition",
                                                "request", "ultimatum",  "precondition"};
  return In(kWords, l);
}
// Nouns that refer back to demands: "rejected this demand", "positions Ukraine rejected".
bool IsDemandReference(std::string_view l) {
  static constexpr std::string_view kWords[] = {
      "demand",   "insistence", "call", "condition", "request", "ultimatum", "precondition",
      "position", "proposal",   "plan", "term",      "idea",    "concession"};
  return In(kWords, l);
}
// Whether a noun referring to a demand names the verb that made it: "the demand" a "demanded",
// "the call" a "called on", "the request" an "asked".
bool NamesTrigger(std::string_view noun, std::string_view verb) {
  return noun == verb || (noun == "request" && verb == "ask") ||
         (noun == "insistence" && verb == "insist");
}
// "reject", "rule out", "turn down": `relation` is a clause's verb lemma and particle.
bool IsRejectionVerb(std::string_view relation) {
  static constexpr std::string_view kVerbs[] = {"reject", "refuse",  "dismiss",
                                                "oppose", "decline", "veto"};
  static constexpr std::string_view kRule[] = {"rule"};
  static constexpr std::string_view kTurn[] = {"turn"};
  const size_t underscore = relation.find('_');
  const std::string_view verb = relation.substr(0, underscore);
  const std::string_view particle =
      underscore == std::string_view::npos ? std::string_view() : relation.substr(underscore + 1);
  return In(kVerbs, verb) || (In(kRule, verb) && particle == "out") ||
         (In(kTurn, verb) && particle == "down");
}
// What one declines to do when declining to talk: "declined to comment", "refused to say".
bool IsSayingVerb(std::string_view l) {
  static constexpr std::string_view kWords[] = {"comment", "say",      "speak",  "elaborate",
                                                "confirm", "discuss",  "answer", "reply",
                                                "respond", "disclose", "reveal", "specify"};
  return In(kWords, l);
}
bool IsStopWord(std::string_view l) {
  static constexpr std::string_view kWords[] = {"be",   "have",  "do",  "any",   "all",
                                                "some", "other", "its", "their", "his",
                                                "her",  "such",  "more"};
  return In(kWords, l);
}

bool IsHardBreak(std::string_view form) {
  static constexpr std::string_view kWords[] = {",",
                                                ";",
                                                ":",
                                                "(",
                                                ")",
                                                "\"",
                                                "\xE2\x80\x9C",
                                                "\xE2\x80\x9D",
                                                "\xE2\x80\x94",
                                                "\xE2\x80\x93",
                                                "--",
                                                ".",
                                                "!",
                                                "?"};
  return In(kWords, form);
}

struct DemandRecord {
  int32_t entity = -1;
  size_t sentence = 0;
  std::string trigger;  // the lemma of the word that made it: "demand", "call", "urge"
  std::set<std::string> words;  // content word keys, for matching a rejection to it
  std::set<int32_t> demanders;
};

class Finder final {
 public:
  Finder(Analysis& a, std::vector<Fact>* facts) : a_(a), facts_(facts) {}

  void Run() {
    a_.demanded.resize(a_.sentences.size());
    for (size_t s = 0; s < a_.sentences.size(); ++s) {
      a_.demanded[s].assign(a_.sentences[s].tokens.size(), false);
    }
    for (size_t s = 0; s < a_.sentences.size(); ++s) {
      triggers_.clear();
      for (const Proposition& p : a_.propositions[s]) VerbTrigger(s, p);
      SurfaceTriggers(s);
      NounTriggers(s);
      MustTriggers(s);
      for (const Proposition& p : a_.propositions[s]) Rejection(s, p);
    }
  }

 private:
  const Tree& T(size_t s) const { return a_.trees[s]; }
  std::string Lemma(size_t s, int32_t i) const { return LowerLemma(T(s), i); }
  // Whether clause `c` is marked by "to": a to-infinitive.
  bool MarkedTo(size_t s, int32_t c) const {
    const int32_t mark = T(s).Child(c, "mark");
    return mark >= 0 && Lemma(s, mark) == "to";
  }

  // Where a demand's content ends: at clause punctuation (but ", specifically in ..." goes on),
  // at a relative "that/which/who", at "while", "but", "as well as".
  int32_t ContentEnd(size_t s, int32_t b, int32_t limit) const {
    const Tree& t = T(s);
    const auto n = static_cast<int32_t>(t.size());
    limit = std::min(limit, n);
    for (int32_t i = b; i < limit; ++i) {
      const std::string_view form = t.token(i).form;
      const std::string lower = AsciiLower(form);
      // "3 billion tenge ($6 million) in emergency funds": an aside in brackets goes on.
      if (form == "(" && i > b) {
        int32_t close = i + 1;
        while (close < limit && t.token(close).form != ")" && t.token(close).form != "(") ++close;
        if (close < limit && t.token(close).form == ")") {
          i = close;
          continue;
        }
      }
      if (IsHardBreak(form)) {
        if (form == "," && i + 1 < n) {
          const std::string next = AsciiLower(t.token(i + 1).form);
          if (next == "specifically" || next == "particularly" || next == "especially" ||
              next == "notably" || next == "mainly") {
            continue;
          }
        }
        return i;
      }
      if (i > b + 1 && (lower == "that" || lower == "which" || lower == "who" || lower == "while" ||
                        lower == "but" || lower == "whereas")) {
        return i;
      }
      if (i > b && lower == "as" && i + 1 < n && AsciiLower(t.token(i + 1).form) == "well") {
        return i;
      }
    }
    return limit;
  }

  // A short readable label of tokens [b, e): adverbs and articles dropped, at most
  // kMaxLabelWords words, no dangling function word at the end.
  std::string Label(size_t s, int32_t b, int32_t e) const {
    const Tree& t = T(s);
    std::vector<int32_t> kept;
    for (int32_t i = b; i < e; ++i) {
      const std::string lower = AsciiLower(t.token(i).form);
      if (t.upos(i) == "ADV" && lower != "not" && lower != "never" && lower != "how" &&
          lower != "where" && lower != "when" && lower != "why") {
        continue;
      }
      if (lower == "the" || lower == "a" || lower == "an" || lower == "that") continue;
      if (lower == "to" && t.upos(i) == "PART") continue;  // "Sweden (to) lift the tariffs"
      if (t.upos(i) == "PUNCT" && t.token(i).form != "-") continue;
      kept.push_back(i);
    }
    while (!kept.empty()) {
      const std::string_view u = t.upos(kept.back());
      if (u == "ADP" || u == "CCONJ" || u == "DET" || u == "PART" || u == "SCONJ" || u == "AUX" ||
          u == "PRON") {
        kept.pop_back();
      } else {
        break;
      }
    }
    if (kept.size() > kMaxLabelWords) kept.resize(kMaxLabelWords);
    std::string label;
    for (size_t k = 0; k < kept.size(); ++k) {
      const std::string_view form = t.token(kept[k]).form;
      const bool glue = form == "'s" || form == "\xE2\x80\x99s" || form == "'" ||
                        form == "\xE2\x80\x99" || form == "n't" || form == "-" ||
                        (k > 0 && t.token(kept[k - 1]).form == "-");
      if (!label.empty() && !glue) label.push_back(' ');
      label.append(form);
    }
    return label;
  }

  std::set<std::string> Words(size_t s, int32_t b, int32_t e) const {
    std::set<std::string> out;
    const Tree& t = T(s);
    for (int32_t i = b; i < e; ++i) {
      const std::string_view u = t.upos(i);
      if (u != "NOUN" && u != "VERB" && u != "PROPN" && u != "ADJ") continue;
      // (Not a name or nationality: an article's demands share them. "rejected the Georgian
      // accusations" is not the Georgian demand for a guarantee.)
      if (a_.mention_at[s][i] >= 0) continue;
      std::string l = Lemma(s, i);
      if (IsStopWord(l) || l.size() < 3) continue;
      out.insert(l.substr(0, 5));  // "territory" ~ "territorial", "withdraw" ~ "withdrawal"
    }
    return out;
  }

  Span SpanOf(size_t s, int32_t b, int32_t e) const {
    const Tree& t = T(s);
    return {t.token(b).span.begin, t.token(e - 1).span.end};
  }

  // The demanders of a clause: its subjects, as actors.
  std::vector<Referent> Actors(size_t s, const std::vector<int32_t>& heads) {
    std::vector<Referent> out;
    const Tree& t = T(s);
    for (int32_t h : heads) {
      Referent r = ActorAt(a_, s, h);
      // "The Pacific Islands Private Sector Organisation (PIPSO), a regional business lobby,
      // called on ...", parsed with "called" a participle of "lobby": an apposition is the
      // name it stands beside.
      if (r.entity < 0 && t.Is(h, "appos") && t.head(h) >= 0) r = ActorAt(a_, s, t.head(h));
      if (r.entity >= 0) out.push_back(r);
    }
    return out;
  }

  // "The league said the promise was not enough and demanded that ...", "the minister said the
  // reservoir would be filled and ruled out ...": the parser joined the verb to the reported
  // clause, whose subject (no entity) it then inherited. A promise does not demand; the one who
  // said it does. Empty when `p` is not such a verb.
  // (Not when that subject is people or a body, named or not: "HRW said the detainees went on
  // hunger strike and demanded access to lawyers" is the detainees' demand.)
  std::vector<Referent> SpeakerForConjunct(size_t s, const Proposition& p) {
    const Tree& t = T(s);
    if (!p.inherited_subject || p.speaker < 0 || !t.Is(p.predicate, "conj")) return {};
    for (int32_t subject : p.subjects) {
      if (t.upos(subject) != "NOUN") return {};
      const std::string lemma = Lemma(s, subject);
      const auto kind = a_.gazetteer != nullptr ? a_.gazetteer->ClassOf(lemma) : std::nullopt;
      if (kind == EntityType::kPerson || kind == EntityType::kOrganization ||
          IsOrganizationWord(lemma)) {
        return {};
      }
    }
    return Actors(s, t.WithConjuncts(p.speaker));
  }

  // The first entity named in [b, e) before its first verb: the one a that-clause addresses.
  Referent FirstNamed(size_t s, int32_t b, int32_t e) const {
    for (int32_t i = b; i < e; ++i) {
      if (T(s).upos(i) == "VERB" || T(s).upos(i) == "AUX") break;
      Referent r = EntityAt(a_, s, i);
      if (r.entity >= 0) return r;
    }
    return {};
  }

  // Creates (or finds) the demand of tokens [b, e) and states who makes it, of whom, about what.
  int32_t AddDemand(size_t s, int32_t trigger, const std::vector<Referent>& demanders,
                    Referent addressee, int32_t b, int32_t e, float confidence) {
    if (b >= e) return -1;
    triggers_.insert(trigger);
    // "contingent on X": the condition is what is demanded.
    for (int32_t i = b; i + 1 < e; ++i) {
      const std::string l = AsciiLower(T(s).token(i).form);
      const std::string next = AsciiLower(T(s).token(i + 1).form);
      if ((l == "contingent" || l == "conditional" || l == "conditioned") &&
          (next == "on" || next == "upon") && i + 2 < e) {
        b = i + 2;
        // "contingent on Norland lifting the ban" addresses Norland; "on the release of EU
        // funds" addresses nobody (the EU is what it concerns).
        addressee = a_.mention_at[s][b] >= 0 ? ActorAt(a_, s, b) : Referent{};
        break;
      }
    }
    const std::string label = Label(s, b, e);
    if (label.empty() || label.find(' ') == std::string::npos) return -1;  // one word says nothing
    for (int32_t i = b; i < e; ++i) a_.demanded[s][i] = true;
    const int32_t demand = a_.EntityNamed(label, EntityType::kDemand);
    Entity& entity = a_.entities[demand];
    if (entity.type != EntityType::kDemand) return -1;  // the label is some entity's name
    ++entity.mentions;
    const Span content = SpanOf(s, b, e);
    const Span trigger_span = T(s).token(trigger).span;
    DemandRecord record;
    record.entity = demand;
    record.sentence = s;
    record.trigger = Lemma(s, trigger);
    record.words = Words(s, b, e);
    for (const Referent& d : demanders) {
      record.demanders.insert(d.entity);
      Span span{std::min({d.span.begin, trigger_span.begin, content.begin}),
                std::max({d.span.end, trigger_span.end, content.end})};
      Emit(d.entity, "demands", demand, confidence * d.confidence, s, span);
    }
    // Nobody's demand is addressed to themselves: "the union is seeking the company's
    // withdrawal" names no addressee when the company is no entity.
    if (addressee.entity >= 0 && !record.demanders.count(addressee.entity)) {
      Emit(demand, "addressed_to", addressee.entity, confidence * addressee.confidence, s,
           {std::min(trigger_span.begin, content.begin), content.end});
    }
    std::set<int32_t> concerned;
    for (int32_t i = b; i < e; ++i) {
      const Referent r = EntityAt(a_, s, i);
      if (r.entity < 0 || r.entity == addressee.entity || concerned.count(r.entity)) continue;
      // "Reykjavik must cut ...": the capital addressed as its country is not also concerned.
      if (addressee.entity >= 0 && ActorAt(a_, s, i).entity == addressee.entity) continue;
      if (a_.mention_at[s][i] < 0) continue;  // named here, not only implied
      const EntityType type = a_.entities[r.entity].type;
      if (type != EntityType::kPlace && type != EntityType::kOrganization) continue;
      if (record.demanders.count(r.entity)) continue;
      concerned.insert(r.entity);
      Emit(demand, "concerns", r.entity, confidence, s, content);
    }
    demands_.push_back(std::move(record));
    return demand;
  }

  void Emit(int32_t subject, const char* relation, int32_t object, float confidence, size_t s,
            Span span) {
    if (subject < 0 || object < 0 || subject == object) return;
    Fact f;
    f.subject = static_cast<uint32_t>(subject);
    f.object = static_cast<uint32_t>(object);
    f.relation = relation;
    f.confidence = std::clamp(confidence, 0.05f, 1.0f);
    f.sentence = static_cast<uint32_t>(s);
    const Span sentence = a_.sentences[s].span;
    f.span = {std::max(span.begin, sentence.begin), std::min(span.end, sentence.end)};
    facts_->push_back(std::move(f));
  }

  // The clause of `head` as a content range, its "that" left out.
  std::pair<int32_t, int32_t> ClauseRange(size_t s, int32_t head) const {
    const Tree& t = T(s);
    auto [lo, hi] = t.Extent(head, [&](int32_t c) { return t.Is(c, "mark") && c < head; });
    while (lo < hi && (AsciiLower(t.token(lo).form) == "that" || t.upos(lo) == "PUNCT")) ++lo;
    return {lo, ContentEnd(s, lo, hi + 1)};
  }

  void VerbTrigger(size_t s, const Proposition& p) {
    const Tree& t = T(s);
    const std::string& verb = p.relation;
    if (p.negated) return;
    const bool clause = IsClauseDemandVerb(verb), control = IsControlDemandVerb(verb),
               nominal = IsNominalDemandVerb(verb), for_phrase = IsForDemandVerb(verb);
    if (!clause && !control && !nominal && !for_phrase) return;
    std::vector<Referent> demanders = Actors(s, p.subjects);
    // "The Organisation (PIPSO), a business lobby, called on leaders to ...", with "called" read
    // as a passive participle of "lobby" ("a lobby called on by leaders"): a verb that tells
    // someone to act, after a comma, has the noun for its subject.
    const int32_t v = p.predicate;
    int32_t participle_of = -1;
    if (demanders.empty() && control && t.Is(v, "acl") && v > 0 && t.token(v - 1).form == "," &&
        (t.token(v).xpos == "VBN" || t.token(v).xpos == "VBD")) {
      participle_of = t.head(v);
      // (Not a noun inside a relative clause: "The union, which represents Redwing employees,
      // called on Redwing": the union calls.)
      int32_t caller = participle_of;
      for (int32_t u = participle_of; u >= 0; u = t.head(u)) {
        if (t.deprel(u) == "acl:relcl") caller = t.head(u);
      }
      // (Nor the predicate of a copular clause: "whose members are mainly in Southern
      // Province, called for ...".)
      if (t.Child(caller, "cop") < 0) demanders = Actors(s, {caller});
    }
    if (demanders.empty()) demanders = SpeakerForConjunct(s, p);
    if (demanders.empty()) return;
    const float confidence = p.confidence;
    const auto n = static_cast<int32_t>(t.size());

    // Who is told: "urged both sides", "called on Ethiopia".
    int32_t told = -1;
    for (const Argument& arg : p.arguments) {
      // The first: "wants Iceland and the Faroe Islands to ..." lists the second as an argument
      // of its own.
      if (arg.role == ArgumentRole::kDirect && t.upos(arg.head) != "VERB" && told < 0 &&
          arg.head != participle_of) {
        told = arg.head;
      }
      if (arg.role == ArgumentRole::kOblique && arg.preposition == "on" && verb == "call") {
        told = arg.head;
      }
    }
    // The demanded clause: a complement, or a to-infinitive the parser called adverbial
    // ("urged Sweden | to lift ...").
    std::vector<int32_t> clauses;
    for (const Argument& arg : p.arguments) {
      if (arg.role == ArgumentRole::kComplement) clauses.push_back(arg.head);
    }
    for (int32_t c : t.children(v)) {
      if (t.Is(c, "advcl") && MarkedTo(s, c)) clauses.push_back(c);
    }
    // ... or one it hung on the person told ("asked the bank | to cut rates"), or on the last of
    // those told ("urged the operators and the investor | to sit down").
    if (control && told >= 0) {
      for (int32_t addressed : t.WithConjuncts(told)) {
        for (int32_t c : t.children(addressed)) {
          if (t.Is(c, "acl") && MarkedTo(s, c)) clauses.push_back(c);
        }
      }
    }
    // "wants the agreement tabled in parliament", "wants the plant shut": the object and the
    // state wanted for it, a participle or adjective after it (on the object or on the verb),
    // are the demand.
    if (verb == "want" && told >= 0 && clauses.empty()) {
      bool state = false;
      for (int32_t c : t.children(told)) {
        state =
            state || (c > told && (t.Is(c, "acl") || t.Is(c, "amod")) && t.Child(c, "mark") < 0 &&
                      (t.token(c).xpos == "VBN" || t.token(c).xpos == "JJ"));
      }
      for (int32_t c : t.children(v)) {
        state = state || (t.Is(c, "xcomp") && c > told && t.Child(c, "mark") < 0 &&
                          (t.token(c).xpos == "VBN" || t.upos(c) == "ADJ"));
      }
      if (state) {
        const int32_t lo = t.Extent(told).first;
        AddDemand(s, v, demanders, ActorAt(a_, s, told), lo, ContentEnd(s, lo, n),
                  confidence * 0.9f);
        return;
      }
    }
    for (int32_t clause_head : clauses) {
      auto [b, e] = ClauseRange(s, clause_head);
      const bool infinitive =
          t.Is(clause_head, "xcomp") || t.Is(clause_head, "advcl") || t.Is(clause_head, "acl");
      // "what he called a strategic facility": a name given, not an action asked for.
      if (t.Is(clause_head, "xcomp") && t.upos(clause_head) != "VERB" &&
          !MarkedTo(s, clause_head)) {
        continue;
      }
      // "a diplomat who asked not to be named": a source's wish, no demand.
      if (verb == "ask" && b + 3 < e && AsciiLower(t.token(b).form) == "not") {
        const std::string last = AsciiLower(t.token(b + 3).form);
        if (last == "named" || last == "identified") continue;
      }
      if (infinitive && control && told >= 0) {
        // "urged both sides to consider X" -> "both sides consider X".
        // (Not the clause itself when it hangs on one of those told.)
        auto told_extent = t.Extent(told, [&](int32_t c) { return c == clause_head; });
        while (told_extent.first < told && t.Is(told_extent.first, "case")) ++told_extent.first;
        Referent addressee = ActorAt(a_, s, told);
        int32_t start = b;
        while (start < e && (AsciiLower(t.token(start).form) == "to")) ++start;
        // The addressee's words and the action's, as one label.
        const int32_t demand =
            AddDemandParts(s, v, demanders, addressee, told_extent, {start, e}, confidence);
        // Every one of coordinated addressees.
        for (int32_t other : t.WithConjuncts(told)) {
          const Referent r = ActorAt(a_, s, other);
          if (other == told || r.entity < 0 || demand < 0) continue;
          Emit(demand, "addressed_to", r.entity, confidence * r.confidence, s,
               {t.token(v).span.begin, t.token(e - 1).span.end});
        }
        return;
      }
      if (t.Is(clause_head, "ccomp") && clause) {
        const int32_t subject = t.Child(clause_head, "nsubj");
        Referent addressee = subject >= 0 ? ActorAt(a_, s, subject) : FirstNamed(s, b, e);
        // "that the Authority (ASEZA), which manages the area, revoke the allocation": the
        // content stopped inside the subject; what it must do follows the subject.
        const auto subject_extent = subject >= 0 ? t.Extent(subject) : std::pair{-1, -1};
        if (subject >= 0 && subject < clause_head && e > subject_extent.first &&
            e <= subject_extent.second) {
          int32_t action = subject_extent.second + 1;
          while (action < clause_head && t.upos(action) == "PUNCT") ++action;
          if (action == clause_head) {
            AddDemandParts(s, v, demanders, addressee, {b, e - 1},
                           {action, ContentEnd(s, action, n)}, confidence);
            return;
          }
        }
        AddDemand(s, v, demanders, addressee, b, e, confidence);
        return;
      }
    }
    // The tagger took the verb for a noun ("urged the government to commission an assessment"):
    // read "urged X to ..." off the words.
    // (Also when the parser hung the to-clause on a name inside the phrase told: "wants the
    // Ministry of National Economy | to subsidise fares".)
    if (control && told >= 0 && clauses.empty()) {
      auto told_extent =
          t.Extent(told, [&](int32_t c) { return t.Is(c, "acl") && MarkedTo(s, c); });
      while (told_extent.first < told && t.Is(told_extent.first, "case")) ++told_extent.first;
      const int32_t to = told_extent.second + 1;
      // (An action and its object: not "asked Odinga to his office", "to dinner at State House".)
      const auto object_start = [&](int32_t k) {
        const std::string_view u = t.upos(k);
        return u != "ADP" && u != "PUNCT" && u != "PART" && u != "CCONJ" && u != "SCONJ" &&
               u != "AUX";
      };
      if (to + 2 < n && AsciiLower(t.token(to).form) == "to" &&
          (t.upos(to + 1) == "VERB" || t.upos(to + 1) == "NOUN") && object_start(to + 2)) {
        AddDemandParts(s, v, demanders, ActorAt(a_, s, told), told_extent,
                       {to + 1, ContentEnd(s, to + 1, n)}, confidence * 0.8f);
        return;
      }
    }
    // The parse missed the clause: read "demands that ..." off the words.
    if (clause && v + 2 < n && AsciiLower(t.token(v + 1).form) == "that") {
      const int32_t b = v + 2;
      const int32_t e = ContentEnd(s, b, n);
      AddDemand(s, v, demanders, FirstNamed(s, b, e), b, e, confidence * 0.8f);
      return;
    }
    for (const Argument& arg : p.arguments) {
      if (nominal && arg.role == ArgumentRole::kDirect && t.upos(arg.head) == "NOUN") {
        // "seeking Ukraine's withdrawal from ...": the possessor is addressed. The content runs on
        // to the end of the clause: its prepositional phrases may hang off the verb.
        const int32_t lo = t.Extent(arg.head).first;
        const int32_t e = ContentEnd(s, lo, n);
        const int32_t poss = t.Child(arg.head, "nmod:poss");
        AddDemand(s, v, demanders, poss >= 0 ? EntityAt(a_, s, poss) : Referent{}, lo, e,
                  confidence * 0.9f);
        return;
      }
      if (for_phrase && arg.role == ArgumentRole::kOblique &&
          (arg.preposition == "for" || (verb == "insist" && arg.preposition == "on"))) {
        auto [lo, hi] = t.Extent(arg.head);
        while (lo < hi && t.Is(lo, "case")) ++lo;
        const int32_t e = ContentEnd(s, lo, n);
        const int32_t poss = t.Child(arg.head, "nmod:poss");
        AddDemand(s, v, demanders, poss >= 0 ? EntityAt(a_, s, poss) : Referent{}, lo, e,
                  confidence * 0.9f);
        return;
      }
    }
  }

  // A demand whose label joins the addressee's words and the action's: "both sides consider
  // interim measures".
  int32_t AddDemandParts(size_t s, int32_t trigger, const std::vector<Referent>& demanders,
                         Referent addressee, std::pair<int32_t, int32_t> who,
                         std::pair<int32_t, int32_t> action, float confidence) {
    // The two ranges are usually adjacent around "to"; label them as one range when they are,
    // else the action alone names the demand.
    if (who.second + 1 <= action.first && action.first - who.second <= 2) {
      return AddDemand(s, trigger, demanders, addressee, who.first, action.second, confidence);
    }
    return AddDemand(s, trigger, demanders, addressee, action.first, action.second, confidence);
  }

  // "Serbia in turn insists that ...", when the tagger took "insists" for a noun and the parse
  // has no clause: the demander is the nearest name before the verb.
  void SurfaceTriggers(size_t s) {
    static constexpr std::string_view kForms[] = {"demands", "demanded", "demanding",
                                                  "insists", "insisted", "insisting"};
    const Tree& t = T(s);
    const auto n = static_cast<int32_t>(t.size());
    for (int32_t v = 1; v + 2 < n; ++v) {
      const std::string form = AsciiLower(t.token(v).form);
      if (std::find(std::begin(kForms), std::end(kForms), form) == std::end(kForms)) continue;
      if (AsciiLower(t.token(v + 1).form) != "that" || triggers_.count(v)) continue;
      Referent demander;
      for (int32_t i = v - 1; i >= 0 && demander.entity < 0; --i) {
        if (t.upos(i) == "VERB" && t.Is(i, "root")) break;
        const Referent r = ActorAt(a_, s, i);
        if (r.entity >= 0 && a_.mention_at[s][i] >= 0) demander = r;
      }
      if (demander.entity < 0) continue;
      const int32_t b = v + 2;
      const int32_t e = ContentEnd(s, b, n);
      AddDemand(s, v, {demander}, FirstNamed(s, b, e), b, e, 0.6f);
    }
  }

  // "Moscow's demand that Ukraine relinquish ...", "China's demand for the removal of ...",
  // "Norland's conditions include the return of Holm", "its main demand is a ceasefire".
  void NounTriggers(size_t s) {
    const Tree& t = T(s);
    const auto n = static_cast<int32_t>(t.size());
    for (int32_t i = 0; i + 2 < n; ++i) {
      if (t.upos(i) != "NOUN" || !IsDemandNoun(Lemma(s, i))) continue;
      const std::string next = AsciiLower(t.token(i + 1).form);
      const int32_t poss = t.Child(i, "nmod:poss");
      if (InfinitiveDemand(s, i)) continue;
      if (next != "that" && next != "for") {
        // The possessor's demand as the subject of "include" or of a copula: the content is
        // what follows the verb.
        const int32_t h = t.head(i);
        if (poss < 0 || h < 0 || !t.Is(i, "nsubj")) continue;
        const int32_t cop = t.Child(h, "cop");
        int32_t b = -1;
        if (Lemma(s, h) == "include" && t.Child(h, "obj") > h) {
          b = h + 1;
        } else if (cop > i && t.upos(h) == "NOUN") {
          b = cop + 1;
        }
        const Referent r = b >= 0 ? ActorAt(a_, s, poss) : Referent{};
        if (r.entity < 0) continue;
        AddDemand(s, i, {r}, Referent{}, b, ContentEnd(s, b, n), 0.8f);
        continue;
      }
      std::vector<Referent> demanders;
      if (poss >= 0) {
        Referent r = ActorAt(a_, s, poss);
        if (r.entity >= 0) demanders.push_back(r);
      } else if (t.head(i) >= 0 && t.Is(i, "obj")) {
        // "repeated its demand that ...": the verb's subject makes it; not "rejected calls for
        // a pay rise", whose subject opposes it (Rejections() reads that).
        for (const Proposition& p : a_.propositions[s]) {
          if (p.predicate == t.head(i) && !IsRejectionVerb(p.relation)) {
            demanders = Actors(s, p.subjects);
          }
        }
      }
      if (demanders.empty()) continue;
      const int32_t b = i + 2;
      const int32_t e = ContentEnd(s, b, n);
      AddDemand(s, i, demanders, next == "that" ? FirstNamed(s, b, e) : Referent{}, b, e, 0.8f);
    }
  }

  // A demand noun the verb's subject issues, with what is demanded as a to-infinitive: "gave
  // the government a 72-hour ultimatum to annul the concession", "issued an ultimatum to the
  // government to scrap it", "repeated its call to lift the sanctions". The one given it (an
  // indirect object, "to" someone) is addressed. True when it added a demand.
  bool InfinitiveDemand(size_t s, int32_t noun) {
    const Tree& t = T(s);
    const int32_t verb = t.head(noun);
    if (verb < 0 || !t.Is(noun, "obj") || t.upos(verb) != "VERB") return false;
    const auto to_infinitive = [&](int32_t c) {
      return t.upos(c) == "VERB" && MarkedTo(s, c) && c > noun;
    };
    int32_t action = -1;
    for (int32_t c : t.children(noun)) {
      if (t.Is(c, "acl") && to_infinitive(c)) action = c;
    }
    for (int32_t c : t.children(verb)) {
      if (action < 0 && (t.Is(c, "advcl") || t.Is(c, "xcomp")) && to_infinitive(c)) action = c;
    }
    if (action < 0) return false;
    std::vector<Referent> demanders;
    for (const Proposition& p : a_.propositions[s]) {
      if (p.predicate == verb && !p.negated && !IsRejectionVerb(p.relation)) {
        demanders = Actors(s, p.subjects);
      }
    }
    if (demanders.empty()) return false;
    Referent addressee;
    for (int32_t c : t.children(verb)) {
      const int32_t k = t.Child(c, "case");
      if (t.Is(c, "iobj") || (t.Is(c, "obl") && k >= 0 && Lemma(s, k) == "to")) {
        addressee = ActorAt(a_, s, c);
      }
    }
    auto [b, e] = ClauseRange(s, action);
    while (b < e && AsciiLower(t.token(b).form) == "to") ++b;
    return AddDemand(s, noun, demanders, addressee, b, e, 0.8f) >= 0;
  }

  // "Russian officials reiterated that territorial issues must be resolved": "must" in what
  // someone said, or in a position someone holds, is their demand.
  void MustTriggers(size_t s) {
    const Tree& t = T(s);
    for (const Proposition& p : a_.propositions[s]) {
      bool must = false;
      for (int32_t c : t.children(p.predicate)) {
        if (t.Is(c, "aux") && Lemma(s, c) == "must") must = true;
      }
      // "Vestria said any deal is contingent on Norland lifting the ban": the condition is a
      // demand too (AddDemand keeps what follows "contingent on").
      const std::string predicate = Lemma(s, p.predicate);
      if (predicate == "contingent" || predicate == "conditional" || predicate == "conditioned") {
        must = true;
      }
      // "made his support conditional on the release of the funds": the maker demands it (the
      // adjective a complement of "made", or parsed as a modifier of its object).
      if (predicate == "make" && !p.negated) {
        std::vector<int32_t> candidates;
        for (int32_t c : t.children(p.predicate)) {
          if (t.Is(c, "xcomp")) candidates.push_back(c);
          if (!t.Is(c, "obj")) continue;
          for (int32_t a : t.children(c)) {
            if (t.Is(a, "amod") && a > c) candidates.push_back(a);
          }
        }
        for (int32_t c : candidates) {
          const std::string l = Lemma(s, c);
          if (l != "contingent" && l != "conditional" && l != "conditioned") continue;
          const std::vector<Referent> makers = Actors(s, p.subjects);
          if (makers.empty()) continue;
          auto [b, e] = ClauseRange(s, c);
          AddDemand(s, c, makers, Referent{}, b, e, p.confidence * 0.8f);
        }
        continue;
      }
      if (!must || p.negated) continue;
      std::vector<Referent> demanders;
      // The nearest holder: a speaker, the possessor of a "position", a governing verb's subject.
      const int32_t h = t.head(p.predicate);
      if (h >= 0 && t.upos(h) == "NOUN" && t.Child(h, "nmod:poss") >= 0) {
        Referent r = ActorAt(a_, s, t.Child(h, "nmod:poss"));
        if (r.entity >= 0) demanders.push_back(r);
      }
      if (demanders.empty() && p.speaker >= 0) {
        Referent r = ActorAt(a_, s, p.speaker);
        if (r.entity >= 0) demanders.push_back(r);
      }
      if (demanders.empty()) continue;
      auto [b, e] = ClauseRange(s, p.predicate);
      Referent addressee;
      if (!p.subjects.empty()) addressee = ActorAt(a_, s, p.subjects.front());
      AddDemand(s, p.predicate, demanders, addressee, b, e, p.confidence * 0.7f);
    }
  }

  // The demand a rejected phrase refers to: "this demand" the latest; "the union's demand" the
  // union's latest; a content phrase the demand sharing most words, else a new demand.
  std::vector<int32_t> Targets(size_t s, int32_t head) {
    const Tree& t = T(s);
    std::vector<int32_t> out;
    // "rejected that demand", however the parser attached it: a demand word right after the
    // pointing word is the phrase that was rejected.
    for (int32_t i = std::max(0, head - 1); i <= head + 1 && i + 1 < static_cast<int32_t>(t.size());
         ++i) {
      const std::string w = AsciiLower(t.token(i).form);
      if ((w == "this" || w == "that" || w == "these" || w == "those" || w == "such") &&
          IsDemandReference(Lemma(s, i + 1))) {
        head = i + 1;
        break;
      }
    }
    const std::string lemma = Lemma(s, head);
    const std::string before = head > 0 ? AsciiLower(t.token(head - 1).form) : "";
    const bool pointing = before == "this" || before == "that" || before == "these" ||
                          before == "those" || before == "such";
    // "rejected calls for a pay rise", "dismissed the proposal to borrow jointly": a reference
    // that says what it refers to is matched by what it says, not to the latest demand.
    int32_t content = -1;
    for (int32_t c : t.children(head)) {
      const int32_t k = t.Is(c, "nmod") ? t.Child(c, "case") : -1;
      if ((k >= 0 && LowerLemma(t, k) == "for") || t.Is(c, "acl") || t.Is(c, "ccomp")) {
        content = c;
        break;
      }
    }
    // ... also when the parser hung the "for" phrase on the verb: "rejected calls | for a rise".
    if (content < 0 && t.head(head) >= 0 && head + 1 < static_cast<int32_t>(t.size()) &&
        AsciiLower(t.token(head + 1).form) == "for") {
      for (int32_t c : t.children(t.head(head))) {
        if (t.Is(c, "obl") && t.Child(c, "case") == head + 1) content = c;
      }
    }
    // ... or its to-infinitive: "rejected calls | to annul the contract".
    if (content < 0 && t.head(head) >= 0 && head + 1 < static_cast<int32_t>(t.size()) &&
        AsciiLower(t.token(head + 1).form) == "to") {
      for (int32_t c : t.children(t.head(head))) {
        if ((t.Is(c, "advcl") || t.Is(c, "xcomp")) && t.Child(c, "mark") == head + 1) content = c;
      }
    }
    if (t.upos(head) == "NOUN" && IsDemandReference(lemma) && !pointing && content >= 0) {
      head = content;
    } else if (t.upos(head) == "NOUN" && (IsDemandReference(lemma) || pointing)) {
      // Whose demand: "the union's demand", "Russia's demands". "These European demands" name
      // an owner this article has no entity for: not any demand found here.
      int32_t owner = -1;
      for (int32_t c : t.children(head)) {
        const bool modifier = t.Is(c, "nmod:poss") || t.Is(c, "amod") || t.Is(c, "compound");
        if (!modifier) continue;
        if (t.Is(c, "nmod:poss") || a_.mention_at[s][c] >= 0) {
          owner = ActorAt(a_, s, c).entity;
          if (owner < 0 && t.upos(c) != "PRON") return {};
        } else if (!t.token(c).form.empty() && t.token(c).form[0] >= 'A' &&
                   t.token(c).form[0] <= 'Z') {
          return {};
        }
      }
      const bool plural = t.token(head).xpos == "NNS";
      // "rejected the demand" after "demanded that ... withdraw" and "called on ... to block": the
      // demand the noun names by its verb, when there is one; else the latest.
      if (!plural && !pointing) {
        for (auto it = demands_.rbegin(); it != demands_.rend(); ++it) {
          if (s - it->sentence > kReferenceWindow) break;
          if (owner >= 0 && !it->demanders.count(owner)) continue;
          if (NamesTrigger(lemma, it->trigger)) return {it->entity};
        }
      }
      for (auto it = demands_.rbegin(); it != demands_.rend(); ++it) {
        if (s - it->sentence > kReferenceWindow) break;
        if (owner >= 0 && !it->demanders.count(owner)) continue;
        out.push_back(it->entity);
        // "positions Ukraine has rejected": every demand of the latest sentence that has some.
        if (!plural || (it + 1 != demands_.rend() && (it + 1)->sentence != it->sentence)) break;
      }
      if (!out.empty() || IsDemandReference(lemma)) return out;
    }
    auto [lo, hi] = t.Extent(head);
    while (lo < hi && t.Is(lo, "case")) ++lo;  // "for a pay rise": the rise
    const int32_t e = ContentEnd(s, lo, hi + 1);
    const std::set<std::string> words = Words(s, lo, e);
    size_t best_overlap = 0;
    int32_t best = -1;
    for (auto it = demands_.rbegin(); it != demands_.rend(); ++it) {
      size_t overlap = 0;
      for (const auto& w : words) overlap += it->words.count(w);
      if (overlap > best_overlap) {
        best_overlap = overlap;
        best = it->entity;
      }
    }
    if (best >= 0) return {best};
    // Nothing demanded it in this article: the rejected content is a demand of its own.
    const std::string label = Label(s, lo, e);
    if (label.empty() || label.find(' ') == std::string::npos) return {};
    const int32_t demand = a_.EntityNamed(label, EntityType::kDemand);
    if (a_.entities[demand].type != EntityType::kDemand) return {};
    ++a_.entities[demand].mentions;
    DemandRecord record;
    record.entity = demand;
    record.sentence = s;
    record.words = words;
    demands_.push_back(std::move(record));
    return {demand};
  }

  void Rejection(size_t s, const Proposition& p) {
    const Tree& t = T(s);
    // "demanding that Kyiv ... reject any NATO presence": a demanded rejection is not one.
    if (p.irrealis || a_.demanded[s][p.predicate]) return;
    const bool rejects = IsRejectionVerb(p.relation) && !p.negated;
    const bool refuses_to_accept =
        p.negated && (p.relation == "accept" || p.relation == "agree" || p.relation == "endorse");
    if (!rejects && !refuses_to_accept) return;
    std::vector<Referent> rejecters = Actors(s, p.subjects);
    if (rejecters.empty()) rejecters = SpeakerForConjunct(s, p);
    if (rejecters.empty()) return;
    for (const Argument& arg : p.arguments) {
      // (A noun after the verb with no preposition is its object even when the parser hung it
      // on as an oblique: "ruled out ceding territory" with "ceding" taken for a compound.)
      // (A bare "obl" only: not "refused several times", an obl:npmod.)
      const bool unmarked_after = arg.role == ArgumentRole::kOblique && arg.preposition.empty() &&
                                  arg.head > p.predicate && t.deprel(arg.head) == "obl";
      const bool target = arg.role == ArgumentRole::kDirect ||
                          arg.role == ArgumentRole::kComplement || (rejects && unmarked_after) ||
                          (refuses_to_accept && arg.preposition == "to");
      if (!target) continue;
      // (A guessed object that refers to no demand leaves the others to be read.)
      if (unmarked_after && Targets(s, arg.head).empty()) {
        continue;
      }
      // "declined to comment", "refused to say": silence, not a rejection of anything.
      if (arg.role == ArgumentRole::kComplement && IsSayingVerb(Lemma(s, arg.head))) return;
      // "refused to lift the tariffs": the verb of the complement carries the content.
      for (int32_t demand : Targets(s, arg.head)) {
        for (const Referent& r : rejecters) {
          const Span verb = t.token(p.predicate).span;
          const auto extent = t.Extent(arg.head);
          Emit(r.entity, "rejects", demand, 0.8f * p.confidence * r.confidence, s,
               {std::min(r.span.begin, verb.begin),
                std::max(verb.end, t.token(extent.second).span.end)});
        }
      }
      return;
    }
  }

  Analysis& a_;
  std::vector<Fact>* facts_;
  std::vector<DemandRecord> demands_;
  std::set<int32_t> triggers_;  // tokens of this sentence that already triggered a demand
};

}  // namespace

void FindDemands(Analysis& a, std::vector<Fact>* facts) { Finder(a, facts).Run(); }

}  // namespace kg::extract
