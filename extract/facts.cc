#include "extract/facts.h"

#include <algorithm>

#include "core/text.h"
#include "extract/cues.h"
#include "extract/dateline.h"

namespace kg::extract {
namespace {

Referent MentionReferent(const Analysis& a, size_t s, int32_t t) {
  const int32_t m = a.mention_at[s][t];
  if (m < 0) return {};
  return {static_cast<int32_t>(a.entity_of_mention[m]), 1.0f, a.mentions[m].span};
}

Referent EntityAtDepth(const Analysis& a, size_t s, int32_t token, int depth) {
  if (token < 0) return {};
  const Tree& t = a.trees[s];
  if (Referent r = MentionReferent(a, s, token); r.entity >= 0) {
    // "met Serbian President Aleksandar Vucic" parsed with the adjective as head: the person.
    const int32_t m = a.mention_at[s][token];
    if (a.mentions[m].from_demonym) {
      for (int32_t c : t.children(token)) {
        if ((t.Is(c, "flat") || t.Is(c, "appos")) && a.mention_at[s][c] >= 0) {
          return MentionReferent(a, s, c);
        }
      }
      // "Sri Lankan President Anura Dissanayake spoke", parsed with "Sri" as a subject of its
      // own: the nationality owns the title of the name after it, and stands for that person.
      const size_t next = static_cast<size_t>(m) + 1;
      if (next < a.mentions.size() && a.mentions[next].role_of == m) {
        return MentionReferent(a, s, static_cast<int32_t>(a.mentions[next].first));
      }
    }
    return r;
  }
  if (a.coreferent[s][token].entity >= 0) return a.coreferent[s][token];
  // A word of the title before a name stands for the person when the name hangs from it: "met
  // Minister of Foreign Affairs Ana Lopes", parsed with "Minister" or "Affairs" as the head.
  // (The name is at most a few tokens after: look there, not through every mention.)
  const Span word = t.token(token).span;
  const auto size = static_cast<int32_t>(t.size());
  for (int32_t k = token + 1; k < size && k <= token + 8; ++k) {
    const int32_t named = a.mention_at[s][k];
    if (named < 0 || a.mentions[named].first != static_cast<uint32_t>(k)) continue;
    const Mention& m = a.mentions[named];
    if (m.role_span.begin > word.begin || word.end > m.role_span.end ||
        m.role_span.end > m.span.begin) {
      continue;
    }
    int32_t up = t.head(k);
    for (int steps = 0; up >= 0 && up != token && steps < 4; ++steps) up = t.head(up);
    if (up == token) return MentionReferent(a, s, k);
  }
  if (depth >= 2 || (t.upos(token) != "NOUN" && t.upos(token) != "PROPN")) return {};
  // "Atacama Water Watch, a non-profit group based in Copiapo": the noun in apposition to a
  // name is that name.
  if (t.Is(token, "appos") && t.upos(token) == "NOUN" && t.head(token) >= 0) {
    Referent r = MentionReferent(a, s, t.head(token));
    if (r.entity >= 0) {
      r.confidence *= 0.9f;
      return r;
    }
  }
  // A noun phrase about an entity: "Russia's delegation", "US envoys", "Russian officials",
  // "parts of the Donetsk region". Possessors first, then modifiers, then "of" phrases.
  Referent best;
  int best_rank = 0;
  for (int32_t c : t.children(token)) {
    int rank = 0;
    if ((t.Is(c, "flat") || t.Is(c, "appos")) && a.mention_at[s][c] >= 0) {
      // "Transport Secretary Priya Raman" parsed with the title as head: the name is the phrase.
      rank = 5;
    } else if (t.Is(c, "appos") && t.upos(c) == "NOUN" && best_rank < 5) {
      // "Iceland's fisheries | minister, | Katrin Sigurdardottir": the name one apposition on.
      for (int32_t g : t.children(c)) {
        if ((t.Is(g, "flat") || t.Is(g, "appos")) && a.mention_at[s][g] >= 0) {
          Referent r = MentionReferent(a, s, g);
          if (r.entity >= 0) {
            best = r;
            best_rank = 5;
          }
        }
      }
      continue;
    } else if (t.Is(c, "nmod:poss")) {
      rank = 4;
    } else if (t.Is(c, "compound") || t.Is(c, "amod") || t.deprel(c) == "nmod:desc") {
      rank = 3;
    } else if (t.Is(c, "nmod") && t.Child(c, "case") >= 0 &&
               LowerLemma(t, t.Child(c, "case")) == "of") {
      rank = 2;
    } else if (t.Is(c, "acl") && (LowerLemma(t, c) == "lead" || LowerLemma(t, c) == "head" ||
                                  LowerLemma(t, c) == "chair")) {
      // "the army delegation, led by General Ibrahim Osman": its leader speaks for it.
      for (int32_t agent : t.children(c)) {
        if (!t.Is(agent, "obl")) continue;
        Referent r = EntityAtDepth(a, s, agent, depth + 1);
        if (r.entity >= 0 && best_rank < 1) {
          r.confidence *= 0.8f;
          best = r;
          best_rank = 1;
        }
      }
      continue;
    }
    if (rank <= best_rank) continue;
    Referent r = EntityAtDepth(a, s, c, depth + 1);
    if (r.entity < 0) continue;
    r.confidence *= 0.8f;
    if (rank == 5) {
      r.confidence /= 0.8f;  // the name itself, not something it owns
    } else {
      r.via = token;
      r.via_possessor = rank == 4;
    }
    best = r;
    best_rank = rank;
  }
  return best;
}

Span TokenSpan(const Tree& t, int32_t i) { return t.token(i).span; }

// Whether token k is a lower-case common noun: after a name, one the name only modifies ("Medisan
// Trading rival Kelvaro", "Russia's Ukraine invasion").
bool CommonNounAt(const std::vector<nlp::Token>& tokens, size_t k) {
  return k < tokens.size() && tokens[k].upos == "NOUN" && tokens[k].form[0] >= 'a' &&
         tokens[k].form[0] <= 'z';
}

// Verbs whose coordinated subjects act on each other: "X and Y met", "X and Y talked".
bool IsReciprocalVerb(std::string_view relation) {
  static constexpr std::string_view kVerbs[] = {"meet",   "talk",     "speak", "negotiate",
                                                "confer", "clash",    "fight", "spar",
                                                "agree",  "disagree", "argue", "correspond"};
  return std::find(std::begin(kVerbs), std::end(kVerbs), relation) != std::end(kVerbs);
}

// Prepositions of time: their phrases say when, not who or where.
bool IsTimePreposition(std::string_view p) {
  return p == "after" || p == "before" || p == "since" || p == "during" || p == "until" ||
         p == "following" || p == "follow" || p == "ahead_of" || p == "amid" || p == "by_time";
}

// Prepositions that relate an action to a participant or place ("talks with X", "in Y").
bool IsParticipantPreposition(std::string_view p) {
  return p == "with" || p == "between" || p == "against" || p == "to" || p == "from" || p == "in" ||
         p == "at";
}

// Members named after an argument: "representatives, including envoy Steve Witkoff and ...",
// "key figures such as Admiral Igor Kostyukov", and appositions.
std::vector<int32_t> Members(const Tree& t, int32_t head) {
  std::vector<int32_t> out;
  for (int32_t c : t.children(head)) {
    bool member = t.Is(c, "appos");
    if (t.Is(c, "nmod") || t.Is(c, "obl") || t.Is(c, "acl")) {
      const int32_t k = t.Child(c, "case") >= 0 ? t.Child(c, "case") : t.Child(c, "mark");
      if (k >= 0) {
        const std::string marker = LowerLemma(t, k);
        member = marker == "include" || marker == "including" || marker == "like" ||
                 (marker == "such" && t.Child(k, "fixed") >= 0);
      }
      // "including X" is often parsed as a participle (acl/advcl) with X as its object.
      if (t.Is(c, "acl") && LowerLemma(t, c) == "include") {
        for (int32_t o : t.children(c)) {
          if (t.Is(o, "obj")) {
            for (int32_t m : t.WithConjuncts(o)) out.push_back(m);
          }
        }
      }
    }
    if (member) {
      for (int32_t m : t.WithConjuncts(c)) out.push_back(m);
    }
  }
  return out;
}

class SentenceFacts final {
 public:
  SentenceFacts(Analysis& a, size_t s, std::vector<Fact>* facts)
      : a_(a), s_(s), t_(a.trees[s]), facts_(facts) {}

