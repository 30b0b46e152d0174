// Closed classes of English words that the extractor uses as cues. These are grammar and
// newsroom vocabulary (titles, organisation words, function words), never names of entities.
#pragma once

#include <string_view>

namespace kg::extract {

// Role nouns that precede a person's name: "President", "envoy", "Admiral", "aide".
bool IsTitleWord(std::string_view lower_word);
// Words that modify a title without being part of a name: "special", "senior", "foreign".
bool IsTitleModifier(std::string_view lower_word);
// Head words of organisation names: "News", "Ministry", "Board", "Council".
bool IsOrganizationWord(std::string_view lower_word);
// Nouns that, after a name, say it is a place: "region", "province", "oblast".
bool IsPlaceHeadWord(std::string_view lower_word);
// Determiners, pronouns, prepositions, conjunctions and sentence adverbs: capitalised only
// because they start a sentence.
bool IsFunctionWord(std::string_view lower_word);
// Days and months: dates, not entities.
bool IsCalendarWord(std::string_view lower_word);
// Lower-case words that may join the parts of one name: "Board of Peace", "Abdullah al-Ani".
bool IsNameConnector(std::string_view word);

}  // namespace kg::extract
