// Helpers for tests of the extractor: one shared Extractor over the shipped models, and lookups
// of entities and facts by name.
#pragma once

#include <catch2/catch.hpp>
#include <memory>
#include <string>

#include "core/text.h"
#include "extract/extractor.h"

namespace kg::testing {

inline const extract::Extractor& SharedExtractor() {
  static std::unique_ptr<extract::Extractor> extractor = [] {
    std::unique_ptr<extract::Extractor> e;
    extract::ExtractorOptions options;
    options.models_dir = extract::DefaultModelsDir();
    const Status s = extract::Extractor::Create(options, &e);
    if (!s.ok()) FAIL(s.message());
    return e;
  }();
  return *extractor;
}

inline ExtractedDocument ExtractText(const std::string& text) {
  return SharedExtractor().Extract(text);
}

// The entity named `name` (canonical name or alias, compared by NameKey), or null.
inline const Entity* FindEntity(const ExtractedDocument& doc, const std::string& name) {
  const std::string key = NameKey(name);
  for (const auto& e : doc.entities) {
    if (NameKey(e.name) == key) return &e;
  }
  for (const auto& e : doc.entities) {
    for (const auto& a : e.aliases) {
      if (NameKey(a) == key) return &e;
    }
  }
  return nullptr;
}

// The first fact subject -relation-> object, by entity names, or null.
inline const Fact* FindFact(const ExtractedDocument& doc, const std::string& subject,
                            const std::string& relation, const std::string& object) {
  const Entity* s = FindEntity(doc, subject);
  const Entity* o = FindEntity(doc, object);
  if (s == nullptr || o == nullptr) return nullptr;
  for (const auto& f : doc.facts) {
    if (&doc.entities[f.subject] == s && &doc.entities[f.object] == o && f.relation == relation) {
      return &f;
    }
  }
  return nullptr;
}

// The demand entities whose name contains `word` (case-insensitive).
inline std::vector<const Entity*> DemandsWith(const ExtractedDocument& doc,
                                              const std::string& word) {
  std::vector<const Entity*> out;
  for (const auto& e : doc.entities) {
    if (e.type == EntityType::kDemand &&
        AsciiLower(e.name).find(AsciiLower(word)) != std::string::npos) {
      out.push_back(&e);
    }
  }
  return out;
}

}  // namespace kg::testing
