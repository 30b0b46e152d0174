// The sentence splitter and tokenizer (nlp/tokenizer.h) on arbitrary bytes: no crash, and every
// token is a view of the text at its span, in order, with sentences spanning their tokens.
#include "core/text.h"
#include "fuzz/fuzz_check.h"
#include "nlp/tokenizer.h"

namespace {

void CheckTokenize(std::string_view text) {
  const bool valid_utf8 = kg::FindInvalidUtf8(text) == text.size();
  const std::vector<kg::nlp::Sentence> sentences = kg::nlp::Tokenize(text);
  uint32_t previous_end = 0;
  for (const auto& s : sentences) {
    FUZZ_CHECK(!s.tokens.empty());
    FUZZ_CHECK(s.span.begin == s.tokens.front().span.begin);
    FUZZ_CHECK(s.span.end == s.tokens.back().span.end);
    for (const auto& t : s.tokens) {
      FUZZ_CHECK(t.span.begin < t.span.end);
      FUZZ_CHECK(t.span.end <= text.size());
      FUZZ_CHECK(t.span.begin >= previous_end);  // in order, never overlapping
      FUZZ_CHECK(t.form.data() == text.data() + t.span.begin);
      FUZZ_CHECK(t.form.size() == t.span.size());
      // Valid text gives tokens that are valid text: spans never cut a character.
      if (valid_utf8) FUZZ_CHECK(kg::FindInvalidUtf8(t.form) == t.form.size());
      previous_end = t.span.end;
    }
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view raw = kg::fuzz::AsText(data, size);
  // kg ingest repairs text before tokenizing it; the tokenizer must survive unrepaired bytes too.
  CheckTokenize(raw);
  std::string repaired(raw);
  if (kg::RepairUtf8(&repaired) > 0) CheckTokenize(repaired);
  return 0;
}
