#!/usr/bin/env python3
"""Speed benchmark (run by hand, never by the tests): Jiaodui next to its peers, in one run.

Builds a ~10 MB corpus by repeating the seed documents, then times
  - `jiaodui tokenize` (both segmenters) next to jieba (default mode),
  - `jiaodui check` next to autocorrect-py's lint,
  - `jiaodui tokenize` on a 1 KB file (start-up),
and prints MB/s of UTF-8 input and the ratios. Needs a release build and `pip install jieba autocorrect-py`.

    swift build -c release && python3 scripts/benchmark.py
"""
import glob, os, statistics, subprocess, sys, tempfile, time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BIN = os.path.join(ROOT, ".build", "release", "jiaodui")


def corpus(size=10_000_000):
    seeds = "".join(open(p, encoding="utf-8").read() for p in sorted(glob.glob(os.path.join(ROOT, "Corpus", "seeds", "*.txt"))))
    text = seeds * (size // len(seeds.encode()) + 1)
    path = os.path.join(tempfile.mkdtemp(), "seeds-10mb.txt")
    open(path, "w", encoding="utf-8").write(text)
    return path, len(text.encode())


def clean_corpus(size=10_000_000):
    """Clean news text (the rmrb sentences of ../shared/eval, one paragraph each) repeated to ~10 MB, or None."""
    source = os.path.join(ROOT, "..", "shared", "eval", "clean_rmrb199801.tsv")
    if not os.path.exists(source):
        return None
    sentences = [line.split("\t")[1] for line in open(source, encoding="utf-8") if line.count("\t") >= 1]
    text = "\n".join(sentences) + "\n"
    text = text * (size // len(text.encode()) + 1)
    path = os.path.join(tempfile.mkdtemp(), "news-10mb.txt")
    open(path, "w", encoding="utf-8").write(text)
    return path, len(text.encode())


def timed(fn, repeat=3):
    times = []
    for _ in range(repeat):
        t = time.perf_counter(); fn(); times.append(time.perf_counter() - t)
    return min(times)


def run(args):
    subprocess.run([BIN] + args, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)


def main():
    if not os.access(BIN, os.X_OK):
        sys.exit("build first: swift build -c release")
    path, size = corpus()
    mb = size / 1e6
    text = open(path, encoding="utf-8").read()
    print(f"corpus: {mb:.1f} MB of UTF-8 (the seed documents repeated); best of 3 runs, one core each\n")

    rows = []
    t_icu = timed(lambda: run(["tokenize", "--segmenter", "icu", path]))
    t_fast = timed(lambda: run(["tokenize", "--segmenter", "fast", path]))
    t_check = timed(lambda: run(["check", "--format", "json", path]))
    t_check_no_typo = timed(lambda: run(["check", "--disable", "typo", "--format", "json", path]))
    wrong_word_rules = "wrong-word,de-di-de,conjunction-pairing,duplicate-char,mixed-script,stray-symbol,broken-line"
    t_check_ww = timed(lambda: run(["check", "--only", wrong_word_rules, "--format", "json", path]))
    clean = clean_corpus()
    if clean:
        t_clean = timed(lambda: run(["check", "--format", "json", clean[0]]))
        t_clean_no_typo = timed(lambda: run(["check", "--disable", "typo", "--format", "json", clean[0]]))
    import jieba
    jieba.initialize()
    t_jieba = timed(lambda: [None for _ in jieba.cut(text)], repeat=1)
    import autocorrect_py
    t_autocorrect = timed(lambda: autocorrect_py.lint_for(text, "text"), repeat=1)

    print(f"{'job':44} {'seconds':>8} {'MB/s':>8}")
    for name, t in [("jiaodui tokenize --segmenter icu (default)", t_icu), ("jiaodui tokenize --segmenter fast", t_fast),
                    ("jieba.cut (default mode)", t_jieba), ("jiaodui check (default rules)", t_check),
                    ("jiaodui check (default rules but typo)", t_check_no_typo),
                    ("jiaodui check (wrong-word rules only)", t_check_ww),
                    ("autocorrect-py lint_for(text)", t_autocorrect)]:
        print(f"{name:44} {t:8.2f} {mb / t:8.2f}")
    if clean:
        clean_mb = clean[1] / 1e6
        print(f"{'jiaodui check (default rules), news text':44} {t_clean:8.2f} {clean_mb / t_clean:8.2f}")
        print(f"{'jiaodui check (but typo), news text':44} {t_clean_no_typo:8.2f} {clean_mb / t_clean_no_typo:8.2f}")
    print()
    print(f"tokenize icu  / jieba:        {t_jieba / t_icu:6.1f}x")
    print(f"tokenize fast / jieba:        {t_jieba / t_fast:6.1f}x")
    print(f"check / autocorrect-py lint:  {t_autocorrect / t_check:6.1f}x")
    print(f"check (default rules but typo) / autocorrect-py lint:  {t_autocorrect / t_check_no_typo:6.1f}x")
    print(f"check (wrong-word rules) / autocorrect-py lint:  {t_autocorrect / t_check_ww:6.1f}x")

    small = os.path.join(os.path.dirname(path), "small.txt")
    open(small, "w", encoding="utf-8").write(text[:340])  # about 1 KB of UTF-8
    starts = []
    for _ in range(20):
        t = time.perf_counter(); run(["tokenize", small]); starts.append(time.perf_counter() - t)
    checks = []
    for _ in range(20):
        t = time.perf_counter(); run(["check", small]); checks.append(time.perf_counter() - t)
    print(f"\nstart-up, 1 KB file (median of 20): tokenize {1000 * statistics.median(starts):.1f} ms, check {1000 * statistics.median(checks):.1f} ms")


if __name__ == "__main__":
    main()
