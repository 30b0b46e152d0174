// Helpers of the reliability tests, which drive kg as real processes: start one in the background,
// kill it, wait for it with its resource usage; generate many articles; compute what a store must
// hold after ingesting the first k of them.
#pragma once

#include <fcntl.h>
#include <pthread.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <memory>
#include <nlohmann/json.hpp>
#include <random>
#include <string>
#include <vector>

#include "core/text.h"
#include "extract/extractor.h"
#include "graph/store.h"
#include "tests/test_util.h"

namespace kg::testing {

// Sanitizer builds run the same tests; only memory bounds differ.
#if defined(__SANITIZE_ADDRESS__)
inline constexpr bool kSanitized = true;
#else
inline constexpr bool kSanitized = false;
#endif

struct ProcessOptions {
  std::filesystem::path out = "/dev/null";  // stdout
  std::filesystem::path err = "/dev/null";  // stderr
  rlim_t max_file_size = RLIM_INFINITY;     // RLIMIT_FSIZE, as `ulimit -f` sets it
};

struct ProcessResult {
  int exit_code = -1;  // when it exited
  int signal = 0;      // when a signal ended it
  long max_rss_kb = 0;
};

// A child process started with fork and exec; stdin is /dev/null.
class Process final {
 public:
  Process(const std::vector<std::string>& argv, const ProcessOptions& options) {
    std::vector<char*> args;
    for (const auto& a : argv) args.push_back(const_cast<char*>(a.c_str()));
    args.push_back(nullptr);
    // The files are opened (and truncated) here, before fork: once the constructor returns, a
    // reader of stderr sees only what this process wrote.
    const int in_fd = open("/dev/null", O_RDONLY | O_CLOEXEC);
    const int out_fd = open(options.out.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    const int err_fd = open(options.err.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (in_fd < 0 || out_fd < 0 || err_fd < 0) std::abort();
    // Until exec the child is a copy of the test binary, with Catch's signal handlers, which
    // allocate: a signal sent to it early (a kill right after the start) must not run them in
    // a forked copy of a threaded process. Signals stay blocked across fork; the child restores
    // the default actions, then its mask.
    sigset_t all, old;
    sigfillset(&all);
    pthread_sigmask(SIG_BLOCK, &all, &old);
    pid_ = fork();
    if (pid_ == 0) {
      for (int sig = 1; sig < NSIG; ++sig) signal(sig, SIG_DFL);
      pthread_sigmask(SIG_SETMASK, &old, nullptr);
      dup2(in_fd, 0);
      dup2(out_fd, 1);
      dup2(err_fd, 2);
      if (options.max_file_size != RLIM_INFINITY) {
        const rlimit limit{options.max_file_size, options.max_file_size};
        setrlimit(RLIMIT_FSIZE, &limit);
      }
      execv(args[0], args.data());
      _exit(127);
    }
    pthread_sigmask(SIG_SETMASK, &old, nullptr);
    close(in_fd);
    close(out_fd);
    close(err_fd);
    if (pid_ < 0) std::abort();
  }
  ~Process() {
    if (pid_ > 0 && !done_) {
      kill(pid_, SIGKILL);
      Wait();
    }
  }
  Process(const Process&) = delete;
  Process& operator=(const Process&) = delete;

  pid_t pid() const { return pid_; }
  void Kill(int sig) { kill(pid_, sig); }

  // True while the process runs; reaps it (see result()) once it has ended.
  bool Running() {
    if (done_) return false;
    int status = 0;
    rusage usage{};
    const pid_t r = wait4(pid_, &status, WNOHANG, &usage);
    if (r == 0) return true;
    Record(status, usage);
    return false;
  }

  const ProcessResult& Wait() {
    if (!done_) {
      int status = 0;
      rusage usage{};
      while (wait4(pid_, &status, 0, &usage) < 0 && errno == EINTR) {
      }
      Record(status, usage);
    }
    return result_;
  }

  const ProcessResult& result() const { return result_; }

 private:
  void Record(int status, const rusage& usage) {
    done_ = true;
    if (WIFEXITED(status)) result_.exit_code = WEXITSTATUS(status);
    if (WIFSIGNALED(status)) result_.signal = WTERMSIG(status);
    result_.max_rss_kb = usage.ru_maxrss;
  }

  pid_t pid_ = -1;
  bool done_ = false;
  ProcessResult result_;
};

// Runs a process to its end.
inline ProcessResult RunProcess(const std::vector<std::string>& argv,
                                const ProcessOptions& options = {}) {
  Process p(argv, options);
  return p.Wait();
}

// Writes `count` articles, articles/doc-00000.txt and up, about a small cast of people and places
// so that documents share entities (merged across documents) and facts (edges of weight > 1).
// Deterministic for a given seed. Returns their paths in the order kg ingest reads them.
inline std::vector<std::filesystem::path> WriteArticles(const std::filesystem::path& dir,
                                                        size_t count, uint32_t seed) {
  static const char* kFirst[] = {"Anna",  "Boris", "Carlos", "Dmitri", "Elena", "Farid",
                                 "Grace", "Hiro",  "Ivan",   "Julia",  "Karim", "Lena"};
  static const char* kLast[] = {"Petrov", "Smith", "Garcia", "Ivanova", "Chen",   "Okafor",
                                "Muller", "Rossi", "Novak",  "Kim",     "Haddad", "Berg"};
  static const char* kPlaces[] = {"Moscow", "Kyiv",   "Geneva", "Paris",  "Berlin",
                                  "Warsaw", "Ankara", "Cairo",  "Lisbon", "Oslo"};
  static const char* kTitles[] = {"President", "Minister", "envoy", "General", "Ambassador"};
  static const char* kVerbs[] = {"met", "called", "visited", "criticised", "thanked"};
  std::mt19937 rng(seed);
  const auto pick = [&](const auto& list) { return list[rng() % std::size(list)]; };
  std::filesystem::create_directories(dir);
  std::vector<std::filesystem::path> paths;
  for (size_t i = 0; i < count; ++i) {
    std::string text;
    const int sentences = 2 + static_cast<int>(rng() % 4);
    for (int s = 0; s < sentences; ++s) {
      const std::string a = std::string(pick(kFirst)) + " " + pick(kLast);
      const std::string b = std::string(pick(kFirst)) + " " + pick(kLast);
      text += std::string(pick(kTitles)) + " " + a + " " + pick(kVerbs) + " " + pick(kTitles) +
              " " + b + " in " + pick(kPlaces) + " on day " + std::to_string(i) + ".\n";
    }
    char name[32];
    std::snprintf(name, sizeof name, "doc-%05zu.txt", i);
    WriteFile(dir / name, text);
    paths.push_back(dir / name);
  }
  return paths;
}

// A store's counts as `kg stats --json` prints them.
inline nlohmann::json StatsJson(const graph::StoreStats& s) {
  nlohmann::json by_type = nlohmann::json::object();
  for (size_t t = 0; t <= static_cast<size_t>(kMaxEntityType); ++t) {
    by_type[std::string(EntityTypeName(static_cast<EntityType>(t)))] = s.entities_by_type[t];
  }
  return {{"documents", s.documents},
          {"sentences", s.sentences},
          {"entities", s.entities},
          {"entities_by_type", by_type},
          {"triples", s.triples},
          {"edges", s.edges},
          {"demands", s.entities_by_type[static_cast<size_t>(EntityType::kDemand)]}};
}

// What a store holds after kg ingest of the first k articles, for every k from 0 to all: built
// in-process with the same extractor and store code, one document at a time, as kg ingest does.
inline std::vector<nlohmann::json> PrefixStats(const std::vector<std::filesystem::path>& articles,
                                               const std::filesystem::path& scratch) {
  std::unique_ptr<extract::Extractor> extractor;
  extract::ExtractorOptions options;
  options.models_dir = extract::DefaultModelsDir();
  if (!extract::Extractor::Create(options, &extractor).ok()) std::abort();
  std::unique_ptr<graph::Store> store;
  if (!graph::Store::Open(scratch, {}, &store).ok()) std::abort();
  std::vector<nlohmann::json> stats;
  graph::StoreStats st;
  if (!store->Stats(&st).ok()) std::abort();
  stats.push_back(StatsJson(st));
  for (const auto& path : articles) {
    const std::string text = ReadFile(path);
    const std::string hash = ContentHash(text);
    const ExtractedDocument doc = extractor->Extract(text);
    const std::string source = std::filesystem::weakly_canonical(path).string();
    graph::DocumentInput in;
    in.source = source;
    in.text = text;
    in.content_hash = hash;
    in.extracted = &doc;
    in.extractor_version = extract::kExtractorVersion;
    graph::IngestOutcome outcome;
    graph::DocId id;
    if (!store->Ingest(in, &outcome, &id).ok()) std::abort();
    if (!store->Stats(&st).ok()) std::abort();
    stats.push_back(StatsJson(st));
  }
  return stats;
}

}  // namespace kg::testing
