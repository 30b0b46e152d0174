#include "graph/batch.h"

#include <rocksdb/utilities/write_batch_with_index.h>

#include <algorithm>
#include <map>
#include <unordered_map>

#include "core/text.h"
#include "graph/merge.h"

namespace kg::graph {
namespace {

// A write batch that also answers reads, so that later steps see what earlier steps wrote (an
// entity created for one mention is found by the next, a document by the next document).
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

  void Put(Cf c, std::string_view key, std::string_view value) { batch_.Put(s_.cf(c), key, value); }
  void Delete(Cf c, std::string_view key) { batch_.Delete(s_.cf(c), key); }

  Status Scan(Cf c, std::string_view prefix,
              const std::function<bool(std::string_view, std::string_view)>& fn) {
    rocksdb::ReadOptions ro;
    ro.total_order_seek = !PrefixScanUsesFilter(c, prefix);
    std::unique_ptr<rocksdb::Iterator> base(s_.db->NewIterator(ro, s_.cf(c)));
    std::unique_ptr<rocksdb::Iterator> it(batch_.NewIteratorWithBase(s_.cf(c), base.release()));
    for (it->Seek(prefix); it->Valid(); it->Next()) {
      const std::string_view key(it->key().data(), it->key().size());
      if (key.substr(0, prefix.size()) != prefix) break;
      if (!fn(key, std::string_view(it->value().data(), it->value().size()))) break;
    }
    return FromRocks(it->status(), "scanning the store");
  }

  void SetSavePoint() { batch_.SetSavePoint(); }
  Status RollbackToSavePoint() {
    return FromRocks(batch_.RollbackToSavePoint(), "rolling back a document");
  }
  Status PopSavePoint() { return FromRocks(batch_.PopSavePoint(), "writing the store"); }

  size_t count() { return batch_.GetWriteBatch()->Count(); }
  size_t bytes() { return batch_.GetWriteBatch()->GetDataSize(); }

  Status Write() {
    rocksdb::WriteOptions wo;
    Status s = FromRocks(s_.db->Write(wo, batch_.GetWriteBatch()), "writing the store");
    batch_.Clear();
    return s;
  }

 private:
  detail::StoreImpl& s_;
  rocksdb::WriteBatchWithIndex batch_;
};

}  // namespace

// The State of merge.h over a write batch (see merge.h for the contract of each method).
struct BatchWriter::Rep {
  explicit Rep(detail::StoreImpl& s) : store(s), txn(s) {}

  detail::StoreImpl& store;
  Txn txn;
  bool loaded = false;  // next_entity_/next_relation_ read from the store
  EntityId next_entity = 1;
  RelationId next_relation = 1;
  CounterDeltas counters{};
  size_t documents = 0;
  std::map<TripleKey, int64_t> deltas;  // weight changes of the current document
  size_t facts_in_document = 0;

  Status LoadIdCounters() {
    std::string v;
    bool found;
    KG_RETURN_IF_ERROR(txn.Get(kDefault, kNextEntityKey, &v, &found));
    next_entity = found && v.size() == 8 ? GetFixed64LE(v.data()) : 1;
    KG_RETURN_IF_ERROR(txn.Get(kDefault, kNextRelationKey, &v, &found));
    next_relation = found && v.size() == 4 ? GetFixed32LE(v.data()) : 1;
    loaded = true;
    return Status::Ok();
  }

  // ----- the State of merge.h -----

  Status FindAliasIds(std::string_view name_key, std::vector<EntityId>* ids) {
    ids->clear();
    return txn.Scan(kAliases, AliasLookupPrefix(name_key), [&](std::string_view key, auto) {
      std::string unused;
      EntityId cand;
      if (DecodeAliasLookupKey(key, &unused, &cand)) ids->push_back(cand);
      return true;
    });
  }

