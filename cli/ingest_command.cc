// kg ingest PATH...: read articles, extract, store. Every input that cannot be read as an
// article is reported on one line and skipped; the rest are stored; the exit code then says that
// something was skipped. Articles are read by one thread, extracted on every core and stored in
// input order by one writer (graph::Loader, batches of whole documents), so messages and results
// are those of a sequential run.
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
#include <nlohmann/json.hpp>
#include <sstream>
#include <thread>

#include "cli/commands.h"
#include "core/text.h"
#include "extract/extractor.h"
#include "graph/loader.h"
#include "graph/store.h"
#include "stream/ordered.h"

namespace kg::cli {
namespace {

namespace fs = std::filesystem;

// Larger inputs are not articles; reading them whole would only exhaust memory.
constexpr uintmax_t kMaxDocumentBytes = 256ull << 20;

std::atomic<bool> g_interrupted{false};

extern "C" void OnInterrupt(int) { g_interrupted.store(true); }

struct Input {
  std::string path;    // as the user gave it, for messages
  std::string source;  // the stored source: the canonical path, or "-" (empty until read)
};

bool IsArticleFile(const fs::path& p) {
  std::string ext = AsciiLower(p.extension().string());
  return ext == ".txt" || ext == ".md";
}

// Expands the arguments into input files. Returns false for an argument that names nothing.
void CollectInputs(const std::vector<std::string>& args, std::vector<Input>* inputs, size_t* bad) {
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
        inputs->push_back({f.string(), ""});  // made canonical when read, off this thread
      }
      continue;
    }
    inputs->push_back({arg, ""});
  }
}

// Reads one input whole. Returns false, with the one-line reason in *error, when it is not an
// article; *warning says what was repaired.
// Reads what `in` holds, at most `limit` bytes and one more (so that a caller can tell a larger
// input), in blocks: a pipe has no size to allocate for. False after a read error.
bool ReadAtMost(std::istream& in, size_t limit, std::string* out) {
  out->clear();
  constexpr size_t kBlock = 1 << 20;
  while (in && out->size() <= limit) {
    const size_t old = out->size();
    out->resize(old + std::min(kBlock, limit + 1 - old));
    in.read(out->data() + old, static_cast<std::streamsize>(out->size() - old));
    out->resize(old + static_cast<size_t>(in.gcount()));
  }
  return !in.bad();
}

