#include "nlp/conllu.h"

#include <charconv>
#include <fstream>
#include <iterator>

#include "nlp/lines.h"

namespace kg::nlp {
namespace {

bool ParseInt(std::string_view s, int64_t* v) {
  if (s.empty()) return false;
  const auto r = std::from_chars(s.data(), s.data() + s.size(), *v);
  return r.ec == std::errc() && r.ptr == s.data() + s.size();
}

bool HasSpaceAfterNo(std::string_view misc) {
  size_t pos = 0;
  while (pos <= misc.size()) {
    size_t end = misc.find('|', pos);
    if (end == std::string_view::npos) end = misc.size();
    if (misc.substr(pos, end - pos) == "SpaceAfter=No") return true;
    pos = end + 1;
  }
  return false;
}

struct Parser final {
  std::string_view source;
  std::vector<ConlluSentence>* out;
  ConlluSentence current;
  bool pending_doc = false;
  bool pending_par = false;
  uint64_t line_no = 0;

  Status Error(const std::string& what) const {
    return Status::InvalidArgument(std::string(source) + ":" + std::to_string(line_no) +
                                   ": bad CoNLL-U: " + what);
  }

  Status Finish() {
    if (current.words.empty()) {
      if (!current.tokens.empty()) return Error("multiword token without words");
      current = ConlluSentence();
      return Status::Ok();
    }
    const int64_t n = static_cast<int64_t>(current.words.size());
    for (const ConlluWord& w : current.words) {
      if (w.head >= n) return Error("HEAD points past the end of the sentence");
    }
    for (const ConlluToken& t : current.tokens) {
      if (t.last >= current.words.size()) return Error("multiword token past the last word");
    }
    out->push_back(std::move(current));
    current = ConlluSentence();
    return Status::Ok();
  }

  Status Comment(std::string_view line) {
    if (!current.words.empty()) return Status::Ok();  // comments after words: ignore
    auto value = [&](std::string_view key) -> std::string_view {
      std::string_view rest = line.substr(key.size());
      while (!rest.empty() && rest.front() == ' ') rest.remove_prefix(1);
      if (!rest.empty() && rest.front() == '=') rest.remove_prefix(1);
      while (!rest.empty() && rest.front() == ' ') rest.remove_prefix(1);
      return rest;
    };
    if (line.starts_with("# text =") || line.starts_with("# text=")) {
      current.text = value("# text");
    } else if (line.starts_with("# sent_id")) {
      current.sent_id = value("# sent_id");
    } else if (line.starts_with("# newdoc")) {
      pending_doc = true;
      pending_par = true;
    } else if (line.starts_with("# newpar")) {
      pending_par = true;
    }
    return Status::Ok();
  }

