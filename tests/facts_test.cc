// Facts from clauses: one sentence written for each construction, through the whole extractor
// with the shipped models.
#include <catch2/catch.hpp>
#include <string>

#include "extract/extractor.h"
#include "tests/extract_util.h"

using kg::testing::ExtractText;
using kg::testing::FindFact;

TEST_CASE("subject, object and prepositional object", "[facts]") {
  const auto doc = ExtractText("Maria Lopez met Jonas Berg in Oslo on Monday.");
  CHECK(FindFact(doc, "Maria Lopez", "meet", "Jonas Berg") != nullptr);
  CHECK(FindFact(doc, "Maria Lopez", "meet_in", "Oslo") != nullptr);
}

TEST_CASE("a verb with a preposition makes one relation", "[facts]") {
  const auto doc = ExtractText("Maria Lopez met with Jonas Berg.");
  CHECK(FindFact(doc, "Maria Lopez", "meet_with", "Jonas Berg") != nullptr);
}

TEST_CASE("a relative clause states a fact about the noun it modifies", "[facts]") {
  const auto doc = ExtractText("Maria Lopez, who met Jonas Berg on Monday, praised the deal.");
  CHECK(FindFact(doc, "Maria Lopez", "meet", "Jonas Berg") != nullptr);
}

TEST_CASE("a modal lowers confidence", "[facts]") {
  const auto sure = ExtractText("Maria Lopez met Jonas Berg.");
  const auto maybe = ExtractText("Maria Lopez might meet Jonas Berg.");
  const kg::Fact* a = FindFact(sure, "Maria Lopez", "meet", "Jonas Berg");
  const kg::Fact* b = FindFact(maybe, "Maria Lopez", "meet", "Jonas Berg");
  REQUIRE(a != nullptr);
  REQUIRE(b != nullptr);
  CHECK(b->confidence < a->confidence);
}

TEST_CASE("a passive is stated in the active", "[facts]") {
  const auto doc = ExtractText("Jonas Berg was welcomed by Maria Lopez at the airport.");
  CHECK(FindFact(doc, "Maria Lopez", "welcome", "Jonas Berg") != nullptr);
  CHECK(FindFact(doc, "Jonas Berg", "welcome", "Maria Lopez") == nullptr);
}

TEST_CASE("a copula with a relational noun", "[facts]") {
  const auto doc = ExtractText("Oslo is the capital of Norway.");
  CHECK(FindFact(doc, "Oslo", "capital_of", "Norway") != nullptr);
}

TEST_CASE("a noun object folds into the relation", "[facts]") {
  const auto doc = ExtractText("Maria Lopez held talks with Jonas Berg.");
  CHECK(FindFact(doc, "Maria Lopez", "hold_talk_with", "Jonas Berg") != nullptr);
}

TEST_CASE("coordinated subjects give one fact each", "[facts]") {
  const auto doc = ExtractText("Maria Lopez and Jonas Berg met Anna Weiss.");
  CHECK(FindFact(doc, "Maria Lopez", "meet", "Anna Weiss") != nullptr);
  CHECK(FindFact(doc, "Jonas Berg", "meet", "Anna Weiss") != nullptr);
}

TEST_CASE("coordinated subjects of a reciprocal verb did it with each other", "[facts]") {
  const auto doc = ExtractText("Maria Lopez and Jonas Berg met for two hours on Monday.");
  CHECK(FindFact(doc, "Maria Lopez", "meet", "Jonas Berg") != nullptr);
}

TEST_CASE("a portfolio between nationality and title is part of the title", "[facts]") {
  const auto doc = ExtractText("Danish Fisheries Minister Karen Holm arrived in Oslo.");
  CHECK(FindFact(doc, "Karen Holm", "fisheries_minister_of", "Denmark") != nullptr);
  CHECK(FindFact(doc, "Karen Holm", "arrive_in", "Oslo") != nullptr);
}

TEST_CASE("a controlled clause takes its subject from the governing one", "[facts]") {
  const auto doc = ExtractText("Maria Lopez is expected to meet Jonas Berg next week.");
  const kg::Fact* f = FindFact(doc, "Maria Lopez", "meet", "Jonas Berg");
  REQUIRE(f != nullptr);
  CHECK(f->confidence < 0.9f);  // expected, not done
}

TEST_CASE("a participle set off after a name describes that name", "[facts]") {
  const auto doc = ExtractText(
      "Maria Lopez, speaking from Oslo during a visit to Norway, expressed hope for a deal.");
  CHECK(FindFact(doc, "Maria Lopez", "speak_from", "Oslo") != nullptr);
}

TEST_CASE("an apposition states a role", "[facts]") {
  const auto doc = ExtractText("Jonas Berg, Maria Lopez's adviser, arrived late.");
  CHECK(FindFact(doc, "Jonas Berg", "adviser_of", "Maria Lopez") != nullptr);
}

