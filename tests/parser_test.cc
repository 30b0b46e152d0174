#include "nlp/parser.h"

#include <catch2/catch.hpp>
#include <memory>
#include <string>
#include <vector>

#include "nlp/conllu.h"
#include "nlp/parser_model.h"
#include "nlp/pipeline.h"
#include "nlp/tokenizer.h"
#include "nlp/train.h"
#include "tests/test_data.h"
#include "tests/test_util.h"

namespace {

// Exactly one root, and every head chain reaches it.
bool IsTree(const kg::nlp::Sentence& s) {
  const int n = static_cast<int>(s.tokens.size());
  int roots = 0;
  for (int i = 0; i < n; ++i) {
    if (s.tokens[i].head == -1) ++roots;
    int h = i, steps = 0;
    while (h != -1 && steps++ <= n) h = s.tokens[h].head;
    if (h != -1) return false;
  }
  return roots == 1;
}

// `cs` as a sentence with its gold tags: what the parser reads.
kg::nlp::Sentence WithGoldTags(const kg::nlp::ConlluSentence& cs) {
  kg::nlp::Sentence s = kg::nlp::ToSentence(cs);
  for (size_t i = 0; i < cs.words.size(); ++i) {
    s.tokens[i].upos = cs.words[i].upos;
    s.tokens[i].xpos = cs.words[i].xpos;
  }
  return s;
}

// `parser` saved to a file and loaded back.
std::unique_ptr<kg::nlp::Parser> SavedAndLoaded(const kg::nlp::Parser& parser) {
  kg::testing::TempDir dir;
  const auto path = dir / "parser.kgm";
  REQUIRE(parser.Save(path).ok());
  std::unique_ptr<kg::nlp::Parser> loaded;
  REQUIRE(kg::nlp::Parser::Load(path, &loaded).ok());
  return loaded;
}

}  // namespace

TEST_CASE("a parser learns a tiny treebank and survives save and load", "[parser]") {
  std::vector<kg::nlp::ConlluSentence> data;
  REQUIRE(kg::nlp::ParseConllu(kg::testing::kTinyTreebank, "tiny", &data).ok());
  kg::nlp::ParserTrainOptions options;
  options.log_progress = false;
  options.jackknife = 0;  // gold tags
  options.iterations = 10;
  options.min_weight = 0.0f;
  std::unique_ptr<kg::nlp::Parser> parser;
  REQUIRE(kg::nlp::TrainParser(options, data, {}, nullptr, &parser).ok());
  const std::unique_ptr<kg::nlp::Parser> loaded = SavedAndLoaded(*parser);
  for (const auto& cs : data) {
    kg::nlp::Sentence a = WithGoldTags(cs);
    kg::nlp::Sentence b = a;
    parser->Parse(&a);
    loaded->Parse(&b);
    CHECK(IsTree(a));
    for (size_t i = 0; i < cs.words.size(); ++i) {
      CHECK(a.tokens[i].head == cs.words[i].head);
      CHECK(a.tokens[i].deprel == cs.words[i].deprel);
      CHECK(b.tokens[i].head == a.tokens[i].head);
      CHECK(b.tokens[i].deprel == a.tokens[i].deprel);
    }
  }
}

TEST_CASE("training refuses data without words or without a root", "[parser]") {
  kg::nlp::ParserTrainOptions options;
  options.log_progress = false;
  options.jackknife = 0;
  std::unique_ptr<kg::nlp::Parser> parser;
  CHECK(kg::nlp::TrainParser(options, {}, {}, nullptr, &parser).IsInvalidArgument());
}

// Sentences written for this test, with attachments no reader would dispute (a PP after an
// object, as in "met the president in Moscow", could attach to either).
TEST_CASE("the shipped models parse simple news sentences", "[parser][shipped]") {
  std::unique_ptr<kg::nlp::Pipeline> nlp;
  REQUIRE(kg::nlp::Pipeline::Load(kg::testing::ShippedModelsDir(), &nlp).ok());
  struct Case {
    std::string text;
    std::vector<int> heads;
    std::vector<std::string> rels;
  };
  const std::vector<Case> cases = {
      // The envoy met the president on Tuesday .
      {"The envoy met the president on Tuesday.",
       {1, 2, -1, 4, 2, 6, 2, 2},
       {"det", "nsubj", "root", "det", "obj", "case", "obl", "punct"}},
      // The envoy arrived in Moscow on Tuesday .
      {"The envoy arrived in Moscow on Tuesday.",
       {1, 2, -1, 4, 2, 6, 2, 2},
       {"det", "nsubj", "root", "case", "obl", "case", "obl", "punct"}},
  };
  for (const Case& c : cases) {
    auto sentences = kg::nlp::Tokenize(c.text);
    REQUIRE(sentences.size() == 1);
    kg::nlp::Sentence& s = sentences[0];
    nlp->Annotate(&s);
    REQUIRE(s.tokens.size() == c.heads.size());
    CHECK(IsTree(s));
    for (size_t i = 0; i < s.tokens.size(); ++i) {
      INFO(c.text << " token " << i << " " << s.tokens[i].form);
      CHECK(s.tokens[i].head == c.heads[i]);
      CHECK(std::string(s.tokens[i].deprel) == c.rels[i]);
    }
  }
}

