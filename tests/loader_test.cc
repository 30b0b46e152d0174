// graph::Loader and load::LoadFiles: table files into an empty store and write batches into a
// store that holds data give the store that Store::Ingest gives, document by document; TSV files
// load as documents; loading again adds nothing.
#include "graph/loader.h"

#include <rocksdb/db.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <map>

#include "core/text.h"
#include "extract/extractor.h"
#include "graph/keys.h"
#include "graph/store.h"
#include "load/load.h"
#include "tests/test_util.h"

using kg::graph::IngestOutcome;
using kg::graph::Loader;
using kg::graph::LoaderOptions;
using kg::graph::Store;

namespace {

namespace fs = std::filesystem;

const kg::extract::Extractor& TheExtractor() {
  static std::unique_ptr<kg::extract::Extractor> extractor = [] {
    std::unique_ptr<kg::extract::Extractor> e;
    kg::extract::ExtractorOptions options;
    options.models_dir = kg::extract::DefaultModelsDir();
    const kg::Status s = kg::extract::Extractor::Create(options, &e);
    if (!s.ok()) FAIL(s.message());
    return e;
  }();
  return *extractor;
}

struct Article {
  std::string source;
  std::string text;
  std::string hash;
  kg::ExtractedDocument doc;
};

// The samples, then edited copies and repeats: merges across documents, a document replaced by
// a new version of its file, the same content under a second name, content seen twice.
std::vector<Article> Corpus() {
  std::vector<Article> out;
  std::vector<fs::path> files;
  for (const auto& e : fs::directory_iterator(KG_SAMPLES_DIR)) files.push_back(e.path());
  std::sort(files.begin(), files.end());
  for (const auto& f : files) {
    out.push_back({f.string(), kg::testing::ReadFile(f), "", {}});
  }
  out.push_back(
      {"/extra/short.txt", "Putin met Witkoff in Moscow. Zelensky met Trump in Geneva.", "", {}});
  out.push_back({"/extra/copy.txt", out[0].text, "", {}});  // the same content, another name
  out.push_back({out[1].source, out[1].text, "", {}});      // the same file again
  out.push_back({out[2].source, "Kushner visited Geneva. Putin did not meet Zelensky.", "", {}});
  for (auto& a : out) {
    a.hash = kg::ContentHash(a.text);
    a.doc = TheExtractor().Extract(a.text);
  }
  return out;
}

kg::graph::LoadDocument ToLoad(const Article& a, const kg::graph::DocumentSource& data) {
  kg::graph::LoadDocument d;
  d.source = a.source;
  d.text = a.text;
  d.content_hash = a.hash;
  d.sentences = a.doc.sentences;
  d.data = &data;
  d.extractor_version = 1;
  d.ingested_at = 1700000000;
  return d;
}

std::unique_ptr<Store> OpenRw(const fs::path& dir) {
  std::unique_ptr<Store> store;
  REQUIRE(Store::Open(dir, {}, &store).ok());
  return store;
}

// Every key and value of every column family, "family/hex(key)" -> hex(value).
std::map<std::string, std::string> Dump(const fs::path& dir) {
  std::vector<rocksdb::ColumnFamilyDescriptor> families;
  for (const char* name : kg::graph::kColumnFamilies) {
    families.emplace_back(name, rocksdb::ColumnFamilyOptions());
  }
  std::vector<rocksdb::ColumnFamilyHandle*> handles;
  rocksdb::DB* raw = nullptr;
  REQUIRE(rocksdb::DB::OpenForReadOnly(rocksdb::Options(), dir.string(), families, &handles, &raw)
              .ok());
  std::map<std::string, std::string> out;
  const auto hex = [](rocksdb::Slice s) {
    static constexpr char kHex[] = "0123456789abcdef";
    std::string h;
    for (size_t i = 0; i < s.size(); ++i) {
      h.push_back(kHex[static_cast<unsigned char>(s[i]) >> 4]);
      h.push_back(kHex[static_cast<unsigned char>(s[i]) & 15]);
    }
    return h;
  };
  for (size_t c = 0; c < handles.size(); ++c) {
    std::unique_ptr<rocksdb::Iterator> it(raw->NewIterator(rocksdb::ReadOptions(), handles[c]));
    for (it->SeekToFirst(); it->Valid(); it->Next()) {
      out[std::string(kg::graph::kColumnFamilies[c]) + "/" + hex(it->key())] = hex(it->value());
    }
  }
  for (auto* h : handles) raw->DestroyColumnFamilyHandle(h);
  delete raw;
  return out;
}

kg::graph::StoreStats StatsOf(const fs::path& dir) {
  std::unique_ptr<Store> store;
  kg::graph::OpenOptions o;
  o.read_only = true;
  REQUIRE(Store::Open(dir, o, &store).ok());
  kg::graph::StoreStats st;
  REQUIRE(store->Stats(&st).ok());
  return st;
}

// Adds articles [begin, end) through a loader; returns the outcomes.
std::vector<IngestOutcome> LoadAll(const fs::path& dir, const std::vector<Article>& corpus,
                                   size_t begin, size_t end, const LoaderOptions& options,
                                   bool expect_bulk) {
  auto store = OpenRw(dir);
  std::unique_ptr<Loader> loader;
  REQUIRE(Loader::Open(store.get(), options, &loader).ok());
  CHECK(loader->bulk() == expect_bulk);
  std::vector<IngestOutcome> outcomes;
  for (size_t i = begin; i < end; ++i) {
    kg::graph::ExtractedSource data(corpus[i].doc);
    IngestOutcome outcome;
    kg::graph::DocId id;
    const kg::Status s = loader->Add(ToLoad(corpus[i], data), &outcome, &id);
    INFO(s.message());
    REQUIRE(s.ok());
    outcomes.push_back(outcome);
  }
  REQUIRE(loader->Finish().ok());
  return outcomes;
}

// Table files, even for a small load, and sort runs spilled to disk many times over.
LoaderOptions TableFiles() {
  LoaderOptions o;
  o.small_load_bytes = 0;
  o.memory_budget = 6 << 10;
  return o;
}

}  // namespace

