#include "nlp/model_file.h"

#include <algorithm>
#include <catch2/catch.hpp>
#include <cstdio>
#include <filesystem>
#include <string>
#include <vector>

#include "nlp/linear_model.h"
#include "tests/test_util.h"

using kg::testing::ReadFile;
using kg::testing::TempDir;
using kg::testing::WriteFile;

TEST_CASE("a model file round-trips its payload", "[model_file]") {
  TempDir dir;
  const auto path = dir / "roundtrip";
  const std::string payload = "hello model \x01\x02\x03" + std::string(1000, 'x');
  REQUIRE(kg::nlp::WriteModelFile(path, kg::nlp::ModelKind::kTagger, payload).ok());
  std::string back;
  REQUIRE(kg::nlp::ReadModelFile(path, kg::nlp::ModelKind::kTagger, &back).ok());
  CHECK(back == payload);
}

TEST_CASE("model file errors are reported clearly", "[model_file]") {
  TempDir dir;
  const auto path = dir / "errors";
  REQUIRE(kg::nlp::WriteModelFile(path, kg::nlp::ModelKind::kParser, "payload bytes").ok());
  const std::string good = ReadFile(path);
  std::string out;

  SECTION("missing") {
    const kg::Status s = kg::nlp::ReadModelFile(dir / "absent", kg::nlp::ModelKind::kParser, &out);
    CHECK(s.code() == kg::Status::Code::kIOError);
    CHECK(s.message().find("absent") != std::string::npos);
  }
  SECTION("wrong kind") {
    CHECK(kg::nlp::ReadModelFile(path, kg::nlp::ModelKind::kTagger, &out).IsInvalidArgument());
  }
  SECTION("truncated") {
    WriteFile(path, good.substr(0, good.size() - 5));
    const kg::Status s = kg::nlp::ReadModelFile(path, kg::nlp::ModelKind::kParser, &out);
    CHECK(s.code() == kg::Status::Code::kCorruption);
    CHECK(s.message().find("truncated") != std::string::npos);
    WriteFile(path, good.substr(0, 20));
    CHECK(kg::nlp::ReadModelFile(path, kg::nlp::ModelKind::kParser, &out).code() ==
          kg::Status::Code::kCorruption);
  }
  SECTION("wrong magic") {
    std::string bad = good;
    bad[0] = 'X';
    WriteFile(path, bad);
    const kg::Status s = kg::nlp::ReadModelFile(path, kg::nlp::ModelKind::kParser, &out);
    CHECK(s.code() == kg::Status::Code::kCorruption);
    CHECK(s.message().find("magic") != std::string::npos);
  }
  SECTION("wrong version") {
    std::string bad = good;
    bad[8] = 99;  // version: the u32 after the magic
    WriteFile(path, bad);
    const kg::Status s = kg::nlp::ReadModelFile(path, kg::nlp::ModelKind::kParser, &out);
    CHECK(s.code() == kg::Status::Code::kNotSupported);
    CHECK(s.message().find("version 99") != std::string::npos);
  }
  SECTION("corrupted body") {
    std::string bad = good;
    bad[bad.size() - 10] ^= 0x40;
    WriteFile(path, bad);
    const kg::Status s = kg::nlp::ReadModelFile(path, kg::nlp::ModelKind::kParser, &out);
    CHECK(s.code() == kg::Status::Code::kCorruption);
    CHECK(s.message().find("checksum") != std::string::npos);
  }
}

TEST_CASE("byte reader fails on every read past the end", "[model_file]") {
  kg::nlp::ByteWriter w;
  w.Put<uint32_t>(7);
  w.PutString("abc");
  kg::nlp::ByteReader r(w.data());
  uint32_t v = 0;
  std::string s;
  CHECK(r.Get(&v));
  CHECK(v == 7);
  CHECK(r.GetString(&s));
  CHECK(s == "abc");
  CHECK(r.at_end());
  CHECK_FALSE(r.Get(&v));
  CHECK_FALSE(r.ok());
}

