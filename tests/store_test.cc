#include "graph/store.h"

#include <rocksdb/db.h>
#include <sys/wait.h>
#include <unistd.h>

#include <catch2/catch.hpp>

#include "core/text.h"
#include "graph/query.h"
#include "tests/test_util.h"

using kg::EntityType;
using kg::ExtractedDocument;
using kg::graph::IngestOutcome;
using kg::graph::Store;

namespace {

// A document written for the tests: "Putin met Witkoff in Moscow."
struct Doc {
  std::string text;
  ExtractedDocument x;
};

Doc MeetingDoc(const std::string& text = "Putin met Witkoff in Moscow.") {
  Doc d;
  d.text = text;
  d.x.sentences = {{0, static_cast<uint32_t>(text.size())}};
  d.x.entities = {{"Vladimir Putin", EntityType::kPerson, {"Putin"}, 1},
                  {"Steve Witkoff", EntityType::kPerson, {"Witkoff"}, 1},
                  {"Moscow", EntityType::kPlace, {"Moscow"}, 1}};
  kg::Fact met;
  met.subject = 0;
  met.object = 1;
  met.relation = "meet";
  met.span = {0, 17};
  kg::Fact in;
  in.subject = 0;
  in.object = 2;
  in.relation = "meet_in";
  in.span = {0, 27};
  d.x.facts = {met, in};
  return d;
}

kg::Status Put(Store& store, const Doc& d, const std::string& source, IngestOutcome* outcome) {
  const std::string hash = kg::ContentHash(d.text);
  kg::graph::DocumentInput in;
  in.source = source;
  in.text = d.text;
  in.content_hash = hash;
  in.extracted = &d.x;
  in.extractor_version = 1;
  kg::graph::DocId id;
  return store.Ingest(in, outcome, &id);
}

std::unique_ptr<Store> OpenRw(const std::filesystem::path& dir) {
  std::unique_ptr<Store> store;
  REQUIRE(Store::Open(dir, {}, &store).ok());
  return store;
}

kg::graph::StoreStats StatsOf(const Store& store) {
  kg::graph::StoreStats st;
  REQUIRE(store.Stats(&st).ok());
  return st;
}

}  // namespace

TEST_CASE("re-ingesting the same content adds nothing", "[store]") {
  kg::testing::TempDir dir;
  auto store = OpenRw(dir / "kg.db");
  IngestOutcome outcome;
  REQUIRE(Put(*store, MeetingDoc(), "/a.txt", &outcome).ok());
  CHECK(outcome == IngestOutcome::kAdded);
  const auto before = StatsOf(*store);
  CHECK(before.documents == 1);
  CHECK(before.entities == 3);
  CHECK(before.triples == 2);
  CHECK(before.edges == 2);
  REQUIRE(Put(*store, MeetingDoc(), "/a.txt", &outcome).ok());
  CHECK(outcome == IngestOutcome::kUnchanged);
  // The same content under another name is still the same document.
  REQUIRE(Put(*store, MeetingDoc(), "/copy-of-a.txt", &outcome).ok());
  CHECK(outcome == IngestOutcome::kUnchanged);
  const auto after = StatsOf(*store);
  CHECK(after.documents == before.documents);
  CHECK(after.triples == before.triples);
  CHECK(after.entities == before.entities);
  bool current = false;
  REQUIRE(store->IsCurrent(kg::ContentHash(MeetingDoc().text), "/a.txt", &current).ok());
  CHECK(current);
}

TEST_CASE("the same fact from two documents is one edge of weight two", "[store]") {
  kg::testing::TempDir dir;
  auto store = OpenRw(dir / "kg.db");
  IngestOutcome outcome;
  REQUIRE(Put(*store, MeetingDoc(), "/a.txt", &outcome).ok());
  REQUIRE(Put(*store, MeetingDoc("Putin met Witkoff in Moscow again."), "/b.txt", &outcome).ok());
  const auto st = StatsOf(*store);
  CHECK(st.documents == 2);
  CHECK(st.entities == 3);  // merged across documents by name
  CHECK(st.triples == 4);
  CHECK(st.edges == 2);
  std::vector<kg::graph::EntityInfo> putin;
  REQUIRE(store->FindEntities("putin", &putin).ok());
  REQUIRE(putin.size() == 1);
  CHECK(putin[0].documents == 2);
  std::vector<kg::graph::EdgeInfo> out;
  REQUIRE(store->OutEdges(putin[0].id, &out).ok());
  REQUIRE(out.size() == 2);
  for (const auto& e : out) CHECK(e.weight == 2);
}

