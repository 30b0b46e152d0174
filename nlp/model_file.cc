#include "nlp/model_file.h"

#include <xxhash.h>
#include <zstd.h>

#include <fstream>
#include <system_error>

namespace kg::nlp {
namespace {

constexpr char kMagic[8] = {'K', 'G', 'N', 'L', 'P', 'M', 'D', 'L'};
constexpr size_t kHeaderSize = 8 + 4 + 4 + 4 + 8 + 8;
constexpr uint32_t kFlagZstd = 1;
constexpr int kZstdLevel = 19;  // models are written once and read many times

const char* KindName(uint32_t kind) {
  switch (kind) {
    case static_cast<uint32_t>(ModelKind::kTagger):
      return "tagger";
    case static_cast<uint32_t>(ModelKind::kParser):
      return "parser";
    case static_cast<uint32_t>(ModelKind::kEntityRecognizer):
      return "entity recogniser";
    case static_cast<uint32_t>(ModelKind::kClusters):
      return "word cluster";
    default:
      return "unknown";
  }
}

}  // namespace

Status WriteModelFile(const std::filesystem::path& path, ModelKind kind, std::string_view payload) {
  std::string body(ZSTD_compressBound(payload.size()), '\0');
  const size_t stored =
      ZSTD_compress(body.data(), body.size(), payload.data(), payload.size(), kZstdLevel);
  if (ZSTD_isError(stored)) {
    return Status::IOError(std::string("cannot compress model: ") + ZSTD_getErrorName(stored));
  }
  body.resize(stored);
  ByteWriter w;
  w.data().append(kMagic, sizeof(kMagic));
  w.Put<uint32_t>(kModelFormatVersion);
  w.Put<uint32_t>(static_cast<uint32_t>(kind));
  w.Put<uint32_t>(kFlagZstd);
  w.Put<uint64_t>(payload.size());
  w.Put<uint64_t>(body.size());
  w.data().append(body);
  w.Put<uint64_t>(XXH64(w.data().data(), w.data().size(), 0));

  const std::filesystem::path tmp = path.string() + ".tmp";
  {
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    out.write(w.data().data(), static_cast<std::streamsize>(w.data().size()));
    if (!out) return Status::IOError("cannot write model file " + tmp.string());
  }
  std::error_code ec;
  std::filesystem::rename(tmp, path, ec);
  if (ec) return Status::IOError("cannot write model file " + path.string() + ": " + ec.message());
  return Status::Ok();
}

Status ReadModelFile(const std::filesystem::path& path, ModelKind kind, std::string* payload) {
  const std::string name = path.string();
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::IOError("cannot open model file " + name + " (missing or unreadable)");
  // In one read of the file's size, not through a stream iterator: a character at a time took a
  // sixth of loading the models.
  std::string file;
  in.seekg(0, std::ios::end);
  const std::streamoff size = in.tellg();
  in.seekg(0, std::ios::beg);
  if (size < 0 || !in) return Status::IOError("cannot read model file " + name);
  file.resize(static_cast<size_t>(size));
  in.read(file.data(), size);
  if (in.gcount() != size) return Status::IOError("cannot read model file " + name);

  if (file.size() < sizeof(kMagic) ||
      file.compare(0, sizeof(kMagic), kMagic, sizeof(kMagic)) != 0) {
    return Status::Corruption(name + " is not a kg model file (bad magic)");
  }
  if (file.size() < kHeaderSize + 8) return Status::Corruption(name + " is truncated");
  ByteReader r(std::string_view(file).substr(sizeof(kMagic)));
  uint32_t version = 0, file_kind = 0, flags = 0;
  uint64_t raw_size = 0, stored_size = 0;
  r.Get(&version);
  r.Get(&file_kind);
  r.Get(&flags);
  r.Get(&raw_size);
  r.Get(&stored_size);
  if (version != kModelFormatVersion) {
    return Status::NotSupported(name + " has model format version " + std::to_string(version) +
                                "; this kg reads version " + std::to_string(kModelFormatVersion) +
                                ": retrain or update kg");
  }
  if (stored_size > file.size() || file.size() - kHeaderSize - 8 < stored_size) {
    return Status::Corruption(name + " is truncated");
  }
  if (file.size() != kHeaderSize + stored_size + 8) {
    return Status::Corruption(name + " has trailing bytes after its checksum");
  }
  uint64_t checksum = 0;
  std::memcpy(&checksum, file.data() + kHeaderSize + stored_size, 8);
  if (checksum != XXH64(file.data(), kHeaderSize + stored_size, 0)) {
    return Status::Corruption(name + " fails its checksum (the file is damaged)");
  }
  if (file_kind != static_cast<uint32_t>(kind)) {
    return Status::InvalidArgument(name + " holds a " + KindName(file_kind) + " model, not a " +
                                   KindName(static_cast<uint32_t>(kind)) + " model");
  }
  if ((flags & ~kFlagZstd) != 0) return Status::Corruption(name + " has unknown flags");
  const char* body = file.data() + kHeaderSize;
  if ((flags & kFlagZstd) == 0) {
    if (raw_size != stored_size) return Status::Corruption(name + " has inconsistent sizes");
    payload->assign(body, stored_size);
    return Status::Ok();
  }
  if (raw_size > (uint64_t{1} << 32)) return Status::Corruption(name + " claims an absurd size");
  payload->resize(raw_size);
  const size_t n = ZSTD_decompress(payload->data(), payload->size(), body, stored_size);
  if (ZSTD_isError(n) || n != raw_size) {
    return Status::Corruption(name + " does not decompress (the file is damaged)");
  }
  return Status::Ok();
}

}  // namespace kg::nlp
