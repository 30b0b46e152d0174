// The extractor: raw article text in, entities and facts out. Text flows
//   tokenizer, tagger, parser, entity recogniser (nlp/) -> clauses -> mentions -> entities
//   -> coreference
//   -> facts and demands
// each stage a unit of this folder, meeting in the Analysis of analysis.h.
#pragma once

#include <cstdint>
#include <filesystem>
#include <memory>
#include <string_view>

#include "core/status.h"
#include "core/types.h"
#include "extract/openie.h"

namespace kg::extract {

// Stored with every fact: bump it when extraction changes what it finds.
inline constexpr uint32_t kExtractorVersion = 2;

struct ExtractorOptions {
  // Holds the NLP models (en-tagger.kgm, en-parser.kgm, en-ner.kgm) and the name lists
  // (gazetteer.tsv, demonyms.tsv, seats.tsv, aliases.tsv, classes.tsv, person_names.tsv).
  std::filesystem::path models_dir;
};

class Extractor final {
 public:
  // Loads the models. Errors: NotFound or IOError when a model file is missing, Corruption when
  // one is damaged, NotSupported when one has another format version; messages name the file.
  static Status Create(const ExtractorOptions& options, std::unique_ptr<Extractor>* out);
  ~Extractor();
  Extractor(const Extractor&) = delete;
  Extractor& operator=(const Extractor&) = delete;

  // Extracts one document. `text` must be valid UTF-8; every span in the result indexes it.
  // Const and free of shared mutable state: threads may call it concurrently. Memory is bounded
  // by a window of about a megabyte, however long the document.
  ExtractedDocument Extract(std::string_view text) const;

  // Open-IE tuples of one sentence given already tokenised, tokens separated by spaces (the
  // input of the CaRB benchmark); arguments are made of those tokens. Thread-safe.
  std::vector<OpenIeTuple> OpenIe(std::string_view tokenised_sentence) const;

 private:
  struct Models;
  explicit Extractor(std::unique_ptr<Models> models);
  ExtractedDocument ExtractWindow(std::string_view text) const;
  std::unique_ptr<Models> models_;
};

// Where the models are (nlp::DefaultModelsDir): $KG_MODELS if set, else
// <directory of the kg executable>/../share/kg/models if it exists, else the source tree's models/.
std::filesystem::path DefaultModelsDir();

}  // namespace kg::extract
