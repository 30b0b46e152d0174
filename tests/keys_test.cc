#include "graph/keys.h"

#include <catch2/catch.hpp>

using namespace kg::graph;

TEST_CASE("triple keys round-trip and sort by subject, then object", "[keys]") {
  TripleKey t{.subject = 7, .object = 300, .relation = 5, .negated = true};
  TripleKey back;
  REQUIRE(DecodeOutKey(OutKey(t), &back));
  CHECK(back == t);
  REQUIRE(DecodeInKey(InKey(t), &back));
  CHECK(back == t);
  // Big-endian ids: bytewise order is numeric order, so one prefix scan finds an entity's edges.
  TripleKey small{.subject = 1, .object = 0xFFFF, .relation = 1, .negated = false};
  TripleKey large{.subject = 256, .object = 1, .relation = 1, .negated = false};
  CHECK(OutKey(small) < OutKey(large));
  CHECK(OutKey(t).substr(0, 8) == EntityPrefix(7));
  CHECK(InKey(t).substr(0, 8) == EntityPrefix(300));
  // Negated and positive forms of a relation are distinct keys.
  TripleKey positive = t;
  positive.negated = false;
  CHECK(OutKey(positive) != OutKey(t));
}

TEST_CASE("provenance keys extend their triple's key", "[keys]") {
  ProvenanceKey k{.triple = {.subject = 1, .object = 2, .relation = 3, .negated = false},
                  .doc = 0x0123456789abcdefull,
                  .sentence = 4,
                  .begin = 99};
  const std::string bytes = ProvenanceKeyBytes(k);
  CHECK(bytes.substr(0, 20) == TriplePrefix(k.triple));
  ProvenanceKey back;
  REQUIRE(DecodeProvenanceKey(bytes, &back));
  CHECK(back == k);
  ProvenanceValue v{.end = 120, .confidence = 0.75f, .extractor_version = 2, .attributed_to = 9};
  ProvenanceValue vb;
  REQUIRE(DecodeProvenanceValue(EncodeProvenanceValue(v), &vb));
  CHECK(vb.end == 120);
  CHECK(vb.confidence == 0.75f);
  CHECK(vb.attributed_to == 9);
}

TEST_CASE("decoders reject truncated and malformed bytes", "[keys]") {
  TripleKey t;
  CHECK(!DecodeOutKey("short", &t));
  ProvenanceKey p;
  CHECK(!DecodeProvenanceKey(std::string(35, 'x'), &p));
  EntityValue e;
  CHECK(!DecodeEntityValue("abc", &e));
  std::string bad_type = EncodeEntityValue({kg::EntityType::kPerson, 1, 1, "X"});
  bad_type[0] = static_cast<char>(200);
  CHECK(!DecodeEntityValue(bad_type, &e));
  DocumentValue d;
  CHECK(
      !DecodeDocumentValue("\x05"
                           "ab",
                           &d));
  UndoRecord u;
  CHECK(!DecodeUndoRecord("\xFF\xFF\xFF\xFF\x0F", &u));  // a count larger than the bytes left
  std::vector<kg::Span> spans;
  CHECK(!DecodeSpans("1234567", &spans));
}

TEST_CASE("records round-trip", "[keys]") {
  EntityValue e{kg::EntityType::kPlace, 12, 3, "Abu Dhabi"};
  EntityValue eb;
  REQUIRE(DecodeEntityValue(EncodeEntityValue(e), &eb));
  CHECK(eb.name == "Abu Dhabi");
  CHECK(eb.type == kg::EntityType::kPlace);
  CHECK(eb.mentions == 12);
  DocumentValue d{"0123456789abcdef0123456789abcdef", 1700000000, 10, 4, {"a.txt", "b.txt"}};
  DocumentValue db;
  REQUIRE(DecodeDocumentValue(EncodeDocumentValue(d), &db));
  CHECK(db.sources == d.sources);
  CHECK(db.ingested_at == 1700000000);
  UndoRecord u;
  u.entities.push_back({5, 2, {{"Putin", 1}, {"Vladimir Putin", 1}}});
  u.facts.push_back({{1, 2, 3, true}, 9, 1, 10});
  UndoRecord ub;
  REQUIRE(DecodeUndoRecord(EncodeUndoRecord(u), &ub));
  REQUIRE(ub.entities.size() == 1);
  CHECK(ub.entities[0].surfaces == u.entities[0].surfaces);
  CHECK(ub.facts == u.facts);
  std::string name;
  kg::graph::EntityId id;
  REQUIRE(DecodeAliasLookupKey(AliasLookupKey("putin", 42), &name, &id));
  CHECK(name == "putin");
  CHECK(id == 42);
  kg::graph::DocId doc;
  REQUIRE(ParseDocIdHex(DocIdHex(0xfedcba9876543210ull), &doc));
  CHECK(doc == 0xfedcba9876543210ull);
}
