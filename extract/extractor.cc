#include "extract/extractor.h"

#include <algorithm>

#include "core/text.h"
#include "extract/analysis.h"
#include "extract/coref.h"
#include "extract/demands.h"
#include "extract/entities.h"
#include "extract/facts.h"
#include "extract/gazetteer.h"
#include "extract/mentions.h"
#include "nlp/models_dir.h"
#include "nlp/pipeline.h"
#include "nlp/tokenizer.h"

namespace kg::extract {

struct Extractor::Models {
  Gazetteer gazetteer;
  std::unique_ptr<nlp::Pipeline> nlp;
};

Extractor::Extractor(std::unique_ptr<Models> models) : models_(std::move(models)) {}
Extractor::~Extractor() = default;

Status Extractor::Create(const ExtractorOptions& options, std::unique_ptr<Extractor>* out) {
  auto models = std::make_unique<Models>();
  KG_RETURN_IF_ERROR(Gazetteer::Load(options.models_dir, &models->gazetteer));
  KG_RETURN_IF_ERROR(nlp::Pipeline::Load(options.models_dir, &models->nlp));
  out->reset(new Extractor(std::move(models)));
  return Status::Ok();
}

ExtractedDocument Extractor::Extract(std::string_view text) const {
  Analysis a;
  a.text = text;
  a.gazetteer = &models_->gazetteer;
  a.sentences = nlp::Tokenize(text);
  a.trees.reserve(a.sentences.size());
  a.propositions.reserve(a.sentences.size());
  for (nlp::Sentence& s : a.sentences) {
    models_->nlp->Annotate(&s);
    a.trees.emplace_back(s);
    a.propositions.push_back(FindPropositions(a.trees.back()));
  }

  a.mentions = FindMentions(a.sentences, models_->gazetteer);
  a.mention_at.resize(a.sentences.size());
  for (size_t s = 0; s < a.sentences.size(); ++s) {
    a.mention_at[s].assign(a.sentences[s].tokens.size(), -1);
  }
  for (size_t m = 0; m < a.mentions.size(); ++m) {
    const Mention& mention = a.mentions[m];
    for (uint32_t t = mention.first; t < mention.last; ++t) {
      a.mention_at[mention.sentence][t] = static_cast<int32_t>(m);
    }
  }
  DocumentEntities merged = MergeMentions(a.mentions);
  a.entities = std::move(merged.entities);
  a.entity_of_mention = std::move(merged.entity_of_mention);
  // The usual full name of an acronym joins the entity's names, so that "US" here and
  // "United States" in another article are one entity in the store.
  for (Entity& e : a.entities) {
    const std::string_view canonical = models_->gazetteer.CanonicalName(e.name);
    if (!canonical.empty() && NameKey(canonical) != NameKey(e.name)) {
      e.aliases.emplace_back(canonical);
    }
  }

  ResolveCoreference(a);
  ExtractedDocument doc;
  // Demands first: they mark the clauses that are wanted rather than done, which state no facts.
  FindDemands(a, &doc.facts);
  FindFacts(a, &doc.facts);
  doc.sentences.reserve(a.sentences.size());
  for (const auto& s : a.sentences) doc.sentences.push_back(s.span);
  doc.entities = std::move(a.entities);
  return doc;
}

std::vector<OpenIeTuple> Extractor::OpenIe(std::string_view tokenised_sentence) const {
  nlp::Sentence sentence;
  size_t pos = 0;
  while (pos < tokenised_sentence.size()) {
    const size_t end = std::min(tokenised_sentence.find(' ', pos), tokenised_sentence.size());
    if (end > pos) {
      nlp::Token token;
      token.span = {static_cast<uint32_t>(pos), static_cast<uint32_t>(end)};
      token.form = tokenised_sentence.substr(pos, end - pos);
      sentence.tokens.push_back(token);
    }
    pos = end + 1;
  }
  if (sentence.tokens.empty()) return {};
  sentence.span = {sentence.tokens.front().span.begin, sentence.tokens.back().span.end};
  models_->nlp->Annotate(&sentence);
  return OpenIeTuples(Tree(sentence));
}

std::filesystem::path DefaultModelsDir() { return nlp::DefaultModelsDir(); }

}  // namespace kg::extract
