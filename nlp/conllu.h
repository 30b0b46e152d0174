// Reading CoNLL-U (Universal Dependencies) files: the training and evaluation data of the tagger,
// the lemmatiser, the parser and the tokenizer.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"
#include "nlp/sentence.h"

namespace kg::nlp {

// A syntactic word: one line with an integer ID. Tagging and parsing work on these.
struct ConlluWord {
  std::string form;
  std::string lemma;
  std::string upos;
  std::string xpos;
  std::string deprel;
  int32_t head = -1;        // index of the head word in the sentence, -1 for the root
  bool space_after = true;  // false when MISC says SpaceAfter=No (on the word or its token)
};

// A surface token: a word, or a multiword token ("don't" over the words "do" "n't").
struct ConlluToken {
  uint32_t first = 0;  // first and last word index, inclusive
  uint32_t last = 0;
  std::string form;
  bool space_after = true;
};

struct ConlluSentence {
  std::string sent_id;
  std::string text;            // the "# text =" comment, or empty
  bool new_document = false;   // a "# newdoc" comment precedes the sentence
  bool new_paragraph = false;  // a "# newpar" (or "# newdoc") comment precedes the sentence
  uint64_t line = 0;           // line number of its first word line
  std::vector<ConlluWord> words;
  std::vector<ConlluToken> tokens;
};

// Parses CoNLL-U text and appends its sentences to `*out`. Multiword token lines ("1-2") become
// ConlluTokens, empty nodes ("1.1") are skipped. Returns InvalidArgument naming `source` and the
// line number when a line is malformed (wrong column count, bad ID or HEAD, HEAD out of range).
Status ParseConllu(std::string_view data, std::string_view source,
                   std::vector<ConlluSentence>* out);

// Reads the CoNLL-U file at `path` and appends its sentences. InvalidArgument when it is missing
// or malformed.
Status ReadConllu(const std::filesystem::path& path, std::vector<ConlluSentence>* out);

// `sentences` as CoNLL-U text: comments sent_id and text, then one line per word (ID FORM LEMMA
// UPOS XPOS _ HEAD DEPREL _ MISC, MISC holding SpaceAfter=No when it applies). Multiword token
// lines are not written. ParseConllu reads it back with the same words.
std::string FormatConllu(const std::vector<ConlluSentence>& sentences);

// The words of `s` as a Sentence to annotate (gold tokenisation): forms are views of `s`, which
// must outlive the result; spans are byte offsets into the words joined as the text would join
// them. Tags, lemmas and heads are left empty.
Sentence ToSentence(const ConlluSentence& s);

}  // namespace kg::nlp
