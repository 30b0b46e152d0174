#include "nlp/corefud.h"

#include <catch2/catch.hpp>
#include <string>
#include <vector>

namespace {

// Written for this test in GUM's layout (only the columns the reader uses are filled): a title
// before a name, a nested organisation, a plural nationality, a common-noun mention and a name
// with "of" inside.
const char kSample[] =
    "# newdoc id = GUM_news_test\n"
    "# sent_id = t-1\n"
    "1\tAcme\tAcme\tPROPN\tNNP\t_\t2\tcompound\t_\tEntity=(1-person-new-x-cf1-1-coref(2-"
    "organization-new-x-cf2-1-sgl)\n"
    "2\tChairman\tchairman\tPROPN\tNNP\t_\t3\tnmod:desc\t_\t_\n"
    "3\tOlga\tOlga\tPROPN\tNNP\t_\t5\tnsubj\t_\t_\n"
    "4\tBrandt\tBrandt\tPROPN\tNNP\t_\t3\tflat\t_\tEntity=1)\n"
    "5\tmet\tmeet\tVERB\tVBD\t_\t0\troot\t_\t_\n"
    "6\tthe\tthe\tDET\tDT\t_\t7\tdet\t_\tEntity=(3-organization-new-x-cf3-2-sgl\n"
    "7\tBank\tBank\tPROPN\tNNP\t_\t5\tobj\t_\t_\n"
    "8\tof\tof\tADP\tIN\t_\t9\tcase\t_\t_\n"
    "9\tFinland\tFinland\tPROPN\tNNP\t_\t7\tnmod\t_\tEntity=(4-place-new-x-cf4-1-sgl)3)\n"
    "10\tand\tand\tCCONJ\tCC\t_\t11\tcc\t_\t_\n"
    "11\tAmericans\tAmerican\tPROPN\tNNPS\t_\t7\tconj\t_\tEntity=(5-person-new-x-cf5-1-sgl)\n"
    "12\tin\tin\tADP\tIN\t_\t14\tcase\t_\t_\n"
    "13\tthe\tthe\tDET\tDT\t_\t14\tdet\t_\tEntity=(6-place-new-x-cf6-2-sgl\n"
    "14\tcity\tcity\tNOUN\tNN\t_\t5\tobl\t_\tEntity=6)|SpaceAfter=No\n"
    "15\t.\t.\tPUNCT\t.\t_\t5\tpunct\t_\t_\n"
    "\n"
    "# newdoc id = GUM_bio_test\n"
    "# sent_id = t-2\n"
    "1\tRiga\tRiga\tPROPN\tNNP\t_\t0\troot\t_\tEntity=(7-place-new-x-cf1-1-sgl)\n"
    "\n";

}  // namespace

TEST_CASE("named mentions of CorefUD become IOB2 entities", "[corefud]") {
  std::vector<kg::nlp::NerSentence> s;
  REQUIRE(kg::nlp::ParseCorefUdEntities(kSample, "sample", {}, &s).ok());
  REQUIRE(s.size() == 2);
  CHECK(s[0].doc_id == "GUM_news_test");
  CHECK(s[0].tags == std::vector<std::string>{"B-ORG", "O", "B-PER", "I-PER", "O", "O", "B-ORG",
                                              "I-ORG", "I-ORG", "O", "O", "O", "O", "O", "O"});
  CHECK(s[1].tags == std::vector<std::string>{"B-LOC"});
}

TEST_CASE("documents can be selected by genre", "[corefud]") {
  std::vector<kg::nlp::NerSentence> s;
  kg::nlp::CorefUdOptions options;
  options.doc_filter = {"_bio_"};
  REQUIRE(kg::nlp::ParseCorefUdEntities(kSample, "sample", options, &s).ok());
  REQUIRE(s.size() == 1);
  CHECK(s[0].forms == std::vector<std::string>{"Riga"});
}

TEST_CASE("malformed CorefUD lines are refused", "[corefud]") {
  std::vector<kg::nlp::NerSentence> s;
  CHECK(kg::nlp::ParseCorefUdEntities("1\tx\n", "bad", {}, &s).IsInvalidArgument());
  CHECK(kg::nlp::ReadCorefUdEntities("/nonexistent.conllu", {}, &s).IsInvalidArgument());
}
