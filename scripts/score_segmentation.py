#!/usr/bin/env python3
"""Bakeoff word-segmentation metric: python3 score.py GOLD TEST [FROM TO]
A word is correct when both boundaries match gold. Lines compared one by one.
Optional FROM TO (1-based inclusive) restrict to a line range."""
import sys


def spans(words):
    out = set(); p = 0
    for w in words:
        out.add((p, p + len(w))); p += len(w)
    return out, p


def score_lines(gold_lines, test_lines):
    ng = nt = nc = 0
    for i, (g, t) in enumerate(zip(gold_lines, test_lines)):
        gw = g.split(); tw = t.split()
        gs, gl = spans(gw); ts, tl = spans(tw)
        if "".join(gw) != "".join(tw):
            sys.stderr.write("warning: line %d text differs\n" % (i + 1))
        ng += len(gs); nt += len(ts); nc += len(gs & ts)
    p = nc / nt if nt else 0.0; r = nc / ng if ng else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


if __name__ == "__main__":
    g = open(sys.argv[1], encoding="utf-8").read().splitlines()
    t = open(sys.argv[2], encoding="utf-8").read().splitlines()
    if len(g) != len(t):
        sys.stderr.write("warning: %d gold lines vs %d test lines\n" % (len(g), len(t)))
    if len(sys.argv) > 4:
        a, b = int(sys.argv[3]), int(sys.argv[4]); g = g[a-1:b]; t = t[a-1:b]
    p, r, f = score_lines(g, t)
    print("P %.4f R %.4f F1 %.4f" % (p, r, f))
