#include "nlp/iob2.h"

#include <catch2/catch.hpp>
#include <string>
#include <vector>

namespace {

// Written for this test, in UniversalNER's layout: ID FORM TAG - annotator, OTH and a stray B-O.
const char kSample[] =
    "# newdoc id = doc1\n"
    "# sent_id = doc1-1\n"
    "# text = Ines Duarte left Porto for the Web Summit .\n"
    "1\tInes\tB-PER\t-\tann\n"
    "2\tDuarte\tI-PER\t-\tann\n"
    "3\tleft\tO\t-\t-\n"
    "4\tPorto\tB-LOC\t-\tann\n"
    "5\tfor\tO\n"
    "6\tthe\tB-O\t-\t-\n"
    "7\tWeb\tB-OTH\t-\tann\n"
    "8\tSummit\tI-OTH\t-\tann\n"
    "9\t.\tO\t-\t-\n"
    "\n"
    "# sent_id = doc1-2\n"
    "1\tAcme\tI-ORG\n"
    "2\tLtd\tI-ORG\n"
    "3\tsaid\tO\n"
    "4\tso\tI-LOC\n";

}  // namespace

TEST_CASE("IOB2 tokens, tags and comments are read", "[iob2]") {
  std::vector<kg::nlp::NerSentence> s;
  REQUIRE(kg::nlp::ParseIob2(kSample, "sample", kg::nlp::DefaultEntityTypes(), &s).ok());
  REQUIRE(s.size() == 2);
  CHECK(s[0].sent_id == "doc1-1");
  CHECK(s[0].doc_id == "doc1");
  CHECK(s[0].new_document);
  CHECK_FALSE(s[1].new_document);
  CHECK(s[1].doc_id == "doc1");
  REQUIRE(s[0].forms.size() == 9);
  CHECK(s[0].forms[3] == "Porto");
  CHECK(s[0].tags ==
        std::vector<std::string>{"B-PER", "I-PER", "O", "B-LOC", "O", "O", "O", "O", "O"});
}

TEST_CASE("an I- tag that continues nothing starts an entity", "[iob2]") {
  std::vector<kg::nlp::NerSentence> s;
  REQUIRE(kg::nlp::ParseIob2(kSample, "sample", kg::nlp::DefaultEntityTypes(), &s).ok());
  CHECK(s[1].tags == std::vector<std::string>{"B-ORG", "I-ORG", "O", "B-LOC"});
}

TEST_CASE("types to keep are chosen by the caller", "[iob2]") {
  std::vector<kg::nlp::NerSentence> s;
  REQUIRE(kg::nlp::ParseIob2(kSample, "sample", {"PER", "OTH"}, &s).ok());
  CHECK(s[0].tags[3] == "O");
  CHECK(s[0].tags[6] == "B-OTH");
  CHECK(s[0].tags[7] == "I-OTH");
}

TEST_CASE("malformed IOB2 lines name the source and the line", "[iob2]") {
  std::vector<kg::nlp::NerSentence> s;
  kg::Status st = kg::nlp::ParseIob2("1\tParis\n", "bad.iob2", {"LOC"}, &s);
  CHECK(st.IsInvalidArgument());
  CHECK(st.message().find("bad.iob2:1") != std::string::npos);
  st = kg::nlp::ParseIob2("# x\n1\tParis\tX-LOC\n", "bad.iob2", {"LOC"}, &s);
  CHECK(st.IsInvalidArgument());
  CHECK(st.message().find("bad.iob2:2") != std::string::npos);
  CHECK(kg::nlp::ReadIob2("/nonexistent/file.iob2", {"LOC"}, &s).IsInvalidArgument());
}

TEST_CASE("entity spans follow CoNLL's reading of IOB2", "[iob2]") {
  const std::vector<std::string_view> tags = {"B-PER", "I-PER", "I-LOC", "O",
                                              "I-ORG", "B-ORG", "I-ORG"};
  const auto spans = kg::nlp::EntitySpans(tags.size(), [&](size_t i) { return tags[i]; });
  REQUIRE(spans.size() == 4);
  CHECK(spans[0] == kg::nlp::EntitySpan{0, 2, "PER"});
  CHECK(spans[1] == kg::nlp::EntitySpan{2, 3, "LOC"});
  CHECK(spans[2] == kg::nlp::EntitySpan{4, 5, "ORG"});
  CHECK(spans[3] == kg::nlp::EntitySpan{5, 7, "ORG"});
}
