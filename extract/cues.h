// Closed classes of English words that the extractor uses as cues. These are grammar and
// newsroom vocabulary (titles, organisation words, function words), never names of entities.
#pragma once

#include <algorithm>
#include <iterator>
#include <string>
#include <string_view>

namespace kg::extract {

// Role nouns that precede a person's name: "President", "envoy", "Admiral", "aide".
bool IsTitleWord(std::string_view lower_word);
// Words that modify a title without being part of a name: "special", "senior", "foreign".
bool IsTitleModifier(std::string_view lower_word);
// Head words of organisation names: "News", "Ministry", "Board", "Council".
bool IsOrganizationWord(std::string_view lower_word);
// Words ending the name of an institution that sits in one place: "High Court", "Heritage
// Centre", "Policy Institute", "Central Hospital".
bool IsSeatedInstitutionWord(std::string_view lower_word);
// The legal form that ends a company's name: "SA", "plc", "Ltd".
bool IsLegalFormWord(std::string_view lower_word);
// Organisation words that also name a field a minister may hold: "Energy", "Mining", "Oil".
bool IsFieldWord(std::string_view lower_word);
// Nouns that, after a name or ending it, say it is a place: "region", "province", "river"; and
// before "of": "Gulf of Saros".
bool IsPlaceHeadWord(std::string_view lower_word);
// A lower-case word for a body that bears its own name before it: "the Metalurgistul union".
bool IsOwnNameBodyWord(std::string_view word);
// A lower-case noun of a site named after where it is: "the Tsagaan Tolgoi mine", "the Ekofisk
// oilfield".
bool IsSiteNoun(std::string_view lower_word);
// Participles that, hyphenated after a name, say where something sits: "Kumasi-based",
// "Perth-listed", "Geneva-headquartered", "Panama-registered".
bool IsLocatingParticiple(std::string_view lower_word);
// Participles that, before "in" and a place, say where something sits: the above and "located"
// ("based in Zurich", "located in Cairo").
bool IsParticipleBeforePlace(std::string_view lower_word);
// The relation such a participle (or "located") states: "listed", else "based".
std::string LocatingRelation(std::string_view lower_participle);
// Determiners, pronouns, prepositions, conjunctions and sentence adverbs: capitalised only
// because they start a sentence.
bool IsFunctionWord(std::string_view lower_word);
// Days and months: dates, not entities.
bool IsCalendarWord(std::string_view lower_word);
// Words for a state's power in general: "the Government", "the Crown", "the State".
bool IsStatePowerWord(std::string_view lower_word);
// Prepositions before a place: "in", "at", "near", "from".
bool IsPlacePreposition(std::string_view lower_word);
// Compass points: "South of the border" names no place of its own.
bool IsCompassWord(std::string_view lower_word);
// Nouns of trade that WordNet files as people but news uses for companies: "the Japanese
// supplier", "the country's largest lender".
bool IsBusinessNoun(std::string_view lower_word);
// Numbers and quantities in words: "Nineteen Burundians were freed", capitalised only at a
// sentence start.
bool IsNumberWord(std::string_view lower_word);
// Lower-case words that may join the parts of one name: "Board of Peace", "Abdullah al-Ani".
bool IsNameConnector(std::string_view word);

// Whether `word`, a lemma, is one of `words` (base forms), also when the lemmatiser left it
// inflected: "demanded", "insisting", "urges", "pressured" match "demand", "insist", "urge",
// "pressure".
template <size_t N>
bool InLexicon(const std::string_view (&words)[N], std::string_view word) {
  const auto has = [&](std::string_view w) {
    return std::find(std::begin(words), std::end(words), w) != std::end(words);
  };
  if (has(word)) return true;
  for (std::string_view suffix : {"ing", "ed", "es", "s", "d"}) {
    if (word.size() <= suffix.size() + 2 || word.substr(word.size() - suffix.size()) != suffix) {
      continue;
    }
    const std::string_view stem = word.substr(0, word.size() - suffix.size());
    if (has(stem)) return true;
    if (suffix != "d" && suffix != "s" && has(std::string(stem) + "e")) return true;
    // "ruled" -> "rule", but also "planned" -> "plan"
    if (stem.size() > 2 && stem[stem.size() - 1] == stem[stem.size() - 2] &&
        has(stem.substr(0, stem.size() - 1))) {
      return true;
    }
  }
  return false;
}

}  // namespace kg::extract
