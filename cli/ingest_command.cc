// kg ingest PATH...: read articles, extract, store. Every input that cannot be read as an
// article is reported on one line and skipped; the rest are stored; the exit code then says that
// something was skipped.
#include <spdlog/spdlog.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <nlohmann/json.hpp>
#include <sstream>

#include "cli/commands.h"
#include "core/text.h"
#include "extract/extractor.h"
#include "graph/store.h"

namespace kg::cli {
namespace {

namespace fs = std::filesystem;

// Larger inputs are not articles; reading them whole would only exhaust memory.
constexpr uintmax_t kMaxDocumentBytes = 256ull << 20;

std::atomic<bool> g_interrupted{false};

extern "C" void OnInterrupt(int) { g_interrupted.store(true); }

struct Input {
  std::string path;  // as the user gave it, for messages
  std::string source;  // the stored source: the canonical path, or "-"
};

bool IsArticleFile(const fs::path& p) {
  std::string ext = AsciiLower(p.extension().string());
  return ext == ".txt" || ext == ".md";
}

// Expands the arguments into input files. Returns false for an argument that names nothing.
void CollectInputs(const std::vector<std::string>& args, std::vector<Input>* inputs,
                   size_t* bad) {
  for (const std::string& arg : args) {
    if (arg == "-") {
      inputs->push_back({"-", "-"});
      continue;
    }
    std::error_code ec;
    const fs::path p(arg);
    const fs::file_status st = fs::status(p, ec);
    if (!fs::exists(st)) {
      spdlog::error("{}: no such file or directory", arg);
      ++*bad;
      continue;
    }
    if (fs::is_directory(st)) {
      std::vector<fs::path> found;
      fs::recursive_directory_iterator it(p, fs::directory_options::skip_permission_denied, ec);
      for (; !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
        if (it->is_regular_file(ec) && IsArticleFile(it->path())) found.push_back(it->path());
      }
      if (ec) {
        spdlog::error("{}: cannot read the directory: {}", arg, ec.message());
        ++*bad;
        continue;
      }
      if (found.empty()) {
        spdlog::error("{}: no .txt or .md files in this directory", arg);
        ++*bad;
        continue;
      }
      std::sort(found.begin(), found.end());
      for (const auto& f : found) {
        inputs->push_back({f.string(), fs::weakly_canonical(f, ec).string()});
      }
      continue;
    }
    inputs->push_back({arg, fs::weakly_canonical(p, ec).string()});
  }

}

// Reads one input whole. Returns false, having said why, when it is not an article.
bool ReadArticle(const Input& in, std::string* text) {
  if (in.source == "-") {
    std::ostringstream buf;
    buf << std::cin.rdbuf();
    *text = std::move(buf).str();
  } else {
    std::error_code ec;
    const uintmax_t size = fs::file_size(in.path, ec);
    if (ec) {
      spdlog::error("{}: cannot read: {}", in.path, ec.message());
      return false;
    }
    if (size > kMaxDocumentBytes) {
      spdlog::error("{}: {} MB is too large for an article (limit {} MB); skipped", in.path,
                    size >> 20, kMaxDocumentBytes >> 20);
      return false;
    }
    std::ifstream file(in.path, std::ios::binary);
    if (!file) {
      spdlog::error("{}: cannot open for reading", in.path);
      return false;
    }
    text->assign(std::istreambuf_iterator<char>(file), std::istreambuf_iterator<char>());
    if (file.bad()) {
      spdlog::error("{}: read error", in.path);
      return false;
    }
  }
  if (text->find_first_not_of(" \t\r\n\f\v") == std::string::npos) {
    spdlog::error("{}: empty (no text); skipped", in.path);
    return false;
  }
  if (LooksBinary(*text)) {
    spdlog::error("{}: binary data, not text; skipped", in.path);
    return false;
  }
  const size_t invalid_at = FindInvalidUtf8(*text);
  if (invalid_at != text->size()) {
    const size_t repaired = RepairUtf8(text);
    spdlog::warn("{}: {} invalid UTF-8 sequence(s), the first at byte {}; replaced by U+FFFD",
                 in.path, repaired, invalid_at);
  }
  return true;
}

class ProgressBar final {
 public:
  ProgressBar(size_t total, bool enabled) : total_(total), enabled_(enabled) {}
  void Update(size_t done) {
    if (!enabled_) return;
    const auto now = std::chrono::steady_clock::now();
    if (done < total_ && now - last_ < std::chrono::milliseconds(100)) return;
    last_ = now;
    constexpr int kWidth = 30;
    const int filled = static_cast<int>(kWidth * done / std::max<size_t>(total_, 1));
    std::fprintf(stderr, "\r[%.*s%*s] %zu/%zu", filled, "##############################",
                 kWidth - filled, "", done, total_);
    std::fflush(stderr);
  }
  void Finish() {
    if (enabled_) std::fprintf(stderr, "\n");
  }

