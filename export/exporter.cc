#include "export/exporter.h"

#include <charconv>
#include <string>

#include "core/text.h"
#include "export/escape.h"

namespace kg::exporter {
namespace {

using graph::Edge;
using graph::Graph;
using graph::KnowledgeGraph;
using graph::Vertex;

// Output is built in a buffer and written in large blocks: one stream call per megabyte.
class Sink final {
 public:
  explicit Sink(std::ostream& out) : out_(out) { buf_.reserve(kBlock + 4096); }
  std::string& buf() { return buf_; }
  Sink& operator<<(std::string_view s) {
    buf_.append(s);
    MaybeFlush();
    return *this;
  }
  void Number(uint64_t v) {
    char tmp[24];
    auto [end, ec] = std::to_chars(tmp, tmp + sizeof tmp, v);
    buf_.append(tmp, end);
  }
  void Real(double v) {
    char tmp[32];
    auto [end, ec] = std::to_chars(tmp, tmp + sizeof tmp, v);
    buf_.append(tmp, end);
  }
  void MaybeFlush() {
    if (buf_.size() >= kBlock) Flush();
  }
  Status Finish() {
    Flush();
    out_.flush();
    if (!out_) return Status::IOError("writing the export failed (disk full?)");
    return Status::Ok();
  }

