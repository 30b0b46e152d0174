// Counts the sentences and tokens of documents (JSON lines {"text": ...} on stdin) with kg's own
// tokenizer: the units the extraction benchmark reports its throughput in.
#include <cstdio>
#include <string>

#include "nlp/tokenizer.h"
#include "stream/jsonl.h"
#include "stream/line_reader.h"

int main() {
  kg::stream::LineReader reader(0, "stdin");
  kg::stream::FactDocument doc;
  std::string_view line;
  unsigned long long documents = 0, sentences = 0, tokens = 0;
  while (reader.Next(&line)) {
    if (!kg::stream::ParseJsonl(line, &doc).ok()) continue;
    ++documents;
    for (const auto& s : kg::nlp::Tokenize(doc.text)) {
      ++sentences;
      tokens += s.tokens.size();
    }
  }
  std::printf("%llu %llu %llu\n", documents, sentences, tokens);
  return 0;
}
