#!/usr/bin/env python3
"""Score `jiaodui check` on a sentence-pair file (id<TAB>source<TAB>target, equal lengths).

Counts only findings of the categories given (default: wrong-word and grammar) and prints
sentence-level and character-level detection precision, recall and F1, and the share of
error-free sentences with any such finding.

    python3 scripts/evaluate.py ../shared/eval/ecspell_odw_train.tsv [--bin .build/release/jiaodui]
"""
import argparse, collections, json, os, subprocess, sys, tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from ecspell_split import read_pairs  # noqa: E402


def f1(p, r):
    return 2 * p * r / (p + r) if p + r else 0.0


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("pairs")
    ap.add_argument("--bin", default=".build/release/jiaodui")
    ap.add_argument("--categories", default="wrong-word,grammar")
    ap.add_argument("--part", choices=["all", "tune", "held-out"], default="all",
                    help="score the whole file or one part of the fixed split (scripts/ecspell_split.py)")
    ap.add_argument("--only", help="rules to run (passed to jiaodui check --only)")
    ap.add_argument("--show-misses", type=int, default=0, help="print up to N wrong characters not flagged")
    ap.add_argument("--show-false-alarms", type=int, default=0, help="print up to N findings on error-free sentences")
    args = ap.parse_args()
    categories = set(args.categories.split(","))

    rows = read_pairs(args.pairs, args.part)  # a two-column file is a plain sentence list: no errors
    with tempfile.NamedTemporaryFile("w", suffix=".txt", delete=False, encoding="utf-8") as tmp:
        tmp.write("\n".join(r[1] for r in rows) + "\n")
    command = [args.bin, "check", "--no-config", "--jobs", "1", "--format", "json", tmp.name]
    if args.only:
        command[2:2] = ["--only", args.only]
    out = subprocess.run(command, capture_output=True, text=True)
    os.unlink(tmp.name)
    if out.returncode not in (0, 1):
        sys.exit(f"jiaodui failed: {out.stderr.strip()}")
    flagged = collections.defaultdict(set)   # sentence index -> flagged character positions
    by_rule = collections.Counter()
    examples = []
    for finding in json.loads(out.stdout)["files"][0]["findings"]:
        if finding["category"] not in categories:
            continue
        i = finding["line"] - 1
        end = finding["endColumn"] - 1 if finding["endLine"] == finding["line"] else len(rows[i][1])
        positions = set(range(finding["column"] - 1, max(end, finding["column"])))
        flagged[i] |= positions
        if rows[i][1] == rows[i][2]:
            by_rule[finding["rule"]] += 1
            examples.append((finding["rule"], finding["text"], rows[i][1]))

    s_tp = s_fp = errors = clean = clean_flagged = 0
    c_tp = c_flagged = c_errors = 0
    for i, (_, src, tgt) in enumerate(rows):
        wrong = {k for k, (a, b) in enumerate(zip(src, tgt)) if a != b}
        marks = flagged.get(i, set())
        if wrong:
            errors += 1
        else:
            clean += 1
            clean_flagged += bool(marks)
        if marks:
            if wrong and marks & wrong:
                s_tp += 1
            else:
                s_fp += 1
        c_flagged += len(marks)
        c_tp += len(marks & wrong)
        c_errors += len(wrong)
    sp = s_tp / (s_tp + s_fp) if s_tp + s_fp else 0.0
    sr = s_tp / errors if errors else 0.0
    cp = c_tp / c_flagged if c_flagged else 0.0
    cr = c_tp / c_errors if c_errors else 0.0
    print(f"file: {args.pairs} ({args.part})  sentences: {len(rows)}  with errors: {errors}  error-free: {clean}")
    if errors:
        print(f"sentence-level detection: P {sp:.3f}  R {sr:.3f}  F1 {f1(sp, sr):.3f}  (TP {s_tp}, FP {s_fp})")
        print(f"character-level detection: P {cp:.3f}  R {cr:.3f}  F1 {f1(cp, cr):.3f}")
    if clean:
        print(f"error-free sentences with a finding: {clean_flagged} of {clean} ({100 * clean_flagged / clean:.2f}%)")
        for rule, n in by_rule.most_common():
            print(f"  {rule}: {n}")
    misses = [(src, tgt, k) for i, (_, src, tgt) in enumerate(rows) for k in range(len(src)) if src[k] != tgt[k] and k not in flagged.get(i, set())]
    for src, tgt, k in misses[: args.show_misses]:
        print(f"  missed {src[k]}→{tgt[k]}\t{src[max(0, k - 8):k]}[{src[k]}]{src[k + 1:k + 8]}")
    for rule, text, sentence in examples[: args.show_false_alarms]:
        print(f"  [{rule}] {text}\t{sentence}")


if __name__ == "__main__":
    main()
