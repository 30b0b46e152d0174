#!/usr/bin/python3
"""Generate the extractor's name lists in models/ from Debian data packages.

usage: scripts/make_gazetteer.py [OUT_DIR]      (default: models/)

Sources (install with: apt-get install wordnet-base iso-codes):
  * WordNet 3.0 (/usr/share/wordnet, Princeton WordNet licence): capitalised nouns in the
    lexicographer files noun.person (person), noun.location and noun.object (place), noun.group
    when the synset is an organization (organization), noun.artifact when it is a structure
    (place: "Kremlin").
  * ISO 3166-1 and 3166-2 (/usr/share/iso-codes/json, LGPL-2.1+ data): country names and
    subdivision names (place).

Outputs (nothing in them is typed by hand):
  gazetteer.tsv  name<TAB>type<TAB>source; one name once (first source wins: iso-3166-1, wordnet in
                 sense order, a country before its government, iso-3166-2)
  demonyms.tsv   adjective<TAB>place, from WordNet adjective pertainyms in sense order
                 ("Russian" -> Russia, "American" -> United States)
  seats.tsv      seat<TAB>country: national capitals (WordNet instances of "national capital" and
                 the country they are part of) and the government buildings inside them ("Kremlin"),
                 for metonymy: "Moscow insists" is Russia acting
  aliases.tsv    alias<TAB>canonical: other names of the same country, capital or organization
                 synset ("US", "U.S.", "USA" -> United States; "UN" -> United Nations)
  classes.tsv    noun<TAB>type: common nouns that name a kind of place, person or organization
                 ("town" -> place, "aide" -> person, "union" -> organization), and nouns that name
                 goods, a substance or a food ("copper", "diamond", "food" -> goods): a company
                 is often named for what it sells ("Kafue Copper"); and nouns of a trade, an
                 activity, a made thing or a possession ("retail", "terminal", "holdings" ->
                 trade): "Meridian Terminals"
"""
import json
import os
import sys

WORDNET = "/usr/share/wordnet"
ISO = "/usr/share/iso-codes/json"

