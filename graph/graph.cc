#include "graph/graph.h"

#include <algorithm>
#include <boost/graph/page_rank.hpp>
#include <deque>

namespace kg::graph {

Status KnowledgeGraph::Load(const Store& store, const LoadOptions& options, KnowledgeGraph* out) {
  KnowledgeGraph kg;
  KG_RETURN_IF_ERROR(store.ForEachEntity([&](const EntityInfo& e) {
    VertexData v;
    v.id = e.id;
    v.name = e.name;
    v.type = e.type;
    v.mentions = e.mentions;
    v.documents = e.documents;
    kg.vertex_of_.emplace(e.id, boost::add_vertex(std::move(v), kg.graph_));
    return true;
  }));
  if (options.aliases) {
    // Aliases come in entity order with counts; sort each entity's by count afterwards.
    std::unordered_map<Vertex, std::vector<std::pair<uint32_t, std::string>>> counted;
    KG_RETURN_IF_ERROR(store.ForEachAlias([&](EntityId id, std::string_view surface, uint32_t n) {
      auto it = kg.vertex_of_.find(id);
      if (it != kg.vertex_of_.end()) counted[it->second].emplace_back(n, std::string(surface));
      return true;
    }));
    for (auto& [v, list] : counted) {
      std::stable_sort(list.begin(), list.end(),
                       [](const auto& a, const auto& b) { return a.first > b.first; });
      for (auto& [n, surface] : list) kg.graph_[v].aliases.push_back(std::move(surface));
    }
  }
  // Edges in (subject, object, relation) order, the order of provenance keys too.
  std::vector<std::pair<TripleKey, Edge>> edges;
  Status missing;
  KG_RETURN_IF_ERROR(store.ForEachEdge([&](const EdgeInfo& info) {
    auto s = kg.vertex_of_.find(info.triple.subject);
    auto o = kg.vertex_of_.find(info.triple.object);
    if (s == kg.vertex_of_.end() || o == kg.vertex_of_.end()) {
      missing = Status::Corruption("a triple refers to an entity the store does not have");
      return false;
    }
    EdgeData d;
    d.relation = info.triple.relation;
    d.negated = info.triple.negated;
    d.weight = info.weight;
    const Edge e = boost::add_edge(s->second, o->second, std::move(d), kg.graph_).first;
    edges.emplace_back(info.triple, e);
    if (!kg.relation_names_.count(info.triple.relation)) {
      std::string name;
      missing = store.RelationName(info.triple.relation, &name);
      if (!missing.ok()) return false;
      kg.relation_names_.emplace(info.triple.relation, std::move(name));
    }
    return true;
  }));
  KG_RETURN_IF_ERROR(missing);
  if (options.provenance) {
    size_t next = 0;
    KG_RETURN_IF_ERROR(
        store.ForEachProvenance(nullptr, [&](const ProvenanceKey& k, const ProvenanceValue& v) {
          while (next < edges.size() && edges[next].first < k.triple) ++next;
          if (next == edges.size()) return false;
          if (edges[next].first != k.triple) return true;  // an orphan entry: skip it
          EdgeData& d = kg.graph_[edges[next].second];
          if (d.sources.empty() || d.sources.back() != k.doc) d.sources.push_back(k.doc);
          d.confidence = std::max(d.confidence, v.confidence);
          return true;
        }));
    for (auto& [key, e] : edges) {
      auto& sources = kg.graph_[e].sources;
      std::sort(sources.begin(), sources.end());
      sources.erase(std::unique(sources.begin(), sources.end()), sources.end());
    }
  }
  *out = std::move(kg);
  return Status::Ok();
}

std::string_view KnowledgeGraph::RelationName(RelationId id) const {
  auto it = relation_names_.find(id);
  return it == relation_names_.end() ? std::string_view() : std::string_view(it->second);
}

std::optional<Vertex> KnowledgeGraph::FindVertex(EntityId id) const {
  auto it = vertex_of_.find(id);
  if (it == vertex_of_.end()) return std::nullopt;
  return it->second;
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
