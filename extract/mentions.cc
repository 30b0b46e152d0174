#include "extract/mentions.h"

#include <algorithm>
#include <optional>
#include <unordered_set>

#include "core/text.h"
#include "extract/cues.h"
#include "extract/dateline.h"

namespace kg::extract {
namespace {

bool StartsUpper(std::string_view w) {
  if (w.empty()) return false;
  const auto c = static_cast<unsigned char>(w[0]);
  if (c >= 'A' && c <= 'Z') return true;
  // Latin-1 and Latin Extended capitals (2-byte UTF-8): Á, Ž, Ł...
  if (c == 0xC3 && w.size() > 1) {
    const auto d = static_cast<unsigned char>(w[1]);
    return d >= 0x80 && d <= 0x9E && d != 0x97;
  }
  return (c == 0xC4 || c == 0xC5) && w.size() > 1 && (static_cast<unsigned char>(w[1]) % 2 == 0);
}

bool IsWordToken(std::string_view w) {
  for (char c : w) {
    if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z')) return true;
  }
  return false;
}

// Two or more letters, all capitals: "US", "NATO", "WHO".
bool IsAcronym(std::string_view w) {
  size_t letters = 0;
  for (char c : w) {
    if (c >= 'a' && c <= 'z') return false;
    if (c >= 'A' && c <= 'Z') ++letters;
  }
  return letters >= 2;
}

// "de", "del", "da", "do", "dos": "of" in Spanish and Portuguese names.
bool IsRomanceOf(std::string_view w) {
  return w == "de" || w == "del" || w == "da" || w == "do" || w == "dos";
}

// Spanish and Portuguese words that start the names of places: "Ciudad de Mexico", "Puerto de
// la Cruz", "San Jose".
bool IsRomancePlaceWord(std::string_view lower) {
  static constexpr std::string_view kWords[] = {"ciudad", "puerto", "san",  "santa", "santo",
                                                "villa",  "isla",   "bahia", "rio",  "lago",
                                                "cerro",  "estado", "provincia"};
  return std::find(std::begin(kWords), std::end(kWords), lower) != std::end(kWords);
}

bool IsPossessive(std::string_view w) { return w == "'s" || w == "\xE2\x80\x99s" || w == "'"; }

bool IsOpeningPunct(std::string_view w) {
  return w == "\"" || w == "\xE2\x80\x9C" || w == "'" || w == "\xE2\x80\x98" || w == "(" ||
         w == "[" || w == ":" || w == "-" || w == "\xE2\x80\x94" || w == "\xE2\x80\x93";
}

// Whether every hyphen-separated part of `w` is capitalised: "Sub-Regional", "Saint-Louis".
bool IsCapitalisedParts(std::string_view w) {
  size_t start = 0;
  while (start <= w.size()) {
    size_t dash = w.find('-', start);
    if (dash == std::string_view::npos) dash = w.size();
    if (!StartsUpper(w.substr(start, dash - start))) return false;
    start = dash + 1;
  }
  return true;
}

// A word that can be part of a name: capitalised, without a hyphen ("Late-Night" in a
// headline and "Russian-occupied" are not names; "US-Russia" is two, which the recogniser
// splits).
bool IsNameWord(std::string_view w) {
  return StartsUpper(w) && w.find('-') == std::string_view::npos;
}

// Whether token k is a hyphen written against the words on both sides: "al-Kuwari",
// "Saint-Louis", "secretary-general"; not the dash of "Kyiv - a city".
bool JoiningHyphen(const std::vector<nlp::Token>& tokens, size_t k) {
  return k > 0 && k + 1 < tokens.size() && tokens[k].form == "-" &&
         tokens[k].span.begin == tokens[k - 1].span.end &&
         tokens[k + 1].span.begin == tokens[k].span.end;
}

// A token that can be part of a name. With tags: a proper noun, or a capitalised noun (taggers
// miss rare names; a lone capitalised first word is then checked against the document and the
// gazetteer); an adjective such as "Russian" is not a name. Without tags: any capitalised word.
bool IsNameToken(const nlp::Token& t) {
  if (!IsNameWord(t.form)) return false;
  if (t.upos.empty() || t.upos == "PROPN") return true;
  // "Red" in "the Red Cross": an adjective by its universal tag, a proper noun by its English one.
  if (t.upos == "ADJ" && (t.xpos == "NNP" || t.xpos == "NNPS")) return true;
  return t.upos == "NOUN" || t.upos == "X" || t.upos == "NUM";
}

// Mostly capitalised content words and no full stop: a title-case headline, where capitals say
// nothing. (A sentence full of names still ends with a full stop.)
bool IsTitleCase(const nlp::Sentence& s) {
  if (!s.tokens.empty() && (s.tokens.back().form == "." || s.tokens.back().form == "!")) {
    return false;
  }
  size_t content = 0, upper = 0;
  for (const auto& t : s.tokens) {
    if (!IsWordToken(t.form) || (IsFunctionWord(AsciiLower(t.form)) && !IsAcronym(t.form))) {
      continue;
    }
    ++content;
    if (StartsUpper(t.form)) ++upper;
  }
  return content >= 3 && upper * 10 >= content * 8;
}

// A wire service's credit line, "(Reporting by Kojo Asante in Accra; Editing by David Holmes)":
// who wrote the article, not who is in it. Its capitals would make it read as a headline.
bool IsCreditLine(const nlp::Sentence& s) {
  const auto& t = s.tokens;
  if (t.size() < 4 || (t[0].form != "(" && t[0].form != "[")) return false;
  const std::string first = AsciiLower(t[1].form);
  if (first != "reporting" && first != "writing" && first != "editing" && first != "additional" &&
      first != "compiled" && first != "produced") {
    return false;
  }
  return AsciiLower(t[2].form) == "by" || AsciiLower(t[3].form) == "by";
}

// A byline, "By Ciaran Doyle, Southern Affairs Correspondent", at the top of a story: "By", a
// name and no verb ("By Monday, Kyiv had agreed" has one; "By Tuesday, no word" starts with a
// day). Like a credit line, it names who wrote the story.
bool IsByline(const nlp::Sentence& s) {
  const auto& t = s.tokens;
  if (t.size() < 2 || t.size() > 16 || t[0].form != "By" || !StartsUpper(t[1].form) ||
      IsCalendarWord(AsciiLower(t[1].form))) {
    return false;
  }
  return std::none_of(t.begin(), t.end(), [](const nlp::Token& token) {
    return token.upos.empty() || token.upos == "VERB" || token.upos == "AUX";
  });
}

// Whether the capitalised word at `i` is part of a longer name: a capitalised word next to it,
// or before it across "of", "the", "for" ("Department of the Treasury"), not the sentence's
// first word (capitalised anyway).
bool InLongerName(const std::vector<nlp::Token>& tokens, size_t i) {
  if (i + 1 < tokens.size() && StartsUpper(tokens[i + 1].form)) return true;
  size_t j = i;
  while (j > 0) {
    const std::string before = AsciiLower(tokens[j - 1].form);
    if (before != "of" && before != "the" && before != "for") break;
    --j;
  }
  return j > 1 && StartsUpper(tokens[j - 1].form);
}

class DocumentScan final {
 public:
  DocumentScan(const std::vector<nlp::Sentence>& sentences, const Gazetteer& gazetteer)
      : sentences_(sentences), gazetteer_(gazetteer) {}

  std::vector<Mention> Run() {
    headline_.resize(sentences_.size());
    credit_.resize(sentences_.size());
    dateline_end_.resize(sentences_.size());
    text_start_.resize(sentences_.size());
    for (size_t s = 0; s < sentences_.size(); ++s) {
      dateline_end_[s] = DatelineEnd(sentences_[s]);
      text_start_[s] = TextStart(sentences_[s]);
      credit_[s] = IsCreditLine(sentences_[s]) || (s < 4 && IsByline(sentences_[s]));
      if (credit_[s]) continue;
      headline_[s] = IsTitleCase(sentences_[s]);
      const auto& tokens = sentences_[s].tokens;
      for (size_t i = 0; i < tokens.size(); ++i) {
        const std::string lower = AsciiLower(tokens[i].form);
        if (!StartsUpper(tokens[i].form)) {
          lowercase_words_.insert(lower);
        } else if (!headline_[s] && !AtSentenceStart(s, i)) {
          midsentence_names_.insert(lower);
          if (InLongerName(tokens, i)) longer_name_words_.insert(lower);
          if (i + 1 < tokens.size() && StartsUpper(tokens[i + 1].form)) {
            name_word_pairs_.insert(lower + " " + AsciiLower(tokens[i + 1].form));
          }
        }
      }
    }
    for (size_t s = 0; s < sentences_.size(); ++s) {
      if (!headline_[s] && !credit_[s]) Body(static_cast<uint32_t>(s));
    }
    TypeListsOfPlaces();
    for (const auto& m : mentions_) body_names_.insert(NameKey(m.text));
    std::vector<Mention> body = std::move(mentions_);
    mentions_.clear();
    // Headlines after the body, then merged back into text order.
    for (size_t s = 0; s < sentences_.size(); ++s) {
      if (headline_[s]) Headline(static_cast<uint32_t>(s));
    }
    std::vector<Mention> all;
    all.reserve(body.size() + mentions_.size());
    size_t b = 0, h = 0;
    std::vector<int32_t> body_index(body.size()), head_index(mentions_.size());
    while (b < body.size() || h < mentions_.size()) {
      const bool take_body = h == mentions_.size() ||
                             (b < body.size() && body[b].span.begin < mentions_[h].span.begin);
      if (take_body) {
        body_index[b] = static_cast<int32_t>(all.size());
        all.push_back(std::move(body[b++]));
      } else {
        head_index[h] = static_cast<int32_t>(all.size());
        all.push_back(std::move(mentions_[h++]));
      }
    }
    // Renumber role_of links, which pointed into the body list.
    for (auto& m : all) {
      if (m.role_of >= 0) m.role_of = body_index[m.role_of];
    }
    return all;
  }

 private:
  // The form of token `i` of sentence `s`; empty past either end (an index computed as "k - 2"
  // below 0 wraps to a huge one), so that a rule looking too far back reads no word, not memory.
  std::string_view Form(uint32_t s, size_t i) const {
    const std::vector<nlp::Token>& tokens = sentences_[s].tokens;
    return i < tokens.size() ? std::string_view(tokens[i].form) : std::string_view();
  }

