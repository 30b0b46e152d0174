#include "extract/entities.h"

#include <algorithm>
#include <map>
#include <numeric>
#include <string>
#include <unordered_map>

#include "core/text.h"
#include "extract/cues.h"

namespace kg::extract {
namespace {

// "united states" -> "us"; "board of peace" -> "bp"; "comboios de portugal" -> "cp". Empty for
// one word.
std::string Initials(std::string_view key) {
  const auto words = Split(key);
  if (words.size() < 2) return {};
  std::string out;
  for (auto w : words) {
    if (w == "the" || w == "and" || w == "for" || w == "on" || IsNameConnector(w)) continue;
    out.push_back(w[0]);
  }
  return out;
}

// The initials of a name's head, before its first "of" or "for": "public service commission of
// wisconsin" -> "psc" (its usual acronym, PSC). Empty when the name has no such part.
std::string HeadInitials(std::string_view key) {
  const auto words = Split(key);
  std::string out;
  for (size_t i = 0; i < words.size(); ++i) {
    if (words[i] == "of" || words[i] == "for") return i >= 2 ? out : std::string();
    if (words[i] != "the" && words[i] != "and") out.push_back(words[i][0]);
  }
  return {};
}

class UnionFind final {
 public:
  explicit UnionFind(size_t n) : parent_(n) { std::iota(parent_.begin(), parent_.end(), 0); }
  size_t Find(size_t x) {
    while (parent_[x] != x) x = parent_[x] = parent_[parent_[x]];
    return x;
  }
  void Union(size_t a, size_t b) { parent_[Find(a)] = Find(b); }

