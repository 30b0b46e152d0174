#include "core/text.h"

#include <catch2/catch.hpp>

TEST_CASE("valid UTF-8 is accepted, invalid sequences are found", "[text]") {
  CHECK(kg::FindInvalidUtf8("plain ASCII") == 11);
  CHECK(kg::FindInvalidUtf8("Zelensky\xE2\x80\x99s") == 12);
  CHECK(kg::FindInvalidUtf8("bad \xFF byte") == 4);
  CHECK(kg::FindInvalidUtf8("overlong \xC0\xAF") == 9);
  CHECK(kg::FindInvalidUtf8("surrogate \xED\xA0\x80") == 10);
  CHECK(kg::FindInvalidUtf8("truncated \xE2\x80") == 10);
}

TEST_CASE("repair replaces each invalid byte by U+FFFD and keeps the rest", "[text]") {
  std::string text = "a\xFF" "b\xE2\x80" "c";
  CHECK(kg::RepairUtf8(&text) == 3);
  CHECK(text == "a\xEF\xBF\xBD" "b\xEF\xBF\xBD\xEF\xBF\xBD" "c");
  CHECK(kg::FindInvalidUtf8(text) == text.size());
  std::string clean = "nothing to do";
  CHECK(kg::RepairUtf8(&clean) == 0);
  CHECK(clean == "nothing to do");
}

TEST_CASE("binary data is told apart from text", "[text]") {
  CHECK(kg::LooksBinary(std::string("PNG\0\x01\x02", 6)));
  CHECK(!kg::LooksBinary("An article.\nWith lines.\tAnd tabs."));
  std::string controls(100, '\x01');
  CHECK(kg::LooksBinary(controls));
}

TEST_CASE("content hashes are stable and distinguish texts", "[text]") {
  CHECK(kg::ContentHash("abc") == kg::ContentHash("abc"));
  CHECK(kg::ContentHash("abc") != kg::ContentHash("abd"));
  CHECK(kg::ContentHash("").size() == 32);
}

TEST_CASE("name keys fold case, articles, punctuation and transliteration", "[text]") {
  CHECK(kg::NameKey("The Kremlin") == kg::NameKey("kremlin"));
  CHECK(kg::NameKey("U.S.") == kg::NameKey("US"));
  CHECK(kg::NameKey("Zelensky") == kg::NameKey("Zelenskyy"));
  CHECK(kg::NameKey("Zelenskiy") == kg::NameKey("ZELENSKY"));
  CHECK(kg::NameKey("Yuri Ushakov") == kg::NameKey("Yury Ushakov"));
  CHECK(kg::NameKey("  Abu   Dhabi ") == kg::NameKey("Abu Dhabi"));
  CHECK(kg::NameKey("Moscow\xE2\x80\x99s") == kg::NameKey("Moscow's"));
  CHECK(kg::NameKey("\xC3\x89lys\xC3\xA9" "e") == kg::NameKey("\xC3\xA9lys\xC3\xA9" "e"));
  CHECK(kg::NameKey("Kyiv") == kg::NameKey("Kyyiv"));
  CHECK(kg::NameKey("Dmitriev") == kg::NameKey("Dmitriyev"));
  CHECK(kg::NameKey("Zelenskij") == kg::NameKey("Zelensky"));
  CHECK(kg::NameKey("Putin") != kg::NameKey("Vladimir Putin"));
  CHECK(kg::NameKey("Kiev") != kg::NameKey("Kyiv"));  // a different spelling, not a variant
  CHECK(kg::NameKey("Theresa May") != kg::NameKey("Resa May"));
  CHECK(kg::NameKey("...") == "");
}
