// The key and record decoders of the store (graph/keys.h) on arbitrary bytes, as a damaged store
// would hand them over: every decoder either refuses the bytes or accepts them, and what it
// accepts encodes back to the same bytes (fixed-width formats) or to bytes that decode the same
// (formats with varints, whose encodings are not unique).
#include <cstring>

#include "fuzz/fuzz_check.h"
#include "graph/keys.h"

namespace {

using namespace kg::graph;  // NOLINT: every name below is from the key layout

void CheckKeys(std::string_view b) {
  EntityId id;
  if (DecodeEntityKey(b, &id)) FUZZ_CHECK(EntityKey(id) == b);

  std::string name_key;
  if (DecodeAliasLookupKey(b, &name_key, &id)) FUZZ_CHECK(AliasLookupKey(name_key, id) == b);
  std::string surface;
  if (DecodeAliasListKey(b, &id, &surface)) FUZZ_CHECK(AliasListKey(id, surface) == b);

  TripleKey t;
  if (DecodeOutKey(b, &t)) {
    FUZZ_CHECK(OutKey(t) == b);
    FUZZ_CHECK(TriplePrefix(t) == b);
    TripleKey back;
    FUZZ_CHECK(DecodeInKey(InKey(t), &back) && back == t);
  }
  if (DecodeInKey(b, &t)) FUZZ_CHECK(InKey(t) == b);

  ProvenanceKey p;
  if (DecodeProvenanceKey(b, &p)) {
    FUZZ_CHECK(ProvenanceKeyBytes(p) == b);
    FUZZ_CHECK(b.starts_with(TriplePrefix(p.triple)));
  }

  DocId doc;
  if (ParseDocIdHex(b, &doc)) {
    std::string lower(b);
    for (char& c : lower) {
      if (c >= 'A' && c <= 'F') c = static_cast<char>(c - 'A' + 'a');
    }
    FUZZ_CHECK(DocIdHex(doc) == lower);
  }
  (void)DocIdFromContentHash(b);
}

void CheckValues(std::string_view b) {
  EntityValue e;
  if (DecodeEntityValue(b, &e)) FUZZ_CHECK(EncodeEntityValue(e) == b);

  ProvenanceValue pv;
  if (DecodeProvenanceValue(b, &pv)) FUZZ_CHECK(EncodeProvenanceValue(pv) == b);

  std::vector<kg::Span> spans;
  if (DecodeSpans(b, &spans)) {
    FUZZ_CHECK(EncodeSpans(spans) == b);
    for (const auto& s : spans) FUZZ_CHECK(s.begin <= s.end);
  }

  DocumentValue d;
  if (DecodeDocumentValue(b, &d)) {
    const std::string once = EncodeDocumentValue(d);
    DocumentValue again;
    FUZZ_CHECK(DecodeDocumentValue(once, &again));
    FUZZ_CHECK(EncodeDocumentValue(again) == once);
    FUZZ_CHECK(once.size() <= b.size());  // a decoded count never asks for more than was there
  }

  UndoRecord u;
  if (DecodeUndoRecord(b, &u)) {
    const std::string once = EncodeUndoRecord(u);
    UndoRecord again;
    FUZZ_CHECK(DecodeUndoRecord(once, &again));
    FUZZ_CHECK(EncodeUndoRecord(again) == once);
    FUZZ_CHECK(again.entities.size() == u.entities.size() && again.facts == u.facts);
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view bytes = kg::fuzz::AsText(data, size);
  CheckKeys(bytes);
  CheckValues(bytes);
  // The fixed-width helpers read exactly 4 or 8 bytes.
  if (size >= 8) {
    std::string out;
    PutFixed64BE(&out, GetFixed64BE(bytes.data()));
    PutFixed64LE(&out, GetFixed64LE(bytes.data()));
    PutFixed32BE(&out, GetFixed32BE(bytes.data()));
    PutFixed32LE(&out, GetFixed32LE(bytes.data()));
    FUZZ_CHECK(std::memcmp(out.data(), data, 8) == 0);
    FUZZ_CHECK(std::memcmp(out.data() + 8, data, 8) == 0);
    FUZZ_CHECK(std::memcmp(out.data() + 16, data, 4) == 0);
    FUZZ_CHECK(std::memcmp(out.data() + 20, data, 4) == 0);
  }
  return 0;
}
