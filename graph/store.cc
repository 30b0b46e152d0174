#include "graph/store.h"

#include <rocksdb/db.h>
#include <rocksdb/env.h>
#include <rocksdb/filter_policy.h>
#include <rocksdb/options.h>
#include <rocksdb/slice_transform.h>
#include <rocksdb/table.h>

#include <signal.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstdlib>
#include <cstring>
#include <optional>
#include <system_error>
#include <thread>

#include "core/text.h"
#include "graph/batch.h"
#include "graph/store_impl.h"

namespace kg::graph {

namespace fs = std::filesystem;

std::string CounterKey(Counter c) {
  static constexpr std::string_view kNames[] = {"documents", "sentences", "triples", "edges",
                                                "entities"};
  const auto i = static_cast<size_t>(c);
  if (i < static_cast<size_t>(Counter::kFirstType)) return "count/" + std::string(kNames[i]);
  const auto type = static_cast<EntityType>(i - static_cast<size_t>(Counter::kFirstType));
  return "count/entities/" + std::string(EntityTypeName(type));
}

Status FromRocks(const rocksdb::Status& s, std::string_view context) {
  if (s.ok()) return Status::Ok();
  std::string msg = std::string(context) + ": " + s.ToString();
  if (s.IsNotFound()) return Status::NotFound(msg);
  if (s.IsCorruption()) return Status::Corruption(msg);
  if (s.IsNotSupported()) return Status::NotSupported(msg);
  if (s.IsInvalidArgument()) return Status::InvalidArgument(msg);
  if (s.IsBusy() || s.IsTimedOut()) return Status::Busy(msg);
  return Status::IOError(msg);
}

std::string PrefixEnd(std::string prefix) {
  while (!prefix.empty()) {
    auto& last = reinterpret_cast<unsigned char&>(prefix.back());
    if (last != 0xFF) {
      ++last;
      return prefix;
    }
    prefix.pop_back();
  }
  return prefix;
}

namespace {

// The prefix of an alias key that its scans share: 'n' name_key 0x00 (every entity with that
// name key) or 'a' entity_id (every surface form of that entity).
class AliasPrefix final : public rocksdb::SliceTransform {
 public:
  const char* Name() const override { return "kg.AliasPrefix"; }
  rocksdb::Slice Transform(const rocksdb::Slice& key) const override {
    if (key[0] == 'a') return rocksdb::Slice(key.data(), 9);
    const void* nul = std::memchr(key.data() + 1, 0, key.size() - 1);
    return rocksdb::Slice(key.data(), static_cast<const char*>(nul) - key.data() + 1);
  }
  bool InDomain(const rocksdb::Slice& key) const override {
    if (key.empty()) return false;
    if (key[0] == 'a') return key.size() >= 9;
    return key[0] == 'n' && key.size() > 1 && std::memchr(key.data() + 1, 0, key.size() - 1);
  }
};

const std::shared_ptr<const rocksdb::SliceTransform>& PrefixExtractor(Cf cf) {
  static const std::shared_ptr<const rocksdb::SliceTransform> kEntity(
      rocksdb::NewFixedPrefixTransform(8));
  static const std::shared_ptr<const rocksdb::SliceTransform> kAlias(new AliasPrefix());
  static const std::shared_ptr<const rocksdb::SliceTransform> kNone;
  switch (cf) {
    case kOut:
    case kIn:
      return kEntity;
    case kAliases:
      return kAlias;
    default:
      return kNone;
  }
}

// The default environment, except that opening a database starts none of RocksDB's flush and
// compaction threads: a read-only store never flushes nor compacts, and starting the two threads
// it asked for was a tenth of the CPU time of a cold `kg neighbours`.
class NoBackgroundThreadsEnv : public rocksdb::EnvWrapper {
 public:
  using rocksdb::EnvWrapper::EnvWrapper;
  static const char* kClassName() { return "NoBackgroundThreadsEnv"; }
  const char* Name() const override { return kClassName(); }
  void IncBackgroundThreadsIfNeeded(int, Priority) override {}
};

}  // namespace

bool PrefixScanUsesFilter(Cf cf, std::string_view prefix) {
  const auto& extractor = PrefixExtractor(cf);
  if (!extractor) return false;
  const rocksdb::Slice p(prefix.data(), prefix.size());
  return extractor->InDomain(p) && extractor->Transform(p).size() == prefix.size();
}

rocksdb::DBOptions DatabaseOptions(bool read_only) {
  rocksdb::DBOptions o;
  o.keep_log_file_num = 2;
  o.max_log_file_size = 1 << 20;
  o.info_log_level = rocksdb::InfoLogLevel::WARN_LEVEL;
  o.max_background_jobs = 2;
  // Opening reads no more than it must: no statistics pass over every table file, no size
  // check of every file. A query touches a few files; those are opened when first read.
  o.skip_stats_update_on_db_open = true;
  o.skip_checking_sst_file_sizes_on_db_open = true;
  if (read_only) {
    // A query opens few files: open them on this thread when first read. Starting RocksDB's
    // 16 file-opening threads per column family, and its statistics timer, took most of the
    // time of a cold `kg neighbours`.
    o.max_open_files = 256;
    o.max_file_opening_threads = 1;
    static rocksdb::Env* const kNoThreads =  // never deleted: stores may close at exit
        new NoBackgroundThreadsEnv(rocksdb::Env::Default());
    o.env = kNoThreads;
    o.stats_dump_period_sec = 0;
    o.stats_persist_period_sec = 0;
    o.max_background_jobs = 1;
  }
  return o;
}

rocksdb::ColumnFamilyOptions ColumnFamilyOptionsFor(Cf cf) {
  rocksdb::ColumnFamilyOptions o;
  o.compression = rocksdb::kLZ4Compression;
  o.bottommost_compression = rocksdb::kZSTD;
  rocksdb::BlockBasedTableOptions table;
  // Index and filter blocks are read when a query first needs them, through the block cache,
  // not all at open: a cold `kg neighbours` reads a handful of blocks of a few files.
  table.cache_index_and_filter_blocks = true;
  table.pin_top_level_index_and_filter = true;
  table.index_type = rocksdb::BlockBasedTableOptions::kTwoLevelIndexSearch;
  table.partition_filters = true;
  // One cache for every column family (and every store of the process): 32 MB in all.
  static const std::shared_ptr<rocksdb::Cache> kCache = rocksdb::NewLRUCache(32 << 20);
  table.block_cache = kCache;
  o.prefix_extractor = PrefixExtractor(cf);
  switch (cf) {
    case kOut:
    case kIn:
    case kAliases:
      // Read by prefix scans only: a filter of whole keys would never be asked. A prefix
      // filter answers "no such entity / name" without reading a block.
      table.filter_policy.reset(rocksdb::NewBloomFilterPolicy(10));
      table.whole_key_filtering = false;
      break;
    case kProvenance:
      // Scanned only for triples the "out" index has: a filter would always say yes.
      break;
    case kTerms:
    case kDocuments:
      // Point lookups that often miss (is this document stored? this relation?).
      table.filter_policy.reset(rocksdb::NewBloomFilterPolicy(10));
      break;
    case kEntities:
    case kDefault:
      break;  // every lookup finds its key: a filter would only cost space
  }
  if (cf == kProvenance || cf == kDocuments) table.block_size = 16 << 10;
  // Index blocks are stored as they are: a cold query reads the top-level index of every table
  // file when the store opens, and an index partition per lookup. Decompressing them was 8% of
  // the instructions of a cold `kg neighbours` on 10M triples; they add 0.3% to the store.
  table.enable_index_compression = false;
  o.table_factory.reset(rocksdb::NewBlockBasedTableFactory(table));
  return o;
}

namespace {

// Why RocksDB would not open the store at `shown`, for the user.
Status OpenFailure(const rocksdb::Status& s, const std::string& shown) {
  const std::string text = s.ToString();
  // RocksDB's lock file, held by the process that writes ("While lock file: DIR/LOCK: ...").
  if (s.IsIOError() && text.find("/LOCK") != std::string::npos) {
    return Status::Busy("the store " + shown +
                        " is in use by another kg process; wait for it to finish");
  }
  // A damaged or missing file of the store itself (MANIFEST, CURRENT, a table file).
  if (s.IsCorruption() || s.IsPathNotFound()) {
    return Status::Corruption("the store " + shown + " is damaged (" + text +
                              "); restore it from a backup or ingest again into a new store");
  }
  return FromRocks(s, "opening " + shown);
}

// Creates an empty store, schema version included, at `dir` (absent, or an empty directory). It
// is built in a hidden sibling directory and renamed into place: a process killed while creating
// leaves no store or a whole one, never a half-made directory that later opens would refuse as
// "not a kg store". Leftovers of creators that died are removed.
Status CreateStore(const fs::path& dir) {
  const fs::path target = dir.lexically_normal();
  const std::string name =
      target.has_filename() ? target.filename().string() : target.parent_path().filename().string();
  fs::path parent =
      target.has_filename() ? target.parent_path() : target.parent_path().parent_path();
  if (parent.empty()) parent = ".";
  std::error_code ec;
  fs::create_directories(parent, ec);
  const std::string prefix = "." + name + ".creating-";
  for (fs::directory_iterator it(parent, ec), end; !ec && it != end; it.increment(ec)) {
    const std::string entry = it->path().filename().string();
    if (!entry.starts_with(prefix)) continue;
    const long pid = std::strtol(entry.c_str() + prefix.size(), nullptr, 10);
    std::error_code ignored;
    if (pid > 0 && kill(static_cast<pid_t>(pid), 0) != 0 && errno == ESRCH) {
      fs::remove_all(it->path(), ignored);
    }
  }
  const fs::path tmp = parent / (prefix + std::to_string(getpid()));
  fs::remove_all(tmp, ec);
  {
    rocksdb::DBOptions options = DatabaseOptions(/*read_only=*/false);
    options.create_if_missing = true;
    options.create_missing_column_families = true;
    std::vector<rocksdb::ColumnFamilyDescriptor> descriptors;
    for (size_t c = 0; c < kColumnFamilyCount; ++c) {
      descriptors.emplace_back(kColumnFamilies[c], ColumnFamilyOptionsFor(static_cast<Cf>(c)));
    }
    std::vector<rocksdb::ColumnFamilyHandle*> handles;
    rocksdb::DB* raw = nullptr;
    rocksdb::Status s = rocksdb::DB::Open(options, tmp.string(), descriptors, &handles, &raw);
    if (!s.ok()) {
      fs::remove_all(tmp, ec);
      return FromRocks(s, "creating " + dir.string());
    }
    std::unique_ptr<rocksdb::DB> db(raw);
    std::string version;
    PutFixed32LE(&version, kSchemaVersion);
    rocksdb::WriteOptions wo;
    wo.sync = true;
    s = db->Put(wo, handles[0], kSchemaKey, version);
    for (auto* h : handles) db->DestroyColumnFamilyHandle(h);
    if (s.ok()) s = db->Close();
    if (!s.ok()) {
      db.reset();
      fs::remove_all(tmp, ec);
      return FromRocks(s, "creating " + dir.string());
    }
  }
  fs::rename(tmp, target, ec);
  if (ec) {
    std::error_code ignored;
    fs::remove_all(tmp, ignored);
    // Another process may have created the store meanwhile: then it is there to be opened.
    if (fs::exists(target / "CURRENT", ignored)) return Status::Ok();
    return Status::IOError("creating " + dir.string() + ": " + ec.message());
  }
  return Status::Ok();
}

}  // namespace

detail::StoreImpl::~StoreImpl() {
  if (!db) return;
  for (auto* h : handles) db->DestroyColumnFamilyHandle(h);
  db->Close();
}

Status detail::StoreImpl::Get(Cf c, std::string_view key, std::string* value, bool* found) const {
  rocksdb::PinnableSlice slice;
  rocksdb::Status s = db->Get(rocksdb::ReadOptions(), cf(c), key, &slice);
  if (s.IsNotFound()) {
    *found = false;
    return Status::Ok();
  }
  if (!s.ok()) return FromRocks(s, "reading the store");
  *found = true;
  value->assign(slice.data(), slice.size());
  return Status::Ok();
}

Status detail::StoreImpl::Scan(
    Cf c, std::string_view prefix,
    const std::function<bool(std::string_view, std::string_view)>& fn) const {
  rocksdb::ReadOptions ro;
  ro.total_order_seek = !PrefixScanUsesFilter(c, prefix);
  if (prefix.size() <= 1) {
    // A scan of a whole column family (or one kind of its keys): read ahead in large blocks,
    // and leave the cache to the lookups it would otherwise flush.
    ro.fill_cache = false;
    ro.readahead_size = 4u << 20;
  }
  const std::string end = PrefixEnd(std::string(prefix));
  rocksdb::Slice upper(end);
  if (!end.empty()) ro.iterate_upper_bound = &upper;
  std::unique_ptr<rocksdb::Iterator> it(db->NewIterator(ro, cf(c)));
  for (it->Seek(prefix); it->Valid(); it->Next()) {
    if (!fn(std::string_view(it->key().data(), it->key().size()),
            std::string_view(it->value().data(), it->value().size()))) {
      break;
    }
  }
  return FromRocks(it->status(), "scanning the store");
}

Status detail::StoreImpl::ReadCounter(std::string_view key, int64_t* value) const {
  std::string v;
  bool found;
  KG_RETURN_IF_ERROR(Get(kDefault, key, &v, &found));
  *value = 0;
  if (!found) return Status::Ok();
  if (v.size() != 8) return Status::Corruption("counter " + std::string(key) + " is damaged");
  *value = static_cast<int64_t>(GetFixed64LE(v.data()));
  return Status::Ok();
}

Status detail::StoreImpl::FlushIfLarger(uint64_t threshold) {
  uint64_t total = 0;
  for (auto* h : handles) {
    uint64_t size = 0;
    if (db->GetIntProperty(h, rocksdb::DB::Properties::kCurSizeAllMemTables, &size)) total += size;
  }
  if (total <= threshold) return Status::Ok();
  rocksdb::FlushOptions options;
  options.wait = true;
  return FromRocks(db->Flush(options, handles), "writing the store's memtables");
}

Status detail::StoreImpl::IsEmpty(bool* empty) const {
  *empty = true;
  for (size_t c = kTerms; c < kColumnFamilyCount && *empty; ++c) {
    rocksdb::ReadOptions ro;
    ro.total_order_seek = true;
    std::unique_ptr<rocksdb::Iterator> it(db->NewIterator(ro, handles[c]));
    it->SeekToFirst();
    if (it->Valid()) *empty = false;
    KG_RETURN_IF_ERROR(FromRocks(it->status(), "reading the store"));
  }
  return Status::Ok();
}

ExtractedSource::ExtractedSource(const ExtractedDocument& doc) : doc_(doc) {
  first_alias_.reserve(doc.entities.size() + 1);
  for (const Entity& e : doc.entities) {
    first_alias_.push_back(aliases_.size());
    aliases_.insert(aliases_.end(), e.aliases.begin(), e.aliases.end());
  }
  first_alias_.push_back(aliases_.size());
}

EntityView ExtractedSource::entity(size_t i) const {
  const Entity& e = doc_.entities[i];
  return EntityView{e.name, e.type, e.mentions,
                    std::span<const std::string_view>(aliases_.data() + first_alias_[i],
                                                      first_alias_[i + 1] - first_alias_[i])};
}

Status ExtractedSource::ForEachFact(const std::function<Status(const FactView&)>& fn) const {
  for (const Fact& f : doc_.facts) {
    KG_RETURN_IF_ERROR(fn(FactView{f.subject, f.object, f.relation, f.negated, f.confidence,
                                   f.sentence, f.span, f.attributed_to}));
  }
  return Status::Ok();
}

Store::Store(std::unique_ptr<detail::StoreImpl> impl) : impl_(std::move(impl)) {}
Store::~Store() = default;

const fs::path& Store::dir() const { return impl_->dir; }

namespace {

// Why a database that RocksDB would not open with kg's column families is not a kg store, if it
// is not: an error, or Ok when it does have them all. Only asked after a failed open, so that
// opening a store reads its MANIFEST once.
Status CheckColumnFamilies(const rocksdb::DBOptions& db_options, const std::string& shown) {
  std::vector<std::string> names;
  rocksdb::Status s = rocksdb::DB::ListColumnFamilies(db_options, shown, &names);
  if (!s.ok()) return OpenFailure(s, shown);
  for (const char* name : kColumnFamilies) {
    if (std::find(names.begin(), names.end(), name) != names.end()) continue;
    // A damaged MANIFEST lists what it can read, so a kg store can seem to lack families. Only
    // a database that opens cleanly without them belongs to another program.
    std::vector<rocksdb::ColumnFamilyDescriptor> listed;
    for (const auto& n : names) listed.emplace_back(n, rocksdb::ColumnFamilyOptions());
    std::vector<rocksdb::ColumnFamilyHandle*> handles;
    rocksdb::DB* probe = nullptr;
    s = rocksdb::DB::OpenForReadOnly(db_options, shown, listed, &handles, &probe);
    if (!s.ok()) return OpenFailure(s, shown);
    for (auto* h : handles) probe->DestroyColumnFamilyHandle(h);
    delete probe;
    return Status::InvalidArgument(shown + " is a RocksDB database but not a kg store");
  }
  return Status::Ok();
}

}  // namespace

Status Store::Open(const fs::path& dir, const OpenOptions& options,
                   std::unique_ptr<Store>* store) {
  std::error_code ec;
  const fs::file_status st = fs::status(dir, ec);
  const std::string shown = dir.string();
  bool exists = fs::exists(st);
  if (exists && !fs::is_directory(st)) {
    return Status::InvalidArgument(shown + " is a file, not a kg store (a directory)");
  }
  const bool has_db = exists && fs::exists(dir / "CURRENT", ec);
  if (exists && !has_db && !fs::is_empty(dir, ec)) {
    return Status::InvalidArgument(shown + " is not a kg store: it holds other files");
  }
  if (!has_db && (options.read_only || !options.create_if_missing)) {
    return Status::NotFound("no kg store at " + shown + " (run `kg ingest` to create one)");
  }
  if (!has_db) KG_RETURN_IF_ERROR(CreateStore(dir));

  rocksdb::DBOptions db_options = DatabaseOptions(options.read_only);
  std::vector<rocksdb::ColumnFamilyDescriptor> descriptors;
  for (size_t c = 0; c < kColumnFamilyCount; ++c) {
    descriptors.emplace_back(kColumnFamilies[c], ColumnFamilyOptionsFor(static_cast<Cf>(c)));
  }
  auto impl = std::make_unique<detail::StoreImpl>();
  impl->dir = dir;
  impl->read_only = options.read_only;
  rocksdb::DB* raw = nullptr;
  rocksdb::Status s;
  for (int attempt = 1;; ++attempt) {
    s = options.read_only
            ? rocksdb::DB::OpenForReadOnly(db_options, shown, descriptors, &impl->handles, &raw)
            : rocksdb::DB::Open(db_options, shown, descriptors, &impl->handles, &raw);
    // A reader opens the files the MANIFEST names while a live writer may be replacing them
    // (a flush retires a log file, a compaction table files): a file gone missing then is that
    // race, not damage, and the next attempt reads the new MANIFEST.
    const bool may_be_race = s.IsPathNotFound() || s.IsCorruption();
    if (s.ok() || !options.read_only || !may_be_race || attempt == 3) break;
    impl->handles.clear();
    std::this_thread::sleep_for(std::chrono::milliseconds(20 * attempt));
  }
  if (!s.ok()) {
    // RocksDB refuses a database that lacks one of our column families as an invalid argument:
    // say whose database it is.
    if (s.IsInvalidArgument()) KG_RETURN_IF_ERROR(CheckColumnFamilies(db_options, shown));
    return OpenFailure(s, shown);
  }
  impl->db.reset(raw);

  std::string version;
  bool found;
  KG_RETURN_IF_ERROR(impl->Get(kDefault, kSchemaKey, &version, &found));
  if (!found) {
    return Status::InvalidArgument(shown + " is not a kg store (no schema version)");
  } else {
    if (version.size() != 4) return Status::Corruption("the schema version of " + shown + " is damaged");
    const uint32_t stored = GetFixed32LE(version.data());
    if (stored > kSchemaVersion) {
      return Status::NotSupported(shown + " was written by a newer kg (store schema " +
                                  std::to_string(stored) + "; this kg reads schema " +
                                  std::to_string(kSchemaVersion) + ")");
    }
    if (stored < kSchemaVersion && !options.read_only) {
      // Schema 1 is schema 2 without undo pieces: readable as it is. Writing may add pieces, so
      // say so, for older kg versions to refuse the store rather than misread it.
      std::string v;
      PutFixed32LE(&v, kSchemaVersion);
      KG_RETURN_IF_ERROR(
          FromRocks(impl->db->Put(rocksdb::WriteOptions(), impl->cf(kDefault), kSchemaKey, v),
                    "upgrading the store schema"));
    }
  }
  store->reset(new Store(std::move(impl)));
  return Status::Ok();
}

Status Store::IsCurrent(std::string_view content_hash, std::string_view source,
                        bool* current) const {
  *current = false;
  std::string v;
  bool found;
  KG_RETURN_IF_ERROR(
      impl_->Get(kDocuments, DocumentKey('d', DocIdFromContentHash(content_hash)), &v, &found));
  if (!found) return Status::Ok();
  DocumentValue record;
  if (!DecodeDocumentValue(v, &record)) return Status::Corruption("a document record is damaged");
  *current = record.content_hash == content_hash &&
             std::find(record.sources.begin(), record.sources.end(), source) !=
                 record.sources.end();
  return Status::Ok();
}

Status Store::Ingest(const DocumentInput& in, IngestOutcome* outcome, DocId* id) {
  if (impl_->read_only) return Status::InvalidArgument("the store is open read-only");
  std::optional<ExtractedSource> data;
  if (in.extracted != nullptr) data.emplace(*in.extracted);
  LoadDocument doc;
  doc.source = in.source;
  doc.text = in.text;
  doc.content_hash = in.content_hash;
  if (in.extracted != nullptr) doc.sentences = in.extracted->sentences;
  doc.data = data ? &*data : nullptr;
  doc.extractor_version = in.extractor_version;
  doc.ingested_at = in.ingested_at;
  BatchWriter writer(*impl_);
  KG_RETURN_IF_ERROR(writer.Add(doc, outcome, id));
  return writer.Commit();
}

namespace {

bool ToEntityInfo(EntityId id, std::string_view value, EntityInfo* out) {
  EntityValue v;
  if (!DecodeEntityValue(value, &v)) return false;
  out->id = id;
  out->name = std::move(v.name);
  out->type = v.type;
  out->mentions = v.mentions;
  out->documents = v.documents;
  return true;
}

}  // namespace

Status Store::GetEntity(EntityId id, EntityInfo* out) const {
  std::string v;
  bool found;
  KG_RETURN_IF_ERROR(impl_->Get(kEntities, EntityKey(id), &v, &found));
  if (!found) return Status::NotFound("no entity with id " + std::to_string(id));
  if (!ToEntityInfo(id, v, out)) {
    return Status::Corruption("entity record " + std::to_string(id) + " is damaged");
  }
  return Status::Ok();
}

Status Store::FindEntities(std::string_view name, std::vector<EntityInfo>* out) const {
  out->clear();
  const std::string key = NameKey(name);
  if (key.empty()) return Status::Ok();
  std::vector<EntityId> ids;
  KG_RETURN_IF_ERROR(impl_->Scan(kAliases, AliasLookupPrefix(key), [&](std::string_view k, auto) {
    std::string unused;
    EntityId id;
    if (DecodeAliasLookupKey(k, &unused, &id)) ids.push_back(id);
    return true;
  }));
  for (EntityId id : ids) {
    EntityInfo info;
    Status s = GetEntity(id, &info);
    if (s.IsNotFound()) continue;
    KG_RETURN_IF_ERROR(s);
    out->push_back(std::move(info));
  }
  // The entity whose canonical name is the name asked for comes first, then the most mentioned.
  std::stable_sort(out->begin(), out->end(), [&](const EntityInfo& a, const EntityInfo& b) {
    const bool ea = NameKey(a.name) == key, eb = NameKey(b.name) == key;
    if (ea != eb) return ea;
    return a.mentions > b.mentions;
  });
  return Status::Ok();
}

Status Store::ForEachEntity(const std::function<bool(const EntityInfo&)>& fn) const {
  Status bad;
  KG_RETURN_IF_ERROR(impl_->Scan(kEntities, "e", [&](std::string_view k, std::string_view v) {
    EntityId id;
    EntityInfo info;
    if (!DecodeEntityKey(k, &id) || !ToEntityInfo(id, v, &info)) {
      bad = Status::Corruption("an entity record is damaged");
      return false;
    }
    return fn(info);
  }));
  return bad;
}

Status Store::Aliases(EntityId id, std::vector<std::string>* out) const {
  std::vector<std::pair<uint32_t, std::string>> found;
  KG_RETURN_IF_ERROR(
      impl_->Scan(kAliases, AliasListPrefix(id), [&](std::string_view k, std::string_view v) {
        EntityId unused;
        std::string surface;
        if (DecodeAliasListKey(k, &unused, &surface) && v.size() == 4) {
          found.emplace_back(GetFixed32LE(v.data()), std::move(surface));
        }
        return true;
      }));
  std::stable_sort(found.begin(), found.end(), [](const auto& a, const auto& b) {
    return a.first > b.first;
  });
  out->clear();
  for (auto& [count, surface] : found) out->push_back(std::move(surface));
  return Status::Ok();
}

Status Store::ForEachAlias(
    const std::function<bool(EntityId, std::string_view, uint32_t)>& fn) const {
  Status bad;
  KG_RETURN_IF_ERROR(impl_->Scan(kAliases, "a", [&](std::string_view k, std::string_view v) {
    EntityId id;
    std::string surface;
    if (!DecodeAliasListKey(k, &id, &surface) || v.size() != 4) {
      bad = Status::Corruption("an alias entry is damaged");
      return false;
    }
    return fn(id, surface, GetFixed32LE(v.data()));
  }));
  return bad;
}

namespace {

Status ScanEdges(const detail::StoreImpl& impl, Cf cf, std::string_view prefix,
                 const std::function<bool(const EdgeInfo&)>& fn) {
  Status bad;
  KG_RETURN_IF_ERROR(impl.Scan(cf, prefix, [&](std::string_view k, std::string_view v) {
    EdgeInfo e;
    const bool ok = cf == kOut ? DecodeOutKey(k, &e.triple) : DecodeInKey(k, &e.triple);
    if (!ok || v.size() != 4) {
      bad = Status::Corruption("a triple index entry is damaged");
      return false;
    }
    e.weight = GetFixed32LE(v.data());
    return fn(e);
  }));
  return bad;
}

}  // namespace

Status Store::OutEdges(EntityId id, std::vector<EdgeInfo>* out) const {
  out->clear();
  return ScanEdges(*impl_, kOut, EntityPrefix(id), [&](const EdgeInfo& e) {
    out->push_back(e);
    return true;
  });
}

Status Store::InEdges(EntityId id, std::vector<EdgeInfo>* out) const {
  out->clear();
  return ScanEdges(*impl_, kIn, EntityPrefix(id), [&](const EdgeInfo& e) {
    out->push_back(e);
    return true;
  });
}

Status Store::ForEachEdge(const std::function<bool(const EdgeInfo&)>& fn) const {
  return ScanEdges(*impl_, kOut, "", fn);
}

Status Store::ForEachProvenance(
    const TripleKey* triple,
    const std::function<bool(const ProvenanceKey&, const ProvenanceValue&)>& fn) const {
  Status bad;
  const std::string prefix = triple ? TriplePrefix(*triple) : std::string();
  KG_RETURN_IF_ERROR(impl_->Scan(kProvenance, prefix, [&](std::string_view k, std::string_view v) {
    ProvenanceKey key;
    ProvenanceValue value;
    if (!DecodeProvenanceKey(k, &key) || !DecodeProvenanceValue(v, &value)) {
      bad = Status::Corruption("a provenance entry is damaged");
      return false;
    }
    return fn(key, value);
  }));
  return bad;
}

Status Store::RelationName(RelationId id, std::string* name) const {
  bool found;
  KG_RETURN_IF_ERROR(impl_->Get(kTerms, RelationByIdKey(id), name, &found));
  if (!found) return Status::Corruption("relation " + std::to_string(id) + " has no name");
  return Status::Ok();
}

Status Store::FindRelation(std::string_view name, RelationId* id) const {
  std::string v;
  bool found;
  KG_RETURN_IF_ERROR(impl_->Get(kTerms, RelationByNameKey(name), &v, &found));
  if (!found) return Status::NotFound("no relation named '" + std::string(name) + "'");
  if (v.size() != 4) return Status::Corruption("relation term is damaged");
  *id = GetFixed32BE(v.data());
  return Status::Ok();
}

Status Store::GetDocument(DocId id, DocumentValue* doc, std::string* text,
                          std::vector<Span>* sentences) const {
  std::string v;
  bool found;
  KG_RETURN_IF_ERROR(impl_->Get(kDocuments, DocumentKey('d', id), &v, &found));
  if (!found) return Status::NotFound("no document " + DocIdHex(id));
  if (!DecodeDocumentValue(v, doc)) return Status::Corruption("document record is damaged");
  if (text) {
    KG_RETURN_IF_ERROR(impl_->Get(kDocuments, DocumentKey('t', id), text, &found));
    if (!found) return Status::Corruption("the text of document " + DocIdHex(id) + " is missing");
  }
  if (sentences) {
    KG_RETURN_IF_ERROR(impl_->Get(kDocuments, DocumentKey('s', id), &v, &found));
    if (!found || !DecodeSpans(v, sentences)) {
      return Status::Corruption("the sentences of document " + DocIdHex(id) + " are damaged");
    }
  }
  return Status::Ok();
}

Status Store::Stats(StoreStats* stats) const {
  *stats = StoreStats();
  KG_RETURN_IF_ERROR(impl_->ReadCounter(CounterKey(Counter::kDocuments), &stats->documents));
  KG_RETURN_IF_ERROR(impl_->ReadCounter(CounterKey(Counter::kSentences), &stats->sentences));
  KG_RETURN_IF_ERROR(impl_->ReadCounter(CounterKey(Counter::kTriples), &stats->triples));
  KG_RETURN_IF_ERROR(impl_->ReadCounter(CounterKey(Counter::kEdges), &stats->edges));
  KG_RETURN_IF_ERROR(impl_->ReadCounter(CounterKey(Counter::kEntities), &stats->entities));
  for (size_t t = 0; t <= static_cast<size_t>(kMaxEntityType); ++t) {
    KG_RETURN_IF_ERROR(impl_->ReadCounter(CounterKey(TypeCounter(static_cast<EntityType>(t))),
                                          &stats->entities_by_type[t]));
  }
  return Status::Ok();
}

}  // namespace kg::graph
