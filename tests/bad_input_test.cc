// The bad-input matrix of kg, end to end: each case runs the kg binary on input a user could
// really have (an image, a Latin-1 file, a 50 MB line, ten thousand files, names full of markup,
// a damaged or foreign store) and checks its one-line message and exit code, and that nothing
// crashes or is lost. Cases already in cli_test.cc (a missing path, an empty file, a locked store)
// are not repeated.
#include <rocksdb/db.h>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "core/text.h"
#include "graph/keys.h"
#include "graph/store.h"
#include "tests/process_util.h"
#include "tests/test_util.h"

using kg::testing::ReadFile;
using kg::testing::Run;
using kg::testing::RunResult;
using kg::testing::ShellQuote;
using kg::testing::TempDir;
using kg::testing::WriteFile;
using nlohmann::json;

namespace {

namespace fs = std::filesystem;

std::string Kg(const TempDir& dir) {
  return std::string(KG_BINARY) + " --db " + ShellQuote((dir / "kg.db").string());
}

std::string Quoted(const fs::path& p) { return ShellQuote(p.string()); }

// Every line kg writes on stderr is one message of its own: "kg: LEVEL: ...".
void CheckMessageLines(const std::string& err) {
  size_t start = 0;
  while (start < err.size()) {
    size_t end = err.find('\n', start);
    if (end == std::string::npos) end = err.size();
    const std::string line = err.substr(start, end - start);
    INFO(line);
    CHECK(line.starts_with("kg: "));
    start = end + 1;
  }
}

// Runs kg and checks its exit code and that stderr holds `message` as one line of its own.
RunResult Expect(const std::string& command, const TempDir& dir, int exit_code,
                 const std::string& message) {
  RunResult r = Run(command, dir.path());
  INFO(command << "\nstderr: " << r.err);
  CHECK(r.exit_code == exit_code);
  CHECK(r.err.find(message + "\n") != std::string::npos);
  CheckMessageLines(r.err);
  return r;
}

// Writes every store file's column family data to table files, as RocksDB does by itself once
// the write buffers fill: the damage cases need table files to damage.
void FlushStore(const fs::path& db) {
  std::vector<rocksdb::ColumnFamilyDescriptor> families;
  for (const char* name : kg::graph::kColumnFamilies) {
    families.emplace_back(name, rocksdb::ColumnFamilyOptions());
  }
  std::vector<rocksdb::ColumnFamilyHandle*> handles;
  rocksdb::DB* raw = nullptr;
  REQUIRE(rocksdb::DB::Open(rocksdb::Options(), db.string(), families, &handles, &raw).ok());
  for (auto* h : handles) REQUIRE(raw->Flush(rocksdb::FlushOptions(), h).ok());
  for (auto* h : handles) raw->DestroyColumnFamilyHandle(h);
  delete raw;
}

std::vector<fs::path> FilesOf(const fs::path& db, const std::string& pattern) {
  std::vector<fs::path> found;
  for (const auto& e : fs::directory_iterator(db)) {
    const std::string name = e.path().filename().string();
    if (name.find(pattern) != std::string::npos) found.push_back(e.path());
  }
  std::sort(found.begin(), found.end());
  return found;
}

// Overwrites `count` bytes of a file at `offset` with a pattern that is not what was there.
void Scribble(const fs::path& file, size_t offset, size_t count) {
  std::string bytes = ReadFile(file);
  for (size_t i = offset; i < offset + count && i < bytes.size(); ++i) {
    bytes[i] = static_cast<char>(~bytes[i]);
  }
  WriteFile(file, bytes);
}

}  // namespace

