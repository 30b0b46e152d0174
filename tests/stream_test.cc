// The stream library: the JSON lines fact format, TSV triples, line reading, the ordered
// parallel map; and the external sorter the bulk loader sorts with.
#include <fcntl.h>
#include <unistd.h>

#include <atomic>
#include <catch2/catch.hpp>
#include <chrono>
#include <map>
#include <nlohmann/json.hpp>
#include <random>
#include <set>
#include <thread>

#include "core/text.h"
#include "graph/external_sort.h"
#include "stream/jsonl.h"
#include "stream/line_reader.h"
#include "stream/ordered.h"
#include "stream/tsv.h"
#include "tests/test_util.h"

using kg::stream::FactDocument;

namespace {

FactDocument Sample() {
  FactDocument d;
  d.id = "news/2024 \"a\".txt";
  d.text = "Putin met Witkoff.\nZelensky said \"no\"\tto\x01 Moscow — Київ.";
  d.has_text = true;
  d.content_hash = kg::ContentHash(d.text);
  d.extractor_version = 3;
  d.extracted.sentences = {{0, 18}, {19, static_cast<uint32_t>(d.text.size())}};
  d.extracted.entities = {{"Vladimir Putin", kg::EntityType::kPerson, {"Putin"}, 1},
                          {"Steve Witkoff", kg::EntityType::kPerson, {"Witkoff", "Steve"}, 2},
                          {"Київ", kg::EntityType::kPlace, {}, 1}};
  kg::Fact f;
  f.subject = 0;
  f.object = 1;
  f.relation = "meet";
  f.negated = true;
  f.confidence = 0.7f;
  f.sentence = 0;
  f.span = {0, 17};
  f.attributed_to = 2;
  d.extracted.facts = {f};
  f.negated = false;
  f.confidence = 1.0f;
  f.attributed_to = -1;
  f.sentence = 1;
  f.span = {19, 30};
  d.extracted.facts.push_back(f);
  return d;
}

void RequireSame(const FactDocument& a, const FactDocument& b) {
  CHECK(a.id == b.id);
  CHECK(a.text == b.text);
  CHECK(a.has_text == b.has_text);
  CHECK(a.content_hash == b.content_hash);
  CHECK(a.extractor_version == b.extractor_version);
  CHECK(a.extracted.sentences == b.extracted.sentences);
  REQUIRE(a.extracted.entities.size() == b.extracted.entities.size());
  for (size_t i = 0; i < a.extracted.entities.size(); ++i) {
    CHECK(a.extracted.entities[i].name == b.extracted.entities[i].name);
    CHECK(a.extracted.entities[i].type == b.extracted.entities[i].type);
    CHECK(a.extracted.entities[i].aliases == b.extracted.entities[i].aliases);
    CHECK(a.extracted.entities[i].mentions == b.extracted.entities[i].mentions);
  }
  REQUIRE(a.extracted.facts.size() == b.extracted.facts.size());
  for (size_t i = 0; i < a.extracted.facts.size(); ++i) {
    const auto &x = a.extracted.facts[i], &y = b.extracted.facts[i];
    CHECK(x.subject == y.subject);
    CHECK(x.object == y.object);
    CHECK(x.relation == y.relation);
    CHECK(x.negated == y.negated);
    CHECK(x.confidence == y.confidence);
    CHECK(x.sentence == y.sentence);
    CHECK(x.span == y.span);
    CHECK(x.attributed_to == y.attributed_to);
  }
}

kg::Status Parse(const std::string& line, FactDocument* d) {
  return kg::stream::ParseJsonl(line, d);
}

}  // namespace

