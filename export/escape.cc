#include "export/escape.h"

#include "core/text.h"

namespace kg::exporter {
namespace {

constexpr std::string_view kReplacement = "\xEF\xBF\xBD";  // U+FFFD

// Calls ascii(c) for each ASCII byte and other(cp, bytes) for each non-ASCII character;
// invalid UTF-8 arrives as U+FFFD.
template <typename Ascii, typename Other>
void ForEachChar(std::string_view text, Ascii ascii, Other other) {
  size_t pos = 0;
  while (pos < text.size()) {
    const auto c = static_cast<unsigned char>(text[pos]);
    if (c < 0x80) {
      ascii(static_cast<char>(c));
      ++pos;
      continue;
    }
    const size_t len = Utf8SequenceLength(text, pos);
    if (len == 0) {
      other(0xFFFD, kReplacement);
      ++pos;
      continue;
    }
    other(DecodeUtf8(text, pos, len), text.substr(pos, len));
    pos += len;
  }
}

bool NeedsXmlEscape(std::string_view text) {
  for (char ch : text) {
    const auto c = static_cast<unsigned char>(ch);
    if (c < 0x20 || c >= 0x80 || c == '&' || c == '<' || c == '>' || c == '"' || c == '\'') {
      return true;
    }
  }
  return false;
}

}  // namespace

void AppendXmlEscaped(std::string_view text, std::string* out) {
  if (!NeedsXmlEscape(text)) {  // the common case: plain ASCII names
    out->append(text);
    return;
  }
  ForEachChar(
      text,
      [&](char c) {
        switch (c) {
          case '&':
            out->append("&amp;");
            break;
          case '<':
            out->append("&lt;");
            break;
          case '>':
            out->append("&gt;");
            break;
          case '"':
            out->append("&quot;");
            break;
          case '\'':
            out->append("&apos;");
            break;
          case '\t':
            out->append("&#9;");
            break;
          case '\n':
            out->append("&#10;");
            break;
          case '\r':
            out->append("&#13;");
            break;
          default:
            if (static_cast<unsigned char>(c) < 0x20) {
              out->append(kReplacement);  // not allowed in XML 1.0, even as a reference
            } else {
              out->push_back(c);
            }
        }
      },
      [&](char32_t cp, std::string_view bytes) {
        if (cp == 0xFFFE || cp == 0xFFFF) {
          out->append(kReplacement);
        } else {
          out->append(bytes);
        }
      });
}

void AppendDotQuoted(std::string_view text, std::string* out) {
  out->push_back('"');
  ForEachChar(
      text,
      [&](char c) {
        if (c == '"' || c == '\\') {
          out->push_back('\\');
          out->push_back(c);
        } else if (c == '\n') {
          out->append("\\n");
        } else if (static_cast<unsigned char>(c) < 0x20 || c == 0x7F) {
          out->append(kReplacement);
        } else {
          out->push_back(c);
        }
      },
      [&](char32_t cp, std::string_view bytes) {
        // Graphviz copies labels into SVG, where U+FFFE and U+FFFF make the file invalid XML.
        if (cp == 0xFFFE || cp == 0xFFFF) {
          out->append(kReplacement);
        } else {
          out->append(bytes);
        }
      });
  out->push_back('"');
}

}  // namespace kg::exporter
