#include "graph/graph.h"

#include <algorithm>
#include <boost/graph/page_rank.hpp>
#include <deque>

namespace kg::graph {

Status KnowledgeGraph::Load(const Store& store, const LoadOptions& options, KnowledgeGraph* out) {
  KnowledgeGraph kg;
  // Entities come in id order: vertex v is the v-th entity.
  std::vector<VertexData> vertices;
  KG_RETURN_IF_ERROR(store.ForEachEntity([&](const EntityInfo& e) {
    kg.ids_.push_back(e.id);
    vertices.push_back(VertexData{e.id, e.name, e.type, e.mentions, e.documents, {}});
    return true;
  }));
  if (options.aliases) {
    // Aliases come grouped by entity, with counts: each entity's are sorted by count.
    std::vector<std::pair<uint32_t, std::string>> list;
    std::optional<Vertex> current;
    const auto flush = [&] {
      if (!current) return;
      std::stable_sort(list.begin(), list.end(),
                       [](const auto& a, const auto& b) { return a.first > b.first; });
      auto& aliases = vertices[*current].aliases;
      for (auto& [n, surface] : list) aliases.push_back(std::move(surface));
      list.clear();
    };
    EntityId current_id = 0;
    KG_RETURN_IF_ERROR(store.ForEachAlias([&](EntityId id, std::string_view surface, uint32_t n) {
      if (id != current_id) {
        flush();
        current_id = id;
        current = kg.FindVertex(id);
      }
      if (current) list.emplace_back(n, std::string(surface));
      return true;
    }));
    flush();
  }
  // Edges in (subject, object, relation) order: the order of provenance keys too.
  std::vector<std::pair<Vertex, Vertex>> ends;
  std::vector<EdgeData> edges;
  Status failed;
  EntityId subject_id = 0;
  std::optional<Vertex> subject;
  KG_RETURN_IF_ERROR(store.ForEachEdge([&](const EdgeInfo& info) {
    if (info.triple.subject != subject_id) {
      subject_id = info.triple.subject;
      subject = kg.FindVertex(subject_id);
    }
    const std::optional<Vertex> object = kg.FindVertex(info.triple.object);
    if (!subject || !object) {
      failed = Status::Corruption("a triple refers to an entity the store does not have");
      return false;
    }
    const RelationId r = info.triple.relation;
    if (r >= kg.relation_names_.size()) kg.relation_names_.resize(r + 1);
    if (kg.relation_names_[r].empty()) {
      failed = store.RelationName(r, &kg.relation_names_[r]);
      if (!failed.ok()) return false;
    }
    ends.emplace_back(*subject, *object);
    EdgeData d;
    d.relation = r;
    d.negated = info.triple.negated;
    d.weight = info.weight;
    edges.push_back(d);
    return true;
  }));
  KG_RETURN_IF_ERROR(failed);
  if (options.provenance) {
    // One pass over the provenance, in the edges' order: sources and confidence of each.
    size_t next = 0;
    const auto triple_of = [&](size_t e) {
      return TripleKey{kg.ids_[ends[e].first], kg.ids_[ends[e].second], edges[e].relation,
                       edges[e].negated};
    };
    KG_RETURN_IF_ERROR(
        store.ForEachProvenance(nullptr, [&](const ProvenanceKey& k, const ProvenanceValue& v) {
          while (next < edges.size() && triple_of(next) < k.triple) ++next;
          if (next == edges.size()) return false;
          if (triple_of(next) != k.triple) return true;  // an orphan entry: skip it
          EdgeData& d = edges[next];
          // A triple's entries come in document order: its sources are distinct and sorted.
          if (d.source_count == 0) d.first_source = static_cast<uint32_t>(kg.sources_.size());
          if (d.source_count == 0 || kg.sources_.back() != k.doc) {
            kg.sources_.push_back(k.doc);
            ++d.source_count;
          }
          d.confidence = std::max(d.confidence, v.confidence);
          return true;
        }));
  }
  // Edges are grouped by source already: the graph keeps their order (edge i is edges[i]).
  kg.graph_ = Graph(boost::edges_are_unsorted_multi_pass, ends.begin(), ends.end(), edges.begin(),
                    static_cast<Vertex>(vertices.size()));
  for (Vertex v = 0; v < vertices.size(); ++v) kg.graph_[v] = std::move(vertices[v]);
  *out = std::move(kg);
  return Status::Ok();
}

std::string_view KnowledgeGraph::RelationName(RelationId id) const {
  return id < relation_names_.size() ? std::string_view(relation_names_[id]) : std::string_view();
}

std::optional<Vertex> KnowledgeGraph::FindVertex(EntityId id) const {
  auto it = std::lower_bound(ids_.begin(), ids_.end(), id);
  if (it == ids_.end() || *it != id) return std::nullopt;
  return static_cast<Vertex>(it - ids_.begin());
}

namespace {

// Breadth-first over edges in both directions; calls visit(vertex, parent) on discovery.
template <typename Visit>
void UndirectedBfs(const Graph& g, Vertex start, int max_depth, Visit visit) {
  std::vector<int> depth(boost::num_vertices(g), -1);
  std::deque<Vertex> queue{start};
  depth[start] = 0;
  while (!queue.empty()) {
    const Vertex v = queue.front();
    queue.pop_front();
    if (max_depth >= 0 && depth[v] >= max_depth) continue;
    auto discover = [&](Vertex w) {
      if (depth[w] >= 0) return false;
      depth[w] = depth[v] + 1;
      queue.push_back(w);
      return visit(w, v);
    };
    for (auto [it, end] = boost::out_edges(v, g); it != end; ++it) {
      if (discover(boost::target(*it, g))) return;
    }
    for (auto [it, end] = boost::in_edges(v, g); it != end; ++it) {
      if (discover(boost::source(*it, g))) return;
    }
  }
}

}  // namespace

std::vector<bool> KnowledgeGraph::Neighbourhood(Vertex start, int depth) const {
  std::vector<bool> in(boost::num_vertices(graph_), false);
  in[start] = true;
  UndirectedBfs(graph_, start, depth, [&](Vertex w, Vertex) {
    in[w] = true;
    return false;
  });
  return in;
}

std::vector<Vertex> KnowledgeGraph::ShortestPath(Vertex from, Vertex to) const {
  if (from == to) return {from};
  std::vector<Vertex> parent(boost::num_vertices(graph_), from);
  bool found = false;
  UndirectedBfs(graph_, from, -1, [&](Vertex w, Vertex p) {
    parent[w] = p;
    found = w == to;
    return found;
  });
  if (!found) return {};
  std::vector<Vertex> path{to};
  while (path.back() != from) path.push_back(parent[path.back()]);
  std::reverse(path.begin(), path.end());
  return path;
}

std::vector<double> KnowledgeGraph::PageRank() const {
  std::vector<double> rank(boost::num_vertices(graph_), 0.0);
  if (rank.empty()) return rank;
  boost::graph::page_rank(
      graph_,
      boost::make_iterator_property_map(rank.begin(), boost::get(boost::vertex_index, graph_)),
      boost::graph::n_iterations(30), 0.85);
  return rank;
}

std::vector<size_t> KnowledgeGraph::Degree() const {
  std::vector<size_t> degree(boost::num_vertices(graph_));
  for (Vertex v = 0; v < degree.size(); ++v) {
    degree[v] = boost::out_degree(v, graph_) + boost::in_degree(v, graph_);
  }
  return degree;
}

}  // namespace kg::graph