  // "airports in Thessaloniki, Rhodes, Corfu and Santorini": in a list of three or more names,
  // at least half of them places, one of them known, and none surely anything else, a name typed
  // otherwise on weaker evidence (Rhodes the surname, Santorini the company) is a place too.
  void TypeListsOfPlaces() {
    size_t start = 0;
    while (start < mentions_.size()) {
      size_t end = start + 1;  // the list is mentions_[start, end)
      while (end < mentions_.size() && mentions_[end].sentence == mentions_[start].sentence) {
        const auto& tokens = sentences_[mentions_[end].sentence].tokens;
        const Mention& before = mentions_[end - 1];
        std::string between;
        for (uint32_t k = before.last; k < mentions_[end].first; ++k) {
          between.append(AsciiLower(tokens[k].form)).append(" ");
        }
        if (between != ", " && between != "and " && between != ", and " && between != "or " &&
            between != ", or ") {
          break;
        }
        ++end;
      }
      size_t places = 0, known_places = 0;
      bool other_sure = false;
      for (size_t k = start; k < end; ++k) {
        const Mention& m = mentions_[k];
        if (m.type == EntityType::kPlace) {
          places += m.evidence >= TypeEvidence::kRecognizer;
          known_places += m.evidence >= TypeEvidence::kGazetteer;
        } else {
          // (A one-word name the gazetteer knows as someone is often also a place: Rhodes.)
          other_sure |= m.evidence >= TypeEvidence::kNameWord &&
                        !(m.evidence == TypeEvidence::kGazetteer && m.last == m.first + 1);
        }
      }
      if (end - start >= 3 && known_places >= 1 && 2 * places >= end - start && !other_sure) {
        for (size_t k = start; k < end; ++k) {
          Mention& m = mentions_[k];
          if (m.type != EntityType::kPlace && !m.from_demonym) {
            m.type = EntityType::kPlace;
            m.evidence = TypeEvidence::kContext;
          }
        }
      }
      start = end;
    }
  }

  int32_t Add(uint32_t s, size_t first, size_t last, EntityType type, TypeEvidence evidence) {
    const auto& tokens = sentences_[s].tokens;
    Mention m;
    m.sentence = s;
    m.first = static_cast<uint32_t>(first);
    m.last = static_cast<uint32_t>(last);
    m.span = {tokens[first].span.begin, tokens[last - 1].span.end};
    // Forms are views of the document text, so the span's text is contiguous from the first.
    m.text = std::string_view(tokens[first].form.data(), m.span.size());
    m.type = type;
    m.evidence = evidence;
    mentions_.push_back(std::move(m));
    return static_cast<int32_t>(mentions_.size() - 1);
  }

  // The type the entity recogniser gives most tokens of [first, last), if any.
  std::optional<EntityType> RecognizedType(uint32_t s, size_t first, size_t last) const {
    int votes[4] = {0, 0, 0, 0};  // none, person, place, organization
    for (size_t k = first; k < last; ++k) {
      const std::string_view tag = sentences_[s].tokens[k].entity;
      if (tag.size() < 3) continue;
      const std::string_view kind = tag.substr(2);
      if (kind == "PER") ++votes[1];
      if (kind == "LOC") ++votes[2];
      if (kind == "ORG") ++votes[3];
    }
    const int best = static_cast<int>(std::max_element(votes + 1, votes + 4) - votes);
    if (votes[best] == 0) return std::nullopt;
    constexpr EntityType kTypes[] = {EntityType::kOther, EntityType::kPerson, EntityType::kPlace,
                                     EntityType::kOrganization};
    return kTypes[best];
  }

  // The type the sentence states for a name by a common noun of known class (classes.tsv,
  // from WordNet): a member of it ("towns including X", "cities such as X and Y", "X, a
  // Kremlin aide", "Ushakov, the aide") or, for a place noun, its name ("the city of X").
  std::optional<EntityType> ClassType(uint32_t s, size_t first, size_t last) const {
    const auto& tokens = sentences_[s].tokens;
    const auto outside = [&](int32_t i) {
      return i < static_cast<int32_t>(first) || i >= static_cast<int32_t>(last);
    };
    const size_t h = nlp::SpanHead(tokens, first, last);
    if (h == last) return std::nullopt;
    const auto class_of = [&](const nlp::Token& noun) {
      return NounClass(s, static_cast<size_t>(&noun - tokens.data()));
    };
    const auto appos_class = [&](const nlp::Token& noun) {
      return AppositionClass(s, static_cast<size_t>(&noun - tokens.data()));
    };
    // The noun in apposition to the name: "X, a Kremlin aide".
    for (size_t c = 0; c < tokens.size(); ++c) {
      if (tokens[c].head == static_cast<int32_t>(h) && outside(static_cast<int32_t>(c)) &&
          tokens[c].deprel == "appos") {
        if (auto type = appos_class(tokens[c])) return type;
      }
    }
    // The first of coordinated names carries the relation: "towns including X and Y".
    size_t m = h;
    for (int hops = 0; hops < 8 && tokens[m].deprel == "conj" && tokens[m].head >= 0; ++hops) {
      m = static_cast<size_t>(tokens[m].head);
    }
    if (tokens[m].head < 0) return std::nullopt;
    const size_t g = static_cast<size_t>(tokens[m].head);
    const std::string_view relation = tokens[m].deprel.substr(0, tokens[m].deprel.find(':'));
    const auto type = relation == "appos" ? appos_class(tokens[g]) : class_of(tokens[g]);
    if (!type) return std::nullopt;
    if (relation == "appos") return type;  // "the aide, Ushakov"
    if (relation != "nmod") return std::nullopt;
    for (size_t c = 0; c < tokens.size(); ++c) {
      if (tokens[c].head != static_cast<int32_t>(m) || tokens[c].deprel != "case") continue;
      const std::string marker = AsciiLower(tokens[c].form);
      if (marker == "including" || marker == "like" || marker == "as" || marker == "such") {
        return type;
      }
      // "the city of X" names the city; "the leader of X" does not name the leader.
      if (marker == "of" && *type == EntityType::kPlace) return type;
    }
    return std::nullopt;
  }

  // The class of the common noun at token `k` (classes.tsv, from WordNet), if it has one. A
  // person noun of trade with goods before it is a company: "poultry producer", "a Mauritanian
  // fishmeal producer", "nickel miner" (WordNet's producers and miners are people).
  std::optional<EntityType> NounClass(uint32_t s, size_t k) const {
    const auto& tokens = sentences_[s].tokens;
    if (tokens[k].upos != "NOUN") return std::nullopt;
    const auto type = gazetteer_.ClassOf(AsciiLower(tokens[k].lemma));
    if (type == EntityType::kPerson && k > 0 && tokens[k - 1].upos == "NOUN" &&
        gazetteer_.IsGoods(AsciiLower(tokens[k - 1].lemma))) {
      return EntityType::kOrganization;
    }
    return type;
  }

  // The class of the common noun at token `k` in apposition to a name, which says what the name
  // is even where WordNet files the noun elsewhere: an organisation word ("X, the country's
  // parliament"), a trade WordNet files as people ("Hoshino Photonics, the Japanese supplier").
  std::optional<EntityType> AppositionClass(uint32_t s, size_t k) const {
    const nlp::Token& noun = sentences_[s].tokens[k];
    const auto type = NounClass(s, k);
    const std::string lemma = AsciiLower(noun.lemma);
    if (noun.upos == "NOUN" && ((!type && IsOrganizationWord(lemma)) ||
                                (type == EntityType::kPerson && IsBusinessNoun(lemma)))) {
      return EntityType::kOrganization;
    }
    return type;
  }

  // The class of a common noun next to a name, read off the words where the parse went astray:
  // "Sanavida, a health insurer they blame" (the parser hung "insurer" on the verb), "consultancy
  // Mandala Research", "poultry producer Amberfield". Before the name only an organisation or
  // place noun counts: a person's is a title, read elsewhere, and "rival Redwing" says nothing.
  std::optional<EntityType> AdjacentClassType(uint32_t s, size_t first, size_t last) const {
    const auto& tokens = sentences_[s].tokens;
    // After: ", a|an|the [modifiers] NOUN", the noun the last of its run; or, without the
    // article, ", [modifiers] NOUN of|for|at": "Yaw Frimpong, managing director of ...".
    if (last + 2 < tokens.size() && tokens[last].form == ",") {
      const std::string det = AsciiLower(tokens[last + 1].form);
      const bool article = det == "a" || det == "an" || det == "the";
      const bool bare = !article && !StartsUpper(tokens[last + 1].form);
      for (size_t k = last + (article ? 2 : 1);
           (article || bare) && k < tokens.size() && k < last + 8; ++k) {
        const std::string_view u = tokens[k].upos;
        // "the company's executive": the possessor is not what the name is.
        if (u == "NOUN" && k + 1 < tokens.size() && IsPossessive(tokens[k + 1].form)) {
          ++k;
          continue;
        }
        if (u == "NOUN" && (k + 1 == tokens.size() || tokens[k + 1].upos != "NOUN")) {
          if (article) return AppositionClass(s, k);
          const std::string after = k + 1 < tokens.size() ? AsciiLower(tokens[k + 1].form) : "";
          if (after == "of" || after == "for" || after == "at") return NounClass(s, k);
          break;
        }
        // ("managing", "acting": participles the tagger reads as verbs.)
        if (u != "NOUN" && u != "ADJ" && u != "PROPN" && tokens[k].form != "-" &&
            tokens[k].xpos != "VBN" && tokens[k].xpos != "VBG") {
          break;
        }
      }
    }
    // Before: a lower-case noun right before the name (not a particle: "summon van Wyk").
    if (first > 0 && !StartsUpper(tokens[first - 1].form) &&
        !IsNameConnector(tokens[first - 1].form)) {
      const auto type = NounClass(s, first - 1);
      if (type == EntityType::kOrganization || type == EntityType::kPlace) return type;
      // A trade WordNet files as people names a company before its name: "digital lender
      // Kopano Credit", "carrier Ionian Wings".
      if (type == EntityType::kPerson && tokens[first - 1].upos == "NOUN" &&
          IsBusinessNoun(AsciiLower(tokens[first - 1].lemma))) {
        return EntityType::kOrganization;
      }
    }
    return std::nullopt;
  }

  // Whether token i starts sentence s, possibly after opening punctuation. After a dateline
  // ("Vienna: Negotiators from ...", "GENEVA — Talks ...", "COPIAPO, Chile, Nov 20 (Reuters) -
  // Residents ...") the text starts again, and so does its capitalisation.
  bool AtSentenceStart(size_t s, size_t i) const {
    const size_t start = text_start_[s] <= i ? text_start_[s] : 0;
    for (size_t k = start; k < i; ++k) {
      if (!IsOpeningPunct(sentences_[s].tokens[k].form)) return false;
    }
    return true;
  }

  // Whether tokens [first, last) are in the sentence's dateline, before any bracket ("(AP)"),
  // and not a person the recogniser reads ("Funmi Adeyemo: the refinery must reopen").
  bool InDateline(uint32_t s, size_t first, size_t last) const {
    const auto& tokens = sentences_[s].tokens;
    if (last >= dateline_end_[s]) return false;
    if (RecognizedType(s, first, last) == EntityType::kPerson) return false;
    for (size_t k = 0; k < first; ++k) {
      if (tokens[k].form == "(") return false;
    }
    return true;
  }

