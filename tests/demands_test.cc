// Demands as nodes: who demands what of whom, about where, and who rejects it.
#include <catch2/catch.hpp>
#include <string>

#include "tests/extract_util.h"

using kg::testing::DemandsWith;
using kg::testing::ExtractText;
using kg::testing::FindEntity;
using kg::testing::FindFact;

namespace {

// The name of the one demand whose label has `word`; fails the test if there is none.
std::string TheDemand(const kg::ExtractedDocument& doc, const std::string& word) {
  const auto found = DemandsWith(doc, word);
  REQUIRE(found.size() == 1);
  return found.front()->name;
}

}  // namespace

TEST_CASE("a that-clause demand, its addressee and the place it concerns", "[demands]") {
  const auto doc =
      ExtractText("Norway demands that Sweden withdraw its troops from the Lapland region.");
  const std::string demand = TheDemand(doc, "withdraw");
  CHECK(FindFact(doc, "Norway", "demands", demand) != nullptr);
  CHECK(FindFact(doc, demand, "addressed_to", "Sweden") != nullptr);
  CHECK(FindFact(doc, demand, "concerns", "Lapland") != nullptr);
  // What is demanded has not happened: no fact says Sweden withdrew.
  for (const auto& f : doc.facts) {
    CHECK(!(doc.entities[f.subject].name == "Sweden" && f.relation.rfind("withdraw", 0) == 0));
  }
}

TEST_CASE("urging someone to act is a demand of them, rejected by reference", "[demands]") {
  const auto doc =
      ExtractText("Norway urged Sweden to lift the new tariffs. Sweden rejected the demand.");
  const std::string demand = TheDemand(doc, "tariffs");
  CHECK(FindFact(doc, "Norway", "demands", demand) != nullptr);
  CHECK(FindFact(doc, demand, "addressed_to", "Sweden") != nullptr);
  CHECK(FindFact(doc, "Sweden", "rejects", demand) != nullptr);
}

TEST_CASE("a capital that insists speaks for its country", "[demands]") {
  const auto doc = ExtractText("Oslo insists that Denmark recognise the border.");
  const std::string demand = TheDemand(doc, "recognise");
  CHECK(FindFact(doc, "Norway", "demands", demand) != nullptr);
}

TEST_CASE("ruling something out rejects it even when nobody demanded it here", "[demands]") {
  const auto doc = ExtractText("Finnish Prime Minister Anna Weiss ruled out ceding territory.");
  const std::string demand = TheDemand(doc, "territory");
  CHECK(FindFact(doc, "Anna Weiss", "rejects", demand) != nullptr);
  CHECK(FindFact(doc, "Anna Weiss", "prime_minister_of", "Finland") != nullptr);
}

TEST_CASE("a possessive demand noun with its content", "[demands]") {
  const auto doc = ExtractText(
      "The talks stalled over Denmark's demand that Norway return the islands. Norway has "
      "rejected that demand.");
  const std::string demand = TheDemand(doc, "islands");
  CHECK(FindFact(doc, "Denmark", "demands", demand) != nullptr);
  CHECK(FindFact(doc, "Norway", "rejects", demand) != nullptr);
}
