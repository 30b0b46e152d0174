// Writes a synthetic news graph as TSV triples (subject, relation, object) on stdout: the data
// of the bulk-load, query and export benchmarks. Deterministic for a given size and seed.
//
//   kg_bench_gen_triples TRIPLES [ENTITIES] [SEED]
//
// ENTITIES defaults to TRIPLES / 10 (a mean degree of 20, in and out). Subjects and objects are
// uniform; names are pronounceable two-word names that encode the entity number, so distinct
// numbers give distinct names; relations follow a skewed distribution over 40 verbs.
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>

namespace {

uint64_t Next(uint64_t* state) {  // splitmix64
  uint64_t z = (*state += 0x9E3779B97F4A7C15ull);
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
  return z ^ (z >> 31);
}

constexpr const char* kSyllables[16] = {"ka", "lo", "mi", "ne", "ru", "sa", "ti", "vo",
                                        "ba", "de", "fi", "go", "ha", "ju", "ke", "li"};

constexpr const char* kRelations[40] = {
    "meet",         "meet_with",    "visit",          "criticize", "support", "call",
    "accuse",       "praise",       "sanction",       "sign",      "attack",  "warn",
    "invite",       "host",         "negotiate_with", "reject",    "demand",  "condemn",
    "fund",         "appoint",      "dismiss",        "sue",       "endorse", "congratulate",
    "threaten",     "advise",       "lead",           "join",      "leave",   "acquire",
    "partner_with", "compete_with", "investigate",    "arrest",    "release", "elect",
    "nominate",     "oppose",       "ally_with",      "talk_to"};

// A name that encodes n: its base-16 digits as syllables, in two capitalised words.
void AppendName(uint64_t n, std::string* out) {
  char digits[16];
  int count = 0;
  do {
    digits[count++] = static_cast<char>(n & 15);
    n >>= 4;
  } while (n != 0);
  while (count < 4) digits[count++] = 0;
  const int split = count / 2;
  for (int i = count - 1; i >= 0; --i) {
    const char* s = kSyllables[static_cast<int>(digits[i])];
    const bool first_of_word = i == count - 1 || i == split - 1;
    if (i == split - 1) out->push_back(' ');
    out->push_back(first_of_word ? static_cast<char>(s[0] - 'a' + 'A') : s[0]);
    out->push_back(s[1]);
  }
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: %s TRIPLES [ENTITIES] [SEED]\n", argv[0]);
    return 2;
  }
  const uint64_t triples = std::strtoull(argv[1], nullptr, 10);
  uint64_t entities = argc > 2 ? std::strtoull(argv[2], nullptr, 10) : triples / 10;
  if (entities < 2) entities = 2;
  uint64_t state = argc > 3 ? std::strtoull(argv[3], nullptr, 10) : 42;
  std::string buf;
  buf.reserve(1 << 20);
  for (uint64_t i = 0; i < triples; ++i) {
    const uint64_t s = Next(&state) % entities;
    uint64_t o = Next(&state) % (entities - 1);
    if (o >= s) ++o;
    // Relations: the first few are frequent (the square of a uniform number skews low).
    const uint64_t u = Next(&state) % 1000;
    const uint64_t r = u * u * 40 / 1000000;
    AppendName(s, &buf);
    buf.push_back('\t');
    buf.append(kRelations[r]);
    buf.push_back('\t');
    AppendName(o, &buf);
    buf.push_back('\n');
    if (buf.size() >= (1 << 20) - 256) {
      std::fwrite(buf.data(), 1, buf.size(), stdout);
      buf.clear();
    }
  }
  std::fwrite(buf.data(), 1, buf.size(), stdout);
  return std::fflush(stdout) == 0 ? 0 : 1;
}
