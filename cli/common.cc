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

}  // namespace kg::cli
