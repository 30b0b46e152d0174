// The output formats of `kg extract`, dispatched in one place: a new document format is a new
// enum value, a name in ParseFormat and a case in AppendDocument (the sentence-level CaRB format
// has its own writer, AppendCarb).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "extract/openie.h"
#include "stream/fact_document.h"

namespace kg::stream {

enum class Format {
  kJsonl,  // one JSON object per document (stream/jsonl.h); what `kg load` reads
  // Open IE for the CaRB benchmark: sentence-level, not document-level. The input is one
  // tokenised sentence a line; each of its tuples is a line
  // sentence<TAB>confidence<TAB>relation<TAB>arg1<TAB>arg2... (AppendCarb). AppendDocument does
  // not write it.
  kCarb,
};

// "jsonl" or "carb" (case-insensitive); false if unknown. kFormatNames lists the names.
bool ParseFormat(std::string_view name, Format* format);
inline constexpr std::string_view kFormatNames = "jsonl, carb";

struct WriteOptions {
  bool include_text = true;  // the text is what `kg why` shows; --no-text leaves it out
};

// Appends the output for one document (whole lines, '\n' included) in `format` (a document
// format: kJsonl).
void AppendDocument(Format format, const FactDocument& doc, const WriteOptions& options,
                    std::string* out);

// Appends one CaRB line per tuple of `sentence`: the sentence exactly as given, the confidence,
// the relation, the arguments, separated by tabs (tabs inside them become spaces).
void AppendCarb(std::string_view sentence, const std::vector<extract::OpenIeTuple>& tuples,
                std::string* out);

}  // namespace kg::stream
