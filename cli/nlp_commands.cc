#include "cli/nlp_commands.h"

#include <fmt/core.h>
#include <spdlog/spdlog.h>

#include <chrono>
#include <cstdio>
#include <memory>
#include <string>
#include <vector>

#include "nlp/clusters.h"
#include "nlp/conllu.h"
#include "nlp/eval.h"
#include "nlp/models_dir.h"
#include "nlp/pipeline.h"
#include "nlp/train.h"

namespace kg::cli {
namespace {

// Options of every NLP command; the callbacks read them after parsing.
struct NlpOptions {
  std::vector<std::string> train;
  std::string dev;
  std::string output;
  int iterations = 0;             // 0: the trainer's default
  int jackknife = -1;             // -1: the trainer's default
  bool jackknife_plain = false;   // parser training: jackknife taggers without word clusters
  int ensemble = 0;               // 0: the trainer's default
  int feature_blocks = -1;        // -1: the trainer's default
  float min_weight = -1;          // -1: the trainer's default
  float explore = -1;             // -1: the trainer's default
  int threads = 0;                // 0: the trainer's default
  int window = 0;                 // clusters: 0: the trainer's default
  int contexts = 0;               // clusters: 0: the trainer's default
  std::string tagger;             // parser training: tags dev with this model
  std::string clusters;           // tagger and parser training: word clusters file
  std::string tagged_train;       // parser training: writes the jackknifed training data here
  std::vector<std::string> text;  // cluster training: raw text files
  std::string tsv;                // cluster training: also writes word, path, as text
  std::string conllu;
  std::string models;
  std::string predicted;  // eval: write the annotated sentences here as CoNLL-U
};

int Fail(const Status& s, int code) {
  fmt::print(stderr, "kg: {}\n", s.message());
  return code;
}

// Any failure to load or save a model file (missing, damaged, other version or kind) exits 3.
int ModelError(const Status& s) { return Fail(s, 3); }

Status ReadAll(const std::vector<std::string>& files, std::vector<nlp::ConlluSentence>* out) {
  for (const std::string& f : files) KG_RETURN_IF_ERROR(nlp::ReadConllu(f, out));
  return Status::Ok();
}

double Seconds(std::chrono::steady_clock::time_point since) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - since).count();
}

// Loads the clusters file named by --clusters into `*out` (left null when none is named).
Status LoadClusters(const NlpOptions& o, std::shared_ptr<const nlp::WordClusters>* out) {
  if (o.clusters.empty()) return Status::Ok();
  std::unique_ptr<nlp::WordClusters> c;
  KG_RETURN_IF_ERROR(nlp::WordClusters::Load(o.clusters, &c));
  *out = std::move(c);
  return Status::Ok();
}

int TrainTagger(const NlpOptions& o) {
  std::vector<nlp::ConlluSentence> train, dev;
  if (Status s = ReadAll(o.train, &train); !s.ok()) return Fail(s, 2);
  if (!o.dev.empty()) {
    if (Status s = nlp::ReadConllu(o.dev, &dev); !s.ok()) return Fail(s, 2);
  }
  nlp::TaggerTrainOptions options;
  if (o.iterations > 0) options.iterations = o.iterations;
  if (Status s = LoadClusters(o, &options.clusters); !s.ok()) return ModelError(s);
  const auto start = std::chrono::steady_clock::now();
  std::unique_ptr<nlp::Tagger> tagger;
  if (Status s = nlp::TrainTagger(options, train, dev, &tagger); !s.ok()) return Fail(s, 2);
  if (Status s = tagger->Save(o.output); !s.ok()) return ModelError(s);
  spdlog::info("wrote {} ({:.0f} s)", o.output, Seconds(start));
  return 0;
}

