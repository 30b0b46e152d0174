#include "stream/line_reader.h"

#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

namespace kg::stream {
namespace {

constexpr size_t kBlock = 1u << 20;

// read(2), retried on EINTR. Returns bytes read, 0 at the end, -1 on error.
ssize_t ReadSome(int fd, char* p, size_t n) {
  for (;;) {
    const ssize_t r = ::read(fd, p, n);
    if (r >= 0 || errno != EINTR) return r;
  }
}

}  // namespace

LineReader::LineReader(int fd, std::string name, ContentHasher* hasher, std::string initial)
    : fd_(fd), name_(std::move(name)), hasher_(hasher) {
  if (hasher_ && !initial.empty()) hasher_->Update(initial);
  end_ = initial.size();
  buf_ = std::move(initial);
  buf_.resize(std::max(kBlock, end_ * 2));
}

bool LineReader::Fill() {
  if (eof_ || !status_.ok()) return false;
  if (begin_ > 0) {  // move the partial line to the front
    std::memmove(buf_.data(), buf_.data() + begin_, end_ - begin_);
    end_ -= begin_;
    begin_ = 0;
  }
  if (end_ == buf_.size()) {
    if (buf_.size() >= kMaxLine) {
      status_ =
          Status::InvalidArgument(name_ + ":" + std::to_string(line_number_ + 1) +
                                  ": line longer than " + std::to_string(kMaxLine >> 20) + " MB");
      return false;
    }
    buf_.resize(std::min(buf_.size() * 2, kMaxLine));
  }
  const ssize_t r = ReadSome(fd_, buf_.data() + end_, buf_.size() - end_);
  if (r < 0) {
    status_ = Status::IOError(name_ + ": read error: " + std::strerror(errno));
    return false;
  }
  if (r == 0) {
    eof_ = true;
    return false;
  }
  if (hasher_) hasher_->Update(std::string_view(buf_.data() + end_, static_cast<size_t>(r)));
  end_ += static_cast<size_t>(r);
  return true;
}

bool LineReader::Next(std::string_view* line) {
  for (;;) {
    const char* start = buf_.data() + begin_;
    const void* nl = std::memchr(start + scanned_, '\n', end_ - begin_ - scanned_);
    if (nl != nullptr) {
      const size_t len = static_cast<const char*>(nl) - start;
      *line = std::string_view(start, len);
      begin_ += len + 1;
      scanned_ = 0;
      ++line_number_;
      return true;
    }
    scanned_ = end_ - begin_;
    if (!Fill()) {
      if (!status_.ok() || begin_ == end_) return false;
      // The last line has no '\n'.
      *line = std::string_view(buf_.data() + begin_, end_ - begin_);
      begin_ = end_;
      scanned_ = 0;
      ++line_number_;
      return true;
    }
  }
}

bool LineReader::NextBatch(std::vector<std::string_view>* lines, size_t max) {
  lines->clear();
  std::string_view line;
  if (!Next(&line)) return false;  // reads more if no line is whole yet
  lines->push_back(line);
  // The rest of the whole lines already in the buffer: no read, so no view moves.
  while (lines->size() < max) {
    const char* start = buf_.data() + begin_;
    const void* nl = std::memchr(start, '\n', end_ - begin_);
    if (nl == nullptr) break;
    const size_t len = static_cast<const char*>(nl) - start;
    lines->emplace_back(start, len);
    begin_ += len + 1;
    scanned_ = 0;
    ++line_number_;
  }
  return true;
}

Status ReadAll(int fd, const std::string& name, size_t limit, std::string* out) {
  for (;;) {
    const size_t used = out->size();
    if (used > limit) {
      return Status::InvalidArgument(name + ": more than " + std::to_string(limit >> 20) +
                                     " MB: too large for one document");
    }
    out->resize(used + kBlock);
    const ssize_t r = ReadSome(fd, out->data() + used, kBlock);
    if (r < 0) {
      out->resize(used);
      return Status::IOError(name + ": read error: " + std::strerror(errno));
    }
    out->resize(used + static_cast<size_t>(r));
    if (r == 0) return Status::Ok();
  }
}

}  // namespace kg::stream

namespace kg::stream {

Status PeekFirstByte(int fd, const std::string& name, std::string* out, char* first) {
  size_t checked = 0;
  for (;;) {
    const size_t at = out->find_first_not_of(" \t\r\n\f\v", checked);
    if (at != std::string::npos) {
      *first = (*out)[at];
      return Status::Ok();
    }
    checked = out->size();
    const size_t used = out->size();
    out->resize(used + 4096);
    const ssize_t r = ReadSome(fd, out->data() + used, 4096);
    out->resize(used + static_cast<size_t>(std::max<ssize_t>(r, 0)));
    if (r < 0) return Status::IOError(name + ": read error: " + std::strerror(errno));
    if (r == 0) {
      *first = 0;
      return Status::Ok();
    }
  }
}

}  // namespace kg::stream
