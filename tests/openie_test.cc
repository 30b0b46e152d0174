// Open IE tuples (what `kg extract --format carb` prints for the CaRB benchmark): one sentence
// written for each construction, through the shipped models; then the command itself.
#include <catch2/catch.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "extract/extractor.h"
#include "tests/extract_util.h"
#include "tests/test_util.h"

using kg::extract::OpenIeTuple;
using kg::testing::SharedExtractor;

namespace {

std::vector<OpenIeTuple> Tuples(const std::string& sentence) {
  return SharedExtractor().OpenIe(sentence);
}

// The tuple with this relation and first two arguments, or null.
const OpenIeTuple* Find(const std::vector<OpenIeTuple>& tuples, const std::string& relation,
                        const std::string& arg1, const std::string& arg2) {
  for (const auto& t : tuples) {
    if (t.relation == relation && t.arguments.size() >= 2 && t.arguments[0] == arg1 &&
        t.arguments[1] == arg2) {
      return &t;
    }
  }
  return nullptr;
}

std::vector<std::string> SplitTabs(const std::string& line) {
  std::vector<std::string> fields;
  std::string field;
  std::istringstream in(line);
  while (std::getline(in, field, '\t')) fields.push_back(field);
  return fields;
}

}  // namespace

TEST_CASE("open IE: subject, object and further prepositional arguments", "[openie]") {
  const auto t = Tuples("The mayor of Lyon met the governor in Geneva on Tuesday .");
  const OpenIeTuple* met = Find(t, "met", "The mayor of Lyon", "the governor");
  REQUIRE(met != nullptr);
  REQUIRE(met->arguments.size() == 4);
  CHECK(met->arguments[2] == "in Geneva");
  CHECK(met->arguments[3] == "on Tuesday");
}

TEST_CASE("open IE: a passive stays in the sentence's voice", "[openie]") {
  const auto t = Tuples("The report was written by two engineers from the ministry .");
  CHECK(Find(t, "was written by", "The report", "two engineers from the ministry") != nullptr);
}

TEST_CASE("open IE: coordinated subjects give one tuple each", "[openie]") {
  const auto t = Tuples("Anna and Piotr visited the museum in Krakow .");
  CHECK(Find(t, "visited", "Anna", "the museum in Krakow") != nullptr);
  CHECK(Find(t, "visited", "Piotr", "the museum in Krakow") != nullptr);
}

TEST_CASE("open IE: a relative clause and a negated main clause", "[openie]") {
  const auto t = Tuples("The bridge , which was built in 1910 , did not survive the flood .");
  CHECK(Find(t, "was built in", "The bridge", "1910") != nullptr);
  // The negation stays in the relation: the tuple never states the opposite.
  CHECK(Find(t, "did not survive", "The bridge", "the flood") != nullptr);
  CHECK(Find(t, "survived", "The bridge", "the flood") == nullptr);
}

TEST_CASE("open IE: confidence is graded, lower for modal and reported clauses", "[openie]") {
  const auto said = Tuples("The minister said that the bridge would reopen in May .");
  const OpenIeTuple* main =
      Find(said, "said", "The minister", "that the bridge would reopen in May");
  const OpenIeTuple* reported = Find(said, "would reopen in", "the bridge", "May");
  REQUIRE(main != nullptr);
  REQUIRE(reported != nullptr);
  CHECK(reported->confidence < main->confidence);
  for (const auto& t : said) {
    CHECK(t.confidence > 0.0f);
    CHECK(t.confidence <= 1.0f);
  }
}

TEST_CASE("kg extract --format carb prints sentence, confidence, relation, arguments",
          "[openie][cli]") {
  kg::testing::TempDir dir;
  const std::string first = "Anna and Piotr visited the museum in Krakow .";
  const std::string second = "Officials may close the port .";
  // A blank line is no sentence; a Windows line end is not part of one.
  kg::testing::WriteFile(dir / "in.txt", first + "\n\n" + second + "\r\n");
  const auto r = kg::testing::Run(
      std::string(KG_BINARY) + " extract --format carb < " + (dir / "in.txt").string(), dir.path());
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  std::istringstream lines(r.out);
  std::string line;
  std::vector<std::vector<std::string>> rows;
  while (std::getline(lines, line)) rows.push_back(SplitTabs(line));
  REQUIRE(rows.size() == 3);
  // In input order, the sentence exactly as given (CaRB matches it), the line end stripped.
  CHECK(rows[0][0] == first);
  CHECK(rows[1][0] == first);
  CHECK(rows[2][0] == second);
  for (const auto& row : rows) {
    REQUIRE(row.size() >= 4);
    const double confidence = std::stod(row[1]);
    CHECK(confidence > 0.0);
    CHECK(confidence <= 1.0);
  }
  CHECK(rows[0][2] == "visited");
  CHECK(rows[0][3] == "Anna");
  CHECK(rows[1][3] == "Piotr");
  CHECK(rows[2][2] == "may close");
  CHECK(std::stod(rows[2][1]) < std::stod(rows[0][1]));  // a modal is less sure
}