  Status GetEntity(EntityId id, EntityValue* e, bool* found) {
    std::string v;
    KG_RETURN_IF_ERROR(txn.Get(kEntities, EntityKey(id), &v, found));
    if (*found && !DecodeEntityValue(v, e)) {
      return Status::Corruption("entity record " + std::to_string(id) + " is damaged");
    }
    return Status::Ok();
  }

  void PutEntity(EntityId id, const EntityValue& e) {
    txn.Put(kEntities, EntityKey(id), EncodeEntityValue(e));
  }

  EntityId NewEntityId() { return next_entity++; }

  // Adds `delta` to a 4-byte count; deletes the key when the count reaches zero.
  Status AddToCount(Cf c, const std::string& key, int64_t delta, uint32_t* before = nullptr) {
    std::string v;
    bool found;
    KG_RETURN_IF_ERROR(txn.Get(c, key, &v, &found));
    int64_t count = found && v.size() == 4 ? GetFixed32LE(v.data()) : 0;
    if (before) *before = static_cast<uint32_t>(count);
    count += delta;
    if (count <= 0) {
      if (found) txn.Delete(c, key);
      return Status::Ok();
    }
    v.clear();
    PutFixed32LE(&v, static_cast<uint32_t>(count));
    txn.Put(c, key, v);
    return Status::Ok();
  }

  Status AddAlias(EntityId id, std::string_view surface, std::string_view name_key, int64_t delta) {
    KG_RETURN_IF_ERROR(AddToCount(kAliases, AliasLookupKey(name_key, id), delta));
    return AddToCount(kAliases, AliasListKey(id, surface), delta);
  }

  Status ResolveRelation(std::string_view name, RelationId* id) {
    std::string v;
    bool found;
    KG_RETURN_IF_ERROR(txn.Get(kTerms, RelationByNameKey(name), &v, &found));
    if (found) {
      if (v.size() != 4) {
        return Status::Corruption("relation term '" + std::string(name) + "' is damaged");
      }
      *id = GetFixed32BE(v.data());
      return Status::Ok();
    }
    *id = next_relation++;
    std::string idv;
    PutFixed32BE(&idv, *id);
    txn.Put(kTerms, RelationByNameKey(name), idv);
    txn.Put(kTerms, RelationByIdKey(*id), name);
    return Status::Ok();
  }

  Status PutProvenance(const ProvenanceKey& key, const ProvenanceValue& value) {
    if (++facts_in_document > kMaxFactsPerDocument) {
      return Status::InvalidArgument(
          "more than " + std::to_string(kMaxFactsPerDocument) +
          " facts in one document: too many to add to a store that holds data (load it into "
          "an empty store, or split it)");
    }
    txn.Put(kProvenance, ProvenanceKeyBytes(key), EncodeProvenanceValue(value));
    return Status::Ok();
  }

  void CountFact(const TripleKey& t) { deltas[t] += 1; }

  Status ApplyWeights() {
    for (const auto& [t, delta] : deltas) {
      uint32_t before = 0;
      KG_RETURN_IF_ERROR(AddToCount(kOut, OutKey(t), delta, &before));
      KG_RETURN_IF_ERROR(AddToCount(kIn, InKey(t), delta));
      const int64_t after = std::max<int64_t>(0, before + delta);
      if (before == 0 && after > 0) Count(Counter::kEdges, 1);
      if (before > 0 && after == 0) Count(Counter::kEdges, -1);
    }
    deltas.clear();
    return Status::Ok();
  }

  Status FinishFacts() { return ApplyWeights(); }

  void Count(Counter c, int64_t delta) { counters[static_cast<size_t>(c)] += delta; }

  void PutDocument(DocId doc, const DocumentValue& record, std::string_view text,
                   const std::string& spans) {
    txn.Put(kDocuments, DocumentKey('d', doc), EncodeDocumentValue(record));
    txn.Put(kDocuments, DocumentKey('t', doc), text);
    txn.Put(kDocuments, DocumentKey('s', doc), spans);
  }

  void PutUndo(DocId doc, int64_t piece, const std::string& value) {
    std::string key = DocumentKey('u', doc);
    if (piece >= 0) PutFixed32BE(&key, static_cast<uint32_t>(piece));
    txn.Put(kDocuments, key, value);
  }

