#include "nlp/tokenizer.h"

#include <catch2/catch.hpp>
#include <string>
#include <vector>

namespace {

std::vector<std::string> Forms(const kg::nlp::Sentence& s) {
  std::vector<std::string> out;
  for (const auto& t : s.tokens) out.emplace_back(t.form);
  return out;
}

}  // namespace

TEST_CASE("every token's span indexes the text it came from", "[tokenizer]") {
  const std::string text =
      "Moscow: Russian President Vladimir Putin held talks \xE2\x80\x94 late \xE2\x80\x9C"
      "frank\xE2\x80\x9D ones \xE2\x80\x94 with U.S. envoys.\nKyiv\xE2\x80\x99s reply came.";
  const auto sentences = kg::nlp::Tokenize(text);
  REQUIRE(!sentences.empty());
  for (const auto& s : sentences) {
    REQUIRE(s.span.end <= text.size());
    for (const auto& t : s.tokens) {
      REQUIRE(t.span.begin < t.span.end);
      REQUIRE(t.span.end <= text.size());
      CHECK(text.substr(t.span.begin, t.span.size()) == t.form);
      CHECK(t.span.begin >= s.span.begin);
      CHECK(t.span.end <= s.span.end);
    }
  }
}

TEST_CASE("abbreviations, initials and titles keep their full stop", "[tokenizer]") {
  const auto s = kg::nlp::Tokenize("Mr. Smith met J. K. Rowling in the U.S. on Jan. 5.");
  REQUIRE(s.size() == 1);
  CHECK(Forms(s[0]) == std::vector<std::string>{"Mr.", "Smith", "met", "J.", "K.", "Rowling", "in",
                                                "the", "U.S.", "on", "Jan.", "5", "."});
}

TEST_CASE("an abbreviation before a sentence opener ends the sentence", "[tokenizer]") {
  const auto s = kg::nlp::Tokenize("Envoys flew to the U.S. The talks ended.");
  REQUIRE(s.size() == 2);
  CHECK(Forms(s[0]).back() == "U.S.");
  CHECK(Forms(s[1]).front() == "The");
}

TEST_CASE("clitics split the Universal Dependencies way, with either apostrophe", "[tokenizer]") {
  const auto s = kg::nlp::Tokenize("Moscow\xE2\x80\x99s demand isn't new; they can't and won't.");
  REQUIRE(s.size() == 1);
  CHECK(Forms(s[0]) == std::vector<std::string>{"Moscow", "\xE2\x80\x99s", "demand", "is", "n't",
                                                "new", ";", "they", "ca", "n't", "and", "wo", "n't",
                                                "."});
}

// UD English (EWT) splits hyphenated compounds ("long-term" -> "long" "-" "term") but keeps
// prefixes attached ("e-mail", "non-profit"): in EWT train 736 compounds are split and the 394 kept
// whole are prefixed words and phone numbers. The tagger and parser are trained on that.
TEST_CASE("em dashes and curly quotes stand alone; hyphenated compounds split the UD way",
          "[tokenizer]") {
  const auto s = kg::nlp::Tokenize(
      "The long-term deal was \xE2\x80\x9Creasonably close,\xE2\x80\x9D he said\xE2\x80\x94"
      "again.");
  REQUIRE(s.size() == 1);
  CHECK(Forms(s[0]) == std::vector<std::string>{"The", "long", "-", "term", "deal", "was",
                                                "\xE2\x80\x9C", "reasonably", "close", ",",
                                                "\xE2\x80\x9D", "he", "said", "\xE2\x80\x94",
                                                "again", "."});
}

TEST_CASE("numbers, dates and URLs are single tokens", "[tokenizer]") {
  const auto s =
      kg::nlp::Tokenize("On 24.02.2022 at 10:30, 14,000 people read https://example.org/a.b.");
  REQUIRE(s.size() == 1);
  CHECK(Forms(s[0]) == std::vector<std::string>{"On", "24.02.2022", "at", "10:30", ",", "14,000",
                                                "people", "read", "https://example.org/a.b", "."});
}

