#include "stream/format.h"

#include <cstdio>

#include "core/text.h"
#include "stream/jsonl.h"

namespace kg::stream {

bool ParseFormat(std::string_view name, Format* format) {
  const std::string lower = AsciiLower(name);
  if (lower == "jsonl" || lower == "json") {
    *format = Format::kJsonl;
    return true;
  }
  if (lower == "carb") {
    *format = Format::kCarb;
    return true;
  }
  return false;
}

void AppendDocument(Format format, const FactDocument& doc, const WriteOptions& options,
                    std::string* out) {
  switch (format) {
    case Format::kJsonl:
      AppendJsonl(doc, options.include_text, out);
      return;
    case Format::kCarb:
      return;  // sentence-level: AppendCarb
  }
}

namespace {

void AppendField(std::string_view text, std::string* out) {
  for (char c : text) out->push_back(c == '\t' || c == '\n' || c == '\r' ? ' ' : c);
}

}  // namespace

void AppendCarb(std::string_view sentence, const std::vector<extract::OpenIeTuple>& tuples,
                std::string* out) {
  char confidence[16];
  for (const auto& t : tuples) {
    AppendField(sentence, out);
    std::snprintf(confidence, sizeof confidence, "\t%.3f\t", t.confidence);
    out->append(confidence);
    AppendField(t.relation, out);
    for (const auto& a : t.arguments) {
      out->push_back('\t');
      AppendField(a, out);
    }
    out->push_back('\n');
  }
}

}  // namespace kg::stream
