// Interruption: kg ingest killed with SIGKILL at random points, stopped by a full disk (a file
// size limit, and a small tmpfs where mounting is allowed). Every case checks that the store then
// holds exactly the first k documents, in full (its counts equal those of a clean ingest of those
// k, and its indexes agree with its counts), and that running kg ingest again completes it with
// nothing lost or doubled.
#include <catch2/catch.hpp>
#include <chrono>
#include <cstring>
#include <nlohmann/json.hpp>
#include <random>
#include <thread>

#include "graph/store.h"
#include "tests/process_util.h"
#include "tests/test_util.h"

using kg::testing::Process;
using kg::testing::ProcessOptions;
using kg::testing::ReadFile;
using kg::testing::Run;
using kg::testing::RunProcess;
using kg::testing::ShellQuote;
using kg::testing::TempDir;
using kg::testing::WriteFile;
using nlohmann::json;

namespace {

namespace fs = std::filesystem;

std::vector<std::string> KgArgs(const fs::path& db, std::vector<std::string> args) {
  args.insert(args.begin(), {KG_BINARY, "--db", db.string()});
  return args;
}

std::string KgCommand(const fs::path& db) {
  return std::string(KG_BINARY) + " --db " + ShellQuote(db.string());
}

// `kg stats --json` of a store; fails the test when it cannot be read.
json Stats(const fs::path& db, const TempDir& dir) {
  const auto r = Run(KgCommand(db) + " stats --json", dir.path());
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  return json::parse(r.out);
}

// The store's indexes agree with its counters: every entity, triple and edge that `kg stats`
// counts is there to be listed and exported, and nothing more.
void CheckIndexesMatchCounts(const fs::path& db, const json& stats, const TempDir& dir) {
  auto r = Run(KgCommand(db) + " entities --json", dir.path());
  const int64_t entities = stats["entities"];
  REQUIRE(r.exit_code == (entities == 0 ? 1 : 0));
  if (entities > 0) CHECK(static_cast<int64_t>(json::parse(r.out).size()) == entities);
  r = Run(KgCommand(db) + " triples --json", dir.path());
  const int64_t triples = stats["triples"];
  REQUIRE(r.exit_code == (triples == 0 ? 1 : 0));
  if (triples > 0) CHECK(static_cast<int64_t>(json::parse(r.out).size()) == triples);
  r = Run(KgCommand(db) + " export --format json -o -", dir.path());
  REQUIRE(r.exit_code == 0);
  const json graph = json::parse(r.out);
  CHECK(static_cast<int64_t>(graph["nodes"].size()) == entities);
  CHECK(static_cast<int64_t>(graph["edges"].size()) == stats["edges"].get<int64_t>());
}

// A store after an interruption: the first k documents, each in full. Returns k.
int64_t CheckConsistentPrefix(const fs::path& db, const std::vector<json>& prefix,
                              const TempDir& dir) {
  const json stats = Stats(db, dir);
  const int64_t k = stats["documents"];
  REQUIRE(k >= 0);
  REQUIRE(k < static_cast<int64_t>(prefix.size()));
  CHECK(stats.dump() == prefix[k].dump());
  CheckIndexesMatchCounts(db, stats, dir);
  return k;
}

// Everything a user can list: two stores with equal listings hold the same graph.
std::string Listing(const fs::path& db, const TempDir& dir) {
  std::string all;
  for (const char* cmd : {" stats --json", " entities --json", " triples --json"}) {
    const auto r = Run(KgCommand(db) + cmd, dir.path());
    REQUIRE(r.exit_code == 0);
    all += r.out;
  }
  return all;
}

size_t CountLines(const std::string& text, const std::string& needle) {
  size_t n = 0;
  for (size_t pos = text.find(needle); pos != std::string::npos; pos = text.find(needle, pos + 1)) {
    ++n;
  }
  return n;
}

}  // namespace

