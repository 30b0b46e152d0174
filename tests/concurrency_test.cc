// Concurrency, with real processes: queries while kg ingest writes (read-only opens see a
// consistent store, never a half-written document), a second writer refused with a clear message,
// and two writers racing to create the same store.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <thread>

#include "tests/process_util.h"
#include "tests/test_util.h"

using kg::testing::Process;
using kg::testing::ReadFile;
using kg::testing::Run;
using kg::testing::RunProcess;
using kg::testing::ShellQuote;
using kg::testing::TempDir;
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

size_t StoredSoFar(const fs::path& verbose_log) {
  const std::string log = ReadFile(verbose_log);
  size_t n = 0;
  for (size_t p = log.find("kg: info: "); p != std::string::npos;
       p = log.find("kg: info: ", p + 1)) {
    ++n;
  }
  return n;
}

// Waits until a `kg -v ingest` has stored `n` documents (or has ended).
void WaitForStored(Process& writer, const fs::path& verbose_log, size_t n) {
  while (writer.Running() && StoredSoFar(verbose_log) < n) {
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
}

// The first person of an article: "Title First Last verb ...".
std::string FirstPerson(const fs::path& article) {
  std::istringstream words(ReadFile(article));
  std::string title, first, last;
  words >> title >> first >> last;
  return first + " " + last;
}

}  // namespace

TEST_CASE("queries run while an ingest writes and always see whole documents", "[concurrency]") {
  TempDir dir;
  // Enough articles for a few seconds of writing: each query replays the writer's log to open.
  constexpr size_t kArticles = 4000;
  const auto articles = kg::testing::WriteArticles(dir / "articles", kArticles, 23);
  const std::vector<json> prefix = kg::testing::PrefixStats(articles, dir / "prefix.db");
  const fs::path db = dir / "kg.db";
  const std::string person = FirstPerson(articles.front());

  Process writer(KgArgs(db, {"-v", "ingest", (dir / "articles").string()}),
                 {.err = dir / "writer.err"});
  WaitForStored(writer, dir / "writer.err", 1);
  int64_t last = 0;
  int reads_during_write = 0;
  while (writer.Running()) {
    auto r = Run(KgCommand(db) + " stats --json", dir.path());
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    const json stats = json::parse(r.out);
    const int64_t k = stats["documents"];
    REQUIRE(k >= last);  // a later snapshot never has fewer documents
    REQUIRE(k < static_cast<int64_t>(prefix.size()));
    CHECK(stats.dump() == prefix[k].dump());  // only whole documents
    last = k;
    if (writer.Running()) ++reads_during_write;
    r = Run(KgCommand(db) + " neighbours " + ShellQuote(person) + " --json", dir.path());
    INFO(r.err);
    // Found (the first article is stored), with neighbours (0) or, while only the articles
    // that name the person without a fact about them are in, none yet (1, like grep).
    REQUIRE((r.exit_code == 0 || r.exit_code == 1));
    REQUIRE(r.err.empty());
    CHECK(json::parse(r.out)["entity"]["name"] == person);
    if (writer.Running()) ++reads_during_write;
  }
  INFO(ReadFile(dir / "writer.err").substr(0, 2000));
  REQUIRE(writer.result().exit_code == 0);
  CHECK(reads_during_write >= 3);
  const auto r = Run(KgCommand(db) + " stats --json", dir.path());
  CHECK(json::parse(r.out).dump() == prefix.back().dump());
}

TEST_CASE("a second writer is refused with exit 3 while the first ingests, which completes",
          "[concurrency]") {
  TempDir dir;
  constexpr size_t kArticles = 1500;
  const auto articles = kg::testing::WriteArticles(dir / "articles", kArticles, 29);
  const std::vector<json> prefix = kg::testing::PrefixStats(articles, dir / "prefix.db");
  kg::testing::WriteArticles(dir / "more", 20, 31);
  const fs::path db = dir / "kg.db";

  Process first(KgArgs(db, {"-v", "ingest", (dir / "articles").string()}),
                {.err = dir / "first.err"});
  WaitForStored(first, dir / "first.err", 1);
  REQUIRE(first.Running());
  const auto second =
      RunProcess(KgArgs(db, {"ingest", (dir / "more").string()}), {.err = dir / "second.err"});
  // Meaningful only if the first was still writing all along.
  REQUIRE(first.Running());
  CHECK(second.exit_code == 3);
  CHECK(ReadFile(dir / "second.err") == "kg: error: the store " + db.string() +
                                            " is in use by another kg process; wait for it to "
                                            "finish\n");
  REQUIRE(first.Wait().exit_code == 0);
  // The first writer's documents, whole; nothing of the refused one.
  CHECK(json::parse(Run(KgCommand(db) + " stats --json", dir.path()).out).dump() ==
        prefix.back().dump());
}

TEST_CASE("two writers racing to create one store: neither corrupts it", "[concurrency]") {
  TempDir dir;
  const auto articles = kg::testing::WriteArticles(dir / "articles", 40, 37);
  const std::vector<json> prefix = kg::testing::PrefixStats(articles, dir / "prefix.db");
  for (int round = 0; round < 6; ++round) {
    const fs::path db = dir / ("kg-" + std::to_string(round) + ".db");
    const std::vector<std::string> args = KgArgs(db, {"ingest", (dir / "articles").string()});
    Process a(args, {.err = dir / "a.err"});
    Process b(args, {.err = dir / "b.err"});
    const int code_a = a.Wait().exit_code, code_b = b.Wait().exit_code;
    INFO("round " << round << ": " << ReadFile(dir / "a.err") << ReadFile(dir / "b.err"));
    // Each finished the job or was told the store is busy; at least one finished it.
    for (const auto& [code, err] : {std::pair{code_a, dir / "a.err"}, {code_b, dir / "b.err"}}) {
      CHECK((code == 0 || code == 3));
      if (code == 3)
        CHECK(ReadFile(err).find("is in use by another kg process") != std::string::npos);
    }
    CHECK((code_a == 0 || code_b == 0));
    const auto r = Run(KgCommand(db) + " stats --json", dir.path());
    REQUIRE(r.exit_code == 0);
    CHECK(json::parse(r.out).dump() == prefix.back().dump());
  }
  for (const auto& entry : fs::directory_iterator(dir.path())) {
    CHECK(entry.path().filename().string().find(".creating-") == std::string::npos);
  }
}