TEST_CASE("a parser trained with word clusters keeps them through save and load", "[parser]") {
  std::vector<kg::nlp::ConlluSentence> data;
  REQUIRE(kg::nlp::ParseConllu(kg::testing::kTinyTreebank, "tiny", &data).ok());
  kg::nlp::ParserTrainOptions options;
  options.log_progress = false;
  options.jackknife = 0;
  options.iterations = 10;
  options.min_weight = 0.0f;
  options.clusters = std::make_shared<kg::nlp::WordClusters>(
      kg::nlp::WordClusters::Build({{"envoy", 0b1010}, {"president", 0b1011}, {"met", 0b110}}));
  std::unique_ptr<kg::nlp::Parser> parser;
  REQUIRE(kg::nlp::TrainParser(options, data, {}, nullptr, &parser).ok());
  CHECK(parser->model().clusters.size() == 3);
  const std::unique_ptr<kg::nlp::Parser> loaded = SavedAndLoaded(*parser);
  CHECK(loaded->model().clusters.Find(kg::nlp::HashNormalized("met")) == 0b110);
  for (const auto& cs : data) {
    kg::nlp::Sentence a = WithGoldTags(cs);
    kg::nlp::Sentence b = a;
    parser->Parse(&a);
    loaded->Parse(&b);
    for (size_t i = 0; i < cs.words.size(); ++i) {
      CHECK(a.tokens[i].head == cs.words[i].head);
      CHECK(b.tokens[i].head == a.tokens[i].head);
    }
  }
}

TEST_CASE("a parser records its optional feature blocks in the model file", "[parser]") {
  std::vector<kg::nlp::ConlluSentence> data;
  REQUIRE(kg::nlp::ParseConllu(kg::testing::kTinyTreebank, "tiny", &data).ok());
  kg::nlp::ParserTrainOptions options;
  options.log_progress = false;
  options.jackknife = 0;
  options.iterations = 10;
  options.min_weight = 0.0f;
  options.feature_blocks = kg::nlp::internal::kParserBlocksAll;
  options.clusters = std::make_shared<kg::nlp::WordClusters>(
      kg::nlp::WordClusters::Build({{"envoy", 0b1010}, {"president", 0b1011}, {"met", 0b110}}));
  std::unique_ptr<kg::nlp::Parser> parser;
  REQUIRE(kg::nlp::TrainParser(options, data, {}, nullptr, &parser).ok());
  CHECK(parser->model().blocks == kg::nlp::internal::kParserBlocksAll);
  const std::unique_ptr<kg::nlp::Parser> loaded = SavedAndLoaded(*parser);
  CHECK(loaded->model().blocks == kg::nlp::internal::kParserBlocksAll);
  for (const auto& cs : data) {
    kg::nlp::Sentence a = WithGoldTags(cs);
    kg::nlp::Sentence b = a;
    parser->Parse(&a);
    loaded->Parse(&b);
    CHECK(IsTree(a));
    for (size_t i = 0; i < cs.words.size(); ++i) {
      CHECK(a.tokens[i].head == cs.words[i].head);
      CHECK(b.tokens[i].head == a.tokens[i].head);
      CHECK(b.tokens[i].deprel == a.tokens[i].deprel);
    }
  }
}

TEST_CASE("the most features a parser state gives fit the feature buffer", "[parser]") {
  // Every optional block and the cluster features at once, on a state with a full stack.
  kg::nlp::internal::ParseState state;
  state.Init(6);
  for (int i = 0; i < 4; ++i) state.Apply(kg::nlp::internal::kShift, 3);
  std::vector<kg::nlp::internal::ParseInput> input(7);
  uint64_t feats[kg::nlp::internal::kMaxParserFeatures];
  const int n = kg::nlp::internal::ParserFeatures(state, input.data(), true,
                                                  kg::nlp::internal::kParserBlocksAll, feats);
  CHECK(n <= kg::nlp::internal::kMaxParserFeatures);
  CHECK(n > kg::nlp::internal::ParserFeatures(state, input.data(), false, 0, feats));
}
