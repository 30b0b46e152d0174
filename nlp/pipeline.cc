#include "nlp/pipeline.h"

namespace kg::nlp {

Status Pipeline::Load(const std::filesystem::path& models_dir, std::unique_ptr<Pipeline>* out) {
  std::unique_ptr<Tagger> tagger;
  KG_RETURN_IF_ERROR(Tagger::Load(models_dir / kTaggerModelFile, &tagger));
  std::unique_ptr<Parser> parser;
  KG_RETURN_IF_ERROR(Parser::Load(models_dir / kParserModelFile, &parser));
  out->reset(new Pipeline(std::move(tagger), std::move(parser)));
  return Status::Ok();
}

void Pipeline::Annotate(Sentence* s) const {
  if (s->tokens.empty()) return;
  tagger_->Tag(s);
  parser_->Parse(s);
}

}  // namespace kg::nlp
