// Reading the treebank and annotation formats (CoNLL-U, IOB2) line by line.
#pragma once

#include <string_view>

#include "core/status.h"

namespace kg::nlp {

// Calls fn(line) for each line of `data` in order, the line without its "\n" or "\r\n" (a last
// line without "\n" included), and returns the first error fn returns.
template <typename Fn>
Status ForEachLine(std::string_view data, Fn fn) {
  size_t pos = 0;
  while (pos < data.size()) {
    size_t end = data.find('\n', pos);
    if (end == std::string_view::npos) end = data.size();
    std::string_view line = data.substr(pos, end - pos);
    pos = end + 1;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    KG_RETURN_IF_ERROR(fn(line));
  }
  return Status::Ok();
}

}  // namespace kg::nlp