  void Run() {
    for (const Proposition& p : a_.propositions[s_]) Clause(p);
    Appositions();
    MembersOf();
  }

 private:
  void Add(const Referent& subject, const std::string& relation, const Referent& object,
           float confidence, std::initializer_list<Span> also, bool negated, int32_t speaker) {
    if (subject.entity < 0 || object.entity < 0 || subject.entity == object.entity) return;
    const std::string name = NormaliseRelation(relation);
    if (name.empty()) return;
    Fact f;
    f.subject = static_cast<uint32_t>(subject.entity);
    f.object = static_cast<uint32_t>(object.entity);
    f.relation = name;
    f.negated = negated;
    f.confidence = std::clamp(confidence * subject.confidence * object.confidence, 0.05f, 1.0f);
    f.sentence = static_cast<uint32_t>(s_);
    Span span = subject.span;
    for (const Span& x : {object.span}) {
      span.begin = std::min(span.begin, x.begin);
      span.end = std::max(span.end, x.end);
    }
    for (const Span& x : also) {
      span.begin = std::min(span.begin, x.begin);
      span.end = std::max(span.end, x.end);
    }
    const Span sentence = a_.sentences[s_].span;
    span.begin = std::max(span.begin, sentence.begin);
    span.end = std::min(span.end, sentence.end);
    f.span = span;
    if (speaker >= 0) {
      const Referent who = EntityAt(a_, s_, speaker);
      if (who.entity >= 0) f.attributed_to = who.entity;
    }
    facts_->push_back(std::move(f));
  }

  // A person reached as the possessor of something ("Trump's envoys arrived"): the person did
  // not act, and is not what the phrase is about.
  bool OwnedByPerson(const Referent& r) const {
    return r.via_possessor && a_.entities[r.entity].type == EntityType::kPerson;
  }

  // The objects of one argument: the entity it names and the members it lists.
  std::vector<Referent> Objects(int32_t head) const {
    std::vector<Referent> out;
    Referent r = EntityAt(a_, s_, head);
    if (r.entity >= 0) out.push_back(r);
    for (int32_t m : Members(t_, head)) {
      Referent member = EntityAt(a_, s_, m);
      if (member.entity < 0) continue;
      member.confidence *= 0.9f;
      out.push_back(member);
    }
    return out;
  }

