#include "extract/extractor.h"

#include <cstdlib>
#include <system_error>

#include "extract/entities.h"
#include "extract/gazetteer.h"
#include "extract/mentions.h"
#include "extract/relations.h"
#include "nlp/tokenizer.h"

namespace kg::extract {

struct Extractor::Models {
  Gazetteer gazetteer;
};

Extractor::Extractor(std::unique_ptr<Models> models) : models_(std::move(models)) {}
Extractor::~Extractor() = default;

Status Extractor::Create(const ExtractorOptions& options, std::unique_ptr<Extractor>* out) {
  auto models = std::make_unique<Models>();
  KG_RETURN_IF_ERROR(Gazetteer::Load(options.models_dir, &models->gazetteer));
  out->reset(new Extractor(std::move(models)));
  return Status::Ok();
}

ExtractedDocument Extractor::Extract(std::string_view text) const {
  ExtractedDocument doc;
  const std::vector<nlp::Sentence> sentences = nlp::Tokenize(text);
  doc.sentences.reserve(sentences.size());
  for (const auto& s : sentences) doc.sentences.push_back(s.span);
  const std::vector<Mention> mentions = FindMentions(sentences, models_->gazetteer);
  DocumentEntities entities = MergeMentions(mentions);
  doc.facts = FindRelations(sentences, mentions, entities.entity_of_mention);
  doc.entities = std::move(entities.entities);
  return doc;
}

std::filesystem::path DefaultModelsDir() {
  namespace fs = std::filesystem;
  if (const char* env = std::getenv("KG_MODELS"); env != nullptr && *env != '\0') return env;
  std::error_code ec;
  const fs::path exe = fs::read_symlink("/proc/self/exe", ec);
  if (!ec) {
    const fs::path installed = exe.parent_path().parent_path() / "share" / "kg" / "models";
    if (fs::is_directory(installed, ec)) return installed;
  }
  return KG_SOURCE_MODELS_DIR;
}

}  // namespace kg::extract