TEST_CASE("a JSON line reads back as what was written, and is valid JSON", "[stream]") {
  const FactDocument d = Sample();
  std::string line;
  kg::stream::AppendJsonl(d, true, &line);
  REQUIRE(line.back() == '\n');
  CHECK(line.find('\n') == line.size() - 1);  // one line, whatever the text holds
  const auto j = nlohmann::json::parse(line);
  CHECK(j["doc"] == d.content_hash.substr(0, 16));
  CHECK(j["text"] == d.text);
  FactDocument back;
  REQUIRE(Parse(line, &back).ok());
  RequireSame(d, back);
  // Without the text: the hash is kept, spans are taken on trust.
  line.clear();
  kg::stream::AppendJsonl(d, false, &line);
  FactDocument no_text;
  REQUIRE(Parse(line, &no_text).ok());
  CHECK(!no_text.has_text);
  CHECK(no_text.text.empty());
  CHECK(no_text.content_hash == d.content_hash);
  // Hadoop Streaming may end a line with a tab; unknown keys are ignored.
  line.pop_back();
  line.insert(1, "\"extra\": {\"a\": [1, {\"b\": null}]}, ");
  REQUIRE(Parse(line + "\t\r", &no_text).ok());
  CHECK(no_text.extracted.facts.size() == 2);
}

TEST_CASE("an input line needs only text and the hash is computed", "[stream]") {
  FactDocument d;
  REQUIRE(Parse(R"({"id": "a", "text": "Putin met Witkoff."})", &d).ok());
  CHECK(d.id == "a");
  CHECK(d.has_text);
  CHECK(d.content_hash == kg::ContentHash("Putin met Witkoff."));
  REQUIRE(Parse(R"({"text": "x"})", &d).ok());
  CHECK(d.id == "-");
}

TEST_CASE("bad JSON lines are refused with what is wrong", "[stream]") {
  FactDocument d;
  const auto message = [&](const std::string& line) {
    const kg::Status s = Parse(line, &d);
    CHECK(s.IsInvalidArgument());
    return s.message();
  };
  CHECK(message("not json").find("column") != std::string::npos);
  CHECK(message("[1, 2]").find("one JSON object") != std::string::npos);
  CHECK(message("\"text\"").find("one JSON object") != std::string::npos);
  CHECK(message("{\"id\": 1, \"text\": \"x\"}").find("\"id\": unexpected number") !=
        std::string::npos);
  CHECK(message("{\"id\": \"x\"}").find("no \"text\"") != std::string::npos);
  CHECK(message(R"({"text": "ab", "facts": [{"subject": 0, "object": 1, "relation": "r"}]})")
            .find("refers to an entity") != std::string::npos);
  CHECK(message(R"({"text": "ab", "sentences": [[0, 9]]})").find("outside the text") !=
        std::string::npos);
  CHECK(message(R"({"text": "ab", "sentences": [[0]]})").find("[begin, end]") != std::string::npos);
  CHECK(message(R"({"text": "ab", "content_hash": "00000000000000000000000000000000"})")
            .find("not the hash") != std::string::npos);
  CHECK(message(R"({"text": "ab", "entities": [{"name": "A", "type": "planet"}]})")
            .find("unknown entity type") != std::string::npos);
  CHECK(message(R"({"text": "ab", "entities": [{"name": "A", "mentions": -1}]})")
            .find("out of range") != std::string::npos);
  CHECK(message("{\"text\": \"\xff\"}").find("column") != std::string::npos);
  CHECK(message("{\"text\": \"a\"} {}").find("column") != std::string::npos);
}

TEST_CASE("TSV lines: three or five fields, types, comments", "[stream]") {
  kg::stream::TsvTriple t;
  bool skip;
  REQUIRE(kg::stream::ParseTsvLine(" Putin \tmeet\tWitkoff\r", &t, &skip).ok());
  CHECK(!skip);
  CHECK(t.subject == "Putin");
  CHECK(t.object == "Witkoff");
  CHECK(t.subject_type == kg::EntityType::kOther);
  REQUIRE(kg::stream::ParseTsvLine("Putin\tmeet\tMoscow\tPER\tlocation", &t, &skip).ok());
  CHECK(t.subject_type == kg::EntityType::kPerson);
  CHECK(t.object_type == kg::EntityType::kPlace);
  REQUIRE(kg::stream::ParseTsvLine("# a comment", &t, &skip).ok());
  CHECK(skip);
  REQUIRE(kg::stream::ParseTsvLine("  ", &t, &skip).ok());
  CHECK(skip);
  CHECK(!kg::stream::ParseTsvLine("a\tb", &t, &skip).ok());
  CHECK(!kg::stream::ParseTsvLine("a\tb\tc\td", &t, &skip).ok());
  CHECK(!kg::stream::ParseTsvLine("a\t\tc", &t, &skip).ok());
  CHECK(!kg::stream::ParseTsvLine("a\tb\t\xff", &t, &skip).ok());
}

