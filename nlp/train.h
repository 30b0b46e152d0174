// Training the tagger (with its lemmatiser) and the parser from CoNLL-U treebanks. The `kg train`
// commands are a thin layer over these functions.
#pragma once

#include <cstdint>
#include <memory>
#include <vector>

#include "core/status.h"
#include "nlp/clusters.h"
#include "nlp/conllu.h"
#include "nlp/parser.h"
#include "nlp/tagger.h"

namespace kg::nlp {

struct TaggerTrainOptions {
  int iterations = 10;       // passes over the training data for the tagger
  int lemma_iterations = 6;  // passes for the lemma classifier
  float min_weight = 0.05f;  // averaged weights smaller than this are pruned from the model
  // Forms seen fewer times than this stay out of the tag dictionary, so that training sees
  // unknown words as the tagger will at run time.
  int dict_min_count = 5;
  int min_script_count = 3;  // lemma scripts seen fewer times are used by the lexicon only
  uint64_t seed = 1;         // shuffling of the training sentences
  bool log_progress = true;  // per-iteration figures on stderr (spdlog)
  // Word clusters for features (null: none); the model embeds them.
  std::shared_ptr<const WordClusters> clusters;
};

// Trains a tagger and lemmatiser on `train` (deterministic for given options); logs accuracy on
// `dev` (which may be empty) at the end. InvalidArgument when `train` has no words.
Status TrainTagger(const TaggerTrainOptions& options, const std::vector<ConlluSentence>& train,
                   const std::vector<ConlluSentence>& dev, std::unique_ptr<Tagger>* out);

struct ParserTrainOptions {
  int iterations = 12;
  // The parser trains on predicted tags: the training data is tagged by `jackknife` taggers, each
  // trained on the other parts (0 or 1: trained on gold tags).
  int jackknife = 10;
  int threads = 2;  // jackknife taggers trained at once (the result does not depend on it)
  TaggerTrainOptions tagger;  // for the jackknife taggers
  float explore = 0.9f;       // probability of following a wrong prediction (dynamic oracle)
  int explore_from = 1;       // first iteration (0-based) that explores
  // Perceptrons trained on different orders of the data whose weights are averaged.
  int ensemble = 1;
  // Averaged weights below this are pruned: in practice the features updated once, which only
  // add size (an averaged weight is below 1 when its only update came after the start).
  float min_weight = 1.0f;
  uint64_t seed = 1;
  bool log_progress = true;
  // Optional feature blocks (internal::kParserBlock* of nlp/parser_model.h: 1 coarse pairs,
  // 2 child words, 4 coarse triples); the model records them.
  uint32_t feature_blocks = 0;
  // Word clusters for features (null: none); the model embeds them. The jackknife taggers use
  // tagger.clusters.
  std::shared_ptr<const WordClusters> clusters;
  // When not null, receives the training sentences with the tags the parser trained on (the
  // jackknifed tags): train on them again with jackknife 0 to skip the jackknife.
  std::vector<ConlluSentence>* tagged_train = nullptr;
};

// Trains a parser on `train` (deterministic for given options). `dev_tagger` tags `dev` (may be
// empty) for the figures logged every third iteration; when null, dev keeps its gold tags.
// InvalidArgument when `train` has no words or no "root" relation.
Status TrainParser(const ParserTrainOptions& options, const std::vector<ConlluSentence>& train,
                   const std::vector<ConlluSentence>& dev, const Tagger* dev_tagger,
                   std::unique_ptr<Parser>* out);

}  // namespace kg::nlp