TEST_CASE("an edited file replaces its old version's facts", "[store]") {
  kg::testing::TempDir dir;
  auto store = OpenRw(dir / "kg.db");
  IngestOutcome outcome;
  REQUIRE(Put(*store, MeetingDoc(), "/a.txt", &outcome).ok());
  Doc edited;
  edited.text = "Kushner visited Geneva.";
  edited.x.sentences = {{0, 23}};
  edited.x.entities = {{"Jared Kushner", EntityType::kPerson, {"Kushner"}, 1},
                       {"Geneva", EntityType::kPlace, {"Geneva"}, 1}};
  kg::Fact visit;
  visit.subject = 0;
  visit.object = 1;
  visit.relation = "visit";
  visit.span = {0, 22};
  edited.x.facts = {visit};
  REQUIRE(Put(*store, edited, "/a.txt", &outcome).ok());
  CHECK(outcome == IngestOutcome::kReplaced);
  const auto st = StatsOf(*store);
  CHECK(st.documents == 1);
  CHECK(st.entities == 2);  // Putin, Witkoff and Moscow went with the old version
  CHECK(st.triples == 1);
  CHECK(st.edges == 1);
  std::vector<kg::graph::EntityInfo> found;
  REQUIRE(store->FindEntities("Putin", &found).ok());
  CHECK(found.empty());
  // Edited back: the original facts return, nothing doubled.
  REQUIRE(Put(*store, MeetingDoc(), "/a.txt", &outcome).ok());
  CHECK(StatsOf(*store).triples == 2);
  CHECK(StatsOf(*store).documents == 1);
}

TEST_CASE("a later document's short name reuses the stored entity", "[store]") {
  kg::testing::TempDir dir;
  auto store = OpenRw(dir / "kg.db");
  IngestOutcome outcome;
  REQUIRE(Put(*store, MeetingDoc(), "/a.txt", &outcome).ok());
  Doc later;
  later.text = "Zelenskyy met Putin.";
  later.x.sentences = {{0, 20}};
  later.x.entities = {{"Zelenskyy", EntityType::kPerson, {"Zelenskyy"}, 1},
                      {"Putin", EntityType::kPerson, {"Putin"}, 1}};
  REQUIRE(Put(*store, later, "/b.txt", &outcome).ok());
  CHECK(StatsOf(*store).entities == 4);
  // A transliteration variant in a third document joins the same person.
  Doc third;
  third.text = "Volodymyr Zelensky spoke.";
  third.x.sentences = {{0, 25}};
  third.x.entities = {{"Volodymyr Zelensky", EntityType::kPerson, {"Zelensky"}, 1}};
  REQUIRE(Put(*store, third, "/c.txt", &outcome).ok());
  CHECK(StatsOf(*store).entities == 4);
  std::vector<kg::graph::EntityInfo> z;
  REQUIRE(store->FindEntities("zelenskiy", &z).ok());
  REQUIRE(z.size() == 1);
  CHECK(z[0].name == "Volodymyr Zelensky");  // the fuller name became canonical
  CHECK(z[0].documents == 2);
}

TEST_CASE("a place and a person of the same name stay apart", "[store]") {
  kg::testing::TempDir dir;
  auto store = OpenRw(dir / "kg.db");
  Doc a;
  a.text = "Georgia";
  a.x.sentences = {{0, 7}};
  a.x.entities = {{"Georgia", EntityType::kPlace, {}, 1}};
  Doc b;
  b.text = "Georgia!";
  b.x.sentences = {{0, 8}};
  b.x.entities = {{"Georgia", EntityType::kPerson, {}, 1}};
  IngestOutcome outcome;
  REQUIRE(Put(*store, a, "/a.txt", &outcome).ok());
  REQUIRE(Put(*store, b, "/b.txt", &outcome).ok());
  CHECK(StatsOf(*store).entities == 2);
}

TEST_CASE("stored data survives closing and reopening", "[store]") {
  kg::testing::TempDir dir;
  {
    auto store = OpenRw(dir / "kg.db");
    IngestOutcome outcome;
    REQUIRE(Put(*store, MeetingDoc(), "/a.txt", &outcome).ok());
  }
  std::unique_ptr<Store> store;
  REQUIRE(Store::Open(dir / "kg.db", {.read_only = true}, &store).ok());
  CHECK(StatsOf(*store).triples == 2);
  kg::graph::EntityInfo putin;
  REQUIRE(kg::graph::ResolveEntity(*store, "PUTIN", &putin).ok());
  CHECK(putin.name == "Vladimir Putin");
  kg::graph::DocumentValue doc;
  std::string text;
  std::vector<kg::Span> sentences;
  REQUIRE(store
              ->GetDocument(kg::graph::DocIdFromContentHash(kg::ContentHash(MeetingDoc().text)),
                            &doc, &text, &sentences)
              .ok());
  CHECK(text == MeetingDoc().text);
  CHECK(doc.sources == std::vector<std::string>{"/a.txt"});
}

