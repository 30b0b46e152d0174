// Feature hashing shared by the tagger, the lemmatiser and the parser. A feature is a 64-bit hash
// of a template id and a few values (word hashes, tag ids, distances); the linear models look
// weights up by that hash, so no vocabulary is needed and nothing is allocated per token.
#pragma once

#include <cstdint>
#include <string_view>

namespace kg::nlp {

// A strong 64-bit mixer (the splitmix64 finaliser): consecutive inputs give unrelated outputs.
constexpr uint64_t Mix64(uint64_t x) {
  x ^= x >> 30;
  x *= 0xbf58476d1ce4e5b9ULL;
  x ^= x >> 27;
  x *= 0x94d049bb133111ebULL;
  x ^= x >> 31;
  return x;
}

// Combines a running hash with one more value; order matters.
constexpr uint64_t Combine(uint64_t h, uint64_t v) {
  return Mix64(h ^ (v + 0x9e3779b97f4a7c15ULL + (h << 6) + (h >> 2)));
}

// A feature of template `id` over up to three values. Never 0 (0 marks an empty slot).
constexpr uint64_t Feature(uint32_t id, uint64_t a, uint64_t b = 0, uint64_t c = 0) {
  const uint64_t h = Combine(Combine(Combine(Mix64(id + 1), a), b), c);
  return h == 0 ? 1 : h;
}

// FNV-1a over the bytes, then mixed: a stable hash of a string for use as a feature value.
constexpr uint64_t HashString(std::string_view s) {
  uint64_t h = 0xcbf29ce484222325ULL;
  for (char c : s) {
    h ^= static_cast<unsigned char>(c);
    h *= 0x100000001b3ULL;
  }
  return Mix64(h);
}

// The hash of the word's normal form: ASCII lower case, every digit as '0'. Same result as
// HashString of that normal form, without building it.
constexpr uint64_t HashNormalized(std::string_view s) {
  uint64_t h = 0xcbf29ce484222325ULL;
  for (char c : s) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    if (c >= '0' && c <= '9') c = '0';
    h ^= static_cast<unsigned char>(c);
    h *= 0x100000001b3ULL;
  }
  return Mix64(h);
}

// The word's shape: upper-case letters as 'X', lower-case as 'x', digits as 'd', other bytes
// kept, runs of the same class cut at two ("McCain" -> "XxXx", "1,000.5" -> "d,dd.d"), then hashed.
constexpr uint64_t HashShape(std::string_view s) {
  uint64_t h = 0xcbf29ce484222325ULL;
  char prev = 0;
  int run = 0;
  for (char c : s) {
    char k = c;
    if (c >= 'A' && c <= 'Z') {
      k = 'X';
    } else if (c >= 'a' && c <= 'z') {
      k = 'x';
    } else if (c >= '0' && c <= '9') {
      k = 'd';
    } else if (static_cast<unsigned char>(c) >= 0x80) {
      k = 'u';  // any byte of a non-ASCII character
    }
    run = (k == prev) ? run + 1 : 1;
    prev = k;
    if (run > 2) continue;
    h ^= static_cast<unsigned char>(k);
    h *= 0x100000001b3ULL;
  }
  return Mix64(h);
}

}  // namespace kg::nlp
