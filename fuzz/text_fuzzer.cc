// UTF-8 checking and repair, binary detection, hashing and name keys (core/text.h).
#include "core/text.h"
#include "fuzz/fuzz_check.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view raw = kg::fuzz::AsText(data, size);
  const size_t invalid_at = kg::FindInvalidUtf8(raw);
  FUZZ_CHECK(invalid_at <= raw.size());

  // Repair: valid afterwards, a no-op on valid text, idempotent, one U+FFFD per invalid byte.
  std::string repaired(raw);
  const size_t replaced = kg::RepairUtf8(&repaired);
  FUZZ_CHECK(kg::FindInvalidUtf8(repaired) == repaired.size());
  FUZZ_CHECK((replaced == 0) == (invalid_at == raw.size()));
  if (replaced == 0) FUZZ_CHECK(repaired == raw);
  FUZZ_CHECK(repaired.size() == raw.size() + 2 * replaced);  // 1 byte out, 3 bytes in
  std::string again = repaired;
  FUZZ_CHECK(kg::RepairUtf8(&again) == 0 && again == repaired);

  // Decoding and re-encoding each valid character gives its bytes back.
  std::string reencoded;
  for (size_t pos = 0; pos < repaired.size();) {
    const size_t len = kg::Utf8SequenceLength(repaired, pos);
    FUZZ_CHECK(len >= 1 && len <= 4);
    kg::AppendUtf8(kg::DecodeUtf8(repaired, pos, len), &reencoded);
    pos += len;
  }
  FUZZ_CHECK(reencoded == repaired);

  (void)kg::LooksBinary(raw);
  const std::string hash = kg::ContentHash(raw);
  FUZZ_CHECK(hash.size() == 32);
  FUZZ_CHECK(hash.find_first_not_of("0123456789abcdef") == std::string::npos);

  // Name keys never grow, and valid text gives a valid key (keys are shown in suggestions).
  const std::string raw_key = kg::NameKey(raw);
  FUZZ_CHECK(raw_key.size() <= raw.size());
  const std::string key = kg::NameKey(repaired);
  FUZZ_CHECK(key.size() <= repaired.size());
  FUZZ_CHECK(kg::FindInvalidUtf8(key) == key.size());
  FUZZ_CHECK(kg::AsciiLower(raw).size() == raw.size());
  return 0;
}