  // Whether the name at `first` is the second of two places a preposition of place governs:
  // "in Auckland and Hamilton" (the name before it a place by more than the preposition: not
  // "confidence in Putin and Trump").
  // With `strictly`, only after a preposition that takes nothing but places: "near Otavalo and
  // Ambato", not "from" ("delegates from Zarvenko and the Anglo Fund").
  bool CoordinatedWithPlace(uint32_t s, size_t first, bool strictly = false) const {
    const auto& tokens = sentences_[s].tokens;
    if (first < 3 || mentions_.empty() || AsciiLower(tokens[first - 1].form) != "and") {
      return false;
    }
    const Mention& before = mentions_.back();
    if (before.sentence != s || before.last + 1 != first || before.type != EntityType::kPlace ||
        before.evidence <= TypeEvidence::kContext || before.first == 0) {
      return false;
    }
    // The list's first place: "in Karachi, Lahore and Quetta".
    size_t head = mentions_.size() - 1;
    while (head > 0 && mentions_[head].first >= 2 &&
           tokens[mentions_[head].first - 1].form == "," && mentions_[head - 1].sentence == s &&
           mentions_[head - 1].last + 1 == mentions_[head].first &&
           mentions_[head - 1].type == EntityType::kPlace && mentions_[head - 1].first > 0) {
      --head;
    }
    const std::string preposition = AsciiLower(tokens[mentions_[head].first - 1].form);
    if (strictly) return preposition == "in" || preposition == "near";
    return IsPlacePreposition(preposition);
  }

  // Whether the name before "and" ends a list of three or more: "Karachi, Lahore and" (a word
  // the recogniser reads as a person is a place there, not in "in Kenya and Ruto said").
  bool EndsPlaceList(uint32_t s) const {
    if (mentions_.empty()) return false;
    const Mention& before = mentions_.back();
    return before.sentence == s && before.first >= 2 &&
           sentences_[s].tokens[before.first - 1].form == ",";
  }

  // Whether token `k` is a lower-case place noun after a name: "the Donetsk region", "the
  // Everest and Annapurna regions".
  bool PlaceHeadWordAfter(uint32_t s, size_t k) const {
    const auto& tokens = sentences_[s].tokens;
    if (k >= tokens.size()) return false;
    // The first of two: "the Madison and Kelvaro regions".
    if (tokens[k].form == "and") {
      size_t j = k + 1;
      while (j < tokens.size() && j < k + 4 && StartsUpper(tokens[j].form)) ++j;
      if (j == k + 1 || j >= tokens.size()) return false;
      const std::string plural = AsciiLower(tokens[j].form);
      return plural.size() > 3 && plural.back() == 's' && PlaceHeadWordAfter(s, j);
    }
    const std::string lower = AsciiLower(tokens[k].form);
    if (IsPlaceHeadWord(lower)) return true;
    if (lower.size() > 4 && lower.compare(lower.size() - 3, 3, "ies") == 0) {
      return IsPlaceHeadWord(lower.substr(0, lower.size() - 3) + "y");  // "cities"
    }
    return lower.size() > 3 && lower.back() == 's' &&
           IsPlaceHeadWord(std::string_view(lower).substr(0, lower.size() - 1));
  }

  // Whether the words before the name at `first` say it is a place: "a regional airline based
  // in Bodo", "headquartered in X", "travelled to Curuguaty", "fled to X".
  bool SaidToBeThere(uint32_t s, size_t first) const {
    if (first < 2) return false;
    const auto& tokens = sentences_[s].tokens;
    const std::string prep = AsciiLower(tokens[first - 1].form);
    const std::string before = AsciiLower(tokens[first - 2].form);
    if (prep == "in") return IsParticipleBeforePlace(before);
    if (prep != "to") return false;
    static constexpr std::string_view kTravel[] = {"travel", "fly", "drive", "sail", "flee",
                                                   "relocate"};
    return tokens[first - 2].upos == "VERB" &&
           std::find(std::begin(kTravel), std::end(kTravel), tokens[first - 2].lemma) !=
               std::end(kTravel);
  }

  // The type a name span gets from the gazetteer, the recogniser and its own words. A known name
  // keeps its gazetteer type: "Moscow said" and "Washington urged" are still places acting.
  void TypeOf(uint32_t s, size_t first, size_t last, EntityType* type,
              TypeEvidence* evidence) const {
    const auto& tokens = sentences_[s].tokens;
    const std::string_view text = Text(s, first, last);
    const std::optional<EntityType> recognized = RecognizedType(s, first, last);
    if (auto known = gazetteer_.TypeOf(text)) {
      *type = *known;
      *evidence = TypeEvidence::kGazetteer;
      // "in Madison": a place named after a person (WordNet's first "Madison" is the president),
      // when the recogniser reads a place too.
      if (*known == EntityType::kPerson && recognized == EntityType::kPlace && first > 0) {
        const std::string before = AsciiLower(tokens[first - 1].form);
        if (IsPlacePreposition(before)) {
          *type = EntityType::kPlace;
          *evidence = TypeEvidence::kContext;
        }
      }
      if (*known == EntityType::kPerson &&
          (CoordinatedWithPlace(s, first) || PlaceHeadWordAfter(s, last) ||
           LocatingModifierAt(tokens, last) || SaidToBeThere(s, first))) {
        // "in Auckland and Hamilton", "the Annapurna region", "a Vancouver-based miner", "based
        // in Wellington"
        *type = EntityType::kPlace;
        *evidence = TypeEvidence::kNameWord;
      }
      return;
    }
    // "Kumasi-based Ashanti Produce Traders": where a company sits is a place, and what sits
    // there a company. So are the names of a dateline before its agency: "COPIAPO, Chile, Nov 20
    // (Reuters) -" says where the story was filed.
    if (LocatingModifierAt(tokens, last) || InDateline(s, first, last) ||
        SaidToBeThere(s, first)) {
      *type = EntityType::kPlace;
      *evidence = TypeEvidence::kNameWord;
      return;
    }
    // (And what is "state-owned", "family-run" or "Chinese-controlled" is a body.)
    const auto owned = [&] {
      const std::string w = AsciiLower(tokens[first - 1].form);
      return (w == "owned" || w == "run" || w == "controlled") && JoiningHyphen(tokens, first - 2);
    };
    if (first >= 3 && owned()) {
      *type = EntityType::kOrganization;
      *evidence = TypeEvidence::kNameWord;
      return;
    }
    if (first >= 2 && LocatingModifierAt(tokens, first - 2)) {
      *type = EntityType::kOrganization;
      *evidence = TypeEvidence::kNameWord;
      return;
    }
    // A name ending in an organisation word ("Northbridge Rail", "Helvex Pharma"), or with one
    // before its "of" or "for" ("Chamber of Mines of Zambia", "Bank of England"), is one,
    // whatever the recogniser reads.
    for (size_t i = last; i-- > first + 1;) {
      const std::string lower = AsciiLower(tokens[i].form);
      const bool head = i == last - 1 || lower == "of" || lower == "for";
      if (!head) continue;
      const size_t word = i == last - 1 ? i : i - 1;
      // (Or a capitalised word WordNet files as an organisation: "Episcopal Conference of
      // Ecuador"; not the syllable of "Kim Jong-un".)
      const std::string head_word = AsciiLower(tokens[word].form);
      // (Nor a person's name: "Charlotte Church", "Frank Church".)
      const bool persons_name = recognized == EntityType::kPerson ||
                                (last - first == 2 && gazetteer_.IsGivenName(tokens[first].form));
      if (IsOrganizationWord(head_word) ||
          (word > first && StartsUpper(tokens[word].form) && !persons_name &&
           gazetteer_.ClassOf(head_word) == EntityType::kOrganization)) {
        *type = EntityType::kOrganization;
        *evidence = TypeEvidence::kNameWord;
        return;
      }
    }
    // A name in Spanish or Portuguese "of" a country ("Banco de Portugal", "Petroleos de
    // Venezuela", "Ferrocarriles de Guatemala") is a body's, not a town's ("Ciudad de Mexico").
    if (last - first >= 3) {
      size_t de = first + 1;
      while (de + 1 < last && !IsRomanceOf(tokens[de].form)) ++de;
      const std::string country =
          de + 1 < last && IsRomanceOf(tokens[de].form) ? std::string(Text(s, de + 1, last)) : "";
      if (!country.empty() && gazetteer_.CountryOf(country) == country &&
          !IsRomancePlaceWord(AsciiLower(tokens[first].form)) &&
          !IsPlaceHeadWord(AsciiLower(tokens[de - 1].form))) {
        *type = EntityType::kOrganization;
        *evidence = TypeEvidence::kNameWord;
        return;
      }
    }
    // "in Khujand and Isfara" (not a name the recogniser reads as an organisation or a person:
    // "delegates from Zarvenko and Anna Weiss").
    // (After "in" or "near", also a word it reads as an organisation or a person: "near Otavalo
    // and Ambato", "in Karachi, Lahore and Quetta".)
    if ((!recognized && CoordinatedWithPlace(s, first)) ||
        ((recognized == EntityType::kOrganization ||
          (recognized == EntityType::kPerson && last - first == 1 && EndsPlaceList(s))) &&
         CoordinatedWithPlace(s, first, true))) {
      *type = EntityType::kPlace;
      *evidence = TypeEvidence::kNameWord;
      return;
    }
    // A name ending in a place noun ("Lapu-Lapu City", "Naryn River"), or starting with one and
    // "of" ("Gulf of Saros"), or with "Mount" or "Lake" ("Mount Elgon", whatever the recogniser
    // reads), is a place; not a person's ("Ricki Lake", a known given name first).
    if (last - first >= 2) {
      const bool ends = IsPlaceHeadWord(AsciiLower(tokens[last - 1].form));
      const std::string first_word = AsciiLower(tokens[first].form);
      const bool starts =
          (AsciiLower(tokens[first + 1].form) == "of" && IsPlaceHeadWord(first_word)) ||
          first_word == "mount" || first_word == "mt." || first_word == "lake";
      if ((ends && !(last - first == 2 && gazetteer_.IsGivenName(tokens[first].form))) || starts) {
        *type = EntityType::kPlace;
        *evidence = TypeEvidence::kNameWord;
        return;
      }
    }
    // A name of two or more words ending in goods or a trade ("Kafue Copper", "Maseru
    // Diamonds", "Halvorsen Retail") names the company that sells them, whatever the recogniser
    // reads, unless it can be a person's name (a known given name first, "Anna Rice", or a known
    // surname last, "Sharon Stone").
    // (A given name first says person only in two words: "Hai Feng Fishing" is a company.)
    // (Not a lower-case syllable after a hyphen: "Moon Jae-in".)
    if (last - first >= 2 && (last - first > 2 || !gazetteer_.IsGivenName(tokens[first].form)) &&
        !gazetteer_.IsSurname(tokens[last - 1].form) &&
        (tokens[last - 2].form != "-" || StartsUpper(tokens[last - 1].form))) {
      const std::string word = AsciiLower(tokens[last - 1].form);
      const bool plural = word.size() > 3 && word.back() == 's';
      const auto sells = [&](std::string_view w) {
        return gazetteer_.IsGoods(w) || gazetteer_.IsTrade(w);
      };
      // ... or in a plural noun of people ("Ashanti Produce Traders", "United Steelworkers"):
      // a group of them, not a person.
      const std::string_view singular = std::string_view(word).substr(0, word.size() - 1);
      if (sells(word) || sells(AsciiLower(tokens[last - 1].lemma)) || (plural && sells(singular)) ||
          IsPluralOfPeople(word)) {
        *type = EntityType::kOrganization;
        *evidence = TypeEvidence::kNameWord;
        return;
      }
    }
    if (auto stated = ClassType(s, first, last)) {
      *type = *stated;
      *evidence = TypeEvidence::kClassNoun;
      return;
    }
    // A surname's particle between capitalised words: "Pieter van der Merwe", "Ursula von der
    // Leyen", "Mohammed bin Salman"; "de" or "du" only after a known given name ("Maria de la
    // Cruz", not "Puerto de la Cruz").
    if (last - first >= 3 && StartsUpper(tokens[first].form) &&
        StartsUpper(tokens[last - 1].form)) {
      bool particle = false;
      for (size_t k = first + 1; k + 1 < last; ++k) {
        const std::string_view w = tokens[k].form;
        if (w == "van" || w == "von" || w == "bin" || w == "ibn" ||
            ((w == "de" || w == "du") &&
             gazetteer_.IsGivenName(tokens[first].form))) {
          particle = true;
        }
      }
      if (particle) {
        *type = EntityType::kPerson;
        *evidence = TypeEvidence::kNameWord;
        return;
      }
    }
    // "the Metalurgistul union", "the Sinar group": a word for a body that bears its own name,
    // written after it in lower case (the tagger may call it a proper noun). (Not "council",
    // "police" or "court": those are named after where they serve, "the Kanyama council".)
    // (Not a person's name the recogniser reads: "the Adani group" is Gautam Adani's.)
    if (first > 0 && AsciiLower(tokens[first - 1].form) == "the" && last < tokens.size() &&
        IsOwnNameBodyWord(tokens[last].form) && recognized != EntityType::kPerson) {
      *type = EntityType::kOrganization;
      *evidence = TypeEvidence::kNameWord;
      return;
    }
    // A known organisation's name and a country's: its branch there ("Greenpeace Romania").
    if (last - first >= 2 &&
        gazetteer_.TypeOf(Text(s, first, last - 1)) == EntityType::kOrganization &&
        gazetteer_.TypeOf(tokens[last - 1].form) == EntityType::kPlace) {
      *type = EntityType::kOrganization;
      *evidence = TypeEvidence::kNameWord;
      return;
    }
    // "Pearl Mobile Uganda", "Green Coast Ireland": words that name no place before a country's
    // name: a company's or a group's arm there, whatever the recogniser reads; not a place.
    // (Not a person's: the recogniser's reading, or a known given name and then middle names or
    // initials, "Michael B. Jordan"; but "Pearl Mobile Uganda".)
    const auto persons_name = [&] {
      if (!gazetteer_.IsGivenName(tokens[first].form)) return false;
      for (size_t k = first + 1; k + 1 < last; ++k) {
        const std::string_view w = tokens[k].form;
        const bool initial = w.size() == 2 && w[1] == '.';
        if (!initial && !gazetteer_.IsGivenName(w) && !gazetteer_.IsSurname(w)) return false;
      }
      return true;
    };
    if (last - first >= 3 && !gazetteer_.TypeOf(Text(s, first, last)) &&
        recognized != EntityType::kPerson && !persons_name()) {
      for (size_t country = last - 1; country + 2 >= last && country >= first + 2; --country) {
        const std::string_view name = Text(s, country, last);
        if (NameKey(gazetteer_.CountryOf(name)) != NameKey(name)) continue;
        // (Words that may each name a place elsewhere, "Mobile", but not together, nor a country
        // or a nationality.)
        bool placeless = !gazetteer_.TypeOf(Text(s, first, country));
        for (size_t k = first; k < country && placeless; ++k) {
          placeless = IsNameWord(tokens[k].form) && gazetteer_.CountryOf(tokens[k].form).empty() &&
                      gazetteer_.PlaceOfDemonym(tokens[k].form).empty();
        }
        if (!placeless) break;
        *type = EntityType::kOrganization;
        *evidence = TypeEvidence::kNameWord;
        return;
      }
    }
    // "the Tsagaan Tolgoi mine": a site is named after where it is, unless the recogniser reads
    // a company there ("the Rio Tinto mine"), or a person with a given name known as one. (After
    // "the" only: "savers who trust Kwame Mensah deposit their wages" has a verb there.)
    if (first > 0 && AsciiLower(tokens[first - 1].form) == "the" && last < tokens.size() &&
        tokens[last].upos == "NOUN" && IsSiteNoun(AsciiLower(tokens[last].lemma)) &&
        recognized != EntityType::kOrganization &&
        !(recognized == EntityType::kPerson && gazetteer_.IsGivenName(tokens[first].form)) &&
        !IsAcronym(tokens[first].form)) {
      *type = EntityType::kPlace;
      *evidence = TypeEvidence::kNameWord;
      return;
    }
    if (auto stated = AdjacentClassType(s, first, last)) {
      *type = *stated;
      *evidence = TypeEvidence::kClassNoun;
      return;
    }
    // "Sirdaryo Azot, which is majority-owned by the state": a person is "who", never "which";
    // a name the recogniser reads as one is a body's. (Not after a preposition, where "which"
    // may be the noun's before it: "a mission led by Tomas Herrera, which ended".)
    if (recognized == EntityType::kPerson && last + 1 < tokens.size() &&
        tokens[last].form == "," && AsciiLower(tokens[last + 1].form) == "which" &&
        (first == 0 || tokens[first - 1].upos != "ADP")) {
      *type = EntityType::kOrganization;
      *evidence = TypeEvidence::kNameWord;
      return;
    }
    // "the southern Apurimac region", "communities in Cotabambas province": a name with a word
    // for a place after it names the place, whatever the recogniser reads.
    if (PlaceHeadWordAfter(s, last)) {
      *type = EntityType::kPlace;
      *evidence = TypeEvidence::kNameWord;
      return;
    }
    // "farmers in Kibera", "near Syr Darya": after "in" or "near", a name the recogniser reads
    // as a person's is a place unless it may be a person's (a known given name or surname; "in
    // Mensah's view" has a possessive).
    const std::string preposition = first > 0 ? AsciiLower(tokens[first - 1].form) : "";
    if (recognized == EntityType::kPerson && (preposition == "in" || preposition == "near") &&
        !gazetteer_.IsGivenName(tokens[first].form) &&
        !gazetteer_.IsSurname(tokens[last - 1].form) &&
        !(last < tokens.size() && IsPossessive(tokens[last].form))) {
      *type = EntityType::kPlace;
      *evidence = TypeEvidence::kNameWord;
      return;
    }
    if (recognized) {
      *type = *recognized;
      *evidence = TypeEvidence::kRecognizer;
      return;
    }
    for (size_t i = first; i < last; ++i) {
      if (IsOrganizationWord(AsciiLower(tokens[i].form))) {
        *type = EntityType::kOrganization;
        *evidence = TypeEvidence::kHeadWord;
        return;
      }
    }
    if (first > 0) {
      // "in X", "in the X" ("cities in the Visayas").
      size_t k = first - 1;
      if (k > 0 && AsciiLower(tokens[k].form) == "the") --k;
      const std::string before = AsciiLower(tokens[k].form);
      if (IsPlacePreposition(before)) {
        *type = EntityType::kPlace;
        *evidence = TypeEvidence::kContext;
        return;
      }
    }
    *type = EntityType::kOther;
    *evidence = TypeEvidence::kNone;
  }

