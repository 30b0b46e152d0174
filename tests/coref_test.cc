// Pronouns and definite descriptions land their facts on the right entity.
#include <catch2/catch.hpp>

#include "tests/extract_util.h"

using kg::testing::ExtractText;
using kg::testing::FindFact;

TEST_CASE("a pronoun subject is the person named before it", "[coref]") {
  const auto doc =
      ExtractText("President Maria Lopez arrived in Oslo on Monday. She met Jonas Berg there.");
  const kg::Fact* f = FindFact(doc, "Maria Lopez", "meet", "Jonas Berg");
  REQUIRE(f != nullptr);
  CHECK(f->confidence < 0.9f);  // through a pronoun: less sure than a name
}

TEST_CASE("a definite description is the person whose role fits", "[coref]") {
  const auto doc = ExtractText(
      "Norwegian President Maria Lopez met envoy Jonas Berg in Oslo. Later the Norwegian "
      "leader met Anna Weiss in Bergen.");
  CHECK(FindFact(doc, "Maria Lopez", "meet", "Anna Weiss") != nullptr);
  CHECK(FindFact(doc, "Jonas Berg", "meet", "Anna Weiss") == nullptr);
}

TEST_CASE("their is a group named as one, and its the subject that names no entity", "[coref]") {
  const auto doc = ExtractText(
      "The Northern Liberation Front said their negotiator, Hamdan Yousif, would travel to "
      "Jeddah. The union said its leader, Margaret Okafor, was ready to talk.");
  CHECK(FindFact(doc, "Hamdan Yousif", "negotiator_of", "Northern Liberation Front") != nullptr);
  // "its" is the union (no entity here), never the front named in the sentence before.
  CHECK(FindFact(doc, "Margaret Okafor", "leader_of", "Northern Liberation Front") == nullptr);
}

TEST_CASE("an object pronoun is not its own clause's subject", "[coref]") {
  const auto doc = ExtractText(
      "Fisheries Minister Karen Holm arrived in Oslo on Monday. Foreign Minister Sergei Lavrov "
      "met her.");
  CHECK(FindFact(doc, "Sergei Lavrov", "meet", "Karen Holm") != nullptr);
}

TEST_CASE("the association is the association named before, its possessive name whole", "[coref]") {
  const auto doc = ExtractText(
      "The Baltic Fishermen's Association criticised the plan. Arne Lund, the association's "
      "chairman, said boats would stay in port. Putin's Security Council met.");
  CHECK(FindFact(doc, "Arne Lund", "chairman_of", "Baltic Fishermen's Association") != nullptr);
  CHECK(kg::testing::FindEntity(doc, "Putin's Security Council") == nullptr);
}

TEST_CASE("its in a new sentence is the topic named first, or the passive's agent", "[coref]") {
  // No subject in the parse of the first sentence's long apposition: the agency, named first,
  // is what "its" refers to, not Honiara, named last.
  const auto doc = ExtractText(
      "The Varnish Fisheries Agency (VFA), a body headquartered in Honiara that coordinates tuna "
      "management among its 17 members, said it was aware of the case. Its director-general, "
      "Manu Tupou, urged both sides to settle the dispute.");
  CHECK(FindFact(doc, "Manu Tupou", "director-general_of", "Varnish Fisheries Agency") != nullptr);
  CHECK(FindFact(doc, "Manu Tupou", "director-general_of", "Honiara") == nullptr);
  // "was organised by the union": the agent, not the nationality named before it.
  const auto passive = ExtractText(
      "The protest was organised by the Polish Grain Farmers' Union (PGFU), which claims 40,000 "
      "members. Its chairman, Tomasz Wrona, called on the government to close the border.");
  CHECK(FindFact(passive, "Tomasz Wrona", "chairman_of", "Grain Farmers' Union") != nullptr);
  CHECK(FindFact(passive, "Tomasz Wrona", "chairman_of", "Poland") == nullptr);
}

TEST_CASE("its is the subject before nearer names, and the main clause's in the last sentence",
          "[coref]") {
  // In the same sentence: "Corvax said in a statement from India that it ...".
  const auto doc = ExtractText(
      "Corvax Vaccine Company said in a statement from India that it had sold the vaccines to "
      "Andina Pharma. Its chief executive, Suresh Raghunan, said the company would cooperate.");
  CHECK(FindFact(doc, "India", "sell_vaccine_to", "Andina Pharma") == nullptr);
  CHECK(FindFact(doc, "Corvax Vaccine Company", "sell_vaccine_to", "Andina Pharma") != nullptr);
  CHECK(FindFact(doc, "Suresh Raghunan", "chief_executive_of", "Corvax Vaccine Company") !=
        nullptr);
  CHECK(FindFact(doc, "Suresh Raghunan", "chief_executive_of", "India") == nullptr);
  // In the sentence before: the subject of "said", named in apposition, not the one of what
  // was said.
  const auto regulator = ExtractText(
      "The industry regulator, the Varnish Downstream Petroleum Authority, said Delta Ridge "
      "Refining must restart within 14 days. Its director-general, Funmi Adeyemo, said the "
      "company had obligations.");
  CHECK(FindFact(regulator, "Funmi Adeyemo", "director-general_of",
                 "Varnish Downstream Petroleum Authority") != nullptr);
  CHECK(FindFact(regulator, "Funmi Adeyemo", "director-general_of", "Delta Ridge Refining") ==
        nullptr);
}

