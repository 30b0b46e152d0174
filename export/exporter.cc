#include "export/exporter.h"

#include <charconv>
#include <string>
#include <string_view>

#include "core/text.h"
#include "export/escape.h"

namespace kg::exporter {
namespace {

using namespace std::string_view_literals;  // appends of literals need no strlen

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

void AppendDocIdHex(graph::DocId id, std::string* out) {
  static constexpr char kHex[] = "0123456789abcdef";
  char buf[16];
  for (int i = 15; i >= 0; --i, id >>= 4) buf[i] = kHex[id & 0xF];
  out->append(buf, 16);
}

// Document ids joined with '|'. Consecutive edges mostly share their documents: the hex of the
// last one is kept.
class SourceText final {
 public:
  void Append(const KnowledgeGraph& kg, const graph::EdgeData& e, std::string* out) {
    bool first = true;
    for (graph::DocId doc : kg.Sources(e)) {
      if (!first) out->push_back('|');
      first = false;
      if (doc != last_ || hex_.empty()) {
        last_ = doc;
        hex_.clear();
        AppendDocIdHex(doc, &hex_);
      }
      out->append(hex_);
    }
  }

 private:
  graph::DocId last_ = 0;
  std::string hex_;
};

// "n" and the entity id: ids never need escaping in any format.
void AppendNodeId(const Graph& g, Vertex v, std::string* out) {
  char buf[24];
  buf[0] = 'n';
  auto [end, ec] = std::to_chars(buf + 1, buf + sizeof buf, g[v].id);
  out->append(buf, end);
}

// Each relation's name and label ("not meet" for a negated edge), escaped for the format once,
// not once per edge.
class RelationText final {
 public:
  using Escape = void (*)(std::string_view, std::string*);
  RelationText(const KnowledgeGraph& kg, Escape escape) {
    const Graph& g = kg.graph();
    for (auto [it, end] = boost::edges(g); it != end; ++it) {
      const graph::RelationId r = g[*it].relation;
      if (r >= name_.size()) {
        name_.resize(r + 1);
        negated_.resize(r + 1);
      }
      if (!name_[r].empty()) continue;
      const std::string_view name = kg.RelationName(r);
      escape(name, &name_[r]);
      escape("not " + std::string(name), &negated_[r]);
    }
  }
  const std::string& name(const graph::EdgeData& e) const { return name_[e.relation]; }
  const std::string& label(const graph::EdgeData& e) const {
    return e.negated ? negated_[e.relation] : name_[e.relation];
  }

