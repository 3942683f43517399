#!/usr/bin/env python3
"""Extractive summaries side by side (run by hand, never by the tests): Jiaodui next to textrank4zh and snownlp.

For each document (default: Corpus/seeds/*.txt) prints a Markdown table of the N sentences each tool
picks, in document order, and flags per tool the picks that are web-page furniture, bare headings or
fragments. With --speed, times the three instead: `jiaodui summarize` on a ~10 MB folder of repeated
seeds, the peers in-process on a small subset (they are slow), extrapolated to MB/s.

Needs a release build and `pip install textrank4zh snownlp scipy` (networkx >= 3 computes PageRank
with scipy; textrank4zh calls the removed networkx.from_numpy_matrix, patched below).

    swift build -c release && python3 scripts/compare_summaries.py [--speed] [--sentences N] [files…]
"""
import argparse, glob, json, logging, os, re, resource, shutil, subprocess, sys, tempfile, time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BIN = os.path.join(ROOT, ".build", "release", "jiaodui")
TOOLS = ("Jiaodui", "textrank4zh", "snownlp")

# Scrape residue of document-sharing sites (Simplified and Traditional spellings).
FURNITURE = re.compile("|".join([
    r"上传人", r"上傳人", r"文档编号", r"文檔編號", r"上传时间", r"上傳時間", r"第\s*\d+\s*页", r"第\s*\d+\s*頁",
    r"共\s*\d+\s*[页頁]", r"^\s*\d+\s*/\s*\d+\s*$", r"展开阅读全文", r"展開閱讀全文", r"下载", r"下載", r"举报", r"舉報",
    # 相关 alone is ordinary prose (相关职能部门); only its list-heading uses count.
    r"(^|\s)相[关關](\s|$)", r"相[关關](文档|文檔|文章|资源|資源|搜索|推荐|推薦|阅读|閱讀)",
    r"版权", r"版權", r"侵权", r"侵權", r"客服", r"VIP", r"会员", r"會員", r"资源描述", r"資源描述", r"合集下[载載]",
    r"收藏", r"电脑桌面", r"電腦桌面", r"位置\s*[:：]", r"首[頁页]", r"我要投稿", r"时间\s*[:：]\s*\d{4}", r"時間\s*[:：]\s*\d{4}",
    r"^(标签|標籤)\s*[:：]",
]))
HEADING = re.compile(r"^(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[）)]|\d+[.．、]|第[一二三四五六七八九十]+[章节節条條部分]).{0,20}$")
HAN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
FINAL = "。！？；!?;….．"
CLOSERS = "”’」』）)》】\"' \t"


def seeds():
    return sorted(glob.glob(os.path.join(ROOT, "Corpus", "seeds", "*.txt")))


def locate(text, sentence, used):
    """First occurrence of sentence in text whose start is not in used (-1 when absent)."""
    p = text.find(sentence)
    while p in used:
        p = text.find(sentence, p + 1)
    if p >= 0:
        used.add(p)
    return p


def ends_sentence(sentence, text, pos):
    """Whether the pick ends a sentence: by its own last mark, or (peers drop the mark) by the text after it."""
    s = sentence.rstrip(CLOSERS)
    if s and s[-1] in FINAL:
        return True
    if pos < 0:
        return False
    rest = text[pos + len(sentence):pos + len(sentence) + 4].lstrip(CLOSERS)
    return bool(rest) and rest[0] in FINAL


def flags(picks, text):
    """{flag: [1-based ranks]} for (sentence, position-in-text) picks."""
    out = {"furniture": [], "bare heading": [], "fragment": []}
    for i, (s, pos) in enumerate(picks, 1):
        t = s.strip()
        if FURNITURE.search(t):
            out["furniture"].append(i)
        if HEADING.match(t):
            out["bare heading"].append(i)
        if len(HAN.findall(t)) < 8 or (len(t) < 15 and not ends_sentence(t, text, pos)):
            out["fragment"].append(i)
    return out


