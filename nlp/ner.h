// Named-entity recognition: marks the names of people (PER), places (LOC) and organisations (ORG)
// in tagged sentences, with a model trained by TrainEntityRecognizer (nlp/ner_train.h).
//
//   std::unique_ptr<kg::nlp::Pipeline> nlp;
//   std::unique_ptr<kg::nlp::EntityRecognizer> ner;
//   KG_RETURN_IF_ERROR(kg::nlp::Pipeline::Load(dir, &nlp));
//   KG_RETURN_IF_ERROR(kg::nlp::EntityRecognizer::Load(dir, &ner));
//   std::vector<kg::nlp::Sentence> doc = kg::nlp::Tokenize(text);
//   for (kg::nlp::Sentence& s : doc) nlp->Annotate(&s);  // the recogniser reads the POS tags
//   ner->AnnotateDocument(doc);  // fills Token::entity: "B-PER", "I-PER", "O", ...
#pragma once

#include <filesystem>
#include <memory>
#include <span>
#include <string>
#include <vector>

#include "core/status.h"
#include "nlp/ner_model.h"
#include "nlp/sentence.h"

namespace kg::nlp {

// File name of the entity model inside a models directory.
inline constexpr char kEntityModelFile[] = "en-ner.kgm";

class EntityRecognizer final {
 public:
  // Takes a trained model (see nlp/ner_train.h); most callers use Load instead.
  explicit EntityRecognizer(internal::NerModel model);

  // Loads en-ner.kgm from `models_dir` (see DefaultModelsDir). Errors: IOError when the file is
  // missing or unreadable, Corruption when it is damaged or malformed, NotSupported when it was
  // written in another format version (of the container or of the entity model); the message
  // names the file.
  static Status Load(const std::filesystem::path& models_dir,
                     std::unique_ptr<EntityRecognizer>* out);
  // As Load, from the model file at `path` itself.
  static Status LoadFile(const std::filesystem::path& path, std::unique_ptr<EntityRecognizer>* out);
  // Writes the model to `path`; IOError when it cannot.
  Status Save(const std::filesystem::path& path) const;

  // Sets Token::entity of every token of the sentences of one document to an IOB2 tag: "O", "B-"
  // or "I-" and a type of types(). Prefer it to Annotate: a name is recognised more surely when
  // the other sentences that use it are seen too. The tokens' forms, upos and xpos must be set
  // (Pipeline::Annotate first: untagged tokens are still labelled, but worse). The tags point
  // into this recogniser: keep it alive while the sentences are used. Const, no shared mutable
  // state, no allocation once a thread has seen its longest document: several threads may
  // annotate at once.
  void AnnotateDocument(std::span<Sentence> sentences) const;

  // As AnnotateDocument for a document of one sentence.
  void Annotate(Sentence* s) const;

  // The entity types, in the order of the model: "PER", "LOC", "ORG".
  const std::vector<std::string>& types() const { return model_.types; }
  const internal::NerModel& model() const { return model_; }

 private:
  internal::NerModel model_;
};

}  // namespace kg::nlp