  Status WordLine(std::string_view line) {
    std::string_view cols[10];
    size_t n = 0, pos = 0;
    while (n < 10) {
      const size_t tab = line.find('\t', pos);
      if (tab == std::string_view::npos) {
        cols[n++] = line.substr(pos);
        break;
      }
      cols[n++] = line.substr(pos, tab - pos);
      pos = tab + 1;
      if (n == 10) return Error("more than 10 columns");
    }
    if (n != 10) return Error("expected 10 tab-separated columns, found " + std::to_string(n));
    const std::string_view id = cols[0];
    if (id.find('.') != std::string_view::npos) return Status::Ok();  // empty node
    if (current.words.empty() && current.tokens.empty()) {
      current.line = line_no;
      current.new_document = pending_doc;
      current.new_paragraph = pending_par;
      pending_doc = pending_par = false;
    }
    const size_t dash = id.find('-');
    if (dash != std::string_view::npos) {
      int64_t first = 0, last = 0;
      if (!ParseInt(id.substr(0, dash), &first) || !ParseInt(id.substr(dash + 1), &last) ||
          first != static_cast<int64_t>(current.words.size()) + 1 || last < first) {
        return Error("bad multiword token ID '" + std::string(id) + "'");
      }
      ConlluToken t;
      t.first = static_cast<uint32_t>(first - 1);
      t.last = static_cast<uint32_t>(last - 1);
      t.form = cols[1];
      t.space_after = !HasSpaceAfterNo(cols[9]);
      current.tokens.push_back(std::move(t));
      return Status::Ok();
    }
    int64_t index = 0;
    if (!ParseInt(id, &index) || index != static_cast<int64_t>(current.words.size()) + 1) {
      return Error("bad word ID '" + std::string(id) + "' (expected " +
                   std::to_string(current.words.size() + 1) + ")");
    }
    ConlluWord w;
    w.form = cols[1];
    w.lemma = cols[2];
    w.upos = cols[3];
    w.xpos = cols[4];
    int64_t head = 0;
    if (cols[6] == "_") {
      head = 0;  // unannotated: treat as root
    } else if (!ParseInt(cols[6], &head) || head < 0) {
      return Error("bad HEAD '" + std::string(cols[6]) + "'");
    }
    w.head = static_cast<int32_t>(head) - 1;
    w.deprel = cols[7];
    w.space_after = !HasSpaceAfterNo(cols[9]);
    if (w.form.empty()) return Error("empty FORM");
    const uint32_t word_index = static_cast<uint32_t>(current.words.size());
    current.words.push_back(std::move(w));
    // A word inside a multiword token belongs to it; otherwise it is a token of its own.
    if (!current.tokens.empty() && current.tokens.back().last >= word_index &&
        current.tokens.back().first <= word_index) {
      if (word_index == current.tokens.back().last) {
        current.words.back().space_after = current.tokens.back().space_after;
      } else {
        current.words.back().space_after = false;
      }
      return Status::Ok();
    }
    current.tokens.push_back(ConlluToken{word_index, word_index, current.words.back().form,
                                         current.words.back().space_after});
    return Status::Ok();
  }
};

}  // namespace

Status ParseConllu(std::string_view data, std::string_view source,
                   std::vector<ConlluSentence>* out) {
  Parser p{source, out, {}, false, false, 0};
  KG_RETURN_IF_ERROR(ForEachLine(data, [&](std::string_view line) {
    ++p.line_no;
    if (line.empty()) return p.Finish();
    if (line.front() == '#') return p.Comment(line);
    return p.WordLine(line);
  }));
  return p.Finish();
}

Status ReadConllu(const std::filesystem::path& path, std::vector<ConlluSentence>* out) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::InvalidArgument("cannot open CoNLL-U file " + path.string());
  const std::string data((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  return ParseConllu(data, path.string(), out);
}

Sentence ToSentence(const ConlluSentence& s) {
  Sentence out;
  out.tokens.resize(s.words.size());
  uint32_t offset = 0;
  for (size_t i = 0; i < s.words.size(); ++i) {
    Token& t = out.tokens[i];
    t.form = s.words[i].form;
    t.span = Span{offset, offset + static_cast<uint32_t>(t.form.size())};
    t.space_after = s.words[i].space_after;
    offset = t.span.end + (t.space_after ? 1 : 0);
  }
  if (!out.tokens.empty()) out.span = Span{0, out.tokens.back().span.end};
  return out;
}

std::string FormatConllu(const std::vector<ConlluSentence>& sentences) {
  std::string out;
  for (const ConlluSentence& s : sentences) {
    if (!s.sent_id.empty()) out += "# sent_id = " + s.sent_id + "\n";
    if (!s.text.empty()) out += "# text = " + s.text + "\n";
    for (size_t i = 0; i < s.words.size(); ++i) {
      const ConlluWord& w = s.words[i];
      auto field = [](const std::string& v) { return v.empty() ? std::string("_") : v; };
      out += std::to_string(i + 1) + "\t" + w.form + "\t" + field(w.lemma) + "\t" + field(w.upos) +
             "\t" + field(w.xpos) + "\t_\t" + std::to_string(w.head + 1) + "\t" + field(w.deprel) +
             "\t_\t" + (w.space_after ? "_" : "SpaceAfter=No") + "\n";
    }
    out += "\n";
  }
  return out;
}

}  // namespace kg::nlp
