#include "stream/tsv.h"

#include <string>

#include "core/text.h"

namespace kg::stream {
namespace {

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\r')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

Status ParseType(std::string_view text, EntityType* type) {
  if (text.empty()) {
    *type = EntityType::kOther;
    return Status::Ok();
  }
  if (!ParseEntityType(text, type)) {
    return Status::InvalidArgument("unknown entity type '" + std::string(text) +
                                   "' (person, place, organization, demand, date, event, other)");
  }
  return Status::Ok();
}

}  // namespace

Status ParseTsvLine(std::string_view line, TsvTriple* triple, bool* skip) {
  if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
  *skip = line.empty() || line.front() == '#' ||
          line.find_first_not_of(" \t") == std::string_view::npos;
  if (*skip) return Status::Ok();
  std::string_view fields[5];
  size_t count = 0;
  size_t start = 0;
  for (;;) {
    const size_t tab = line.find('\t', start);
    const std::string_view field =
        line.substr(start, tab == std::string_view::npos ? std::string_view::npos : tab - start);
    if (count < 5) fields[count] = Trim(field);
    ++count;
    if (tab == std::string_view::npos) break;
    start = tab + 1;
  }
  if (count != 3 && count != 5) {
    return Status::InvalidArgument(
        "expected 3 or 5 tab-separated fields (subject, relation, object[, subject_type, "
        "object_type]), found " +
        std::to_string(count));
  }
  static constexpr const char* kNames[] = {"subject", "relation", "object"};
  for (size_t i = 0; i < 3; ++i) {
    if (fields[i].empty()) return Status::InvalidArgument(std::string("empty ") + kNames[i]);
  }
  if (FindInvalidUtf8(line) != line.size()) {
    return Status::InvalidArgument("bytes that are not UTF-8");
  }
  triple->subject = fields[0];
  triple->relation = fields[1];
  triple->object = fields[2];
  triple->subject_type = EntityType::kOther;
  triple->object_type = EntityType::kOther;
  if (count == 5) {
    KG_RETURN_IF_ERROR(ParseType(fields[3], &triple->subject_type));
    KG_RETURN_IF_ERROR(ParseType(fields[4], &triple->object_type));
  }
  return Status::Ok();
}

}  // namespace kg::stream