TEST_CASE(
    "kill -9 at random points of an ingest leaves each document fully in or out and a rerun "
    "completes it",
    "[interruption]") {
  TempDir dir;
  constexpr size_t kArticles = 1500;
  constexpr int kRounds = 8;
  const auto articles = kg::testing::WriteArticles(dir / "articles", kArticles, 7);
  const std::vector<json> prefix = kg::testing::PrefixStats(articles, dir / "prefix.db");
  const fs::path db = dir / "kg.db";
  const std::string input = (dir / "articles").string();

  std::mt19937 rng(Catch::rngSeed());
  int64_t stored = 0;
  int interrupted_midway = 0;
  for (int round = 0; round < kRounds && stored < static_cast<int64_t>(kArticles); ++round) {
    // Kill once the round has stored a random number of new documents (kg -v logs each one),
    // after a random extra delay: the kill lands anywhere in extraction or writing.
    const int64_t target = std::uniform_int_distribution<int64_t>(
        1, std::max<int64_t>(1, (static_cast<int64_t>(kArticles) - stored) * 3 / 4))(rng);
    const fs::path log = dir / "ingest.err";
    Process ingest(KgArgs(db, {"-v", "ingest", input}), {.err = log});
    while (ingest.Running() &&
           static_cast<int64_t>(CountLines(ReadFile(log), "kg: info: ")) < target) {
      std::this_thread::sleep_for(std::chrono::microseconds(500));
    }
    std::this_thread::sleep_for(
        std::chrono::microseconds(std::uniform_int_distribution<int>(0, 3000)(rng)));
    ingest.Kill(SIGKILL);
    const auto& result = ingest.Wait();
    INFO("round " << round << ": " << ReadFile(log).substr(0, 2000));
    CHECK((result.signal == SIGKILL || result.exit_code == 0));
    const int64_t k = CheckConsistentPrefix(db, prefix, dir);
    CHECK(k >= stored);  // what a completed write stored stays stored
    if (k > stored && k < static_cast<int64_t>(kArticles)) ++interrupted_midway;
    stored = k;
  }
  // The test means something only if kills did land in the middle of ingests.
  CHECK(interrupted_midway >= kRounds / 2);

  // Running the ingest again completes it: the same graph as one clean ingest, nothing doubled.
  auto r = RunProcess(KgArgs(db, {"ingest", input}));
  REQUIRE(r.exit_code == 0);
  const fs::path clean = dir / "clean.db";
  r = RunProcess(KgArgs(clean, {"ingest", input}));
  REQUIRE(r.exit_code == 0);
  CHECK(Stats(db, dir).dump() == prefix.back().dump());
  CHECK(Listing(db, dir) == Listing(clean, dir));
}

TEST_CASE("Ctrl-C or SIGTERM stops an ingest between documents with exit 130", "[interruption]") {
  TempDir dir;
  constexpr size_t kArticles = 1500;
  const auto articles = kg::testing::WriteArticles(dir / "articles", kArticles, 19);
  const std::vector<json> prefix = kg::testing::PrefixStats(articles, dir / "prefix.db");
  const fs::path db = dir / "kg.db";
  const std::string input = (dir / "articles").string();
  for (int sig : {SIGINT, SIGTERM}) {
    const fs::path log = dir / "ingest.err";
    Process ingest(KgArgs(db, {"-v", "ingest", input}), {.err = log});
    while (ingest.Running() && CountLines(ReadFile(log), "kg: info: ") < 50) {
      std::this_thread::sleep_for(std::chrono::milliseconds(1));
    }
    ingest.Kill(sig);
    const auto& result = ingest.Wait();
    const std::string err = ReadFile(log);
    INFO(strsignal(sig) << ": " << err.substr(err.size() > 1000 ? err.size() - 1000 : 0));
    REQUIRE(result.exit_code == 130);
    CHECK(
        err.ends_with("kg: error: interrupted; every document stored so far is complete, run "
                      "again to finish\n"));
    const int64_t k = CheckConsistentPrefix(db, prefix, dir);
    CHECK(k >= 50);
    CHECK(k < static_cast<int64_t>(kArticles));
  }
  REQUIRE(RunProcess(KgArgs(db, {"ingest", input})).exit_code == 0);
  CHECK(Stats(db, dir).dump() == prefix.back().dump());
}

TEST_CASE("kill -9 while the first ingest creates the store never leaves a store kg refuses",
          "[interruption]") {
  TempDir dir;
  const auto articles = kg::testing::WriteArticles(dir / "articles", 3, 11);
  const std::vector<json> prefix = kg::testing::PrefixStats(articles, dir / "prefix.db");
  std::mt19937 rng(Catch::rngSeed());
  for (int round = 0; round < 12; ++round) {
    const fs::path db = dir / ("kg-" + std::to_string(round) + ".db");
    {
      Process ingest(KgArgs(db, {"ingest", (dir / "articles").string()}), {});
      // Creating a store takes a few milliseconds: kill somewhere in the first 40.
      std::this_thread::sleep_for(
          std::chrono::microseconds(std::uniform_int_distribution<int>(0, 40000)(rng)));
      ingest.Kill(SIGKILL);
      ingest.Wait();
    }
    const auto r =
        Run(KgCommand(db) + " ingest " + ShellQuote((dir / "articles").string()), dir.path());
    INFO("round " << round << ": " << r.err);
    REQUIRE(r.exit_code == 0);
    CHECK(Stats(db, dir).dump() == prefix.back().dump());
  }
  // No half-made store is left behind beside them.
  for (const auto& entry : fs::directory_iterator(dir.path())) {
    CHECK(entry.path().filename().string().find(".creating-") == std::string::npos);
  }
}

TEST_CASE("the leftovers of a store creation that died are cleared", "[interruption]") {
  TempDir dir;
  // A pid above any pid_max: that creator is certainly gone.
  const fs::path stale = dir / ".kg.db.creating-2147483646";
  WriteFile(stale / "MANIFEST-000001", "half written");
  std::unique_ptr<kg::graph::Store> store;
  REQUIRE(kg::graph::Store::Open(dir / "kg.db", {}, &store).ok());
  CHECK(!fs::exists(stale));
  CHECK(fs::exists(dir / "kg.db" / "CURRENT"));
}