  // ----- removal -----

  // Takes a stored document and everything it added out of the store.
  Status RemoveDocument(DocId doc) {
    std::string v;
    bool found;
    KG_RETURN_IF_ERROR(txn.Get(kDocuments, DocumentKey('d', doc), &v, &found));
    if (!found) return Status::Ok();
    DocumentValue record;
    if (!DecodeDocumentValue(v, &record)) {
      return Status::Corruption("document record " + DocIdHex(doc) + " is damaged");
    }
    // The undo record: one value, or pieces (keys 'u' doc_id piece).
    std::vector<std::pair<std::string, UndoRecord>> pieces;
    Status bad;
    KG_RETURN_IF_ERROR(txn.Scan(
        kDocuments, DocumentKey('u', doc), [&](std::string_view key, std::string_view value) {
          UndoRecord undo;
          if ((key.size() != 9 && key.size() != 13) || !DecodeUndoRecord(value, &undo)) {
            bad = Status::Corruption("undo record of document " + DocIdHex(doc) + " is damaged");
            return false;
          }
          pieces.emplace_back(std::string(key), std::move(undo));
          return true;
        }));
    KG_RETURN_IF_ERROR(bad);
    if (pieces.empty()) {
      return Status::Corruption("undo record of document " + DocIdHex(doc) + " is missing");
    }
    int64_t facts = 0;
    const auto remove = [&](const ProvenanceKey& f) {
      txn.Delete(kProvenance, ProvenanceKeyBytes(f));
      deltas[f.triple] -= 1;
      ++facts;
    };
    if (record.facts <= kUndoListedFacts) {
      for (const auto& [key, undo] : pieces) {
        for (const auto& f : undo.facts) remove(f);
      }
    } else {
      // A large document: its facts are not listed; find them by their doc id.
      if (record.facts > kMaxFactsPerDocument) {
        return Status::InvalidArgument("the stored document " + DocIdHex(doc) +
                                       " this replaces has " + std::to_string(record.facts) +
                                       " facts: too many to take out in one batch (build "
                                       "the store again: kg load into an empty store)");
      }
      std::vector<ProvenanceKey> found;
      KG_RETURN_IF_ERROR(txn.Scan(kProvenance, "", [&](std::string_view key, auto) {
        ProvenanceKey k;
        if (DecodeProvenanceKey(key, &k) && k.doc == doc) found.push_back(k);
        return true;
      }));
      for (const auto& f : found) remove(f);
    }
    Count(Counter::kTriples, -facts);
    KG_RETURN_IF_ERROR(ApplyWeights());
    for (const auto& [key, undo] : pieces) {
      for (const auto& use : undo.entities) KG_RETURN_IF_ERROR(RemoveUse(use));
      txn.Delete(kDocuments, key);
    }
    for (char kind : {'d', 't', 's'}) txn.Delete(kDocuments, DocumentKey(kind, doc));
    Count(Counter::kDocuments, -1);
    Count(Counter::kSentences, -static_cast<int64_t>(record.sentences));
    return Status::Ok();
  }

  Status RemoveUse(const UndoRecord::EntityUse& use) {
    EntityValue e;
    bool found;
    KG_RETURN_IF_ERROR(GetEntity(use.id, &e, &found));
    if (!found) return Status::Ok();
    for (const auto& [surface, count] : use.surfaces) {
      const std::string key = NameKey(surface);
      if (key.empty()) continue;
      KG_RETURN_IF_ERROR(AddAlias(use.id, surface, key, -static_cast<int64_t>(count)));
    }
    e.mentions -= std::min(e.mentions, use.mentions);
    e.documents -= std::min<uint32_t>(e.documents, 1);
    if (e.documents > 0) {
      PutEntity(use.id, e);
      return Status::Ok();
    }
    // No document mentions it any more: the entity goes, with every name it had.
    std::vector<std::string> surfaces;
    KG_RETURN_IF_ERROR(txn.Scan(kAliases, AliasListPrefix(use.id), [&](std::string_view key, auto) {
      EntityId unused;
      std::string surface;
      if (DecodeAliasListKey(key, &unused, &surface)) surfaces.push_back(surface);
      return true;
    }));
    for (const auto& s : surfaces) {
      txn.Delete(kAliases, AliasListKey(use.id, s));
      txn.Delete(kAliases, AliasLookupKey(NameKey(s), use.id));
    }
    txn.Delete(kEntities, EntityKey(use.id));
    Count(Counter::kEntities, -1);
    Count(TypeCounter(e.type), -1);
    return Status::Ok();
  }

