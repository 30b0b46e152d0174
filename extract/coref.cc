#include "extract/coref.h"

#include <map>
#include <optional>
#include <set>

#include "core/text.h"
#include "extract/cues.h"
#include "extract/dateline.h"
#include "extract/facts.h"

namespace kg::extract {
namespace {

// How far back an antecedent may be, in sentences.
constexpr size_t kPronounWindow = 3;
constexpr size_t kDescriptionWindow = 6;

struct Seen {
  int32_t entity;
  size_t sentence;
  bool subject;
  bool adjective = false;  // named by a nationality adjective ("Polish"): never the topic
  bool main = false;       // the subject of the sentence's main clause
};

bool IsHeadOfState(std::string_view role) {
  return role == "president" || role == "minister" || role == "leader" || role == "premier" ||
         role == "chancellor" || role == "king" || role == "queen";
}

class Resolver final {
 public:
  explicit Resolver(Analysis& a) : a_(a) {
    for (const auto& sentence : a.sentences) dateline_end_.push_back(DatelineEnd(sentence));
    // Each entity's stated roles: "president" of Russia, "aide" of the Kremlin.
    for (size_t m = 0; m < a.mentions.size(); ++m) {
      const Mention& mention = a.mentions[m];
      if (mention.role.empty()) continue;
      const int32_t owner =
          mention.role_of >= 0 ? static_cast<int32_t>(a.entity_of_mention[mention.role_of]) : -1;
      roles_[a.entity_of_mention[m]].insert({mention.role, owner});
    }
    // The entities the dateline names, and each organisation's descriptions, the common nouns the
    // text puts beside its name: "digital lender Kilimani Capital", "Liffey Capital, a Dublin
    // stockbroker", "the insurer, Halvard".
    for (size_t m = 0; m < a.mentions.size(); ++m) {
      const Mention& mention = a.mentions[m];
      const uint32_t e = a.entity_of_mention[m];
      if (mention.last <= dateline_end_[mention.sentence]) in_dateline_.insert(e);
      if (a.entities[e].type != EntityType::kOrganization) continue;
      const Tree& t = a.trees[mention.sentence];
      const size_t head = nlp::SpanHead(t.sentence().tokens, mention.first, mention.last);
      if (head == mention.last) continue;
      const auto h = static_cast<int32_t>(head);
      for (int32_t c : t.children(h)) {
        const bool before = c < static_cast<int32_t>(mention.first);
        if (t.upos(c) == "NOUN" && (t.Is(c, "appos") || (before && t.Is(c, "compound")))) {
          descriptions_[e].insert(LowerLemma(t, c));
        }
      }
      if (t.Is(h, "appos") && t.head(h) >= 0 && t.upos(t.head(h)) == "NOUN") {
        descriptions_[e].insert(LowerLemma(t, t.head(h)));
      }
      // The noun right before the name, whichever way the parser joined them.
      const auto before = static_cast<int32_t>(mention.first) - 1;
      if (before >= 0 && t.upos(before) == "NOUN" && (t.head(h) == before || t.head(before) == h)) {
        descriptions_[e].insert(LowerLemma(t, before));
      }
    }
  }

  void Run() {
    for (size_t s = 0; s < a_.sentences.size(); ++s) {
      const Tree& t = a_.trees[s];
      for (int32_t i = 0; i < static_cast<int32_t>(t.size()); ++i) {
        const int32_t m = a_.mention_at[s][i];
        if (m >= 0) {
          // (Not the dateline's names: "LISBON, Nov 3 (Reuters) - ... Its chairman" is not the
          // news agency's.)
          if (a_.mentions[m].first == static_cast<uint32_t>(i) &&
              a_.mentions[m].last > dateline_end_[s]) {
            // (Read at the mention's syntactic head: "Growers" of "Central Cane Growers'
            // Cooperative".)
            const Mention& mention = a_.mentions[m];
            size_t head = nlp::SpanHead(t.sentence().tokens, mention.first, mention.last);
            if (head == mention.last) head = mention.first;
            const auto h = static_cast<int32_t>(head);
            history_.push_back({static_cast<int32_t>(a_.entity_of_mention[m]), s, IsSubject(t, h),
                                a_.mentions[m].from_demonym, IsMainSubject(t, h)});
          }
          continue;
        }
        Referent r = Resolve(s, i);
        if (r.entity < 0) continue;
        a_.coreferent[s][i] = r;
        history_.push_back({r.entity, s, IsSubject(t, i), false, IsMainSubject(t, i)});
      }
    }
  }