  // A place named by its nationality adjective: "Russian" in "Russian President".
  int32_t AddDemonym(uint32_t s, size_t i, std::string_view place, size_t words = 1) {
    const int32_t index = Add(s, i, i + words, EntityType::kPlace, TypeEvidence::kGazetteer);
    mentions_[index].text = place;
    mentions_[index].from_demonym = true;
    return index;
  }

  // The owner of a role stated before token `i`: a name or demonym, or a name and "'s".
  int32_t OwnerBefore(uint32_t s, size_t i) {
    if (i == 0) return -1;
    size_t k = i;
    if (IsPossessive(Form(s, k - 1))) --k;
    if (k == 0 || mentions_.empty()) return -1;
    const Mention& last = mentions_.back();
    if (last.sentence == s && last.last == k) return static_cast<int32_t>(mentions_.size() - 1);
    return -1;
  }

  // Whether token k begins (B-) or continues (I-) a name by the entity recogniser's reading.
  static bool RecognizedBegin(const nlp::Token& t) {
    return t.entity.size() > 2 && t.entity[0] == 'B';
  }
  static bool RecognizedInside(const nlp::Token& t) {
    return t.entity.size() > 2 && t.entity[0] == 'I';
  }
  // Whether the recogniser reads token t as part of a person's name.
  static bool RecognizedPerson(const nlp::Token& t) {
    return t.entity.find("PER") != std::string::npos;
  }

