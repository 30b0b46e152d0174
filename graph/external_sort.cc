#include "graph/external_sort.h"

#include <algorithm>
#include <cerrno>
#include <cstring>

namespace kg::graph {
namespace {

uint64_t PrefixOf(std::string_view key) {
  uint64_t p = 0;
  const size_t n = std::min<size_t>(8, key.size());
  for (size_t i = 0; i < n; ++i) p |= uint64_t{static_cast<unsigned char>(key[i])} << (56 - 8 * i);
  return p;
}

void PutVarint32(std::string* out, uint32_t v) {
  while (v >= 0x80) {
    out->push_back(static_cast<char>((v & 0x7F) | 0x80));
    v >>= 7;
  }
  out->push_back(static_cast<char>(v));
}

// Decodes a varint from [*p, end); false when it does not end there.
bool GetVarint32(const char** p, const char* end, uint32_t* v) {
  uint32_t result = 0;
  for (int shift = 0; shift <= 28 && *p < end; shift += 7) {
    const auto byte = static_cast<unsigned char>(**p);
    ++*p;
    result |= static_cast<uint32_t>(byte & 0x7F) << shift;
    if ((byte & 0x80) == 0) {
      *v = result;
      return true;
    }
  }
  return false;
}

constexpr size_t kIoBlock = 1u << 20;

}  // namespace

// One sorted run on disk, read back in blocks: records are varint(key size) varint(value size)
// key value.
class ExternalSorter::Run final {
 public:
  Run(std::filesystem::path path, std::FILE* file) : path_(std::move(path)), file_(file) {}
  ~Run() {
    if (file_) std::fclose(file_);
    std::error_code ec;
    std::filesystem::remove(path_, ec);
  }

  // Moves to the next record; false at the end or on error.
  bool Advance(Status* status) {
    for (;;) {
      const char* p = buf_.data() + pos_;
      const char* end = buf_.data() + len_;
      uint32_t ks, vs;
      if (GetVarint32(&p, end, &ks) && GetVarint32(&p, end, &vs) &&
          static_cast<size_t>(end - p) >= static_cast<size_t>(ks) + vs) {
        key_ = std::string_view(p, ks);
        value_ = std::string_view(p + ks, vs);
        pos_ = static_cast<size_t>(p - buf_.data()) + ks + vs;
        return true;
      }
      // The record is incomplete in the buffer: keep its start, read more.
      if (eof_) {
        if (pos_ != len_) *status = Status::Corruption("a sort run file is truncated");
        return false;
      }
      std::memmove(buf_.data(), buf_.data() + pos_, len_ - pos_);
      len_ -= pos_;
      pos_ = 0;
      if (buf_.size() - len_ < kIoBlock) buf_.resize(std::max(buf_.size() * 2, len_ + kIoBlock));
      const size_t got = std::fread(buf_.data() + len_, 1, buf_.size() - len_, file_);
      if (got == 0) {
        if (std::ferror(file_)) {
          *status = Status::IOError("reading a sort run file: " + std::string(strerror(errno)));
          return false;
        }
        eof_ = true;
      }
      len_ += got;
    }
  }

  bool Rewind() {
    pos_ = len_ = 0;
    eof_ = false;
    buf_.resize(kIoBlock);
    return std::fseek(file_, 0, SEEK_SET) == 0;
  }

  std::string_view key() const { return key_; }
  std::string_view value() const { return value_; }