TEST_CASE("a headline without a full stop is a sentence of its own", "[tokenizer]") {
  const auto s = kg::nlp::Tokenize(
      "Putin Holds Late-Night Talks with US Envoys\nRussian President Vladimir Putin held talks.");
  REQUIRE(s.size() == 2);
  CHECK(Forms(s[0]).back() == "Envoys");
  CHECK(Forms(s[1]).front() == "Russian");
}

TEST_CASE("a quotation ending in a question mark does not end a lower-case sentence",
          "[tokenizer]") {
  const auto s = kg::nlp::Tokenize("\"Is it close?\" he asked. Nobody knew!");
  REQUIRE(s.size() == 2);
  CHECK(Forms(s[0]) ==
        std::vector<std::string>{"\"", "Is", "it", "close", "?", "\"", "he", "asked", "."});
}

TEST_CASE("a closing quote after the full stop belongs to the sentence", "[tokenizer]") {
  const auto s = kg::nlp::Tokenize("He said \xE2\x80\x9CNo.\xE2\x80\x9D Then he left.");
  REQUIRE(s.size() == 2);
  CHECK(Forms(s[0]).back() == "\xE2\x80\x9D");
}

TEST_CASE("empty and whitespace-only text gives no sentences", "[tokenizer]") {
  CHECK(kg::nlp::Tokenize("").empty());
  CHECK(kg::nlp::Tokenize(" \n\t\n ").empty());
}

TEST_CASE("a runaway line is cut into bounded sentences", "[tokenizer]") {
  std::string text;
  for (int i = 0; i < 2000; ++i) text += "word ";
  const auto s = kg::nlp::Tokenize(text);
  REQUIRE(s.size() > 1);
  for (const auto& sentence : s) CHECK(sentence.tokens.size() <= 256);
}

TEST_CASE("prefixes and phone numbers keep their hyphen", "[tokenizer]") {
  const auto s = kg::nlp::Tokenize("A non-profit e-mail came from 713-853-3989 in 1969-1970.");
  REQUIRE(s.size() == 1);
  CHECK(Forms(s[0]) == std::vector<std::string>{"A", "non-profit", "e-mail", "came", "from",
                                                "713-853-3989", "in", "1969", "-", "1970", "."});
}

TEST_CASE("web spellings split as UD English does", "[tokenizer]") {
  const auto s = kg::nlp::Tokenize("i dont know, its not $100 :) gonna call at 5pm");
  REQUIRE(s.size() == 1);
  CHECK(Forms(s[0]) == std::vector<std::string>{"i", "do", "nt", "know", ",", "it", "s", "not", "$",
                                                "100", ":)", "gon", "na", "call", "at", "5", "pm"});
  const auto p = kg::nlp::Tokenize("The party lost its seat.");
  CHECK(Forms(p[0])[3] == "its");  // the possessive stays whole
}

TEST_CASE("a lower-case word after a full stop starts a new sentence", "[tokenizer]") {
  const auto s = kg::nlp::Tokenize("i went home. then i slept... and woke up.");
  REQUIRE(s.size() == 2);
  CHECK(Forms(s[1]).front() == "then");
}

TEST_CASE("a sentence-final abbreviation gives its full stop to the sentence", "[tokenizer]") {
  const std::string text = "They bought apples, pears etc. The shop closed.";
  const auto s = kg::nlp::Tokenize(text);
  REQUIRE(s.size() == 2);
  CHECK(Forms(s[0]) ==
        std::vector<std::string>{"They", "bought", "apples", ",", "pears", "etc", "."});
  for (const auto& t : s[0].tokens) CHECK(text.substr(t.span.begin, t.span.size()) == t.form);
}

TEST_CASE("an e-mail header's date and time are a sentence of their own", "[tokenizer]") {
  const auto s = kg::nlp::Tokenize("Kay Mann 04/26/2001 07:17 AM Will you send it?");
  REQUIRE(s.size() == 3);
  CHECK(Forms(s[0]) == std::vector<std::string>{"Kay", "Mann"});
  CHECK(Forms(s[1]) == std::vector<std::string>{"04/26/2001", "07:17", "AM"});
}
