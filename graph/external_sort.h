// Internal to graph/: sorting more key-value records than memory should hold. Records are kept
// in a buffer up to a budget, then sorted and written to a run file; at the end the runs are
// merged. Table files must be written in key order; this is how a bulk load gets there in
// bounded memory.
#pragma once

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>
#include <thread>
#include <type_traits>
#include <vector>

#include "core/status.h"

namespace kg::graph {

class ExternalSorter final {
 public:
  // Run files go to `dir` (which must exist) as `name`-N.run; they are removed by the sorter.
  ExternalSorter(std::filesystem::path dir, std::string name, size_t memory_budget);
  ~ExternalSorter();
  ExternalSorter(const ExternalSorter&) = delete;
  ExternalSorter& operator=(const ExternalSorter&) = delete;

  Status Add(std::string_view key, std::string_view value);

  // No more Add(); prepares reading in key order. Records with equal keys come out adjacent, in
  // no particular order.
  Status Finish();
  // The next record in key order; false at the end or on error (see status()). The views are
  // valid until the next call.
  bool Next(std::string_view* key, std::string_view* value);
  const Status& status() const { return status_; }

  uint64_t records() const { return records_; }
  uint64_t bytes() const { return bytes_; }  // keys and values added
  size_t runs() const { return runs_.size(); }

 private:
  struct Entry {
    uint64_t prefix;  // the key's first 8 bytes, big-endian: most comparisons end here
    uint32_t offset;  // of the key in buffer_; the value follows it
    uint32_t key_size;
    uint32_t value_size;
  };
  class Run;

  Status Spill();
  void SortBuffer();
  std::string_view KeyOf(const Entry& e) const {
    return std::string_view(buffer_.data() + e.offset, e.key_size);
  }
  std::string_view ValueOf(const Entry& e) const {
    return std::string_view(buffer_.data() + e.offset + e.key_size, e.value_size);
  }
  bool Less(size_t a, size_t b) const;  // runs_ a and b by current key (heap order)

  std::filesystem::path dir_;
  std::string name_;
  size_t budget_;
  std::string buffer_;
  std::vector<Entry> entries_;
  std::vector<std::unique_ptr<Run>> runs_;
  std::vector<size_t> heap_;  // indexes of runs_ that have a current record
  size_t next_entry_ = 0;     // reading from memory when there are no runs
  bool finished_ = false;
  bool started_ = false;
  uint64_t records_ = 0;
  uint64_t bytes_ = 0;
  Status status_;
};

}  // namespace kg::graph

namespace kg::graph {

// The same for records of fixed size, compared as values: no per-record encoding, no byte-wise
// comparison. `Record` must be trivially copyable; `Less` a strict weak order on it. A full
// buffer is sorted and written on a thread of its own while the next one fills (each buffer is
// half the budget).
template <class Record, class Less>
class FixedSorter final {
  static_assert(std::is_trivially_copyable_v<Record>);

 public:
  FixedSorter(std::filesystem::path dir, std::string name, size_t memory_budget)
      : dir_(std::move(dir)),
        name_(std::move(name)),
        capacity_(std::max<size_t>(1, memory_budget / 2 / sizeof(Record))) {}
  ~FixedSorter() {
    if (spiller_.joinable()) spiller_.join();
    for (auto& run : runs_) {
      if (run.file) std::fclose(run.file);
      std::error_code ec;
      std::filesystem::remove(run.path, ec);
    }
  }
  FixedSorter(const FixedSorter&) = delete;
  FixedSorter& operator=(const FixedSorter&) = delete;

  Status Add(const Record& r) {
    if (buffer_.size() == capacity_) KG_RETURN_IF_ERROR(Spill());
    // Reserved at once: growing by doubling would copy and overshoot the budget. The pages are
    // only touched as records arrive.
    if (buffer_.capacity() == 0) buffer_.reserve(capacity_);
    buffer_.push_back(r);
    ++records_;
    return Status::Ok();
  }