TEST_CASE("a role before a name is a fact, not part of the name", "[facts]") {
  const auto doc = ExtractText("NATO spokesman Peter Holm said the talks were useful.");
  CHECK(FindFact(doc, "Peter Holm", "spokesman_of", "NATO") != nullptr);
  for (const auto& e : doc.entities) CHECK(e.name != "NATO spokesman Peter Holm");
}

TEST_CASE("a negated clause is stored negated, never as positive", "[facts]") {
  const auto doc = ExtractText("Maria Lopez did not meet Jonas Berg.");
  const kg::Fact* f = FindFact(doc, "Maria Lopez", "meet", "Jonas Berg");
  REQUIRE(f != nullptr);
  CHECK(f->negated);
}

TEST_CASE("what someone said is attributed to them", "[facts]") {
  const auto doc = ExtractText("Peter Holm said Maria Lopez met Anna Weiss.");
  const kg::Fact* f = FindFact(doc, "Maria Lopez", "meet", "Anna Weiss");
  REQUIRE(f != nullptr);
  REQUIRE(f->attributed_to >= 0);
  CHECK(doc.entities[f->attributed_to].name == "Peter Holm");
}

TEST_CASE("every fact's span lies in its sentence", "[facts]") {
  const std::string text =
      "Maria Lopez met Jonas Berg in Oslo. Berg later flew to Geneva, where he met Anna Weiss.";
  const auto doc = ExtractText(text);
  REQUIRE(!doc.facts.empty());
  for (const auto& f : doc.facts) {
    REQUIRE(f.sentence < doc.sentences.size());
    CHECK(f.span.begin >= doc.sentences[f.sentence].begin);
    CHECK(f.span.end <= doc.sentences[f.sentence].end);
    CHECK(f.span.begin < f.span.end);
    CHECK(f.confidence > 0.0f);
    CHECK(f.confidence <= 1.0f);
  }
}

TEST_CASE("a role's unstated owner: its after a speech verb, whose, a minister's dateline",
          "[facts]") {
  // "its" in '..., said its spokeswoman, X' is the alliance: the quote's own subject is not it.
  const auto quoted = ExtractText(
      "The Clean Grid Alliance objected to the deal. \"Households have subsidised the cloud for "
      "long enough,\" said its spokeswoman, Aoife Duggan.");
  CHECK(FindFact(quoted, "Aoife Duggan", "spokeswoman_of", "Clean Grid Alliance") != nullptr);
  const auto relative = ExtractText(
      "The KTWU has won the backing of the Federation of Kenyan Workers (FKW), whose chairman, "
      "Daniel Njoroge, said other affiliates could strike.");
  CHECK(FindFact(relative, "Daniel Njoroge", "chairman_of", "Federation of Kenyan Workers") !=
        nullptr);
  // A minister with no country named serves the one the dateline names, by its capital or by
  // name; without a dateline, no owner is guessed.
  const auto datelined = ExtractText(
      "HANOI, Nov 21 (AFP) - Vietnam will suspend rice exports, Trade Minister Nguyen Van Long "
      "said on Friday.");
  CHECK(FindFact(datelined, "Nguyen Van Long", "trade_minister_of", "Vietnam") != nullptr);
  const auto named = ExtractText(
      "COPIAPO, Chile, Nov 20 (Reuters) - Mining Minister Aurora Williams said the permit would "
      "stand.");
  CHECK(FindFact(named, "Aurora Williams", "mining_minister_of", "Chile") != nullptr);
  const auto undated =
      ExtractText("Vietnam will suspend rice exports, Trade Minister Nguyen Van Long said.");
  CHECK(FindFact(undated, "Nguyen Van Long", "trade_minister_of", "Vietnam") == nullptr);
  // A foreign minister in a capital is most often a visitor: not the host's.
  const auto visiting = ExtractText(
      "BRUSSELS, Nov 21 (Reuters) - Belgium hosted the talks, Foreign Minister Radoslaw Sikorski "
      "said on Friday.");
  CHECK(FindFact(visiting, "Radoslaw Sikorski", "foreign_minister_of", "Belgium") == nullptr);
}

TEST_CASE("where a body is based: a passive, a relative clause, an apposition", "[facts]") {
  const auto doc = ExtractText(
      "The Tallis Water Board is based in Kisumu. Korvath Mining, which is headquartered in "
      "Ndola, sued the board. The Miners Justice Forum (MJF), a Kitwe-based rights group, backed "
      "the claim. Oravo Holdings, the Geneva-based trader, said nothing.");
  CHECK(FindFact(doc, "Tallis Water Board", "based_in", "Kisumu") != nullptr);
  CHECK(FindFact(doc, "Korvath Mining", "based_in", "Ndola") != nullptr);
  CHECK(FindFact(doc, "Miners Justice Forum", "based_in", "Kitwe") != nullptr);
  CHECK(FindFact(doc, "Oravo Holdings", "based_in", "Geneva") != nullptr);
  // A person so described is not placed by this rule, nor anyone by a place without "-based".
  const auto person = ExtractText("Talia Mbeki, a Kitwe-based lawyer, met Jonas Berg.");
  for (const auto& f : person.facts) CHECK(f.relation != "based_in");
}
