// The subcommands of kg, one registration function per group. Each callback stores its exit code
// in *exit_code; main() returns it.
#pragma once

#include <CLI/CLI.hpp>

#include "cli/common.h"

namespace kg::cli {

// kg ingest
void AddIngestCommand(CLI::App& app, const Globals& globals, int* exit_code);
// kg entities, neighbours, triples, why, stats, rank, path
void AddQueryCommands(CLI::App& app, const Globals& globals, int* exit_code);
// kg export
void AddExportCommand(CLI::App& app, const Globals& globals, int* exit_code);
// kg extract (no store: no globals)
void AddExtractCommand(CLI::App& app, int* exit_code);
// kg load
void AddLoadCommand(CLI::App& app, const Globals& globals, int* exit_code);
// kg parse (no store)
void AddParseCommand(CLI::App& app, int* exit_code);

}  // namespace kg::cli