 private:
  // The head of the phrase a name is part of: past flat and compound parts, and from a name in
  // apposition to the noun it names ("The regulator, the NDPA, said").
  static int32_t PhraseHead(const Tree& t, int32_t i) {
    i = t.NameHead(i);
    if (t.Is(i, "appos") && t.head(i) >= 0) i = t.head(i);
    return i;
  }

  // Whether the name at `i` is the subject of the sentence's main clause.
  static bool IsMainSubject(const Tree& t, int32_t i) {
    i = PhraseHead(t, i);
    return t.Is(i, "nsubj") && t.head(i) >= 0 && t.head(t.head(i)) < 0;
  }

  static bool IsSubject(const Tree& t, int32_t i) {
    i = PhraseHead(t, i);
    // The agent of a passive is the one acting: "was organised by the Union".
    const int32_t k = t.Child(i, "case");
    const bool agent =
        t.deprel(i) == "obl:agent" || (t.Is(i, "obl") && k >= 0 && LowerLemma(t, k) == "by" &&
                                       t.head(i) >= 0 && t.Child(t.head(i), "aux:pass") >= 0);
    return t.Is(i, "nsubj") || agent;
  }

  EntityType TypeOf(int32_t e) const { return a_.entities[e].type; }

  // The nearest subject of sentence s so far that satisfies ok, or -1.
  template <typename Ok>
  int32_t SubjectHere(size_t s, Ok ok) const {
    for (auto it = history_.rbegin(); it != history_.rend() && it->sentence == s; ++it) {
      if (it->subject && ok(it->entity)) return it->entity;
    }
    return -1;
  }

  // The nearest entity before (s, i) that satisfies ok, within `window` sentences. In the same
  // sentence the nearest; with `subject_here`, a subject of this sentence before nearer names
  // ("Medivax said in a statement from India that it had sold": Medivax). In earlier sentences
  // the main clause's subject ("The regulator, the NDPA, said Delta Crest must restart. Its
  // director": the NDPA), else the nearest subject, else the first named (the topic comes first:
  // "The Agency, a body based in Honiara, said ... Its director").
  template <typename Ok>
  int32_t Nearest(size_t s, size_t window, Ok ok, bool subject_here = false) const {
    if (subject_here) {
      const int32_t here = SubjectHere(s, ok);
      if (here >= 0) return here;
    }
    for (auto it = history_.rbegin(); it != history_.rend(); ++it) {
      if (it->sentence != s) break;
      if (ok(it->entity)) return it->entity;
    }
    for (size_t back = 1; back <= window && back <= s; ++back) {
      const size_t target = s - back;
      int32_t any = -1, subject = -1, main = -1;
      for (auto it = history_.rbegin(); it != history_.rend(); ++it) {
        if (it->sentence > target) continue;
        if (it->sentence < target) break;
        if (!ok(it->entity)) continue;
        if (it->main && main < 0) main = it->entity;
        if (it->subject && subject < 0) subject = it->entity;
        if (!it->adjective) any = it->entity;  // the first named, when no subject shows
      }
      if (main >= 0) return main;
      if (subject >= 0) return subject;
      if (any >= 0) return any;
    }
    return -1;
  }

