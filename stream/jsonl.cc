#include "stream/jsonl.h"

#include <charconv>
#include <cmath>
#include <nlohmann/json.hpp>

#include "core/text.h"

namespace kg::stream {
namespace {

void AppendNumber(uint64_t v, std::string* out) {
  char buf[24];
  auto [end, ec] = std::to_chars(buf, buf + sizeof buf, v);
  out->append(buf, end);
}

void AppendSigned(int64_t v, std::string* out) {
  char buf[24];
  auto [end, ec] = std::to_chars(buf, buf + sizeof buf, v);
  out->append(buf, end);
}

void AppendFloat(float v, std::string* out) {
  if (!std::isfinite(v)) v = 0.0f;  // JSON has no NaN or infinity
  char buf[32];
  auto [end, ec] = std::to_chars(buf, buf + sizeof buf, v);  // shortest form that reads back
  out->append(buf, end);
}

// ----- reading -----

// Where the SAX events are: the key being read and the nesting that leads to it.
enum class Ctx : uint8_t {
  kTop,        // the line's object
  kSentences,  // "sentences": [...]
  kSpan,       // one [begin, end]
  kEntities,   // "entities": [...]
  kEntity,     // one entity object
  kAliases,    // an entity's "aliases": [...]
  kFacts,      // "facts": [...]
  kFact,       // one fact object
};

enum class Key : uint8_t {
  kNone,
  kUnknown,
  kId,
  kContentHash,
  kExtractorVersion,
  kText,
  kSentences,
  kEntities,
  kFacts,
  kName,
  kType,
  kAliases,
  kMentions,
  kSubject,
  kObject,
  kRelation,
  kNegated,
  kConfidence,
  kSentence,
  kStart,
  kEnd,
  kAttributedTo,
};

Key KeyOf(Ctx ctx, std::string_view k) {
  switch (ctx) {
    case Ctx::kTop:
      if (k == "id") return Key::kId;
      if (k == "content_hash") return Key::kContentHash;
      if (k == "extractor_version") return Key::kExtractorVersion;
      if (k == "text") return Key::kText;
      if (k == "sentences") return Key::kSentences;
      if (k == "entities") return Key::kEntities;
      if (k == "facts") return Key::kFacts;
      break;
    case Ctx::kEntity:
      if (k == "name") return Key::kName;
      if (k == "type") return Key::kType;
      if (k == "aliases") return Key::kAliases;
      if (k == "mentions") return Key::kMentions;
      break;
    case Ctx::kFact:
      if (k == "subject") return Key::kSubject;
      if (k == "object") return Key::kObject;
      if (k == "relation") return Key::kRelation;
      if (k == "negated") return Key::kNegated;
      if (k == "confidence") return Key::kConfidence;
      if (k == "sentence") return Key::kSentence;
      if (k == "start") return Key::kStart;
      if (k == "end") return Key::kEnd;
      if (k == "attributed_to") return Key::kAttributedTo;
      break;
    default:
      break;
  }
  return Key::kUnknown;
}

// A SAX handler that fills a FactDocument as the parser goes: no JSON tree is built. Values of
// unknown keys are skipped whole, whatever their shape.
class Handler final {
 public:
  using json = nlohmann::json;

  explicit Handler(FactDocument* doc) : doc_(doc) {}

  const std::string& error() const { return error_; }
  bool saw_text() const { return saw_text_; }
  bool saw_hash() const { return saw_hash_; }

  bool null() { return Scalar("null"); }
  bool boolean(bool v) {
    if (depth_ == 0) return NotObject();
    if (skip_ > 0 || key_ == Key::kUnknown) return Skipped();
    if (ctx() == Ctx::kFact && key_ == Key::kNegated) {
      fact().negated = v;
      return Done();
    }
    return Unexpected("true or false");
  }
  bool number_integer(json::number_integer_t v) { return Integer(v, static_cast<double>(v)); }
  bool number_unsigned(json::number_unsigned_t v) {
    return Integer(v > static_cast<uint64_t>(INT64_MAX) ? INT64_MAX : static_cast<int64_t>(v),
                   static_cast<double>(v));
  }
  bool number_float(json::number_float_t v, const std::string&) {
    if (depth_ == 0) return NotObject();
    if (skip_ > 0 || key_ == Key::kUnknown) return Skipped();
    if (ctx() == Ctx::kFact && key_ == Key::kConfidence) {
      fact().confidence = static_cast<float>(v);
      return Done();
    }
    return Unexpected("fractional number");
  }
  bool binary(json::binary_t&) { return Fail("binary data"); }

