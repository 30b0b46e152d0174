// Queries that answer from the store's indexes without building the whole graph: a name to its
// entity, the neighbours of an entity, names close to a misspelt one.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"
#include "core/types.h"
#include "graph/store.h"

namespace kg::graph {

// The entity a user means by `name` (canonical name or alias, case-insensitive). NotFound, with
// the closest stored names in the message ("no entity named 'Putn'; did you mean: Putin?"), when
// there is none.
Status ResolveEntity(const Store& store, std::string_view name, EntityInfo* entity);

// Up to `limit` stored names (canonical or alias) closest to `name` by edit distance.
Status SuggestNames(const Store& store, std::string_view name, size_t limit,
                    std::vector<std::string>* out);

struct NeighbourQuery {
  int depth = 1;                        // hops from the start
  std::optional<EntityType> type;       // only list entities of this type
  std::optional<std::string> relation;  // only follow edges with this relation
};

struct Neighbour {
  EntityInfo entity;
  std::string relation;
  bool negated = false;
  bool outgoing = true;  // the edge goes from `from` to this entity
  uint32_t weight = 0;
  int depth = 1;
  EntityId from = 0;  // the entity at depth - 1 the edge joins it to
};

// The entities within `query.depth` hops of `start`, one row per edge that first reaches them,
// nearest first, heaviest first within a depth. Each hop is one prefix scan per index.
Status Neighbours(const Store& store, EntityId start, const NeighbourQuery& query,
                  std::vector<Neighbour>* out);

}  // namespace kg::graph