  void Clause(const Proposition& p) {
    // Demanded, not done: demands.h states it.
    if (p.irrealis || (!a_.demanded.empty() && a_.demanded[s_][p.predicate])) return;
    const bool copular = p.relation == "be";
    std::vector<Referent> subjects;
    for (int32_t s : p.subjects) {
      // A seat stands for its country when it acts ("Moscow insists"), not when it is described
      // ("Oslo is the capital of Norway").
      Referent r = copular ? EntityAt(a_, s_, s) : ActorAt(a_, s_, s);
      const auto same = [&](const Referent& x) { return x.entity == r.entity; };
      if (r.entity >= 0 && !OwnedByPerson(r) &&
          std::none_of(subjects.begin(), subjects.end(), same)) {
        subjects.push_back(r);
      }
      for (int32_t m : Members(t_, s)) {
        Referent member = ActorAt(a_, s_, m);
        if (member.entity >= 0) subjects.push_back(member);
      }
    }
    if (subjects.empty()) return;
    const Span predicate = TokenSpan(t_, p.predicate);

    if (copular) {
      // "Kyiv is the capital of Ukraine", "Kushner is Trump's son-in-law", "X is Y".
      Referent itself = EntityAt(a_, s_, p.predicate);
      if (a_.mention_at[s_][p.predicate] >= 0) {
        for (const auto& subj : subjects) {
          Add(subj, "be", itself, p.confidence, {predicate}, p.negated, p.speaker);
        }
        return;
      }
      NounRelations(subjects, p.predicate, p.confidence, p.negated, p.speaker);
      return;
    }

    // "Solheim and Sigurdardottir met for two hours": coordinated subjects of a reciprocal verb
    // with no object did it with each other.
    if (subjects.size() >= 2 && IsReciprocalVerb(p.relation)) {
      bool has_object = false;
      for (const Argument& arg : p.arguments) has_object |= arg.role == ArgumentRole::kDirect;
      if (!has_object) {
        const std::string relation = p.relation == "meet" ? p.relation : p.relation + "_with";
        for (size_t i = 0; i < subjects.size(); ++i) {
          for (size_t j = i + 1; j < subjects.size(); ++j) {
            if (subjects[i].entity == subjects[j].entity) continue;
            Add(subjects[i], relation, subjects[j], p.confidence * 0.9f, {predicate}, p.negated,
                p.speaker);
          }
        }
      }
    }

    // A direct object that is not an entity names the action: "held talks with X".
    std::string noun;
    for (const Argument& arg : p.arguments) {
      if (arg.role == ArgumentRole::kDirect && EntityAt(a_, s_, arg.head).entity < 0 &&
          t_.upos(arg.head) == "NOUN") {
        noun = LowerLemma(t_, arg.head);
        break;
      }
    }
    for (const Argument& arg : p.arguments) {
      if (arg.role == ArgumentRole::kComplement) continue;
      if (arg.role == ArgumentRole::kOblique && arg.preposition == "as" &&
          t_.upos(arg.head) == "NOUN") {
        // "appointed as a senior adviser to the Board of Peace" -> adviser_to.
        NounRelations(subjects, arg.head, p.confidence * 0.9f, p.negated, p.speaker);
        continue;
      }
      // "According to Ushakov, ...": who said it, not whom it is about; "after the Moscow talks":
      // when, not with whom.
      if (arg.role == ArgumentRole::kOblique &&
          (arg.preposition == "according_to" || IsTimePreposition(arg.preposition))) {
        continue;
      }
      std::string relation = p.relation;
      float confidence = p.confidence;
      if (arg.role == ArgumentRole::kOblique) {
        if (!noun.empty()) relation.append("_").append(noun);
        if (!arg.preposition.empty()) relation.append("_").append(arg.preposition);
        confidence *= 0.9f;
      }
      for (const Referent& object : Objects(arg.head)) {
        // "will lead Russia's delegation": Kostyukov leads a delegation of Russia, not Russia;
        // "resolve the Ukraine conflict": resolve_conflict_of Ukraine.
        std::string named = relation;
        if (arg.role == ArgumentRole::kDirect && object.via >= 0) {
          named.append("_").append(LowerLemma(t_, object.via)).append("_of");
        } else if (OwnedByPerson(object)) {
          continue;  // "for his part": a person is not what they own
        }
        for (const Referent& subj : subjects) {
          Add(subj, named, object, confidence, {predicate}, p.negated, p.speaker);
        }
      }
      // "met Jonas Berg in Oslo", parsed with "in Oslo" on the name: names take no place
      // modifiers, so the place is where the verb happened.
      if (arg.role == ArgumentRole::kDirect && a_.mention_at[s_][arg.head] >= 0) {
        for (int32_t c : t_.children(arg.head)) {
          const int32_t k = t_.Is(c, "nmod") ? t_.Child(c, "case") : -1;
          if (k < 0) continue;
          const std::string prep = LowerLemma(t_, k);
          if (prep != "in" && prep != "at" && prep != "near") continue;
          const Referent place = EntityAt(a_, s_, c);
          if (place.entity < 0 || a_.entities[place.entity].type != EntityType::kPlace) continue;
          for (const Referent& subj : subjects) {
            Add(subj, p.relation + "_" + prep, place, confidence * 0.8f, {predicate}, p.negated,
                p.speaker);
          }
        }
      }
      // "held talks with X", parsed with "with X" inside the object: the object noun's own
      // prepositional phrases are the verb's too.
      if (arg.role == ArgumentRole::kDirect && EntityAt(a_, s_, arg.head).entity < 0 &&
          t_.upos(arg.head) == "NOUN") {
        for (int32_t c : t_.children(arg.head)) {
          const int32_t k = t_.Is(c, "nmod") ? t_.Child(c, "case") : -1;
          if (k < 0 || !IsParticipantPreposition(LowerLemma(t_, k))) continue;
          std::string nested = p.relation;
          nested.append("_").append(LowerLemma(t_, arg.head));
          nested.append("_").append(LowerLemma(t_, k));
          for (const Referent& object : Objects(c)) {
            for (const Referent& subj : subjects) {
              Add(subj, nested, object, confidence * 0.9f, {predicate}, p.negated, p.speaker);
            }
          }
        }
      }
    }
  }