int TrainClusters(const NlpOptions& o) {
  std::vector<std::filesystem::path> files(o.text.begin(), o.text.end());
  const auto start = std::chrono::steady_clock::now();
  std::unique_ptr<nlp::WordClusters> clusters;
  nlp::ClusterTrainOptions options;
  if (o.window > 0) options.window = o.window;
  if (o.contexts > 0) options.contexts = o.contexts;
  if (Status s = nlp::TrainClusters(options, files, &clusters); !s.ok()) {
    return Fail(s, 2);
  }
  if (Status s = clusters->Save(o.output); !s.ok()) return ModelError(s);
  if (!o.tsv.empty()) {
    std::FILE* f = std::fopen(o.tsv.c_str(), "w");
    if (f == nullptr) return Fail(Status::IOError("cannot write " + o.tsv), 2);
    for (const auto& [word, path] : clusters->words()) {
      std::string bits;
      for (uint32_t p = path; p > 1; p >>= 1) bits.insert(bits.begin(), (p & 1) ? '1' : '0');
      fmt::print(f, "{}\t{}\n", bits, word);
    }
    std::fclose(f);
  }
  spdlog::info("wrote {}: {} words ({:.0f} s)", o.output, clusters->size(), Seconds(start));
  return 0;
}

int TrainParser(const NlpOptions& o) {
  std::vector<nlp::ConlluSentence> train, dev;
  if (Status s = ReadAll(o.train, &train); !s.ok()) return Fail(s, 2);
  if (!o.dev.empty()) {
    if (Status s = nlp::ReadConllu(o.dev, &dev); !s.ok()) return Fail(s, 2);
  }
  std::unique_ptr<nlp::Tagger> dev_tagger;
  if (!o.tagger.empty()) {
    if (Status s = nlp::Tagger::Load(o.tagger, &dev_tagger); !s.ok()) return ModelError(s);
  }
  nlp::ParserTrainOptions options;
  if (o.iterations > 0) options.iterations = o.iterations;
  if (o.jackknife >= 0) options.jackknife = o.jackknife;
  if (o.ensemble > 0) options.ensemble = o.ensemble;
  if (o.feature_blocks >= 0) options.feature_blocks = static_cast<uint32_t>(o.feature_blocks);
  if (o.min_weight >= 0) options.min_weight = o.min_weight;
  if (o.explore >= 0) options.explore = o.explore;
  if (o.threads > 0) options.threads = o.threads;
  if (Status s = LoadClusters(o, &options.clusters); !s.ok()) return ModelError(s);
  if (!o.jackknife_plain) options.tagger.clusters = options.clusters;
  std::vector<nlp::ConlluSentence> tagged;
  if (!o.tagged_train.empty()) options.tagged_train = &tagged;
  const auto start = std::chrono::steady_clock::now();
  std::unique_ptr<nlp::Parser> parser;
  if (Status s = nlp::TrainParser(options, train, dev, dev_tagger.get(), &parser); !s.ok()) {
    return Fail(s, 2);
  }
  if (!o.tagged_train.empty()) {
    std::FILE* f = std::fopen(o.tagged_train.c_str(), "w");
    const std::string text = nlp::FormatConllu(tagged);
    if (f == nullptr || std::fwrite(text.data(), 1, text.size(), f) != text.size() ||
        std::fclose(f) != 0) {
      return Fail(Status::IOError("cannot write " + o.tagged_train), 2);
    }
  }
  if (Status s = parser->Save(o.output); !s.ok()) return ModelError(s);
  spdlog::info("wrote {} ({:.0f} s)", o.output, Seconds(start));
  return 0;
}

// Writes annotated sentences as CoNLL-U (ID FORM LEMMA UPOS XPOS _ HEAD DEPREL _ _).
Status WriteConllu(const std::string& path, const std::vector<nlp::Sentence>& sentences) {
  std::FILE* f = std::fopen(path.c_str(), "w");
  if (f == nullptr) return Status::InvalidArgument("cannot write " + path);
  for (const nlp::Sentence& s : sentences) {
    for (size_t i = 0; i < s.tokens.size(); ++i) {
      const nlp::Token& t = s.tokens[i];
      fmt::print(f, "{}\t{}\t{}\t{}\t{}\t_\t{}\t{}\t_\t_\n", i + 1, t.form, t.lemma, t.upos, t.xpos,
                 t.head + 1, t.deprel.empty() ? "_" : t.deprel);
    }
    fmt::print(f, "\n");
  }
  return std::fclose(f) == 0 ? Status::Ok() : Status::InvalidArgument("cannot write " + path);
}

