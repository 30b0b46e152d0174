// End to end: `kg extract` and `kg load` (the binary). What goes in comes out: extracting the
// samples and loading the facts gives the store `kg ingest` gives; loading again adds nothing;
// bad lines are reported with FILE:LINE and exit code 2.
#include <catch2/catch.hpp>
#include <filesystem>
#include <nlohmann/json.hpp>

#include "tests/test_util.h"

using kg::testing::ReadFile;
using kg::testing::Run;
using kg::testing::ShellQuote;
using kg::testing::TempDir;
using kg::testing::WriteFile;

namespace {

namespace fs = std::filesystem;

std::string Kg(const TempDir& dir, const std::string& db) {
  return std::string(KG_BINARY) + " --db " + ShellQuote((dir / db).string());
}

std::string Q(const fs::path& p) { return ShellQuote(p.string()); }

// The samples as JSON lines {"id": canonical path, "text": ...}: the ids kg ingest stores.
fs::path WriteSampleLines(const TempDir& dir) {
  std::vector<fs::path> files;
  for (const auto& e : fs::directory_iterator(KG_SAMPLES_DIR)) files.push_back(e.path());
  std::sort(files.begin(), files.end());
  std::string lines;
  for (const auto& f : files) {
    lines += nlohmann::json{{"id", fs::weakly_canonical(f).string()}, {"text", ReadFile(f)}}.dump();
    lines += "\n";
  }
  WriteFile(dir / "docs.jsonl", lines);
  return dir / "docs.jsonl";
}

// What the queries say about a store: equal for equal stores.
std::vector<std::string> Views(const TempDir& dir, const std::string& db) {
  std::vector<std::string> out;
  for (const char* q : {"stats --json", "entities --json", "triples --json",
                        "export --format json -o -", "export --format graphml -o -"}) {
    const auto r = Run(Kg(dir, db) + " " + q, dir.path());
    INFO(q << ": " << r.err);
    CHECK(r.exit_code == 0);
    out.push_back(r.out);
  }
  return out;
}

}  // namespace

TEST_CASE("kg extract | kg load gives the store kg ingest gives and loading again adds nothing",
          "[cli][load]") {
  TempDir dir;
  auto r = Run(Kg(dir, "ingest.db") + " ingest " + ShellQuote(KG_SAMPLES_DIR), dir.path());
  REQUIRE(r.exit_code == 0);
  const auto docs = WriteSampleLines(dir);
  r = Run(std::string(KG_BINARY) + " extract < " + Q(docs) + " > " + Q(dir / "facts.jsonl"),
          dir.path());
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  const std::string facts = ReadFile(dir / "facts.jsonl");
  CHECK(std::count(facts.begin(), facts.end(), '\n') == 5);

  // One thread or four: the same bytes, in input order.
  r = Run(std::string(KG_BINARY) + " extract -j 1 < " + Q(docs), dir.path());
  CHECK(r.out == facts);
  r = Run(std::string(KG_BINARY) + " extract -j 4 < " + Q(docs), dir.path());
  CHECK(r.out == facts);

  const auto expected = Views(dir, "ingest.db");
  r = Run(Kg(dir, "bulk.db") + " load --json " + Q(dir / "facts.jsonl"), dir.path());
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  auto summary = nlohmann::json::parse(r.out);
  CHECK(summary["added"] == 5);
  CHECK(summary["bulk"] == true);
  CHECK(Views(dir, "bulk.db") == expected);

  r = Run(Kg(dir, "batch.db") + " load --no-bulk " + Q(dir / "facts.jsonl"), dir.path());
  REQUIRE(r.exit_code == 0);
  CHECK(Views(dir, "batch.db") == expected);

  // Again: nothing added, nothing changed.
  r = Run(Kg(dir, "bulk.db") + " load --json " + Q(dir / "facts.jsonl"), dir.path());
  REQUIRE(r.exit_code == 0);
  summary = nlohmann::json::parse(r.out);
  CHECK(summary["added"] == 0);
  CHECK(summary["unchanged"] == 5);
  CHECK(Views(dir, "bulk.db") == expected);

  // The text came along: kg why shows the sentences.
  r = Run(Kg(dir, "bulk.db") + " why Putin Kremlin", dir.path());
  CHECK(r.exit_code == 0);
  CHECK(r.out.find("[[") != std::string::npos);

  // From standard input, into a store that holds data: merged, unchanged.
  r = Run(Kg(dir, "ingest.db") + " load - < " + Q(dir / "facts.jsonl"), dir.path());
  CHECK(r.exit_code == 0);
  CHECK(Views(dir, "ingest.db") == expected);
}

