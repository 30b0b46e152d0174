// kg export: the whole graph, or the neighbourhood of one entity, as GraphML, DOT, GEXF or JSON.
#include <spdlog/spdlog.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>

#include "cli/commands.h"
#include "export/exporter.h"
#include "graph/graph.h"
#include "graph/query.h"

namespace kg::cli {
namespace {

namespace fs = std::filesystem;

struct ExportOptions {
  std::string format;
  std::string output = "-";
  std::string around;
  int depth = 1;
};

int RunExport(const Globals& globals, const ExportOptions& o) {
  std::string format_name = o.format;
  if (format_name.empty()) {
    // No --format: the output file's extension says it.
    format_name = fs::path(o.output).extension().string();
    if (!format_name.empty()) format_name.erase(0, 1);
  }
  exporter::Format format;
  if (!exporter::ParseFormat(format_name, &format)) {
    return Fail(Status::InvalidArgument(
        format_name.empty() ? "--format is required (graphml, dot, gexf or json)"
                            : "unknown format '" + format_name + "' (graphml, dot, gexf, json)"));
  }
  if (o.depth < 1) return Fail(Status::InvalidArgument("--depth must be at least 1"));
  std::unique_ptr<graph::Store> store;
  if (Status s = OpenStore(globals, true, &store); !s.ok()) return Fail(s);
  std::vector<bool> include;
  graph::EntityInfo centre;
  if (!o.around.empty()) {
    if (Status s = graph::ResolveEntity(*store, o.around, &centre); !s.ok()) return Fail(s);
  }
  graph::KnowledgeGraph kg;
  if (Status s = graph::KnowledgeGraph::Load(*store, {}, &kg); !s.ok()) return Fail(s);
  if (!o.around.empty()) {
    const auto v = kg.FindVertex(centre.id);
    if (!v) return Fail(Status::Corruption("entity " + centre.name + " is not in the graph"));
    include = kg.Neighbourhood(*v, o.depth);
  }
  if (o.output == "-") {
    Status s = exporter::Write(kg, format, include, std::cout);
    return s.ok() ? kExitOk : Fail(s);
  }
  // Written beside the target and renamed into place: an interrupted export leaves no half file.
  const fs::path target(o.output);
  const fs::path tmp = target.string() + ".tmp";
  std::error_code ec;
  if (target.has_parent_path()) fs::create_directories(target.parent_path(), ec);
  {
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    if (!out) return Fail(Status::IOError("cannot write " + tmp.string()));
    if (Status s = exporter::Write(kg, format, include, out); !s.ok()) {
      fs::remove(tmp, ec);
      return Fail(s);
    }
  }
  fs::rename(tmp, target, ec);
  if (ec) {
    fs::remove(tmp, ec);
    return Fail(Status::IOError("cannot write " + target.string() + ": " + ec.message()));
  }
  size_t nodes = 0;
  for (graph::Vertex v = 0; v < kg.vertex_count(); ++v) nodes += include.empty() || include[v];
  spdlog::info("wrote {} ({} nodes)", target.string(), nodes);
  return kExitOk;
}

}  // namespace

void AddExportCommand(CLI::App& app, const Globals& globals, int* exit_code) {
  auto o = std::make_shared<ExportOptions>();
  CLI::App* cmd = app.add_subcommand("export", "Write the graph as GraphML, DOT, GEXF or JSON");
  cmd->add_option("--format,-f", o->format, "graphml, dot, gexf or json (default: from -o)");
  cmd->add_option("-o,--output", o->output, "Output file, - for stdout");
  cmd->add_option("--around", o->around, "Only the neighbourhood of this entity");
  cmd->add_option("--depth", o->depth, "Hops around --around (default 1)");
  cmd->callback([&globals, exit_code, o] { *exit_code = RunExport(globals, *o); });
}

}  // namespace kg::cli
