// Internal to graph/: the RocksDB handles behind a Store, the options every column family is
// opened (and every bulk-loaded table file written) with, and the counters of `kg stats`.
// Not part of the library's interface.
#pragma once

#include <rocksdb/db.h>
#include <rocksdb/options.h>

#include <array>
#include <filesystem>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"
#include "graph/keys.h"
#include "graph/store.h"

namespace kg::graph {

// Column families, in the order of kColumnFamilies.
enum Cf : size_t {
  kDefault = 0,
  kTerms,
  kEntities,
  kAliases,
  kOut,
  kIn,
  kProvenance,
  kDocuments,
};
static_assert(kDocuments + 1 == kColumnFamilyCount);

inline constexpr std::string_view kSchemaKey = "schema";
inline constexpr std::string_view kNextEntityKey = "next_entity";
inline constexpr std::string_view kNextRelationKey = "next_relation";

// The counters of `kg stats`, kept under "count/..." keys of the default column family.
enum class Counter : size_t {
  kDocuments = 0,
  kSentences,
  kTriples,
  kEdges,
  kEntities,
  kFirstType,  // kFirstType + EntityType: entities of that type
};
inline constexpr size_t kCounterCount =
    static_cast<size_t>(Counter::kFirstType) + static_cast<size_t>(kMaxEntityType) + 1;
inline Counter TypeCounter(EntityType t) {
  return static_cast<Counter>(static_cast<size_t>(Counter::kFirstType) + static_cast<size_t>(t));
}
std::string CounterKey(Counter c);

// Counter changes gathered while writing, applied once at commit.
using CounterDeltas = std::array<int64_t, kCounterCount>;

// The undo record of a document lists its facts only if it has at most this many (keys.h); a
// larger document's facts are found, when it is taken out, by a scan of the provenance for its
// doc id: its undo record would otherwise repeat every provenance key (a third of the store).
inline constexpr size_t kUndoListedFacts = 1u << 16;
// Entity uses per undo piece: a document naming more entities gets a record in pieces.
inline constexpr size_t kUndoPieceEntities = 1u << 14;

Status FromRocks(const rocksdb::Status& s, std::string_view context);

// The smallest key greater than every key that starts with `prefix`; empty if there is none.
std::string PrefixEnd(std::string prefix);

// Options shared by the whole database (write opens; read-only opens adjust a few).
rocksdb::DBOptions DatabaseOptions(bool read_only);
// The options of one column family: its table format, filters, prefix extractor, compression.
// Bulk-loaded table files are written with the same ones.
rocksdb::ColumnFamilyOptions ColumnFamilyOptionsFor(Cf cf);
// True when a scan of keys starting with `prefix` in `cf` may use the prefix filters (the
// prefix is exactly one prefix of the column family's extractor); otherwise scans must read in
// total order.
bool PrefixScanUsesFilter(Cf cf, std::string_view prefix);

struct detail::StoreImpl {
  std::filesystem::path dir;
  bool read_only = false;
  std::unique_ptr<rocksdb::DB> db;
  std::vector<rocksdb::ColumnFamilyHandle*> handles;

  ~StoreImpl();

  rocksdb::ColumnFamilyHandle* cf(Cf c) const { return handles[c]; }

  Status Get(Cf c, std::string_view key, std::string* value, bool* found) const;
  // Calls fn(key, value) for each key starting with `prefix` until fn returns false.
  Status Scan(Cf c, std::string_view prefix,
              const std::function<bool(std::string_view, std::string_view)>& fn) const;
  Status ReadCounter(std::string_view key, int64_t* value) const;
  // True when no column family but the default one holds a key: a store nothing was loaded into.
  Status IsEmpty(bool* empty) const;
  // Writes the memtables to table files when they hold more than `threshold` bytes: otherwise
  // every later process that opens the store replays the write-ahead log first (a cold query
  // after a large batched load would take a tenth of a second more).
  Status FlushIfLarger(uint64_t threshold);
};

}  // namespace kg::graph
