#include "nlp/ner.h"

#include <catch2/catch.hpp>
#include <filesystem>
#include <string>
#include <thread>
#include <vector>

#include "nlp/model_file.h"
#include "nlp/ner_eval.h"
#include "nlp/ner_train.h"
#include "nlp/pipeline.h"
#include "nlp/tokenizer.h"
#include "tests/test_data.h"
#include "tests/test_util.h"

namespace {

using kg::nlp::NerSentence;
using kg::nlp::TaggedNerSentence;

// A tiny training set written for these tests: (form, xpos, IOB2 tag) triples.
struct Word {
  const char* form;
  const char* xpos;
  const char* tag;
};
const std::vector<std::vector<Word>> kTiny = {
    {{"Olga", "NNP", "B-PER"},
     {"Brandt", "NNP", "I-PER"},
     {"visited", "VBD", "O"},
     {"Riga", "NNP", "B-LOC"},
     {".", ".", "O"}},
    {{"Hamid", "NNP", "B-PER"},
     {"Rahimi", "NNP", "I-PER"},
     {"joined", "VBD", "O"},
     {"Nordbank", "NNP", "B-ORG"},
     {"in", "IN", "O"},
     {"Tallinn", "NNP", "B-LOC"},
     {".", ".", "O"}},
    {{"The", "DT", "O"}, {"talks", "NNS", "O"}, {"ended", "VBD", "O"}, {".", ".", "O"}},
    {{"Workers", "NNS", "O"},
     {"of", "IN", "O"},
     {"Nordbank", "NNP", "B-ORG"},
     {"met", "VBD", "O"},
     {"Olga", "NNP", "B-PER"},
     {".", ".", "O"}},
};

const char* UposOf(const std::string& xpos) {
  if (xpos == "NNP") return "PROPN";
  if (xpos == "VBD") return "VERB";
  if (xpos == "IN") return "ADP";
  if (xpos == "DT") return "DET";
  if (xpos == "NNS") return "NOUN";
  return "PUNCT";
}

struct TinyData {
  std::vector<NerSentence> gold;
  std::vector<TaggedNerSentence> tagged;
  TinyData() {
    for (const auto& sentence : kTiny) {
      NerSentence s;
      for (const Word& w : sentence) {
        s.forms.emplace_back(w.form);
        s.tags.emplace_back(w.tag);
      }
      gold.push_back(std::move(s));
    }
    for (size_t k = 0; k < kTiny.size(); ++k) {
      TaggedNerSentence t;
      t.gold = &gold[k];
      for (const Word& w : kTiny[k]) {
        t.xpos.emplace_back(w.xpos);
        t.upos.emplace_back(UposOf(w.xpos));
      }
      tagged.push_back(std::move(t));
    }
  }
};

std::unique_ptr<kg::nlp::EntityRecognizer> TrainTiny(const TinyData& data) {
  kg::nlp::NameLists names;
  names.names = {{"Riga", "place"}, {"Olga Brandt", "person"}, {"Latvian", "demonym"}};
  kg::nlp::NerTrainOptions options;
  options.iterations = 8;
  options.log_progress = false;
  std::unique_ptr<kg::nlp::EntityRecognizer> ner;
  REQUIRE(kg::nlp::TrainEntityRecognizer(options, names, data.tagged, {}, &ner).ok());
  return ner;
}

std::vector<std::string> Tags(const kg::nlp::EntityRecognizer& ner, const TaggedNerSentence& t) {
  kg::nlp::Sentence s = kg::nlp::ToSentence(t);
  ner.Annotate(&s);
  std::vector<std::string> tags;
  for (const auto& tok : s.tokens) tags.emplace_back(tok.entity);
  return tags;
}

// Entities of a tagged sentence as "TYPE:words" strings.
std::vector<std::string> Entities(const kg::nlp::Sentence& s) {
  std::vector<std::string> out;
  const auto spans =
      kg::nlp::EntitySpans(s.tokens.size(), [&](size_t i) { return s.tokens[i].entity; });
  for (const auto& e : spans) {
    std::string text(e.type);
    text += ":";
    for (uint32_t i = e.begin; i < e.end; ++i) {
      if (i > e.begin) text += " ";
      text += s.tokens[i].form;
    }
    out.push_back(text);
  }
  return out;
}

}  // namespace