TEST_CASE("a weight table survives save and load", "[model_file]") {
  kg::nlp::PerceptronTrainer trainer(3);
  const uint64_t a[] = {11, 12}, b[] = {13, 12};
  for (int i = 0; i < 5; ++i) {
    trainer.Update(a, 2, 0, 1);
    trainer.Tick();
    trainer.Update(b, 2, 2, 0);
    trainer.Tick();
  }
  const kg::nlp::WeightTable t = trainer.Average(0.0f);
  kg::nlp::ByteWriter w;
  t.Save(&w);
  kg::nlp::WeightTable back;
  kg::nlp::ByteReader r(w.data());
  REQUIRE(back.Load(&r));
  CHECK(back.num_features() == t.num_features());
  int32_t s1[3] = {0, 0, 0}, s2[3] = {0, 0, 0};
  t.AddAll(a, 2, s1);
  back.AddAll(a, 2, s2);
  CHECK(s1[0] == s2[0]);
  CHECK(s1[1] == s2[1]);
  CHECK(s1[2] == s2[2]);
  CHECK(s1[0] > s1[1]);  // feature 11 votes for class 0
  std::string bytes = w.data();
  bytes.resize(bytes.size() - 3);
  kg::nlp::ByteReader truncated(bytes);
  kg::nlp::WeightTable broken;
  CHECK_FALSE(broken.Load(&truncated));
}

TEST_CASE("a weight table keys features by their low 40 bits and merges collisions",
          "[model_file]") {
  using kg::nlp::WeightTable;
  const uint64_t low = 0x12345678ABULL;
  const uint64_t f1 = (uint64_t{1} << 50) | low, f2 = (uint64_t{3} << 45) | low;
  CHECK(WeightTable::TableKey(f1) == WeightTable::TableKey(f2));
  CHECK(WeightTable::TableKey(uint64_t{1} << 40) == 1);  // never the empty key 0
  const WeightTable t = WeightTable::Build(2, 1.0f, {f1, f2}, {{{0, 5}}, {{0, 2}, {1, -4}}});
  CHECK(t.num_features() == 1);
  int32_t s[2] = {0, 0};
  t.AddTo(low, s);
  CHECK(s[0] == 7);
  CHECK(s[1] == -4);
}

TEST_CASE("a weight table adds single weights, long runs and high classes alike", "[model_file]") {
  using kg::nlp::WeightTable;
  // One weight of a low class (held in the index itself), one of a class above 127 (stored with
  // the runs), a run of three, and the extreme weights, each on its own feature.
  const std::vector<uint64_t> keys = {101, 102, 103, 104, 105};
  const std::vector<std::vector<WeightTable::Entry>> weights = {
      {{5, -32767}}, {{200, 9}}, {{1, 3}, {7, -2}, {250, 4}}, {{127, 32767}}, {{0, -1}}};
  const WeightTable t = WeightTable::Build(256, 0.5f, keys, weights);
  CHECK(t.num_features() == 5);
  CHECK(t.num_weights() == 7);
  std::vector<int32_t> one(256, 0), all(256, 0);
  for (const uint64_t k : keys) t.AddTo(k, one.data());
  t.AddTo(999, one.data());  // unknown: adds nothing
  const uint64_t features[] = {101, 102, 999, 103, 104, 105};
  t.AddAll(features, 6, all.data());
  CHECK(one == all);
  CHECK(one[5] == -32767);
  CHECK(one[200] == 9);
  CHECK(one[1] == 3);
  CHECK(one[7] == -2);
  CHECK(one[250] == 4);
  CHECK(one[127] == 32767);
  CHECK(one[0] == -1);
  CHECK(std::count(one.begin(), one.end(), 0) == 256 - 7);

  kg::nlp::ByteWriter w;
  t.Save(&w);
  kg::nlp::ByteReader r(w.data());
  WeightTable back;
  REQUIRE(back.Load(&r));
  std::vector<int32_t> loaded(256, 0);
  back.AddAll(features, 6, loaded.data());
  CHECK(loaded == one);  // the loaded table adds what the built one does
  kg::nlp::ByteWriter again;
  back.Save(&again);
  CHECK(again.data() == w.data());  // the index is rebuilt, the file is the same

  const WeightTable pruned = t.Pruned(2.0f);  // keeps weights of magnitude 2 and more (x 0.5)
  std::vector<int32_t> kept(256, 0);
  pruned.AddAll(features, 6, kept.data());
  CHECK(pruned.num_weights() == 4);
  CHECK(kept[5] == -32767);
  CHECK(kept[127] == 32767);
  CHECK(kept[200] == 9);
  CHECK(kept[1] == 0);
  CHECK(kept[7] == 0);
  CHECK(kept[250] == 4);
  CHECK(kept[0] == 0);
}
