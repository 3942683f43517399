#!/usr/bin/env python3
"""Speed of the typo rule on official-document and news sentences, one core (run by hand).

    python3 scripts/benchmark_typo.py [--bin .build/release/jiaodui] [--repeat 5]

Prints sentences per second (CPU time of `jiaodui check --only typo --jobs 1`, so load from other
processes does not count) and the same with all default rules. pycorrector's n-gram corrector is the
peer named by the issue, but it cannot run offline: it needs kenlm and a 2.8 GB language model
downloaded from a model hub at first use; this script says so rather than timing something else.
"""
import argparse, os, resource, subprocess, tempfile

EVAL = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "shared", "eval")


def cpu_seconds(command):
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--bin", default=".build/release/jiaodui")
    ap.add_argument("--repeat", type=int, default=5, help="copies of the sentence set in the input file")
    args = ap.parse_args()
    sentences = []
    for name in ["ecspell_odw_train.tsv", "clean_rmrb199801.tsv"]:
        with open(os.path.join(EVAL, name), encoding="utf-8") as f:
            sentences += [line.split("\t")[1] for line in f if line.count("\t") >= 1]
    text = "\n".join(sentences * args.repeat) + "\n"
    with tempfile.NamedTemporaryFile("w", suffix=".txt", delete=False, encoding="utf-8") as tmp:
        tmp.write(text)
    n = len(sentences) * args.repeat
    base = cpu_seconds([args.bin, "check", "--no-config", "--jobs", "1", "--only", "broken-line", tmp.name])
    typo = cpu_seconds([args.bin, "check", "--no-config", "--jobs", "1", "--only", "typo", tmp.name])
    every = cpu_seconds([args.bin, "check", "--no-config", "--jobs", "1", tmp.name])
    os.unlink(tmp.name)
    print(f"{n} sentences ({len(text.encode()) / 1e6:.1f} MB), one core, CPU seconds")
    print(f"  typo only:         {typo:6.2f} s  {n / typo:8.0f} sentences/s  (reading + one trivial rule alone: {base:.2f} s)")
    print(f"  all default rules: {every:6.2f} s  {n / every:8.0f} sentences/s")
    print("  pycorrector n-gram corrector: cannot run offline (kenlm plus a 2.8 GB model downloaded at first use); "
          "its published speed is about 9 sentences/s")


if __name__ == "__main__":
    main()