  bool string(std::string& v) {
    if (depth_ == 0) return NotObject();
    if (skip_ > 0 || key_ == Key::kUnknown) return Skipped();
    switch (ctx()) {
      case Ctx::kTop:
        if (key_ == Key::kId) {
          doc_->id.swap(v);
          return Done();
        }
        if (key_ == Key::kText) {
          doc_->text.swap(v);
          saw_text_ = true;
          return Done();
        }
        if (key_ == Key::kContentHash) {
          doc_->content_hash.swap(v);
          saw_hash_ = true;
          return Done();
        }
        break;
      case Ctx::kEntity:
        if (key_ == Key::kName) {
          entity().name.swap(v);
          return Done();
        }
        if (key_ == Key::kType) {
          if (!ParseEntityType(v, &entity().type)) return Fail("unknown entity type '" + v + "'");
          return Done();
        }
        break;
      case Ctx::kAliases:
        entity().aliases.emplace_back(std::move(v));
        return true;
      case Ctx::kFact:
        if (key_ == Key::kRelation) {
          fact().relation.swap(v);
          return Done();
        }
        break;
      default:
        break;
    }
    return Unexpected("string");
  }

  bool start_object(std::size_t) {
    if (depth_ == 0) {
      if (started_) return NotObject();
      started_ = true;
      return Push(Ctx::kTop);
    }
    if (skip_ > 0 || key_ == Key::kUnknown) return Enter();
    if (ctx() == Ctx::kEntities) {
      doc_->extracted.entities.emplace_back();
      return Push(Ctx::kEntity);
    }
    if (ctx() == Ctx::kFacts) {
      doc_->extracted.facts.emplace_back();
      return Push(Ctx::kFact);
    }
    return Unexpected("object");
  }
  bool key(std::string& k) {
    if (skip_ > 0) return true;
    key_ = KeyOf(ctx(), k);
    key_text_.assign(k, 0, 64);
    return true;
  }
  bool end_object() {
    if (skip_ > 0) return Leave();
    Pop();
    return true;
  }
  bool start_array(std::size_t) {
    if (depth_ == 0) return NotObject();
    if (skip_ > 0 || key_ == Key::kUnknown) return Enter();
    switch (ctx()) {
      case Ctx::kTop:
        if (key_ == Key::kSentences) return Push(Ctx::kSentences);
        if (key_ == Key::kEntities) return Push(Ctx::kEntities);
        if (key_ == Key::kFacts) return Push(Ctx::kFacts);
        break;
      case Ctx::kSentences:
        doc_->extracted.sentences.emplace_back();
        span_index_ = 0;
        return Push(Ctx::kSpan);
      case Ctx::kEntity:
        if (key_ == Key::kAliases) return Push(Ctx::kAliases);
        break;
      default:
        break;
    }
    return Unexpected("array");
  }
  bool end_array() {
    if (skip_ > 0) return Leave();
    if (ctx() == Ctx::kSpan && span_index_ != 2) return Fail("a sentence must be [begin, end]");
    Pop();
    return true;
  }
  bool parse_error(std::size_t position, const std::string&, const json::exception& ex) {
    // nlohmann's message: "[json.exception...] parse error at line 1, column 7: what"; keep
    // the column (the byte of the line) and what.
    std::string what = ex.what();
    const size_t column = what.find("column ");
    const size_t colon = what.find(": ", column == std::string::npos ? 0 : column);
    if (colon != std::string::npos) what = what.substr(colon + 2);
    error_ = "column " + std::to_string(position) + ": " + what;
    return false;
  }

 private:
  Ctx ctx() const { return stack_[depth_ - 1]; }
  Entity& entity() { return doc_->extracted.entities.back(); }
  Fact& fact() { return doc_->extracted.facts.back(); }

