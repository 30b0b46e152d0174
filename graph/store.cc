#include "graph/store.h"

#include <rocksdb/db.h>
#include <rocksdb/filter_policy.h>
#include <rocksdb/options.h>
#include <rocksdb/table.h>
#include <rocksdb/utilities/write_batch_with_index.h>
#include <signal.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstdlib>
#include <map>
#include <set>
#include <system_error>
#include <thread>
#include <unordered_map>

#include "core/text.h"

namespace kg::graph {
namespace {

namespace fs = std::filesystem;

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

constexpr std::string_view kSchemaKey = "schema";
constexpr std::string_view kNextEntityKey = "next_entity";
constexpr std::string_view kNextRelationKey = "next_relation";

std::string CounterKey(std::string_view name) { return "count/" + std::string(name); }

std::string TypeCounterKey(EntityType type) {
  return CounterKey("entities/" + std::string(EntityTypeName(type)));
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

// The smallest key greater than every key that starts with `prefix`; empty if there is none.
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

// Two mentions can be one entity when their types agree, when one is untyped, or when one says
// place and the other organization: "the Kremlin" is both a building and an institution.
bool CompatibleTypes(EntityType a, EntityType b) {
  if (a == b) return true;
  if (a == EntityType::kDemand || b == EntityType::kDemand) return false;
  if (a == EntityType::kOther || b == EntityType::kOther) return true;
  const auto place_or_org = [](EntityType t) {
    return t == EntityType::kPlace || t == EntityType::kOrganization;
  };
  return place_or_org(a) && place_or_org(b);
}

size_t WordCount(std::string_view s) {
  size_t words = 0;
  bool in_word = false;
  for (char c : s) {
    const bool space = c == ' ';
    if (!space && !in_word) ++words;
    in_word = !space;
  }
  return words;
}

rocksdb::Options BaseOptions() {
  rocksdb::Options o;
  o.keep_log_file_num = 2;
  o.max_log_file_size = 1 << 20;
  o.info_log_level = rocksdb::InfoLogLevel::WARN_LEVEL;
  o.compression = rocksdb::kLZ4Compression;
  o.bottommost_compression = rocksdb::kZSTD;
  rocksdb::BlockBasedTableOptions table;
  table.filter_policy.reset(rocksdb::NewBloomFilterPolicy(10));
  o.table_factory.reset(rocksdb::NewBlockBasedTableFactory(table));
  return o;
}

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
    rocksdb::Options options = BaseOptions();
    options.create_if_missing = true;
    options.create_missing_column_families = true;
    std::vector<rocksdb::ColumnFamilyDescriptor> descriptors;
    for (const char* cf : kColumnFamilies) {
      descriptors.emplace_back(cf, rocksdb::ColumnFamilyOptions(options));
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

struct detail::StoreImpl {
  fs::path dir;
  bool read_only = false;
  std::unique_ptr<rocksdb::DB> db;
  std::vector<rocksdb::ColumnFamilyHandle*> handles;

  ~StoreImpl() {
    if (!db) return;
    for (auto* h : handles) db->DestroyColumnFamilyHandle(h);
    db->Close();
  }

  rocksdb::ColumnFamilyHandle* cf(Cf c) const { return handles[c]; }

  Status Get(Cf c, std::string_view key, std::string* value, bool* found) const {
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

  // Calls fn(key, value) for each key starting with `prefix` until fn returns false.
  Status Scan(Cf c, std::string_view prefix,
              const std::function<bool(std::string_view, std::string_view)>& fn) const {
    rocksdb::ReadOptions ro;
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

  Status ReadCounter(std::string_view key, int64_t* value) const {
    std::string v;
    bool found;
    KG_RETURN_IF_ERROR(Get(kDefault, key, &v, &found));
    *value = 0;
    if (!found) return Status::Ok();
    if (v.size() != 8) return Status::Corruption("counter " + std::string(key) + " is damaged");
    *value = static_cast<int64_t>(GetFixed64LE(v.data()));
    return Status::Ok();
  }
};

namespace {

// One document's writes: a batch that also answers reads, so that later steps of the same
// document see what earlier steps wrote (an entity created for one mention is found by the next).
class Txn final {
 public:
  explicit Txn(detail::StoreImpl& s)
      : s_(s), batch_(rocksdb::BytewiseComparator(), 0, /*overwrite_key=*/true) {}

  Status Get(Cf c, std::string_view key, std::string* value, bool* found) {
    rocksdb::Status st =
        batch_.GetFromBatchAndDB(s_.db.get(), rocksdb::ReadOptions(), s_.cf(c), key, value);
    if (st.IsNotFound()) {
      *found = false;
      return Status::Ok();
    }
    *found = st.ok();
    return FromRocks(st, "reading the store");
  }

  void Put(Cf c, std::string_view key, std::string_view value) {
    batch_.Put(s_.cf(c), key, value);
  }
  void Delete(Cf c, std::string_view key) { batch_.Delete(s_.cf(c), key); }

  Status Scan(Cf c, std::string_view prefix,
              const std::function<bool(std::string_view, std::string_view)>& fn) {
    rocksdb::ReadOptions ro;
    std::unique_ptr<rocksdb::Iterator> base(s_.db->NewIterator(ro, s_.cf(c)));
    std::unique_ptr<rocksdb::Iterator> it(batch_.NewIteratorWithBase(s_.cf(c), base.release()));
    for (it->Seek(prefix); it->Valid(); it->Next()) {
      const std::string_view key(it->key().data(), it->key().size());
      if (key.substr(0, prefix.size()) != prefix) break;
      if (!fn(key, std::string_view(it->value().data(), it->value().size()))) break;
    }
    return FromRocks(it->status(), "scanning the store");
  }

  void AddToCounter(const std::string& key, int64_t delta) { counters_[key] += delta; }

  Status Commit() {
    for (const auto& [key, delta] : counters_) {
      if (delta == 0) continue;
      int64_t value;
      KG_RETURN_IF_ERROR(s_.ReadCounter(key, &value));
      std::string v;
      PutFixed64LE(&v, static_cast<uint64_t>(value + delta));
      Put(kDefault, key, v);
    }
    rocksdb::WriteOptions wo;
    return FromRocks(s_.db->Write(wo, batch_.GetWriteBatch()), "writing the store");
  }

 private:
  detail::StoreImpl& s_;
  rocksdb::WriteBatchWithIndex batch_;
  std::map<std::string, int64_t> counters_;
};

// The writes of one document's ingest or removal.
class Writer final {
 public:
  explicit Writer(detail::StoreImpl& s) : txn_(s) {}

  Txn& txn() { return txn_; }

  Status LoadIdCounters() {
    std::string v;
    bool found;
    KG_RETURN_IF_ERROR(txn_.Get(kDefault, kNextEntityKey, &v, &found));
    next_entity_ = found && v.size() == 8 ? GetFixed64LE(v.data()) : 1;
    KG_RETURN_IF_ERROR(txn_.Get(kDefault, kNextRelationKey, &v, &found));
    next_relation_ = found && v.size() == 4 ? GetFixed32LE(v.data()) : 1;
    return Status::Ok();
  }

  void SaveIdCounters() {
    std::string v;
    PutFixed64LE(&v, next_entity_);
    txn_.Put(kDefault, kNextEntityKey, v);
    v.clear();
    PutFixed32LE(&v, next_relation_);
    txn_.Put(kDefault, kNextRelationKey, v);
  }

  Status GetEntity(EntityId id, EntityValue* e, bool* found) {
    std::string v;
    KG_RETURN_IF_ERROR(txn_.Get(kEntities, EntityKey(id), &v, found));
    if (*found && !DecodeEntityValue(v, e)) {
      return Status::Corruption("entity record " + std::to_string(id) + " is damaged");
    }
    return Status::Ok();
  }

  void PutEntity(EntityId id, const EntityValue& e) {
    txn_.Put(kEntities, EntityKey(id), EncodeEntityValue(e));
  }

  // Adds `delta` to a 4-byte count; deletes the key when the count reaches zero.
  Status AddToCount(Cf c, const std::string& key, int64_t delta, uint32_t* before = nullptr) {
    std::string v;
    bool found;
    KG_RETURN_IF_ERROR(txn_.Get(c, key, &v, &found));
    int64_t count = found && v.size() == 4 ? GetFixed32LE(v.data()) : 0;
    if (before) *before = static_cast<uint32_t>(count);
    count += delta;
    if (count <= 0) {
      if (found) txn_.Delete(c, key);
      return Status::Ok();
    }
    v.clear();
    PutFixed32LE(&v, static_cast<uint32_t>(count));
    txn_.Put(c, key, v);
    return Status::Ok();
  }

  Status ResolveRelation(const std::string& name, RelationId* id) {
    std::string v;
    bool found;
    KG_RETURN_IF_ERROR(txn_.Get(kTerms, RelationByNameKey(name), &v, &found));
    if (found) {
      if (v.size() != 4) return Status::Corruption("relation term '" + name + "' is damaged");
      *id = GetFixed32BE(v.data());
      return Status::Ok();
    }
    *id = next_relation_++;
    std::string idv;
    PutFixed32BE(&idv, *id);
    txn_.Put(kTerms, RelationByNameKey(name), idv);
    txn_.Put(kTerms, RelationByIdKey(*id), name);
    return Status::Ok();
  }

  // Finds the stored entity that `e` is, or creates it. Returns its id.
  Status ResolveEntity(const Entity& e, EntityId* id) {
    std::vector<std::string> keys;
    const std::string name_key = NameKey(e.name);
    if (!name_key.empty()) keys.push_back(name_key);
    for (const auto& alias : e.aliases) {
      std::string k = NameKey(alias);
      if (!k.empty() && std::find(keys.begin(), keys.end(), k) == keys.end()) keys.push_back(k);
    }
    // Candidates: stored entities sharing a name key; the canonical name's key ranks first.
    EntityId best = 0;
    EntityValue best_value;
    int best_rank = -1;
    for (size_t k = 0; k < keys.size(); ++k) {
      std::vector<EntityId> ids;
      KG_RETURN_IF_ERROR(
          txn_.Scan(kAliases, AliasLookupPrefix(keys[k]), [&](std::string_view key, auto) {
            std::string unused;
            EntityId cand;
            if (DecodeAliasLookupKey(key, &unused, &cand)) ids.push_back(cand);
            return true;
          }));
      for (EntityId cand : ids) {
        EntityValue v;
        bool found;
        KG_RETURN_IF_ERROR(GetEntity(cand, &v, &found));
        if (!found || !CompatibleTypes(v.type, e.type)) continue;
        // Demands merge only on the same wording.
        if (e.type == EntityType::kDemand && NameKey(v.name) != name_key) continue;
        const int rank = (k == 0 ? 1 << 30 : 0) + static_cast<int>(std::min<uint32_t>(
                                                        v.mentions, (1 << 30) - 1));
        if (rank > best_rank) {
          best_rank = rank;
          best = cand;
          best_value = std::move(v);
        }
      }
    }
    if (best == 0) {
      *id = next_entity_++;
      seen_in_document_.insert(*id);
      EntityValue v;
      v.type = e.type;
      v.name = e.name;
      v.mentions = e.mentions;
      v.documents = 1;
      PutEntity(*id, v);
      txn_.AddToCounter(CounterKey("entities"), 1);
      txn_.AddToCounter(TypeCounterKey(v.type), 1);
      return Status::Ok();
    }
    *id = best;
    if (!seen_in_document_.insert(best).second) {
      best_value.mentions += e.mentions;  // a second extracted entity of this document
    } else {
      best_value.mentions += e.mentions;
      best_value.documents += 1;
    }
    if (best_value.type == EntityType::kOther && e.type != EntityType::kOther) {
      txn_.AddToCounter(TypeCounterKey(best_value.type), -1);
      txn_.AddToCounter(TypeCounterKey(e.type), 1);
      best_value.type = e.type;
    }
    // "Putin" stored first, "Vladimir Putin" now: the fuller name becomes canonical.
    if (NameKey(best_value.name) != name_key && WordCount(e.name) > WordCount(best_value.name) &&
        std::find(keys.begin(), keys.end(), NameKey(best_value.name)) != keys.end()) {
      best_value.name = e.name;
    }
    PutEntity(best, best_value);
    return Status::Ok();
  }

  Status AddAlias(EntityId id, const std::string& surface, int64_t delta) {
    const std::string key = NameKey(surface);
    if (key.empty()) return Status::Ok();
    KG_RETURN_IF_ERROR(AddToCount(kAliases, AliasLookupKey(key, id), delta));
    return AddToCount(kAliases, AliasListKey(id, surface), delta);
  }

  Status ApplyWeights(const std::map<TripleKey, int64_t>& deltas) {
    for (const auto& [t, delta] : deltas) {
      uint32_t before = 0;  // set by AddToCount; initialised for GCC 12's maybe-uninitialized
      KG_RETURN_IF_ERROR(AddToCount(kOut, OutKey(t), delta, &before));
      KG_RETURN_IF_ERROR(AddToCount(kIn, InKey(t), delta));
      const int64_t after = std::max<int64_t>(0, before + delta);
      if (before == 0 && after > 0) txn_.AddToCounter(CounterKey("edges"), 1);
      if (before > 0 && after == 0) txn_.AddToCounter(CounterKey("edges"), -1);
    }
    return Status::Ok();
  }

  // Takes a stored document and everything it added out of the store.
  Status RemoveDocument(DocId doc) {
    std::string v;
    bool found;
    KG_RETURN_IF_ERROR(txn_.Get(kDocuments, DocumentKey('d', doc), &v, &found));
    if (!found) return Status::Ok();
    DocumentValue record;
    if (!DecodeDocumentValue(v, &record)) {
      return Status::Corruption("document record " + DocIdHex(doc) + " is damaged");
    }
    KG_RETURN_IF_ERROR(txn_.Get(kDocuments, DocumentKey('u', doc), &v, &found));
    UndoRecord undo;
    if (!found || !DecodeUndoRecord(v, &undo)) {
      return Status::Corruption("undo record of document " + DocIdHex(doc) + " is damaged");
    }
    std::map<TripleKey, int64_t> deltas;
    for (const auto& f : undo.facts) {
      txn_.Delete(kProvenance, ProvenanceKeyBytes(f));
      deltas[f.triple] -= 1;
    }
    txn_.AddToCounter(CounterKey("triples"), -static_cast<int64_t>(undo.facts.size()));
    KG_RETURN_IF_ERROR(ApplyWeights(deltas));
    for (const auto& use : undo.entities) {
      EntityValue e;
      KG_RETURN_IF_ERROR(GetEntity(use.id, &e, &found));
      if (!found) continue;
      for (const auto& [surface, count] : use.surfaces) {
        KG_RETURN_IF_ERROR(AddAlias(use.id, surface, -static_cast<int64_t>(count)));
      }
      e.mentions -= std::min(e.mentions, use.mentions);
      e.documents -= std::min<uint32_t>(e.documents, 1);
      if (e.documents > 0) {
        PutEntity(use.id, e);
        continue;
      }
      // No document mentions it any more: the entity goes, with every name it had.
      std::vector<std::string> surfaces;
      KG_RETURN_IF_ERROR(txn_.Scan(kAliases, AliasListPrefix(use.id), [&](std::string_view key,
                                                                           auto) {
        EntityId unused;
        std::string surface;
        if (DecodeAliasListKey(key, &unused, &surface)) surfaces.push_back(surface);
        return true;
      }));
      for (const auto& s : surfaces) {
        txn_.Delete(kAliases, AliasListKey(use.id, s));
        txn_.Delete(kAliases, AliasLookupKey(NameKey(s), use.id));
      }
      txn_.Delete(kEntities, EntityKey(use.id));
      txn_.AddToCounter(CounterKey("entities"), -1);
      txn_.AddToCounter(TypeCounterKey(e.type), -1);
    }
    for (char kind : {'d', 't', 's', 'u'}) txn_.Delete(kDocuments, DocumentKey(kind, doc));
    txn_.AddToCounter(CounterKey("documents"), -1);
    txn_.AddToCounter(CounterKey("sentences"), -static_cast<int64_t>(record.sentences));
    return Status::Ok();
  }

  // Writes a new document: entities, aliases, triples, provenance, text, undo record.
  Status AddDocument(DocId doc, const DocumentInput& in) {
    const ExtractedDocument& x = *in.extracted;
    UndoRecord undo;
    std::vector<EntityId> ids(x.entities.size());
    std::unordered_map<EntityId, size_t> use_of;  // entity id -> index in undo.entities
    for (size_t i = 0; i < x.entities.size(); ++i) {
      const Entity& e = x.entities[i];
      KG_RETURN_IF_ERROR(ResolveEntity(e, &ids[i]));
      auto [it, inserted] = use_of.emplace(ids[i], undo.entities.size());
      if (inserted) undo.entities.push_back({ids[i], 0, {}});
      auto& use = undo.entities[it->second];
      use.mentions += e.mentions;
      std::vector<std::string> surfaces = e.aliases;
      surfaces.push_back(e.name);
      std::sort(surfaces.begin(), surfaces.end());
      surfaces.erase(std::unique(surfaces.begin(), surfaces.end()), surfaces.end());
      for (const auto& s : surfaces) {
        if (NameKey(s).empty()) continue;
        auto found = std::find_if(use.surfaces.begin(), use.surfaces.end(),
                                  [&](const auto& p) { return p.first == s; });
        if (found != use.surfaces.end()) continue;  // one count per document
        use.surfaces.emplace_back(s, 1);
        KG_RETURN_IF_ERROR(AddAlias(ids[i], s, 1));
      }
    }
    std::set<ProvenanceKey> written;
    std::map<TripleKey, int64_t> deltas;
    for (const Fact& f : x.facts) {
      if (f.subject >= ids.size() || f.object >= ids.size()) {
        return Status::InvalidArgument("a fact refers to an entity the document does not have");
      }
      if (ids[f.subject] == ids[f.object]) continue;  // merged into one entity: no self-loops
      ProvenanceKey key;
      key.triple.subject = ids[f.subject];
      key.triple.object = ids[f.object];
      key.triple.negated = f.negated;
      KG_RETURN_IF_ERROR(ResolveRelation(f.relation, &key.triple.relation));
      key.doc = doc;
      key.sentence = f.sentence;
      key.begin = f.span.begin;
      if (!written.insert(key).second) continue;  // the same fact stated twice in one place
      ProvenanceValue value;
      value.end = f.span.end;
      value.confidence = f.confidence;
      value.extractor_version = in.extractor_version;
      value.attributed_to =
          f.attributed_to >= 0 && static_cast<size_t>(f.attributed_to) < ids.size()
              ? ids[f.attributed_to]
              : 0;
      txn_.Put(kProvenance, ProvenanceKeyBytes(key), EncodeProvenanceValue(value));
      deltas[key.triple] += 1;
      undo.facts.push_back(key);
    }
    KG_RETURN_IF_ERROR(ApplyWeights(deltas));
    txn_.AddToCounter(CounterKey("triples"), static_cast<int64_t>(undo.facts.size()));

    DocumentValue record;
    record.content_hash = std::string(in.content_hash);
    record.ingested_at = in.ingested_at;
    record.sentences = static_cast<uint32_t>(x.sentences.size());
    record.facts = static_cast<uint32_t>(undo.facts.size());
    record.sources.emplace_back(in.source);
    txn_.Put(kDocuments, DocumentKey('d', doc), EncodeDocumentValue(record));
    txn_.Put(kDocuments, DocumentKey('t', doc), in.text);
    txn_.Put(kDocuments, DocumentKey('s', doc), EncodeSpans(x.sentences));
    txn_.Put(kDocuments, DocumentKey('u', doc), EncodeUndoRecord(undo));
    txn_.AddToCounter(CounterKey("documents"), 1);
    txn_.AddToCounter(CounterKey("sentences"), static_cast<int64_t>(x.sentences.size()));
    return Status::Ok();
  }

 private:
  Txn txn_;
  EntityId next_entity_ = 1;
  RelationId next_relation_ = 1;
  std::set<EntityId> seen_in_document_;
};

}  // namespace

Store::Store(std::unique_ptr<detail::StoreImpl> impl) : impl_(std::move(impl)) {}
Store::~Store() = default;

const fs::path& Store::dir() const { return impl_->dir; }

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

  rocksdb::Options db_options = BaseOptions();
  std::vector<rocksdb::ColumnFamilyDescriptor> descriptors;
  for (const char* name : kColumnFamilies) {
    descriptors.emplace_back(name, rocksdb::ColumnFamilyOptions(db_options));
  }
  {
    std::vector<std::string> names;
    rocksdb::Status s = rocksdb::DB::ListColumnFamilies(db_options, shown, &names);
    if (!s.ok()) return OpenFailure(s, shown);
    for (const char* name : kColumnFamilies) {
      if (std::find(names.begin(), names.end(), name) != names.end()) continue;
      // A damaged MANIFEST lists what it can read, so a kg store can seem to lack families. Only
      // a database that opens cleanly without them belongs to another program.
      std::vector<rocksdb::ColumnFamilyDescriptor> listed;
      for (const auto& n : names) listed.emplace_back(n, rocksdb::ColumnFamilyOptions(db_options));
      std::vector<rocksdb::ColumnFamilyHandle*> handles;
      rocksdb::DB* probe = nullptr;
      s = rocksdb::DB::OpenForReadOnly(db_options, shown, listed, &handles, &probe);
      if (!s.ok()) return OpenFailure(s, shown);
      for (auto* h : handles) probe->DestroyColumnFamilyHandle(h);
      delete probe;
      return Status::InvalidArgument(shown + " is a RocksDB database but not a kg store");
    }
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
  if (!s.ok()) return OpenFailure(s, shown);
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
  const DocId doc = DocIdFromContentHash(in.content_hash);
  *id = doc;
  Writer w(*impl_);
  KG_RETURN_IF_ERROR(w.LoadIdCounters());
  Txn& txn = w.txn();
  bool replaced = false;

  // The source's previous content, if it was other content, loses this source; when no source
  // is left, its facts go.
  std::string v;
  bool found;
  const std::string source_key = SourceKey(in.source);
  const bool is_file = in.source != "-";
  found = false;
  if (is_file) KG_RETURN_IF_ERROR(txn.Get(kDocuments, source_key, &v, &found));
  if (found && v.size() == 8 && GetFixed64BE(v.data()) != doc) {
    const DocId old = GetFixed64BE(v.data());
    std::string old_v;
    bool old_found;
    KG_RETURN_IF_ERROR(txn.Get(kDocuments, DocumentKey('d', old), &old_v, &old_found));
    DocumentValue old_record;
    if (old_found && DecodeDocumentValue(old_v, &old_record)) {
      std::erase(old_record.sources, std::string(in.source));
      if (old_record.sources.empty()) {
        KG_RETURN_IF_ERROR(w.RemoveDocument(old));
      } else {
        txn.Put(kDocuments, DocumentKey('d', old), EncodeDocumentValue(old_record));
      }
      replaced = true;
    }
  }
  std::string doc_id_bytes;
  PutFixed64BE(&doc_id_bytes, doc);
  if (is_file) txn.Put(kDocuments, source_key, doc_id_bytes);

  KG_RETURN_IF_ERROR(txn.Get(kDocuments, DocumentKey('d', doc), &v, &found));
  if (found) {
    DocumentValue record;
    if (!DecodeDocumentValue(v, &record)) {
      return Status::Corruption("document record " + DocIdHex(doc) + " is damaged");
    }
    if (std::find(record.sources.begin(), record.sources.end(), in.source) ==
        record.sources.end()) {
      record.sources.emplace_back(in.source);
      txn.Put(kDocuments, DocumentKey('d', doc), EncodeDocumentValue(record));
    }
    *outcome = replaced ? IngestOutcome::kReplaced : IngestOutcome::kUnchanged;
  } else {
    if (in.extracted == nullptr) {
      return Status::InvalidArgument("new content must come with its extraction");
    }
    KG_RETURN_IF_ERROR(w.AddDocument(doc, in));
    *outcome = replaced ? IngestOutcome::kReplaced : IngestOutcome::kAdded;
  }
  w.SaveIdCounters();
  return txn.Commit();
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
  KG_RETURN_IF_ERROR(impl_->ReadCounter(CounterKey("documents"), &stats->documents));
  KG_RETURN_IF_ERROR(impl_->ReadCounter(CounterKey("sentences"), &stats->sentences));
  KG_RETURN_IF_ERROR(impl_->ReadCounter(CounterKey("triples"), &stats->triples));
  KG_RETURN_IF_ERROR(impl_->ReadCounter(CounterKey("edges"), &stats->edges));
  KG_RETURN_IF_ERROR(impl_->ReadCounter(CounterKey("entities"), &stats->entities));
  for (size_t t = 0; t <= static_cast<size_t>(kMaxEntityType); ++t) {
    KG_RETURN_IF_ERROR(impl_->ReadCounter(TypeCounterKey(static_cast<EntityType>(t)),
                                          &stats->entities_by_type[t]));
  }
  return Status::Ok();
}

}  // namespace kg::graph