TEST_CASE("kg extract reads one plain-text document, or nothing", "[cli][load]") {
  TempDir dir;
  const fs::path sample = fs::path(KG_SAMPLES_DIR) / "000_018813ca5c6e4e99.txt";
  auto r = Run(std::string(KG_BINARY) + " extract --id first < " + Q(sample), dir.path());
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  const auto j = nlohmann::json::parse(r.out);
  CHECK(j["id"] == "first");
  CHECK(j["text"] == ReadFile(sample));
  CHECK(j["content_hash"].get<std::string>().size() == 32);
  CHECK(j["doc"] == j["content_hash"].get<std::string>().substr(0, 16));
  CHECK(!j["entities"].empty());
  CHECK(!j["facts"].empty());
  const auto& f = j["facts"][0];
  for (const char* key : {"subject", "object", "relation", "negated", "confidence", "sentence",
                          "start", "end", "attributed_to"}) {
    CHECK(f.contains(key));
  }
  r = Run(std::string(KG_BINARY) + " extract --no-text < " + Q(sample), dir.path());
  REQUIRE(r.exit_code == 0);
  CHECK(!nlohmann::json::parse(r.out).contains("text"));
  r = Run(std::string(KG_BINARY) + " extract < /dev/null", dir.path());
  CHECK(r.exit_code == 0);
  CHECK(r.out.empty());
}

TEST_CASE("bad lines: FILE:LINE, exit code 2, the good lines kept", "[cli][load]") {
  TempDir dir;
  WriteFile(dir / "in.jsonl",
            "{\"id\": \"a\", \"text\": \"Putin met Witkoff in Moscow.\"}\n"
            "{\"id\": \"b\", \"text\": \n"
            "\n"
            "{\"id\": \"c\", \"text\": \"   \"}\n"
            "{\"id\": \"d\", \"text\": \"Zelensky met Trump in Geneva.\"}\n");
  auto r = Run(
      std::string(KG_BINARY) + " extract < " + Q(dir / "in.jsonl") + " > " + Q(dir / "facts.jsonl"),
      dir.path());
  CHECK(r.exit_code == 2);
  CHECK(r.err.find("stdin:2: column") != std::string::npos);
  CHECK(r.err.find("stdin:4: empty") != std::string::npos);
  const std::string facts = ReadFile(dir / "facts.jsonl");
  CHECK(std::count(facts.begin(), facts.end(), '\n') == 2);

  WriteFile(dir / "more.jsonl", facts + "{\"id\": 7}\n" + "{\"text\": \"x\", \"facts\": [{}]}\n");
  r = Run(Kg(dir, "kg.db") + " load " + Q(dir / "more.jsonl") + " " + Q(dir / "missing.jsonl"),
          dir.path());
  CHECK(r.exit_code == 2);
  CHECK(r.err.find("more.jsonl:3: \"id\": unexpected number") != std::string::npos);
  CHECK(r.err.find("more.jsonl:4: fact 0 refers to an entity") != std::string::npos);
  CHECK(r.err.find("missing.jsonl: no such file or directory") != std::string::npos);
  r = Run(Kg(dir, "kg.db") + " stats --json", dir.path());
  CHECK(nlohmann::json::parse(r.out)["documents"] == 2);
}

TEST_CASE("triples as TSV load through the CLI", "[cli][load]") {
  TempDir dir;
  WriteFile(dir / "t.tsv",
            "Putin\tmeet\tWitkoff\tperson\tperson\nWitkoff\tvisit\tMoscow\tperson\tplace\n");
  auto r = Run(Kg(dir, "kg.db") + " load " + Q(dir / "t.tsv"), dir.path());
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  r = Run(Kg(dir, "kg.db") + " neighbours witkoff --json", dir.path());
  REQUIRE(r.exit_code == 0);
  CHECK(nlohmann::json::parse(r.out)["neighbours"].size() == 2);
  r = Run(Kg(dir, "kg.db") + " load --json " + Q(dir / "t.tsv"), dir.path());
  REQUIRE(r.exit_code == 0);
  CHECK(nlohmann::json::parse(r.out)["unchanged"] == 1);
  WriteFile(dir / "bad.txt", "Putin\tmeet\n");
  r = Run(Kg(dir, "kg.db") + " load --format tsv " + Q(dir / "bad.txt"), dir.path());
  CHECK(r.exit_code == 2);
  CHECK(r.err.find("bad.txt:1: expected 3 or 5 tab-separated fields") != std::string::npos);
  for (const char* cmd : {"extract", "load"}) {
    r = Run(std::string(KG_BINARY) + " " + cmd + " --help", dir.path());
    CHECK(r.exit_code == 0);
    CHECK(r.out.find("Usage") != std::string::npos);
  }
}
