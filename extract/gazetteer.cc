#include "extract/gazetteer.h"

#include <cctype>
#include <fstream>

#include "core/text.h"

namespace kg::extract {
namespace {

// Calls fn(fields) for each non-comment line of a TSV file.
template <typename Fn>
Status ReadTsv(const std::filesystem::path& path, size_t min_fields, Fn fn) {
  std::ifstream in(path);
  if (!in) return Status::NotFound("model file " + path.string() + " is missing");
  std::string line;
  size_t number = 0;
  std::vector<std::string_view> fields;
  while (std::getline(in, line)) {
    ++number;
    if (line.empty() || line[0] == '#') continue;
    fields.clear();
    size_t start = 0;
    for (size_t tab; (tab = line.find('\t', start)) != std::string::npos; start = tab + 1) {
      fields.emplace_back(line.data() + start, tab - start);
    }
    fields.emplace_back(line.data() + start, line.size() - start);
    if (fields.size() < min_fields) {
      return Status::Corruption(path.string() + ":" + std::to_string(number) + ": expected " +
                                std::to_string(min_fields) + " tab-separated fields");
    }
    KG_RETURN_IF_ERROR(fn(fields, number));
  }
  return Status::Ok();
}

// The key a name is known by: its NameKey, with "of the" read as "of" ("Democratic Republic of
// Congo" is WordNet's "Democratic Republic of the Congo"); an acronym's own letters.
std::string LookupKey(std::string_view name) {
  // An acronym is matched letter for letter: NameKey reads a doubled letter as one ("Zelenskyy"),
  // which would make "ARR" Arkansas's "AR".
  std::string letters;
  bool acronym = true;
  for (char c : name) {
    if (c == '.') continue;
    if (c < 'A' || c > 'Z') {
      acronym = false;
      break;
    }
    letters.push_back(static_cast<char>(c - 'A' + 'a'));
  }
  if (acronym && letters.size() >= 2) return "#" + letters;
  std::string key = NameKey(name);
  for (size_t at = key.find(" of the "); at != std::string::npos; at = key.find(" of the ", at)) {
    key.erase(at + 3, 4);
  }
  return key;
}

}  // namespace

Status Gazetteer::Load(const std::filesystem::path& dir, Gazetteer* out) {
  Gazetteer g;
  const auto gazetteer = dir / "gazetteer.tsv";
  KG_RETURN_IF_ERROR(ReadTsv(gazetteer, 2, [&](const auto& f, size_t line) {
    EntityType type;
    if (!ParseEntityType(f[1], &type)) {
      return Status::Corruption(gazetteer.string() + ":" + std::to_string(line) +
                                ": unknown type '" + std::string(f[1]) + "'");
    }
    g.types_.emplace(LookupKey(f[0]), type);
    return Status::Ok();
  }));
  KG_RETURN_IF_ERROR(ReadTsv(dir / "demonyms.tsv", 2, [&](const auto& f, size_t) {
    g.demonyms_.emplace(std::string(f[0]), std::string(f[1]));
    return Status::Ok();
  }));
  KG_RETURN_IF_ERROR(ReadTsv(dir / "seats.tsv", 2, [&](const auto& f, size_t) {
    g.seats_.emplace(LookupKey(f[0]), std::string(f[1]));
    g.countries_.insert(LookupKey(f[1]));
    return Status::Ok();
  }));
  KG_RETURN_IF_ERROR(ReadTsv(dir / "aliases.tsv", 2, [&](const auto& f, size_t) {
    g.aliases_.emplace(LookupKey(f[0]), std::string(f[1]));
    return Status::Ok();
  }));
  const auto classes = dir / "classes.tsv";
  KG_RETURN_IF_ERROR(ReadTsv(classes, 2, [&](const auto& f, size_t line) {
    if (f[1] == "goods") {
      g.goods_.emplace(f[0]);
      return Status::Ok();
    }
    if (f[1] == "trade") {
      g.trades_.emplace(f[0]);
      return Status::Ok();
    }
    EntityType type;
    if (!ParseEntityType(f[1], &type)) {
      return Status::Corruption(classes.string() + ":" + std::to_string(line) + ": unknown type '" +
                                std::string(f[1]) + "'");
    }
    g.classes_.emplace(std::string(f[0]), type);
    return Status::Ok();
  }));
  const auto person_names = dir / "person_names.tsv";
  KG_RETURN_IF_ERROR(ReadTsv(person_names, 2, [&](const auto& f, size_t line) {
    if (f[1] == "given") {
      g.given_.emplace(f[0]);
    } else if (f[1] == "surname") {
      g.surnames_.emplace(f[0]);
    } else {
      return Status::Corruption(person_names.string() + ":" + std::to_string(line) +
                                ": unknown kind '" + std::string(f[1]) + "'");
    }
    return Status::Ok();
  }));
  *out = std::move(g);
  return Status::Ok();
}

std::optional<EntityType> Gazetteer::TypeOf(std::string_view name) const {
  auto it = types_.find(LookupKey(name));
  if (it == types_.end()) return std::nullopt;
  return it->second;
}

std::optional<EntityType> Gazetteer::ClassOf(std::string_view lemma) const {
  auto it = classes_.find(std::string(lemma));
  if (it == classes_.end()) return std::nullopt;
  return it->second;
}

std::string_view Gazetteer::PlaceOfDemonym(std::string_view adjective) const {
  auto it = demonyms_.find(std::string(adjective));
  return it == demonyms_.end() ? std::string_view() : std::string_view(it->second);
}

}  // namespace kg::extract

namespace kg::extract {

std::string_view Gazetteer::CountryOfSeat(std::string_view name) const {
  auto it = seats_.find(LookupKey(name));
  return it == seats_.end() ? std::string_view() : std::string_view(it->second);
}

std::string Gazetteer::CountryOf(std::string_view place) const {
  std::string name = AsciiLower(place);
  for (size_t i = 0; i < name.size(); ++i) {
    if (i == 0 || name[i - 1] == ' ' || name[i - 1] == '-') {
      name[i] = static_cast<char>(std::toupper(static_cast<unsigned char>(name[i])));
    }
  }
  if (countries_.count(LookupKey(name)) > 0) return name;
  return std::string(CountryOfSeat(name));
}

std::string_view Gazetteer::CanonicalName(std::string_view name) const {
  auto it = aliases_.find(LookupKey(name));
  return it == aliases_.end() ? std::string_view() : std::string_view(it->second);
}

}  // namespace kg::extract
