// Labelled dependency parsing into Universal Dependencies trees: a greedy arc-hybrid
// transition-based parser with a linear model trained by TrainParser (nlp/train.h).
#pragma once

#include <filesystem>
#include <memory>

#include "core/status.h"
#include "nlp/parser_model.h"
#include "nlp/sentence.h"

namespace kg::nlp {

class Parser final {
 public:
  // Takes a trained model (see nlp/train.h); most callers use Load instead.
  explicit Parser(internal::ParserModel model);

  // Loads the parser model file at `path`. Errors as ReadModelFile (nlp/model_file.h), and
  // Corruption when the payload is malformed.
  static Status Load(const std::filesystem::path& path, std::unique_ptr<Parser>* out);
  // Writes the model to `path`; IOError when it cannot.
  Status Save(const std::filesystem::path& path) const;

  // Fills head and deprel of every token of `s` from its forms and tags (upos and xpos must be
  // set, e.g. by Tagger::Tag). The result is a tree: exactly one token has head -1 and deprel
  // "root". deprel views point into this Parser. Safe to call from several threads at once.
  void Parse(Sentence* s) const;

  const internal::ParserModel& model() const { return model_; }

 private:
  internal::ParserModel model_;
};

}  // namespace kg::nlp