  // ----- one document -----

  Status AddOne(const LoadDocument& in, IngestOutcome* outcome, DocId* id) {
    const DocId doc = DocIdFromContentHash(in.content_hash);
    *id = doc;
    bool replaced = false;
    facts_in_document = 0;

    // The source's previous content, if it was other content, loses this source; when no
    // source is left, its facts go.
    std::string v;
    bool found = false;
    const std::string source_key = SourceKey(in.source);
    const bool is_file = in.source != "-";
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
          KG_RETURN_IF_ERROR(RemoveDocument(old));
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
      return Status::Ok();
    }
    if (in.data == nullptr) {
      return Status::InvalidArgument("new content must come with its extraction");
    }
    KG_RETURN_IF_ERROR(merge::AddDocument(*this, doc, in));
    *outcome = replaced ? IngestOutcome::kReplaced : IngestOutcome::kAdded;
    return Status::Ok();
  }
};

BatchWriter::BatchWriter(detail::StoreImpl& store) : rep_(std::make_unique<Rep>(store)) {}
BatchWriter::~BatchWriter() = default;

size_t BatchWriter::pending_documents() const { return rep_->documents; }
size_t BatchWriter::pending_bytes() const { return rep_->txn.bytes(); }

Status BatchWriter::Add(const LoadDocument& doc, IngestOutcome* outcome, DocId* id) {
  if (rep_->store.read_only) return Status::InvalidArgument("the store is open read-only");
  Rep& r = *rep_;
  if (!r.loaded) KG_RETURN_IF_ERROR(r.LoadIdCounters());
  // What to restore if this document fails halfway.
  const EntityId next_entity = r.next_entity;
  const RelationId next_relation = r.next_relation;
  const CounterDeltas counters = r.counters;
  r.txn.SetSavePoint();
  Status s = r.AddOne(doc, outcome, id);
  if (!s.ok()) {
    r.deltas.clear();
    r.next_entity = next_entity;
    r.next_relation = next_relation;
    r.counters = counters;
    Status undo = r.txn.RollbackToSavePoint();
    return undo.ok() ? s : undo;
  }
  ++r.documents;
  return r.txn.PopSavePoint();
}

Status BatchWriter::Commit() {
  Rep& r = *rep_;
  if (r.documents == 0 && r.txn.count() == 0) return Status::Ok();
  for (size_t c = 0; c < kCounterCount; ++c) {
    if (r.counters[c] == 0) continue;
    const std::string key = CounterKey(static_cast<Counter>(c));
    int64_t value;
    KG_RETURN_IF_ERROR(r.store.ReadCounter(key, &value));
    std::string v;
    PutFixed64LE(&v, static_cast<uint64_t>(value + r.counters[c]));
    r.txn.Put(kDefault, key, v);
  }
  if (r.loaded) {
    std::string v;
    PutFixed64LE(&v, r.next_entity);
    r.txn.Put(kDefault, kNextEntityKey, v);
    v.clear();
    PutFixed32LE(&v, r.next_relation);
    r.txn.Put(kDefault, kNextRelationKey, v);
  }
  Status s = r.txn.Write();
  r.counters = {};
  r.documents = 0;
  r.loaded = false;  // read them again: they are in the store now
  return s;
}

}  // namespace kg::graph