TEST_CASE("an image given directly is refused as binary and the rest is stored", "[bad-input]") {
  TempDir dir;
  // The first bytes of a JPEG and of a PNG, as a scraper saves them next to the articles.
  WriteFile(dir / "photo.jpg", std::string("\xFF\xD8\xFF\xE0\x00\x10JFIF\x00\x01\x01\x00", 14));
  WriteFile(dir / "chart.png", std::string("\x89PNG\r\n\x1A\n\x00\x00\x00\x0DIHDR", 16));
  WriteFile(dir / "good.txt", "Putin met Witkoff in Moscow on Tuesday.");
  const std::string cmd = Kg(dir) + " ingest " + Quoted(dir / "photo.jpg") + " " +
                          Quoted(dir / "good.txt") + " " + Quoted(dir / "chart.png");
  Expect(cmd, dir, 2,
         "kg: error: " + (dir / "photo.jpg").string() + ": binary data, not text; skipped");
  const auto r = Expect(cmd, dir, 2, "kg: error: 2 input(s) skipped; see the messages above");
  CHECK(r.err.find("chart.png: binary data, not text; skipped") != std::string::npos);
  CHECK(json::parse(Run(Kg(dir) + " stats --json", dir.path()).out)["documents"] == 1);
}

TEST_CASE("invalid UTF-8 is repaired and the message says how much and where", "[bad-input]") {
  TempDir dir;
  // Latin-1, as old newspaper archives are: two bytes that are not UTF-8.
  const std::string text = "President Putin met the envoy in Z\xFCrich and Gen\xE8ve on Tuesday.";
  WriteFile(dir / "latin1.txt", text);
  Expect(Kg(dir) + " ingest " + Quoted(dir / "latin1.txt"), dir, 0,
         "kg: warning: " + (dir / "latin1.txt").string() +
             ": 2 invalid UTF-8 sequence(s), the first at byte 34; replaced by U+FFFD");
  // Stored repaired: each bad byte became U+FFFD, the rest is as it was.
  std::unique_ptr<kg::graph::Store> store;
  REQUIRE(kg::graph::Store::Open(dir / "kg.db", {.read_only = true}, &store).ok());
  std::string repaired = text;
  REQUIRE(kg::RepairUtf8(&repaired) == 2);
  kg::graph::DocumentValue doc;
  std::string stored;
  REQUIRE(store
              ->GetDocument(kg::graph::DocIdFromContentHash(kg::ContentHash(repaired)), &doc,
                            &stored, nullptr)
              .ok());
  CHECK(stored == repaired);
  CHECK(stored.substr(34, 3) == "\xEF\xBF\xBD");
}

TEST_CASE("a single 50 MB line is ingested in bounded sentences and bounded memory",
          "[bad-input]") {
  TempDir dir;
  // A scraped page with no line breaks: two megabytes of prose with names, then an inline base64
  // image of 48 MB, whose slashes split words a million times over and which has no sentence end
  // (cut into runaway "sentences" that are stored but not parsed).
  static const char* kWords[] = {
      "the",  "talks", "would", "continue", "after",        "officials", "said",    "that",
      "a",    "new",   "round", "of",       "negotiations", "was",       "planned", "for",
      "next", "week",  "and",   "Jared",    "Kushner",      "met",       "in",      "Moscow",
      "with", "envoy", "Steve", "Witkoff",  "while",        "reporters", "waited",  "outside",
      "for",  "news",  "on",    "the",      "proposal"};
  std::string line;
  line.reserve(51 << 20);
  size_t words = 0;
  for (; line.size() < (2 << 20); ++words) {
    line += kWords[words % std::size(kWords)];
    line += words % std::size(kWords) == std::size(kWords) - 1 ? ". " : " ";
  }
  line += "data:image/png;base64,";
  while (line.size() < (50 << 20)) line += "iVBORw0KGgo/AAAANSUhEUgAA/Bcg";
  WriteFile(dir / "page.txt", line);
  line.clear();
  line.shrink_to_fit();

  const fs::path db = dir / "kg.db";
  const auto r = kg::testing::RunProcess(
      {KG_BINARY, "--db", db.string(), "ingest", "--json", (dir / "page.txt").string()},
      {.out = dir / "out.json", .err = dir / "err.txt"});
  INFO(ReadFile(dir / "err.txt"));
  REQUIRE(r.signal == 0);
  REQUIRE(r.exit_code == 0);
  const json summary = json::parse(ReadFile(dir / "out.json"));
  CHECK(summary["added"] == 1);
  // One sentence per stretch of prose, and the image cut into runaway "sentences" of 256 tokens.
  CHECK(summary["sentences"].get<size_t>() >= words / std::size(kWords));
  CHECK(summary["facts"].get<int64_t>() > 0);
  // Peak memory stays bounded: documents are read in windows of about a megabyte (measured:
  // 359 MB for these 50 MB).
  // Sanitizer builds use several times more by design, so the bound holds for normal builds.
  INFO("peak RSS " << r.max_rss_kb / 1024 << " MB");
  if (!kg::testing::kSanitized) CHECK(r.max_rss_kb < (2500 << 10));
  const auto stats = Run(Kg(dir) + " stats --json", dir.path());
  REQUIRE(stats.exit_code == 0);
  CHECK(json::parse(stats.out)["documents"] == 1);
}

