#include "load/load.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <thread>

#include "core/text.h"
#include "load/tsv_document.h"
#include "stream/fact_document.h"
#include "stream/jsonl.h"
#include "stream/line_reader.h"
#include "stream/ordered.h"

namespace kg::load {
namespace {

namespace fs = std::filesystem;

InputFormat FormatOfName(const std::string& path) {
  const std::string ext = AsciiLower(fs::path(path).extension().string());
  if (ext == ".jsonl" || ext == ".json" || ext == ".ndjson") return InputFormat::kJsonl;
  if (ext == ".tsv" || ext == ".tab") return InputFormat::kTsv;
  return InputFormat::kAuto;
}

void Count(graph::IngestOutcome outcome, uint64_t sentences, uint64_t facts, LoadSummary* s) {
  switch (outcome) {
    case graph::IngestOutcome::kAdded:
      ++s->added;
      break;
    case graph::IngestOutcome::kReplaced:
      ++s->replaced;
      break;
    case graph::IngestOutcome::kUnchanged:
      ++s->unchanged;
      return;
  }
  s->sentences += sentences;
  s->facts += facts;
}

struct Context {
  graph::Store* store;
  graph::Loader* loader;
  const LoadOptions& options;
  const ReportFn& report;
  const std::atomic<bool>* interrupted;
  LoadSummary* summary;
  bool Interrupted() const { return interrupted != nullptr && interrupted->load(); }
  // Bad input: said and counted, the load goes on.
  void Skip(const std::string& message) const {
    report(message);
    ++summary->skipped;
  }
};

// JSON lines, parsed on every core, added to the store in input order.
Status LoadJsonl(const Context& cx, int fd, const std::string& name, std::string initial) {
  struct Line {
    uint64_t number = 0;
    std::string text;
  };
  struct Parsed {
    uint64_t number = 0;
    Status status;
    stream::FactDocument doc;
  };
  stream::LineReader reader(fd, name, nullptr, std::move(initial));
  size_t threads = cx.options.threads;
  if (threads == 0) threads = std::max(1u, std::thread::hardware_concurrency());
  Status failed;
  stream::RunOrdered<Line, Parsed>(
      threads, threads * 8,
      [&](Line* line) {
        std::string_view text;
        while (reader.Next(&text)) {
          if (text.find_first_not_of(" \t\r") == std::string_view::npos) continue;  // blank
          line->number = reader.line_number();
          line->text.assign(text);
          return !cx.Interrupted();
        }
        return false;
      },
      [](Line& line) {
        Parsed p;
        p.number = line.number;
        p.status = stream::ParseJsonl(line.text, &p.doc);
        return p;
      },
      [&](Parsed& p) {
        const std::string where = name + ":" + std::to_string(p.number) + ": ";
        if (!p.status.ok()) {
          cx.Skip(where + p.status.message());
          return true;
        }
        const stream::FactDocument& d = p.doc;
        graph::ExtractedSource data(d.extracted);
        graph::LoadDocument doc;
        doc.source = d.id.empty() ? std::string_view("-") : std::string_view(d.id);
        doc.text = d.has_text ? std::string_view(d.text) : std::string_view();
        doc.content_hash = d.content_hash;
        doc.sentences = d.extracted.sentences;
        doc.data = &data;
        doc.extractor_version = d.extractor_version;
        doc.ingested_at = cx.options.now;
        graph::IngestOutcome outcome;
        graph::DocId id;
        Status s = cx.loader->Add(doc, &outcome, &id);
        if (s.IsInvalidArgument()) {
          cx.Skip(where + s.message());
          return true;
        }
        if (!s.ok()) {
          failed = s;
          return false;
        }
        Count(outcome, d.extracted.sentences.size(), d.extracted.facts.size(), cx.summary);
        return !cx.Interrupted();
      });
  if (!reader.status().ok()) cx.Skip(reader.status().message());
  return failed;
}

// A TSV file: one document.
Status LoadTsv(const Context& cx, int fd, const std::string& name, const std::string& source,
               std::string initial) {
  std::unique_ptr<TsvDocument> tsv;
  Status s = TsvDocument::Read(fd, name, std::move(initial), cx.store->dir() / "load.tmp", &tsv);
  if (s.IsInvalidArgument()) {
    cx.Skip(s.message() + " (the file is one document: nothing of it was loaded)");
    return Status::Ok();
  }
  if (!s.ok()) {
    cx.Skip(s.message());
    return Status::Ok();
  }
  graph::LoadDocument doc;
  doc.source = source;
  doc.content_hash = tsv->content_hash();
  doc.data = tsv.get();
  doc.ingested_at = cx.options.now;
  graph::IngestOutcome outcome;
  graph::DocId id;
  s = cx.loader->Add(doc, &outcome, &id);
  if (s.IsInvalidArgument()) {
    cx.Skip(name + ": " + s.message());
    return Status::Ok();
  }
  KG_RETURN_IF_ERROR(s);
  Count(outcome, 0, tsv->fact_count(), cx.summary);
  return Status::Ok();
}

}  // namespace

bool ParseInputFormat(std::string_view name, InputFormat* format) {
  const std::string lower = AsciiLower(name);
  if (lower == "auto") {
    *format = InputFormat::kAuto;
  } else if (lower == "jsonl" || lower == "json") {
    *format = InputFormat::kJsonl;
  } else if (lower == "tsv") {
    *format = InputFormat::kTsv;
  } else {
    return false;
  }
  return true;
}

Status LoadFiles(graph::Store* store, const std::vector<std::string>& paths,
                 const LoadOptions& options, const ReportFn& report,
                 const std::atomic<bool>* interrupted, LoadSummary* summary) {
  *summary = LoadSummary();
  std::unique_ptr<graph::Loader> loader;
  KG_RETURN_IF_ERROR(graph::Loader::Open(store, options.loader, &loader));
  summary->bulk = loader->bulk();
  const Context cx{store, loader.get(), options, report, interrupted, summary};
  for (const std::string& path : paths) {
    if (cx.Interrupted()) break;
    int fd = 0;
    std::string source = "-";
    if (path != "-") {
      fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
      if (fd < 0) {
        cx.Skip(path + ": " +
                (errno == ENOENT ? std::string("no such file or directory")
                                 : "cannot open: " + std::string(strerror(errno))));
        continue;
      }
      struct stat st;
      if (fstat(fd, &st) == 0 && S_ISDIR(st.st_mode)) {
        ::close(fd);
        cx.Skip(path + ": a directory, not a file of facts");
        continue;
      }
      std::error_code ec;
      source = fs::weakly_canonical(path, ec).string();
      if (ec) source = path;
    }
    InputFormat format = options.format;
    if (format == InputFormat::kAuto) format = FormatOfName(path);
    std::string initial;
    Status s;
    if (format == InputFormat::kAuto) {
      char first = 0;
      s = stream::PeekFirstByte(fd, path, &initial, &first);
      format = first == '{' ? InputFormat::kJsonl : InputFormat::kTsv;
    }
    if (s.ok()) {
      s = format == InputFormat::kJsonl ? LoadJsonl(cx, fd, path, std::move(initial))
                                        : LoadTsv(cx, fd, path, source, std::move(initial));
    } else {
      cx.Skip(s.message());
      s = Status::Ok();
    }
    if (fd != 0) ::close(fd);
    KG_RETURN_IF_ERROR(s);
  }
  std::error_code ec;
  fs::remove(store->dir() / "load.tmp", ec);  // only if empty: its files are unnamed
  return loader->Finish();
}

}  // namespace kg::load
