#include "extract/dateline.h"

#include <algorithm>
#include <string_view>

namespace kg::extract {

size_t DatelineEnd(const nlp::Sentence& sentence) {
  const auto& t = sentence.tokens;
  const size_t n = t.size();
  if (n < 3 || t[0].upos != "PROPN") return 0;
  // Before a dash, a city in capitals or a comma or parenthesis ("(Reuters)") says dateline; not
  // "Zelenskyy - speaking in Kyiv - said".
  const std::string_view first = t[0].form;
  bool dateline_like = first.size() > 1 && std::none_of(first.begin(), first.end(), [](char c) {
                         return c >= 'a' && c <= 'z';
                       });
  for (size_t i = 1; i + 1 < n && i < 14; ++i) {
    const std::string_view f = t[i].form;
    if (f == ":") return i + 1;
    // A dash with a space before it: not "Guinea-Bissau".
    const bool spaced = t[i].span.begin != t[i - 1].span.end;
    if (spaced && dateline_like && (f == "-" || f == "--" || f == "\u2014" || f == "\u2013")) {
      return i + 1;
    }
    dateline_like = dateline_like || f == "," || f == "(";
    if (t[i].upos == "VERB" || t[i].upos == "AUX") return 0;
  }
  return 0;
}

size_t TextStart(const nlp::Sentence& sentence) {
  if (const size_t end = DatelineEnd(sentence)) return end;
  const auto& t = sentence.tokens;
  for (size_t k = 1; k < t.size() && k < 5; ++k) {
    const std::string_view f = t[k].form;
    if (f == ":" || f == "\u2014" || f == "\u2013" || f == "--") return k + 1;
  }
  return 0;
}

}  // namespace kg::extract
