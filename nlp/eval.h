// Scoring the tagger, lemmatiser, parser and tokenizer against CoNLL-U gold data. The `kg eval`
// commands print these figures.
#pragma once

#include <cstddef>
#include <vector>

#include "nlp/conllu.h"
#include "nlp/parser.h"
#include "nlp/tagger.h"

namespace kg::nlp {

struct TagParseScores {
  size_t words = 0;  // syntactic words scored (punctuation included)
  double upos = 0;   // accuracies in percent
  double xpos = 0;
  double lemma = 0;
  double uas = 0;       // 0 when no parser was given
  double las = 0;       // label = universal part of the relation ("nsubj" for "nsubj:pass"), as
                        // the CoNLL 2018 shared task scored it
  double las_full = 0;  // label = the whole relation, subtype included
  double seconds = 0;   // wall time of tagging (and parsing) alone, one thread
  // CPU time of the thread that tagged (and parsed): the cost on one core even when other
  // processes share the machine.
  double cpu_seconds = 0;
};

// Tags, lemmatises and (when `parser` is not null) parses the words of `gold` (gold
// tokenisation, predicted tags) and scores the result. When `predicted` is not null it receives
// the annotated sentences (their forms are views of `gold`).
TagParseScores EvaluateTagParse(const Tagger& tagger, const Parser* parser,
                                const std::vector<ConlluSentence>& gold,
                                std::vector<Sentence>* predicted = nullptr);

struct TokenizeScores {
  size_t gold_tokens = 0;  // syntactic words of the gold data
  size_t system_tokens = 0;
  size_t matched_tokens = 0;  // system tokens with exactly the byte span of a gold word
  size_t gold_sentences = 0;
  size_t system_sentences = 0;
  size_t matched_sentences = 0;
  size_t skipped_sentences = 0;  // gold sentences whose words could not be found in their text
  double tokens_f1 = 0;          // percent
  double sentences_f1 = 0;
  double seconds = 0;      // wall time of tokenisation alone
  double cpu_seconds = 0;  // CPU time of the tokenising thread
};

// Rebuilds each document's raw text from the "# text" comments (sentences joined by a space, a
// blank line between paragraphs), tokenizes it with nlp/tokenizer.h and scores words and
// sentence boundaries by exact byte spans. Words of a multiword token ("don't" = "do" "n't")
// are located by their forms inside the token.
TokenizeScores EvaluateTokenizer(const std::vector<ConlluSentence>& gold);

}  // namespace kg::nlp
