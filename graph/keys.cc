#include "graph/keys.h"

#include <cstring>

namespace kg::graph {
namespace {

void PutVarint(std::string* out, uint64_t v) {
  while (v >= 0x80) {
    out->push_back(static_cast<char>((v & 0x7F) | 0x80));
    v >>= 7;
  }
  out->push_back(static_cast<char>(v));
}

bool GetVarint(std::string_view* in, uint64_t* v) {
  uint64_t result = 0;
  for (int shift = 0; shift <= 63 && !in->empty(); shift += 7) {
    const auto byte = static_cast<unsigned char>(in->front());
    in->remove_prefix(1);
    result |= static_cast<uint64_t>(byte & 0x7F) << shift;
    if ((byte & 0x80) == 0) {
      *v = result;
      return true;
    }
  }
  return false;
}

void PutString(std::string* out, std::string_view s) {
  PutVarint(out, s.size());
  out->append(s);
}

bool GetString(std::string_view* in, std::string* s) {
  uint64_t len;
  if (!GetVarint(in, &len) || len > in->size()) return false;
  s->assign(in->data(), len);
  in->remove_prefix(len);
  return true;
}

bool GetFixed32(std::string_view* in, uint32_t* v) {
  if (in->size() < 4) return false;
  *v = GetFixed32LE(in->data());
  in->remove_prefix(4);
  return true;
}

bool GetFixed64(std::string_view* in, uint64_t* v) {
  if (in->size() < 8) return false;
  *v = GetFixed64LE(in->data());
  in->remove_prefix(8);
  return true;
}

// A limit on decoded element counts, so that a damaged count cannot ask for gigabytes.
bool PlausibleCount(uint64_t count, const std::string_view& rest, size_t min_bytes_each) {
  return count <= rest.size() / (min_bytes_each == 0 ? 1 : min_bytes_each);
}

}  // namespace

void PutFixed32BE(std::string* out, uint32_t v) {
  char buf[4];
  for (int i = 3; i >= 0; --i) {
    buf[i] = static_cast<char>(v & 0xFF);
    v >>= 8;
  }
  out->append(buf, 4);
}

void PutFixed64BE(std::string* out, uint64_t v) {
  char buf[8];
  for (int i = 7; i >= 0; --i) {
    buf[i] = static_cast<char>(v & 0xFF);
    v >>= 8;
  }
  out->append(buf, 8);
}

uint32_t GetFixed32BE(const char* p) {
  uint32_t v = 0;
  for (int i = 0; i < 4; ++i) v = (v << 8) | static_cast<unsigned char>(p[i]);
  return v;
}

uint64_t GetFixed64BE(const char* p) {
  uint64_t v = 0;
  for (int i = 0; i < 8; ++i) v = (v << 8) | static_cast<unsigned char>(p[i]);
  return v;
}

void PutFixed32LE(std::string* out, uint32_t v) {
  char buf[4];
  for (int i = 0; i < 4; ++i) {
    buf[i] = static_cast<char>(v & 0xFF);
    v >>= 8;
  }
  out->append(buf, 4);
}

void PutFixed64LE(std::string* out, uint64_t v) {
  char buf[8];
  for (int i = 0; i < 8; ++i) {
    buf[i] = static_cast<char>(v & 0xFF);
    v >>= 8;
  }
  out->append(buf, 8);
}

uint32_t GetFixed32LE(const char* p) {
  uint32_t v = 0;
  for (int i = 3; i >= 0; --i) v = (v << 8) | static_cast<unsigned char>(p[i]);
  return v;
}

uint64_t GetFixed64LE(const char* p) {
  uint64_t v = 0;
  for (int i = 7; i >= 0; --i) v = (v << 8) | static_cast<unsigned char>(p[i]);
  return v;
}

std::string EntityKey(EntityId id) {
  std::string k(1, 'e');
  PutFixed64BE(&k, id);
  return k;
}

bool DecodeEntityKey(std::string_view key, EntityId* id) {
  if (key.size() != 9 || key[0] != 'e') return false;
  *id = GetFixed64BE(key.data() + 1);
  return true;
}

std::string EncodeEntityValue(const EntityValue& v) {
  std::string out;
  out.push_back(static_cast<char>(v.type));
  PutFixed32LE(&out, v.mentions);
  PutFixed32LE(&out, v.documents);
  out.append(v.name);
  return out;
}

bool DecodeEntityValue(std::string_view value, EntityValue* v) {
  if (value.size() < 9) return false;
  const auto type = static_cast<uint8_t>(value[0]);
  if (type > static_cast<uint8_t>(kMaxEntityType)) return false;
  v->type = static_cast<EntityType>(type);
  v->mentions = GetFixed32LE(value.data() + 1);
  v->documents = GetFixed32LE(value.data() + 5);
  v->name.assign(value.data() + 9, value.size() - 9);
  return true;
}

std::string AliasLookupPrefix(std::string_view name_key) {
  std::string k(1, 'n');
  k.append(name_key);
  k.push_back('\0');
  return k;
}

std::string AliasLookupKey(std::string_view name_key, EntityId id) {
  std::string k = AliasLookupPrefix(name_key);
  PutFixed64BE(&k, id);
  return k;
}

bool DecodeAliasLookupKey(std::string_view key, std::string* name_key, EntityId* id) {
  if (key.size() < 10 || key[0] != 'n' || key[key.size() - 9] != '\0') return false;
  name_key->assign(key.data() + 1, key.size() - 10);
  *id = GetFixed64BE(key.data() + key.size() - 8);
  return true;
}

std::string AliasListPrefix(EntityId id) {
  std::string k(1, 'a');
  PutFixed64BE(&k, id);
  return k;
}

std::string AliasListKey(EntityId id, std::string_view surface) {
  std::string k = AliasListPrefix(id);
  k.append(surface);
  return k;
}

bool DecodeAliasListKey(std::string_view key, EntityId* id, std::string* surface) {
  if (key.size() < 9 || key[0] != 'a') return false;
  *id = GetFixed64BE(key.data() + 1);
  surface->assign(key.data() + 9, key.size() - 9);
  return true;
}

std::string RelationByNameKey(std::string_view name) {
  std::string k(1, 'r');
  k.append(name);
  return k;
}

std::string RelationByIdKey(RelationId id) {
  std::string k(1, 'R');
  PutFixed32BE(&k, id);
  return k;
}

uint32_t PackRelation(RelationId id, bool negated) { return (id << 1) | (negated ? 1u : 0u); }

namespace {

std::string TripleKeyBytes(EntityId first, EntityId second, const TripleKey& t) {
  std::string k;
  k.reserve(20);
  PutFixed64BE(&k, first);
  PutFixed64BE(&k, second);
  PutFixed32BE(&k, PackRelation(t.relation, t.negated));
  return k;
}

void UnpackRelation(uint32_t packed, TripleKey* t) {
  t->relation = packed >> 1;
  t->negated = (packed & 1) != 0;
}

}  // namespace

std::string OutKey(const TripleKey& t) { return TripleKeyBytes(t.subject, t.object, t); }
std::string InKey(const TripleKey& t) { return TripleKeyBytes(t.object, t.subject, t); }

bool DecodeOutKey(std::string_view key, TripleKey* t) {
  if (key.size() != 20) return false;
  t->subject = GetFixed64BE(key.data());
  t->object = GetFixed64BE(key.data() + 8);
  UnpackRelation(GetFixed32BE(key.data() + 16), t);
  return true;
}

bool DecodeInKey(std::string_view key, TripleKey* t) {
  if (key.size() != 20) return false;
  t->object = GetFixed64BE(key.data());
  t->subject = GetFixed64BE(key.data() + 8);
  UnpackRelation(GetFixed32BE(key.data() + 16), t);
  return true;
}

std::string EntityPrefix(EntityId id) {
  std::string k;
  PutFixed64BE(&k, id);
  return k;
}

std::string TriplePrefix(const TripleKey& t) { return OutKey(t); }

std::string ProvenanceKeyBytes(const ProvenanceKey& k) {
  std::string out = OutKey(k.triple);
  PutFixed64BE(&out, k.doc);
  PutFixed32BE(&out, k.sentence);
  PutFixed32BE(&out, k.begin);
  return out;
}

bool DecodeProvenanceKey(std::string_view key, ProvenanceKey* k) {
  if (key.size() != 36) return false;
  if (!DecodeOutKey(key.substr(0, 20), &k->triple)) return false;
  k->doc = GetFixed64BE(key.data() + 20);
  k->sentence = GetFixed32BE(key.data() + 28);
  k->begin = GetFixed32BE(key.data() + 32);
  return true;
}

std::string EncodeProvenanceValue(const ProvenanceValue& v) {
  std::string out;
  PutFixed32LE(&out, v.end);
  uint32_t bits;
  std::memcpy(&bits, &v.confidence, 4);
  PutFixed32LE(&out, bits);
  PutFixed32LE(&out, v.extractor_version);
  PutFixed64LE(&out, v.attributed_to);
  return out;
}

bool DecodeProvenanceValue(std::string_view value, ProvenanceValue* v) {
  if (value.size() != 20) return false;
  v->end = GetFixed32LE(value.data());
  const uint32_t bits = GetFixed32LE(value.data() + 4);
  std::memcpy(&v->confidence, &bits, 4);
  v->extractor_version = GetFixed32LE(value.data() + 8);
  v->attributed_to = GetFixed64LE(value.data() + 12);
  return true;
}

std::string DocumentKey(char kind, DocId id) {
  std::string k(1, kind);
  PutFixed64BE(&k, id);
  return k;
}

std::string SourceKey(std::string_view path) {
  std::string k(1, 'p');
  k.append(path);
  return k;
}

std::string EncodeDocumentValue(const DocumentValue& v) {
  std::string out;
  PutString(&out, v.content_hash);
  PutFixed64LE(&out, static_cast<uint64_t>(v.ingested_at));
  PutFixed32LE(&out, v.sentences);
  PutFixed32LE(&out, v.facts);
  PutVarint(&out, v.sources.size());
  for (const auto& s : v.sources) PutString(&out, s);
  return out;
}

bool DecodeDocumentValue(std::string_view value, DocumentValue* v) {
  uint64_t at, count;
  if (!GetString(&value, &v->content_hash) || !GetFixed64(&value, &at) ||
      !GetFixed32(&value, &v->sentences) || !GetFixed32(&value, &v->facts) ||
      !GetVarint(&value, &count) || !PlausibleCount(count, value, 1)) {
    return false;
  }
  v->ingested_at = static_cast<int64_t>(at);
  v->sources.resize(count);
  for (auto& s : v->sources) {
    if (!GetString(&value, &s)) return false;
  }
  return value.empty();
}

std::string EncodeSpans(const std::vector<Span>& spans) {
  std::string out;
  out.reserve(spans.size() * 8);
  for (const auto& s : spans) {
    PutFixed32LE(&out, s.begin);
    PutFixed32LE(&out, s.end);
  }
  return out;
}

bool DecodeSpans(std::string_view value, std::vector<Span>* spans) {
  if (value.size() % 8 != 0) return false;
  spans->resize(value.size() / 8);
  for (size_t i = 0; i < spans->size(); ++i) {
    (*spans)[i].begin = GetFixed32LE(value.data() + 8 * i);
    (*spans)[i].end = GetFixed32LE(value.data() + 8 * i + 4);
    if ((*spans)[i].end < (*spans)[i].begin) return false;
  }
  return true;
}

std::string EncodeUndoRecord(const UndoRecord& u) {
  std::string out;
  PutVarint(&out, u.entities.size());
  for (const auto& e : u.entities) {
    PutVarint(&out, e.id);
    PutVarint(&out, e.mentions);
    PutVarint(&out, e.surfaces.size());
    for (const auto& [surface, count] : e.surfaces) {
      PutString(&out, surface);
      PutVarint(&out, count);
    }
  }
  PutVarint(&out, u.facts.size());
  for (const auto& f : u.facts) PutString(&out, ProvenanceKeyBytes(f));
  return out;
}

bool DecodeUndoRecord(std::string_view value, UndoRecord* u) {
  uint64_t n;
  if (!GetVarint(&value, &n) || !PlausibleCount(n, value, 3)) return false;
  u->entities.resize(n);
  for (auto& e : u->entities) {
    uint64_t mentions, surfaces;
    if (!GetVarint(&value, &e.id) || !GetVarint(&value, &mentions) ||
        !GetVarint(&value, &surfaces) || !PlausibleCount(surfaces, value, 2)) {
      return false;
    }
    e.mentions = static_cast<uint32_t>(mentions);
    e.surfaces.resize(surfaces);
    for (auto& [surface, count] : e.surfaces) {
      uint64_t c;
      if (!GetString(&value, &surface) || !GetVarint(&value, &c)) return false;
      count = static_cast<uint32_t>(c);
    }
  }
  if (!GetVarint(&value, &n) || !PlausibleCount(n, value, 37)) return false;
  u->facts.resize(n);
  std::string bytes;
  for (auto& f : u->facts) {
    if (!GetString(&value, &bytes) || !DecodeProvenanceKey(bytes, &f)) return false;
  }
  return value.empty();
}

std::string DocIdHex(DocId id) {
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out(16, '0');
  for (int i = 15; i >= 0; --i) {
    out[i] = kHex[id & 0xF];
    id >>= 4;
  }
  return out;
}

bool ParseDocIdHex(std::string_view hex, DocId* id) {
  if (hex.size() != 16) return false;
  DocId v = 0;
  for (char c : hex) {
    int d;
    if (c >= '0' && c <= '9') {
      d = c - '0';
    } else if (c >= 'a' && c <= 'f') {
      d = c - 'a' + 10;
    } else if (c >= 'A' && c <= 'F') {
      d = c - 'A' + 10;
    } else {
      return false;
    }
    v = (v << 4) | static_cast<DocId>(d);
  }
  *id = v;
  return true;
}

DocId DocIdFromContentHash(std::string_view content_hash) {
  DocId id = 0;
  ParseDocIdHex(content_hash.substr(0, 16), &id);
  return id;
}

}  // namespace kg::graph