bool ReadArticle(const Input& in, std::string* text, std::string* error, std::string* warning) {
  if (in.source == "-") {
    std::ostringstream buf;
    buf << std::cin.rdbuf();
    *text = std::move(buf).str();
  } else {
    std::error_code ec;
    const fs::file_status status = fs::status(in.path, ec);
    // A pipe ("kg ingest <(curl ...)") has no size to check before reading; a file too large to
    // be an article is refused unread.
    const bool pipe = !ec && (fs::is_fifo(status) || fs::is_character_file(status));
    if (!pipe) {
      const uintmax_t size = fs::file_size(in.path, ec);
      if (ec) {
        *error = fmt::format("{}: cannot read: {}", in.path, ec.message());
        return false;
      }
      if (size > kMaxDocumentBytes) {
        *error = fmt::format("{}: {} MB is too large for an article (limit {} MB); skipped",
                             in.path, size >> 20, kMaxDocumentBytes >> 20);
        return false;
      }
    }
    std::ifstream file(in.path, std::ios::binary);
    if (!file) {
      *error = fmt::format("{}: cannot open for reading", in.path);
      return false;
    }
    if (!ReadAtMost(file, kMaxDocumentBytes, text)) {
      *error = fmt::format("{}: read error", in.path);
      return false;
    }
    if (text->size() > kMaxDocumentBytes) {
      *error = fmt::format("{}: more than {} MB is too large for an article; skipped", in.path,
                           kMaxDocumentBytes >> 20);
      return false;
    }
  }
  if (text->find_first_not_of(" \t\r\n\f\v") == std::string::npos) {
    *error = fmt::format("{}: empty (no text); skipped", in.path);
    return false;
  }
  if (LooksBinary(*text)) {
    *error = fmt::format("{}: binary data, not text; skipped", in.path);
    return false;
  }
  const size_t invalid_at = FindInvalidUtf8(*text);
  if (invalid_at != text->size()) {
    const size_t repaired = RepairUtf8(text);
    *warning = fmt::format(
        "{}: {} invalid UTF-8 sequence(s), the first at byte {}; replaced by "
        "U+FFFD",
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
  size_t threads = 0;
};

// One input on its way through the pipeline.
struct Article {
  size_t index = 0;
  std::string text;
  std::string hash;
  std::string error;     // not an article: why (it is skipped)
  std::string warning;   // stored, but something was repaired
  bool current = false;  // stored already from this source: nothing to do
  Status status;         // reading the store failed
  ExtractedDocument doc;
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
  // One write batch per document, never one table-file load at the end: extraction, not writing,
  // bounds an ingest, and this way a long ingest that is killed keeps every document it reported
  // stored, and queries see the store grow document by document while it runs.
  graph::LoaderOptions loader_options;
  loader_options.allow_bulk = false;
  loader_options.batch_documents = 1;
  std::unique_ptr<graph::Loader> loader;
  if (Status s = graph::Loader::Open(store.get(), loader_options, &loader); !s.ok()) {
    return Fail(s);
  }

  std::signal(SIGINT, OnInterrupt);
  std::signal(SIGTERM, OnInterrupt);
  const auto start = std::chrono::steady_clock::now();
  size_t added = 0, replaced = 0, unchanged = 0, sentences = 0, facts = 0;
  ProgressBar progress(inputs.size(), inputs.size() > 1 && !globals.quiet && IsTerminal(2));
  const size_t threads =
      options.threads > 0 ? options.threads : std::max(1u, std::thread::hardware_concurrency());
  const int64_t now = static_cast<int64_t>(std::time(nullptr));
  size_t next = 0;
  Status failed;          // the store failed: stop
  std::string failed_at;  // the input it failed on
  stream::RunOrdered<Article, Article>(
      threads, threads * 4,
      // Reading, on one thread, in input order.
      [&](Article* a) {
        if (next == inputs.size() || g_interrupted.load()) return false;
        a->index = next++;
        Input& in = inputs[a->index];
        if (in.source.empty()) {
          std::error_code ec;
          in.source = fs::weakly_canonical(in.path, ec).string();
        }
        ReadArticle(in, &a->text, &a->error, &a->warning);
        return true;
      },
      // Extraction, on every core; articles already stored are not extracted again.
      [&](Article& a) {
        if (a.error.empty()) {
          a.hash = ContentHash(a.text);
          a.status = store->IsCurrent(a.hash, inputs[a.index].source, &a.current);
          if (a.status.ok() && !a.current) a.doc = extractor->Extract(a.text);
        }
        return std::move(a);
      },
      // Storing, on this thread, in input order.
      [&](Article& a) {
        const Input& in = inputs[a.index];
        progress.Update(a.index);
        if (!a.warning.empty()) spdlog::warn("{}", a.warning);
        if (!a.error.empty()) {
          spdlog::error("{}", a.error);
          ++skipped;
          return !g_interrupted.load();
        }
        if (!a.status.ok()) {
          failed = a.status;
          return false;
        }
        if (a.current) {
          ++unchanged;
          return !g_interrupted.load();
        }
        graph::ExtractedSource data(a.doc);
        graph::LoadDocument doc;
        doc.source = in.source;
        doc.text = a.text;
        doc.content_hash = a.hash;
        doc.sentences = a.doc.sentences;
        doc.data = &data;
        doc.extractor_version = extract::kExtractorVersion;
        doc.ingested_at = now;
        graph::IngestOutcome outcome;
        graph::DocId id;
        if (Status s = loader->Add(doc, &outcome, &id); !s.ok()) {
          failed = s;
          failed_at = in.path;
          return false;
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
            return !g_interrupted.load();
        }
        sentences += a.doc.sentences.size();
        facts += a.doc.facts.size();
        spdlog::info("{}: {} sentences, {} entities, {} facts (document {})", in.path,
                     a.doc.sentences.size(), a.doc.entities.size(), a.doc.facts.size(),
                     graph::DocIdHex(id));
        return !g_interrupted.load();
      });
  // Whatever happened, what was added so far is stored (whole documents only).
  const Status finished = loader->Finish();
  if (!failed.ok()) {
    progress.Finish();
    if (failed_at.empty()) return Fail(failed);
    spdlog::error("{}: {}", failed_at, failed.message());
    return ExitCodeFor(failed);
  }
  if (!finished.ok()) {
    progress.Finish();
    return Fail(finished);
  }
  progress.Update(inputs.size());
  progress.Finish();
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  if (options.json) {
    nlohmann::ordered_json j = {{"added", added},         {"replaced", replaced},
                                {"unchanged", unchanged}, {"skipped", skipped},
                                {"sentences", sentences}, {"facts", facts},
                                {"seconds", seconds},     {"interrupted", g_interrupted.load()}};
    std::cout << j.dump(2) << "\n";
  } else if (!globals.quiet) {
    std::printf(
        "%zu added, %zu replaced, %zu unchanged, %zu skipped: %zu sentences, %zu facts "
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
  cmd->add_option("paths", options->paths, "Files or folders to ingest; - reads stdin")->required();
  cmd->add_flag("--json", options->json, "Print the summary as JSON");
  cmd->add_option("--threads,-j", options->threads, "Extraction threads (default: one per core)");
  cmd->callback([&globals, exit_code, options] { *exit_code = RunIngest(globals, *options); });
}

}  // namespace kg::cli
