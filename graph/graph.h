// The knowledge graph in memory: a Boost.Graph built from the store in one pass, for the work
// that needs the whole graph (export, ranking, paths). Neighbour queries do not need it: they
// answer from the store's indexes (graph/query.h).
//
// The graph is a compressed sparse row graph (Boost's CSR, bidirectional): edges arrive from the
// "out" index already grouped by subject, so it is built in one pass, and an edge costs about
// 40 bytes (a million edges: 40 MB) where an adjacency_list would spend well over 100.
#pragma once

#include <boost/graph/compressed_sparse_row_graph.hpp>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"
#include "core/types.h"
#include "graph/keys.h"
#include "graph/store.h"

namespace kg::graph {

struct VertexData {
  EntityId id = 0;
  std::string name;
  EntityType type = EntityType::kOther;
  uint32_t mentions = 0;
  uint32_t documents = 0;
  std::vector<std::string> aliases;  // surface forms, most frequent first
};

// One edge per (subject, relation, object, negated).
struct EdgeData {
  RelationId relation = 0;
  uint32_t weight = 0;       // supporting mentions
  float confidence = 0.0f;   // the highest of its mentions'
  uint32_t first_source = 0;  // its documents: KnowledgeGraph::Sources()
  uint32_t source_count = 0;
  bool negated = false;
};

// Vertices and edges are numbered with 32 bits: up to four billion of each.
using Graph = boost::compressed_sparse_row_graph<boost::bidirectionalS, VertexData, EdgeData,
                                                 boost::no_property, uint32_t, uint32_t>;
using Vertex = Graph::vertex_descriptor;
using Edge = Graph::edge_descriptor;

class KnowledgeGraph final {
 public:
  struct LoadOptions {
    bool aliases = true;     // read every entity's surface forms
    bool provenance = true;  // read sources and confidence of every edge (a full scan)
  };

  // Builds the graph from every entity and triple of the store.
  static Status Load(const Store& store, const LoadOptions& options, KnowledgeGraph* out);

  const Graph& graph() const { return graph_; }
  size_t vertex_count() const { return boost::num_vertices(graph_); }
  size_t edge_count() const { return boost::num_edges(graph_); }
  std::string_view RelationName(RelationId id) const;
  std::optional<Vertex> FindVertex(EntityId id) const;
  // The distinct documents that state an edge, in id order (empty unless loaded with provenance).
  std::span<const DocId> Sources(const EdgeData& e) const {
    return std::span<const DocId>(sources_.data() + e.first_source, e.source_count);
  }

  // The vertices within `depth` hops of `start`, either direction (start included).
  std::vector<bool> Neighbourhood(Vertex start, int depth) const;
  // The vertices of a shortest path from `from` to `to`, ignoring direction; empty if none.
  std::vector<Vertex> ShortestPath(Vertex from, Vertex to) const;
  // PageRank of each vertex (damping 0.85), edges taken in their direction.
  std::vector<double> PageRank() const;
  // In-degree plus out-degree of each vertex: the distinct edges that touch it.
  std::vector<size_t> Degree() const;

 private:
  Graph graph_;
  std::vector<EntityId> ids_;  // by vertex: entity ids ascending, so FindVertex is a search
  std::vector<std::string> relation_names_;  // by relation id
  std::vector<DocId> sources_;               // every edge's documents, edge after edge
};

}  // namespace kg::graph
