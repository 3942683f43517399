#!/usr/bin/env python3
"""Build Lexicons/dict/words.tsv from jieba's dict.txt (MIT licence).

Output: one entry per line, `word<TAB>freq` or `word<TAB>freq<TAB>N`.
The third column N marks a 3-character person name (jieba POS "nr") that starts
with a common surname: the segmenter emits it as surname + given name (PKU style).

Filters (applied in this order, counts printed to stderr):
  1. words of length >= 2 with freq < MIN_FREQ are dropped (jieba's many generated
     compounds have freq 2 or 3)
  2. words longer than MAX_LEN characters are dropped
  3. numeral + classifier compounds are dropped: POS "m" and matching
     ^第?[digit-numeral][numeral]*[one char, not a numeral, not 月/日]$
     (一年, 三个, 第一次, 五十岁 ... are dropped; 一月, 十二月, 三十一日 stay),
     except 一个 (PKU keeps 一个 as one word)
Single characters are always kept.
"""
import os, re, sys
import jieba

MIN_FREQ = 4
MAX_LEN = 6
NUMC = "○〇零一二三四五六七八九十百千万亿两几半数"
MQ_RE = re.compile("^第?[零〇○一二三四五六七八九十两几半数][" + NUMC + "]*[^" + NUMC + "月日]$")
KEEP = {"一个"}
# common Chinese surnames (general knowledge list, not derived from any test data)
SURNAMES = set("王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤")


def main():
    src = os.path.join(os.path.dirname(jieba.__file__), "dict.txt")
    out = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "Lexicons", "dict", "words.tsv")
    entries = []
    seen = {}
    for line in open(src, encoding="utf-8"):
        p = line.split()
        if len(p) < 2:
            continue
        w, f, pos = p[0], int(p[1]), (p[2] if len(p) > 2 else "")
        if w in seen:  # (jieba has no duplicates; keep the first if it ever does)
            continue
        seen[w] = True
        entries.append((w, f, pos))
    n0 = len(entries)
    c_freq = c_len = c_mq = c_name = 0
    with open(out, "w", encoding="utf-8") as fo:
        for w, f, pos in entries:
            if len(w) >= 2 and f < MIN_FREQ:
                c_freq += 1; continue
            if len(w) > MAX_LEN:
                c_len += 1; continue
            if pos == "m" and MQ_RE.match(w) and w not in KEEP:
                c_mq += 1; continue
            flag = ""
            if pos == "nr" and len(w) == 3 and w[0] in SURNAMES:
                flag = "\tN"; c_name += 1
            fo.write("%s\t%d%s\n" % (w, f, flag))
    kept = n0 - c_freq - c_len - c_mq
    sys.stderr.write("jieba entries %d; dropped freq<%d: %d; dropped len>%d: %d; dropped numeral+classifier: %d; kept %d (of which %d name-split marks)\n"
                     % (n0, MIN_FREQ, c_freq, MAX_LEN, c_len, c_mq, kept, c_name))


if __name__ == "__main__":
    main()