TEST_CASE("table files, one batch and batches give the store Store::Ingest gives", "[loader]") {
  const auto corpus = Corpus();
  kg::testing::TempDir dir;
  // The reference: one Store::Ingest per document.
  std::vector<IngestOutcome> expected;
  {
    auto store = OpenRw(dir / "ingest.db");
    for (const auto& a : corpus) {
      kg::graph::DocumentInput in;
      in.source = a.source;
      in.text = a.text;
      in.content_hash = a.hash;
      in.extracted = &a.doc;
      in.extractor_version = 1;
      in.ingested_at = 1700000000;
      IngestOutcome outcome;
      kg::graph::DocId id;
      REQUIRE(store->Ingest(in, &outcome, &id).ok());
      expected.push_back(outcome);
    }
  }
  CHECK(expected.back() == IngestOutcome::kReplaced);
  const auto reference = Dump(dir / "ingest.db");

  SECTION("table files into an empty store (the replaced file switches to batches)") {
    CHECK(LoadAll(dir / "sst.db", corpus, 0, corpus.size(), TableFiles(), true) == expected);
    CHECK(Dump(dir / "sst.db") == reference);
  }
  SECTION("one write batch into an empty store (a small load)") {
    CHECK(LoadAll(dir / "small.db", corpus, 0, corpus.size(), {}, true) == expected);
    CHECK(Dump(dir / "small.db") == reference);
  }
  SECTION("batches of whole documents") {
    LoaderOptions o;
    o.allow_bulk = false;
    o.batch_documents = 3;
    CHECK(LoadAll(dir / "batch.db", corpus, 0, corpus.size(), o, false) == expected);
    CHECK(Dump(dir / "batch.db") == reference);
  }
  SECTION("table files for the first part, batches into the non-empty store for the rest") {
    auto first = LoadAll(dir / "mixed.db", corpus, 0, 3, TableFiles(), true);
    auto rest = LoadAll(dir / "mixed.db", corpus, 3, corpus.size(), TableFiles(), false);
    first.insert(first.end(), rest.begin(), rest.end());
    CHECK(first == expected);
    CHECK(Dump(dir / "mixed.db") == reference);
  }
}

TEST_CASE("loading the same documents again adds nothing", "[loader]") {
  const auto corpus = Corpus();
  kg::testing::TempDir dir;
  LoadAll(dir / "kg.db", corpus, 0, 5, TableFiles(), true);
  const auto before = Dump(dir / "kg.db");
  const auto outcomes = LoadAll(dir / "kg.db", corpus, 0, 5, TableFiles(), false);
  for (auto o : outcomes) CHECK(o == IngestOutcome::kUnchanged);
  CHECK(Dump(dir / "kg.db") == before);
}

