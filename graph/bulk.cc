#include "graph/bulk.h"

#include <rocksdb/sst_file_writer.h>

#include <algorithm>
#include <condition_variable>
#include <cstring>
#include <deque>
#include <functional>
#include <map>
#include <mutex>
#include <thread>
#include <unordered_map>

#include "core/string_table.h"
#include "core/text.h"
#include "graph/external_sort.h"
#include "graph/merge.h"

namespace kg::graph {
namespace {

namespace fs = std::filesystem;

// Writes one column family's records, given in strictly increasing key order: into table files
// of bounded size, or, for a small load, into a write batch (table files cost a few file syncs
// each, a batch one write).
class TableWriter final {
 public:
  TableWriter(const fs::path& dir, Cf cf, rocksdb::WriteBatch* batch,
              rocksdb::ColumnFamilyHandle* handle)
      : dir_(dir), cf_(cf), batch_(batch), handle_(handle) {
    options_ = rocksdb::Options(DatabaseOptions(false), ColumnFamilyOptionsFor(cf));
    // The files go to the last level of an empty column family. LZ4, not that level's ZSTD:
    // ZSTD took a fifth of a bulk load's time for a quarter less space, and the store is still
    // half SQLite's size. Later compactions rewrite the files with ZSTD.
    options_.bottommost_compression = rocksdb::kLZ4Compression;
    options_.compression = rocksdb::kLZ4Compression;
  }

  Status Put(std::string_view key, std::string_view value) {
    const rocksdb::Slice k(key.data(), key.size()), v(value.data(), value.size());
    if (batch_ != nullptr) return FromRocks(batch_->Put(handle_, k, v), "writing the store");
    if (!writer_) KG_RETURN_IF_ERROR(OpenNext());
    KG_RETURN_IF_ERROR(FromRocks(writer_->Put(k, v), "writing a table file"));
    if (writer_->FileSize() >= kFileSize) KG_RETURN_IF_ERROR(Close());
    return Status::Ok();
  }

  Status Finish(std::vector<std::string>* files) {
    if (writer_) KG_RETURN_IF_ERROR(Close());
    *files = std::move(files_);
    return Status::Ok();
  }

 private:
  static constexpr uint64_t kFileSize = 256ull << 20;

  Status OpenNext() {
    const fs::path path =
        dir_ / (std::string(kColumnFamilies[cf_]) + "-" + std::to_string(files_.size()) + ".sst");
    writer_ = std::make_unique<rocksdb::SstFileWriter>(rocksdb::EnvOptions(), options_);
    KG_RETURN_IF_ERROR(FromRocks(writer_->Open(path.string()), "creating a table file"));
    files_.push_back(path.string());
    return Status::Ok();
  }
  Status Close() {
    Status s = FromRocks(writer_->Finish(), "writing a table file");
    writer_.reset();
    return s;
  }