 private:
  size_t total_;
  bool enabled_;
  std::chrono::steady_clock::time_point last_{};
};

struct IngestOptions {
  std::vector<std::string> paths;
  bool json = false;
};

int RunIngest(const Globals& globals, const IngestOptions& options) {
  std::vector<Input> inputs;
  size_t skipped = 0;
  CollectInputs(options.paths, &inputs, &skipped);
  if (inputs.empty()) {
    spdlog::error("nothing to ingest");
    return kExitBadInput;
  }
  std::unique_ptr<extract::Extractor> extractor;
  extract::ExtractorOptions extractor_options;
  extractor_options.models_dir = extract::DefaultModelsDir();
  if (Status s = extract::Extractor::Create(extractor_options, &extractor); !s.ok()) {
    return Fail(s);
  }
  std::unique_ptr<graph::Store> store;
  if (Status s = OpenStore(globals, /*read_only=*/false, &store); !s.ok()) return Fail(s);

  std::signal(SIGINT, OnInterrupt);
  std::signal(SIGTERM, OnInterrupt);
  const auto start = std::chrono::steady_clock::now();
  size_t added = 0, replaced = 0, unchanged = 0, sentences = 0, facts = 0;
  ProgressBar progress(inputs.size(), inputs.size() > 1 && !globals.quiet && IsTerminal(2));
  std::string text;
  for (size_t i = 0; i < inputs.size() && !g_interrupted.load(); ++i) {
    progress.Update(i);
    const Input& in = inputs[i];
    if (!ReadArticle(in, &text)) {
      ++skipped;
      continue;
    }
    const std::string hash = ContentHash(text);
    bool current = false;
    if (Status s = store->IsCurrent(hash, in.source, &current); !s.ok()) return Fail(s);
    if (current) {
      ++unchanged;
      continue;
    }
    const ExtractedDocument doc = extractor->Extract(text);
    graph::DocumentInput di;
    di.source = in.source;
    di.text = text;
    di.content_hash = hash;
    di.extracted = &doc;
    di.extractor_version = extract::kExtractorVersion;
    di.ingested_at = static_cast<int64_t>(std::time(nullptr));
    graph::IngestOutcome outcome;
    graph::DocId id;
    if (Status s = store->Ingest(di, &outcome, &id); !s.ok()) {
      progress.Finish();
      spdlog::error("{}: {}", in.path, s.message());
      return ExitCodeFor(s);
    }
    switch (outcome) {
      case graph::IngestOutcome::kAdded:
        ++added;
        break;
      case graph::IngestOutcome::kReplaced:
        ++replaced;
        break;
      case graph::IngestOutcome::kUnchanged:
        ++unchanged;
        continue;
    }
    sentences += doc.sentences.size();
    facts += doc.facts.size();
    spdlog::info("{}: {} sentences, {} entities, {} facts (document {})", in.path,
                 doc.sentences.size(), doc.entities.size(), doc.facts.size(), graph::DocIdHex(id));
  }
  progress.Update(inputs.size());
  progress.Finish();
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  if (options.json) {
    nlohmann::ordered_json j = {{"added", added},           {"replaced", replaced},
                                {"unchanged", unchanged},   {"skipped", skipped},
                                {"sentences", sentences},   {"facts", facts},
                                {"seconds", seconds},       {"interrupted", g_interrupted.load()}};
    std::cout << j.dump(2) << "\n";
  } else if (!globals.quiet) {
    std::printf("%zu added, %zu replaced, %zu unchanged, %zu skipped: %zu sentences, %zu facts "
                "in %.2f s\n",
                added, replaced, unchanged, skipped, sentences, facts, seconds);
  }
  if (g_interrupted.load()) {
    spdlog::error("interrupted; every document stored so far is complete, run again to finish");
    return kExitInterrupted;
  }
  if (skipped > 0) {
    spdlog::error("{} input(s) skipped; see the messages above", skipped);
    return kExitBadInput;
  }
  return kExitOk;
}

}  // namespace

void AddIngestCommand(CLI::App& app, const Globals& globals, int* exit_code) {
  auto options = std::make_shared<IngestOptions>();
  CLI::App* cmd = app.add_subcommand(
      "ingest", "Read articles (files, folders of .txt/.md, or - for stdin) into the store");
  cmd->add_option("paths", options->paths, "Files or folders to ingest; - reads stdin")
      ->required();
  cmd->add_flag("--json", options->json, "Print the summary as JSON");
  cmd->callback([&globals, exit_code, options] { *exit_code = RunIngest(globals, *options); });
}

}  // namespace kg::cli
