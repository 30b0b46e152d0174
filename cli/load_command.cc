// kg load FILE...: the JSON lines of `kg extract`, or triples as TSV, into the store. Bad lines
// and files are reported (FILE:LINE: what) and skipped; the rest is stored; the exit code then
// says that something was skipped.
#include <spdlog/spdlog.h>

#include <chrono>
#include <csignal>
#include <cstdio>
#include <ctime>
#include <iostream>
#include <nlohmann/json.hpp>

#include "cli/commands.h"
#include "load/load.h"

namespace kg::cli {
namespace {

std::atomic<bool> g_load_interrupted{false};

extern "C" void OnLoadInterrupt(int) { g_load_interrupted.store(true); }

struct LoadCommandOptions {
  std::vector<std::string> paths;
  std::string format = "auto";
  size_t threads = 0;
  bool json = false;
  bool no_bulk = false;
};

int RunLoad(const Globals& globals, const LoadCommandOptions& o) {
  load::LoadOptions options;
  if (!load::ParseInputFormat(o.format, &options.format)) {
    return Fail(Status::InvalidArgument("--format must be auto, jsonl or tsv"));
  }
  options.threads = o.threads;
  options.loader.allow_bulk = !o.no_bulk;
  options.now = static_cast<int64_t>(std::time(nullptr));
  std::unique_ptr<graph::Store> store;
  if (Status s = OpenStore(globals, /*read_only=*/false, &store); !s.ok()) return Fail(s);

  std::signal(SIGINT, OnLoadInterrupt);
  std::signal(SIGTERM, OnLoadInterrupt);
  const auto start = std::chrono::steady_clock::now();
  load::LoadSummary summary;
  Status s = load::LoadFiles(
      store.get(), o.paths, options,
      [](const std::string& message) { spdlog::error("{}", message); }, &g_load_interrupted,
      &summary);
  if (!s.ok()) return Fail(s);
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  if (o.json) {
    nlohmann::ordered_json j = {{"added", summary.added},
                                {"replaced", summary.replaced},
                                {"unchanged", summary.unchanged},
                                {"skipped", summary.skipped},
                                {"sentences", summary.sentences},
                                {"facts", summary.facts},
                                {"bulk", summary.bulk},
                                {"seconds", seconds},
                                {"interrupted", g_load_interrupted.load()}};
    std::cout << j.dump(2) << "\n";
  } else if (!globals.quiet) {
    std::printf(
        "%zu added, %zu replaced, %zu unchanged, %zu skipped: %llu sentences, %llu facts "
        "in %.2f s%s\n",
        summary.added, summary.replaced, summary.unchanged, summary.skipped,
        static_cast<unsigned long long>(summary.sentences),
        static_cast<unsigned long long>(summary.facts), seconds,
        summary.bulk && summary.added > 0 ? " (bulk-built: the store was empty)" : "");
  }
  if (g_load_interrupted.load()) {
    spdlog::error("interrupted; every document stored so far is complete, run again to finish");
    return kExitInterrupted;
  }
  if (summary.skipped > 0) {
    spdlog::error("{} input(s) skipped; see the messages above", summary.skipped);
    return kExitBadInput;
  }
  return kExitOk;
}

}  // namespace

void AddLoadCommand(CLI::App& app, const Globals& globals, int* exit_code) {
  auto o = std::make_shared<LoadCommandOptions>();
  CLI::App* cmd = app.add_subcommand(
      "load", "Bulk-load facts: kg extract's JSON lines, or triples as TSV (- reads stdin)");
  cmd->add_option("paths", o->paths, "Files of facts; - reads stdin")->required();
  cmd->add_option("--format,-f", o->format,
                  "auto (by extension, else JSON lines if the file starts with '{'), jsonl or "
                  "tsv (subject, relation, object[, subject_type, object_type])");
  cmd->add_option("--threads,-j", o->threads, "Threads parsing JSON lines (default: one per core)");
  cmd->add_flag("--json", o->json, "Print the summary as JSON");
  cmd->add_flag("--no-bulk", o->no_bulk,
                "Write batches even into an empty store (slower; for comparisons)");
  cmd->callback([&globals, exit_code, o] { *exit_code = RunLoad(globals, *o); });
}

}  // namespace kg::cli