 private:
  static constexpr size_t kBlock = 1 << 20;
  void Flush() {
    out_.write(buf_.data(), static_cast<std::streamsize>(buf_.size()));
    buf_.clear();
  }
  std::ostream& out_;
  std::string buf_;
};

bool Included(const std::vector<bool>& include, Vertex v) {
  return include.empty() || include[v];
}

// Calls fn(edge) for every edge whose ends are both included.
template <typename Fn>
void ForEachIncludedEdge(const Graph& g, const std::vector<bool>& include, Fn fn) {
  for (auto [it, end] = boost::edges(g); it != end; ++it) {
    if (Included(include, boost::source(*it, g)) && Included(include, boost::target(*it, g))) {
      fn(*it);
    }
  }
}

// Joins with '|', the contract's list separator; a '|' inside an item becomes '/'.
void AppendJoined(const std::vector<std::string>& items, std::string* out) {
  for (size_t i = 0; i < items.size(); ++i) {
    if (i) out->push_back('|');
    for (char c : items[i]) out->push_back(c == '|' ? '/' : c);
  }
}

std::string JoinedSources(const graph::EdgeData& e) {
  std::string out;
  for (size_t i = 0; i < e.sources.size(); ++i) {
    if (i) out.push_back('|');
    out.append(graph::DocIdHex(e.sources[i]));
  }
  return out;
}

std::string EdgeLabel(const KnowledgeGraph& kg, const graph::EdgeData& e) {
  std::string label = e.negated ? "not " : "";
  label.append(kg.RelationName(e.relation));
  return label;
}

std::string NodeId(const Graph& g, Vertex v) {
  std::string id(1, 'n');  // not "n" + ...: GCC 12 warns falsely on that form (bug 105329)
  id.append(std::to_string(g[v].id));
  return id;
}

// ----- GraphML -----

void XmlData(Sink& s, std::string_view key, std::string_view text) {
  s.buf().append("<data key=\"").append(key).append("\">");
  AppendXmlEscaped(text, &s.buf());
  s.buf().append("</data>");
}

Status WriteGraphml(const KnowledgeGraph& kg, const std::vector<bool>& include, Sink& s) {
  const Graph& g = kg.graph();
  s << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
       "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\" "
       "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" "
       "xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns "
       "http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">\n"
       "  <key id=\"label\" for=\"node\" attr.name=\"label\" attr.type=\"string\"/>\n"
       "  <key id=\"type\" for=\"node\" attr.name=\"type\" attr.type=\"string\"/>\n"
       "  <key id=\"aliases\" for=\"node\" attr.name=\"aliases\" attr.type=\"string\"/>\n"
       "  <key id=\"mentions\" for=\"node\" attr.name=\"mentions\" attr.type=\"int\"/>\n"
       "  <key id=\"documents\" for=\"node\" attr.name=\"documents\" attr.type=\"int\"/>\n"
       "  <key id=\"elabel\" for=\"edge\" attr.name=\"label\" attr.type=\"string\"/>\n"
       "  <key id=\"relation\" for=\"edge\" attr.name=\"relation\" attr.type=\"string\"/>\n"
       "  <key id=\"weight\" for=\"edge\" attr.name=\"weight\" attr.type=\"double\"/>\n"
       "  <key id=\"sources\" for=\"edge\" attr.name=\"sources\" attr.type=\"string\"/>\n"
       "  <key id=\"negated\" for=\"edge\" attr.name=\"negated\" attr.type=\"boolean\"/>\n"
       "  <key id=\"confidence\" for=\"edge\" attr.name=\"confidence\" attr.type=\"double\"/>\n"
       "  <graph id=\"kg\" edgedefault=\"directed\">\n";
  std::string joined;
  for (Vertex v = 0; v < boost::num_vertices(g); ++v) {
    if (!Included(include, v)) continue;
    const auto& d = g[v];
    s.buf().append("    <node id=\"").append(NodeId(g, v)).append("\">");
    XmlData(s, "label", d.name);
    XmlData(s, "type", EntityTypeName(d.type));
    joined.clear();
    AppendJoined(d.aliases, &joined);
    XmlData(s, "aliases", joined);
    s.buf().append("<data key=\"mentions\">");
    s.Number(d.mentions);
    s.buf().append("</data><data key=\"documents\">");
    s.Number(d.documents);
    s.buf().append("</data></node>\n");
    s.MaybeFlush();
  }
  size_t edge_id = 0;
  ForEachIncludedEdge(g, include, [&](Edge e) {
    const auto& d = g[e];
    s.buf().append("    <edge id=\"e");
    s.Number(edge_id++);
    s.buf()
        .append("\" source=\"")
        .append(NodeId(g, boost::source(e, g)))
        .append("\" target=\"")
        .append(NodeId(g, boost::target(e, g)))
        .append("\">");
    XmlData(s, "elabel", EdgeLabel(kg, d));
    XmlData(s, "relation", kg.RelationName(d.relation));
    s.buf().append("<data key=\"weight\">");
    s.Number(d.weight);
    s.buf().append("</data>");
    XmlData(s, "sources", JoinedSources(d));
    s.buf().append(d.negated ? "<data key=\"negated\">true</data>"
                             : "<data key=\"negated\">false</data>");
    s.buf().append("<data key=\"confidence\">");
    s.Real(d.confidence);
    s.buf().append("</data></edge>\n");
    s.MaybeFlush();
  });
  s << "  </graph>\n</graphml>\n";
  return s.Finish();
}

// ----- DOT -----

std::string_view DotColor(EntityType t) {
  switch (t) {
    case EntityType::kPerson:
      return "#a6cee3";
    case EntityType::kPlace:
      return "#b2df8a";
    case EntityType::kOrganization:
      return "#fdbf6f";
    case EntityType::kDemand:
      return "#fb9a99";
    default:
      return "#dddddd";
  }
}

Status WriteDot(const KnowledgeGraph& kg, const std::vector<bool>& include, Sink& s) {
  const Graph& g = kg.graph();
  s << "digraph kg {\n  node [shape=box, style=\"rounded,filled\", fontname=\"Helvetica\"];\n"
       "  edge [fontname=\"Helvetica\", fontsize=10];\n";
  for (Vertex v = 0; v < boost::num_vertices(g); ++v) {
    if (!Included(include, v)) continue;
    const auto& d = g[v];
    s.buf().append("  ");
    AppendDotQuoted(NodeId(g, v), &s.buf());
    s.buf().append(" [label=");
    AppendDotQuoted(d.name, &s.buf());
    s.buf().append(", type=");
    AppendDotQuoted(EntityTypeName(d.type), &s.buf());
    s.buf().append(", fillcolor=\"").append(DotColor(d.type)).append("\"");
    if (d.type == EntityType::kDemand) s.buf().append(", shape=note");
    s.buf().append(", mentions=");
    s.Number(d.mentions);
    s.buf().append("];\n");
    s.MaybeFlush();
  }
  ForEachIncludedEdge(g, include, [&](Edge e) {
    const auto& d = g[e];
    s.buf().append("  ");
    AppendDotQuoted(NodeId(g, boost::source(e, g)), &s.buf());
    s.buf().append(" -> ");
    AppendDotQuoted(NodeId(g, boost::target(e, g)), &s.buf());
    s.buf().append(" [label=");
    AppendDotQuoted(EdgeLabel(kg, d), &s.buf());
    s.buf().append(", relation=");
    AppendDotQuoted(kg.RelationName(d.relation), &s.buf());
    // Graphviz's dot wants integer weights; ours count mentions, so they are.
    s.buf().append(", weight=");
    s.Number(d.weight);
    if (d.negated) s.buf().append(", style=dashed");
    s.buf().append("];\n");
    s.MaybeFlush();
  });
  s << "}\n";
  return s.Finish();
}

// ----- GEXF 1.3 -----

void XmlAttr(Sink& s, std::string_view name, std::string_view value) {
  s.buf().append(" ").append(name).append("=\"");
  AppendXmlEscaped(value, &s.buf());
  s.buf().append("\"");
}

Status WriteGexf(const KnowledgeGraph& kg, const std::vector<bool>& include, Sink& s) {
  const Graph& g = kg.graph();
  s << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
       "<gexf xmlns=\"http://gexf.net/1.3\" version=\"1.3\">\n"
       "  <graph defaultedgetype=\"directed\" mode=\"static\">\n"
       "    <attributes class=\"node\">\n"
       "      <attribute id=\"type\" title=\"type\" type=\"string\"/>\n"
       "      <attribute id=\"aliases\" title=\"aliases\" type=\"string\"/>\n"
       "      <attribute id=\"mentions\" title=\"mentions\" type=\"integer\"/>\n"
       "      <attribute id=\"documents\" title=\"documents\" type=\"integer\"/>\n"
       "    </attributes>\n"
       "    <attributes class=\"edge\">\n"
       "      <attribute id=\"relation\" title=\"relation\" type=\"string\"/>\n"
       "      <attribute id=\"sources\" title=\"sources\" type=\"string\"/>\n"
       "      <attribute id=\"negated\" title=\"negated\" type=\"boolean\"/>\n"
       "      <attribute id=\"confidence\" title=\"confidence\" type=\"double\"/>\n"
       "    </attributes>\n"
       "    <nodes>\n";
  std::string joined;
  for (Vertex v = 0; v < boost::num_vertices(g); ++v) {
    if (!Included(include, v)) continue;
    const auto& d = g[v];
    s.buf().append("      <node");
    XmlAttr(s, "id", NodeId(g, v));
    XmlAttr(s, "label", d.name);
    s.buf().append("><attvalues><attvalue for=\"type\"");
    XmlAttr(s, "value", EntityTypeName(d.type));
    s.buf().append("/><attvalue for=\"aliases\"");
    joined.clear();
    AppendJoined(d.aliases, &joined);
    XmlAttr(s, "value", joined);
    s.buf().append("/><attvalue for=\"mentions\" value=\"");
    s.Number(d.mentions);
    s.buf().append("\"/><attvalue for=\"documents\" value=\"");
    s.Number(d.documents);
    s.buf().append("\"/></attvalues></node>\n");
    s.MaybeFlush();
  }
  s << "    </nodes>\n    <edges>\n";
  size_t edge_id = 0;
  ForEachIncludedEdge(g, include, [&](Edge e) {
    const auto& d = g[e];
    s.buf().append("      <edge id=\"e");
    s.Number(edge_id++);
    s.buf().append("\"");
    XmlAttr(s, "source", NodeId(g, boost::source(e, g)));
    XmlAttr(s, "target", NodeId(g, boost::target(e, g)));
    XmlAttr(s, "label", EdgeLabel(kg, d));
    s.buf().append(" weight=\"");
    s.Number(d.weight);
    s.buf().append("\"><attvalues><attvalue for=\"relation\"");
    XmlAttr(s, "value", kg.RelationName(d.relation));
    s.buf().append("/><attvalue for=\"sources\"");
    XmlAttr(s, "value", JoinedSources(d));
    s.buf().append(d.negated ? "/><attvalue for=\"negated\" value=\"true\""
                             : "/><attvalue for=\"negated\" value=\"false\"");
    s.buf().append("/><attvalue for=\"confidence\" value=\"");
    s.Real(d.confidence);
    s.buf().append("\"/></attvalues></edge>\n");
    s.MaybeFlush();
  });
  s << "    </edges>\n  </graph>\n</gexf>\n";
  return s.Finish();
}

// ----- JSON (node-link) -----

Status WriteJson(const KnowledgeGraph& kg, const std::vector<bool>& include, Sink& s) {
  const Graph& g = kg.graph();
  s << "{\"directed\": true, \"nodes\": [\n";
  bool first = true;
  for (Vertex v = 0; v < boost::num_vertices(g); ++v) {
    if (!Included(include, v)) continue;
    const auto& d = g[v];
    std::string& b = s.buf();
    b.append(first ? "  {\"id\": " : ",\n  {\"id\": ");
    first = false;
    AppendJsonQuoted(NodeId(g, v), &b);
    b.append(", \"label\": ");
    AppendJsonQuoted(d.name, &b);
    b.append(", \"type\": ");
    AppendJsonQuoted(EntityTypeName(d.type), &b);
    b.append(", \"aliases\": [");
    for (size_t i = 0; i < d.aliases.size(); ++i) {
      if (i) b.append(", ");
      AppendJsonQuoted(d.aliases[i], &b);
    }
    b.append("], \"mentions\": ");
    s.Number(d.mentions);
    b.append(", \"documents\": ");
    s.Number(d.documents);
    b.append("}");
    s.MaybeFlush();
  }
  s << "\n], \"edges\": [\n";
  first = true;
  ForEachIncludedEdge(g, include, [&](Edge e) {
    const auto& d = g[e];
    std::string& b = s.buf();
    b.append(first ? "  {\"source\": " : ",\n  {\"source\": ");
    first = false;
    AppendJsonQuoted(NodeId(g, boost::source(e, g)), &b);
    b.append(", \"target\": ");
    AppendJsonQuoted(NodeId(g, boost::target(e, g)), &b);
    b.append(", \"relation\": ");
    AppendJsonQuoted(kg.RelationName(d.relation), &b);
    b.append(", \"label\": ");
    AppendJsonQuoted(EdgeLabel(kg, d), &b);
    b.append(", \"weight\": ");
    s.Number(d.weight);
    b.append(", \"sources\": [");
    for (size_t i = 0; i < d.sources.size(); ++i) {
      if (i) b.append(", ");
      AppendJsonQuoted(graph::DocIdHex(d.sources[i]), &b);
    }
    b.append(d.negated ? "], \"negated\": true" : "], \"negated\": false");
    b.append(", \"confidence\": ");
    s.Real(d.confidence);
    b.append("}");
    s.MaybeFlush();
  });
  s << "\n]}\n";
  return s.Finish();
}

}  // namespace

bool ParseFormat(std::string_view name, Format* format) {
  const std::string lower = AsciiLower(name);
  if (lower == "graphml") {
    *format = Format::kGraphml;
  } else if (lower == "dot" || lower == "gv") {
    *format = Format::kDot;
  } else if (lower == "gexf") {
    *format = Format::kGexf;
  } else if (lower == "json") {
    *format = Format::kJson;
  } else {
    return false;
  }
  return true;
}

Status Write(const KnowledgeGraph& graph, Format format, const std::vector<bool>& include,
             std::ostream& out) {
  Sink sink(out);
  switch (format) {
    case Format::kGraphml:
      return WriteGraphml(graph, include, sink);
    case Format::kDot:
      return WriteDot(graph, include, sink);
    case Format::kGexf:
      return WriteGexf(graph, include, sink);
    case Format::kJson:
      return WriteJson(graph, include, sink);
  }
  return Status::InvalidArgument("unknown export format");
}

}  // namespace kg::exporter
