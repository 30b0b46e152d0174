// Internal to graph/: how one document's entities and facts are merged into a store. This is the
// one place that decides entity resolution, alias counts, relation ids, edge weights, provenance,
// the undo record and the counters. It is written once, over a State, and run against two:
//
//   - the store itself, through a write batch (store.cc: `kg ingest`, `kg load` into a store that
//     holds data), and
//   - an in-memory image of a store being bulk-built into table files (bulk.cc: `kg load` and
//     `kg ingest` into an empty store).
//
// So both paths give the same store for the same documents in the same order.
//
// A State provides:
//   Status FindAliasIds(std::string_view name_key, std::vector<EntityId>* ids)  ascending ids
//   Status GetEntity(EntityId, EntityValue*, bool* found)
//   void PutEntity(EntityId, const EntityValue&)
//   EntityId NewEntityId()
//   Status AddAlias(EntityId, std::string_view surface, std::string_view name_key, int64_t delta)
//   Status ResolveRelation(std::string_view name, RelationId*)     allocating new ids in order
//   Status PutProvenance(const ProvenanceKey&, const ProvenanceValue&)
//   void CountFact(const TripleKey&)                                the triple's weight + 1
//   Status FinishFacts()                                            after the document's facts
//   void Count(Counter, int64_t delta)
//   void PutDocument(DocId, const DocumentValue&, std::string_view text, std::string spans)
//   void PutUndo(DocId, int64_t piece, std::string value)          piece -1: the whole record
#pragma once

#include <algorithm>
#include <cstdint>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "core/text.h"
#include "graph/document_source.h"
#include "graph/keys.h"
#include "graph/store_impl.h"

namespace kg::graph::merge {

// Two mentions can be one entity when their types agree, when one is untyped, or when one says
// place and the other organization: "the Kremlin" is both a building and an institution.
inline bool CompatibleTypes(EntityType a, EntityType b) {
  if (a == b) return true;
  if (a == EntityType::kDemand || b == EntityType::kDemand) return false;
  if (a == EntityType::kOther || b == EntityType::kOther) return true;
  const auto place_or_org = [](EntityType t) {
    return t == EntityType::kPlace || t == EntityType::kOrganization;
  };
  return place_or_org(a) && place_or_org(b);
}

inline size_t WordCount(std::string_view s) {
  size_t words = 0;
  bool in_word = false;
  for (char c : s) {
    const bool space = c == ' ';
    if (!space && !in_word) ++words;
    in_word = !space;
  }
  return words;
}

// The stored entities one document uses, with the surface forms it counted for each: what its
// undo record lists. Compact, because a TSV document can name a million entities.
class DocumentUses final {
 public:
  struct Use {
    EntityId id = 0;
    uint32_t mentions = 0;
    uint32_t first_surface = kNone;  // the surfaces form a list, the latest first
  };
  struct Surface {
    const char* data;  // a view of the document source: valid while the document is added
    uint32_t size;
    uint32_t next;
    std::string_view text() const { return std::string_view(data, size); }
  };
  static constexpr uint32_t kNone = UINT32_MAX;

  // The use of `id`, or kNone.
  uint32_t Find(EntityId id) const {
    if (slots_.empty()) return kNone;
    for (size_t i = Hash(id) & (slots_.size() - 1);; i = (i + 1) & (slots_.size() - 1)) {
      if (slots_[i] == kNone) return kNone;
      if (uses_[slots_[i]].id == id) return slots_[i];
    }
  }
  // The use of `id`, added if new.
  uint32_t FindOrAdd(EntityId id) {
    uint32_t u = Find(id);
    if (u != kNone) return u;
    if ((uses_.size() + 1) * 2 > slots_.size()) Grow();
    u = static_cast<uint32_t>(uses_.size());
    uses_.push_back({id, 0, kNone});
    Insert(u);
    return u;
  }
  // Adds `surface` to use u unless it is there already; true if it was added.
  bool AddSurface(uint32_t u, std::string_view surface) {
    Use& use = uses_[u];
    for (uint32_t s = use.first_surface; s != kNone; s = surfaces_[s].next) {
      if (surfaces_[s].text() == surface) return false;
    }
    surfaces_.push_back({surface.data(), static_cast<uint32_t>(surface.size()), use.first_surface});
    use.first_surface = static_cast<uint32_t>(surfaces_.size() - 1);
    return true;
  }
  Use& use(uint32_t u) { return uses_[u]; }
  const std::vector<Use>& uses() const { return uses_; }
  const std::vector<Surface>& surfaces() const { return surfaces_; }

