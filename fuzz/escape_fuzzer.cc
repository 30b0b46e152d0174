// The escaping of the export formats (export/escape.h): whatever a name holds, the escaped text
// is valid in its format, so GraphML, GEXF, DOT and JSON exports stay readable.
#include <nlohmann/json.hpp>

#include "core/text.h"
#include "export/escape.h"
#include "fuzz/fuzz_check.h"

namespace {

// U+FFFE and U+FFFF are not XML characters, and Graphviz copies DOT labels into SVG.
void CheckNoNonCharacters(std::string_view out) {
  for (size_t i = 0; i + 2 < out.size(); ++i) {
    if (out[i] != '\xEF' || out[i + 1] != '\xBF') continue;
    FUZZ_CHECK(out[i + 2] != '\xBE' && out[i + 2] != '\xBF');
  }
}

void CheckXml(std::string_view out) {
  FUZZ_CHECK(kg::FindInvalidUtf8(out) == out.size());
  CheckNoNonCharacters(out);
  for (size_t i = 0; i < out.size(); ++i) {
    const auto c = static_cast<unsigned char>(out[i]);
    FUZZ_CHECK(c >= 0x20);  // tab, newline and CR only as references
    FUZZ_CHECK(c != '<' && c != '>' && c != '"' && c != '\'');
    if (c == '&') {
      const std::string_view rest = out.substr(i);
      bool known = false;
      for (std::string_view ref :
           {"&amp;", "&lt;", "&gt;", "&quot;", "&apos;", "&#9;", "&#10;", "&#13;"}) {
        known = known || rest.starts_with(ref);
      }
      FUZZ_CHECK(known);
    }
  }
}

void CheckDot(std::string_view out) {
  FUZZ_CHECK(kg::FindInvalidUtf8(out) == out.size());
  CheckNoNonCharacters(out);
  FUZZ_CHECK(out.size() >= 2 && out.front() == '"' && out.back() == '"');
  for (size_t i = 1; i + 1 < out.size(); ++i) {
    const auto c = static_cast<unsigned char>(out[i]);
    FUZZ_CHECK(c >= 0x20 && c != 0x7F);
    FUZZ_CHECK(c != '"');  // every quote inside is escaped (skipped below)
    if (c == '\\') {
      FUZZ_CHECK(i + 2 < out.size());  // the closing quote is never escaped
      const char next = out[i + 1];
      FUZZ_CHECK(next == '"' || next == '\\' || next == 'n');
      ++i;
    }
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view raw = kg::fuzz::AsText(data, size);
  std::string out;
  kg::exporter::AppendXmlEscaped(raw, &out);
  CheckXml(out);
  out.clear();
  kg::exporter::AppendDotQuoted(raw, &out);
  CheckDot(out);
  out.clear();
  kg::AppendJsonString(raw, &out);
  const auto parsed = nlohmann::json::parse(out, nullptr, /*allow_exceptions=*/false);
  FUZZ_CHECK(parsed.is_string());
  if (kg::FindInvalidUtf8(raw) == raw.size()) FUZZ_CHECK(parsed.get<std::string>() == raw);
  return 0;
}
