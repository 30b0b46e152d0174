// The output formats of `kg extract`, dispatched in one place: a new format is a new enum value,
// a name in ParseFormat and a case in AppendDocument.
#pragma once

#include <string>
#include <string_view>

#include "stream/fact_document.h"

namespace kg::stream {

enum class Format {
  kJsonl,  // one JSON object per document (stream/jsonl.h); what `kg load` reads
};

// "jsonl" (case-insensitive); false if unknown. kFormatNames lists the names, for messages.
bool ParseFormat(std::string_view name, Format* format);
inline constexpr std::string_view kFormatNames = "jsonl";

struct WriteOptions {
  bool include_text = true;  // the text is what `kg why` shows; --no-text leaves it out
};

// Appends the output for one document (whole lines, '\n' included) in `format`.
void AppendDocument(Format format, const FactDocument& doc, const WriteOptions& options,
                    std::string* out);

}  // namespace kg::stream