  fs::path dir_;
  Cf cf_;
  rocksdb::WriteBatch* batch_;
  rocksdb::ColumnFamilyHandle* handle_;
  rocksdb::Options options_;
  std::unique_ptr<rocksdb::SstFileWriter> writer_;
  std::vector<std::string> files_;
};

// Lets unordered maps keyed by std::string be searched with a std::string_view, no copy.
struct StringHash {
  using is_transparent = void;
  size_t operator()(std::string_view s) const { return std::hash<std::string_view>()(s); }
};
template <class V>
using StringMap = std::unordered_map<std::string, V, StringHash, std::equal_to<>>;

// A provenance entry as the sorter holds it; ordered as its key is (keys.h), field by field.
struct ProvRecord {
  uint64_t subject, object, doc, attributed_to;
  uint32_t relation;  // packed with the negation bit, as in keys
  uint32_t sentence, begin, end;
  float confidence;
  uint32_t extractor_version;
};
struct ProvLess {
  bool operator()(const ProvRecord& a, const ProvRecord& b) const {
    if (a.subject != b.subject) return a.subject < b.subject;
    if (a.object != b.object) return a.object < b.object;
    if (a.relation != b.relation) return a.relation < b.relation;
    if (a.doc != b.doc) return a.doc < b.doc;
    if (a.sentence != b.sentence) return a.sentence < b.sentence;
    return a.begin < b.begin;
  }
};

// An entry of the "in" index: object, subject, relation -> weight.
struct InRecord {
  uint64_t object, subject;
  uint32_t relation, weight;
};
struct InLess {
  bool operator()(const InRecord& a, const InRecord& b) const {
    if (a.object != b.object) return a.object < b.object;
    if (a.subject != b.subject) return a.subject < b.subject;
    return a.relation < b.relation;
  }
};

// Fixed-width integers into a buffer, as keys.h encodes them, without a std::string per record.
void EncodeBE64(char* p, uint64_t v) {
  for (int i = 7; i >= 0; --i, v >>= 8) p[i] = static_cast<char>(v & 0xFF);
}
void EncodeBE32(char* p, uint32_t v) {
  for (int i = 3; i >= 0; --i, v >>= 8) p[i] = static_cast<char>(v & 0xFF);
}
void EncodeLE32(char* p, uint32_t v) {
  for (int i = 0; i < 4; ++i, v >>= 8) p[i] = static_cast<char>(v & 0xFF);
}
void EncodeLE64(char* p, uint64_t v) {
  for (int i = 0; i < 8; ++i, v >>= 8) p[i] = static_cast<char>(v & 0xFF);
}

// Chunks of "out" index entries from the thread writing provenance to the thread writing the
// indexes. Bounded, unless the two run one after the other on one thread.
class RunQueue final {
 public:
  static constexpr size_t kChunk = 1u << 14;
  explicit RunQueue(size_t max_chunks) : max_(max_chunks) {}

  // False when the consumer has stopped (failed): the producer may stop too.
  bool Push(std::vector<InRecord>&& chunk) {
    std::unique_lock lock(mu_);
    space_.wait(lock, [&] { return stopped_ || queue_.size() < max_; });
    if (stopped_) return false;
    queue_.push_back(std::move(chunk));
    ready_.notify_one();
    return true;
  }
  // The producer is done: Pop returns false once the queue is empty.
  void Close() {
    std::lock_guard lock(mu_);
    closed_ = true;
    ready_.notify_all();
  }
  // The consumer gives up: Push returns false from now on.
  void Stop() {
    std::lock_guard lock(mu_);
    stopped_ = true;
    queue_.clear();
    space_.notify_all();
  }
  bool Pop(std::vector<InRecord>* chunk) {
    std::unique_lock lock(mu_);
    ready_.wait(lock, [&] { return closed_ || !queue_.empty(); });
    if (queue_.empty()) return false;
    *chunk = std::move(queue_.front());
    queue_.pop_front();
    space_.notify_one();
    return true;
  }

 private:
  std::mutex mu_;
  std::condition_variable ready_, space_;
  std::deque<std::vector<InRecord>> queue_;
  size_t max_;
  bool closed_ = false, stopped_ = false;
};

void PutCount(std::string* out, uint64_t count) {
  out->clear();
  PutFixed32LE(out, static_cast<uint32_t>(std::min<uint64_t>(count, UINT32_MAX)));
}

}  // namespace

struct BulkBuilder::Rep {
  detail::StoreImpl& store;
  fs::path dir;
  size_t small_load_bytes;
  // Sorters, with their share of the memory budget.
  FixedSorter<ProvRecord, ProvLess> provenance;
  size_t in_budget;  // the "in" sorter's, used once the provenance is written
  ExternalSorter aliases;
  ExternalSorter documents_sorter;

