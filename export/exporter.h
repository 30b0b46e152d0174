// Writers of the knowledge graph in the formats other tools read: GraphML (Gephi, NetworkX,
// igraph, yEd), DOT (Graphviz), GEXF (Gephi) and JSON (node-link, for scripts). The attributes
// follow the contract in docs/contract.md.
#pragma once

#include <ostream>
#include <string_view>
#include <vector>

#include "core/status.h"
#include "graph/graph.h"

namespace kg::exporter {

enum class Format { kGraphml, kDot, kGexf, kJson };

// "graphml", "dot", "gexf", "json" (case-insensitive); false if unknown.
bool ParseFormat(std::string_view name, Format* format);

// Writes the vertices v with include[v] (every vertex when `include` is empty) and the edges
// between them. Text is escaped for the format: any name, however odd, yields a valid file.
// Returns IOError when the stream fails.
Status Write(const graph::KnowledgeGraph& graph, Format format, const std::vector<bool>& include,
             std::ostream& out);

}  // namespace kg::exporter