  void Body(uint32_t s) {
    const auto& tokens = sentences_[s].tokens;
    const size_t n = tokens.size();
    // Part of a name: a name token, or a capitalised word the recogniser puts inside one
    // ("International" in "International Atomic Energy Agency").
    // "Sub-Regional" in "Sub-Regional Fisheries Commission": capitalised parts joined by hyphens
    // are one name word when the recogniser reads them inside a name ("US-Russia" it does not).
    const auto hyphenated_name = [&](size_t k) {
      const std::string_view f = tokens[k].form;
      return f.find('-') != std::string_view::npos && IsCapitalisedParts(f) &&
             tokens[k].entity.size() > 2;
    };
    // (A capitalised organisation word the tagger took for an adjective is one too:
    // "Fishermen's Cooperative".)
    const auto in_name = [&](size_t k) {
      return IsNameToken(tokens[k]) || hyphenated_name(k) ||
             (IsNameWord(tokens[k].form) &&
              (RecognizedInside(tokens[k]) || IsOrganizationWord(AsciiLower(tokens[k].form))));
    };
    // Whether the attached hyphen at `k` joins two parts of one name: "Saint-Louis",
    // "Guinea-Bissau" (the recogniser reads it inside the name), "Cluj-Napoca", "Lapu-Lapu City",
    // "Ride-Share Drivers Association"; not two names known apart, "US-Russia", nor a known name
    // paired with another before a common noun, "the Israel-Hamas war".
    const auto known_apart = [&](size_t k) {
      const auto known = [&](std::string_view w) {
        return gazetteer_.TypeOf(w).has_value() || !gazetteer_.PlaceOfDemonym(w).empty();
      };
      const bool left = known(tokens[k - 1].form), right = known(tokens[k + 1].form);
      const bool before_noun =
          k + 2 < n && tokens[k + 2].upos == "NOUN" && !StartsUpper(tokens[k + 2].form);
      return (left && right) || ((left || right) && before_noun);
    };
    const auto name_hyphen = [&](size_t k) {
      return JoiningHyphen(tokens, k) && in_name(k + 1) &&
             (RecognizedInside(tokens[k]) || !known_apart(k));
    };
    // Whether the attached hyphen at `k` joins the lower-case second syllable of a person's given
    // name: "Lee Soo-jin", "Park Ji-hoon", "Moon Jae-in" (not "Serb-majority", "Kremlin-backed",
    // "the Erdogan-style crackdown").
    const auto given_name_syllable = [&](size_t k) {
      if (!JoiningHyphen(tokens, k) || !RecognizedPerson(tokens[k - 1])) {
        return false;
      }
      // (A family name and a first syllable before it; the second a proper noun, or a noun of
      // two letters the tagger mistook: "Jae-in", not "Biden-era".)
      if (k < 2 || !in_name(k - 2)) return false;
      const nlp::Token& next = tokens[k + 1];
      const bool letters = std::all_of(next.form.begin(), next.form.end(),
                                       [](char c) { return c >= 'a' && c <= 'z'; });
      return letters && next.form.size() <= 5 &&
             (next.upos == "PROPN" || (next.upos == "NOUN" && next.form.size() <= 2));
    };
    // Whether "and" at `k` joins two parts of one organisation's name or title: "Energy and
    // Mineral Resources Ministry", "Poultry and Food Workers' Union", "Works and Transport
    // Minister"; not "Kenya and Uganda Revenue Authority", where a known name comes before it.
    const auto name_and = [&](size_t b, size_t k) {
      if (k + 1 >= n || tokens[k].form != "and" || !in_name(k + 1)) return false;
      while (b < k && IsFunctionWord(AsciiLower(tokens[b].form))) ++b;  // "The Energy and ..."
      // A nationality or country first owns the rest: "Lao | Energy and Mines Minister".
      if (b < k && (!gazetteer_.PlaceOfDemonym(tokens[b].form).empty() ||
                    gazetteer_.TypeOf(tokens[b].form) == EntityType::kPlace)) {
        ++b;
      }
      if (b == k) return false;  // "Kenya and Uganda Revenue Authority"
      // An acronym is a name of its own, never a portfolio: "FIFA and Confederation of ...".
      if (k - b == 1 && IsAcronym(tokens[b].form)) return false;
      // Not a person's name before it: "Yuri Ushakov and Trump adviser Steve Witkoff".
      for (size_t j = b; j < k; ++j) {
        if (RecognizedPerson(tokens[j]) || gazetteer_.IsGivenName(tokens[j].form)) {
          return false;
        }
      }
      // (A lone organisation word is a portfolio, "Energy and ..."; after other words it ends a
      // name of its own, "Bank of Kenya and ...".)
      if (k - b > 1 && IsOrganizationWord(AsciiLower(tokens[k - 1].form))) return false;
      for (size_t j = b; j < k; ++j) {
        // (WordNet knows "Energy" as a department: not a place or person of its own.)
        const auto known = gazetteer_.TypeOf(tokens[j].form);
        if ((known && *known != EntityType::kOrganization) ||
            IsTitleWord(AsciiLower(tokens[j].form)) ||
            !gazetteer_.PlaceOfDemonym(tokens[j].form).empty()) {
          return false;
        }
      }
      for (size_t j = k + 1; j < n && j <= k + 4; ++j) {
        const std::string lower = AsciiLower(tokens[j].form);
        if (IsOrganizationWord(lower) || IsTitleWord(lower)) return true;
        if (!in_name(j) && !PossessiveInOrganisation(tokens, j, in_name)) return false;
      }
      return false;
    };
    // Whether "and" at `k` joins the two portfolios of a ministry or department named with "of":
    // "Ministry of Fisheries and Marine Resources", "Department of Marine and Coastal Affairs";
    // not where a name known apart, an acronym or another organisation follows ("the Ministry of
    // Health and Kenya Power", "Ministry of Defence and NATO", "Bank of Ghana and Ecobank").
    // Returns how many tokens "and" and the second portfolio take, or 0.
    const auto portfolio_and = [&](size_t b, size_t k) -> size_t {
      if (k + 1 >= n || tokens[k].form != "and") return 0;
      size_t of = b;
      while (of < k && tokens[of].form != "of") ++of;
      if (of == b || of + 1 >= k || !IsOrganizationWord(AsciiLower(tokens[of - 1].form))) {
        return 0;
      }
      const auto portfolio_word = [&](size_t j) {
        const std::string lower = AsciiLower(tokens[j].form);
        const auto known = gazetteer_.TypeOf(tokens[j].form);
        // (A capitalised word the tagger took for an adjective too: "Marine Resources".)
        // (A field a ministry holds is one, though it ends company names: "Energy"; and a word
        // WordNet knows as a department, "Trade", though not as a place or person.)
        return (in_name(j) || IsNameWord(tokens[j].form)) &&
               (!IsOrganizationWord(lower) || IsFieldWord(lower)) && !IsTitleWord(lower) &&
               !IsAcronym(tokens[j].form) && (!known || *known == EntityType::kOrganization) &&
               gazetteer_.PlaceOfDemonym(tokens[j].form).empty();
      };
      for (size_t j = of + 1; j < k; ++j) {
        if (!portfolio_word(j)) return 0;
      }
      // (After "and", not a name of its own: a place or person the gazetteer knows, or one the
      // recogniser starts there as a person or place, "the Ministry of Health and Pfizer". It
      // often starts an organisation at the second portfolio, "Industry and | Trade".)
      if (RecognizedBegin(tokens[k + 1]) && tokens[k + 1].entity.find("ORG") == std::string::npos) {
        return 0;
      }
      size_t j = k + 1;
      while (j < n && j <= k + 3 && portfolio_word(j)) ++j;
      const bool ends = j > k + 1 && (j == n || !(in_name(j) || IsNameWord(tokens[j].form)));
      return ends ? j - k : 0;
    };
    // Whether the capitalised word at `k`, which the tagger read as no name ("First" an adverb),
    // joins the name words around it: "Patients First NZ"; not a nationality or a title, which
    // start a new name ("told CNN Israeli Prime Minister Benjamin Netanyahu"), nor a word the
    // recogniser reads as the start of one.
    const auto joins_name_words = [&](size_t k) {
      if (!IsNameWord(tokens[k].form) || AtSentenceStart(s, k) || k + 1 >= n ||
          !IsNameToken(tokens[k + 1]) || RecognizedBegin(tokens[k])) {
        return false;
      }
      const std::string lower = AsciiLower(tokens[k].form);
      return !IsFunctionWord(lower) && !IsTitleWord(lower) && !IsTitleModifier(lower) &&
             gazetteer_.PlaceOfDemonym(tokens[k].form).empty();
    };
    // Where a name that runs on through lower-case "for", "and", "of", "the" ends at the acronym
    // the article gives it in brackets: "Royal Society for the Conservation of Nature (RSCN)",
    // "National Service for Plant and Seed Quality and Health (SENAVE)". The bracket says the
    // words before it are one name; that they start at `b` needs the acronym's letters to be
    // the capitalised words' initials, or an organisation word among the first words. Returns
    // the end of the name (the bracket), or 0.
    const auto acronym_end = [&](size_t b, size_t k) -> size_t {
      const auto connector = [&](size_t j) {
        const std::string_view f = tokens[j].form;
        return f == "for" || f == "and" || f == "of" || f == "the" || f == "on" || f == "de";
      };
      size_t j = k;
      while (j < n && j < b + 14 && (connector(j) || in_name(j) || IsNameWord(tokens[j].form))) {
        ++j;
      }
      if (j == k || j + 2 >= n || tokens[j].form != "(" || tokens[j + 2].form != ")" ||
          !IsAcronym(tokens[j + 1].form) || connector(j - 1)) {
        return 0;
      }
      std::string letters;
      for (char c : tokens[j + 1].form) {
        if (c >= 'A' && c <= 'Z') letters.push_back(c);
      }
      // (Two bodies, the second with its acronym: "the World Bank and the International
      // Monetary Fund (IMF)", "Tullow Oil and GNPC's full name (GNPC)": "and the" joins names,
      // and so does an "and" after which the acronym's initials start.)
      std::string initials;
      bool organisation = false;
      for (size_t w = b; w < j; ++w) {
        if (connector(w)) {
          if (tokens[w].form == "and" && tokens[w + 1].form == "the") return 0;
          continue;
        }
        if (!IsNameWord(tokens[w].form)) return 0;
        if (w > b && tokens[w - 1].form == "and") {
          std::string rest;
          for (size_t r = w; r < j; ++r) {
            if (!connector(r)) rest.push_back(tokens[r].form[0]);
          }
          if (rest == letters) return 0;
        }
        initials.push_back(tokens[w].form[0]);
        organisation = organisation || (w < k && IsOrganizationWord(AsciiLower(tokens[w].form)));
      }
      return initials == letters || organisation ? j : 0;
    };
    size_t i = 0;
    while (i < n) {
      // A name starts at a name token, or at a capitalised word that begins a name the gazetteer
      // knows ("European Union") or the recogniser reads ("European Commission").
      // A capitalised word the tagger took for an adjective also starts one when it is a known
      // name ("Maldives"), or when name words ending in an organisation word follow it ("the
      // paramilitary Rapid Support Forces"); not a nationality ("Russian officials").
      const auto organisation_follows = [&](size_t k) {
        for (size_t j = k;
             j < n && j < k + 4 && (in_name(j) || PossessiveInOrganisation(tokens, j, in_name));
             ++j) {
          if (IsOrganizationWord(AsciiLower(tokens[j].form))) return true;
        }
        return false;
      };
      const bool capitalised_adjective = IsNameWord(tokens[i].form) && tokens[i].upos == "ADJ" &&
                                         gazetteer_.PlaceOfDemonym(tokens[i].form).empty();
      const bool starts = IsNameToken(tokens[i]) ||
                          (hyphenated_name(i) && i + 1 < n && in_name(i + 1)) ||
                          (IsNameWord(tokens[i].form) && i + 1 < n && in_name(i + 1) &&
                           (KnownNameStartsAt(s, i) ||
                            (RecognizedBegin(tokens[i]) && RecognizedInside(tokens[i + 1])))) ||
                          (capitalised_adjective &&
                           // At a sentence start only with a name after it: not "Central to".
                           (!AtSentenceStart(s, i) || (i + 1 < n && in_name(i + 1))) &&
                           (gazetteer_.TypeOf(tokens[i].form) || organisation_follows(i + 1) ||
                            // at a sentence start, two words the document capitalises together
                            // inside a sentence: "Green Coast also called" after "Green Coast
                            // Ireland"
                            (AtSentenceStart(s, i) && i + 1 < n &&
                             name_word_pairs_.count(AsciiLower(tokens[i].form) + " " +
                                                    AsciiLower(tokens[i + 1].form)))));
      // "the South African demand", "South Korean-flagged": a nationality of two words names its
      // country, whatever the tagger made of its parts (not "South African Airways").
      // Before more name words, it starts their run, whose title it owns: "Sri Lankan President
      // Anura Dissanayake", tagged as two adjectives.
      bool two_word_demonym = false;
      if (i + 1 < n && IsNameWord(tokens[i].form) && IsNameWord(tokens[i + 1].form) &&
          !gazetteer_.PlaceOfDemonym(Text(s, i, i + 2)).empty()) {
        // (Nor before a person's name with no title, "Sri Lankan Anura Dissanayake won", where
        // the parser makes a subject of it.)
        const bool person_next = i + 2 < n && (tokens[i + 2].entity == "B-PER" ||
                                               gazetteer_.IsGivenName(tokens[i + 2].form));
        if (i + 2 == n || !in_name(i + 2) || person_next) {
          if (!person_next) AddDemonym(s, i, gazetteer_.PlaceOfDemonym(Text(s, i, i + 2)), 2);
          i += 2;
          continue;
        }
        two_word_demonym = true;
      }
      if (!starts && !two_word_demonym) {
        // A tagged nationality adjective names its country: "Russian officials", "Russian
        // President ..." (an untagged one starts a capitalised run, handled there).
        if (!tokens[i].upos.empty() && IsNameWord(tokens[i].form)) {
          const std::string_view place = gazetteer_.PlaceOfDemonym(tokens[i].form);
          if (!place.empty()) AddDemonym(s, i, place);
        }
        ++i;
        continue;
      }
      size_t end = two_word_demonym ? i + 2 : i + 1;
      bool organisation = IsOrganizationWord(AsciiLower(tokens[i].form));
      // A name the gazetteer knows runs to its end, lower-case words and all ("Dar es Salaam").
      const size_t known_end = KnownNameEnd(s, i);
      while (end < n) {
        if (end < known_end) {
          ++end;
        } else if (in_name(end)) {
          organisation = organisation || IsOrganizationWord(AsciiLower(tokens[end].form));
          ++end;
        } else if (organisation && tokens[end].form == "of" && end + 1 < n &&
                   KnownNameEnd(s, end + 1) > end + 2) {
          end = KnownNameEnd(s, end + 1);  // "Supermarkets Association of Trinidad and Tobago"
        } else if (IsNameConnector(tokens[end].form) && end + 1 < n && in_name(end + 1)) {
          end += 2;  // "Board of Peace", "International Court of Justice"
        } else if (tokens[end].form == "for" && IsTitleWord(AsciiLower(tokens[end - 1].form)) &&
                   end + 1 < n && in_name(end + 1)) {
          end += 2;  // "Minister for Transport Conor Whelan"
        } else if (tokens[end].form != "of" && IsNameConnector(tokens[end].form) &&
                   end + 2 < n && tokens[end + 1].form != "of" &&
                   IsNameConnector(tokens[end + 1].form) && in_name(end + 2)) {
          end += 3;  // "Pieter van der Merwe", "Maria de la Cruz"
        } else if (organisation && AsciiLower(tokens[end].form) == "of" && end + 2 < n &&
                   !gazetteer_.PlaceOfDemonym(tokens[end + 1].form).empty() && in_name(end + 2) &&
                   GroupWord(tokens[end + 2].form)) {
          // "Federation of Nepalese Hoteliers": a nationality the tagger read apart, before a
          // group of people or a body (not "the Agency of German Chancellor Angela Merkel").
          end += 3;
        } else if (IsNameConnector(AsciiLower(tokens[end].form)) && end + 2 < n &&
                   JoiningHyphen(tokens, end + 1) && in_name(end + 2)) {
          end += 3;  // "Nasser al-Kuwari"
        } else if (joins_name_words(end)) {
          end += 2;  // a capitalised word between name words: "Patients First NZ"
        } else if (tokens[end].form == "&" && end + 1 < n && IsNameWord(tokens[end + 1].form)) {
          end += 2;  // "Addo & Partners", "Procter & Gamble"
        } else if (name_hyphen(end) || given_name_syllable(end)) {
          end += 2;  // "Saint-Louis", "Lee Soo-jin"
        } else if (name_and(i, end)) {
          end += 1;  // "Energy and Mineral Resources Ministry"
        } else if (const size_t portfolio = portfolio_and(i, end)) {
          end += portfolio;  // "Ministry of Fisheries and Marine Resources"
        } else if (PossessiveInOrganisation(tokens, end, in_name)) {
          end += 2;  // "Norwegian Fishermen's Association", "People's Liberation Army"
        } else if (const size_t skip = organisation ? OrganisationConnector(tokens, end) : 0) {
          end += skip;  // "Committee of the Red Cross", "Forces for the Liberation of Rwanda"
        } else if (organisation && tokens[end].form == "to" && end + 2 < n &&
                   tokens[end + 1].xpos == "VB" && IsNameWord(tokens[end + 1].form) &&
                   (in_name(end + 2) || IsNameWord(tokens[end + 2].form))) {
          end += 2;  // "Committee to Protect Journalists": a capitalised verb after "to"
        } else if (const size_t bracket = acronym_end(i, end)) {
          end = bracket;  // "Royal Society for the Conservation of Nature (RSCN)"
        } else {
          break;
        }
      }
      // "Serb-majority", "Kremlin-backed": a name inside a compound modifier is not a mention,
      // unless the modifier says where something is: "Kumasi-based" names a place.
      const bool modifier = end + 1 < n && tokens[end].form == "-" &&
                            tokens[end].span.begin == tokens[end - 1].span.end &&
                            !IsNameWord(tokens[end + 1].form);
      // "summon van Wyk": a surname's particle, lower-case before it, is part of it.
      size_t begin = i;
      if (i >= 1 && tokens[i - 1].form != "of" && IsNameConnector(tokens[i - 1].form) &&
          (i == 1 || !in_name(i - 2))) {
        begin = i - 1;
      }
      if (!modifier || LocatingModifierAt(tokens, end)) Run(s, begin, end);
      i = end;
    }
  }

