// Parser model payload (inside the container of nlp/model_file.h, kind 2):
//
// payload := labels root_label(u32) weights clusters
// labels  := count(u32) label*count, label := length(u32) bytes (a UD relation, e.g. "nsubj:pass")
// weights := table (nlp/linear_model.h) over 1 + 2 * count transitions (see nlp/parser_model.h)
// clusters:= index (nlp/flat_index.h): HashNormalized(form) -> cluster path (nlp/clusters.h);
//            empty when the model was trained without clusters
// blocks  := optional u32, the optional feature blocks (kParserBlock* of nlp/parser_model.h) the
//            model was trained with; absent when none (never written as 0)
#include "nlp/parser.h"

#include <algorithm>

#include "nlp/model_file.h"

namespace kg::nlp {
namespace internal {

namespace {
constexpr uint64_t kNone = 0x6e6f6e65;      // an empty position or missing child
constexpr uint64_t kRootWord = 0x726f6f74;  // the artificial root
constexpr uint64_t kNoLabel = 0x2d2d;

void InsertLeft(int c, int* first, int* second) {
  if (*first < 0 || c < *first) {
    *second = *first;
    *first = c;
  } else if (*second < 0 || c < *second) {
    *second = c;
  }
}
void InsertRight(int c, int* first, int* second) {
  if (*first < 0 || c > *first) {
    *second = *first;
    *first = c;
  } else if (*second < 0 || c > *second) {
    *second = c;
  }
}
}  // namespace

void ParseState::Init(int words) {
  n = words;
  b = 0;
  stack.clear();
  const size_t size = static_cast<size_t>(words) + 1;
  head.assign(size, -1);
  label.assign(size, -1);
  lc1.assign(size, -1);
  lc2.assign(size, -1);
  rc1.assign(size, -1);
  rc2.assign(size, -1);
  nl.assign(size, 0);
  nr.assign(size, 0);
  lset.assign(size, 0);
  rset.assign(size, 0);
}

void ParseState::AddArc(int h, int d, int l) {
  head[d] = h;
  label[d] = l;
  if (d < h) {
    InsertLeft(d, &lc1[h], &lc2[h]);
    ++nl[h];
    lset[h] |= uint64_t{1} << (l & 63);
  } else {
    InsertRight(d, &rc1[h], &rc2[h]);
    ++nr[h];
    rset[h] |= uint64_t{1} << (l & 63);
  }
}

void ParseState::Apply(int cls, int num_labels) {
  if (cls == kShift) {
    stack.push_back(b++);
    return;
  }
  const int s0 = stack.back();
  stack.pop_back();
  if (cls <= num_labels) {
    AddArc(b, s0, cls - 1);
  } else {
    AddArc(stack.back(), s0, cls - 1 - num_labels);
  }
}

int ParserFeatures(const ParseState& s, const ParseInput* in, bool use_clusters, uint32_t blocks,
                   uint64_t* out) {
  const int depth = static_cast<int>(s.stack.size());
  const int s0 = depth > 0 ? s.stack[depth - 1] : -1;
  const int s1 = depth > 1 ? s.stack[depth - 2] : -1;
  const int s2 = depth > 2 ? s.stack[depth - 3] : -1;
  const int b0 = s.b;
  const int b1 = s.b + 1 <= s.n ? s.b + 1 : -1;
  const int b2 = s.b + 2 <= s.n ? s.b + 2 : -1;
  auto W = [&](int i) -> uint64_t { return i < 0 ? kNone : i == s.n ? kRootWord : in[i].word; };
  auto T = [&](int i) -> uint64_t { return i < 0 ? kNone : i == s.n ? kRootWord : in[i].tag; };
  auto U = [&](int i) -> uint64_t { return i < 0 ? kNone : i == s.n ? kRootWord : in[i].upos; };
  auto L = [&](int i) -> uint64_t {
    return i < 0 ? kNone : s.label[i] < 0 ? kNoLabel : static_cast<uint64_t>(s.label[i]);
  };
  auto child = [&](int i, const std::vector<int>& v) { return i < 0 ? -1 : v[i]; };
  const int s0l1 = child(s0, s.lc1), s0l2 = child(s0, s.lc2);
  const int s0r1 = child(s0, s.rc1), s0r2 = child(s0, s.rc2);
  const int s1l1 = child(s1, s.lc1);
  const int s1r1 = child(s1, s.rc1), s1r2 = child(s1, s.rc2);
  const int b0l1 = child(b0, s.lc1), b0l2 = child(b0, s.lc2);
  const uint64_t s0w = W(s0), s0t = T(s0), s1w = W(s1), s1t = T(s1), b0w = W(b0), b0t = T(b0);
  const uint64_t b1w = W(b1), b1t = T(b1), b2t = T(b2), s2t = T(s2);
  const uint64_t s0wt = Combine(s0w, s0t), s1wt = Combine(s1w, s1t), b0wt = Combine(b0w, b0t);
  auto bucket = [](int d) -> uint64_t { return d <= 5 ? d : d <= 7 ? 6 : d <= 10 ? 7 : 8; };
  const uint64_t d = (s0 >= 0) ? bucket(b0 - s0) : 0;
  const uint64_t d1 = (s1 >= 0) ? bucket(s0 - s1) : 0;
  auto V = [&](const std::vector<int>& v, int i) -> uint64_t {
    return i < 0 ? 99 : static_cast<uint64_t>(std::min(v[i], 6));
  };
  auto S = [&](const std::vector<uint64_t>& v, int i) -> uint64_t { return i < 0 ? kNone : v[i]; };

  int k = 0;
  out[k++] = Feature(1, s0w);
  out[k++] = Feature(2, s0t);
  out[k++] = Feature(3, s0wt);
  out[k++] = Feature(4, s1w);
  out[k++] = Feature(5, s1t);
  out[k++] = Feature(6, s1wt);
  out[k++] = Feature(7, s2t);
  out[k++] = Feature(8, W(s2), s2t);
  out[k++] = Feature(9, b0w);
  out[k++] = Feature(10, b0t);
  out[k++] = Feature(11, b0wt);
  out[k++] = Feature(12, b1w);
  out[k++] = Feature(13, b1t);
  out[k++] = Feature(14, b1w, b1t);
  out[k++] = Feature(15, b2t);
  out[k++] = Feature(16, W(b2), b2t);
  // Pairs.
  out[k++] = Feature(17, s0wt, b0wt);
  out[k++] = Feature(18, s0wt, b0w);
  out[k++] = Feature(19, s0w, b0wt);
  out[k++] = Feature(20, s0wt, b0t);
  out[k++] = Feature(21, s0t, b0wt);
  out[k++] = Feature(22, s0w, b0w);
  out[k++] = Feature(23, s0t, b0t);
  out[k++] = Feature(24, b0t, b1t);
  out[k++] = Feature(25, s1wt, s0wt);
  out[k++] = Feature(26, s1t, s0t);
  out[k++] = Feature(27, s1wt, s0t);
  out[k++] = Feature(28, s1t, s0wt);
  out[k++] = Feature(29, s1w, s0w);
  // Triples of tags.
  out[k++] = Feature(30, b0t, b1t, b2t);
  out[k++] = Feature(31, s0t, b0t, b1t);
  out[k++] = Feature(32, s1t, s0t, b0t);
  out[k++] = Feature(33, s2t, s1t, s0t);
  out[k++] = Feature(34, s1t, b0t, b1t);
  out[k++] = Feature(35, s0t, T(s0l1), b0t);
  out[k++] = Feature(36, s0t, T(s0r1), b0t);
  out[k++] = Feature(37, s0t, b0t, T(b0l1));
  out[k++] = Feature(38, s1t, T(s1r1), s0t);
  out[k++] = Feature(39, s1t, s0t, T(s0l1));
  out[k++] = Feature(40, s1t, s0t, T(s0r1));
  // Distance.
  out[k++] = Feature(41, s0w, d);
  out[k++] = Feature(42, s0t, d);
  out[k++] = Feature(43, b0w, d);
  out[k++] = Feature(44, b0t, d);
  out[k++] = Feature(45, s0w, b0w, d);
  out[k++] = Feature(46, s0t, b0t, d);
  out[k++] = Feature(47, s1t, s0t, d1);
  out[k++] = Feature(48, s1w, s0w, d1);
  // Valency.
  out[k++] = Feature(49, s0w, V(s.nr, s0));
  out[k++] = Feature(50, s0t, V(s.nr, s0));
  out[k++] = Feature(51, s0w, V(s.nl, s0));
  out[k++] = Feature(52, s0t, V(s.nl, s0));
  out[k++] = Feature(53, b0w, V(s.nl, b0));
  out[k++] = Feature(54, b0t, V(s.nl, b0));
  out[k++] = Feature(55, s1w, V(s.nr, s1));
  out[k++] = Feature(56, s1t, V(s.nr, s1));
  out[k++] = Feature(57, s1t, V(s.nl, s1));
  // Children: words, tags, labels.
  out[k++] = Feature(58, W(s0l1));
  out[k++] = Feature(59, T(s0l1));
  out[k++] = Feature(60, L(s0l1));
  out[k++] = Feature(61, W(s0r1));
  out[k++] = Feature(62, T(s0r1));
  out[k++] = Feature(63, L(s0r1));
  out[k++] = Feature(64, W(b0l1));
  out[k++] = Feature(65, T(b0l1));
  out[k++] = Feature(66, L(b0l1));
  out[k++] = Feature(67, W(s1r1));
  out[k++] = Feature(68, T(s1r1));
  out[k++] = Feature(69, L(s1r1));
  out[k++] = Feature(70, T(s1l1));
  out[k++] = Feature(71, L(s1l1));
  // Third order.
  out[k++] = Feature(72, W(s0l2));
  out[k++] = Feature(73, T(s0l2));
  out[k++] = Feature(74, L(s0l2));
  out[k++] = Feature(75, W(s0r2));
  out[k++] = Feature(76, T(s0r2));
  out[k++] = Feature(77, L(s0r2));
  out[k++] = Feature(78, W(b0l2));
  out[k++] = Feature(79, T(b0l2));
  out[k++] = Feature(80, L(b0l2));
  out[k++] = Feature(81, s0t, T(s0l1), T(s0l2));
  out[k++] = Feature(82, s0t, T(s0r1), T(s0r2));
  out[k++] = Feature(83, b0t, T(b0l1), T(b0l2));
  out[k++] = Feature(84, s1t, T(s1r1), T(s1r2));
  // Label sets.
  out[k++] = Feature(85, s0w, S(s.rset, s0));
  out[k++] = Feature(86, s0t, S(s.rset, s0));
  out[k++] = Feature(87, s0w, S(s.lset, s0));
  out[k++] = Feature(88, s0t, S(s.lset, s0));
  out[k++] = Feature(89, b0w, S(s.lset, b0));
  out[k++] = Feature(90, b0t, S(s.lset, b0));
  out[k++] = Feature(91, s1t, S(s.rset, s1));
  // Coarse tags and mixed pairs.
  out[k++] = Feature(92, U(s1), U(s0), U(b0));
  out[k++] = Feature(93, s0t, L(s0l1), L(s0r1));
  out[k++] = Feature(94, s0w, b0t, b1t);
  out[k++] = Feature(95, s1t, s0w, b0t);
  // s1 and b0 compete for s0 as its head (RIGHT against LEFT): compare them directly.
  const uint64_t d2 = (s1 >= 0) ? bucket(b0 - s1) : 0;
  out[k++] = Feature(96, s1t, b0t);
  out[k++] = Feature(97, s1wt, b0t);
  out[k++] = Feature(98, s1t, b0wt);
  out[k++] = Feature(99, s1w, b0w);
  out[k++] = Feature(100, s1t, b0t, d2);
  out[k++] = Feature(101, Combine(s1t, s0t), b0t, b1t);
  out[k++] = Feature(102, b1t, b2t, T(s.b + 3 <= s.n ? s.b + 3 : -1));
  out[k++] = Feature(103, s0t, b0t, L(b0l1));
  out[k++] = Feature(104, s0t, L(s0r1), b0t);
  out[k++] = Feature(105, s1t, L(s1r1), s0t);
  out[k++] = Feature(106, s1t, s0wt, b0t);
  {
    auto X = [&](int i) -> uint64_t { return i < 0 ? kNone : i == s.n ? kRootWord : in[i].suffix; };
    out[k++] = Feature(107, X(s0), s0t);
    out[k++] = Feature(108, X(b0), b0t);
    out[k++] = Feature(109, X(s0), X(b0));
    out[k++] = Feature(110, X(s1), s1t);
  }
  if (blocks & kParserBlockUpos) {
    const uint64_t s0u = U(s0), b0u = U(b0), s1u = U(s1), b1u = U(b1);
    out[k++] = Feature(130, s0u, b0u);
    out[k++] = Feature(131, s1u, s0u);
    out[k++] = Feature(132, s0u, b0u, b1u);
    out[k++] = Feature(133, s0w, b0u);
    out[k++] = Feature(134, s0u, b0w);
    out[k++] = Feature(135, s1u, b0u);
    out[k++] = Feature(136, s1u, s0u, d1);
  }
  if (blocks & kParserBlockChildren) {
    out[k++] = Feature(140, s0w, L(s0l1));
    out[k++] = Feature(141, s0w, L(s0r1));
    out[k++] = Feature(142, b0w, L(b0l1));
    out[k++] = Feature(143, s0t, W(s0r1));
    out[k++] = Feature(144, b0t, W(b0l1));
    out[k++] = Feature(145, s0t, W(s0l1));
    out[k++] = Feature(146, T(s.stack.size() > 3 ? s.stack[depth - 4] : -1), s2t, s1t);
  }
  if (blocks & kParserBlockTriples) {
    auto U3 = [&](int a, int b, int c) { return Combine(Combine(U(a), U(b)), U(c)); };
    out[k++] = Feature(150, U3(s0, s0l1, b0));
    out[k++] = Feature(151, U3(s0, s0r1, b0));
    out[k++] = Feature(152, U3(s0, b0, b0l1));
    out[k++] = Feature(153, U3(s1, s1r1, s0));
    out[k++] = Feature(154, U3(b0, b1, b2));
    out[k++] = Feature(155, U3(s2, s1, s0));
    if (use_clusters) {
      auto C6 = [&](int i) -> uint64_t {
        return i < 0 ? kNone : i == s.n ? kRootWord : ClusterPrefix(in[i].cluster, 6);
      };
      out[k++] = Feature(156, C6(s0), U(b0));
      out[k++] = Feature(157, U(s0), C6(b0));
    }
  }
  if (use_clusters) {
    // Word clusters (Koo et al. 2008): full paths alone and with tags, short prefixes in pairs.
    auto C = [&](int i, int bits) -> uint64_t {
      return i < 0 ? kNone : i == s.n ? kRootWord : ClusterPrefix(in[i].cluster, bits);
    };
    const uint64_t s0c = C(s0, 20), b0c = C(b0, 20), s1c = C(s1, 20);
    const uint64_t s0c6 = C(s0, 6), b0c6 = C(b0, 6), s1c6 = C(s1, 6), b1c6 = C(b1, 6);
    out[k++] = Feature(111, s0c);
    out[k++] = Feature(112, b0c);
    out[k++] = Feature(113, s1c);
    out[k++] = Feature(114, C(b1, 20));
    out[k++] = Feature(115, s0c, b0t);
    out[k++] = Feature(116, s0t, b0c);
    out[k++] = Feature(117, s0c6, b0c6);
    out[k++] = Feature(118, s0c6, b0c6, d);
    out[k++] = Feature(119, s1c6, s0c6);
    out[k++] = Feature(120, s1c6, b0c6);
    out[k++] = Feature(121, C(s0, 4), C(b0, 4), C(b1, 4));
    out[k++] = Feature(122, b0c6, b1c6);
    out[k++] = Feature(123, s1c, s0t);
  }
  return k;
}

}  // namespace internal

Parser::Parser(internal::ParserModel model) : model_(std::move(model)) {}

void Parser::Parse(Sentence* sentence) const {
  using internal::ParseInput;
  using internal::ParseState;
  thread_local ParseState state;
  thread_local std::vector<ParseInput> input;
  thread_local std::vector<int32_t> scores;
  const int n = static_cast<int>(sentence->tokens.size());
  input.resize(n + 1);
  for (int i = 0; i < n; ++i) {
    const Token& t = sentence->tokens[i];
    input[i] = internal::MakeParseInput(t.form, t.xpos, t.upos, model_.clusters);
  }
  const int num_labels = static_cast<int>(model_.labels.size());
  const int num_classes = 1 + 2 * num_labels;
  scores.resize(num_classes);
  state.Init(n);
  uint64_t feats[internal::kMaxParserFeatures];
  const bool use_clusters = model_.clusters.size() > 0;
  while (!state.Terminal()) {
    const int nf =
        internal::ParserFeatures(state, input.data(), use_clusters, model_.blocks, feats);
    std::fill(scores.begin(), scores.end(), 0);
    model_.weights.AddAll(feats, nf, scores.data());
    int best = -1;
    auto consider = [&](int cls) {
      if (best < 0 || scores[cls] > scores[best]) best = cls;
    };
    if (state.CanShift()) consider(internal::kShift);
    if (state.CanLeft()) {
      if (state.b == n) {
        consider(1 + model_.root_label);
      } else {
        for (int l = 0; l < num_labels; ++l) {
          if (l != model_.root_label) consider(1 + l);
        }
      }
    }
    if (state.CanRight()) {
      for (int l = 0; l < num_labels; ++l) {
        if (l != model_.root_label) consider(1 + num_labels + l);
      }
    }
    state.Apply(best, num_labels);
  }
  for (int i = 0; i < n; ++i) {
    Token& t = sentence->tokens[i];
    t.head = state.head[i] == n ? -1 : state.head[i];
    t.deprel = model_.labels[state.label[i]];
  }
}

Status Parser::Save(const std::filesystem::path& path) const {
  ByteWriter w;
  w.Put<uint32_t>(static_cast<uint32_t>(model_.labels.size()));
  for (const std::string& l : model_.labels) w.PutString(l);
  w.Put<uint32_t>(static_cast<uint32_t>(model_.root_label));
  model_.weights.Save(&w);
  model_.clusters.SaveIndex(&w);
  if (model_.blocks != 0) w.Put<uint32_t>(model_.blocks);
  return WriteModelFile(path, ModelKind::kParser, w.data());
}

Status Parser::Load(const std::filesystem::path& path, std::unique_ptr<Parser>* out) {
  std::string payload;
  KG_RETURN_IF_ERROR(ReadModelFile(path, ModelKind::kParser, &payload));
  ByteReader r(payload);
  internal::ParserModel m;
  auto bad = [&](const char* what) {
    return Status::Corruption(path.string() + ": malformed parser model (" + what + ")");
  };
  uint32_t n = 0;
  if (!r.Get(&n) || n == 0 || n > 1000) return bad("labels");
  m.labels.resize(n);
  for (std::string& l : m.labels) r.GetString(&l);
  uint32_t root = 0;
  if (!r.Get(&root) || root >= n) return bad("root label");
  m.root_label = static_cast<int>(root);
  if (!m.weights.Load(&r) || m.weights.num_classes() != static_cast<int>(1 + 2 * n)) {
    return bad("weights");
  }
  if (!m.clusters.LoadIndex(&r)) return bad("word clusters");
  if (!r.at_end()) {
    uint32_t blocks = 0;
    if (!r.Get(&blocks) || blocks == 0 || (blocks & ~internal::kParserBlocksAll) != 0) {
      return bad("feature blocks");
    }
    m.blocks = blocks;
  }
  if (!r.at_end()) return bad("trailing bytes");
  *out = std::make_unique<Parser>(std::move(m));
  return Status::Ok();
}

}  // namespace kg::nlp
