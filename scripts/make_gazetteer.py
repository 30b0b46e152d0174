#!/usr/bin/python3
"""Generate models/gazetteer.tsv and models/demonyms.tsv from Debian data packages.

usage: scripts/make_gazetteer.py [OUT_DIR]      (default: models/)

Sources (install with: apt-get install wordnet-base iso-codes):
  * WordNet 3.0 (/usr/share/wordnet, Princeton WordNet licence): capitalised nouns in the
    lexicographer files noun.person (person), noun.location (place), noun.group when the synset is
    an organization (organization), noun.artifact when it is a structure (place: "Kremlin").
  * ISO 3166-1 and 3166-2 (/usr/share/iso-codes/json, LGPL-2.1+ data): country names and
    subdivision names (place).
  * WordNet adjective pertainyms: "Russian" -> Russia, written to demonyms.tsv when the noun is a
    place.

gazetteer.tsv lines: name<TAB>type<TAB>source, sorted, one name once (the first source wins in
the order iso-3166-1, wordnet, iso-3166-2). demonyms.tsv lines: adjective<TAB>place name.
Nothing in these files is typed by hand.
"""
import json
import os
import sys

WORDNET = "/usr/share/wordnet"
ISO = "/usr/share/iso-codes/json"

PERSON_FILE, LOCATION_FILE, GROUP_FILE, ARTIFACT_FILE, OBJECT_FILE = 18, 15, 14, 6, 17
ORGANIZATION = "08008335"  # organization, organisation
STRUCTURE = "04341686"  # structure, construction


def read_synsets(path, pos):
    synsets = {}
    with open(path, encoding="latin-1") as f:
        for line in f:
            if line.startswith("  "):
                continue
            fields = line.split(" | ")[0].split()
            offset, lex_file = fields[0], int(fields[1])
            n_words = int(fields[3], 16)
            words = [fields[4 + 2 * i] for i in range(n_words)]
            rest = fields[4 + 2 * n_words:]
            n_ptrs = int(rest[0])
            ptrs = []
            for i in range(n_ptrs):
                sym, target, tpos, words_ref = rest[1 + 4 * i:5 + 4 * i]
                ptrs.append((sym, target, tpos, words_ref))
            synsets[offset] = (lex_file, words, ptrs)
    return synsets


def ancestors(synsets, offset):
    seen, todo = set(), [offset]
    while todo:
        cur = todo.pop()
        if cur in seen or cur not in synsets:
            continue
        seen.add(cur)
        for sym, target, tpos, _ in synsets[cur][2]:
            if sym in ("@", "@i") and tpos == "n":
                todo.append(target)
    return seen


def clean(word):
    # WordNet marks adjective syntax as "word(a)"; names use underscores for spaces.
    word = word.split("(")[0]
    return word.replace("_", " ").strip()


def is_proper(name):
    return name[:1].isupper() and any(c.islower() for c in name) or name.isupper() and len(name) > 1


def main():
    out_dir = sys.argv[1] if len(sys.argv) > 1 else "models"
    names = {}  # name -> (type, source)

    def add(name, typ, source):
        name = " ".join(name.split())
        if name and name not in names:
            names[name] = (typ, source)

    with open(os.path.join(ISO, "iso_3166-1.json"), encoding="utf-8") as f:
        for c in json.load(f)["3166-1"]:
            for key in ("common_name", "name", "official_name"):
                if key in c and "," not in c[key]:
                    add(c[key], "place", "iso-3166-1")

    nouns = read_synsets(os.path.join(WORDNET, "data.noun"), "n")
    def wordnet_type(offset):
        lex_file = nouns[offset][0]
        if lex_file == PERSON_FILE:
            return "person"
        if lex_file in (LOCATION_FILE, OBJECT_FILE):
            return "place"
        if lex_file == GROUP_FILE and ORGANIZATION in ancestors(nouns, offset):
            return "organization"
        if lex_file == ARTIFACT_FILE and STRUCTURE in ancestors(nouns, offset):
            return "place"
        return None

    # A name takes the type of its most frequent typed sense (index.noun lists a lemma's senses
    # most frequent first): "Europe" is the continent before the union, "Washington" the city.
    with open(os.path.join(WORDNET, "index.noun"), encoding="latin-1") as f:
        for line in f:
            if line.startswith("  "):
                continue
            fields = line.split()
            lemma, n_senses = fields[0], int(fields[2])
            for offset in fields[-n_senses:]:
                typ = wordnet_type(offset)
                if typ is None:
                    continue
                lex_file, words, ptrs = nouns[offset]
                is_instance = any(p[0] == "@i" for p in ptrs)
                if lex_file == OBJECT_FILE and not is_instance:
                    continue  # "planet", "river": common nouns of noun.object
                for w in words:
                    name = clean(w)
                    # A capitalised lemma is a name; common nouns of these files ("city") are not.
                    if name.lower() == lemma.replace("_", " ") and is_proper(name) and (
                            is_instance or typ != "person"):
                        add(name, typ, "wordnet")
                break

    with open(os.path.join(ISO, "iso_3166-2.json"), encoding="utf-8") as f:
        for s in json.load(f)["3166-2"]:
            add(s["name"], "place", "iso-3166-2")

    demonyms = {}
    adjectives = read_synsets(os.path.join(WORDNET, "data.adj"), "a")
    for lex_file, words, ptrs in adjectives.values():
        # Pertainyms and derivations that are places; the one spelled most like the adjective
        # wins ("Russian": Russia rather than the Soviet Union).
        places = []
        for sym, target, tpos, words_ref in ptrs:
            if sym not in ("\\", "+") or tpos != "n" or target not in nouns:
                continue
            n_lex, n_words, _ = nouns[target]
            # words_ref is source(2 hex) target(2 hex); 00 means the whole synset.
            target_word = int(words_ref[2:], 16)
            place = clean(n_words[target_word - 1] if target_word else n_words[0])
            if n_lex == LOCATION_FILE and is_proper(place):
                places.append(place)
        for w in words:
            adj = clean(w)
            if not is_proper(adj) or adj in demonyms or not places:
                continue
            demonyms[adj] = max(places, key=lambda p: (len(os.path.commonprefix([p, adj])), -len(p)))

    os.makedirs(out_dir, exist_ok=True)
    with open(os.path.join(out_dir, "gazetteer.tsv"), "w", encoding="utf-8") as f:
        f.write("# generated by scripts/make_gazetteer.py from WordNet 3.0 and iso-codes\n")
        for name in sorted(names):
            typ, source = names[name]
            f.write("%s\t%s\t%s\n" % (name, typ, source))
    with open(os.path.join(out_dir, "demonyms.tsv"), "w", encoding="utf-8") as f:
        f.write("# generated by scripts/make_gazetteer.py from WordNet 3.0 pertainyms\n")
        for adj in sorted(demonyms):
            f.write("%s\t%s\n" % (adj, demonyms[adj]))
    print("gazetteer: %d names, demonyms: %d" % (len(names), len(demonyms)))


if __name__ == "__main__":
    main()