  Status Finish() {
    if (!runs_.empty() && !buffer_.empty()) KG_RETURN_IF_ERROR(Spill());
    KG_RETURN_IF_ERROR(Wait());
    if (runs_.empty()) {
      std::sort(buffer_.begin(), buffer_.end(), Less());
      return Status::Ok();
    }
    buffer_ = std::vector<Record>();
    spilling_ = std::vector<Record>();
    for (size_t i = 0; i < runs_.size(); ++i) {
      Run& run = runs_[i];
      if (std::fseek(run.file, 0, SEEK_SET) != 0) return Status::IOError("rewinding a run");
      run.block.resize(kBlockRecords);
      if (Refill(&run)) heap_.push_back(i);
    }
    std::make_heap(heap_.begin(), heap_.end(), Greater{this});
    return status_;
  }

  // The next record in order, valid until the next call; false at the end or on error.
  bool Next(const Record** r) {
    if (runs_.empty()) {
      if (next_ == buffer_.size()) return false;
      *r = &buffer_[next_++];
      return true;
    }
    if (started_ && !heap_.empty()) {  // the run returned last time moves on
      std::pop_heap(heap_.begin(), heap_.end(), Greater{this});
      Run& run = runs_[heap_.back()];
      if (++run.pos < run.len || Refill(&run)) {
        std::push_heap(heap_.begin(), heap_.end(), Greater{this});
      } else {
        heap_.pop_back();
      }
    }
    started_ = true;
    if (heap_.empty() || !status_.ok()) return false;
    const Run& top = runs_[heap_.front()];
    *r = &top.block[top.pos];
    return true;
  }

  const Status& status() const { return status_; }
  uint64_t records() const { return records_; }
  size_t runs() const { return runs_.size(); }

 private:
  static constexpr size_t kBlockRecords = 1u << 14;
  struct Run {
    std::filesystem::path path;
    std::FILE* file = nullptr;
    std::vector<Record> block;
    size_t pos = 0, len = 0;
  };
  struct Greater {  // heap order: the smallest current record on top
    const FixedSorter* s;
    bool operator()(size_t a, size_t b) const {
      const Run &x = s->runs_[a], &y = s->runs_[b];
      return Less()(y.block[y.pos], x.block[x.pos]);
    }
  };

  // Hands the full buffer to the spilling thread (after the previous spill is done) and goes
  // on with the other buffer.
  Status Spill() {
    KG_RETURN_IF_ERROR(Wait());
    Run run;
    run.path = dir_ / (name_ + "-" + std::to_string(runs_.size()) + ".run");
    run.file = std::fopen(run.path.c_str(), "w+b");
    if (run.file == nullptr) {
      return status_ = Status::IOError("cannot create " + run.path.string());
    }
    runs_.push_back(std::move(run));
    std::FILE* f = runs_.back().file;
    spilling_.swap(buffer_);
    buffer_.clear();
    spiller_ = std::thread([this, f] {
      std::sort(spilling_.begin(), spilling_.end(), Less());
      if (std::fwrite(spilling_.data(), sizeof(Record), spilling_.size(), f) !=
              spilling_.size() ||
          std::fflush(f) != 0) {
        spill_status_ = Status::IOError("writing a sort run failed (disk full?)");
      }
    });
    return Status::Ok();
  }

  Status Wait() {
    if (spiller_.joinable()) spiller_.join();
    if (!spill_status_.ok() && status_.ok()) status_ = spill_status_;
    return status_;
  }

  bool Refill(Run* run) {
    run->pos = 0;
    run->len = std::fread(run->block.data(), sizeof(Record), run->block.size(), run->file);
    if (run->len == 0 && std::ferror(run->file)) status_ = Status::IOError("reading a sort run");
    return run->len > 0;
  }

  std::filesystem::path dir_;
  std::string name_;
  size_t capacity_;  // records per buffer
  std::vector<Record> buffer_;    // filling
  std::vector<Record> spilling_;  // being sorted and written by spiller_
  std::thread spiller_;
  Status spill_status_;
  std::vector<Run> runs_;
  std::vector<size_t> heap_;
  size_t next_ = 0;
  bool started_ = false;
  uint64_t records_ = 0;
  Status status_;
};

}  // namespace kg::graph
