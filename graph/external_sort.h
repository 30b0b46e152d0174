// Internal to graph/: sorting more key-value records than memory should hold. Records are kept
// in a buffer up to a budget, then sorted and written to a run file; at the end the runs are
// merged. Table files must be written in key order; this is how a bulk load gets there in
// bounded memory.
#pragma once

#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>
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
