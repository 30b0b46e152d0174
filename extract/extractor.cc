#include "extract/extractor.h"

#include <algorithm>
#include <future>
#include <map>
#include <tuple>

#include "core/text.h"
#include "extract/analysis.h"
#include "extract/coref.h"
#include "extract/demands.h"
#include "extract/entities.h"
#include "extract/facts.h"
#include "extract/gazetteer.h"
#include "extract/mentions.h"
#include "nlp/models_dir.h"
#include "nlp/ner.h"
#include "nlp/pipeline.h"
#include "nlp/tokenizer.h"

namespace kg::extract {

struct Extractor::Models {
  Gazetteer gazetteer;
  std::unique_ptr<nlp::Pipeline> nlp;
  std::unique_ptr<nlp::EntityRecognizer> ner;
};

Extractor::Extractor(std::unique_ptr<Models> models) : models_(std::move(models)) {}
Extractor::~Extractor() = default;

Status Extractor::Create(const ExtractorOptions& options, std::unique_ptr<Extractor>* out) {
  auto models = std::make_unique<Models>();
  // The gazetteer and the recogniser load beside the tagger and parser: loading is most of the
  // time `kg ingest` takes on one article. Of several errors, the first file's is reported.
  Models* m = models.get();
  Status gazetteer_loaded, ner_loaded;
  auto others = std::async(std::launch::async, [&] {
    gazetteer_loaded = Gazetteer::Load(options.models_dir, &m->gazetteer);
    if (gazetteer_loaded.ok()) ner_loaded = nlp::EntityRecognizer::Load(options.models_dir, &m->ner);
  });
  const Status nlp_loaded = nlp::Pipeline::Load(options.models_dir, &models->nlp);
  others.get();
  KG_RETURN_IF_ERROR(gazetteer_loaded);
  KG_RETURN_IF_ERROR(nlp_loaded);
  KG_RETURN_IF_ERROR(ner_loaded);
  out->reset(new Extractor(std::move(models)));
  return Status::Ok();
}

namespace {

// Documents longer than this are read in windows of about this size, cut at line breaks (or
// spaces): memory stays bounded by the window, not by the document. Pronouns and "this demand"
// resolve within a window; entities merge across windows.
constexpr size_t kWindowBytes = 1 << 20;

// A run of kMaxSentenceTokens tokens without a sentence end (base64, a table, a word list) is no
// sentence: it stays a span of the stored text, but nothing is extracted from it.
bool IsRunaway(const nlp::Sentence& s) { return s.tokens.size() >= nlp::kMaxSentenceTokens; }

// Appends `part` (extracted from the window starting at byte `offset`) to `doc`, shifting its
// spans and indices, and merging its entities with `doc`'s of the same name and type.
void AppendWindow(ExtractedDocument part, uint32_t offset, ExtractedDocument* doc) {
  const auto sentence_base = static_cast<uint32_t>(doc->sentences.size());
  for (Span s : part.sentences) doc->sentences.push_back({s.begin + offset, s.end + offset});
  std::vector<uint32_t> index(part.entities.size());
  for (size_t e = 0; e < part.entities.size(); ++e) {
    Entity& entity = part.entities[e];
    const auto same =
        std::find_if(doc->entities.begin(), doc->entities.end(), [&](const Entity& d) {
          return d.type == entity.type && NameKey(d.name) == NameKey(entity.name);
        });
    if (same == doc->entities.end()) {
      index[e] = static_cast<uint32_t>(doc->entities.size());
      doc->entities.push_back(std::move(entity));
      continue;
    }
    index[e] = static_cast<uint32_t>(same - doc->entities.begin());
    same->mentions += entity.mentions;
    for (auto& alias : entity.aliases) {
      if (std::find(same->aliases.begin(), same->aliases.end(), alias) == same->aliases.end()) {
        same->aliases.push_back(std::move(alias));
      }
    }
  }
  for (Fact f : part.facts) {
    f.subject = index[f.subject];
    f.object = index[f.object];
    if (f.attributed_to >= 0) f.attributed_to = static_cast<int32_t>(index[f.attributed_to]);
    f.sentence += sentence_base;
    f.span = {f.span.begin + offset, f.span.end + offset};
    doc->facts.push_back(std::move(f));
  }
}

// A sentence states a fact once, however many paths through its tree lead to it (a name and its
// apposition: "their negotiator, Hamdan Yousif, would travel"): one mention per sentence, with
// the surest reading's confidence, so that an edge's weight counts sentences.
void DropRepeatedFacts(std::vector<Fact>* facts) {
  std::map<std::tuple<uint32_t, uint32_t, std::string, bool, uint32_t>, size_t> seen;
  std::vector<Fact> kept;
  kept.reserve(facts->size());
  for (Fact& f : *facts) {
    auto [it, first] =
        seen.try_emplace({f.subject, f.object, f.relation, f.negated, f.sentence}, kept.size());
    if (first) {
      kept.push_back(std::move(f));
    } else {
      kept[it->second].confidence = std::max(kept[it->second].confidence, f.confidence);
    }
  }
  *facts = std::move(kept);
}

}  // namespace

ExtractedDocument Extractor::Extract(std::string_view text) const {
  if (text.size() <= kWindowBytes) return ExtractWindow(text);
  ExtractedDocument doc;
  size_t begin = 0;
  while (begin < text.size()) {
    size_t end = std::min(text.size(), begin + kWindowBytes);
    if (end < text.size()) {
      // Cut after a line break, else after a space, else (one enormous word) where it falls.
      size_t cut = text.rfind('\n', end - 1);
      if (cut == std::string_view::npos || cut <= begin) cut = text.rfind(' ', end - 1);
      if (cut != std::string_view::npos && cut > begin) end = cut + 1;
    }
    // A window is cut between characters: at a line break or space, or (one enormous word) on a
    // UTF-8 character boundary.
    while (end < text.size() && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) ++end;
    AppendWindow(ExtractWindow(text.substr(begin, end - begin)), static_cast<uint32_t>(begin),
                 &doc);
    begin = end;
  }
  return doc;
}

ExtractedDocument Extractor::ExtractWindow(std::string_view text) const {
  Analysis a;
  a.text = text;
  a.gazetteer = &models_->gazetteer;
  a.sentences = nlp::Tokenize(text);
  a.trees.reserve(a.sentences.size());
  a.propositions.reserve(a.sentences.size());
  for (nlp::Sentence& s : a.sentences) {
    if (IsRunaway(s)) {
      s.tokens.clear();  // kept as a span of the text; nothing in it is read
      s.tokens.shrink_to_fit();
    } else {
      models_->nlp->Annotate(&s);
    }
  }
  models_->ner->AnnotateDocument(a.sentences);
  for (const nlp::Sentence& s : a.sentences) {
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
  DocumentEntities merged = MergeMentions(a.mentions, a.text);
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
  DropRepeatedFacts(&doc.facts);
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
