// The whole extractor (tokenizer, mentions, entities, relations) with the real models on arbitrary
// text, repaired as kg ingest repairs it: no crash, and every index and span of the result points
// inside the document, as the store requires.
#include "core/text.h"
#include "extract/extractor.h"
#include "fuzz/fuzz_check.h"

namespace {

const kg::extract::Extractor& TheExtractor() {
  static const std::unique_ptr<kg::extract::Extractor> extractor = [] {
    std::unique_ptr<kg::extract::Extractor> e;
    kg::extract::ExtractorOptions options;
    options.models_dir = kg::extract::DefaultModelsDir();
    const kg::Status s = kg::extract::Extractor::Create(options, &e);
    if (!s.ok()) std::fprintf(stderr, "%s\n", s.message().c_str());
    FUZZ_CHECK(s.ok());
    return e;
  }();
  return *extractor;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string text(kg::fuzz::AsText(data, size));
  kg::RepairUtf8(&text);
  const kg::ExtractedDocument doc = TheExtractor().Extract(text);
  for (const auto& s : doc.sentences) {
    FUZZ_CHECK(s.begin < s.end && s.end <= text.size());
  }
  for (const auto& e : doc.entities) {
    FUZZ_CHECK(!e.name.empty());
    FUZZ_CHECK(kg::FindInvalidUtf8(e.name) == e.name.size());
    FUZZ_CHECK(e.mentions >= 1);
  }
  for (const auto& f : doc.facts) {
    FUZZ_CHECK(f.subject < doc.entities.size() && f.object < doc.entities.size());
    FUZZ_CHECK(f.sentence < doc.sentences.size());
    FUZZ_CHECK(f.span.begin <= f.span.end && f.span.end <= text.size());
    FUZZ_CHECK(f.span.begin >= doc.sentences[f.sentence].begin);
    FUZZ_CHECK(f.span.end <= doc.sentences[f.sentence].end);
    FUZZ_CHECK(f.confidence > 0.0f && f.confidence <= 1.0f);
    FUZZ_CHECK(!f.relation.empty());
    FUZZ_CHECK(f.attributed_to < static_cast<int32_t>(doc.entities.size()));
  }
  return 0;
}