  // Relations a noun states about its owner: "capital of Ukraine", "Trump's son-in-law",
  // "adviser to the Board".
  void NounRelations(const std::vector<Referent>& subjects, int32_t noun, float confidence,
                     bool negated, int32_t speaker) {
    std::string lemma = LowerLemma(t_, noun);
    // "director-general", "secretary-general": the parser heads the compound by its last part.
    if (noun >= 2 && t_.token(noun - 1).form == "-" &&
        t_.token(noun - 1).span.end == t_.token(noun).span.begin &&
        t_.token(noun - 2).span.end == t_.token(noun - 1).span.begin) {
      lemma = LowerLemma(t_, noun - 2) + "-" + lemma;
    }
    // "chief executive", "general secretary": the title words before the noun are its name.
    for (int32_t k = noun - 1;
         k >= 0 && t_.head(k) == noun && (t_.Is(k, "amod") || t_.Is(k, "compound")) &&
         IsTitleWord(AsciiLower(t_.token(k).form));
         --k) {
      lemma = AsciiLower(t_.token(k).form) + "_" + lemma;
    }
    std::vector<int32_t> related;  // the entities its dependents name
    for (int32_t c : t_.children(noun)) {
      std::string relation;
      if (t_.Is(c, "nmod:poss")) {
        relation = lemma + "_of";
      } else if (t_.Is(c, "nmod") && t_.Child(c, "case") >= 0) {
        relation = lemma;
        relation.append("_").append(LowerLemma(t_, t_.Child(c, "case")));
      } else if ((t_.Is(c, "compound") || t_.Is(c, "amod")) &&
                 (IsTitleWord(LowerLemma(t_, noun)) || LowerLemma(t_, noun) == "member")) {
        relation = lemma + "_of";  // "a Kremlin aide", "the Russian president", "a CTTA member"
      } else {
        continue;
      }
      Referent owner = EntityAt(a_, s_, c);
      // "a subsidiary of Toronto-listed Northgate Metals", parsed with the place as the "of"
      // phrase: the name after the modifier is.
      const int32_t m = a_.mention_at[s_][c];
      const auto& tokens = a_.sentences[s_].tokens;
      if (m >= 0 && LocatingModifierAt(tokens, a_.mentions[m].last)) {
        const uint32_t after = a_.mentions[m].last + 2;
        owner = after < tokens.size() && a_.mention_at[s_][after] >= 0
                    ? MentionReferent(a_, s_, static_cast<int32_t>(after))
                    : Referent{};
      }
      if (owner.entity >= 0) related.push_back(owner.entity);
      for (const Referent& subj : subjects) {
        Add(subj, relation, owner, confidence, {TokenSpan(t_, noun)}, negated, speaker);
      }
    }
    // "the head of Medisan Trading", parsed with the name hung on "of" (a parse an unknown
    // name often gets): a title's preposition and the name right after it say whose.
    // ("director of Bucharest-based Medisan Trading": of the company, not of where it is.)
    const int32_t prep = noun + 1;
    const auto size = static_cast<int32_t>(t_.size());
    const std::string title = LowerLemma(t_, noun);
    if ((IsTitleWord(title) || title == "head") && prep + 1 < size && t_.upos(prep) == "ADP") {
      const std::string word = LowerLemma(t_, prep);
      int32_t name = prep + 1;
      if (LowerLemma(t_, name) == "the" && name + 1 < size) ++name;
      int32_t m = a_.mention_at[s_][name];
      const auto& tokens = a_.sentences[s_].tokens;
      if (m >= 0 && LocatingModifierAt(tokens, a_.mentions[m].last)) {
        name = static_cast<int32_t>(a_.mentions[m].last) + 2;
        m = name < size ? a_.mention_at[s_][name] : -1;
      }
      // (Not a name that modifies a noun after it: "a spokesman for Medisan Trading rival
      // Kelvaro Pharma" speaks for Kelvaro.)
      if (m >= 0 && CommonNounAt(tokens, a_.mentions[m].last)) m = -1;
      if ((word == "of" || word == "for" || word == "at") && m >= 0 &&
          a_.mentions[m].first == static_cast<uint32_t>(name)) {
        const Referent owner = MentionReferent(a_, s_, name);
        if (std::find(related.begin(), related.end(), owner.entity) == related.end()) {
          for (const Referent& subj : subjects) {
            Add(subj, lemma + "_" + word, owner, confidence * 0.9f, {TokenSpan(t_, noun)}, negated,
                speaker);
          }
        }
      }
    }
  }

  // "Jared Kushner, former President Donald Trump's son-in-law"; the other way round, "their
  // negotiator, Hamdan Yousif".
  void Appositions() {
    for (int32_t i = 0; i < static_cast<int32_t>(t_.size()); ++i) {
      if (!t_.Is(i, "appos") || t_.head(i) < 0) continue;
      const int32_t h = t_.head(i);
      // (A title the tagger read as an adjective is a noun here: "Its chief executive, X".)
      const auto is_noun = [&](int32_t k) {
        return t_.upos(k) == "NOUN" || (t_.upos(k) == "ADJ" && IsTitleWord(LowerLemma(t_, k)));
      };
      const bool name_then_noun =
          a_.mention_at[s_][i] < 0 && is_noun(i) && a_.mention_at[s_][h] >= 0;
      const bool noun_then_name =
          a_.mention_at[s_][h] < 0 && is_noun(h) && a_.mention_at[s_][i] >= 0;
      if (!name_then_noun && !noun_then_name) continue;
      const int32_t name = name_then_noun ? h : i;
      const int32_t noun = name_then_noun ? i : h;
      const Referent who = EntityAt(a_, s_, name);
      if (who.entity < 0) continue;
      NounRelations({who}, noun, 0.85f, false, -1);
    }
  }