  bool Push(Ctx c) {
    if (depth_ == kMaxDepth) return Fail("nested too deeply");
    stack_[depth_++] = c;
    key_ = Key::kNone;
    return true;
  }
  void Pop() {
    --depth_;
    key_ = Key::kNone;
  }
  // Entering or leaving a value that is being skipped.
  bool Enter() {
    ++skip_;
    return true;
  }
  bool Leave() {
    if (--skip_ == 0) key_ = Key::kNone;
    return true;
  }
  bool Skipped() {
    if (skip_ == 0) key_ = Key::kNone;
    return true;
  }
  bool Done() {
    key_ = Key::kNone;
    return true;
  }
  bool NotObject() { return Fail("a line must be one JSON object"); }
  bool Scalar(const char* what) {
    if (depth_ == 0) return NotObject();
    if (skip_ > 0 || key_ == Key::kUnknown) return Skipped();
    if (ctx() == Ctx::kFact && key_ == Key::kAttributedTo) {  // null: nobody
      fact().attributed_to = -1;
      return Done();
    }
    return Unexpected(what);
  }
  bool Integer(int64_t v, double as_double) {
    if (depth_ == 0) return NotObject();
    if (skip_ > 0 || key_ == Key::kUnknown) return Skipped();
    const auto u32 = [&](uint32_t* out) {
      if (v < 0 || v > static_cast<int64_t>(UINT32_MAX)) return Fail("a number out of range");
      *out = static_cast<uint32_t>(v);
      return Done();
    };
    switch (ctx()) {
      case Ctx::kTop:
        if (key_ == Key::kExtractorVersion) return u32(&doc_->extractor_version);
        break;
      case Ctx::kSpan: {
        if (span_index_ >= 2) return Fail("a sentence must be [begin, end]");
        Span& s = doc_->extracted.sentences.back();
        return u32(span_index_++ == 0 ? &s.begin : &s.end);
      }
      case Ctx::kEntity:
        if (key_ == Key::kMentions) return u32(&entity().mentions);
        break;
      case Ctx::kFact:
        switch (key_) {
          case Key::kSubject:
            return u32(&fact().subject);
          case Key::kObject:
            return u32(&fact().object);
          case Key::kSentence:
            return u32(&fact().sentence);
          case Key::kStart:
            return u32(&fact().span.begin);
          case Key::kEnd:
            return u32(&fact().span.end);
          case Key::kConfidence:
            fact().confidence = static_cast<float>(as_double);
            return Done();
          case Key::kAttributedTo:
            if (v < -1 || v > INT32_MAX) return Fail("attributed_to out of range");
            fact().attributed_to = static_cast<int32_t>(v);
            return Done();
          default:
            break;
        }
        break;
      default:
        break;
    }
    return Unexpected("number");
  }
  // A value of the wrong kind, said with the key it came under.
  bool Unexpected(const char* what) {
    return Fail((key_text_.empty() ? std::string() : "\"" + key_text_ + "\": ") + "unexpected " +
                what);
  }
  bool Fail(std::string msg) {
    if (error_.empty()) error_ = std::move(msg);
    return false;
  }

