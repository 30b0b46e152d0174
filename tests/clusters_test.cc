#include "nlp/clusters.h"

#include <catch2/catch.hpp>
#include <filesystem>
#include <string>

#include "nlp/features.h"
#include "nlp/model_file.h"
#include "tests/test_util.h"

using kg::testing::ReadFile;
using kg::testing::TempDir;
using kg::testing::WriteFile;

TEST_CASE("cluster prefixes keep the first bits of a path", "[clusters]") {
  using kg::nlp::ClusterPrefix;
  CHECK(ClusterPrefix(0b10110, 2) == 0b101);  // path "0110" -> "01"
  CHECK(ClusterPrefix(0b10110, 4) == 0b10110);
  CHECK(ClusterPrefix(0b10110, 20) == 0b10110);
  CHECK(ClusterPrefix(0, 4) == 0);
  CHECK(kg::nlp::ValidClusterPath(0b10));
  CHECK_FALSE(kg::nlp::ValidClusterPath(1));
}

TEST_CASE("word clusters look words up by their normal form", "[clusters]") {
  const auto c = kg::nlp::WordClusters::Build({{"cat", 0b1010}, {"dog", 0b1011}, {"00", 0b110}});
  CHECK(c.size() == 3);
  CHECK(c.Find(kg::nlp::HashNormalized("Cat")) == 0b1010);
  CHECK(c.Find(kg::nlp::HashNormalized("dog")) == 0b1011);
  CHECK(c.Find(kg::nlp::HashNormalized("42")) == 0b110);
  CHECK(c.Find(kg::nlp::HashNormalized("horse")) == 0);
  kg::nlp::ByteWriter w;
  c.SaveIndex(&w);
  kg::nlp::ByteReader r(w.data());
  kg::nlp::WordClusters back;
  REQUIRE(back.LoadIndex(&r));
  CHECK(back.Find(kg::nlp::HashNormalized("cat")) == 0b1010);
}

TEST_CASE("a clusters file round-trips and its load errors are clear", "[clusters]") {
  TempDir dir;
  const auto path = dir / "file";
  const auto c = kg::nlp::WordClusters::Build({{"cat", 0b1010}, {"dog", 0b1011}});
  REQUIRE(c.Save(path).ok());
  std::unique_ptr<kg::nlp::WordClusters> back;
  REQUIRE(kg::nlp::WordClusters::Load(path, &back).ok());
  CHECK(back->size() == 2);
  CHECK(back->Find(kg::nlp::HashNormalized("dog")) == 0b1011);
  REQUIRE(back->words().size() == 2);
  CHECK(back->words()[0].first == "cat");
  const std::string good = ReadFile(path);

  SECTION("missing") {
    const kg::Status s = kg::nlp::WordClusters::Load(dir / "absent", &back);
    CHECK(s.code() == kg::Status::Code::kIOError);
    CHECK(s.message().find("absent") != std::string::npos);
  }
  SECTION("truncated") {
    WriteFile(path, good.substr(0, good.size() - 4));
    const kg::Status s = kg::nlp::WordClusters::Load(path, &back);
    CHECK(s.code() == kg::Status::Code::kCorruption);
    CHECK(s.message().find("truncated") != std::string::npos);
  }
  SECTION("wrong version") {
    std::string bad = good;
    bad[8] = 1;  // version: the u32 after the magic; 1 is the version before clusters
    WriteFile(path, bad);
    const kg::Status s = kg::nlp::WordClusters::Load(path, &back);
    CHECK(s.code() == kg::Status::Code::kNotSupported);
    CHECK(s.message().find("version 1") != std::string::npos);
  }
  SECTION("another kind of model") {
    REQUIRE(kg::nlp::WriteModelFile(path, kg::nlp::ModelKind::kParser, "x").ok());
    const kg::Status s = kg::nlp::WordClusters::Load(path, &back);
    CHECK(s.IsInvalidArgument());
    CHECK(s.message().find("word cluster") != std::string::npos);
  }
  SECTION("malformed payload") {
    kg::nlp::ByteWriter w;
    w.Put<uint32_t>(1);
    w.PutString("cat");
    w.Put<uint32_t>(1);  // not a path: no bit after the leading 1
    REQUIRE(kg::nlp::WriteModelFile(path, kg::nlp::ModelKind::kClusters, w.data()).ok());
    const kg::Status s = kg::nlp::WordClusters::Load(path, &back);
    CHECK(s.code() == kg::Status::Code::kCorruption);
    CHECK(s.message().find("bad path") != std::string::npos);
  }
}

TEST_CASE("clusters learnt from text put words of like contexts together", "[clusters]") {
  // Text written for this test: animals and verbs in interchangeable slots.
  std::string text;
  const char* animals[] = {"cat", "dog", "horse", "goat"};
  const char* verbs[] = {"sleeps", "runs", "eats", "sits"};
  for (int round = 0; round < 5; ++round) {
    for (const char* a : animals) {
      for (const char* v : verbs) {
        text += std::string("The ") + a + " " + v + " here.\n";
      }
    }
  }
  TempDir dir;
  const auto path = dir / "text.txt";
  WriteFile(path, text);
  kg::nlp::ClusterTrainOptions options;
  options.log_progress = false;
  options.min_count = 2;
  std::unique_ptr<kg::nlp::WordClusters> c;
  // Contexts of the next word on each side (window 1), and of the next two (window 2).
  for (int window : {1, 2}) {
    INFO("window " << window);
    options.window = window;
    REQUIRE(kg::nlp::TrainClusters(options, {path}, &c).ok());
    auto first_bit = [&](const char* w) {
      return kg::nlp::ClusterPrefix(c->Find(kg::nlp::HashNormalized(w)), 1);
    };
    for (const char* w : {"cat", "dog", "horse", "goat", "sleeps", "runs", "the", "here", "."}) {
      INFO(w);
      CHECK(kg::nlp::ValidClusterPath(c->Find(kg::nlp::HashNormalized(w))));
    }
    // Animals share a top-level cluster, verbs too, and the two differ.
    CHECK(first_bit("cat") == first_bit("goat"));
    CHECK(first_bit("sleeps") == first_bit("sits"));
    CHECK(first_bit("cat") != first_bit("sleeps"));
  }
  CHECK(kg::nlp::TrainClusters(options, {dir / "no_such_file"}, &c).code() ==
        kg::Status::Code::kIOError);
}
