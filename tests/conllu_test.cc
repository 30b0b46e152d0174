#include "nlp/conllu.h"

#include <catch2/catch.hpp>
#include <string>
#include <vector>

namespace {

// Written for this test: a multiword token, an empty node and the comments the readers use.
const char kSample[] =
    "# newdoc id = d1\n"
    "# newpar id = p1\n"
    "# sent_id = s1\n"
    "# text = We don't stop.\n"
    "1\tWe\twe\tPRON\tPRP\t_\t4\tnsubj\t_\t_\n"
    "2-3\tdon't\t_\t_\t_\t_\t_\t_\t_\t_\n"
    "2\tdo\tdo\tAUX\tVBP\t_\t4\taux\t_\t_\n"
    "3\tn't\tnot\tPART\tRB\t_\t4\tadvmod\t_\t_\n"
    "3.1\tgo\tgo\tVERB\tVB\t_\t_\t_\t0:root\t_\n"
    "4\tstop\tstop\tVERB\tVB\t_\t0\troot\t_\tSpaceAfter=No\n"
    "5\t.\t.\tPUNCT\t.\t_\t4\tpunct\t_\t_\n"
    "\n"
    "# sent_id = s2\n"
    "# text = Go\n"
    "1\tGo\tgo\tVERB\tVB\t_\t0\troot\t_\t_\n";

}  // namespace

TEST_CASE("CoNLL-U words, multiword tokens and comments are read", "[conllu]") {
  std::vector<kg::nlp::ConlluSentence> s;
  REQUIRE(kg::nlp::ParseConllu(kSample, "sample", &s).ok());
  REQUIRE(s.size() == 2);
  CHECK(s[0].text == "We don't stop.");
  CHECK(s[0].sent_id == "s1");
  CHECK(s[0].new_document);
  CHECK(s[0].new_paragraph);
  CHECK_FALSE(s[1].new_document);
  REQUIRE(s[0].words.size() == 5);  // the empty node 3.1 is skipped
  CHECK(s[0].words[1].form == "do");
  CHECK(s[0].words[2].lemma == "not");
  CHECK(s[0].words[0].head == 3);
  CHECK(s[0].words[3].head == -1);
  CHECK(s[0].words[3].deprel == "root");
  CHECK_FALSE(s[0].words[3].space_after);
  CHECK_FALSE(s[0].words[1].space_after);  // inside "don't"
  CHECK(s[0].words[2].space_after);
  REQUIRE(s[0].tokens.size() == 4);
  CHECK(s[0].tokens[1].form == "don't");
  CHECK(s[0].tokens[1].first == 1);
  CHECK(s[0].tokens[1].last == 2);
  CHECK(s[1].words.size() == 1);  // the last sentence needs no blank line after it
}

TEST_CASE("a sentence converts to tokens with offsets of its words", "[conllu]") {
  std::vector<kg::nlp::ConlluSentence> s;
  REQUIRE(kg::nlp::ParseConllu(kSample, "sample", &s).ok());
  const kg::nlp::Sentence sentence = kg::nlp::ToSentence(s[0]);
  REQUIRE(sentence.tokens.size() == 5);
  CHECK(sentence.tokens[0].form == "We");
  CHECK(sentence.tokens[1].span.begin == 3);
  CHECK(sentence.tokens[2].span.begin == 5);  // "do" "n't" touch
  CHECK(sentence.tokens[4].span.begin == sentence.tokens[3].span.end);
}

TEST_CASE("malformed CoNLL-U is refused with its line number", "[conllu]") {
  std::vector<kg::nlp::ConlluSentence> s;
  const kg::Status few = kg::nlp::ParseConllu("# text = x\n1\tx\tx\n", "bad.conllu", &s);
  CHECK(few.IsInvalidArgument());
  CHECK(few.message().find("bad.conllu:2") != std::string::npos);
  const kg::Status head = kg::nlp::ParseConllu(
      "1\ta\ta\tX\tX\t_\t0\troot\t_\t_\n2\tb\tb\tX\tX\t_\t7\tdep\t_\t_\n", "h", &s);
  CHECK(head.IsInvalidArgument());
  const kg::Status id = kg::nlp::ParseConllu("2\ta\ta\tX\tX\t_\t0\troot\t_\t_\n", "i", &s);
  CHECK(id.IsInvalidArgument());
  CHECK(kg::nlp::ReadConllu("/nonexistent/file.conllu", &s).IsInvalidArgument());
}
