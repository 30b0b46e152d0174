#include "nlp/pipeline.h"

#include <catch2/catch.hpp>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <thread>
#include <vector>

#include "nlp/tokenizer.h"
#include "tests/test_data.h"

TEST_CASE("loading from a directory without models names the missing file", "[pipeline]") {
  std::unique_ptr<kg::nlp::Pipeline> nlp;
  const kg::Status s = kg::nlp::Pipeline::Load("/nonexistent/models", &nlp);
  CHECK(s.code() == kg::Status::Code::kIOError);
  CHECK(s.message().find("en-tagger.kgm") != std::string::npos);
}

TEST_CASE("a damaged model file is refused", "[pipeline]") {
  const auto dir = std::filesystem::temp_directory_path() / "kg_pipeline_test_models";
  std::filesystem::create_directories(dir);
  for (const char* name : {kg::nlp::kTaggerModelFile, kg::nlp::kParserModelFile}) {
    std::filesystem::copy_file(kg::testing::ShippedModelsDir() / name, dir / name,
                               std::filesystem::copy_options::overwrite_existing);
  }
  std::filesystem::resize_file(dir / kg::nlp::kParserModelFile, 1000);
  std::unique_ptr<kg::nlp::Pipeline> nlp;
  const kg::Status s = kg::nlp::Pipeline::Load(dir, &nlp);
  CHECK(s.code() == kg::Status::Code::kCorruption);
  CHECK(s.message().find("truncated") != std::string::npos);
  std::filesystem::remove_all(dir);
}

TEST_CASE("annotation from several threads gives the same result", "[pipeline]") {
  std::unique_ptr<kg::nlp::Pipeline> nlp;
  REQUIRE(kg::nlp::Pipeline::Load(kg::testing::ShippedModelsDir(), &nlp).ok());
  const std::string text =
      "Russian President Vladimir Putin held talks with U.S. envoys on Tuesday. The Kremlin said "
      "the meeting was \xE2\x80\x9C"
      "constructive\xE2\x80\x9D but gave no details.";
  auto annotate = [&](std::vector<std::string>* out) {
    for (int round = 0; round < 20; ++round) {
      out->clear();
      for (auto& s : kg::nlp::Tokenize(text)) {
        nlp->Annotate(&s);
        for (const auto& t : s.tokens) {
          out->push_back(std::string(t.form) + "/" + std::string(t.upos) + "/" + t.lemma + "/" +
                         std::to_string(t.head) + "/" + std::string(t.deprel));
        }
      }
    }
  };
  std::vector<std::string> a, b, c;
  std::thread t1(annotate, &a), t2(annotate, &b);
  annotate(&c);
  t1.join();
  t2.join();
  CHECK(a == c);
  CHECK(b == c);
  CHECK(c.size() == 26);
}

TEST_CASE("KG_MODELS chooses the models directory", "[pipeline]") {
  ::setenv("KG_MODELS", "/some/where", 1);
  CHECK(kg::nlp::DefaultModelsDir() == std::filesystem::path("/some/where"));
  ::unsetenv("KG_MODELS");
  CHECK(!kg::nlp::DefaultModelsDir().empty());
}