TEST_CASE("a TSV file is one document: entities merged, weights counted, reload adds nothing",
          "[loader]") {
  kg::testing::TempDir dir;
  kg::testing::WriteFile(dir / "a.tsv",
                         "# subject\trelation\tobject\n"
                         "Putin\tmeet\tWitkoff\tperson\tperson\n"
                         "Witkoff\tvisit\tMoscow\tperson\tplace\n"
                         "\n"
                         "putin\tmeet\tWitkoff\n"  // the same names: one edge, weight 2
                         "Putin\tmeet\tPutin\n");  // a self-loop: no edge
  kg::load::LoadOptions options;
  options.loader = TableFiles();
  std::vector<std::string> messages;
  const auto report = [&](const std::string& m) { messages.push_back(m); };
  kg::load::LoadSummary summary;
  {
    auto store = OpenRw(dir / "kg.db");
    REQUIRE(kg::load::LoadFiles(store.get(), {(dir / "a.tsv").string()}, options, report, nullptr,
                                &summary)
                .ok());
    CHECK(summary.added == 1);
    CHECK(summary.bulk);
    CHECK(summary.facts == 4);
    CHECK(messages.empty());
    std::vector<kg::graph::EntityInfo> putin;
    REQUIRE(store->FindEntities("PUTIN", &putin).ok());
    REQUIRE(putin.size() == 1);
    CHECK(putin[0].type == kg::EntityType::kPerson);
    CHECK(putin[0].documents == 1);
    std::vector<kg::graph::EdgeInfo> out;
    REQUIRE(store->OutEdges(putin[0].id, &out).ok());
    REQUIRE(out.size() == 1);
    CHECK(out[0].weight == 2);
  }
  auto st = StatsOf(dir / "kg.db");
  CHECK(st.documents == 1);
  CHECK(st.entities == 3);
  CHECK(st.triples == 3);
  CHECK(st.edges == 2);
  const auto before = Dump(dir / "kg.db");
  {
    auto store = OpenRw(dir / "kg.db");
    REQUIRE(kg::load::LoadFiles(store.get(), {(dir / "a.tsv").string()}, options, report, nullptr,
                                &summary)
                .ok());
    CHECK(summary.unchanged == 1);
    CHECK(!summary.bulk);
  }
  CHECK(Dump(dir / "kg.db") == before);
}

TEST_CASE("a bad TSV line rejects its file with FILE:LINE and other files load", "[loader]") {
  kg::testing::TempDir dir;
  kg::testing::WriteFile(dir / "good.tsv", "Putin\tmeet\tWitkoff\n");
  kg::testing::WriteFile(dir / "bad.tsv", "Putin\tmeet\tWitkoff\nTrump\tcall\n");
  kg::testing::WriteFile(dir / "type.tsv", "Putin\tmeet\tWitkoff\tperson\tplanet\n");
  std::vector<std::string> messages;
  kg::load::LoadSummary summary;
  auto store = OpenRw(dir / "kg.db");
  REQUIRE(kg::load::LoadFiles(
              store.get(),
              {(dir / "bad.tsv").string(), (dir / "good.tsv").string(), (dir / "type.tsv").string(),
               (dir / "missing.tsv").string()},
              {}, [&](const std::string& m) { messages.push_back(m); }, nullptr, &summary)
              .ok());
  CHECK(summary.added == 1);
  CHECK(summary.skipped == 3);
  REQUIRE(messages.size() == 3);
  CHECK(messages[0].find("bad.tsv:2: expected 3 or 5 tab-separated fields") != std::string::npos);
  CHECK(messages[1].find("type.tsv:1: unknown entity type 'planet'") != std::string::npos);
  CHECK(messages[2].find("missing.tsv: no such file or directory") != std::string::npos);
}

TEST_CASE("a large document's undo record is stored in pieces and taken out whole", "[loader]") {
  kg::testing::TempDir dir;
  const size_t lines = 70000;  // more facts than one undo piece holds
  {
    std::ofstream out(dir / "big.tsv");
    for (size_t i = 0; i < lines; ++i) {
      out << "Node " << i % 5000 << "\trel" << i % 7 << "\tNode " << (i * 7 + 1) % 5000 << "\n";
    }
  }
  kg::load::LoadOptions options;
  options.loader.small_load_bytes = 0;
  const auto report = [](const std::string& m) { FAIL(m); };
  kg::load::LoadSummary summary;
  {
    auto store = OpenRw(dir / "kg.db");
    REQUIRE(kg::load::LoadFiles(store.get(), {(dir / "big.tsv").string()}, options, report, nullptr,
                                &summary)
                .ok());
  }
  auto st = StatsOf(dir / "kg.db");
  CHECK(st.documents == 1);
  CHECK(st.triples == static_cast<int64_t>(lines));
  CHECK(st.entities == 5000);
  // A new version of the file replaces all of it.
  kg::testing::WriteFile(dir / "big.tsv", "Putin\tmeet\tWitkoff\n");
  {
    auto store = OpenRw(dir / "kg.db");
    REQUIRE(kg::load::LoadFiles(store.get(), {(dir / "big.tsv").string()}, options, report, nullptr,
                                &summary)
                .ok());
    CHECK(summary.replaced == 1);
  }
  st = StatsOf(dir / "kg.db");
  CHECK(st.documents == 1);
  CHECK(st.triples == 1);
  CHECK(st.edges == 1);
  CHECK(st.entities == 2);
  size_t keys = 0;
  for (const auto& [k, v] : Dump(dir / "kg.db")) keys += k.rfind("provenance/", 0) == 0;
  CHECK(keys == 1);
}
