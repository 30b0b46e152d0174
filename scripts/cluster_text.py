#!/usr/bin/env python3
"""Extracts the raw English text that `kg train clusters` learns word clusters from.

Writes one paragraph per line to OUT_DIR/{wordnet,gcide,ud}.txt from:
  - WordNet 3.0 glosses and examples (Debian package wordnet-base: /usr/share/wordnet/data.*),
  - the GNU Collaborative International Dictionary of English (Debian package dict-gcide:
    /usr/share/dictd/gcide.dict.dz), definitions only (headwords, etymologies and citations out),
  - the `# text` lines of the given CoNLL-U training files (training data only: never dev or
    test).
The text is not kept in the repository; the clusters file models/en-clusters.kgm is.

usage: scripts/cluster_text.py OUT_DIR [TRAIN.conllu ...]
"""
import gzip
import os
import re
import sys


def wordnet(out):
    n = 0
    for pos in ("noun", "verb", "adj", "adv"):
        with open(f"/usr/share/wordnet/data.{pos}", encoding="latin-1") as f:
            for line in f:
                if line.startswith("  ") or "|" not in line:
                    continue  # the licence header
                gloss = line.split("|", 1)[1].strip()
                for part in gloss.split(";"):
                    part = part.strip().strip('"').strip()
                    if part:
                        out.write(part + "\n")
                        n += 1
    return n


HEADWORD = re.compile(r'^\S[^\\]*\\[^\\]*\\')  # Abjure \Ab*jure"\, v. i.
ETYM = re.compile(r"\[[^\]]*\]")  # [L. ablactatus ...], [1913 Webster], [Obs.]
CITE = re.compile(r"--\s*[A-Z][\w.\s&]*?(?=[.;]|$)")  # --Shak.
BRACES = re.compile(r"[{}]")


def dictd(path, out):
    n = 0
    with gzip.open(path, "rt", encoding="utf-8", errors="replace") as f:
        block = []
        for line in f:
            if line.strip():
                block.append(line.strip())
                continue
            n += emit_block(block, out)
            block = []
        n += emit_block(block, out)
    return n


def emit_block(block, out):
    lines = [l for l in block if not HEADWORD.match(l)]
    text = " ".join(lines)
    text = ETYM.sub(" ", text)
    text = CITE.sub(" ", text)
    text = BRACES.sub("", text)
    text = re.sub(r"\s+", " ", text).strip()
    if len(text.split()) < 3:
        return 0
    out.write(text + "\n")
    return 1


def conllu(paths, out):
    n = 0
    for p in paths:
        with open(p, encoding="utf-8") as f:
            for line in f:
                if line.startswith("# text = "):
                    out.write(line[len("# text = "):].strip() + "\n")
                    n += 1
    return n


def main():
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    out_dir = sys.argv[1]
    os.makedirs(out_dir, exist_ok=True)
    with open(os.path.join(out_dir, "wordnet.txt"), "w", encoding="utf-8") as out:
        print("wordnet", wordnet(out), "lines", file=sys.stderr)
    with open(os.path.join(out_dir, "gcide.txt"), "w", encoding="utf-8") as out:
        print("gcide", dictd("/usr/share/dictd/gcide.dict.dz", out), "lines", file=sys.stderr)
    with open(os.path.join(out_dir, "ud.txt"), "w", encoding="utf-8") as out:
        print("ud", conllu(sys.argv[2:], out), "lines", file=sys.stderr)


if __name__ == "__main__":
    main()
