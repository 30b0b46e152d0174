// The project's vocabulary: plain data types that the extractor produces and the store, graph and
// exporters consume. extract/ and graph/ meet here and nowhere else.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace kg {

// Bytes [begin, end) of a document's text. Every extracted result carries one, so it can be
// traced back to what the article said.
struct Span {
  uint32_t begin = 0;
  uint32_t end = 0;
  uint32_t size() const { return end - begin; }
  bool operator==(const Span&) const = default;
};

// The types of graph nodes. Values are stored on disk: append, never renumber.
enum class EntityType : uint8_t {
  kOther = 0,
  kPerson = 1,
  kPlace = 2,
  kOrganization = 3,
  kDemand = 4,
  kDate = 5,
  kEvent = 6,
};
inline constexpr EntityType kMaxEntityType = EntityType::kEvent;

// "person", "place", "organization", "demand", "date", "event", "other".
std::string_view EntityTypeName(EntityType type);
// Accepts the names above and common synonyms ("location", "org", "per"); false if unknown.
bool ParseEntityType(std::string_view name, EntityType* type);

// An entity as the extractor saw it in one document: the name it chose as canonical, its type,
// every surface form it was mentioned by (canonical name included) and how often.
struct Entity {
  std::string name;
  EntityType type = EntityType::kOther;
  std::vector<std::string> aliases;
  uint32_t mentions = 0;
};

// One statement backed by one sentence: entities[subject] -relation-> entities[object].
struct Fact {
  uint32_t subject = 0;        // index into ExtractedDocument::entities
  uint32_t object = 0;         // index into ExtractedDocument::entities
  std::string relation;        // normalised: lower-case lemmas joined by '_', e.g. "meet_with"
  bool negated = false;        // "did not meet": stored apart from the positive fact, never as it
  float confidence = 1.0f;     // in (0, 1]; hedges, modals and conditionals lower it
  uint32_t sentence = 0;       // index into ExtractedDocument::sentences
  Span span;                   // the bytes of the document that state the fact
  int32_t attributed_to = -1;  // entity index of who said it ("Ushakov said ..."), or -1
};

// Everything one document yields. Indices in facts refer to this document's entities.
struct ExtractedDocument {
  std::vector<Span> sentences;
  std::vector<Entity> entities;
  std::vector<Fact> facts;
};

}  // namespace kg