TEST_CASE("a trained recogniser learns its training data and survives save and load", "[ner]") {
  const TinyData data;
  const auto ner = TrainTiny(data);
  for (size_t k = 0; k < data.gold.size(); ++k)
    CHECK(Tags(*ner, data.tagged[k]) == data.gold[k].tags);
  kg::testing::TempDir dir;
  REQUIRE(ner->Save(dir / kg::nlp::kEntityModelFile).ok());
  std::unique_ptr<kg::nlp::EntityRecognizer> back;
  REQUIRE(kg::nlp::EntityRecognizer::Load(dir.path(), &back).ok());
  CHECK(back->types() == kg::nlp::DefaultEntityTypes());
  for (const auto& t : data.tagged) CHECK(Tags(*back, t) == Tags(*ner, t));
  const kg::nlp::EntityScores scores = kg::nlp::EvaluateEntities(*back, data.tagged);
  CHECK(scores.all.gold == 7);
  CHECK(scores.all.f1() == Approx(100.0));
}

TEST_CASE("entity model load errors are clear", "[ner]") {
  const TinyData data;
  const auto ner = TrainTiny(data);
  kg::testing::TempDir dir;
  const auto path = dir / kg::nlp::kEntityModelFile;
  REQUIRE(ner->Save(path).ok());
  const std::string good = kg::testing::ReadFile(path);
  std::unique_ptr<kg::nlp::EntityRecognizer> out;

  SECTION("missing") {
    const kg::Status s = kg::nlp::EntityRecognizer::Load("/nonexistent/models", &out);
    CHECK(s.code() == kg::Status::Code::kIOError);
    CHECK(s.message().find("en-ner.kgm") != std::string::npos);
  }
  SECTION("truncated") {
    kg::testing::WriteFile(path, good.substr(0, good.size() / 2));
    const kg::Status s = kg::nlp::EntityRecognizer::Load(dir.path(), &out);
    CHECK(s.code() == kg::Status::Code::kCorruption);
    CHECK(s.message().find("truncated") != std::string::npos);
  }
  SECTION("damaged") {
    std::string bad = good;
    bad[bad.size() / 2] ^= 0x55;
    kg::testing::WriteFile(path, bad);
    CHECK(kg::nlp::EntityRecognizer::Load(dir.path(), &out).code() ==
          kg::Status::Code::kCorruption);
  }
  SECTION("another container version") {
    std::string bad = good;
    bad[8] = 99;  // the version follows the 8-byte magic
    kg::testing::WriteFile(path, bad);
    const kg::Status s = kg::nlp::EntityRecognizer::Load(dir.path(), &out);
    CHECK(s.code() == kg::Status::Code::kNotSupported);
    CHECK(s.message().find("version") != std::string::npos);
  }
  SECTION("another entity model version") {
    kg::nlp::ByteWriter w;
    w.Put<uint32_t>(999);
    REQUIRE(kg::nlp::WriteModelFile(path, kg::nlp::ModelKind::kEntityRecognizer, w.data()).ok());
    const kg::Status s = kg::nlp::EntityRecognizer::Load(dir.path(), &out);
    CHECK(s.code() == kg::Status::Code::kNotSupported);
    CHECK(s.message().find("entity model version 999") != std::string::npos);
  }
  SECTION("a malformed payload") {
    kg::nlp::ByteWriter w;
    w.Put<uint32_t>(1);
    w.Put<uint32_t>(3);
    REQUIRE(kg::nlp::WriteModelFile(path, kg::nlp::ModelKind::kEntityRecognizer, w.data()).ok());
    const kg::Status s = kg::nlp::EntityRecognizer::Load(dir.path(), &out);
    CHECK(s.code() == kg::Status::Code::kCorruption);
    CHECK(s.message().find("malformed entity model") != std::string::npos);
  }
  SECTION("another kind of model") {
    REQUIRE(kg::nlp::WriteModelFile(path, kg::nlp::ModelKind::kTagger, "x").ok());
    CHECK(kg::nlp::EntityRecognizer::Load(dir.path(), &out).IsInvalidArgument());
  }
}

