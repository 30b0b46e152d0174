// Text utilities shared by every stage: UTF-8 checking and repair, content hashing, and the key
// under which names are compared.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace kg {

// Length in bytes of the valid UTF-8 sequence starting at text[pos], or 0 if the bytes there are
// not valid UTF-8 (overlong forms, surrogates and code points above U+10FFFF are invalid).
size_t Utf8SequenceLength(std::string_view text, size_t pos);

// Decodes the valid sequence at text[pos] (call Utf8SequenceLength first); returns the code point.
char32_t DecodeUtf8(std::string_view text, size_t pos, size_t length);

// Appends the UTF-8 encoding of `cp` to `out`.
void AppendUtf8(char32_t cp, std::string* out);

// Byte offset of the first invalid UTF-8 sequence, or text.size() when all of it is valid.
size_t FindInvalidUtf8(std::string_view text);

// Replaces every invalid sequence by U+FFFD and returns how many were replaced.
size_t RepairUtf8(std::string* text);

// Appends `text` as a JSON string, quotes included (RFC 8259): " and \ escaped, newline, return
// and tab as \n \r \t, other control characters as \u00XX; bytes that are not valid UTF-8
// become U+FFFD, so the output is always valid JSON. Plain runs are copied whole.
void AppendJsonString(std::string_view text, std::string* out);

// True when the text holds a NUL byte or many other control bytes: an image, an archive, a
// binary dump rather than an article.
bool LooksBinary(std::string_view text);

// A 128-bit hash of the content, as 32 hex digits (XXH3-128). Equal texts, equal hashes.
std::string ContentHash(std::string_view text);

// ContentHash of a text fed in pieces: for inputs read in blocks (a large TSV file) that are
// never whole in memory. Hex() of the pieces equals ContentHash() of their concatenation.
class ContentHasher final {
 public:
  ContentHasher();
  ~ContentHasher();
  ContentHasher(const ContentHasher&) = delete;
  ContentHasher& operator=(const ContentHasher&) = delete;
  void Update(std::string_view piece);
  std::string Hex() const;

 private:
  void* state_;  // XXH3_state_t, kept out of this header
};

// The key under which two names are "the same name": case-folded (ASCII, Latin-1, Latin
// Extended-A and Cyrillic letters), typographic apostrophes and dashes folded, quotes and full
// stops dropped ("U.S." is "us"), punctuation at the
// ends and a leading "the " dropped, inner whitespace collapsed, and the spellings that
// transliteration from Cyrillic varies folded together: every "y" becomes "i", a word-final "ij"
// becomes "i", and a letter written twice counts once. So "The Kremlin" and "kremlin" share a key,
// as do "Zelensky", "Zelenskyy" and "Zelenskiy", "Yuri" and "Yury", "Kyiv" and "Kyyiv". Stored in
// alias keys: changing it changes the store schema.
std::string NameKey(std::string_view name);

// Lower-cases ASCII letters only; other bytes are kept.
std::string AsciiLower(std::string_view text);

// The non-empty pieces of `text` between `separator`s: "board of peace" -> board, of, peace.
std::vector<std::string_view> Split(std::string_view text, char separator = ' ');

}  // namespace kg
