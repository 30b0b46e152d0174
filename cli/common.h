// What every command shares: global options, opening the store, turning a Status into a message
// and an exit code.
#pragma once

#include <memory>
#include <string>
#include <string_view>

#include "core/status.h"
#include "graph/store.h"

namespace kg::cli {

// Exit codes of the contract (docs/contract.md).
inline constexpr int kExitOk = 0;
inline constexpr int kExitNothingFound = 1;
inline constexpr int kExitBadInput = 2;
inline constexpr int kExitStorage = 3;
inline constexpr int kExitInterrupted = 130;

struct Globals {
  std::string db;  // --db, else $KG_DB, else ./kg.db
  int verbose = 0;
  bool quiet = false;
};

// NotFound -> 1; InvalidArgument -> 2; storage, model and I/O errors -> 3.
int ExitCodeFor(const Status& status);

// Prints "kg: error: MESSAGE" on stderr and returns ExitCodeFor(status).
int Fail(const Status& status);

// Opens the store named by the globals; read-only for queries.
Status OpenStore(const Globals& globals, bool read_only, std::unique_ptr<graph::Store>* store);

// True when the stream is a terminal: progress bars and colour only then.
bool IsTerminal(int fd);

// `text` safe to print as one line of text output: tabs and line breaks become spaces, other
// control characters (a terminal escape sequence in a scraped name) become U+FFFD.
std::string Printable(std::string_view text);

}  // namespace kg::cli