  // "Councillor Rosalinda Abad of the Cebu City Council", "lawmaker Sami Haddad, of the Free
  // Citizens' Movement": a person of an organisation holds the title there, or is a member.
  void MembersOf() {
    for (int32_t i = 0; i < static_cast<int32_t>(t_.size()); ++i) {
      const int32_t h = t_.head(i);
      const int32_t org_mention = a_.mention_at[s_][i];
      if (h < 0 || org_mention < 0 || !t_.Is(i, "nmod") || t_.Child(i, "case") < 0 ||
          LowerLemma(t_, t_.Child(i, "case")) != "of") {
        continue;
      }
      const uint32_t org = a_.entity_of_mention[org_mention];
      if (a_.entities[org].type != EntityType::kOrganization) continue;
      // The person: the head itself, or a name the parser hung on the title ("Councillor" as
      // the head, "Rosalinda Abad" flat under it).
      int32_t person_mention = a_.mention_at[s_][h];
      for (int32_t c : t_.children(h)) {
        if (person_mention < 0 && (t_.Is(c, "flat") || t_.Is(c, "appos"))) {
          person_mention = a_.mention_at[s_][c];
        }
      }
      if (person_mention < 0 || person_mention == org_mention) continue;
      const Mention& m = a_.mentions[person_mention];
      const uint32_t person = a_.entity_of_mention[person_mention];
      if (a_.entities[person].type != EntityType::kPerson || m.role_of >= 0) continue;
      const std::string relation = m.role.empty() ? "member_of" : m.role + "_of";
      Add(EntityAt(a_, s_, m.first), relation, MentionReferent(a_, s_, i), 0.8f,
          {a_.mentions[org_mention].span}, false, -1);
    }
  }