TEST_CASE("a read-only open starts no threads", "[store]") {
  // The store is written by a child process, so that this one has started no RocksDB thread
  // when it opens the store to read: a query should not pay for flush and compaction threads.
  kg::testing::TempDir dir;
  const pid_t child = fork();
  REQUIRE(child >= 0);
  if (child == 0) {
    std::unique_ptr<Store> store;
    IngestOutcome outcome;
    const bool ok = Store::Open(dir / "kg.db", {}, &store).ok() &&
                    Put(*store, MeetingDoc(), "/a.txt", &outcome).ok();
    store.reset();
    _exit(ok ? 0 : 1);
  }
  int status = 0;
  REQUIRE(waitpid(child, &status, 0) == child);
  REQUIRE(WIFEXITED(status));
  REQUIRE(WEXITSTATUS(status) == 0);
  const auto threads = [] {
    return std::distance(std::filesystem::directory_iterator("/proc/self/task"),
                         std::filesystem::directory_iterator());
  };
  const auto before = threads();
  std::unique_ptr<Store> store;
  REQUIRE(Store::Open(dir / "kg.db", {.read_only = true}, &store).ok());
  CHECK(StatsOf(*store).triples == 2);
  CHECK(threads() == before);
}

TEST_CASE("opening what is not a kg store is refused with a clear error", "[store]") {
  kg::testing::TempDir dir;
  std::unique_ptr<Store> store;
  SECTION("a file") {
    kg::testing::WriteFile(dir / "file", "hello");
    const kg::Status s = Store::Open(dir / "file", {}, &store);
    CHECK(s.IsInvalidArgument());
    CHECK(s.message().find("is a file") != std::string::npos);
  }
  SECTION("a directory of other files") {
    kg::testing::WriteFile(dir / "d" / "notes.txt", "hello");
    CHECK(Store::Open(dir / "d", {}, &store).IsInvalidArgument());
  }
  SECTION("a missing store, read-only") {
    const kg::Status s = Store::Open(dir / "none", {.read_only = true}, &store);
    CHECK(s.IsNotFound());
  }
  SECTION("a RocksDB database that kg did not write") {
    rocksdb::Options options;
    options.create_if_missing = true;
    rocksdb::DB* raw = nullptr;
    REQUIRE(rocksdb::DB::Open(options, (dir / "other").string(), &raw).ok());
    REQUIRE(raw->Put(rocksdb::WriteOptions(), "key", "value").ok());
    delete raw;
    const kg::Status s = Store::Open(dir / "other", {}, &store);
    CHECK(s.IsInvalidArgument());
    CHECK(s.message().find("not a kg store") != std::string::npos);
  }
  SECTION("a store written by a newer schema") {
    { auto created = OpenRw(dir / "kg.db"); }
    // Rewrite the schema version the way a newer kg would have written it.
    {
      std::vector<rocksdb::ColumnFamilyDescriptor> families;
      for (const char* name : kg::graph::kColumnFamilies)
        families.emplace_back(name, rocksdb::ColumnFamilyOptions());
      std::vector<rocksdb::ColumnFamilyHandle*> handles;
      rocksdb::DB* raw = nullptr;
      REQUIRE(
          rocksdb::DB::Open(rocksdb::Options(), (dir / "kg.db").string(), families, &handles, &raw)
              .ok());
      std::string v;
      kg::graph::PutFixed32LE(&v, kg::graph::kSchemaVersion + 1);
      REQUIRE(raw->Put(rocksdb::WriteOptions(), handles[0], "schema", v).ok());
      for (auto* h : handles) raw->DestroyColumnFamilyHandle(h);
      delete raw;
    }
    const kg::Status s = Store::Open(dir / "kg.db", {}, &store);
    CHECK(s.code() == kg::Status::Code::kNotSupported);
    CHECK(s.message().find("newer kg") != std::string::npos);
  }
}

TEST_CASE("a second writer is refused while the first holds the store", "[store]") {
  kg::testing::TempDir dir;
  auto first = OpenRw(dir / "kg.db");
  std::unique_ptr<Store> second;
  const kg::Status s = Store::Open(dir / "kg.db", {}, &second);
  CHECK(s.code() == kg::Status::Code::kBusy);
  CHECK(s.message().find("in use") != std::string::npos);
  // Readers are welcome.
  std::unique_ptr<Store> reader;
  CHECK(Store::Open(dir / "kg.db", {.read_only = true}, &reader).ok());
}

TEST_CASE("a misspelt name gets suggestions", "[store]") {
  kg::testing::TempDir dir;
  auto store = OpenRw(dir / "kg.db");
  IngestOutcome outcome;
  REQUIRE(Put(*store, MeetingDoc(), "/a.txt", &outcome).ok());
  kg::graph::EntityInfo e;
  const kg::Status s = kg::graph::ResolveEntity(*store, "Witkopf", &e);
  CHECK(s.IsNotFound());
  CHECK(s.message().find("no entity named 'Witkopf'") != std::string::npos);
  CHECK(s.message().find("Witkoff") != std::string::npos);
}
