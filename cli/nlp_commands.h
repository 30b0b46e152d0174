// The `kg train` and `kg eval` commands: training and scoring the NLP models (nlp/train.h,
// nlp/eval.h) on CoNLL-U treebanks.
#pragma once

#include <CLI/CLI.hpp>

namespace kg::cli {

// Adds `train tagger|parser` and `eval tag|parse|tokenize` to `app`. A command that runs stores
// its exit code in `*exit_code`: 0 ok, 2 bad input or usage (missing or malformed CoNLL-U), 3 model
// file errors (missing, damaged, wrong version, cannot write). `exit_code` must outlive the app's
// parse call.
void AddNlpCommands(CLI::App& app, int* exit_code);

}  // namespace kg::cli
