// End to end: the kg binary on the sample articles and on bad input, its exports read back by
// real clients (NetworkX, igraph, xmllint, Graphviz).
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "graph/store.h"
#include "tests/test_util.h"

using kg::testing::Run;
using kg::testing::ShellQuote;
using kg::testing::TempDir;
using kg::testing::WriteFile;

namespace {

std::string Kg(const TempDir& dir) {
  return std::string(KG_BINARY) + " --db " + ShellQuote((dir / "kg.db").string());
}

// Ingests the samples once per test that needs them.
void IngestSamples(const TempDir& dir) {
  const auto r = Run(Kg(dir) + " ingest " + ShellQuote(KG_SAMPLES_DIR), dir.path());
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
}

// Debian's python, which has python3-networkx and python3-igraph.
constexpr const char* kPython = "/usr/bin/python3";

}  // namespace

TEST_CASE("ingest, re-ingest and stats on the samples", "[cli]") {
  TempDir dir;
  auto r = Run(Kg(dir) + " ingest --json " + ShellQuote(KG_SAMPLES_DIR), dir.path());
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  auto summary = nlohmann::json::parse(r.out);
  CHECK(summary["added"] == 5);
  CHECK(summary["facts"].get<int>() > 0);
  r = Run(Kg(dir) + " stats --json", dir.path());
  REQUIRE(r.exit_code == 0);
  const auto first = nlohmann::json::parse(r.out);
  CHECK(first["documents"] == 5);
  CHECK(first["entities"].get<int>() > 10);
  // Again: nothing added, the same counts.
  r = Run(Kg(dir) + " ingest --json " + ShellQuote(KG_SAMPLES_DIR), dir.path());
  REQUIRE(r.exit_code == 0);
  summary = nlohmann::json::parse(r.out);
  CHECK(summary["added"] == 0);
  CHECK(summary["unchanged"] == 5);
  r = Run(Kg(dir) + " stats --json", dir.path());
  CHECK(nlohmann::json::parse(r.out) == first);
}

TEST_CASE("GraphML export is read back by NetworkX, igraph and xmllint", "[cli]") {
  TempDir dir;
  IngestSamples(dir);
  const auto graphml = dir / "out" / "graph.graphml";
  auto r = Run(Kg(dir) + " export --format graphml -o " + ShellQuote(graphml.string()), dir.path());
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  r = Run(Kg(dir) + " stats --json", dir.path());
  const auto stats = nlohmann::json::parse(r.out);

  const std::string check_networkx =
      "import networkx as nx, sys\n"
      "g = nx.read_graphml(sys.argv[1])\n"
      "assert g.is_directed()\n"
      "extra = {k: v for k, v in g.graph.items() if k not in ('node_default', 'edge_default')}\n"
      "assert not extra, extra  # no graph-level data\n"
      "for n, d in g.nodes(data=True):\n"
      "    assert d['label'] and d['type'] in ('person','place','organization','demand',"
      "'date','event','other'), d\n"
      "    assert isinstance(d['mentions'], int)\n"
      "for u, v, d in g.edges(data=True):\n"
      "    assert isinstance(d['weight'], float) and d['weight'] >= 1, d\n"
      "    assert d['label'] and d['relation'] and d['sources']\n"
      "    assert isinstance(d['negated'], bool)\n"
      "print(g.number_of_nodes(), g.number_of_edges())\n";
  WriteFile(dir / "check_networkx.py", check_networkx);
  r = Run(std::string(kPython) + " " + ShellQuote((dir / "check_networkx.py").string()) + " " +
              ShellQuote(graphml.string()),
          dir.path());
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  CHECK(r.out == std::to_string(stats["entities"].get<int>()) + " " +
                     std::to_string(stats["edges"].get<int>()) + "\n");

  WriteFile(dir / "check_igraph.py",
            "import igraph, sys\n"
            "g = igraph.Graph.Read_GraphML(sys.argv[1])\n"
            "assert g.is_directed()\n"
            "print(g.vcount(), g.ecount())\n");
  r = Run(std::string(kPython) + " " + ShellQuote((dir / "check_igraph.py").string()) + " " +
              ShellQuote(graphml.string()),
          dir.path());
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  CHECK(r.out == std::to_string(stats["entities"].get<int>()) + " " +
                     std::to_string(stats["edges"].get<int>()) + "\n");

  r = Run("xmllint --noout " + ShellQuote(graphml.string()), dir.path());
  INFO(r.err);
  CHECK(r.exit_code == 0);
}