  // The in-memory image. Entities are 16 bytes each, their names interned: a load can hold
  // millions.
  struct EntityRecord {
    uint32_t name;  // in entity_names
    uint32_t mentions;
    uint32_t documents;
    EntityType type;
  };
  StringTable entity_names;
  std::vector<EntityRecord> entities;  // by entity id - first_entity
  EntityId first_entity = 1;           // the id of entities[0]
  StringTable name_keys;
  std::vector<uint32_t> alias_head;  // per name key: first of its entries
  struct AliasEntry {
    EntityId id;
    uint32_t next;
  };
  std::vector<AliasEntry> alias_entries;
  StringMap<RelationId> relations;
  std::vector<std::pair<RelationId, std::string>> new_relations;
  RelationId next_relation = 1;
  CounterDeltas counters{};
  std::map<DocId, DocumentValue> documents;
  StringMap<DocId> sources;
  Status failed;
  std::string key_buf, value_buf;
  std::unique_ptr<rocksdb::WriteBatch> batch;  // set when the load is small: no table files

  uint64_t edge_count = 0;  // distinct triples, counted by WriteIndexes

  TableWriter Writer(Cf cf) { return TableWriter(dir, cf, batch.get(), store.cf(cf)); }

  Rep(detail::StoreImpl& s, const BulkOptions& o)
      : store(s),
        dir(o.temp_dir),
        small_load_bytes(o.small_load_bytes),
        provenance(o.temp_dir, "provenance", o.memory_budget / 2),
        in_budget(o.memory_budget / 4),
        aliases(o.temp_dir, "aliases", o.memory_budget / 8),
        documents_sorter(o.temp_dir, "documents", o.memory_budget / 8) {}

  // ----- the State of merge.h -----

  Status FindAliasIds(std::string_view name_key, std::vector<EntityId>* ids) {
    ids->clear();
    const uint32_t k = name_keys.Find(name_key);
    if (k == StringTable::kNone) return Status::Ok();
    for (uint32_t e = alias_head[k]; e != StringTable::kNone; e = alias_entries[e].next) {
      ids->push_back(alias_entries[e].id);
    }
    std::sort(ids->begin(), ids->end());  // the store lists them by id
    return Status::Ok();
  }

  Status GetEntity(EntityId id, EntityValue* v, bool* found) {
    *found = id >= first_entity && id - first_entity < entities.size();
    if (*found) *v = Value(entities[id - first_entity]);
    return Status::Ok();
  }

  EntityValue Value(const EntityRecord& r) const {
    EntityValue v;
    v.type = r.type;
    v.mentions = r.mentions;
    v.documents = r.documents;
    v.name = entity_names.Get(r.name);
    return v;
  }

  void PutEntity(EntityId id, const EntityValue& v) {
    const size_t i = id - first_entity;
    const EntityRecord r{entity_names.Intern(v.name), v.mentions, v.documents, v.type};
    if (i == entities.size()) {
      entities.push_back(r);
    } else {
      entities[i] = r;
    }
  }

  EntityId NewEntityId() { return first_entity + entities.size(); }

  Status AddAlias(EntityId id, std::string_view surface, std::string_view name_key, int64_t delta) {
    const uint32_t k = name_keys.Intern(name_key);
    if (k == alias_head.size()) alias_head.push_back(StringTable::kNone);
    bool known = false;
    for (uint32_t e = alias_head[k]; e != StringTable::kNone && !known; e = alias_entries[e].next) {
      known = alias_entries[e].id == id;
    }
    if (!known) {
      alias_entries.push_back({id, alias_head[k]});
      alias_head[k] = static_cast<uint32_t>(alias_entries.size() - 1);
    }
    // Counts are summed when the sorted aliases are written.
    PutCount(&value_buf, static_cast<uint64_t>(delta));
    key_buf.assign(1, 'n');
    key_buf.append(name_key);
    key_buf.push_back('\0');
    PutFixed64BE(&key_buf, id);
    KG_RETURN_IF_ERROR(aliases.Add(key_buf, value_buf));
    key_buf.assign(1, 'a');
    PutFixed64BE(&key_buf, id);
    key_buf.append(surface);
    return aliases.Add(key_buf, value_buf);
  }

