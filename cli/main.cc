// kg: knowledge graphs from news articles. This file parses the global options and hands over to
// the subcommands (cli/*_command*.cc); the work is done by the libraries they call.
#include <spdlog/sinks/stdout_color_sinks.h>
#include <spdlog/spdlog.h>

#include <CLI/CLI.hpp>
#include <algorithm>
#include <csignal>
#include <cstdlib>
#include <functional>
#include <iostream>
#include <string_view>
#include <vector>

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

// The subcommands one registration call adds (aliases included), and the call.
struct CommandGroup {
  std::vector<std::string_view> names;
  std::function<void()> add;
};

// The command word of `kg [global options] COMMAND ...`, or "" when something else comes first.
// Knows only the global options of main(): any other word before the command gives "".
std::string_view NamedCommand(int argc, char** argv) {
  for (int i = 1; i < argc; ++i) {
    const std::string_view arg = argv[i];
    if (arg == "--db") {
      ++i;  // its value
    } else if (arg.starts_with("--db=") || arg == "-v" || arg == "-vv" || arg == "--verbose" ||
               arg == "-q" || arg == "--quiet") {
      continue;
    } else {
      return arg.starts_with("-") ? std::string_view() : arg;
    }
  }
  return {};
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
  const CommandGroup groups[] = {
      {{"ingest"}, [&] { kg::cli::AddIngestCommand(app, globals, &exit_code); }},
      {{"entities", "neighbours", "neighbors", "triples", "why", "stats", "rank", "path"},
       [&] { kg::cli::AddQueryCommands(app, globals, &exit_code); }},
      {{"export"}, [&] { kg::cli::AddExportCommand(app, globals, &exit_code); }},
      {{"train", "eval"},
       [&] {
         kg::cli::AddNlpCommands(app, &exit_code);
         kg::cli::AddNerCommands(app, &exit_code);  // adds to `train` and `eval`
       }},
      {{"extract"}, [&] { kg::cli::AddExtractCommand(app, &exit_code); }},
      {{"load"}, [&] { kg::cli::AddLoadCommand(app, globals, &exit_code); }},
      {{"parse"}, [&] { kg::cli::AddParseCommand(app, &exit_code); }},
  };
  // Only the group of the command named, when it is plain which: building every subcommand's
  // options was a fifth of the instructions of a cold `kg neighbours`. Otherwise (help, a typo,
  // an option this scan does not know) all of them, for CLI11 to answer as it always does.
  const std::string_view command = NamedCommand(argc, argv);
  const auto defines_command = [&](const CommandGroup& g) {
    return std::find(g.names.begin(), g.names.end(), command) != g.names.end();
  };
  const bool known = std::any_of(std::begin(groups), std::end(groups), defines_command);
  for (const CommandGroup& group : groups) {
    if (!known || defines_command(group)) group.add();
  }
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
  // Out without running the destructors of static objects (RocksDB's option tables, CLI11's
  // parser): 4% of a cold query's instructions, and nothing is left to write. Sanitizer builds
  // exit normally, for LeakSanitizer to check at exit.
  std::cout.flush();
  std::fflush(nullptr);
#if !defined(__SANITIZE_ADDRESS__)
  std::_Exit(exit_code);
#endif
  return exit_code;
}