  Analysis& a_;
  const size_t s_;
  const Tree& t_;
  std::vector<Fact>* facts_;
};

}  // namespace

Referent EntityAt(const Analysis& a, size_t s, int32_t token) {
  return EntityAtDepth(a, s, token, 0);
}

Referent ActorAt(Analysis& a, size_t s, int32_t token) {
  Referent r = EntityAt(a, s, token);
  if (r.entity < 0 || a.gazetteer == nullptr) return r;
  const Entity& e = a.entities[r.entity];
  if (e.type != EntityType::kPlace && e.type != EntityType::kOrganization) return r;
  const std::string_view country = a.gazetteer->CountryOfSeat(e.name);
  if (country.empty() || NameKey(country) == NameKey(e.name)) return r;
  // Only a country the article names: "Brussels hoped" may be the EU speaking, not Belgium.
  const int32_t named = a.FindEntity(country);
  if (named >= 0) r.entity = named;
  return r;
}

namespace {

// The country a document's dateline names, as an entity of the document, and the dateline's
// mention of it; -1 for none. The country itself ("COPIAPO, Chile, Nov 20"), or the country whose
// capital or seat the dateline's place is ("HANOI, Nov 21 (AFP)").
std::pair<int32_t, Span> DatelineCountry(const Analysis& a) {
  if (a.gazetteer == nullptr) return {-1, {}};
  for (size_t s = 0; s < a.sentences.size() && s < 3; ++s) {
    const size_t end = DatelineEnd(a.sentences[s]);
    if (end == 0) continue;
    for (size_t m = 0; m < a.mentions.size(); ++m) {
      const Mention& mention = a.mentions[m];
      if (mention.sentence != s || mention.last > end) continue;
      const Entity& e = a.entities[a.entity_of_mention[m]];
      if (e.type != EntityType::kPlace) continue;
      const std::string country = a.gazetteer->CountryOf(e.name);
      if (!country.empty()) return {a.FindEntity(country), mention.span};
    }
    return {-1, {}};
  }
  return {-1, {}};
}

// The owner of a role that names none: "Its director-general, Manu Tupou" and "said its
// spokeswoman, Aoife Duggan" (whatever "its" refers to), "the federation, whose chairman, Daniel
// Njoroge" (the name the relative clause follows), "Chief executive Pieter van Wyk said" (the
// organisation last named, in this sentence or the one before), "Trade Minister Nguyen Van
// Long" (a minister of `dateline_country`, DatelineCountry's answer). Returns the entity and its
// span, or -1.
std::pair<int32_t, Span> ImpliedRoleOwner(const Analysis& a, size_t mention,
                                          const std::pair<int32_t, Span>& dateline_country) {
  const Mention& m = a.mentions[mention];
  const Tree& t = a.trees[m.sentence];
  int32_t start = -1;  // the role's first token
  for (int32_t i = 0; i < static_cast<int32_t>(t.size()) && start < 0; ++i) {
    if (t.token(i).span.begin == m.role_span.begin) start = i;
  }
  if (start < 0) return {-1, {}};
  // The organisation token k refers to (a pronoun or a description resolved by coreference).
  const auto organisation_at = [&](int32_t k) -> std::pair<int32_t, Span> {
    const Referent r = a.coreferent[m.sentence][k];
    if (r.entity < 0 || a.entities[r.entity].type != EntityType::kOrganization) return {-1, {}};
    return {r.entity, t.token(k).span};
  };
  // "union president Gloria Restrepo": the organisation the noun before the role refers to.
  if (start >= 1 && t.upos(start - 1) == "NOUN") {
    if (const auto owner = organisation_at(start - 1); owner.first >= 0) return owner;
  }
  if (start >= 1) {
    const std::string before = AsciiLower(t.token(start - 1).form);
    if (before == "its" || before == "their") return organisation_at(start - 1);
    // "the council's secretary-general, Henrik Dahl": the organisation the description refers to.
    // (Else on: "the country's finance minister" is the dateline country's.)
    if ((before == "'s" || before == "\u2019s") && start >= 2 && t.upos(start - 2) == "NOUN") {
      if (const auto owner = organisation_at(start - 2); owner.first >= 0) return owner;
    }
    if (before == "whose") {
      // The last name before "whose" in the sentence: "the Federation of Kenyan Workers (FKW),
      // whose chairman".
      for (size_t k = mention; k-- > 0;) {
        const Mention& named = a.mentions[k];
        if (named.sentence != m.sentence) break;
        if (static_cast<int32_t>(named.last) >= start) continue;
        const int32_t e = static_cast<int32_t>(a.entity_of_mention[k]);
        if (a.entities[e].type != EntityType::kOrganization) return {-1, {}};
        return {e, named.span};
      }
      return {-1, {}};
    }
  }
  // A minister or secretary serves a government, not the company last named. A minister whose
  // country the text leaves unsaid is most often the host's: the country of the story's
  // dateline. (Not a foreign minister: "BRUSSELS - ... said Foreign Minister Radoslaw Sikorski"
  // is a visitor's.)
  const bool in_government =
      m.role.find("minister") != std::string::npos || m.role.find("secretary") != std::string::npos;
  if (in_government) {
    if (m.role.find("minister") == std::string::npos ||
        m.role.find("foreign") != std::string::npos) {
      return {-1, {}};
    }
    return dateline_country;
  }
  if (start != 0) return {-1, {}};
  for (size_t k = mention; k-- > 0;) {
    const Mention& before = a.mentions[k];
    if (before.sentence + 1 < m.sentence) break;
    // (Not the news agency of the dateline.)
    if (before.last <= DatelineEnd(a.sentences[before.sentence])) continue;
    const int32_t e = static_cast<int32_t>(a.entity_of_mention[k]);
    if (a.entities[e].type == EntityType::kOrganization) return {e, before.span};
  }
  return {-1, {}};
}

// The one ministry or department of the document a minister's or secretary's role names by its
// portfolio: "agriculture_minister" and the "Ministry of Agriculture" (or "Agriculture
// Ministry"), "minister_for_transport" and the "Department of Transport"; -1 when none is, or
// several are.
int32_t MinistryOfRole(const Analysis& a, std::string_view role, int32_t country) {
  const std::vector<std::string_view> words = Split(role, '_');
  const auto is_title = [](std::string_view w) { return w == "minister" || w == "secretary"; };
  if (std::none_of(words.begin(), words.end(), is_title)) return -1;
  // The portfolio: the other words but connectors and ranks. A deputy heads nothing.
  std::vector<std::string_view> portfolio;
  for (std::string_view w : words) {
    if (w == "deputy" || w == "vice" || w == "assistant" || w == "junior" || w == "state") {
      return -1;
    }
    if (is_title(w) || w == "for" || w == "of" || w == "and" || w == "the" || w == "former" ||
        w == "acting" || w == "prime" || w == "senior" || w == "general" || w == "chief") {
      continue;
    }
    portfolio.push_back(w);
  }
  if (portfolio.empty()) return -1;
  int32_t found = -1;
  for (size_t e = 0; e < a.entities.size(); ++e) {
    const Entity& entity = a.entities[e];
    if (entity.type != EntityType::kOrganization) continue;
    const std::string name = AsciiLower(entity.name);
    const std::vector<std::string_view> name_words = Split(name);
    const auto has = [&](std::string_view w) {
      return std::find(name_words.begin(), name_words.end(), w) != name_words.end();
    };
    if (!has("ministry") && !has("department")) continue;
    if (!std::all_of(portfolio.begin(), portfolio.end(), has)) continue;
    // Not another country's: "Russian Foreign Minister X" does not head "Ukraine's Foreign
    // Ministry" (a place named just before the ministry, with or without "'s").
    bool foreign = false;
    // ... or in its name: "the Ukrainian Foreign Ministry".
    for (std::string_view word : Split(entity.name)) {
      std::string place(a.gazetteer->PlaceOfDemonym(word));
      if (place.empty() && a.gazetteer->TypeOf(word) == EntityType::kPlace) place = word;
      foreign = foreign || (!place.empty() && (country < 0 || a.entities[country].name != place));
    }
    for (size_t k = 1; k < a.mentions.size() && !foreign; ++k) {
      const Mention& named = a.mentions[k];
      const Mention& before = a.mentions[k - 1];
      if (a.entity_of_mention[k] != e || before.sentence != named.sentence ||
          before.last + 1 < named.first) {
        continue;
      }
      const int32_t place = static_cast<int32_t>(a.entity_of_mention[k - 1]);
      foreign = a.entities[place].type == EntityType::kPlace && place != country;
    }
    if (foreign) continue;
    if (found >= 0) return -1;
    found = static_cast<int32_t>(e);
  }
  return found;
}

}  // namespace

void FindFacts(Analysis& a, std::vector<Fact>* facts) {
  // Roles stated before names: "Russian President Vladimir Putin" -president_of-> Russia.
  // (A role without an owner, stated or implied, types the person but names no other entity.)
  const std::pair<int32_t, Span> dateline_country = DatelineCountry(a);  // once per document
  for (size_t i = 0; i < a.mentions.size(); ++i) {
    const Mention& m = a.mentions[i];
    if (m.role.empty()) continue;
    Fact f;
    f.subject = a.entity_of_mention[i];
    Span owner_span;
    f.confidence = 0.85f;
    if (m.role_of >= 0) {
      f.object = a.entity_of_mention[m.role_of];
      owner_span = a.mentions[m.role_of].span;
    } else {
      const auto [owner, span] = ImpliedRoleOwner(a, i, dateline_country);
      if (owner < 0) continue;
      f.object = static_cast<uint32_t>(owner);
      owner_span = span;
      f.confidence = 0.6f;
    }
    if (f.subject == f.object) continue;
    f.relation = NormaliseRelation(m.role + "_of");
    f.sentence = m.sentence;
    f.span = {std::min({owner_span.begin, m.role_span.begin, m.span.begin}),
              std::max({owner_span.end, m.role_span.end, m.span.end})};
    // The owner named in an earlier sentence: the span starts at this one.
    f.span.begin = std::max(f.span.begin, a.sentences[m.sentence].span.begin);
    facts->push_back(std::move(f));
  }
  // "Agriculture Minister Mutale Kabwe" -heads-> the Ministry of Agriculture the article names.
  for (size_t i = 0; i < a.mentions.size(); ++i) {
    const Mention& m = a.mentions[i];
    if (m.role.empty()) continue;
    // (Not a former minister: RoleName leaves "former" out of the role.)
    const std::string role_text = AsciiLower(
        std::string_view(a.text).substr(m.role_span.begin, m.role_span.end - m.role_span.begin));
    if (role_text.find("former") != std::string::npos ||
        role_text.find("ex-") != std::string::npos) {
      continue;
    }
    const int32_t country =
        m.role_of >= 0 ? static_cast<int32_t>(a.entity_of_mention[m.role_of]) : -1;
    const int32_t ministry = MinistryOfRole(a, m.role, country);
    if (ministry < 0) continue;
    Fact f;
    f.subject = a.entity_of_mention[i];
    f.object = static_cast<uint32_t>(ministry);
    f.relation = "heads";
    f.confidence = 0.6f;
    f.sentence = m.sentence;
    f.span = {std::min(m.role_span.begin, m.span.begin), std::max(m.role_span.end, m.span.end)};
    facts->push_back(std::move(f));
  }
  // A fact of mention `subject` about mention `object`, of one sentence, stated by the words from
  // the first of them to byte `end`.
  const auto mention_fact = [&](size_t subject, size_t object, std::string relation,
                                float confidence, uint32_t end) {
    Fact f;
    f.subject = a.entity_of_mention[subject];
    f.object = a.entity_of_mention[object];
    if (f.subject == f.object) return;
    f.relation = std::move(relation);
    f.confidence = confidence;
    f.sentence = a.mentions[subject].sentence;
    f.span = {std::min(a.mentions[subject].span.begin, a.mentions[object].span.begin), end};
    facts->push_back(std::move(f));
  };
  // A fact relating mention i and the name after it (mention i + 1), stated by the words from one
  // to the other: "X-based Y", "X's Y" (about mention i), "X in Y" (of it).
  const auto adjacent_fact = [&](size_t i, bool next_is_subject, std::string relation,
                                 float confidence) {
    mention_fact(next_is_subject ? i + 1 : i, next_is_subject ? i : i + 1, std::move(relation),
                 confidence, a.mentions[i + 1].span.end);
  };
  const auto next_about = [&](size_t i, std::string relation, float confidence) {
    adjacent_fact(i, true, std::move(relation), confidence);
  };
  // "Kumasi-based Ashanti Produce Traders" -based_in-> Kumasi; "Perth-listed X" -listed_in->.
  for (size_t i = 0; i + 1 < a.mentions.size(); ++i) {
    const Mention& place = a.mentions[i];
    const Mention& next = a.mentions[i + 1];
    const auto& tokens = a.sentences[place.sentence].tokens;
    if (next.sentence != place.sentence || next.first != place.last + 2 || place.from_demonym ||
        next.from_demonym || !LocatingModifierAt(tokens, place.last)) {
      continue;
    }
    next_about(i, LocatingRelation(AsciiLower(tokens[place.last + 1].form)) + "_in", 0.85f);
  }
  // "Oceano Vivo, a Lisbon-based conservation group", "The Labour Justice Forum (LJF), the
  // Lahore-based rights group" -based_in-> the place: an apposition that says where the name
  // before it sits.
  for (size_t i = 1; i < a.mentions.size(); ++i) {
    const Mention& place = a.mentions[i];
    const auto& tokens = a.sentences[place.sentence].tokens;
    if (place.from_demonym || place.first < 3 || !LocatingModifierAt(tokens, place.last) ||
        (i + 1 < a.mentions.size() && a.mentions[i + 1].sentence == place.sentence &&
         a.mentions[i + 1].first == place.last + 2)) {
      continue;
    }
    const std::string article = AsciiLower(tokens[place.first - 1].form);
    if ((article != "a" && article != "an" && article != "the") ||
        tokens[place.first - 2].form != ",") {
      continue;
    }
    // The name before the comma, past a bracketed acronym of it: "Forum (LJF), a ...".
    size_t body = i - 1;
    uint32_t end = place.first - 2;  // the comma
    if (tokens[end - 1].form == ")" && a.mentions[body].last == end - 1 && body >= 1 &&
        a.entity_of_mention[body] == a.entity_of_mention[body - 1]) {
      --body;
      end = a.mentions[body].last;  // the "("
      if (tokens[end].form != "(") continue;
    }
    const Mention& named = a.mentions[body];
    if (named.sentence != place.sentence || named.last != end || named.from_demonym ||
        a.entities[a.entity_of_mention[body]].type != EntityType::kOrganization) {
      continue;
    }
    mention_fact(body, i, LocatingRelation(AsciiLower(tokens[place.last + 1].form)) + "_in", 0.8f,
                 tokens[place.last + 1].span.end);
  }
  // "The World Heritage Centre in Paris said", "the High Court in Blantyre" -based_in-> the
  // place: "in" and a place that the parser hangs on the organisation's name (not on a verb:
  // "met the Commission in Brussels" says where they met). Only for an institution that sits
  // in one place, and a place that is no country: "Kenya Airways in Mombasa", "the World Bank in
  // Kenya", "the World Cup in Qatar" are branches, offices and events.
  for (size_t i = 0; i + 1 < a.mentions.size(); ++i) {
    const Mention& body = a.mentions[i];
    const Mention& place = a.mentions[i + 1];
    const auto& tokens = a.sentences[body.sentence].tokens;
    if (place.sentence != body.sentence || place.first != body.last + 1 ||
        body.from_demonym || place.from_demonym || tokens[body.last].form != "in" ||
        a.entities[a.entity_of_mention[i]].type != EntityType::kOrganization ||
        a.entities[a.entity_of_mention[i + 1]].type != EntityType::kPlace) {
      continue;
    }
    const std::string last_word = AsciiLower(tokens[body.last - 1].form);
    const std::string& place_name = a.entities[a.entity_of_mention[i + 1]].name;
    const bool country = a.gazetteer != nullptr &&
                         NameKey(a.gazetteer->CountryOf(place_name)) == NameKey(place_name);
    if (!IsSeatedInstitutionWord(last_word) || country) continue;
    const Tree& t = a.trees[body.sentence];
    bool on_name = false;
    for (uint32_t p = place.first; p < place.last; ++p) {
      on_name = on_name || (t.Is(static_cast<int32_t>(p), "nmod") && t.head(p) >= 0 &&
                            static_cast<uint32_t>(t.head(p)) >= body.first &&
                            static_cast<uint32_t>(t.head(p)) < body.last);
    }
    if (on_name) adjacent_fact(i, false, "based_in", 0.7f);
  }
  // "Nigeria's Lagos State" -part_of-> Nigeria, "Singapore's Straits Pacific Shipping" -of->
  // Singapore: a place's possessive before a name (whatever the parser made of it).
  for (size_t i = 0; i + 1 < a.mentions.size(); ++i) {
    const Mention& place = a.mentions[i];
    const Mention& next = a.mentions[i + 1];
    const auto& tokens = a.sentences[place.sentence].tokens;
    if (next.sentence != place.sentence || next.first != place.last + 1 || place.from_demonym ||
        next.from_demonym || place.last >= tokens.size()) {
      continue;
    }
    const std::string_view mark = tokens[place.last].form;
    if (mark != "'s" && mark != "\u2019s") continue;
    const uint32_t owner = a.entity_of_mention[i];
    const uint32_t owned = a.entity_of_mention[i + 1];
    const EntityType owned_type = a.entities[owned].type;
    if (owner == owned || a.entities[owner].type != EntityType::kPlace ||
        (owned_type != EntityType::kPlace && owned_type != EntityType::kOrganization)) {
      continue;
    }
    // Not a name that only modifies a noun after it ("Russia's Ukraine invasion", "Kenya's
    // World Bank loan"), a country ("China's Taiwan"), or a body the gazetteer knows, which no
    // one country owns ("Turkey's NATO allies").
    // (A place noun after it still names the place: "Malaysia's Sarawak state".)
    if (CommonNounAt(tokens, next.last) && !IsPlaceHeadWord(tokens[next.last].form) &&
        tokens[next.last].form != "state") {
      continue;
    }
    if (a.gazetteer != nullptr) {
      const std::string& name = a.entities[owned].name;
      if (NameKey(a.gazetteer->CountryOf(name)) == NameKey(name) ||
          (owned_type == EntityType::kOrganization &&
           a.gazetteer->TypeOf(name) == EntityType::kOrganization)) {
        continue;
      }
    }
    next_about(i, owned_type == EntityType::kPlace ? "part_of" : "of", 0.8f);
  }
  // "Colombian pension fund manager Fondo Andino", "U.S. satellite internet provider Skyreach
  // Orbital": a nationality or a place, then lower-case words saying what the organisation is.
  for (size_t i = 0; i + 1 < a.mentions.size(); ++i) {
    const Mention& place = a.mentions[i];
    const Mention& next = a.mentions[i + 1];
    const auto& tokens = a.sentences[place.sentence].tokens;
    // (At least one word between; the place not after a preposition: "After talks in Kenya last
    // week Apex Holdings said" says where, not whose.)
    if (next.sentence != place.sentence || next.first <= place.last ||
        next.first > place.last + 4 ||
        (!place.from_demonym && place.first > 0 && tokens[place.first - 1].upos == "ADP")) {
      continue;
    }
    bool described = true;
    for (size_t k = place.last; k < next.first && described; ++k) {
      const std::string_view w = tokens[k].form;
      // (Not a name's form: "its Spanish acronym UNTRAHOS".)
      if (w == "acronym" || w == "abbreviation" || w == "initials" || w == "name") {
        described = false;
        break;
      }
      // (Singular nouns and adjectives: not a headline's verb read as a plural, "Irish
      // regulator fines video app Lumora".)
      described = std::all_of(w.begin(), w.end(), [](char c) { return c >= 'a' && c <= 'z'; }) &&
                  (tokens[k].xpos == "NN" || tokens[k].xpos == "JJ");
    }
    const uint32_t owner = a.entity_of_mention[i];
    const uint32_t named = a.entity_of_mention[i + 1];
    if (!described || tokens[next.first - 1].upos != "NOUN" || owner == named ||
        a.entities[owner].type != EntityType::kPlace ||
        a.entities[named].type != EntityType::kOrganization) {
      continue;
    }
    next_about(i, "of", 0.75f);
  }
  for (size_t s = 0; s < a.sentences.size(); ++s) SentenceFacts(a, s, facts).Run();
}

std::string NormaliseRelation(std::string_view text) {
  std::string out;
  for (char c : text) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    const bool keep = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
    if (keep) {
      out.push_back(c);
    } else if (!out.empty() && out.back() != '_') {
      out.push_back('_');
    }
  }
  while (!out.empty() && out.back() == '_') out.pop_back();
  // Not a number or a hyphen first: "49%-owned by" is "own".
  const size_t word = out.find_first_of("abcdefghijklmnopqrstuvwxyz");
  out.erase(0, word == std::string::npos ? out.size() : word);
  return out;
}

}  // namespace kg::extract
