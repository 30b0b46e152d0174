// Entry point of the kg command. (Minimal on the nlp branch: only the NLP commands.)
#include <CLI/CLI.hpp>

#include "cli/nlp_commands.h"

int main(int argc, char** argv) {
  CLI::App app{"kg: knowledge graphs from news articles"};
  app.require_subcommand(1);
  int exit_code = 0;
  kg::cli::AddNlpCommands(app, &exit_code);
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    const int code = app.exit(e);
    return code == 0 ? 0 : 2;
  }
  return exit_code;
}
