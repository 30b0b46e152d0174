#include "stream/format.h"

#include "core/text.h"
#include "stream/jsonl.h"

namespace kg::stream {

bool ParseFormat(std::string_view name, Format* format) {
  const std::string lower = AsciiLower(name);
  if (lower == "jsonl" || lower == "json") {
    *format = Format::kJsonl;
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
  }
}

}  // namespace kg::stream