  // A capitalised word that names a group after "of" and a nationality: a plural that is no
  // title ("Hoteliers", "Miners", "Workers") or an organisation word ("Union").
  bool GroupWord(std::string_view form) const {
    const std::string lower = AsciiLower(form);
    if (IsTitleWord(lower) || IsTitleModifier(lower)) return false;
    return IsOrganizationWord(lower) || (lower.size() > 3 && lower.back() == 's');
  }

  // Whether a lower-case word is the plural of a noun of people (classes.tsv): "traders",
  // "citizens", "steelworkers".
  bool IsPluralOfPeople(std::string_view lower) const {
    return lower.size() > 3 && lower.back() == 's' &&
           gazetteer_.ClassOf(lower.substr(0, lower.size() - 1)) == EntityType::kPerson;
  }

  // Whether the possessive at `k` is inside an organisation's name: attached to the word before
  // it and followed by name words that end in an organisation word within three.
  template <typename InName>
  bool PossessiveInOrganisation(const std::vector<nlp::Token>& tokens, size_t k,
                                const InName& in_name) const {
    const std::string_view f = tokens[k].form;
    if (f != "'s" && f != "\u2019s" && f != "'" && f != "\u2019") return false;
    if (k == 0 || tokens[k].span.begin != tokens[k - 1].span.end) return false;
    // Of a group of people ("Fishermen's", "Workers'", "Operators'"), not of a person or a
    // country ("Putin's Security Council" is Putin's).
    const std::string owner = AsciiLower(tokens[k - 1].form);
    const auto ends = [&](std::string_view tail) {
      return owner.size() >= tail.size() &&
             owner.compare(owner.size() - tail.size(), tail.size(), tail) == 0;
    };
    // ("Citizens'": any plural of a noun of people.)
    if (!ends("men") && !ends("people") && !ends("ren") && !ends("ers") && !ends("ors") &&
        !ends("ists") && !ends("ants") && !ends("ents") && !IsPluralOfPeople(owner)) {
      return false;
    }
    for (size_t j = k + 1; j < tokens.size() && j <= k + 3 && in_name(j); ++j) {
      if (IsOrganizationWord(AsciiLower(tokens[j].form))) return true;
    }
    return false;
  }

  // The words that join the parts of an organisation's name at `k` ("for", "of the", "for the",
  // "on"), when a name word follows them: how many (with the capitalised adjectives after them),
  // or 0.
  size_t OrganisationConnector(const std::vector<nlp::Token>& tokens, size_t k) const {
    const std::string first = AsciiLower(tokens[k].form);
    if (first != "of" && first != "for" && first != "on") return 0;
    size_t next = k + 1;
    if (next < tokens.size() && AsciiLower(tokens[next].form) == "the") ++next;
    // Capitalised adjectives of the name first: "Foundation for Accessible Cities".
    size_t name = next;
    while (name < tokens.size() && name < next + 2 && tokens[name].upos == "ADJ" &&
           IsNameWord(tokens[name].form)) {
      ++name;
    }
    if (name > next && (name >= tokens.size() || !IsNameToken(tokens[name]))) name = next;
    // (Not "the Central Bank on Monday".)
    if (name >= tokens.size() || !IsNameToken(tokens[name]) ||
        IsCalendarWord(AsciiLower(tokens[name].form))) {
      return 0;
    }
    return name - k;
  }

  // The role that tokens [b, e) state, as a relation stem: "Foreign Minister" ->
  // "foreign_minister", "newly appointed senior adviser" -> "adviser" (words of time and rank are
  // not the role).
  std::string RoleName(uint32_t s, size_t b, size_t e) const {
    std::string role;
    for (size_t k = b; k < e; ++k) {
      const std::string w = AsciiLower(Form(s, k));
      if (w == "former" || w == "newly" || w == "appointed" || w == "acting" || w == "senior" ||
          w == "top" || w == "recently") {
        continue;
      }
      // "secretary-general": the hyphen joins, without the separator.
      if (!role.empty() && w != "-" && role.back() != '-') role.push_back('_');
      role.append(w);
    }
    return role;
  }

  Span SpanOf(uint32_t s, size_t b, size_t e) const {
    const auto& tokens = sentences_[s].tokens;
    return {tokens[b].span.begin, tokens[e - 1].span.end};
  }

  // The document text of tokens [b, e), spaces between them included.
  std::string_view Text(uint32_t s, size_t b, size_t e) const {
    const auto& tokens = sentences_[s].tokens;
    return {tokens[b].form.data(), tokens[e - 1].span.end - tokens[b].span.begin};
  }

  // Whether tokens from `i` (two to four of them) spell a name the gazetteer knows.
  bool KnownNameStartsAt(uint32_t s, size_t i) const {
    const auto& tokens = sentences_[s].tokens;
    for (size_t n = 2; n <= 4 && i + n <= tokens.size(); ++n) {
      if (gazetteer_.TypeOf(Text(s, i, i + n))) return true;
    }
    return false;
  }

  // The end of the longest name of two to six tokens from `i` that the gazetteer knows and that
  // ends in a capitalised word ("Dar es Salaam", "Saint-Louis"), or `i` when there is none.
  size_t KnownNameEnd(uint32_t s, size_t i) const {
    const auto& tokens = sentences_[s].tokens;
    for (size_t n = std::min<size_t>(6, tokens.size() - i); n >= 2; --n) {
      if (StartsUpper(tokens[i + n - 1].form) && gazetteer_.TypeOf(Text(s, i, i + n))) {
        return i + n;
      }
    }
    return i;
  }

