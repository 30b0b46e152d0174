// The JSON lines fact format: one document per line, written by `kg extract`, read by `kg load`.
// The schema is in docs/contract.md ("Fact stream"); in short:
//
//   {"id": str, "doc": 16 hex, "content_hash": 32 hex, "extractor_version": int,
//    "text": str (unless --no-text), "sentences": [[begin, end], ...],
//    "entities": [{"name": str, "type": str, "aliases": [str, ...], "mentions": int}, ...],
//    "facts": [{"subject": int, "object": int, "relation": str, "negated": bool,
//               "confidence": number, "sentence": int, "start": int, "end": int,
//               "attributed_to": int}, ...]}
//
// Offsets are bytes of the UTF-8 text; "subject", "object" and "attributed_to" index "entities"
// ("attributed_to" is -1 when nobody is quoted). The reader ignores keys it does not know, so a
// line may carry more.
#pragma once

#include <string>
#include <string_view>

#include "core/status.h"
#include "stream/fact_document.h"

namespace kg::stream {

// Appends one line (with its '\n') for `doc`. Without `include_text` the "text" key is left out.
void AppendJsonl(const FactDocument& doc, bool include_text, std::string* out);

// Parses one line (surrounding whitespace allowed) into `doc`, reusing its buffers. Only "id"
// and "text" are required, so an input line {"id": ..., "text": ...} parses too (with no
// entities or facts); `doc->has_text` says whether "text" was there. InvalidArgument, with
// the byte column and what was wrong, for anything else: not JSON, wrong types, indices out of
// range, spans outside the text, a content_hash that does not match the text.
Status ParseJsonl(std::string_view line, FactDocument* doc);

}  // namespace kg::stream
