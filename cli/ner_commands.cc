#include "cli/ner_commands.h"

#include <fmt/core.h>
#include <spdlog/spdlog.h>

#include <chrono>
#include <cstdio>
#include <fstream>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include "cli/common.h"
#include "nlp/conllu.h"
#include "nlp/corefud.h"
#include "nlp/iob2.h"
#include "nlp/models_dir.h"
#include "nlp/ner.h"
#include "nlp/ner_eval.h"
#include "nlp/ner_train.h"
#include "nlp/pipeline.h"

namespace kg::cli {
namespace {

struct NerOptions {
  std::vector<std::string> train;       // IOB2
  std::vector<std::string> gum;         // CorefUD CoNLL-U
  std::string dev;                      // IOB2
  std::string treebank;                 // CoNLL-U with gold tags of the --train sentences
  std::string jackknife_cache;          // predicted tags of --train, reused when consistent
  std::string dictionary;               // spelling dictionary word list
  std::vector<std::string> name_lists;  // FILE=CATEGORY
  int jackknife = 5;
  int iterations = 0;       // 0: the trainer's default
  int min_count = 0;        // 0: the trainer's default
  float word_dropout = -1;  // < 0: the trainer's default
  std::string output;
  std::string models;
  // eval
  std::string iob2;
  std::string model;  // a model file instead of DIR/en-ner.kgm
  std::string genre;  // --gum: keep the documents of these genres ("news,interview")
  std::string predicted;
};

double Seconds(std::chrono::steady_clock::time_point since) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - since).count();
}

std::filesystem::path ModelsDir(const NerOptions& o) {
  return o.models.empty() ? nlp::DefaultModelsDir() : std::filesystem::path(o.models);
}

// `genres`: comma-separated GUM genres ("news,interview"), empty for all.
Status ReadGum(const std::vector<std::string>& files, const std::string& genres,
               std::vector<nlp::NerSentence>* out) {
  nlp::CorefUdOptions options;
  for (size_t pos = 0; pos < genres.size();) {
    size_t comma = genres.find(',', pos);
    if (comma == std::string::npos) comma = genres.size();
    if (comma > pos) options.doc_filter.push_back("_" + genres.substr(pos, comma - pos) + "_");
    pos = comma + 1;
  }
  for (const std::string& f : files) {
    KG_RETURN_IF_ERROR(nlp::ReadCorefUdEntities(f, options, out));
  }
  return Status::Ok();
}

// The jackknife cache: one line per sentence, "N<TAB>upos...<TAB>xpos..." (space-separated).
bool ReadCache(const std::string& path, const std::vector<nlp::NerSentence>& gold,
               std::vector<nlp::TaggedNerSentence>* out) {
  std::ifstream in(path);
  if (!in) return false;
  std::vector<nlp::TaggedNerSentence> tagged(gold.size());
  std::string line;
  for (size_t k = 0; k < gold.size(); ++k) {
    if (!std::getline(in, line)) return false;
    std::istringstream fields(line);
    size_t n = 0;
    fields >> n;
    if (n != gold[k].forms.size()) return false;
    tagged[k].gold = &gold[k];
    tagged[k].upos.resize(n);
    tagged[k].xpos.resize(n);
    for (std::string& u : tagged[k].upos) fields >> u;
    for (std::string& x : tagged[k].xpos) fields >> x;
    if (!fields) return false;
  }
  if (std::getline(in, line)) return false;
  *out = std::move(tagged);
  return true;
}

void WriteCache(const std::string& path, const std::vector<nlp::TaggedNerSentence>& tagged) {
  std::ofstream out(path, std::ios::trunc);
  for (const nlp::TaggedNerSentence& t : tagged) {
    out << t.upos.size();
    for (const std::string& u : t.upos) out << ' ' << u;
    for (const std::string& x : t.xpos) out << ' ' << x;
    out << '\n';
  }
}

