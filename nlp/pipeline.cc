#include "nlp/pipeline.h"

#include <future>

namespace kg::nlp {

Status Pipeline::Load(const std::filesystem::path& models_dir, std::unique_ptr<Pipeline>* out) {
  // The two files load side by side (decompressing and indexing them is most of a short run's
  // time); the tagger's error, if both fail, is the one reported.
  std::unique_ptr<Parser> parser;
  auto parser_loaded = std::async(std::launch::async, [&models_dir, &parser] {
    return Parser::Load(models_dir / kParserModelFile, &parser);
  });
  std::unique_ptr<Tagger> tagger;
  const Status tagger_loaded = Tagger::Load(models_dir / kTaggerModelFile, &tagger);
  const Status parser_status = parser_loaded.get();
  KG_RETURN_IF_ERROR(tagger_loaded);
  KG_RETURN_IF_ERROR(parser_status);
  out->reset(new Pipeline(std::move(tagger), std::move(parser)));
  return Status::Ok();
}

void Pipeline::Annotate(Sentence* s) const {
  if (s->tokens.empty()) return;
  tagger_->Tag(s);
  parser_->Parse(s);
}

}  // namespace kg::nlp
