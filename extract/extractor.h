// The extractor: raw article text in, entities and facts out. Text flows
// tokenizer -> mentions -> entities -> relations; each stage is a unit of this folder.
#pragma once

#include <cstdint>
#include <filesystem>
#include <memory>
#include <string_view>

#include "core/status.h"
#include "core/types.h"

namespace kg::extract {

// Stored with every fact: bump it when extraction changes what it finds.
inline constexpr uint32_t kExtractorVersion = 1;

struct ExtractorOptions {
  std::filesystem::path models_dir;  // holds gazetteer.tsv and demonyms.tsv
};

class Extractor final {
 public:
  // Loads the models. Errors: NotFound when a model file is missing, Corruption when it is damaged.
  static Status Create(const ExtractorOptions& options, std::unique_ptr<Extractor>* out);
  ~Extractor();
  Extractor(const Extractor&) = delete;
  Extractor& operator=(const Extractor&) = delete;

  // Extracts one document. `text` must be valid UTF-8; every span in the result indexes it.
  // Const and free of shared mutable state: threads may call it concurrently.
  ExtractedDocument Extract(std::string_view text) const;

 private:
  struct Models;
  explicit Extractor(std::unique_ptr<Models> models);
  std::unique_ptr<Models> models_;
};

// Where the models are: $KG_MODELS if set, else <directory of the kg executable>/../share/kg/models
// if it exists, else the source tree's models/ (for a build that was not installed).
std::filesystem::path DefaultModelsDir();

}  // namespace kg::extract
