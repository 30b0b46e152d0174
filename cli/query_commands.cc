// Read-only commands: entities, neighbours, triples, why, stats, rank, path. Each opens the store
// read-only, so they run while an ingest is writing.
#include <spdlog/spdlog.h>

#include <algorithm>
#include <cstdio>
#include <iostream>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>

#include "cli/commands.h"
#include "core/text.h"
#include "graph/graph.h"
#include "graph/query.h"

namespace kg::cli {
namespace {

using nlohmann::ordered_json;

// Parses --type; an unknown type is a usage error.
Status ParseTypeOption(const std::string& text, std::optional<EntityType>* type) {
  if (text.empty()) return Status::Ok();
  EntityType t;
  if (!ParseEntityType(text, &t)) {
    return Status::InvalidArgument("unknown entity type '" + text +
                                   "' (person, place, organization, demand, date, event, other)");
  }
  *type = t;
  return Status::Ok();
}

ordered_json EntityJson(const graph::Store& store, const graph::EntityInfo& e, Status* status) {
  std::vector<std::string> aliases;
  *status = store.Aliases(e.id, &aliases);
  return ordered_json{{"name", e.name},
                      {"type", EntityTypeName(e.type)},
                      {"aliases", aliases},
                      {"mentions", e.mentions},
                      {"documents", e.documents}};
}

void PrintJson(const ordered_json& j) {
  // Replace rather than throw on bytes that are not UTF-8: output must never abort.
  std::cout << j.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
}

// Looks entities up once per query and remembers them.
class EntityCache final {
 public:
  explicit EntityCache(const graph::Store& store) : store_(store) {}
  Status Get(graph::EntityId id, const graph::EntityInfo** out) {
    auto it = cache_.find(id);
    if (it == cache_.end()) {
      graph::EntityInfo info;
      KG_RETURN_IF_ERROR(store_.GetEntity(id, &info));
      it = cache_.emplace(id, std::move(info)).first;
    }
    *out = &it->second;
    return Status::Ok();
  }

