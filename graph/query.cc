#include "graph/query.h"

#include <algorithm>
#include <unordered_map>
#include <unordered_set>

#include "core/text.h"

namespace kg::graph {
namespace {

size_t EditDistance(std::string_view a, std::string_view b) {
  std::vector<size_t> row(b.size() + 1);
  for (size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (size_t i = 1; i <= a.size(); ++i) {
    size_t diagonal = row[0];
    row[0] = i;
    for (size_t j = 1; j <= b.size(); ++j) {
      const size_t up = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diagonal = up;
    }
  }
  return row[b.size()];
}

}  // namespace

Status SuggestNames(const Store& store, std::string_view name, size_t limit,
                    std::vector<std::string>* out) {
  out->clear();
  const std::string key = NameKey(name);
  // Scored (distance, surface); a name containing the query as a word counts as close.
  std::vector<std::pair<size_t, std::string>> scored;
  std::unordered_set<std::string> seen;
  KG_RETURN_IF_ERROR(store.ForEachAlias([&](EntityId, std::string_view surface, uint32_t) {
    const std::string k = NameKey(surface);
    if (!seen.insert(k).second) return true;
    size_t d = EditDistance(key, k);
    if (!key.empty() && k.find(key) != std::string::npos) d = std::min<size_t>(d, 1);
    const size_t allowed = std::max<size_t>(2, key.size() / 3);
    if (d <= allowed) scored.emplace_back(d, std::string(surface));
    return true;
  }));
  std::stable_sort(scored.begin(), scored.end(),
                   [](const auto& a, const auto& b) { return a.first < b.first; });
  for (size_t i = 0; i < scored.size() && out->size() < limit; ++i) {
    out->push_back(scored[i].second);
  }
  return Status::Ok();
}

Status ResolveEntity(const Store& store, std::string_view name, EntityInfo* entity) {
  std::vector<EntityInfo> found;
  KG_RETURN_IF_ERROR(store.FindEntities(name, &found));
  if (!found.empty()) {
    *entity = std::move(found.front());
    return Status::Ok();
  }
  std::vector<std::string> close;
  KG_RETURN_IF_ERROR(SuggestNames(store, name, 5, &close));
  std::string msg = "no entity named '" + std::string(name) + "'";
  if (!close.empty()) {
    msg += "; did you mean: ";
    for (size_t i = 0; i < close.size(); ++i) msg += (i ? ", " : "") + close[i];
    msg += "?";
  }
  return Status::NotFound(msg);
}

Status Neighbours(const Store& store, EntityId start, const NeighbourQuery& query,
                  std::vector<Neighbour>* out) {
  out->clear();
  std::optional<RelationId> relation;
  if (query.relation) {
    RelationId id;
    Status s = store.FindRelation(*query.relation, &id);
    if (s.IsNotFound()) return Status::Ok();  // no edge has it: no neighbours
    KG_RETURN_IF_ERROR(s);
    relation = id;
  }
  std::unordered_map<EntityId, int> depth_of{{start, 0}};
  std::unordered_map<RelationId, std::string> names;
  std::vector<EntityId> frontier{start};
  std::vector<EdgeInfo> edges;
  for (int depth = 1; depth <= query.depth && !frontier.empty(); ++depth) {
    std::vector<EntityId> next;
    std::vector<std::pair<Neighbour, RelationId>> rows;
    for (EntityId from : frontier) {
      for (bool outgoing : {true, false}) {
        KG_RETURN_IF_ERROR(outgoing ? store.OutEdges(from, &edges) : store.InEdges(from, &edges));
        for (const EdgeInfo& e : edges) {
          if (relation && e.triple.relation != *relation) continue;
          const EntityId other = outgoing ? e.triple.object : e.triple.subject;
          auto known = depth_of.find(other);
          if (known != depth_of.end() && known->second < depth) continue;  // reached earlier
          if (known == depth_of.end()) {
            depth_of.emplace(other, depth);
            next.push_back(other);
          }
          Neighbour n;
          n.negated = e.triple.negated;
          n.outgoing = outgoing;
          n.weight = e.weight;
          n.depth = depth;
          n.from = from;
          n.entity.id = other;
          rows.emplace_back(std::move(n), e.triple.relation);
        }
      }
    }
    for (auto& [n, relation_id] : rows) {
      KG_RETURN_IF_ERROR(store.GetEntity(n.entity.id, &n.entity));
      if (query.type && n.entity.type != *query.type) continue;
      auto it = names.find(relation_id);
      if (it == names.end()) {
        std::string name;
        KG_RETURN_IF_ERROR(store.RelationName(relation_id, &name));
        it = names.emplace(relation_id, std::move(name)).first;
      }
      n.relation = it->second;
      out->push_back(std::move(n));
    }
    frontier = std::move(next);
  }
  std::stable_sort(out->begin(), out->end(), [](const Neighbour& a, const Neighbour& b) {
    if (a.depth != b.depth) return a.depth < b.depth;
    return a.weight > b.weight;
  });
  return Status::Ok();
}

}  // namespace kg::graph