TEST_CASE(
    "its is the main subject however the parser hangs its name, an officer's an "
    "organisation's",
    "[coref]") {
  // The parser heads "Central Cane Growers' Cooperative" at "Growers", not at its first word
  // (an adjective): the cooperative is still the main clause's subject, not the company inside
  // its demand.
  const auto cooperative = ExtractText(
      "Sunfield Agri Group said it would close the mill. The Central Cane Growers' Cooperative "
      "(CCGC), which represents most of the farmers supplying Tarrabool, demanded that Sunfield "
      "keep the mill running for two more seasons. Its chairman, Tony Marrone, said the company "
      "had walked away.");
  CHECK(FindFact(cooperative, "Tony Marrone", "chairman_of", "Central Cane Growers' Cooperative") !=
        nullptr);
  CHECK(FindFact(cooperative, "Tony Marrone", "chairman_of", "Sunfield Agri Group") == nullptr);
  // No entity is the subject of the sentence before: the organisation named there is the
  // president's, not the town named first.
  const auto federation = ExtractText(
      "Some 400,000 tonnes are sitting in warehouses in Ban Lomsak awaiting loading, according "
      "to the Siamese Rice Importers' Federation (SRIF). Its president, Lourdes Alcaraz, "
      "demanded refunds within 30 days.");
  CHECK(FindFact(federation, "Lourdes Alcaraz", "president_of",
                 "Siamese Rice Importers' Federation") != nullptr);
  CHECK(FindFact(federation, "Lourdes Alcaraz", "president_of", "Ban Lomsak") == nullptr);
  // The subject of its own sentence still comes first.
  const auto recalled = ExtractText(
      "The African Union condemned the coup. Kenya recalled its ambassador, John Mwangi.");
  CHECK(FindFact(recalled, "John Mwangi", "ambassador_of", "African Union") == nullptr);
}

TEST_CASE("the union is a body of working people that calls itself an association", "[coref]") {
  const auto doc = ExtractText(
      "The Coastal Pilots Association (CPA) called on Luzon Air to restore rest periods. The "
      "union also met Transport Secretary Miguel Ocampo.");
  CHECK(FindFact(doc, "Coastal Pilots Association", "meet", "Miguel Ocampo") != nullptr);
  CHECK(FindFact(doc, "Luzon Air", "meet", "Miguel Ocampo") == nullptr);
  // An association of employers is not "the union".
  const auto employers = ExtractText(
      "The Municipal Health Employers' Association rejected the pay claim. The union also met "
      "Transport Secretary Miguel Ocampo.");
  CHECK(FindFact(employers, "Municipal Health Employers' Association", "meet", "Miguel Ocampo") ==
        nullptr);
}

TEST_CASE("the firm, the lender, the institute: the organisation described or named so", "[coref]") {
  const auto doc = ExtractText(
      "The Central Bank of Lesotho (CBL) revoked the licence of digital lender Kopano Credit on "
      "Monday. The CBL said the decision was final. Thabo Mokoena, the lender's chief executive, "
      "said the company would appeal.");
  CHECK(FindFact(doc, "Thabo Mokoena", "chief_executive_of", "Kopano Credit") != nullptr);
  CHECK(FindFact(doc, "Thabo Mokoena", "chief_executive_of", "Central Bank of Lesotho") ==
        nullptr);
  const auto firm = ExtractText(
      "Analysts at Harbour Capital, a Dublin stockbroker, expect savings. \"The savings are "
      "real,\" said Niamh Byrne, the firm's head of research.");
  CHECK(FindFact(firm, "Niamh Byrne", "head_of", "Harbour Capital") != nullptr);
  const auto institute = ExtractText(
      "The Coastal Fisheries Institute (CFI) advises the ministry. \"The damage is visible,\" "
      "said Rui Matos, the institute's president.");
  CHECK(FindFact(institute, "Rui Matos", "president_of", "Coastal Fisheries Institute") != nullptr);
}

TEST_CASE("the dateline's news agency is not the company of a later sentence", "[coref]") {
  const auto doc = ExtractText(
      "KAMPALA, Nov 19 (AP) - Farmers marched on Wednesday. \"We are owed,\" Peter Okello told "
      "The Associated Press. Mary Achieng, the company's finance director, said payment was "
      "due.");
  for (const auto& f : doc.facts) {
    CHECK_FALSE((doc.entities[f.subject].name == "Mary Achieng" &&
                 doc.entities[f.object].name == "Associated Press"));
  }
}
