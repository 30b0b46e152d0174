// Open information extraction: every clause of a sentence as (arg1, relation, arg2, more args)
// text spans, the way Open IE benchmarks such as CaRB score them. Built from the same clauses as
// the graph's facts (clauses.h), but with arguments as words of the sentence rather than entities,
// and in the sentence's own voice (a passive stays passive: "the talks | were attended by | X").
#pragma once

#include <string>
#include <vector>

#include "extract/clauses.h"

namespace kg::extract {

struct OpenIeTuple {
  std::string relation;                // "held talks with", "is", "was attended by"
  std::vector<std::string> arguments;  // arg1 (subject), arg2, then further arguments
  float confidence = 0.0f;             // graded: surer tuples score higher
};

// The tuples of one parsed sentence (tokens, tags and tree filled), in predicate order.
std::vector<OpenIeTuple> OpenIeTuples(const Tree& tree);

}  // namespace kg::extract
