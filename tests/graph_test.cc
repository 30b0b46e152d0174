#include "graph/graph.h"

#include <catch2/catch.hpp>

#include "core/text.h"
#include "graph/query.h"
#include "tests/test_util.h"

using kg::EntityType;
using kg::graph::KnowledgeGraph;
using kg::graph::Store;

namespace {

// A chain written for the tests: Witkoff -meet-> Putin -lead-> Russia -border-> Ukraine, and
// Kushner -meet-> Putin, Ushakov -aide_of-> Putin.
std::unique_ptr<Store> ChainStore(const std::filesystem::path& dir) {
  std::unique_ptr<Store> store;
  REQUIRE(Store::Open(dir, {}, &store).ok());
  kg::ExtractedDocument x;
  const std::string text = "A test document about a chain of people and places.";
  x.sentences = {{0, static_cast<uint32_t>(text.size())}};
  x.entities = {{"Steve Witkoff", EntityType::kPerson, {}, 1},
                {"Vladimir Putin", EntityType::kPerson, {"Putin"}, 3},
                {"Russia", EntityType::kPlace, {}, 1},
                {"Ukraine", EntityType::kPlace, {}, 1},
                {"Jared Kushner", EntityType::kPerson, {}, 1},
                {"Yuri Ushakov", EntityType::kPerson, {}, 1}};
  auto fact = [](uint32_t s, uint32_t o, const char* r, uint32_t begin) {
    kg::Fact f;
    f.subject = s;
    f.object = o;
    f.relation = r;
    f.span = {begin, begin + 4};
    return f;
  };
  x.facts = {fact(0, 1, "meet", 0),   fact(0, 1, "meet", 10), fact(1, 2, "lead", 0),
             fact(2, 3, "border", 0), fact(4, 1, "meet", 0),  fact(5, 1, "aide_of", 0)};
  const std::string hash = kg::ContentHash(text);
  kg::graph::DocumentInput in;
  in.source = "/chain.txt";
  in.text = text;
  in.content_hash = hash;
  in.extracted = &x;
  kg::graph::IngestOutcome outcome;
  kg::graph::DocId id;
  REQUIRE(store->Ingest(in, &outcome, &id).ok());
  return store;
}

kg::graph::EntityId IdOf(const Store& store, const char* name) {
  kg::graph::EntityInfo e;
  REQUIRE(kg::graph::ResolveEntity(store, name, &e).ok());
  return e.id;
}

}  // namespace

TEST_CASE("neighbours answer from the indexes, both directions, with weights", "[graph]") {
  kg::testing::TempDir dir;
  auto store = ChainStore(dir / "kg.db");
  std::vector<kg::graph::Neighbour> rows;
  REQUIRE(kg::graph::Neighbours(*store, IdOf(*store, "Putin"), {}, &rows).ok());
  REQUIRE(rows.size() == 4);
  CHECK(rows[0].entity.name == "Steve Witkoff");  // heaviest first
  CHECK(rows[0].weight == 2);
  CHECK(!rows[0].outgoing);
  CHECK(rows[0].relation == "meet");
  size_t out = 0;
  for (const auto& r : rows) out += r.outgoing;
  CHECK(out == 1);  // only Putin -lead-> Russia leaves Putin
}

TEST_CASE("neighbours within two hops, filtered by type and relation", "[graph]") {
  kg::testing::TempDir dir;
  auto store = ChainStore(dir / "kg.db");
  const auto witkoff = IdOf(*store, "Steve Witkoff");
  std::vector<kg::graph::Neighbour> rows;
  kg::graph::NeighbourQuery q;
  q.depth = 2;
  REQUIRE(kg::graph::Neighbours(*store, witkoff, q, &rows).ok());
  std::vector<std::pair<std::string, int>> seen;
  for (const auto& r : rows) seen.emplace_back(r.entity.name, r.depth);
  CHECK(std::count(seen.begin(), seen.end(), std::pair<std::string, int>{"Vladimir Putin", 1}) ==
        1);
  CHECK(std::count(seen.begin(), seen.end(), std::pair<std::string, int>{"Russia", 2}) == 1);
  CHECK(std::count(seen.begin(), seen.end(), std::pair<std::string, int>{"Ukraine", 3}) == 0);
  q.type = EntityType::kPlace;
  REQUIRE(kg::graph::Neighbours(*store, witkoff, q, &rows).ok());
  REQUIRE(rows.size() == 1);
  CHECK(rows[0].entity.name == "Russia");
  q.type.reset();
  q.relation = "meet";
  REQUIRE(kg::graph::Neighbours(*store, witkoff, q, &rows).ok());
  for (const auto& r : rows) CHECK(r.relation == "meet");
  CHECK(rows.size() == 2);  // Putin, then Kushner through Putin
  q.relation = "no_such_relation";
  REQUIRE(kg::graph::Neighbours(*store, witkoff, q, &rows).ok());
  CHECK(rows.empty());
}

TEST_CASE("the Boost graph holds one edge per triple with its sources", "[graph]") {
  kg::testing::TempDir dir;
  auto store = ChainStore(dir / "kg.db");
  KnowledgeGraph kg;
  REQUIRE(KnowledgeGraph::Load(*store, {}, &kg).ok());
  CHECK(kg.vertex_count() == 6);
  CHECK(kg.edge_count() == 5);
  const auto& g = kg.graph();
  bool found_heavy = false;
  for (auto [it, end] = boost::edges(g); it != end; ++it) {
    CHECK(kg.Sources(g[*it]).size() == 1);
    if (g[*it].weight == 2) {
      found_heavy = true;
      CHECK(kg.RelationName(g[*it].relation) == "meet");
      CHECK(g[boost::source(*it, g)].name == "Steve Witkoff");
    }
  }
  CHECK(found_heavy);
}

TEST_CASE("shortest paths ignore direction, ranks favour the hub", "[graph]") {
  kg::testing::TempDir dir;
  auto store = ChainStore(dir / "kg.db");
  KnowledgeGraph kg;
  REQUIRE(KnowledgeGraph::Load(*store, {}, &kg).ok());
  const auto kushner = *kg.FindVertex(IdOf(*store, "Jared Kushner"));
  const auto ukraine = *kg.FindVertex(IdOf(*store, "Ukraine"));
  const auto path = kg.ShortestPath(kushner, ukraine);
  REQUIRE(path.size() == 4);  // Kushner - Putin - Russia - Ukraine
  CHECK(kg.graph()[path[1]].name == "Vladimir Putin");
  const auto degree = kg.Degree();
  const auto putin = *kg.FindVertex(IdOf(*store, "Putin"));
  CHECK(*std::max_element(degree.begin(), degree.end()) == degree[putin]);
  const auto rank = kg.PageRank();
  // Everyone points at Putin, so his rank beats the people who point at him.
  CHECK(rank[putin] > rank[kushner]);
  const auto around = kg.Neighbourhood(kushner, 1);
  CHECK(around[putin]);
  CHECK(!around[ukraine]);
}