  // One run of capitalised tokens [b, e) in a body sentence.
  void Run(uint32_t s, size_t b, size_t e) {
    const size_t run_start = b;
    // Capitalised only because they start the sentence: function words, and common nouns the
    // article also writes in lower case ("Shares of Helvex fell": "Shares" and its "of" go).
    while (b < e) {
      const std::string lower = AsciiLower(Form(s, b));
      const nlp::Token& t = sentences_[s].tokens[b];
      // (Not a title before more name words: "Secretary of State Marco Rubio met".)
      const bool common_first_word =
          AtSentenceStart(s, b) && t.upos != "PROPN" && !RecognizedBegin(t) &&
          !gazetteer_.TypeOf(t.form) && !IsAcronym(t.form) && !(IsTitleWord(lower) && b + 1 < e) &&
          (lowercase_words_.count(lower) ||
           // (Not the first of several name words the document capitalises inside sentences
           // too: "Prairie Crossing chief executive"; but "Parents are divided".)
           ((t.upos == "NOUN" || t.upos == "NUM") &&
            !(b + 1 < e && midsentence_names_.count(lower))));
      // "Neighbouring Serbia and Bulgaria": a participle starting the sentence before a name,
      // though the recogniser reads it into the name; not one starting a body's name
      // ("Breaking News Network", "United Airlines").
      bool body_name = false;
      for (size_t k = b + 1; k < e; ++k) {
        body_name = body_name || IsOrganizationWord(AsciiLower(Form(s, k)));
      }
      const bool participle_first = AtSentenceStart(s, b) && b + 1 < e && t.upos == "VERB" &&
                                    (t.xpos == "VBG" || t.xpos == "VBN") && !body_name &&
                                    !gazetteer_.TypeOf(t.form) && !midsentence_names_.count(lower);
      // (An acronym in capitals is a name even when it spells a word: "US", "WHO".)
      const bool function_word =
          (IsFunctionWord(lower) || IsNumberWord(lower)) && !IsAcronym(t.form);
      if (!function_word && !IsCalendarWord(lower) && !common_first_word && !participle_first) {
        break;
      }
      ++b;
      if (b < e && IsNameConnector(Form(s, b))) ++b;
    }
    while (e > b && IsCalendarWord(AsciiLower(Form(s, e - 1)))) --e;
    if (b >= e) return;
    if (e - b == 1 && IsCompassWord(AsciiLower(Form(s, b)))) return;  // "South of the border"
    // "Rwandans", "Burundians": the people of a country, not an entity of their own (but
    // "Philippines" is the country of "Philippine").
    if (e - b == 1) {
      const std::string_view word = Form(s, b);
      if (word.size() > 2 && word.back() == 's' && !gazetteer_.TypeOf(word) &&
          !gazetteer_.PlaceOfDemonym(word.substr(0, word.size() - 1)).empty()) {
        return;
      }
    }
    // A role inside the run: "U.S. President Donald Trump", "Russian President Vladimir Putin",
    // "Admiral Igor Kostyukov". The last title word splits the owner from the person.
    size_t title_end = b;
    size_t title_start = e;
    for (size_t k = b; k < e; ++k) {
      // (Not a title's word that starts a body's name: "General Association of Bakery Owners",
      // "General Motors".)
      if (IsTitleWord(AsciiLower(Form(s, k))) &&
          !(k + 1 < e && IsOrganizationWord(AsciiLower(Form(s, k + 1))))) {
        title_end = k + 1;
        if (title_start == e) title_start = k;
      }
    }
    // Titles that end the run after "of" or "the" are a body's name: "Office of the Comptroller
    // General", "Office of the Special Prosecutor" (not "Bank of England Governor Andrew Bailey").
    if (title_start < e && title_start > b && title_end == e) {
      size_t q = title_start;
      while (q > b + 1 && IsTitleModifier(AsciiLower(Form(s, q - 1)))) --q;
      const std::string before = AsciiLower(Form(s, q - 1));
      if (before == "of" || before == "the") title_start = e;
    }
    size_t role_end = 0;  // the end of the role's words, when an owner named after "of" follows
    size_t of_owner = 0;  // that owner's first token
    if (title_start < e) {
      while (title_start > b && IsTitleModifier(AsciiLower(Form(s, title_start - 1)))) {
        --title_start;
      }
      // After "of" or "for", a portfolio is the title's ("Secretary of State Marco Rubio",
      // "Minister for Transport Conor Whelan"), a name its owner ("Chairman of Nova Mining John
      // Kamau", "the President of Kenya said"). The person starts where the recogniser starts one
      // or at a known given name; else, after a portfolio, at the two or more words left.
      const std::string after = title_end < e ? AsciiLower(Form(s, title_end)) : "";
      if (after == "of" || after == "for") {
        const auto portfolio_word = [&](size_t k) {
          const std::string w = AsciiLower(Form(s, k));
          return IsTitleModifier(w) || IsFieldWord(w) || w == "affairs" || w == "and";
        };
        size_t name = e;
        for (size_t k = title_end + 2; k + 1 < e; ++k) {
          const nlp::Token& t = sentences_[s].tokens[k];
          if (t.entity == "B-PER" || gazetteer_.IsGivenName(t.form)) {
            name = k;
            break;
          }
        }
        size_t p = title_end + 1;  // past the portfolio
        while (p < name && portfolio_word(p)) ++p;
        if (name == e && p > title_end + 1 && p + 2 <= e && IsNameWord(Form(s, p))) name = p;
        // Else, with a name after "of", the last two words ("Governor of Lagos State Babajide
        // Sanwo-Olu": words, not tokens).
        if (name == e && p == title_end + 1) {
          const auto& tokens = sentences_[s].tokens;
          size_t k = e, words = 0;
          while (k > p + 1 && words < 2) {
            --k;
            if (tokens[k - 1].span.end != tokens[k].span.begin) ++words;
          }
          if (words == 2 && k > p) name = k;
        }
        // "Minister for Foreign Affairs of Australia": the owner after the portfolio's "of".
        const size_t owner_begin =
            p > title_end + 1 && p < name && AsciiLower(Form(s, p)) == "of" ? p + 1 : p;
        if (owner_begin >= name) {
          title_end = name;  // all portfolio; with no name left, only a title
        } else if (name < e) {
          role_end = owner_begin == p ? title_end : p;
          of_owner = owner_begin;
          title_end = name;
        } else {
          Owner(s, owner_begin, e);  // a title and whose: "the President of Kenya said"
          return;
        }
      }
    } else {
      title_start = title_end = b;
    }
    // "Danish Fisheries Minister Karen Holm", "Maldives Environment Minister Aishath Rasheed":
    // after a nationality or a country, capitalised words that name no organisation are the
    // portfolio, part of the title; the owner is the country.
    // (An organisation word that names a field, "Energy", "Mining", is a portfolio too; one that
    // names an institution, "Agency", "Bank", is not: "Danish Fisheries Agency Director".)
    const auto portfolio = [&](size_t from, size_t to) {
      for (size_t k = from; k < to; ++k) {
        const std::string lower = AsciiLower(Form(s, k));
        const auto known = gazetteer_.TypeOf(Form(s, k));
        if ((IsOrganizationWord(lower) && !IsFieldWord(lower)) ||
            (known && *known != EntityType::kOrganization)) {
          return false;
        }
      }
      return true;
    };
    // (A nationality may take two words: "South African Trade Minister Thandi Mokoena".)
    const size_t country_end =
        b + 2 <= title_start && !gazetteer_.PlaceOfDemonym(Text(s, b, b + 2)).empty() ? b + 2
                                                                                    : b + 1;
    const bool country_first = country_end == b + 2 ||
                               !gazetteer_.PlaceOfDemonym(Form(s, b)).empty() ||
                               gazetteer_.TypeOf(Form(s, b)) == EntityType::kPlace;
    if (title_start > country_end && country_first &&
        !gazetteer_.TypeOf(Text(s, b, title_start)) && portfolio(country_end, title_start)) {
      title_start = country_end;
    }
    int32_t owner = -1;
    // "Cambodian | Water Resources Minister Sok Vanna": the nationality, tagged apart from the
    // run, owns the portfolio and the title.
    const bool demonym_before = b == run_start && !mentions_.empty() &&
                                mentions_.back().from_demonym && mentions_.back().sentence == s &&
                                mentions_.back().last == run_start;
    // "Water Resources Minister Farrukh Nazarov" with no nationality known: the words before a
    // minister's or secretary's title are the portfolio, not an organisation.
    const std::string title_word = AsciiLower(Form(s, title_end > b ? title_end - 1 : b));
    const bool ministerial = title_word == "minister" || title_word == "secretary";
    if (title_start > b && demonym_before && portfolio(b, title_start)) {
      owner = static_cast<int32_t>(mentions_.size() - 1);
      title_start = b;
    } else if (title_start > b && ministerial && !country_first &&
               !gazetteer_.TypeOf(Text(s, b, title_start)) && portfolio(b, title_start)) {
      title_start = b;
    } else if (title_start > b) {
      owner = Owner(s, b, title_start);
    }
    if (title_end >= e) return;  // only a title: "the President said"
    if (of_owner > 0) owner = Owner(s, of_owner, title_end);
    std::string role;
    Span role_span;
    if (title_end > title_start) {
      const size_t end_of_role = role_end > 0 ? role_end : title_end;
      role = RoleName(s, title_start, end_of_role);
      role_span = SpanOf(s, title_start, end_of_role);
    }
    if (role.empty()) {
      // A lower-case role before the run: "special envoy Steve Witkoff", "Kremlin aide Yuri";
      // or before a comma, after "its", "their" or "whose": "Its general secretary, Rosa Quispe".
      size_t k = run_start;
      // The role's words end at the comma, or before where the officer serves: "Its chief
      // executive in Chile, Graham Whitcombe", "its director for Africa, ...".
      size_t end = k >= 1 ? k - 1 : 0;
      if (k >= 5 && Form(s, k - 1) == ",") {
        size_t q = k - 1;
        while (q > k - 4 && IsNameWord(Form(s, q - 1))) --q;
        const std::string prep = AsciiLower(Form(s, q - 1));
        // (q may be 1, name words from the sentence's second word to the comma: Form(s, q - 2)
        // is then no word.)
        const bool title_before = IsTitleWord(AsciiLower(Form(s, q - 2)));
        if (q < k - 1 && (prep == "in" || prep == "for") && title_before) end = q - 1;
      }
      const std::string title = k >= 3 && end >= 1 ? AsciiLower(Form(s, end - 1)) : "";
      if (k >= 3 && Form(s, k - 1) == "," && (IsTitleWord(title) || title == "manager")) {
        const size_t j = RoleStart(s, end);
        if (const auto q = PossessedRoleStart(s, j)) {
          // "Its general secretary, Rosa Quispe", "Its purchasing director, Katrin Vogel", "whose
          // general manager, ...": the owner is what "its" refers to, found later. (A manager
          // only so: "Track manager Infraestruturas de Portugal" is a company.)
          role = RoleName(s, *q, end);
          role_span = SpanOf(s, *q, end);
        } else if (IsTitleWord(title)) {
          // "Fiji's Transport Minister, Viliame Cakau", "the Fijian Transport Minister, ...",
          // "STR's managing director, Lim Wei Chuan": a title with its portfolio or modifiers
          // after a possessive or a nationality.
          const auto modifier = [&](size_t w) {
            const std::string_view f = Form(s, w);
            const std::string lower = AsciiLower(f);
            if (IsNameWord(f)) {
              return !IsTitleWord(lower) && gazetteer_.PlaceOfDemonym(f).empty() &&
                     !gazetteer_.TypeOf(f);
            }
            return std::all_of(f.begin(), f.end(), [](char c) { return c >= 'a' && c <= 'z'; }) &&
                   !IsFunctionWord(lower) && ModifierTag(sentences_[s].tokens[w]);
          };
          size_t p = j;
          while (p > 0 && j - p < 3 && modifier(p - 1)) --p;
          const std::string_view place =
              p > 0 ? gazetteer_.PlaceOfDemonym(Form(s, p - 1)) : std::string_view();
          if (p > 0 && (IsPossessive(Form(s, p - 1)) || !place.empty())) {
            role = RoleName(s, p, end);
            role_span = SpanOf(s, p, end);
            owner = OwnerBefore(s, p);
            if (owner < 0 && !place.empty()) owner = AddDemonym(s, p - 1, place);
          }
        }
      }
      const size_t role_end = k;
      if (k > 0 && IsTitleWord(AsciiLower(Form(s, k - 1)))) {
        k = RoleStart(s, k);
        role = RoleName(s, k, role_end);
        role_span = SpanOf(s, k, role_end);
        if (k > 0) {
          // A name or (tagged) demonym mention just before, or an untagged demonym.
          owner = OwnerBefore(s, k);
          const std::string_view place = gazetteer_.PlaceOfDemonym(Form(s, k - 1));
          if (owner < 0 && !place.empty()) owner = AddDemonym(s, k - 1, place);
        }
      }
    } else if (owner < 0 && title_start == run_start) {
      // "Ukraine's President Volodymyr Zelenskyy", "Egyptian Foreign Minister Sameh Kamal" (the
      // tagger leaves "Foreign" out of the name).
      size_t k = run_start;
      while (k > 0 && IsTitleModifier(AsciiLower(Form(s, k - 1)))) --k;
      owner = OwnerBefore(s, k);
      role = RoleName(s, k, title_end);
      role_span = SpanOf(s, k, title_end);
    }
    b = title_end;
    // "Ukrainian" alone names its country, as a tagged adjective does ("Sudanese officials",
    // tagged a proper noun); "Burundi", its own adjective, is a name.
    // (One of two words, "South African", Body reads before runs.)
    if (role.empty() && e - b == 1) {
      const std::string_view place = gazetteer_.PlaceOfDemonym(Form(s, b));
      if (!place.empty() && place != Form(s, b)) {
        AddDemonym(s, b, place);
        return;
      }
    }
    if (role.empty() && AtSentenceStart(s, b) && e - b == 1) {
      // A lone capitalised first word is a name only if the document, the gazetteer or the
      // recogniser says so.
      const std::string lower = AsciiLower(Form(s, b));
      // (An acronym is a name wherever it stands: "PS lawmaker Miguel Antunes said".)
      const bool recognized = RecognizedType(s, b, e).has_value() || IsAcronym(Form(s, b));
      if (lowercase_words_.count(lower) ||
          (!midsentence_names_.count(lower) && !gazetteer_.TypeOf(Form(s, b)) && !recognized)) {
        return;
      }
    }
    // "the Government's pledge", "the Crown agency": a capitalised word for a state's power in
    // general after "the" names no one entity; unless it may stand for a name of the story: a
    // word of a longer name ("the State" of "State Great Khural"), or after a preposition of
    // place.
    if (role.empty() && e - b == 1 && b > 0 && AsciiLower(Form(s, b - 1)) == "the") {
      const std::string lower = AsciiLower(Form(s, b));
      const bool placed = b > 1 && IsPlacePreposition(AsciiLower(Form(s, b - 2)));
      if (IsStatePowerWord(lower) && !RecognizedType(s, b, e) && !longer_name_words_.count(lower) &&
          !placed) {
        return;
      }
    }
    EntityType type;
    TypeEvidence evidence;
    TypeOf(s, b, e, &type, &evidence);
    if (!role.empty()) {
      type = EntityType::kPerson;
      evidence = TypeEvidence::kTitle;
    } else if (evidence < TypeEvidence::kClassNoun && OfficerOfBefore(s, b, e)) {
      // "Alonso Benavente, general manager of Minera Huancaro": what has a chief executive, a
      // director or a general manager is an organisation, as before a name below.
      type = EntityType::kOrganization;
      evidence = TypeEvidence::kClassNoun;
    }
    const int32_t index = Add(s, b, e, type, evidence);
    mentions_[index].role = role;
    mentions_[index].role_span = role_span;
    mentions_[index].role_of = owner;
    // "Noordhaven chief executive Ingrid Bakker": what has a chief executive, a director or a
    // chairman is an organisation, unless stronger evidence says what else it is (a place: the
    // "Hollywood director"). ("Kremlin aide" and "Trump adviser" are roles of other owners.)
    if (owner >= 0 && IsCompanyRole(role)) {
      Mention& o = mentions_[owner];
      if (!o.from_demonym && o.evidence < TypeEvidence::kClassNoun &&
          o.type != EntityType::kPlace) {
        o.type = EntityType::kOrganization;
        o.evidence = TypeEvidence::kClassNoun;
      }
    }
  }