def jiaodui(binary, path, n):
    r = subprocess.run([binary, "summarize", "--format", "json", "--sentences", str(n), path],
                       capture_output=True, text=True, encoding="utf-8")
    docs = []
    for line in r.stdout.splitlines():
        try:
            docs.append(json.loads(line))
        except ValueError:
            pass
    if not docs:
        raise RuntimeError(f"jiaodui summarize exited {r.returncode}: {r.stderr.strip()[:300]}")
    doc = docs[0]
    text = open(path, encoding="utf-8").read()
    lines = text.split("\n")
    offsets = [0]
    for ln in lines:
        offsets.append(offsets[-1] + len(ln) + 1)
    picks, used = [], set()
    for item in doc.get("summary", []):
        s, ln = item["text"], item.get("line", 0)
        pos = text.find(s, offsets[ln - 1]) if 0 < ln <= len(lines) else -1
        picks.append((s, pos if pos >= 0 else locate(text, s, used)))
    return picks, doc.get("title") or "(none)"


def textrank4zh_model():
    import networkx
    if not hasattr(networkx, "from_numpy_matrix"):  # removed in networkx 3.0
        networkx.from_numpy_matrix = networkx.from_numpy_array
    import jieba
    jieba.setLogLevel(logging.WARNING)
    from textrank4zh import TextRank4Sentence
    return TextRank4Sentence()


def textrank4zh(model, text, n):
    model.analyze(text, lower=True, source="all_filters")
    items = sorted(model.get_key_sentences(num=n), key=lambda it: it.index)
    used = set()
    return [(it.sentence, locate(text, it.sentence, used)) for it in items]


def snownlp(text, n):
    from snownlp import SnowNLP
    used = set()
    picks = [(s, locate(text, s, used)) for s in SnowNLP(text).summary(n)]
    return sorted(picks, key=lambda p: p[1] if p[1] >= 0 else len(text))


def cell(s, width=60):
    s = re.sub(r"\s+", " ", s).strip()
    if len(s) > width:
        s = s[:width] + "…"
    return s.replace("|", "\\|")


def report(args):
    model = textrank4zh_model()
    totals = {t: {"furniture": 0, "bare heading": 0, "fragment": 0, "picks": 0} for t in TOOLS}
    print(f"# Extractive summaries, {args.sentences} sentences per document\n")
    print("Each column lists the tool's picks in document order. Flags: furniture = web-page residue, "
          "bare heading = a heading marker and a short phrase, fragment = under 8 Han characters, or under "
          "15 characters and not ending a sentence (a pick can carry several flags).\n")
    for path in args.files:
        text = open(path, encoding="utf-8").read()
        columns = {}
        try:
            columns["Jiaodui"], title = jiaodui(args.jiaodui, path, args.sentences)
        except (OSError, RuntimeError) as e:
            columns["Jiaodui"], title = [], f"(error: {e})"
        columns["textrank4zh"] = textrank4zh(model, text, args.sentences)
        columns["snownlp"] = snownlp(text, args.sentences)
        print(f"## {os.path.basename(path)}\n")
        print(f"Jiaodui's title: {cell(title)}\n")
        print("| # | " + " | ".join(TOOLS) + " |")
        print("|---|" + "---|" * len(TOOLS))
        for i in range(max(len(c) for c in columns.values())):
            row = [cell(columns[t][i][0]) if i < len(columns[t]) else "" for t in TOOLS]
            print(f"| {i + 1} | " + " | ".join(row) + " |")
        print()
        for t in TOOLS:
            f = flags(columns[t], text)
            totals[t]["picks"] += len(columns[t])
            parts = []
            for name, ranks in f.items():
                totals[t][name] += len(ranks)
                parts.append(f"{len(ranks)} {name}" + (f" (#{', #'.join(map(str, ranks))})" if ranks else ""))
            print(f"- {t}: " + ", ".join(parts))
        print()
    print("## Totals\n")
    print("| flag | " + " | ".join(TOOLS) + " |")
    print("|---|" + "---|" * len(TOOLS))
    for name in ("picks", "furniture", "bare heading", "fragment"):
        print(f"| {name} | " + " | ".join(str(totals[t][name]) for t in TOOLS) + " |")