  Referent Resolve(size_t s, int32_t i) {
    const Tree& t = a_.trees[s];
    const std::string lemma = LowerLemma(t, i);
    const std::string form = AsciiLower(t.token(i).form);
    Referent r;
    r.span = t.token(i).span;
    if (t.upos(i) == "PRON") {
      if (form == "he" || form == "him" || form == "his" || form == "she" || form == "her" ||
          form == "himself" || form == "herself") {
        // "Lavrov met her": an object pronoun is not its own clause's subject (a reflexive is).
        const int32_t own_subject = ClauseSubjectEntity(s, i);
        const bool reflexive = form == "himself" || form == "herself";
        r.entity = Nearest(s, kPronounWindow, [&](int32_t e) {
          return TypeOf(e) == EntityType::kPerson && (reflexive || e != own_subject);
        });
        r.confidence = 0.7f;
      } else if ((form == "it" || form == "its") && !t.Is(i, "expl")) {
        // Not the "it" of "it is expected that": a copula or a clause as its head's subject.
        const int32_t h = t.head(i);
        if (form == "it" && h >= 0 &&
            (t.Child(h, "cop") >= 0 || t.Child(h, "csubj") >= 0 || t.Child(h, "ccomp") >= 0)) {
          return {};
        }
        if (const auto subject = SubjectPhraseBefore(s, i)) return *subject;
        const auto actor = [&](int32_t e) {
          return TypeOf(e) == EntityType::kOrganization || TypeOf(e) == EntityType::kPlace;
        };
        // "Its president, X", "its spokeswoman": an officer's "its" is an organisation's when
        // one is near, rather than a place named beside it ("in warehouses in Can Tho,
        // according to the Federation. Its president"); but the subject of its own sentence
        // first ("Kenya recalled its ambassador").
        if (form == "its" && h >= 0 && IsTitleWord(LowerLemma(t, h))) {
          r.entity = SubjectHere(s, actor);
          if (r.entity < 0) {
            r.entity = Nearest(
                s, 2, [&](int32_t e) { return TypeOf(e) == EntityType::kOrganization; },
                /*subject_here=*/true);
          }
        }
        if (r.entity < 0) r.entity = Nearest(s, 2, actor, /*subject_here=*/true);
        r.confidence = 0.6f;
      } else if (form == "their" || form == "they" || form == "them") {
        // A group named as one: "the Rapid Support Forces ... their negotiator". People are
        // more often "they", so only an organisation of this or the last sentence, and less sure.
        if (const auto subject = SubjectPhraseBefore(s, i)) return *subject;
        r.entity = Nearest(s, 1, [&](int32_t e) { return TypeOf(e) == EntityType::kOrganization; });
        r.confidence = 0.5f;
      }
      return r.entity >= 0 ? r : Referent{};
    }
    // (A common noun the tagger took for a name: "the institute's president".)
    const bool lower_name = t.upos(i) == "PROPN" && t.token(i).form == form;
    if (t.upos(i) != "NOUN" && !lower_name) return {};
    // "the union", or "union" before a title: "union president Gloria Restrepo".
    const int32_t det = t.Child(i, "det");
    // (Only a bare noun naming its kind of body: not "opposition party leader X", whose party
    // is another, nor "company spokesman X", which names no one company.)
    const bool bare = t.children(i).empty() &&
                      (i == 0 || !(t.upos(i - 1) == "NOUN" || t.upos(i - 1) == "ADJ"));
    const bool before_title = det < 0 && bare && lemma != "company" && lemma != "group" &&
                              i + 1 < static_cast<int32_t>(t.size()) && t.Is(i, "compound") &&
                              (IsTitleWord(LowerLemma(t, i + 1)) ||
                               IsTitleModifier(LowerLemma(t, i + 1)));
    if ((det < 0 || LowerLemma(t, det) != "the") && !before_title) return {};
    // "the Russian leader": the adjective's country constrains the role's owner.
    int32_t owner = -1;
    for (int32_t c : t.children(i)) {
      if (t.Is(c, "amod") && a_.mention_at[s][c] >= 0) {
        owner = static_cast<int32_t>(a_.entity_of_mention[a_.mention_at[s][c]]);
      }
    }
    const auto extent = t.Extent(i);
    r.span = {t.token(extent.first).span.begin, t.token(extent.second).span.end};
    if (IsTitleWord(lemma) || lemma == "leader") {
      r.entity = Nearest(s, kDescriptionWindow, [&](int32_t e) {
        if (TypeOf(e) != EntityType::kPerson) return false;
        auto it = roles_.find(e);
        if (it == roles_.end()) return false;
        for (const auto& [role, role_owner] : it->second) {
          // "foreign_minister" is a "minister".
          const std::string_view head = std::string_view(role).substr(role.rfind('_') + 1);
          const bool role_fits = head == lemma || (lemma == "leader" && IsHeadOfState(head));
          if (role_fits && (owner < 0 || OwnerMatches(role_owner, owner))) return true;
        }
        return false;
      });
      r.confidence = 0.7f;
    } else if (IsOrganizationWord(lemma) || IsSeatedInstitutionWord(lemma) ||
               IsBusinessNoun(lemma) || lemma == "group" || lemma == "company" ||
               lemma == "firm") {
      // "the company", "the firm": the organisation nearest; "the lender", "the hospital": one
      // the text described so, or whose name says so.
      r.entity = Nearest(s, kDescriptionWindow, [&](int32_t e) {
        if (TypeOf(e) != EntityType::kOrganization) return false;
        // (Not the news agency of the dateline: "(AP) ... he told The Associated Press ... said
        // the firm".)
        if (in_dateline_.count(e) > 0) return false;
        if (lemma == "company" || lemma == "group" || lemma == "firm") return true;
        if (const auto it = descriptions_.find(e);
            it != descriptions_.end() && it->second.count(lemma) > 0) {
          return true;
        }
        std::string name = " ";
        name.append(NameKey(a_.entities[e].name)).append(" ");
        std::string word = " ";
        word.append(NameKey(lemma)).append(" ");  // folded as the name is ("asociation")
        return name.find(word) != std::string::npos;
      });
      // "the union" of a union that calls itself otherwise, when none is called one.
      if (r.entity < 0 && lemma == "union") {
        r.entity = Nearest(s, kDescriptionWindow, [&](int32_t e) {
          return TypeOf(e) == EntityType::kOrganization && IsWorkersBody(a_.entities[e].name);
        });
      }
      r.confidence = 0.7f;
    }
    return r.entity >= 0 ? r : Referent{};
  }

