// Sentences written for the tests (not from any treebank), and where the shipped models are.
#pragma once

#include <filesystem>

namespace kg::testing {

// A tiny treebank: enough for a tagger and a parser to learn it by heart.
inline constexpr char kTinyTreebank[] =
    "# text = The envoy met the president.\n"
    "1\tThe\tthe\tDET\tDT\t_\t2\tdet\t_\t_\n"
    "2\tenvoy\tenvoy\tNOUN\tNN\t_\t3\tnsubj\t_\t_\n"
    "3\tmet\tmeet\tVERB\tVBD\t_\t0\troot\t_\t_\n"
    "4\tthe\tthe\tDET\tDT\t_\t5\tdet\t_\t_\n"
    "5\tpresident\tpresident\tNOUN\tNN\t_\t3\tobj\t_\tSpaceAfter=No\n"
    "6\t.\t.\tPUNCT\t.\t_\t3\tpunct\t_\t_\n"
    "\n"
    "# text = Ministers held talks in Kyiv.\n"
    "1\tMinisters\tminister\tNOUN\tNNS\t_\t2\tnsubj\t_\t_\n"
    "2\theld\thold\tVERB\tVBD\t_\t0\troot\t_\t_\n"
    "3\ttalks\ttalk\tNOUN\tNNS\t_\t2\tobj\t_\t_\n"
    "4\tin\tin\tADP\tIN\t_\t5\tcase\t_\t_\n"
    "5\tKyiv\tKyiv\tPROPN\tNNP\t_\t2\tobl\t_\tSpaceAfter=No\n"
    "6\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_\n"
    "\n"
    "# text = The talks were held on Monday.\n"
    "1\tThe\tthe\tDET\tDT\t_\t2\tdet\t_\t_\n"
    "2\ttalks\ttalk\tNOUN\tNNS\t_\t4\tnsubj:pass\t_\t_\n"
    "3\twere\tbe\tAUX\tVBD\t_\t4\taux:pass\t_\t_\n"
    "4\theld\thold\tVERB\tVBN\t_\t0\troot\t_\t_\n"
    "5\ton\ton\tADP\tIN\t_\t6\tcase\t_\t_\n"
    "6\tMonday\tMonday\tPROPN\tNNP\t_\t4\tobl\t_\tSpaceAfter=No\n"
    "7\t.\t.\tPUNCT\t.\t_\t4\tpunct\t_\t_\n"
    "\n";

// The models/ directory of the source tree (set by tests/CMakeLists.txt).
inline std::filesystem::path ShippedModelsDir() { return KG_TEST_MODELS_DIR; }

}  // namespace kg::testing
