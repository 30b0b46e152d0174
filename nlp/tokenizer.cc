#include "nlp/tokenizer.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <optional>
#include <utility>

#include "core/text.h"

namespace kg::nlp {
namespace {

// A sentence longer than this is cut: news sentences are far shorter, and a runaway "sentence"
// (a 50 MB line with no full stop) must not make later stages quadratic.
constexpr size_t kMaxSentenceTokens = 256;

struct CodePoint {
  char32_t cp = 0;
  uint32_t len = 1;  // bytes; invalid bytes count as one byte of U+FFFD
};

CodePoint At(std::string_view text, size_t pos) {
  const size_t len = Utf8SequenceLength(text, pos);
  if (len == 0) return {0xFFFD, 1};
  return {DecodeUtf8(text, pos, len), static_cast<uint32_t>(len)};
}

// The code point that ends just before `pos`.
CodePoint Before(std::string_view text, size_t pos) {
  size_t start = pos - 1;
  while (start > 0 && pos - start < 4 && (static_cast<unsigned char>(text[start]) & 0xC0) == 0x80) {
    --start;
  }
  CodePoint c = At(text, start);
  if (start + c.len != pos) return {0xFFFD, 1};
  return c;
}

bool IsSpace(char32_t c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v' || c == 0xA0 ||
         c == 0x1680 || (c >= 0x2000 && c <= 0x200A) || c == 0x2028 || c == 0x2029 ||
         c == 0x202F || c == 0x205F || c == 0x3000 || c == 0xFEFF;
}

bool IsAsciiUpper(char32_t c) { return c >= 'A' && c <= 'Z'; }
bool IsAsciiLower(char32_t c) { return c >= 'a' && c <= 'z'; }
bool IsDigit(char32_t c) { return c >= '0' && c <= '9'; }

// Letters beyond ASCII: Latin-1 and Latin Extended, Greek, Cyrillic, and everything above the
// general punctuation block (CJK and other scripts) count as letters.
bool IsLetter(char32_t c) {
  if (IsAsciiUpper(c) || IsAsciiLower(c)) return true;
  if (c < 0xC0) return false;
  if (c == 0xD7 || c == 0xF7) return false;
  if (c >= 0x2000 && c <= 0x2BFF) return false;  // punctuation, symbols, arrows, dingbats
  if (c >= 0x3000 && c <= 0x303F) return false;  // CJK punctuation
  if (c == 0xFFFD) return false;
  return true;
}

bool IsUpperLetter(char32_t c) {
  return IsAsciiUpper(c) || (c >= 0xC0 && c <= 0xDE && c != 0xD7) ||
         (c >= 0x100 && c <= 0x17F && c % 2 == 0) || (c >= 0x400 && c <= 0x42F);
}

bool IsWordChar(char32_t c) { return IsLetter(c) || IsDigit(c); }

bool IsApostrophe(char32_t c) { return c == '\'' || c == 0x2019 || c == 0x2018 || c == 0x02BC; }

bool IsOpening(char32_t c) {
  switch (c) {
    case '(':
    case '[':
    case '{':
    case '"':
    case '\'':
    case '`':
    case 0x201C:  // “
    case 0x2018:  // ‘
    case 0x00AB:  // «
    case 0x00BF:  // ¿
    case 0x00A1:  // ¡
    case 0x201E:  // „
      return true;
    default:
      return false;
  }
}

bool IsClosing(char32_t c) {
  switch (c) {
    case ')':
    case ']':
    case '}':
    case '"':
    case '\'':
    case 0x201D:  // ”
    case 0x2019:  // ’
    case 0x00BB:  // »
      return true;
    default:
      return false;
  }
}

bool IsDash(char32_t c) { return c == 0x2013 || c == 0x2014 || c == 0x2015 || c == 0x2212; }

// Punctuation that always stands alone when it leads or trails a word.
bool IsEdgePunctuation(char32_t c) {
  if (IsOpening(c) || IsClosing(c) || IsDash(c)) return true;
  switch (c) {
    case ',':
    case ';':
    case ':':
    case '!':
    case '?':
    case '.':
    case '*':
    case '#':
    case '|':
    case '~':
    case 0x2026:  // …
    case 0x2022:  // •
    case 0x00B7:  // ·
      return true;
    default:
      return false;
  }
}

// Abbreviations that keep their full stop ("Mr.", "Jan."). Titles never end a sentence.
struct Abbreviation {
  std::string_view word;  // lower case, without the full stop
  bool title;             // precedes a name: never sentence-final
};
constexpr std::array<Abbreviation, 62> kAbbreviations = {{
    {"mr", true},      {"mrs", true},     {"ms", true},     {"dr", true},      {"prof", true},
    {"gen", true},     {"col", true},     {"lt", true},     {"sgt", true},     {"capt", true},
    {"cmdr", true},    {"adm", true},     {"gov", true},    {"sen", true},     {"rep", true},
    {"pres", true},    {"st", true},      {"rev", true},    {"hon", true},     {"maj", true},
    {"cpl", true},     {"pvt", true},     {"fr", true},     {"messrs", true},  {"jr", false},
    {"sr", false},     {"inc", false},    {"corp", false},  {"ltd", false},    {"co", false},
    {"bros", false},   {"vs", true},      {"etc", false},   {"jan", true},     {"feb", true},
    {"mar", true},     {"apr", true},     {"jun", true},    {"jul", true},     {"aug", true},
    {"sep", true},     {"sept", true},    {"oct", true},    {"nov", true},     {"dec", true},
    {"no", true},      {"nos", true},     {"vol", true},    {"pp", true},      {"ft", false},
    {"mt", true},      {"est", false},    {"approx", true}, {"dept", false},   {"univ", false},
    {"assn", false},   {"ave", false},    {"blvd", false},  {"rd", false},     {"fig", true},
    {"al", false},     {"cf", true},
}};

const Abbreviation* FindAbbreviation(std::string_view word) {
  if (word.size() > 7) return nullptr;
  char lower[8];
  for (size_t i = 0; i < word.size(); ++i) {
    char c = word[i];
    lower[i] = (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
  }
  const std::string_view key(lower, word.size());
  for (const auto& a : kAbbreviations) {
    if (a.word == key) return &a;
  }
  return nullptr;
}

// Words that, capitalised after an abbreviation such as "U.S.", start a new sentence.
bool IsSentenceStarter(std::string_view word) {
  static constexpr std::array<std::string_view, 30> kStarters = {
      "The", "A",    "An",  "He",    "She",   "It",  "They",  "We",  "I",     "This",
      "That", "But", "And", "In",    "On",    "At",  "There", "His", "Her",   "Their",
      "Its", "Our",  "If",  "When",  "While", "As",  "After", "For", "Since", "However"};
  return std::find(kStarters.begin(), kStarters.end(), word) != kStarters.end();
}

bool StartsWithPrefix(std::string_view s, std::string_view prefix) {
  if (s.size() < prefix.size()) return false;
  for (size_t i = 0; i < prefix.size(); ++i) {
    char c = s[i];
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    if (c != prefix[i]) return false;
  }
  return true;
}

// Raw tokens before sentence splitting, with what the whitespace before them held.
struct RawToken {
  Span span;
  uint32_t newlines_before = 0;  // newline characters in the whitespace before this token
  bool space_before = false;
  bool abbreviation = false;  // a word kept with its full stop
  bool title = false;         // an abbreviation that precedes names ("Mr.")
};

class Splitter final {
 public:
  explicit Splitter(std::string_view text) : text_(text) {}

  std::vector<RawToken> Run() {
    size_t pos = 0;
    uint32_t newlines = 0;
    bool space = false;
    while (pos < text_.size()) {
      const CodePoint c = At(text_, pos);
      if (IsSpace(c.cp)) {
        if (c.cp == '\n' || c.cp == 0x2028 || c.cp == 0x2029) ++newlines;
        space = true;
        pos += c.len;
        continue;
      }
      size_t end = pos;
      while (end < text_.size()) {
        const CodePoint d = At(text_, end);
        if (IsSpace(d.cp)) break;
        end += d.len;
      }
      pending_newlines_ = newlines;
      pending_space_ = space;
      Chunk(pos, end);
      newlines = 0;
      space = false;
      pos = end;
    }
    return std::move(tokens_);
  }

 private:
  void Emit(size_t b, size_t e, bool abbreviation = false, bool title = false) {
    if (b >= e) return;
    RawToken t;
    t.span = {static_cast<uint32_t>(b), static_cast<uint32_t>(e)};
    t.newlines_before = pending_newlines_;
    t.space_before = pending_space_;
    t.abbreviation = abbreviation;
    t.title = title;
    pending_newlines_ = 0;
    pending_space_ = false;
    tokens_.push_back(t);
  }

  // One whitespace-delimited chunk: peel punctuation off both ends, then split the core. A core
  // split at an inner dash or slash goes on as a chunk of its own ("talks—a", "Kyiv/Kiev"). That
  // goes on in this loop rather than by recursion: a scraped "a/b/c/..." run of a million parts
  // would overflow the stack. Each part's trailing punctuation follows everything inside it.
  void Chunk(size_t b, size_t e) {
    continuation_ = {b, e};
    while (continuation_) {
      const auto [part_begin, part_end] = *continuation_;
      continuation_.reset();
      ChunkPart(part_begin, part_end);
    }
    for (auto it = deferred_trailing_.rbegin(); it != deferred_trailing_.rend(); ++it) {
      TrailingPunctuation(it->first, it->second);
    }
    deferred_trailing_.clear();
  }

  // One part of a chunk. Core() may set continuation_; the trailing punctuation of this part is
  // deferred until the parts inside it are done.
  void ChunkPart(size_t b, size_t e) {
    const std::string_view chunk = text_.substr(b, e - b);
    if (StartsWithPrefix(chunk, "http://") || StartsWithPrefix(chunk, "https://") ||
        StartsWithPrefix(chunk, "www.")) {
      // A URL keeps everything but trailing sentence punctuation.
      size_t end = e;
      while (end > b) {
        const CodePoint c = Before(text_, end);
        if (c.cp == '.' || c.cp == ',' || c.cp == ';' || c.cp == ':' || c.cp == ')' ||
            c.cp == '!' || c.cp == '?' || IsClosing(c.cp)) {
          end -= c.len;
        } else {
          break;
        }
      }
      Emit(b, end);
      deferred_trailing_.emplace_back(end, e);
      return;
    }
    // Leading punctuation.
    while (b < e) {
      const CodePoint c = At(text_, b);
      if (IsApostrophe(c.cp) && b + c.len < e && IsDigit(At(text_, b + c.len).cp)) break;  // '90s
      if (!IsEdgePunctuation(c.cp) && c.cp != '-') break;
      size_t len = RunLength(b, e, c);
      Emit(b, b + len);
      b += len;
    }
    if (b >= e) return;
    // Trailing punctuation, innermost last: find where the core ends.
    size_t core_end = e;
    while (core_end > b) {
      const CodePoint c = Before(text_, core_end);
      if (c.cp == '.') {
        // Keep the full stop of an abbreviation or an initial: "U.S.", "Mr.", "J.".
        if (IsAbbreviationCore(b, core_end)) break;
        core_end -= c.len;
        // "..." is one token.
        while (core_end > b && text_[core_end - 1] == '.') --core_end;
        continue;
      }
      if (IsEdgePunctuation(c.cp) || c.cp == '-') {
        // A closing quote and the possessive apostrophe of a plural ("parties’") both split.
        core_end -= c.len;
        continue;
      }
      break;
    }
    if (core_end > b) Core(b, core_end);
    deferred_trailing_.emplace_back(core_end, e);
  }

  // Length of a run of the same punctuation ("...", "--", "!!", "??", "?!").
  size_t RunLength(size_t b, size_t e, CodePoint first) const {
    size_t len = first.len;
    if (first.cp == '.' || first.cp == '-' || first.cp == '!' || first.cp == '?') {
      while (b + len < e) {
        const char c = text_[b + len];
        if (c == static_cast<char>(first.cp) ||
            ((first.cp == '!' || first.cp == '?') && (c == '!' || c == '?'))) {
          ++len;
        } else {
          break;
        }
      }
    }
    return len;
  }

  void TrailingPunctuation(size_t b, size_t e) {
    while (b < e) {
      const CodePoint c = At(text_, b);
      const size_t len = RunLength(b, e, c);
      Emit(b, b + len);
      b += len;
    }
  }

  // True when text_[b, e) ends in '.' and is an abbreviation that keeps it.
  bool IsAbbreviationCore(size_t b, size_t e) {
    const std::string_view word = text_.substr(b, e - b - 1);  // without the final '.'
    if (word.empty()) return false;
    // Letters separated by full stops: "U.S", "e.g", "a.m", "U.K".
    bool dotted = word.find('.') != std::string_view::npos;
    bool letters_and_dots = true;
    for (char c : word) {
      const bool letter = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
      if (!letter && c != '.') letters_and_dots = false;
    }
    if (dotted && letters_and_dots) return true;
    // A single capital initial: "J." in "J. K. Rowling".
    if (word.size() == 1 && word[0] >= 'A' && word[0] <= 'Z') return true;
    const Abbreviation* a = FindAbbreviation(word);
    if (a == nullptr) return false;
    // "No." and "Nos." abbreviate "number" only before one: "No. 10", not "“No.” Then".
    if (a->word == "no" || a->word == "nos") return NextChunkStartsWithDigit(e);
    return true;
  }

  bool NextChunkStartsWithDigit(size_t pos) const {
    if (pos < text_.size() && !IsSpace(At(text_, pos).cp)) return false;  // punctuation follows
    while (pos < text_.size()) {
      const CodePoint c = At(text_, pos);
      if (!IsSpace(c.cp)) return IsDigit(c.cp);
      pos += c.len;
    }
    return false;
  }

  // The core of a chunk, without edge punctuation: split inner dashes, slashes between words,
  // and clitics; keep numbers, hyphenated words and abbreviations whole.
  void Core(size_t b, size_t e) {
    // Inner em/en dashes and "--" separate words: "talks—a", "Trump–Putin".
    for (size_t pos = b; pos < e;) {
      const CodePoint c = At(text_, pos);
      const bool double_hyphen = c.cp == '-' && pos + 1 < e && text_[pos + 1] == '-';
      if (IsDash(c.cp) || double_hyphen || c.cp == 0x2026 ||
          (c.cp == '/' && pos > b && pos + 1 < e && IsLetter(Before(text_, pos).cp) &&
           IsLetter(At(text_, pos + 1).cp))) {
        // [b, pos) holds no split point (pos is the first), so this goes no deeper.
        if (pos > b) Core(b, pos);
        size_t len = double_hyphen ? RunLength(pos, e, c) : c.len;
        Emit(pos, pos + len);
        if (pos + len < e) continuation_ = {pos + len, e};  // Chunk() goes on with the rest
        return;
      }
      pos += c.len;
    }
    const std::string_view word = text_.substr(b, e - b);
    if (word.back() == '.') {
      const std::string_view bare = word.substr(0, word.size() - 1);
      const Abbreviation* a = FindAbbreviation(bare);
      Emit(b, e, /*abbreviation=*/true, a != nullptr && a->title);
      return;
    }
    // "cannot" -> "can" "not", as Universal Dependencies does.
    if (word.size() == 6 && StartsWithPrefix(word, "cannot")) {
      Emit(b, b + 3);
      Emit(b + 3, e);
      return;
    }
    // n't: "don't" -> "do" "n't", "can't" -> "ca" "n't", "won't" -> "wo" "n't".
    for (std::string_view suffix : {std::string_view("n't"), std::string_view("n\xE2\x80\x99t")}) {
      if (word.size() > suffix.size() + 1 && EndsWithIgnoreCase(word, suffix)) {
        const size_t split = e - suffix.size();
        Emit(b, split);
        Emit(split, e);
        return;
      }
    }
    // 's 're 've 'll 'd 'm, with either apostrophe, after a letter or digit.
    for (size_t pos = b + 1; pos < e; ++pos) {
      const CodePoint c = At(text_, pos);
      if (!IsApostrophe(c.cp)) {
        pos += c.len - 1;
        continue;
      }
      const std::string_view rest = text_.substr(pos + c.len, e - pos - c.len);
      if (IsClitic(rest) && IsWordChar(Before(text_, pos).cp)) {
        Emit(b, pos);
        Emit(pos, e);
        return;
      }
      pos += c.len - 1;
    }
    Emit(b, e);
  }

  static bool EndsWithIgnoreCase(std::string_view s, std::string_view suffix) {
    if (s.size() < suffix.size()) return false;
    const std::string_view tail = s.substr(s.size() - suffix.size());
    for (size_t i = 0; i < suffix.size(); ++i) {
      char c = tail[i];
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
      if (c != suffix[i]) return false;
    }
    return true;
  }

  static bool IsClitic(std::string_view rest) {
    static constexpr std::array<std::string_view, 6> kClitics = {"s", "re", "ve", "ll", "d", "m"};
    if (rest.size() > 2) return false;
    std::string lower = AsciiLower(rest);
    return std::find(kClitics.begin(), kClitics.end(), lower) != kClitics.end();
  }

  std::string_view text_;
  std::vector<RawToken> tokens_;
  // The part of the current chunk still to split, and the trailing punctuation of the parts
  // begun (see Chunk).
  std::optional<std::pair<size_t, size_t>> continuation_;
  std::vector<std::pair<size_t, size_t>> deferred_trailing_;
  uint32_t pending_newlines_ = 0;
  bool pending_space_ = false;
};

bool IsTerminal(std::string_view form) {
  if (form.empty()) return false;
  if (form == "\xE2\x80\xA6") return true;  // …
  for (char c : form) {
    if (c != '.' && c != '!' && c != '?') return false;
  }
  return true;
}

// The first code point of a token.
char32_t First(std::string_view form) { return At(form, 0).cp; }

bool StartsLikeSentence(std::string_view form) {
  const char32_t c = First(form);
  return IsUpperLetter(c) || IsDigit(c) || IsOpening(c) || IsDash(c) || c == '-' ||
         !IsLetter(c);
}

bool IsClosingToken(std::string_view form) {
  const CodePoint c = At(form, 0);
  return c.len == form.size() && IsClosing(c.cp);
}

}  // namespace

std::vector<Sentence> Tokenize(std::string_view text) {
  std::vector<RawToken> raw = Splitter(text).Run();
  std::vector<Sentence> sentences;
  Sentence current;
  auto flush = [&]() {
    if (current.tokens.empty()) return;
    current.span = {current.tokens.front().span.begin, current.tokens.back().span.end};
    sentences.push_back(std::move(current));
    current = Sentence();
  };
  for (size_t i = 0; i < raw.size(); ++i) {
    const RawToken& r = raw[i];
    const std::string_view form = text.substr(r.span.begin, r.span.size());
    if (!current.tokens.empty()) {
      const Token& prev = current.tokens.back();
      bool brk = false;
      if (r.newlines_before >= 2) {
        brk = true;  // a blank line always ends a sentence
      } else if (r.newlines_before == 1) {
        // A line that ends without final punctuation is a headline or a dateline when the next
        // line starts like a sentence; a hard-wrapped line continues in lower case.
        brk = StartsLikeSentence(form) && prev.form != "," && prev.form != "-";
      }
      if (!brk && current.tokens.size() >= kMaxSentenceTokens) brk = true;
      if (brk) flush();
    }
    Token t;
    t.span = r.span;
    t.form = form;
    if (!current.tokens.empty()) current.tokens.back().space_after = r.space_before;
    current.tokens.push_back(t);

    // Does a sentence end after this token?
    size_t j = i + 1;
    bool terminal = IsTerminal(form);
    if (!terminal && r.abbreviation && !r.title && j < raw.size()) {
      // "... in the U.S. The talks": an abbreviation ends a sentence before a typical opener.
      const std::string_view next = text.substr(raw[j].span.begin, raw[j].span.size());
      terminal = IsSentenceStarter(next) || raw[j].newlines_before > 0;
    }
    if (!terminal) continue;
    // Closing quotes and brackets after the full stop belong to this sentence.
    while (j < raw.size() && raw[j].newlines_before == 0 &&
           IsClosingToken(text.substr(raw[j].span.begin, raw[j].span.size()))) {
      // A quote that opens the next sentence follows a space; one that closes this one does not,
      // unless it is the last thing on the line.
      if (raw[j].space_before && j + 1 < raw.size() && raw[j + 1].newlines_before == 0 &&
          !raw[j + 1].space_before) {
        break;
      }
      ++j;
      Token q;
      q.span = raw[j - 1].span;
      q.form = text.substr(q.span.begin, q.span.size());
      current.tokens.back().space_after = raw[j - 1].space_before;
      current.tokens.push_back(q);
    }
    i = j - 1;
    if (j >= raw.size()) break;
    const std::string_view next = text.substr(raw[j].span.begin, raw[j].span.size());
    // "Really?" he asked: a lower-case continuation keeps the sentence open.
    if (StartsLikeSentence(next) || raw[j].newlines_before > 0) flush();
  }
  flush();
  return sentences;
}

}  // namespace kg::nlp
