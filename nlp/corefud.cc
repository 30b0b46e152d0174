#include "nlp/corefud.h"

#include <algorithm>
#include <charconv>
#include <fstream>
#include <iterator>
#include <unordered_set>

#include "nlp/lines.h"

namespace kg::nlp {
namespace {

struct Word final {
  std::string form;
  std::string upos;
  std::string xpos;
  std::string deprel;
  int head = -1;       // index in the sentence, -1 for the root
  std::string entity;  // the value of Entity= in MISC, or empty
};

struct Mention final {
  int begin = 0;  // first and last word, inclusive
  int last = 0;
  std::string type;
};

// Lower-case words that stay inside a name between capitalised words.
bool Connector(std::string_view form) {
  for (std::string_view w : {"of", "for", "and", "&", "de", "du", "del", "la", "von", "van", "der",
                             "the", "-", "on", "upon"}) {
    if (form == w) return true;
  }
  return false;
}

std::string_view EntityValue(std::string_view misc) {
  size_t pos = 0;
  while (pos <= misc.size()) {
    size_t end = misc.find('|', pos);
    if (end == std::string_view::npos) end = misc.size();
    const std::string_view field = misc.substr(pos, end - pos);
    if (field.starts_with("Entity=")) return field.substr(7);
    pos = end + 1;
  }
  return {};
}

// Reads the brackets of word `w`: "(ID-type-...", "(ID-type-...)" (one word), "ID)".
void ReadBrackets(std::string_view v, int w, std::vector<std::pair<std::string, Mention>>* open,
                  std::vector<Mention>* done) {
  size_t i = 0;
  while (i < v.size()) {
    if (v[i] == '(') {
      size_t j = i + 1;
      while (j < v.size() && v[j] != '(' && v[j] != ')') ++j;
      const std::string_view desc = v.substr(i + 1, j - i - 1);
      const size_t dash = desc.find('-');
      const std::string id(desc.substr(0, dash));
      std::string type;
      if (dash != std::string_view::npos) {
        const size_t dash2 = desc.find('-', dash + 1);
        type = desc.substr(dash + 1, dash2 == std::string_view::npos ? dash2 : dash2 - dash - 1);
      }
      if (j < v.size() && v[j] == ')') {
        done->push_back(Mention{w, w, type});
        i = j + 1;
      } else {
        open->push_back({id, Mention{w, w, type}});
        i = j;
      }
    } else {
      size_t j = v.find(')', i);
      if (j == std::string_view::npos) j = v.size();
      const std::string_view id = v.substr(i, j - i);
      for (size_t k = open->size(); k-- > 0;) {
        if ((*open)[k].first == id) {
          Mention m = (*open)[k].second;
          m.last = w;
          done->push_back(m);
          open->erase(open->begin() + static_cast<std::ptrdiff_t>(k));
          break;
        }
      }
      i = j + 1;
    }
  }
}

// True when the path from word `j` up to `head` passes through a title or a clause.
bool OutsideName(const std::vector<Word>& words, int j, int head) {
  for (int k = j, steps = 0; k >= 0 && k != head && steps < 64; k = words[k].head, ++steps) {
    const std::string_view rel = words[k].deprel;
    if (rel == "nmod:desc" || rel == "appos" || rel.starts_with("acl") || rel == "conj" ||
        rel == "parataxis" || rel == "nmod:poss") {
      return true;
    }
  }
  return false;
}

// A word that can be part of a name: capitalised or a number ("Apollo 11"); beyond ASCII, where
// reading the case would need Unicode tables, a proper noun ("Évariste").
bool NameWord(const Word& w) {
  if (w.form.empty() || w.upos == "PUNCT" || w.upos == "DET" || w.upos == "PRON" ||
      w.upos == "PART") {
    return false;
  }
  const unsigned char c = static_cast<unsigned char>(w.form[0]);
  return (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || (c >= 0x80 && w.upos == "PROPN");
}

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

// `common`: lower-cased words the corpus also uses as common nouns ("emperor", "secretary"): a
// person "named" by one of them alone is a title ("the Secretary"), not a name.
void MentionsToTags(const std::vector<Word>& words, std::vector<Mention> mentions,
                    const CorefUdOptions& options, const std::unordered_set<std::string>& common,
                    std::vector<std::string>* tags) {
  const int n = static_cast<int>(words.size());
  tags->assign(words.size(), "O");
  std::vector<bool> used(words.size(), false);
  // Outer mentions first, so that "Durham University" wins over the "Durham" inside it.
  std::stable_sort(mentions.begin(), mentions.end(), [](const Mention& a, const Mention& b) {
    return a.last - a.begin > b.last - b.begin;
  });
  for (const Mention& m : mentions) {
    auto type = std::find_if(options.types.begin(), options.types.end(),
                             [&](const auto& t) { return t.first == m.type; });
    if (type == options.types.end()) continue;
    int head = -1;
    for (int i = m.begin; i <= m.last && i < n; ++i) {
      if (words[i].head < m.begin || words[i].head > m.last) {
        head = i;
        break;
      }
    }
    if (head < 0) continue;
    if (words[head].upos != "PROPN" && type->second == "PER") {
      // "interviewee David Titley", "the prosecutor, Mark Tedeschi": a name of two words or more
      // at the end of a mention headed by a common noun.
      int l = m.last;
      while (l >= m.begin && l != head && words[l].upos == "PROPN" && NameWord(words[l])) --l;
      if (m.last - l >= 2) {
        bool overlaps = false;
        for (int i = l + 1; i <= m.last; ++i) overlaps = overlaps || used[i];
        if (overlaps) continue;
        for (int i = l + 1; i <= m.last; ++i) {
          used[i] = true;
          (*tags)[i] = (i == l + 1 ? "B-" : "I-") + type->second;
        }
      }
      continue;
    }
    if (words[head].upos != "PROPN" || words[head].xpos == "NNPS") continue;
    if (!NameWord(words[head])) continue;
    int l = head, r = head;
    while (l - 1 >= m.begin && NameWord(words[l - 1]) && !OutsideName(words, l - 1, head)) --l;
    // People's names have no "of" inside: "Tanya Chan of the Civic Party" is Tanya Chan.
    const bool connectors = type->second != "PER";
    for (;;) {
      int k = r + 1;
      while (connectors && k <= m.last && k - r <= 2 && Connector(words[k].form)) ++k;
      if (k > m.last || !NameWord(words[k]) || OutsideName(words, k, head)) break;
      r = k;
    }
    if (l == r && type->second == "PER" && common.count(Lower(words[l].form)) > 0) continue;
    bool overlaps = false;
    for (int i = l; i <= r; ++i) overlaps = overlaps || used[i];
    if (overlaps) continue;
    for (int i = l; i <= r; ++i) {
      used[i] = true;
      (*tags)[i] = (i == l ? "B-" : "I-") + type->second;
    }
  }
}

struct CorefUdParser final {
  std::string_view source;
  const CorefUdOptions* options;
  std::vector<NerSentence>* out;
  std::vector<Word> words;
  std::string sent_id;
  std::string doc_id;
  bool pending_doc = false;
  uint64_t line_no = 0;

  Status Error(const std::string& what) const {
    return Status::InvalidArgument(std::string(source) + ":" + std::to_string(line_no) +
                                   ": bad CoNLL-U: " + what);
  }

  // Sentences kept, with their words: tags are assigned once every common noun is known.
  std::vector<std::pair<NerSentence, std::vector<Word>>> kept;
  std::unordered_set<std::string> common;

  void Finish() {
    if (words.empty()) return;
    for (const Word& w : words) {
      if (w.upos == "NOUN") common.insert(Lower(w.form));
    }
    const bool keep =
        options->doc_filter.empty() ||
        std::any_of(options->doc_filter.begin(), options->doc_filter.end(),
                    [&](const std::string& f) { return doc_id.find(f) != std::string::npos; });
    if (keep) {
      NerSentence s;
      s.sent_id = sent_id;
      s.doc_id = doc_id;
      s.new_document = pending_doc;
      for (const Word& w : words) s.forms.push_back(w.form);
      kept.emplace_back(std::move(s), std::move(words));
    }
    pending_doc = false;
    words.clear();
    sent_id.clear();
  }

  void Convert() {
    for (auto& [s, sentence_words] : kept) {
      std::vector<std::pair<std::string, Mention>> open;
      std::vector<Mention> mentions;
      for (size_t i = 0; i < sentence_words.size(); ++i) {
        ReadBrackets(sentence_words[i].entity, static_cast<int>(i), &open, &mentions);
      }
      MentionsToTags(sentence_words, std::move(mentions), *options, common, &s.tags);
      out->push_back(std::move(s));
    }
    kept.clear();
  }

  Status WordLine(std::string_view line) {
    std::string_view cols[10];
    size_t n = 0, pos = 0;
    while (n < 10) {
      const size_t tab = line.find('\t', pos);
      cols[n++] = line.substr(pos, tab == std::string_view::npos ? tab : tab - pos);
      if (tab == std::string_view::npos) break;
      pos = tab + 1;
    }
    if (n != 10) return Error("expected 10 tab-separated columns");
    if (cols[0].find_first_of("-.") != std::string_view::npos) return Status::Ok();
    int head = 0;
    if (cols[6] != "_") {
      const auto r = std::from_chars(cols[6].data(), cols[6].data() + cols[6].size(), head);
      if (r.ec != std::errc() || r.ptr != cols[6].data() + cols[6].size() || head < 0) {
        return Error("bad HEAD '" + std::string(cols[6]) + "'");
      }
    }
    if (cols[1].empty()) return Error("empty FORM");
    Word w;
    w.form = cols[1];
    w.upos = cols[3];
    w.xpos = cols[4];
    w.head = head - 1;
    w.deprel = cols[7];
    w.entity = EntityValue(cols[9]);
    words.push_back(std::move(w));
    return Status::Ok();
  }
};

}  // namespace

Status ParseCorefUdEntities(std::string_view data, std::string_view source,
                            const CorefUdOptions& options, std::vector<NerSentence>* out) {
  CorefUdParser p{source, &options, out, {}, {}, {}, false, 0, {}, {}};
  KG_RETURN_IF_ERROR(ForEachLine(data, [&](std::string_view line) {
    ++p.line_no;
    if (line.empty()) {
      p.Finish();
    } else if (line.front() == '#') {
      if (!p.words.empty()) return Status::Ok();
      if (line.starts_with("# sent_id")) {
        const size_t eq = line.find('=');
        p.sent_id = eq == std::string_view::npos ? "" : line.substr(eq + 1);
        while (!p.sent_id.empty() && p.sent_id.front() == ' ') p.sent_id.erase(0, 1);
      } else if (line.starts_with("# newdoc")) {
        const size_t eq = line.find('=');
        p.doc_id = eq == std::string_view::npos ? "" : line.substr(eq + 1);
        while (!p.doc_id.empty() && p.doc_id.front() == ' ') p.doc_id.erase(0, 1);
        p.pending_doc = true;
      }
    } else {
      return p.WordLine(line);
    }
    return Status::Ok();
  }));
  p.Finish();
  p.Convert();
  return Status::Ok();
}

Status ReadCorefUdEntities(const std::filesystem::path& path, const CorefUdOptions& options,
                           std::vector<NerSentence>* out) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::InvalidArgument("cannot open CoNLL-U file " + path.string());
  const std::string data((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  return ParseCorefUdEntities(data, path.string(), options, out);
}

}  // namespace kg::nlp
