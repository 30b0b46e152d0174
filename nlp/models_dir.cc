#include "nlp/models_dir.h"

#include <cstdlib>
#include <system_error>

#ifndef KG_SOURCE_MODELS_DIR
#define KG_SOURCE_MODELS_DIR "models"
#endif

namespace kg::nlp {

std::filesystem::path DefaultModelsDir() {
  if (const char* env = std::getenv("KG_MODELS"); env != nullptr && env[0] != '\0') return env;
  std::error_code ec;
  const std::filesystem::path exe = std::filesystem::read_symlink("/proc/self/exe", ec);
  if (!ec) {
    const std::filesystem::path installed = exe.parent_path() / ".." / "share" / "kg" / "models";
    if (std::filesystem::is_directory(installed, ec)) return installed.lexically_normal();
  }
  return KG_SOURCE_MODELS_DIR;
}

}  // namespace kg::nlp