 private:
  std::filesystem::path path_;
  std::FILE* file_;
  std::string buf_;
  size_t pos_ = 0, len_ = 0;
  bool eof_ = false;
  std::string_view key_, value_;
};

ExternalSorter::ExternalSorter(std::filesystem::path dir, std::string name, size_t memory_budget)
    : dir_(std::move(dir)), name_(std::move(name)), budget_(memory_budget) {}

ExternalSorter::~ExternalSorter() = default;

Status ExternalSorter::Add(std::string_view key, std::string_view value) {
  if (!status_.ok()) return status_;
  const size_t size = key.size() + value.size();
  if (size > UINT32_MAX / 2) return Status::InvalidArgument("a record too large to sort");
  // Entries cost memory too: count them against the budget.
  if (!entries_.empty() &&
      buffer_.size() + size + (entries_.size() + 1) * sizeof(Entry) > budget_) {
    KG_RETURN_IF_ERROR(Spill());
  }
  if (buffer_.capacity() == 0) {
    // Reserved once (pages are touched only as records arrive): growth by doubling would copy
    // and could take twice the budget.
    buffer_.reserve(budget_);
    entries_.reserve(budget_ / (sizeof(Entry) + 8));
  }
  Entry e;
  e.prefix = PrefixOf(key);
  e.offset = static_cast<uint32_t>(buffer_.size());
  e.key_size = static_cast<uint32_t>(key.size());
  e.value_size = static_cast<uint32_t>(value.size());
  buffer_.append(key);
  buffer_.append(value);
  entries_.push_back(e);
  ++records_;
  bytes_ += size;
  return Status::Ok();
}

void ExternalSorter::SortBuffer() {
  std::sort(entries_.begin(), entries_.end(), [this](const Entry& a, const Entry& b) {
    if (a.prefix != b.prefix) return a.prefix < b.prefix;
    return KeyOf(a) < KeyOf(b);
  });
}

Status ExternalSorter::Spill() {
  SortBuffer();
  const auto path = dir_ / (name_ + "-" + std::to_string(runs_.size()) + ".run");
  std::FILE* f = std::fopen(path.c_str(), "w+b");
  if (f == nullptr) {
    return status_ = Status::IOError("cannot create " + path.string() + ": " + strerror(errno));
  }
  runs_.push_back(std::make_unique<Run>(path, f));
  std::string out;
  out.reserve(kIoBlock + 64);
  for (const Entry& e : entries_) {
    PutVarint32(&out, e.key_size);
    PutVarint32(&out, e.value_size);
    out.append(buffer_.data() + e.offset, e.key_size + e.value_size);
    if (out.size() >= kIoBlock) {
      if (std::fwrite(out.data(), 1, out.size(), f) != out.size()) break;
      out.clear();
    }
  }
  if (std::fwrite(out.data(), 1, out.size(), f) != out.size() || std::fflush(f) != 0) {
    return status_ = Status::IOError("writing " + path.string() + " failed (disk full?)");
  }
  buffer_.clear();
  entries_.clear();
  return Status::Ok();
}

bool ExternalSorter::Less(size_t a, size_t b) const { return runs_[a]->key() < runs_[b]->key(); }

Status ExternalSorter::Finish() {
  if (!status_.ok()) return status_;
  finished_ = true;
  if (runs_.empty()) {
    SortBuffer();
    return Status::Ok();
  }
  if (!entries_.empty()) KG_RETURN_IF_ERROR(Spill());
  buffer_ = std::string();  // give the memory back before the merge
  entries_ = std::vector<Entry>();
  for (size_t i = 0; i < runs_.size(); ++i) {
    if (!runs_[i]->Rewind()) return status_ = Status::IOError("rewinding a sort run file");
    if (runs_[i]->Advance(&status_)) heap_.push_back(i);
    if (!status_.ok()) return status_;
  }
  // A min-heap by current key: std heap functions build max-heaps, so compare reversed.
  std::make_heap(heap_.begin(), heap_.end(), [this](size_t a, size_t b) { return Less(b, a); });
  return Status::Ok();
}

bool ExternalSorter::Next(std::string_view* key, std::string_view* value) {
  if (!finished_ || !status_.ok()) return false;
  if (runs_.empty()) {
    if (next_entry_ >= entries_.size()) return false;
    *key = KeyOf(entries_[next_entry_]);
    *value = ValueOf(entries_[next_entry_]);
    ++next_entry_;
    return true;
  }
  const auto greater = [this](size_t a, size_t b) { return Less(b, a); };
  // The run returned last time moves on now, so that its views stayed valid until this call.
  if (started_ && !heap_.empty()) {
    std::pop_heap(heap_.begin(), heap_.end(), greater);
    if (runs_[heap_.back()]->Advance(&status_)) {
      std::push_heap(heap_.begin(), heap_.end(), greater);
    } else {
      heap_.pop_back();
      if (!status_.ok()) return false;
    }
  }
  started_ = true;
  if (heap_.empty()) return false;
  *key = runs_[heap_.front()]->key();
  *value = runs_[heap_.front()]->value();
  return true;
}

}  // namespace kg::graph
