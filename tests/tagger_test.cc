#include "nlp/tagger.h"

#include <catch2/catch.hpp>
#include <filesystem>
#include <string>
#include <vector>

#include "nlp/conllu.h"
#include "nlp/pipeline.h"
#include "nlp/tokenizer.h"
#include "nlp/train.h"
#include "tests/test_data.h"

namespace {

std::unique_ptr<kg::nlp::Tagger> TrainTiny(std::vector<kg::nlp::ConlluSentence>* data) {
  REQUIRE(kg::nlp::ParseConllu(kg::testing::kTinyTreebank, "tiny", data).ok());
  kg::nlp::TaggerTrainOptions options;
  options.log_progress = false;
  options.dict_min_count = 1;
  options.min_weight = 0.0f;
  std::unique_ptr<kg::nlp::Tagger> tagger;
  REQUIRE(kg::nlp::TrainTagger(options, *data, {}, &tagger).ok());
  return tagger;
}

}  // namespace

TEST_CASE("a tagger learns a tiny treebank and survives save and load", "[tagger]") {
  std::vector<kg::nlp::ConlluSentence> data;
  const auto tagger = TrainTiny(&data);
  const auto path = std::filesystem::temp_directory_path() / "kg_tagger_test.kgm";
  REQUIRE(tagger->Save(path).ok());
  std::unique_ptr<kg::nlp::Tagger> loaded;
  REQUIRE(kg::nlp::Tagger::Load(path, &loaded).ok());
  std::filesystem::remove(path);
  for (const auto& cs : data) {
    kg::nlp::Sentence a = kg::nlp::ToSentence(cs), b = kg::nlp::ToSentence(cs);
    tagger->Tag(&a);
    loaded->Tag(&b);
    for (size_t i = 0; i < cs.words.size(); ++i) {
      CHECK(a.tokens[i].upos == cs.words[i].upos);
      CHECK(a.tokens[i].xpos == cs.words[i].xpos);
      CHECK(a.tokens[i].lemma == cs.words[i].lemma);
      CHECK(b.tokens[i].upos == a.tokens[i].upos);
      CHECK(b.tokens[i].lemma == a.tokens[i].lemma);
    }
  }
}

TEST_CASE("a parser model file is not a tagger", "[tagger]") {
  std::unique_ptr<kg::nlp::Tagger> tagger;
  const kg::Status s =
      kg::nlp::Tagger::Load(kg::testing::ShippedModelsDir() / kg::nlp::kParserModelFile, &tagger);
  CHECK(s.IsInvalidArgument());
}

TEST_CASE("the shipped tagger tags and lemmatises a news sentence", "[tagger][shipped]") {
  std::unique_ptr<kg::nlp::Tagger> tagger;
  const kg::Status s =
      kg::nlp::Tagger::Load(kg::testing::ShippedModelsDir() / kg::nlp::kTaggerModelFile, &tagger);
  REQUIRE(s.ok());
  const std::string text = "The envoys met the president in Moscow on Tuesday.";
  auto sentences = kg::nlp::Tokenize(text);
  REQUIRE(sentences.size() == 1);
  kg::nlp::Sentence& sentence = sentences[0];
  tagger->Tag(&sentence);
  std::vector<std::string> upos, xpos, lemma;
  for (const auto& t : sentence.tokens) {
    upos.emplace_back(t.upos);
    xpos.emplace_back(t.xpos);
    lemma.emplace_back(t.lemma);
  }
  CHECK(upos == std::vector<std::string>{"DET", "NOUN", "VERB", "DET", "NOUN", "ADP", "PROPN",
                                         "ADP", "PROPN", "PUNCT"});
  CHECK(xpos ==
        std::vector<std::string>{"DT", "NNS", "VBD", "DT", "NN", "IN", "NNP", "IN", "NNP", "."});
  CHECK(lemma == std::vector<std::string>{"the", "envoy", "meet", "the", "president", "in",
                                          "Moscow", "on", "Tuesday", "."});
}
