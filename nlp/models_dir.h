// Where the NLP models are found at run time.
#pragma once

#include <filesystem>

namespace kg::nlp {

// The models directory to use when the user names none: $KG_MODELS when set and not empty; else
// <directory of the running kg executable>/../share/kg/models when that directory exists (an
// installed kg); else the source tree's models/ directory this binary was built from. The result
// may not exist: loading from it then reports which file is missing.
std::filesystem::path DefaultModelsDir();

}  // namespace kg::nlp
