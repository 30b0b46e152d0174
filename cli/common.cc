#include "cli/common.h"

#include <spdlog/spdlog.h>
#include <unistd.h>

namespace kg::cli {

int ExitCodeFor(const Status& status) {
  switch (status.code()) {
    case Status::Code::kOk:
      return kExitOk;
    case Status::Code::kNotFound:
      return kExitNothingFound;
    case Status::Code::kInvalidArgument:
      return kExitBadInput;
    default:
      return kExitStorage;
  }
}

int Fail(const Status& status) {
  spdlog::error("{}", status.message());
  return ExitCodeFor(status);
}

Status OpenStore(const Globals& globals, bool read_only, std::unique_ptr<graph::Store>* store) {
  graph::OpenOptions options;
  options.read_only = read_only;
  options.create_if_missing = !read_only;
  return graph::Store::Open(globals.db, options, store);
}

bool IsTerminal(int fd) { return isatty(fd) == 1; }

std::string Printable(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    const auto u = static_cast<unsigned char>(c);
    if (c == '\t' || c == '\n' || c == '\r') {
      out.push_back(' ');
    } else if (u < 0x20 || u == 0x7F) {
      out.append("\xEF\xBF\xBD");
    } else {
      out.push_back(c);
    }
  }
  return out;
}

}  // namespace kg::cli