  Status ResolveRelation(std::string_view name, RelationId* id) {
    auto it = relations.find(name);
    if (it == relations.end()) {
      it = relations.emplace(std::string(name), next_relation++).first;
      new_relations.emplace_back(it->second, it->first);
    }
    *id = it->second;
    return Status::Ok();
  }

  Status PutProvenance(const ProvenanceKey& k, const ProvenanceValue& v) {
    ProvRecord r;
    r.subject = k.triple.subject;
    r.object = k.triple.object;
    r.doc = k.doc;
    r.attributed_to = v.attributed_to;
    r.relation = PackRelation(k.triple.relation, k.triple.negated);
    r.sentence = k.sentence;
    r.begin = k.begin;
    r.end = v.end;
    r.confidence = v.confidence;
    r.extractor_version = v.extractor_version;
    return provenance.Add(r);
  }

  void CountFact(const TripleKey&) {}  // weights are counted from the sorted provenance
  Status FinishFacts() { return Status::Ok(); }

  void Count(Counter c, int64_t delta) { counters[static_cast<size_t>(c)] += delta; }

  void PutDocument(DocId doc, const DocumentValue& record, std::string_view text,
                   const std::string& spans) {
    documents.emplace(doc, record);
    if (!failed.ok()) return;
    failed = documents_sorter.Add(DocumentKey('t', doc), text);
    if (failed.ok()) failed = documents_sorter.Add(DocumentKey('s', doc), spans);
  }

  void PutUndo(DocId doc, int64_t piece, const std::string& value) {
    std::string key = DocumentKey('u', doc);
    if (piece >= 0) PutFixed32BE(&key, static_cast<uint32_t>(piece));
    if (failed.ok()) failed = documents_sorter.Add(key, value);
  }

  // ----- writing -----

  Status ReadStoredCounters() {
    std::string v;
    bool found;
    KG_RETURN_IF_ERROR(store.Get(kDefault, kNextEntityKey, &v, &found));
    if (found && v.size() == 8) first_entity = GetFixed64LE(v.data());
    KG_RETURN_IF_ERROR(store.Get(kDefault, kNextRelationKey, &v, &found));
    if (found && v.size() == 4) next_relation = GetFixed32LE(v.data());
    return Status::Ok();
  }

  // Provenance in key order: written to its table files here, while each triple's run of
  // entries (its weight) goes to `runs` for WriteIndexes, on another thread.
  Status WriteProvenance(RunQueue* runs, std::vector<rocksdb::IngestExternalFileArg>* args) {
    TableWriter writer = Writer(kProvenance);
    std::vector<InRecord> chunk;
    chunk.reserve(RunQueue::kChunk);
    char key[36], value[20];
    const ProvRecord* r;
    InRecord run{};  // the current triple, and its entries so far
    const auto flush = [&]() -> Status {
      if (run.weight == 0) return Status::Ok();
      chunk.push_back(run);
      run.weight = 0;
      if (chunk.size() < RunQueue::kChunk) return Status::Ok();
      if (!runs->Push(std::move(chunk))) return Status::Ok();  // the indexes failed: they say
      chunk.clear();
      chunk.reserve(RunQueue::kChunk);
      return Status::Ok();
    };
    while (provenance.Next(&r)) {
      if (run.weight > 0 &&
          (r->subject != run.subject || r->object != run.object || r->relation != run.relation)) {
        KG_RETURN_IF_ERROR(flush());
      }
      if (run.weight == 0) run = InRecord{r->object, r->subject, r->relation, 0};
      if (run.weight < UINT32_MAX) ++run.weight;
      EncodeBE64(key, r->subject);
      EncodeBE64(key + 8, r->object);
      EncodeBE32(key + 16, r->relation);
      EncodeBE64(key + 20, r->doc);
      EncodeBE32(key + 28, r->sentence);
      EncodeBE32(key + 32, r->begin);
      EncodeLE32(value, r->end);
      uint32_t bits;
      std::memcpy(&bits, &r->confidence, 4);
      EncodeLE32(value + 4, bits);
      EncodeLE32(value + 8, r->extractor_version);
      EncodeLE64(value + 12, r->attributed_to);
      KG_RETURN_IF_ERROR(writer.Put(std::string_view(key, 36), std::string_view(value, 20)));
    }
    KG_RETURN_IF_ERROR(provenance.status());
    KG_RETURN_IF_ERROR(flush());
    if (!chunk.empty()) runs->Push(std::move(chunk));
    return AddFiles(kProvenance, writer, args);
  }

