"""The reference for issue 6: underthesea's named-entity recogniser as a person
extractor. Reads every <id>.txt of GOLD_DIR, runs underthesea.ner sentence by
sentence, and writes <id>.json records in the format of ../shared/eval/FORMAT.md with
the PER entities as persons (no posts: underthesea has none), so that score.py can
compare its person F1 with cadre's.

usage: python underthesea_persons.py GOLD_DIR OUT_DIR
"""

import json
import pathlib
import sys
import unicodedata

from underthesea import ner, sent_tokenize


def persons(text):
    """PER entities of `text` (BIO tags joined), in order, without repeats."""
    names = []
    for sentence in sent_tokenize(text):
        current = []
        for token in ner(sentence) + [("", "", "", "O")]:
            word, tag = token[0], token[-1]
            if tag == "B-PER" or (tag == "I-PER" and not current):
                if current:
                    names.append(" ".join(current))
                current = [word]
            elif tag == "I-PER":
                current.append(word)
            elif current:
                names.append(" ".join(current))
                current = []
    seen = []
    for name in names:
        name = unicodedata.normalize("NFC", " ".join(name.replace("_", " ").split()))
        if len(name.split()) >= 2 and name not in seen:
            seen.append(name)
    return seen


def main():
    gold, out = pathlib.Path(sys.argv[1]), pathlib.Path(sys.argv[2])
    out.mkdir(parents=True, exist_ok=True)
    for path in sorted(gold.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        record = {"id": path.stem, "persons": [{"name": n, "positions": []} for n in persons(text)]}
        (out / f"{path.stem}.json").write_text(json.dumps(record, ensure_ascii=False), encoding="utf-8")


if __name__ == "__main__":
    main()