 private:
  static size_t Hash(EntityId id) { return static_cast<size_t>(id * 0x9E3779B97F4A7C15ull >> 17); }
  void Insert(uint32_t u) {
    for (size_t i = Hash(uses_[u].id) & (slots_.size() - 1);; i = (i + 1) & (slots_.size() - 1)) {
      if (slots_[i] == kNone) {
        slots_[i] = u;
        return;
      }
    }
  }
  void Grow() {
    slots_.assign(std::max<size_t>(16, slots_.size() * 2), kNone);
    for (uint32_t u = 0; u < uses_.size(); ++u) Insert(u);
  }
  std::vector<Use> uses_;
  std::vector<Surface> surfaces_;
  std::vector<uint32_t> slots_;  // open addressing over uses_, power-of-two size
};

// Finds the stored entity that `e` is, or creates it; returns its id. `keys` are the name keys
// of its canonical name (first, unless empty) and of its aliases, each once; `name_key` is the
// canonical name's. `uses` knows which stored entities this document already counted (their
// document count grows once per document).
template <class State>
Status ResolveEntity(State& st, const EntityView& e, const std::string& name_key,
                     const std::vector<std::string_view>& keys, const DocumentUses& uses,
                     EntityId* id, std::vector<EntityId>* ids) {
  // Candidates: stored entities sharing a name key; the canonical name's key ranks first.
  EntityId best = 0;
  EntityValue best_value;
  int best_rank = -1;
  for (size_t k = 0; k < keys.size(); ++k) {
    KG_RETURN_IF_ERROR(st.FindAliasIds(keys[k], ids));
    for (EntityId cand : *ids) {
      EntityValue v;
      bool found;
      KG_RETURN_IF_ERROR(st.GetEntity(cand, &v, &found));
      if (!found || !CompatibleTypes(v.type, e.type)) continue;
      // Demands merge only on the same wording.
      if (e.type == EntityType::kDemand && NameKey(v.name) != name_key) continue;
      const int rank =
          (k == 0 ? 1 << 30 : 0) + static_cast<int>(std::min<uint32_t>(v.mentions, (1 << 30) - 1));
      if (rank > best_rank) {
        best_rank = rank;
        best = cand;
        best_value = std::move(v);
      }
    }
  }
  if (best == 0) {
    *id = st.NewEntityId();
    EntityValue v;
    v.type = e.type;
    v.name = std::string(e.name);
    v.mentions = e.mentions;
    v.documents = 1;
    st.PutEntity(*id, v);
    st.Count(Counter::kEntities, 1);
    st.Count(TypeCounter(v.type), 1);
    return Status::Ok();
  }
  *id = best;
  best_value.mentions += e.mentions;
  // A second extracted entity of this document adds mentions, not a document.
  if (uses.Find(best) == DocumentUses::kNone) best_value.documents += 1;
  if (best_value.type == EntityType::kOther && e.type != EntityType::kOther) {
    st.Count(TypeCounter(best_value.type), -1);
    st.Count(TypeCounter(e.type), 1);
    best_value.type = e.type;
  }
  // "Putin" stored first, "Vladimir Putin" now: the fuller name becomes canonical.
  const std::string stored_key = NameKey(best_value.name);
  if (stored_key != name_key && WordCount(e.name) > WordCount(best_value.name) &&
      std::find(keys.begin(), keys.end(), stored_key) != keys.end()) {
    best_value.name = std::string(e.name);
  }
  st.PutEntity(best, best_value);
  return Status::Ok();
}

// Writes the undo record of a document: one record when it is small, pieces when it names many
// entities; its facts are listed only up to kUndoListedFacts (see store_impl.h).
class UndoWriter final {
 public:
  explicit UndoWriter(DocId doc) : doc_(doc) {}

  void AddFact(const ProvenanceKey& key) {
    if (!listed_) return;
    if (facts_.size() == kUndoListedFacts) {
      listed_ = false;  // too many to list: removal will scan for them
      facts_ = std::vector<ProvenanceKey>();
      return;
    }
    facts_.push_back(key);
  }

  template <class State>
  void Finish(State& st, const DocumentUses& uses) {
    const auto& all = uses.uses();
    const auto& surfaces = uses.surfaces();
    const bool whole = all.size() <= kUndoPieceEntities;
    size_t next = 0;
    int64_t piece = 0;
    do {
      UndoRecord rec;
      rec.facts.swap(facts_);  // all in the first record or piece
      const size_t end = std::min(all.size(), next + kUndoPieceEntities);
      for (; next < end; ++next) {
        const DocumentUses::Use& u = all[next];
        UndoRecord::EntityUse use;
        use.id = u.id;
        use.mentions = u.mentions;
        for (uint32_t s = u.first_surface; s != DocumentUses::kNone; s = surfaces[s].next) {
          use.surfaces.emplace_back(std::string(surfaces[s].text()), 1);
        }
        rec.entities.push_back(std::move(use));
      }
      st.PutUndo(doc_, whole ? -1 : piece++, EncodeUndoRecord(rec));
    } while (next < all.size());
  }

