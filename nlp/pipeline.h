// The NLP pipeline the rest of kg uses: tagging, lemmatisation and dependency parsing of
// tokenised sentences (tokenise with nlp/tokenizer.h first).
//
//   std::unique_ptr<kg::nlp::Pipeline> nlp;
//   KG_RETURN_IF_ERROR(kg::nlp::Pipeline::Load(kg::nlp::DefaultModelsDir(), &nlp));
//   for (kg::nlp::Sentence& s : kg::nlp::Tokenize(text)) nlp->Annotate(&s);
#pragma once

#include <filesystem>
#include <memory>

#include "core/status.h"
#include "nlp/models_dir.h"
#include "nlp/parser.h"
#include "nlp/sentence.h"
#include "nlp/tagger.h"

namespace kg::nlp {

// File names of the models inside a models directory.
inline constexpr char kTaggerModelFile[] = "en-tagger.kgm";
inline constexpr char kParserModelFile[] = "en-parser.kgm";

class Pipeline final {
 public:
  // Loads en-tagger.kgm and en-parser.kgm from `models_dir` (see DefaultModelsDir). Errors:
  // IOError when a file is missing or unreadable, Corruption when one is damaged, NotSupported
  // when one was written by another model format version; the message names the file.
  static Status Load(const std::filesystem::path& models_dir, std::unique_ptr<Pipeline>* out);

  // Fills upos, xpos, lemma, head and deprel of every token of `s` (its forms must be set). The
  // string views it stores point into this Pipeline: keep it alive while the sentence is used.
  // Const and free of shared mutable state: several threads may annotate at once.
  void Annotate(Sentence* s) const;

  const Tagger& tagger() const { return *tagger_; }
  const Parser& parser() const { return *parser_; }

 private:
  Pipeline(std::unique_ptr<Tagger> tagger, std::unique_ptr<Parser> parser)
      : tagger_(std::move(tagger)), parser_(std::move(parser)) {}
  std::unique_ptr<Tagger> tagger_;
  std::unique_ptr<Parser> parser_;
};

}  // namespace kg::nlp