TEST_CASE("ten thousand small files in nested folders are all ingested", "[bad-input]") {
  TempDir dir;
  for (int i = 0; i < 10000; ++i) {
    char name[64];
    std::snprintf(name, sizeof name, "feed/%02d/item-%05d.txt", i % 100, i);
    WriteFile(dir / name, "Minister Anna Petrov met envoy Boris Chen in Geneva on day " +
                              std::to_string(i) + ".\n");
  }
  auto r = Run(Kg(dir) + " -q ingest --json " + Quoted(dir / "feed"), dir.path());
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  CHECK(r.err.empty());
  const json summary = json::parse(r.out);
  CHECK(summary["added"] == 10000);
  CHECK(summary["skipped"] == 0);
  const json stats = json::parse(Run(Kg(dir) + " stats --json", dir.path()).out);
  CHECK(stats["documents"] == 10000);
  CHECK(stats["sentences"] == 10000);
  // Again: every file is recognised as unchanged.
  r = Run(Kg(dir) + " ingest --json " + Quoted(dir / "feed"), dir.path());
  REQUIRE(r.exit_code == 0);
  CHECK(json::parse(r.out)["unchanged"] == 10000);
  CHECK(json::parse(Run(Kg(dir) + " stats --json", dir.path()).out) == stats);
}

TEST_CASE("an input too large to be an article is refused without being read", "[bad-input]") {
  TempDir dir;
  // Sparse: 300 MB on paper, nothing on disk.
  { std::ofstream f(dir / "dump.txt", std::ios::binary); }
  fs::resize_file(dir / "dump.txt", 300ull << 20);
  Expect(Kg(dir) + " ingest " + Quoted(dir / "dump.txt"), dir, 2,
         "kg: error: " + (dir / "dump.txt").string() +
             ": 300 MB is too large for an article (limit 256 MB); skipped");
}

TEST_CASE("a named pipe is read as an article, an empty one skipped", "[bad-input]") {
  TempDir dir;
  const fs::path pipe = dir / "pipe";
  REQUIRE(Run("mkfifo " + Quoted(pipe), dir.path()).exit_code == 0);
  // The writer blocks until kg opens the pipe: run it in the background of the same shell.
  auto r = Run("(printf 'Maria Lopez met Jonas Berg in Oslo.' > " + Quoted(pipe) + " &); " +
                   Kg(dir) + " ingest --json " + Quoted(pipe),
               dir.path());
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  CHECK(json::parse(r.out)["added"] == 1);
  Expect("(: > " + Quoted(pipe) + " &); " + Kg(dir) + " ingest " + Quoted(pipe), dir, 2,
         "kg: error: " + pipe.string() + ": empty (no text); skipped");
}

TEST_CASE("unknown commands and options get one line naming them and exit 2", "[bad-input]") {
  TempDir dir;
  auto r = Expect(std::string(KG_BINARY) + " frobnicate", dir, 2,
                  "kg: error: unknown command 'frobnicate' (see kg --help)");
  r = Expect(Kg(dir) + " stats --depht 2", dir, 2,
             "kg: error: The following arguments were not expected: 2 --depht (see kg --help)");
  r = Expect(Kg(dir) + " export --format svg -o x.svg", dir, 2,
             "kg: error: unknown format 'svg' (graphml, dot, gexf, json)");
  r = Expect(Kg(dir) + " entities --type planet", dir, 2,
             "kg: error: unknown entity type 'planet' (person, place, organization, demand, date, "
             "event, other)");
}

