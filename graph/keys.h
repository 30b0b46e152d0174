// The on-disk layout of a kg store: RocksDB column families, their keys and their values.
//
// Integers in keys are big-endian so that RocksDB's bytewise order is numeric order and one prefix
// scan finds every key that shares a leading id. Integers in values are little-endian fixed width
// unless marked varint (LEB128). Strings in values are varint length-prefixed.
//
//   entity_id   := uint64 (8, big-endian), allocated from 1 upwards; 0 means "none"
//   relation    := uint32 (4, big-endian) := relation_id << 1 | negated
//   doc_id      := uint64 (8, big-endian) := the first 8 bytes of the XXH3-128 content hash
//
// Column family "default" (store metadata):
//   "schema"                       -> version(4)             the layout version, kSchemaVersion
//   "next_entity"                  -> uint64(8)              next entity id to allocate
//   "next_relation"                -> uint32(4)              next relation id to allocate
//   "count/" name                  -> int64(8)               the counters of `kg stats`
//
// Column family "terms" (the relation dictionary, id <-> string):
//   'r' relation_name              -> relation_id(4)
//   'R' relation_id(4, BE)         -> relation_name
//
// Column family "entities":
//   'e' entity_id                  -> type(1) mentions(4) documents(4) name(rest of the value)
//
// Column family "aliases" (every surface form an entity was mentioned by):
//   'n' name_key 0x00 entity_id    -> count(4)               lookup: NameKey(surface) -> entities
//   'a' entity_id surface          -> count(4)               listing: entity -> its surface forms
//
// Column families "out" and "in" (the triples, indexed from each end):
//   out: subject_id object_id relation  -> weight(4)         out-neighbours: prefix subject_id
//   in:  object_id subject_id relation  -> weight(4)         in-neighbours:  prefix object_id
//   weight = the number of provenance entries of the triple (supporting mentions)
//
// Column family "provenance" (one entry per sentence that states a triple):
//   subject_id object_id relation doc_id sentence(4) begin(4)
//       -> end(4) confidence(float, 4) extractor_version(4) attributed_to(entity_id, 8, LE)
//
// Column family "documents":
//   'd' doc_id                     -> DocumentRecord: content_hash(string) ingested_at(int64)
//                                     sentences(4) facts(4) sources(varint count, strings)
//   't' doc_id                     -> the document's text, as ingested (valid UTF-8)
//   's' doc_id                     -> sentence spans: (begin(4) end(4))*
//   'u' doc_id                     -> UndoRecord: what the document added, so that an edited
//                                     file can take its old version out exactly
//   'u' doc_id piece(4, BE)        -> UndoRecord: one piece of the undo record of a document that
//                                     names many entities (schema 2); the pieces together hold
//                                     what one record would. A document with more facts than
//                                     kUndoListedFacts (graph/store_impl.h) lists none (schema 2):
//                                     its provenance entries are found by their doc_id.
//   'p' source_path                -> doc_id(8, BE)          the current version of a file
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/types.h"

