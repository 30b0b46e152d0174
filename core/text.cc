#include "core/text.h"

#include <xxhash.h>

#include <cstdio>

namespace kg {

size_t Utf8SequenceLength(std::string_view text, size_t pos) {
  const auto byte = [&](size_t i) { return static_cast<unsigned char>(text[i]); };
  const size_t n = text.size();
  const unsigned char c = byte(pos);
  if (c < 0x80) return 1;
  size_t len;
  char32_t min;
  if ((c & 0xE0) == 0xC0) {
    len = 2;
    min = 0x80;
  } else if ((c & 0xF0) == 0xE0) {
    len = 3;
    min = 0x800;
  } else if ((c & 0xF8) == 0xF0) {
    len = 4;
    min = 0x10000;
  } else {
    return 0;
  }
  if (pos + len > n) return 0;
  for (size_t i = 1; i < len; ++i) {
    if ((byte(pos + i) & 0xC0) != 0x80) return 0;
  }
  const char32_t cp = DecodeUtf8(text, pos, len);
  if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return 0;
  return len;
}

char32_t DecodeUtf8(std::string_view text, size_t pos, size_t length) {
  const auto byte = [&](size_t i) {
    return static_cast<char32_t>(static_cast<unsigned char>(text[i]));
  };
  switch (length) {
    case 1:
      return byte(pos);
    case 2:
      return ((byte(pos) & 0x1F) << 6) | (byte(pos + 1) & 0x3F);
    case 3:
      return ((byte(pos) & 0x0F) << 12) | ((byte(pos + 1) & 0x3F) << 6) | (byte(pos + 2) & 0x3F);
    default:
      return ((byte(pos) & 0x07) << 18) | ((byte(pos + 1) & 0x3F) << 12) |
             ((byte(pos + 2) & 0x3F) << 6) | (byte(pos + 3) & 0x3F);
  }
}

void AppendUtf8(char32_t cp, std::string* out) {
  if (cp < 0x80) {
    out->push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out->push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out->push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out->push_back(static_cast<char>(0xF0 | (cp >> 18)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

size_t FindInvalidUtf8(std::string_view text) {
  size_t pos = 0;
  while (pos < text.size()) {
    // ASCII fast path: most news text is ASCII.
    if (static_cast<unsigned char>(text[pos]) < 0x80) {
      ++pos;
      continue;
    }
    const size_t len = Utf8SequenceLength(text, pos);
    if (len == 0) return pos;
    pos += len;
  }
  return text.size();
}

size_t RepairUtf8(std::string* text) {
  size_t first = FindInvalidUtf8(*text);
  if (first == text->size()) return 0;
  std::string out(*text, 0, first);
  size_t replaced = 0;
  size_t pos = first;
  while (pos < text->size()) {
    const size_t len = Utf8SequenceLength(*text, pos);
    if (len == 0) {
      AppendUtf8(0xFFFD, &out);
      ++replaced;
      ++pos;
    } else {
      out.append(*text, pos, len);
      pos += len;
    }
  }
  text->swap(out);
  return replaced;
}

void AppendJsonString(std::string_view text, std::string* out) {
  static constexpr char kHex[] = "0123456789abcdef";
  out->push_back('"');
  size_t run = 0;  // start of the bytes not yet copied: copy plain runs in one go
  size_t i = 0;
  while (i < text.size()) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c >= 0x80) {
      const size_t len = Utf8SequenceLength(text, i);
      if (len > 0) {
        i += len;
        continue;
      }
      out->append(text.data() + run, i - run);
      out->append("\xEF\xBF\xBD");  // U+FFFD for a byte that is not UTF-8
      run = ++i;
      continue;
    }
    if (c >= 0x20 && c != '"' && c != '\\') {
      ++i;
      continue;
    }
    out->append(text.data() + run, i - run);
    run = ++i;
    switch (c) {
      case '"':
        out->append("\\\"");
        break;
      case '\\':
        out->append("\\\\");
        break;
      case '\n':
        out->append("\\n");
        break;
      case '\r':
        out->append("\\r");
        break;
      case '\t':
        out->append("\\t");
        break;
      default:
        out->append("\\u00");
        out->push_back(kHex[c >> 4]);
        out->push_back(kHex[c & 0xF]);
    }
  }
  out->append(text.data() + run, text.size() - run);
  out->push_back('"');
}

bool LooksBinary(std::string_view text) {
  size_t control = 0;
  for (unsigned char c : text) {
    if (c == 0) return true;
    if (c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f' && c != '\v') ++control;
  }
  // A few stray control bytes happen in scraped text; one in ten is not an article.
  return control * 10 > text.size();
}

std::string ContentHash(std::string_view text) {
  const XXH128_hash_t h = XXH3_128bits(text.data(), text.size());
  char buf[33];
  std::snprintf(buf, sizeof buf, "%016llx%016llx", static_cast<unsigned long long>(h.high64),
                static_cast<unsigned long long>(h.low64));
  return std::string(buf, 32);
}

ContentHasher::ContentHasher() : state_(XXH3_createState()) {
  XXH3_128bits_reset(static_cast<XXH3_state_t*>(state_));
}

ContentHasher::~ContentHasher() { XXH3_freeState(static_cast<XXH3_state_t*>(state_)); }

void ContentHasher::Update(std::string_view piece) {
  XXH3_128bits_update(static_cast<XXH3_state_t*>(state_), piece.data(), piece.size());
}

std::string ContentHasher::Hex() const {
  const XXH128_hash_t h = XXH3_128bits_digest(static_cast<const XXH3_state_t*>(state_));
  char buf[33];
  std::snprintf(buf, sizeof buf, "%016llx%016llx", static_cast<unsigned long long>(h.high64),
                static_cast<unsigned long long>(h.low64));
  return std::string(buf, 32);
}

namespace {

// Folds one code point for name comparison; returns 0 to drop it.
char32_t FoldForName(char32_t cp) {
  if (cp >= 'A' && cp <= 'Z') return cp + 32;
  switch (cp) {
    case 0x2018:  // ‘
    case 0x2019:  // ’
    case 0x02BC:  // ʼ
    case 0x0060:  // `
    case 0x00B4:  // ´
      return '\'';
    case 0x2010:  // ‐
    case 0x2011:  // ‑
    case 0x2012:  // ‒
    case 0x2013:  // –
    case 0x2014:  // —
      return '-';
    case 0x00A0:  // no-break space
    case 0x2009:
    case 0x202F:
    case '\t':
    case '\n':
    case '\r':
      return ' ';
    default:
      break;
  }
  // Latin-1 Supplement and Latin Extended-A capitals.
  if (cp >= 0xC0 && cp <= 0xDE && cp != 0xD7) return cp + 32;
  if (cp >= 0x100 && cp <= 0x17F && (cp % 2) == 0 && cp != 0x130 && cp != 0x138) return cp + 1;
  // Cyrillic capitals.
  if (cp >= 0x410 && cp <= 0x42F) return cp + 32;
  if (cp >= 0x400 && cp <= 0x40F) return cp + 80;
  return cp;
}

bool IsEdgePunct(char c) {
  switch (c) {
    case ' ':
    case '.':
    case ',':
    case ';':
    case ':':
    case '\'':
    case '"':
    case '(':
    case ')':
    case '-':
    case '!':
    case '?':
      return true;
    default:
      return false;
  }
}

}  // namespace

std::string NameKey(std::string_view name) {
  std::string folded;
  folded.reserve(name.size());
  size_t pos = 0;
  while (pos < name.size()) {
    size_t len = Utf8SequenceLength(name, pos);
    if (len == 0) {  // keep stray bytes as they are; keys need not be valid text
      folded.push_back(name[pos++]);
      continue;
    }
    const char32_t cp = FoldForName(DecodeUtf8(name, pos, len));
    pos += len;
    if (cp == ' ' && (folded.empty() || folded.back() == ' ')) continue;
    // Quotes and full stops do not distinguish names: "U.S." is "US", "St. Louis" "St Louis".
    if (cp == '"' || cp == 0x201C || cp == 0x201D || cp == '.') continue;
    AppendUtf8(cp, &folded);
  }
  size_t b = 0, e = folded.size();
  while (b < e && IsEdgePunct(folded[b])) ++b;
  while (e > b && IsEdgePunct(folded[e - 1])) --e;
  std::string_view trimmed(folded.data() + b, e - b);
  if (trimmed.size() > 4 && trimmed.substr(0, 4) == "the ") trimmed.remove_prefix(4);
  // Transliteration folding (see the header): y as i, a word-final "ij" as "i", and a letter
  // written twice as once.
  std::string key;
  key.reserve(trimmed.size());
  for (size_t i = 0; i < trimmed.size(); ++i) {
    char c = trimmed[i] == 'y' ? 'i' : trimmed[i];
    const bool word_end = i + 1 == trimmed.size() || trimmed[i + 1] == ' ' || trimmed[i + 1] == '-';
    if (c == 'j' && word_end && !key.empty() && key.back() == 'i') continue;
    if (c >= 'a' && c <= 'z' && !key.empty() && key.back() == c) continue;
    key.push_back(c);
  }
  return key;
}

std::string AsciiLower(std::string_view text) {
  std::string out(text);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

std::vector<std::string_view> Split(std::string_view text, char separator) {
  std::vector<std::string_view> pieces;
  size_t start = 0;
  while (start < text.size()) {
    size_t end = text.find(separator, start);
    if (end == std::string_view::npos) end = text.size();
    if (end > start) pieces.push_back(text.substr(start, end - start));
    start = end + 1;
  }
  return pieces;
}

}  // namespace kg
