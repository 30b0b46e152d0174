#include "extract/analysis.h"

#include "core/text.h"

namespace kg::extract {

int32_t Analysis::EntityNamed(std::string_view name, EntityType type) {
  const std::string key = NameKey(name);
  for (size_t e = 0; e < entities.size(); ++e) {
    if (NameKey(entities[e].name) == key) return static_cast<int32_t>(e);
    for (const auto& alias : entities[e].aliases) {
      if (NameKey(alias) == key) return static_cast<int32_t>(e);
    }
  }
  Entity e;
  e.name = std::string(name);
  e.type = type;
  e.aliases.push_back(e.name);
  entities.push_back(std::move(e));
  return static_cast<int32_t>(entities.size() - 1);
}

}  // namespace kg::extract
