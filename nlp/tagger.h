// Part-of-speech tagging (Universal POS and Penn Treebank tags) and lemmatisation of tokenised
// sentences, with a model trained by TrainTagger (nlp/train.h).
#pragma once

#include <filesystem>
#include <memory>

#include "core/status.h"
#include "nlp/sentence.h"
#include "nlp/tagger_model.h"

namespace kg::nlp {

class Tagger final {
 public:
  // Takes a trained model (see nlp/train.h); most callers use Load instead.
  explicit Tagger(internal::TaggerModel model);

  // Loads the tagger model file at `path`. Errors as ReadModelFile (nlp/model_file.h), and
  // Corruption when the payload is malformed.
  static Status Load(const std::filesystem::path& path, std::unique_ptr<Tagger>* out);
  // Writes the model to `path`; IOError when it cannot.
  Status Save(const std::filesystem::path& path) const;

  // Fills upos, xpos and lemma of every token of `s` from the forms. The tag views point into
  // this Tagger and stay valid while it lives. Safe to call from several threads at once.
  void Tag(Sentence* s) const;

  // As Tag(s), and also stores the predicted class id of each token (an index into
  // model().classes) in `*classes`.
  void Tag(Sentence* s, std::vector<int>* classes) const;

  const internal::TaggerModel& model() const { return model_; }

 private:
  internal::TaggerModel model_;
};

}  // namespace kg::nlp
