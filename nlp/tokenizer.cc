#include "nlp/tokenizer.h"

#include <algorithm>
#include <array>
#include <cstdint>

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
         c == 0x1680 || (c >= 0x2000 && c <= 0x200A) || c == 0x2028 || c == 0x2029 || c == 0x202F ||
         c == 0x205F || c == 0x3000 || c == 0xFEFF;
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
    case '<':
    case '>':
    case 0x2026:  // …
    case 0x2022:  // •
    case 0x00B7:  // ·
      return true;
    default:
      return false;
  }
}

bool IsCurrency(char32_t c) {
  return c == '$' || c == 0xA3 || c == 0x20AC || c == 0xA5;  // $ £ € ¥
}

// Emoticons are single tokens: ":)", ":-(", ";)", ":D", "<3".
bool IsEmoticon(std::string_view w) {
  static constexpr std::array<std::string_view, 22> kEmoticons = {
      ":)",  ":-)", ":(",  ":-(", ";)", ";-)", ":D", ":-D", ":P", ":-P", ":p",
      ":-p", ":/",  ":-/", ":'(", "=)", "=(",  ":]", ":[",  "<3", ":o",  ":O"};
  return std::find(kEmoticons.begin(), kEmoticons.end(), w) != kEmoticons.end();
}

// Prefixes that UD English keeps attached by their hyphen ("e-mail", "non-profit", "co-workers"),
// where other hyphenated compounds split ("long-term" -> "long" "-" "term").
bool IsHyphenPrefix(std::string_view part) {
  static constexpr std::array<std::string_view, 34> kPrefixes = {
      "e",     "non",   "mid",   "pre",     "anti",  "re",    "post", "co",     "over",
      "pro",   "multi", "sub",   "ex",      "semi",  "cross", "neo",  "psycho", "un",
      "socio", "intra", "inter", "counter", "micro", "macro", "mega", "mini",   "ultra",
      "bi",    "tri",   "de",    "pseudo",  "quasi", "mis",   "under"};
  if (part.size() > 7) return false;
  char lower[8];
  for (size_t i = 0; i < part.size(); ++i) {
    const char c = part[i];
    lower[i] = (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
  }
  const std::string_view key(lower, part.size());
  return std::find(kPrefixes.begin(), kPrefixes.end(), key) != kPrefixes.end();
}

// Clitics written without an apostrophe, which UD English splits all the same: "dont" -> "do"
// "nt", "im" -> "i" "m", "gonna" -> "gon" "na". The number is where the second word starts.
struct FusedWord {
  std::string_view word;  // lower case
  size_t split;
};
constexpr std::array<FusedWord, 25> kFusedWords = {{
    {"alot", 1},   {"dont", 2},    {"didnt", 3},   {"doesnt", 4},   {"cant", 2},
    {"wont", 2},   {"couldnt", 5}, {"wouldnt", 5}, {"shouldnt", 6}, {"isnt", 2},
    {"wasnt", 3},  {"arent", 3},   {"werent", 4},  {"havent", 4},   {"hasnt", 3},
    {"aint", 2},   {"im", 1},      {"ive", 1},     {"youre", 3},    {"thats", 4},
    {"theres", 5}, {"gonna", 3},   {"wanna", 3},   {"gotta", 3},    {"outta", 3},
}};

size_t FusedSplit(std::string_view w) {
  if (w.size() > 8) return 0;
  for (const FusedWord& f : kFusedWords) {
    if (f.word.size() != w.size()) continue;
    bool same = true;
    for (size_t i = 0; i < w.size() && same; ++i) {
      char c = w[i];
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
      same = c == f.word[i];
    }
    if (same) return f.split;
  }
  return 0;
}

// Abbreviations that keep their full stop ("Mr.", "Jan."). Titles never end a sentence.
struct Abbreviation {
  std::string_view word;  // lower case, without the full stop
  bool title;             // precedes a name: never sentence-final
};
constexpr std::array<Abbreviation, 74> kAbbreviations = {{
    {"tue", true},    {"tues", true},  {"thu", true},   {"thur", true}, {"thurs", true},
    {"fri", true},    {"lb", false},   {"lbs", false},  {"oz", false},  {"drs", true},
    {"sts", false},   {"ext", true},   {"mr", true},    {"mrs", true},  {"ms", true},
    {"dr", true},     {"prof", true},  {"gen", true},   {"col", true},  {"lt", true},
    {"sgt", true},    {"capt", true},  {"cmdr", true},  {"adm", true},  {"gov", true},
    {"sen", true},    {"rep", true},   {"pres", true},  {"st", true},   {"rev", true},
    {"hon", true},    {"maj", true},   {"cpl", true},   {"pvt", true},  {"fr", true},
    {"messrs", true}, {"jr", false},   {"sr", false},   {"inc", false}, {"corp", false},
    {"ltd", false},   {"co", false},   {"bros", false}, {"vs", true},   {"etc", false},
    {"jan", true},    {"feb", true},   {"mar", true},   {"apr", true},  {"jun", true},
    {"jul", true},    {"aug", true},   {"sep", true},   {"sept", true}, {"oct", true},
    {"nov", true},    {"dec", true},   {"no", true},    {"nos", true},  {"vol", true},
    {"pp", true},     {"ft", false},   {"mt", true},    {"est", false}, {"approx", true},
    {"dept", false},  {"univ", false}, {"assn", false}, {"ave", false}, {"blvd", false},
    {"rd", false},    {"fig", true},   {"al", false},   {"cf", true},
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
      "The",  "A",   "An",  "He",   "She",   "It", "They",  "We",  "I",     "This",
      "That", "But", "And", "In",   "On",    "At", "There", "His", "Her",   "Their",
      "Its",  "Our", "If",  "When", "While", "As", "After", "For", "Since", "However"};
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

  // One whitespace-delimited chunk: peel punctuation off both ends, then split the core.
  void Chunk(size_t b, size_t e) {
    // Opening brackets and quotes before a URL: "[http://...]".
    for (size_t p = b; p < e;) {
      const CodePoint c = At(text_, p);
      if (!IsOpening(c.cp)) {
        if (p > b && LooksLikeUrl(text_.substr(p, e - p))) {
          for (size_t q = b; q < p;) {
            const CodePoint o = At(text_, q);
            Emit(q, q + o.len);
            q += o.len;
          }
          b = p;
        }
        break;
      }
      p += c.len;
    }
    const std::string_view chunk = text_.substr(b, e - b);
    if (LooksLikeUrl(chunk)) {
      // A URL keeps everything but trailing sentence punctuation.
      size_t end = e;
      while (end > b) {
        const CodePoint c = Before(text_, end);
        if (c.cp == '.' || c.cp == ',' || c.cp == ';' || c.cp == ':' || c.cp == ')' ||
            c.cp == ']' || c.cp == '!' || c.cp == '?' || IsClosing(c.cp)) {
          end -= c.len;
        } else {
          break;
        }
      }
      Emit(b, end);
      TrailingPunctuation(end, e);
      return;
    }
    if (IsEmoticon(chunk)) {
      Emit(b, e);
      return;
    }
    // Leading punctuation.
    while (b < e) {
      const CodePoint c = At(text_, b);
      // A currency sign before a number stands alone: "$100" -> "$" "100".
      if (IsCurrency(c.cp) && b + c.len < e && IsDigit(At(text_, b + c.len).cp)) {
        Emit(b, b + c.len);
        b += c.len;
        break;
      }
      if (IsApostrophe(c.cp) && b + c.len < e && IsDigit(At(text_, b + c.len).cp)) break;  // '90s
      if (!IsEdgePunctuation(c.cp) && c.cp != '-') break;
      // A hashtag keeps its '#': "#audiobooks".
      if (c.cp == '#' && b + 1 < e && IsLetter(At(text_, b + 1).cp)) break;
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
        size_t run = 1;
        while (core_end - run > b && text_[core_end - run - 1] == '.') ++run;
        // Keep the full stop of an abbreviation or an initial: "U.S.", "Mr.", "J.".
        if (run == 1 && IsAbbreviationCore(b, core_end)) break;
        // "Inc.." is the abbreviation and a full stop.
        if (run == 2 && core_end - 2 > b && IsAbbreviationCore(b, core_end - 1)) {
          Core(b, core_end - 1);
          TrailingPunctuation(core_end - 1, e);
          return;
        }
        core_end -= run;  // "..." is one token
        continue;
      }
      if (IsEdgePunctuation(c.cp) || c.cp == '-') {
        // A closing quote and the possessive apostrophe of a plural ("parties’") both split.
        core_end -= c.len;
        continue;
      }
      // A per cent sign after a number stands alone: "50%" -> "50" "%".
      if (c.cp == '%' && core_end - c.len > b && IsDigit(Before(text_, core_end - c.len).cp)) {
        core_end -= c.len;
        continue;
      }
      break;
    }
    if (core_end > b) Core(b, core_end);
    TrailingPunctuation(core_end, e);
  }

  // "its" written for "it's" (UD splits it "it" "s"): only before words that never follow the
  // possessive ("its not", "its a", "its really").
  bool ItsMeansItIs(size_t pos) const {
    if (pos < text_.size() && !IsSpace(At(text_, pos).cp)) return false;
    while (pos < text_.size() && IsSpace(At(text_, pos).cp)) pos += At(text_, pos).len;
    size_t end = pos;
    while (end < text_.size() && IsLetter(At(text_, end).cp)) end += At(text_, end).len;
    const std::string lower = AsciiLower(text_.substr(pos, end - pos));
    static constexpr std::array<std::string_view, 15> kAfterItIs = {
        "not",  "a",    "an",   "the",   "really",  "simply",     "very", "like",
        "just", "also", "been", "still", "getting", "definitely", "now"};
    return std::find(kAfterItIs.begin(), kAfterItIs.end(), lower) != kAfterItIs.end();
  }

  static bool LooksLikeUrl(std::string_view s) {
    return StartsWithPrefix(s, "http://") || StartsWithPrefix(s, "https://") ||
           StartsWithPrefix(s, "www.");
  }

  // Length of a run of the same punctuation ("...", "--", "!!", "??", "?!", "***", "===").
  size_t RunLength(size_t b, size_t e, CodePoint first) const {
    size_t len = first.len;
    // Two apostrophes or single quotes as one quotation mark: '' ’’ ‘’.
    if ((IsApostrophe(first.cp) || first.cp == '`') && b + len < e) {
      const CodePoint next = At(text_, b + len);
      if (IsApostrophe(next.cp) || next.cp == '`') return len + next.len;
    }
    if (first.cp == '.' || first.cp == '-' || first.cp == '!' || first.cp == '?' ||
        first.cp == '*' || first.cp == '=' || first.cp == '~' || first.cp == '_' ||
        first.cp == '<' || first.cp == '>') {
      while (b + len < e) {
        const char c = text_[b + len];
        const bool terminal_mix =
            (first.cp == '!' || first.cp == '?' || first.cp == '.') && (c == '!' || c == '?');
        if (c == static_cast<char>(first.cp) || terminal_mix) {
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
      // "account(s)": an opening bracket inside a word splits.
      if (c.cp == '(' && pos > b && IsLetter(Before(text_, pos).cp)) {
        Core(b, pos);
        Chunk(pos, e);
        return;
      }
      // "file.pdf)(See": brackets back to back split.
      if (c.cp == ')' && pos > b && pos + 1 < e && text_[pos + 1] == '(') {
        Core(b, pos);
        Emit(pos, pos + 1);
        Chunk(pos + 1, e);
        return;
      }
      // "past...and": dots between words; "Baltimore,MD": a comma between letters.
      const bool inner_dots = c.cp == '.' && pos > b && pos + 2 < e && text_[pos + 1] == '.' &&
                              text_.substr(b, e - b).find('@') == std::string_view::npos;
      const bool inner_comma = c.cp == ',' && pos > b && pos + 1 < e &&
                               IsLetter(Before(text_, pos).cp) && IsLetter(At(text_, pos + 1).cp);
      if (inner_dots || inner_comma) {
        Core(b, pos);
        const size_t len = inner_dots ? RunLength(pos, e, c) : 1;
        Emit(pos, pos + len);
        if (pos + len < e) Chunk(pos + len, e);
        return;
      }
      if (IsDash(c.cp) || double_hyphen || c.cp == 0x2026 ||
          (c.cp == '/' && pos > b + 1 && pos + 1 < e && IsLetter(Before(text_, pos).cp) &&
           IsLetter(At(text_, pos + 1).cp))) {  // "and/or" splits, "b/c" and "w/o" do not
        if (pos > b) Core(b, pos);
        size_t len = double_hyphen ? RunLength(pos, e, c) : c.len;
        Emit(pos, pos + len);
        if (pos + len < e) Chunk(pos + len, e);
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
    if (SplitHyphen(b, e)) return;
    // "$170m", "10k": a number and its unit letter split.
    if (word.size() >= 2 && IsDigit(static_cast<unsigned char>(word[0]))) {
      const char last = static_cast<char>(word.back() | 0x20);
      bool number = true;
      for (size_t i = 0; i + 1 < word.size(); ++i) {
        const char c = word[i];
        number = number && (IsDigit(static_cast<unsigned char>(c)) || c == '.' || c == ',');
      }
      if (number && (last == 'm' || last == 'k' || last == 'b')) {
        Emit(b, e - 1);
        Emit(e - 1, e);
        return;
      }
    }
    // "7:30PM", "5pm": the time and its am/pm split.
    if (word.size() >= 3) {
      const std::string_view tail = word.substr(word.size() - 2);
      const char t0 = static_cast<char>(tail[0] | 0x20), t1 = static_cast<char>(tail[1] | 0x20);
      if ((t0 == 'a' || t0 == 'p') && t1 == 'm' &&
          IsDigit(static_cast<unsigned char>(word[word.size() - 3]))) {
        bool time = true;
        for (size_t i = 0; i + 2 < word.size(); ++i) {
          time = time && (IsDigit(static_cast<unsigned char>(word[i])) || word[i] == ':');
        }
        if (time) {
          Emit(b, e - 2);
          Emit(e - 2, e);
          return;
        }
      }
    }
    if (word.size() == 3 && StartsWithPrefix(word, "its") && ItsMeansItIs(e)) {
      Emit(b, b + 2);
      Emit(b + 2, e);
      return;
    }
    if (const size_t split = FusedSplit(word); split > 0) {
      Emit(b, b + split);
      Emit(b + split, e);
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
      // "the 50's" (a decade) stays whole.
      if (IsClitic(rest) && IsLetter(Before(text_, pos).cp)) {
        Emit(b, pos);
        Emit(pos, e);
        return;
      }
      pos += c.len - 1;
    }
    Emit(b, e);
  }

  // Splits text_[b, e) at its first hyphen between two word characters that UD English splits,
  // emitting the parts; false (nothing emitted) when there is none. Prefixes keep their hyphen
  // ("e-mail"), and so do phone numbers and e-mail addresses.
  bool SplitHyphen(size_t b, size_t e) {
    const std::string_view word = text_.substr(b, e - b);
    if (word.find('@') != std::string_view::npos) return false;
    size_t digits = 0, hyphens = 0, first_group = 0;
    bool only_digits = true;
    for (char c : word) {
      if (c >= '0' && c <= '9') {
        ++digits;
      } else if (c == '-') {
        if (hyphens++ == 0) first_group = digits;
      } else {
        only_digits = false;
      }
    }
    // Phone numbers and dates keep their hyphens: 713-853-3989, 2001-02-13, 853-3989; ranges
    // split: 1969 - 1970.
    if (only_digits && (hyphens >= 2 || (first_group <= 3 && digits - first_group == 4))) {
      return false;
    }
    for (size_t pos = b + 1; pos + 1 < e; ++pos) {
      if (text_[pos] != '-' || !IsWordChar(Before(text_, pos).cp) ||
          !IsWordChar(At(text_, pos + 1).cp)) {
        continue;
      }
      if (IsHyphenPrefix(text_.substr(b, pos - b))) continue;
      Core(b, pos);
      Emit(pos, pos + 1);
      Core(pos + 1, e);
      return true;
    }
    return false;
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
  uint32_t pending_newlines_ = 0;
  bool pending_space_ = false;
};

bool IsTerminal(std::string_view form) {
  if (form.empty()) return false;
  if (form == "\xE2\x80\xA6") return true;  // …
  // A separator line in an e-mail: "***", "=====", "_____".
  if (form.size() >= 3 && (form[0] == '*' || form[0] == '=' || form[0] == '_') &&
      form.find_first_not_of(form[0]) == std::string_view::npos) {
    return true;
  }
  for (char c : form) {
    if (c != '.' && c != '!' && c != '?') return false;
  }
  return true;
}

bool AllDigits(std::string_view s, size_t from, size_t to) {
  if (to > s.size() || from >= to) return false;
  for (size_t i = from; i < to; ++i) {
    if (s[i] < '0' || s[i] > '9') return false;
  }
  return true;
}

// "08/16/2000" or "10/08/99".
bool IsSlashDate(std::string_view s) {
  const size_t a = s.find('/');
  if (a == std::string_view::npos || a == 0 || a > 2) return false;
  const size_t b = s.find('/', a + 1);
  if (b == std::string_view::npos || b - a - 1 == 0 || b - a - 1 > 2) return false;
  return AllDigits(s, 0, a) && AllDigits(s, a + 1, b) &&
         (s.size() - b - 1 == 2 || s.size() - b - 1 == 4) && AllDigits(s, b + 1, s.size());
}

// "12:05" or "06:03:48".
bool IsClockTime(std::string_view s) {
  const size_t a = s.find(':');
  if (a == std::string_view::npos || a == 0 || a > 2 || s.size() < a + 3) return false;
  return AllDigits(s, 0, a) && AllDigits(s, a + 1, a + 3) &&
         (s.size() == a + 3 ||
          (s.size() == a + 6 && s[a + 3] == ':' && AllDigits(s, a + 4, a + 6)));
}

bool IsEmoticonToken(std::string_view form) { return IsEmoticon(form); }

// A sentence-final abbreviation whose full stop UD English writes as a token of its own.
bool SplitsFinalStop(std::string_view form) {
  if (form.size() < 2 || form.back() != '.') return false;
  const std::string lower = AsciiLower(form);
  if (lower == "a.m." || lower == "p.m.") return true;
  return form.find('.') == form.size() - 1 && FindAbbreviation(form.substr(0, form.size() - 1));
}

// The first code point of a token.
char32_t First(std::string_view form) { return At(form, 0).cp; }

bool StartsLikeSentence(std::string_view form) {
  const char32_t c = First(form);
  return IsUpperLetter(c) || IsDigit(c) || IsOpening(c) || IsDash(c) || c == '-' || !IsLetter(c);
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
      // An e-mail header: "Kay Mann 04/26/2001 07:17 AM Will you ..." has the date and time as a
      // sentence of their own.
      if (!brk && IsSlashDate(form) && i + 1 < raw.size() &&
          IsClockTime(text.substr(raw[i + 1].span.begin, raw[i + 1].span.size()))) {
        brk = true;
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
    const size_t k = current.tokens.size();
    if (!terminal && (form == "AM" || form == "PM") && k >= 3 &&
        IsClockTime(current.tokens[k - 2].form) && IsSlashDate(current.tokens[k - 3].form)) {
      terminal = true;
    }
    if (!terminal && IsEmoticonToken(form) && j < raw.size()) {
      terminal = IsUpperLetter(First(text.substr(raw[j].span.begin, raw[j].span.size())));
    }
    if (!terminal && r.abbreviation && !r.title) {
      // "... in the U.S. The talks": an abbreviation ends a sentence before a typical opener.
      if (j < raw.size()) {
        const std::string_view next = text.substr(raw[j].span.begin, raw[j].span.size());
        terminal = IsSentenceStarter(next) || raw[j].newlines_before > 0;
      } else {
        terminal = true;
      }
      // Its full stop then also ends the sentence, and UD writes it apart: "etc" ".", "Inc" ".",
      // "p.m" "."; dotted names keep theirs ("U.S.").
      if (terminal && SplitsFinalStop(form)) {
        Token& last = current.tokens.back();
        last.span.end -= 1;
        last.form.remove_suffix(1);
        last.space_after = false;
        Token stop;
        stop.span = Span{last.span.end, last.span.end + 1};
        stop.form = text.substr(stop.span.begin, 1);
        current.tokens.push_back(stop);
      }
    }
    if (!terminal) continue;
    bool quoted = false;
    // Closing quotes and brackets after the full stop belong to this sentence.
    while (j < raw.size() && raw[j].newlines_before == 0 &&
           (IsClosingToken(text.substr(raw[j].span.begin, raw[j].span.size())) ||
            IsEmoticonToken(text.substr(raw[j].span.begin, raw[j].span.size())))) {
      // A quote that opens the next sentence follows a space; one that closes this one does not,
      // unless it is the last thing on the line.
      if (raw[j].space_before && j + 1 < raw.size() && raw[j + 1].newlines_before == 0 &&
          !raw[j + 1].space_before) {
        break;
      }
      ++j;
      quoted = true;
      Token q;
      q.span = raw[j - 1].span;
      q.form = text.substr(q.span.begin, q.span.size());
      current.tokens.back().space_after = raw[j - 1].space_before;
      current.tokens.push_back(q);
    }
    i = j - 1;
    if (j >= raw.size()) break;
    const std::string_view next = text.substr(raw[j].span.begin, raw[j].span.size());
    // '"Really?" he asked' and "well... maybe": a lower-case word after a closing quote or an
    // ellipsis continues the sentence; after a bare full stop, question or exclamation mark it
    // starts a new one (web text often starts sentences in lower case).
    const bool ellipsis = form.size() >= 2 && form != "?!" && form != "!?" && form[0] == form[1];
    const bool continues =
        (quoted || ellipsis || form == "\xE2\x80\xA6") && !StartsLikeSentence(next);
    if (!continues || raw[j].newlines_before > 0) flush();
  }
  flush();
  return sentences;
}

}  // namespace kg::nlp