 private:
  std::vector<std::string> name_, negated_;
};

// ----- GraphML -----

void XmlData(Sink& s, std::string_view key, std::string_view text) {
  s.buf().append("<data key=\""sv).append(key).append("\">"sv);
  AppendXmlEscaped(text, &s.buf());
  s.buf().append("</data>"sv);
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
    std::string& b = s.buf();
    b.append("    <node id=\""sv);
    AppendNodeId(g, v, &b);
    b.append("\">"sv);
    XmlData(s, "label", d.name);
    XmlData(s, "type", EntityTypeName(d.type));
    joined.clear();
    AppendJoined(d.aliases, &joined);
    XmlData(s, "aliases", joined);
    b.append("<data key=\"mentions\">"sv);
    s.Number(d.mentions);
    b.append("</data><data key=\"documents\">"sv);
    s.Number(d.documents);
    b.append("</data></node>\n"sv);
    s.MaybeFlush();
  }
  const RelationText relations(kg, &AppendXmlEscaped);
  SourceText sources;
  size_t edge_id = 0;
  ForEachIncludedEdge(g, include, [&](Edge e) {
    const auto& d = g[e];
    std::string& b = s.buf();
    b.append("    <edge id=\"e"sv);
    s.Number(edge_id++);
    b.append("\" source=\""sv);
    AppendNodeId(g, boost::source(e, g), &b);
    b.append("\" target=\""sv);
    AppendNodeId(g, boost::target(e, g), &b);
    b.append("\"><data key=\"elabel\">"sv).append(relations.label(d));
    b.append("</data><data key=\"relation\">"sv).append(relations.name(d));
    b.append("</data><data key=\"weight\">"sv);
    s.Number(d.weight);
    b.append("</data><data key=\"sources\">"sv);
    sources.Append(kg, d, &b);
    b.append(d.negated ? "</data><data key=\"negated\">true</data>"sv
                       : "</data><data key=\"negated\">false</data>"sv);
    b.append("<data key=\"confidence\">"sv);
    s.Real(d.confidence);
    b.append("</data></edge>\n"sv);
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
    std::string& b = s.buf();
    b.append("  \""sv);
    AppendNodeId(g, v, &b);
    b.append("\" [label="sv);
    AppendDotQuoted(d.name, &b);
    b.append(", type=\""sv).append(EntityTypeName(d.type));
    b.append("\", fillcolor=\""sv).append(DotColor(d.type)).append("\""sv);
    if (d.type == EntityType::kDemand) b.append(", shape=note"sv);
    b.append(", mentions="sv);
    s.Number(d.mentions);
    b.append("];\n"sv);
    s.MaybeFlush();
  }
  const RelationText relations(kg, &AppendDotQuoted);
  ForEachIncludedEdge(g, include, [&](Edge e) {
    const auto& d = g[e];
    std::string& b = s.buf();
    b.append("  \""sv);
    AppendNodeId(g, boost::source(e, g), &b);
    b.append("\" -> \""sv);
    AppendNodeId(g, boost::target(e, g), &b);
    b.append("\" [label="sv).append(relations.label(d));
    b.append(", relation="sv).append(relations.name(d));
    // Graphviz's dot wants integer weights; ours count mentions, so they are.
    b.append(", weight="sv);
    s.Number(d.weight);
    if (d.negated) b.append(", style=dashed"sv);
    b.append("];\n"sv);
    s.MaybeFlush();
  });
  s << "}\n";
  return s.Finish();
}

// ----- GEXF 1.3 -----

void XmlAttr(Sink& s, std::string_view name, std::string_view value) {
  s.buf().append(" "sv).append(name).append("=\""sv);
  AppendXmlEscaped(value, &s.buf());
  s.buf().append("\""sv);
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
    s.buf().append("      <node id=\""sv);
    AppendNodeId(g, v, &s.buf());
    s.buf().append("\""sv);
    XmlAttr(s, "label", d.name);
    s.buf().append("><attvalues><attvalue for=\"type\""sv);
    XmlAttr(s, "value", EntityTypeName(d.type));
    s.buf().append("/><attvalue for=\"aliases\""sv);
    joined.clear();
    AppendJoined(d.aliases, &joined);
    XmlAttr(s, "value", joined);
    s.buf().append("/><attvalue for=\"mentions\" value=\""sv);
    s.Number(d.mentions);
    s.buf().append("\"/><attvalue for=\"documents\" value=\""sv);
    s.Number(d.documents);
    s.buf().append("\"/></attvalues></node>\n"sv);
    s.MaybeFlush();
  }
  s << "    </nodes>\n    <edges>\n";
  const RelationText relations(kg, &AppendXmlEscaped);
  SourceText sources;
  size_t edge_id = 0;
  ForEachIncludedEdge(g, include, [&](Edge e) {
    const auto& d = g[e];
    s.buf().append("      <edge id=\"e"sv);
    s.Number(edge_id++);
    std::string& b = s.buf();
    b.append("\" source=\""sv);
    AppendNodeId(g, boost::source(e, g), &b);
    b.append("\" target=\""sv);
    AppendNodeId(g, boost::target(e, g), &b);
    b.append("\" label=\""sv).append(relations.label(d));
    b.append("\" weight=\""sv);
    s.Number(d.weight);
    b.append("\"><attvalues><attvalue for=\"relation\" value=\""sv).append(relations.name(d));
    b.append("\"/><attvalue for=\"sources\" value=\""sv);
    sources.Append(kg, d, &b);
    b.append("\""sv);
    s.buf().append(d.negated ? "/><attvalue for=\"negated\" value=\"true\""sv
                             : "/><attvalue for=\"negated\" value=\"false\""sv);
    s.buf().append("/><attvalue for=\"confidence\" value=\""sv);
    s.Real(d.confidence);
    s.buf().append("\"/></attvalues></edge>\n"sv);
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
    b.append(first ? "  {\"id\": \"" : ",\n  {\"id\": \"");
    first = false;
    AppendNodeId(g, v, &b);
    b.push_back('"');
    b.append(", \"label\": "sv);
    AppendJsonString(d.name, &b);
    b.append(", \"type\": "sv);
    AppendJsonString(EntityTypeName(d.type), &b);
    b.append(", \"aliases\": ["sv);
    for (size_t i = 0; i < d.aliases.size(); ++i) {
      if (i) b.append(", "sv);
      AppendJsonString(d.aliases[i], &b);
    }
    b.append("], \"mentions\": "sv);
    s.Number(d.mentions);
    b.append(", \"documents\": "sv);
    s.Number(d.documents);
    b.append("}"sv);
    s.MaybeFlush();
  }
  s << "\n], \"edges\": [\n";
  const RelationText relations(kg, &AppendJsonString);
  first = true;
  ForEachIncludedEdge(g, include, [&](Edge e) {
    const auto& d = g[e];
    std::string& b = s.buf();
    b.append(first ? "  {\"source\": \"" : ",\n  {\"source\": \"");
    first = false;
    AppendNodeId(g, boost::source(e, g), &b);
    b.append("\", \"target\": \""sv);
    AppendNodeId(g, boost::target(e, g), &b);
    b.append("\", \"relation\": "sv).append(relations.name(d));
    b.append(", \"label\": "sv).append(relations.label(d));
    b.append(", \"weight\": "sv);
    s.Number(d.weight);
    b.append(", \"sources\": ["sv);
    bool first_source = true;
    for (graph::DocId doc : kg.Sources(d)) {
      b.append(first_source ? "\"" : ", \"");
      first_source = false;
      AppendDocIdHex(doc, &b);
      b.push_back('"');
    }
    b.append(d.negated ? "], \"negated\": true"sv : "], \"negated\": false"sv);
    b.append(", \"confidence\": "sv);
    s.Real(d.confidence);
    b.append("}"sv);
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
