// Reading a file or standard input line by line in large blocks, without a copy per line.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"
#include "core/text.h"

namespace kg::stream {

class LineReader final {
 public:
  // Reads `fd` (not owned, not closed). `name` is for messages ("-" for stdin). Every byte read
  // is also fed to `hasher` when given, so the caller gets the ContentHash of the whole input.
  // `initial` holds bytes already read from `fd` (to look at the start): they come first.
  LineReader(int fd, std::string name, ContentHasher* hasher = nullptr, std::string initial = {});

  // The next line, without its '\n' (a final line without one counts too). The view is valid
  // until the next call. Returns false at the end of the input or on error (see status()).
  bool Next(std::string_view* line);

  // The lines that are whole in the buffer now, at most `max` (reading more only when there is
  // not one): every view stays valid until the next call of Next or NextBatch, so a caller can
  // work on many lines at once. Their numbers are line_number() - lines->size() + 1 onwards.
  // Returns false at the end of the input or on error.
  bool NextBatch(std::vector<std::string_view>* lines, size_t max);

  // Number of the line last returned, from 1.
  uint64_t line_number() const { return line_number_; }
  const std::string& name() const { return name_; }
  // IOError when reading failed; InvalidArgument when a line is longer than kMaxLine.
  const Status& status() const { return status_; }

  // Lines are documents at most this long: longer ones are an input error, not a reason to run
  // out of memory.
  static constexpr size_t kMaxLine = 256u << 20;

 private:
  bool Fill();  // reads more; false at the end or on error

  int fd_;
  std::string name_;
  ContentHasher* hasher_;
  std::string buf_;
  size_t begin_ = 0;  // the unread bytes are buf_[begin_, end_)
  size_t end_ = 0;
  size_t scanned_ = 0;  // bytes after begin_ already known to hold no '\n'
  bool eof_ = false;
  uint64_t line_number_ = 0;
  Status status_;
};

// Reads all of `fd` into `out` (after what `out` holds), at most `limit` bytes in all
// (InvalidArgument beyond).
Status ReadAll(int fd, const std::string& name, size_t limit, std::string* out);

// Reads from `fd` into `out` until it holds a byte that is not whitespace or the input ends:
// enough to tell JSON lines ('{') from other text. Returns that byte, or 0 at the end.
Status PeekFirstByte(int fd, const std::string& name, std::string* out, char* first);

}  // namespace kg::stream
