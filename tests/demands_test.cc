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

TEST_CASE("a capital that insists speaks for the country the article names", "[demands]") {
  const auto doc = ExtractText(
      "Norway and Denmark disagree about the fjord. Oslo insists that Denmark recognise the "
      "border.");
  const std::string demand = TheDemand(doc, "recognise");
  CHECK(FindFact(doc, "Norway", "demands", demand) != nullptr);
  // Without the country in the article, the capital itself acts ("Brussels" may be the EU).
  const auto alone = ExtractText("Oslo insists that Denmark recognise the border.");
  const std::string same = TheDemand(alone, "recognise");
  CHECK(FindFact(alone, "Oslo", "demands", same) != nullptr);
  CHECK(FindEntity(alone, "Norway") == nullptr);
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

TEST_CASE("a deal contingent on something, in what someone said, demands it", "[demands]") {
  const auto doc =
      ExtractText("Vestria said any agreement is contingent on Norland lifting the fishing ban.");
  const std::string demand = TheDemand(doc, "ban");
  CHECK(FindFact(doc, "Vestria", "demands", demand) != nullptr);
  CHECK(FindFact(doc, demand, "addressed_to", "Norland") != nullptr);
  CHECK(demand.find("contingent") == std::string::npos);  // the condition, not the deal
}

TEST_CASE("a possessor's conditions that include something demand it", "[demands]") {
  const auto doc = ExtractText("Norway's conditions include the return of the island of Holm.");
  const std::string demand = TheDemand(doc, "return");
  CHECK(FindFact(doc, "Norway", "demands", demand) != nullptr);
  CHECK(FindFact(doc, demand, "concerns", "Holm") != nullptr);
}

TEST_CASE("a demand is never addressed to the one who makes it", "[demands]") {
  const auto doc = ExtractText(
      "The Harbour Workers Union is seeking the company's withdrawal from the port deal.");
  const std::string demand = TheDemand(doc, "withdrawal");
  CHECK(FindFact(doc, "Harbour Workers Union", "demands", demand) != nullptr);
  CHECK(FindFact(doc, demand, "addressed_to", "Harbour Workers Union") == nullptr);
}

TEST_CASE("rejecting calls for something rejects that, and demands nothing", "[demands]") {
  const auto doc = ExtractText(
      "Greece wants Turkey to withdraw its ships from the Aegean. The Harbour Company rejected "
      "calls for a pay rise.");
  const std::string rise = TheDemand(doc, "rise");
  CHECK(FindFact(doc, "Harbour Company", "rejects", rise) != nullptr);
  CHECK(FindFact(doc, "Harbour Company", "demands", rise) == nullptr);
  CHECK(rise.find("for") == std::string::npos);
  const std::string ships = TheDemand(doc, "ships");
  CHECK(FindFact(doc, "Harbour Company", "rejects", ships) == nullptr);
}

TEST_CASE("asking someone to act is a demand, declining to comment rejects nothing",
          "[demands]") {
  const auto doc = ExtractText(
      "Finance Minister Piotr Zielinski asked the bank to cut rates by half a point. Zielinski "
      "declined to comment on the report.");
  const std::string cut = TheDemand(doc, "rates");
  CHECK(FindFact(doc, "Piotr Zielinski", "demands", cut) != nullptr);
  CHECK(DemandsWith(doc, "comment").empty());
  for (const auto& f : doc.facts) CHECK(f.relation != "rejects");
}

TEST_CASE("making support conditional on something demands it", "[demands]") {
  const auto doc = ExtractText(
      "Prime Minister Gabor Kiss made his support conditional on the release of frozen EU "
      "funds.");
  const std::string release = TheDemand(doc, "release");
  CHECK(FindFact(doc, "Gabor Kiss", "demands", release) != nullptr);
  CHECK(FindFact(doc, release, "concerns", "EU") != nullptr);
  CHECK(FindFact(doc, release, "addressed_to", "EU") == nullptr);
}

TEST_CASE("a demand of two is addressed to both, a capital as its country", "[demands]") {
  const auto doc = ExtractText(
      "Norway wants Iceland and the Faroe Islands to share the cuts. Burundi insisted that "
      "Kigali extradite the coup plotters, Rwanda said.");
  const std::string share = TheDemand(doc, "share");
  CHECK(FindFact(doc, "Norway", "demands", share) != nullptr);
  CHECK(FindFact(doc, share, "addressed_to", "Iceland") != nullptr);
  CHECK(FindFact(doc, share, "addressed_to", "Faroe Islands") != nullptr);
  const std::string extradite = TheDemand(doc, "extradite");
  CHECK(FindFact(doc, "Burundi", "demands", extradite) != nullptr);
  CHECK(FindFact(doc, extradite, "addressed_to", "Rwanda") != nullptr);
}

TEST_CASE("a dateline is not the subject, and a demand is found paragraphs later", "[demands]") {
  // The parser takes "VARNO" for the subject of "walked"; the workers are, and they are no
  // entity, so no demand is theirs, and none is Varno's.
  const auto doc = ExtractText(
      "VARNO, Norway, Nov 18 (Reuters) - Thousands of dock workers walked off the job on "
      "Wednesday, demanding that the port pay overdue wages.\n\n"
      "Sweden on Monday called on Finland to scrap a new transit levy on foreign trucks. "
      "Swedish hauliers say queues stretch for miles. Drivers sleep in their cabs. Food is "
      "scarce at the border. Local shops have run out of bread. The queue grows by the hour. "
      "Police have closed a second lane.\n\n"
      "Finland rejected the demand.\n");
  for (const auto& f : doc.facts) {
    CHECK(!(doc.entities[f.subject].name == "VARNO" && f.relation == "demands"));
  }
  const std::string demand = TheDemand(doc, "levy");
  CHECK(FindFact(doc, "Sweden", "demands", demand) != nullptr);
  CHECK(FindFact(doc, "Finland", "rejects", demand) != nullptr);
}

TEST_CASE("an ultimatum or call to act, and wanting something done, are demands", "[demands]") {
  const auto doc = ExtractText(
      "The Varno Civic Committee gave Norway a 72-hour ultimatum on Tuesday to annul the "
      "lithium concession. Norwegian Energy Minister Anna Berg rejected calls to annul the "
      "contract.");
  const std::string demand = TheDemand(doc, "annul");
  CHECK(FindFact(doc, "Varno Civic Committee", "demands", demand) != nullptr);
  CHECK(FindFact(doc, demand, "addressed_to", "Norway") != nullptr);
  CHECK(FindFact(doc, "Anna Berg", "rejects", demand) != nullptr);
  const auto wants = ExtractText("The Green Party wants the full agreement tabled in parliament.");
  const std::string tabled = TheDemand(wants, "tabled");
  CHECK(FindFact(wants, "Green Party", "demands", tabled) != nullptr);
  // An aside in brackets does not end what is demanded.
  const auto aside = ExtractText(
      "Governor Ilse Marr has asked for 3 billion tenge ($6 million) in emergency funds.");
  const std::string funds = TheDemand(aside, "funds");
  CHECK(FindFact(aside, "Ilse Marr", "demands", funds) != nullptr);
}

TEST_CASE("demands the parser hung on the wrong word keep their demander and action",
          "[demands]") {
  // "demanded" read as a conjunct of what the league said: the league demands, not the promise.
  const auto said = ExtractText(
      "The Tarvik Consumer League said the offer was not enough and demanded that the city "
      "publish the operator's accounts.");
  const std::string accounts = TheDemand(said, "accounts");
  CHECK(FindFact(said, "Tarvik Consumer League", "demands", accounts) != nullptr);
  // The to-clause hung on the second of those urged.
  const auto pair = ExtractText(
      "Transport Minister Ilse Marr urged the drivers and the operator to sit down together.");
  const std::string sit = TheDemand(pair, "sit");
  CHECK(FindFact(pair, "Ilse Marr", "demands", sit) != nullptr);
  // A body named with an apposition, its verb read as a participle of the apposition.
  const auto lobby = ExtractText(
      "Shipping groups were angry. The Baltic Ports Employers Organisation (BPEO), a business "
      "lobby, called on ministers to set a firm date for the new rules.");
  const std::string date = TheDemand(lobby, "date");
  CHECK(FindFact(lobby, "Baltic Ports Employers Organisation", "demands", date) != nullptr);
  // ... not a noun of a relative clause in between.
  const auto relcl = ExtractText(
      "The Varno Food Workers' Union (VFWU), which represents about 6,000 Kestrel employees, "
      "called on Kestrel to guarantee that no jobs would be cut.");
  const std::string jobs = TheDemand(relcl, "guarantee");
  CHECK(FindFact(relcl, "Varno Food Workers' Union", "demands", jobs) != nullptr);
  CHECK(FindFact(relcl, "Kestrel", "demands", jobs) == nullptr);
  // A relative clause inside the addressee does not end what it must do.
  const auto relative = ExtractText(
      "Anna Berg demanded that the Varno Port Authority (VPA), which runs the harbour, revoke the "
      "permit and publish the contract.");
  const std::string revoke = TheDemand(relative, "revoke");
  CHECK(FindFact(relative, "Anna Berg", "demands", revoke) != nullptr);
  CHECK(FindFact(relative, revoke, "addressed_to", "Varno Port Authority") != nullptr);
  CHECK(revoke.find("publish") != std::string::npos);
}

TEST_CASE("a reported group's demand is not the reporter's, nor is 'asked X to his office' one",
          "[demands]") {
  const auto doc = ExtractText(
      "Human Rights Watch said the detainees went on hunger strike and demanded access to their "
      "lawyers. President Anna Berg asked Ilse Marr to her office on Tuesday.");
  for (const auto& f : doc.facts) CHECK(f.relation != "demands");
}

TEST_CASE("a name given or a source's wish is not a demand", "[demands]") {
  const auto doc = ExtractText(
      "Energy Minister Anna Berg ruled out placing monitors at what she called a strategic "
      "facility. A Varno official, who asked not to be named, said talks had stalled.");
  // (What she ruled out is a demand node of its own, rejected; nobody demands anything.)
  for (const auto& f : doc.facts) CHECK(f.relation != "demands");
  CHECK(DemandsWith(doc, "named").empty());
}

TEST_CASE("a rejected demand is the one its noun names, whoever said the rejection", "[demands]") {
  // "the demand" is what was demanded, not the latest call.
  const auto doc = ExtractText(
      "The Varno Union demanded that the government withdraw the pension bill. Its president, "
      "Anna Berg, called on lawmakers to block the bill. Labour Minister Ilse Marr rejected the "
      "demand.");
  const std::string withdraw = TheDemand(doc, "withdraw");
  CHECK(FindFact(doc, "Ilse Marr", "rejects", withdraw) != nullptr);
  // A rejection conjoined to what the minister said is the minister's.
  const auto said = ExtractText(
      "Norway called for a joint monitoring commission. Energy Minister Ilse Marr said the idea "
      "was not new and rejected the demand.");
  bool marr_rejects = false;
  for (const auto& f : said.facts) {
    marr_rejects |= said.entities[f.subject].name == "Ilse Marr" && f.relation == "rejects";
  }
  CHECK(marr_rejects);
  // Names shared by an article's demands do not make a rejection refer to one of them.
  const auto names = ExtractText(
      "Georgia demanded that Armenia restore the agreed volumes. Armenian Deputy Minister Armen "
      "Sarkisian rejected the Georgian accusations.");
  const std::string restore = TheDemand(names, "restore");
  CHECK(FindFact(names, "Armen Sarkisian", "rejects", restore) == nullptr);
}
