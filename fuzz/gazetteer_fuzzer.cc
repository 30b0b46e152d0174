// The model loader (extract/gazetteer.h, through Extractor::Create) on damaged model files: a
// clear Status, never a crash. The input holds gazetteer.tsv, then "\n\x00\n", then demonyms.tsv.
// A loader of another model file gets its own NAME_fuzzer.cc like this one: write the fuzzed
// bytes with WriteScratchFile, load, check the Status.
#include "extract/extractor.h"
#include "extract/gazetteer.h"
#include "fuzz/fuzz_check.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const auto [gazetteer, demonyms] =
      kg::fuzz::SplitInput(kg::fuzz::AsText(data, size), std::string_view("\n\0\n", 3));
  kg::fuzz::WriteScratchFile("gazetteer.tsv", gazetteer);
  kg::fuzz::WriteScratchFile("demonyms.tsv", demonyms);
  kg::extract::Gazetteer g;
  const kg::Status s = kg::extract::Gazetteer::Load(kg::fuzz::ScratchDir(), &g);
  if (!s.ok()) {
    FUZZ_CHECK(s.code() ==
               kg::Status::Code::kCorruption);  // both files exist: damaged, not missing
    FUZZ_CHECK(!s.message().empty());
    FUZZ_CHECK(s.message().find('\n') == std::string::npos);  // one line for the user
    return 0;
  }
  (void)g.TypeOf("Moscow");
  (void)g.PlaceOfDemonym("Russian");
  // A loaded model must be usable: extraction with it works on a real sentence.
  std::unique_ptr<kg::extract::Extractor> extractor;
  kg::extract::ExtractorOptions options;
  options.models_dir = kg::fuzz::ScratchDir();
  FUZZ_CHECK(kg::extract::Extractor::Create(options, &extractor).ok());
  const auto doc =
      extractor->Extract("Russian President Vladimir Putin met Steve Witkoff in Moscow.");
  FUZZ_CHECK(doc.sentences.size() == 1);
  return 0;
}
