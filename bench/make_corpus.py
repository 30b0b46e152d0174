#!/usr/bin/python3
"""Builds the text corpus of the extraction and ingest benchmarks.

    make_corpus.py SAMPLES_DIR OUT_DIR [UD_DIR] [--copies N]

Writes OUT_DIR/docs/*.txt (one article per file, for `kg ingest`) and OUT_DIR/docs.jsonl (the
same articles as {"id", "text"} lines, for `kg extract`). The articles are the samples, each
repeated N times (default 400) under a distinct first line so that every copy is a document of
its own, and, when UD_DIR holds Universal Dependencies treebanks (*.conllu), their documents
rebuilt from the "# text =" lines. Prints "documents bytes".
"""
import glob
import json
import os
import sys


def ud_documents(ud_dir):
    for path in sorted(glob.glob(os.path.join(ud_dir, "**", "*.conllu"), recursive=True)):
        name = os.path.splitext(os.path.basename(path))[0]
        doc, paragraphs, count = [], [], 0
        with open(path, encoding="utf-8") as f:
            for line in f:
                if line.startswith("# newdoc"):
                    if doc or paragraphs:
                        yield "%s-%04d" % (name, count), "\n\n".join(paragraphs + [" ".join(doc)])
                        count += 1
                    doc, paragraphs = [], []
                elif line.startswith("# newpar") and doc:
                    paragraphs.append(" ".join(doc))
                    doc = []
                elif line.startswith("# text = "):
                    doc.append(line[len("# text = "):].strip())
        if doc or paragraphs:
            yield "%s-%04d" % (name, count), "\n\n".join(paragraphs + [" ".join(doc)])


def main():
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    copies = 400
    if "--copies" in sys.argv:
        copies = int(sys.argv[sys.argv.index("--copies") + 1])
        args.remove(str(copies))
    samples, out = args[0], args[1]
    ud = args[2] if len(args) > 2 else None
    docs_dir = os.path.join(out, "docs")
    os.makedirs(docs_dir, exist_ok=True)
    articles = []
    for path in sorted(glob.glob(os.path.join(samples, "*.txt"))):
        text = open(path, encoding="utf-8").read()
        base = os.path.splitext(os.path.basename(path))[0]
        for i in range(copies):
            articles.append(("%s-copy%04d" % (base, i), "Report %d.\n%s" % (i + 1, text)))
    if ud and os.path.isdir(ud):
        articles.extend(doc for doc in ud_documents(ud) if doc[1].strip())
    size = 0
    with open(os.path.join(out, "docs.jsonl"), "w", encoding="utf-8") as jsonl:
        for name, text in articles:
            path = os.path.join(docs_dir, name + ".txt")
            with open(path, "w", encoding="utf-8") as f:
                f.write(text)
            jsonl.write(json.dumps({"id": path, "text": text}, ensure_ascii=False) + "\n")
            size += len(text.encode("utf-8"))
    print(len(articles), size)


if __name__ == "__main__":
    main()
