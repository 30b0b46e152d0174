// Word clusters learnt from unlabelled English text: each word of a vocabulary gets a path in a
// binary tree of clusters (Brown et al. 1992 style bit strings), so that prefixes of the path name
// coarser or finer clusters. The tagger and the parser use them as features that generalise from
// the words seen in the treebanks to words seen only in raw text ("yummy" near "tasty").
//
// Clusters file payload (inside the container of nlp/model_file.h, kind 4):
//
// payload := count(u32) entry*count
// entry   := word(string) path(u32)
// word    := the normal form (ASCII lower case, every digit as '0'; see HashNormalized), distinct
// path    := the bits of the path from the root, first step highest, after a leading 1 bit
//            ("0110" is 0b10110); 1 to 24 bits
//
// Tagger and parser models embed the index (see SaveIndex) of the clusters they were trained
// with, so that each model file stands alone.
#pragma once

#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "core/status.h"
#include "nlp/flat_index.h"
#include "nlp/model_file.h"

namespace kg::nlp {

inline constexpr int kMaxClusterBits = 24;

// The first `bits` bits of a cluster path (the whole path when it is shorter), with its leading
// 1 bit: the name of the coarser cluster it falls in. 0 stays 0 (unknown word).
constexpr uint32_t ClusterPrefix(uint32_t path, int bits) {
  if (path == 0) return 0;
  const int length = 31 - __builtin_clz(path);
  return length <= bits ? path : path >> (length - bits);
}

class WordClusters final {
 public:
  // Clusters of the given (normal form, path) pairs; words must be distinct and paths valid
  // (a leading 1 bit, then 1 to kMaxClusterBits bits).
  static WordClusters Build(std::vector<std::pair<std::string, uint32_t>> words);

  // Loads a clusters file. Errors as ReadModelFile (nlp/model_file.h), and Corruption when the
  // payload is malformed (a bad path, a repeated word, trailing bytes).
  static Status Load(const std::filesystem::path& path, std::unique_ptr<WordClusters>* out);
  // Writes the clusters file; IOError when it cannot.
  Status Save(const std::filesystem::path& path) const;

  // The path of the word whose HashNormalized is `norm`; 0 when the word has no cluster.
  uint32_t Find(uint64_t norm) const {
    uint32_t v = 0;
    return index_.Find(norm, &v) ? v : 0;
  }
  size_t size() const { return index_.size(); }
  // (normal form, path) of every word, in the order given to Build; empty for clusters read
  // with LoadIndex.
  const std::vector<std::pair<std::string, uint32_t>>& words() const { return words_; }

  // The lookup index alone (hashes, not words): what a model embeds.
  void SaveIndex(ByteWriter* w) const { index_.Save(w); }
  // False when the bytes do not form a valid index (the reader is then failed too).
  bool LoadIndex(ByteReader* r);

 private:
  std::vector<std::pair<std::string, uint32_t>> words_;
  FlatIndex index_;
};

// True when `path` is a valid cluster path: a leading 1 bit and 1 to kMaxClusterBits bits after.
constexpr bool ValidClusterPath(uint32_t path) {
  return path >= 2 && path < (uint32_t{1} << (kMaxClusterBits + 1));
}

struct ClusterTrainOptions {
  int max_words = 100000;  // the most frequent words get clusters
  int min_count = 3;       // words seen fewer times get none
  int contexts = 1000;     // the most frequent words serve as left and right contexts
  int window = 1;          // neighbours up to this far on each side (1 or 2) are contexts
  int depth = 20;          // the tree is split this many times at most
  int iterations = 12;     // of 2-means at each split
  uint64_t seed = 1;
  bool log_progress = true;
};

// Learns clusters from raw text files (UTF-8, tokenised with nlp/tokenizer.h): each word of the
// vocabulary is described by the positive PMI of its left and right neighbours, and the words are
// split top-down by spherical 2-means into a binary tree whose paths name the clusters.
// Deterministic for given options and files. IOError when a file cannot be read;
// InvalidArgument when the text has no word seen min_count times.
Status TrainClusters(const ClusterTrainOptions& options,
                     const std::vector<std::filesystem::path>& text_files,
                     std::unique_ptr<WordClusters>* out);

}  // namespace kg::nlp
