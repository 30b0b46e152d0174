// Escaping text for the export formats. Each appends to `out` and never fails: bytes that are
// not valid UTF-8 and characters a format cannot carry become U+FFFD.
#pragma once

#include <string>
#include <string_view>

namespace kg::exporter {

// XML 1.0 character data and attribute values: & < > " ' escaped, tab, newline and carriage
// return as character references, other C0 controls and U+FFFE/U+FFFF replaced.
void AppendXmlEscaped(std::string_view text, std::string* out);

// A DOT double-quoted string, quotes included: " and \ escaped, newlines as \n, other control
// characters and U+FFFE/U+FFFF replaced (Graphviz copies labels into SVG, an XML format). Quoting
// every ID also keeps keywords ("node", "graph") from being keywords.
void AppendDotQuoted(std::string_view text, std::string* out);

// JSON strings: kg::AppendJsonString (core/text.h), which the fact streams use too.

}  // namespace kg::exporter
