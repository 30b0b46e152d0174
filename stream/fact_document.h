// One document of a fact stream: what `kg extract` writes and `kg load` reads. Plain data.
#pragma once

#include <cstdint>
#include <string>

#include "core/types.h"

namespace kg::stream {

struct FactDocument {
  // Where the document came from: a path, a URL, any name the producer chose; "-" for none.
  // `kg load` stores it as the document's source, so loading a new version under the same id
  // replaces the old one, as re-ingesting an edited file does.
  std::string id = "-";
  std::string content_hash;  // ContentHash(text): 32 hex digits
  uint32_t extractor_version = 0;
  bool has_text = false;  // false when written with --no-text (or for TSV input)
  std::string text;       // valid UTF-8; every span of `extracted` indexes it
  ExtractedDocument extracted;
};

}  // namespace kg::stream
