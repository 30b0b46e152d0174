#include "nlp/eval.h"

#include <chrono>
#include <ctime>
#include <set>
#include <string>
#include <utility>

#include "nlp/tokenizer.h"

namespace kg::nlp {
namespace {

std::string_view Universal(std::string_view deprel) {
  const size_t colon = deprel.find(':');
  return colon == std::string_view::npos ? deprel : deprel.substr(0, colon);
}

double Percent(size_t part, size_t whole) {
  return whole == 0 ? 0.0 : 100.0 * static_cast<double>(part) / static_cast<double>(whole);
}

double F1(size_t matched, size_t gold, size_t system) {
  if (matched == 0) return 0.0;
  const double p = static_cast<double>(matched) / static_cast<double>(system);
  const double r = static_cast<double>(matched) / static_cast<double>(gold);
  return 100.0 * 2 * p * r / (p + r);
}

double ThreadCpuSeconds() {
  timespec ts{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) + 1e-9 * static_cast<double>(ts.tv_nsec);
}

bool IsSpaceByte(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

}  // namespace

TagParseScores EvaluateTagParse(const Tagger& tagger, const Parser* parser,
                                const std::vector<ConlluSentence>& gold,
                                std::vector<Sentence>* predicted) {
  std::vector<Sentence> sentences;
  sentences.reserve(gold.size());
  for (const ConlluSentence& cs : gold) sentences.push_back(ToSentence(cs));
  const auto start = std::chrono::steady_clock::now();
  const double cpu_start = ThreadCpuSeconds();
  for (Sentence& s : sentences) {
    tagger.Tag(&s);
    if (parser != nullptr) parser->Parse(&s);
  }
  TagParseScores r;
  r.cpu_seconds = ThreadCpuSeconds() - cpu_start;
  r.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  size_t upos = 0, xpos = 0, lemma = 0, uas = 0, las = 0, las_full = 0;
  for (size_t k = 0; k < gold.size(); ++k) {
    for (size_t i = 0; i < gold[k].words.size(); ++i) {
      const ConlluWord& g = gold[k].words[i];
      const Token& t = sentences[k].tokens[i];
      ++r.words;
      upos += t.upos == g.upos;
      xpos += t.xpos == g.xpos;
      lemma += t.lemma == g.lemma;
      if (parser != nullptr && t.head == g.head) {
        ++uas;
        las += Universal(t.deprel) == Universal(g.deprel);
        las_full += t.deprel == g.deprel;
      }
    }
  }
  r.upos = Percent(upos, r.words);
  r.xpos = Percent(xpos, r.words);
  r.lemma = Percent(lemma, r.words);
  r.uas = Percent(uas, r.words);
  r.las = Percent(las, r.words);
  r.las_full = Percent(las_full, r.words);
  if (predicted != nullptr) *predicted = std::move(sentences);
  return r;
}

TokenizeScores EvaluateTokenizer(const std::vector<ConlluSentence>& gold) {
  TokenizeScores r;
  // Documents: runs of sentences from one "# newdoc" to the next (the whole file if none).
  size_t begin = 0;
  while (begin < gold.size()) {
    size_t end = begin + 1;
    while (end < gold.size() && !gold[end].new_document) ++end;
    std::string text;
    std::set<std::pair<uint32_t, uint32_t>> gold_words, gold_sentences;
    for (size_t k = begin; k < end; ++k) {
      const ConlluSentence& s = gold[k];
      if (k > begin) text += s.new_paragraph ? "\n\n" : " ";
      const size_t base = text.size();
      text += s.text;
      // Find each surface token in the sentence text, then its words inside the token.
      std::vector<std::pair<uint32_t, uint32_t>> spans;
      size_t pos = 0;
      bool ok = !s.text.empty();
      for (const ConlluToken& t : s.tokens) {
        if (!ok) break;
        while (pos < s.text.size() && IsSpaceByte(s.text[pos])) ++pos;
        if (s.text.compare(pos, t.form.size(), t.form) != 0) {
          ok = false;
          break;
        }
        const size_t token_begin = pos;
        pos += t.form.size();
        std::string joined;
        for (uint32_t w = t.first; w <= t.last; ++w) joined += s.words[w].form;
        if (t.first == t.last || joined != t.form) {
          // A word alone, or a multiword token whose words do not spell it: one unit.
          spans.emplace_back(base + token_begin, base + pos);
          continue;
        }
        size_t wpos = base + token_begin;
        for (uint32_t w = t.first; w <= t.last; ++w) {
          spans.emplace_back(wpos, wpos + s.words[w].form.size());
          wpos += s.words[w].form.size();
        }
      }
      if (!ok || spans.empty()) {
        ++r.skipped_sentences;
        continue;
      }
      gold_words.insert(spans.begin(), spans.end());
      gold_sentences.emplace(spans.front().first, spans.back().second);
    }
    const auto start = std::chrono::steady_clock::now();
    const double cpu_start = ThreadCpuSeconds();
    const std::vector<Sentence> system = Tokenize(text);
    r.cpu_seconds += ThreadCpuSeconds() - cpu_start;
    r.seconds += std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    r.gold_tokens += gold_words.size();
    r.gold_sentences += gold_sentences.size();
    for (const Sentence& s : system) {
      ++r.system_sentences;
      r.matched_sentences += gold_sentences.count({s.span.begin, s.span.end});
      for (const Token& t : s.tokens) {
        ++r.system_tokens;
        r.matched_tokens += gold_words.count({t.span.begin, t.span.end});
      }
    }
    begin = end;
  }
  r.tokens_f1 = F1(r.matched_tokens, r.gold_tokens, r.system_tokens);
  r.sentences_f1 = F1(r.matched_sentences, r.gold_sentences, r.system_sentences);
  return r;
}

}  // namespace kg::nlp