  // Whether an organisation's name says it is a body of working people, which news calls "the
  // union" whatever it calls itself: "Airline Pilots Association of the Philippines", "Federation
  // of Kenyan Workers" (a body word and a plural noun of people, not of employers).
  bool IsWorkersBody(std::string_view name) const {
    if (a_.gazetteer == nullptr) return false;
    bool body = false, people = false;
    size_t at = 0;
    while (at < name.size()) {
      size_t end = name.find(' ', at);
      if (end == std::string_view::npos) end = name.size();
      std::string word = AsciiLower(name.substr(at, end - at));
      while (!word.empty() && (word.back() == '\'' || word.back() == ',')) word.pop_back();
      body = body || word == "association" || word == "federation" || word == "confederation" ||
             word == "syndicate" || word == "guild";
      if (word.size() > 3 && word.back() == 's' && word != "employers" &&
          a_.gazetteer->ClassOf(word.substr(0, word.size() - 1)) == EntityType::kPerson) {
        people = true;
      }
      at = end + 1;
    }
    return body && people;
  }

  // The entity named as the subject of the clause whose object (or oblique) token i is; -1 when
  // i is a subject or a possessive, or the subject is no entity.
  int32_t ClauseSubjectEntity(size_t s, int32_t i) const {
    const Tree& t = a_.trees[s];
    if (!(t.Is(i, "obj") || t.Is(i, "iobj") || t.Is(i, "obl")) || t.head(i) < 0) return -1;
    const int32_t subject = t.Child(t.head(i), "nsubj");
    if (subject < 0) return -1;
    const int32_t m = a_.mention_at[s][subject];
    return m >= 0 ? static_cast<int32_t>(a_.entity_of_mention[m]) : -1;
  }

  // "The union said its leader ...": a pronoun after a subject of its own sentence that names no
  // entity stands for that subject, not for an entity further back. The subject's referent if it
  // has one ("the union" resolved to a named union), else nothing; nullopt when there is no such
  // subject.
  std::optional<Referent> SubjectPhraseBefore(size_t s, int32_t i) const {
    const Tree& t = a_.trees[s];
    // (Only a subject whose clause holds the pronoun: not "Households" of '"Households have
    // paid enough," said its spokeswoman'.)
    const auto governs = [&](int32_t clause) {
      for (int32_t k = t.head(i); k >= 0; k = t.head(k)) {
        if (k == clause) return true;
      }
      return false;
    };
    for (int32_t j = i - 1; j >= 0; --j) {
      if (!t.Is(j, "nsubj") || t.upos(j) != "NOUN" || a_.mention_at[s][j] >= 0) continue;
      if (!governs(t.head(j))) continue;
      const Referent stated = EntityAt(a_, s, j);  // "Russia's delegation" is about Russia
      if (stated.entity >= 0) return std::nullopt;
      const Referent& resolved = a_.coreferent[s][j];
      if (resolved.entity >= 0) return resolved;
      return Referent{};
    }
    return std::nullopt;
  }

  bool OwnerMatches(int32_t role_owner, int32_t owner) const {
    if (role_owner == owner) return true;
    if (role_owner < 0) return false;
    return NameKey(a_.entities[role_owner].name) == NameKey(a_.entities[owner].name);
  }

  Analysis& a_;
  std::vector<Seen> history_;
  std::vector<size_t> dateline_end_;  // per sentence: the first token after its dateline, or 0
  std::map<uint32_t, std::set<std::pair<std::string, int32_t>>> roles_;
  std::map<uint32_t, std::set<std::string>> descriptions_;  // organisation -> nouns for it
  std::set<int32_t> in_dateline_;  // entities the dateline names (its place, its news agency)
};

}  // namespace

void ResolveCoreference(Analysis& a) {
  a.coreferent.assign(a.sentences.size(), {});
  for (size_t s = 0; s < a.sentences.size(); ++s) {
    a.coreferent[s].assign(a.sentences[s].tokens.size(), Referent{});
  }
  Resolver(a).Run();
}

}  // namespace kg::extract
