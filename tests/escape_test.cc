#include "export/escape.h"

#include <catch2/catch.hpp>

#include "core/text.h"

using kg::AppendJsonString;
using kg::exporter::AppendDotQuoted;
using kg::exporter::AppendXmlEscaped;

namespace {
std::string Xml(std::string_view s) {
  std::string out;
  AppendXmlEscaped(s, &out);
  return out;
}
std::string Dot(std::string_view s) {
  std::string out;
  AppendDotQuoted(s, &out);
  return out;
}
std::string Json(std::string_view s) {
  std::string out;
  AppendJsonString(s, &out);
  return out;
}
}  // namespace

TEST_CASE("XML escaping covers markup, quotes and control characters", "[escape]") {
  CHECK(Xml("AT&T <b> \"q\" 'a'") == "AT&amp;T &lt;b&gt; &quot;q&quot; &apos;a&apos;");
  CHECK(Xml("tab\there\nnew") == "tab&#9;here&#10;new");
  CHECK(Xml(std::string("nul\0bell\x07", 9)) ==
        "nul\xEF\xBF\xBD"
        "bell\xEF\xBF\xBD");
  CHECK(Xml("bad \xFF utf8") == "bad \xEF\xBF\xBD utf8");
  CHECK(Xml("\xEF\xBF\xBE") == "\xEF\xBF\xBD");  // U+FFFE is not an XML character
  CHECK(Xml("Zelenskyy\xE2\x80\x99s") == "Zelenskyy\xE2\x80\x99s");
  CHECK(Xml("plain") == "plain");
}

TEST_CASE("DOT quoting escapes quotes and backslashes and keeps keywords quoted", "[escape]") {
  CHECK(Dot("node") == "\"node\"");
  CHECK(Dot("say \"hi\"") == "\"say \\\"hi\\\"\"");
  CHECK(Dot("a\\b") == "\"a\\\\b\"");
  CHECK(Dot("line\nbreak") == "\"line\\nbreak\"");
  CHECK(Dot("ctl\x01") == "\"ctl\xEF\xBF\xBD\"");
}

TEST_CASE("JSON strings escape quotes, backslashes and control characters", "[escape]") {
  CHECK(Json("a\"b\\c") == "\"a\\\"b\\\\c\"");
  CHECK(Json("\x01\n") == "\"\\u0001\\n\"");
  CHECK(Json("\xFF") == "\"\xEF\xBF\xBD\"");
}
