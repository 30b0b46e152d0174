// Names the extractor knows before reading anything: places, people and organisations generated
// from WordNet and ISO 3166 (scripts/make_gazetteer.py), and nationality adjectives.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>

#include "core/status.h"
#include "core/types.h"

namespace kg::extract {

class Gazetteer final {
 public:
  // Reads gazetteer.tsv (name TAB type TAB source), demonyms.tsv (adjective TAB place),
  // seats.tsv (seat TAB country), aliases.tsv (alias TAB canonical), classes.tsv (noun TAB type,
  // "goods" or "trade") and person_names.tsv (name TAB given|surname TAB source) from `dir`. Lines
  // starting with '#' are comments. Errors name the file and line.
  static Status Load(const std::filesystem::path& dir, Gazetteer* out);

  // The type of a known name (matched by NameKey), if any.
  std::optional<EntityType> TypeOf(std::string_view name) const;
  // The place a nationality adjective refers to ("Russian" -> "Russia"), or empty.
  std::string_view PlaceOfDemonym(std::string_view adjective) const;
  // The country whose government sits in a capital or building ("Kremlin" -> "Russia"), or empty.
  std::string_view CountryOfSeat(std::string_view name) const;
  // The country a place is, or whose capital or seat it is ("Chile" -> "Chile", "Hanoi" ->
  // "Vietnam"), or empty. A name in capitals is read as a word, not an acronym: datelines write
  // "HANOI".
  std::string CountryOf(std::string_view place) const;
  // The usual full name of an acronym or other name ("U.S." -> "United States"), or empty.
  std::string_view CanonicalName(std::string_view name) const;
  // The kind of entity a common noun's lemma names ("town" -> place, "aide" -> person), if any.
  std::optional<EntityType> ClassOf(std::string_view lemma) const;
  // Whether a common noun's lemma names goods a company may be named for ("copper", "diamond").
  bool IsGoods(std::string_view lemma) const { return goods_.count(std::string(lemma)) > 0; }
  // Whether a common noun's lemma names a trade a company may be named for ("retail", "fishing").
  bool IsTrade(std::string_view lemma) const { return trades_.count(std::string(lemma)) > 0; }
  // Whether a capitalised word is a known given name or surname ("Anna"; "Stone").
  bool IsGivenName(std::string_view word) const { return given_.count(std::string(word)) > 0; }
  bool IsSurname(std::string_view word) const { return surnames_.count(std::string(word)) > 0; }

  size_t size() const { return types_.size(); }

 private:
  std::unordered_map<std::string, EntityType> types_;
  std::unordered_map<std::string, std::string> demonyms_;
  std::unordered_map<std::string, std::string> seats_;    // by LookupKey (gazetteer.cc)
  std::unordered_set<std::string> countries_;             // the seats' countries, by LookupKey
  std::unordered_map<std::string, std::string> aliases_;  // by LookupKey
  std::unordered_map<std::string, EntityType> classes_;   // by lower-case lemma
  std::unordered_set<std::string> goods_, trades_;        // lower-case lemmas
  std::unordered_set<std::string> given_, surnames_;      // as written
};

}  // namespace kg::extract