  // The "out" index from the runs (they come in its order), and the "in" index, sorted.
  Status WriteIndexes(RunQueue* runs, std::vector<rocksdb::IngestExternalFileArg>* args) {
    TableWriter out_writer = Writer(kOut);
    FixedSorter<InRecord, InLess> in_sorter(dir, "in", in_budget);
    char key[20], weight[4];
    uint64_t edges = 0;
    std::vector<InRecord> chunk;
    while (runs->Pop(&chunk)) {
      for (const InRecord& run : chunk) {
        EncodeBE64(key, run.subject);
        EncodeBE64(key + 8, run.object);
        EncodeBE32(key + 16, run.relation);
        EncodeLE32(weight, run.weight);
        KG_RETURN_IF_ERROR(out_writer.Put(std::string_view(key, 20), std::string_view(weight, 4)));
        KG_RETURN_IF_ERROR(in_sorter.Add(run));
      }
      edges += chunk.size();
    }
    edge_count = edges;
    KG_RETURN_IF_ERROR(AddFiles(kOut, out_writer, args));
    KG_RETURN_IF_ERROR(in_sorter.Finish());
    TableWriter in_writer = Writer(kIn);
    const InRecord* in;
    while (in_sorter.Next(&in)) {
      EncodeBE64(key, in->object);
      EncodeBE64(key + 8, in->subject);
      EncodeBE32(key + 16, in->relation);
      EncodeLE32(weight, in->weight);
      KG_RETURN_IF_ERROR(in_writer.Put(std::string_view(key, 20), std::string_view(weight, 4)));
    }
    KG_RETURN_IF_ERROR(in_sorter.status());
    return AddFiles(kIn, in_writer, args);
  }

  Status WriteAliases(std::vector<rocksdb::IngestExternalFileArg>* args) {
    KG_RETURN_IF_ERROR(aliases.Finish());
    TableWriter writer = Writer(kAliases);
    std::string_view key, value;
    std::string current, count;
    uint64_t sum = 0;
    bool any = false;
    while (aliases.Next(&key, &value)) {
      if (value.size() != 4) return Status::Corruption("an alias count of the wrong size");
      if (any && key != current) {
        PutCount(&count, sum);
        KG_RETURN_IF_ERROR(writer.Put(current, count));
        sum = 0;
      }
      if (!any || key != current) current.assign(key.data(), key.size());
      any = true;
      sum += GetFixed32LE(value.data());
    }
    KG_RETURN_IF_ERROR(aliases.status());
    if (any) {
      PutCount(&count, sum);
      KG_RETURN_IF_ERROR(writer.Put(current, count));
    }
    return AddFiles(kAliases, writer, args);
  }

  Status WriteEntities(std::vector<rocksdb::IngestExternalFileArg>* args) {
    TableWriter writer = Writer(kEntities);
    for (size_t i = 0; i < entities.size(); ++i) {
      KG_RETURN_IF_ERROR(
          writer.Put(EntityKey(first_entity + i), EncodeEntityValue(Value(entities[i]))));
    }
    return AddFiles(kEntities, writer, args);
  }

  Status WriteTerms(std::vector<rocksdb::IngestExternalFileArg>* args) {
    std::vector<std::pair<std::string, std::string>> terms;
    for (const auto& [id, name] : new_relations) {
      std::string idv;
      PutFixed32BE(&idv, id);
      terms.emplace_back(RelationByIdKey(id), name);
      terms.emplace_back(RelationByNameKey(name), idv);
    }
    std::sort(terms.begin(), terms.end());
    TableWriter writer = Writer(kTerms);
    for (const auto& [k, v] : terms) KG_RETURN_IF_ERROR(writer.Put(k, v));
    return AddFiles(kTerms, writer, args);
  }

