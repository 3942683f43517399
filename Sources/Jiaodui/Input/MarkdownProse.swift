/// Decides which parts of a Markdown file are prose. Everything else (front matter, fenced code,
/// inline code, URLs, link targets, reference definitions, HTML tags and comments) is masked,
/// unit for unit, so every offset still points into the file and rules never see it.
public enum MarkdownProse {
    /// Masks whole lines (front matter, code blocks): spaces, so nothing in them looks like text.
    static let blockMask: UInt16 = 0x20
    /// Masks spans inside a line: U+FFFC, which no rule reads as text, punctuation or a space, so
    /// 运行`make`命令 does not become two words with spaces between them.
    static let inlineMask: UInt16 = 0xFFFC

    static let urlEnders: CodeUnitSet = "<>()\"'`，。、；：！？（）《》「」『』“”‘’【】\u{3000}\u{FFFC}"

    public static func mask(_ units: [UInt16]) -> [UInt16] {
        var out = units
        let source = SourceText(units: units)
        let lines = (0..<source.lineStarts.count).map { source.lineRange($0) }
        var index = 0
        func blank(_ range: Range<Int>, with mask: UInt16) {
            for i in range where !CharClass.isLineBreak(out[i]) { out[i] = mask }
        }
        // Front matter: --- … --- (YAML) or +++ … +++ (TOML) opening the file.
        if let first = lines.first, let fence = ["---", "+++"].first(where: { text(units, first) == $0 }) {
            if let end = lines.dropFirst().firstIndex(where: { text(units, $0) == fence || (fence == "---" && text(units, $0) == "...") }) {
                blank(lines[0].lowerBound..<lines[end].upperBound, with: blockMask)
                index = end + 1
            }
        }
        var inComment = false
        while index < lines.count {
            let line = lines[index]
            let trimmed = text(units, line).drop { $0 == " " }
            // Fenced code: ``` or ~~~, closed by a fence of the same character at least as long.
            if let fenceChar = trimmed.first, fenceChar == "`" || fenceChar == "~", line.count - trimmed.count <= 3 {
                let length = trimmed.prefix { $0 == fenceChar }.count
                if length >= 3 {
                    var end = index + 1
                    while end < lines.count {
                        let t = text(units, lines[end]).drop { $0 == " " }
                        if t.prefix(while: { $0 == fenceChar }).count >= length && t.allSatisfy({ $0 == fenceChar || $0 == " " }) { break }
                        end += 1
                    }
                    blank(line.lowerBound..<lines[min(end, lines.count - 1)].upperBound, with: blockMask)
                    index = end + 1
                    continue
                }
            }
            // A reference definition: [label]: url "title".
            if trimmed.hasPrefix("["), let close = trimmed.range(of: "]:"), !trimmed[trimmed.startIndex..<close.lowerBound].contains("]") {
                blank(line, with: blockMask)
                index += 1
                continue
            }
            inComment = maskInline(units, line, &out, inComment: inComment)
            index += 1
        }
        return out
    }

    static func text(_ units: [UInt16], _ range: Range<Int>) -> String {
        String(utf16Units: units[range]).trimmingTrailingSpaces()
    }

    /// Inline code, HTML comments and tags, link targets and bare URLs within one line.
    /// Returns whether an HTML comment is still open at the line's end.
    static func maskInline(_ units: [UInt16], _ line: Range<Int>, _ out: inout [UInt16], inComment: Bool) -> Bool {
        var i = line.lowerBound
        var inComment = inComment
        func at(_ k: Int) -> UInt16 { k < line.upperBound ? units[k] : 0 }
        func blank(_ range: Range<Int>) { for k in range { out[k] = inlineMask } }
        func starts(_ s: String, _ k: Int) -> Bool {
            var j = k
            for u in s.utf16 { guard at(j) == u else { return false }; j += 1 }
            return true
        }
        while i < line.upperBound {
            if inComment {
                let start = i
                while i < line.upperBound, !starts("-->", i) { i += 1 }
                if i < line.upperBound { i += 3; inComment = false }
                blank(start..<i)
                continue
            }
            let u = units[i]
            if u == 0x60 { // `code`: closed by a run of the same length
                var run = i
                while at(run) == 0x60 { run += 1 }
                let length = run - i
                var j = run
                while j < line.upperBound {
                    if units[j] == 0x60 {
                        var k = j
                        while at(k) == 0x60 { k += 1 }
                        if k - j == length { blank(i..<k); i = k; break }
                        j = k
                    } else { j += 1 }
                }
                if j >= line.upperBound { i = run }
                continue
            }
            if starts("<!--", i) { inComment = true; continue }
            if u == 0x3C, CharClass.isLatinLetter(at(i + 1)) || at(i + 1) == 0x2F { // <tag …> or <https://…>
                var j = i + 1
                while j < line.upperBound, units[j] != 0x3E, units[j] != 0x3C { j += 1 }
                if at(j) == 0x3E { blank(i..<(j + 1)); i = j + 1; continue }
            }
            if u == 0x5D, at(i + 1) == 0x28 { // ](target)
                var depth = 0, j = i + 1
                while j < line.upperBound {
                    if units[j] == 0x28 { depth += 1 } else if units[j] == 0x29 { depth -= 1; if depth == 0 { break } }
                    j += 1
                }
                if j < line.upperBound { blank((i + 1)..<(j + 1)); i = j + 1; continue }
            }
            if starts("http://", i) || starts("https://", i) || starts("www.", i) {
                var j = i
                // Up to a space or a mark that ends the URL in prose; Han characters count as part of a
                // path (https://example.com/公文/), since prose after a bare URL is set off by a space or a mark.
                while j < line.upperBound, units[j] > 0x20, !urlEnders.contains(units[j]) { j += 1 }
                // A URL does not end in the sentence's punctuation.
                while j > i, [0x2E, 0x2C, 0x3B, 0x3A, 0x21, 0x3F].contains(units[j - 1]) { j -= 1 }
                blank(i..<j)
                i = j
                continue
            }
            i += 1
        }
        return inComment
    }
}

extension String {
    func trimmingTrailingSpaces() -> String {
        var s = Substring(self)
        while s.last == " " || s.last == "\t" { s = s.dropLast() }
        return String(s)
    }
}