  // Where a lower-case role that ends with the title word at `end - 1` starts: past title words
  // joined by hyphens ("secretary-general", "director-general") and the words that modify a
  // title ("special envoy", "general secretary").
  size_t RoleStart(uint32_t s, size_t end) const {
    const auto& tokens = sentences_[s].tokens;
    size_t k = end - 1;
    while (k >= 2 && JoiningHyphen(tokens, k - 1) && IsTitleWord(AsciiLower(Form(s, k - 2)))) {
      k -= 2;
    }
    // "secretary general", "auditor general": the office "general" follows.
    if (k > 0 && AsciiLower(Form(s, k)) == "general" &&
        (IsTitleWord(AsciiLower(Form(s, k - 1))) || tokens[k - 1].upos == "NOUN")) {
      --k;
    }
    while (k > 0 && IsTitleModifier(AsciiLower(Form(s, k - 1)))) --k;
    return k;
  }

  // Where a role that starts at `j` starts when lower-case words that modify it come between
  // it and "its", "their" or "whose": "its purchasing | director", "whose regional | manager";
  // none when the role does not follow one of those words.
  std::optional<size_t> PossessedRoleStart(uint32_t s, size_t j) const {
    for (size_t q = j; q > 0 && j - q <= 2; --q) {
      const std::string before = AsciiLower(Form(s, q - 1));
      if (before == "its" || before == "their" || before == "whose") return q;
      const std::string_view w = Form(s, q - 1);
      const bool modifier =
          !w.empty() &&
          std::all_of(w.begin(), w.end(),
                      [](char c) { return (c >= 'a' && c <= 'z') || c == '-'; }) &&
          !IsFunctionWord(before) && ModifierTag(sentences_[s].tokens[q - 1]);
      if (!modifier) break;
    }
    return std::nullopt;
  }

  // Whether a lower-case word before a title can modify it by its tags: an adjective or a noun
  // ("general", "purchasing" read as one), or a gerund ("managing"); not a finite verb ("Russian
  // drones killed battalion commander, X").
  static bool ModifierTag(const nlp::Token& t) {
    return t.upos == "ADJ" || t.upos == "NOUN" || t.upos == "PROPN" || t.xpos == "VBG";
  }

  // Roles held only in an organisation: "chief_executive", "managing_director", "chairman".
  static bool IsCompanyRole(std::string_view role) {
    for (std::string_view part :
         {"executive", "ceo", "chairman", "chairwoman", "chairperson", "director", "officer"}) {
      if (role.find(part) != std::string_view::npos) return true;
    }
    return false;
  }

  // Whether a company's officer "of" the name [b, e) comes before it: "chief executive of",
  // "general manager of", "managing director of"; not of a place's part ("director of Lagos
  // port", "chairman of Tolima's council").
  bool OfficerOfBefore(uint32_t s, size_t b, size_t e) const {
    if (b < 2 || Form(s, b - 1) != "of") return false;
    const std::string_view after = Form(s, e);
    if (IsPossessive(after) || (e < sentences_[s].tokens.size() &&
                                sentences_[s].tokens[e].upos == "NOUN" && !StartsUpper(after))) {
      return false;
    }
    // (Written in lower case: "Director of Public Prosecutions" is an office's name.)
    const std::string_view title = Form(s, b - 2);
    if (title == "manager") return Form(s, b - 3) == "general";
    return IsCompanyRole(title) && AsciiLower(title) == title;
  }

  // The owner part of a run before its title: a demonym or a name.
  int32_t Owner(uint32_t s, size_t b, size_t e) {
    if (e - b <= 2) {
      const std::string_view place = gazetteer_.PlaceOfDemonym(Text(s, b, e));
      if (!place.empty()) return AddDemonym(s, b, place, e - b);
    }
    EntityType type;
    TypeEvidence evidence;
    TypeOf(s, b, e, &type, &evidence);
    return Add(s, b, e, type, evidence);
  }

  // A title-case sentence: only names the body or the gazetteer knows, longest first, and not
  // parts of hyphenated words ("Late-Night").
  void Headline(uint32_t s) {
    const auto& tokens = sentences_[s].tokens;
    constexpr size_t kLongestName = 4;
    const auto hyphenated = [&](size_t k) {
      const bool before =
          k > 0 && tokens[k - 1].form == "-" && tokens[k - 1].span.end == tokens[k].span.begin;
      const bool after = k + 1 < tokens.size() && tokens[k + 1].form == "-" &&
                         tokens[k].span.end == tokens[k + 1].span.begin;
      return before || after;
    };
    for (size_t i = 0; i < tokens.size();) {
      if (hyphenated(i)) {
        ++i;
        continue;
      }
      size_t matched = 0;
      for (size_t n = std::min(kLongestName, tokens.size() - i); n > 0 && matched == 0; --n) {
        bool names = true;
        for (size_t k = i; k < i + n && names; ++k) names = IsNameWord(tokens[k].form);
        if (!names) continue;
        const std::string_view text = Text(s, i, i + n);
        if (body_names_.count(NameKey(text)) || gazetteer_.TypeOf(text)) matched = n;
      }
      if (matched == 0 || IsFunctionWord(AsciiLower(tokens[i].form))) {
        ++i;
        continue;
      }
      EntityType type;
      TypeEvidence evidence;
      TypeOf(s, i, i + matched, &type, &evidence);
      Add(s, i, i + matched, type, evidence);
      i += matched;
    }
  }

  const std::vector<nlp::Sentence>& sentences_;
  const Gazetteer& gazetteer_;
  std::vector<bool> headline_;
  std::vector<bool> credit_;
  // Per sentence: the first token after its dateline (DatelineEnd) and after its dateline or a
  // leading colon or dash (TextStart), computed once.
  std::vector<size_t> dateline_end_;
  std::vector<size_t> text_start_;
  std::unordered_set<std::string> lowercase_words_;
  std::unordered_set<std::string> midsentence_names_;
  // Capitalised words seen inside a longer name: "state" of "State Great Khural".
  std::unordered_set<std::string> longer_name_words_;
  // Two capitalised words seen together inside a sentence: "green coast" of "Green Coast Ireland".
  std::unordered_set<std::string> name_word_pairs_;
  std::unordered_set<std::string> body_names_;
  std::vector<Mention> mentions_;
};

}  // namespace

bool LocatingModifierAt(const std::vector<nlp::Token>& tokens, size_t k) {
  return JoiningHyphen(tokens, k) && IsLocatingParticiple(AsciiLower(tokens[k + 1].form));
}

std::vector<Mention> FindMentions(const std::vector<nlp::Sentence>& sentences,
                                  const Gazetteer& gazetteer) {
  return DocumentScan(sentences, gazetteer).Run();
}

}  // namespace kg::extract