  Status WriteDocuments(std::vector<rocksdb::IngestExternalFileArg>* args) {
    for (const auto& [doc, record] : documents) {
      KG_RETURN_IF_ERROR(documents_sorter.Add(DocumentKey('d', doc), EncodeDocumentValue(record)));
    }
    for (const auto& [source, doc] : sources) {
      std::string v;
      PutFixed64BE(&v, doc);
      KG_RETURN_IF_ERROR(documents_sorter.Add(SourceKey(source), v));
    }
    KG_RETURN_IF_ERROR(documents_sorter.Finish());
    TableWriter writer = Writer(kDocuments);
    std::string_view key, value;
    while (documents_sorter.Next(&key, &value)) KG_RETURN_IF_ERROR(writer.Put(key, value));
    KG_RETURN_IF_ERROR(documents_sorter.status());
    return AddFiles(kDocuments, writer, args);
  }

  // The counters and id allocators, last: the triples' pass counted the edges.
  Status WriteDefault(std::vector<rocksdb::IngestExternalFileArg>* args) {
    std::vector<std::pair<std::string, std::string>> records;
    for (size_t c = 0; c < kCounterCount; ++c) {
      if (counters[c] == 0) continue;
      const std::string key = CounterKey(static_cast<Counter>(c));
      int64_t stored;
      KG_RETURN_IF_ERROR(store.ReadCounter(key, &stored));
      std::string v;
      PutFixed64LE(&v, static_cast<uint64_t>(stored + counters[c]));
      records.emplace_back(key, std::move(v));
    }
    std::string v;
    PutFixed64LE(&v, first_entity + entities.size());
    records.emplace_back(std::string(kNextEntityKey), v);
    v.clear();
    PutFixed32LE(&v, next_relation);
    records.emplace_back(std::string(kNextRelationKey), v);
    std::sort(records.begin(), records.end());
    TableWriter writer = Writer(kDefault);
    for (const auto& [k, value] : records) KG_RETURN_IF_ERROR(writer.Put(k, value));
    return AddFiles(kDefault, writer, args);
  }

