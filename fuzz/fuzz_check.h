// What the fuzz targets share. Each target (NAME_fuzzer.cc) defines LLVMFuzzerTestOneInput for one
// entry point of kg and checks the contracts that entry point states, so a fuzzer finds wrong
// results as well as crashes. The same file builds two ways (fuzz/CMakeLists.txt): with clang and
// libFuzzer (fuzz_NAME, run by scripts/fuzz.sh), and with the normal compiler and replay_main.cc
// (fuzz_replay_NAME, a ctest that replays fuzz/seeds/NAME and fuzz/regressions/NAME).
#pragma once

#include <unistd.h>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <string_view>
#include <vector>

// Aborts with the failed condition when a contract does not hold: under libFuzzer that is a
// finding (the input is saved), under the replay test a failed test.
#define FUZZ_CHECK(cond)                                                                 \
  do {                                                                                   \
    if (!(cond)) {                                                                       \
      std::fprintf(stderr, "%s:%d: contract violated: %s\n", __FILE__, __LINE__, #cond); \
      std::abort();                                                                      \
    }                                                                                    \
  } while (0)

namespace kg::fuzz {

inline std::string_view AsText(const uint8_t* data, size_t size) {
  return {reinterpret_cast<const char*>(data), size};
}

// A scratch directory of this process, created on first use and removed at exit: model loaders
// read files, so their targets write the fuzzed bytes there first.
inline const std::filesystem::path& ScratchDir() {
  static const std::filesystem::path dir = [] {
    std::string pattern = (std::filesystem::temp_directory_path() / "kg-fuzz-XXXXXX").string();
    if (mkdtemp(pattern.data()) == nullptr) std::abort();
    std::atexit([] {
      std::error_code ec;
      std::filesystem::remove_all(ScratchDir(), ec);
    });
    return std::filesystem::path(pattern);
  }();
  return dir;
}

// Writes `bytes` to ScratchDir()/name (truncating) and returns its path.
inline std::filesystem::path WriteScratchFile(const std::string& name, std::string_view bytes) {
  const std::filesystem::path path = ScratchDir() / name;
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  out.close();
  FUZZ_CHECK(out.good());
  return path;
}

// Splits an input into `parts` pieces at the first parts - 1 occurrences of `separator` (missing
// pieces are empty): one fuzzed input can then feed several files.
inline std::vector<std::string_view> SplitInput(std::string_view input, std::string_view separator,
                                                size_t parts) {
  std::vector<std::string_view> out;
  while (out.size() + 1 < parts) {
    const size_t at = input.find(separator);
    if (at == std::string_view::npos) break;
    out.push_back(input.substr(0, at));
    input.remove_prefix(at + separator.size());
  }
  out.push_back(input);
  out.resize(parts);
  return out;
}

}  // namespace kg::fuzz
