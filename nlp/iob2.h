// Named-entity data for training and scoring the entity recogniser (nlp/ner.h): IOB2 files (one
// token a line, as UniversalNER distributes them) and entity spans.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"

namespace kg::nlp {

// A sentence of gold tokens with one IOB2 tag each ("O", "B-PER", "I-PER", ...). The readers
// guarantee that tags.size() == forms.size() and that every "I-X" follows a "B-X" or "I-X".
struct NerSentence {
  std::string sent_id;
  std::string doc_id;  // the latest "# newdoc id" at or before this sentence, or empty
  bool new_document = false;
  std::vector<std::string> forms;
  std::vector<std::string> tags;
};

// The entity types kg uses: person, place (location), organisation.
inline const std::vector<std::string>& DefaultEntityTypes() {
  static const std::vector<std::string> types = {"PER", "LOC", "ORG"};
  return types;
}

// Parses IOB2 text and appends its sentences to `*out`.
//
// file     := (comment | token | blank)*
// comment  := "#" text; "# sent_id = X" and "# newdoc id = X" are kept, the others skipped
// token    := id TAB form TAB tag (TAB anything)*; a blank line ends the sentence
// tag      := "O" | ("B" | "I") "-" type
//
// Types not in `keep_types` become "O" (UNER's OTH, and the stray "B-O" of its 2022 release). An
// "I-X" that does not continue an X entity starts one (it becomes "B-X"), as CoNLL's conlleval
// reads it. InvalidArgument naming `source` and the line when a line is malformed.
Status ParseIob2(std::string_view data, std::string_view source,
                 const std::vector<std::string>& keep_types, std::vector<NerSentence>* out);

// Reads the IOB2 file at `path` as ParseIob2 does. InvalidArgument when it is missing or malformed.
Status ReadIob2(const std::filesystem::path& path, const std::vector<std::string>& keep_types,
                std::vector<NerSentence>* out);

// An entity: tokens [begin, end) of a sentence and the type of its IOB2 tags.
struct EntitySpan {
  uint32_t begin = 0;
  uint32_t end = 0;
  std::string_view type;  // a view of the tag strings the span was read from
  bool operator==(const EntitySpan&) const = default;
};

// The entities of a sequence of IOB2 tags, in order. A "B-X" starts an entity, an "I-X" continues
// an X entity (and starts one after anything else), "O" and anything unrecognised end it.
// `tag_at(i)` returns the tag of token i as a string_view that outlives the result.
template <typename TagAt>
std::vector<EntitySpan> EntitySpans(size_t n, TagAt tag_at) {
  std::vector<EntitySpan> spans;
  bool open = false;
  for (size_t i = 0; i < n; ++i) {
    const std::string_view tag = tag_at(i);
    const bool begins = tag.size() > 2 && tag[1] == '-' && (tag[0] == 'B' || tag[0] == 'I');
    const std::string_view type = begins ? tag.substr(2) : std::string_view();
    if (open && begins && tag[0] == 'I' && spans.back().type == type) {
      spans.back().end = static_cast<uint32_t>(i + 1);
      continue;
    }
    open = begins;
    if (begins) {
      spans.push_back(EntitySpan{static_cast<uint32_t>(i), static_cast<uint32_t>(i + 1), type});
    }
  }
  return spans;
}

}  // namespace kg::nlp
