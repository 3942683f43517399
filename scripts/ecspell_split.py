"""The fixed split of an ECSpell training file into a tuning part and a held-out part.

Every fifth pair (id number divisible by 5) is held out: nothing derived from it feeds
Lexicons/typo/, and thresholds are never chosen on it.
"""


def is_held_out(pair_id: str) -> bool:
    return int(pair_id.rsplit("-", 1)[-1]) % 5 == 0


def read_pairs(path, part="all"):
    """(id, source, target) triples of the part asked for: all, tune or held-out."""
    rows = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            parts = line.rstrip("\n").split("\t")
            if len(parts) == 2:
                parts = [parts[0], parts[1], parts[1]]
            if len(parts) != 3:
                continue
            if part == "tune" and is_held_out(parts[0]) or part == "held-out" and not is_held_out(parts[0]):
                continue
            rows.append(parts)
    return rows
