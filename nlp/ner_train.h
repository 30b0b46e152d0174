// Training the entity recogniser (nlp/ner.h) from IOB2 sentences tagged by our own tagger. The
// `kg train ner` command is a thin layer over these functions.
#pragma once

#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "core/status.h"
#include "nlp/conllu.h"
#include "nlp/iob2.h"
#include "nlp/ner.h"
#include "nlp/tagger.h"
#include "nlp/train.h"

namespace kg::nlp {

// A named-entity sentence with the POS tags our tagger predicts for it: the recogniser learns
// from the tags it will see at run time, not from gold tags.
struct TaggedNerSentence {
  const NerSentence* gold = nullptr;  // must outlive this
  std::vector<std::string> upos;
  std::vector<std::string> xpos;
};

// The tokens of `t` as a Sentence to annotate: forms and tags are views of `t` (and of the
// NerSentence it points to), which must outlive the result; spans as if single spaces joined them.
Sentence ToSentence(const TaggedNerSentence& t);

// Tags the forms of each of `sentences` with `tagger`.
std::vector<TaggedNerSentence> TagNerSentences(const Tagger& tagger,
                                               const std::vector<NerSentence>& sentences);

// Tags `sentences` (the same sentences as `treebank`, matched by sent_id, else by their forms) by
// jackknifing: `folds` taggers, each trained on the other folds of `treebank`, tag the sentences
// of their own fold, so the tags are as good as on unseen text. Sentences not in the treebank
// are tagged by the tagger of the first fold. InvalidArgument when folds < 2 or the treebank is
// too small.
Status JackknifeTagNerSentences(const std::vector<ConlluSentence>& treebank, int folds,
                                const TaggerTrainOptions& tagger_options,
                                const std::vector<NerSentence>& sentences,
                                std::vector<TaggedNerSentence>* out);

// Names the recogniser looks up: (name, category) pairs, e.g. ("Abraham Lincoln", "person").
struct NameLists {
  std::vector<std::pair<std::string, std::string>> names;
  // Words of a spelling dictionary as it writes them ("brain", "Brian", "NASA"), e.g. Debian's
  // /usr/share/dict/american-english-huge (wamerican-huge, SCOWL).
  std::vector<std::string> dictionary;
};

// Reads gazetteer.tsv (name TAB category TAB source), demonyms.tsv (adjective TAB place; the
// adjectives become category "demonym") and, when it is there, person_names.tsv (name TAB
// given|surname TAB source) from `models_dir`; lines starting with '#' are comments. IOError when
// gazetteer.tsv or demonyms.tsv is missing.
Status ReadNameLists(const std::filesystem::path& models_dir, NameLists* out);

// Reads a list of names, one a line ('#' starts a comment line), as names of `category`. IOError
// when the file is missing.
Status ReadNameList(const std::filesystem::path& path, const std::string& category, NameLists* out);

// Reads a word list, one word a line, into out->dictionary; words with an apostrophe (possessives)
// are skipped. IOError when the file is missing.
Status ReadDictionary(const std::filesystem::path& path, NameLists* out);

struct NerTrainOptions {
  // Passes over the training data. With dev, each of the two passes keeps the iteration that
  // scores best on dev (smoothed over its neighbours), and the second pass is dropped (the first
  // pass's weights run twice) when it scores below the first; without dev, the last iteration.
  int iterations = 20;
  float min_weight = 0.02f;   // averaged weights smaller than this are pruned from the model
  int min_feature_count = 1;  // features seen fewer times in training are left out
  // Probability of training on a token without the features of its word's identity, as if the
  // word were new: names in new text mostly are.
  float word_dropout = 0.3f;
  // The second pass learns from first-pass labels of the training documents, each fold of
  // documents labelled by a first pass trained on the other folds.
  int folds = 5;
  uint64_t seed = 1;  // shuffling of the training sentences
  std::vector<std::string> types = DefaultEntityTypes();
  bool log_progress = true;  // per-iteration figures on stderr (spdlog)
};

// Trains an entity recogniser on `train` (structured averaged perceptron over BILOU labels, Viterbi
// decoding, two passes: see NerModel); reports span F1 on `dev` (may be empty) after each
// iteration. Sentences of a document must be consecutive; a document starts where `new_document`
// is set or `doc_id` changes. InvalidArgument when `train` has no tokens.
Status TrainEntityRecognizer(const NerTrainOptions& options, const NameLists& names,
                             const std::vector<TaggedNerSentence>& train,
                             const std::vector<TaggedNerSentence>& dev,
                             std::unique_ptr<EntityRecognizer>* out);

}  // namespace kg::nlp
