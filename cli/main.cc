// kg: knowledge graphs from news articles. This file parses the global options and hands over to
// the subcommands (cli/*_command*.cc); the work is done by the libraries they call.
#include <spdlog/sinks/stdout_color_sinks.h>
#include <spdlog/spdlog.h>

#include <CLI/CLI.hpp>
#include <csignal>
#include <cstdlib>
#include <iostream>

#include "cli/commands.h"
#include "cli/common.h"
#include "cli/ner_commands.h"
#include "cli/nlp_commands.h"

namespace {

void SetUpLogging(const kg::cli::Globals& globals) {
  auto logger = spdlog::stderr_color_mt("kg");
  logger->set_pattern("kg: %^%l%$: %v");
  if (globals.quiet) {
    logger->set_level(spdlog::level::err);
  } else if (globals.verbose >= 2) {
    logger->set_level(spdlog::level::debug);
  } else if (globals.verbose == 1) {
    logger->set_level(spdlog::level::info);
  } else {
    logger->set_level(spdlog::level::warn);
  }
  spdlog::set_default_logger(logger);
}

}  // namespace

int main(int argc, char** argv) {
  // A file that reaches its size limit (`ulimit -f`) must fail the write with EFBIG, which is
  // reported like a full disk (exit 3, the store intact), rather than kill kg with SIGXFSZ.
  std::signal(SIGXFSZ, SIG_IGN);
  kg::cli::Globals globals;
  if (const char* env = std::getenv("KG_DB"); env != nullptr && *env != '\0') {
    globals.db = env;
  } else {
    globals.db = "kg.db";
  }
  CLI::App app("kg: build and query a knowledge graph of news articles", "kg");
  app.option_defaults()->always_capture_default();
  app.add_option("--db", globals.db, "Store directory (default ./kg.db, or $KG_DB)");
  app.add_flag("-v,--verbose", globals.verbose, "More log messages (-vv for debug)");
  app.add_flag("-q,--quiet", globals.quiet, "Only errors on stderr");
  app.require_subcommand(1);

  int exit_code = kg::cli::kExitOk;
  kg::cli::AddIngestCommand(app, globals, &exit_code);
  kg::cli::AddQueryCommands(app, globals, &exit_code);
  kg::cli::AddExportCommand(app, globals, &exit_code);
  kg::cli::AddNlpCommands(app, &exit_code);
  kg::cli::AddNerCommands(app, &exit_code);
  kg::cli::AddExtractCommand(app, &exit_code);
  kg::cli::AddLoadCommand(app, globals, &exit_code);
  kg::cli::AddParseCommand(app, &exit_code);
  for (CLI::App* sub : app.get_subcommands({})) sub->fallthrough();
  app.parse_complete_callback([&] { SetUpLogging(globals); });

  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp&) {
    std::cout << app.help();
    return kg::cli::kExitOk;
  } catch (const CLI::CallForAllHelp&) {
    std::cout << app.help("", CLI::AppFormatMode::All);
    return kg::cli::kExitOk;
  } catch (const CLI::ParseError& e) {
    // One line, then where to look; CLI11's own messages name the option or argument, except
    // before a command ("kg stast", "kg --frob stats"), where it only says that one is required.
    std::string message = e.what();
    const std::vector<std::string> rest = app.remaining();
    if (app.get_subcommands().empty() && !rest.empty()) {
      message = (rest.front().starts_with("-") ? "unknown option '" : "unknown command '") +
                rest.front() + "'";
    }
    std::cerr << "kg: error: " << message << " (see kg --help)\n";
    return kg::cli::kExitBadInput;
  }
  return exit_code;
}
