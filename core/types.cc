#include "core/types.h"

#include <array>
#include <utility>

namespace kg {

std::string_view EntityTypeName(EntityType type) {
  switch (type) {
    case EntityType::kPerson:
      return "person";
    case EntityType::kPlace:
      return "place";
    case EntityType::kOrganization:
      return "organization";
    case EntityType::kDemand:
      return "demand";
    case EntityType::kDate:
      return "date";
    case EntityType::kEvent:
      return "event";
    case EntityType::kOther:
      break;
  }
  return "other";
}

bool ParseEntityType(std::string_view name, EntityType* type) {
  static constexpr std::array<std::pair<std::string_view, EntityType>, 16> kNames = {{
      {"person", EntityType::kPerson},
      {"per", EntityType::kPerson},
      {"people", EntityType::kPerson},
      {"place", EntityType::kPlace},
      {"location", EntityType::kPlace},
      {"loc", EntityType::kPlace},
      {"gpe", EntityType::kPlace},
      {"organization", EntityType::kOrganization},
      {"organisation", EntityType::kOrganization},
      {"org", EntityType::kOrganization},
      {"demand", EntityType::kDemand},
      {"date", EntityType::kDate},
      {"time", EntityType::kDate},
      {"event", EntityType::kEvent},
      {"other", EntityType::kOther},
      {"misc", EntityType::kOther},
  }};
  for (const auto& [text, value] : kNames) {
    if (text.size() != name.size()) continue;
    bool same = true;
    for (size_t i = 0; i < text.size() && same; ++i) {
      char c = name[i];
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
      same = c == text[i];
    }
    if (same) {
      *type = value;
      return true;
    }
  }
  return false;
}

}  // namespace kg
