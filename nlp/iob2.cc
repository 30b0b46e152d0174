#include "nlp/iob2.h"

#include <algorithm>
#include <fstream>
#include <iterator>

#include "nlp/lines.h"

namespace kg::nlp {
namespace {

std::string_view CommentValue(std::string_view line, std::string_view key) {
  std::string_view rest = line.substr(key.size());
  while (!rest.empty() && rest.front() == ' ') rest.remove_prefix(1);
  if (!rest.empty() && rest.front() == '=') rest.remove_prefix(1);
  while (!rest.empty() && rest.front() == ' ') rest.remove_prefix(1);
  return rest;
}

struct Iob2Parser final {
  std::string_view source;
  const std::vector<std::string>* keep_types;
  std::vector<NerSentence>* out;
  NerSentence current;
  std::string doc_id;
  bool pending_doc = false;
  uint64_t line_no = 0;

  Status Error(const std::string& what) const {
    return Status::InvalidArgument(std::string(source) + ":" + std::to_string(line_no) +
                                   ": bad IOB2: " + what);
  }

  void Finish() {
    if (!current.forms.empty()) out->push_back(std::move(current));
    current = NerSentence();
  }

  void Comment(std::string_view line) {
    if (!current.forms.empty()) return;
    if (line.starts_with("# sent_id")) {
      current.sent_id = CommentValue(line, "# sent_id");
    } else if (line.starts_with("# newdoc")) {
      pending_doc = true;
      std::string_view v = CommentValue(line, "# newdoc");
      if (v.starts_with("id")) v = CommentValue(v, "id");
      doc_id = v;
    }
  }

  Status TokenLine(std::string_view line) {
    std::string_view cols[3];
    size_t n = 0, pos = 0;
    while (n < 3) {
      const size_t tab = line.find('\t', pos);
      cols[n++] = line.substr(pos, tab == std::string_view::npos ? tab : tab - pos);
      if (tab == std::string_view::npos) break;
      pos = tab + 1;
    }
    if (n < 3) return Error("expected ID, FORM and tag separated by tabs");
    if (cols[1].empty()) return Error("empty FORM");
    const std::string_view tag = cols[2];
    std::string_view prefix;  // "B-" or "I-" when the tag stays an entity tag
    std::string_view type;
    if (tag != "O") {
      if (tag.size() < 3 || tag[1] != '-' || (tag[0] != 'B' && tag[0] != 'I')) {
        return Error("tag '" + std::string(tag) + "' is not O, B-TYPE or I-TYPE");
      }
      type = tag.substr(2);
      if (std::find(keep_types->begin(), keep_types->end(), type) != keep_types->end()) {
        const bool continues = !current.tags.empty() && current.tags.back().size() > 2 &&
                               std::string_view(current.tags.back()).substr(2) == type;
        prefix = (tag[0] == 'I' && continues) ? "I-" : "B-";
      }
    }
    if (current.forms.empty()) {
      current.new_document = pending_doc;
      current.doc_id = doc_id;
      pending_doc = false;
    }
    current.forms.emplace_back(cols[1]);
    if (prefix.empty()) {
      current.tags.emplace_back("O");
    } else {
      current.tags.emplace_back(std::string(prefix) + std::string(type));
    }
    return Status::Ok();
  }
};

}  // namespace

Status ParseIob2(std::string_view data, std::string_view source,
                 const std::vector<std::string>& keep_types, std::vector<NerSentence>* out) {
  Iob2Parser p{source, &keep_types, out, {}, {}, false, 0};
  KG_RETURN_IF_ERROR(ForEachLine(data, [&](std::string_view line) {
    ++p.line_no;
    if (line.empty()) {
      p.Finish();
    } else if (line.front() == '#') {
      p.Comment(line);
    } else {
      return p.TokenLine(line);
    }
    return Status::Ok();
  }));
  p.Finish();
  return Status::Ok();
}

Status ReadIob2(const std::filesystem::path& path, const std::vector<std::string>& keep_types,
                std::vector<NerSentence>* out) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::InvalidArgument("cannot open IOB2 file " + path.string());
  const std::string data((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  return ParseIob2(data, path.string(), keep_types, out);
}

}  // namespace kg::nlp