namespace kg::graph {

// 2: undo records of large documents may be split into pieces. Schema 1 stores are read as they
// are and marked 2 when opened for writing.
inline constexpr uint32_t kSchemaVersion = 2;

using EntityId = uint64_t;
using RelationId = uint32_t;
using DocId = uint64_t;

// Column family names, in the order the store opens them ("default" first).
inline constexpr const char* kColumnFamilies[] = {"default", "terms",      "entities", "aliases",
                                                  "out",     "in",         "provenance",
                                                  "documents"};
inline constexpr size_t kColumnFamilyCount = sizeof(kColumnFamilies) / sizeof(kColumnFamilies[0]);

// A triple as its key stores it.
struct TripleKey {
  EntityId subject = 0;
  EntityId object = 0;
  RelationId relation = 0;
  bool negated = false;
  auto operator<=>(const TripleKey&) const = default;
};

struct ProvenanceKey {
  TripleKey triple;
  DocId doc = 0;
  uint32_t sentence = 0;
  uint32_t begin = 0;
  auto operator<=>(const ProvenanceKey&) const = default;
};

struct ProvenanceValue {
  uint32_t end = 0;
  float confidence = 1.0f;
  uint32_t extractor_version = 0;
  EntityId attributed_to = 0;
};

struct EntityValue {
  EntityType type = EntityType::kOther;
  uint32_t mentions = 0;
  uint32_t documents = 0;
  std::string name;
};

struct DocumentValue {
  std::string content_hash;  // 32 hex digits
  int64_t ingested_at = 0;   // seconds since the Unix epoch
  uint32_t sentences = 0;
  uint32_t facts = 0;
  std::vector<std::string> sources;  // paths this content was read from ("-" for stdin)
};

// What one document added to the store, in enough detail to take it out again.
struct UndoRecord {
  struct EntityUse {
    EntityId id = 0;
    uint32_t mentions = 0;
    std::vector<std::pair<std::string, uint32_t>> surfaces;  // surface form, count
  };
  std::vector<EntityUse> entities;
  std::vector<ProvenanceKey> facts;
};

// Encoders append to `out`; decoders return false when the bytes are not a valid encoding
// (truncated, wrong length, wrong tag): callers report that as corruption.
void PutFixed32BE(std::string* out, uint32_t v);
void PutFixed64BE(std::string* out, uint64_t v);
uint32_t GetFixed32BE(const char* p);
uint64_t GetFixed64BE(const char* p);
void PutFixed32LE(std::string* out, uint32_t v);
void PutFixed64LE(std::string* out, uint64_t v);
uint32_t GetFixed32LE(const char* p);
uint64_t GetFixed64LE(const char* p);

std::string EntityKey(EntityId id);
bool DecodeEntityKey(std::string_view key, EntityId* id);
std::string EncodeEntityValue(const EntityValue& v);
bool DecodeEntityValue(std::string_view value, EntityValue* v);

std::string AliasLookupPrefix(std::string_view name_key);  // 'n' name_key 0x00
std::string AliasLookupKey(std::string_view name_key, EntityId id);
bool DecodeAliasLookupKey(std::string_view key, std::string* name_key, EntityId* id);
std::string AliasListPrefix(EntityId id);  // 'a' entity_id
std::string AliasListKey(EntityId id, std::string_view surface);
bool DecodeAliasListKey(std::string_view key, EntityId* id, std::string* surface);

std::string RelationByNameKey(std::string_view name);
std::string RelationByIdKey(RelationId id);
uint32_t PackRelation(RelationId id, bool negated);

// Keys of the "out" index (subject first) and the "in" index (object first).
std::string OutKey(const TripleKey& t);
std::string InKey(const TripleKey& t);
bool DecodeOutKey(std::string_view key, TripleKey* t);
bool DecodeInKey(std::string_view key, TripleKey* t);
std::string EntityPrefix(EntityId id);  // 8 bytes: the prefix of both "out" and "in" scans

std::string ProvenanceKeyBytes(const ProvenanceKey& k);
bool DecodeProvenanceKey(std::string_view key, ProvenanceKey* k);
std::string TriplePrefix(const TripleKey& t);  // the first 20 bytes of its provenance keys
std::string EncodeProvenanceValue(const ProvenanceValue& v);
bool DecodeProvenanceValue(std::string_view value, ProvenanceValue* v);

std::string DocumentKey(char kind, DocId id);  // kind: 'd', 't', 's', 'u'
std::string SourceKey(std::string_view path);
std::string EncodeDocumentValue(const DocumentValue& v);
bool DecodeDocumentValue(std::string_view value, DocumentValue* v);
std::string EncodeSpans(const std::vector<Span>& spans);
bool DecodeSpans(std::string_view value, std::vector<Span>* spans);
std::string EncodeUndoRecord(const UndoRecord& u);
bool DecodeUndoRecord(std::string_view value, UndoRecord* u);

// 16 lower-case hex digits: how users see a document id.
std::string DocIdHex(DocId id);
bool ParseDocIdHex(std::string_view hex, DocId* id);
// The doc id of a content hash (32 hex digits): its first 16 digits.
DocId DocIdFromContentHash(std::string_view content_hash);

}  // namespace kg::graph