int EvalTagParse(const NlpOptions& o, bool parse) {
  std::vector<nlp::ConlluSentence> gold;
  if (Status s = nlp::ReadConllu(o.conllu, &gold); !s.ok()) return Fail(s, 2);
  const std::filesystem::path dir =
      o.models.empty() ? nlp::DefaultModelsDir() : std::filesystem::path(o.models);
  const auto start = std::chrono::steady_clock::now();
  // Tagging and parsing load both models as the pipeline does (side by side); tagging alone only
  // the tagger.
  std::unique_ptr<nlp::Pipeline> pipeline;
  std::unique_ptr<nlp::Tagger> tagger;
  const Status loaded = parse ? nlp::Pipeline::Load(dir, &pipeline)
                              : nlp::Tagger::Load(dir / nlp::kTaggerModelFile, &tagger);
  if (!loaded.ok()) return ModelError(loaded);
  spdlog::info("loaded models from {} in {:.3f} s", dir.string(), Seconds(start));
  std::vector<nlp::Sentence> predicted;
  const nlp::TagParseScores r =
      parse ? nlp::EvaluateTagParse(pipeline->tagger(), &pipeline->parser(), gold, &predicted)
            : nlp::EvaluateTagParse(*tagger, nullptr, gold, &predicted);
  if (!o.predicted.empty()) {
    if (Status s = WriteConllu(o.predicted, predicted); !s.ok()) return Fail(s, 2);
  }
  // Speed per CPU-second of the annotating thread: one core's throughput, which a machine
  // shared with other jobs distorts less than wall time (printed too, as wall_seconds).
  const double speed = r.cpu_seconds > 0 ? static_cast<double>(r.words) / r.cpu_seconds : 0.0;
  if (parse) {
    fmt::print(
        "upos={:.2f} xpos={:.2f} lemma={:.2f} uas={:.2f} las={:.2f} las_full={:.2f} "
        "tokens={} wall_seconds={:.3f} seconds={:.3f} tokens_per_s={:.0f}\n",
        r.upos, r.xpos, r.lemma, r.uas, r.las, r.las_full, r.words, r.seconds, r.cpu_seconds,
        speed);
  } else {
    fmt::print(
        "upos={:.2f} xpos={:.2f} lemma={:.2f} tokens={} wall_seconds={:.3f} seconds={:.3f} "
        "tokens_per_s={:.0f}\n",
        r.upos, r.xpos, r.lemma, r.words, r.seconds, r.cpu_seconds, speed);
  }
  return 0;
}

int EvalTokenize(const NlpOptions& o) {
  std::vector<nlp::ConlluSentence> gold;
  if (Status s = nlp::ReadConllu(o.conllu, &gold); !s.ok()) return Fail(s, 2);
  const nlp::TokenizeScores r = nlp::EvaluateTokenizer(gold);
  if (r.skipped_sentences > 0) {
    spdlog::warn("{} sentences skipped: their words do not match their # text",
                 r.skipped_sentences);
  }
  spdlog::info("tokens: {} gold, {} system, {} matched; sentences: {} gold, {} system, {} matched",
               r.gold_tokens, r.system_tokens, r.matched_tokens, r.gold_sentences,
               r.system_sentences, r.matched_sentences);
  const double speed =
      r.cpu_seconds > 0 ? static_cast<double>(r.system_tokens) / r.cpu_seconds : 0.0;
  fmt::print(
      "tokens_f1={:.2f} sentences_f1={:.2f} tokens={} wall_seconds={:.3f} seconds={:.3f} "
      "tokens_per_s={:.0f}\n",
      r.tokens_f1, r.sentences_f1, r.gold_tokens, r.seconds, r.cpu_seconds, speed);
  return 0;
}

}  // namespace