TEST_CASE("DOT export is laid out by Graphviz, GEXF and JSON parse", "[cli]") {
  TempDir dir;
  IngestSamples(dir);
  const auto dot = dir / "graph.dot";
  auto r = Run(Kg(dir) + " export -o " + ShellQuote(dot.string()), dir.path());
  REQUIRE(r.exit_code == 0);
  r = Run(
      "dot -Tsvg -o " + ShellQuote((dir / "graph.svg").string()) + " " + ShellQuote(dot.string()),
      dir.path());
  INFO(r.err);
  CHECK(r.exit_code == 0);
  r = Run(Kg(dir) + " export --format gexf -o " + ShellQuote((dir / "g.gexf").string()),
          dir.path());
  REQUIRE(r.exit_code == 0);
  CHECK(Run("xmllint --noout " + ShellQuote((dir / "g.gexf").string()), dir.path()).exit_code == 0);
  r = Run(Kg(dir) + " export --format json -o -", dir.path());
  REQUIRE(r.exit_code == 0);
  const auto j = nlohmann::json::parse(r.out);
  CHECK(j["nodes"].size() > 10);
  // A neighbourhood is a subset of the whole.
  r = Run(Kg(dir) + " export --format json --around Putin --depth 1 -o -", dir.path());
  REQUIRE(r.exit_code == 0);
  const auto around = nlohmann::json::parse(r.out);
  CHECK(around["nodes"].size() < j["nodes"].size());
  CHECK(around["nodes"].size() > 1);
}

TEST_CASE("queries: neighbours, triples, why, rank, path", "[cli]") {
  TempDir dir;
  IngestSamples(dir);
  auto r = Run(Kg(dir) + " neighbours putin --json", dir.path());
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  const auto n = nlohmann::json::parse(r.out);
  CHECK(n["entity"]["name"] == "Vladimir Putin");
  CHECK(n["entity"]["type"] == "person");
  REQUIRE(!n["neighbours"].empty());
  for (const auto& row : n["neighbours"]) {
    CHECK((row["direction"] == "out" || row["direction"] == "in"));
    CHECK(row["depth"] == 1);
  }
  r = Run(Kg(dir) + " triples --subject Putin --json", dir.path());
  REQUIRE(r.exit_code == 0);
  const auto t = nlohmann::json::parse(r.out);
  REQUIRE(!t.empty());
  CHECK(t[0]["subject"] == "Vladimir Putin");
  CHECK(t[0]["end"].get<int>() > t[0]["start"].get<int>());
  // why: the sentence, with the fact's bytes marked.
  const std::string other = n["neighbours"][0]["name"];
  r = Run(Kg(dir) + " why Putin " + ShellQuote(other), dir.path());
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  CHECK(r.out.find("[[") != std::string::npos);
  CHECK(r.out.find("]]") != std::string::npos);
  r = Run(Kg(dir) + " rank --limit 1 --names-only", dir.path());
  REQUIRE(r.exit_code == 0);
  CHECK(!r.out.empty());
  r = Run(Kg(dir) + " path Putin " + ShellQuote(other), dir.path());
  CHECK(r.exit_code == 0);
}