TEST_CASE("kg --db pointing at a RocksDB database of another program is refused", "[bad-input]") {
  TempDir dir;
  {
    rocksdb::Options options;
    options.create_if_missing = true;
    rocksdb::DB* raw = nullptr;
    REQUIRE(rocksdb::DB::Open(options, (dir / "other").string(), &raw).ok());
    REQUIRE(raw->Put(rocksdb::WriteOptions(), "key", "value").ok());
    delete raw;
  }
  const std::string kg = std::string(KG_BINARY) + " --db " + Quoted(dir / "other");
  const std::string message =
      "kg: error: " + (dir / "other").string() + " is a RocksDB database but not a kg store";
  Expect(kg + " stats", dir, 2, message);
  WriteFile(dir / "a.txt", "Putin met Witkoff.");
  Expect(kg + " ingest " + Quoted(dir / "a.txt"), dir, 2, message);
  // Untouched: still the other program's one key.
  rocksdb::DB* raw = nullptr;
  REQUIRE(rocksdb::DB::OpenForReadOnly(rocksdb::Options(), (dir / "other").string(), &raw).ok());
  std::string value;
  CHECK(raw->Get(rocksdb::ReadOptions(), "key", &value).ok());
  std::vector<std::string> families;
  CHECK(rocksdb::DB::ListColumnFamilies(rocksdb::Options(), (dir / "other").string(), &families)
            .ok());
  CHECK(families == std::vector<std::string>{"default"});
  delete raw;
}

TEST_CASE("a store written by a newer kg is refused with exit 3 and left as it is", "[bad-input]") {
  TempDir dir;
  WriteFile(dir / "a.txt", "Putin met Witkoff in Moscow.");
  REQUIRE(Run(Kg(dir) + " ingest " + Quoted(dir / "a.txt"), dir.path()).exit_code == 0);
  {
    // What a kg with a later schema would have written.
    std::vector<rocksdb::ColumnFamilyDescriptor> families;
    for (const char* name : kg::graph::kColumnFamilies) {
      families.emplace_back(name, rocksdb::ColumnFamilyOptions());
    }
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
  const std::string message =
      "kg: error: " + (dir / "kg.db").string() + " was written by a newer kg (store schema " +
      std::to_string(kg::graph::kSchemaVersion + 1) + "; this kg reads schema " +
      std::to_string(kg::graph::kSchemaVersion) + ")";
  Expect(Kg(dir) + " stats", dir, 3, message);
  Expect(Kg(dir) + " ingest " + Quoted(dir / "a.txt"), dir, 3, message);
  Expect(Kg(dir) + " export -o " + Quoted(dir / "g.graphml"), dir, 3, message);
  CHECK(!fs::exists(dir / "g.graphml"));
}

TEST_CASE("a damaged store gets a clear message and exit 3, never a crash", "[bad-input]") {
  TempDir dir;
  const fs::path db = dir / "kg.db";
  REQUIRE(Run(Kg(dir) + " ingest " + Quoted(KG_SAMPLES_DIR), dir.path()).exit_code == 0);
  FlushStore(db);
  const auto tables = FilesOf(db, ".sst");
  REQUIRE(tables.size() >= 5);
  const auto manifests = FilesOf(db, "MANIFEST-");
  REQUIRE(manifests.size() == 1);
  const std::string damaged = "kg: error: the store " + db.string() + " is damaged (";

  SECTION("a MANIFEST overwritten with garbage") {
    WriteFile(manifests[0], std::string(100, '\x5A'));
    const auto r = Run(Kg(dir) + " stats", dir.path());
    CHECK(r.exit_code == 3);
    CHECK(r.err.starts_with(damaged));
    CHECK(r.err.find("restore it from a backup") != std::string::npos);
  }
  SECTION("a truncated MANIFEST") {
    fs::resize_file(manifests[0], 200);
    const auto r = Run(Kg(dir) + " stats", dir.path());
    CHECK(r.exit_code == 3);
    CHECK(r.err.starts_with(damaged));
  }
  SECTION("CURRENT naming a MANIFEST that is gone") {
    WriteFile(db / "CURRENT", "MANIFEST-999999\n");
    const auto r = Run(Kg(dir) + " entities", dir.path());
    CHECK(r.exit_code == 3);
    CHECK(r.err.starts_with(damaged));
  }
  SECTION("a truncated table file") {
    fs::resize_file(tables.back(), 500);
    const auto r = Run(Kg(dir) + " neighbours Putin", dir.path());
    CHECK(r.exit_code == 3);
    CHECK(r.err.starts_with(damaged));
  }
  SECTION("a missing table file") {
    fs::remove(tables.front());
    const auto r = Run(Kg(dir) + " ingest " + Quoted(KG_SAMPLES_DIR), dir.path());
    CHECK(r.exit_code == 3);
    CHECK(r.err.starts_with(damaged));
  }
  SECTION("bytes scribbled over the middle of every table file") {
    for (const auto& t : tables) Scribble(t, fs::file_size(t) / 2, 64);
    // Whatever each command reads, it either answers or reports the damage: never a crash, never
    // a wrong exit code. Together they read every table, so the damage is found.
    int found = 0;
    for (const char* cmd :
         {" stats", " entities", " triples", " neighbours Putin", " why Putin Trump", " rank",
          " export --format graphml -o -", " ingest"}) {
      std::string command = Kg(dir) + cmd;
      if (std::string(cmd) == " ingest") command += " " + Quoted(KG_SAMPLES_DIR);
      const auto r = Run(command, dir.path());
      INFO(command << ": " << r.err);
      CHECK((r.exit_code == 0 || r.exit_code == 1 || r.exit_code == 3));
      if (r.exit_code == 3) {
        ++found;
        CHECK(r.err.find("Corruption") != std::string::npos);
        CheckMessageLines(r.err);
      }
    }
    CHECK(found >= 3);
  }
}

namespace {

// What a name becomes in XML: invalid UTF-8, C0 controls other than tab, newline and CR, and
// U+FFFE/U+FFFF become U+FFFD (XML 1.0 cannot carry them); the rest is kept.
std::string AsXmlReadsIt(std::string name) {
  kg::RepairUtf8(&name);
  std::string out;
  for (size_t i = 0; i < name.size(); ++i) {
    const auto c = static_cast<unsigned char>(name[i]);
    if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') {
      out += "\xEF\xBF\xBD";
    } else if (c == 0xEF && name.compare(i, 3, "\xEF\xBF\xBE") == 0) {
      out += "\xEF\xBF\xBD";
      i += 2;
    } else {
      out += name[i];
    }
  }
  return out;
}

}  // namespace