  static constexpr int kMaxDepth = 8;
  FactDocument* doc_;
  Ctx stack_[kMaxDepth] = {};
  int depth_ = 0;
  int skip_ = 0;  // depth inside a value that is skipped
  Key key_ = Key::kNone;
  int span_index_ = 0;
  bool started_ = false;
  bool saw_text_ = false;
  bool saw_hash_ = false;
  std::string key_text_;  // the last key read, for messages
  std::string error_;
};

bool IsHex32(std::string_view s) {
  if (s.size() != 32) return false;
  for (char c : s) {
    if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return false;
  }
  return true;
}

// The checks that need the whole line: indices and spans must fit what they index.
Status Validate(const FactDocument& doc, bool saw_hash) {
  const ExtractedDocument& x = doc.extracted;
  if (!doc.has_text && !saw_hash)
    return Status::InvalidArgument("no \"text\" and no \"content_hash\"");
  if (saw_hash && !IsHex32(doc.content_hash)) {
    return Status::InvalidArgument("\"content_hash\" must be 32 lower-case hex digits");
  }
  if (doc.has_text && FindInvalidUtf8(doc.text) != doc.text.size()) {
    return Status::InvalidArgument("\"text\" is not valid UTF-8");
  }
  if (doc.has_text && saw_hash && ContentHash(doc.text) != doc.content_hash) {
    return Status::InvalidArgument("\"content_hash\" is not the hash of \"text\"");
  }
  const size_t limit = doc.has_text ? doc.text.size() : SIZE_MAX;
  for (size_t i = 0; i < x.sentences.size(); ++i) {
    if (x.sentences[i].begin > x.sentences[i].end || x.sentences[i].end > limit) {
      return Status::InvalidArgument("sentence " + std::to_string(i) + " is outside the text");
    }
  }
  for (size_t i = 0; i < x.entities.size(); ++i) {
    if (x.entities[i].name.empty()) {
      return Status::InvalidArgument("entity " + std::to_string(i) + " has no name");
    }
  }
  const size_t n = x.entities.size();
  for (size_t i = 0; i < x.facts.size(); ++i) {
    const Fact& f = x.facts[i];
    const std::string which = "fact " + std::to_string(i);
    if (f.subject >= n || f.object >= n ||
        (f.attributed_to >= 0 && static_cast<size_t>(f.attributed_to) >= n)) {
      return Status::InvalidArgument(which + " refers to an entity the line does not have");
    }
    if (f.relation.empty()) return Status::InvalidArgument(which + " has no relation");
    if (f.span.begin > f.span.end || f.span.end > limit) {
      return Status::InvalidArgument(which + " is outside the text");
    }
    if (!x.sentences.empty() && f.sentence >= x.sentences.size()) {
      return Status::InvalidArgument(which + " refers to a sentence the line does not have");
    }
  }
  return Status::Ok();
}

}  // namespace

void AppendJsonl(const FactDocument& doc, bool include_text, std::string* out) {
  const ExtractedDocument& x = doc.extracted;
  out->append("{\"id\":");
  AppendJsonString(doc.id, out);
  out->append(",\"doc\":");
  AppendJsonString(std::string_view(doc.content_hash).substr(0, 16), out);
  out->append(",\"content_hash\":");
  AppendJsonString(doc.content_hash, out);
  out->append(",\"extractor_version\":");
  AppendNumber(doc.extractor_version, out);
  if (include_text && doc.has_text) {
    out->append(",\"text\":");
    AppendJsonString(doc.text, out);
  }
  out->append(",\"sentences\":[");
  for (size_t i = 0; i < x.sentences.size(); ++i) {
    out->append(i ? ",[" : "[");
    AppendNumber(x.sentences[i].begin, out);
    out->push_back(',');
    AppendNumber(x.sentences[i].end, out);
    out->push_back(']');
  }
  out->append("],\"entities\":[");
  for (size_t i = 0; i < x.entities.size(); ++i) {
    const Entity& e = x.entities[i];
    out->append(i ? ",{\"name\":" : "{\"name\":");
    AppendJsonString(e.name, out);
    out->append(",\"type\":\"").append(EntityTypeName(e.type)).append("\",\"aliases\":[");
    for (size_t a = 0; a < e.aliases.size(); ++a) {
      if (a) out->push_back(',');
      AppendJsonString(e.aliases[a], out);
    }
    out->append("],\"mentions\":");
    AppendNumber(e.mentions, out);
    out->push_back('}');
  }
  out->append("],\"facts\":[");
  for (size_t i = 0; i < x.facts.size(); ++i) {
    const Fact& f = x.facts[i];
    out->append(i ? ",{\"subject\":" : "{\"subject\":");
    AppendNumber(f.subject, out);
    out->append(",\"object\":");
    AppendNumber(f.object, out);
    out->append(",\"relation\":");
    AppendJsonString(f.relation, out);
    out->append(f.negated ? ",\"negated\":true" : ",\"negated\":false");
    out->append(",\"confidence\":");
    AppendFloat(f.confidence, out);
    out->append(",\"sentence\":");
    AppendNumber(f.sentence, out);
    out->append(",\"start\":");
    AppendNumber(f.span.begin, out);
    out->append(",\"end\":");
    AppendNumber(f.span.end, out);
    out->append(",\"attributed_to\":");
    AppendSigned(f.attributed_to, out);
    out->push_back('}');
  }
  out->append("]}\n");
}

Status ParseJsonl(std::string_view line, FactDocument* doc) {
  doc->id = "-";
  doc->content_hash.clear();
  doc->extractor_version = 0;
  doc->has_text = false;
  doc->text.clear();
  doc->extracted.sentences.clear();
  doc->extracted.entities.clear();
  doc->extracted.facts.clear();
  Handler handler(doc);
  const bool ok = nlohmann::json::sax_parse(line.begin(), line.end(), &handler);
  if (!ok) {
    return Status::InvalidArgument(handler.error().empty() ? "not a JSON object" : handler.error());
  }
  doc->has_text = handler.saw_text();
  KG_RETURN_IF_ERROR(Validate(*doc, handler.saw_hash()));
  if (!handler.saw_hash()) doc->content_hash = ContentHash(doc->text);
  return Status::Ok();
}

}  // namespace kg::stream
