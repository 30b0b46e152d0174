// The container every model file of kg::nlp shares, and the byte coding of what it holds.
//
// file       := magic(8) version(4) kind(4) flags(4) raw_size(8) stored_size(8)
//               body(stored_size) checksum(8)
// magic      := "KGNLPMDL"
// version    := kModelFormatVersion, little-endian u32; a reader refuses any other version
// kind       := 1 tagger (with lemmatiser) | 2 parser | 3 entity recogniser | 4 word clusters,
//               little-endian u32
// flags      := bit 0 set: body is zstd-compressed; other bits zero
// raw_size   := size in bytes of the payload once decompressed (little-endian u64)
// stored_size:= size in bytes of body as stored (little-endian u64)
// checksum   := XXH64 (seed 0) of every byte before it, little-endian u64
//
// The payload is read with ByteReader; varint := LEB128 (7 bits a byte, low first). its grammar is
// given at the top of the file of each model kind (nlp/tagger.cc, nlp/parser.cc). All integers are
// little-endian; floats are IEEE-754.
#pragma once

#include <cstdint>
#include <cstring>
#include <filesystem>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

#include "core/status.h"

namespace kg::nlp {

// Version 2: weight tables keep 40-bit feature keys (nlp/linear_model.h); word clusters (kind 4).
inline constexpr uint32_t kModelFormatVersion = 2;

enum class ModelKind : uint32_t { kTagger = 1, kParser = 2, kEntityRecognizer = 3, kClusters = 4 };

// Writes `payload` as a model file of `kind` at `path` (zstd-compressed, checksummed), replacing
// any file there. Returns IOError when the file cannot be written.
Status WriteModelFile(const std::filesystem::path& path, ModelKind kind, std::string_view payload);

// Reads and validates the model file at `path` and stores its payload in `*payload`. Errors:
// IOError when the file is missing or unreadable; Corruption when it is not a kg model (wrong
// magic), truncated, fails its checksum or does not decompress; NotSupported when it was written
// in another format version; InvalidArgument when it holds another kind of model.
Status ReadModelFile(const std::filesystem::path& path, ModelKind kind, std::string* payload);

// Appends little-endian values to a byte string.
class ByteWriter final {
 public:
  template <typename T>
  void Put(T v) {
    static_assert(std::is_arithmetic_v<T>);
    char b[sizeof(T)];
    std::memcpy(b, &v, sizeof(T));  // every supported target is little-endian
    data_.append(b, sizeof(T));
  }
  // A string: u32 length, then its bytes.
  void PutString(std::string_view s) {
    Put<uint32_t>(static_cast<uint32_t>(s.size()));
    data_.append(s);
  }
  // An array of plain values: u64 count, then the values.
  template <typename T, typename Allocator>
  void PutArray(const std::vector<T, Allocator>& v) {
    static_assert(std::is_trivially_copyable_v<T>);
    Put<uint64_t>(v.size());
    if (!v.empty()) data_.append(reinterpret_cast<const char*>(v.data()), v.size() * sizeof(T));
  }
  // An unsigned integer in LEB128: 7 bits a byte, low bits first, high bit set on all but the last.
  void PutVarint(uint64_t v) {
    while (v >= 0x80) {
      data_.push_back(static_cast<char>((v & 0x7f) | 0x80));
      v >>= 7;
    }
    data_.push_back(static_cast<char>(v));
  }
  const std::string& data() const { return data_; }
  std::string& data() { return data_; }

 private:
  std::string data_;
};

// Reads what ByteWriter wrote. Every read checks bounds: once a read fails, ok() is false and
// every later read fails too, so a caller may check once at the end.
class ByteReader final {
 public:
  explicit ByteReader(std::string_view data) : data_(data) {}

  template <typename T>
  bool Get(T* v) {
    static_assert(std::is_arithmetic_v<T>);
    if (!ok_ || data_.size() - pos_ < sizeof(T)) return Fail();
    std::memcpy(v, data_.data() + pos_, sizeof(T));
    pos_ += sizeof(T);
    return true;
  }
  bool GetString(std::string* s) {
    uint32_t n = 0;
    if (!Get(&n) || data_.size() - pos_ < n) return Fail();
    s->assign(data_.data() + pos_, n);
    pos_ += n;
    return true;
  }
  // Reads an array; `max_count` bounds what a corrupt count could make us allocate.
  template <typename T, typename Allocator>
  bool GetArray(std::vector<T, Allocator>* v, uint64_t max_count = UINT32_MAX) {
    static_assert(std::is_trivially_copyable_v<T>);
    uint64_t n = 0;
    if (!Get(&n) || n > max_count || (data_.size() - pos_) / sizeof(T) < n) return Fail();
    v->resize(n);
    if (n > 0) std::memcpy(v->data(), data_.data() + pos_, n * sizeof(T));
    pos_ += n * sizeof(T);
    return true;
  }
  bool GetVarint(uint64_t* v) {
    uint64_t result = 0;
    for (int shift = 0; shift < 64; shift += 7) {
      if (!ok_ || pos_ >= data_.size()) return Fail();
      const uint8_t byte = static_cast<uint8_t>(data_[pos_++]);
      result |= static_cast<uint64_t>(byte & 0x7f) << shift;
      if ((byte & 0x80) == 0) {
        *v = result;
        return true;
      }
    }
    return Fail();
  }
  bool ok() const { return ok_; }
  bool at_end() const { return pos_ == data_.size(); }

 private:
  bool Fail() {
    ok_ = false;
    return false;
  }
  std::string_view data_;
  size_t pos_ = 0;
  bool ok_ = true;
};

}  // namespace kg::nlp