PERSON_FILE, LOCATION_FILE, GROUP_FILE, ARTIFACT_FILE, OBJECT_FILE = 18, 15, 14, 6, 17
FOOD_FILE, SUBSTANCE_FILE, ACT_FILE, POSSESSION_FILE = 13, 27, 4, 21
ORGANIZATION = "08008335"  # organization, organisation
STRUCTURE = "04341686"  # structure, construction
WAY = "04564698"  # way: a road or path
FACILITY = "03315023"  # facility, installation
NATIONAL_CAPITAL = "08691669"  # national capital
COUNTRY = "08544813"  # country, state, land
LOCATION_ROOT = "00027167"  # location: the root of WordNet's places
PERSON_ROOT = "00007846"  # person, individual, someone


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
    # A country comes before its government, which WordNet lists first for "U.S.": news names the
    # country far more often, and the government acting is metonymy, handled by the extractor.
    iso_country_names = {n for n, (typ, source) in names.items() if source == "iso-3166-1"}

    def names_a_country(offset):
        # The place, not the government synset that shares its name.
        return nouns[offset][0] == LOCATION_FILE and any(
            clean(w) in iso_country_names for w in nouns[offset][1])

    with open(os.path.join(WORDNET, "index.noun"), encoding="latin-1") as f:
        for line in f:
            if line.startswith("  "):
                continue
            fields = line.split()
            lemma, n_senses = fields[0], int(fields[2])
            senses = fields[-n_senses:]
            for offset in senses:
                typ = wordnet_type(offset)
                if typ is None:
                    continue
                if typ == "organization":
                    offset = next((o for o in senses if names_a_country(o)), offset)
                    typ = wordnet_type(offset)
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
    adj_order = []
    with open(os.path.join(WORDNET, "index.adj"), encoding="latin-1") as f:
        for line in f:
            if line.startswith("  "):
                continue
            fields = line.split()
            adj_order.extend(fields[-int(fields[2]):])
    for offset in adj_order:
        if offset not in adjectives:
            continue
        lex_file, words, ptrs = adjectives[offset]
        # Pertainyms and derivations that are places; a country spelled like the adjective first
        # ("Egyptian": Egypt, not the Egyptian Empire; but "Hispaniolan" is not Haiti's), then the
        # one spelled most like it ("Russian": Russia rather than the Soviet Union).
        places = []
        for sym, target, tpos, words_ref in ptrs:
            if sym not in ("\\", "+") or tpos != "n" or target not in nouns:
                continue
            n_lex, n_words, _ = nouns[target]
            # words_ref is source(2 hex) target(2 hex); 00 means the whole synset.
            target_word = int(words_ref[2:], 16)
            place = clean(n_words[target_word - 1] if target_word else n_words[0])
            if n_lex == LOCATION_FILE and is_proper(place):
                # Name the place by its synset's first word: "US" -> "United States"; not a
                # country's name ("China", which WordNet lists among the names of Taiwan).
                first = clean(n_words[0])
                places.append(first if is_proper(first) and place not in iso_country_names
                              else place)
        for w in words:
            adj = clean(w)
            if not is_proper(adj) or adj in demonyms or not places:
                continue
            demonyms[adj] = max(places, key=lambda p: (
                p in iso_country_names and len(os.path.commonprefix([p, adj])) >= 3,
                len(os.path.commonprefix([p, adj])), -len(p)))

    # A country WordNet names as it was called before it took a compass point ("Macedonian":
    # Macedonia) is the one country ISO 3166 names with one ("North Macedonia"), when only one
    # does ("Korean" stays Korea's: North and South Korea both are).
    for adj, place in demonyms.items():
        if place in iso_country_names:
            continue
        renamed = [point + " " + place for point in ("North", "South", "East", "West")
                   if point + " " + place in iso_country_names]
        if len(renamed) == 1:
            demonyms[adj] = renamed[0]

    # The countries named "-stan" after their people: the people's name is their adjective too
    # ("Uzbek": Uzbekistan, which WordNet only gives as "Uzbekistani"), when it is no shorter than
    # five letters (not "Pak").
    for adj, place in list(demonyms.items()):
        if place in iso_country_names and adj.endswith("stani") and place.endswith("stan"):
            stem = place[:-len("istan")] if place.endswith("istan") else place[:-len("stan")]
            if len(stem) >= 5 and adj.startswith(stem):
                demonyms.setdefault(stem, place)

    # Seats of government: capitals and the government buildings in them.
    def part_of(offset):
        return [t for sym, t, tpos, _ in nouns[offset][2] if sym == "#p" and tpos == "n" and t in nouns]

    def is_instance_of(offset, target):
        return any(sym == "@i" and t == target for sym, t, _, _ in nouns[offset][2])

    seats, aliases = {}, {}
    iso_countries = {n for n, (typ, source) in names.items() if source == "iso-3166-1"}

    def is_country(offset):
        # An instance of "country" or of a kind of country ("European country"), or a name in
        # ISO 3166-1 (WordNet 3.0 predates Serbia's independence).
        if any(clean(w) in iso_countries for w in nouns[offset][1]):
            return True
        return any(sym == "@i" and COUNTRY in ancestors(nouns, t) for sym, t, _, _ in nouns[offset][2])

    def country_of(offset):
        # Up the part-of chain: Washington is part of the District of Columbia, part of the US.
        # Of several at the same depth, the present-day one: not a union ("Serbia and
        # Montenegro"), the shorter name.
        level, seen = part_of(offset), set()
        while level:
            countries = [clean(nouns[c][1][0]) for c in level if is_country(c)]
            if countries:
                return min(countries, key=lambda n: (" and " in n, len(n)))
            seen.update(level)
            level = [p for c in level for p in part_of(c) if p not in seen]
        return None

    capital_country = {}
    for offset, (lex_file, words, ptrs) in nouns.items():
        if is_instance_of(offset, NATIONAL_CAPITAL):
            country = country_of(offset)
            if country:
                capital_country[offset] = country
    for offset, country in capital_country.items():
        for w in nouns[offset][1]:
            name = clean(w)
            if is_proper(name) and not name.lower().startswith("capital"):
                seats.setdefault(name, country)
    for offset, (lex_file, words, ptrs) in nouns.items():
        if lex_file != ARTIFACT_FILE or not any(p[0] == "@i" for p in ptrs):
            continue
        with_capital = [c for c in part_of(offset) if c in capital_country]
        if not with_capital:
            continue
        for w in words:
            name = clean(w)
            if is_proper(name):
                seats.setdefault(name, capital_country[with_capital[0]])

    # Other names of countries, capitals and organizations: one canonical name per synset.
    # Countries first, so that "USA" is the country before it is the army.
    def alias_rank(offset):
        return 0 if is_country(offset) else 1 if offset in capital_country else 2

    # A name that is the canonical name of one such synset is never another's alias: WordNet
    # lists "China" among the names of Taiwan, but "China" is the People's Republic.
    def alias_synonyms(offset):
        lex_file, words, ptrs = nouns[offset]
        typ = wordnet_type(offset)
        if typ not in ("place", "organization"):
            return []
        if alias_rank(offset) == 2 and typ != "organization":
            return []
        synonyms = [clean(w) for w in words if is_proper(clean(w))]
        return [n for n in synonyms if not n.lower().startswith(("capital", "the "))]

    canonical_names = set()
    for offset in nouns:
        synonyms = alias_synonyms(offset)
        if len(synonyms) >= 2:
            canonical_names.add(synonyms[0])
    for offset in sorted(nouns, key=alias_rank):
        synonyms = alias_synonyms(offset)
        if len(synonyms) < 2:
            continue
        typ = wordnet_type(offset)
        for n in synonyms[1:]:
            # (Nor a name of another type first: "Europe" is the continent, not the union whose
            # synset lists it.)
            if n not in canonical_names and names.get(n, (typ,))[0] == typ:
                aliases.setdefault(n, synonyms[0])

    # Class nouns: the kind of entity a common noun names, for names the text says are one
    # ("towns including Pokrovsk", "Ushakov, a Kremlin aide"). From the lemma's first two senses
    # (most frequent first), under WordNet's roots for location, person and organization; a noun
    # whose typed senses among them disagree ("country": the political unit, the land) is left
    # out. A noun with no typed sense, one of whose two first senses is a substance or a food and
    # neither a place or natural object ("lake", "rock"), is goods.
    # A noun whose first sense is an activity, a made thing that is no structure, or a
    # possession is a trade a company may be named for ("retail", "fishing", "capital"):
    # "Halvorsen Retail", "Hai Feng Fishing"; not one that may be a structure, a way or a
    # facility, which name places ("bridge", "avenue", "terminal", "airport").
    def place_sense(offset):
        return nouns[offset][0] == ARTIFACT_FILE and bool(
            ancestors(nouns, offset) & {STRUCTURE, WAY, FACILITY})

    def trade(offsets):
        first = nouns[offsets[0]][0]
        if first not in (ARTIFACT_FILE, ACT_FILE, POSSESSION_FILE):
            return False
        return not any(place_sense(o) for o in offsets[:2])

    classes = {}
    with open(os.path.join(WORDNET, "index.noun"), encoding="latin-1") as f:
        for line in f:
            if line.startswith("  "):
                continue
            fields = line.split()
            lemma, n_senses = fields[0], int(fields[2])
            if not lemma.isalpha() or not lemma.islower():
                continue
            types = set()
            for offset in fields[-n_senses:][:2]:
                up = ancestors(nouns, offset)
                if LOCATION_ROOT in up:
                    types.add("place")
                elif ORGANIZATION in up:
                    types.add("organization")
                elif PERSON_ROOT in up:
                    types.add("person")
            if len(types) == 1:
                classes[lemma] = types.pop()
            else:
                files = {nouns[o][0] for o in fields[-n_senses:][:2]}
                if not types and files & {FOOD_FILE, SUBSTANCE_FILE} and not files & {
                        LOCATION_FILE, OBJECT_FILE}:
                    classes[lemma] = "goods"
                elif not types and trade(fields[-n_senses:]):
                    classes[lemma] = "trade"

    os.makedirs(out_dir, exist_ok=True)
    with open(os.path.join(out_dir, "classes.tsv"), "w", encoding="utf-8") as f:
        f.write("# generated by scripts/make_gazetteer.py from WordNet 3.0 noun senses\n")
        for lemma in sorted(classes):
            f.write("%s\t%s\n" % (lemma, classes[lemma]))
    with open(os.path.join(out_dir, "gazetteer.tsv"), "w", encoding="utf-8") as f:
        f.write("# generated by scripts/make_gazetteer.py from WordNet 3.0 and iso-codes\n")
        for name in sorted(names):
            typ, source = names[name]
            f.write("%s\t%s\t%s\n" % (name, typ, source))
    with open(os.path.join(out_dir, "demonyms.tsv"), "w", encoding="utf-8") as f:
        f.write("# generated by scripts/make_gazetteer.py from WordNet 3.0 pertainyms\n")
        for adj in sorted(demonyms):
            f.write("%s\t%s\n" % (adj, demonyms[adj]))
    with open(os.path.join(out_dir, "seats.tsv"), "w", encoding="utf-8") as f:
        f.write("# generated by scripts/make_gazetteer.py from WordNet 3.0 (capitals, seats)\n")
        for seat in sorted(seats):
            f.write("%s\t%s\n" % (seat, seats[seat]))
    with open(os.path.join(out_dir, "aliases.tsv"), "w", encoding="utf-8") as f:
        f.write("# generated by scripts/make_gazetteer.py from WordNet 3.0 synonyms\n")
        for alias in sorted(aliases):
            f.write("%s\t%s\n" % (alias, aliases[alias]))
    print("gazetteer: %d names, demonyms: %d, seats: %d, aliases: %d, classes: %d" % (
        len(names), len(demonyms), len(seats), len(aliases), len(classes)))


if __name__ == "__main__":
    main()