  Status AddFiles(Cf cf, TableWriter& writer, std::vector<rocksdb::IngestExternalFileArg>* args) {
    rocksdb::IngestExternalFileArg arg;
    KG_RETURN_IF_ERROR(writer.Finish(&arg.external_files));
    if (arg.external_files.empty()) return Status::Ok();
    arg.column_family = store.cf(cf);
    arg.options.move_files = true;  // hard links: the files are in the store's directory
    arg.options.write_global_seqno = false;
    args->push_back(std::move(arg));
    return Status::Ok();
  }
};

BulkBuilder::BulkBuilder(std::unique_ptr<Rep> rep) : rep_(std::move(rep)) {}

BulkBuilder::~BulkBuilder() {
  const fs::path dir = rep_->dir;
  rep_.reset();  // closes the sorters' run files first
  std::error_code ec;
  fs::remove_all(dir, ec);
}

Status BulkBuilder::Create(detail::StoreImpl& store, const BulkOptions& options,
                           std::unique_ptr<BulkBuilder>* out) {
  std::error_code ec;
  fs::remove_all(options.temp_dir, ec);  // left by a load that crashed: nothing in it counts
  fs::create_directories(options.temp_dir, ec);
  if (ec) {
    return Status::IOError("cannot create " + options.temp_dir.string() + ": " + ec.message());
  }
  auto rep = std::make_unique<Rep>(store, options);
  KG_RETURN_IF_ERROR(rep->ReadStoredCounters());
  out->reset(new BulkBuilder(std::move(rep)));
  return Status::Ok();
}

size_t BulkBuilder::documents() const { return rep_->documents.size(); }

Status BulkBuilder::Add(const LoadDocument& in, IngestOutcome* outcome, DocId* id) {
  Rep& r = *rep_;
  if (!r.failed.ok()) return r.failed;
  const DocId doc = DocIdFromContentHash(in.content_hash);
  *id = doc;
  const bool is_file = in.source != "-";
  if (is_file) {
    auto it = r.sources.find(in.source);
    if (it != r.sources.end() && it->second != doc) {
      return Status::NotSupported("the document replaces one added earlier in this load");
    }
  }
  auto existing = r.documents.find(doc);
  if (existing != r.documents.end()) {
    auto& sources = existing->second.sources;
    if (std::find(sources.begin(), sources.end(), in.source) == sources.end()) {
      sources.emplace_back(in.source);
    }
    if (is_file) r.sources.emplace(std::string(in.source), doc);
    *outcome = IngestOutcome::kUnchanged;
    return Status::Ok();
  }
  if (in.data == nullptr)
    return Status::InvalidArgument("new content must come with its extraction");
  Status s = merge::AddDocument(r, doc, in);
  if (s.ok()) s = r.failed;
  if (!s.ok()) {
    r.failed = s;
    return s;
  }
  if (is_file) r.sources.emplace(std::string(in.source), doc);
  *outcome = IngestOutcome::kAdded;
  return Status::Ok();
}

Status BulkBuilder::Finish() {
  Rep& r = *rep_;
  KG_RETURN_IF_ERROR(r.failed);
  if (r.documents.empty()) return Status::Ok();
  const uint64_t bytes = r.provenance.records() * 56 + r.aliases.bytes() +
                         r.documents_sorter.bytes() + r.entities.size() * 40;
  if (bytes < r.small_load_bytes) r.batch = std::make_unique<rocksdb::WriteBatch>();
  std::vector<rocksdb::IngestExternalFileArg> args, more;
  KG_RETURN_IF_ERROR(r.provenance.Finish());
  if (r.batch) {  // one write batch, filled in order by this thread
    RunQueue runs(SIZE_MAX);
    Status s = r.WriteProvenance(&runs, &args);
    runs.Close();
    KG_RETURN_IF_ERROR(s);
    KG_RETURN_IF_ERROR(r.WriteIndexes(&runs, &args));
    KG_RETURN_IF_ERROR(r.WriteAliases(&args));
    KG_RETURN_IF_ERROR(r.WriteEntities(&args));
  } else {
    // Two threads: provenance, aliases and entities here; the out and in indexes on the other
    // (about the same work each).
    RunQueue runs(8);
    Status other;
    std::thread indexes([&] {
      other = r.WriteIndexes(&runs, &more);
      if (!other.ok()) runs.Stop();
    });
    Status s = r.WriteProvenance(&runs, &args);
    runs.Close();
    if (s.ok()) s = r.WriteAliases(&args);
    if (s.ok()) s = r.WriteEntities(&args);
    indexes.join();
    KG_RETURN_IF_ERROR(s);
    KG_RETURN_IF_ERROR(other);
    args.insert(args.end(), std::make_move_iterator(more.begin()),
                std::make_move_iterator(more.end()));
  }
  r.counters[static_cast<size_t>(Counter::kEdges)] += static_cast<int64_t>(r.edge_count);
  KG_RETURN_IF_ERROR(r.WriteTerms(&args));
  KG_RETURN_IF_ERROR(r.WriteDocuments(&args));
  KG_RETURN_IF_ERROR(r.WriteDefault(&args));
  if (r.batch) {
    KG_RETURN_IF_ERROR(
        FromRocks(r.store.db->Write(rocksdb::WriteOptions(), r.batch.get()), "writing the store"));
    r.documents.clear();
    return Status::Ok();
  }
  // Every column family's files in one step: after a crash, all of them or none.
  KG_RETURN_IF_ERROR(FromRocks(r.store.db->IngestExternalFiles(args), "ingesting table files"));
  r.documents.clear();
  return Status::Ok();
}

}  // namespace kg::graph
