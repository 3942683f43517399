#!/usr/bin/env python3
"""Print the paragraphs of a .docx as Jiaodui numbers them.

    python3 scripts/docx_paragraphs.py FILE.docx      # one "¶N<TAB>text" line per paragraph

Paragraph N is the N-th `w:p` (1-based) of `word/document.xml`, in document order, empty ones
included; a paragraph nested in another (a text box) comes right after its host and its text is
not part of the host's. Text is the `w:t` of the runs, inserted text (`w:ins`) kept, deleted or
moved-away text (`w:del`, `w:moveFrom`) and alternate-content fallbacks (`mc:Fallback`) skipped;
`w:tab` is a tab, `w:br`/`w:cr` a line break (printed as `\\n`). Columns of findings count
Unicode characters in this text, from 1. Uses the standard library only.
"""
import sys
import zipfile
import xml.etree.ElementTree as ET

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
SKIP = {W + "del", W + "moveFrom", MC + "Fallback"}
CHAR = {W + "tab": "\t", W + "br": "\n", W + "cr": "\n", W + "noBreakHyphen": "-"}


def paragraphs(path):
    """Return the text of every paragraph of the document body, in order."""
    with zipfile.ZipFile(path) as archive:
        root = ET.fromstring(archive.read("word/document.xml"))
    body = root.find(W + "body")
    found = []

    def walk(element, parts):
        for child in element:
            if child.tag in SKIP:
                continue
            if child.tag == W + "p":
                index = len(found)
                found.append(None)
                own = []
                walk(child, own)
                found[index] = "".join(own)
            elif child.tag == W + "t":
                parts.append(child.text or "")
            elif child.tag in CHAR:
                parts.append(CHAR[child.tag])
            else:
                walk(child, parts)

    walk(body, [])
    return found


def main(argv):
    if len(argv) != 2:
        sys.exit("usage: docx_paragraphs.py FILE.docx")
    for number, text in enumerate(paragraphs(argv[1]), 1):
        print(f"¶{number}\t{text}".replace("\n", "\\n"))


if __name__ == "__main__":
    main(sys.argv)