TEST_CASE("lines are read whole across blocks, with or without a final newline", "[stream]") {
  kg::testing::TempDir dir;
  std::string text;
  std::vector<std::string> lines;
  for (int i = 0; i < 3000; ++i) {
    lines.push_back(std::string(static_cast<size_t>(i % 700), 'a' + i % 26));
    text += lines.back() + "\n";
  }
  lines.push_back(std::string(3u << 20, 'z'));  // longer than a block
  text += lines.back();                         // and no final newline
  kg::testing::WriteFile(dir / "lines", text);
  const int fd = ::open((dir / "lines").c_str(), O_RDONLY);
  REQUIRE(fd >= 0);
  kg::ContentHasher hasher;
  kg::stream::LineReader reader(fd, "lines", &hasher, "");
  std::string_view line;
  size_t n = 0;
  while (reader.Next(&line)) {
    REQUIRE(n < lines.size());
    CHECK(line == lines[n]);
    ++n;
    CHECK(reader.line_number() == n);
  }
  ::close(fd);
  CHECK(reader.status().ok());
  CHECK(n == lines.size());
  CHECK(hasher.Hex() == kg::ContentHash(text));
}

TEST_CASE("the ordered parallel map keeps input order and can stop early", "[stream]") {
  for (size_t threads : {1, 2, 5}) {
    size_t next = 0;
    std::vector<size_t> seen;
    kg::stream::RunOrdered<size_t, size_t>(
        threads, 7,
        [&](size_t* item) {
          if (next == 500) return false;
          *item = next++;
          return true;
        },
        [](size_t& item) {
          if (item % 13 == 0) std::this_thread::sleep_for(std::chrono::microseconds(200));
          return item * 2;
        },
        [&](size_t& result) {
          seen.push_back(result);
          return true;
        });
    REQUIRE(seen.size() == 500);
    for (size_t i = 0; i < seen.size(); ++i) CHECK(seen[i] == 2 * i);
  }
  size_t next = 0;
  size_t sunk = 0;
  kg::stream::RunOrdered<size_t, size_t>(
      3, 8,
      [&](size_t* item) {
        *item = next++;
        return true;  // endless: the sink stops it
      },
      [](size_t& item) { return item; },
      [&](size_t& r) {
        CHECK(r == sunk);
        return ++sunk < 100;
      });
  CHECK(sunk == 100);
}

TEST_CASE("the external sorter sorts more than its budget, through runs on disk", "[stream]") {
  kg::testing::TempDir dir;
  kg::graph::ExternalSorter sorter(dir.path(), "test", 4096);
  std::mt19937 rng(7);
  std::multimap<std::string, std::string> expected;
  for (int i = 0; i < 5000; ++i) {
    std::string key(1 + rng() % 20, 'a');
    for (auto& c : key) c = static_cast<char>('a' + rng() % 4);
    const std::string value = std::to_string(i);
    expected.emplace(key, value);
    REQUIRE(sorter.Add(key, value).ok());
  }
  REQUIRE(sorter.Finish().ok());
  CHECK(sorter.runs() > 10);
  std::string_view key, value;
  std::string previous;
  std::multiset<std::pair<std::string, std::string>> got;
  while (sorter.Next(&key, &value)) {
    CHECK(previous <= key);
    previous = std::string(key);
    got.emplace(key, value);
  }
  REQUIRE(sorter.status().ok());
  CHECK(got ==
        std::multiset<std::pair<std::string, std::string>>(expected.begin(), expected.end()));
}