TEST_CASE("names full of markup and control characters export to files real readers accept",
          "[bad-input]") {
  TempDir dir;
  const fs::path db = dir / "kg.db";
  // Names no extractor should produce, stored through the store's API: every export must still
  // be valid, whatever a future extractor lets through.
  const std::vector<std::string> names = {"AT&T <Holdings> \"Group\"",
                                          "O'Brien \\ Back\\slash \\N \\G",
                                          "Tab\tNew\nLine\rCR",
                                          "Ctrl\x01\x07\x1b[31mRed\x7f",
                                          "Z\xFCrich Gen\xE8ve",
                                          "node",
                                          "graph",
                                          "Non\xEF\xBF\xBE"
                                          "Char",
                                          "]]> -- -> { } ; [x=y] <!-- & -->",
                                          "\xC3\x9Cn\xC3\xAF Москва 東京 Ελλάδα",
                                          "A|B alias&split"};
  {
    std::unique_ptr<kg::graph::Store> store;
    REQUIRE(kg::graph::Store::Open(db, {}, &store).ok());
    std::string text;
    kg::ExtractedDocument x;
    for (const auto& n : names) {
      x.entities.push_back({n, kg::EntityType::kOrganization, {n, n + " <alias>"}, 1});
    }
    text = "Every name above, in one document.";
    x.sentences = {{0, static_cast<uint32_t>(text.size())}};
    for (uint32_t i = 0; i + 1 < x.entities.size(); ++i) {
      kg::Fact f;
      f.subject = i;
      f.object = i + 1;
      f.relation = i % 2 ? "said \"no\" & left <quickly>" : "met\\in\x01graph";
      f.negated = i % 3 == 0;
      f.span = {0, 5};
      x.facts.push_back(f);
    }
    const std::string hash = kg::ContentHash(text);
    kg::graph::DocumentInput in{"-", text, hash, &x, 1, 0};
    kg::graph::IngestOutcome outcome;
    kg::graph::DocId id;
    REQUIRE(store->Ingest(in, &outcome, &id).ok());
  }
  // And names an article really yields, through kg ingest.
  WriteFile(dir / "odd.txt",
            "President Jean <Luc> Picard met Minister AT&T Chief Bob in Back\\Slash City.\n"
            "The envoy O'Brien&Sons met Anna\x01"
            "Bell\x07Ray in Mos\x1b"
            "cow.\n"
            "Minister Zoe]Ka>rl met {Curly} Brace in Dot;Graph -> Node.\n");
  REQUIRE(Run(Kg(dir) + " ingest " + Quoted(dir / "odd.txt"), dir.path()).exit_code == 0);

  for (const char* format : {"graphml", "gexf", "dot", "json"}) {
    const auto r = Run(Kg(dir) + " export --format " + format + " -o " +
                           Quoted(dir / (std::string("graph.") + format)),
                       dir.path());
    INFO(format << ": " << r.err);
    REQUIRE(r.exit_code == 0);
  }
  const json stats = json::parse(Run(Kg(dir) + " stats --json", dir.path()).out);

  // NetworkX reads the GraphML back with every label as the XML rules make it.
  WriteFile(dir / "labels.py",
            "import json, sys, networkx as nx\n"
            "g = nx.read_graphml(sys.argv[1])\n"
            "print(json.dumps({'nodes': g.number_of_nodes(), 'edges': g.number_of_edges(),\n"
            "  'labels': sorted(d['label'] for _, d in g.nodes(data=True)),\n"
            "  'relations': sorted(set(d['relation'] for _, _, d in g.edges(data=True)))}))\n");
  auto r =
      Run("/usr/bin/python3 " + Quoted(dir / "labels.py") + " " + Quoted(dir / "graph.graphml"),
          dir.path());
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  const json read = json::parse(r.out);
  CHECK(read["nodes"] == stats["entities"]);
  CHECK(read["edges"] == stats["edges"]);
  const auto labels = read["labels"].get<std::vector<std::string>>();
  for (const auto& n : names) {
    INFO(n);
    CHECK(std::find(labels.begin(), labels.end(), AsXmlReadsIt(n)) != labels.end());
  }
  const auto relations = read["relations"].get<std::vector<std::string>>();
  CHECK(std::find(relations.begin(), relations.end(), "said \"no\" & left <quickly>") !=
        relations.end());
  // Well-formed XML for xmllint too, GraphML and GEXF alike.
  for (const char* file : {"graph.graphml", "graph.gexf"}) {
    r = Run("xmllint --noout " + Quoted(dir / file), dir.path());
    INFO(file << ": " << r.err);
    CHECK(r.exit_code == 0);
  }
  // Graphviz lays the DOT file out without a complaint.
  r = Run("dot -Tsvg -o " + Quoted(dir / "graph.svg") + " " + Quoted(dir / "graph.dot"),
          dir.path());
  INFO(r.err);
  CHECK(r.exit_code == 0);
  CHECK(r.err.empty());
  r = Run("xmllint --noout " + Quoted(dir / "graph.svg"), dir.path());
  INFO(r.err);
  CHECK(r.exit_code == 0);
  // The JSON export parses, with as many nodes as there are entities.
  const json exported = json::parse(ReadFile(dir / "graph.json"));
  CHECK(exported["nodes"].size() == stats["entities"].get<size_t>());
  // Text output carries no control character from a name: no terminal escape, one line a row.
  r = Run(Kg(dir) + " entities", dir.path());
  REQUIRE(r.exit_code == 0);
  for (char c : r.out) {
    CHECK(!(static_cast<unsigned char>(c) < 0x20 && c != '\n'));
  }
  CHECK(static_cast<size_t>(std::count(r.out.begin(), r.out.end(), '\n')) ==
        stats["entities"].get<size_t>());
}
