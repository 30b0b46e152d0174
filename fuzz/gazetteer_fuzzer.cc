// The model loader (extract/gazetteer.h, through Extractor::Create) on damaged model files: a
// clear Status, never a crash. The input holds the model files in the order of kModelFiles,
// separated by "\n\x00\n" (missing ones are empty). A loader of another model file gets its own
// NAME_fuzzer.cc like this one: write the fuzzed bytes with WriteScratchFile, load, check the
// Status.
#include <filesystem>

#include "extract/extractor.h"
#include "extract/gazetteer.h"
#include "fuzz/fuzz_check.h"

namespace {

constexpr const char* kModelFiles[] = {"gazetteer.tsv", "demonyms.tsv", "seats.tsv", "aliases.tsv",
                                       "classes.tsv",   "person_names.tsv"};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const auto parts = kg::fuzz::SplitInput(kg::fuzz::AsText(data, size),
                                          std::string_view("\n\0\n", 3), std::size(kModelFiles));
  for (size_t i = 0; i < std::size(kModelFiles); ++i) {
    kg::fuzz::WriteScratchFile(kModelFiles[i], i < parts.size() ? parts[i] : std::string_view());
  }
  kg::extract::Gazetteer g;
  const kg::Status s = kg::extract::Gazetteer::Load(kg::fuzz::ScratchDir(), &g);
  if (!s.ok()) {
    // Every file exists: an error says it is damaged, not missing.
    FUZZ_CHECK(s.code() == kg::Status::Code::kCorruption);
    FUZZ_CHECK(!s.message().empty());
    FUZZ_CHECK(s.message().find('\n') == std::string::npos);  // one line for the user
    return 0;
  }
  (void)g.TypeOf("Moscow");
  (void)g.PlaceOfDemonym("Russian");
  (void)g.CountryOfSeat("Kremlin");
  (void)g.CanonicalName("U.S.");
  (void)g.ClassOf("town");
  (void)g.IsGoods("copper");
  (void)g.IsGivenName("Anna");
  // A loaded model must be usable: extraction with it works on a real sentence (with the real
  // NLP models beside the fuzzed name lists).
  std::error_code ec;
  for (const auto& entry : std::filesystem::directory_iterator(kg::extract::DefaultModelsDir(), ec)) {
    if (entry.path().extension() != ".kgm") continue;
    const auto link = std::filesystem::path(kg::fuzz::ScratchDir()) / entry.path().filename();
    if (!std::filesystem::exists(link, ec)) {
      std::filesystem::create_symlink(std::filesystem::absolute(entry.path()), link, ec);
    }
  }
  std::unique_ptr<kg::extract::Extractor> extractor;
  kg::extract::ExtractorOptions options;
  options.models_dir = kg::fuzz::ScratchDir();
  FUZZ_CHECK(kg::extract::Extractor::Create(options, &extractor).ok());
  const auto doc =
      extractor->Extract("Russian President Vladimir Putin met Steve Witkoff in Moscow.");
  FUZZ_CHECK(doc.sentences.size() == 1);
  return 0;
}