int TrainNer(const NerOptions& o) {
  std::vector<nlp::NerSentence> train, gum, dev;
  for (const std::string& f : o.train) {
    if (Status s = nlp::ReadIob2(f, nlp::DefaultEntityTypes(), &train); !s.ok()) return Fail(s);
  }
  if (Status s = ReadGum(o.gum, o.genre, &gum); !s.ok()) return Fail(s);
  if (!o.dev.empty()) {
    if (Status s = nlp::ReadIob2(o.dev, nlp::DefaultEntityTypes(), &dev); !s.ok()) return Fail(s);
  }
  const std::filesystem::path dir = ModelsDir(o);
  std::unique_ptr<nlp::Tagger> tagger;
  if (Status s = nlp::Tagger::Load(dir / nlp::kTaggerModelFile, &tagger); !s.ok()) return Fail(s);
  nlp::NameLists names;
  if (Status s = nlp::ReadNameLists(dir, &names); !s.ok()) return Fail(s);
  for (const std::string& spec : o.name_lists) {
    const size_t eq = spec.rfind('=');
    if (eq == std::string::npos || eq == 0 || eq + 1 == spec.size()) {
      return Fail(Status::InvalidArgument("--name-list wants FILE=CATEGORY, not " + spec));
    }
    if (Status s = nlp::ReadNameList(spec.substr(0, eq), spec.substr(eq + 1), &names); !s.ok()) {
      return Fail(s);
    }
  }
  if (!o.dictionary.empty()) {
    if (Status s = nlp::ReadDictionary(o.dictionary, &names); !s.ok()) return Fail(s);
  }
  const auto start = std::chrono::steady_clock::now();

  std::vector<nlp::TaggedNerSentence> tagged_train;
  if (!o.treebank.empty()) {
    if (o.jackknife_cache.empty() || !ReadCache(o.jackknife_cache, train, &tagged_train)) {
      std::vector<nlp::ConlluSentence> treebank;
      if (Status s = nlp::ReadConllu(o.treebank, &treebank); !s.ok()) return Fail(s);
      spdlog::info("tagging the training sentences with {} jackknifed taggers", o.jackknife);
      if (Status s = nlp::JackknifeTagNerSentences(treebank, o.jackknife, {}, train, &tagged_train);
          !s.ok()) {
        return Fail(s);
      }
      if (!o.jackknife_cache.empty()) WriteCache(o.jackknife_cache, tagged_train);
    }
  } else {
    spdlog::warn(
        "no --treebank: the training sentences are tagged by {}, whose tags are too good if it "
        "was trained on them",
        (dir / nlp::kTaggerModelFile).string());
    tagged_train = nlp::TagNerSentences(*tagger, train);
  }
  // GUM is not in the tagger's training data: its tags are as good as on new text.
  for (nlp::TaggedNerSentence& t : nlp::TagNerSentences(*tagger, gum)) {
    tagged_train.push_back(std::move(t));
  }
  const std::vector<nlp::TaggedNerSentence> tagged_dev = nlp::TagNerSentences(*tagger, dev);

  nlp::NerTrainOptions options;
  if (o.iterations > 0) options.iterations = o.iterations;
  if (o.min_count > 0) options.min_feature_count = o.min_count;
  if (o.word_dropout >= 0) options.word_dropout = o.word_dropout;
  std::unique_ptr<nlp::EntityRecognizer> ner;
  if (Status s = nlp::TrainEntityRecognizer(options, names, tagged_train, tagged_dev, &ner);
      !s.ok()) {
    return Fail(s);
  }
  if (Status s = ner->Save(o.output); !s.ok()) return Fail(s);
  spdlog::info("wrote {} ({:.0f} s)", o.output, Seconds(start));
  return kExitOk;
}

Status WritePredictions(const std::string& path, const std::vector<nlp::NerSentence>& gold,
                        const std::vector<std::vector<std::string_view>>& predicted) {
  std::FILE* f = std::fopen(path.c_str(), "w");
  if (f == nullptr) return Status::InvalidArgument("cannot write " + path);
  for (size_t k = 0; k < gold.size(); ++k) {
    if (!gold[k].sent_id.empty()) fmt::print(f, "# sent_id = {}\n", gold[k].sent_id);
    for (size_t i = 0; i < gold[k].forms.size(); ++i) {
      fmt::print(f, "{}\t{}\t{}\t{}\n", i + 1, gold[k].forms[i], predicted[k][i], gold[k].tags[i]);
    }
    fmt::print(f, "\n");
  }
  return std::fclose(f) == 0 ? Status::Ok() : Status::InvalidArgument("cannot write " + path);
}