TEST_CASE(
    "a file size limit (ulimit -f) stops an ingest with exit 3 and a rerun with room completes it",
    "[interruption]") {
  TempDir dir;
  constexpr size_t kArticles = 600;
  const auto articles = kg::testing::WriteArticles(dir / "articles", kArticles, 13);
  const std::vector<json> prefix = kg::testing::PrefixStats(articles, dir / "prefix.db");
  const fs::path db = dir / "kg.db";
  const std::string input = (dir / "articles").string();

  // 256 KB per file: the write-ahead log reaches it after a few hundred articles.
  auto r = RunProcess(KgArgs(db, {"ingest", input}),
                      {.err = dir / "full.err", .max_file_size = 256 << 10});
  const std::string err = ReadFile(dir / "full.err");
  INFO(err);
  CHECK(r.signal == 0);  // not killed by SIGXFSZ
  CHECK(r.exit_code == 3);
  CHECK(err.find("File too large") != std::string::npos);
  CHECK(CountLines(err, "\n") == 1);  // one line
  const int64_t k = CheckConsistentPrefix(db, prefix, dir);
  CHECK(k > 0);
  CHECK(k < static_cast<int64_t>(kArticles));

  // With room again, the same command completes the store.
  r = RunProcess(KgArgs(db, {"ingest", input}));
  REQUIRE(r.exit_code == 0);
  CHECK(Stats(db, dir).dump() == prefix.back().dump());

  SECTION("an export that does not fit fails with exit 3 and leaves no partial file") {
    const fs::path out = dir / "graph.graphml";
    r = RunProcess(KgArgs(db, {"export", "-o", out.string()}),
                   {.err = dir / "export.err", .max_file_size = 16 << 10});
    INFO(ReadFile(dir / "export.err"));
    CHECK(r.signal == 0);
    CHECK(r.exit_code == 3);
    CHECK(ReadFile(dir / "export.err").find("disk full") != std::string::npos);
    CHECK(!fs::exists(out));
    CHECK(!fs::exists(out.string() + ".tmp"));
  }
}

TEST_CASE(
    "a full disk (a small tmpfs) stops an ingest with exit 3 and a rerun with room completes it",
    "[interruption]") {
  TempDir dir;
  constexpr size_t kArticles = 1500;
  const auto articles = kg::testing::WriteArticles(dir / "articles", kArticles, 17);
  const std::vector<json> prefix = kg::testing::PrefixStats(articles, dir / "prefix.db");
  // In a private mount namespace, so the mount goes with the script however it ends. Mounting
  // needs root (CAP_SYS_ADMIN); where it is refused this case says so and checks nothing.
  const fs::path mnt = dir / "mnt";
  fs::create_directories(mnt);
  const std::string kg = KgCommand(mnt / "kg.db");
  const std::string out = ShellQuote(dir.path().string());
  WriteFile(dir / "full-disk.sh",
            "mount -t tmpfs -o size=1m kgtest " + ShellQuote(mnt.string()) +
                " 2>/dev/null || exit 99\n" + kg + " ingest " +
                ShellQuote((dir / "articles").string()) + " >/dev/null 2>" + out +
                "/full.err; echo $? >" + out + "/full.rc\n" + kg + " stats --json >" + out +
                "/full.json\n" + "mount -o remount,size=64m " + ShellQuote(mnt.string()) +
                " || exit 98\n" + kg + " ingest " + ShellQuote((dir / "articles").string()) +
                " >/dev/null 2>" + out + "/resume.err; echo $? >" + out + "/resume.rc\n" + kg +
                " stats --json >" + out + "/resume.json\n");
  const auto r =
      Run("unshare --mount --propagation private sh " + ShellQuote((dir / "full-disk.sh").string()),
          dir.path());
  if (r.exit_code == 99 || r.exit_code == 127 ||
      r.err.find("unshare failed") != std::string::npos) {
    WARN("cannot mount a tmpfs here (needs root); the ulimit -f case covers the full disk");
    return;
  }
  REQUIRE(r.exit_code == 0);
  const std::string err = ReadFile(dir / "full.err");
  INFO(err);
  CHECK(ReadFile(dir / "full.rc") == "3\n");
  CHECK(err.find("No space left on device") != std::string::npos);
  CHECK(CountLines(err, "\n") == 1);
  const json full = json::parse(ReadFile(dir / "full.json"));
  const int64_t k = full["documents"];
  REQUIRE(k > 0);
  REQUIRE(k < static_cast<int64_t>(kArticles));
  CHECK(full.dump() == prefix[k].dump());
  CHECK(ReadFile(dir / "resume.rc") == "0\n");
  CHECK(json::parse(ReadFile(dir / "resume.json")).dump() == prefix.back().dump());
}