 private:
  DocId doc_;
  std::vector<ProvenanceKey> facts_;
  bool listed_ = true;
};

// Adds a new document (its content is not stored yet) and everything found in it.
template <class State>
Status AddDocument(State& st, DocId doc, const LoadDocument& in) {
  const DocumentSource& x = *in.data;
  const size_t n = x.entity_count();
  std::vector<EntityId> ids(n);
  DocumentUses uses;
  std::vector<EntityId> candidates;
  std::vector<std::string_view> surfaces;  // an entity's names, sorted, each once
  std::vector<std::string> surface_keys;   // their name keys: computed once each
  std::vector<std::string_view> keys;
  for (size_t i = 0; i < n; ++i) {
    const EntityView e = x.entity(i);
    surfaces.assign(e.aliases.begin(), e.aliases.end());
    surfaces.push_back(e.name);
    std::sort(surfaces.begin(), surfaces.end());
    surfaces.erase(std::unique(surfaces.begin(), surfaces.end()), surfaces.end());
    surface_keys.resize(surfaces.size());
    for (size_t k = 0; k < surfaces.size(); ++k) surface_keys[k] = NameKey(surfaces[k]);
    const auto key_of = [&](std::string_view surface) -> const std::string& {
      return surface_keys[std::lower_bound(surfaces.begin(), surfaces.end(), surface) -
                          surfaces.begin()];
    };
    // The keys to look the entity up by: its canonical name's first, then its aliases'.
    const std::string& name_key = key_of(e.name);
    keys.clear();
    if (!name_key.empty()) keys.push_back(name_key);
    for (std::string_view alias : e.aliases) {
      const std::string& k = key_of(alias);
      if (!k.empty() && std::find(keys.begin(), keys.end(), k) == keys.end()) keys.push_back(k);
    }
    KG_RETURN_IF_ERROR(ResolveEntity(st, e, name_key, keys, uses, &ids[i], &candidates));
    const uint32_t u = uses.FindOrAdd(ids[i]);
    uses.use(u).mentions += e.mentions;
    for (size_t k = 0; k < surfaces.size(); ++k) {
      if (surface_keys[k].empty()) continue;
      if (!uses.AddSurface(u, surfaces[k])) continue;  // one count per document
      KG_RETURN_IF_ERROR(st.AddAlias(ids[i], surfaces[k], surface_keys[k], 1));
    }
  }
  UndoWriter undo(doc);
  std::set<ProvenanceKey> written;  // only for sources whose facts may repeat
  const bool unique = x.unique_fact_positions();
  int64_t facts = 0;
  KG_RETURN_IF_ERROR(x.ForEachFact([&](const FactView& f) -> Status {
    if (f.subject >= n || f.object >= n) {
      return Status::InvalidArgument("a fact refers to an entity the document does not have");
    }
    if (ids[f.subject] == ids[f.object]) return Status::Ok();  // one entity: no self-loops
    ProvenanceKey key;
    key.triple.subject = ids[f.subject];
    key.triple.object = ids[f.object];
    key.triple.negated = f.negated;
    KG_RETURN_IF_ERROR(st.ResolveRelation(f.relation, &key.triple.relation));
    key.doc = doc;
    key.sentence = f.sentence;
    key.begin = f.span.begin;
    if (!unique && !written.insert(key).second) return Status::Ok();  // stated twice in one place
    ProvenanceValue value;
    value.end = f.span.end;
    value.confidence = f.confidence;
    value.extractor_version = in.extractor_version;
    value.attributed_to =
        f.attributed_to >= 0 && static_cast<size_t>(f.attributed_to) < n ? ids[f.attributed_to] : 0;
    KG_RETURN_IF_ERROR(st.PutProvenance(key, value));
    st.CountFact(key.triple);
    undo.AddFact(key);
    ++facts;
    return Status::Ok();
  }));
  KG_RETURN_IF_ERROR(st.FinishFacts());
  st.Count(Counter::kTriples, facts);

  DocumentValue record;
  record.content_hash = std::string(in.content_hash);
  record.ingested_at = in.ingested_at;
  record.sentences = static_cast<uint32_t>(in.sentences.size());
  record.facts = static_cast<uint32_t>(facts);
  record.sources.emplace_back(in.source);
  st.PutDocument(doc, record, in.text,
                 EncodeSpans(std::vector<Span>(in.sentences.begin(), in.sentences.end())));
  undo.Finish(st, uses);
  st.Count(Counter::kDocuments, 1);
  st.Count(Counter::kSentences, static_cast<int64_t>(in.sentences.size()));
  return Status::Ok();
}

}  // namespace kg::graph::merge
