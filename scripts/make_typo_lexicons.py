#!/usr/bin/env python3
"""Derive Lexicons/typo/observed.tsv and Lexicons/typo/bigrams.tsv from the tuning part of
ECSpell's official-document training file (MIT licence; see Lexicons/NOTICE.md).

    python3 scripts/make_typo_lexicons.py ../shared/eval/ecspell_odw_train.tsv

observed.tsv: wrong<TAB>right<TAB>count, every substituted character pair.
bigrams.tsv:  pair<TAB>count, adjacent Han character pairs of the corrected sentences.
The held-out part (scripts/ecspell_split.py) is never read. Output is sorted, so reruns are identical.
"""
import collections, os, sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from ecspell_split import read_pairs  # noqa: E402


def is_han(c):
    return "\u3400" <= c <= "\u9fff"


def main():
    source = sys.argv[1] if len(sys.argv) > 1 else "../shared/eval/ecspell_odw_train.tsv"
    folder = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "Lexicons", "typo")
    observed = collections.Counter()
    bigrams = collections.Counter()
    rows = read_pairs(source, "tune")
    for _, wrong, right in rows:
        if len(wrong) != len(right):
            continue
        for a, b in zip(wrong, right):
            if a != b and is_han(a) and is_han(b):
                observed[(a, b)] += 1
        for a, b in zip(right, right[1:]):
            if is_han(a) and is_han(b):
                bigrams[a + b] += 1
    name = os.path.basename(source)
    with open(os.path.join(folder, "observed.tsv"), "w", encoding="utf-8") as f:
        f.write(f"# wrong\tright\tcount: substitutions in the tuning part of {name} (ECSpell, MIT licence)\n")
        for (a, b), n in sorted(observed.items()):
            f.write(f"{a}\t{b}\t{n}\n")
    with open(os.path.join(folder, "bigrams.tsv"), "w", encoding="utf-8") as f:
        f.write(f"# pair\tcount: adjacent characters of the corrected sentences in the tuning part of {name} (ECSpell, MIT licence)\n")
        for pair, n in sorted(bigrams.items()):
            f.write(f"{pair}\t{n}\n")
    print(f"{len(rows)} tuning pairs: {len(observed)} observed substitutions, {len(bigrams)} character pairs", file=sys.stderr)


if __name__ == "__main__":
    main()
