// The `kg train ner` and `kg eval ner` commands: training and scoring the entity recogniser
// (nlp/ner_train.h, nlp/ner_eval.h) on IOB2 files and CorefUD-annotated CoNLL-U.
#pragma once

#include <CLI/CLI.hpp>

namespace kg::cli {

// Adds `ner` to the `train` and `eval` groups of `app`, which AddNlpCommands must have added
// already. A command that runs stores its exit code in `*exit_code`: 0 ok, 2 bad input or usage,
// 3 model file errors (missing, damaged, wrong version, cannot write). `exit_code` must outlive
// the app's parse call.
void AddNerCommands(CLI::App& app, int* exit_code);

}  // namespace kg::cli