TEST_CASE("bad input gets one clear line and a distinct exit code", "[cli]") {
  TempDir dir;
  SECTION("a missing path") {
    const auto r = Run(Kg(dir) + " ingest /no/such/file.txt", dir.path());
    CHECK(r.exit_code == 2);
    CHECK(r.err.find("no such file or directory") != std::string::npos);
  }
  SECTION("a folder without articles") {
    WriteFile(dir / "empty-folder" / "image.png", "x");
    const auto r =
        Run(Kg(dir) + " ingest " + ShellQuote((dir / "empty-folder").string()), dir.path());
    CHECK(r.exit_code == 2);
    CHECK(r.err.find("no .txt or .md files") != std::string::npos);
  }
  SECTION("an empty file, a binary file and a good file") {
    WriteFile(dir / "in" / "empty.txt", "  \n");
    WriteFile(dir / "in" / "binary.txt", std::string("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16));
    WriteFile(dir / "in" / "good.txt", "Putin met Witkoff in Moscow on Tuesday.");
    const auto r = Run(Kg(dir) + " ingest " + ShellQuote((dir / "in").string()), dir.path());
    CHECK(r.exit_code == 2);
    CHECK(r.err.find("empty.txt: empty") != std::string::npos);
    CHECK(r.err.find("binary.txt: binary") != std::string::npos);
    // The good file was stored regardless.
    const auto stats = Run(Kg(dir) + " stats --json", dir.path());
    CHECK(nlohmann::json::parse(stats.out)["documents"] == 1);
  }
  SECTION("invalid UTF-8 is repaired and said so") {
    WriteFile(dir / "latin1.txt", "Putin met the envoy in Z\xFCrich.");
    const auto r =
        Run(Kg(dir) + " ingest " + ShellQuote((dir / "latin1.txt").string()), dir.path());
    CHECK(r.exit_code == 0);
    CHECK(r.err.find("invalid UTF-8") != std::string::npos);
  }
  SECTION("an unknown entity") {
    IngestSamples(dir);
    const auto r = Run(Kg(dir) + " neighbours Putn", dir.path());
    CHECK(r.exit_code == 1);
    CHECK(r.err.find("no entity named 'Putn'") != std::string::npos);
    CHECK(r.err.find("Putin") != std::string::npos);
  }
  SECTION("a query before any ingest") {
    const auto r = Run(Kg(dir) + " stats", dir.path());
    CHECK(r.exit_code == 1);
    CHECK(r.err.find("no kg store") != std::string::npos);
  }
  SECTION("--db pointing at a file") {
    WriteFile(dir / "not-a-db", "hello");
    const auto r =
        Run(std::string(KG_BINARY) + " --db " + ShellQuote((dir / "not-a-db").string()) + " stats",
            dir.path());
    CHECK(r.exit_code == 2);
    CHECK(r.err.find("is a file") != std::string::npos);
  }
  SECTION("an unknown command or option") {
    auto r = Run(std::string(KG_BINARY) + " frobnicate", dir.path());
    CHECK(r.exit_code == 2);
    r = Run(Kg(dir) + " stats --no-such-option", dir.path());
    CHECK(r.exit_code == 2);
    CHECK(r.err.find("--no-such-option") != std::string::npos);
  }
  SECTION("a store held by another writer") {
    std::unique_ptr<kg::graph::Store> holder;
    REQUIRE(kg::graph::Store::Open(dir / "kg.db", {}, &holder).ok());
    WriteFile(dir / "a.txt", "Putin met Witkoff.");
    const auto r = Run(Kg(dir) + " ingest " + ShellQuote((dir / "a.txt").string()), dir.path());
    CHECK(r.exit_code == 3);
    CHECK(r.err.find("in use by another kg process") != std::string::npos);
  }
}

TEST_CASE("stdin documents are ingested and kept apart", "[cli]") {
  TempDir dir;
  WriteFile(dir / "a.txt", "Putin met Witkoff in Moscow.");
  WriteFile(dir / "b.txt", "Zelensky met Trump in Geneva.");
  auto r = Run(Kg(dir) + " ingest - < " + ShellQuote((dir / "a.txt").string()), dir.path());
  REQUIRE(r.exit_code == 0);
  r = Run(Kg(dir) + " ingest - < " + ShellQuote((dir / "b.txt").string()), dir.path());
  REQUIRE(r.exit_code == 0);
  r = Run(Kg(dir) + " stats --json", dir.path());
  CHECK(nlohmann::json::parse(r.out)["documents"] == 2);
}

TEST_CASE("every command answers --help", "[cli]") {
  // The commands are read from `kg --help`, which always builds all of them; each is then asked
  // for its own help the ways a user would, where kg builds only the named command's group.
  TempDir dir;
  const auto top = Run(std::string(KG_BINARY) + " --help", dir.path());
  REQUIRE(top.exit_code == 0);
  std::vector<std::pair<std::string, std::string>> commands;  // as typed, as its help names it
  std::istringstream lines(top.out.substr(top.out.find("Subcommands:")));
  std::string line;
  std::getline(lines, line);
  while (std::getline(lines, line) && line.starts_with("  ")) {
    std::istringstream words(line);
    std::string name;
    words >> name;
    if (name.ends_with(",")) {  // "neighbours, neighbors": the alias too
      name.pop_back();
      std::string alias;
      words >> alias;
      commands.emplace_back(alias, name);
    }
    commands.emplace_back(name, name);
  }
  CHECK(commands.size() >= 14);
  for (const auto& [typed, name] : commands) {
    for (const std::string& before : {std::string(), std::string("--db x.db -q "),
                                      std::string("-v --db=x.db ")}) {
      const auto r = Run(std::string(KG_BINARY) + " " + before + typed + " --help", dir.path());
      INFO(before + typed);
      CHECK(r.exit_code == 0);
      CHECK(r.out.find("Usage: kg " + name) != std::string::npos);
    }
  }
  for (const char* cmd : {"train tagger", "train parser", "train ner", "eval tag", "eval parse",
                          "eval tokenize", "eval ner"}) {
    const auto r = Run(std::string(KG_BINARY) + " " + cmd + " --help", dir.path());
    INFO(cmd);
    CHECK(r.exit_code == 0);
    CHECK(r.out.find(std::string("Usage: kg ") + cmd) != std::string::npos);
  }
  // An unknown command, or one after an option kg does not know, still gets CLI11's answer.
  CHECK(Run(std::string(KG_BINARY) + " stast", dir.path()).exit_code == 2);
  CHECK(Run(std::string(KG_BINARY) + " --frob stats", dir.path()).exit_code == 2);
}

TEST_CASE("kg parse prints CoNLL-U whose token ranges index the input", "[cli]") {
  TempDir dir;
  const std::string text = "Maria Lopez met Jonas Berg in Oslo.  The talks ended.\n";
  WriteFile(dir / "in.txt", text);
  auto r =
      Run(std::string(KG_BINARY) + " parse < " + ShellQuote((dir / "in.txt").string()), dir.path());
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  std::istringstream lines(r.out);
  std::string line;
  int sentences = 0, roots = 0, tokens = 0;
  std::vector<std::string> forms;
  while (std::getline(lines, line)) {
    if (line.rfind("# text = ", 0) == 0) ++sentences;
    if (line.empty() || line[0] == '#') continue;
    std::vector<std::string> f;
    std::istringstream fields(line);
    for (std::string x; std::getline(fields, x, '\t');) f.push_back(x);
    REQUIRE(f.size() == 10);
    ++tokens;
    forms.push_back(f[1]);
    if (f[6] == "0") {
      ++roots;
      CHECK(f[7] == "root");
    }
    // TokenRange=B:E in MISC gives the token's bytes in the input.
    const auto at = f[9].find("TokenRange=");
    REQUIRE(at != std::string::npos);
    const size_t begin = std::stoul(f[9].substr(at + 11));
    const size_t end = std::stoul(f[9].substr(f[9].find(':', at) + 1));
    CHECK(text.substr(begin, end - begin) == f[1]);
  }
  CHECK(sentences == 2);
  CHECK(roots == 2);
  CHECK(tokens == 12);
  CHECK(forms[1] == "Lopez");
  CHECK(r.out.find("Entity=B-PER") != std::string::npos);
  // Binary input is refused with exit 2, not parsed.
  WriteFile(dir / "bin", std::string("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16));
  r = Run(std::string(KG_BINARY) + " parse < " + ShellQuote((dir / "bin").string()), dir.path());
  CHECK(r.exit_code == 2);
  CHECK(r.err.find("binary") != std::string::npos);
}