TEST_CASE("the shipped model finds people, places and organisations in news", "[ner]") {
  std::unique_ptr<kg::nlp::Pipeline> nlp;
  REQUIRE(kg::nlp::Pipeline::Load(kg::testing::ShippedModelsDir(), &nlp).ok());
  std::unique_ptr<kg::nlp::EntityRecognizer> ner;
  REQUIRE(kg::nlp::EntityRecognizer::Load(kg::testing::ShippedModelsDir(), &ner).ok());
  // Written for this test.
  const std::string text =
      "Delegates from Kenya met officials of the World Bank in Nairobi. Ruth Achieng, who leads "
      "the delegation, said the loan talks would go on in Geneva next week. Microsoft and Google "
      "agreed to pay fines imposed by the European Union.";
  std::vector<kg::nlp::Sentence> doc = kg::nlp::Tokenize(text);
  for (kg::nlp::Sentence& s : doc) nlp->Annotate(&s);
  ner->AnnotateDocument(doc);
  std::vector<std::string> found;
  for (const kg::nlp::Sentence& s : doc) {
    for (const std::string& e : Entities(s)) found.push_back(e);
  }
  // Every name's span exactly; its type for all but at most one: a statistical model errs now and
  // then (this model reads "the World Bank" as a place), and its accuracy is what `kg eval ner`
  // measures. The extractor types "World Bank" by its organisation word anyway.
  const std::vector<std::string> expected = {
      "LOC:Kenya",  "ORG:World Bank", "LOC:Nairobi", "PER:Ruth Achieng",
      "LOC:Geneva", "ORG:Microsoft",  "ORG:Google",  "ORG:European Union"};
  REQUIRE(found.size() == expected.size());
  size_t wrong_type = 0;
  for (size_t i = 0; i < found.size(); ++i) {
    INFO(found[i] << " for " << expected[i]);
    const auto name = [](const std::string& e) { return e.substr(e.find(':') + 1); };
    CHECK(name(found[i]) == name(expected[i]));
    wrong_type += found[i] != expected[i];
  }
  CHECK(wrong_type <= 1);
}

TEST_CASE("a sentence alone is annotated as a document of one sentence", "[ner]") {
  std::unique_ptr<kg::nlp::Pipeline> nlp;
  REQUIRE(kg::nlp::Pipeline::Load(kg::testing::ShippedModelsDir(), &nlp).ok());
  std::unique_ptr<kg::nlp::EntityRecognizer> ner;
  REQUIRE(kg::nlp::EntityRecognizer::Load(kg::testing::ShippedModelsDir(), &ner).ok());
  // Written for this test.
  std::vector<kg::nlp::Sentence> doc =
      kg::nlp::Tokenize("The mayor of Lyon, Claire Dubois, opened the new bridge.");
  REQUIRE(doc.size() == 1);
  nlp->Annotate(&doc[0]);
  std::vector<kg::nlp::Sentence> copy = doc;
  ner->Annotate(&doc[0]);
  ner->AnnotateDocument(copy);
  CHECK(Entities(doc[0]) == Entities(copy[0]));
  CHECK(Entities(doc[0]) == std::vector<std::string>{"LOC:Lyon", "PER:Claire Dubois"});
}

TEST_CASE("entity recognition from several threads gives the same result", "[ner]") {
  std::unique_ptr<kg::nlp::Pipeline> nlp;
  REQUIRE(kg::nlp::Pipeline::Load(kg::testing::ShippedModelsDir(), &nlp).ok());
  std::unique_ptr<kg::nlp::EntityRecognizer> ner;
  REQUIRE(kg::nlp::EntityRecognizer::Load(kg::testing::ShippedModelsDir(), &ner).ok());
  const std::string text =
      "Delegates from Kenya met officials of the World Bank in Nairobi. Ruth Achieng, who leads "
      "the delegation, said the loan talks would go on in Geneva next week.";
  std::vector<kg::nlp::Sentence> sentences = kg::nlp::Tokenize(text);
  for (auto& s : sentences) nlp->Annotate(&s);
  auto run = [&](std::vector<std::string>* out) {
    for (int round = 0; round < 20; ++round) {
      out->clear();
      std::vector<kg::nlp::Sentence> copy = sentences;
      for (auto& s : copy) {
        ner->Annotate(&s);
        for (const auto& t : s.tokens) out->emplace_back(t.entity);
      }
    }
  };
  std::vector<std::string> a, b, c;
  std::thread t1(run, &a), t2(run, &b);
  run(&c);
  t1.join();
  t2.join();
  CHECK(a == c);
  CHECK(b == c);
  CHECK(c.size() == 32);
}