def speed(args):
    if not os.access(args.jiaodui, os.X_OK):
        sys.exit("build first: swift build -c release")
    texts = [open(p, encoding="utf-8").read() for p in args.files]
    seed_bytes = sum(len(t.encode()) for t in texts)
    copies = max(1, round(args.megabytes * 1e6 / seed_bytes))
    folder = tempfile.mkdtemp(prefix="jiaodui-summaries-")
    try:
        for k in range(copies):
            for p, t in zip(args.files, texts):
                open(os.path.join(folder, f"{k:04d}-{os.path.basename(p)}"), "w", encoding="utf-8").write(t)
        mb = copies * seed_bytes / 1e6
        print(f"corpus: {len(texts)} documents x {copies} copies = {len(texts) * copies} files, {mb:.1f} MB of UTF-8; "
              f"{args.sentences} sentences each\n")

        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        t = time.perf_counter()
        r = subprocess.run([args.jiaodui, "summarize", "--format", "json", "--sentences", str(args.sentences), folder],
                           stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        wall = time.perf_counter() - t
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
        summaries = sum(1 for line in r.stdout.splitlines() if line.strip())
        if summaries != len(texts) * copies:
            print(f"warning: jiaodui exited {r.returncode} with {summaries} summaries for {len(texts) * copies} files: "
                  f"{r.stderr.decode(errors='replace').strip()[:300]}")
        rows = [("jiaodui summarize (one run, whole folder)", mb, wall, cpu, False)]

        sub = texts * args.peer_copies
        sub_mb = sum(len(t.encode()) for t in sub) / 1e6
        model = textrank4zh_model()
        textrank4zh(model, texts[0], args.sentences)  # warm-up: jieba's dictionary
        snownlp(texts[0], args.sentences)             # warm-up: snownlp's models
        per_doc = {}  # (tool, file) -> wall seconds over all copies
        for name, fn in [("textrank4zh (in-process)", lambda x: textrank4zh(model, x, args.sentences)),
                         ("snownlp (in-process)", lambda x: snownlp(x, args.sentences))]:
            t, c = time.perf_counter(), time.process_time()
            for i, x in enumerate(sub):
                d = time.perf_counter()
                fn(x)
                key = (name, args.files[i % len(texts)])
                per_doc[key] = per_doc.get(key, 0) + time.perf_counter() - d
            rows.append((name, sub_mb, time.perf_counter() - t, time.process_time() - c, True))
    finally:
        shutil.rmtree(folder, ignore_errors=True)

    print(f"{'job':44} {'MB':>6} {'wall s':>8} {'cpu s':>8} {'MB/s wall':>10} {'MB/s cpu':>10}")
    for name, size, w, c, _ in rows:
        print(f"{name:44} {size:6.2f} {w:8.2f} {c:8.2f} {size / w:10.3f} {size / c:10.3f}")
    print(f"\ntextrank4zh and snownlp were timed on a subset ({len(texts)} documents x {args.peer_copies} copies, "
          f"{sub_mb:.2f} MB) and extrapolated:")
    for name, size, w, c, _ in rows[1:]:
        print(f"  {name}: the {mb:.1f} MB corpus would take about {mb / (size / w) / 60:.0f} min")
    print("jiaodui's times include start-up, reading the files and writing JSON; the peers' exclude reading.")
    print("\npeers' seconds per document (mean of the copies):")
    for p, x in zip(args.files, texts):
        print(f"  {os.path.basename(p):44} {len(x.encode()) / 1000:5.1f} KB  " + "  ".join(
            f"{name.split()[0]} {per_doc[(name, p)] / args.peer_copies:6.2f}" for name, *_ in rows[1:]))
    print()
    j = rows[0]
    for name, size, w, c, _ in rows[1:]:
        print(f"jiaodui / {name.split()[0]:12} {(j[1] / j[2]) / (size / w):8.0f}x (wall)  "
              f"{(j[1] / j[3]) / (size / c):8.0f}x (cpu)")


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("files", nargs="*", help="UTF-8 text files (default: Corpus/seeds/*.txt)")
    ap.add_argument("--sentences", type=int, default=3, help="sentences per summary (default 3)")
    ap.add_argument("--jiaodui", default=BIN, help="the jiaodui binary (default .build/release/jiaodui)")
    ap.add_argument("--speed", action="store_true", help="time the three tools instead of printing the summaries")
    ap.add_argument("--megabytes", type=float, default=10, help="--speed: size of jiaodui's corpus (default 10)")
    ap.add_argument("--peer-copies", type=int, default=3, help="--speed: copies of the files the peers are timed on")
    args = ap.parse_args()
    args.files = args.files or seeds()
    try:
        import textrank4zh as _, snownlp as _  # noqa: F401
    except ImportError:
        sys.exit("pip install textrank4zh snownlp scipy")
    speed(args) if args.speed else report(args)


if __name__ == "__main__":
    main()