void AddNlpCommands(CLI::App& app, int* exit_code) {
  auto o = std::make_shared<NlpOptions>();

  CLI::App* train = app.add_subcommand("train", "Train an NLP model on CoNLL-U treebanks");
  train->require_subcommand(1);
  CLI::App* tagger = train->add_subcommand("tagger", "Train the POS tagger and lemmatiser");
  CLI::App* parser = train->add_subcommand("parser", "Train the dependency parser");
  for (CLI::App* cmd : {tagger, parser}) {
    cmd->add_option("--train", o->train, "Training CoNLL-U files")->required()->expected(1, -1);
    cmd->add_option("--dev", o->dev, "Development CoNLL-U file (figures per iteration)");
    cmd->add_option("-o,--output", o->output, "Model file to write")->required();
    cmd->add_option("--iterations", o->iterations, "Passes over the training data");
  }
  parser->add_option("--jackknife", o->jackknife,
                     "Folds for predicted training tags (0: gold tags; default 10)");
  parser->add_option("--ensemble", o->ensemble, "Perceptrons averaged into the model (default 1)");
  parser
      ->add_option("--feature-blocks", o->feature_blocks,
                   "Optional feature blocks, a sum of 1 (coarse pairs), 2 (child words), "
                   "4 (coarse triples) (default 0)")
      ->check(CLI::Range(0, 7));
  parser->add_option("--min-weight", o->min_weight,
                     "Averaged weights below this are pruned (default 1)");
  parser->add_option("--explore", o->explore,
                     "Probability of following a wrong transition in training (default 0.9)");
  parser->add_option("--threads", o->threads,
                     "Jackknife taggers trained at once (default 2; same result for any number)");
  parser->add_option("--tagger", o->tagger, "Tagger model that tags --dev (default: gold tags)");
  parser->add_flag("--jackknife-plain", o->jackknife_plain,
                   "Jackknife taggers without the word clusters (the parser still uses them)");
  parser->add_option("--tagged-train", o->tagged_train,
                     "Write the training data with the tags trained on (jackknifed) as CoNLL-U");
  for (CLI::App* cmd : {tagger, parser}) {
    cmd->add_option("--clusters", o->clusters,
                    "Word clusters file for features (kg train clusters)");
  }
  CLI::App* clusters =
      train->add_subcommand("clusters", "Learn word clusters from raw text (for --clusters)");
  clusters->add_option("--text", o->text, "Raw UTF-8 text files")->required()->expected(1, -1);
  clusters->add_option("-o,--output", o->output, "Clusters file to write")->required();
  clusters->add_option("--tsv", o->tsv, "Also write bit path, word lines here");
  clusters->add_option("--window", o->window, "Neighbours on each side used as contexts (1 or 2)");
  clusters->add_option("--contexts", o->contexts, "Most frequent words used as contexts");
  clusters->callback([o, exit_code] { *exit_code = TrainClusters(*o); });
  tagger->callback([o, exit_code] { *exit_code = TrainTagger(*o); });
  parser->callback([o, exit_code] { *exit_code = TrainParser(*o); });

  CLI::App* eval = app.add_subcommand("eval", "Score the NLP models on CoNLL-U gold data");
  eval->require_subcommand(1);
  CLI::App* tag = eval->add_subcommand("tag", "Tagging and lemmas, gold tokenisation");
  CLI::App* parse = eval->add_subcommand("parse", "Tagging and parsing, gold tokenisation");
  CLI::App* tokenize = eval->add_subcommand("tokenize", "Tokens and sentences from raw # text");
  for (CLI::App* cmd : {tag, parse, tokenize}) {
    cmd->add_option("--conllu", o->conllu, "Gold CoNLL-U file")->required();
  }
  for (CLI::App* cmd : {tag, parse}) {
    cmd->add_option("--models", o->models, "Models directory (default: $KG_MODELS, ...)");
    cmd->add_option("--output", o->predicted, "Write the predicted annotation as CoNLL-U");
  }
  tag->callback([o, exit_code] { *exit_code = EvalTagParse(*o, false); });
  parse->callback([o, exit_code] { *exit_code = EvalTagParse(*o, true); });
  tokenize->callback([o, exit_code] { *exit_code = EvalTokenize(*o); });
}

}  // namespace kg::cli