 private:
  const graph::Store& store_;
  std::map<graph::EntityId, graph::EntityInfo> cache_;
};

// ----- entities -----

struct EntitiesOptions {
  std::string type;
  size_t limit = 0;
  bool json = false;
};

int RunEntities(const Globals& globals, const EntitiesOptions& o) {
  std::optional<EntityType> type;
  if (Status s = ParseTypeOption(o.type, &type); !s.ok()) return Fail(s);
  std::unique_ptr<graph::Store> store;
  if (Status s = OpenStore(globals, true, &store); !s.ok()) return Fail(s);
  std::vector<graph::EntityInfo> all;
  Status s = store->ForEachEntity([&](const graph::EntityInfo& e) {
    if (!type || e.type == *type) all.push_back(e);
    return true;
  });
  if (!s.ok()) return Fail(s);
  std::stable_sort(all.begin(), all.end(), [](const auto& a, const auto& b) {
    if (a.mentions != b.mentions) return a.mentions > b.mentions;
    return a.name < b.name;
  });
  if (o.limit > 0 && all.size() > o.limit) all.resize(o.limit);
  if (o.json) {
    ordered_json out = ordered_json::array();
    for (const auto& e : all) {
      out.push_back(EntityJson(*store, e, &s));
      if (!s.ok()) return Fail(s);
    }
    PrintJson(out);
  } else {
    std::vector<std::string> aliases;
    for (const auto& e : all) {
      if (s = store->Aliases(e.id, &aliases); !s.ok()) return Fail(s);
      std::string others;
      for (const auto& a : aliases) {
        if (a == e.name) continue;
        others += others.empty() ? "" : " | ";
        others += a;
      }
      std::printf("%-32s %-12s %6u mentions %4u docs%s%s\n", Printable(e.name).c_str(),
                  std::string(EntityTypeName(e.type)).c_str(), e.mentions, e.documents,
                  others.empty() ? "" : "  aka ", Printable(others).c_str());
    }
  }
  return all.empty() ? kExitNothingFound : kExitOk;
}

// ----- neighbours -----

struct NeighboursOptions {
  std::string name;
  int depth = 1;
  std::string type;
  std::string relation;
  bool json = false;
};

int RunNeighbours(const Globals& globals, const NeighboursOptions& o) {
  graph::NeighbourQuery query;
  query.depth = o.depth;
  if (o.depth < 1) return Fail(Status::InvalidArgument("--depth must be at least 1"));
  if (Status s = ParseTypeOption(o.type, &query.type); !s.ok()) return Fail(s);
  if (!o.relation.empty()) query.relation = o.relation;
  std::unique_ptr<graph::Store> store;
  if (Status s = OpenStore(globals, true, &store); !s.ok()) return Fail(s);
  graph::EntityInfo entity;
  if (Status s = graph::ResolveEntity(*store, o.name, &entity); !s.ok()) return Fail(s);
  std::vector<graph::Neighbour> rows;
  if (Status s = graph::Neighbours(*store, entity.id, query, &rows); !s.ok()) return Fail(s);
  if (o.json) {
    Status s;
    ordered_json out = {{"entity", EntityJson(*store, entity, &s)},
                        {"neighbours", ordered_json::array()}};
    if (!s.ok()) return Fail(s);
    for (const auto& n : rows) {
      ordered_json row = {{"name", n.entity.name},  {"type", EntityTypeName(n.entity.type)},
                          {"relation", n.relation}, {"direction", n.outgoing ? "out" : "in"},
                          {"weight", n.weight},     {"depth", n.depth}};
      if (n.negated) row["negated"] = true;
      out["neighbours"].push_back(std::move(row));
    }
    PrintJson(out);
  } else {
    std::printf("%s (%s)\n", Printable(entity.name).c_str(),
                std::string(EntityTypeName(entity.type)).c_str());
    for (const auto& n : rows) {
      const std::string relation = (n.negated ? "not " : "") + n.relation;
      // The name last: a demand's label can be a long sentence, and the columns stay aligned.
      std::printf("  %d %s %-28s %-12s weight %-4u %s\n", n.depth, n.outgoing ? "->" : "<-",
                  Printable(relation).c_str(), std::string(EntityTypeName(n.entity.type)).c_str(),
                  n.weight, Printable(n.entity.name).c_str());
    }
    if (rows.empty()) std::printf("  (no neighbours)\n");
  }
  return rows.empty() ? kExitNothingFound : kExitOk;
}

// ----- triples -----

struct TriplesOptions {
  std::string subject, relation, object;
  size_t limit = 0;
  bool json = false;
};

int RunTriples(const Globals& globals, const TriplesOptions& o) {
  std::unique_ptr<graph::Store> store;
  if (Status s = OpenStore(globals, true, &store); !s.ok()) return Fail(s);
  std::optional<graph::EntityId> subject, object;
  std::optional<graph::RelationId> relation;
  graph::EntityInfo e;
  if (!o.subject.empty()) {
    if (Status s = graph::ResolveEntity(*store, o.subject, &e); !s.ok()) return Fail(s);
    subject = e.id;
  }
  if (!o.object.empty()) {
    if (Status s = graph::ResolveEntity(*store, o.object, &e); !s.ok()) return Fail(s);
    object = e.id;
  }
  if (!o.relation.empty()) {
    graph::RelationId id;
    Status s = store->FindRelation(o.relation, &id);
    if (!s.ok()) return Fail(s);
    relation = id;
  }
  // The triples to list: one index scan when an end is known, else every triple.
  std::vector<graph::TripleKey> triples;
  auto keep = [&](const graph::TripleKey& t) {
    return (!subject || t.subject == *subject) && (!object || t.object == *object) &&
           (!relation || t.relation == *relation);
  };
  std::vector<graph::EdgeInfo> edges;
  Status s;
  if (subject || object) {
    s = subject ? store->OutEdges(*subject, &edges) : store->InEdges(*object, &edges);
    for (const auto& edge : edges) {
      if (keep(edge.triple)) triples.push_back(edge.triple);
    }
  } else {
    s = store->ForEachEdge([&](const graph::EdgeInfo& edge) {
      if (keep(edge.triple)) triples.push_back(edge.triple);
      return true;
    });
  }
  if (!s.ok()) return Fail(s);

  EntityCache entities(*store);
  std::map<graph::RelationId, std::string> relation_names;
  std::map<graph::DocId, std::string> sources;
  ordered_json out = ordered_json::array();
  size_t rows = 0;
  for (const auto& t : triples) {
    const graph::EntityInfo *sub, *obj;
    if (s = entities.Get(t.subject, &sub); !s.ok()) return Fail(s);
    if (s = entities.Get(t.object, &obj); !s.ok()) return Fail(s);
    std::string& rel = relation_names[t.relation];
    if (rel.empty() && !(s = store->RelationName(t.relation, &rel)).ok()) return Fail(s);
    s = store->ForEachProvenance(&t, [&](const graph::ProvenanceKey& k,
                                         const graph::ProvenanceValue& v) {
      if (o.limit > 0 && rows >= o.limit) return false;
      ++rows;
      std::string& source = sources[k.doc];
      if (source.empty()) {
        graph::DocumentValue doc;
        if (store->GetDocument(k.doc, &doc, nullptr, nullptr).ok() && !doc.sources.empty()) {
          source = doc.sources.front();
        }
      }
      if (o.json) {
        out.push_back(ordered_json{{"subject", sub->name},
                                   {"subject_type", EntityTypeName(sub->type)},
                                   {"relation", rel},
                                   {"object", obj->name},
                                   {"object_type", EntityTypeName(obj->type)},
                                   {"negated", t.negated},
                                   {"confidence", v.confidence},
                                   {"doc", graph::DocIdHex(k.doc)},
                                   {"source", source},
                                   {"sentence", k.sentence},
                                   {"start", k.begin},
                                   {"end", v.end}});
      } else {
        std::printf("%s\t%s%s\t%s\t%s:%u:%u-%u\t%.2f\n", Printable(sub->name).c_str(),
                    t.negated ? "not " : "", Printable(rel).c_str(), Printable(obj->name).c_str(),
                    graph::DocIdHex(k.doc).c_str(), k.sentence, k.begin, v.end, v.confidence);
      }
      return true;
    });
    if (!s.ok()) return Fail(s);
  }
  if (o.json) PrintJson(out);
  return rows == 0 ? kExitNothingFound : kExitOk;
}

// ----- why -----

struct WhyOptions {
  std::string a, b;
  bool json = false;
};

int RunWhy(const Globals& globals, const WhyOptions& o) {
  std::unique_ptr<graph::Store> store;
  if (Status s = OpenStore(globals, true, &store); !s.ok()) return Fail(s);
  graph::EntityInfo a, b;
  if (Status s = graph::ResolveEntity(*store, o.a, &a); !s.ok()) return Fail(s);
  if (Status s = graph::ResolveEntity(*store, o.b, &b); !s.ok()) return Fail(s);
  if (a.id == b.id) {
    return Fail(Status::InvalidArgument("'" + o.a + "' and '" + o.b + "' are the same entity (" +
                                        a.name + ")"));
  }
  // Edges between the two, both directions: two prefix scans.
  std::vector<graph::EdgeInfo> found, out_edges;
  for (const auto& [from, to] : {std::pair{a.id, b.id}, std::pair{b.id, a.id}}) {
    if (Status s = store->OutEdges(from, &out_edges); !s.ok()) return Fail(s);
    for (const auto& e : out_edges) {
      if (e.triple.object == to) found.push_back(e);
    }
  }
  if (found.empty()) {
    return Fail(Status::NotFound("no edge between " + a.name + " and " + b.name +
                                 " (kg path shows how they are connected, if they are)"));
  }
  const bool mark_with_colour = !o.json && IsTerminal(1);
  ordered_json out = ordered_json::array();
  std::map<graph::DocId, std::pair<std::string, std::vector<Span>>> texts;
  std::map<graph::DocId, std::string> sources;
  for (const auto& e : found) {
    const graph::EntityInfo& sub = e.triple.subject == a.id ? a : b;
    const graph::EntityInfo& obj = e.triple.subject == a.id ? b : a;
    std::string rel;
    if (Status s = store->RelationName(e.triple.relation, &rel); !s.ok()) return Fail(s);
    ordered_json edge = {{"subject", sub.name}, {"relation", rel},
                         {"object", obj.name},  {"negated", e.triple.negated},
                         {"weight", e.weight},  {"evidence", ordered_json::array()}};
    if (!o.json) {
      std::printf("%s -%s%s-> %s (weight %u)\n", Printable(sub.name).c_str(),
                  e.triple.negated ? "not " : "", Printable(rel).c_str(),
                  Printable(obj.name).c_str(), e.weight);
    }
    Status s = store->ForEachProvenance(
        &e.triple, [&](const graph::ProvenanceKey& k, const graph::ProvenanceValue& v) {
          auto it = texts.find(k.doc);
          if (it == texts.end()) {
            graph::DocumentValue doc;
            std::pair<std::string, std::vector<Span>> entry;
            if (!store->GetDocument(k.doc, &doc, &entry.first, &entry.second).ok()) return true;
            sources[k.doc] = doc.sources.empty() ? "" : doc.sources.front();
            it = texts.emplace(k.doc, std::move(entry)).first;
          }
          const auto& [text, sentences] = it->second;
          if (k.sentence >= sentences.size()) return true;
          const Span sentence = sentences[k.sentence];
          if (sentence.end > text.size() || k.begin < sentence.begin || v.end > sentence.end ||
              k.begin > v.end) {
            return true;  // spans that do not fit their text are not shown
          }
          const std::string_view before(text.data() + sentence.begin, k.begin - sentence.begin);
          const std::string_view marked(text.data() + k.begin, v.end - k.begin);
          const std::string_view after(text.data() + v.end, sentence.end - v.end);
          if (o.json) {
            edge["evidence"].push_back(
                ordered_json{{"doc", graph::DocIdHex(k.doc)},
                             {"source", sources[k.doc]},
                             {"sentence", k.sentence},
                             {"start", k.begin},
                             {"end", v.end},
                             {"confidence", v.confidence},
                             {"text", std::string(text.data() + sentence.begin, sentence.size())}});
          } else {
            std::printf("  %s [%s] sentence %u, bytes %u-%u, confidence %.2f:\n    %s%s%s%s%s\n",
                        Printable(sources[k.doc]).c_str(), graph::DocIdHex(k.doc).c_str(),
                        k.sentence, k.begin, v.end, v.confidence, Printable(before).c_str(),
                        mark_with_colour ? "\033[1;4m" : "[[", Printable(marked).c_str(),
                        mark_with_colour ? "\033[0m" : "]]", Printable(after).c_str());
          }
          return true;
        });
    if (!s.ok()) return Fail(s);
    out.push_back(std::move(edge));
  }
  if (o.json) PrintJson(out);
  return kExitOk;
}

// ----- stats -----

int RunStats(const Globals& globals, bool json) {
  std::unique_ptr<graph::Store> store;
  if (Status s = OpenStore(globals, true, &store); !s.ok()) return Fail(s);
  graph::StoreStats st;
  if (Status s = store->Stats(&st); !s.ok()) return Fail(s);
  const auto by_type = [&](EntityType t) { return st.entities_by_type[static_cast<size_t>(t)]; };
  const int64_t demands = by_type(EntityType::kDemand);
  if (json) {
    ordered_json types;
    for (size_t t = 0; t <= static_cast<size_t>(kMaxEntityType); ++t) {
      types[std::string(EntityTypeName(static_cast<EntityType>(t)))] = st.entities_by_type[t];
    }
    PrintJson(ordered_json{{"documents", st.documents},
                           {"sentences", st.sentences},
                           {"entities", st.entities},
                           {"entities_by_type", types},
                           {"triples", st.triples},
                           {"edges", st.edges},
                           {"demands", demands}});
  } else {
    std::printf("documents  %lld\nsentences  %lld\nentities   %lld  (",
                static_cast<long long>(st.documents), static_cast<long long>(st.sentences),
                static_cast<long long>(st.entities));
    bool first = true;
    for (size_t t = 0; t <= static_cast<size_t>(kMaxEntityType); ++t) {
      if (st.entities_by_type[t] == 0) continue;
      std::printf("%s%s %lld", first ? "" : ", ",
                  std::string(EntityTypeName(static_cast<EntityType>(t))).c_str(),
                  static_cast<long long>(st.entities_by_type[t]));
      first = false;
    }
    std::printf(")\ntriples    %lld\nedges      %lld\ndemands    %lld\n",
                static_cast<long long>(st.triples), static_cast<long long>(st.edges),
                static_cast<long long>(demands));
  }
  return kExitOk;
}

// ----- rank -----

struct RankOptions {
  std::string by = "degree";
  std::string type;
  size_t limit = 10;
  bool names_only = false;
  bool json = false;
};

int RunRank(const Globals& globals, const RankOptions& o) {
  std::optional<EntityType> type;
  if (Status s = ParseTypeOption(o.type, &type); !s.ok()) return Fail(s);
  if (o.by != "degree" && o.by != "pagerank" && o.by != "mentions") {
    return Fail(Status::InvalidArgument("--by must be degree, pagerank or mentions"));
  }
  std::unique_ptr<graph::Store> store;
  if (Status s = OpenStore(globals, true, &store); !s.ok()) return Fail(s);
  graph::KnowledgeGraph kg;
  if (Status s = graph::KnowledgeGraph::Load(*store, {false, false}, &kg); !s.ok()) return Fail(s);
  const auto& g = kg.graph();
  const std::vector<size_t> degree = kg.Degree();
  const std::vector<double> rank = o.by == "pagerank" ? kg.PageRank() : std::vector<double>();
  std::vector<graph::Vertex> order;
  for (graph::Vertex v = 0; v < kg.vertex_count(); ++v) {
    if (!type || g[v].type == *type) order.push_back(v);
  }
  auto score = [&](graph::Vertex v) -> double {
    if (o.by == "pagerank") return rank[v];
    if (o.by == "mentions") return g[v].mentions;
    return static_cast<double>(degree[v]);
  };
  std::stable_sort(order.begin(), order.end(), [&](graph::Vertex a, graph::Vertex b) {
    if (score(a) != score(b)) return score(a) > score(b);
    return g[a].mentions > g[b].mentions;
  });
  if (o.limit > 0 && order.size() > o.limit) order.resize(o.limit);
  ordered_json out = ordered_json::array();
  for (graph::Vertex v : order) {
    if (o.json) {
      out.push_back(ordered_json{{"name", g[v].name},
                                 {"type", EntityTypeName(g[v].type)},
                                 {"degree", degree[v]},
                                 {"mentions", g[v].mentions},
                                 {"score", score(v)}});
    } else if (o.names_only) {
      std::printf("%s\n", Printable(g[v].name).c_str());
    } else {
      std::printf("%-32s %-12s degree %4zu  %s %.4g\n", Printable(g[v].name).c_str(),
                  std::string(EntityTypeName(g[v].type)).c_str(), degree[v], o.by.c_str(),
                  score(v));
    }
  }
  if (o.json) PrintJson(out);
  return order.empty() ? kExitNothingFound : kExitOk;
}

// ----- path -----

int RunPath(const Globals& globals, const std::string& from, const std::string& to, bool json) {
  std::unique_ptr<graph::Store> store;
  if (Status s = OpenStore(globals, true, &store); !s.ok()) return Fail(s);
  graph::EntityInfo a, b;
  if (Status s = graph::ResolveEntity(*store, from, &a); !s.ok()) return Fail(s);
  if (Status s = graph::ResolveEntity(*store, to, &b); !s.ok()) return Fail(s);
  graph::KnowledgeGraph kg;
  if (Status s = graph::KnowledgeGraph::Load(*store, {false, false}, &kg); !s.ok()) return Fail(s);
  const auto va = kg.FindVertex(a.id), vb = kg.FindVertex(b.id);
  const std::vector<graph::Vertex> path =
      va && vb ? kg.ShortestPath(*va, *vb) : std::vector<graph::Vertex>();
  if (path.empty()) {
    return Fail(Status::NotFound("no path between " + a.name + " and " + b.name));
  }
  const auto& g = kg.graph();
  ordered_json out = ordered_json::array();
  for (size_t i = 0; i < path.size(); ++i) {
    std::string step;
    if (i > 0) {
      // The edge joining this vertex to the previous one, whichever way it points.
      for (auto [it, end] = boost::out_edges(path[i - 1], g); it != end && step.empty(); ++it) {
        if (boost::target(*it, g) == path[i])
          step = "-" + std::string(kg.RelationName(g[*it].relation)) + "->";
      }
      for (auto [it, end] = boost::in_edges(path[i - 1], g); it != end && step.empty(); ++it) {
        if (boost::source(*it, g) == path[i])
          step = "<-" + std::string(kg.RelationName(g[*it].relation)) + "-";
      }
    }
    if (json) {
      out.push_back(ordered_json{
          {"name", g[path[i]].name}, {"type", EntityTypeName(g[path[i]].type)}, {"via", step}});
    } else {
      std::printf("%s%s%s", i ? " " : "", i ? (step + " ").c_str() : "",
                  Printable(g[path[i]].name).c_str());
    }
  }
  if (json) {
    PrintJson(out);
  } else {
    std::printf("\n");
  }
  return kExitOk;
}

}  // namespace

void AddQueryCommands(CLI::App& app, const Globals& globals, int* exit_code) {
  {
    auto o = std::make_shared<EntitiesOptions>();
    CLI::App* cmd = app.add_subcommand("entities", "List entities, most mentioned first");
    cmd->add_option("--type", o->type, "Only this type (person, place, organization, demand...)");
    cmd->add_option("--limit", o->limit, "At most this many (0: all)");
    cmd->add_flag("--json", o->json, "JSON array of {name, type, aliases, mentions, documents}");
    cmd->callback([&globals, exit_code, o] { *exit_code = RunEntities(globals, *o); });
  }
  {
    auto o = std::make_shared<NeighboursOptions>();
    CLI::App* cmd = app.add_subcommand("neighbours", "Entities within N hops of NAME");
    cmd->alias("neighbors");
    cmd->add_option("name", o->name, "Canonical name or alias, any case")->required();
    cmd->add_option("--depth", o->depth, "Hops (default 1)");
    cmd->add_option("--type", o->type, "Only list entities of this type");
    cmd->add_option("--relation", o->relation, "Only follow edges with this relation");
    cmd->add_flag("--json", o->json, "JSON {entity, neighbours: [...]}");
    cmd->callback([&globals, exit_code, o] { *exit_code = RunNeighbours(globals, *o); });
  }
  {
    auto o = std::make_shared<TriplesOptions>();
    CLI::App* cmd = app.add_subcommand("triples", "Stored triples with their provenance");
    cmd->add_option("--subject", o->subject, "Subject name or alias");
    cmd->add_option("--relation", o->relation, "Relation, e.g. meet_with");
    cmd->add_option("--object", o->object, "Object name or alias");
    cmd->add_option("--limit", o->limit, "At most this many rows (0: all)");
    cmd->add_flag("--json", o->json, "JSON array of triples with provenance");
    cmd->callback([&globals, exit_code, o] { *exit_code = RunTriples(globals, *o); });
  }
  {
    auto o = std::make_shared<WhyOptions>();
    CLI::App* cmd = app.add_subcommand("why", "The sentences behind each edge between A and B");
    cmd->add_option("a", o->a, "An entity")->required();
    cmd->add_option("b", o->b, "Another entity")->required();
    cmd->add_flag("--json", o->json, "JSON array of edges with their evidence");
    cmd->callback([&globals, exit_code, o] { *exit_code = RunWhy(globals, *o); });
  }
  {
    auto json = std::make_shared<bool>(false);
    CLI::App* cmd = app.add_subcommand("stats", "Counts of documents, entities, triples, edges");
    cmd->add_flag("--json", *json, "JSON object");
    cmd->callback([&globals, exit_code, json] { *exit_code = RunStats(globals, *json); });
  }
  {
    auto o = std::make_shared<RankOptions>();
    CLI::App* cmd = app.add_subcommand("rank", "The most connected entities");
    cmd->add_option("--by", o->by, "degree, pagerank or mentions");
    cmd->add_option("--type", o->type, "Only this type");
    cmd->add_option("--limit", o->limit, "At most this many (0: all)");
    cmd->add_flag("--names-only", o->names_only, "Print names only, one per line");
    cmd->add_flag("--json", o->json, "JSON array");
    cmd->callback([&globals, exit_code, o] { *exit_code = RunRank(globals, *o); });
  }
  {
    auto from = std::make_shared<std::string>();
    auto to = std::make_shared<std::string>();
    auto json = std::make_shared<bool>(false);
    CLI::App* cmd = app.add_subcommand("path", "A shortest chain of edges from A to B");
    cmd->add_option("a", *from, "An entity")->required();
    cmd->add_option("b", *to, "Another entity")->required();
    cmd->add_flag("--json", *json, "JSON array of steps");
    cmd->callback([&globals, exit_code, from, to, json] {
      *exit_code = RunPath(globals, *from, *to, *json);
    });
  }
}

}  // namespace kg::cli
