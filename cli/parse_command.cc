// kg parse: text on stdin, its sentences as CoNLL-U on stdout: tokens, tags, lemmas, the
// dependency tree and entity tags, exactly what the extractor reads. This is how a user sees why
// a sentence gave the facts it gave (or none), and how the NLP output feeds other UD tools.
#include <cstdio>
#include <iostream>
#include <iterator>
#include <memory>
#include <string>

#include "cli/commands.h"
#include "core/text.h"
#include "nlp/ner.h"
#include "nlp/pipeline.h"
#include "nlp/tokenizer.h"

namespace kg::cli {
namespace {

// A CoNLL-U field: never empty ("_"), never holding a tab or line break.
std::string Field(std::string_view value) {
  if (value.empty()) return "_";
  std::string out;
  out.reserve(value.size());
  for (char c : value) out.push_back(c == '\t' || c == '\n' || c == '\r' ? ' ' : c);
  return out;
}

int RunParse() {
  std::string text(std::istreambuf_iterator<char>(std::cin), {});
  if (std::cin.bad()) return Fail(Status::IOError("reading stdin failed"));
  if (LooksBinary(text)) return Fail(Status::InvalidArgument("stdin: binary data, not text"));
  if (FindInvalidUtf8(text) != text.size()) RepairUtf8(&text);

  const auto models_dir = nlp::DefaultModelsDir();
  std::unique_ptr<nlp::Pipeline> pipeline;
  if (Status s = nlp::Pipeline::Load(models_dir, &pipeline); !s.ok()) return Fail(s);
  std::unique_ptr<nlp::EntityRecognizer> ner;
  if (Status s = nlp::EntityRecognizer::Load(models_dir, &ner); !s.ok()) return Fail(s);

  std::vector<nlp::Sentence> sentences = nlp::Tokenize(text);
  for (nlp::Sentence& s : sentences) pipeline->Annotate(&s);
  ner->AnnotateDocument(sentences);

  std::string out;
  for (size_t i = 0; i < sentences.size(); ++i) {
    const nlp::Sentence& s = sentences[i];
    out += "# sent_id = " + std::to_string(i + 1) + "\n";
    out += "# text = " + Field(text.substr(s.span.begin, s.span.end - s.span.begin)) + "\n";
    for (size_t t = 0; t < s.tokens.size(); ++t) {
      const nlp::Token& tok = s.tokens[t];
      // MISC: the entity tag, the token's bytes in the input, and SpaceAfter=No as UD writes it.
      std::string misc = "Entity=" + Field(tok.entity) + "|TokenRange=" +
                         std::to_string(tok.span.begin) + ":" + std::to_string(tok.span.end);
      if (!tok.space_after) misc += "|SpaceAfter=No";
      out += std::to_string(t + 1) + '\t' + Field(tok.form) + '\t' + Field(tok.lemma) + '\t' +
             Field(tok.upos) + '\t' + Field(tok.xpos) + "\t_\t" + std::to_string(tok.head + 1) +
             '\t' + Field(tok.deprel) + "\t_\t" + misc + '\n';
    }
    out += '\n';
  }
  if (std::fwrite(out.data(), 1, out.size(), stdout) != out.size() || std::fflush(stdout) != 0) {
    return Fail(Status::IOError("writing to stdout failed"));
  }
  return kExitOk;
}

}  // namespace

void AddParseCommand(CLI::App& app, int* exit_code) {
  CLI::App* cmd = app.add_subcommand(
      "parse", "Tag and parse text from stdin; CoNLL-U on stdout (with entity tags in MISC)");
  cmd->callback([exit_code] { *exit_code = RunParse(); });
}

}  // namespace kg::cli