 private:
  std::vector<size_t> parent_;
};

// Whether the document introduces mention `m` as another name of the mention just before it:
// "the Pacific Islands Forum Fisheries Agency (FFA)", "the federation, known as FEPAS", "known by
// its Spanish acronym UNTRAHOS" (an acronym in brackets need not spell the name's initials).
// Not a person's: "John Smith (AP)"; a place's only by its initials ("Democratic Republic of
// Congo (DRC)"): "SEOUL, South Korea (AP)" is a dateline and its agency.
// (An acronym the recogniser read as a person is none: "the National Union of Health Workers
// (SINATS)".)
bool IntroducedAsAlias(std::string_view text, const Mention& before, const Mention& m) {
  const bool acronym = m.text.size() >= 2 && std::none_of(m.text.begin(), m.text.end(), [](char c) {
                         return (c >= 'a' && c <= 'z') || c == ' ';
                       });
  if (before.from_demonym || m.from_demonym || before.sentence != m.sentence ||
      before.type == EntityType::kPerson ||
      (m.type == EntityType::kPerson && !acronym && m.evidence > TypeEvidence::kRecognizer) ||
      before.span.end > m.span.begin || m.span.end > text.size()) {
    return false;
  }
  if (before.type == EntityType::kPlace && Initials(NameKey(before.text)) != NameKey(m.text)) {
    return false;
  }
  // (Outside brackets, a person the recogniser reads is not a body's other name.)
  const bool guessed_person = m.type == EntityType::kPerson && !acronym;
  std::string gap = AsciiLower(text.substr(before.span.end, m.span.begin - before.span.end));
  const auto trim = [&](std::string_view chars) {
    const size_t b = gap.find_first_not_of(chars);
    const size_t e = gap.find_last_not_of(chars);
    gap = b == std::string::npos ? std::string() : gap.substr(b, e - b + 1);
  };
  trim(" ,");
  // "(ANI)", and an organisation's own name in its language: "the Icelandic Environment
  // Association (Landvernd)" (not a place: "the Ministry of Health (Kenya)").
  if (gap == "(") {
    // (Whatever the recogniser guessed for a word it does not know: "(AfDB)", "(Fedecarga)".)
    // (One word only: not a person, "(John Kamau)", nor a parent company, "(Japan Tobacco)".)
    const bool own_name = before.type == EntityType::kOrganization &&
                          m.type != EntityType::kPlace && m.text.find(' ') == std::string::npos;
    return (acronym || own_name) && m.span.end < text.size() && text[m.span.end] == ')';
  }
  if (gap.rfind("also ", 0) == 0) gap.erase(0, 5);
  if (gap == "known as") return !guessed_person;
  const bool by_its = gap.rfind("known by its ", 0) == 0;
  const auto ends = [&](std::string_view tail) {
    return gap.size() > tail.size() &&
           gap.compare(gap.size() - tail.size(), tail.size(), tail) == 0;
  };
  return by_its && acronym && (ends("acronym") || ends("abbreviation") || ends("initials"));
}

}  // namespace

DocumentEntities MergeMentions(const std::vector<Mention>& mentions, std::string_view text) {
  // Distinct name keys, each a node of the union-find.
  std::vector<std::string> keys;
  std::unordered_map<std::string, size_t> key_index;
  std::vector<size_t> key_of_mention(mentions.size());
  std::vector<EntityType> key_type;
  std::vector<TypeEvidence> key_evidence;  // the strongest evidence any mention with the key had
  for (size_t i = 0; i < mentions.size(); ++i) {
    std::string key = NameKey(mentions[i].text);
    auto [it, inserted] = key_index.emplace(key, keys.size());
    if (inserted) {
      keys.push_back(std::move(key));
      key_type.push_back(EntityType::kOther);
      key_evidence.push_back(TypeEvidence::kNone);
    }
    key_of_mention[i] = it->second;
    if (mentions[i].evidence > key_evidence[it->second]) {
      key_evidence[it->second] = mentions[i].evidence;
      key_type[it->second] = mentions[i].type;
    }
  }
  // One-word names that are the surname (or, for Chinese names, the family name written first)
  // of exactly one person named in full, the first word of exactly one longer organisation name
  // ("Helvex" for Helvex Pharma), the initials of exactly one longer name, or the head word of
  // exactly one organisation's name ("Commission"), join it.
  // A surname may have a particle: "van Dijk" (and "Van Dijk" starting a sentence) is Hendrik
  // van Dijk's, as is "Dijk"; such a two-word key is a surname, not a full name.
  const auto particle_surname = [](const std::vector<std::string_view>& words) {
    return words.size() == 2 && IsNameConnector(words[0]);
  };
  std::map<std::string, std::vector<size_t>> by_surname, by_first, by_initials, by_head;
  for (size_t k = 0; k < keys.size(); ++k) {
    const auto words = Split(keys[k]);
    if (words.size() < 2 || particle_surname(words)) continue;
    if (key_type[k] == EntityType::kPerson || key_type[k] == EntityType::kOther) {
      by_surname[std::string(words.back())].push_back(k);
      // "Kuwari" is Nasser al-Kuwari's surname too.
      const std::string_view last = words.back();
      const size_t hyphen = last.find('-');
      if (hyphen != std::string_view::npos && IsNameConnector(last.substr(0, hyphen))) {
        by_surname[std::string(last.substr(hyphen + 1))].push_back(k);
      }
      const size_t n = words.size();
      if (n >= 3 && IsNameConnector(words[n - 2])) {
        by_surname[std::string(words[n - 2]) + " " + std::string(words[n - 1])].push_back(k);
      }
    }
    // (Also a name of no known type: "Noordhaven Terminals", then "Noordhaven chief executive".)
    if (key_type[k] != EntityType::kPlace) by_first[std::string(words.front())].push_back(k);
    if (key_type[k] == EntityType::kOrganization) {
      // The head word: the last, or the one before "of" or "for" ("Commission" of "Interstate
      // Commission for Water Coordination").
      size_t head = words.size() - 1;
      for (size_t i = 1; i < words.size(); ++i) {
        if (words[i] == "of" || words[i] == "for") {
          head = i - 1;
          break;
        }
      }
      by_head[std::string(words[head])].push_back(k);
    }
    if (key_type[k] != EntityType::kPerson) {
      by_initials[Initials(keys[k])].push_back(k);
      const std::string head = HeadInitials(keys[k]);
      if (!head.empty() && head != Initials(keys[k])) by_initials[head].push_back(k);
    }
  }
  const auto unique = [](const auto& index, const std::string& key) -> int64_t {
    const auto it = index.find(key);
    return it != index.end() && it->second.size() == 1 ? static_cast<int64_t>(it->second[0]) : -1;
  };
  UnionFind groups(keys.size());
  // Keys that joined by a generic word ("Commission"): not aliases, or the store would merge the
  // next document's "Competition Commission" into this one by them.
  std::vector<bool> generic(keys.size(), false);
  // Mentions introduced as another name of the one before: the name types the entity, not the
  // recogniser's reading of an acronym.
  std::vector<bool> introduced(mentions.size(), false);
  for (size_t i = 1; i < mentions.size(); ++i) {
    size_t before = i - 1;  // the name before, past nationalities ("its Spanish acronym")
    while (before > 0 && mentions[before].from_demonym) --before;
    if (IntroducedAsAlias(text, mentions[before], mentions[i])) {
      groups.Union(key_of_mention[i], key_of_mention[before]);
      introduced[i] = true;
    }
  }
  for (size_t k = 0; k < keys.size(); ++k) {
    const auto words = Split(keys[k]);
    if (words.size() != 1 && !particle_surname(words)) continue;
    // A surname joins its person unless the gazetteer knows it as a place or organisation and the
    // person is not surely one (the recogniser's reading of a lone surname is too weak to keep
    // "Witkoff" from Steve Witkoff; "Harrow" is a London borough, but not after Daniel Harrow
    // the chief executive).
    const int64_t person = unique(by_surname, keys[k]);
    const bool known_non_person = key_evidence[k] >= TypeEvidence::kGazetteer &&
                                  key_type[k] != EntityType::kPerson &&
                                  key_type[k] != EntityType::kOther;
    if (person >= 0 && (!known_non_person || key_evidence[person] >= TypeEvidence::kTitle)) {
      groups.Union(k, static_cast<size_t>(person));
      continue;
    }
    // Nor the first word of an organisation named after a place that the text names as a place
    // on its own, by its words, the words around it or the recogniser's reading: "Galati" (the
    // dateline "GALATI, Romania") is not the Galati Court of Appeal, nor "Anbar province" the
    // Anbar Tribes Council. (A preposition alone is not enough: "shares in Kestrel". The
    // recogniser's reading is: on the sets read, requiring more lost three names for none won.)
    const bool place_of_its_own =
        key_type[k] == EntityType::kPlace && key_evidence[k] >= TypeEvidence::kHeadWord;
    const int64_t first = unique(by_first, keys[k]);
    // Nor a name typed otherwise by stronger evidence than a guess (the sentence says what it is,
    // a title, a known name): "the Benet, a small community of former hunter-gatherers" is not
    // the Benet Community Association.
    const bool stated_otherwise = first >= 0 && key_evidence[k] >= TypeEvidence::kClassNoun &&
                                  key_type[static_cast<size_t>(first)] != EntityType::kOther &&
                                  key_type[k] != key_type[static_cast<size_t>(first)];
    if (first >= 0 && !known_non_person && !place_of_its_own && !stated_otherwise &&
        by_surname.count(keys[k]) == 0) {
      groups.Union(k, static_cast<size_t>(first));
      continue;
    }
    const int64_t initials = unique(by_initials, keys[k]);
    if (initials >= 0) {
      groups.Union(k, static_cast<size_t>(initials));
      continue;
    }
    // "the Commission" after "the European Commission": the head word of exactly one
    // organisation's name is that organisation.
    const int64_t head = key_type[k] == EntityType::kOrganization ? unique(by_head, keys[k]) : -1;
    if (head >= 0) {
      groups.Union(k, static_cast<size_t>(head));
      generic[k] = true;
    }
  }

  // Names of two or more words that are the end of exactly one person's longer name ("Ben
  // Salah" of Leila Ben Salah), or an organisation's name (or a name of no known type) without
  // its last word ("Delta Crest" of Delta Crest Refining), join it; not a name the gazetteer
  // knows ("European Union" is not the European Union Force).
  std::map<std::string, std::vector<size_t>> by_tail, by_stem;
  for (size_t k = 0; k < keys.size(); ++k) {
    const auto words = Split(keys[k]);
    if (words.size() < 3) continue;
    const std::string_view key = keys[k];
    if (key_type[k] == EntityType::kPerson) {
      for (size_t i = 1; i + 1 < words.size(); ++i) {
        by_tail[std::string(key.substr(words[i].data() - key.data()))].push_back(k);
      }
    } else if (key_type[k] == EntityType::kOrganization || key_type[k] == EntityType::kOther) {
      const std::string_view last = words.back();
      by_stem[std::string(key.substr(0, last.data() - key.data() - 1))].push_back(k);
    }
  }
  for (size_t k = 0; k < keys.size(); ++k) {
    const auto words = Split(keys[k]);
    if (words.size() < 2 || key_evidence[k] == TypeEvidence::kGazetteer) continue;
    const bool person = key_type[k] == EntityType::kPerson || key_type[k] == EntityType::kOther;
    const bool organisation =
        key_type[k] == EntityType::kOrganization || key_type[k] == EntityType::kOther;
    const int64_t full = person ? unique(by_tail, keys[k]) : -1;
    const int64_t named = organisation && full < 0 ? unique(by_stem, keys[k]) : -1;
    if (full >= 0) groups.Union(k, static_cast<size_t>(full));
    if (named >= 0) groups.Union(k, static_cast<size_t>(named));
  }

  // "the Health Ministry" and "the Ministry of Health" are one: each key as "ministry of health".
  // (Keys fold spellings, "ministri": the organisation word is read off a mention's text.)
  std::vector<std::string> last_word(keys.size());
  for (size_t i = 0; i < mentions.size(); ++i) {
    const std::string_view text = mentions[i].text;
    last_word[key_of_mention[i]] = AsciiLower(text.substr(text.rfind(' ') + 1));
  }
  std::map<std::string, size_t> by_of_form;
  for (size_t k = 0; k < keys.size(); ++k) {
    if (key_type[k] != EntityType::kOrganization) continue;
    const auto words = Split(keys[k]);
    if (words.size() < 2 || !IsOrganizationWord(last_word[k])) continue;
    if (std::find(words.begin(), words.end(), "of") != words.end()) continue;
    const std::string_view key = keys[k];
    const std::string_view last = words.back();
    std::string of_form = std::string(last) + " of ";
    of_form.append(key.substr(0, last.data() - key.data() - 1));
    by_of_form.emplace(std::move(of_form), k);
  }
  for (size_t k = 0; k < keys.size(); ++k) {
    const auto it = by_of_form.find(keys[k]);
    if (it != by_of_form.end() && key_type[k] == EntityType::kOrganization) {
      groups.Union(k, it->second);
    }
  }

  // "the Audit Service" after "the Ghana Audit Service": a body's name without the place it
  // starts with (a place the document names) joins the one name it shortens; not one the text
  // gives an owner ("Uganda's Revenue Authority", "its Police Force"). (Nor a place without its
  // division word: "Lagos" the city is not Lagos State.) A company's name without its legal form
  // joins it too, whatever the recogniser made of it: "Vias del Llano" of Vias del Llano SA.
  std::vector<bool> possessed(keys.size(), false);
  for (size_t i = 0; i < mentions.size(); ++i) {
    const size_t begin = mentions[i].span.begin;
    const size_t from = begin > 8 ? begin - 8 : 0;  // " their ", "'s ": a few bytes back
    std::string before = AsciiLower(text.substr(from, begin - from));
    while (!before.empty() && before.back() == ' ') before.pop_back();
    const auto ends = [&](std::string_view tail) {
      return before.size() >= tail.size() &&
             before.compare(before.size() - tail.size(), tail.size(), tail) == 0;
    };
    if (ends("'s") || ends("\xE2\x80\x99s") || ends(" its") || ends(" their")) {
      possessed[key_of_mention[i]] = true;
    }
  }
  std::map<std::string, std::vector<size_t>> by_local_name, by_trading_name;
  for (size_t k = 0; k < keys.size(); ++k) {
    const auto words = Split(keys[k]);
    if (key_type[k] != EntityType::kOrganization || words.size() < 2) continue;
    const std::string_view key = keys[k];
    const auto place = key_index.find(std::string(words[0]));
    if (words.size() >= 3 && place != key_index.end() &&
        key_type[place->second] == EntityType::kPlace) {
      by_local_name[std::string(key.substr(words[1].data() - key.data()))].push_back(k);
    }
    if (words.size() >= 3 && IsLegalFormWord(last_word[k])) {
      by_trading_name[std::string(key.substr(0, words.back().data() - key.data() - 1))]
          .push_back(k);
    }
  }
  for (size_t k = 0; k < keys.size(); ++k) {
    const int64_t local =
        key_type[k] == EntityType::kOrganization ? unique(by_local_name, keys[k]) : -1;
    const int64_t trading =
        key_evidence[k] <= TypeEvidence::kRecognizer ? unique(by_trading_name, keys[k]) : -1;
    if (local >= 0 && !possessed[k]) groups.Union(k, static_cast<size_t>(local));
    if (trading >= 0) groups.Union(k, static_cast<size_t>(trading));
  }

  DocumentEntities out;
  out.entity_of_mention.resize(mentions.size());
  std::unordered_map<size_t, uint32_t> entity_of_group;
  std::vector<TypeEvidence> evidence;
  std::vector<std::map<std::string, uint32_t>> surfaces;
  for (size_t i = 0; i < mentions.size(); ++i) {
    const size_t group = groups.Find(key_of_mention[i]);
    auto [it, inserted] =
        entity_of_group.emplace(group, static_cast<uint32_t>(out.entities.size()));
    if (inserted) {
      out.entities.emplace_back();
      evidence.push_back(TypeEvidence::kNone);
      surfaces.emplace_back();
    }
    const uint32_t e = it->second;
    out.entity_of_mention[i] = e;
    Entity& entity = out.entities[e];
    ++entity.mentions;
    if (!generic[key_of_mention[i]]) ++surfaces[e][std::string(mentions[i].text)];
    if ((mentions[i].evidence > evidence[e] && !introduced[i]) || entity.mentions == 1) {
      evidence[e] = std::max(evidence[e], mentions[i].evidence);
      entity.type = mentions[i].type;
    }
  }
  // The canonical name: the fullest form (most words), then one not in capitals throughout
  // where the text also writes it in mixed case as often ("Varnelo", not the dateline's
  // "VARNELO"), then the most frequent, then the first.
  const auto capitals_only = [](std::string_view surface) {
    return std::none_of(surface.begin(), surface.end(),
                        [](char c) { return c >= 'a' && c <= 'z'; });
  };
  for (size_t e = 0; e < out.entities.size(); ++e) {
    Entity& entity = out.entities[e];
    size_t best_words = 0;
    bool best_mixed = false;
    uint32_t best_count = 0;
    for (const auto& [surface, count] : surfaces[e]) {
      entity.aliases.push_back(surface);
      const size_t words = Split(NameKey(surface)).size();
      const bool mixed = !capitals_only(surface);
      const bool same_name = !entity.name.empty() && AsciiLower(surface) == AsciiLower(entity.name);
      // (Mixed case wins a tie only: "NATO" five times and "Nato" once stays "NATO".)
      const bool better_case = same_name && mixed && !best_mixed && count == best_count;
      if (words > best_words || (words == best_words && (count > best_count || better_case))) {
        best_words = words;
        best_mixed = mixed;
        best_count = count;
        entity.name = surface;
      }
    }
  }
  return out;
}

}  // namespace kg::extract
