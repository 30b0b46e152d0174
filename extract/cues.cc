#include "extract/cues.h"

#include <algorithm>
#include <iterator>

namespace kg::extract {
namespace {

template <size_t N>
bool In(const std::string_view (&words)[N], std::string_view w) {
  return std::find(std::begin(words), std::end(words), w) != std::end(words);
}

}  // namespace

bool IsTitleWord(std::string_view w) {
  static constexpr std::string_view kWords[] = {"president",
                                                "minister",
                                                "secretary",
                                                "chancellor",
                                                "king",
                                                "queen",
                                                "prince",
                                                "princess",
                                                "pope",
                                                "senator",
                                                "governor",
                                                "mayor",
                                                "general",
                                                "admiral",
                                                "colonel",
                                                "commander",
                                                "envoy",
                                                "ambassador",
                                                "adviser",
                                                "advisor",
                                                "aide",
                                                "spokesman",
                                                "spokeswoman",
                                                "spokesperson",
                                                "chairman",
                                                "chairwoman",
                                                "chair",
                                                "director",
                                                "leader",
                                                "premier",
                                                "negotiator",
                                                "diplomat",
                                                "judge",
                                                "lawmaker",
                                                "congressman",
                                                "congresswoman",
                                                "mr.",
                                                "mrs.",
                                                "ms.",
                                                "dr.",
                                                "mr",
                                                "mrs",
                                                "ms",
                                                "dr",
                                                "sir",
                                                "gen.",
                                                "sen.",
                                                "gov.",
                                                "rep.",
                                                "lt.",
                                                "col.",
                                                "captain",
                                                "representative",
                                                "commissioner",
                                                "executive",
                                                "ceo",
                                                "founder",
                                                "officer",
                                                "correspondent",
                                                "ambassador",
                                                "general-secretary",
                                                "secretary-general",
                                                "chief",
                                                "comptroller",
                                                "ombudsman",
                                                "prosecutor",
                                                "councillor",
                                                "councilor",
                                                "chairperson",
                                                "treasurer",
                                                "coordinator",
                                                "deputy",
                                                "speaker"};
  return In(kWords, w);
}

bool IsTitleModifier(std::string_view w) {
  static constexpr std::string_view kWords[] = {
      "special", "senior", "presidential", "former", "deputy", "vice", "foreign", "defense",
      "defence", "interior", "top", "chief", "prime", "investment", "security", "national",
      "acting", "newly", "appointed", "policy", "economic", "state",
      // portfolios: "Environment Minister", "Trade Representative"
      "environment", "finance", "trade", "commerce", "health", "education", "transport", "justice",
      "energy", "economy", "agriculture", "climate", "labour", "labor", "culture", "information",
      "home", "industry", "communications", "development", "treasury", "executive", "general"};
  return In(kWords, w);
}

bool IsOrganizationWord(std::string_view w) {
  static constexpr std::string_view kWords[] = {
      "news",         "agency",       "ministry",      "council",      "board",       "union",
      "organization", "organisation", "party",         "bank",         "committee",   "association",
      "corporation",  "company",      "inc.",          "ltd",          "group",       "university",
      "institute",    "court",        "army",          "navy",         "forces",      "commission",
      "parliament",   "congress",     "senate",        "assembly",     "times",       "post",
      "journal",      "press",        "network",       "fund",         "foundation",  "alliance",
      "department",   "office",       "service",       "reuters",      "corp.",       "federation",
      "rail",         "railways",     "airlines",      "airways",      "pharma",      "motors",
      "holdings",     "bank",         "media",         "technologies", "systems",     "labs",
      "institute",    "agency",       "authority",     "police",       "guard",       "brigade",
      "front",        "movement",     "coalition",     "council",      "tribunal",    "court",
      "chamber",      "electric",     "energy",        "petroleum",    "oil",         "gas",
      "mining",       "steel",        "telecom",       "insurance",    "industries",  "enterprises",
      "cooperative",  "consortium",   "confederation", "forum",        "directorate", "league",
      "bureau",       "society",      "secretariat",   "inspectorate", "nation",
      "exchange",     "force"};
  return In(kWords, w) || IsLegalFormWord(w);
}

bool IsOwnNameBodyWord(std::string_view w) {
  static constexpr std::string_view kWords[] = {
      "union",       "party",     "group",    "cooperative", "federation",
      "association", "consortium", "alliance", "company",     "movement"};
  return In(kWords, w);
}

bool IsSeatedInstitutionWord(std::string_view w) {
  static constexpr std::string_view kWords[] = {
      "court",  "tribunal",   "embassy", "consulate", "institute", "university", "hospital",
      "centre", "center",     "council", "assembly",  "parliament", "commission", "authority",
      "ministry", "secretariat", "museum", "school",   "college"};
  return In(kWords, w);
}

bool IsLegalFormWord(std::string_view w) {
  static constexpr std::string_view kWords[] = {"sa",  "s.a.", "plc", "llc", "gmbh", "pty",
                                                "bhd", "inc",  "inc.", "ltd", "ltd.", "corp."};
  return In(kWords, w);
}

bool IsFieldWord(std::string_view w) {
  static constexpr std::string_view kWords[] = {
      "energy", "oil",   "gas",      "petroleum", "mining",     "steel",   "telecom",
      "rail",   "media", "electric", "insurance", "industries", "railways"};
  return In(kWords, w);
}

bool IsPlaceHeadWord(std::string_view w) {
  static constexpr std::string_view kWords[] = {
      "region",   "oblast", "province",  "city",      "county", "district",
      "republic", "island", "peninsula", "territory", "gulf",   "sea",
      "river",    "lake",   "bay",       "valley",    "strait", "delta"};
  return In(kWords, w);
}

bool IsSiteNoun(std::string_view w) {
  static constexpr std::string_view kWords[] = {"mine",      "oilfield",  "gasfield", "deposit",
                                                "goldfield", "coalfield", "dam"};
  return In(kWords, w);
}

bool IsLocatingParticiple(std::string_view w) {
  static constexpr std::string_view kWords[] = {"based", "headquartered", "listed", "registered"};
  return In(kWords, w);
}

bool IsParticipleBeforePlace(std::string_view w) {
  return IsLocatingParticiple(w) || w == "located";
}

std::string LocatingRelation(std::string_view w) { return w == "listed" ? "listed" : "based"; }

bool IsFunctionWord(std::string_view w) {
  static constexpr std::string_view kWords[] = {
      "the",       "a",         "an",      "this",      "that",       "these",   "those",
      "he",        "she",       "it",      "they",      "we",         "i",       "you",
      "his",       "her",       "its",     "their",     "our",        "my",      "your",
      "him",       "them",      "us",      "in",        "on",         "at",      "for",
      "from",      "with",      "by",      "of",        "to",         "as",      "after",
      "before",    "while",     "when",    "where",     "whether",    "if",      "but",
      "and",       "or",        "so",      "yet",       "although",   "though",  "despite",
      "according", "following", "however", "meanwhile", "separately", "also",    "there",
      "here",      "what",      "which",   "who",       "whom",       "whose",   "why",
      "how",       "all",       "both",    "each",      "every",      "some",    "any",
      "no",        "not",       "one",     "two",       "three",      "many",    "most",
      "more",      "such",      "other",   "another",   "since",      "until",   "unless",
      "because",   "during",    "without", "within",    "against",    "between", "among",
      "under",     "over",      "into",    "about",     "then",       "now",     "still",
      "even",      "only",      "just",    "once",      "earlier"};
  return In(kWords, w);
}

bool IsCalendarWord(std::string_view w) {
  static constexpr std::string_view kWords[] = {
      "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january",
      "february", "march", "april", "june", "july", "august", "september", "october", "november",
      "december", "may",
      // Abbreviated months of datelines ("OSLO, Nov 18"); "Jan", "Mar", "Jun" only with their
      // full stop: without it they are also names.
      "feb", "feb.", "apr", "apr.", "aug", "aug.", "sep", "sep.", "sept", "sept.", "oct", "oct.",
      "nov", "nov.", "dec", "dec.", "jan.", "mar.", "jun.", "jul.",
      // Feasts and seasons that date things: "before the Christmas import season".
      "christmas", "easter", "ramadan", "eid", "diwali", "hanukkah", "thanksgiving", "lent"};
  return In(kWords, w);
}

bool IsStatePowerWord(std::string_view w) {
  static constexpr std::string_view kWords[] = {"government", "crown",      "state",
                                                "regime",     "opposition", "administration"};
  return In(kWords, w);
}

bool IsPlacePreposition(std::string_view w) {
  return w == "in" || w == "at" || w == "near" || w == "from";
}

bool IsCompassWord(std::string_view w) {
  static constexpr std::string_view kWords[] = {"north",     "south",     "east",      "west",
                                                "northeast", "northwest", "southeast", "southwest"};
  return In(kWords, w);
}

bool IsBusinessNoun(std::string_view w) {
  static constexpr std::string_view kWords[] = {
      "supplier",    "manufacturer", "maker",      "producer", "exporter", "importer",
      "distributor", "retailer",     "wholesaler", "operator", "lender",   "insurer",
      "carrier",     "developer",    "contractor", "miner",    "refiner",  "shipper",
      "buyer"};
  return In(kWords, w);
}

bool IsNumberWord(std::string_view w) {
  static constexpr std::string_view kWords[] = {
      "one",      "two",      "three",     "four",     "five",     "six",      "seven",
      "eight",    "nine",     "ten",       "eleven",   "twelve",   "thirteen", "fourteen",
      "fifteen",  "sixteen",  "seventeen", "eighteen", "nineteen", "twenty",   "thirty",
      "forty",    "fifty",    "sixty",     "seventy",  "eighty",   "ninety",   "hundred",
      "hundreds", "thousand", "thousands", "dozens",   "millions", "several",  "some"};
  return In(kWords, w);
}

bool IsNameConnector(std::string_view w) {
  static constexpr std::string_view kWords[] = {"of",  "al", "el", "bin", "de",  "del", "da", "di",
                                                "dos", "van", "von", "der", "la",  "du"};
  return In(kWords, w);
}

}  // namespace kg::extract