int EvalNer(const NerOptions& o) {
  std::vector<nlp::NerSentence> gold;
  if (!o.iob2.empty()) {
    if (Status s = nlp::ReadIob2(o.iob2, nlp::DefaultEntityTypes(), &gold); !s.ok()) {
      return Fail(s);
    }
  }
  if (Status s = ReadGum(o.gum, o.genre, &gold); !s.ok()) return Fail(s);
  if (gold.empty()) return Fail(Status::InvalidArgument("no sentences to score (--iob2, --gum)"));
  const std::filesystem::path dir = ModelsDir(o);
  const auto start = std::chrono::steady_clock::now();
  std::unique_ptr<nlp::Tagger> tagger;
  if (Status s = nlp::Tagger::Load(dir / nlp::kTaggerModelFile, &tagger); !s.ok()) return Fail(s);
  const auto ner_start = std::chrono::steady_clock::now();
  std::unique_ptr<nlp::EntityRecognizer> ner;
  const Status loaded = o.model.empty() ? nlp::EntityRecognizer::Load(dir, &ner)
                                        : nlp::EntityRecognizer::LoadFile(o.model, &ner);
  if (!loaded.ok()) return Fail(loaded);
  spdlog::info("loaded the tagger and the entity model in {:.3f} s (entity model {:.3f} s)",
               Seconds(start), Seconds(ner_start));
  const std::vector<nlp::TaggedNerSentence> tagged = nlp::TagNerSentences(*tagger, gold);
  std::vector<std::vector<std::string_view>> predicted;
  const nlp::EntityScores r = nlp::EvaluateEntities(*ner, tagged, &predicted);
  if (!o.predicted.empty()) {
    if (Status s = WritePredictions(o.predicted, gold, predicted); !s.ok()) return Fail(s);
  }
  for (const auto& [type, c] : r.by_type) {
    fmt::print("{} precision={:.2f} recall={:.2f} f1={:.2f} gold={} predicted={} correct={}\n",
               type, c.precision(), c.recall(), c.f1(), c.gold, c.predicted, c.correct);
  }
  const double speed = r.seconds > 0 ? static_cast<double>(r.tokens) / r.seconds : 0.0;
  fmt::print(
      "precision={:.2f} recall={:.2f} f1={:.2f} gold={} predicted={} correct={} tokens={} "
      "seconds={:.3f} tokens_per_s={:.0f}\n",
      r.all.precision(), r.all.recall(), r.all.f1(), r.all.gold, r.all.predicted, r.all.correct,
      r.tokens, r.seconds, speed);
  return kExitOk;
}

}  // namespace

void AddNerCommands(CLI::App& app, int* exit_code) {
  auto o = std::make_shared<NerOptions>();

  CLI::App* train = app.get_subcommand("train")->add_subcommand(
      "ner", "Train the entity recogniser on IOB2 files (and CorefUD CoNLL-U)");
  train->add_option("--train", o->train, "Training IOB2 files")->required()->expected(1, -1);
  train->add_option("--gum", o->gum, "More training data: CoNLL-U with Entity= annotations")
      ->expected(1, -1);
  train->add_option("--genre", o->genre, "With --gum: only these genres (news,interview,...)");
  train->add_option("--dev", o->dev, "Development IOB2 file (figures per iteration, best kept)");
  train->add_option("--treebank", o->treebank,
                    "CoNLL-U of the --train sentences with gold tags, for jackknifed tagging");
  train->add_option("--jackknife", o->jackknife, "Folds for jackknifed tagging (default 5)");
  train->add_option("--jackknife-cache", o->jackknife_cache,
                    "File keeping the jackknifed tags between runs");
  train->add_option("--dictionary", o->dictionary,
                    "Spelling word list, e.g. /usr/share/dict/american-english-huge");
  train->add_option("--name-list", o->name_lists,
                    "More names: FILE=CATEGORY, one name a line (e.g. given names)");
  train->add_option("--iterations", o->iterations, "Passes over the training data");
  train->add_option("--min-count", o->min_count, "Features seen fewer times are left out");
  train->add_option("--word-dropout", o->word_dropout,
                    "Probability of training on a token as if its word were unknown");
  train->add_option("--models", o->models,
                    "Models directory: tagger, gazetteer.tsv, demonyms.tsv (default: $KG_MODELS, "
                    "...)");
  train->add_option("-o,--output", o->output, "Model file to write")->required();
  train->callback([o, exit_code] { *exit_code = TrainNer(*o); });

  CLI::App* eval = app.get_subcommand("eval")->add_subcommand(
      "ner", "Entity spans and types against gold data (CoNLL exact match)");
  eval->add_option("--iob2", o->iob2, "Gold IOB2 file");
  eval->add_option("--gum", o->gum, "Gold CoNLL-U files with Entity= annotations")->expected(1, -1);
  eval->add_option("--genre", o->genre, "With --gum: only these genres (news,interview,...)");
  eval->add_option("--models", o->models, "Models directory (default: $KG_MODELS, ...)");
  eval->add_option("--model", o->model, "Entity model file (default: MODELS/en-ner.kgm)");
  eval->add_option("--output", o->predicted, "Write ID FORM PREDICTED GOLD lines here");
  eval->callback([o, exit_code] { *exit_code = EvalNer(*o); });
}

}  // namespace kg::cli
