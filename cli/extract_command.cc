// kg extract: a stream filter, no store. Documents in on stdin (the whole input as one plain-text
// document, or JSON lines {"id", "text"}), facts out on stdout, one line per document in input
// order, extracted on every core. Because it reads stdin and writes stdout only, it is the map
// step of Hadoop Streaming or Spark's RDD.pipe unchanged (docs/scale-out.md).
#include <spdlog/spdlog.h>
#include <unistd.h>

#include <cstdio>
#include <string>
#include <thread>

#include "cli/commands.h"
#include "core/text.h"
#include "extract/extractor.h"
#include "stream/fact_document.h"
#include "stream/format.h"
#include "stream/jsonl.h"
#include "stream/line_reader.h"
#include "stream/ordered.h"

namespace kg::cli {
namespace {

// A plain-text document larger than this is not an article (as for kg ingest).
constexpr size_t kMaxDocumentBytes = 256u << 20;

struct ExtractOptions {
  std::string format = "jsonl";
  std::string input = "auto";
  size_t threads = 0;
  bool no_text = false;
  std::string id = "-";
};

// Checks a document's text as kg ingest checks an article's. Returns the problem, or "".
std::string CheckText(std::string* text, std::string* warning) {
  if (text->find_first_not_of(" \t\r\n\f\v") == std::string::npos) return "empty (no text)";
  if (LooksBinary(*text)) return "binary data, not text";
  const size_t invalid_at = FindInvalidUtf8(*text);
  if (invalid_at != text->size()) {
    const size_t repaired = RepairUtf8(text);
    *warning = std::to_string(repaired) + " invalid UTF-8 sequence(s), the first at byte " +
               std::to_string(invalid_at) + "; replaced by U+FFFD";
  }
  return "";
}

// What one document becomes: its output lines, or the reason it has none.
struct Output {
  uint64_t line = 0;  // input line (JSON lines), 0 for plain text
  std::string text;
  std::string warning;
  std::string error;
};

void Extract(const extract::Extractor& extractor, stream::Format format,
             const stream::WriteOptions& write, stream::FactDocument* doc, Output* out) {
  out->error = CheckText(&doc->text, &out->warning);
  if (!out->error.empty()) return;
  doc->has_text = true;
  doc->content_hash = ContentHash(doc->text);
  doc->extractor_version = extract::kExtractorVersion;
  doc->extracted = extractor.Extract(doc->text);
  stream::AppendDocument(format, *doc, write, &out->text);
}

bool WriteOut(const std::string& text) {
  return std::fwrite(text.data(), 1, text.size(), stdout) == text.size();
}

// --format carb: one tokenised sentence a line in, its Open IE tuples out (the CaRB benchmark's
// input and output), in input order, on every core.
int RunOpenIe(const extract::Extractor& extractor, size_t threads) {
  struct Line {
    uint64_t number = 0;
    std::string text;
  };
  stream::LineReader reader(0, "stdin", nullptr, "");
  bool write_failed = false;
  stream::RunOrdered<Line, std::string>(
      threads, threads * 8,
      [&](Line* line) {
        std::string_view text;
        while (reader.Next(&text)) {
          if (text.find_first_not_of(" \t\r") == std::string_view::npos) continue;  // blank
          line->number = reader.line_number();
          line->text.assign(text);
          if (!line->text.empty() && line->text.back() == '\r') line->text.pop_back();
          return true;
        }
        return false;
      },
      [&](Line& line) {
        std::string out;
        if (FindInvalidUtf8(line.text) != line.text.size()) RepairUtf8(&line.text);
        stream::AppendCarb(line.text, extractor.OpenIe(line.text), &out);
        return out;
      },
      [&](std::string& out) {
        write_failed = !WriteOut(out);
        return !write_failed;
      });
  if (!reader.status().ok()) return Fail(reader.status());
  if (write_failed || std::fflush(stdout) != 0) {
    return Fail(Status::IOError("writing to stdout failed"));
  }
  return kExitOk;
}

int RunExtract(const ExtractOptions& o) {
  stream::Format format;
  if (!stream::ParseFormat(o.format, &format)) {
    return Fail(Status::InvalidArgument("unknown format '" + o.format + "' (" +
                                        std::string(stream::kFormatNames) + ")"));
  }
  if (o.input != "auto" && o.input != "text" && o.input != "jsonl") {
    return Fail(Status::InvalidArgument("--input must be auto, text or jsonl"));
  }
  std::unique_ptr<extract::Extractor> extractor;
  extract::ExtractorOptions extractor_options;
  extractor_options.models_dir = extract::DefaultModelsDir();
  if (Status s = extract::Extractor::Create(extractor_options, &extractor); !s.ok()) {
    return Fail(s);
  }
  stream::WriteOptions write;
  write.include_text = !o.no_text;
  static char out_buffer[1 << 20];
  std::setvbuf(stdout, out_buffer, _IOFBF, sizeof out_buffer);
  const size_t threads =
      o.threads == 0 ? std::max(1u, std::thread::hardware_concurrency()) : o.threads;
  if (format == stream::Format::kCarb) return RunOpenIe(*extractor, threads);

  std::string initial;
  bool jsonl = o.input == "jsonl";
  if (o.input == "auto") {
    char first = 0;
    if (Status s = stream::PeekFirstByte(0, "stdin", &initial, &first); !s.ok()) return Fail(s);
    if (first == 0) return kExitOk;  // no input, no documents
    jsonl = first == '{';
  }

  if (!jsonl) {  // the whole input is one document
    stream::FactDocument doc;
    doc.id = o.id;
    doc.text = std::move(initial);
    if (Status s = stream::ReadAll(0, "stdin", kMaxDocumentBytes, &doc.text); !s.ok()) {
      return Fail(s);
    }
    Output out;
    Extract(*extractor, format, write, &doc, &out);
    if (!out.warning.empty()) spdlog::warn("stdin: {}", out.warning);
    if (!out.error.empty()) return Fail(Status::InvalidArgument("stdin: " + out.error));
    if (!WriteOut(out.text) || std::fflush(stdout) != 0) {
      return Fail(Status::IOError("writing to stdout failed"));
    }
    return kExitOk;
  }

  struct Line {
    uint64_t number = 0;
    std::string text;
  };
  stream::LineReader reader(0, "stdin", nullptr, std::move(initial));
  size_t bad = 0;
  bool write_failed = false;
  stream::RunOrdered<Line, Output>(
      threads, threads * 8,
      [&](Line* line) {
        std::string_view text;
        while (reader.Next(&text)) {
          if (text.find_first_not_of(" \t\r") == std::string_view::npos) continue;  // blank
          line->number = reader.line_number();
          line->text.assign(text);
          return true;
        }
        return false;
      },
      [&](Line& line) {
        Output out;
        out.line = line.number;
        stream::FactDocument doc;
        if (Status s = stream::ParseJsonl(line.text, &doc); !s.ok()) {
          out.error = s.message();
        } else if (!doc.has_text) {
          out.error = "no \"text\"";
        } else {
          Extract(*extractor, format, write, &doc, &out);
        }
        return out;
      },
      [&](Output& out) {
        if (!out.warning.empty()) spdlog::warn("stdin:{}: {}", out.line, out.warning);
        if (!out.error.empty()) {
          spdlog::error("stdin:{}: {}; skipped", out.line, out.error);
          ++bad;
          return true;
        }
        write_failed = !WriteOut(out.text);
        return !write_failed;
      });
  if (!reader.status().ok()) {
    spdlog::error("{}", reader.status().message());
    ++bad;
  }
  if (write_failed || std::fflush(stdout) != 0) {
    return Fail(Status::IOError("writing to stdout failed"));
  }
  if (bad > 0) {
    spdlog::error("{} input line(s) skipped; see the messages above", bad);
    return kExitBadInput;
  }
  return kExitOk;
}

}  // namespace

void AddExtractCommand(CLI::App& app, int* exit_code) {
  auto o = std::make_shared<ExtractOptions>();
  CLI::App* cmd = app.add_subcommand(
      "extract", "Extract facts from documents on stdin to JSON lines on stdout, without a store");
  cmd->add_option("--format,-f", o->format,
                  "Output format: jsonl (facts per document) or carb (Open IE tuples of one "
                  "tokenised sentence a line, for the CaRB benchmark); default jsonl");
  cmd->add_option("--input", o->input,
                  "auto (JSON lines if the input starts with '{', else one plain-text "
                  "document), text or jsonl");
  cmd->add_option("--threads,-j", o->threads, "Extraction threads (default: one per core)");
  cmd->add_flag("--no-text", o->no_text,
                "Leave the document text out of the output (kg why then has no sentences)");
  cmd->add_option("--id", o->id, "The id of a plain-text document (default -)");
  cmd->callback([exit_code, o] { *exit_code = RunExtract(*o); });
}

}  // namespace kg::cli
