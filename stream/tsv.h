// Triples as tab-separated values, one per line:
//
//   subject <TAB> relation <TAB> object [<TAB> subject_type <TAB> object_type]
//
// Types are entity type names (person, place, organization, ...; empty means other). Blank
// lines and lines starting with '#' are skipped; a final '\r' (Windows line ends) is ignored;
// spaces around fields are trimmed. Relations are stored as written.
#pragma once

#include <string_view>

#include "core/status.h"
#include "core/types.h"

namespace kg::stream {

struct TsvTriple {
  std::string_view subject;  // views of the line
  std::string_view relation;
  std::string_view object;
  EntityType subject_type = EntityType::kOther;
  EntityType object_type = EntityType::kOther;
};

// Parses one line. Sets *skip for a blank or comment line. InvalidArgument, saying what is
// wrong (field count, an empty field, an unknown type, bytes that are not UTF-8), otherwise.
Status ParseTsvLine(std::string_view line, TsvTriple* triple, bool* skip);

}  // namespace kg::stream
